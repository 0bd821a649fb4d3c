/**
 * The "Periksa keutuhan log" menu action: checks the whole hash chain of the disposition log
 * (src/workspace/log.ts verifyLog, against the anchor in Script Properties) and tells the
 * administrator, in the office's language, either that the log is intact or which entry is the first that
 * can no longer be trusted (its number, its row in the log sheet, its ticket). A broken chain is
 * also written to the error log so that it stays visible after the toast is gone.
 */
import type { ChainProblem } from "../domain/audit.js";
import { context } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { readLog, verifyLog } from "../workspace/log.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { t } from "../domain/text/index.js";

export interface VerifyReport {
  ok: boolean;
  /** Entries checked. */
  count: number;
  /** The first entry that cannot be trusted: its number, its row in the log sheet, its ticket. */
  firstBad?: number;
  row?: number;
  ticket?: string;
  problem?: ChainProblem;
  /** The message shown to the administrator. */
  message: string;
}

export function runVerifyLog(): VerifyReport {
  const ctx = context();
  const lang = ctx.config.language;
  const entries = readLog(ctx);
  const result = verifyLog(ctx, entries);
  let report: VerifyReport;
  if (result.ok) {
    report = {
      ok: true,
      count: result.count,
      message:
        result.count === 0
          ? t(lang, "verify.empty")
          : t(lang, "verify.ok", { count: result.count, seq: result.head.seq }),
    };
  } else {
    const row = result.index + 2; // below the header row
    const entry = entries[result.index];
    const ticket = entry && entry.seq === result.firstBad ? entry.ticket : "";
    const where = { reason: result.reason, sheet: SHEET_NAMES.log, row, seq: result.firstBad };
    report = {
      ok: false,
      count: entries.length,
      firstBad: result.firstBad,
      row,
      ticket,
      problem: result.problem,
      message: ticket
        ? t(lang, "verify.broken_ticket", { ...where, ticket })
        : t(lang, "verify.broken", where),
    };
    logError(ctx.ss, "verifyLog", ticket, report.message);
  }
  ctx.ss.toast(report.message, t(lang, "verify.title"), 20);
  console.info(report.message);
  return report;
}
