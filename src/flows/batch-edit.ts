/**
 * Acting on a whole batch from its row in Permohonan Massal (flows/batch.ts): each member at the
 * batch's stage is decided by the workflow table, logged and written as if acted on alone; the
 * next stage hears of the batch once.
 */
import { batchStage } from "../domain/batch.js";
import { formatDateTime } from "../domain/dates.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { actionLabel, decide, parseAction, RULES, type Decision } from "../domain/workflow.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { errorText, logError } from "../workspace/errors.js";
import { appendLog } from "../workspace/log.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { journalNoteAuthor, noteIsOwn } from "../workspace/notes.js";
import { registerTable, rowState, stageLabel } from "../workspace/register.js";
import { cellText } from "../workspace/registercodec.js";
import { editorEmail } from "../workspace/session.js";
import { applyDecision, scheduleWorker } from "./decide.js";

import { batchNotice, batchTable, members, memberStates, refreshBatchRow, type BatchTable } from "./batch.js";

// ── Acting on the whole batch (the Permohonan Massal dropdown) ──────────────────

export type BatchEditOutcome =
  | { kind: "ignored" | "note" }
  | { kind: "batch"; batch: string; action: string; applied: number; skipped: number; left: number }
  | { kind: "refused"; ticket: string; reason: string };

/** How long a batch action may apply members before it stops (the edit's 6 minutes). */
const BATCH_ACTION_BUDGET_MS = 4 * 60_000;
/** Members decided, logged and written per log append. */
const CHUNK = 50;

export function handleBatchEdit(e: GoogleAppsScript.Events.SheetsOnEdit, ctx: Ctx): BatchEditOutcome {
  const start = Date.now();
  const range = e.range;
  const table = batchTable(ctx);
  if (!table || range.getRow() < 2) return { kind: "ignored" };
  const actor = editorEmail(e.user).toLowerCase();
  if (range.getNumRows() > 1 || range.getNumColumns() > 1) {
    // A paste over several cells is no choice: the action cells it covered are cleared, and said so.
    const action = table.col("action");
    if (range.getColumn() > action || range.getLastColumn() < action) return { kind: "ignored" };
    const cells = table.sheet.getRange(range.getRow(), action, range.getNumRows(), 1);
    cells.setValues(Array.from({ length: range.getNumRows() }, () => [""]));
    const reason = t(ctx.config.language, "batch.refuse.paste");
    cells.setNote(t(ctx.config.language, "edit.undone_note", { reason }));
    return { kind: "refused", ticket: "", reason };
  }
  const value = e.value === undefined ? "" : String(e.value);
  const id = String(table.sheet.getRange(range.getRow(), table.col("batchId")).getValue());
  if (range.getColumn() === table.col("note")) {
    if (id) journalNoteAuthor(ctx, id, actor, value);
    return { kind: "note" };
  }
  if (range.getColumn() !== table.col("action") || value.trim() === "") return { kind: "ignored" };
  return applyBatchAction(ctx, table, range, actor, value, () => Date.now() - start < BATCH_ACTION_BUDGET_MS);
}

/**
 * A batch action that could not take the script lock in time: nothing was decided or written. The
 * choice is not left standing as if applied: the action cell is cleared with a note and a toast
 * saying to choose again, and the error log says what happened (as for the register's edits).
 */
export function batchBusy(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
  err: unknown,
): BatchEditOutcome {
  const lang = ctx.config.language;
  const table = batchTable(ctx);
  const id = table ? String(table.sheet.getRange(cell.getRow(), table.col("batchId")).getValue()) : "";
  // Applied after all (the lock was lost after the write): the cell is already empty.
  if (String(cell.getValue()) !== value) return { kind: "ignored" };
  const reason = t(lang, "edit.busy");
  cell.setValue("");
  cell.setNote(t(lang, "edit.undone_note", { reason }));
  try {
    ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
  } catch {
    // the note stays; a toast is a courtesy
  }
  logError(
    ctx.ss,
    "onRegisterEdit",
    id,
    t(lang, "edit.busy_logged", { cell: cell.getA1Notation(), actor: actor || "-", detail: errorText(err) }),
  );
  return { kind: "refused", ticket: id, reason };
}

function undoBatch(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  id: string,
  actor: string,
  value: string,
  reason: string,
): BatchEditOutcome {
  const lang = ctx.config.language;
  cell.setValue("");
  cell.setNote(t(lang, "edit.undone_note", { reason }));
  appendLog(ctx, [
    {
      ticket: "",
      from: "",
      to: "",
      action: "ditolak_sistem",
      actor: actor || t(lang, "common.unknown"),
      timeMs: Date.now(),
      note: asSheetText(`${t(lang, "batch.log.action", { batch: id || "-", action: value })}: ${reason}`),
    },
  ]);
  try {
    ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
  } catch {
    // the note stays; a toast is a courtesy
  }
  return { kind: "refused", ticket: id, reason };
}

function applyBatchAction(
  ctx: Ctx,
  table: BatchTable,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
  budget: () => boolean,
): BatchEditOutcome {
  const { config } = ctx;
  const lang = config.language;
  const rowNumber = cell.getRow();
  const mails: OutgoingMail[] = [];
  return withOutbox(ctx, mails, (): BatchEditOutcome => {
    const batch = table.read(rowNumber);
    const id = String(batch.batchId);
    const refuse = (reason: string): BatchEditOutcome => undoBatch(ctx, cell, id, actor, value, reason);
    if (!id) return refuse(t(lang, "edit.not_a_request"));
    const action = parseAction(value);
    if (!action) return refuse(t(lang, "workflow.unknown_action", { action: value }));
    const written = String(batch.note);
    const own = noteIsOwn(ctx, id, written, actor);
    if (!own.ok && RULES[action].reasonRequired)
      return refuse(t(lang, "edit.note_not_own", { by: own.by || t(lang, "common.unknown") }));
    const note = own.ok ? written : "";
    const all = members(ctx, id);
    const stage = batchStage(config, memberStates(all));
    if (!stage) return refuse(t(lang, "batch.refuse.closed"));
    // The cells as written, as memberStates gave them to batchStage.
    const at = all.filter(
      (m) => cellText(m.row.stageKey) === stage.stageKey && cellText(m.row.status) === stage.status,
    );
    const skipped = all.filter(
      (m) =>
        !at.includes(m) &&
        cellText(m.row.stageKey) !== "" &&
        ["baru", "diproses", "disetujui"].includes(cellText(m.row.status)),
    );
    const register = registerTable(ctx.ss);
    const now = Date.now();
    let applied = 0;
    let firstRefusal = "";
    const stageNotices = new Map<string, { emails: string[]; reason: string; action: string }>();
    let i = 0;
    for (; i < at.length; i += CHUNK) {
      if (i > 0 && !budget()) break;
      const chunk: { m: (typeof at)[number]; d: Extract<Decision, { ok: true }> }[] = [];
      for (const m of at.slice(i, i + CHUNK)) {
        const d = decide({ state: rowState(m.row), actor, action, note, config, nowMs: now });
        if (d.ok) chunk.push({ m, d });
        else firstRefusal ||= d.reason;
      }
      const logged = appendLog(
        ctx,
        chunk.map(({ m, d }) => ({
          ...d.logEntry,
          ticket: cellText(m.row.ticket),
          note: [
            d.logEntry.note,
            t(lang, "batch.log.action", { batch: id, action: actionLabel(lang, action) }),
          ]
            .filter(Boolean)
            .join("; "),
        })),
      );
      chunk.forEach(({ m, d }, k) => {
        applyDecision(ctx, register, m.rowNumber, m.row, d, {
          action,
          actor,
          seq: logged[k]!.seq,
          nowMs: now,
          leftStageKey: cellText(m.row.stageKey),
          mails,
          batch: true,
        });
        for (const n of d.notify)
          if (n.audience === "stage" && !stageNotices.has(n.stageKey))
            stageNotices.set(n.stageKey, { emails: n.emails, reason: n.reason, action: n.action });
      });
      applied += chunk.length;
    }
    const left = Math.max(0, at.length - i);
    if (applied === 0)
      return refuse(
        firstRefusal || t(lang, "batch.refuse.none", { stage: stageLabel(config, stage.stageKey) }),
      );
    if (action === "buat_akun") scheduleWorker(ctx, id, now);
    if (written.trim() !== "") journalNoteAuthor(ctx, id, actor, "");
    const result = [
      t(lang, "batch.result.applied", {
        action: actionLabel(lang, action),
        actor,
        time: formatDateTime(now, ctx.offset, lang),
        applied,
      }),
      skipped.length > 0
        ? t(lang, "batch.result.skipped", {
            skipped: skipped.length,
            tickets: skipped.map((m) => cellText(m.row.ticket)).join(", "),
          })
        : "",
      left > 0 ? t(lang, "batch.result.partial", { left }) : "",
    ]
      .filter(Boolean)
      .join(" ");
    cell.clearNote();
    refreshBatchRow(ctx, table, rowNumber, members(ctx, id), {
      action: "",
      note: "",
      result: asSheetText(result),
    });
    const url = rowUrl(ctx.ss, table.sheet, rowNumber);
    for (const [stageKey, n] of stageNotices)
      mails.push(
        batchNotice(ctx, id, String(batch.opd), applied, stageKey, n.emails, url, {
          action: actionLabel(lang, action),
          actor,
          reason: n.reason,
        }),
      );
    return { kind: "batch", batch: id, action, applied, skipped: skipped.length, left };
  });
}
