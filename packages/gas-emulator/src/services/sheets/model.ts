/**
 * The state behind the emulated Sheets: spreadsheets, their sheets (a grid of cells), editors,
 * protections, named ranges. The workspace's Sheets slot that holds them, with the per-execution
 * write buffer (Apps Script bundles spreadsheet writes and applies them at the next read, at
 * SpreadsheetApp.flush() or when the execution ends), is in state.ts.
 */
import { copyLazily } from "../../runtime/snapshot.js";
import { serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { mayEdit, mayRead, type Shared } from "../sharing.js";
import { contains, intersects, type Rect } from "./a1.js";
import type { CellValue } from "./types.js";
import { MAX_CELL_CHARS, parseInput, type Parsed } from "./values.js";

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
/** Sheets' limit for the cells of one spreadsheet. */
const MAX_CELLS = 10_000_000;

export const ERR = {
  protected:
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
  noAccess: "You do not have permission to access the requested document.",
  missing: (id: string) =>
    `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
  invalid: "The coordinates or dimensions of the range are invalid.",
  outside: "The coordinates of the range are outside the dimensions of the sheet.",
  cellTooLong: `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
  tooManyCells: `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
  duplicateSheet: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
};

export interface CellFormat {
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  numberFormat?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

/** A data-validation rule as stored per cell (immutable; shared between cells). */
export interface ValidationRule {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellData {
  v: CellValue;
  f?: string;
  note?: string;
  fmt?: CellFormat;
  dv?: ValidationRule;
  /** Accepted although it violates a rule with allowInvalid (Sheets marks such cells). */
  invalid?: boolean;
}

function hasContent(c: CellData | undefined): boolean {
  return c !== undefined && (c.f !== undefined || c.v !== "");
}

/** The columns a linked form writes to, kept in step with column inserts and deletes. */
interface FormLink {
  formId: string;
  formUrl: string;
  /** key ("timestamp", "email", or an item id) → 1-based column. */
  columns: Map<string, number>;
}

export class SheetModel {
  rows: (CellData | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly colWidths = new Map<number, number>();
  formLink: FormLink | null = null;
  deleted = false;
  private lastRowCache = 0;
  private lastRowDirty = false;
  private lastColCache = 0;
  private lastColDirty = false;

  constructor(
    readonly parent: SpreadsheetModel,
    readonly id: number,
    public name: string,
  ) {}

  cell(r: number, c: number): CellData | undefined {
    return this.rows[r - 1]?.[c - 1];
  }

  ensure(r: number, c: number): CellData {
    let row = this.rows[r - 1];
    if (!row) {
      row = [];
      this.rows[r - 1] = row;
    }
    let cell = row[c - 1];
    if (!cell) {
      cell = { v: "" };
      row[c - 1] = cell;
    }
    return cell;
  }

  /** Records that a cell's content changed (keeps getLastRow/getLastColumn cheap). */
  touched(r: number, c: number, nowHasContent: boolean): void {
    if (nowHasContent) {
      if (!this.lastRowDirty && r > this.lastRowCache) this.lastRowCache = r;
      if (!this.lastColDirty && c > this.lastColCache) this.lastColCache = c;
    } else {
      if (r >= this.lastRowCache) this.lastRowDirty = true;
      if (c >= this.lastColCache) this.lastColDirty = true;
    }
  }

  private structureChanged(): void {
    this.lastRowDirty = true;
    this.lastColDirty = true;
  }

  lastRow(): number {
    if (this.lastRowDirty) {
      let r = Math.min(this.rows.length, this.maxRows);
      while (r > 0 && !this.rowHasContent(r)) r--;
      this.lastRowCache = r;
      this.lastRowDirty = false;
    }
    return this.lastRowCache;
  }

  lastCol(): number {
    if (this.lastColDirty) {
      let max = 0;
      for (const row of this.rows) {
        if (!row) continue;
        for (let c = row.length; c > max; c--) {
          if (hasContent(row[c - 1])) {
            max = c;
            break;
          }
        }
      }
      this.lastColCache = max;
      this.lastColDirty = false;
    }
    return this.lastColCache;
  }

  private rowHasContent(r: number): boolean {
    const row = this.rows[r - 1];
    if (!row) return false;
    for (const c of row) if (hasContent(c)) return true;
    return false;
  }

  /** Writes one input value as setValue/appendRow/a person typing does. */
  setInput(r: number, c: number, input: unknown, formulas = true): void {
    const cell = this.ensure(r, c);
    const parsed = toParsed(
      input,
      this.parent.timeZone,
      cell.fmt?.numberFormat,
      formulas,
      this.parent.locale,
    );
    cell.v = parsed.value;
    if (parsed.formula !== undefined) cell.f = parsed.formula;
    else delete cell.f;
    delete cell.invalid;
    this.touched(r, c, hasContent(cell));
  }

  clearContent(r: number, c: number): void {
    const cell = this.cell(r, c);
    if (!cell) return;
    cell.v = "";
    delete cell.f;
    delete cell.invalid;
    this.touched(r, c, false);
  }

  checkCells(extraRows: number, extraCols: number): void {
    const total = this.parent.cellCount() + extraRows * this.maxCols + extraCols * (this.maxRows + extraRows);
    if (total > MAX_CELLS) throw serviceError(ERR.tooManyCells);
  }

  /** Inserts `n` empty rows before row `before` (1-based); new rows take the formats of the row above. */
  insertRows(before: number, n: number): void {
    this.checkCells(n, 0);
    const above = this.rows[before - 2];
    const fresh: (CellData | undefined)[][] = [];
    for (let i = 0; i < n; i++) fresh.push(inheritFormats(above));
    if (this.rows.length < before - 1) this.rows.length = before - 1;
    this.rows.splice(before - 1, 0, ...fresh);
    this.maxRows += n;
    this.parent.shiftRows(this, before, n);
    this.structureChanged();
  }

  deleteRows(start: number, n: number): void {
    this.rows.splice(start - 1, n);
    this.maxRows -= n;
    this.parent.shiftRows(this, start, -n);
    this.structureChanged();
  }

  insertCols(before: number, n: number): void {
    this.checkCells(0, n);
    for (const row of this.rows) {
      if (!row) continue;
      if (row.length < before - 1) continue;
      row.splice(before - 1, 0, ...new Array<CellData | undefined>(n).fill(undefined));
    }
    this.maxCols += n;
    this.parent.shiftCols(this, before, n);
    this.structureChanged();
  }

  deleteCols(start: number, n: number): void {
    for (const row of this.rows) if (row) row.splice(start - 1, n);
    this.maxCols -= n;
    this.parent.shiftCols(this, start, -n);
    this.structureChanged();
  }

  /** Grows the grid (appendRow and form responses extend the sheet as Sheets does). */
  grow(rows: number, cols: number): void {
    if (rows > this.maxRows) {
      this.checkCells(rows - this.maxRows, 0);
      const above = this.rows[this.maxRows - 1];
      for (let r = this.maxRows + 1; r <= rows; r++) this.rows[r - 1] = inheritFormats(above);
      this.maxRows = rows;
    }
    if (cols > this.maxCols) {
      this.checkCells(0, cols - this.maxCols);
      this.maxCols = cols;
    }
  }

  clearAll(): void {
    this.rows = [];
    this.structureChanged();
  }
}

/**
 * A copy of a sheet's grid: rows (holes kept), cells, their formats and Date values; a validation
 * rule is immutable and stays shared, as it is between the cells of one sheet.
 */
function copyGrid(value: unknown): unknown {
  const rows = value as (CellData | undefined)[][];
  const out = new Array<(CellData | undefined)[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    const copy = new Array<CellData | undefined>(row.length);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === undefined) continue;
      const to: CellData = { ...cell };
      if (cell.v instanceof Date) to.v = new Date(cell.v.getTime());
      if (cell.fmt) to.fmt = { ...cell.fmt };
      copy[c] = to;
    }
    out[r] = copy;
  }
  return out;
}

// A restored workspace copies a sheet's cells when the sheet is first used (runtime/snapshot.ts).
copyLazily(SheetModel, ["rows"], copyGrid);

function inheritFormats(above: (CellData | undefined)[] | undefined): (CellData | undefined)[] {
  const row: (CellData | undefined)[] = [];
  if (above) {
    above.forEach((c, i) => {
      if (c?.fmt) row[i] = { v: "", fmt: { ...c.fmt } };
    });
  }
  return row;
}

function toParsed(
  input: unknown,
  tz: string,
  numberFormat: string | undefined,
  formulas: boolean,
  locale: string,
): Parsed {
  if (input === null || input === undefined) return { value: "" };
  if (typeof input === "string") {
    if (input.length > MAX_CELL_CHARS) throw serviceError(ERR.cellTooLong);
    return parseInput(input, tz, numberFormat, formulas, locale);
  }
  if (typeof input === "number") return { value: Number.isFinite(input) ? input : String(input) };
  if (typeof input === "boolean") return { value: input };
  if (input instanceof Date) {
    return { value: Number.isNaN(input.getTime()) ? "" : new Date(input.getTime()) };
  }
  return { value: String(input) };
}

/** Checks an input value before it is buffered, so the error is thrown by the call that caused it. */
export function checkInput(input: unknown): void {
  if (typeof input === "string" && input.length > MAX_CELL_CHARS) throw serviceError(ERR.cellTooLong);
}

export interface ProtectionModel {
  id: number;
  type: "RANGE" | "SHEET";
  sheet: SheetModel;
  /** RANGE: the protected cells. */
  rect: Rect | null;
  /** SHEET: cells left editable. */
  unprotected: Rect[];
  description: string;
  /** null: the editors mirror the spreadsheet's until the script changes them (documented). */
  editors: Set<string> | null;
  domainEdit: boolean;
  warningOnly: boolean;
  removed: boolean;
}

interface NamedRangeModel {
  sheet: SheetModel;
  rect: Rect;
}

/** General access by link (Share dialog); PRIVATE: only the named people. */
export type LinkAccess = "PRIVATE" | "ANYONE_WITH_LINK" | "DOMAIN_WITH_LINK";

export class SpreadsheetModel {
  readonly sheets: SheetModel[] = [];
  readonly editors = new Set<string>();
  readonly viewers = new Set<string>();
  readonly protections: ProtectionModel[] = [];
  readonly namedRanges = new Map<string, NamedRangeModel>();
  activeSheet: SheetModel | null = null;
  /** The spreadsheet's locale (a new one gets the workspace's `spreadsheetLocale`). */
  locale: string;
  linkAccess: LinkAccess = "PRIVATE";
  linkPermission: "VIEW" | "COMMENT" | "EDIT" = "VIEW";
  private nextSheetId = 0;

  constructor(
    readonly ws: Workspace,
    readonly id: string,
    public name: string,
    public owner: string,
    public timeZone: string,
  ) {
    this.locale = ws.spreadsheetLocale;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  newSheetId(): number {
    const id = this.nextSheetId === 0 ? 0 : 1 + this.ws.rng.int(2_000_000_000);
    this.nextSheetId++;
    return id;
  }

  sheetByName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  /** The spreadsheet's sharing, as the one permission model (sharing.ts) reads it. */
  private sharing(): Shared {
    return {
      owner: this.owner,
      editors: this.editors,
      viewers: this.viewers,
      access: this.linkAccess,
      role: this.linkPermission,
    };
  }

  canRead(email: string): boolean {
    return mayRead(this.sharing(), email);
  }

  canEdit(email: string): boolean {
    return mayEdit(this.sharing(), email);
  }

  /** The accounts that may edit within a protection (the owner always may). */
  protectionEditors(p: ProtectionModel): Set<string> {
    return p.editors ?? new Set([this.owner, ...this.editors]);
  }

  mayEditProtected(p: ProtectionModel, email: string): boolean {
    const e = email.toLowerCase();
    if (e === this.owner) return true;
    if (this.protectionEditors(p).has(e)) return true;
    return p.domainEdit && this.canEdit(e) && e.endsWith(`@${this.ws.domain.toLowerCase()}`);
  }

  /** The first protection (not warning-only) that forbids `email` to change any cell of `rect`. */
  blockingProtection(sheet: SheetModel, rect: Rect, email: string): ProtectionModel | null {
    for (const p of this.protections) {
      if (p.removed || p.sheet !== sheet || p.warningOnly) continue;
      if (!this.protectsAny(p, rect)) continue;
      if (!this.mayEditProtected(p, email)) return p;
    }
    return null;
  }

  /** Does the protection cover at least one cell of `rect`? */
  protectsAny(p: ProtectionModel, rect: Rect): boolean {
    if (p.type === "RANGE") return p.rect !== null && intersects(p.rect, rect);
    if (p.unprotected.length === 0) return true;
    const holes = p.unprotected.filter((u) => intersects(u, rect));
    if (holes.length === 0) return true;
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        if (!holes.some((h) => contains(h, r, c))) return true;
      }
    }
    return false;
  }

  /** Throws the Sheets error unless `email` may change `rect` of `sheet`. */
  assertWrite(sheet: SheetModel, rect: Rect, email: string): void {
    if (!this.canEdit(email)) throw serviceError(ERR.noAccess);
    if (this.blockingProtection(sheet, rect, email)) throw serviceError(ERR.protected);
  }

  /** Keeps protections and named ranges in place when rows are inserted (n>0) or deleted (n<0). */
  shiftRows(sheet: SheetModel, at: number, n: number): void {
    this.shiftRanges(sheet, "r", at, n);
  }

  /** Keeps protections, named ranges and form columns in place when columns are inserted (n>0) or deleted (n<0). */
  shiftCols(sheet: SheetModel, at: number, n: number): void {
    this.shiftRanges(sheet, "c", at, n);
    if (sheet.formLink) {
      for (const [key, col] of sheet.formLink.columns) {
        if (n > 0 && col >= at) sheet.formLink.columns.set(key, col + n);
        else if (n < 0 && col >= at) {
          if (col < at - n) sheet.formLink.columns.delete(key);
          else sheet.formLink.columns.set(key, col + n);
        }
      }
    }
  }

  /** Moves (or drops, when deleted entirely) the protected and named ranges of `sheet` along one axis. */
  private shiftRanges(sheet: SheetModel, axis: "r" | "c", at: number, n: number): void {
    const move = (r: Rect): Rect | null => shift(r, axis, at, n);
    for (const p of this.protections) {
      if (p.sheet !== sheet) continue;
      if (p.rect) {
        const r = move(p.rect);
        if (r) p.rect = r;
        else p.removed = true;
      }
      p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    }
    for (const [name, nr] of this.namedRanges) {
      if (nr.sheet !== sheet) continue;
      const r = move(nr.rect);
      if (r) nr.rect = r;
      else this.namedRanges.delete(name);
    }
  }
}

/** A rectangle after inserting (n>0) or deleting (n<0) rows/columns at `at`; null when deleted entirely. */
function shift(r: Rect, axis: "r" | "c", at: number, n: number): Rect | null {
  const lo = axis === "r" ? r.r1 : r.c1;
  const hi = axis === "r" ? r.r2 : r.c2;
  let a: number;
  let b: number;
  if (n > 0) {
    a = lo >= at ? lo + n : lo;
    b = hi >= at ? hi + n : hi;
  } else {
    const end = at - n - 1; // rows/columns at..end are deleted
    a = lo < at ? lo : lo > end ? lo + n : at;
    b = hi < at ? hi : hi > end ? hi + n : at - 1;
    if (b < a) return null;
  }
  return axis === "r" ? { ...r, r1: a, r2: b } : { ...r, c1: a, c2: b };
}
