/**
 * The complaint desk's door: a complaint handler edited the Pengaduan sheet (the register's edit
 * trigger, src/main.ts). The complaints' use cases are src/flows/complaints.ts.
 */
import { respondToComplaint, type ComplaintEditOutcome } from "../flows/complaints.js";
import { context } from "../workspace/context.js";
import { COMPLAINT_SHEET, complaintColumn } from "../workspace/complaints.js";
import { journalNoteAuthor } from "../workspace/notes.js";
import { activeUserEmail } from "../workspace/session.js";

export type { ComplaintEditOutcome } from "../flows/complaints.js";

/** Whether an edit event is on the Pengaduan sheet. */
export function isComplaintEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): boolean {
  return !!e && !!e.range && e.range.getSheet().getName() === COMPLAINT_SHEET;
}

/** A handler edited the Pengaduan sheet. */
export function handleComplaintEdit(e: GoogleAppsScript.Events.SheetsOnEdit): ComplaintEditOutcome {
  const range = e.range;
  const rowNumber = range.getRow();
  if (rowNumber === 1) return { kind: "ignored" };
  const ctx = context();
  const actor = ((e.user ? e.user.getEmail() : "") || activeUserEmail()).toLowerCase();
  if (
    range.getNumRows() > 1 ||
    range.getNumColumns() > 1 ||
    range.getColumn() !== complaintColumn("action")
  ) {
    // Only the response and the action are the handlers'; the sheet's protection keeps the rest.
    if (range.getColumn() !== complaintColumn("response")) return { kind: "ignored" };
    // Every editor of the spreadsheet can type a response: its author is journaled, and an action
    // sends it only when the acting handler wrote it (a pasted block has no author: never sent).
    if (range.getNumRows() === 1 && range.getNumColumns() === 1) {
      const number = String(range.getSheet().getRange(rowNumber, complaintColumn("number")).getValue());
      if (number) journalNoteAuthor(ctx, number, actor, e.value === undefined ? "" : String(e.value));
    }
    return { kind: "note" };
  }
  const value = e.value === undefined ? "" : String(e.value);
  if (!value.trim()) return { kind: "ignored" };
  return respondToComplaint(ctx, range, rowNumber, value, actor);
}
