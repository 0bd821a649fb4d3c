/**
 * The monthly recap: on the first working day of a month, in office hours, the sweep mails the
 * previous month's numbers (domain/recap.ts) to the head of office (the first stage's officials)
 * and whoever `rekap_kepada` names, with the dashboard's status chart as a PNG.
 *
 * Exactly once per month: under the script lock the recap is recorded in the mail queue with the
 * id REKAP-yyyy-MM, which is also the claim (a second sweep finds it and stops); it is sent right
 * after the lock; if the execution dies before sending, the queue's sweep sends it (without the
 * picture, which the queue does not keep); a failed send is retried from the queue.
 */
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import { monthNumbers, monthOf, previousMonth, type DashRow } from "../domain/dashboard.js";
import { composeRecap, isFirstWorkDayOfMonth } from "../domain/recap.js";
import type { Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { mailsRecordedFor, withOutbox, type OutgoingMail } from "../workspace/mail.js";
import type { RegisterRow } from "../workspace/register.js";
import { DASHBOARD_SHEET, dashRow } from "./dashboard.js";

export const RECAP_MAIL_ID = "REKAP";

export interface RecapReport {
  month: string;
  to: string[];
}

/** Who gets the recap: the head of office (the first stage's officials) and `rekap_kepada`. */
export function recapRecipients(ctx: Ctx): string[] {
  const head = ctx.config.stages[0]?.officials ?? [];
  return [...new Set([...head, ...(ctx.config.recapTo ?? [])].map((e) => e.toLowerCase()))];
}

/** The dashboard's first chart as a PNG, or nothing when it cannot be had. */
function chartImage(ctx: Ctx): GoogleAppsScript.Base.Blob[] {
  try {
    const chart = ctx.ss.getSheetByName(DASHBOARD_SHEET)?.getCharts()[0];
    return chart ? [chart.getAs("image/png")] : [];
  } catch (e) {
    logError(ctx.ss, "sweep", "", e);
    return [];
  }
}

export function sweepRecap(
  ctx: Ctx,
  rows: readonly RegisterRow[],
  nowMs: number = Date.now(),
): RecapReport | null {
  const cal = calendarFromConfig(ctx.config);
  if (!isWorkingTime(nowMs, cal) || !isFirstWorkDayOfMonth(nowMs, ctx.offset, cal)) return null;
  const month = previousMonth(monthOf(nowMs, ctx.offset), ctx.offset);
  const id = `${RECAP_MAIL_ID}-${month.key}`;
  const to = recapRecipients(ctx);
  if (to.length === 0) return null;
  // Cheap check first; the claim itself is made again under the lock.
  if (mailsRecordedFor(ctx, id)) return null;
  const list = rows.map((r) => dashRow(r, ctx)).filter((r): r is DashRow => r !== null);
  const now = monthNumbers(list, month, ctx.config, cal);
  const before = monthNumbers(list, previousMonth(month, ctx.offset), ctx.config, cal);
  const attachments = chartImage(ctx);
  const text = composeRecap(now, before, ctx.config, ctx.config.language, attachments.length > 0);
  const mails: OutgoingMail[] = [];
  let claimed = false;
  withOutbox(ctx, mails, () => {
    if (mailsRecordedFor(ctx, id)) return;
    mails.push({ ...text, to, ticket: id, attachments });
    claimed = true;
  });
  return claimed ? { month: month.key, to } : null;
}
