/**
 * Sending mail. The mails a disposition or an intake causes are recorded in the mail queue sheet
 * under the same script lock as the change itself, sent right after the lock, and marked sent
 * (their bodies cleared); if the execution dies in between, the sweep sends what is still marked
 * pending. A mail that cannot go out now (daily quota, a passing fault) stays in the queue for
 * the sweep. Nothing is silently lost. The queue never holds a password: credential letters are
 * not queued as mail (provisioning re-issues them instead).
 */
import type { MailText } from "../domain/mailkit.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { sheetNamed, type Ctx } from "./context.js";
import { errorText, logError } from "./errors.js";
import { CLAIM_COLUMNS, QUEUE_COLUMNS, SHEET_NAMES, type ClaimKey, type QueueKey } from "./schema.js";
import { Table, type Row } from "./table.js";
import { LOCK_WAIT_MS, tryWithScriptLock, withScriptLock } from "./lock.js";

/** Queue ids of mails that may go out in office hours only (reminders and digests). */
export const OFFICE_HOURS_MAIL_IDS = ["PENGINGAT-", "HARIAN-"];

export function officeHoursOnly(id: string): boolean {
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

export function send(ctx: Ctx, mail: OutgoingMail): void {
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

export function queueTable(ctx: Ctx): Table<QueueKey> | null {
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

export function claimsTable(ctx: Ctx): Table<ClaimKey> | null {
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
