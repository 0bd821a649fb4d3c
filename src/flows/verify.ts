/**
 * Checking the disposition log's hash chain (src/workspace/logcheck.ts checkLogFrom).
 *
 * - "Periksa keutuhan log" (runVerifyLog, also the `verifyLog` entry point) is incremental: it
 *   checks only the entries after the last verified one (kept in Script Properties, which only the
 *   service account reaches), after confirming that entry's row still holds it, and then moves the
 *   anchor. Its cost follows the entries added since the last check, not the log's size.
 * - "Periksa ulang seluruh log" (runFullVerify) checks everything from entry #1 again. A pass too
 *   long for one execution leaves a continuation marker; the same request or the sweep continues it.
 * - The sweep starts a full pass every FULL_PASS_EVERY_MS and continues one under way, a slice per
 *   run (sweepLogCheck): an entry edited before the incremental anchor is found there, and the
 *   administrators are alarmed by mail (docs/SECURITY.md, _The log_).
 *
 * Each tells, in the office's language, either that the log is intact or which entry is the first
 * that can no longer be trusted (its number, its row in the log sheet, its ticket). A broken chain
 * is also written to the error log so that it stays visible after the toast is gone.
 */
import type { ChainProblem } from "../domain/audit.js";
import { GENESIS_HASH } from "../domain/audit.js";
import { context, type Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { alarm, type Head } from "../workspace/log.js";
import {
  checkLogFrom,
  fullPassState,
  setFullPassState,
  setVerifiedAnchor,
  verifiedAnchor,
  type LogCheck,
} from "../workspace/logcheck.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { readBook } from "../workspace/archive.js";
import { scriptProperties } from "../workspace/properties.js";
import { openSpreadsheet } from "../workspace/spreadsheets.js";
import { t } from "../domain/text/index.js";

/** What one check may take of its execution (the limit is 6 minutes). */
export const VERIFY_BUDGET_MS = 4 * 60 * 1000;
/** What the sweep gives a full pass per run, so that a pass never crowds out the sweep's work. */
export const SWEEP_SLICE_MS = 60 * 1000;
/** How often the sweep starts a full pass over the whole log. */
export const FULL_PASS_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

export interface VerifyReport {
  ok: boolean;
  /** Entries checked in this run. */
  count: number;
  /** The check reached the end of the log (false: the time ran out; it continues next time). */
  done: boolean;
  /** The first entry that cannot be trusted: its number, its row in the log sheet, its ticket. */
  firstBad?: number;
  row?: number;
  ticket?: string;
  problem?: ChainProblem;
  /** The problem is the log's end against the anchor of the last append (the append's check alarms it). */
  atTail?: boolean;
  /** The message shown to the administrator. */
  message: string;
}

/**
 * Checks the chain from `start` across the stored segments: each archive's log whose entries come
 * after `start` (opened by its id in the book; its end must be the tail recorded when it was cut,
 * and the next segment starts from that tail), then the live log from its anchor row. An office
 * without archives, or a start past the last cut, reads only the live log.
 */
export function checkAcross(ctx: Ctx, start: Head, budget: () => boolean): LogCheck {
  const lang = ctx.config.language;
  let from = start;
  let checked = 0;
  for (const seg of readBook().segments) {
    if (from.seq >= seg.to) continue;
    const where = t(lang, "archive.where", { sheet: SHEET_NAMES.log, year: seg.year });
    let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
    try {
      sheet = openSpreadsheet(seg.id).getSheetByName(SHEET_NAMES.log);
    } catch {
      sheet = null;
    }
    if (!sheet) {
      const reason = t(lang, "archive.unreadable", {
        year: seg.year,
        id: seg.id,
        from: seg.from + 1,
        to: seg.to,
      });
      return { ok: false, firstBad: from.seq + 1, row: 0, ticket: "", problem: "missing", reason, where };
    }
    const r = checkLogFrom(ctx, from, budget, { sheet, tail: { seq: seg.to, hash: seg.hash } });
    if (!r.ok) return { ...r, atTail: false, where };
    checked += r.checked;
    if (!r.done) return { ...r, checked };
    from = r.head;
    if (!budget()) return { ok: true, done: false, checked, head: from, total: r.total };
  }
  const r = checkLogFrom(ctx, from, budget);
  return r.ok ? { ...r, checked: checked + r.checked } : r;
}

const budgetFor = (ms: number): (() => boolean) => {
  const start = Date.now();
  return () => Date.now() - start < ms;
};

function brokenReport(ctx: Ctx, check: Extract<LogCheck, { ok: false }>, count: number): VerifyReport {
  const lang = ctx.config.language;
  const atTail = check.atTail ? { atTail: true } : {};
  const where = {
    reason: check.reason,
    sheet: check.where ?? SHEET_NAMES.log,
    row: check.row,
    seq: check.firstBad,
  };
  return {
    ok: false,
    count,
    done: true,
    firstBad: check.firstBad,
    row: check.row,
    ticket: check.ticket,
    problem: check.problem,
    ...atTail,
    message: check.ticket
      ? t(lang, "verify.broken_ticket", { ...where, ticket: check.ticket })
      : t(lang, "verify.broken", where),
  };
}

function show(ctx: Ctx, report: VerifyReport): VerifyReport {
  if (!report.ok) logError(ctx.ss, "verifyLog", report.ticket ?? "", report.message);
  ctx.ss.toast(report.message, t(ctx.config.language, "verify.title"), 20);
  console.info(report.message);
  return report;
}

/** The incremental check: the entries after the last verified one. */
export function runVerifyLog(): VerifyReport {
  const ctx = context();
  const lang = ctx.config.language;
  const start = verifiedAnchor();
  const check = checkAcross(ctx, start, budgetFor(VERIFY_BUDGET_MS));
  if (!check.ok) return show(ctx, brokenReport(ctx, check, 0));
  if (check.head.seq !== start.seq || check.head.hash !== start.hash) setVerifiedAnchor(check.head);
  const count = check.checked;
  let message: string;
  if (!check.done) message = t(lang, "verify.partial", { seq: check.head.seq, total: check.total });
  else if (check.total === 0) message = t(lang, "verify.empty");
  else if (start.seq === 0) message = t(lang, "verify.ok", { count, seq: check.head.seq });
  else message = t(lang, "verify.ok_since", { count, seq: check.head.seq, from: start.seq });
  return show(ctx, { ok: true, count, done: check.done, message });
}

/**
 * One step of a full pass: from the continuation marker, or from entry #1 when none is under way
 * (`begin`). Returns null when there is nothing to continue and `begin` is false.
 */
function fullPassStep(ctx: Ctx, budget: () => boolean, begin: boolean): VerifyReport | null {
  const lang = ctx.config.language;
  const state = fullPassState();
  if (!state.next && !begin) return null;
  const now = Date.now();
  const from = state.next ?? { seq: 0, hash: GENESIS_HASH };
  const startedMs = state.next ? (state.startedMs ?? now) : now;
  const check = checkAcross(ctx, from, budget);
  if (!check.ok) {
    // The pass ends with its finding; the next one starts from #1 again.
    setFullPassState({ doneMs: now });
    return brokenReport(ctx, check, 0);
  }
  if (!check.done) {
    setFullPassState({ ...state, next: check.head, startedMs });
    return {
      ok: true,
      count: check.checked,
      done: false,
      message: t(lang, "verify.full_partial", { seq: check.head.seq, total: check.total }),
    };
  }
  setFullPassState({ doneMs: now });
  // Everything up to the end verified: the incremental check continues from here.
  setVerifiedAnchor(check.head);
  return {
    ok: true,
    count: check.checked,
    done: true,
    message: check.total === 0 ? t(lang, "verify.empty") : t(lang, "verify.full_ok", { seq: check.head.seq }),
  };
}

/** The administrators' "verify the whole log again": continues a pass under way, else starts one. */
export function runFullVerify(): VerifyReport {
  const ctx = context();
  return show(ctx, fullPassStep(ctx, budgetFor(VERIFY_BUDGET_MS), true)!);
}

/**
 * The sweep's share: continues a full pass under way, or starts one when the last ended
 * FULL_PASS_EVERY_MS ago (or never ran); at most SWEEP_SLICE_MS of the sweep's budget.
 * A broken chain alarms the administrators (mail and error log).
 */
export function sweepLogCheck(ctx: Ctx, budget: () => boolean): VerifyReport | null {
  const state = fullPassState();
  const due = !state.next && !(Date.now() - (state.doneMs ?? 0) < FULL_PASS_EVERY_MS);
  if (!state.next && !due) return null;
  const slice = budgetFor(SWEEP_SLICE_MS);
  const report = fullPassStep(ctx, () => budget() && slice(), true);
  // Nobody is looking at a toast: the administrators get a mail (once per finding) and the error log.
  if (report && !report.ok && !report.atTail) {
    const key = `pass:${report.firstBad}:${report.problem}`;
    alarm(ctx, scriptProperties(), key, report.message);
  }
  return report;
}
