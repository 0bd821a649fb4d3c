/**
 * Failures nobody would otherwise see: every caught error that leaves work undone is written to
 * the error log sheet (and the execution log), so a Diskominfo administrator can see it.
 */
import { markWork } from "./sweepstate.js";
import { ERROR_COLUMNS, SHEET_NAMES } from "./schema.js";
import { Table } from "./table.js";
import { asSheetText } from "../domain/sanitize.js";

export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name === "Error" ? "" : e.name + ": "}${e.message}`;
  return String(e);
}

export function logError(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  handler: string,
  ticket: string,
  e: unknown,
  opts: { leavesWork?: boolean } = {},
): void {
  const text = errorText(e);
  console.error(`${handler} ${ticket}: ${text}`);
  // A failure may leave work behind: the next sweep makes its full pass (domain/sweepplan.ts).
  // A refused caller leaves none (and must not be able to force full sweeps).
  if (opts.leavesWork !== false) markWork();
  try {
    const sheet = ss.getSheetByName(SHEET_NAMES.errors);
    if (!sheet) return;
    // Often called outside the script lock (and never worth waiting for it): an atomic append.
    new Table(sheet, ERROR_COLUMNS).appendAtomic({
      time: new Date(),
      handler,
      ticket,
      message: asSheetText(text.slice(0, 2000)),
    });
  } catch (inner) {
    console.error(`error log unavailable: ${errorText(inner)}`);
  }
}
