/**
 * Setup's step 2 and 3: the program's sheets with their header rows, formats and protections (the
 * officials edit only action, note and address), the admin sheet, the settings sheets editable by
 * the administrators only, the bulk requests' sheets.
 */
import type { OfficeConfig } from "../../domain/config.js";
import { SHEETS } from "../../domain/settings.js";
import { t } from "../../domain/text/index.js";
import { DUP_INDEX_PROPERTY } from "../../workspace/duplicates.js";
import { scriptProperties } from "../../workspace/properties.js";
import {
  ADMIN_COLUMNS,
  CLAIM_COLUMNS,
  ERROR_COLUMNS,
  INDEX_COLUMNS,
  LOG_COLUMNS,
  QUEUE_COLUMNS,
  REGISTER_COLUMNS,
  SHEET_NAMES,
} from "../../workspace/schema.js";
import { ensureServiceSheets } from "../../workspace/servicesheets.js";
import {
  ensureAdminSheet,
  ensureHeader,
  ensureSheet,
  protectBatchSheets,
  protectSheet,
} from "../../workspace/sheetsetup.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The program's sheets, created when missing (their names added to `created`), and held. */
export function ensureProgramSheets(ss: Spreadsheet, config: OfficeConfig, created: string[]): void {
  const lang = config.language;
  // 2. The program's sheets.
  const register = ensureSheet(ss, SHEET_NAMES.register, created);
  ensureHeader(register, REGISTER_COLUMNS, lang);
  // The duplicate keys (the last column, protected): an empty register's index is complete, an
  // earlier build's register gets its keys at the sweep's next full pass (workspace/duplicates.ts).
  if (register.getLastRow() <= 1) scriptProperties().setProperty(DUP_INDEX_PROPERTY, "1");
  const log = ensureSheet(ss, SHEET_NAMES.log, created);
  ensureHeader(log, LOG_COLUMNS, lang, undefined, true);
  const index = ensureSheet(ss, SHEET_NAMES.responseIndex, created);
  ensureHeader(index, INDEX_COLUMNS, lang, 140, true);
  const queue = ensureSheet(ss, SHEET_NAMES.mailQueue, created);
  ensureHeader(queue, QUEUE_COLUMNS, lang, 180, true);
  const claims = ensureSheet(ss, SHEET_NAMES.mailClaims, created);
  ensureHeader(claims, CLAIM_COLUMNS, lang, 260, true);
  claims.getRange(2, 1, claims.getMaxRows() - 1, 1).setNumberFormat("@");
  const errors = ensureSheet(ss, SHEET_NAMES.errors, created);
  ensureHeader(errors, ERROR_COLUMNS, lang, 240);
  const adminSheet = ensureSheet(ss, SHEET_NAMES.admin, created);
  ensureHeader(adminSheet, ADMIN_COLUMNS, lang);

  // The status page's records and the complaints (pengaduan).
  ensureServiceSheets(ss, lang, created);

  // Formats: identifiers and hashes as plain text (Sheets would turn digits into numbers), times as date-times.
  const rows = register.getMaxRows();
  const col = (key: (typeof REGISTER_COLUMNS)[number]["key"]) =>
    REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
  for (const c of REGISTER_COLUMNS.filter((c) => c.plainText))
    register.getRange(2, col(c.key), rows - 1, 1).setNumberFormat("@");
  for (const c of REGISTER_COLUMNS.filter((c) => c.kind === "date"))
    register.getRange(2, col(c.key), rows - 1, 1).setNumberFormat("dd/MM/yyyy HH:mm");
  log.getRange(2, 2, log.getMaxRows() - 1, 1).setNumberFormat("dd/MM/yyyy HH:mm:ss");
  LOG_COLUMNS.forEach((c, i) => {
    if (c.plainText) log.getRange(2, i + 1, log.getMaxRows() - 1, 1).setNumberFormat("@");
  });

  // 3. Protection: the program's columns and sheets; officials edit only action, note and address.
  const editable = REGISTER_COLUMNS.map((c, i) => ({ c, i })).filter(({ c }) => c.editable);
  protectSheet(
    register,
    t(lang, "setup.protect.register"),
    [],
    editable.map(({ i }) => register.getRange(2, i + 1, rows - 1, 1)),
  );
  protectSheet(log, t(lang, "setup.protect.log"), []);
  protectSheet(index, t(lang, "setup.protect.index"), []);
  protectSheet(queue, t(lang, "setup.protect.queue"), []);
  protectSheet(claims, t(lang, "setup.protect.queue"), []);
  protectSheet(errors, t(lang, "setup.protect.errors"), []);
  ensureAdminSheet(adminSheet, config);
  for (const name of Object.values(SHEETS)) {
    const sheet = ss.getSheetByName(name);
    if (sheet) protectSheet(sheet, t(lang, "setup.protect.settings"), config.admins);
  }
  protectBatchSheets(ss, config);
}
