/** The yearly archive's pure rules (src/domain/archive.ts). */
import { describe, expect, test } from "vitest";
import { archivable, dueArchiveRun, logCut, ticketYear, yearStartMs } from "../../src/domain/archive.js";

const WIB = 420;

describe("when an archive run is due", () => {
  test("once a month, office time; the cutoff months back; the year the requests closed in", () => {
    const may = Date.UTC(2028, 4, 1) - WIB * 60_000; // 1 May 2028, 00:00 WIB
    expect(dueArchiveRun(may, WIB, 3, "")).toEqual({
      key: "2028-05",
      year: 2028,
      cutoffMs: Date.UTC(2028, 1, 1) - WIB * 60_000,
    });
    expect(dueArchiveRun(may - 1, WIB, 3, "")).toMatchObject({ key: "2028-04", year: 2027 });
    expect(dueArchiveRun(may, WIB, 3, "2028-05")).toBeNull();
    expect(dueArchiveRun(may, WIB, 0, "")).toBeNull();
    expect(dueArchiveRun(yearStartMs(2028, WIB), WIB, 3, "")).toMatchObject({ key: "2028-01", year: 2027 });
  });

  test("closed before the cutoff and needing nothing more", () => {
    const cutoff = yearStartMs(2027, WIB);
    const base = { status: "ditolak", closedMs: cutoff - 1, provisioningPending: false };
    expect(archivable(base, cutoff)).toBe(true);
    expect(archivable({ ...base, closedMs: cutoff }, cutoff)).toBe(false);
    expect(archivable({ ...base, closedMs: 0 }, cutoff)).toBe(false);
    expect(archivable({ ...base, status: "diproses" }, cutoff)).toBe(false);
    expect(archivable({ ...base, status: "selesai", provisioningPending: true }, cutoff)).toBe(false);
    expect(archivable({ ...base, status: "ditolak", provisioningPending: true }, cutoff)).toBe(true);
  });
});

describe("the log's cut and its segments", () => {
  test("just before the first entry of a ticket that stays, never past upTo", () => {
    const entries = [
      { seq: 1, ticket: "A" },
      { seq: 2, ticket: "" },
      { seq: 3, ticket: "B" },
      { seq: 4, ticket: "A" },
    ];
    expect(logCut(entries, (t) => t === "B", 10)).toBe(2);
    expect(logCut(entries, () => false, 3)).toBe(3);
    expect(logCut(entries, (t) => t === "A", 10)).toBe(0);
  });

  test("a ticket's year", () => {
    expect(ticketYear("SRL-2704-0012")).toBe(2027);
    expect(ticketYear("ADU-2704-0001")).toBe(0);
  });
});
