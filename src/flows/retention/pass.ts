/**
 * The retention pass over the register (live, or a yearly archive's): due rows erased in batches
 * under the script lock, with their form responses and status records (flows/retention.ts).
 */
import { dupKeys } from "../../workspace/duplicates.js";
import { stateLabel } from "../../domain/audit.js";
import { parseProvisionState } from "../../domain/provisioning.js";
import {
  ERASE_ACTION,
  erasureMarker,
  PERSONAL_FIELDS,
  retentionVerdict,
  rowRuns,
  type PersonalField,
  type RetentionFacts,
} from "../../domain/retention.js";
import { t } from "../../domain/text/index.js";
import { SYSTEM_ACTOR } from "../../domain/workflow.js";
import type { Ctx } from "../../workspace/context.js";
import { openSpreadsheet } from "../../workspace/spreadsheets.js";
import { logError } from "../../workspace/errors.js";
import { tryWithScriptLock } from "../../workspace/lock.js";
import { appendLog, type LogDraftEntry } from "../../workspace/log.js";
import { registerTable, type RegisterRow, type RegisterTable } from "../../workspace/register.js";
import { cellText, decodeRegisterRow } from "../../workspace/registercodec.js";
import { REGISTER_COLUMNS, SHEET_NAMES, type RegisterKey } from "../../workspace/schema.js";
import { Table as TableOf, type Cell } from "../../workspace/table.js";
import { readBook, writeBook } from "../../workspace/archivebook.js";
import { parseRegisterType } from "../../domain/services.js";
import { STATUS_COLUMNS, STATUS_SHEET } from "../../workspace/statusrecords.js";

import type { RetentionRun } from "./report.js";
import { ResponsesSheet, type Responses } from "./responses.js";
import { FIRST_WRITTEN, literalColumns, retentionBatches, type Erasure } from "./report.js";
import { StatusNames } from "./status.js";

interface Due {
  rowNumber: number;
  ticket: string;
}

export function facts(row: RegisterRow): RetentionFacts {
  const values: Partial<Record<PersonalField, unknown>> = {};
  for (const k of PERSONAL_FIELDS) values[k] = row[k];
  const rec = decodeRegisterRow(row);
  return {
    status: rec.status,
    updatedMs: rec.updatedMs ?? 0,
    otherDatesMs: [rec.receivedMs, rec.stageEnteredMs, rec.createdMs, rec.letterSentMs].map((ms) => ms ?? 0),
    provisioningLabel: parseProvisionState(rec.provisioning).label,
    letterSentMs: rec.letterSentMs ?? 0,
    accountCreated: cellText(row.createdAt).trim() !== "",
    values,
  };
}

/**
 * Returns whether every due row was erased. `archive`: the pass runs over a yearly archive's sheets
 * instead of the live ones (its log entries still go to the live log); `next` gets the earliest
 * moment a row still holding data falls due.
 */
export function erasePass(
  run: RetentionRun,
  archive?: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; next: number },
): boolean {
  const { ctx, budget, report, nowMs, today } = run;
  const days = ctx.config.privacy.retentionDays;
  const ss = archive ? archive.ss : ctx.ss;
  const table: RegisterTable = archive ? archiveRegister(ss) : registerTable(ctx.ss);
  const due: Due[] = [];
  for (const { rowNumber, row } of table.all()) {
    const ticket = cellText(row.ticket);
    if (!ticket) continue;
    const v = retentionVerdict(facts(row), days, nowMs);
    if (v.kind === "due") due.push({ rowNumber, ticket });
    else if (v.kind === "waiting") report.waiting++;
    else if (v.kind === "undated") report.undated++;
    else if (v.kind === "retained" && archive) archive.next = Math.min(archive.next, v.dueMs);
  }
  if (due.length === 0) return true;

  const ticketAt = new Map(due.map((d) => [d.rowNumber, d.ticket]));
  // Each form's responses in its own tab: an account services request's (domain/services.ts) are
  // in Respons Layanan Akun, found there by the same identities.
  const responses: Responses = {
    main: new ResponsesSheet(ss),
    services: new ResponsesSheet(ss, SHEET_NAMES.serviceResponses),
  };
  const names = new StatusNames(ctx, archive ? ss : null);
  const marker = erasureMarker(ctx.config.language, today);
  const batchList = retentionBatches(due.map((d) => d.rowNumber));
  for (let b = 0; b < batchList.length; b++) {
    const rows = batchList[b]!;
    const left = batchList.slice(b).reduce((n, x) => n + x.length, 0);
    if (!budget()) {
      report.pending += left;
      return false;
    }
    const done = tryWithScriptLock(() =>
      eraseBatch(ctx, table, responses, names, rows, ticketAt, { nowMs, days, marker }),
    );
    if (!done.ok) {
      report.pending += left;
      return false;
    }
    report.erased.push(...done.value.tickets);
    if (archive) (report.archived ??= []).push(...done.value.tickets);
    report.responseRows += done.value.responseRows;
    for (const u of done.value.unlocated) {
      report.unlocated.push(u.ticket);
      logError(
        ctx.ss,
        "retention",
        u.ticket,
        t(ctx.config.language, "retention.response_unlocated", { ticket: u.ticket, count: u.count }),
      );
    }
    report.statusNames += done.value.statusNames;
  }
  return true;
}

/** One batch, under the script lock: check again, log, erase the responses, then the register. */
function eraseBatch(
  ctx: Ctx,
  table: RegisterTable,
  responses: Responses,
  names: StatusNames,
  rows: readonly number[],
  ticketAt: ReadonlyMap<number, string>,
  p: { nowMs: number; days: number; marker: string },
): {
  tickets: string[];
  responseRows: number;
  statusNames: number;
  unlocated: { ticket: string; count: number }[];
} {
  const lang = ctx.config.language;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const span = table.sheet.getRange(first, 1, last - first + 1, table.width).getValues() as Cell[][];
  const erasures: Erasure[] = [];
  for (const rowNumber of rows) {
    const row = table.toRow(span[rowNumber - first] ?? []);
    // Rows are never moved by the program; a sorted sheet or a row changed meanwhile is left
    // for the next pass, which reads the register afresh.
    if (cellText(row.ticket) !== ticketAt.get(rowNumber)) continue;
    const v = retentionVerdict(facts(row), p.days, p.nowMs);
    if (v.kind !== "due") continue;
    erasures.push({
      rowNumber,
      row,
      fields: v.fields,
      accountGiven: v.accountGiven,
      responseRows: [],
      unlocated: 0,
    });
  }
  if (erasures.length === 0) return { tickets: [], responseRows: 0, statusNames: 0, unlocated: [] };

  const mine = (sheet: ResponsesSheet): Erasure[] =>
    erasures.filter(
      (e) => (parseRegisterType(e.row.requestType) === "akun_baru") === (sheet === responses.main),
    );
  responses.main.assign(mine(responses.main));
  responses.services.assign(mine(responses.services));
  const header = (k: RegisterKey): string => REGISTER_COLUMNS.find((c) => c.key === k)![lang];
  const statusName = `${STATUS_COLUMNS.find((c) => c.key === "firstName")![lang]} (${STATUS_SHEET})`;
  const drafts: LogDraftEntry[] = erasures.map((e) => {
    // Only closed requests are erased: the typed status is the cell's.
    const rec = decodeRegisterRow(e.row);
    const here = stateLabel(rec.status, rec.stageKey);
    const fields = e.fields.map(header);
    if (names.holds(cellText(e.row.ticket))) fields.push(statusName);
    return {
      ticket: cellText(e.row.ticket),
      from: here,
      to: here,
      action: ERASE_ACTION,
      actor: SYSTEM_ACTOR,
      timeMs: p.nowMs,
      note: t(lang, "retention.log_note", {
        days: p.days,
        fields: fields.join(", "),
        rows: e.responseRows.length,
      }),
    };
  });
  // The log first: an execution cut off after it is erased again (and logged again) next time,
  // never erased without a record.
  const entries = appendLog(ctx, drafts);
  const responseRows =
    responses.main.erase(mine(responses.main), p.marker) +
    responses.services.erase(mine(responses.services), p.marker);
  const statusNames = names.erase(
    erasures.map((e) => cellText(e.row.ticket)),
    p.marker,
  );

  const updated = new Date(p.nowMs);
  const byRow = new Map<number, RegisterRow>();
  erasures.forEach((e, i) => {
    const next: RegisterRow = { ...e.row, lastLogSeq: entries[i]!.seq, updatedAt: updated };
    for (const k of e.fields) next[k] = p.marker;
    // The duplicate keys follow the erased cells in the same write (an erased NIP leaves none).
    next.dupKeys = dupKeys(next, ctx.config);
    byRow.set(e.rowNumber, next);
  });
  const width = table.width - FIRST_WRITTEN;
  for (const run of rowRuns([...byRow.keys()])) {
    const values: Cell[][] = [];
    for (let r = run.start; r < run.start + run.count; r++) {
      values.push(table.toWrite(byRow.get(r)!).slice(FIRST_WRITTEN));
    }
    table.sheet.getRange(run.start, FIRST_WRITTEN + 1, run.count, width).setValues(values);
  }
  return {
    tickets: erasures.map((e) => cellText(e.row.ticket)),
    responseRows,
    statusNames,
    unlocated: erasures
      .filter((e) => e.unlocated > 0)
      .map((e) => ({ ticket: cellText(e.row.ticket), count: e.unlocated })),
  };
}

// ── The yearly archives ──────────────────────────────────────────────────────────────────────

function archiveRegister(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RegisterTable {
  const sheet = ss.getSheetByName(SHEET_NAMES.register);
  if (!sheet) throw new Error(t("id", "sheet.missing", { name: SHEET_NAMES.register }));
  return new TableOf(sheet, literalColumns(REGISTER_COLUMNS));
}

/**
 * Retention over the yearly archives (UU PDP: the period runs in the archive too). Each archive
 * records when its next row falls due; an archive is opened only on the day that moment has
 * passed (0: look now), its register read once, due rows erased in batches as in the live pass
 * (responses by their identity, status records' first names), each with its entry in the live
 * log. An archive with nothing left to erase is not opened again.
 */
export function eraseArchives(run: RetentionRun): boolean {
  const { budget, nowMs } = run;
  const book = readBook();
  let changed = false;
  let finished = true;
  for (const file of book.files) {
    if (file.eraseAtMs === undefined || file.eraseAtMs > nowMs) continue;
    if (!budget()) return false;
    const archive = { ss: openSpreadsheet(file.id), next: Infinity };
    const done = erasePass(run, archive);
    if (!done) {
      finished = false;
      continue;
    }
    if (archive.next === Infinity) delete file.eraseAtMs;
    else file.eraseAtMs = archive.next;
    changed = true;
  }
  if (changed) writeBook(book);
  return finished;
}
