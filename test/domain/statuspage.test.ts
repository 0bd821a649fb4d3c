/**
 * The status page's pure rules: the secret code (UUID randomness, lenient reading), the record's
 * history, what the page shows and when, the attempt limits; and the complaint checks.
 */
import { statusFailKey } from "../../src/domain/keys.js";
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  afterFailure,
  applyTransition,
  CODE_ALPHABET,
  firstName,
  generateStatusCode,
  GLOBAL_FAILURES,
  historyFromText,
  historyToText,
  mayTry,
  parseStateLabel,
  readCode,
  remainingMinutes,
  sameDigest,
  statusView,
  TICKET_FAILURES,
  WINDOW_MS,
  type StatusRecord,
} from "../../src/domain/statuspage.js";
import { checkComplaint, decideComplaint, parseComplaintAction } from "../../src/domain/complaints.js";
import { sampleOffice } from "./office-fixture.js";

const MON_0800 = Date.UTC(2026, 10, 23, 1, 0); // Monday 23 November 2026, 08:00 WIB

describe("the secret code", () => {
  test("12 characters of Crockford base32, 5 bits each, from UUIDs only", () => {
    const uuids: string[] = [];
    const code = generateStatusCode(() => {
      const u = randomUUID();
      uuids.push(u);
      return u;
    });
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    for (const ch of code.replace(/-/g, "")) expect(CODE_ALPHABET).toContain(ch);
    expect(uuids).toHaveLength(1); // 60 bits from one UUID's 120 random bits
  });

  test("all 32 symbols occur and codes differ", () => {
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const c = generateStatusCode(randomUUID);
      codes.add(c);
      for (const ch of c.replace(/-/g, "")) seen.add(ch);
    }
    expect(seen.size).toBe(32);
    expect(codes.size).toBe(400);
  });

  test("a fixed UUID gives a fixed code (the bits are read in order)", () => {
    expect(generateStatusCode(() => "00000000-0000-4000-8000-000000000000")).toBe("0000-0000-0000");
    expect(generateStatusCode(() => "ffffffff-ffff-4fff-bfff-ffffffffffff")).toBe("ZZZZ-ZZZZ-ZZZZ");
  });

  test("typed codes are read leniently, and nothing else passes", () => {
    expect(readCode("z42q-e9wz-230z")).toBe("Z42QE9WZ230Z");
    expect(readCode(" Z42Q E9WZ 23OZ ")).toBe("Z42QE9WZ230Z");
    expect(readCode("1LI0-O000-0000")).toBe("111000000000");
    expect(readCode("Z42Q-E9WZ-230")).toBeNull();
    expect(readCode("Z42Q-E9WZ-230U")).toBeNull();
    expect(readCode("")).toBeNull();
  });

  test("digests compare in constant time and never match empty", () => {
    expect(sameDigest("ab12", "ab12")).toBe(true);
    expect(sameDigest("ab12", "ab13")).toBe(false);
    expect(sameDigest("", "")).toBe(false);
    expect(sameDigest("ab", "abc")).toBe(false);
  });

  test("first name only", () => {
    expect(firstName("Ahmad Fauzi")).toBe("Ahmad");
    expect(firstName("  Siti   Rahma ")).toBe("Siti");
    expect(firstName("")).toBe("");
  });
});

describe("the record", () => {
  const base: StatusRecord = {
    ticket: "SRL-2611-0001",
    firstName: "Ahmad",
    status: "baru",
    stageKey: "kadis",
    sinceMs: MON_0800,
    receivedMs: MON_0800,
    history: [{ status: "baru", stageKey: "kadis", atMs: MON_0800 }],
  };

  test("log labels are read as states; complaint labels are not", () => {
    expect(parseStateLabel("diproses/kabid")).toEqual({ status: "diproses", stageKey: "kabid" });
    expect(parseStateLabel("selesai")).toEqual({ status: "selesai", stageKey: "" });
    expect(parseStateLabel("pengaduan/baru")).toBeNull();
    expect(parseStateLabel("")).toBeNull();
  });

  test("a move grows the history; staying put changes nothing", () => {
    const moved = applyTransition(base, { status: "diproses", stageKey: "kabid", atMs: MON_0800 + 60_000 });
    expect(moved.history).toHaveLength(2);
    expect(moved.sinceMs).toBe(MON_0800 + 60_000);
    expect(applyTransition(moved, { status: "diproses", stageKey: "kabid", atMs: MON_0800 + 120_000 })).toBe(
      moved,
    );
  });

  test("history survives its cell, and junk reads as empty", () => {
    expect(historyFromText(historyToText(base.history))).toEqual(base.history);
    expect(historyFromText("not json")).toEqual([]);
    expect(historyFromText('[["nonsense","x",1]]')).toEqual([]);
  });

  test("expected completion: what is left of this stage, then the later stages", () => {
    const config = sampleOffice();
    // Four stages of 60 minutes; 30 working minutes spent at the first.
    expect(remainingMinutes(config, base, MON_0800 + 30 * 60_000)).toBe(30 + 180);
    const view = statusView(config, base, MON_0800 + 30 * 60_000, 420);
    expect(view.expected).toBe("23 November 2026 pukul 12.00 WIB");
    expect(view.next).toBe(
      "Permohonan sedang diproses oleh Kepala Dinas. Sesudah itu: Kepala Bidang e-Government \u2192 Kepala Seksi PKSI \u2192 Staf Teknis.",
    );
    expect(view.late).toBe(false);
    // No promise while the applicant must act or the request is held or closed.
    for (const status of ["perlu perbaikan", "ditahan", "ditolak", "selesai"] as const)
      expect(statusView(config, { ...base, status }, MON_0800, 420).expected).toBe("");
  });

  test("late once the service standard has passed", () => {
    const config = sampleOffice();
    const twoDaysLater = MON_0800 + 2 * 86_400_000;
    expect(statusView(config, base, twoDaysLater, 420).late).toBe(true);
  });

  test("English when the office works in English", () => {
    const config = sampleOffice({ language: "en" });
    const view = statusView(config, base, MON_0800, 420, "en");
    expect(view.statusLabel).toBe("new");
    expect(view.next).toContain("The request is with Kepala Dinas.");
    expect(view.expected).toBe("23 November 2026 at 12:00 WIB");
  });
});

describe("attempt limits", () => {
  test("per ticket and over all tickets, for one window", () => {
    let t = afterFailure(null, MON_0800);
    for (let i = 1; i < TICKET_FAILURES; i++) t = afterFailure(t, MON_0800 + i);
    const all = { count: 0, sinceMs: MON_0800 };
    expect(mayTry(t, all, MON_0800 + 10)).toBe(false);
    expect(mayTry(t, all, MON_0800 + WINDOW_MS)).toBe(true);
    expect(
      mayTry({ count: 0, sinceMs: MON_0800 }, { count: GLOBAL_FAILURES, sinceMs: MON_0800 }, MON_0800),
    ).toBe(false);
  });

  test("the key is the ticket as typed, upper-cased and without spaces", () => {
    expect(statusFailKey("SRL-2611-0001")).toBe("status:fail:SRL-2611-0001");
    expect(statusFailKey(" srl-2611-0001 ")).toBe("status:fail:SRL-2611-0001");
  });
});

describe("complaints", () => {
  test("checked: name, address, ticket, length", () => {
    const ok = checkComplaint({
      name: " Rina  Warga ",
      email: "Rina@Gmail.com",
      ticket: "srl 2611 0003",
      text: "x".repeat(20),
    });
    expect(ok).toEqual({
      ok: true,
      value: { name: "Rina Warga", email: "rina@gmail.com", ticket: "SRL-2611-0003", text: "x".repeat(20) },
    });
    const bad = checkComplaint({ name: "", email: "a@b", ticket: "zz", text: "x".repeat(2001) });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.code)).toEqual([
        "complaint.problem.name",
        "complaint.problem.email",
        "complaint.problem.ticket",
        "complaint.problem.text_long",
      ]);
  });

  test("handlers and administrators answer, with a response; a closed complaint takes nothing", () => {
    const config = sampleOffice();
    const input = { status: "baru" as const, action: "tanggapi" as const, note: "Jawaban", config };
    expect(decideComplaint({ ...input, actor: "KADIS@contohkota.go.id" })).toEqual({
      ok: true,
      status: "ditanggapi",
      notifyComplainant: true,
    });
    expect(
      decideComplaint({ ...input, actor: "admin@contohkota.go.id", action: "selesaikan" }),
    ).toMatchObject({
      ok: true,
      status: "selesai",
    });
    expect(decideComplaint({ ...input, actor: "orang@contohkota.go.id" })).toMatchObject({ ok: false });
    expect(decideComplaint({ ...input, actor: "kadis@contohkota.go.id", note: " " })).toMatchObject({
      ok: false,
    });
    expect(decideComplaint({ ...input, actor: "kadis@contohkota.go.id", status: "selesai" })).toMatchObject({
      ok: false,
    });
  });

  test("dropdown labels are read in both languages", () => {
    expect(parseComplaintAction("Tanggapi")).toBe("tanggapi");
    expect(parseComplaintAction("close")).toBe("selesaikan");
    expect(parseComplaintAction("Teruskan")).toBeNull();
  });
});
