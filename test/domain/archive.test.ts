/** The yearly archive's pure rules (src/domain/archive.ts). */
import { describe, expect, test } from "vitest";
import { archivable, dueArchiveYear, logCut, ticketYear, yearStartMs } from "../../src/domain/archive.js";

const WIB = 420;

describe("when a year's archive is due", () => {
  test("months after 1 January of the next year, office time; each year once; 0 turns it off", () => {
    const april = yearStartMs(2028, WIB) + 91 * 86_400_000; // 1 April 2028, 00:00 WIB
    expect(dueArchiveYear(april - 1, WIB, 3, 0)).toBe(2026); // 31 March 2028: 2027 not yet
    expect(dueArchiveYear(april, WIB, 3, 0)).toBe(2027);
    expect(dueArchiveYear(april, WIB, 3, 2027)).toBeNull();
    expect(dueArchiveYear(april, WIB, 0, 0)).toBeNull();
    expect(dueArchiveYear(yearStartMs(2028, WIB), WIB, 3, 2026)).toBeNull();
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
