/**
 * Checking the log's hash chain in blocks from an anchor (flows/verify.ts), and the anchors and
 * the full pass's progress kept in Script Properties (log.ts appends the entries).
 */
import {
  GENESIS_HASH,
  verifyChain,
  type ChainProblem,
  type LogEntry,
  type VerifyResult,
} from "../domain/audit.js";
import { t } from "../domain/text/index.js";
import { type Ctx } from "./context.js";
import { LOG_COLUMNS } from "./schema.js";
import { type Cell } from "./table.js";
import { fromValues, liveOffset, logTable, type Head } from "./log.js";
import { PROP } from "../domain/keys.js";

// ── Checking the chain in blocks, from an anchor ─────────────────────────────────────────────

/** Entries read per call when the chain is checked (2,000 rows × 10 columns = 20,000 cells). */
export const VERIFY_BLOCK = 2000;

export type LogCheck =
  | {
      ok: true;
      /** The check reached the log's last entry (else the budget ran out first). */
      done: boolean;
      /** Entries hashed and checked in this run. */
      checked: number;
      /** The last entry verified: where the next run continues. */
      head: Head;
      /** Entries in the log sheet. */
      total: number;
    }
  | {
      ok: false;
      /** The first entry that cannot be trusted, its row in the log sheet, its ticket. */
      firstBad: number;
      row: number;
      ticket: string;
      problem: ChainProblem;
      /** Plain words, in the office's language. */
      reason: string;
      /** Found at the end, against the anchor of the last append (checkTail alarms that already). */
      atTail?: boolean;
      /** The sheet it is in, when not the live log (an archive's log). */
      where?: string;
    };

/**
 * Checks the entries after `start` (an entry verified before: its number and hash; seq 0 and the
 * genesis hash to check from the beginning), reading VERIFY_BLOCK rows per call while `budget`
 * lasts (the first block is always read). The start's own row is read with the first block and
 * must still hold the verified entry: a chain rewritten and re-hashed up to or past it is found.
 * Entries before it are not read again (docs/SECURITY.md, _The log_). At the end, the anchor of
 * the last append (Script Properties) must be the last entry: a truncated tail is found too.
 * Each block after the first starts with the previous block's last entry, so the chain is judged
 * across block boundaries exactly as in one piece.
 */
export function checkLogFrom(
  ctx: Ctx,
  start: Head,
  budget: () => boolean,
  segment?: { sheet: GoogleAppsScript.Spreadsheet.Sheet; tail: Head },
): LogCheck {
  const sheet = segment ? segment.sheet : logTable(ctx).sheet;
  const width = LOG_COLUMNS.length;
  const lang = ctx.config.language;
  const offset = liveOffset(sheet); // entry n is on row n - offset + 1
  const total = Math.max(0, sheet.getLastRow() - 1) + offset; // the last entry's number
  const read = (from: number, to: number): LogEntry[] =>
    sheet
      .getRange(from - offset + 1, 1, to - from + 1, width)
      .getValues()
      .map((v) => fromValues(v as Cell[]));
  const failure = (
    r: Extract<VerifyResult, { ok: false }>,
    rowOf: (i: number) => number,
    block: LogEntry[],
  ): Extract<LogCheck, { ok: false }> => {
    const entry = block[r.index];
    return {
      ok: false,
      firstBad: r.firstBad,
      row: rowOf(r.index),
      ticket: entry && entry.seq === r.firstBad ? entry.ticket : "",
      problem: r.problem,
      reason: r.reason,
    };
  };
  if (offset > 0 && start.seq < offset + 1) {
    // The start lies before this segment's anchor row: its entries are in an archive not given.
    return {
      ok: false,
      firstBad: start.seq + 1,
      row: 2,
      ticket: "",
      problem: "missing",
      reason: t(lang, "audit.missing", { range: `#${start.seq + 1}–#${offset}` }),
    };
  }
  if (start.seq > total) {
    const reason = t(lang, "audit.truncated", { last: total, head: start.seq });
    return {
      ok: false,
      firstBad: total + 1,
      row: total - offset + 2,
      ticket: "",
      problem: "truncated",
      reason,
      atTail: true,
    };
  }
  let prev = start;
  let before: Head = start; // the entry before `tail`
  let tail: LogEntry | null = null; // the last entry of the previous block
  let next = start.seq + 1;
  let checked = 0;
  let first = true;
  while (next <= total || (first && start.seq > 0)) {
    if (!first && !budget()) return { ok: true, done: false, checked, head: prev, total };
    const to = Math.min(total, next + VERIFY_BLOCK - 1);
    let block: LogEntry[];
    let chainStart: Head;
    if (first && start.seq > 0) {
      const values = read(start.seq, to);
      const anchored = values[0];
      if (!anchored || anchored.seq !== start.seq || anchored.hash !== start.hash) {
        const reason = t(lang, "audit.anchor_mismatch", { seq: start.seq });
        return {
          ok: false,
          firstBad: start.seq,
          row: start.seq - offset + 1,
          ticket: anchored && anchored.seq === start.seq ? anchored.ticket : "",
          problem: "edited",
          reason,
        };
      }
      block = values.slice(1);
      chainStart = start;
    } else {
      const values = to >= next ? read(next, to) : [];
      block = tail ? [tail, ...values] : values;
      chainStart = tail ? before : prev;
    }
    // The row of block[0]: the previous block's last entry is on row `next`, a new one on next + 1.
    const firstRow = (tail ? next : next + 1) - offset;
    first = false;
    const r = verifyChain(block, ctx.sha256, { start: chainStart, language: lang });
    if (!r.ok) return failure(r, (i) => firstRow + i, block);
    checked += block.length - (tail ? 1 : 0);
    if (block.length >= 2)
      before = { seq: block[block.length - 2]!.seq, hash: block[block.length - 2]!.hash };
    else if (block.length === 1) before = chainStart;
    tail = block[block.length - 1] ?? tail;
    prev = r.head;
    next = to + 1;
  }
  // The end: the anchor of the last append must be the last entry (an archived segment: the tail
  // recorded when it was cut).
  const raw = segment
    ? JSON.stringify(segment.tail)
    : PropertiesService.getScriptProperties().getProperty(PROP.logHead);
  if (raw) {
    const head = JSON.parse(raw) as Head;
    const r = verifyChain([], ctx.sha256, { start: prev, head, language: lang });
    if (!r.ok) return { ...failure(r, () => r.firstBad - offset + 1, []), atTail: true };
  }
  return { ok: true, done: true, checked, head: prev, total };
}

/** The last entry a check verified (Script Properties; genesis when none). */
export function verifiedAnchor(): Head {
  return readHead(PROP.logVerified) ?? { seq: 0, hash: GENESIS_HASH };
}

export function setVerifiedAnchor(head: Head): void {
  PropertiesService.getScriptProperties().setProperty(PROP.logVerified, JSON.stringify(head));
}

/** A full pass over the log: where it continues (`next`, when one is under way) and when the last one ended. */
export interface FullPassState {
  next?: Head;
  startedMs?: number;
  doneMs?: number;
}

export function fullPassState(): FullPassState {
  const raw = PropertiesService.getScriptProperties().getProperty(PROP.logFullPass);
  if (!raw) return {};
  try {
    return JSON.parse(raw) as FullPassState;
  } catch {
    return {};
  }
}

export function setFullPassState(state: FullPassState): void {
  PropertiesService.getScriptProperties().setProperty(PROP.logFullPass, JSON.stringify(state));
}

function readHead(key: string): Head | null {
  const raw = PropertiesService.getScriptProperties().getProperty(key);
  if (!raw) return null;
  try {
    const h = JSON.parse(raw) as Head;
    return typeof h.seq === "number" && typeof h.hash === "string" ? h : null;
  } catch {
    return null;
  }
}
