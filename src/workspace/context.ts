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

/** A link that opens the spreadsheet at a sheet's row. */
export function rowUrl(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
): string {
  return `${ss.getUrl()}#gid=${sheet.getSheetId()}&range=A${row}`;
}
