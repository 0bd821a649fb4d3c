/**
 * The register sheet: one row per request. Every value that came from a person is written through
 * sanitize (never a formula; identifiers kept as text), and the row is read back into the state
 * the workflow needs. Cells are typed by the register codec (registercodec.ts).
 */
import type { OfficeConfig } from "../domain/config.js";
import type { Applicant, Request, Status, StoredProblem } from "../domain/request.js";
import { actionLabel, allowedActions } from "../domain/workflow.js";
import { parseRegisterType } from "../domain/services.js";
import { INDEX_COLUMNS, REGISTER_COLUMNS, SHEET_NAMES, type IndexKey, type RegisterKey } from "./schema.js";
import { Table, type Cell, type Row } from "./table.js";
import { configuredLanguage } from "./settings.js";
import { sheetNamed } from "./context.js";
import { t } from "../domain/text/index.js";
import {
  cellEpochMs,
  cellText,
  decodeRegisterRow,
  encodeRegister,
  type RegisterRecord,
} from "./registercodec.js";

export type RegisterRow = Row<RegisterKey>;
export type RegisterTable = Table<RegisterKey>;

function sheetOrThrow(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = sheetNamed(ss, name);
  if (!sheet) throw new Error(t(configuredLanguage(), "sheet.missing", { name }));
  return sheet;
}

export function registerTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RegisterTable {
  return new Table(sheetOrThrow(ss, SHEET_NAMES.register), REGISTER_COLUMNS, editableRanges);
}

/**
 * The cells officials may edit (action, note, address) on every row below the header. Sheets
 * does not extend a protection's unprotected ranges to rows added after them, so this runs at
 * setup and whenever the register grows.
 */
export function editableRanges(sheet: GoogleAppsScript.Spreadsheet.Sheet, maxRows: number): void {
  const ranges = REGISTER_COLUMNS.map((c, i) => ({ c, i }))
    .filter(({ c }) => c.editable)
    .map(({ i }) => sheet.getRange(2, i + 1, maxRows - 1, 1));
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (protection) protection.setUnprotectedRanges(ranges);
}

export function indexTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Table<IndexKey> {
  return new Table(sheetOrThrow(ss, SHEET_NAMES.responseIndex), INDEX_COLUMNS);
}

export function problemsText(problems: readonly StoredProblem[]): string {
  return problems.map((p) => `${p.severity === "error" ? "\u2022" : "\u25e6"} ${p.message}`).join("\n");
}

/** The applicant's fields as register cells (the codec writes labels and guards the text). */
export function applicantCells(a: Applicant, lang: OfficeConfig["language"]): Partial<RegisterRow> {
  return encodeRegister(applicantRecord(a), { language: lang });
}

/** The applicant's fields as the register record names them. */
function applicantRecord(a: Applicant): Partial<RegisterRecord> {
  return {
    fullName: a.fullName,
    name: a.name,
    asnStatus: a.employment,
    nip: a.nip,
    nik: a.nik,
    position: a.position,
    opd: a.opdName,
    phone: a.phone,
    personalEmail: a.personalEmail,
    accountType: a.accountType,
    unitCode: a.unitAcronym,
    unitName: a.unitName,
    wish: a.proposedUsername,
    requestLetter: [a.requestLetterNumber, a.requestLetterDate].filter(Boolean).join(", "),
    previousTicket: a.previousTicket,
  };
}

export function stageLabel(config: OfficeConfig, stageKey: string): string {
  return config.stages.find((s) => s.key === stageKey)?.label ?? "";
}

/** A complete register row for a newly registered request. */
export function newRow(
  req: Request,
  config: OfficeConfig,
  extra: { responseRow: number; dueMs: number | null; logSeq: number },
): RegisterRow {
  const base = {} as RegisterRow;
  for (const c of REGISTER_COLUMNS) base[c.key] = "";
  return {
    ...base,
    ...encodeRegister(
      {
        ...applicantRecord(req),
        ticket: req.ticket,
        receivedMs: req.submittedMs,
        status: req.status,
        stageKey: req.stageKey,
        responsible: req.responsible,
        dueMs: extra.dueMs || null,
        problems: problemsText(req.problems),
        duplicate: req.duplicateNote ? `${req.duplicateVerdict}: ${req.duplicateNote}` : req.duplicateVerdict,
        stageEnteredMs: req.stageEnteredMs,
        responseRow: extra.responseRow,
        lastLogSeq: extra.logSeq,
        updatedMs: req.updatedMs,
        requestType: "akun_baru",
      },
      config,
    ),
  };
}

/** The workflow state of a row. */
export function rowState(row: RegisterRow): {
  ticket: string;
  status: Status;
  stageKey: string;
  stageEnteredMs: number;
} {
  const rec = decodeRegisterRow(row);
  return {
    ticket: rec.ticket,
    status: rec.status,
    stageKey: rec.stageKey,
    stageEnteredMs: rec.stageEnteredMs ?? 0,
  };
}

/** A date cell as epoch ms, 0 when empty or unreadable (registercodec.ts cellEpochMs gives null). */
export function cellMs(c: Cell): number {
  return cellEpochMs(c) ?? 0;
}

/**
 * The action dropdown of one row (of the register, or of a batch in Permohonan Massal): only what
 * the row's stage allows at its status (empty and without a dropdown once nothing can be done).
 */
export function setActionChoices(
  table: { sheet: GoogleAppsScript.Spreadsheet.Sheet; col(key: "action"): number },
  rowNumber: number,
  actions: readonly string[],
): void {
  const cell = table.sheet.getRange(rowNumber, table.col("action"));
  if (actions.length === 0) {
    cell.clearDataValidations();
    return;
  }
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...actions], true)
    .setAllowInvalid(false)
    .setHelpText(t(configuredLanguage(), "register.action_help"))
    .build();
  cell.setDataValidation(rule);
}

/** The dropdown labels of what officials can do to a request at this stage and status. */
export function actionLabels(
  config: OfficeConfig,
  stageKey: string,
  status: Status,
  /** The row's Jenis Permohonan: a request about an existing account is carried out, not created. */
  requestType: unknown = "",
): string[] {
  if (!stageKey) return [];
  const service = parseRegisterType(requestType) !== "akun_baru";
  return allowedActions(config, stageKey, status).map((a) =>
    service && a === "buat_akun"
      ? t(config.language, "action.buat_akun.service")
      : actionLabel(config.language, a),
  );
}

/** The columns a letter and an account are made from: what a paste must not silently change. */
export const PERSONAL_KEYS = [
  "fullName",
  "name",
  "nip",
  "nik",
  "position",
  "opd",
  "phone",
  "personalEmail",
  "accountType",
  "unitCode",
  "unitName",
  "address",
  "addressRecorded",
] as const satisfies readonly RegisterKey[];

/**
 * A digest of a row's personal columns as the sheet stores them (the guarding apostrophe is not
 * stored): written by the program whenever it sets them (intake, correction, address override),
 * carried unchanged by every other write, and checked before an account or a letter is made.
 */
export function personalDigest(row: Partial<RegisterRow>, sha256: (text: string) => string): string {
  const values = PERSONAL_KEYS.map((k) => {
    const v = row[k];
    const text = v === undefined || v === null ? "" : String(v);
    return text.startsWith("'") ? text.slice(1) : text;
  });
  return sha256(JSON.stringify(values)).slice(0, 16);
}

/** Whether a row's personal columns are still those the program wrote (rows from before the digest pass). */
export function personalDataIntact(row: RegisterRow, sha256: (text: string) => string): boolean {
  const stored = cellText(row.dataDigest).trim();
  return stored === "" || stored === personalDigest(row, sha256);
}

/**
 * A form response's stable identity: a digest of its cells as stored (the timestamp as epoch
 * milliseconds, trailing empty cells dropped). The form-submit event's range and the sweep's read
 * of the responses sheet give the same cells, so both compute the same key; a row number is not
 * an identity (deleting a row moves every row below it). Computed in JavaScript (two 53-bit
 * string hashes, about 106 bits): the sweep keys every response row, and a service call per row
 * (Utilities.computeDigest) would make its cost grow with the responses.
 */
export function responseKey(cells: readonly unknown[]): string {
  const values = cells.map((v) =>
    v instanceof Date ? String(v.getTime()) : v === null || v === undefined ? "" : String(v),
  );
  while (values.length > 0 && values[values.length - 1] === "") values.pop();
  const text = JSON.stringify(values);
  return `${hash53(text, 0x9e3779b1).toString(36)}-${hash53(text, 0x85ebca6b).toString(36)}`;
}

/** A 53-bit string hash (two 32-bit multiply-xorshift lanes); not cryptographic. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
