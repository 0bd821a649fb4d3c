/**
 * The register codec: a register row's cells as a typed record and back.
 *
 *   const rec = decodeRegisterRow(table.read(n));        // never throws
 *   if (rec.accountType === "unit" && rec.createdMs !== null) …
 *   table.write(n, { ...row, ...encodeRegister({ status: "selesai", updatedMs: now }, config) });
 *
 * Decoding is total: a malformed or missing cell decodes to a safe default (text "", a date null,
 * a number 0, an unknown status "baru" as rowState always read it, an unknown account type or
 * employment status ""). Labels belong to encoding: the account type and employment status are
 * written as the office language's choice labels (what the form shows), the stage as the
 * configured stage's label, the request type as its register text ("akun baru"), and decoding
 * reads any language's label back. Strings are written as text: person-typed values through
 * sanitize (never a formula, identifiers never turned into numbers), and Table guards every
 * string again on write.
 *
 * Pure (no Apps Script global): it sits with the register's schema in the workspace layer because
 * the cell shapes are the sheet's.
 */
import type { Language } from "../domain/config.js";
import { accountTypeLabel, parseAccountType, parseEmploymentStatus, statusLabel } from "../domain/form.js";
import { isStatus, type AccountType, type EmploymentStatus, type Status } from "../domain/request.js";
import { asSheetLiteral, asSheetText } from "../domain/sanitize.js";
import { parseRegisterType, registerType, type ServiceKind } from "../domain/services.js";
import type { RegisterKey } from "./schema.js";
import type { Cell, Row } from "./table.js";

/** One register row as the program reads it. Dates are epoch ms (null when empty or unreadable). */
export interface RegisterRecord {
  ticket: string;
  receivedMs: number | null;
  status: Status;
  /** The stage's label as the sheet shows it (encoding derives it from stageKey). */
  stage: string;
  stageKey: string;
  /** Officials who must act now (the cell joins them with ", "). */
  responsible: string[];
  /** The action an official chose (its label, as typed in the dropdown). */
  action: string;
  note: string;
  dueMs: number | null;
  fullName: string;
  name: string;
  asnStatus: EmploymentStatus | "";
  nip: string;
  nik: string;
  position: string;
  opd: string;
  phone: string;
  personalEmail: string;
  accountType: AccountType | "";
  unitCode: string;
  unitName: string;
  wish: string;
  requestLetter: string;
  previousTicket: string;
  problems: string;
  duplicate: string;
  address: string;
  addressRecorded: string;
  /** The provisioning state as written by domain/provisioning.ts formatProvisionState. */
  provisioning: string;
  createdMs: number | null;
  letterNumber: string;
  letterSentMs: number | null;
  archive: string;
  stageTimes: string;
  stageEnteredMs: number | null;
  /** 0 when none. */
  responseRow: number;
  /** 0 when none. */
  lastLogSeq: number;
  updatedMs: number | null;
  serviceTotal: string;
  reminders: string;
  dataDigest: string;
  batch: string;
  dupKeys: string;
  /** The request type; an empty cell is "akun_baru" (rows from before the column); null: unknown text. */
  requestType: ServiceKind | null;
  changeDetails: string;
  notedGroups: string;
}

export type RegisterRowCells = Row<RegisterKey>;

/** What encoding needs of the office configuration (an OfficeConfig fits). */
export interface RegisterEncoding {
  language: Language;
  stages?: readonly { key: string; label: string }[];
}

// ── Cells ──────────────────────────────────────────────────────────────────────

/** A cell as text: "" for empty, a Date as its ISO form. */
export function cellText(c: Cell | null | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c;
  if (c instanceof Date) return isNaN(c.getTime()) ? "" : c.toISOString();
  return String(c);
}

/** A date cell as epoch ms: a Date, a number of ms, or an ISO date-time text; null otherwise. */
export function cellEpochMs(c: Cell | null | undefined): number | null {
  if (c instanceof Date) {
    const ms = c.getTime();
    return isNaN(ms) ? null : ms;
  }
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  if (typeof c === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(c.trim())) {
    const ms = Date.parse(c.trim());
    return isNaN(ms) ? null : ms;
  }
  return null;
}

/** A number cell: a number, or text that is one; 0 otherwise. */
export function cellNumber(c: Cell | null | undefined): number {
  if (typeof c === "number") return Number.isFinite(c) ? c : 0;
  if (typeof c === "string" && c.trim() !== "") {
    const n = Number(c.trim());
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

// ── Decoding ───────────────────────────────────────────────────────────────────

const DATE_FIELDS = {
  receivedMs: "receivedAt",
  dueMs: "dueAt",
  createdMs: "createdAt",
  letterSentMs: "letterSentAt",
  stageEnteredMs: "stageEnteredAt",
  updatedMs: "updatedAt",
} as const satisfies Partial<Record<keyof RegisterRecord, RegisterKey>>;

type DateField = keyof typeof DATE_FIELDS;

const TEXT_FIELDS = [
  "ticket",
  "stage",
  "stageKey",
  "action",
  "note",
  "fullName",
  "name",
  "nip",
  "nik",
  "position",
  "opd",
  "phone",
  "personalEmail",
  "unitCode",
  "unitName",
  "wish",
  "requestLetter",
  "previousTicket",
  "problems",
  "duplicate",
  "address",
  "addressRecorded",
  "provisioning",
  "letterNumber",
  "archive",
  "stageTimes",
  "serviceTotal",
  "reminders",
  "dataDigest",
  "batch",
  "dupKeys",
  "changeDetails",
  "notedGroups",
] as const satisfies readonly (keyof RegisterRecord & RegisterKey)[];

type TextField = (typeof TEXT_FIELDS)[number];

/** Identifier columns: written so that Sheets keeps them as typed (never a number or a date). */
const IDENTIFIER_FIELDS: ReadonlySet<TextField> = new Set(["nip", "nik", "phone"]);
/** Columns the program writes itself (keys, ids, digests): written as given. */
const PROGRAM_FIELDS: ReadonlySet<TextField> = new Set([
  "ticket",
  "stageKey",
  "dataDigest",
  "batch",
  "dupKeys",
  "provisioning",
]);

/** A register row (whole, or the columns read) as a typed record. Never throws. */
export function decodeRegisterRow(row: Partial<RegisterRowCells>): RegisterRecord {
  const out = {} as RegisterRecord;
  for (const f of TEXT_FIELDS) out[f] = cellText(row[f]);
  for (const f of Object.keys(DATE_FIELDS) as DateField[]) out[f] = cellEpochMs(row[DATE_FIELDS[f]]);
  const status = cellText(row.status).trim();
  out.status = isStatus(status) ? status : "baru";
  out.responsible = cellText(row.responsible)
    .split(/\s*,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  out.asnStatus = decodeEmployment(row.asnStatus);
  out.accountType = decodeAccountType(row.accountType);
  out.responseRow = cellNumber(row.responseRow);
  out.lastLogSeq = cellNumber(row.lastLogSeq);
  out.requestType = parseRegisterType(cellText(row.requestType));
  return out;
}

/**
 * Label decoding is memoised per distinct cell text (a register holds a handful of distinct
 * labels; the sweep decodes every row): bounded, so stray text cannot grow it without end.
 */
function memoised<T>(parse: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const value = parse(text);
    if (memo.size < 200) memo.set(text, value);
    return value;
  };
}

const accountTypeOf = memoised((text): AccountType | "" => parseAccountType(text) ?? "");
const employmentOf = memoised((text): EmploymentStatus | "" => parseEmploymentStatus(text) ?? "");

/** The account type of a register cell: its label in either language, or the code; "" when none. */
export function decodeAccountType(c: Cell | null | undefined): AccountType | "" {
  return accountTypeOf(cellText(c));
}

/** The employment status of a register cell ("PNS", "PPPK", "Non-ASN" in either language); "" when none. */
export function decodeEmployment(c: Cell | null | undefined): EmploymentStatus | "" {
  return employmentOf(cellText(c));
}

// ── Encoding ───────────────────────────────────────────────────────────────────

/**
 * The cells of the fields given (only those: a partial record gives a partial row to merge into
 * a row read, `{ ...row, ...encodeRegister(changes, config) }`). Giving `stageKey` without `stage`
 * writes the configured stage's label too. A `requestType` of null (unknown) writes nothing.
 */
export function encodeRegister(
  rec: Partial<RegisterRecord>,
  encoding: RegisterEncoding,
): Partial<RegisterRowCells> {
  const out: Partial<RegisterRowCells> = {};
  const lang = encoding.language;
  for (const f of TEXT_FIELDS) {
    const v = rec[f];
    if (v === undefined) continue;
    out[f] = encodeText(f, v);
  }
  for (const f of Object.keys(DATE_FIELDS) as DateField[]) {
    if (!(f in rec)) continue;
    const ms = rec[f];
    out[DATE_FIELDS[f]] = typeof ms === "number" && Number.isFinite(ms) ? new Date(ms) : "";
  }
  if (rec.stageKey !== undefined && rec.stage === undefined) {
    out.stage = encoding.stages?.find((s) => s.key === rec.stageKey)?.label ?? "";
  }
  if (rec.status !== undefined) out.status = rec.status;
  if (rec.responsible !== undefined) out.responsible = rec.responsible.join(", ");
  if (rec.asnStatus !== undefined) out.asnStatus = rec.asnStatus ? statusLabel(rec.asnStatus, lang) : "";
  if (rec.accountType !== undefined)
    out.accountType = rec.accountType ? accountTypeLabel(rec.accountType, lang) : "";
  if (rec.responseRow !== undefined) out.responseRow = rec.responseRow;
  if (rec.lastLogSeq !== undefined) out.lastLogSeq = rec.lastLogSeq;
  if (rec.requestType) out.requestType = registerType(rec.requestType);
  return out;
}

function encodeText(field: TextField, value: string): string {
  if (value === "") return "";
  if (PROGRAM_FIELDS.has(field)) return value;
  if (IDENTIFIER_FIELDS.has(field)) return /^\+?\d+$/.test(value) ? value : asSheetLiteral(value);
  if (field === "requestLetter" || field === "letterNumber") return asSheetLiteral(value);
  return asSheetText(value);
}
