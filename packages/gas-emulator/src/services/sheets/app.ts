/** The SpreadsheetApp global. */
import { GasObject, serviceError } from "../../core.js";
import { DEFAULT_COLS, DEFAULT_ROWS, ERR, SpreadsheetModel } from "./model.js";
import { type SheetsState } from "./state.js";
import { ProtectionType } from "./protection.js";
import type { Range } from "./range.js";
import type { Sheet } from "./sheet.js";
import { addSheet, Spreadsheet, spreadsheetObject } from "./spreadsheet.js";
import type { Api } from "./types.js";
import { Ui } from "./ui.js";
import { DataValidationBuilder, DataValidationCriteria } from "./validation.js";

type Keys =
  | "create"
  | "flush"
  | "getActive"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newDataValidation"
  | "openById"
  | "openByUrl"
  | "setActiveSheet";

export class SpreadsheetApp
  extends GasObject
  implements Api<GoogleAppsScript.Spreadsheet.SpreadsheetApp, Keys>
{
  readonly gasClass = "SpreadsheetApp";
  constructor(private readonly st: SheetsState) {
    super();
  }
  override gasProps(): Record<string, unknown> {
    return { DataValidationCriteria: { ...DataValidationCriteria }, ProtectionType: { ...ProtectionType } };
  }
  /** The spreadsheet the script is bound to (null for a standalone script). */
  getActiveSpreadsheet(): Spreadsheet | null {
    this.st.sync();
    const id = this.st.boundId;
    const m = id ? this.st.get(id) : undefined;
    return m ? spreadsheetObject(this.st, m) : null;
  }
  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): Sheet | null {
    return this.getActiveSpreadsheet()?.getActiveSheet() ?? null;
  }
  setActiveSheet(sheet: GasObject): Sheet {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw serviceError("There is no active spreadsheet.");
    return ss.setActiveSheet(sheet);
  }
  openById(id: string): Spreadsheet {
    this.st.sync();
    const key = String(id);
    const m = this.st.get(key);
    if (!m || !m.canRead(this.st.ws.actor())) throw serviceError(ERR.missing(key));
    return spreadsheetObject(this.st, m);
  }
  openByUrl(url: string): Spreadsheet {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw serviceError("Invalid argument: url");
    return this.openById(m[1]!);
  }
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    this.st.sync();
    const m = createSpreadsheet(this.st, String(name), this.st.ws.actor(), rows, columns);
    return spreadsheetObject(this.st, m);
  }
  /** Applies the calling execution's buffered writes. */
  flush(): void {
    this.st.explicitFlush();
  }
  /** Not available to installable triggers (including clock triggers) and web apps. */
  getUi(): Ui {
    const ctx = this.st.ws.current;
    if (ctx && (ctx.kind === "installable" || ctx.kind === "webapp")) {
      throw serviceError("Cannot call SpreadsheetApp.getUi() from this context.");
    }
    const id = this.st.boundId;
    if (!id) throw serviceError("Cannot call SpreadsheetApp.getUi() from this context.");
    return new Ui(this.st, id);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }
}

export function createSpreadsheet(
  st: SheetsState,
  name: string,
  owner: string,
  rows?: number,
  cols?: number,
): SpreadsheetModel {
  const ws = st.ws;
  const m = new SpreadsheetModel(ws, ws.newId(44), name, owner.toLowerCase(), ws.scriptTimeZone);
  addSheet(m, "Sheet1", 0, rows ?? DEFAULT_ROWS, cols ?? DEFAULT_COLS);
  st.spreadsheets.set(m.id, m);
  return m;
}

export type { Range };
