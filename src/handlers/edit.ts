/**
 * The register-edit door (the installable edit trigger), by the sheet edited:
 * - a settings sheet → the configuration is read again and its problems shown (flows/settingsedit.ts);
 * - the admin sheet → its commands (flows/admin.ts); Permohonan Massal → a batch's action (flows/batch.ts);
 * - the register: the action column of one row → the decision (flows/decide.ts); the address column
 *   → the staff's override (flows/address.ts); the note column → who wrote it; any other column,
 *   or a paste over several cells → undone and logged (flows/registeredit.ts).
 * An edit that cannot take the script lock in time (register or batch) is undone with a message to
 * choose again: nothing is decided, nothing is lost.
 */
import { context } from "../workspace/context.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { editorEmail } from "../workspace/session.js";
import { SETTINGS_SHEET_NAMES } from "../workspace/settings.js";
import { overrideAddress } from "../flows/address.js";
import { handleAdminEdit, type AdminOutcome } from "../flows/admin.js";
import { batchBusy, handleBatchEdit, type BatchEditOutcome } from "../flows/batch-edit.js";
import { applyAction } from "../flows/decide.js";
import {
  busy,
  col,
  isLockTimeout,
  journalNote,
  refusePaste,
  refuseProgramColumn,
  type RegisterEditOutcome,
} from "../flows/registeredit.js";
import { settingsEdited } from "../flows/settingsedit.js";

export type EditOutcome = { kind: "settings" } | AdminOutcome | BatchEditOutcome | RegisterEditOutcome;

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): EditOutcome {
  if (!e || !e.range) return { kind: "ignored" };
  const range = e.range;
  const name = range.getSheet().getName();
  if (SETTINGS_SHEET_NAMES.includes(name)) return settingsEdited(range);
  if (name === SHEET_NAMES.admin) return handleAdminEdit(e);
  const value = e.value === undefined ? "" : String(e.value);
  if (name === SHEET_NAMES.batches) {
    const ctx = context();
    try {
      return handleBatchEdit(e, ctx);
    } catch (err) {
      if (!isLockTimeout(err)) throw err;
      return batchBusy(ctx, range, editorEmail(e.user), value, err);
    }
  }
  if (name !== SHEET_NAMES.register) return { kind: "ignored" };
  const column = range.getColumn();
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  if (range.getRow() === 1 && rows === 1) return { kind: "ignored" };
  const actor = editorEmail(e.user);
  const ctx = context();

  if (rows > 1 || cols > 1) return refusePaste(ctx, range, actor);
  if (column === col("note")) return journalNote(ctx, range, actor, value);
  try {
    if (column === col("action")) return applyAction(ctx, range, actor, value);
    if (column === col("address")) return overrideAddress(ctx, range, actor, value, e.oldValue);
    return refuseProgramColumn(ctx, range, actor, e.oldValue);
  } catch (err) {
    if (!isLockTimeout(err)) throw err;
    return busy(ctx, range, actor, column, value, err);
  }
}
