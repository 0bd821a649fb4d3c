/**
 * The register's edits other than a decision or an address (flows/decide.ts, flows/address.ts):
 * a note typed (who wrote it), a program column overwritten (undone and logged), a paste over
 * several cells (undone where the resting values are known), and an edit that could not take the
 * lock (undone with a message: choose again).
 */
import { stateLabel } from "../domain/audit.js";
import type { Status } from "../domain/request.js";
import { zoneOffsetMinutes } from "../domain/calendar.js";
import { t } from "../domain/text/index.js";
import type { Ctx } from "../workspace/context.js";
import { errorText, logError } from "../workspace/errors.js";
import { withScriptLock } from "../workspace/lock.js";
import { appendLog } from "../workspace/log.js";
import { journalNoteAuthor } from "../workspace/notes.js";
import {
  actionLabels,
  registerTable,
  rowState,
  setActionChoices,
  type RegisterRow,
} from "../workspace/register.js";
import { decodeRegisterRow } from "../workspace/registercodec.js";
import { REGISTER_COLUMNS, type RegisterKey } from "../workspace/schema.js";
import { sheetCell, type Cell } from "../workspace/table.js";

export type RegisterEditOutcome =
  | { kind: "ignored" | "note" }
  | { kind: "applied"; ticket: string; action: string; status: string }
  | { kind: "refused"; ticket: string; reason: string }
  | { kind: "address"; ticket: string; address: string; ok: boolean; reason?: string };

type EditOutcome = RegisterEditOutcome;

/** The register column (1-based) of a key. */
export const col = (key: RegisterKey): number => REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
const WORKFLOW_COLUMNS = new Set(REGISTER_COLUMNS.filter((c) => c.editable).map((c) => col(c.key)));

/**
 * Who wrote a row's note: the note is an official's reason (logged, mailed to the applicant), but
 * any editor of the register can type in the note column (workspace/notes.ts).
 */
export function journalNote(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
): EditOutcome {
  const ticket = String(cell.getSheet().getRange(cell.getRow(), col("ticket")).getValue());
  if (ticket) journalNoteAuthor(ctx, ticket, actor, value);
  return { kind: "note" };
}

/** The script lock could not be had in time (another execution held it too long). */
export function isLockTimeout(e: unknown): boolean {
  return /^Lock timeout|lock timed out/i.test(e instanceof Error ? e.message : String(e));
}

/**
 * The edit could not take the lock: nothing was decided or written. The official's choice is not
 * left standing as if it had been applied: the action cell is cleared (an address cell gets the
 * recorded address back) with a note and a toast saying to choose again, and the error log says
 * what happened. Without the lock the row is only read; the cell write is one call.
 */
export function busy(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  column: number,
  value: string,
  err: unknown,
): EditOutcome {
  const lang = ctx.config.language;
  const table = registerTable(ctx.ss);
  const rec = decodeRegisterRow(table.read(cell.getRow()));
  const ticket = rec.ticket;
  const reason = t(lang, "edit.busy");
  if (column === col("action")) {
    // Applied after all (the lock was lost after the write): the cell is already empty.
    if (rec.action !== value) return { kind: "ignored" };
    undo(ctx, cell, "", reason);
  } else if (column === col("address")) {
    undo(ctx, cell, table.cellFor("address", rec.addressRecorded), reason);
  } else {
    cell.setNote(t(lang, "edit.undone_note", { reason }));
    ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
  }
  logError(
    ctx.ss,
    "onRegisterEdit",
    ticket,
    t(lang, "edit.busy_logged", { cell: cell.getA1Notation(), actor: actor || "-", detail: errorText(err) }),
  );
  return { kind: "refused", ticket, reason };
}

/** Undo a single-cell edit (the cell gets `restore`, exactly), explain it on the cell and to the editor. */
export function undo(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  restore: Cell,
  reason: string,
): void {
  cell.setValue(restore);
  const lang = ctx.config.language;
  cell.setNote(t(lang, "edit.undone_note", { reason }));
  ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
}

/**
 * The value a program column held before a person overwrote it, from the edit event's oldValue
 * (a string: dates come as spreadsheet serial numbers), typed for the column and guarded so that
 * the cell holds it again exactly (text stays text, a date a date).
 */
export function previousValue(ctx: Ctx, key: RegisterKey, oldValue: unknown): Cell {
  if (oldValue === undefined || oldValue === null || oldValue === "") return "";
  const text = String(oldValue);
  const def = REGISTER_COLUMNS[col(key) - 1]!;
  if (def.kind === "date" && /^-?\d+(\.\d+)?$/.test(text)) {
    const offset = zoneOffsetMinutes(ctx.ss.getSpreadsheetTimeZone()) ?? ctx.offset;
    return new Date(Math.round((Number(text) - SERIAL_EPOCH_DAYS) * 86_400_000) - offset * 60_000);
  }
  if (def.kind === "number" && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return sheetCell(text, def.plainText);
}

/** Days from the spreadsheet epoch (30 December 1899) to the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25569;

/** A refused edit in the log: the request stays where it was (`state`), the note says what and why. */
export function logAttempt(
  ctx: Ctx,
  state: { ticket?: string; status: Status; stageKey: string },
  actor: string,
  what: string,
  reason: string,
): void {
  const at = stateLabel(state.status, state.stageKey);
  const ticket = state.ticket ?? "";
  appendLog(ctx, [
    {
      ticket,
      from: at,
      to: at,
      action: "ditolak_sistem",
      actor: actor || t(ctx.config.language, "common.unknown"),
      timeMs: Date.now(),
      note: `${what}: ${reason}`,
    },
  ]);
}

/** An edit to a column the program owns (possible only for those the protection lets through). */
export function refuseProgramColumn(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  oldValue: unknown,
): EditOutcome {
  return withScriptLock((): EditOutcome => {
    const table = registerTable(ctx.ss);
    const row = table.read(cell.getRow());
    const lang = ctx.config.language;
    const reason = t(lang, "edit.program_column");
    const def = REGISTER_COLUMNS[cell.getColumn() - 1];
    const restore = def ? previousValue(ctx, def.key, oldValue) : sheetCell(String(oldValue ?? ""));
    undo(ctx, cell, restore, reason);
    if (def) row[def.key] = restore;
    const state = rowState(row);
    logAttempt(ctx, state, actor, t(lang, "edit.log.column", { cell: cell.getA1Notation() }), reason);
    return { kind: "refused", ticket: state.ticket, reason };
  });
}

/**
 * A paste over several cells. The workflow columns' resting values are known (action and note are
 * empty between actions; the address is the recorded one), so the whole paste is undone there;
 * for program columns the sweep restores the row from the log.
 */
export function refusePaste(ctx: Ctx, range: GoogleAppsScript.Spreadsheet.Range, actor: string): EditOutcome {
  const lang = ctx.config.language;
  const c0 = range.getColumn();
  const w = range.getNumColumns();
  const programTouched = [...Array(w).keys()].some((i) => !WORKFLOW_COLUMNS.has(c0 + i));
  // The message says what really happens: personal data a paste overwrote is not restored.
  const reason = t(lang, programTouched ? "edit.paste_program" : "edit.paste");
  return withScriptLock((): EditOutcome => {
    const table = registerTable(ctx.ss);
    const first = range.getRow();
    const n = range.getNumRows();
    const start = Math.max(first, 2);
    if (first + n - start < 1) return { kind: "ignored" }; // the header row only (the owner)
    const rows = table.sheet.getRange(start, 1, first + n - start, table.width).getValues();
    const restored = rows.map((v) => {
      const r = table.toRow(v as RegisterRow[keyof RegisterRow][]);
      return { ...r, action: "", note: "", address: r.addressRecorded };
    });
    // Only the workflow columns inside the pasted area are written back.
    const cols = [...WORKFLOW_COLUMNS].filter((c) => c >= c0 && c < c0 + w);
    for (const c of cols) {
      const key = REGISTER_COLUMNS[c - 1]!.key;
      table.sheet
        .getRange(start, c, restored.length, 1)
        .setValues(restored.map((r) => [table.cellFor(key, r[key])]));
    }
    // Pasted cells bring their own dropdowns along: each row gets its stage's back.
    if (cols.includes(col("action"))) {
      restored.forEach((r, i) => {
        const state = rowState(r);
        if (state.ticket)
          setActionChoices(
            table,
            start + i,
            actionLabels(ctx.config, state.stageKey, state.status, r.requestType),
          );
      });
    }
    range.setNote(t(lang, "edit.undone_note", { reason }));
    ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
    const tickets = restored.map((r) => String(r.ticket)).filter(Boolean);
    appendLog(ctx, [
      {
        ticket: tickets.join(",").slice(0, 200),
        from: "",
        to: "",
        action: "ditolak_sistem",
        actor: actor || t(lang, "common.unknown"),
        timeMs: Date.now(),
        note: `${t(lang, "edit.log.paste", { range: range.getA1Notation() })}: ${reason}`,
      },
    ]);
    if (programTouched)
      logError(
        ctx.ss,
        "onRegisterEdit",
        tickets.join(","),
        t(lang, "edit.paste_logged", { range: range.getA1Notation(), actor }),
      );
    return { kind: "refused", ticket: tickets.join(","), reason };
  });
}
