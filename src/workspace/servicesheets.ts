/**
 * Setup's part for the status page and the complaints: the hidden, protected "Status Publik"
 * sheet and the "Pengaduan" sheet, each created once and repaired when run again.
 */
import type { Language } from "../domain/config.js";
import { t } from "../domain/text/index.js";
import { COMPLAINT_SHEET, prepareComplaintSheet } from "./complaints.js";
import { STATUS_COLUMNS, STATUS_SHEET, statusTable } from "./statusrecords.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function ensureServiceSheets(ss: Spreadsheet, lang: Language, created: string[]): void {
  const existed = !!ss.getSheetByName(STATUS_SHEET);
  if (!existed) created.push(STATUS_SHEET);
  const status = statusTable(ss, true, lang)!.sheet;
  if (existed) {
    const headers = STATUS_COLUMNS.map((c) => c[lang]);
    const have = status.getRange(1, 1, 1, headers.length).getDisplayValues()[0] ?? [];
    if (headers.some((h, i) => have[i] !== h)) status.getRange(1, 1, 1, headers.length).setValues([headers]);
  }
  // Only the program writes it (the installer's authority); nobody else, not even administrators.
  const protection = status.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? status.protect();
  protection.setDescription(t(lang, "setup.protect.status"));
  const me = Session.getEffectiveUser().getEmail();
  if (me) protection.addEditor(me);
  const others = protection.getEditors().filter((u) => u.getEmail().toLowerCase() !== me.toLowerCase());
  if (others.length > 0) protection.removeEditors(others.map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);

  let complaints = ss.getSheetByName(COMPLAINT_SHEET);
  if (!complaints) {
    created.push(COMPLAINT_SHEET);
    complaints = ss.insertSheet(COMPLAINT_SHEET);
  }
  prepareComplaintSheet(complaints, lang, []);
}
