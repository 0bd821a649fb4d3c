/**
 * The Apps Script entry points and nothing else. Every export here becomes a real top-level
 * function in dist/Code.js (see scripts/build.ts).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createMenu("Surel").addItem("Siapkan (setup)", "setup").addToUi();
}

export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  console.info("onFormSubmit", e.range.getRow());
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  console.info("onEdit", e.range.getA1Notation());
}

export function setup(): void {
  console.info("setup", SpreadsheetApp.getActiveSpreadsheet().getId());
}
