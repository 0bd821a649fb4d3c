import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../src/domain/audit.js";
import { loggedState, rowVerdict } from "../../src/domain/replay.js";
import { sampleOffice } from "./office-fixture.js";

const config = sampleOffice();
const entry = (seq: number, action: string, from: string, to: string, actor = "sistem"): LogEntry => ({
  seq,
  ticket: "SRL-2611-0001",
  from,
  to,
  action,
  actor,
  timeMs: 1_000 * seq,
  note: "",
  prevHash: "",
  hash: "",
});
const history = [
  entry(1, "diterima", "", "baru/kadis"),
  entry(2, "teruskan", "baru/kadis", "diproses/kabid", "kadis@contohkota.go.id"),
  entry(3, "ditolak_sistem", "diproses/kabid", "diproses/kabid", "orang@lain.id"),
];

describe("the log replayed", () => {
  it("where the request is, who is responsible and since when; a refused attempt moves nothing", () => {
    expect(loggedState(history, config)).toEqual({
      status: "diproses",
      stageKey: "kabid",
      responsible: ["kabid@contohkota.go.id"],
      stageEnteredMs: 2_000,
      lastSeq: 2,
      maxSeq: 3,
      reminders: { remindedMs: 0, escalatedMs: 0 },
    });
    expect(loggedState([], config)).toBeNull();
  });
});

describe("the verdict for a register row", () => {
  const logged = loggedState(history, config);

  it("a row that agrees, or has nothing to compare with, is left alone", () => {
    expect(rowVerdict("diproses/kabid", 2, logged)).toEqual({ kind: "skip" });
    expect(rowVerdict("baru/kadis", 0, null)).toEqual({ kind: "skip" });
  });

  it("a history that cannot be trusted is flagged, with a signature of what was seen", () => {
    expect(rowVerdict("baru/kadis", 7, null)).toEqual({
      kind: "flag",
      why: "no_history",
      signature: "none|baru/kadis|7",
    });
    expect(rowVerdict("diproses/kabid", 9, logged)).toEqual({
      kind: "flag",
      why: "history_lost",
      signature: "lost|diproses/kabid|9|3",
    });
  });

  it("a row behind its log is rewritten; only its log number when the state agrees", () => {
    expect(rowVerdict("baru/kadis", 1, logged)).toEqual({ kind: "repair", seqOnly: false });
    expect(rowVerdict("diproses/kabid", 1, logged)).toEqual({ kind: "repair", seqOnly: true });
    expect(rowVerdict("diproses/kabid", 0, logged)).toEqual({ kind: "repair", seqOnly: true });
  });
});
