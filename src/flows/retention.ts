/**
 * The sweep's retention pass (UU PDP No. 27/2022): the personal fields of requests closed longer
 * than `retensi_hari` ago are erased in the register and in their rows of the form responses
 * sheet; each erasure is a system entry in the disposition log ("hapus_data_pribadi"). What is
 * personal, what stays and when a row is due: domain/retention.ts.
 *
 * Cost. At most one pass a day (the day is kept in Script Properties once a pass finished; a pass
 * cut short by the sweep's time budget or a busy lock goes on at the next sweep). The register is
 * read once (one call), the response index once, the responses sheet once (each response is found
 * by its stable identity, never by a row number: see ResponsesSheet); then due rows are erased in
 * batches of at most 100 rows and 10 runs of consecutive rows, each batch under the script lock:
 * one read of the batch's register rows and one of its response rows (the facts and the
 * responses' identities are checked again there), one
 * append to the log for the whole batch, and one range write per run of consecutive rows in each
 * sheet. Between batches the time budget is checked; what is left is done by the next sweep.
 *
 * The status page's record of an erased request loses its first name in the same batch (one read
 * of its two columns per pass, one write per run); closed complaints past the same period lose
 * the complainant's name, address and text (eraseComplaints), each with its own log entry; the
 * bulk requests' list sheets lose their people's data after their members (batch.ts eraseBatchLists).
 *
 * The hash-chained log itself is never rewritten: it holds no identity numbers, and its notes are
 * officials' reasons (see docs/SECURITY.md).
 */
import { localDateKey } from "../domain/dates.js";
import type { Ctx } from "../workspace/context.js";
import { scriptProperties } from "../workspace/properties.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { eraseBatchLists } from "./batch-sweep.js";
import { eraseComplaints } from "./retention/complaints.js";
import { eraseArchives, erasePass, facts } from "./retention/pass.js";
import { RETENTION_DAY_KEY, type RetentionReport, type RetentionRun } from "./retention/report.js";

export type { RetentionReport } from "./retention/report.js";

/**
 * Erases what is due, within the budget. Runs at most once a day; a failure is recorded as the
 * day's pass too (it is reported once, by the sweep, and tried again the next day) and rethrown.
 */
export function sweepRetention(ctx: Ctx, budget: () => boolean): RetentionReport {
  const report: RetentionReport = {
    ran: false,
    erased: [],
    responseRows: 0,
    unlocated: [],
    pending: 0,
    waiting: 0,
    undated: 0,
    statusNames: 0,
    complaints: [],
    batchLists: [],
  };
  const props = scriptProperties();
  const nowMs = Date.now();
  const today = localDateKey(nowMs, ctx.offset);
  if (props.getProperty(RETENTION_DAY_KEY) === today) return report;
  if (!ctx.ss.getSheetByName(SHEET_NAMES.register)) return report;
  report.ran = true;
  const run: RetentionRun = { ctx, budget, report, nowMs, today };
  let finished: boolean;
  try {
    finished =
      erasePass(run) &&
      eraseComplaints(run) &&
      eraseArchives(run) &&
      eraseBatchLists(ctx, budget, { nowMs, today, facts }, report.batchLists);
  } catch (e) {
    props.setProperty(RETENTION_DAY_KEY, today);
    throw e;
  }
  if (finished) props.setProperty(RETENTION_DAY_KEY, today);
  return report;
}
