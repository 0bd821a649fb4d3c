/**
 * The sweep's intake safety net: every response in a form's responses sheet that the index lacks
 * is registered (a form submission whose trigger was lost or cut off).
 */
import { dateOrderOf, responseTime } from "../domain/locale.js";
import { isErasureMarker } from "../domain/retention.js";
import { t } from "../domain/text/index.js";
import type { Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { indexTable, responseKey } from "../workspace/register.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { invalidateConfig } from "../workspace/settings.js";
import { processResponse, type NamedValues } from "./intake.js";

/**
 * Registers responses the index does not know: the application form's sheet, or (`sheetName`) the
 * account services form's (processResponse routes its rows by their questions).
 */
export function recoverResponses(
  ctx: Ctx,
  budget: () => boolean,
  sheetName: string = SHEET_NAMES.responses,
): { recovered: string[]; pending: number } {
  const responses = ctx.ss.getSheetByName(sheetName);
  const recovered: string[] = [];
  if (!responses) return { recovered, pending: 0 };
  const last = responses.getLastRow();
  if (last < 2) return { recovered, pending: 0 };
  // Registered responses are known by their stable key (responseKey); entries from before the
  // key existed by their row (the application form's only: services entries always have a key).
  // Rows whose cells retention erased are registered by definition.
  const index = indexTable(ctx.ss).readColumns(["responseRow", "responseKey"] as const);
  const keys = new Set(index.responseKey.map(String).filter(Boolean));
  const legacyRows = new Set(
    sheetName === SHEET_NAMES.responses
      ? index.responseRow.filter((_, i) => String(index.responseKey[i] ?? "") === "").map((v) => Number(v))
      : [],
  );
  const width = responses.getLastColumn();
  const all = responses.getRange(2, 1, last - 1, width).getValues();
  const rowKeys = all.map((cells) => responseKey(cells));
  const missing: number[] = [];
  for (let r = 2; r <= last; r++) {
    const cells = all[r - 2] ?? [];
    if (keys.has(rowKeys[r - 2]!) || legacyRows.has(r) || cells.some((c) => isErasureMarker(c))) continue;
    missing.push(r);
  }
  if (missing.length === 0) return { recovered, pending: 0 };

  const first = missing[0]!;
  const span = responses.getRange(first, 1, last - first + 1, width);
  const values = all.slice(first - 2);
  const display = span.getDisplayValues();
  const headers = responses.getRange(1, 1, 1, width).getDisplayValues()[0] ?? [];
  // Text answers and timestamps are in the spreadsheet's locale (en_US: month first).
  const order = dateOrderOf(ctx.loaded.locale ?? liveLocale(ctx));
  let pending = 0;
  for (const row of missing) {
    if (!budget()) {
      pending++;
      continue;
    }
    const v = values[row - first] ?? [];
    const d = display[row - first] ?? [];
    const named: NamedValues = {};
    headers.forEach((h, i) => {
      if (!h) return;
      named[h] = [...(named[h] ?? []), d[i] ?? ""];
    });
    const now = Date.now();
    const when = responseTime(v[0], d[0] ?? "", order, ctx.offset, now);
    try {
      const out = processResponse(ctx, row, named, when.ok ? when.ms : now, {
        dateOrder: order,
        key: rowKeys[row - 2]!,
        ...(when.ok ? {} : { refusedStamp: { text: d[0] ?? "", reason: when.reason } }),
      });
      if (out.created || out.corrected !== undefined) recovered.push(out.ticket);
    } catch (e) {
      logError(ctx.ss, "sweep", t(ctx.config.language, "sheet.row", { row }), e);
    }
  }
  return { recovered, pending };
}

/**
 * The spreadsheet's locale now. The cached configuration carries the locale it was read with (form
 * submissions use it without a call of their own): when someone changed the locale, the cache is
 * dropped, so that the triggers read dates by the new one from the next execution on.
 */
export function liveLocale(ctx: Ctx): string {
  const live = ctx.ss.getSpreadsheetLocale();
  if (ctx.loaded.locale !== live) {
    invalidateConfig();
    ctx.loaded.locale = live;
  }
  return live;
}
