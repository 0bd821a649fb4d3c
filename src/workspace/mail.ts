/**
 * Sending mail. The mails a disposition or an intake causes are recorded in the mail queue sheet
 * under the same script lock as the change itself, sent right after the lock, and marked sent
 * (their bodies cleared); if the execution dies in between, the sweep sends what is still marked
 * pending. A mail that cannot go out now (daily quota, a passing fault) stays in the queue for
 * the sweep. Nothing is silently lost. The queue never holds a password: credential letters are
 * not queued as mail (provisioning re-issues them instead).
 */
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import type { MailText } from "../domain/mailkit.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { sheetNamed, type Ctx } from "./context.js";
import { errorText, logError } from "./errors.js";
import { CLAIM_COLUMNS, QUEUE_COLUMNS, SHEET_NAMES, type ClaimKey, type QueueKey } from "./schema.js";
import { Table, type Cell, type Row } from "./table.js";
import { LOCK_WAIT_MS, tryWithScriptLock, withScriptLock } from "./lock.js";
import { MONTHLY_ID, PROPOSAL_ID, REMINDER_ID } from "../domain/unused.js";

/** Queue ids of mails that may go out in office hours only (reminders and digests). */
export const OFFICE_HOURS_MAIL_IDS = ["PENGINGAT-", "HARIAN-"];

function officeHoursOnly(id: string): boolean {
  return OFFICE_HOURS_MAIL_IDS.some((p) => id.startsWith(p));
}

/** A pending row older than this is the sweep's to send (the 6-minute limit has ended its execution). */
export const PENDING_GRACE_MS = 10 * 60 * 1000;

export interface OutgoingMail extends MailText {
  to: string[];
  cc?: string[];
  /** Related ticket, for the error log. */
  ticket: string;
  attachments?: GoogleAppsScript.Base.BlobSource[];
}

function senderName(ctx: Ctx): string {
  return t(ctx.config.language, "mail.sender", {
    office: ctx.config.office.shortName || ctx.config.office.name,
  });
}

function send(ctx: Ctx, mail: OutgoingMail): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: mail.to.join(","),
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: senderName(ctx),
  };
  if (mail.cc && mail.cc.length) message.cc = mail.cc.join(",");
  if (ctx.config.office.email) message.replyTo = ctx.config.office.email;
  if (mail.attachments && mail.attachments.length) message.attachments = mail.attachments;
  MailApp.sendEmail(message);
}

/** Sends now; on failure queues the mail for the sweep. Returns whether it went out now. */
export function sendOrQueue(ctx: Ctx, mail: OutgoingMail): boolean {
  const to = mail.to.filter(Boolean);
  if (to.length === 0) return false;
  try {
    send(ctx, { ...mail, to });
    return true;
  } catch (e) {
    logError(ctx.ss, "mail", mail.ticket, e);
    queueMail(ctx, { ...mail, to }, errorText(e));
    return false;
  }
}

function queueTable(ctx: Ctx): Table<QueueKey> | null {
  const sheet = sheetNamed(ctx.ss, SHEET_NAMES.mailQueue);
  return sheet ? new Table(sheet, QUEUE_COLUMNS) : null;
}

/** How long a mail that failed waits for the script lock before it is appended without it. */
const QUEUE_LOCK_WAIT_MS = 10_000;

/**
 * Queues a mail that could not be sent (called after a critical section, never inside one). The
 * append takes the script lock: `recordMails` writes at getLastRow() + 1 under the lock, and an
 * append without it could land between that read and that write and be overwritten. Only if the
 * lock stays busy is the mail appended without it (an atomic append, the rest of the program's
 * unlocked writers being appends too), rather than lost.
 */
export function queueMail(ctx: Ctx, mail: OutgoingMail, error: string): void {
  const table = queueTable(ctx);
  if (!table) return;
  const row = queueRow(mail, 1, error);
  const locked = tryWithScriptLock(() => table.appendAtomic(row), QUEUE_LOCK_WAIT_MS);
  if (!locked.ok) table.appendAtomic(row);
}

function queueRow(mail: OutgoingMail, attempts: number, error: string): Row<QueueKey> {
  const now = Date.now();
  return {
    // Unique enough to tell rows apart for people; the row number is what the program uses. Its
    // last part is the moment it was recorded (recordedAt): the claims sheet keeps only the id.
    id: `${mail.ticket}-${now.toString(36)}`,
    time: new Date(now),
    // Addresses come from applicants: never a formula ("=1+2@gmail.com").
    to: asSheetText(mail.to.join(", ")),
    cc: asSheetText((mail.cc ?? []).join(", ")),
    subject: asSheetText(mail.subject),
    body: asSheetText(mail.body),
    htmlBody: asSheetText(mail.htmlBody),
    attempts,
    lastError: asSheetText(error),
    sentAt: "",
  };
}

interface Recorded {
  /** The queue the mail was recorded in (read once per execution). */
  table: Table<QueueKey>;
  rowNumber: number;
  row: Row<QueueKey>;
  mail: OutgoingMail;
}

/** Records mails as pending in the queue: one write for all of them. Call under the script lock. */
export function recordMails(ctx: Ctx, mails: OutgoingMail[]): Recorded[] {
  const list = mails.map((m) => ({ ...m, to: m.to.filter(Boolean) })).filter((m) => m.to.length > 0);
  if (list.length === 0) return [];
  const table = queueTable(ctx);
  if (!table) return [];
  const first = table.sheet.getLastRow() + 1;
  const rows = list.map((m) => queueRow(m, 0, ""));
  table.writeRows(
    first,
    rows.map((r) => table.toValues(r)),
  );
  return rows.map((row, i) => ({ table, rowNumber: first + i, row, mail: list[i]! }));
}

/** Sends recorded mails and marks them sent (bodies cleared: the queue is not an archive of mail). */
export function sendRecorded(ctx: Ctx, recorded: Recorded[]): number {
  if (recorded.length === 0) return 0;
  const table = recorded[0]!.table;
  const done: Row<QueueKey>[] = [];
  for (const r of recorded) {
    try {
      send(ctx, r.mail);
      done.push({ ...r.row, body: "", htmlBody: "", attempts: 1, sentAt: new Date() });
    } catch (e) {
      logError(ctx.ss, "mail", r.mail.ticket, e);
      done.push({ ...r.row, attempts: 1, lastError: asSheetText(errorText(e)) });
    }
  }
  // The recorded rows are consecutive: one write marks them all.
  const first = recorded[0]!.rowNumber;
  table.sheet.getRange(first, 1, done.length, table.width).setValues(done.map((r) => table.toValues(r)));
  return done.filter((r) => r.sentAt !== "").length;
}

/**
 * Runs `fn` under the script lock; the mails it pushes onto `mails` are recorded as pending before
 * the lock is released, then sent.
 */
export function withOutbox<T>(
  ctx: Ctx,
  mails: OutgoingMail[],
  fn: (record: () => void) => T,
  lockWaitMs = LOCK_WAIT_MS,
): T {
  let recorded: Recorded[] = [];
  let done = false;
  // `record` lets fn record its mails before its last write (intake: before the index entry that
  // marks the response done), so that a cut-off never leaves a done response with unrecorded mail.
  const record = (): void => {
    if (done) return;
    done = true;
    recorded = recordMails(ctx, mails);
  };
  const out = withScriptLock(() => {
    const value = fn(record);
    record();
    return value;
  }, lockWaitMs);
  sendRecorded(ctx, recorded);
  return out;
}

function claimsTable(ctx: Ctx): Table<ClaimKey> | null {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.mailClaims);
  return sheet ? new Table(sheet, CLAIM_COLUMNS) : null;
}

/** The moment a mail was recorded, from its queue id (queueRow); NaN for an id without one. */
export function recordedAt(id: string): number {
  const i = id.lastIndexOf("-");
  return i < 0 ? NaN : parseInt(id.slice(i + 1), 36);
}

/** Whether an id in one column of a sheet starts a cell (a TextFinder: a constant number of calls). */
function hasId(table: Table<QueueKey> | Table<ClaimKey> | null, prefix: string): boolean {
  if (!table) return false;
  const last = table.sheet.getLastRow();
  if (last < 2) return false;
  const range = table.sheet.getRange(2, 1, last - 1, 1); // the id is the first column of both
  return range.createTextFinder(prefix).matchCase(true).findNext() !== null;
}

/**
 * Whether mails about a ticket (or under a claim id) were recorded: in the queue, or sent and
 * moved to the claims sheet. The queue is asked first: the clean-up writes the claims before it
 * deletes the queue's rows, so an id is always in one of the two.
 */
export function mailsRecordedFor(ctx: Ctx, ticket: string): boolean {
  return hasId(queueTable(ctx), `${ticket}-`) || hasId(claimsTable(ctx), `${ticket}-`);
}

/**
 * Whether a mail about a ticket was recorded at or after a moment (a repair's question: did the
 * execution that logged a step get as far as recording its mail?). Reads the queue's two columns
 * and the claims; rare.
 */
export function mailRecordedSince(ctx: Ctx, ticket: string, sinceMs: number): boolean {
  const table = queueTable(ctx);
  if (!table) return false;
  const cols = table.readColumns(["id", "time"] as const);
  const queued = cols.id.some((id, i) => {
    const at = cols.time[i];
    return String(id).startsWith(`${ticket}-`) && at instanceof Date && at.getTime() >= sinceMs;
  });
  if (queued) return true;
  const claims = claimsTable(ctx);
  return claims
    ? claims
        .column("id")
        .some((id) => String(id).startsWith(`${ticket}-`) && recordedAt(String(id)) >= sinceMs)
    : false;
}

/** Every recorded mail's id, queued or sent and moved to the claims (the claims of unused.ts). */
export function recordedMailIds(ctx: Ctx): string[] {
  const ids = (table: Table<QueueKey> | Table<ClaimKey> | null): string[] => {
    if (!table || table.sheet.getLastRow() < 2) return [];
    return table.sheet
      .getRange(2, 1, table.sheet.getLastRow() - 1, 1)
      .getDisplayValues()
      .map((r) => String(r[0] ?? ""));
  };
  return [...ids(queueTable(ctx)), ...ids(claimsTable(ctx))];
}

// ── Who holds queue row numbers outside the lock ────────────────────────────────────────────
//
// The clean-up (pruneMailQueue) deletes rows, which moves the rows below. Two writers address
// rows by number outside the script lock: an execution that recorded mails (sendRecorded marks
// them after sending) and a drain (it reads the queue, then sends and marks row by row). The first
// is seen in the queue itself: its rows are pending, never attempted, and younger than an
// execution can live. The second holds a lease, taken under the lock before it reads the row
// numbers it will write; the clean-up leaves the queue alone while another execution's lease runs.

const DRAIN_LEASES = "surel:mailDrainLeases";
/** The longest an execution lives (Apps Script's 6-minute limit), with a margin. */
const LEASE_MS = 7 * 60 * 1000;
/** This execution's lease id, made when it takes one (module state lives one execution). */
let runId = "";

function leases(props: GoogleAppsScript.Properties.Properties, nowMs: number): Record<string, number> {
  let all: Record<string, number> = {};
  try {
    all = JSON.parse(props.getProperty(DRAIN_LEASES) ?? "{}") as Record<string, number>;
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
    props.setProperty(DRAIN_LEASES, JSON.stringify({ ...leases(props, now), [runId]: now + LEASE_MS }));
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
