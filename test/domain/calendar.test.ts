import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addWorkingMinutes,
  calendarFromConfig,
  formatDurationEn,
  formatDurationId,
  isWorkDay,
  isWorkingTime,
  nextWorkingStart,
  workingMinutesBetween,
  workingMinutesOnDate,
  zoneOffsetMinutes,
  type WorkCalendar,
} from "../../src/domain/calendar.js";
import { DEFAULT_HOURS, defaultConfig, pontianakConfig } from "../../src/domain/defaults.js";
import type { HolidayEntry } from "../../src/domain/config.js";
import { HOLIDAYS, HOLIDAYS_YEARS } from "../../src/generated/holidays.js";
import {
  computedHolidays,
  holidaysFor,
  HOLIDAYS_FILE,
  renderHolidaysModule,
} from "../../scripts/holidays.js";

/** Local wall time at a given offset ("+07:00") → epoch ms. */
const at = (local: string, zone = "+07:00"): number => Date.parse(`${local}:00${zone}`);

const WIB: WorkCalendar = { utcOffsetMinutes: 420, hours: DEFAULT_HOURS, holidays: [], cutiBersamaOff: true };
const withHolidays = (holidays: HolidayEntry[], cutiBersamaOff = true): WorkCalendar => ({
  ...WIB,
  holidays,
  cutiBersamaOff,
});

// 2026-11-20 is a Friday, 2026-11-23 a Monday.
describe("workingMinutesBetween", () => {
  it("counts minutes inside office hours on one day", () => {
    expect(workingMinutesBetween(at("2026-11-23T08:00"), at("2026-11-23T09:25"), WIB)).toBe(85);
  });

  it("does not count before opening or after closing", () => {
    expect(workingMinutesBetween(at("2026-11-23T06:00"), at("2026-11-23T08:00"), WIB)).toBe(30);
    expect(workingMinutesBetween(at("2026-11-23T15:30"), at("2026-11-23T19:00"), WIB)).toBe(30);
  });

  it("a request arriving at night starts counting the next morning", () => {
    expect(workingMinutesBetween(at("2026-11-23T20:00"), at("2026-11-24T08:00"), WIB)).toBe(30);
  });

  it("Friday afternoon to Monday: Friday closes at 16:30, the weekend does not count", () => {
    expect(workingMinutesBetween(at("2026-11-20T16:00"), at("2026-11-23T08:30"), WIB)).toBe(30 + 60);
    expect(workingMinutesBetween(at("2026-11-21T10:00"), at("2026-11-22T15:00"), WIB)).toBe(0);
  });

  it("a whole week is 4 × 510 + 540 minutes", () => {
    expect(workingMinutesBetween(at("2026-11-23T00:00"), at("2026-11-30T00:00"), WIB)).toBe(4 * 510 + 540);
  });

  it("holidays do not count; cuti bersama only when the setting says so", () => {
    const days: HolidayEntry[] = [
      { date: "2026-12-24", name: "Cuti bersama Natal", kind: "cuti" },
      { date: "2026-12-25", name: "Natal", kind: "libur" },
    ];
    const start = at("2026-12-24T08:00");
    const end = at("2026-12-25T12:00");
    expect(workingMinutesBetween(start, end, withHolidays(days, true))).toBe(0);
    expect(workingMinutesBetween(start, end, withHolidays(days, false))).toBe(480);
    expect(workingMinutesBetween(start, end, WIB)).toBe(480 + 270);
  });

  it("six-day weeks count Saturday", () => {
    const sixDays: WorkCalendar = { ...WIB, hours: { days: { ...DEFAULT_HOURS.days, 6: [450, 840] } } };
    expect(workingMinutesBetween(at("2026-11-21T07:00"), at("2026-11-21T15:00"), sixDays)).toBe(390);
    expect(workingMinutesBetween(at("2026-11-21T07:00"), at("2026-11-21T15:00"), WIB)).toBe(0);
  });

  it("is 0 for an empty or inverted interval, and rounds down to whole minutes", () => {
    expect(workingMinutesBetween(at("2026-11-23T09:00"), at("2026-11-23T08:00"), WIB)).toBe(0);
    expect(workingMinutesBetween(at("2026-11-23T09:00"), at("2026-11-23T09:00"), WIB)).toBe(0);
    expect(workingMinutesBetween(at("2026-11-23T09:00"), at("2026-11-23T09:00") + 599_999, WIB)).toBe(9);
  });

  it("uses the office's offset: the same instant is 08:00 in WIB but 09:00 in WITA", () => {
    const wita: WorkCalendar = { ...WIB, utcOffsetMinutes: 480 };
    const start = at("2026-11-23T07:00"); // 07:00 WIB = 08:00 WITA
    const end = at("2026-11-23T08:00");
    expect(workingMinutesBetween(start, end, WIB)).toBe(30);
    expect(workingMinutesBetween(start, end, wita)).toBe(60);
  });
});

describe("addWorkingMinutes", () => {
  it("crosses the weekend from Friday afternoon", () => {
    expect(addWorkingMinutes(at("2026-11-20T16:00"), 60, WIB)).toBe(at("2026-11-23T08:00"));
  });

  it("ends exactly at closing time rather than the next morning", () => {
    expect(addWorkingMinutes(at("2026-11-23T15:00"), 60, WIB)).toBe(at("2026-11-23T16:00"));
  });

  it("starts counting at the next opening for a night arrival", () => {
    expect(addWorkingMinutes(at("2026-11-23T20:00"), 10, WIB)).toBe(at("2026-11-24T07:40"));
  });

  it("0 minutes is the start itself", () => {
    expect(addWorkingMinutes(at("2026-11-22T03:00"), 0, WIB)).toBe(at("2026-11-22T03:00"));
  });

  it("skips the Nyepi and Idulfitri 2026 holidays, and the cuti bersama when they are off", () => {
    const year = HOLIDAYS.filter((h) => h.date.startsWith("2026-"));
    const start = at("2026-03-17T15:00"); // Tuesday; Wed 18 cuti, Thu 19 Nyepi, Fri 20 cuti, 21–22 Idulfitri, 23–24 cuti
    expect(addWorkingMinutes(start, 120, withHolidays(year, true))).toBe(at("2026-03-25T08:30"));
    expect(addWorkingMinutes(start, 120, withHolidays(year, false))).toBe(at("2026-03-18T08:30"));
  });

  it("six-day week: Friday 16:00 + 60 minutes is Saturday 08:00", () => {
    const sixDays: WorkCalendar = { ...WIB, hours: { days: { ...DEFAULT_HOURS.days, 6: [450, 840] } } };
    expect(addWorkingMinutes(at("2026-11-20T16:00"), 60, sixDays)).toBe(at("2026-11-21T08:00"));
  });

  it("is the inverse of workingMinutesBetween", () => {
    const cal = withHolidays(HOLIDAYS.slice(), true);
    const starts = [
      "2026-03-17T15:00",
      "2026-11-20T16:29",
      "2026-11-22T23:59",
      "2026-12-23T12:34",
      "2026-06-01T08:00",
    ];
    for (const s of starts) {
      for (const m of [1, 29, 30, 31, 509, 510, 511, 1000, 5000]) {
        const end = addWorkingMinutes(at(s), m, cal);
        expect(workingMinutesBetween(at(s), end, cal)).toBe(m);
        expect(isWorkingTime(end - 1, cal)).toBe(true);
      }
    }
  });

  it("refuses negative minutes and a calendar without work days", () => {
    expect(() => addWorkingMinutes(0, -1, WIB)).toThrow(RangeError);
    const none: WorkCalendar = { ...WIB, hours: { days: {} } };
    expect(() => addWorkingMinutes(at("2026-11-23T08:00"), 10, none)).toThrow(/tidak memiliki hari kerja/);
  });
});

describe("working time helpers", () => {
  it("isWorkingTime and nextWorkingStart", () => {
    expect(isWorkingTime(at("2026-11-23T07:30"), WIB)).toBe(true);
    expect(isWorkingTime(at("2026-11-23T16:00"), WIB)).toBe(false);
    expect(isWorkingTime(at("2026-11-20T16:15"), WIB)).toBe(true);
    expect(nextWorkingStart(at("2026-11-20T17:00"), WIB)).toBe(at("2026-11-23T07:30"));
    expect(nextWorkingStart(at("2026-11-23T10:00"), WIB)).toBe(at("2026-11-23T10:00"));
  });

  it("isWorkDay and workingMinutesOnDate", () => {
    const cal = withHolidays([{ date: "2026-12-25", name: "Natal", kind: "libur" }]);
    expect(isWorkDay("2026-12-24", cal)).toBe(true);
    expect(isWorkDay("2026-12-25", cal)).toBe(false);
    expect(isWorkDay("2026-12-26", cal)).toBe(false);
    expect(workingMinutesOnDate("2026-11-20", cal)).toBe(540);
    expect(workingMinutesOnDate("2026-11-19", cal)).toBe(510);
    expect(workingMinutesOnDate("2026-12-25", cal)).toBe(0);
  });

  it("zone names map to Indonesian offsets", () => {
    expect(zoneOffsetMinutes("Asia/Jakarta")).toBe(420);
    expect(zoneOffsetMinutes("Asia/Pontianak")).toBe(420);
    expect(zoneOffsetMinutes("Asia/Makassar")).toBe(480);
    expect(zoneOffsetMinutes("asia/jayapura")).toBe(540);
    expect(zoneOffsetMinutes("UTC+08:00")).toBe(480);
    expect(zoneOffsetMinutes("Europe/Berlin")).toBeUndefined();
    expect(calendarFromConfig(pontianakConfig()).utcOffsetMinutes).toBe(420);
    expect(() => calendarFromConfig({ ...defaultConfig(), timeZone: "Mars/Olympus" })).toThrow(/Zona waktu/);
  });
});

describe("formatDuration", () => {
  it("Indonesian", () => {
    expect(formatDurationId(85)).toBe("1 jam 25 menit");
    expect(formatDurationId(60)).toBe("1 jam");
    expect(formatDurationId(45)).toBe("45 menit");
    expect(formatDurationId(0)).toBe("0 menit");
    expect(formatDurationId(1500)).toBe("25 jam");
    expect(formatDurationId(-30)).toBe("-30 menit");
  });
  it("English", () => {
    expect(formatDurationEn(61)).toBe("1 hour 1 minute");
    expect(formatDurationEn(125)).toBe("2 hours 5 minutes");
    expect(formatDurationEn(0)).toBe("0 minutes");
  });
});

describe("the holiday generator", () => {
  it("names 27 Rajab Isra Mikraj, not Maulid (a package error)", () => {
    const y2027 = computedHolidays(2027);
    expect(y2027.find((h) => h.date === "2027-01-05")?.name).toBe("Isra Mikraj Nabi Muhammad SAW");
    const maulid = y2027.filter((h) => h.name.startsWith("Maulid"));
    expect(maulid.map((h) => h.date)).toEqual(["2027-08-14"]);
  });

  it("adds Easter Sunday, which the package lacks", () => {
    expect(computedHolidays(2027).find((h) => h.date === "2027-03-28")?.name).toBe(
      "Kebangkitan Yesus Kristus (Paskah)",
    );
  });

  it("uses the SKB for 2026, cuti bersama included", () => {
    const { entries, decreed, gaps } = holidaysFor([2026]);
    expect(decreed).toEqual([2026]);
    expect(gaps).toEqual([]);
    expect(entries.filter((h) => h.kind === "libur")).toHaveLength(17);
    expect(entries.filter((h) => h.kind === "cuti").map((h) => h.date)).toEqual([
      "2026-02-16",
      "2026-03-18",
      "2026-03-20",
      "2026-03-23",
      "2026-03-24",
      "2026-05-15",
      "2026-05-28",
      "2026-12-24",
    ]);
    // Idulfitri per SKB is 21–22 March (the package computes 20–21).
    expect(entries.filter((h) => h.name === "Hari Raya Idulfitri").map((h) => h.date)).toEqual([
      "2026-03-21",
      "2026-03-22",
    ]);
  });

  it("reports years where Nyepi and Waisak are missing", () => {
    expect(holidaysFor([2029]).gaps).toEqual([
      { year: 2029, missing: ["Hari Suci Nyepi (Tahun Baru Saka)", "Hari Raya Waisak"] },
    ]);
  });

  it("the committed file is what the generator writes for its base year (deterministic)", () => {
    const base = HOLIDAYS_YEARS[0] + 1;
    expect(HOLIDAYS_YEARS[1]).toBe(base + 4);
    expect(renderHolidaysModule(base)).toBe(readFileSync(HOLIDAYS_FILE, "utf8"));
    expect(renderHolidaysModule(base)).toBe(renderHolidaysModule(base));
  });
});
