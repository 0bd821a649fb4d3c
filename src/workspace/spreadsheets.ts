/**
 * Spreadsheets other than the register (the yearly archives, found by their ids), and the flush
 * that makes pending writes visible to the next read.
 */
export function openSpreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.openById(id);
}

export function flushSpreadsheets(): void {
  SpreadsheetApp.flush();
}
