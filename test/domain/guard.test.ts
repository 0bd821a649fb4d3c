/**
 * The entry-point guard's rules (src/domain/guard.ts): what an argument proves, the project's own
 * triggers, a caller's own authority and the hourly record limit.
 */
import { describe, expect, it } from "vitest";
import {
  REFUSALS_RECORDED_PER_HOUR,
  eventEvidence,
  foreignAuthority,
  isOwnTrigger,
  isPublicEntryPoint,
  ownAuthority,
  refusalHour,
  refusalRecord,
} from "../../src/domain/guard.js";

describe("eventEvidence", () => {
  it("a runtime object with methods in range, source or response is a runtime event", () => {
    expect(eventEvidence({ range: { getA1Notation: () => "K2" } })).toEqual({ kind: "runtime" });
    expect(eventEvidence({ source: { getId: () => "x" } })).toEqual({ kind: "runtime" });
    expect(eventEvidence({ response: { getItemResponses: () => [] }, triggerUid: "1" })).toEqual({
      kind: "runtime",
    });
  });

  it("the same fields as plain data (all google.script.run can send) prove nothing but a trigger id", () => {
    expect(eventEvidence({ range: { a1: "K2", getA1Notation: "K2" }, user: { email: "a@b" } })).toEqual({
      kind: "none",
    });
    expect(eventEvidence({ range: { a1: "K2" }, triggerUid: "4034124084959907503" })).toEqual({
      kind: "trigger",
      uid: "4034124084959907503",
    });
    expect(eventEvidence({ triggerUid: 12345 })).toEqual({ kind: "trigger", uid: "12345" });
    for (const v of [undefined, null, "", 0, "x", [], {}, { triggerUid: "" }, { triggerUid: {} }])
      expect(eventEvidence(v)).toEqual({ kind: "none" });
  });
});

describe("isOwnTrigger", () => {
  const triggers = [
    { uid: "11", handler: "onRegisterEdit" },
    { uid: "22", handler: "sweep" },
  ];
  it("the id must be one of the project's triggers and run this very function", () => {
    expect(isOwnTrigger("22", "sweep", triggers)).toBe(true);
    expect(isOwnTrigger("22", "setup", triggers)).toBe(false);
    expect(isOwnTrigger("33", "sweep", triggers)).toBe(false);
    expect(isOwnTrigger("22", "sweep", [])).toBe(false);
  });
});

describe("ownAuthority", () => {
  it("a known active user who is the effective user; never an anonymous or another visitor", () => {
    expect(ownAuthority({ active: "Layanan.Surel@x.go.id", effective: "layanan.surel@x.go.id" })).toBe(true);
    expect(ownAuthority({ active: "", effective: "layanan.surel@x.go.id" })).toBe(false);
    expect(ownAuthority({ active: "kadis@x.go.id", effective: "layanan.surel@x.go.id" })).toBe(false);
    expect(ownAuthority({ active: "", effective: "" })).toBe(false);
  });
});

describe("the record limit", () => {
  it("records the first ones of an hour, says so with the last, then only counts", () => {
    const plans = Array.from({ length: REFUSALS_RECORDED_PER_HOUR + 3 }, (_, i) => refusalRecord(i));
    expect(plans.filter((p) => p === "record")).toHaveLength(REFUSALS_RECORDED_PER_HOUR - 1);
    expect(plans[REFUSALS_RECORDED_PER_HOUR - 1]).toBe("record_last");
    expect(plans.slice(REFUSALS_RECORDED_PER_HOUR)).toEqual(["count", "count", "count"]);
    expect(refusalHour(3_600_000 * 5 + 3_599_999)).toBe(5);
  });

  it("the status page's three are the only public entry points", () => {
    expect(["doGet", "lookupStatus", "fileComplaint"].every(isPublicEntryPoint)).toBe(true);
    expect(
      ["setup", "sweep", "doctorReport", "onRegisterEdit", "lookupStatus_"].some(isPublicEntryPoint),
    ).toBe(false);
  });
});

describe("the installer's rights", () => {
  const SA = "layanan.surel@contohkota.go.id";
  it("refuses code running with anyone else's rights but for setup and sweep, which say why themselves", () => {
    expect(foreignAuthority("onRegisterEdit", "kadis@contohkota.go.id", SA)).toBe(true);
    expect(foreignAuthority("verifyLog", "KADIS@contohkota.go.id", SA)).toBe(true);
    expect(foreignAuthority("onRegisterEdit", "Layanan.Surel@contohkota.go.id", SA)).toBe(false);
    expect(foreignAuthority("setup", "kadis@contohkota.go.id", SA)).toBe(false);
    expect(foreignAuthority("sweep", "kadis@contohkota.go.id", SA)).toBe(false);
  });

  it("checks nothing before the first setup has recorded an installer", () => {
    expect(foreignAuthority("onRegisterEdit", "kadis@contohkota.go.id", "")).toBe(false);
  });
});
