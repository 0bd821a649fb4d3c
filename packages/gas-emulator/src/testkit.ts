/**
 * The test kit: host-side helpers to set up and inspect the emulated workspace outside any
 * execution (seed a directory, open a spreadsheet as a table, read the outbox, dump the state).
 * Everything here acts on a `Workspace` (`emu.ws`) with no cost and no quota; the script never
 * sees these calls.
 */
export { cacheContents, evictAllCaches } from "./services/cache.js";
export {
  NOT_AUTHORIZED,
  addOrgUnit,
  checkUserPassword,
  configureDirectory,
  directoryState,
  directoryStateObject,
  directoryUser,
  seedGroup,
  seedUser,
} from "./services/directory.js";
export { docsState, documentRevisions, documentText } from "./services/docs.js";
export { driveState, getDriveItem, markCreatedByProject } from "./services/drive.js";
export { formQuestions, openForm, parseCsv, parseFormsCsv } from "./services/forms.js";
export { formsState } from "./services/forms/model.js";
export { harnessLog } from "./services/logger.js";
export { outbox, writeOutbox, type SentMail } from "./services/mail.js";
export { propertiesDump, scriptPropertiesOf } from "./services/properties.js";
export { TOO_MANY_TRIGGERS, skipMissedRuns } from "./services/script.js";
export { chartSpecs, type Sheet, type Spreadsheet } from "./services/sheets.js";
export { columnLetter } from "./services/sheets/a1.js";
export {
  cellInfo,
  createBoundSpreadsheet,
  createStandaloneSpreadsheet,
  exportSpreadsheetCsv,
  menus,
  openSpreadsheet,
  shareByLink,
  sheetToTable,
  toCsv,
  toasts,
} from "./services/sheets/host.js";
export { sheetsState } from "./services/sheets/state.js";
export { dumpWorkspace } from "./dump.js";
export { cloneWorkspace } from "./runtime/snapshot.js";
