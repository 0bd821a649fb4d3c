/**
 * Bulk requests from one OPD letter (issue #12). An administrator asks on the admin sheet for
 * "Buat lembar permohonan massal": the program makes the batch's list sheet in the register
 * (named by its id, `MSL-yyMM-nnnn`, protected: administrators only) and its row in
 * **Permohonan Massal**. The administrator fills the list's head (OPD, letter number and date,
 * the OPD's contact address) and pastes one row per person, then asks for "Impor permohonan
 * massal" with the id:
 *
 * - every person is validated exactly as a form answer (the same intake: domain/intake.ts through
 *   handlers/intake.ts processResponse) and a valid one is registered as its own request with its
 *   own ticket, receipt and status code, the letter shared, the batch's id in the register row;
 *   exactly once per batch and list row (the response index key `massal:<id>:<row>`, the ticket
 *   written beside the row), so a corrected re-import registers only the rows not yet registered;
 * - a row with problems is not registered: its problems stay beside it in the list, and the OPD
 *   gets ONE mail per import listing every refused row with its problems;
 * - an import longer than one execution continues in the provisioning worker's executions
 *   (worker.ts) under a lease in Script Properties; an execution cut off anywhere is resumed.
 *
 * The chain acts on the whole batch with the dropdown of its row in **Permohonan Massal** (each
 * member at the batch's stage then follows as if acted on individually: decided by the workflow
 * table, logged, written, its applicant told), or on each person in the register as usual. The
 * sweep sends the OPD one summary once every member is closed (sweepBatches).
 */
import {
  batchResponseKey,
  batchResponseRow,
  batchStage,
  batchTemplate,
  composeBatchSummary,
  composeImportReport,
  contactProblem,
  FIRST_PERSON_ROW,
  HEAD_FIELDS,
  HEAD_KEYS,
  LIST_WIDTH,
  parseBatchId,
  personNamedValues,
  PROBLEM_COLUMN,
  readBatchList,
  TICKET_COLUMN,
  TITLE_ROW,
  type BatchList,
  type Member,
} from "../domain/batch.js";
import { mapNamedValues } from "../domain/form.js";
import { validateApplication } from "../domain/intake.js";
import { formatDateTime } from "../domain/dates.js";
import {
  batchListDueMs,
  ERASE_ACTION,
  erasureMarker,
  holdsData,
  isErasureMarker,
  problemsWithoutData,
  type RetentionFacts,
} from "../domain/retention.js";
import { dateOrderOf } from "../domain/locale.js";
import { formatTicket, ticketPeriod, type Status } from "../domain/request.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { actionLabel, decide, parseAction, RULES, SYSTEM_ACTOR, type Decision } from "../domain/workflow.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { errorText, logError } from "../workspace/errors.js";
import { tryWithScriptLock, withScriptLock } from "../workspace/lock.js";
import { appendLog } from "../workspace/log.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { journalNoteAuthor, noteIsOwn } from "../workspace/notes.js";
import {
  actionLabels,
  cellMs,
  registerTable,
  rowState,
  setActionChoices,
  stageLabel,
  type RegisterRow,
} from "../workspace/register.js";
import { BATCH_COLUMNS, SHEET_NAMES, type BatchKey } from "../workspace/schema.js";
import { Table, type Cell, type Row } from "../workspace/table.js";
import { ensureWorker } from "../workspace/worker.js";
import { nextSerial, readProperty, writeProperty } from "../workspace/properties.js";
import { editorEmail } from "../workspace/session.js";
import { applyDecision, scheduleWorker } from "./decide.js";
import { processResponse } from "./intake.js";
import { stageMail } from "./stagemail.js";
import { ensureHeader, protectBatchSheet } from "../handlers/setup.js";

type BatchRow = Row<BatchKey>;
type BatchTable = Table<BatchKey>;

export interface OpResult {
  ok: boolean;
  message: string;
}

/** Imports waiting to continue, and the lease of the execution importing now (Script Properties). */
const PENDING_KEY = "surel:batchImports";
/** Longer than any execution lives: a lease left by an execution cut off is free after it. */
const LEASE_MS = 6 * 60_000;
const counterKey = (period: string): string => `surel:batchCounter:${period}`;

interface Pending {
  ids: string[];
  /** When each id's current import pass began (the members registered since then are new). */
  since: Record<string, number>;
  lease?: { id: string; untilMs: number };
}

function readPending(): Pending {
  const raw = readProperty(PENDING_KEY);
  try {
    const p = raw ? (JSON.parse(raw) as Partial<Pending>) : {};
    return {
      ids: Array.isArray(p.ids) ? p.ids.map(String) : [],
      since: p.since && typeof p.since === "object" ? p.since : {},
      ...(p.lease ? { lease: p.lease } : {}),
    };
  } catch {
    return { ids: [], since: {} };
  }
}

/** The record without an id (its import is over). */
function without(p: Pending, id: string): Pending {
  return {
    ...p,
    ids: p.ids.filter((x) => x !== id),
    since: Object.fromEntries(Object.entries(p.since).filter(([k]) => k !== id)),
  };
}

function writePending(p: Pending): void {
  writeProperty(PENDING_KEY, p.ids.length === 0 ? null : JSON.stringify(p));
}

/** Whether an import waits to be continued (the worker and the sweep ask; one property read). */
export function batchImportsPending(): boolean {
  return readPending().ids.length > 0;
}

export function batchTable(ctx: Ctx): BatchTable | null {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.batches);
  return sheet ? new Table(sheet, BATCH_COLUMNS) : null;
}

/** The Permohonan Massal sheet, made on the first batch: officials edit only Tindakan and Catatan. */
function ensureBatchTable(ctx: Ctx): BatchTable {
  const existing = batchTable(ctx);
  if (existing) return existing;
  const sheet = ctx.ss.insertSheet(SHEET_NAMES.batches);
  ensureHeader(sheet, BATCH_COLUMNS, ctx.config.language);
  protectBatchSheet(sheet, ctx.config);
  return new Table(sheet, BATCH_COLUMNS);
}

// ── Creating a batch (admin sheet) ─────────────────────────────────────────────

export function createBatch(ctx: Ctx): OpResult {
  const { config } = ctx;
  const lang = config.language;
  const now = Date.now();
  const id = withScriptLock(() => {
    const period = ticketPeriod(now, ctx.offset);
    const batchId = formatTicket("MSL", period, nextSerial(counterKey(period)));
    const table = ensureBatchTable(ctx);
    const blank = {} as BatchRow;
    for (const c of BATCH_COLUMNS) blank[c.key] = "";
    table.append({
      ...blank,
      batchId,
      createdAt: new Date(now),
      imported: t(lang, "batch.import.waiting"),
    });
    return batchId;
  });
  // The list: text cells (a NIP, a phone number or a date stays as typed), administrators only.
  const sheet = ctx.ss.getSheetByName(id) ?? ctx.ss.insertSheet(id);
  const template = batchTemplate(lang);
  sheet.getRange(1, 1, sheet.getMaxRows(), LIST_WIDTH).setNumberFormat("@");
  sheet.getRange(1, 1, template.length, LIST_WIDTH).setValues(template);
  sheet.getRange(TITLE_ROW, 1, 1, LIST_WIDTH).setFontWeight("bold").setBackground("#e2efda");
  sheet.setFrozenRows(TITLE_ROW);
  protectBatchSheet(sheet, config);
  return { ok: true, message: t(lang, "batch.created", { batch: id }) };
}

// ── Importing (admin sheet, continued by the worker) ───────────────────────────

/** "Impor permohonan massal": the import begins (or a corrected list is imported again) now. */
export function startImport(ctx: Ctx, typed: string, budget: () => boolean): OpResult {
  const lang = ctx.config.language;
  const id = parseBatchId(typed);
  if (!id) return { ok: false, message: t(lang, "batch.bad_id", { value: typed || "-" }) };
  const table = batchTable(ctx);
  if (!table || !table.find("batchId", id) || !ctx.ss.getSheetByName(id))
    return { ok: false, message: t(lang, "batch.unknown", { batch: id }) };
  withScriptLock(() => {
    const p = readPending();
    if (!p.ids.includes(id)) {
      p.ids.push(id);
      p.since[id] = Date.now();
    }
    writePending(p);
  });
  const results = continueImports(ctx, budget, id);
  const mine = results.find((r) => r.id === id);
  if (mine && mine.finished) return { ok: mine.ok, message: mine.message };
  // Not finished (or another execution holds its lease): a worker carries on.
  try {
    withScriptLock(() => ensureWorker(Date.now()));
  } catch (e) {
    logError(ctx.ss, "batch", id, e);
  }
  return {
    ok: true,
    message: mine?.message ?? t(lang, "batch.import.started", { batch: id, done: 0, total: "?" }),
  };
}

export interface ImportRun {
  id: string;
  finished: boolean;
  ok: boolean;
  message: string;
}

/**
 * Continues pending imports within the budget (the worker, the admin request): one batch at a
 * time under a lease, so that two executions never import the same list at once.
 */
export function continueImports(ctx: Ctx, budget: () => boolean, only?: string): ImportRun[] {
  const runs: ImportRun[] = [];
  const tried = new Set<string>();
  while (budget()) {
    const claimed = withScriptLock((): { id: string; since: number } | null => {
      const p = readPending();
      const now = Date.now();
      if (p.lease && p.lease.untilMs > now) return null;
      const id = p.ids.find((x) => !tried.has(x) && (only === undefined || x === only));
      if (!id) return null;
      p.lease = { id, untilMs: now + LEASE_MS };
      writePending(p);
      return { id, since: p.since[id] ?? now };
    });
    if (!claimed) break;
    tried.add(claimed.id);
    let run: ImportRun;
    try {
      run = importBatch(ctx, claimed.id, claimed.since, budget);
    } catch (e) {
      logError(ctx.ss, "batch", claimed.id, e);
      run = { id: claimed.id, finished: false, ok: false, message: String(e) };
    }
    runs.push(run);
    // The lease goes (finishing removed the id already).
    withScriptLock(() => {
      const p = readPending();
      if (p.lease?.id === claimed.id) delete p.lease;
      writePending(p);
    });
    if (!run.finished) break;
  }
  return runs;
}

/** One import pass over a batch's list, as far as the budget goes. */
function importBatch(ctx: Ctx, id: string, since: number, budget: () => boolean): ImportRun {
  const { config } = ctx;
  const lang = config.language;
  const table = batchTable(ctx);
  const rowNumber = table ? table.find("batchId", id) : 0;
  const sheet = ctx.ss.getSheetByName(id);
  if (!table || !rowNumber || !sheet) return refuseImport(ctx, id, t(lang, "batch.unknown", { batch: id }));
  const batch = table.read(rowNumber);
  const values = sheet.getDataRange().getDisplayValues();
  const list = readBatchList(values);
  if (list.unknownTitles.length > 0)
    return refuseImport(
      ctx,
      id,
      t(lang, "batch.head.unknown_titles", { titles: list.unknownTitles.join(", ") }),
    );
  const contact = contactProblem(list.head.contact, lang);
  if (contact) return refuseImport(ctx, id, contact);
  if (list.persons.length === 0) return refuseImport(ctx, id, t(lang, "batch.head.empty", { batch: id }));
  // Every person is received when the batch was made (the OPD's letter arrived): the same moment
  // on every pass, so that intake recognises a registration an execution cut off.
  const submittedMs = cellMs(batch.createdAt) || since;
  const order = dateOrderOf(ctx.loaded.locale ?? ctx.ss.getSpreadsheetLocale());
  const validate = personValidator(ctx, list, submittedMs);
  // A problem of the head (OPD, letter) is every row's: the list is refused whole.
  const head = validate(list.persons[0]!).problems.filter(
    (p) => p.severity === "error" && p.field !== null && HEAD_FIELDS.includes(p.field),
  );
  if (head.length > 0)
    return refuseImport(
      ctx,
      id,
      t(lang, "batch.head.problem", { problems: head.map((p) => p.message).join(" ") }),
    );
  let done = 0;
  for (const person of list.persons) {
    if (person.ticket) {
      done++;
      continue;
    }
    if (!budget()) break;
    const errors = validate(person).problems.filter((p) => p.severity === "error");
    if (errors.length > 0) {
      const text = errors.map((p) => `\u2022 ${p.message}`).join("\n");
      if (text !== person.problems) sheet.getRange(person.row, PROBLEM_COLUMN).setValue(asSheetText(text));
      person.problems = text;
      done++;
      continue;
    }
    const out = processResponse(
      ctx,
      batchResponseRow(id, person.row),
      personNamedValues(list.head, person, lang),
      submittedMs,
      { key: batchResponseKey(id, person.row), batch: id, dateOrder: order },
    );
    sheet.getRange(person.row, TICKET_COLUMN, 1, 2).setValues([[out.ticket, ""]]);
    person.ticket = out.ticket;
    person.problems = "";
    done++;
  }
  const total = list.persons.length;
  if (done < total) {
    const message = t(lang, "batch.import.started", { batch: id, done, total });
    withScriptLock(() =>
      table.sheet
        .getRange(rowNumber, table.col("imported"))
        .setValue(t(lang, "batch.import.state_running", { done, total })),
    );
    return { id, finished: false, ok: true, message };
  }
  return finishImport(ctx, table, rowNumber, id, list, since);
}

/** A list's person validated exactly as a form answer received at `submittedMs`. */
function personValidator(ctx: Ctx, list: BatchList, submittedMs: number) {
  const lang = ctx.config.language;
  const order = dateOrderOf(ctx.loaded.locale ?? ctx.ss.getSpreadsheetLocale());
  return (p: BatchList["persons"][number]) =>
    validateApplication(mapNamedValues(personNamedValues(list.head, p, lang), lang).answers, {
      config: ctx.config,
      todayMs: submittedMs,
      dateOrder: order === "mdy" ? "mdy" : "dmy",
    });
}

/** The list cannot be imported: nothing is registered, the pass ends, the administrator reads why. */
function refuseImport(ctx: Ctx, id: string, message: string): ImportRun {
  withScriptLock(() => {
    const p = readPending();
    writePending(without(p, id));
    const table = batchTable(ctx);
    const rowNumber = table ? table.find("batchId", id) : 0;
    if (table && rowNumber)
      table.sheet.getRange(rowNumber, table.col("imported")).setValue(asSheetText(message));
  });
  return { id, finished: true, ok: false, message };
}

/** The register rows of a batch's members (one read of three columns and of the rows' span). */
function members(ctx: Ctx, id: string): { rowNumber: number; row: RegisterRow }[] {
  const register = registerTable(ctx.ss);
  const cols = register.readColumns(["batch"] as const);
  const rows: number[] = [];
  cols.batch.forEach((b, i) => {
    if (String(b) === id) rows.push(i + 2);
  });
  if (rows.length === 0) return [];
  const first = rows[0]!;
  const span = register.sheet
    .getRange(first, 1, rows[rows.length - 1]! - first + 1, register.width)
    .getValues() as Cell[][];
  return rows.map((r) => ({ rowNumber: r, row: register.toRow(span[r - first]!) }));
}

/** "Kepala Dinas: 8 · ditolak: 1 · selesai: 1": where the members are. */
function membersText(ctx: Ctx, list: readonly { row: RegisterRow }[]): string {
  if (list.length === 0) return t(ctx.config.language, "batch.members.none");
  const counts = new Map<string, number>();
  for (const { row } of list) {
    const status = String(row.status);
    const label =
      String(row.stageKey) && (status === "diproses" || status === "baru")
        ? stageLabel(ctx.config, String(row.stageKey))
        : status;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(" \u00b7 ");
}

function memberStates(list: readonly { row: RegisterRow }[]): Member[] {
  return list.map(({ row }) => ({
    ticket: String(row.ticket),
    status: String(row.status),
    stageKey: String(row.stageKey),
  }));
}

/** The batch row's view of its members, and its dropdown (the actions of the batch's stage). */
function refreshBatchRow(
  ctx: Ctx,
  table: BatchTable,
  rowNumber: number,
  list: readonly { row: RegisterRow }[],
  extra: Partial<BatchRow> = {},
): void {
  const { config } = ctx;
  const stage = batchStage(config, memberStates(list));
  const row = table.read(rowNumber);
  table.write(rowNumber, {
    ...row,
    ...extra,
    members: asSheetText(membersText(ctx, list)),
    status: stage?.status ?? "",
    stageKey: stage?.stageKey ?? "",
    stage: stage ? stageLabel(config, stage.stageKey) : "",
  });
  setActionChoices(
    table,
    rowNumber,
    stage ? actionLabels(config, stage.stageKey, stage.status as Status) : [],
  );
}

/**
 * The pass is over: under one lock the pending import goes, the batch row shows the result, the
 * OPD's report and the batch's stage notice are recorded (sent after the lock): once per pass.
 */
function finishImport(
  ctx: Ctx,
  table: BatchTable,
  rowNumber: number,
  id: string,
  list: BatchList,
  since: number,
): ImportRun {
  const { config } = ctx;
  const lang = config.language;
  const mails: OutgoingMail[] = [];
  const url = rowUrl(ctx.ss, table.sheet, rowNumber);
  const registered = list.persons.filter((p) => p.ticket);
  const refused = list.persons.filter((p) => !p.ticket);
  const nameTitle = Object.keys(list.persons[0]?.answers ?? {})[0] ?? "";
  const letter = [list.head.letterNumber, list.head.letterDate].filter(Boolean).join(", ");
  const message = t(lang, "batch.import.done", {
    batch: id,
    registered: registered.length,
    refused: refused.length,
    contact: list.head.contact,
  });
  withOutbox(ctx, mails, (): boolean => {
    const p = readPending();
    if (!p.ids.includes(id)) return false; // finished by another execution: its report went
    writePending(without(p, id));
    const all = members(ctx, id);
    const now = Date.now();
    const [entry] = appendLog(ctx, [
      {
        ticket: "",
        from: "",
        to: "",
        action: "impor_massal",
        actor: SYSTEM_ACTOR,
        timeMs: now,
        note: asSheetText(message),
      },
    ]);
    refreshBatchRow(ctx, table, rowNumber, all, {
      opd: asSheetText(list.head.opd),
      letter: asSheetText(letter),
      contact: asSheetText(list.head.contact),
      imported: t(lang, "batch.import.state_done", {
        time: formatDateTime(now, ctx.offset, lang),
        registered: registered.length,
        refused: refused.length,
      }),
      logSeq: entry!.seq,
    });
    const report = composeImportReport(
      {
        batchId: id,
        opd: list.head.opd,
        letter,
        registered: registered.map((x) => ({ ticket: x.ticket, name: x.answers[nameTitle] ?? "" })),
        refused: refused.map((x) => ({
          row: x.row,
          name: x.answers[nameTitle] ?? "",
          problems: x.problems.split("\n").map((s) => s.replace(/^\u2022\s*/, "")),
        })),
      },
      config,
    );
    mails.push({ ...report, to: [list.head.contact.toLowerCase()], ticket: id });
    // The first stage hears of the batch once (its members were registered without a notice each).
    const fresh = all.filter((m) => cellMs(m.row.stageEnteredAt) >= since && String(m.row.stageKey));
    const stage = batchStage(config, memberStates(fresh));
    if (stage) {
      const responsible = String(
        fresh.find((m) => String(m.row.stageKey) === stage.stageKey)?.row.responsible ?? "",
      )
        .split(/,\s*/)
        .filter(Boolean);
      mails.push(
        batchNotice(ctx, id, list.head.opd, fresh.length, stage.stageKey, responsible, url, {
          action: "diterima",
          actor: SYSTEM_ACTOR,
          reason: "",
        }),
      );
    }
    return true;
  });
  return { id, finished: true, ok: true, message };
}

/** One notice to a stage's officials for a batch's members (instead of one per person). */
function batchNotice(
  ctx: Ctx,
  id: string,
  opd: string,
  count: number,
  stageKey: string,
  responsible: string[],
  url: string,
  why: { action: string; actor: string; reason: string },
): OutgoingMail {
  const name = t(ctx.config.language, "batch.notice.name", { count, opd, batch: id });
  return stageMail(
    ctx,
    { ticket: id, fullName: name, name: "", opdName: opd, stageKey, responsible },
    url,
    null,
    "",
    why.action,
    why.actor,
    why.reason,
  );
}

// ── Acting on the whole batch (the Permohonan Massal dropdown) ──────────────────

export type BatchEditOutcome =
  | { kind: "ignored" | "note" }
  | { kind: "batch"; batch: string; action: string; applied: number; skipped: number; left: number }
  | { kind: "refused"; ticket: string; reason: string };

/** How long a batch action may apply members before it stops (the edit's 6 minutes). */
const BATCH_ACTION_BUDGET_MS = 4 * 60_000;
/** Members decided, logged and written per log append. */
const CHUNK = 50;

export function handleBatchEdit(e: GoogleAppsScript.Events.SheetsOnEdit, ctx: Ctx): BatchEditOutcome {
  const start = Date.now();
  const range = e.range;
  const table = batchTable(ctx);
  if (!table || range.getRow() < 2) return { kind: "ignored" };
  const actor = editorEmail(e.user).toLowerCase();
  if (range.getNumRows() > 1 || range.getNumColumns() > 1) {
    // A paste over several cells is no choice: the action cells it covered are cleared, and said so.
    const action = table.col("action");
    if (range.getColumn() > action || range.getLastColumn() < action) return { kind: "ignored" };
    const cells = table.sheet.getRange(range.getRow(), action, range.getNumRows(), 1);
    cells.setValues(Array.from({ length: range.getNumRows() }, () => [""]));
    const reason = t(ctx.config.language, "batch.refuse.paste");
    cells.setNote(t(ctx.config.language, "edit.undone_note", { reason }));
    return { kind: "refused", ticket: "", reason };
  }
  const value = e.value === undefined ? "" : String(e.value);
  const id = String(table.sheet.getRange(range.getRow(), table.col("batchId")).getValue());
  if (range.getColumn() === table.col("note")) {
    if (id) journalNoteAuthor(ctx, id, actor, value);
    return { kind: "note" };
  }
  if (range.getColumn() !== table.col("action") || value.trim() === "") return { kind: "ignored" };
  return applyBatchAction(ctx, table, range, actor, value, () => Date.now() - start < BATCH_ACTION_BUDGET_MS);
}

/**
 * A batch action that could not take the script lock in time: nothing was decided or written. The
 * choice is not left standing as if applied: the action cell is cleared with a note and a toast
 * saying to choose again, and the error log says what happened (as for the register's edits).
 */
export function batchBusy(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
  err: unknown,
): BatchEditOutcome {
  const lang = ctx.config.language;
  const table = batchTable(ctx);
  const id = table ? String(table.sheet.getRange(cell.getRow(), table.col("batchId")).getValue()) : "";
  // Applied after all (the lock was lost after the write): the cell is already empty.
  if (String(cell.getValue()) !== value) return { kind: "ignored" };
  const reason = t(lang, "edit.busy");
  cell.setValue("");
  cell.setNote(t(lang, "edit.undone_note", { reason }));
  try {
    ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
  } catch {
    // the note stays; a toast is a courtesy
  }
  logError(
    ctx.ss,
    "onRegisterEdit",
    id,
    t(lang, "edit.busy_logged", { cell: cell.getA1Notation(), actor: actor || "-", detail: errorText(err) }),
  );
  return { kind: "refused", ticket: id, reason };
}

function undoBatch(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  id: string,
  actor: string,
  value: string,
  reason: string,
): BatchEditOutcome {
  const lang = ctx.config.language;
  cell.setValue("");
  cell.setNote(t(lang, "edit.undone_note", { reason }));
  appendLog(ctx, [
    {
      ticket: "",
      from: "",
      to: "",
      action: "ditolak_sistem",
      actor: actor || t(lang, "common.unknown"),
      timeMs: Date.now(),
      note: asSheetText(`${t(lang, "batch.log.action", { batch: id || "-", action: value })}: ${reason}`),
    },
  ]);
  try {
    ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
  } catch {
    // the note stays; a toast is a courtesy
  }
  return { kind: "refused", ticket: id, reason };
}

function applyBatchAction(
  ctx: Ctx,
  table: BatchTable,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
  budget: () => boolean,
): BatchEditOutcome {
  const { config } = ctx;
  const lang = config.language;
  const rowNumber = cell.getRow();
  const mails: OutgoingMail[] = [];
  return withOutbox(ctx, mails, (): BatchEditOutcome => {
    const batch = table.read(rowNumber);
    const id = String(batch.batchId);
    const refuse = (reason: string): BatchEditOutcome => undoBatch(ctx, cell, id, actor, value, reason);
    if (!id) return refuse(t(lang, "edit.not_a_request"));
    const action = parseAction(value);
    if (!action) return refuse(t(lang, "workflow.unknown_action", { action: value }));
    const written = String(batch.note);
    const own = noteIsOwn(ctx, id, written, actor);
    if (!own.ok && RULES[action].reasonRequired)
      return refuse(t(lang, "edit.note_not_own", { by: own.by || t(lang, "common.unknown") }));
    const note = own.ok ? written : "";
    const all = members(ctx, id);
    const stage = batchStage(config, memberStates(all));
    if (!stage) return refuse(t(lang, "batch.refuse.closed"));
    const at = all.filter(
      (m) => String(m.row.stageKey) === stage.stageKey && String(m.row.status) === stage.status,
    );
    const skipped = all.filter(
      (m) =>
        !at.includes(m) &&
        String(m.row.stageKey) !== "" &&
        ["baru", "diproses", "disetujui"].includes(String(m.row.status)),
    );
    const register = registerTable(ctx.ss);
    const now = Date.now();
    let applied = 0;
    let firstRefusal = "";
    const stageNotices = new Map<string, { emails: string[]; reason: string; action: string }>();
    let i = 0;
    for (; i < at.length; i += CHUNK) {
      if (i > 0 && !budget()) break;
      const chunk: { m: (typeof at)[number]; d: Extract<Decision, { ok: true }> }[] = [];
      for (const m of at.slice(i, i + CHUNK)) {
        const d = decide({ state: rowState(m.row), actor, action, note, config, nowMs: now });
        if (d.ok) chunk.push({ m, d });
        else firstRefusal ||= d.reason;
      }
      const logged = appendLog(
        ctx,
        chunk.map(({ m, d }) => ({
          ...d.logEntry,
          ticket: String(m.row.ticket),
          note: [
            d.logEntry.note,
            t(lang, "batch.log.action", { batch: id, action: actionLabel(lang, action) }),
          ]
            .filter(Boolean)
            .join("; "),
        })),
      );
      chunk.forEach(({ m, d }, k) => {
        applyDecision(ctx, register, m.rowNumber, m.row, d, {
          action,
          actor,
          seq: logged[k]!.seq,
          nowMs: now,
          leftStageKey: String(m.row.stageKey),
          mails,
          batch: true,
        });
        for (const n of d.notify)
          if (n.audience === "stage" && !stageNotices.has(n.stageKey))
            stageNotices.set(n.stageKey, { emails: n.emails, reason: n.reason, action: n.action });
      });
      applied += chunk.length;
    }
    const left = Math.max(0, at.length - i);
    if (applied === 0)
      return refuse(
        firstRefusal || t(lang, "batch.refuse.none", { stage: stageLabel(config, stage.stageKey) }),
      );
    if (action === "buat_akun") scheduleWorker(ctx, id, now);
    if (written.trim() !== "") journalNoteAuthor(ctx, id, actor, "");
    const result = [
      t(lang, "batch.result.applied", {
        action: actionLabel(lang, action),
        actor,
        time: formatDateTime(now, ctx.offset, lang),
        applied,
      }),
      skipped.length > 0
        ? t(lang, "batch.result.skipped", {
            skipped: skipped.length,
            tickets: skipped.map((m) => String(m.row.ticket)).join(", "),
          })
        : "",
      left > 0 ? t(lang, "batch.result.partial", { left }) : "",
    ]
      .filter(Boolean)
      .join(" ");
    cell.clearNote();
    refreshBatchRow(ctx, table, rowNumber, members(ctx, id), {
      action: "",
      note: "",
      result: asSheetText(result),
    });
    const url = rowUrl(ctx.ss, table.sheet, rowNumber);
    for (const [stageKey, n] of stageNotices)
      mails.push(
        batchNotice(ctx, id, String(batch.opd), applied, stageKey, n.emails, url, {
          action: actionLabel(lang, action),
          actor,
          reason: n.reason,
        }),
      );
    return { kind: "batch", batch: id, action, applied, skipped: skipped.length, left };
  });
}

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
    const id = String(row.batch ?? "");
    if (!id || !String(row.ticket)) continue;
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
