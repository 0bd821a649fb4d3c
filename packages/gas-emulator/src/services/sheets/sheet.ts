/** Sheet: one tab of a spreadsheet. */
import { GasObject, serviceError, type CellsMoved } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { parseA1, type Rect } from "./a1.js";
import { checkInput, ERR, type SheetModel, type SpreadsheetModel } from "./model.js";
import { type SheetsState } from "./state.js";
import { Protection } from "./protection.js";
import { Range } from "./range.js";
import { spreadsheetObject, type Spreadsheet } from "./spreadsheet.js";
import { TextFinder } from "./textfinder.js";
import {
  getCharts,
  insertChart,
  newChartBuilder,
  removeChart,
  updateChart,
  type EmbeddedChart,
  type EmbeddedChartBuilder,
} from "./chart.js";
import type { Api, CellValue } from "./types.js";
import { displayValue } from "./values.js";

type Keys =
  | "activate"
  | "appendRow"
  | "autoResizeColumn"
  | "autoResizeColumns"
  | "clear"
  | "clearContents"
  | "clearFormats"
  | "clearNotes"
  | "createTextFinder"
  | "deleteColumn"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "getCharts"
  | "getColumnWidth"
  | "getDataRange"
  | "getFormUrl"
  | "getFrozenColumns"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getSheetId"
  | "getSheetName"
  | "getSheetValues"
  | "getTabColor"
  | "hideSheet"
  | "insertChart"
  | "insertColumnAfter"
  | "insertColumnBefore"
  | "insertColumns"
  | "insertColumnsAfter"
  | "insertColumnsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertRows"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "isSheetHidden"
  | "newChart"
  | "protect"
  | "removeChart"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setFrozenColumns"
  | "setFrozenRows"
  | "setName"
  | "setTabColor"
  | "showSheet"
  | "updateChart";

const cache = new WeakMap<SheetModel, Sheet>();

/** The one Sheet object of a sheet model (so the same tab is the same object host-side). */
export function sheetObject(st: SheetsState, model: SheetModel): Sheet {
  let s = cache.get(model);
  if (!s) {
    s = new Sheet(st, model);
    cache.set(model, s);
  }
  return s;
}

export class Sheet extends GasObject implements Api<GoogleAppsScript.Spreadsheet.Sheet, Keys> {
  readonly gasClass = "Sheet";
  constructor(
    private readonly st: SheetsState,
    readonly _model: SheetModel,
  ) {
    super();
  }

  // ------------------------------------------------------------ internals
  private get _ws(): Workspace {
    return this.st.ws;
  }
  private get _ss(): SpreadsheetModel {
    return this._model.parent;
  }
  private _read(): void {
    this.st.sync();
    if (this._model.deleted) throw serviceError("This sheet has been deleted.");
  }
  private _whole(): Rect {
    return { r1: 1, c1: 1, r2: this._model.maxRows, c2: this._model.maxCols };
  }
  /** Changes to the sheet itself (rows, columns, name, layout): blocked only by a sheet protection. */
  private _guardSheet(): void {
    this._read();
    const who = this._ws.actor();
    if (!this._ss.canEdit(who)) throw serviceError(ERR.noAccess);
    for (const p of this._ss.protections) {
      if (p.removed || p.type !== "SHEET" || p.sheet !== this._model || p.warningOnly) continue;
      if (!this._ss.mayEditProtected(p, who)) throw serviceError(ERR.protected);
    }
  }
  private _guardRect(rect: Rect): void {
    this._read();
    this._ss.assertWrite(this._model, rect, this._ws.actor());
  }
  /** A validated range (used by getRange, Range.offset). */
  _range(row: number, column: number, numRows = 1, numColumns = 1): Range {
    this._read();
    const nums = [row, column, numRows, numColumns];
    if (nums.some((n) => typeof n !== "number" || !Number.isFinite(n) || !Number.isInteger(n))) {
      throw serviceError(ERR.invalid);
    }
    if (row < 1) throw serviceError("The starting row of the range is too small.");
    if (column < 1) throw serviceError("The starting column of the range is too small.");
    if (numRows < 1) throw serviceError("The number of rows in the range must be at least 1.");
    if (numColumns < 1) throw serviceError("The number of columns in the range must be at least 1.");
    const rect = { r1: row, c1: column, r2: row + numRows - 1, c2: column + numColumns - 1 };
    if (rect.r2 > this._model.maxRows || rect.c2 > this._model.maxCols) throw serviceError(ERR.outside);
    return new Range(this.st, this._model, rect);
  }
  _rangeA1(a1: string): Range {
    this._read();
    const ref = parseA1(String(a1), () => ({ rows: this._model.maxRows, cols: this._model.maxCols }));
    if (!ref) throw serviceError("Range not found");
    if (ref.sheet !== null && ref.sheet.toLowerCase() !== this._model.name.toLowerCase()) {
      throw serviceError("Range not found");
    }
    const { r1, c1, r2, c2 } = ref.rect;
    return this._range(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }

  // ------------------------------------------------------------ identity
  getName(): string {
    this._read();
    return this._model.name;
  }
  getSheetName(): string {
    return this.getName();
  }
  setName(name: string): this {
    this._guardSheet();
    const n = String(name);
    const other = this._ss.sheetByName(n);
    if (other && other !== this._model) throw serviceError(ERR.duplicateSheet(n));
    if (!n.trim()) throw serviceError("Sheet names cannot be empty.");
    this._model.name = n;
    return this;
  }
  getSheetId(): number {
    return this._model.id;
  }

  // ------------------------------------------------------------ embedded charts (chart.ts)
  newChart(): EmbeddedChartBuilder {
    this._read();
    return newChartBuilder(this.st, this._model);
  }
  insertChart(chart: object): void {
    this._guardSheet();
    insertChart(this.st, this._model, chart);
  }
  updateChart(chart: object): void {
    this._guardSheet();
    updateChart(this.st, this._model, chart);
  }
  removeChart(chart: object): void {
    this._guardSheet();
    removeChart(this._model, chart);
  }
  getCharts(): EmbeddedChart[] {
    this._read();
    return getCharts(this.st, this._model);
  }
  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    this._read();
    return this._ss.sheets.indexOf(this._model) + 1;
  }
  getParent(): Spreadsheet {
    return spreadsheetObject(this.st, this._ss);
  }
  getFormUrl(): string | null {
    this._read();
    return this._model.formLink?.formUrl ?? null;
  }
  activate(): this {
    this._read();
    this._ss.activeSheet = this._model;
    this._model.hidden = false;
    return this;
  }

  // ------------------------------------------------------------ ranges and size
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === "string" && column === undefined) return this._rangeA1(a);
    return this._range(a as number, column as number, numRows ?? 1, numColumns ?? 1);
  }
  getDataRange(): Range {
    this._read();
    return this._range(1, 1, Math.max(1, this._model.lastRow()), Math.max(1, this._model.lastCol()));
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    const rows = numRows === -1 ? this._model.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this._model.lastCol() - startColumn + 1 : numColumns;
    return this._range(startRow, startColumn, rows, cols).getValues();
  }
  /** The last row with content (0 when the sheet is empty). */
  getLastRow(): number {
    this._read();
    return this._model.lastRow();
  }
  getLastColumn(): number {
    this._read();
    return this._model.lastCol();
  }
  getMaxRows(): number {
    this._read();
    return this._model.maxRows;
  }
  getMaxColumns(): number {
    this._read();
    return this._model.maxCols;
  }

  // ------------------------------------------------------------ rows and columns
  private _checkPos(pos: number, max: number): void {
    if (!Number.isInteger(pos) || pos < 1) throw serviceError(ERR.invalid);
    if (pos > max) throw serviceError(ERR.outside);
  }
  private _checkCount(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw serviceError(ERR.invalid);
  }
  insertRowsBefore(before: number, howMany: number): this {
    this._guardSheet();
    this._checkPos(before, this._model.maxRows);
    this._checkCount(howMany);
    this._model.insertRows(before, howMany);
    return this;
  }
  insertRowsAfter(after: number, howMany: number): this {
    this._guardSheet();
    this._checkPos(after, this._model.maxRows);
    this._checkCount(howMany);
    this._model.insertRows(after + 1, howMany);
    return this;
  }
  insertRowBefore(before: number): this {
    return this.insertRowsBefore(before, 1);
  }
  insertRowAfter(after: number): this {
    return this.insertRowsAfter(after, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._read();
    this._checkPos(rowPosition, this._model.maxRows);
    this._checkCount(howMany);
    if (rowPosition + howMany - 1 > this._model.maxRows) throw serviceError(ERR.outside);
    if (this._model.maxRows - howMany <= this._model.frozenRows) {
      throw serviceError("Sorry, it is not possible to delete all non-frozen rows.");
    }
    this._guardRect({ r1: rowPosition, c1: 1, r2: rowPosition + howMany - 1, c2: this._model.maxCols });
    this._model.deleteRows(rowPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  insertColumnsBefore(before: number, howMany: number): this {
    this._guardSheet();
    this._checkPos(before, this._model.maxCols);
    this._checkCount(howMany);
    this._model.insertCols(before, howMany);
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    this._guardSheet();
    this._checkPos(after, this._model.maxCols);
    this._checkCount(howMany);
    this._model.insertCols(after + 1, howMany);
    return this;
  }
  insertColumnBefore(before: number): this {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumnAfter(after: number): this {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._read();
    this._checkPos(columnPosition, this._model.maxCols);
    this._checkCount(howMany);
    if (columnPosition + howMany - 1 > this._model.maxCols) throw serviceError(ERR.outside);
    if (this._model.maxCols - howMany <= this._model.frozenCols) {
      throw serviceError("Sorry, it is not possible to delete all non-frozen columns.");
    }
    this._guardRect({ r1: 1, c1: columnPosition, r2: this._model.maxRows, c2: columnPosition + howMany - 1 });
    this._model.deleteCols(columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  /**
   * Appends a row below the last row with content, growing the sheet when it is full. Atomic: the
   * row number is taken when the (buffered) write is applied.
   */
  override gasCells(method: string, args: readonly unknown[]): CellsMoved | null {
    if (method === "appendRow" && Array.isArray(args[0])) return { written: args[0].length };
    return null;
  }
  appendRow(rowContents: unknown[]): this {
    this._read();
    if (!Array.isArray(rowContents)) throw serviceError(ERR.invalid);
    const values = rowContents.map((v) => (v instanceof Date ? new Date(v.getTime()) : v));
    values.forEach(checkInput);
    const next = this._model.lastRow() + 1;
    this._ss.assertWrite(
      this._model,
      { r1: next, c1: 1, r2: next, c2: Math.max(1, values.length) },
      this._ws.actor(),
    );
    this.st.write(() => {
      const row = this._model.lastRow() + 1;
      this._model.grow(row, values.length);
      values.forEach((v, j) => this._model.setInput(row, j + 1, v));
    });
    return this;
  }

  // ------------------------------------------------------------ clearing
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    const rect = this._whole();
    this._guardRect(rect);
    new Range(this.st, this._model, rect).clear(options);
    return this;
  }
  clearContents(): this {
    const rect = this._whole();
    this._guardRect(rect);
    new Range(this.st, this._model, rect).clearContent();
    return this;
  }
  clearFormats(): this {
    const rect = this._whole();
    this._guardRect(rect);
    new Range(this.st, this._model, rect).clearFormat();
    return this;
  }
  clearNotes(): this {
    const rect = this._whole();
    this._guardRect(rect);
    new Range(this.st, this._model, rect).clear({ commentsOnly: true });
    return this;
  }

  // ------------------------------------------------------------ layout
  setFrozenRows(rows: number): void {
    this._guardSheet();
    if (!Number.isInteger(rows) || rows < 0 || rows >= this._model.maxRows) throw serviceError(ERR.invalid);
    this._model.frozenRows = rows;
  }
  getFrozenRows(): number {
    this._read();
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._guardSheet();
    if (!Number.isInteger(columns) || columns < 0 || columns >= this._model.maxCols)
      throw serviceError(ERR.invalid);
    this._model.frozenCols = columns;
  }
  getFrozenColumns(): number {
    this._read();
    return this._model.frozenCols;
  }
  hideSheet(): this {
    this._guardSheet();
    const visible = this._ss.sheets.filter((s) => !s.hidden && s !== this._model);
    if (visible.length === 0) throw serviceError("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    return this;
  }
  showSheet(): this {
    this._guardSheet();
    this._model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this._read();
    return this._model.hidden;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._guardSheet();
    this._checkPos(columnPosition, this._model.maxCols);
    this._model.colWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this._guardSheet();
    this._checkPos(startColumn, this._model.maxCols);
    this._checkCount(numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._model.colWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this._read();
    return this._model.colWidths.get(columnPosition) ?? 100;
  }
  /** Width from the longest displayed text (about 7 px a character plus padding; an estimate). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this._guardSheet();
    const tz = this._ss.timeZone;
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (const row of this._model.rows) {
        const cell = row?.[c - 1];
        if (cell)
          longest = Math.max(
            longest,
            displayValue(cell.v, tz, cell.fmt?.numberFormat, this._ss.locale).length,
          );
      }
      this._model.colWidths.set(c, Math.min(1000, Math.max(21, longest * 7 + 10)));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setTabColor(color: string | null): this {
    this._guardSheet();
    this._model.tabColor = color === null ? null : String(color).toLowerCase();
    return this;
  }
  getTabColor(): string | null {
    this._read();
    return this._model.tabColor;
  }

  // ------------------------------------------------------------ protection, search
  /** The sheet's protection (the existing one if the sheet is already protected). */
  protect(): Protection {
    this._read();
    if (!this._ss.canEdit(this._ws.actor())) throw serviceError(ERR.noAccess);
    const existing = this._ss.protections.find(
      (p) => !p.removed && p.type === "SHEET" && p.sheet === this._model,
    );
    if (existing) return new Protection(this.st, existing);
    const model = {
      id: this.st.protectionId(),
      type: "SHEET" as const,
      sheet: this._model,
      rect: null,
      unprotected: [],
      description: "",
      editors: null,
      domainEdit: false,
      warningOnly: false,
      removed: false,
    };
    this._ss.protections.push(model);
    return new Protection(this.st, model);
  }
  getProtections(type: string | number): Protection[] {
    this._read();
    const t = String(type);
    return this._ss.protections
      .filter((p) => !p.removed && p.type === t && p.sheet === this._model)
      .map((p) => new Protection(this.st, p));
  }
  createTextFinder(findText: string): TextFinder {
    this._read();
    return new TextFinder(this.st, String(findText), () => [{ sheet: this._model, rect: this._whole() }]);
  }
}
