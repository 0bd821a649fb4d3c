/**
 * The sweep's comparison of the register with the disposition log. The log is the record: each
 * state-changing entry's "to" is where the request went ("status/stage"), and a row's
 * "No. Log Terakhir" names the last entry it reflects. A row that disagrees with its history
 * (a rapid or lost edit, a write that never happened, a cell someone with rights overwrote or a
 * paste over program columns) is rewritten from the log; entries whose "from" and "to" are the
 * same only annotate (an address change, a re-issued letter) and move nothing; a row whose history cannot be trusted
 * (it names an entry the log does not have, or has no history at all) is flagged for an
 * administrator and left alone (a row without any recorded log number, entered by hand or
 * imported, has nothing to be compared with and is skipped). Both go to the error log; a flag is written once, not on every
 * sweep. Complaint rows (the Pengaduan sheet) are compared with their entries from the same read
 * of the log and rewritten when behind it. Everything happens under the script lock with three
 * reads (register, complaints, log) and a write only per repaired row.
 */
import { t } from "../domain/text/index.js";
import type { LogEntry } from "../domain/audit.js";
import { stateLabel } from "../domain/audit.js";
import type { OfficeConfig } from "../domain/config.js";
import { formatMark } from "../domain/reminders.js";
import { rowVerdict, loggedState, type LoggedState } from "../domain/replay.js";
import { stepDeadlines } from "../domain/workflow.js";
import type { Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { unseenFlags } from "../workspace/flags.js";
import { withScriptLock } from "../workspace/lock.js";
import { readLog } from "../workspace/log.js";
import { complaintFromLog } from "../domain/complaints.js";
import { mailRecordedSince, recordMails, sendRecorded, type OutgoingMail } from "../workspace/mail.js";
import { responseMail } from "./complaints.js";
import {
  existingComplaintTable,
  setComplaintChoices,
  writeProgramColumns,
  type ComplaintKey,
} from "../workspace/complaints.js";
import { cellText, decodeRegisterRow } from "../workspace/registercodec.js";
import type { Cell, Row, Table } from "../workspace/table.js";
import {
  actionLabels,
  cellMs,
  registerTable,
  setActionChoices,
  stageLabel,
  type RegisterRow,
} from "../workspace/register.js";

export { loggedState, type LoggedState } from "../domain/replay.js";

/** Log actions of a handler's response (the complainant is mailed each). */
const RESPONSES = new Set(["pengaduan_ditanggapi", "pengaduan_selesai"]);

export interface ReconcileReport {
  /** Tickets whose row was rewritten from the log. */
  repaired: string[];
  /** Tickets whose row disagrees with a history that cannot be trusted (newly flagged this run). */
  flagged: string[];
}

/** At most this many flags are written one by one per sweep; the rest are summed up in one line. */
const MAX_FLAG_LINES = 20;

export function reconcileRegister(ctx: Ctx): ReconcileReport {
  const { config } = ctx;
  const lang = config.language;
  const report: ReconcileReport = { repaired: [], flagged: [] };
  const flags: { ticket: string; signature: string; message: string }[] = [];
  // Responses a cut-off execution logged but never recorded for the complainant: recorded under
  // the lock, sent after it.
  const complaintMails: OutgoingMail[] = [];
  let recorded: ReturnType<typeof recordMails> = [];
  withScriptLock(() => {
    const table = registerTable(ctx.ss);
    const rows = table.all();
    const complaints = existingComplaintTable(ctx.ss);
    const complaintRows = complaints ? complaints.all() : [];
    if (rows.length === 0 && complaintRows.length === 0) return;
    const byTicket = new Map<string, LogEntry[]>();
    for (const e of readLog(ctx)) {
      const list = byTicket.get(e.ticket);
      if (list) list.push(e);
      else byTicket.set(e.ticket, [e]);
    }
    const now = Date.now();
    if (complaints)
      report.repaired.push(
        ...repairComplaints(ctx, complaints, complaintRows, byTicket, now, complaintMails),
      );
    recorded = recordMails(ctx, complaintMails);
    for (const { rowNumber, row } of rows) {
      const rec = decodeRegisterRow(row);
      const ticket = rec.ticket;
      if (!ticket) continue;
      // The status as written (an unknown one must show as a disagreement, not decode to "baru").
      const shown = stateLabel(cellText(row.status), rec.stageKey);
      const recordedSeq = rec.lastLogSeq;
      const logged = loggedState(byTicket.get(ticket) ?? [], config);
      const where = t(lang, "sweep.where", { row: rowNumber, ticket });
      const verdict = rowVerdict(shown, recordedSeq, logged);
      if (verdict.kind === "skip" || !logged) continue;
      if (verdict.kind === "flag") {
        flags.push({
          ticket,
          signature: verdict.signature,
          message:
            verdict.why === "no_history"
              ? t(lang, "sweep.no_history", { where, seq: recordedSeq, shown })
              : t(lang, "sweep.history_lost", { where, seq: recordedSeq, last: logged.maxSeq }),
        });
        continue;
      }
      const expected = stateLabel(logged.status, logged.stageKey);
      repair(table, rowNumber, row, logged, config, now, ctx.offset);
      setActionChoices(
        table,
        rowNumber,
        actionLabels(config, logged.stageKey, logged.status, row.requestType),
      );
      report.repaired.push(ticket);
      logError(
        ctx.ss,
        "sweep",
        ticket,
        verdict.seqOnly
          ? t(lang, "sweep.seq_fixed", {
              where,
              seq: recordedSeq || t(lang, "common.empty"),
              last: logged.lastSeq,
            })
          : t(lang, "sweep.row_restored", { where, shown, expected, last: logged.lastSeq }),
      );
    }
  });
  sendRecorded(ctx, recorded);
  if (flags.length > 0) report.flagged = writeFlags(ctx, flags);
  return report;
}

/**
 * Complaint rows behind their log (an execution cut off after its log entry: a response, a
 * reminder): rewritten from it, so that an answered complaint gets no reminder and a reminder is
 * never sent twice. Only the program's columns are written; a row ahead of the log is left alone.
 */
function repairComplaints(
  ctx: Ctx,
  table: Table<ComplaintKey>,
  rows: readonly { rowNumber: number; row: Row<ComplaintKey> }[],
  byTicket: ReadonlyMap<string, LogEntry[]>,
  now: number,
  mails: OutgoingMail[],
): string[] {
  const repaired: string[] = [];
  const lang = ctx.config.language;
  for (const { rowNumber, row } of rows) {
    const number = String(row.number);
    const entries = number ? (byTicket.get(number) ?? []) : [];
    const logged = complaintFromLog(entries);
    if (!logged) continue;
    const recordedSeq = Number(row.lastLogSeq) || 0;
    if (recordedSeq > logged.maxSeq) continue;
    if (String(row.status) === logged.status && recordedSeq === logged.lastSeq) continue;
    // A response the row does not reflect: its execution may have died before recording the
    // complainant's mail (it records it right after the log entry, before the row).
    for (const e of entries) {
      if (e.seq <= recordedSeq || !RESPONSES.has(e.action)) continue;
      if (mailRecordedSince(ctx, number, e.timeMs)) continue;
      const status = e.action === "pengaduan_selesai" ? "selesai" : "ditanggapi";
      mails.push(responseMail(ctx, { number, email: String(row.email) }, e.note, status));
    }
    const at = (ms: number, cell: Cell): Cell => (ms ? new Date(ms) : cell);
    writeProgramColumns(table, rowNumber, {
      ...row,
      status: logged.status,
      reminders: formatMark(logged.reminders, ctx.offset),
      lastResponseAt: at(logged.lastResponseMs, row.lastResponseAt),
      closedAt: at(logged.closedMs, row.closedAt),
      lastLogSeq: logged.lastSeq,
      updatedAt: new Date(now),
    });
    setComplaintChoices(table, rowNumber, lang, logged.status !== "selesai");
    repaired.push(number);
    logError(
      ctx.ss,
      "sweep",
      number,
      t(lang, "sweep.complaint_restored", {
        row: rowNumber,
        number,
        seq: recordedSeq || t(lang, "common.empty"),
        last: logged.lastSeq,
        status: logged.status,
      }),
    );
  }
  return repaired;
}

function repair(
  table: ReturnType<typeof registerTable>,
  rowNumber: number,
  row: RegisterRow,
  logged: LoggedState,
  config: OfficeConfig,
  now: number,
  offset: number,
): void {
  const due = stepDeadlines(config, { stageKey: logged.stageKey, stageEnteredMs: logged.stageEnteredMs });
  const entered = cellMs(row.stageEnteredAt) === logged.stageEnteredMs ? row.stageEnteredAt : null;
  table.write(rowNumber, {
    ...row,
    status: logged.status,
    stage: stageLabel(config, logged.stageKey),
    stageKey: logged.stageKey,
    responsible: logged.responsible.join(", "),
    stageEnteredAt: entered ?? new Date(logged.stageEnteredMs),
    dueAt: due ? new Date(due.dueMs) : "",
    lastLogSeq: logged.lastSeq,
    updatedAt: new Date(now),
    reminders: formatMark(logged.reminders, offset),
  });
}

/** Writes the flags not written before (remembered in the script cache for a few hours). */
function writeFlags(ctx: Ctx, flags: { ticket: string; signature: string; message: string }[]): string[] {
  const { fresh, remember } = unseenFlags(flags);
  fresh.slice(0, MAX_FLAG_LINES).forEach((f) => logError(ctx.ss, "sweep", f.ticket, f.message));
  if (fresh.length > MAX_FLAG_LINES) {
    logError(
      ctx.ss,
      "sweep",
      "",
      t(ctx.config.language, "sweep.more_flags", {
        count: fresh.length - MAX_FLAG_LINES,
        tickets: fresh
          .slice(MAX_FLAG_LINES, MAX_FLAG_LINES + 10)
          .map((f) => f.ticket)
          .join(", "),
      }),
    );
  }
  remember(fresh);
  return fresh.map((f) => f.ticket);
}
