/**
 * The mail queue's upkeep: mails that could not be sent at once are sent by the sweep while the
 * quota lasts (one drain at a time, leased), and sent rows leave the queue (mail.ts records them).
 */
import { PROP } from "../domain/keys.js";
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import { asSheetText } from "../domain/sanitize.js";
import { type Ctx } from "./context.js";
import { errorText } from "./errors.js";
import { type ClaimKey, type QueueKey } from "./schema.js";
import { Table, type Cell } from "./table.js";
import { tryWithScriptLock } from "./lock.js";
import { MONTHLY_ID, PROPOSAL_ID, REMINDER_ID } from "../domain/unused.js";
import {
  claimsTable,
  officeHoursOnly,
  PENDING_GRACE_MS,
  queueTable,
  recordedAt,
  send,
  type OutgoingMail,
} from "./mail.js";

// ── Who holds queue row numbers outside the lock ────────────────────────────────────────────
//
// The clean-up (pruneMailQueue) deletes rows, which moves the rows below. Two writers address
// rows by number outside the script lock: an execution that recorded mails (sendRecorded marks
// them after sending) and a drain (it reads the queue, then sends and marks row by row). The first
// is seen in the queue itself: its rows are pending, never attempted, and younger than an
// execution can live. The second holds a lease, taken under the lock before it reads the row
// numbers it will write; the clean-up leaves the queue alone while another execution's lease runs.

/** The longest an execution lives (Apps Script's 6-minute limit), with a margin. */
const LEASE_MS = 7 * 60 * 1000;
/** This execution's lease id, made when it takes one (module state lives one execution). */
let runId = "";

function leases(props: GoogleAppsScript.Properties.Properties, nowMs: number): Record<string, number> {
  let all: Record<string, number> = {};
  try {
    all = JSON.parse(props.getProperty(PROP.mailDrainLeases) ?? "{}") as Record<string, number>;
  } catch {
    all = {};
  }
  return Object.fromEntries(Object.entries(all).filter(([, until]) => until > nowMs));
}

/**
 * Takes this execution's drain lease (under the lock). False when the lock cannot be had: the
 * drain waits for the next sweep rather than write rows by numbers a clean-up may have moved.
 */
function takeDrainLease(): boolean {
  const out = tryWithScriptLock(() => {
    const props = PropertiesService.getScriptProperties();
    const now = Date.now();
    runId = runId || Utilities.getUuid();
    props.setProperty(
      PROP.mailDrainLeases,
      JSON.stringify({ ...leases(props, now), [runId]: now + LEASE_MS }),
    );
  });
  return out.ok;
}

/**
 * Sends what the queue holds and nobody else will: failed attempts, and pending rows older than
 * the grace time (their execution died). Oldest first, while the budget and the quota last.
 * Reads the "sent" and "created" columns once, then only the rows it sends.
 */
export function drainMailQueue(ctx: Ctx, budget: () => boolean): number;
/**
 * An administrator's "resend" request: the mails about one ticket still waiting in the queue are
 * sent now, whatever their age. Returns how many went out and how many failed again.
 */
export function drainMailQueue(
  ctx: Ctx,
  budget: () => boolean,
  only: { ticket: string },
): { sent: number; failed: number };
export function drainMailQueue(
  ctx: Ctx,
  budget: () => boolean,
  only?: { ticket: string },
): number | { sent: number; failed: number } {
  const table = queueTable(ctx);
  if (!table) return only ? { sent: 0, failed: 0 } : 0;
  const columns = (): Record<"sentAt" | "time" | "id", Cell[]> => {
    const c: Partial<Record<"sentAt" | "time" | "id", Cell[]>> = table.readColumns(
      only ? (["sentAt", "time", "id"] as const) : (["sentAt", "time"] as const),
    );
    return { sentAt: c.sentAt ?? [], time: c.time ?? [], id: c.id ?? [] };
  };
  let cols = columns();
  const waiting = (c: typeof cols): boolean =>
    c.sentAt.some((v, i) => v === "" && (!only || String(c.id[i]).startsWith(`${only.ticket}-`)));
  if (!waiting(cols)) return only ? { sent: 0, failed: 0 } : 0;
  // Row numbers are held from here to the last write: the lease keeps the clean-up away, and the
  // queue is read again after it (a clean-up may have moved the rows just before).
  if (!takeDrainLease()) return only ? { sent: 0, failed: 0 } : 0;
  cols = columns();
  const sentCol = cols.sentAt;
  const timeCol = cols.time;
  const idCol = cols.id;
  const now = Date.now();
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < sentCol.length; i++) {
    if (sentCol[i] !== "" || !budget()) continue;
    if (only && !String(idCol[i]).startsWith(`${only.ticket}-`)) continue;
    const created = timeCol[i];
    const rowNumber = i + 2;
    const row = table.read(rowNumber);
    if (row.sentAt !== "") continue; // another drain sent it meanwhile
    const stale = created instanceof Date ? now - created.getTime() >= PENDING_GRACE_MS : true;
    if (!only && Number(row.attempts) === 0 && !stale) continue;
    if (officeHoursOnly(String(row.id))) {
      // Reminders and digests (flows/reminders.ts) go out at most once: a pending one whose
      // execution died may have been sent just before, so it is not sent again; one whose send
      // failed (attempts > 0) is retried, in office hours only.
      if (Number(row.attempts) === 0) continue;
      if (!isWorkingTime(now, calendarFromConfig(ctx.config))) continue;
    }
    const mail: OutgoingMail = {
      to: String(row.to).split(/,\s*/).filter(Boolean),
      cc: String(row.cc).split(/,\s*/).filter(Boolean),
      subject: String(row.subject),
      body: String(row.body),
      htmlBody: String(row.htmlBody),
      ticket: String(row.id),
    };
    try {
      send(ctx, mail);
      table.write(rowNumber, {
        ...row,
        body: "",
        htmlBody: "",
        attempts: Number(row.attempts) + 1,
        sentAt: new Date(),
      });
      sent++;
    } catch (e) {
      table.write(rowNumber, {
        ...row,
        attempts: Number(row.attempts) + 1,
        lastError: asSheetText(errorText(e)),
      });
      failed++;
      // The daily quota is spent: stop trying until tomorrow's sweep.
      if (MailApp.getRemainingDailyQuota() <= 0) break;
    }
  }
  return only ? { sent, failed } : sent;
}

// ── Clearing sent rows ───────────────────────────────────────────────────────────────────────

/**
 * How long the id of a sent mail is kept in the claims sheet. What asks about ticket mails after
 * they were sent: intake's recovery (were the receipt and notice recorded? only for a response
 * the index lacks, which the next sweep registers) and the complaint repair (only until the next
 * sweep's reconciliation); the daily digest's claim (HARIAN-yyyy-MM-dd) is asked that day only, the
 * recap's (REKAP-yyyy-MM) on one working day. A week covers a sweep failing for days.
 */
export const CLAIM_HOLD_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Claims asked about for as long as an account stays unused (unused.ts: the activation reminder
 * of a letter, an OPD's monthly list, a suspension proposal): kept for good, a few per account.
 */
const DURABLE_CLAIMS = [REMINDER_ID, MONTHLY_ID, PROPOSAL_ID].map((p) => `${p}-`);

function keepClaim(id: string, nowMs: number): boolean {
  if (DURABLE_CLAIMS.some((p) => id.startsWith(p))) return true;
  const at = recordedAt(id);
  return !(nowMs - at > CLAIM_HOLD_MS); // an id without a readable time is kept
}

export interface PruneReport {
  /** Sent rows deleted from the queue. */
  removed: number;
  /** Ids in the claims sheet afterwards. */
  claims: number;
  /** Why nothing was deleted this time (the next sweep tries again). */
  deferred?: "lock" | "drain" | "in flight";
}

/**
 * The sweep's clean-up of the mail queue (under the script lock): the ids of sent rows move to the
 * claims sheet (one column; old ones past CLAIM_HOLD_MS dropped, durable claims kept), then the
 * sent rows are deleted, a run of consecutive rows per call, the bottom run first. Pending and
 * failed rows stay. Nothing is deleted while another execution may still write a row by its
 * number (see above). Returns null when the queue holds nothing.
 */
export function pruneMailQueue(ctx: Ctx, nowMs: number = Date.now()): PruneReport | null {
  const queue = queueTable(ctx);
  const claims = claimsTable(ctx);
  if (!queue || !claims || queue.sheet.getLastRow() < 2) return null;
  const out = tryWithScriptLock(() => prune(queue, claims, nowMs));
  return out.ok ? out.value : { removed: 0, claims: 0, deferred: "lock" };
}

function prune(queue: Table<QueueKey>, claims: Table<ClaimKey>, nowMs: number): PruneReport {
  const others = Object.keys(leases(PropertiesService.getScriptProperties(), nowMs)).filter(
    (k) => k !== runId,
  );
  if (others.length > 0) return { removed: 0, claims: 0, deferred: "drain" };
  const rows = queue.all();
  const inFlight = rows.some(
    ({ row }) =>
      row.sentAt === "" &&
      Number(row.attempts) === 0 &&
      row.time instanceof Date &&
      nowMs - row.time.getTime() < PENDING_GRACE_MS,
  );
  if (inFlight) return { removed: 0, claims: 0, deferred: "in flight" };
  const sent = rows.filter(({ row }) => row.sentAt !== "");
  if (sent.length === 0) return { removed: 0, claims: 0 };

  // 1. The claims first (a reader asks the queue, then the claims: the id is always in one).
  const old = claims.column("id").map(String);
  const kept = old.filter((id) => id !== "" && keepClaim(id, nowMs));
  // A run cut off between the claims and the deletions left ids there already: not twice.
  const known = new Set(old);
  const added = sent
    .map(({ row }) => String(row.id))
    .filter((id) => id !== "" && !known.has(id) && keepClaim(id, nowMs));
  if (kept.length === old.length) {
    claims.writeRows(
      old.length + 2,
      added.map((id) => [id]),
    );
  } else {
    const all = [...kept, ...added];
    claims.writeRows(
      2,
      all.map((id) => [id]),
    );
    const extra = old.length - all.length;
    if (extra > 0) claims.sheet.deleteRows(all.length + 2, extra);
  }

  // 2. The sent rows, in runs, the bottom one first (deleting it moves no run above it).
  const numbers = sent.map((s) => s.rowNumber);
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun[0] + lastRun[1] === n) lastRun[1]++;
    else runs.push([n, 1]);
  }
  const lastRow = rows.length + 1;
  // Sheets refuses to delete every row below a frozen header: keep one empty row then.
  if (numbers.length === rows.length && queue.sheet.getMaxRows() === lastRow)
    queue.sheet.insertRowAfter(lastRow);
  for (const [first, count] of runs.reverse()) queue.sheet.deleteRows(first, count);
  return { removed: numbers.length, claims: kept.length + added.length };
}

/**
 * Mails of the queue the sweep will still act on: not sent, and not a reminder whose execution
 * died before trying it (those are never sent again, see drainMailQueue). One read; the sweep
 * keeps making its full pass while there are any (domain/sweepplan.ts).
 */
export function mailsAwaiting(ctx: Ctx): number {
  const table = queueTable(ctx);
  if (!table) return 0;
  const q = table.readColumns(["sentAt", "attempts", "id"] as const);
  let n = 0;
  for (let i = 0; i < q.sentAt.length; i++) {
    if (q.sentAt[i] !== "") continue;
    if (officeHoursOnly(String(q.id[i] ?? "")) && Number(q.attempts[i]) === 0) continue;
    n++;
  }
  return n;
}

/** Mail recipients left today (the account's daily quota). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
