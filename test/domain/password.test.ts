import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ALPHABET,
  DIGITS,
  LOWER,
  SYMBOLS,
  UPPER,
  UuidBits,
  generatePassword,
  meetsPolicy,
  uuidNibbles,
} from "../../src/domain/password.js";

/** A deterministic stream of well-formed type-4 UUIDs (SHA-256 of a counter). */
function fakeUuids(seed = "surel"): { next: () => string; calls: () => number } {
  let n = 0;
  return {
    next: () => {
      const h = createHash("sha256").update(`${seed}:${n++}`).digest("hex");
      const variant = "89ab"[parseInt(h[16]!, 16) & 3];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    calls: () => n,
  };
}

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the alphabet", () => {
  it("has no ambiguous or troublesome characters", () => {
    for (const c of "0Oo1lI|`'\"\\/-<>& $") expect(ALPHABET).not.toContain(c);
    expect(new Set(ALPHABET).size).toBe(ALPHABET.length);
    expect(ALPHABET.length).toBe(63);
  });
});

describe("uuidNibbles", () => {
  it("skips the version nibble and the variant nibble", () => {
    const nibbles = uuidNibbles("01234567-89ab-4cde-bf01-23456789abcd");
    expect(nibbles).toHaveLength(30);
    expect(nibbles.map((n) => n.toString(16)).join("")).toBe("0123456789abcdef0123456789abcd");
  });

  it("rejects anything that is not a type-4 UUID", () => {
    expect(() => uuidNibbles("01234567-89ab-1cde-8f01-23456789abcd")).toThrow(/type-4/);
    expect(() => uuidNibbles("01234567-89ab-4cde-7f01-23456789abcd")).toThrow(/type-4/);
    expect(() => uuidNibbles("not a uuid")).toThrow(/type-4/);
  });

  it("the variant nibble does not influence the password", () => {
    const uuids = fakeUuids("variant");
    const stream = Array.from({ length: 20 }, () => uuids.next());
    const withVariant = (v: string) => {
      let i = 0;
      return () => stream[i++]!.replace(/^(.{19})./, `$1${v}`);
    };
    expect(generatePassword(withVariant("8"))).toBe(generatePassword(withVariant("b")));
  });
});

describe("UuidBits", () => {
  it("reads bits in order and refills from new UUIDs", () => {
    const ids = ["ffffffff-ffff-4fff-bfff-ffffffffffff", "00000000-0000-4000-8000-000000000000"];
    let i = 0;
    const bits = new UuidBits(() => ids[i++]!);
    expect(bits.take(120)).toBe(2 ** 120 - 1); // 30 nibbles of f from the first UUID
    expect(bits.uuidCount).toBe(1);
    expect(bits.take(8)).toBe(0);
    expect(bits.uuidCount).toBe(2);
  });

  it("below(n) is uniform for bounds that are not powers of two (rejection, no modulo bias)", () => {
    for (const n of [10, 65, 3]) {
      const bits = new UuidBits(fakeUuids(`below${n}`).next, Infinity);
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < 400 * n; i++) counts[bits.below(n)]!++;
      // chi-square critical values at p = 0.001: 27.9 (9 dof), 99.6 (64 dof), 13.8 (2 dof)
      const limit = { 10: 27.9, 65: 99.6, 3: 13.8 }[n]!;
      expect(chiSquare(counts)).toBeLessThan(limit);
    }
  });

  it("modulo would be biased where rejection is not: values ≥ n are never returned", () => {
    // All-ones bits: 4 bits = 15 ≥ 10 is rejected again and again, so below(10) needs other bits.
    const ids = ["ffffffff-ffff-4fff-bfff-ffffffffffff", "11111111-1111-4111-9111-111111111111"];
    let i = 0;
    const bits = new UuidBits(() => ids[Math.min(i++, 1)]!);
    expect(bits.below(10)).toBe(1); // first nibble of the second UUID is 0001
    expect(bits.uuidCount).toBe(2);
  });
});

describe("generatePassword", () => {
  it("never touches Math.random", () => {
    vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random was called");
    });
    const uuids = fakeUuids();
    for (let i = 0; i < 50; i++) expect(meetsPolicy(generatePassword(uuids.next))).toBe(true);
  });

  it("has every class, only alphabet characters, and the asked length", () => {
    const uuids = fakeUuids("classes");
    for (const length of [12, 16, 40, 100]) {
      for (let i = 0; i < 40; i++) {
        const pw = generatePassword(uuids.next, length);
        expect(pw).toHaveLength(length);
        expect([...pw].every((c) => ALPHABET.includes(c))).toBe(true);
        for (const set of [LOWER, UPPER, DIGITS, SYMBOLS])
          expect([...pw].some((c) => set.includes(c))).toBe(true);
      }
    }
  });

  it("asks for more UUIDs when it runs out", () => {
    const uuids = fakeUuids("more");
    generatePassword(uuids.next, 100); // 600 bits at least: 5 UUIDs or more
    expect(uuids.calls()).toBeGreaterThanOrEqual(5);
  });

  it("is deterministic for a given stream and different across streams", () => {
    expect(generatePassword(fakeUuids("a").next)).toBe(generatePassword(fakeUuids("a").next));
    expect(generatePassword(fakeUuids("a").next)).not.toBe(generatePassword(fakeUuids("b").next));
  });

  it("characters are uniform within each class (chi-square over 3,000 passwords)", () => {
    const uuids = fakeUuids("distribution");
    const counts = new Map<string, number>([...ALPHABET].map((c) => [c, 0]));
    for (let i = 0; i < 3000; i++)
      for (const c of generatePassword(uuids.next)) counts.set(c, counts.get(c)! + 1);
    // critical values at p = 0.001: 23 dof → 49.7, 7 dof → 24.3, 6 dof → 22.5
    for (const [set, limit] of [
      [LOWER, 49.7],
      [UPPER, 49.7],
      [DIGITS, 24.3],
      [SYMBOLS, 22.5],
    ] as const) {
      expect(chiSquare([...set].map((c) => counts.get(c)!))).toBeLessThan(limit);
    }
    // And the classes themselves get their share: letters ≈ 48/63 of all characters.
    const total = 3000 * 16;
    const letters = [...(LOWER + UPPER)].reduce((s, c) => s + counts.get(c)!, 0);
    expect(letters / total).toBeGreaterThan(0.7);
    expect(letters / total).toBeLessThan(0.78);
  });

  it("refuses lengths outside 12–100 and a broken random source", () => {
    const uuids = fakeUuids();
    expect(() => generatePassword(uuids.next, 11)).toThrow(RangeError);
    expect(() => generatePassword(uuids.next, 101)).toThrow(RangeError);
    expect(() => generatePassword(() => "00000000-0000-4000-8000-000000000000")).toThrow(
      /without a usable password/,
    );
    expect(() => generatePassword(() => "oops")).toThrow(/type-4/);
  });

  it("meetsPolicy", () => {
    expect(meetsPolicy("abcDEF234#xyzW")).toBe(true);
    expect(meetsPolicy("abcDEF234xyzWq")).toBe(false); // no symbol
    expect(meetsPolicy("abcDEF2#")).toBe(false); // too short
    expect(meetsPolicy("abcDEF234#xyz0")).toBe(false); // ambiguous 0
  });
});
