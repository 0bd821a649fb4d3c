/**
 * The yearly archive, pure rules: when a year's archive is due, which requests it
 * takes, where the log is cut, and which stored log segment an entry number belongs to.
 *
 * - Once a month, the requests closed (selesai, ditolak) before the start of the month `months`
 *   months back, whose provisioning needs nothing more, leave the live register for the
 *   spreadsheet of the year they closed in, "Arsip Surel Y" (one file a year, filled month by
 *   month).
 * - The log is a chain: only a prefix can leave it. The cut is the entry before the first entry of
 *   a ticket that stays live (a request still in the register, a complaint still open), so that
 *   every live ticket keeps its whole history in the live log (reconcile replays it). Entries of
 *   archived requests after that point stay live until a later year's cut.
 * - Each stored log segment (an archive's "Log Disposisi", then the live one) begins with an anchor
 *   row: the number and hash of the entry before its first one (the previous segment's tail);
 *   the very first segment begins at the genesis.
 */
import { isStatus, isTerminal } from "./request.js";

/** The anchor row's action: the row stands for the archived tail (its number and hash), not for an entry of its own. */
export const ANCHOR_ACTION = "jangkar_arsip";

/** Months after a year closes when its archive runs (the setting arsip_bulan; 0 = never). */
export const DEFAULT_ARCHIVE_MONTHS = 3;

const MONTH = /^SRL-(\d{2})(\d{2})-/;

/** The year a ticket was issued in (SRL-yyMM-…), or 0. */
export function ticketYear(ticket: string): number {
  const m = MONTH.exec(ticket.trim());
  return m ? 2000 + Number(m[1]) : 0;
}

/** Midnight of 1 January of `year` in the office's zone (offset in minutes east of UTC), as UTC ms. */
export function yearStartMs(year: number, offsetMinutes: number): number {
  return Date.UTC(year, 0, 1) - offsetMinutes * 60_000;
}

/** Midnight of the first day of month `month` (0-based, may exceed 11) of `year`, office time. */
function monthStartMs(year: number, month: number, offsetMinutes: number): number {
  return Date.UTC(year, month, 1) - offsetMinutes * 60_000;
}

/** The office-local calendar year of an instant. */
export function localYear(ms: number, offsetMinutes: number): number {
  return new Date(ms + offsetMinutes * 60_000).getUTCFullYear();
}

/**
 * The archive run due at `nowMs`, or null: one run a month (its key "yyyy-MM", office time), after
 * `lastRun` (the key of the last run; "" for none). It takes the requests closed before the start
 * of the month `months` months back (with 3, in May: those closed before 1 February) into the
 * archive of the year they closed in (the year before the cutoff). 0 months: never.
 */
export function dueArchiveRun(
  nowMs: number,
  offsetMinutes: number,
  months: number,
  lastRun: string,
): { key: string; year: number; cutoffMs: number } | null {
  if (!(months > 0)) return null;
  const local = new Date(nowMs + offsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const key = `${y}-${String(m + 1).padStart(2, "0")}`;
  if (lastRun >= key) return null;
  const cutoffMs = monthStartMs(y, m - months, offsetMinutes);
  return { key, year: localYear(cutoffMs - 1, offsetMinutes), cutoffMs };
}

/** What the archive needs to know of one register row. */
export interface ArchiveFacts {
  status: string;
  /** When it was closed (retention.ts closedAtMs); 0 when the row tells no date. */
  closedMs: number;
  /** Provisioning still needs the row (a letter to resume, a credential not yet used or expired). */
  provisioningPending: boolean;
}

/** A closed request, closed before the cutoff, that nothing in the program still needs live. */
export function archivable(f: ArchiveFacts, cutoffMs: number): boolean {
  if (!isStatus(f.status) || !isTerminal(f.status)) return false;
  if (!(f.closedMs > 0) || f.closedMs >= cutoffMs) return false;
  return !(f.status === "selesai" && f.provisioningPending);
}

/**
 * Where the log may be cut: the number of the last entry that can leave it. `entries` are the live
 * log's rows in order (the anchor row first when there is one); `stays` says whether a ticket stays
 * live. The cut is just before the first entry of a ticket that stays; at most `upTo`.
 */
export function logCut(
  entries: readonly { seq: number; ticket: string }[],
  stays: (ticket: string) => boolean,
  upTo: number,
): number {
  let cut = 0;
  for (const e of entries) {
    if (e.seq > upTo) break;
    if (e.ticket && stays(e.ticket)) break;
    cut = e.seq;
  }
  return cut;
}

/** One stored log segment: entries (from, to] in the archive `id` of `year`, ending with hash `hash`. */
export interface LogSegment {
  year: number;
  id: string;
  from: number;
  to: number;
  /** The hash of entry `to` (the live log's anchor row repeats it). */
  hash: string;
}
