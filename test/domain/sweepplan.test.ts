import { describe, expect, test } from "vitest";
import {
  EXECUTION_SPAN_MS,
  FULL_PASS_EVERY_MS,
  earliest,
  parseSummary,
  planSweep,
  summaryAfter,
} from "../../src/domain/sweepplan.js";

const T0 = Date.parse("2026-11-23T03:00:00Z"); // 10:00 WIB
const MIN = 60_000;
const idle = summaryAfter(T0, 420, false, T0 + 90 * MIN);

describe("planSweep", () => {
  test("nothing marked, nothing due, within the hour and the day: idle", () => {
    expect(planSweep(idle, T0 - EXECUTION_SPAN_MS - 1, T0 + 10 * MIN)).toEqual({ full: false });
  });
  test("each reason for a full pass", () => {
    const at = (s: typeof idle | null, work: number, now: number) => planSweep(s, work, now);
    expect(at(null, 0, T0)).toEqual({ full: true, reason: "no_summary" });
    expect(at({ ...idle, outstanding: true }, 0, T0 + MIN)).toEqual({ full: true, reason: "outstanding" });
    expect(at(idle, 0, T0 - MIN)).toEqual({ full: true, reason: "clock" });
    // A mark from an execution that may still have run while the pass looked.
    expect(at(idle, T0 - EXECUTION_SPAN_MS + 1, T0 + 10 * MIN)).toEqual({ full: true, reason: "work" });
    expect(at(idle, 0, T0 + 90 * MIN)).toEqual({ full: true, reason: "due" });
    expect(at({ ...idle, nextDueMs: 0 }, 0, T0 + FULL_PASS_EVERY_MS)).toEqual({
      full: true,
      reason: "hourly",
    });
    // 23:55 WIB → 00:05 WIB: a new office day.
    const late = summaryAfter(Date.parse("2026-11-23T16:55:00Z"), 420, false, 0);
    expect(at(late, 0, Date.parse("2026-11-23T17:05:00Z"))).toEqual({ full: true, reason: "new_day" });
  });
  test("a summary that cannot be read means a full pass", () => {
    expect(parseSummary("{")).toBeNull();
    expect(parseSummary(JSON.stringify({ fullAt: 1 }))).toBeNull();
    expect(parseSummary(JSON.stringify(idle))).toEqual(idle);
  });
  test("earliest ignores 0 and what is not a moment", () => {
    expect(earliest(0, 5, 3, Infinity, NaN)).toBe(3);
    expect(earliest(0)).toBe(0);
  });
});
