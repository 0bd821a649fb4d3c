/** Closed complaints past the retention period: the complainant's name, address and text erased. */
import {
  complaintFieldsDue,
  ERASE_ACTION,
  erasureMarker,
  type ComplaintPersonal,
} from "../../domain/retention.js";
import { t } from "../../domain/text/index.js";
import { SYSTEM_ACTOR } from "../../domain/workflow.js";
import { tryWithScriptLock } from "../../workspace/lock.js";
import { appendLog } from "../../workspace/log.js";
import { cellMs } from "../../workspace/register.js";
import { type Cell, type Row } from "../../workspace/table.js";
import {
  COMPLAINT_COLUMNS,
  existingComplaintTable,
  writeProgramColumns,
  type ComplaintKey,
} from "../../workspace/complaints.js";
import { complaintStateLabel } from "../../domain/complaints.js";
import { retentionBatches, type RetentionRun } from "./report.js";

/**
 * Closed complaints past retention lose the complainant's name, address and text (Pengaduan), in
 * batches under the script lock: checked again, one log entry each ("hapus_data_pribadi", the
 * complaint's own chain), then the program's columns of each row. Returns whether all were done.
 */
export function eraseComplaints(run: RetentionRun): boolean {
  const { ctx, budget, report, nowMs, today } = run;
  const table = existingComplaintTable(ctx.ss);
  if (!table) return true;
  const days = ctx.config.privacy.retentionDays;
  const lang = ctx.config.language;
  const dueOf = (row: Row<ComplaintKey>): ComplaintPersonal[] =>
    complaintFieldsDue(
      {
        status: String(row.status),
        closedMs: cellMs(row.closedAt),
        updatedMs: cellMs(row.updatedAt),
        values: { name: row.name, email: row.email, text: row.text },
      },
      days,
      nowMs,
    );
  const due = table
    .all()
    .filter((r) => String(r.row.number) && dueOf(r.row).length > 0)
    .map((r) => ({ rowNumber: r.rowNumber, number: String(r.row.number) }));
  if (due.length === 0) return true;
  const numberAt = new Map(due.map((d) => [d.rowNumber, d.number]));
  const marker = erasureMarker(lang, today);
  const header = (k: ComplaintKey): string => COMPLAINT_COLUMNS.find((c) => c.key === k)![lang];
  const batchList = retentionBatches(due.map((d) => d.rowNumber));
  for (let b = 0; b < batchList.length; b++) {
    const rows = batchList[b]!;
    if (!budget()) return false;
    const done = tryWithScriptLock(() => {
      const first = rows[0]!;
      const span = table.sheet
        .getRange(first, 1, rows[rows.length - 1]! - first + 1, table.width)
        .getValues() as Cell[][];
      const work = rows
        .map((rowNumber) => ({ rowNumber, row: table.toRow(span[rowNumber - first] ?? []) }))
        .filter((w) => String(w.row.number) === numberAt.get(w.rowNumber))
        .map((w) => ({ ...w, fields: dueOf(w.row) }))
        .filter((w) => w.fields.length > 0);
      if (work.length === 0) return [];
      const here = complaintStateLabel("selesai");
      const entries = appendLog(
        ctx,
        work.map((w) => ({
          ticket: String(w.row.number),
          from: here,
          to: here,
          action: ERASE_ACTION,
          actor: SYSTEM_ACTOR,
          timeMs: nowMs,
          note: t(lang, "retention.complaint_log_note", { days, fields: w.fields.map(header).join(", ") }),
        })),
      );
      work.forEach((w, i) => {
        const next: Row<ComplaintKey> = { ...w.row, lastLogSeq: entries[i]!.seq, updatedAt: new Date(nowMs) };
        for (const k of w.fields) next[k] = marker;
        writeProgramColumns(table, w.rowNumber, next);
      });
      return work.map((w) => String(w.row.number));
    });
    if (!done.ok) return false;
    report.complaints.push(...done.value);
  }
  return true;
}
