/**
 * The form-submit door: the installable trigger's event is read (a blank second delivery is
 * ignored; the timestamp is taken in the spreadsheet's locale) and the response goes to the
 * intake (flows/intake.ts), which registers it exactly once.
 */
import { dateOrderOf, FUTURE_TOLERANCE_MS, parseTimestamp, responseTime } from "../domain/locale.js";
import { context, type Ctx } from "../workspace/context.js";
import { responseKey } from "../workspace/register.js";
import { invalidateConfig } from "../workspace/settings.js";
import { processResponse, type IntakeOutcome } from "../flows/intake.js";

export type { IntakeOutcome } from "../flows/intake.js";

/** The installable form-submit trigger. */
export function handleFormSubmit(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined,
): IntakeOutcome | null {
  // Apps Script sometimes delivers a second, blank event for one submission: nothing to register.
  if (!e || !e.range || !e.namedValues || Object.keys(e.namedValues).length === 0) {
    console.warn("onFormSubmit: blank event ignored");
    return null;
  }
  const ctx = context();
  const values = e.range.getValues()[0] ?? [];
  const stamp = values[0];
  const nowMs = Date.now();
  const key = responseKey(values);
  const text = String(e.values?.[0] ?? "");
  // A timestamp written as text is in the spreadsheet's locale (en_US: month first).
  const order = dateOrderOf(currentLocale(ctx, stamp, text));
  if (
    stamp instanceof Date &&
    !Number.isNaN(stamp.getTime()) &&
    stamp.getTime() <= nowMs + FUTURE_TOLERANCE_MS
  )
    return processResponse(ctx, e.range.getRow(), e.namedValues, stamp.getTime(), { dateOrder: order, key });
  const when = responseTime(stamp, text, order, ctx.offset, nowMs);
  return processResponse(ctx, e.range.getRow(), e.namedValues, when.ok ? when.ms : Date.now(), {
    dateOrder: order,
    key,
    ...(when.ok ? {} : { refusedStamp: { text: text || String(stamp ?? ""), reason: when.reason } }),
  });
}

/**
 * The spreadsheet's locale for this submission. The cached one (no call) is trusted while the
 * event's own timestamp text, read by it, gives the timestamp cell's time; when they disagree (the
 * locale was changed since the configuration was cached, and no sweep has noticed yet) the live
 * locale is read and the cache dropped. A change on a day whose date reads the same both ways
 * (11/11) is noticed by the next sweep.
 */
function currentLocale(ctx: Ctx, stamp: unknown, text: string): string {
  const cached = ctx.loaded.locale;
  if (cached === undefined) return ctx.ss.getSpreadsheetLocale();
  if (!(stamp instanceof Date) || Number.isNaN(stamp.getTime()) || text.trim() === "") return cached;
  const read = parseTimestamp(text, dateOrderOf(cached), ctx.offset);
  if (read !== null && Math.abs(read - stamp.getTime()) < 1000) return cached;
  const live = ctx.ss.getSpreadsheetLocale();
  if (live !== cached) {
    invalidateConfig();
    ctx.loaded.locale = live;
  }
  return live;
}
