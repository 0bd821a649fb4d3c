/**
 * The yearly archives' bookkeeping and files. Script Properties (which only the service
 * account reaches) hold the book: every archive spreadsheet by year, and every archived log segment
 * with the number and hash of its last entry, the anchor the next segment starts from. The archive
 * spreadsheets are created by the service through the Drive advanced service (so that `drive.file`
 * reaches them, like the register), each sheet protected for the service account alone, and the
 * file shared read-only with the administrators (Spreadsheet.addViewers, the `spreadsheets` scope).
 */
import type { OfficeConfig } from "../domain/config.js";
import { INDEX_COLUMNS, LOG_COLUMNS, REGISTER_COLUMNS, SHEET_NAMES } from "./schema.js";
import { STATUS_COLUMNS, STATUS_SHEET } from "./statusrecords.js";
import { Table, type Cell, type ColumnDef, type Row } from "./table.js";
import { createSpreadsheetViaDrive } from "./trust.js";
import { MOVED_ROWS_KEY, MOVED_ROWS_MS, readBook } from "./archivebook.js";
import { ticketYear } from "../domain/archive.js";
import { asSheetLiteral } from "../domain/sanitize.js";

export { readBook, writeBook, type ArchiveBook, type ArchiveFile } from "./archivebook.js";

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheets an archive holds, with their columns (the responses sheet takes the live header). */
export const ARCHIVE_SHEETS: readonly { name: string; columns: readonly ColumnDef<string>[] | null }[] = [
  { name: SHEET_NAMES.register, columns: REGISTER_COLUMNS },
  { name: STATUS_SHEET, columns: STATUS_COLUMNS },
  { name: SHEET_NAMES.responses, columns: null },
  { name: SHEET_NAMES.responseIndex, columns: INDEX_COLUMNS },
  { name: SHEET_NAMES.log, columns: LOG_COLUMNS },
];

export function archiveFileName(year: number, office: string): string {
  return `Arsip Surel ${year} - ${office}`;
}

/**
 * The archive spreadsheet of a run: found by its name among the files this project created (a run
 * cut off after Drive created it but before its id was recorded must not make a second one), else
 * created through the Drive API.
 */
export function findOrCreateArchive(name: string): string {
  if (typeof Drive !== "undefined" && Drive.Files) {
    const escaped = name.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
    const found = Drive.Files.list({
      q: `name = '${escaped}' and trashed = false`,
      fields: "files(id)",
      supportsAllDrives: true,
    }).files;
    const id = found && found[0] ? String(found[0].id) : "";
    if (id) return id;
  }
  return createSpreadsheetViaDrive(name).getId();
}

/**
 * Puts the archive's sheets in place (idempotent): each with its header row, trimmed to its own
 * columns (Sheets counts every column of a row), protected so that only the service account edits;
 * the spreadsheet shared read-only with the administrators and nobody else.
 */
export function prepareArchive(ss: Spreadsheet, config: OfficeConfig, responseHeader: readonly Cell[]): void {
  const lang = config.language;
  const existing = ss.getSheets();
  // Each part is checked, not assumed: a run cut off after a sheet was inserted and before its
  // header or protection finds the sheet and finishes it.
  for (const spec of ARCHIVE_SHEETS) {
    const header = spec.columns ? spec.columns.map((c) => c[lang]) : [...responseHeader];
    const width = Math.max(1, header.length);
    const sheet = ss.getSheetByName(spec.name) ?? ss.insertSheet(spec.name);
    const max = sheet.getMaxColumns();
    if (max > width) sheet.deleteColumns(width + 1, max - width);
    else if (max < width) sheet.insertColumnsAfter(max, width - max);
    if (header.length > 0 && String(sheet.getRange(1, 1).getValue()) === "") {
      sheet.getRange(1, 1, 1, width).setValues([header]);
      sheet.setFrozenRows(1);
    }
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
      const protection = sheet.protect();
      protection.removeEditors(protection.getEditors());
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
    }
  }
  // The blank first sheet of a new spreadsheet goes once the archive's own exist.
  for (const s of existing) {
    if (!ARCHIVE_SHEETS.some((a) => a.name === s.getName()) && s.getLastRow() === 0) ss.deleteSheet(s);
  }
  // Read-only for the administrators (the service account owns it; nobody else is added).
  const viewers = new Set(ss.getViewers().map((u) => u.getEmail().toLowerCase()));
  const missing = config.admins.filter((a) => a && !viewers.has(a.toLowerCase()));
  if (missing.length > 0) ss.addViewers(missing);
}

export function archiveTable<K extends string>(
  ss: Spreadsheet,
  name: string,
  columns: readonly ColumnDef<K>[],
): Table<K> {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`${name}?`);
  return new Table(sheet, columns);
}

/** One column of a sheet below its header, as strings (one read; [] when empty). */
export function columnOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number): string[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, col, last - 1, 1)
    .getValues()
    .map((r) => String(r[0] ?? ""));
}

/**
 * Appends rows read from a live sheet at the end of an archive sheet (one write; the sheet grows
 * first when needed). Every text is written as a literal (asSheetLiteral), so that the cell holds
 * exactly the text read: a NIP stays 18 digits, a hash never becomes a number, "=…" never a
 * formula. The archive's sheets have no plain-text columns, so the guarding apostrophe is consumed.
 */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, values: Cell[][]): void {
  if (values.length === 0) return;
  const first = sheet.getLastRow() + 1;
  const need = first + values.length - 1;
  if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const literal = values.map((row) =>
    row.map((v) => (typeof v === "string" && v !== "" ? asSheetLiteral(v) : v)),
  );
  sheet.getRange(first, 1, values.length, values[0]!.length).setValues(literal);
}

/** Deletes the given rows (any order), bottom up, one call per run of consecutive rows. */
export function deleteRowsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly number[]): number[][] {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  const runs: number[][] = [];
  for (const r of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[0]! - 1 === r) {
      run[0] = r;
      run[1] = run[1]! + 1;
    } else runs.push([r, 1]);
  }
  for (const [start, count] of runs) sheet.deleteRows(start!, count!);
  return runs;
}

/** A removal of register rows: runs [first row, count], as numbered before the removal. */
export interface Removal {
  atMs: number;
  runs: number[][];
}

export function recordRemoval(runs: number[][], nowMs: number): void {
  if (runs.length === 0) return;
  const list = readRemovals().filter((r) => nowMs - r.atMs < MOVED_ROWS_MS);
  list.push({ atMs: nowMs, runs });
  // Script Properties hold 9 kB a value: the latest removals only.
  let raw = JSON.stringify(list);
  while (raw.length > 8000 && list.length > 1) {
    list.shift();
    raw = JSON.stringify(list);
  }
  props().setProperty(MOVED_ROWS_KEY, raw);
}

export function readRemovals(): Removal[] {
  const raw = props().getProperty(MOVED_ROWS_KEY);
  if (!raw) return [];
  try {
    return JSON.parse(raw) as Removal[];
  } catch {
    return [];
  }
}

/** Where a row numbered before a removal is after it (null: the row itself was removed). */
export function rowAfterRemoval(row: number, removal: Removal): number | null {
  let shift = 0;
  for (const [start, count] of removal.runs) {
    if (row >= start! && row < start! + count!) return null;
    if (start! < row) shift += count!;
  }
  return row - shift;
}

/**
 * The year of the archive holding a ticket the live register does not (0: none): the archives of
 * the ticket's year and later, one search each.
 */
export function archivedYearOf(ss: Spreadsheet, ticket: string): number {
  const year = ticketYear(ticket);
  if (!year) return 0;
  const files = readBook().files.filter((f) => f.year >= year);
  if (files.length === 0) return 0;
  const live = ss.getSheetByName(SHEET_NAMES.register);
  if (live && new Table(live, REGISTER_COLUMNS).find("ticket", ticket)) return 0;
  for (const f of files.sort((a, b) => a.year - b.year)) {
    try {
      const sheet = SpreadsheetApp.openById(f.id).getSheetByName(SHEET_NAMES.register);
      if (sheet && new Table(sheet, REGISTER_COLUMNS).find("ticket", ticket)) return f.year;
    } catch {
      // an archive that cannot be opened answers nothing
    }
  }
  return 0;
}

/**
 * The row an edit meant, when the archive removed register rows between the edit and its trigger's
 * run: the edited cell (`key`) no longer holds the value chosen at `row`, so the removals of the
 * last minutes are applied to the row number (from the oldest one that may have come after the
 * edit) until a row holds that value. Null when none does. Called only on that mismatch: one
 * Script Property read, then one row read per candidate.
 */
export function rowAfterRemovals<K extends string>(
  table: Table<K>,
  row: number,
  key: K,
  value: string,
): { rowNumber: number; row: Row<K> } | null {
  const now = Date.now();
  const list = readRemovals().filter((r) => now - r.atMs < MOVED_ROWS_MS);
  for (let i = 0; i < list.length; i++) {
    let at: number | null = row;
    for (const removal of list.slice(i)) if (at !== null) at = rowAfterRemoval(at, removal);
    if (at === null || at === row || at < 2) continue;
    const read = table.read(at);
    if (String(read[key]).trim() === value.trim()) return { rowNumber: at, row: read };
  }
  return null;
}
