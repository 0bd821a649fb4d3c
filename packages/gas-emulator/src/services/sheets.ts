/**
 * Emulated Sheets (SpreadsheetApp): see docs/EMULATOR-sheets.md. The implementation lives in
 * ./sheets/; this module installs the global and re-exports the host-side API.
 */
import { registerDumper } from "../dump.js";
import { driveCreators, driveResolvers, MIME, type DriveItem } from "./drive.js";
import type { Workspace } from "../workspace.js";
import { createSpreadsheet, SpreadsheetApp } from "./sheets/app.js";
import { chartsGlobal } from "./sheets/chart.js";
import { sheetToTable, toCsv } from "./sheets/host.js";
import { SLOT, sheetsState } from "./sheets/state.js";

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
export { SheetModel, SpreadsheetModel, type CellData } from "./sheets/model.js";
export { SheetsState, sheetsState, type MenuRecord, type ToastRecord } from "./sheets/state.js";
export {
  ChartOptions,
  chartData,
  chartSpecs,
  ContainerInfo,
  EmbeddedChart,
  EmbeddedChartBuilder,
  type ChartSpec,
} from "./sheets/chart.js";
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

/** A name usable as a file or folder name. */
function safeName(name: string): string {
  return (
    [...name]
      .map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 32 ? "_" : ch))
      .join("")
      .trim() || "_"
  );
}

/** For dumps: the state as JSON, and every sheet as CSV under "<spreadsheet> (<id>)/<sheet>.csv". */
function dumpSheets(ws: Workspace): { json: unknown; files: Record<string, string> } {
  const st = sheetsState(ws);
  const files: Record<string, string> = {};
  for (const ss of st.spreadsheets.values()) {
    const dir = `${safeName(ss.name)} (${ss.id.slice(0, 8)})`;
    for (const sheet of ss.sheets) files[`${dir}/${safeName(sheet.name)}.csv`] = toCsv(sheetToTable(sheet));
  }
  return { json: st.toJSON(), files };
}

// Drive sees a spreadsheet's owner and sharing (read-only snapshot).
driveResolvers.push((ws, id) => {
  const m = sheetsState(ws).get(id);
  if (!m) return undefined;
  const item: DriveItem = {
    id: m.id,
    name: m.name,
    mimeType: MIME.spreadsheet,
    isFolder: false,
    owner: m.owner,
    parents: [],
    createdMs: 0,
    updatedMs: 0,
    trashed: false,
    description: null,
    starred: false,
    access: m.linkAccess,
    permission: m.linkAccess === "PRIVATE" ? "NONE" : m.linkPermission,
    editors: [...m.editors],
    viewers: [...m.viewers],
    commenters: [],
    content: null,
    revisions: [],
    version: 1,
  };
  return item;
});

// Drive.Files.create of a spreadsheet: an empty one with its "Sheet1", as SpreadsheetApp.create makes.
driveCreators.set(MIME.spreadsheet, (ws, name, owner) => createSpreadsheet(sheetsState(ws), name, owner).id);

export function install(ws: Workspace): Record<string, unknown> {
  registerDumper(SLOT, dumpSheets);
  const st = sheetsState(ws);
  // Apps Script applies an execution's pending spreadsheet writes when it ends (even on error).
  ws.endHooks.push((ctx) => st.flush(ctx.id));
  return { SpreadsheetApp: new SpreadsheetApp(st), Charts: chartsGlobal() };
}
