/**
 * The tamper-evident log: every disposition and system step is one entry, chained to the previous
 * one by a SHA-256 hash over a stable serialisation. Editing, deleting, inserting or reordering
 * entries on the (editable) log sheet breaks the chain, and verifyChain says where.
 *
 * The log is one chain across all tickets (one log sheet). Truncating the tail is only detectable
 * against an anchor kept elsewhere (the last seq and hash, e.g. in Script Properties): pass it as
 * `head` to verifyChain.
 *
 * SHA-256 is injected (`sha256(text) → lower-case hex`): the workspace builds it from
 * Utilities.computeDigest + digestToHex, tests from node:crypto.
 */

import type { Language } from "./config.js";
import { t } from "./text/index.js";

export type Sha256 = (text: string) => string;

export interface LogEntry {
  /** 1, 2, 3, … across the whole log. */
  seq: number;
  ticket: string;
  /** Where the request was: "status/stage" (see stateLabel). */
  from: string;
  /** Where it went. */
  to: string;
  action: string;
  /** E-mail of the person, or "sistem" for automatic steps. */
  actor: string;
  timeMs: number;
  note: string;
  prevHash: string;
  hash: string;
}

/** An entry before it is chained. */
export type UnsealedEntry = Omit<LogEntry, "prevHash" | "hash">;

/** The prevHash of entry 1. */
export const GENESIS_HASH = "0".repeat(64);

/** Version tag inside the hashed text, so the serialisation can evolve without ambiguity. */
const CANONICAL_VERSION = "surel-log-v1";

/** "status/stage", or just "status" when the request is at no stage. */
export function stateLabel(status: string, stageKey: string): string {
  return stageKey ? `${status}/${stageKey}` : status;
}

/**
 * The exact text that is hashed: a JSON array in fixed field order (JSON escaping makes every
 * field boundary unambiguous; key order of objects never matters).
 */
export function canonical(entry: UnsealedEntry & { prevHash: string }): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    entry.seq,
    entry.ticket,
    entry.from,
    entry.to,
    entry.action,
    entry.actor,
    entry.timeMs,
    entry.note,
    entry.prevHash,
  ]);
}

/** Seals an entry onto the chain after prevHash. */
export function chain(prevHash: string, entry: UnsealedEntry, sha256: Sha256): LogEntry {
  const withPrev = {
    seq: entry.seq,
    ticket: entry.ticket,
    from: entry.from,
    to: entry.to,
    action: entry.action,
    actor: entry.actor,
    timeMs: entry.timeMs,
    note: entry.note,
    prevHash,
  };
  return { ...withPrev, hash: sha256(canonical(withPrev)) };
}

/** Seals several new entries after the current head ({ seq, hash } of the last entry; seq 0 / GENESIS for none). */
export function appendEntries(
  head: { seq: number; hash: string },
  entries: Omit<UnsealedEntry, "seq">[],
  sha256: Sha256,
): LogEntry[] {
  const out: LogEntry[] = [];
  let prev = head;
  for (const e of entries) {
    const sealed = chain(prev.hash, { ...e, seq: prev.seq + 1 }, sha256);
    out.push(sealed);
    prev = sealed;
  }
  return out;
}

export type ChainProblem = "edited" | "missing" | "inserted" | "reordered" | "truncated" | "bad_start";

export type VerifyResult =
  | { ok: true; count: number; head: { seq: number; hash: string } }
  | {
      ok: false;
      /** The seq of the first entry that cannot be trusted (everything before it verified). */
      firstBad: number;
      /** Its position in the given list (0-based); entries.length when the problem is at the end. */
      index: number;
      problem: ChainProblem;
      /** Plain words for the administrator, in the language asked for (Indonesian by default). */
      reason: string;
    };

/**
 * Verifies a log from its first entry (or from `start`, the seq and hash just before the first
 * given entry, when only a tail is checked). `head`, if given, is the anchor of the last entry
 * written: a log shorter than it, or ending in another hash, was truncated or rewritten.
 * `language` is the language of the reason.
 */
export function verifyChain(
  entries: readonly LogEntry[],
  sha256: Sha256,
  options: {
    start?: { seq: number; hash: string };
    head?: { seq: number; hash: string };
    language?: Language;
  } = {},
): VerifyResult {
  const lang = options.language ?? "id";
  const start = options.start ?? { seq: 0, hash: GENESIS_HASH };
  let prev = start;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const expected = prev.seq + 1;
    if (e.seq !== expected) {
      if (e.seq < expected) {
        return bad(e.seq, i, "inserted", t(lang, "audit.inserted", { seq: e.seq }));
      }
      const laterIndex = entries.findIndex((x, j) => j > i && x.seq === expected);
      if (laterIndex >= 0) {
        return bad(
          expected,
          i,
          "reordered",
          t(lang, "audit.reordered", { seq: expected, position: laterIndex + 1 }),
        );
      }
      const gap = e.seq - expected === 1 ? `#${expected}` : `#${expected}–#${e.seq - 1}`;
      return bad(expected, i, "missing", t(lang, "audit.missing", { range: gap }));
    }
    if (e.prevHash !== prev.hash) {
      if (i === 0) {
        return bad(e.seq, i, "bad_start", t(lang, "audit.bad_start", { seq: e.seq }));
      }
      // The entry before was rewritten with a fresh hash, or this one was forged onto it.
      return bad(prev.seq, i - 1, "edited", t(lang, "audit.edited_before", { seq: prev.seq, next: e.seq }));
    }
    const { hash: _hash, ...rest } = e;
    if (sha256(canonical(rest)) !== e.hash) {
      return bad(e.seq, i, "edited", t(lang, "audit.edited", { seq: e.seq }));
    }
    prev = { seq: e.seq, hash: e.hash };
  }
  const head = options.head;
  if (head) {
    if (prev.seq < head.seq) {
      return bad(
        prev.seq + 1,
        entries.length,
        "truncated",
        t(lang, "audit.truncated", { last: prev.seq, head: head.seq }),
      );
    }
    if (prev.seq === head.seq && prev.hash !== head.hash) {
      return bad(prev.seq, entries.length - 1, "edited", t(lang, "audit.head_mismatch", { seq: prev.seq }));
    }
  }
  return { ok: true, count: entries.length, head: prev };
}

function bad(firstBad: number, index: number, problem: ChainProblem, reason: string): VerifyResult {
  return { ok: false, firstBad, index, problem, reason };
}

/** Lower-case hex of a digest given as bytes, signed (−128..127, as Utilities.computeDigest returns) or not. */
export function digestToHex(bytes: readonly number[]): string {
  let out = "";
  for (const b of bytes) out += ((b + 256) & 0xff).toString(16).padStart(2, "0");
  return out;
}
