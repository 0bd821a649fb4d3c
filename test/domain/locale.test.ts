import { describe, expect, it } from "vitest";
import { dateOrderOf, parseTimestamp, responseTime } from "../../src/domain/locale.js";

const WIB = 420;
const at = (iso: string) => Date.parse(iso);

describe("the spreadsheet's locale decides the order of day and month", () => {
  it("knows the month-first and year-first locales; everything else is day first", () => {
    expect(dateOrderOf("en_US")).toBe("mdy");
    expect(dateOrderOf("en-US")).toBe("mdy");
    expect(dateOrderOf("id_ID")).toBe("dmy");
    expect(dateOrderOf("id")).toBe("dmy");
    expect(dateOrderOf("en_GB")).toBe("dmy");
    expect(dateOrderOf("ja_JP")).toBe("ymd");
  });

  it("reads the same text differently by locale, never by guessing", () => {
    expect(parseTimestamp("11/3/2026 9:15:01", "mdy", WIB)).toBe(at("2026-11-03T09:15:01+07:00"));
    expect(parseTimestamp("11/3/2026 9:15:01", "dmy", WIB)).toBe(at("2026-03-11T09:15:01+07:00"));
    expect(parseTimestamp("11/20/2026 9:15:01", "mdy", WIB)).toBe(at("2026-11-20T09:15:01+07:00"));
    expect(parseTimestamp("11/20/2026 9:15:01", "dmy", WIB)).toBeNull();
    expect(parseTimestamp("2026/11/20 3:00:00 PM GMT+8", "dmy", WIB)).toBe(at("2026-11-20T15:00:00+08:00"));
    expect(parseTimestamp("2026-11-20T02:15:01.000Z", "mdy", WIB)).toBe(at("2026-11-20T02:15:01Z"));
    expect(parseTimestamp("31/2/2026", "dmy", WIB)).toBeNull();
    expect(parseTimestamp("13:00 kemarin", "dmy", WIB)).toBeNull();
  });

  it("refuses a timestamp in the future or unreadable; a Date cell is taken as it is", () => {
    const now = at("2026-11-23T08:00:00+07:00");
    expect(responseTime("8/20/2027 9:15:01", "", "mdy", WIB, now)).toMatchObject({
      ok: false,
      reason: "future",
    });
    expect(responseTime("", "20/11/2026 9:15:01", "mdy", WIB, now)).toEqual({
      ok: false,
      reason: "unreadable",
      ms: null,
    });
    expect(responseTime(new Date(now - 1000), "", "mdy", WIB, now)).toEqual({ ok: true, ms: now - 1000 });
    expect(responseTime(new Date(now + 86_400_000), "", "dmy", WIB, now)).toMatchObject({
      ok: false,
      reason: "future",
    });
  });
});
