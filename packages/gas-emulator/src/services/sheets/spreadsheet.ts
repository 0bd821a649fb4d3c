/** Spreadsheet: the file with its sheets, editors, protections and named ranges. */
import { GasObject, serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { addViewer } from "../sharing.js";
import { parseA1 } from "./a1.js";
import { ERR, SheetModel, type SpreadsheetModel } from "./model.js";
import { type SheetsState } from "./state.js";
import { Protection } from "./protection.js";
import { Range } from "./range.js";
import { Sheet, sheetObject } from "./sheet.js";
import { TextFinder } from "./textfinder.js";
import type { Api } from "./types.js";
import { EditorsHolder, emailOf, User } from "./user.js";

type Keys =
  | "addEditor"
  | "addEditors"
  | "addViewer"
  | "addViewers"
  | "appendRow"
  | "createTextFinder"
  | "deleteSheet"
  | "getActiveSheet"
  | "getDataRange"
  | "getEditors"
  | "getFormUrl"
  | "getId"
  | "getLastColumn"
  | "getLastRow"
  | "getName"
  | "getNumSheets"
  | "getOwner"
  | "getProtections"
  | "getRange"
  | "getRangeByName"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "getViewers"
  | "insertSheet"
  | "removeEditor"
  | "removeNamedRange"
  | "removeViewer"
  | "rename"
  | "setActiveSheet"
  | "setNamedRange"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast";

const cache = new WeakMap<SpreadsheetModel, Spreadsheet>();

export function spreadsheetObject(st: SheetsState, model: SpreadsheetModel): Spreadsheet {
  let s = cache.get(model);
  if (!s) {
    s = new Spreadsheet(st, model);
    cache.set(model, s);
  }
  return s;
}

export class Spreadsheet
  extends EditorsHolder
  implements Api<GoogleAppsScript.Spreadsheet.Spreadsheet, Keys>
{
  readonly gasClass = "Spreadsheet";
  constructor(
    private readonly st: SheetsState,
    readonly _model: SpreadsheetModel,
  ) {
    super();
  }
  private get _ws(): Workspace {
    return this.st.ws;
  }
  private get _m(): SpreadsheetModel {
    return this._model;
  }
  private _read(): void {
    this.st.sync();
    if (!this.st.spreadsheets.has(this._m.id)) throw serviceError(ERR.missing(this._m.id));
  }
  private _guardEdit(): void {
    this._read();
    if (!this._m.canEdit(this._ws.actor())) throw serviceError(ERR.noAccess);
  }
  private _active(): SheetModel {
    const a = this._m.activeSheet;
    return a && !a.deleted ? a : this._m.sheets[0]!;
  }

  // ------------------------------------------------------------ identity
  getId(): string {
    return this._m.id;
  }
  getName(): string {
    this._read();
    return this._m.name;
  }
  rename(newName: string): void {
    this._guardEdit();
    this._m.name = String(newName);
  }
  getUrl(): string {
    return this._m.url;
  }
  getSpreadsheetTimeZone(): string {
    this._read();
    return this._m.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this._guardEdit();
    this._m.timeZone = String(timezone);
  }
  /** id_ID by default; id_ID and en_US decide typed input and display values (values.ts). */
  getSpreadsheetLocale(): string {
    this._read();
    return this._m.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._guardEdit();
    this._m.locale = String(locale);
  }
  getFormUrl(): string | null {
    this._read();
    return this._m.sheets.find((s) => s.formLink)?.formLink?.formUrl ?? null;
  }

  // ------------------------------------------------------------ sheets
  getSheets(): Sheet[] {
    this._read();
    return this._m.sheets.filter((s) => this.st.seen(s)).map((s) => sheetObject(this.st, s));
  }
  getNumSheets(): number {
    this._read();
    return this._m.sheets.filter((s) => this.st.seen(s)).length;
  }
  /** Sheet names are unique regardless of case, and looked up regardless of case, as in Sheets. */
  getSheetByName(name: string): Sheet | null {
    this._read();
    const s = this._m.sheetByName(String(name));
    return s && this.st.seen(s) ? sheetObject(this.st, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    this._read();
    const s = this._m.sheets.find((x) => x.id === id && this.st.seen(x));
    return s ? sheetObject(this.st, s) : null;
  }
  getActiveSheet(): Sheet {
    this._read();
    return sheetObject(this.st, this._active());
  }
  setActiveSheet(sheet: GasObject): Sheet {
    this._read();
    if (!(sheet instanceof Sheet) || sheet._model.parent !== this._m)
      throw serviceError("Expected a Sheet of this spreadsheet.");
    this._m.activeSheet = sheet._model;
    sheet._model.hidden = false;
    return sheet;
  }
  /**
   * insertSheet(), (index), (name), (name, index) – index is 0-based; without one the sheet goes
   * last (a choice). The new sheet becomes the active one. Templates are not emulated.
   */
  insertSheet(a?: string | number | object, b?: number | object): Sheet {
    this._guardEdit();
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === "string") name = a;
    else if (typeof a === "number") index = a;
    if (typeof b === "number") index = b;
    if (name === undefined) {
      let n = this._m.sheets.length + 1;
      while (this._m.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const model = addSheet(this._m, name, index);
    this._m.activeSheet = model;
    return sheetObject(this.st, model);
  }
  deleteSheet(sheet: GasObject): void {
    this._guardEdit();
    if (!(sheet instanceof Sheet) || sheet._model.parent !== this._m || sheet._model.deleted) {
      throw serviceError("Expected a Sheet of this spreadsheet.");
    }
    const model = sheet._model;
    if (this._m.sheets.filter((s) => !s.hidden && s !== model).length === 0) {
      throw serviceError("You can't remove all the visible sheets in a document.");
    }
    if (model.formLink) {
      throw serviceError("This sheet is linked to a form. Unlink the form before deleting the sheet.");
    }
    const who = this._ws.actor();
    for (const p of this._m.protections) {
      if (
        !p.removed &&
        p.sheet === model &&
        p.type === "SHEET" &&
        !p.warningOnly &&
        !this._m.mayEditProtected(p, who)
      ) {
        throw serviceError(ERR.protected);
      }
    }
    this._m.sheets.splice(this._m.sheets.indexOf(model), 1);
    model.deleted = true;
    for (const p of this._m.protections) if (p.sheet === model) p.removed = true;
    for (const [name, nr] of this._m.namedRanges) if (nr.sheet === model) this._m.namedRanges.delete(name);
    if (this._m.activeSheet === model) this._m.activeSheet = null;
  }

  // ------------------------------------------------------------ ranges
  /** "Sheet!A1:B2", or "A1:B2" on the active (first) sheet. */
  getRange(a1Notation: string): Range {
    this._read();
    const text = String(a1Notation);
    const ref = parseA1(text, (name) => {
      const s = name === null ? this._active() : this._m.sheetByName(name);
      return { rows: s?.maxRows ?? 0, cols: s?.maxCols ?? 0 };
    });
    if (!ref) throw serviceError("Range not found");
    const sheet = ref.sheet === null ? this._active() : this._m.sheetByName(ref.sheet);
    if (!sheet) throw serviceError("Range not found");
    const { r1, c1, r2, c2 } = ref.rect;
    return sheetObject(this.st, sheet)._range(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }
  getRangeByName(name: string): Range | null {
    this._read();
    const nr = this._m.namedRanges.get(String(name));
    return nr ? new Range(this.st, nr.sheet, { ...nr.rect }) : null;
  }
  setNamedRange(name: string, range: GasObject): void {
    this._guardEdit();
    const n = String(name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^(true|false)$/i.test(n)) {
      throw serviceError(`The name "${n}" is not a valid named range name.`);
    }
    if (!(range instanceof Range) || range._sheet.parent !== this._m)
      throw serviceError("Expected a Range of this spreadsheet.");
    this._m.namedRanges.set(n, { sheet: range._sheet, rect: { ...range._rect } });
  }
  removeNamedRange(name: string): void {
    this._guardEdit();
    if (!this._m.namedRanges.delete(String(name))) throw serviceError(`Named range ${name} not found.`);
  }
  getDataRange(): Range {
    return this.getActiveSheet().getDataRange();
  }
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }
  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }
  appendRow(rowContents: unknown[]): Sheet {
    return this.getActiveSheet().appendRow(rowContents);
  }
  createTextFinder(findText: string): TextFinder {
    this._read();
    return new TextFinder(this.st, String(findText), () =>
      this._m.sheets.map((s) => ({ sheet: s, rect: { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols } })),
    );
  }
  getProtections(type: string | number): Protection[] {
    this._read();
    const t = String(type);
    return this._m.protections
      .filter((p) => !p.removed && p.type === t)
      .map((p) => new Protection(this.st, p));
  }

  // ------------------------------------------------------------ sharing
  getOwner(): User | null {
    this._read();
    return new User(this._m.owner);
  }
  protected _members(): SpreadsheetModel {
    return this._m;
  }
  protected _guardSharing(): void {
    this._guardEdit();
  }
  protected override _readSharing(): void {
    this._read();
  }
  getViewers(): User[] {
    this._read();
    return [...this._m.viewers].map((e) => new User(e));
  }
  addViewer(who: string | GasObject): this {
    this._guardEdit();
    addViewer(this._m, emailOf(who));
    return this;
  }
  addViewers(emails: string[]): this {
    emails.forEach((e) => this.addViewer(e));
    return this;
  }
  removeViewer(who: string | GasObject): this {
    this._guardEdit();
    this._m.viewers.delete(emailOf(who));
    return this;
  }

  // ------------------------------------------------------------ ui
  /**
   * Recorded for the person who would see it (tests read `toasts(ws)`). A menu action or a simple
   * trigger shows it to the person at the keyboard. Which user sees a toast raised by an
   * installable trigger is undocumented; the emulator takes the less convenient reading (chosen):
   * only the trigger's owner (the effective user) could see it, never the official who edited.
   */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._read();
    const ctx = this._ws.current;
    const user = !ctx
      ? this._ws.owner.email
      : ctx.kind === "installable"
        ? ctx.effectiveUser
        : ctx.activeUser || ctx.effectiveUser;
    this.st.toasts.push({
      spreadsheetId: this._m.id,
      message: String(msg),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
      user,
      execution: ctx ? ctx.id : null,
      atMs: this._ws.now(),
    });
  }
}

/** Adds a sheet to a spreadsheet model (checks the name; index 0-based, default last). */
export function addSheet(
  ss: SpreadsheetModel,
  name: string,
  index?: number,
  rows?: number,
  cols?: number,
): SheetModel {
  if (!name.trim()) throw serviceError("Sheet names cannot be empty.");
  if (ss.sheetByName(name)) throw serviceError(ERR.duplicateSheet(name));
  const model = new SheetModel(ss, ss.newSheetId(), name);
  if (rows) model.maxRows = rows;
  if (cols) model.maxCols = cols;
  const extra = model.maxRows * model.maxCols;
  if (ss.cellCount() + extra > 10_000_000) throw serviceError(ERR.tooManyCells);
  const at = index === undefined ? ss.sheets.length : Math.max(0, Math.min(index, ss.sheets.length));
  ss.sheets.splice(at, 0, model);
  return model;
}
