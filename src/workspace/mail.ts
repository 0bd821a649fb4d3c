/**
 * Sending mail. The mails a disposition or an intake causes are recorded in the mail queue sheet
 * under the same script lock as the change itself, sent right after the lock, and marked sent
 * (their bodies cleared); if the execution dies in between, the sweep sends what is still marked
 * pending. A mail that cannot go out now (daily quota, a passing fault) stays in the queue for
 * the sweep. Nothing is silently lost. The queue never holds a password: credential letters are
 * not queued as mail (provisioning re-issues them instead).
 */
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import type { MailText } from "../domain/intake.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import type { Ctx } from "./context.js";
import { errorText, logError } from "./errors.js";
import { QUEUE_COLUMNS, SHEET_NAMES, type QueueKey } from "./schema.js";
import { Table, type Row } from "./table.js";
import { LOCK_WAIT_MS, withScriptLock } from "./lock.js";

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
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.mailQueue);
  return sheet ? new Table(sheet, QUEUE_COLUMNS) : null;
}

export function queueMail(ctx: Ctx, mail: OutgoingMail, error: string): void {
  const table = queueTable(ctx);
  if (!table) return;
  // Outside the script lock (after a critical section): an atomic append.
  table.appendAtomic(queueRow(mail, 1, error));
}

function queueRow(mail: OutgoingMail, attempts: number, error: string): Row<QueueKey> {
  return {
    // Unique enough to tell rows apart for people; the row number is what the program uses.
    id: `${mail.ticket}-${Date.now().toString(36)}`,
    time: new Date(),
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

/** Whether mails about a ticket were recorded in the queue (the recovery path only). */
export function mailsRecordedFor(ctx: Ctx, ticket: string): boolean {
  const table = queueTable(ctx);
  if (!table || table.sheet.getLastRow() < 2) return false;
  const range = table.sheet.getRange(2, table.col("id"), table.sheet.getLastRow() - 1, 1);
  return range.createTextFinder(`${ticket}-`).matchCase(true).findNext() !== null;
}

/**
 * Whether a mail about a ticket was recorded at or after a moment (a repair's question: did the
 * execution that logged a step get as far as recording its mail?). Reads two columns; rare.
 */
export function mailRecordedSince(ctx: Ctx, ticket: string, sinceMs: number): boolean {
  const table = queueTable(ctx);
  if (!table) return false;
  const cols = table.readColumns(["id", "time"] as const);
  return cols.id.some((id, i) => {
    const at = cols.time[i];
    return String(id).startsWith(`${ticket}-`) && at instanceof Date && at.getTime() >= sinceMs;
  });
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
  const sentCol = table.column("sentAt");
  const timeCol = table.column("time");
  const idCol = only ? table.column("id") : [];
  const now = Date.now();
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < sentCol.length; i++) {
    if (sentCol[i] !== "" || !budget()) continue;
    if (only && !String(idCol[i]).startsWith(`${only.ticket}-`)) continue;
    const created = timeCol[i];
    const rowNumber = i + 2;
    const row = table.read(rowNumber);
    const stale = created instanceof Date ? now - created.getTime() >= PENDING_GRACE_MS : true;
    if (!only && Number(row.attempts) === 0 && !stale) continue;
    if (officeHoursOnly(String(row.id))) {
      // Reminders and digests (handlers/reminders.ts) go out at most once: a pending one whose
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
