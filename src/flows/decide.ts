/**
 * An official's choice in the register's action column: the workflow table decides (domain/
 * workflow.ts); an allowed action is applied to the row, logged (hash-chained) and notified, all
 * register and log writes under the script lock and the mail after it; anything else is undone,
 * explained (cell note and toast) and the attempt logged. applyDecision is shared with the batch
 * actions (flows/batch.ts), which apply one decision to each member.
 */
import type { OfficeConfig } from "../domain/config.js";
import { formatDuration } from "../domain/calendar.js";
import { composeCorrectionMail } from "../domain/intakemail.js";
import { formatDateTime } from "../domain/dates.js";
import { composeAdminNotice, composeApplicantNotice, type ApplicantNoticeKind } from "../domain/notices.js";
import { formatProvisionState } from "../domain/provisioning.js";
import { isStatus, type Status } from "../domain/request.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import {
  actionName,
  decide,
  parseAction,
  RULES,
  stepDeadlines,
  type Decision,
  type Notice,
  type RequestState,
} from "../domain/workflow.js";
import { rowAfterRemovals } from "../workspace/archive.js";
import { publishedFormUrl, rowUrl, type Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { appendLog, readEntry } from "../workspace/log.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { journalNoteAuthor, noteIsOwn } from "../workspace/notes.js";
import {
  actionLabels,
  registerTable,
  rowState,
  setActionChoices,
  stageLabel,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { ensureWorker } from "../workspace/worker.js";
import { col, logAttempt, undo, type RegisterEditOutcome } from "./registeredit.js";
import { stageMail, stageRequestOf } from "./stagemail.js";
import { decodeRegisterRow } from "../workspace/registercodec.js";

type EditOutcome = RegisterEditOutcome;

/**
 * The status a held request had before "tahan", from the log entry the row last recorded (the
 * hold itself, unless something was logged since): one read. Undefined when it cannot be told.
 */
function heldFrom(ctx: Ctx, ticket: string, seq: number): Status | undefined {
  if (!(seq > 0)) return undefined;
  const entry = readEntry(ctx, seq);
  if (!entry || entry.ticket !== ticket || entry.action !== "tahan") return undefined;
  const status = entry.from.split("/")[0] ?? "";
  return isStatus(status) ? status : undefined;
}

export function applyAction(
  ctx: Ctx,
  edited: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
): EditOutcome {
  const { config } = ctx;
  const lang = config.language;
  if (value.trim() === "") return { kind: "ignored" }; // clearing the action cell is harmless
  let cell = edited;
  let rowNumber = cell.getRow();
  const mails: OutgoingMail[] = [];
  const outcome = withOutbox(ctx, mails, (): EditOutcome => {
    const table = registerTable(ctx.ss);
    let row = table.read(rowNumber);
    if (decodeRegisterRow(row).action.trim() !== value.trim()) {
      // The yearly archive may have removed rows above it since the edit (workspace/archive.ts).
      const moved = rowAfterRemovals(table, rowNumber, "action", value);
      if (moved) {
        rowNumber = moved.rowNumber;
        row = moved.row;
        cell = table.sheet.getRange(rowNumber, table.col("action"));
      }
    }
    const state: RequestState = rowState(row);
    const rec = decodeRegisterRow(row);
    // Between actions the action cell is empty: a refused choice is cleared (not set back to the
    // event's oldValue, which may be another official's choice made at the same moment).
    if (!state.ticket) {
      const reason = t(lang, "edit.not_a_request");
      undo(ctx, cell, "", reason);
      return { kind: "refused", ticket: "", reason };
    }
    const action = parseAction(value);
    const now = Date.now();
    if (action === "lanjutkan" && state.status === "ditahan") {
      const held = heldFrom(ctx, state.ticket, rec.lastLogSeq);
      if (held) state.heldFrom = held;
    }
    const written = rec.note;
    const own = noteIsOwn(ctx, state.ticket, written, actor);
    // A note someone else wrote is never taken as this official's reason: an action that needs a
    // reason is refused, any other goes ahead without the note.
    const needsReason = action ? RULES[action].reasonRequired : false;
    const note = own.ok ? written : "";
    const decision: Decision =
      !own.ok && needsReason
        ? {
            ok: false,
            code: "note_not_own",
            reason: t(lang, "edit.note_not_own", { by: own.by || t(lang, "common.unknown") }),
          }
        : action
          ? decide({ state, actor, action, note, config, nowMs: now })
          : {
              ok: false,
              code: "unknown_action",
              reason: t(lang, "workflow.unknown_action", { action: value }),
            };
    if (!decision.ok) {
      undo(ctx, cell, "", decision.reason);
      // The row's own dropdown, in case the cell was pasted over with another row's.
      setActionChoices(table, rowNumber, actionLabels(config, state.stageKey, state.status, row.requestType));
      logAttempt(ctx, state, actor, t(lang, "edit.log.action", { value }), decision.reason);
      return { kind: "refused", ticket: state.ticket, reason: decision.reason };
    }
    const [entry] = appendLog(ctx, [{ ...decision.logEntry, ticket: state.ticket }]);
    const next = applyDecision(ctx, table, rowNumber, row, decision, {
      action: action!,
      actor,
      seq: entry!.seq,
      nowMs: now,
      leftStageKey: state.stageKey,
      mails,
      cell,
    });
    return { kind: "applied", ticket: state.ticket, action: action!, status: next.status };
  });
  return outcome;
}

/**
 * Writes an allowed decision, already logged as `seq`, into its register row (under the lock): the
 * row's new state, its time at the stage left, "antre" for "Buat akun" (with the note on the action
 * cell), the next dropdown; the notices go onto `mails`. Returns the new state.
 */
export function applyDecision(
  ctx: Ctx,
  table: RegisterTable,
  rowNumber: number,
  row: RegisterRow,
  decision: Extract<Decision, { ok: true }>,
  opts: {
    action: string;
    actor: string;
    seq: number;
    nowMs: number;
    leftStageKey: string;
    mails: OutgoingMail[];
    /** The row's action cell when the caller has it (the edited cell). */
    cell?: GoogleAppsScript.Spreadsheet.Range;
    /** A batch sends the next stage one notice for all its members, and calls the worker once. */
    batch?: boolean;
  },
): Extract<Decision, { ok: true }>["next"] {
  const { config } = ctx;
  const lang = config.language;
  const now = opts.nowMs;
  const next = decision.next;
  const due = stepDeadlines(config, { stageKey: next.stageKey, stageEnteredMs: next.stageEnteredMs });
  const left = config.stages.find((s) => s.key === opts.leftStageKey);
  const rec = decodeRegisterRow(row);
  const times = rec.stageTimes;
  const stageTimes =
    left && next.stageEnteredMs === now
      ? `${times ? times + "; " : ""}${left.label}: ${formatDuration(decision.stepMinutes, lang)}${decision.late ? ` ${t(lang, "register.late")}` : ""}`
      : times;
  const updated: RegisterRow = {
    ...row,
    status: next.status,
    stage: stageLabel(config, next.stageKey),
    stageKey: next.stageKey,
    responsible: next.responsible.join(", "),
    action: "",
    note: "",
    dueAt: due ? new Date(due.dueMs) : "",
    stageEnteredAt: new Date(next.stageEnteredMs),
    stageTimes: asSheetText(stageTimes),
    lastLogSeq: opts.seq,
    updatedAt: new Date(now),
  };
  // "Buat akun" queues the request: the account is the provisioning worker's (worker.ts).
  const queued = opts.action === "buat_akun";
  if (queued) updated.provisioning = formatProvisionState({ label: "antre", atMs: now }, ctx.offset);
  table.write(rowNumber, updated);
  const { ticket } = rec;
  if (rec.note.trim() !== "") journalNoteAuthor(ctx, ticket, opts.actor, "");
  const cell = opts.cell ?? table.sheet.getRange(rowNumber, col("action"));
  if (queued) {
    cell.setNote(
      t(lang, "edit.queued_note", { time: formatDateTime(now, ctx.offset, lang), actor: opts.actor }),
    );
    if (!opts.batch) scheduleWorker(ctx, ticket, now);
  } else cell.clearNote();
  setActionChoices(table, rowNumber, actionLabels(config, next.stageKey, next.status, row.requestType));
  collectNotices(ctx, table, rowNumber, updated, decision, opts.mails, !opts.batch);
  return next;
}

/**
 * Under the lock of the decision: a worker trigger is pending or created. Should Apps Script refuse
 * it, the decision stands (the request is queued) and the sweep calls a worker.
 */
export function scheduleWorker(ctx: Ctx, ticket: string, now: number): void {
  try {
    ensureWorker(now);
  } catch (e) {
    logError(ctx.ss, "edit", ticket, e);
  }
}

function collectNotices(
  ctx: Ctx,
  table: RegisterTable,
  rowNumber: number,
  row: RegisterRow,
  decision: Extract<Decision, { ok: true }>,
  mails: OutgoingMail[],
  stageNotices = true,
): void {
  const { config } = ctx;
  const rec = decodeRegisterRow(row);
  const { ticket } = rec;
  const name = rec.fullName || rec.name;
  const url = rowUrl(ctx.ss, table.sheet, rowNumber);
  const applicantEmail = rec.personalEmail;
  for (const n of decision.notify) {
    if (n.audience === "stage") {
      if (!stageNotices) continue;
      mails.push(
        stageMail(
          ctx,
          stageRequestOf(rec, n.stageKey, n.emails),
          url,
          rec.dueMs,
          rec.duplicate.split("\n")[0] ?? "",
          actionName(config.language, n.action),
          decision.logEntry.actor,
          n.reason,
        ),
      );
    } else if (n.audience === "admins") {
      mails.push({
        ...composeAdminNotice({ ticket, name, note: n.reason, rowUrl: url }, config),
        to: n.emails,
        ticket,
      });
    } else if (applicantEmail) {
      const mail = applicantMail(config, n, ticket, name);
      if (mail) mails.push({ ...mail, to: [applicantEmail], ticket });
    }
  }
}

function applicantMail(config: OfficeConfig, n: Notice, ticket: string, name: string) {
  if (n.action === "kembalikan") {
    const formUrl = publishedFormUrl();
    return composeCorrectionMail(
      { ticket, name, items: [], note: n.reason, ...(formUrl ? { formUrl } : {}) },
      config,
    );
  }
  const kinds: Partial<Record<string, ApplicantNoticeKind>> = {
    tolak: "rejected",
    tahan: "held",
    lanjutkan: "resumed",
  };
  const kind = kinds[n.action];
  return kind ? composeApplicantNotice(kind, { ticket, name, reason: n.reason }, config) : null;
}
