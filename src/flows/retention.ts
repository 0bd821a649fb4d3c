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
import { dupKeys } from "../workspace/duplicates.js";
import { isBatchResponseKey } from "../domain/batch.js";
import { eraseBatchLists } from "./batch-sweep.js";
import { stateLabel } from "../domain/audit.js";
import { parseProvisionState } from "../domain/provisioning.js";
import {
  batches,
  complaintFieldsDue,
  dateKey,
  ERASE_ACTION,
  erasureMarker,
  holdsData,
  PERSONAL_FIELDS,
  responseColumnsToErase,
  retentionVerdict,
  rowRuns,
  type ComplaintPersonal,
  type PersonalField,
  type RetentionFacts,
} from "../domain/retention.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import type { Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { tryWithScriptLock } from "../workspace/lock.js";
import { appendLog, type LogDraftEntry } from "../workspace/log.js";
import {
  cellMs,
  indexTable,
  registerTable,
  responseKey,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { REGISTER_COLUMNS, SHEET_NAMES, type RegisterKey } from "../workspace/schema.js";
import {
  sheetCell,
  Table as TableOf,
  type Cell,
  type ColumnDef,
  type Row,
  type Table,
} from "../workspace/table.js";
import { readBook, writeBook } from "../workspace/archivebook.js";
import { parseRegisterType } from "../domain/services.js";
import { STATUS_COLUMNS, STATUS_SHEET, statusTable, type StatusKey } from "../workspace/statusrecords.js";
import {
  COMPLAINT_COLUMNS,
  existingComplaintTable,
  writeProgramColumns,
  type ComplaintKey,
} from "../workspace/complaints.js";
import { complaintStateLabel } from "../domain/complaints.js";

/** Script property: the office-local day ("yyyy-MM-dd") of the last finished pass. */
export const RETENTION_DAY_KEY = "surel:retentionDay";
/** One batch: at most this many rows… */
export const BATCH_ROWS = 100;
/** …in at most this many runs of consecutive rows. */
export const BATCH_RUNS = 10;

/** The personal fields are register columns (a compile-time check of the names). */
const FIELD_KEYS: readonly RegisterKey[] = PERSONAL_FIELDS;

/** The register is written from the first personal column to the last one ("Diperbarui"). */
const FIRST_WRITTEN = Math.min(...FIELD_KEYS.map((k) => REGISTER_COLUMNS.findIndex((c) => c.key === k)));

export interface RetentionReport {
  /** false when the pass did not run (done already today, or no register). */
  ran: boolean;
  /** Tickets whose personal fields were erased by this pass. */
  erased: string[];
  /** Form response rows erased. */
  responseRows: number;
  /** Tickets erased with responses that could not be found by their identity (left untouched, reported). */
  unlocated: string[];
  /** Due rows left for the next sweep (time budget, or the lock was busy). */
  pending: number;
  /** Finished requests past retention whose provisioning still needs the personal address. */
  waiting: number;
  /** Closed rows without any date (nothing tells since when they are closed): never erased. */
  undated: number;
  /** First names erased in the status page's records (Status Publik). */
  statusNames: number;
  /** Complaints whose complainant's name, address and text were erased. */
  complaints: string[];
  /** Requests erased in the yearly archives (their log entries are in the live log). */
  archived?: string[];
  /** Bulk requests whose list sheet's personal data was erased (flows/batch.ts eraseBatchLists). */
  batchLists: string[];
}

interface Due {
  rowNumber: number;
  ticket: string;
}

/** The application form's responses and the account services form's. */
interface Responses {
  main: ResponsesSheet;
  services: ResponsesSheet;
}

interface Erasure {
  rowNumber: number;
  row: RegisterRow;
  fields: PersonalField[];
  accountGiven: boolean;
  responseRows: number[];
  /** Responses of the ticket that could not be found by their identity (left untouched). */
  unlocated: number;
}

function facts(row: RegisterRow): RetentionFacts {
  const values: Partial<Record<PersonalField, unknown>> = {};
  for (const k of PERSONAL_FIELDS) values[k] = row[k];
  return {
    status: String(row.status),
    updatedMs: cellMs(row.updatedAt),
    otherDatesMs: [row.receivedAt, row.stageEnteredAt, row.createdAt, row.letterSentAt].map(cellMs),
    provisioningLabel: parseProvisionState(String(row.provisioning)).label,
    letterSentMs: cellMs(row.letterSentAt),
    accountCreated: String(row.createdAt ?? "").trim() !== "",
    values,
  };
}

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
  const props = PropertiesService.getScriptProperties();
  const nowMs = Date.now();
  const today = dateKey(nowMs, ctx.offset);
  if (props.getProperty(RETENTION_DAY_KEY) === today) return report;
  if (!ctx.ss.getSheetByName(SHEET_NAMES.register)) return report;
  report.ran = true;
  let finished: boolean;
  try {
    finished =
      erasePass(ctx, budget, report, nowMs, today) &&
      eraseComplaints(ctx, budget, report, nowMs, today) &&
      eraseArchives(ctx, budget, report, nowMs, today) &&
      eraseBatchLists(ctx, budget, { nowMs, today, facts }, report.batchLists);
  } catch (e) {
    props.setProperty(RETENTION_DAY_KEY, today);
    throw e;
  }
  if (finished) props.setProperty(RETENTION_DAY_KEY, today);
  return report;
}

/**
 * Returns whether every due row was erased. `archive`: the pass runs over a yearly archive's sheets
 * instead of the live ones (its log entries still go to the live log); `next` gets the earliest
 * moment a row still holding data falls due.
 */
function erasePass(
  ctx: Ctx,
  budget: () => boolean,
  report: RetentionReport,
  nowMs: number,
  today: string,
  archive?: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; next: number },
): boolean {
  const days = ctx.config.privacy.retentionDays;
  const ss = archive ? archive.ss : ctx.ss;
  const table: RegisterTable = archive ? archiveRegister(ss) : registerTable(ctx.ss);
  const due: Due[] = [];
  for (const { rowNumber, row } of table.all()) {
    const ticket = String(row.ticket);
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
  const batchList = batches(
    due.map((d) => d.rowNumber),
    BATCH_ROWS,
    BATCH_RUNS,
  );
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
    if (String(row.ticket) !== ticketAt.get(rowNumber)) continue;
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
    const here = stateLabel(String(e.row.status), String(e.row.stageKey));
    const fields = e.fields.map(header);
    if (names.holds(String(e.row.ticket))) fields.push(statusName);
    return {
      ticket: String(e.row.ticket),
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
    erasures.map((e) => String(e.row.ticket)),
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
    tickets: erasures.map((e) => String(e.row.ticket)),
    responseRows,
    statusNames,
    unlocated: erasures
      .filter((e) => e.unlocated > 0)
      .map((e) => ({ ticket: String(e.row.ticket), count: e.unlocated })),
  };
}

/**
 * The first names of the status page's records (Status Publik): the ticket and name columns read
 * once per pass (records are only appended, never moved), then one write per run of consecutive
 * records in a batch.
 */
class StatusNames {
  private rowOf: Map<string, number> | null = null;
  private table: Table<StatusKey> | null = null;

  /** `archive`: the records of a yearly archive (else the live Status Publik). */
  constructor(
    private readonly ctx: Ctx,
    private readonly archive: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null,
  ) {}

  private load(): Map<string, number> {
    if (this.rowOf) return this.rowOf;
    const map = new Map<string, number>();
    this.rowOf = map;
    const sheet = this.archive ? this.archive.getSheetByName(STATUS_SHEET) : null;
    this.table = this.archive
      ? sheet
        ? new TableOf(sheet, literalColumns(STATUS_COLUMNS))
        : null
      : statusTable(this.ctx.ss, false);
    if (!this.table) return map;
    const cols = this.table.readColumns(["ticket", "firstName"] as const);
    cols.ticket.forEach((ticket, i) => {
      if (holdsData(cols.firstName[i])) map.set(String(ticket), i + 2);
    });
    return map;
  }

  /** Whether the ticket's record still shows a name. */
  holds(ticket: string): boolean {
    return this.load().has(ticket);
  }

  /** Erases the names of these tickets' records; returns how many. */
  erase(tickets: readonly string[], marker: string): number {
    const map = this.load();
    const rows = tickets.map((t) => map.get(t)).filter((r): r is number => r !== undefined);
    if (!this.table || rows.length === 0) return 0;
    const col = this.table.col("firstName");
    const value = this.table.cellFor("firstName", marker);
    for (const run of rowRuns(rows))
      this.table.sheet
        .getRange(run.start, col, run.count, 1)
        .setValues(Array.from({ length: run.count }, () => [value]));
    for (const t of tickets) map.delete(t);
    return rows.length;
  }
}

// ── The yearly archives ──────────────────────────────────────────────────────────────────────

/**
 * In an archive every text is written as a literal (its sheets have no plain-text columns):
 * the same columns, none of them plain text (workspace/archive.ts appendRows).
 */
function literalColumns<K extends string>(columns: readonly ColumnDef<K>[]): ColumnDef<K>[] {
  return columns.map((c) => ({ ...c, plainText: false }));
}

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
function eraseArchives(
  ctx: Ctx,
  budget: () => boolean,
  report: RetentionReport,
  nowMs: number,
  today: string,
): boolean {
  const book = readBook();
  let changed = false;
  let finished = true;
  for (const file of book.files) {
    if (file.eraseAtMs === undefined || file.eraseAtMs > nowMs) continue;
    if (!budget()) return false;
    const archive = { ss: SpreadsheetApp.openById(file.id), next: Infinity };
    const done = erasePass(ctx, budget, report, nowMs, today, archive);
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

/**
 * Closed complaints past retention lose the complainant's name, address and text (Pengaduan), in
 * batches under the script lock: checked again, one log entry each ("hapus_data_pribadi", the
 * complaint's own chain), then the program's columns of each row. Returns whether all were done.
 */
function eraseComplaints(
  ctx: Ctx,
  budget: () => boolean,
  report: RetentionReport,
  nowMs: number,
  today: string,
): boolean {
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
  const batchList = batches(
    due.map((d) => d.rowNumber),
    BATCH_ROWS,
    BATCH_RUNS,
  );
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

/**
 * The form responses sheet: which rows belong to a ticket, found by each response's stable
 * identity (register.ts responseKey, kept in the response index), never by a row number: the
 * owner may delete or sort response rows, and a row number would then name another person's
 * response. The index is read once (it lists every response a request was made from; a corrected
 * request has several), the sheet once per pass to find each identity's row; each batch reads its
 * rows' span again under the lock and checks every row's identity before anything is written (one
 * read), then writes one range per run of consecutive rows. A response that cannot be found (its
 * row deleted or changed, or an index entry without an identity) is not erased: the ticket is
 * reported (retention.response_unlocated).
 */
class ResponsesSheet {
  private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** Ticket → the identities of its responses ("" for an entry recorded without one). */
  private keysOf: Map<string, string[]> | null = null;
  /** Identity → the rows holding it when the pass began. */
  private rowsOfKey = new Map<string, number[]>();
  private headers: Cell[] = [];
  private width = 0;
  /** The span read by the last `assign` (rows `spanFirst`…), checked there, written by `erase`. */
  private span: Cell[][] = [];
  private spanFirst = 0;

  /** The live register's spreadsheet, or a yearly archive (the same sheets). */
  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    sheetName: string = SHEET_NAMES.responses,
  ) {
    this.sheet = ss.getSheetByName(sheetName);
  }

  private load(): Map<string, string[]> {
    if (this.keysOf) return this.keysOf;
    const map = new Map<string, string[]>();
    this.keysOf = map;
    if (!this.sheet) return map;
    const last = this.sheet.getLastRow();
    this.width = this.sheet.getLastColumn();
    if (last < 2 || this.width < 1) return map;
    const all = this.sheet.getRange(1, 1, last, this.width).getValues() as Cell[][];
    this.headers = all[0] ?? [];
    for (let r = 2; r <= last; r++) {
      const key = responseKey(all[r - 1] ?? []);
      const list = this.rowsOfKey.get(key);
      if (list) list.push(r);
      else this.rowsOfKey.set(key, [r]);
    }
    if (!this.ss.getSheetByName(SHEET_NAMES.responseIndex)) return map;
    const index = indexTable(this.ss).readColumns(["responseKey", "ticket"] as const);
    index.ticket.forEach((t, i) => {
      const ticket = String(t);
      if (!ticket) return;
      const key = String(index.responseKey[i] ?? "");
      // A bulk request's person came from a list sheet, not a form response: none to erase here.
      if (isBatchResponseKey(key)) return;
      const list = map.get(ticket);
      if (!list) map.set(ticket, [key]);
      else if (key === "" || !list.includes(key)) list.push(key);
    });
    return map;
  }

  /**
   * Fills in each erasure's response rows: the rows holding its responses' identities, checked
   * again in one read of their span. What cannot be found is counted in `unlocated`.
   */
  assign(erasures: Erasure[]): void {
    const map = this.load();
    const expected = new Map<number, string>();
    for (const e of erasures) {
      for (const key of map.get(String(e.row.ticket)) ?? []) {
        const rows = key ? (this.rowsOfKey.get(key) ?? []) : [];
        if (rows.length === 0) e.unlocated++;
        for (const r of rows) expected.set(r, key);
        e.responseRows.push(...rows);
      }
    }
    if (!this.sheet || expected.size === 0) return;
    const rows = [...expected.keys()].sort((a, b) => a - b);
    this.spanFirst = rows[0]!;
    this.span = this.sheet
      .getRange(this.spanFirst, 1, rows[rows.length - 1]! - this.spanFirst + 1, this.width)
      .getValues() as Cell[][];
    for (const e of erasures) {
      const here = e.responseRows.filter(
        (r) => responseKey(this.span[r - this.spanFirst] ?? []) === expected.get(r),
      );
      // A row that moved or changed since the pass began: its response is not erased.
      if (here.length < e.responseRows.length) e.unlocated++;
      e.responseRows = [...new Set(here)].sort((a, b) => a - b);
    }
  }

  /** Erases the personal answers of the erasures' rows (as checked by `assign`); returns how many. */
  erase(erasures: readonly Erasure[], marker: string): number {
    if (!this.sheet) return 0;
    const plan = new Map<number, boolean[]>();
    const withAccount = responseColumnsToErase(this.headers, true);
    const withoutAccount = responseColumnsToErase(this.headers, false);
    for (const e of erasures) {
      for (const r of e.responseRows) plan.set(r, e.accountGiven ? withAccount : withoutAccount);
    }
    const cols = withoutAccount.map((x, i) => (x || withAccount[i] ? i : -1)).filter((i) => i >= 0);
    if (plan.size === 0 || cols.length === 0) return 0;
    const c0 = cols[0]!;
    const width = cols[cols.length - 1]! - c0 + 1;
    const rows = [...plan.keys()].sort((a, b) => a - b);
    for (const run of rowRuns(rows)) {
      const values: Cell[][] = [];
      for (let r = run.start; r < run.start + run.count; r++) {
        const erase = plan.get(r)!;
        const read = this.span[r - this.spanFirst] ?? [];
        values.push(
          Array.from({ length: width }, (_, j): Cell => {
            const v = read[c0 + j] ?? "";
            return erase[c0 + j] && holdsData(v) ? marker : sheetCell(v);
          }),
        );
      }
      this.sheet.getRange(run.start, c0 + 1, run.count, width).setValues(values);
    }
    return rows.length;
  }
}
