/**
 * Bulk requests from one OPD letter. An administrator asks on the admin sheet for
 * "Buat lembar permohonan massal": the program makes the batch's list sheet in the register
 * (named by its id, `MSL-yyMM-nnnn`, protected: administrators only) and its row in
 * **Permohonan Massal**. The administrator fills the list's head (OPD, letter number and date,
 * the OPD's contact address) and pastes one row per person, then asks for "Impor permohonan
 * massal" with the id:
 *
 * - every person is validated exactly as a form answer (the same intake: domain/intake.ts through
 *   flows/intake.ts processResponse) and a valid one is registered as its own request with its
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
 *
 * Here: the batch sheet and the pending imports' record, a new batch, and what the parts share
 * about a batch's members. The import is batch-import.ts, the actions batch-edit.ts, the sweep's
 * and the retention's work batch-sweep.ts.
 */
import {
  batchStage,
  batchTemplate,
  LIST_WIDTH,
  personNamedValues,
  TITLE_ROW,
  type BatchList,
  type Member,
} from "../domain/batch.js";
import { mapNamedValues } from "../domain/form.js";
import { validateApplication } from "../domain/intake.js";
import { dateOrderOf } from "../domain/locale.js";
import { formatTicket, ticketPeriod, type Status } from "../domain/request.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { batchCounterKey, PROP } from "../domain/keys.js";
import { type Ctx } from "../workspace/context.js";
import { withScriptLock } from "../workspace/lock.js";
import { type OutgoingMail } from "../workspace/mail.js";
import {
  actionLabels,
  registerTable,
  setActionChoices,
  stageLabel,
  type RegisterRow,
} from "../workspace/register.js";
import { cellText } from "../workspace/registercodec.js";
import { BATCH_COLUMNS, SHEET_NAMES, type BatchKey } from "../workspace/schema.js";
import { Table, type Cell, type Row } from "../workspace/table.js";
import { nextSerial, readProperty, writeProperty } from "../workspace/properties.js";
import { stageMail } from "./stagemail.js";
import { ensureHeader, protectBatchSheet } from "../workspace/sheetsetup.js";

export type BatchRow = Row<BatchKey>;
export type BatchTable = Table<BatchKey>;

export interface OpResult {
  ok: boolean;
  message: string;
}

/** Imports waiting to continue, and the lease of the execution importing now (Script Properties). */
/** Longer than any execution lives: a lease left by an execution cut off is free after it. */
export const LEASE_MS = 6 * 60_000;

interface Pending {
  ids: string[];
  /** When each id's current import pass began (the members registered since then are new). */
  since: Record<string, number>;
  lease?: { id: string; untilMs: number };
}

export function readPending(): Pending {
  const raw = readProperty(PROP.batchImports);
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
export function without(p: Pending, id: string): Pending {
  return {
    ...p,
    ids: p.ids.filter((x) => x !== id),
    since: Object.fromEntries(Object.entries(p.since).filter(([k]) => k !== id)),
  };
}

export function writePending(p: Pending): void {
  writeProperty(PROP.batchImports, p.ids.length === 0 ? null : JSON.stringify(p));
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
    const batchId = formatTicket("MSL", period, nextSerial(batchCounterKey(period)));
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

// ── The members of a batch (shared by the import, the actions and the sweep) ─────

/** The register rows of a batch's members (one read of three columns and of the rows' span). */
export function members(ctx: Ctx, id: string): { rowNumber: number; row: RegisterRow }[] {
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
export function membersText(ctx: Ctx, list: readonly { row: RegisterRow }[]): string {
  if (list.length === 0) return t(ctx.config.language, "batch.members.none");
  const counts = new Map<string, number>();
  for (const { row } of list) {
    // The cells as written (not the typed record): a label shows a stray status as it stands, where
    // the codec would count it as "baru"; batch-sweep compares this text with the stored one.
    const status = cellText(row.status);
    const stageKey = cellText(row.stageKey);
    const label =
      stageKey && (status === "diproses" || status === "baru") ? stageLabel(ctx.config, stageKey) : status;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(" \u00b7 ");
}

export function memberStates(list: readonly { row: RegisterRow }[]): Member[] {
  // The status as written: a stray one is no open member (the codec would read it as "baru").
  return list.map(({ row }) => ({
    ticket: cellText(row.ticket),
    status: cellText(row.status),
    stageKey: cellText(row.stageKey),
  }));
}

/** The batch row's view of its members, and its dropdown (the actions of the batch's stage). */
export function refreshBatchRow(
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

/** A list's person validated exactly as a form answer received at `submittedMs`. */
export function personValidator(ctx: Ctx, list: BatchList, submittedMs: number) {
  const lang = ctx.config.language;
  const order = dateOrderOf(ctx.loaded.locale ?? ctx.ss.getSpreadsheetLocale());
  return (p: BatchList["persons"][number]) =>
    validateApplication(mapNamedValues(personNamedValues(list.head, p, lang), lang).answers, {
      config: ctx.config,
      todayMs: submittedMs,
      dateOrder: order === "mdy" ? "mdy" : "dmy",
    });
}

/** One notice to a stage's officials for a batch's members (instead of one per person). */
export function batchNotice(
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
