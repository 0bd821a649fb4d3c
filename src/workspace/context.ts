/**
 * What every handler needs once per execution: the register spreadsheet, the configuration, the
 * office's UTC offset and the SHA-256 used by the log. Built lazily; nothing at module load.
 *
 * The project is standalone (docs/SECURITY.md, "Trust boundary"): it is bound to no container, so
 * the register is opened by the id setup recorded in Script Properties. This module is the one
 * place that finds the spreadsheet.
 */
import type { OfficeConfig } from "../domain/config.js";
import { officeZoneOffset } from "../domain/dates.js";
import { digestToHex, type Sha256 } from "../domain/audit.js";
import { t } from "../domain/text/index.js";
import { configuredLanguage, loadConfig, type LoadedConfig } from "./settings.js";

/** Script Properties written by setup: the register's id and the one account that installs. */
export const REGISTER_ID_PROPERTY = "surel:registerId";
export const INSTALLER_PROPERTY = "surel:installer";

let registerMemo: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

/** The recorded register id, or "" before the first setup. */
export function recordedRegisterId(): string {
  return PropertiesService.getScriptProperties().getProperty(REGISTER_ID_PROPERTY) ?? "";
}

/** The account recorded by the first setup as the service account (lower case), or "". */
export function recordedInstaller(): string {
  return (PropertiesService.getScriptProperties().getProperty(INSTALLER_PROPERTY) ?? "").toLowerCase();
}

/** The register spreadsheet, opened by its recorded id once per execution. */
export function registerSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (registerMemo) return registerMemo;
  const id = recordedRegisterId();
  if (!id) throw new Error(t(configuredLanguage(), "trust.no_register"));
  registerMemo = SpreadsheetApp.openById(id);
  return registerMemo;
}

/** Setup created or opened the register: later calls in this execution use it. */
export function rememberRegister(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  registerMemo = ss;
}

export interface Ctx {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  loaded: LoadedConfig;
  config: OfficeConfig;
  offset: number;
  sha256: Sha256;
}

export const sha256: Sha256 = (text) =>
  digestToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));

export function context(): Ctx {
  const ss = registerSpreadsheet();
  const loaded = loadConfig(ss);
  return {
    ss,
    loaded,
    config: loaded.config,
    offset: officeZoneOffset(loaded.config.timeZone),
    sha256,
  };
}

/** Sheets found by name in this execution (a missing one is asked again: setup may create it). */
const sheetsByName = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();

/**
 * A sheet of the spreadsheet by name, asked once per execution: a handler can find its sheets
 * before taking the script lock, so that the critical section makes no call for them.
 */
export function sheetNamed(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const known = sheetsByName.get(name);
  if (known) return known;
  const sheet = ss.getSheetByName(name);
  if (sheet) sheetsByName.set(name, sheet);
  return sheet;
}

/** Each sheet's link without the row, once per execution (module state lives one execution). */
const sheetUrls = new Map<GoogleAppsScript.Spreadsheet.Sheet, string>();

/**
 * A link that opens the spreadsheet at a sheet's row. The spreadsheet's URL and the sheet's id are
 * asked once per execution and sheet: a handler can ask before taking the lock (`row` 0) and
 * build the links under it without a call.
 */
export function rowUrl(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
): string {
  let base = sheetUrls.get(sheet);
  if (base === undefined) {
    base = `${ss.getUrl()}#gid=${sheet.getSheetId()}`;
    sheetUrls.set(sheet, base);
  }
  return `${base}&range=A${row}`;
}

/** Where setup keeps the form's id (Script Properties), and a cached published URL. */
export const FORM_ID_PROPERTY = "surel:formId";
const FORM_URL_PROPERTY = "surel:formUrl";

/**
 * The form's public address, for mails that ask the applicant to submit again: one Properties
 * read once known (the address is kept next to the form id it belongs to); "" when there is no form.
 */
export function publishedFormUrl(): string {
  const props = PropertiesService.getScriptProperties();
  const all = props.getProperties();
  const id = all[FORM_ID_PROPERTY] ?? "";
  if (!id) return "";
  try {
    const known = JSON.parse(all[FORM_URL_PROPERTY] ?? "null") as { id: string; url: string } | null;
    if (known && known.id === id && known.url) return known.url;
  } catch {
    // an unreadable cached value is simply replaced
  }
  try {
    const url = FormApp.openById(id).getPublishedUrl();
    props.setProperty(FORM_URL_PROPERTY, JSON.stringify({ id, url }));
    return url;
  } catch {
    return ""; // the form was deleted or is not accessible: the mail goes without the link
  }
}
