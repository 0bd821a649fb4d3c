/**
 * What every handler needs once per execution: the bound spreadsheet, the configuration, the
 * office's UTC offset and the SHA-256 used by the log. Built lazily; nothing at module load.
 */
import type { OfficeConfig } from "../domain/config.js";
import { zoneOffsetMinutes } from "../domain/calendar.js";
import { digestToHex, type Sha256 } from "../domain/audit.js";
import { loadConfig, type LoadedConfig } from "./settings.js";

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
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const loaded = loadConfig(ss);
  return {
    ss,
    loaded,
    config: loaded.config,
    offset: zoneOffsetMinutes(loaded.config.timeZone) ?? 420,
    sha256,
  };
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
