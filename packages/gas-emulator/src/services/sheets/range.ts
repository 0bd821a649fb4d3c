/**
 * Range: a rectangle of cells on one sheet.
 *
 * Its size: one class, the Range API's ~60 methods over one rectangle; the cell model, values,
 * formats, validation, protection and the text finder it uses are already their own modules.
 */
import { GasObject, serviceError, type CellsMoved } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { cellA1, rectA1, type Rect } from "./a1.js";
import {
  checkInput,
  ERR,
  type CellData,
  type CellFormat,
  type SheetModel,
  type SpreadsheetModel,
} from "./model.js";
import { type SheetsState } from "./state.js";
import { Protection } from "./protection.js";
import { sheetObject, type Sheet } from "./sheet.js";
import { TextFinder } from "./textfinder.js";
import type { Api, CellValue } from "./types.js";
import { DataValidation } from "./validation.js";
import { displayValue, normalizeColor, outValue } from "./values.js";

const DEFAULTS = {
  background: "#ffffff",
  fontColor: "#000000",
  fontWeight: "normal",
  fontStyle: "normal",
  fontSize: 10,
  fontFamily: "Arial",
  numberFormat: "0.###############",
  wrap: false,
  horizontalAlignment: "general",
  verticalAlignment: "bottom",
};

type Keys =
  | "activate"
  | "canEdit"
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "clearFormat"
  | "clearNote"
  | "createTextFinder"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getCell"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFontColor"
  | "getFontColors"
  | "getFontFamily"
  | "getFontSize"
  | "getFontStyle"
  | "getFontWeight"
  | "getFontWeights"
  | "getFormula"
  | "getFormulas"
  | "getGridId"
  | "getHeight"
  | "getHorizontalAlignment"
  | "getHorizontalAlignments"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getRowIndex"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "getVerticalAlignment"
  | "getWidth"
  | "getWrap"
  | "getWraps"
  | "isBlank"
  | "offset"
  | "protect"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setDataValidations"
  | "setFontColor"
  | "setFontColors"
  | "setFontFamily"
  | "setFontSize"
  | "setFontStyle"
  | "setFontWeight"
  | "setFontWeights"
  | "setFormula"
  | "setFormulas"
  | "setHorizontalAlignment"
  | "setHorizontalAlignments"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues"
  | "setVerticalAlignment"
  | "setWrap"
  | "setWraps";

/** Getters that return one value per cell of the range. */
const DATA_READS = new Set([
  "getValues",
  "getDisplayValues",
  "getFormulas",
  "getFormulasR1C1",
  "getNotes",
  "getBackgrounds",
  "getFontColors",
  "getFontWeights",
  "getFontStyles",
  "getFontSizes",
  "getFontFamilies",
  "getFontLines",
  "getNumberFormats",
  "getRichTextValues",
  "getDataValidations",
  "getHorizontalAlignments",
  "getVerticalAlignments",
  "getWraps",
  "getWrapStrategies",
]);
/** Getters of the top-left cell only. */
const CELL_READS = new Set([
  "getValue",
  "getDisplayValue",
  "getFormula",
  "getFormulaR1C1",
  "getNote",
  "getBackground",
  "getNumberFormat",
  "getRichTextValue",
  "getDataValidation",
]);

export class Range extends GasObject implements Api<GoogleAppsScript.Spreadsheet.Range, Keys> {
  readonly gasClass = "Range";
  constructor(
    private readonly st: SheetsState,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {
    super();
  }

  // ------------------------------------------------------------ internals
  private get _ws(): Workspace {
    return this.st.ws;
  }
  private get _ss(): SpreadsheetModel {
    return this._sheet.parent;
  }
  private get _nr(): number {
    return this._rect.r2 - this._rect.r1 + 1;
  }
  private get _nc(): number {
    return this._rect.c2 - this._rect.c1 + 1;
  }
  private _read(): void {
    this.st.sync();
    if (this._sheet.deleted) throw serviceError("The sheet this range belongs to has been deleted.");
  }
  /** Permission and protection checks happen at call time; the write itself may be buffered. */
  private _write(op: () => void): this {
    this._read();
    this._ss.assertWrite(this._sheet, this._rect, this._ws.actor());
    this.st.write(op);
    return this;
  }
  private _grid<T>(f: (cell: CellData | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    const { r1, c1 } = this._rect;
    for (let i = 0; i < this._nr; i++) {
      const row = this._sheet.rows[r1 - 1 + i];
      const line: T[] = new Array<T>(this._nc);
      for (let j = 0; j < this._nc; j++) line[j] = f(row?.[c1 - 1 + j], r1 + i, c1 + j);
      out.push(line);
    }
    return out;
  }
  private _first<T>(f: (cell: CellData | undefined) => T): T {
    return f(this._sheet.cell(this._rect.r1, this._rect.c1));
  }
  /** Checks a 2-D argument against the range's size with Sheets' messages. */
  private _checkShape(data: unknown): unknown[][] {
    if (!Array.isArray(data)) throw serviceError(ERR.invalid);
    if (data.length !== this._nr) {
      throw serviceError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of data) {
      if (!Array.isArray(row)) throw serviceError(ERR.invalid);
      if (row.length !== this._nc) {
        throw serviceError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`,
        );
      }
    }
    return data as unknown[][];
  }
  private _eachCell(f: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) f(this._rect.r1 + i, this._rect.c1 + j, i, j);
  }
  private _setFormat<K extends keyof CellFormat>(key: K, value: CellFormat[K] | null): this {
    return this._write(() =>
      this._eachCell((r, c) => {
        const cell = this._sheet.ensure(r, c);
        if (value === null || value === undefined) {
          if (cell.fmt) cell.fmt[key] = undefined;
        } else (cell.fmt ??= {})[key] = value;
      }),
    );
  }
  private _setFormats<K extends keyof CellFormat>(
    key: K,
    grid: unknown,
    map: (v: unknown) => CellFormat[K] | null,
  ): this {
    const data = this._checkShape(grid).map((row) => row.map(map));
    return this._write(() =>
      this._eachCell((r, c, i, j) => {
        const cell = this._sheet.ensure(r, c);
        const v = data[i]![j];
        if (v === null || v === undefined) {
          if (cell.fmt) cell.fmt[key] = undefined;
        } else (cell.fmt ??= {})[key] = v;
      }),
    );
  }
  private _fmt<K extends keyof CellFormat>(cell: CellData | undefined, key: K): NonNullable<CellFormat[K]> {
    return (cell?.fmt?.[key] ?? DEFAULTS[key]) as NonNullable<CellFormat[K]>;
  }
  private _display(cell: CellData | undefined): string {
    if (!cell) return "";
    return displayValue(cell.v, this._ss.timeZone, cell.fmt?.numberFormat, this._ss.locale);
  }

  // ------------------------------------------------------------ geometry
  getRow(): number {
    return this._rect.r1;
  }
  getRowIndex(): number {
    return this._rect.r1;
  }
  getColumn(): number {
    return this._rect.c1;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  getWidth(): number {
    return this._nc;
  }
  getLastRow(): number {
    return this._rect.r2;
  }
  getLastColumn(): number {
    return this._rect.c2;
  }
  getGridId(): number {
    return this._sheet.id;
  }
  getA1Notation(): string {
    return rectA1(this._rect);
  }
  getSheet(): Sheet {
    this._read();
    return sheetObject(this.st, this._sheet);
  }
  getCell(row: number, column: number): Range {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
      throw serviceError(ERR.invalid);
    }
    if (row > this._nr || column > this._nc) throw serviceError(ERR.outside);
    const r = this._rect.r1 + row - 1;
    const c = this._rect.c1 + column - 1;
    return new Range(this.st, this._sheet, { r1: r, c1: c, r2: r, c2: c });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const rows = numRows ?? this._nr;
    const cols = numColumns ?? this._nc;
    return sheetObject(this.st, this._sheet)._range(
      this._rect.r1 + rowOffset,
      this._rect.c1 + columnOffset,
      rows,
      cols,
    );
  }
  activate(): this {
    this._read();
    this._ss.activeSheet = this._sheet;
    return this;
  }
  isBlank(): boolean {
    this._read();
    let blank = true;
    this._grid((cell) => {
      if (cell && (cell.f !== undefined || cell.v !== "")) blank = false;
    });
    return blank;
  }
  canEdit(): boolean {
    this._read();
    const who = this._ws.actor();
    return this._ss.canEdit(who) && !this._ss.blockingProtection(this._sheet, this._rect, who);
  }

  // ------------------------------------------------------------ values
  getValues(): CellValue[][] {
    this._read();
    return this._grid((cell) => (cell ? outValue(cell.v) : ""));
  }
  getValue(): CellValue {
    this._read();
    return this._first((cell) => (cell ? outValue(cell.v) : ""));
  }
  getDisplayValues(): string[][] {
    this._read();
    return this._grid((cell) => this._display(cell));
  }
  getDisplayValue(): string {
    this._read();
    return this._first((cell) => this._display(cell));
  }
  setValues(values: unknown[][]): this {
    const data = this._checkShape(values).map((row) => row.map(copyInput));
    data.forEach((row) => row.forEach(checkInput));
    return this._write(() => this._eachCell((r, c, i, j) => this._sheet.setInput(r, c, data[i]![j])));
  }
  /** Sets every cell of the range to the value. */
  setValue(value: unknown): this {
    const v = copyInput(value);
    checkInput(v);
    return this._write(() => this._eachCell((r, c) => this._sheet.setInput(r, c, v)));
  }
  getFormulas(): string[][] {
    this._read();
    return this._grid((cell) => cell?.f ?? "");
  }
  getFormula(): string {
    this._read();
    return this._first((cell) => cell?.f ?? "");
  }
  setFormula(formula: string): this {
    const f = String(formula);
    return this._write(() =>
      this._eachCell((r, c) => this._sheet.setInput(r, c, f.startsWith("=") ? f : `=${f}`)),
    );
  }
  setFormulas(formulas: string[][]): this {
    const data = this._checkShape(formulas).map((row) => row.map((f) => String(f ?? "")));
    return this._write(() =>
      this._eachCell((r, c, i, j) => {
        const f = data[i]![j]!;
        if (f === "") this._sheet.clearContent(r, c);
        else this._sheet.setInput(r, c, f.startsWith("=") ? f : `=${f}`);
      }),
    );
  }
  clearContent(): this {
    return this._write(() => this._eachCell((r, c) => this._sheet.clearContent(r, c)));
  }
  /**
   * Clears contents and formats (notes and validation rules stay), or what the options select:
   * contentsOnly, formatOnly, validationsOnly, commentsOnly (notes).
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const contents = !any || o.contentsOnly;
    const formats = !any || o.formatOnly;
    return this._write(() =>
      this._eachCell((r, c) => {
        if (contents) this._sheet.clearContent(r, c);
        const cell = this._sheet.cell(r, c);
        if (!cell) return;
        if (formats) delete cell.fmt;
        if (o.validationsOnly) delete cell.dv;
        if (o.commentsOnly) delete cell.note;
      }),
    );
  }
  clearFormat(): this {
    return this._write(() => this._eachCell((r, c) => void delete this._sheet.cell(r, c)?.fmt));
  }

  // ------------------------------------------------------------ notes
  getNote(): string {
    this._read();
    return this._first((cell) => cell?.note ?? "");
  }
  getNotes(): string[][] {
    this._read();
    return this._grid((cell) => cell?.note ?? "");
  }
  setNote(note: string | null): this {
    const n = note === null || note === undefined ? "" : String(note);
    return this._write(() =>
      this._eachCell((r, c) => {
        if (n) this._sheet.ensure(r, c).note = n;
        else delete this._sheet.cell(r, c)?.note;
      }),
    );
  }
  setNotes(notes: (string | null)[][]): this {
    const data = this._checkShape(notes).map((row) =>
      row.map((n) => (n === null || n === undefined ? "" : String(n))),
    );
    return this._write(() =>
      this._eachCell((r, c, i, j) => {
        const n = data[i]![j]!;
        if (n) this._sheet.ensure(r, c).note = n;
        else delete this._sheet.cell(r, c)?.note;
      }),
    );
  }
  clearNote(): this {
    return this.setNote(null);
  }

  // ------------------------------------------------------------ formats
  getBackground(): string {
    this._read();
    return this._first((c) => this._fmt(c, "background"));
  }
  getBackgrounds(): string[][] {
    this._read();
    return this._grid((c) => this._fmt(c, "background"));
  }
  setBackground(color: string | null): this {
    return this._setFormat("background", color === null ? null : normalizeColor(String(color)));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._setFormats("background", colors, (v) =>
      v === null || v === undefined ? null : normalizeColor(String(v)),
    );
  }
  getFontColor(): string {
    this._read();
    return this._first((c) => this._fmt(c, "fontColor"));
  }
  getFontColors(): string[][] {
    this._read();
    return this._grid((c) => this._fmt(c, "fontColor"));
  }
  setFontColor(color: string | null): this {
    return this._setFormat("fontColor", color === null ? null : normalizeColor(String(color)));
  }
  setFontColors(colors: unknown[][]): this {
    return this._setFormats("fontColor", colors, (v) =>
      v === null || v === undefined ? null : normalizeColor(String(v)),
    );
  }
  getFontWeight(): "normal" | "bold" {
    this._read();
    return this._first((c) => this._fmt(c, "fontWeight")) as "normal" | "bold";
  }
  getFontWeights(): ("normal" | "bold")[][] {
    this._read();
    return this._grid((c) => this._fmt(c, "fontWeight") as "normal" | "bold");
  }
  setFontWeight(weight: "normal" | "bold" | null): this {
    return this._setFormat("fontWeight", weight === null ? null : String(weight));
  }
  setFontWeights(weights: ("normal" | "bold" | null)[][]): this {
    return this._setFormats("fontWeight", weights, (v) => (v === null || v === undefined ? null : String(v)));
  }
  getFontStyle(): "normal" | "italic" {
    this._read();
    return this._first((c) => this._fmt(c, "fontStyle")) as "normal" | "italic";
  }
  setFontStyle(style: "normal" | "italic" | null): this {
    return this._setFormat("fontStyle", style === null ? null : String(style));
  }
  getFontSize(): number {
    this._read();
    return this._first((c) => this._fmt(c, "fontSize"));
  }
  setFontSize(size: number): this {
    return this._setFormat("fontSize", Number(size));
  }
  getFontFamily(): string {
    this._read();
    return this._first((c) => this._fmt(c, "fontFamily"));
  }
  setFontFamily(family: string | null): this {
    return this._setFormat("fontFamily", family === null ? null : String(family));
  }
  getNumberFormat(): string {
    this._read();
    return this._first((c) => this._fmt(c, "numberFormat"));
  }
  getNumberFormats(): string[][] {
    this._read();
    return this._grid((c) => this._fmt(c, "numberFormat"));
  }
  setNumberFormat(format: string): this {
    return this._setFormat("numberFormat", String(format));
  }
  setNumberFormats(formats: string[][]): this {
    return this._setFormats("numberFormat", formats, (v) => String(v));
  }
  getWrap(): boolean {
    this._read();
    return this._first((c) => this._fmt(c, "wrap"));
  }
  getWraps(): boolean[][] {
    this._read();
    return this._grid((c) => this._fmt(c, "wrap"));
  }
  setWrap(wrap: boolean): this {
    return this._setFormat("wrap", Boolean(wrap));
  }
  setWraps(wraps: boolean[][]): this {
    return this._setFormats("wrap", wraps, (v) => Boolean(v));
  }
  getHorizontalAlignment(): string {
    this._read();
    return this._first((c) => this._fmt(c, "horizontalAlignment"));
  }
  getHorizontalAlignments(): string[][] {
    this._read();
    return this._grid((c) => this._fmt(c, "horizontalAlignment"));
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): this {
    return this._setFormat("horizontalAlignment", alignment === null ? null : String(alignment));
  }
  setHorizontalAlignments(alignments: ("left" | "center" | "normal" | "right" | null)[][]): this {
    return this._setFormats("horizontalAlignment", alignments, (v) =>
      v === null || v === undefined ? null : String(v),
    );
  }
  getVerticalAlignment(): string {
    this._read();
    return this._first((c) => this._fmt(c, "verticalAlignment"));
  }
  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): this {
    return this._setFormat("verticalAlignment", alignment === null ? null : String(alignment));
  }

  // ------------------------------------------------------------ validation
  getDataValidation(): DataValidation | null {
    this._read();
    return this._first((c) => (c?.dv ? new DataValidation(c.dv) : null));
  }
  getDataValidations(): (DataValidation | null)[][] {
    this._read();
    return this._grid((c) => (c?.dv ? new DataValidation(c.dv) : null));
  }
  setDataValidation(rule: GasObject | null): this {
    const dv = rule === null || rule === undefined ? null : asRule(rule);
    return this._write(() =>
      this._eachCell((r, c) => {
        if (dv) this._sheet.ensure(r, c).dv = dv;
        else delete this._sheet.cell(r, c)?.dv;
      }),
    );
  }
  setDataValidations(rules: (GasObject | null)[][]): this {
    const data = this._checkShape(rules).map((row) => row.map((g) => (g ? asRule(g as GasObject) : null)));
    return this._write(() =>
      this._eachCell((r, c, i, j) => {
        const dv = data[i]![j];
        if (dv) this._sheet.ensure(r, c).dv = dv;
        else delete this._sheet.cell(r, c)?.dv;
      }),
    );
  }
  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  // ------------------------------------------------------------ other
  /** A new range protection; its editors mirror the spreadsheet's until the script changes them. */
  protect(): Protection {
    this._read();
    if (!this._ss.canEdit(this._ws.actor())) throw serviceError(ERR.noAccess);
    const model = {
      id: this.st.protectionId(),
      type: "RANGE" as const,
      sheet: this._sheet,
      rect: { ...this._rect },
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
  override gasCells(method: string): CellsMoved | null {
    const n = this._nr * this._nc;
    if (DATA_READS.has(method)) return { read: n };
    if (CELL_READS.has(method)) return { read: 1 };
    if (method.startsWith("set") || method.startsWith("clear")) return { written: n };
    return null;
  }
  createTextFinder(findText: string): TextFinder {
    this._read();
    return new TextFinder(this.st, String(findText), () => [{ sheet: this._sheet, rect: this._rect }]);
  }
  override toString(): string {
    return "Range";
  }
  /** Host-side: "Sheet!A1" of the top-left cell (for messages). */
  _topLeftA1(): string {
    return cellA1(this._rect.r1, this._rect.c1);
  }
}

function asRule(g: GasObject): DataValidation["_rule"] {
  if (!(g instanceof DataValidation))
    throw serviceError("Expected a DataValidation (call build() on the builder).");
  return g._rule;
}

/** Copies a value handed in by the script so later changes to the script's object do not leak in. */
function copyInput(v: unknown): unknown {
  return v instanceof Date ? new Date(v.getTime()) : v;
}
