import { describe, expect, it } from "vitest";
import {
  dayName,
  formatDate,
  formatDateTime,
  formatYmd,
  localDate,
  localDateKey,
  localParts,
  monthName,
  officeZoneOffset,
  parseMonthName,
  zoneAbbreviation,
  zoneOffsetMinutes,
} from "../../src/domain/dates.js";
import { zoneOffsetMinutes as calendarZone } from "../../src/domain/calendar.js";

const at = (iso: string): number => Date.parse(`${iso}+07:00`);

describe("zones", () => {
  it("reads the Indonesian zones and fixed forms; unknown is undefined, or WIB for the office", () => {
    expect(zoneOffsetMinutes("Asia/Jakarta")).toBe(420);
    expect(zoneOffsetMinutes(" asia/makassar ")).toBe(480);
    expect(zoneOffsetMinutes("Asia/Jayapura")).toBe(540);
    expect(zoneOffsetMinutes("GMT+05:30")).toBe(330);
    expect(zoneOffsetMinutes("Etc/GMT-9")).toBe(540);
    expect(zoneOffsetMinutes("Europe/Nowhere")).toBeUndefined();
    expect(zoneOffsetMinutes("constructor")).toBeUndefined();
    expect(officeZoneOffset("Europe/Nowhere")).toBe(420);
    expect(officeZoneOffset("WITA")).toBe(480);
  });

  it("is the one implementation behind the old names", () => {
    expect(calendarZone).toBe(zoneOffsetMinutes);
  });

  it("abbreviates the zones", () => {
    expect([420, 480, 540, 0, 330, -210].map(zoneAbbreviation)).toEqual([
      "WIB",
      "WITA",
      "WIT",
      "UTC+0",
      "UTC+5:30",
      "UTC-3:30",
    ]);
  });
});

describe("local parts", () => {
  it("follows the offset across midnight", () => {
    const ms = Date.parse("2026-11-22T16:30:00Z");
    expect(localDate(ms, 420)).toEqual({ year: 2026, month: 11, day: 22 });
    expect(localDate(ms, 480)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(localParts(ms, 540)).toMatchObject({ day: 23, hour: 1, minute: 30, weekday: 1 });
    expect(localDateKey(ms, 480)).toBe("2026-11-23");
  });
});

describe("month and day names", () => {
  it("names months and days in both languages", () => {
    expect(monthName(8, "id")).toBe("Agustus");
    expect(monthName(8, "en")).toBe("August");
    expect(dayName(0, "id")).toBe("Minggu");
    expect(dayName(5, "en")).toBe("Friday");
  });

  it("reads full names, abbreviations and old spellings; nothing else", () => {
    expect(
      ["Januari", "january", "Peb", "Pebruari", "mei", "May", "Agt", "agst", "Sept.", "Nopember", "Des"].map(
        parseMonthName,
      ),
    ).toEqual([1, 1, 2, 2, 5, 5, 8, 8, 9, 11, 12]);
    expect(parseMonthName("")).toBeUndefined();
    expect(parseMonthName("toString")).toBeUndefined();
    expect(parseMonthName("Bulan")).toBeUndefined();
  });
});

describe("formats", () => {
  it("a calendar date, and an instant with day name and time in both languages", () => {
    expect(formatYmd({ year: 2026, month: 11, day: 22 }, "id")).toBe("22 November 2026");
    const ms = at("2026-08-17T09:05");
    expect(formatDate(ms, 420, "id")).toBe("17 Agustus 2026");
    expect(formatDate(ms, 420, "id", { withDay: true, withTime: true })).toBe(
      "Senin, 17 Agustus 2026 pukul 09.05 WIB",
    );
    expect(formatDate(ms, 420, "en", { withDay: true })).toBe("Monday, 17 August 2026");
    expect(formatDateTime(ms, 420, "en")).toBe("17 August 2026 at 09:05 WIB");
    expect(formatDateTime(ms, 480, "id")).toBe("17 Agustus 2026 pukul 10.05 WITA");
  });
});
