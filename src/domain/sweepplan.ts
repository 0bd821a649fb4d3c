/**
 * Whether a sweep makes its full pass or stops after one read of the Script Properties
 * (handlers/sweep.ts). The sweep is the safety net for lost triggers and cut-off executions and
 * the clock of everything timed, so an idle sweep may skip its pass only when every way work can
 * appear is accounted for:
 * - work an event of this project makes (a submission, an edit of any sheet: dispositions, admin
 *   requests, settings; a provisioning worker; a complaint; setup; a failure written to Log Galat)
 *   moves the work mark (`surel:workAt`, one property write) before the event does anything else.
 *   A full pass runs while a mark is newer than the last full pass's start minus the longest an
 *   execution runs, so an execution cut off anywhere, even one still running when a full pass
 *   looked, is seen by a full pass after it ended;
 * - work that falls due with nothing happening is in the summary's `nextDueMs`, the earliest such
 *   moment the last full pass found: a reminder or escalation of a request or complaint, a
 *   request's total passing the service standard (the totals and the dashboard), a temporary
 *   password expiring, the next office opening (the last level's daily digest, the unused-account
 *   steps and reminder mails wait for office hours), and the first sweep of each office-local day
 *   (retention, the form check, the licences, the log head, the recap);
 * - work a full pass left (mails waiting, provisioning queued or under way, group joins, rows
 *   deferred for the budget, the log's full check under way, a step that failed) keeps the next
 *   sweep full;
 * - work nothing announces (a form-submit trigger Apps Script never fired, a mark whose write
 *   failed, a sheet edited by hand where no trigger fires) is found by the full pass that runs at
 *   least every FULL_PASS_EVERY_MS whatever the summary says;
 * - a summary missing, unreadable or from the future (a clock step) means a full pass.
 * Pure: the caller reads the properties (one call) and the clock.
 */
import { localDateKey } from "./dates.js";

/** What the last full pass recorded (Script Property `surel:sweepSummary`, JSON). */
export interface SweepSummary {
  /** When the last full pass started (ms). */
  fullAt: number;
  /** The office-local day of that start (yyyy-mm-dd): the daily jobs ran on it. */
  day: string;
  /** The office's UTC offset in minutes at that time (the idle sweep reads no settings). */
  offset: number;
  /** The pass left work (or was cut off before it could say it did not). */
  outstanding: boolean;
  /** The earliest moment something timed falls due (0: nothing known). */
  nextDueMs: number;
}

/** A full pass at least this often, whatever the marks say (a lost trigger waits at most this). */
export const FULL_PASS_EVERY_MS = 60 * 60_000;

/**
 * The longest an execution runs (Apps Script's 6-minute limit, documented) plus a margin for the
 * trigger's start: a mark younger than a full pass's start minus this may belong to an execution
 * still running when that pass looked.
 */
export const EXECUTION_SPAN_MS = 7 * 60_000;

export type SweepPlan =
  | { full: true; reason: "no_summary" | "outstanding" | "work" | "due" | "hourly" | "new_day" | "clock" }
  | { full: false };

export function parseSummary(raw: string | null | undefined): SweepSummary | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<SweepSummary>;
    if (
      typeof v.fullAt !== "number" ||
      !Number.isFinite(v.fullAt) ||
      typeof v.day !== "string" ||
      typeof v.offset !== "number" ||
      typeof v.outstanding !== "boolean" ||
      typeof v.nextDueMs !== "number" ||
      !Number.isFinite(v.nextDueMs)
    )
      return null;
    return {
      fullAt: v.fullAt,
      day: v.day,
      offset: v.offset,
      outstanding: v.outstanding,
      nextDueMs: v.nextDueMs,
    };
  } catch {
    return null;
  }
}

export function planSweep(summary: SweepSummary | null, workAtMs: number, nowMs: number): SweepPlan {
  if (!summary) return { full: true, reason: "no_summary" };
  if (summary.outstanding) return { full: true, reason: "outstanding" };
  if (nowMs < summary.fullAt) return { full: true, reason: "clock" };
  if (workAtMs > summary.fullAt - EXECUTION_SPAN_MS) return { full: true, reason: "work" };
  if (summary.nextDueMs > 0 && nowMs >= summary.nextDueMs) return { full: true, reason: "due" };
  if (nowMs - summary.fullAt >= FULL_PASS_EVERY_MS) return { full: true, reason: "hourly" };
  if (localDateKey(nowMs, summary.offset) !== summary.day) return { full: true, reason: "new_day" };
  return { full: false };
}

/** The earliest of the moments given (0 and non-finite values ignored; 0 when none). */
export function earliest(...moments: readonly number[]): number {
  let best = 0;
  for (const m of moments) if (m > 0 && Number.isFinite(m) && (best === 0 || m < best)) best = m;
  return best;
}

export function summaryAfter(
  fullAt: number,
  offset: number,
  outstanding: boolean,
  nextDueMs = 0,
): SweepSummary {
  return { fullAt, day: localDateKey(fullAt, offset), offset, outstanding, nextDueMs };
}
