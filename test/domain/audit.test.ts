import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  appendEntries,
  canonical,
  chain,
  digestToHex,
  stateLabel,
  verifyChain,
  type LogEntry,
} from "../../src/domain/audit.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

function makeLog(n: number): LogEntry[] {
  return appendEntries(
    { seq: 0, hash: GENESIS_HASH },
    Array.from({ length: n }, (_, i) => ({
      ticket: `SRL-2026-${String(Math.floor(i / 3) + 1).padStart(5, "0")}`,
      from: stateLabel("baru", "kadis"),
      to: stateLabel("diproses", "kabid"),
      action: "teruskan",
      actor: `pejabat${i}@contohkota.go.id`,
      timeMs: 1_790_000_000_000 + i * 60_000,
      note: i === 2 ? 'catatan "dengan" kutip, koma; dan\nbaris baru' : "",
    })),
    sha256,
  );
}

describe("chain and canonical", () => {
  it("links every entry to the previous hash, starting at the genesis hash", () => {
    const log = makeLog(4);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < log.length; i++) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);
    expect(log[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the hash covers every field", () => {
    const base = makeLog(1)[0]!;
    const { hash: _h, prevHash, ...unsealed } = base;
    const variants: Partial<LogEntry>[] = [
      { seq: 2 },
      { ticket: "X" },
      { from: "x" },
      { to: "x" },
      { action: "tolak" },
      { actor: "x@y.id" },
      { timeMs: base.timeMs + 1 },
      { note: "x" },
    ];
    for (const v of variants) {
      expect(chain(prevHash, { ...unsealed, ...v }, sha256).hash).not.toBe(base.hash);
    }
    expect(chain("f".repeat(64), unsealed, sha256).hash).not.toBe(base.hash);
    expect(chain(prevHash, unsealed, sha256).hash).toBe(base.hash);
  });

  it("the serialisation is unambiguous across field boundaries and ignores key order", () => {
    const a = {
      seq: 1,
      ticket: "A",
      from: "b/c",
      to: "d",
      action: "e",
      actor: "f",
      timeMs: 1,
      note: "",
      prevHash: "0",
    };
    const b = { ...a, ticket: "A/b", from: "c" };
    expect(canonical(a)).not.toBe(canonical(b));
    const reordered = {
      prevHash: "0",
      note: "",
      timeMs: 1,
      actor: "f",
      action: "e",
      to: "d",
      from: "b/c",
      ticket: "A",
      seq: 1,
    };
    expect(canonical(reordered)).toBe(canonical(a));
  });

  it("stateLabel", () => {
    expect(stateLabel("diproses", "kabid")).toBe("diproses/kabid");
    expect(stateLabel("perlu perbaikan", "")).toBe("perlu perbaikan");
  });
});

describe("verifyChain", () => {
  it("accepts an intact log", () => {
    const log = makeLog(7);
    expect(verifyChain(log, sha256)).toEqual({ ok: true, count: 7, head: { seq: 7, hash: log[6]!.hash } });
    expect(verifyChain([], sha256)).toMatchObject({ ok: true, count: 0 });
  });

  it("detects an edited field", () => {
    const log = makeLog(5);
    log[2] = { ...log[2]!, actor: "penyusup@contohkota.go.id" };
    expect(verifyChain(log, sha256)).toMatchObject({ ok: false, firstBad: 3, index: 2, problem: "edited" });
  });

  it("detects an edited entry whose hash was recomputed (the next entry no longer links)", () => {
    const log = makeLog(5);
    const { hash: _h, ...rest } = log[1]!;
    log[1] = chain(rest.prevHash, { ...rest, note: "diubah" }, sha256);
    const result = verifyChain(log, sha256);
    expect(result).toMatchObject({ ok: false, firstBad: 2, index: 1, problem: "edited" });
  });

  it("detects a deleted entry", () => {
    const log = makeLog(5);
    log.splice(2, 1);
    const result = verifyChain(log, sha256);
    expect(result).toMatchObject({ ok: false, firstBad: 3, index: 2, problem: "missing" });
    if (!result.ok) expect(result.reason).toContain("#3");
  });

  it("detects an inserted entry (duplicate seq)", () => {
    const log = makeLog(5);
    const forged = chain(log[1]!.hash, { ...log[2]!, note: "palsu" }, sha256);
    log.splice(3, 0, forged);
    expect(verifyChain(log, sha256)).toMatchObject({ ok: false, firstBad: 3, index: 3, problem: "inserted" });
  });

  it("detects reordered entries", () => {
    const log = makeLog(5);
    [log[1], log[2]] = [log[2]!, log[1]!];
    expect(verifyChain(log, sha256)).toMatchObject({
      ok: false,
      firstBad: 2,
      index: 1,
      problem: "reordered",
    });
  });

  it("detects a truncated tail only with the head anchor", () => {
    const log = makeLog(5);
    const head = { seq: 5, hash: log[4]!.hash };
    const truncated = log.slice(0, 4);
    expect(verifyChain(truncated, sha256).ok).toBe(true);
    expect(verifyChain(truncated, sha256, { head })).toMatchObject({
      ok: false,
      firstBad: 5,
      problem: "truncated",
    });
    expect(verifyChain(log, sha256, { head }).ok).toBe(true);
  });

  it("detects a completely rewritten log against the head anchor", () => {
    const log = makeLog(3);
    const head = { seq: 3, hash: log[2]!.hash };
    const rewritten = appendEntries(
      { seq: 0, hash: GENESIS_HASH },
      log.map(({ seq: _s, prevHash: _p, hash: _h, ...e }) => ({ ...e, note: "ditulis ulang" })),
      sha256,
    );
    expect(verifyChain(rewritten, sha256).ok).toBe(true);
    expect(verifyChain(rewritten, sha256, { head })).toMatchObject({
      ok: false,
      firstBad: 3,
      problem: "edited",
    });
  });

  it("verifies a tail from a start anchor and rejects a tail that does not connect", () => {
    const log = makeLog(6);
    const start = { seq: 3, hash: log[2]!.hash };
    expect(verifyChain(log.slice(3), sha256, { start })).toMatchObject({ ok: true, count: 3 });
    expect(verifyChain(log.slice(3), sha256, { start: { seq: 3, hash: GENESIS_HASH } })).toMatchObject({
      ok: false,
      problem: "bad_start",
    });
  });
});

describe("digestToHex", () => {
  it("turns the signed bytes of Utilities.computeDigest into the usual hex", () => {
    const bytes = [...createHash("sha256").update("abc").digest()];
    const signed = bytes.map((b) => (b > 127 ? b - 256 : b));
    expect(digestToHex(signed)).toBe(sha256("abc"));
    expect(digestToHex(bytes)).toBe(sha256("abc"));
    expect(digestToHex([-128, -1, 0, 127])).toBe("80ff007f");
  });
});
