/**
 * The sweep's work on batches (flows/batch.ts): the batch rows kept current, the OPD's one
 * summary once every member is closed, a worker for a pending import, and the retention pass
 * over the lists' personal data.
 */
import {
  composeBatchSummary,
  FIRST_PERSON_ROW,
  HEAD_KEYS,
  LIST_WIDTH,
  PROBLEM_COLUMN,
  readBatchList,
  TICKET_COLUMN,
} from "../domain/batch.js";
import {
  batchListDueMs,
  ERASE_ACTION,
  erasureMarker,
  holdsData,
  isErasureMarker,
  problemsWithoutData,
  type RetentionFacts,
} from "../domain/retention.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import { type Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { tryWithScriptLock, withScriptLock } from "../workspace/lock.js";
import { appendLog } from "../workspace/log.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { cellMs, registerTable, type RegisterRow } from "../workspace/register.js";
import { cellText } from "../workspace/registercodec.js";
import { ensureWorker } from "../workspace/worker.js";

import { batchTable, members, membersText, personValidator, readPending, refreshBatchRow } from "./batch.js";

// ── The sweep: the batch rows kept current, the one summary ─────────────────────

export interface BatchSweepReport {
  refreshed: number;
  summaries: string[];
}

const CLOSED = ["selesai", "ditolak"];

/**
 * For every batch whose import is over and whose summary has not gone: its row follows its
 * members; once every member is closed, the OPD's summary is recorded with the row's mark under
 * the lock (exactly once) and sent.
 */
export function sweepBatches(ctx: Ctx): BatchSweepReport | undefined {
  const table = batchTable(ctx);
  if (!table) return undefined;
  const report: BatchSweepReport = { refreshed: 0, summaries: [] };
  const open = table
    .all()
    .filter(({ row }) => String(row.batchId) && Number(row.logSeq) > 0 && cellMs(row.summarySent) === 0);
  if (open.length === 0) return report;
  const pending = readPending().ids;
  for (const { rowNumber, row } of open) {
    const id = String(row.batchId);
    if (pending.includes(id)) continue;
    const all = members(ctx, id);
    if (all.length === 0) continue;
    const closed = all.every((m) => CLOSED.includes(String(m.row.status)));
    if (!closed) {
      if (membersText(ctx, all) !== String(row.members)) {
        withScriptLock(() => refreshBatchRow(ctx, table, rowNumber, members(ctx, id)));
        report.refreshed++;
      }
      continue;
    }
    const mails: OutgoingMail[] = [];
    const sent = withOutbox(ctx, mails, (): boolean => {
      const now = table.read(rowNumber);
      if (cellMs(now.summarySent) !== 0) return false;
      const fresh = members(ctx, id);
      const list = ctx.ss.getSheetByName(id);
      const refusedRows = list
        ? readBatchList(list.getDataRange().getDisplayValues()).persons.filter((p) => !p.ticket).length
        : 0;
      const name = (r: RegisterRow): string => String(r.fullName) || String(r.name);
      const summary = composeBatchSummary(
        {
          batchId: id,
          opd: String(now.opd),
          letter: String(now.letter),
          created: fresh
            .filter((m) => String(m.row.status) === "selesai")
            .map((m) => ({
              ticket: String(m.row.ticket),
              name: name(m.row),
              address: String(m.row.addressRecorded || m.row.address),
            })),
          rejected: fresh
            .filter((m) => String(m.row.status) === "ditolak")
            .map((m) => ({ ticket: String(m.row.ticket), name: name(m.row) })),
          refusedRows,
        },
        ctx.config,
      );
      mails.push({ ...summary, to: [String(now.contact).toLowerCase()], ticket: id });
      refreshBatchRow(ctx, table, rowNumber, fresh, { summarySent: new Date() });
      return true;
    });
    if (sent) report.summaries.push(id);
  }
  return report;
}

/** The sweep: a pending import whose lease is free gets a worker (it continues the import). */
export function scheduleBatchImports(ctx: Ctx): boolean {
  const p = readPending();
  if (p.ids.length === 0 || (p.lease && p.lease.untilMs > Date.now())) return false;
  try {
    withScriptLock(() => ensureWorker(Date.now()));
    return true;
  } catch (e) {
    logError(ctx.ss, "batch", "", e);
    return false;
  }
}

// ── Retention: the lists' personal data (the sweep's retention pass) ────────────

/**
 * The lists' personal data past retention (domain/retention.ts batchListDueMs), erased once per
 * batch: every cell of the people's rows but the ticket and the problems, the problems rewritten
 * without the values typed, the OPD's contact in the list's head and in the batch's row. Kept: the
 * batch's row, the OPD, the letter's number and date, the list's row numbers, tickets and
 * problems. The batch row's "Kontak OPD" holding the marker is the mark that the list is done
 * (a batch whose contact was never written gets the marker too), so a later pass reads nothing
 * more of it. Cost: when a batch is not done yet, the register once per pass; then per due batch,
 * under the script lock, one read of the batch row and of the list, one log entry (first: a pass
 * cut off after it erases and logs again, never erases unlogged), one write of the people's rows,
 * one of the head's contact, one of the row's. Returns whether every due list was done.
 */
export function eraseBatchLists(
  ctx: Ctx,
  budget: () => boolean,
  p: { nowMs: number; today: string; facts: (row: RegisterRow) => RetentionFacts },
  erased: string[],
): boolean {
  const table = batchTable(ctx);
  if (!table) return true;
  const open = table.all().filter(({ row }) => String(row.batchId) && !isErasureMarker(row.contact));
  if (open.length === 0) return true;
  const days = ctx.config.privacy.retentionDays;
  const lang = ctx.config.language;
  const marker = erasureMarker(lang, p.today);
  const byBatch = new Map<string, RetentionFacts[]>();
  for (const { row } of registerTable(ctx.ss).all()) {
    const id = cellText(row.batch);
    if (!id || !cellText(row.ticket)) continue;
    const list = byBatch.get(id);
    if (list) list.push(p.facts(row));
    else byBatch.set(id, [p.facts(row)]);
  }
  const pending = readPending().ids;
  for (const { rowNumber, row } of open) {
    const id = String(row.batchId);
    const dueMs = batchListDueMs(
      {
        summarySentMs: cellMs(row.summarySent),
        createdMs: cellMs(row.createdAt),
        importPending: pending.includes(id),
        members: byBatch.get(id) ?? [],
      },
      days,
      p.nowMs,
    );
    if (dueMs === null || p.nowMs <= dueMs) continue;
    if (!budget()) return false;
    const done = tryWithScriptLock((): boolean => {
      const now = table.read(rowNumber);
      if (String(now.batchId) !== id || isErasureMarker(now.contact)) return false;
      const sheet = ctx.ss.getSheetByName(id);
      const values = sheet ? sheet.getDataRange().getDisplayValues() : [];
      const list = readBatchList(values);
      const validate = personValidator(ctx, list, cellMs(now.createdAt) || p.nowMs);
      const refused = new Map(list.persons.filter((x) => !x.ticket).map((x) => [x.row, x]));
      const width = Math.max(LIST_WIDTH, ...values.map((r) => r.length));
      const rows: string[][] = [];
      let people = 0;
      for (let r = FIRST_PERSON_ROW; r <= values.length; r++) {
        const read = values[r - 1] ?? [];
        // A row erased by a pass cut off before its mark keeps the problems it was given then.
        const answers = read.slice(0, TICKET_COLUMN - 1);
        const erasedBefore = answers.some(isErasureMarker);
        const person = answers.some(holdsData) ? refused.get(r) : undefined;
        const cells = Array.from({ length: width }, (_, c): string => {
          const v = read[c] ?? "";
          if (c === TICKET_COLUMN - 1) return v;
          if (c === PROBLEM_COLUMN - 1)
            return person
              ? problemsWithoutData(
                  validate(person).problems.filter((x) => x.severity === "error"),
                  lang,
                )
              : holdsData(v) && !erasedBefore
                ? marker
                : v;
          return holdsData(v) ? marker : v;
        });
        if (cells.some((v, c) => v !== (read[c] ?? ""))) people++;
        rows.push(cells);
      }
      const contactRow = HEAD_KEYS.indexOf("contact") + 1;
      const contact = holdsData(values[contactRow - 1]?.[1]);
      // A pass cut off after the list's write finds nothing left there: it only marks the row.
      if (people > 0 || contact) {
        appendLog(ctx, [
          {
            ticket: id,
            from: "",
            to: "",
            action: ERASE_ACTION,
            actor: SYSTEM_ACTOR,
            timeMs: p.nowMs,
            note: t(lang, "retention.batch_log_note", { batch: id, days, rows: people }),
          },
        ]);
        if (sheet && people > 0) sheet.getRange(FIRST_PERSON_ROW, 1, rows.length, width).setValues(rows);
        if (sheet && contact) sheet.getRange(contactRow, 2).setValue(marker);
      }
      table.sheet.getRange(rowNumber, table.col("contact")).setValue(marker);
      return true;
    });
    if (!done.ok) return false;
    if (done.value) erased.push(id);
  }
  return true;
}
