/**
 * Emulated Sheets (SpreadsheetApp): see docs/EMULATOR-sheets.md. The implementation lives in
 * ./sheets/; this module installs the global and re-exports the host-side API.
 */
import type { Workspace } from "../workspace.js";
import { SpreadsheetApp } from "./sheets/app.js";
import { sheetsState } from "./sheets/model.js";

export { columnLetter, columnNumber, parseA1, type Rect } from "./sheets/a1.js";
export { createSpreadsheet, SpreadsheetApp } from "./sheets/app.js";
export {
  cellInfo,
  createBoundSpreadsheet,
  exportSpreadsheetCsv,
  flushSheets,
  menus,
  openSpreadsheet,
  sheetToTable,
  toasts,
  toCsv,
  userEdit,
  userOpen,
  type EditResult,
  type EditTarget,
} from "./sheets/host.js";
export {
  SheetModel,
  SheetsState,
  sheetsState,
  SpreadsheetModel,
  type CellData,
  type MenuRecord,
  type ToastRecord,
} from "./sheets/model.js";
export { Protection, ProtectionType } from "./sheets/protection.js";
export { Range } from "./sheets/range.js";
export { Sheet, sheetObject } from "./sheets/sheet.js";
export { addSheet, Spreadsheet, spreadsheetObject } from "./sheets/spreadsheet.js";
export { TextFinder } from "./sheets/textfinder.js";
export type { CellValue } from "./sheets/types.js";
export { Menu, Ui } from "./sheets/ui.js";
export { User } from "./sheets/user.js";
export { DataValidation, DataValidationBuilder, DataValidationCriteria } from "./sheets/validation.js";
export {
  autoDate,
  displayValue,
  formatDatePattern,
  parseInput,
  zonedParts,
  zonedToUtc,
} from "./sheets/values.js";

export function install(ws: Workspace): Record<string, unknown> {
  const st = sheetsState(ws);
  // Apps Script applies an execution's pending spreadsheet writes when it ends (even on error).
  ws.endHooks.push((ctx) => st.flush(ctx.id));
  return { SpreadsheetApp: new SpreadsheetApp(st) };
}
