/**
 * The disposition log replayed: where a request should be (status, stage, who is responsible,
 * since when, its reminders) from its entries, and what the sweep does with a register row that
 * shows something else. The log is the record: each state-changing entry's "to" is where the
 * request went ("status/stage"), and a row's "No. Log Terakhir" names the last entry it reflects.
 * Entries whose "from" and "to" are the same only annotate (an address change, a re-issued letter)
 * and move nothing. flows/reconcile.ts reads the register and the log and writes what this decides.
 */
import { stateLabel, type LogEntry } from "./audit.js";
import type { OfficeConfig } from "./config.js";
import type { Status } from "./request.js";
import { markFromLog, NO_MARK, REMINDER_ACTIONS, type ReminderKind, type ReminderMark } from "./reminders.js";
import { parseStateLabel } from "./statuspage.js";
import { responsibleAt } from "./workflow.js";

/** Where the log says a request is, and since when. */
export interface LoggedState {
  status: Status;
  stageKey: string;
  responsible: string[];
  stageEnteredMs: number;
  /** The last entry the row should reflect. */
  lastSeq: number;
  /** The highest entry number of the ticket (any action). */
  maxSeq: number;
  /** Reminders and escalations logged in the current stage visit (reminders.ts). */
  reminders: ReminderMark;
}

function markAfterLog(mark: ReminderMark, e: LogEntry, visitStartMs: number): ReminderMark {
  if (!REMINDER_ACTIONS.includes(e.action as ReminderKind)) return mark;
  const found = markFromLog([e], visitStartMs);
  return {
    remindedMs: mark.remindedMs || found.remindedMs,
    escalatedMs: mark.escalatedMs || found.escalatedMs,
  };
}

/** Entries that do not change where a request is (a refused attempt is logged "at" the state). */
const NOT_STATE = new Set(["ditolak_sistem"]);
/** Entries that (re-)enter a stage even when the stage key stays the same. */
const ENTERS = new Set(["diterima", "mulai", "perbaikan_diterima"]);

/** Replays one ticket's entries (in log order) into the state the register row should show. */
export function loggedState(entries: readonly LogEntry[], config: OfficeConfig): LoggedState | null {
  let state = null as LoggedState | null;
  let maxSeq = 0;
  for (const e of entries) {
    maxSeq = Math.max(maxSeq, e.seq);
    if (NOT_STATE.has(e.action)) continue;
    const prev: LoggedState | null = state;
    if (prev && e.from === e.to && e.action !== "ambil_alih") {
      // A note about the request that does not move it (an address change, a letter re-issued,
      // a reminder…).
      const reminders = markAfterLog(prev.reminders, e, prev.stageEnteredMs);
      state = { ...prev, lastSeq: e.seq, reminders };
      continue;
    }
    const to = parseStateLabel(e.to);
    if (!to) continue;
    const moved: boolean = !prev || to.stageKey !== prev.stageKey || ENTERS.has(e.action);
    const stage = config.stages.find((s) => s.key === to.stageKey);
    let responsible: string[] = prev && !moved ? prev.responsible : stage ? responsibleAt(stage) : [];
    if (e.action === "ambil_alih") responsible = [e.actor];
    state = {
      status: to.status,
      stageKey: to.stageKey,
      responsible,
      stageEnteredMs: prev && !moved ? prev.stageEnteredMs : e.timeMs,
      lastSeq: e.seq,
      maxSeq,
      reminders: prev && !moved ? prev.reminders : NO_MARK,
    };
  }
  return state ? { ...state, maxSeq } : null;
}

/** What the sweep does with a register row, given where its log says it is. */
export type RowVerdict =
  /** Nothing to compare with (a row entered by hand or imported), or the row agrees. */
  | { kind: "skip" }
  /** The row's history cannot be trusted: an administrator is told (once per signature). */
  | { kind: "flag"; why: "no_history" | "history_lost"; signature: string }
  /** The row is rewritten from the log; `seqOnly`: only its last log number was behind. */
  | { kind: "repair"; seqOnly: boolean };

/**
 * The verdict for one row: `shown` is its "status/stage", `recordedSeq` its "No. Log Terakhir"
 * (0 when none), `logged` the replay of its ticket's entries (null when the log has none).
 */
export function rowVerdict(shown: string, recordedSeq: number, logged: LoggedState | null): RowVerdict {
  if (!logged) {
    if (recordedSeq === 0) return { kind: "skip" };
    return { kind: "flag", why: "no_history", signature: `none|${shown}|${recordedSeq}` };
  }
  if (recordedSeq > logged.maxSeq)
    return { kind: "flag", why: "history_lost", signature: `lost|${shown}|${recordedSeq}|${logged.maxSeq}` };
  const expected = stateLabel(logged.status, logged.stageKey);
  if (shown === expected && recordedSeq === logged.lastSeq) return { kind: "skip" };
  return { kind: "repair", seqOnly: shown === expected };
}
