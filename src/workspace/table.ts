/**
 * A sheet read and written as records keyed by column, one row or one column at a time.
 * The column order is fixed by a schema (the header row is written by setup and protected), so a
 * handler never reads the header row: reading or writing one record is one service call whatever
 * the size of the sheet.
 */

import { asSheetLiteral } from "../domain/sanitize.js";

export type Cell = string | number | boolean | Date;

export interface ColumnDef<K extends string> {
  key: K;
  /** Header in Indonesian (default) and English. */
  id: string;
  en: string;
  /** Who writes it: the program only, or officials too (unprotected, with validation). */
  editable?: boolean;
  /**
   * Formatted as plain text ("@") by setup: Sheets keeps whatever is written there as typed
   * (digits stay text, "=" starts no formula) and would show a guarding apostrophe as part of it.
   */
  plainText?: boolean;
  /** Dates (shown as date-times) and numbers; text otherwise. */
  kind?: "date" | "number";
  width?: number;
}

/**
 * A value as it must be handed to setValues so that the cell ends up holding that value.
 * Strings read back from a sheet are the text without the apostrophe that guarded them when they
 * were first written, so writing a record back as read would turn "=HYPERLINK(…)" into a formula,
 * "0812…" into a number and "2026-11-20" into a date. Every string is therefore guarded again
 * (sanitize.ts asSheetLiteral) unless it already starts with an apostrophe (guarded by the caller,
 * or text that begins with one: either way Sheets stores it as text). In a plain-text column the
 * cell keeps what is written, so a caller's guarding apostrophe is taken off instead.
 */
export function sheetCell(value: Cell, plainText = false): Cell {
  if (typeof value !== "string" || value === "") return value;
  if (plainText) return value.startsWith("'") ? value.slice(1) : value;
  return value.startsWith("'") ? value : asSheetLiteral(value);
}

export type Row<K extends string> = Record<K, Cell>;

export class Table<K extends string> {
  readonly width: number;
  private readonly index: Record<K, number>;

  constructor(
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    readonly columns: readonly ColumnDef<K>[],
    /** Called after the sheet grew (e.g. to extend the ranges officials may edit). */
    private readonly onGrow?: (sheet: GoogleAppsScript.Spreadsheet.Sheet, maxRows: number) => void,
  ) {
    this.width = columns.length;
    this.index = {} as Record<K, number>;
    columns.forEach((c, i) => (this.index[c.key] = i));
  }

  /** 1-based column number of a key. */
  col(key: K): number {
    return this.index[key] + 1;
  }

  headers(lang: "id" | "en"): string[] {
    return this.columns.map((c) => c[lang]);
  }

  toRow(values: Cell[]): Row<K> {
    const row = {} as Row<K>;
    this.columns.forEach((c, i) => (row[c.key] = values[i] ?? ""));
    return row;
  }

  toValues(row: Partial<Row<K>>, base?: Row<K>): Cell[] {
    return this.columns.map((c) => (c.key in row ? (row[c.key] as Cell) : base ? base[c.key] : ""));
  }

  /** The values to write for a record: every cell guarded (sheetCell) for its column. */
  toWrite(row: Partial<Row<K>>, base?: Row<K>): Cell[] {
    return this.toValues(row, base).map((v, i) => sheetCell(v, this.columns[i]!.plainText));
  }

  /** A value to write into one column (sheetCell for that column). */
  cellFor(key: K, value: Cell): Cell {
    return sheetCell(value, this.columns[this.index[key]]!.plainText);
  }

  /** One call: the record at a 1-based row. */
  read(rowNumber: number): Row<K> {
    return this.toRow(this.sheet.getRange(rowNumber, 1, 1, this.width).getValues()[0] as Cell[]);
  }

  /** One call: write the whole record. */
  write(rowNumber: number, row: Row<K>): void {
    this.sheet.getRange(rowNumber, 1, 1, this.width).setValues([this.toWrite(row)]);
  }

  /**
   * Appends a record below the last row with content; returns its row number. Two calls (the last
   * row, the write); when the sheet is full the write fails (getRange beyond the sheet's size
   * fails in Sheets), the sheet grows and the write is made again.
   */
  append(row: Row<K>): number {
    const next = this.sheet.getLastRow() + 1;
    this.writeRows(next, [this.toWrite(row)]);
    return next;
  }

  /**
   * Writes whole rows from `first` on: one call while they fit; when they do not, getRange fails,
   * the sheet grows (ensureRows) and the write is made again. Values as given (see toWrite).
   */
  writeRows(first: number, values: Cell[][]): void {
    if (values.length === 0) return;
    try {
      this.sheet.getRange(first, 1, values.length, this.width).setValues(values);
    } catch (e) {
      if (first + values.length - 1 <= this.sheet.getMaxRows()) throw e;
      this.ensureRows(first + values.length - 1);
      this.sheet.getRange(first, 1, values.length, this.width).setValues(values);
    }
  }

  /**
   * Appends a row with Sheet.appendRow, which Sheets performs as one step: two executions
   * appending at the same time without the script lock (the error log, a mail that failed
   * outside a critical section) never write into the same row, as getLastRow() + 1 could.
   */
  appendAtomic(row: Row<K>): void {
    this.sheet.appendRow(this.toWrite(row));
  }

  /** Grows the sheet (in steps of 500 rows, inheriting the formats of the last row) to hold `row`. */
  ensureRows(row: number): void {
    const max = this.sheet.getMaxRows();
    if (row <= max) return;
    const grow = Math.max(500, row - max);
    this.sheet.insertRowsAfter(max, grow);
    this.onGrow?.(this.sheet, max + grow);
  }

  /**
   * The row whose `key` cell is exactly `value`, found by a TextFinder limited to that column: one
   * call whatever the sheet's size. Returns 0 when absent.
   */
  find(key: K, value: string): number {
    // The column from row 2 down, open-ended ("C2:C"): no call for the sheet's size first.
    const letter = columnLetterOf(this.col(key));
    const cell = this.sheet
      .getRange(`${letter}2:${letter}`)
      .createTextFinder(value)
      .matchEntireCell(true)
      .matchCase(true)
      .findNext();
    return cell ? cell.getRow() : 0;
  }

  /** One call: every value of one column below the header (for sweeps and duplicate checks). */
  column(key: K): Cell[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    return this.sheet
      .getRange(2, this.col(key), last - 1, 1)
      .getValues()
      .map((r) => r[0] as Cell);
  }

  /** Several columns below the header: one size lookup, then one read per column. */
  readColumns<C extends K>(keys: readonly C[]): Record<C, Cell[]> {
    const out = {} as Record<C, Cell[]>;
    const last = this.sheet.getLastRow();
    for (const key of keys) {
      out[key] =
        last < 2
          ? []
          : this.sheet
              .getRange(2, this.col(key), last - 1, 1)
              .getValues()
              .map((r) => r[0] as Cell);
    }
    return out;
  }

  /** One call: every record (for reports and sweeps, never in per-event handlers). */
  all(): { rowNumber: number; row: Row<K> }[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    return this.sheet
      .getRange(2, 1, last - 1, this.width)
      .getValues()
      .map((v, i) => ({ rowNumber: i + 2, row: this.toRow(v as Cell[]) }));
  }
}

/** A column's letters (1 → A, 27 → AA). */
export function columnLetterOf(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
