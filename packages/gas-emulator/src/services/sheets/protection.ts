/** Protected ranges and sheets. */
import { GasObject, serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { rectA1, type Rect } from "./a1.js";
import { ERR, type ProtectionModel } from "./model.js";
import { type SheetsState } from "./state.js";
import { Range } from "./range.js";
import type { Api } from "./types.js";
import { emailOf, User } from "./user.js";

export const ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" } as const;

type Keys =
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "getRangeName"
  | "getUnprotectedRanges"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setRange"
  | "setUnprotectedRanges"
  | "setWarningOnly";

export class Protection extends GasObject implements Api<GoogleAppsScript.Spreadsheet.Protection, Keys> {
  readonly gasClass = "Protection";
  constructor(
    private readonly st: SheetsState,
    readonly _model: ProtectionModel,
  ) {
    super();
  }
  private get _ws(): Workspace {
    return this.st.ws;
  }
  private get _ss() {
    return this._model.sheet.parent;
  }
  /** Changing a protection needs the right to edit it. */
  private _guard(): void {
    this.st.sync();
    if (this._model.removed) throw serviceError("This protection has been removed.");
    if (!this._ss.canEdit(this._ws.actor()) || !this._ss.mayEditProtected(this._model, this._ws.actor())) {
      throw serviceError(ERR.protected);
    }
  }
  private _materialize(): Set<string> {
    if (!this._model.editors) this._model.editors = new Set(this._ss.protectionEditors(this._model));
    return this._model.editors;
  }
  addEditor(who: string | GasObject): this {
    this._guard();
    this._materialize().add(emailOf(who));
    return this;
  }
  addEditors(emails: string[]): this {
    this._guard();
    const set = this._materialize();
    for (const e of emails) set.add(emailOf(e));
    return this;
  }
  removeEditor(who: string | GasObject): this {
    this._guard();
    const e = emailOf(who);
    if (e !== this._ss.owner) this._materialize().delete(e);
    return this;
  }
  removeEditors(list: (string | GasObject)[]): this {
    this._guard();
    const set = this._materialize();
    for (const who of list) {
      const e = emailOf(who);
      if (e !== this._ss.owner) set.delete(e);
    }
    return this;
  }
  getEditors(): User[] {
    this.st.sync();
    const set = this._ss.protectionEditors(this._model);
    const list = [this._ss.owner, ...[...set].filter((e) => e !== this._ss.owner)];
    return list.map((e) => new User(e));
  }
  canDomainEdit(): boolean {
    this.st.sync();
    return this._model.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this._guard();
    this._model.domainEdit = Boolean(editable);
    return this;
  }
  canEdit(): boolean {
    this.st.sync();
    return this._ss.canEdit(this._ws.actor()) && this._ss.mayEditProtected(this._model, this._ws.actor());
  }
  getDescription(): string {
    this.st.sync();
    return this._model.description;
  }
  setDescription(description: string): this {
    this._guard();
    this._model.description = String(description);
    return this;
  }
  getProtectionType(): string {
    return this._model.type;
  }
  getRange(): Range {
    this.st.sync();
    const s = this._model.sheet;
    const rect: Rect = this._model.rect ?? { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols };
    return new Range(this.st, s, rect);
  }
  getRangeName(): string | null {
    return null;
  }
  setRange(range: GasObject): this {
    this._guard();
    if (this._model.type !== "RANGE") throw serviceError("Only a range protection has a range.");
    const r = asRange(range);
    if (r._sheet !== this._model.sheet) throw serviceError("The range must be on the protected sheet.");
    this._model.rect = r._rect;
    return this;
  }
  getUnprotectedRanges(): Range[] {
    this.st.sync();
    return this._model.unprotected.map((u) => new Range(this.st, this._model.sheet, u));
  }
  setUnprotectedRanges(ranges: GasObject[]): this {
    this._guard();
    if (this._model.type !== "SHEET") {
      throw serviceError("Unprotected ranges can only be set on a sheet protection.");
    }
    this._model.unprotected = ranges.map((g) => {
      const r = asRange(g);
      if (r._sheet !== this._model.sheet)
        throw serviceError(`Range ${rectA1(r._rect)} is not on the protected sheet.`);
      return { ...r._rect };
    });
    return this;
  }
  isWarningOnly(): boolean {
    this.st.sync();
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._guard();
    this._model.warningOnly = Boolean(warningOnly);
    return this;
  }
  remove(): void {
    this._guard();
    this._model.removed = true;
  }
}

function asRange(g: GasObject): Range {
  if (!(g instanceof Range)) throw serviceError("Expected a Range.");
  return g;
}
