/**
 * The "Periksa keutuhan log" menu action: checks the whole hash chain of the disposition log
 * (src/workspace/log.ts verifyLog, against the anchor in Script Properties) and tells the
 * administrator, in Indonesian, either that the log is intact or which entry is the first that
 * can no longer be trusted (its number, its row in the log sheet, its ticket). A broken chain is
 * also written to the error log so that it stays visible after the toast is gone.
 */
import type { ChainProblem } from "../domain/audit.js";
import { context } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { readLog, verifyLog } from "../workspace/log.js";
import { SHEET_NAMES } from "../workspace/schema.js";

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
  const entries = readLog(ctx);
  const result = verifyLog(ctx, entries);
  let report: VerifyReport;
  if (result.ok) {
    report = {
      ok: true,
      count: result.count,
      message:
        result.count === 0
          ? "Log disposisi masih kosong; tidak ada yang perlu diperiksa."
          : `Log disposisi utuh: ${result.count} entri diperiksa, rantai hash cocok sampai entri #${result.head.seq}.`,
    };
  } else {
    const row = result.index + 2; // below the header row
    const entry = entries[result.index];
    const ticket = entry && entry.seq === result.firstBad ? entry.ticket : "";
    report = {
      ok: false,
      count: entries.length,
      firstBad: result.firstBad,
      row,
      ticket,
      problem: result.problem,
      message:
        `Log disposisi TIDAK utuh. ${result.reason} Periksa lembar \u201c${SHEET_NAMES.log}\u201d mulai baris ${row}` +
        `${ticket ? ` (tiket ${ticket})` : ""}; entri sebelum #${result.firstBad} masih dapat dipercaya.`,
    };
    logError(ctx.ss, "verifyLog", ticket, report.message);
  }
  ctx.ss.toast(report.message, "Surel: pemeriksaan log", 20);
  console.info(report.message);
  return report;
}
