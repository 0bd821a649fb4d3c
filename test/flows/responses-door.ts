/**
 * The `--responses` door: rows of a Forms CSV export put into the responses sheet as the form
 * itself would write them, for the sweep to register. Shared by `npm start -- --responses` and the
 * flow tests, so that both go through the same door.
 */
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { openSpreadsheet, scriptPropertiesOf } from "gas-emulator/testkit";
import type { Office } from "./harness.js";
import { WORK_AT_PROPERTY } from "../../src/workspace/sweepstate.js";

const isStamp = (k: string): boolean => /^(Timestamp|Stempel waktu|Cap waktu)$/i.test(k);

/**
 * An answer as the form writes it: the form never writes a formula, so an answer that Sheets
 * would read as one ("=HYPERLINK(…)") gets the apostrophe that forces text (not stored).
 */
export function answerInput(value: string): string {
  return value.startsWith("=") ? `'${value}` : value;
}

/**
 * Appends the records (question title → answer; a timestamp column as typed)
 * to the responses sheet. Columns the form does not have are added and returned (intake reports
 * them). Returns the response rows written.
 */
export function appendResponses(
  office: Office,
  records: Record<string, string>[],
): { unknown: string[]; rows: number[] } {
  const ss = openSpreadsheet(office.emu.ws, office.ssId);
  const sheet = ss.getSheetByName(SHEET_NAMES.responses);
  if (!sheet) throw new Error("no responses sheet");
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const unknown = [...new Set(records.flatMap((r) => Object.keys(r)))].filter(
    (k) => !header.includes(k) && !isStamp(k),
  );
  if (unknown.length) {
    sheet.getRange(1, header.length + 1, 1, unknown.length).setValues([unknown]);
    header.push(...unknown);
  }
  const rows: number[] = [];
  for (const rec of records) {
    // The timestamp goes in as typed in the export (the program reads it by the spreadsheet's
    // locale); a record without one gets the current time.
    const stamp = Object.entries(rec).find(([k]) => isStamp(k))?.[1] ?? "";
    const first: string | Date = stamp !== "" ? stamp : new Date(office.emu.ws.now());
    sheet.appendRow(header.map((h, i) => (i === 0 ? first : answerInput(rec[h] ?? ""))));
    rows.push(sheet.getLastRow());
  }
  // Rows put in without their triggers: the work mark an administrator's "Jalankan penyapuan
  // sekarang" would set, so that the next sweep registers them rather than the hourly full pass
  // (domain/sweepplan.ts).
  scriptPropertiesOf(office.emu.ws).set(WORK_AT_PROPERTY, String(office.emu.ws.now()));
  return { unknown, rows };
}
