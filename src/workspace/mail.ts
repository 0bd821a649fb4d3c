/**
 * Sending mail. A mail that cannot go out now (daily quota, a passing fault) is put in the mail
 * queue sheet and sent by the sweep; nothing is silently lost. The queue never holds a password:
 * credential letters are not queued as mail (provisioning re-issues them instead).
 */
import type { MailText } from "../domain/intake.js";
import { asSheetText } from "../domain/sanitize.js";
import type { Ctx } from "./context.js";
import { errorText, logError } from "./errors.js";
import { QUEUE_COLUMNS, SHEET_NAMES, type QueueKey } from "./schema.js";
import { Table } from "./table.js";

export interface OutgoingMail extends MailText {
  to: string[];
  cc?: string[];
  /** Related ticket, for the error log. */
  ticket: string;
  attachments?: GoogleAppsScript.Base.BlobSource[];
}

function senderName(ctx: Ctx): string {
  return `${ctx.config.office.shortName || ctx.config.office.name} \u2013 Layanan Surel Dinas`;
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
  table.append({
    id: `${mail.ticket}-${Utilities.getUuid().slice(0, 8)}`,
    time: new Date(),
    to: mail.to.join(", "),
    cc: (mail.cc ?? []).join(", "),
    subject: asSheetText(mail.subject),
    body: asSheetText(mail.body),
    htmlBody: asSheetText(mail.htmlBody),
    attempts: 1,
    lastError: asSheetText(error),
    sentAt: "",
  });
}

/** Sends what the queue holds, oldest first, while the quota lasts. Returns how many went out. */
export function drainMailQueue(ctx: Ctx, budget: () => boolean): number {
  const table = queueTable(ctx);
  if (!table) return 0;
  let sent = 0;
  for (const { rowNumber, row } of table.all()) {
    if (row.sentAt !== "" || !budget()) continue;
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
      table.write(rowNumber, { ...row, sentAt: new Date() });
      sent++;
    } catch (e) {
      table.write(rowNumber, {
        ...row,
        attempts: Number(row.attempts) + 1,
        lastError: asSheetText(errorText(e)),
      });
      // The daily quota is spent: stop trying until tomorrow's sweep.
      if (MailApp.getRemainingDailyQuota() <= 0) break;
    }
  }
  return sent;
}
