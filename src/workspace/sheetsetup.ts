/**
 * The register's sheets as setup makes them (flows/setup): created when missing, their header row
 * written when it differs, their protections held to the program and the administrators, the admin
 * sheet's operation dropdown. Also the bulk requests' protections (flows/batch.ts makes those sheets
 * with the first batch).
 */
import { adminOpLabels } from "../domain/admin.js";
import { parseBatchId } from "../domain/batch.js";
import type { OfficeConfig } from "../domain/config.js";
import { t } from "../domain/text/index.js";
import { ADMIN_COLUMNS, BATCH_COLUMNS, SHEET_NAMES } from "./schema.js";
import type { ColumnDef } from "./table.js";
import { effectiveAccount } from "./trust.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet of that name; created (and its name added to `created`) when missing. */
export function ensureSheet(ss: Spreadsheet, name: string, created: string[]): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  created.push(name);
  return ss.insertSheet(name);
}

/** Writes the header row if it is not already right; freezes it; sets widths. */
export function ensureHeader<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  lang: "id" | "en",
  /** One width for every column (sheets people seldom read: one call instead of one per run). */
  uniform?: number,
  /**
   * Delete the columns past the schema's: Sheets counts every column of a row towards the
   * spreadsheet's cell limit, used or not, and a new sheet has 26. For the sheets that grow by
   * a row per event and that nobody types into (log, index, queue, claims). Idempotent.
   */
  trim = false,
): boolean {
  const headers = columns.map((c) => c[lang]);
  const max = sheet.getMaxColumns();
  if (max < headers.length) sheet.insertColumnsAfter(max, headers.length - max);
  if (trim && max > headers.length) sheet.deleteColumns(headers.length + 1, max - headers.length);
  const current = sheet.getRange(1, 1, 1, headers.length).getDisplayValues()[0] ?? [];
  const same = headers.every((h, i) => current[i] === h);
  if (!same) {
    sheet
      .getRange(1, 1, 1, headers.length)
      .setValues([headers])
      .setFontWeight("bold")
      .setBackground("#dbe5f1");
    if (uniform) sheet.setColumnWidths(1, columns.length, uniform);
    // Runs of equal widths in one call each.
    for (let i = 0; !uniform && i < columns.length;) {
      const width = columns[i]!.width;
      let j = i + 1;
      while (j < columns.length && columns[j]!.width === width) j++;
      if (width) sheet.setColumnWidths(i + 1, j - i, width);
      i = j;
    }
  }
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return !same;
}

/** Protects a whole sheet so that only the script's owner (and `editors`) can change it. */
export function protectSheet(
  sheet: Sheet,
  description: string,
  editors: string[],
  unprotected: GoogleAppsScript.Spreadsheet.Range[] = [],
): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  const protection = existing.length > 0 ? existing[0]! : sheet.protect();
  for (const extra of existing.slice(1)) extra.remove();
  protection.setDescription(description);
  const me = effectiveAccount();
  protection.addEditor(me);
  const keep = new Set([me.toLowerCase(), ...editors.map((e) => e.toLowerCase())]);
  const remove = protection.getEditors().filter((u) => !keep.has(u.getEmail().toLowerCase()));
  if (remove.length > 0) protection.removeEditors(remove.map((u) => u.getEmail()));
  if (editors.length > 0) protection.addEditors(editors);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  protection.setUnprotectedRanges(unprotected);
}

/**
 * The bulk requests' protections (flows/batch.ts makes the sheets with the first batch; setup's
 * re-check puts them back): Permohonan Massal the program's but for Tindakan and Catatan Tindakan
 * of every row, each list sheet `MSL-…` the administrators' only.
 */
export function protectBatchSheets(ss: Spreadsheet, config: OfficeConfig): void {
  for (const sheet of ss.getSheets()) protectBatchSheet(sheet, config);
}

/** One sheet's bulk request protection (nothing for a sheet that is not the bulk requests'). */
export function protectBatchSheet(sheet: Sheet, config: OfficeConfig): void {
  const lang = config.language;
  const name = sheet.getName();
  if (name === SHEET_NAMES.batches) {
    const rows = sheet.getMaxRows();
    const editable = BATCH_COLUMNS.map((c, i) => ({ c, i }))
      .filter(({ c }) => c.editable)
      .map(({ i }) => sheet.getRange(2, i + 1, rows - 1, 1));
    protectSheet(sheet, t(lang, "batch.protect.sheet"), [], editable);
  } else if (parseBatchId(name) === name) protectSheet(sheet, t(lang, "batch.protect.list"), config.admins);
}

/** Writes a settings table (every cell text) with its header row. */
export function writeTable(sheet: Sheet, rows: string[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  // Every cell of a settings sheet is text, also the rows administrators add later: a NIP or a
  // date typed there must stay as typed.
  sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat("@");
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold").setBackground("#e2efda");
  sheet.setFrozenRows(1);
}

/**
 * The admin sheet: the whole sheet editable by the configured administrators only (and the
 * service account, its owner); the result columns by the service account only; the operation
 * column a dropdown of the operations in the office's language.
 */
export function ensureAdminSheet(sheet: Sheet, config: OfficeConfig): void {
  const lang = config.language;
  protectSheet(sheet, t(lang, "admin.protect.sheet"), config.admins);
  const rows = sheet.getMaxRows();
  const firstOut = ADMIN_COLUMNS.findIndex((c) => !c.editable) + 1;
  const out = sheet.getRange(1, firstOut, rows, ADMIN_COLUMNS.length - firstOut + 1);
  const ranges = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  const existing = ranges.find((p) => p.getRange().getA1Notation() === out.getA1Notation());
  for (const p of ranges) if (p !== existing) p.remove();
  const protection = existing ?? out.protect();
  protection.setDescription(t(lang, "admin.protect.results"));
  const me = effectiveAccount();
  protection.addEditor(me);
  const others = protection.getEditors().filter((u) => u.getEmail().toLowerCase() !== me.toLowerCase());
  if (others.length > 0) protection.removeEditors(others.map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(adminOpLabels(lang), true)
    .setAllowInvalid(false)
    .setHelpText(t(lang, "admin.help"))
    .build();
  sheet.getRange(2, 1, rows - 1, 1).setDataValidation(rule);
  ADMIN_COLUMNS.forEach((c, i) => {
    if (c.plainText) sheet.getRange(2, i + 1, rows - 1, 1).setNumberFormat("@");
    if (c.kind === "date") sheet.getRange(2, i + 1, rows - 1, 1).setNumberFormat("dd/MM/yyyy HH:mm");
  });
}
