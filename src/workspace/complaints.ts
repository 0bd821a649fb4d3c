/**
 * The Pengaduan sheet: one row per complaint. Handlers edit only Tindakan (a dropdown, as in the
 * register) and Tanggapan (the response the complainant receives); everything else is the
 * program's. Columns in sheet order.
 */
import type { Language } from "../domain/config.js";
import { COMPLAINT_ACTIONS, complaintActionLabel } from "../domain/complaints.js";
import { t } from "../domain/text/index.js";
import { Table, type ColumnDef, type Row } from "./table.js";

export const COMPLAINT_SHEET = "Pengaduan";

export type ComplaintKey =
  | "number"
  | "receivedAt"
  | "status"
  | "ticket"
  | "name"
  | "email"
  | "text"
  | "handlers"
  | "action"
  | "response"
  | "dueAt"
  | "reminders"
  | "lastResponseAt"
  | "closedAt"
  | "lastLogSeq"
  | "updatedAt";

export const COMPLAINT_COLUMNS: readonly ColumnDef<ComplaintKey>[] = [
  { key: "number", id: "Nomor", en: "Number", plainText: true },
  { key: "ticket", id: "Tiket", en: "Ticket", plainText: true },
  { key: "receivedAt", id: "Diterima", en: "Received", kind: "date" },
  { key: "dueAt", id: "Batas Waktu", en: "Due", kind: "date" },
  // What the sweep sent about an unanswered complaint ("pengingat …; eskalasi …"), as the register's.
  { key: "reminders", id: "Pengingat", en: "Reminders", width: 220 },
  { key: "status", id: "Status", en: "Status" },
  { key: "name", id: "Nama", en: "Name" },
  { key: "email", id: "Surel", en: "E-mail" },
  { key: "text", id: "Isi Pengaduan", en: "Complaint", width: 320 },
  { key: "handlers", id: "Penanggung Jawab", en: "Handlers" },
  { key: "action", id: "Tindakan", en: "Action", editable: true },
  { key: "response", id: "Tanggapan", en: "Response", editable: true, width: 320 },
  { key: "lastResponseAt", id: "Tanggapan Terakhir", en: "Last response", kind: "date" },
  { key: "closedAt", id: "Selesai", en: "Closed", kind: "date" },
  { key: "updatedAt", id: "Diperbarui", en: "Updated", kind: "date" },
  { key: "lastLogSeq", id: "No. Log Terakhir", en: "Last log no.", kind: "number" },
];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function complaintColumn(key: ComplaintKey): number {
  return COMPLAINT_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** Handlers may edit the action and response cells of every row below the header. */
function editableRanges(sheet: Sheet, maxRows: number): void {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!protection) return;
  protection.setUnprotectedRanges(
    COMPLAINT_COLUMNS.map((c, i) => ({ c, i }))
      .filter(({ c }) => c.editable)
      .map(({ i }) => sheet.getRange(2, i + 1, maxRows - 1, 1)),
  );
}

/**
 * The sheet's table. When missing it is created with its header, formats and protection (the
 * program and `editors` only, except the handlers' two columns): setup does it, and the first
 * complaint does it if setup has not run since this version.
 */
export function complaintTable(ss: Spreadsheet, lang: Language, editors: string[]): Table<ComplaintKey> {
  let sheet = ss.getSheetByName(COMPLAINT_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(COMPLAINT_SHEET);
    prepareComplaintSheet(sheet, lang, editors);
  }
  return new Table(sheet, COMPLAINT_COLUMNS, editableRanges);
}

/**
 * Writes a record's program columns only (two writes: before and after the handlers' Tindakan and
 * Tanggapan, which are left as the handler may be typing them).
 */
export function writeProgramColumns(
  table: Table<ComplaintKey>,
  rowNumber: number,
  row: Row<ComplaintKey>,
): void {
  const values = table.toWrite(row);
  const a = complaintColumn("action");
  const r = complaintColumn("response");
  table.sheet.getRange(rowNumber, 1, 1, a - 1).setValues([values.slice(0, a - 1)]);
  table.sheet.getRange(rowNumber, r + 1, 1, values.length - r).setValues([values.slice(r)]);
}

/** The sheet's table when the sheet exists (the sweep: no complaint yet, nothing to do). */
export function existingComplaintTable(ss: Spreadsheet): Table<ComplaintKey> | null {
  const sheet = ss.getSheetByName(COMPLAINT_SHEET);
  return sheet ? new Table(sheet, COMPLAINT_COLUMNS, editableRanges) : null;
}

/**
 * Header, formats and protection; safe to run again (setup). Formats are set per run of adjacent
 * columns of one kind (the column order groups them), widths only where text is long.
 */
export function prepareComplaintSheet(sheet: Sheet, lang: Language, editors: string[]): void {
  const headers = COMPLAINT_COLUMNS.map((c) => c[lang]);
  const have = sheet.getRange(1, 1, 1, headers.length).getDisplayValues()[0] ?? [];
  if (headers.some((h, i) => have[i] !== h)) {
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight("bold");
    COMPLAINT_COLUMNS.forEach((c, i) => c.width && sheet.setColumnWidth(i + 1, c.width));
    sheet.setFrozenRows(1);
  }
  const rows = sheet.getMaxRows();
  const format = (c: ColumnDef<ComplaintKey>): string =>
    c.plainText ? "@" : c.kind === "date" ? "dd/MM/yyyy HH:mm" : "";
  for (let i = 0; i < COMPLAINT_COLUMNS.length;) {
    const f = format(COMPLAINT_COLUMNS[i]!);
    let j = i + 1;
    while (j < COMPLAINT_COLUMNS.length && format(COMPLAINT_COLUMNS[j]!) === f) j++;
    if (f) sheet.getRange(2, i + 1, rows - 1, j - i).setNumberFormat(f);
    i = j;
  }
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  protection.setDescription(t(lang, "setup.protect.complaints"));
  const me = Session.getEffectiveUser().getEmail();
  if (me) protection.addEditor(me);
  const keep = new Set([me.toLowerCase(), ...editors.map((e) => e.toLowerCase())]);
  const remove = protection.getEditors().filter((u) => !keep.has(u.getEmail().toLowerCase()));
  if (remove.length > 0) protection.removeEditors(remove.map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  editableRanges(sheet, rows);
}

/** The action dropdown of an open complaint's row (none once it is closed). */
export function setComplaintChoices(
  table: Table<ComplaintKey>,
  row: number,
  lang: Language,
  open: boolean,
): void {
  const cell = table.sheet.getRange(row, complaintColumn("action"));
  if (!open) {
    cell.clearDataValidations();
    return;
  }
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(
      COMPLAINT_ACTIONS.map((a) => complaintActionLabel(lang, a)),
      true,
    )
    .setAllowInvalid(false)
    .build();
  cell.setDataValidation(rule);
}
