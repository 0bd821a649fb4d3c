/**
 * Officials act by editing the register. The installable edit trigger:
 * - a settings sheet was edited → the cached configuration is dropped;
 * - the action column of one row → the workflow table decides; an allowed action is applied to the
 *   row, logged (hash-chained) and notified; anything else is undone, explained (cell note and
 *   toast) and the attempt logged;
 * - the address column (staff override) → checked like a proposed address;
 * - the note column → nothing to do (the note is read when the action is chosen);
 * - any other column, or a paste over several cells that touches the workflow columns → undone
 *   whole where the previous values are known, and logged.
 * All register and log writes of one disposition happen under the script lock; mail after it.
 */
import type { OfficeConfig } from "../domain/config.js";
import { stateLabel } from "../domain/audit.js";
import { checkUsername } from "../domain/naming.js";
import { t } from "../domain/text/index.js";
import { namingPolicyFromConfig } from "../domain/naming.js";
import { composeCorrectionMail, formatDateTime } from "../domain/intake.js";
import { formatProvisionState } from "../domain/provisioning.js";
import { composeAdminNotice, composeApplicantNotice, type ApplicantNoticeKind } from "../domain/notices.js";
import { formatDuration, zoneOffsetMinutes } from "../domain/calendar.js";
import {
  decide,
  parseAction,
  RULES,
  stepDeadlines,
  actionName,
  type Decision,
  type Notice,
  type RequestState,
} from "../domain/workflow.js";
import { asSheetText } from "../domain/sanitize.js";
import { isStatus, type Status } from "../domain/request.js";
import { context, publishedFormUrl, rowUrl, type Ctx } from "../workspace/context.js";
import { candidateFacts, duplicateCheck, dupKeys } from "../workspace/duplicates.js";
import { decodeAccountType } from "../workspace/registercodec.js";
import { errorText, logError } from "../workspace/errors.js";
import { withScriptLock } from "../workspace/lock.js";
import { appendLog, readEntry } from "../workspace/log.js";
import { rowAfterRemovals } from "../workspace/archive.js";
import { journalNoteAuthor, noteIsOwn } from "../workspace/notes.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import {
  actionLabels,
  personalDataIntact,
  personalDigest,
  registerTable,
  rowState,
  setActionChoices,
  stageLabel,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { REGISTER_COLUMNS, SHEET_NAMES, type RegisterKey } from "../workspace/schema.js";
import { parseRegisterType } from "../domain/services.js";
import { sheetCell, type Cell } from "../workspace/table.js";
import { invalidateConfig, loadConfig, SETTINGS_SHEET_NAMES } from "../workspace/settings.js";
import { stageMail } from "./intake.js";
import { ensureWorker } from "../workspace/worker.js";
import { handleAdminEdit, type AdminOutcome } from "../flows/admin.js";
import { handleBatchEdit, type BatchEditOutcome } from "../flows/batch.js";

export type EditOutcome =
  | { kind: "ignored" | "settings" | "note" }
  | AdminOutcome
  | BatchEditOutcome
  | { kind: "applied"; ticket: string; action: string; status: string }
  | { kind: "refused"; ticket: string; reason: string }
  | { kind: "address"; ticket: string; address: string; ok: boolean; reason?: string };

const col = (key: RegisterRow extends Record<infer K, unknown> ? K : never): number =>
  REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
const WORKFLOW_COLUMNS = new Set(REGISTER_COLUMNS.filter((c) => c.editable).map((c) => col(c.key)));

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): EditOutcome {
  if (!e || !e.range) return { kind: "ignored" };
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (SETTINGS_SHEET_NAMES.includes(name)) {
    // The cached configuration is dropped and the settings read again at once, so that an
    // administrator who made a mistake hears of it now (in the office's language) rather than at the next setup.
    invalidateConfig();
    const ss = range.getSheet().getParent();
    const loaded = loadConfig(ss);
    const lang = loaded.config.language;
    const errors = loaded.problems.filter((p) => p.level === "error");
    if (errors.length > 0) {
      const text = errors
        .slice(0, 3)
        .map((p) => {
          const at = { sheet: p.sheet, key: p.key, message: p.message };
          return p.row
            ? t(lang, "settings.problem_at_row", { ...at, row: p.row })
            : t(lang, "settings.problem_at", at);
        })
        .join(" \u2022 ");
      const more = errors.length > 3 ? ` ${t(lang, "settings.edit.more", { count: errors.length - 3 })}` : "";
      const logged = t(lang, "settings.edit.logged", { problems: `${text}${more}` });
      // The note on the edited cell is the message that stays (a toast from a trigger may reach
      // only the trigger's owner); the error log keeps it too.
      range.setNote(logged);
      ss.toast(`${text}${more}`, t(lang, "settings.edit.title"), 30);
      logError(ss, "onRegisterEdit", "", logged);
    } else if (range.getNumRows() === 1 && range.getNumColumns() === 1) {
      // A problem this cell had is solved: its note from the program goes (an administrator's own stays).
      const note = range.getNote();
      const ours = ["id", "en"].some((l) =>
        note.startsWith(t(l as typeof lang, "settings.edit.logged", { problems: "" })),
      );
      if (ours) range.clearNote();
    }
    return { kind: "settings" };
  }
  if (name === SHEET_NAMES.admin) return handleAdminEdit(e);
  if (name === SHEET_NAMES.batches) return handleBatchEdit(e, context());
  if (name !== SHEET_NAMES.register) return { kind: "ignored" };
  const row = range.getRow();
  const column = range.getColumn();
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  if (row === 1 && rows === 1) return { kind: "ignored" };
  const actor = (e.user ? e.user.getEmail() : "") || Session.getActiveUser().getEmail();
  const ctx = context();

  if (rows > 1 || cols > 1) return refusePaste(ctx, range, actor);
  if (column === col("note"))
    return journalNote(ctx, range, actor, e.value === undefined ? "" : String(e.value));
  const value = e.value === undefined ? "" : String(e.value);
  try {
    if (column === col("action")) return applyAction(ctx, range, actor, value);
    if (column === col("address")) return overrideAddress(ctx, range, actor, value, e.oldValue);
    return refuseProgramColumn(ctx, range, actor, e.oldValue);
  } catch (err) {
    if (!isLockTimeout(err)) throw err;
    return busy(ctx, range, actor, column, value, err);
  }
}

/**
 * Who wrote a row's note: the note is an official's reason (logged, mailed to the applicant), but
 * any editor of the register can type in the note column (workspace/notes.ts).
 */
function journalNote(
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
function isLockTimeout(e: unknown): boolean {
  return /^Lock timeout|lock timed out/i.test(e instanceof Error ? e.message : String(e));
}

/**
 * The edit could not take the lock: nothing was decided or written. The official's choice is not
 * left standing as if it had been applied: the action cell is cleared (an address cell gets the
 * recorded address back) with a note and a toast saying to choose again, and the error log says
 * what happened. Without the lock the row is only read; the cell write is one call.
 */
function busy(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  column: number,
  value: string,
  err: unknown,
): EditOutcome {
  const lang = ctx.config.language;
  const table = registerTable(ctx.ss);
  const row = table.read(cell.getRow());
  const ticket = String(row.ticket);
  const reason = t(lang, "edit.busy");
  if (column === col("action")) {
    // Applied after all (the lock was lost after the write): the cell is already empty.
    if (String(row.action) !== value) return { kind: "ignored" };
    undo(ctx, cell, "", reason);
  } else if (column === col("address")) {
    undo(ctx, cell, table.cellFor("address", String(row.addressRecorded)), reason);
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
function undo(ctx: Ctx, cell: GoogleAppsScript.Spreadsheet.Range, restore: Cell, reason: string): void {
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
function previousValue(ctx: Ctx, key: RegisterKey, oldValue: unknown): Cell {
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

function logAttempt(ctx: Ctx, ticket: string, at: string, actor: string, what: string, reason: string): void {
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

function applyAction(
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
    if (String(row.action).trim() !== value.trim()) {
      // The yearly archive may have removed rows above it since the edit (workspace/archive.ts).
      const moved = rowAfterRemovals(table, rowNumber, "action", value);
      if (moved) {
        rowNumber = moved.rowNumber;
        row = moved.row;
        cell = table.sheet.getRange(rowNumber, table.col("action"));
      }
    }
    const state: RequestState = rowState(row);
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
      const held = heldFrom(ctx, state.ticket, Number(row.lastLogSeq));
      if (held) state.heldFrom = held;
    }
    const written = String(row.note);
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
      logAttempt(
        ctx,
        state.ticket,
        stateLabel(state.status, state.stageKey),
        actor,
        t(lang, "edit.log.action", { value }),
        decision.reason,
      );
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
  const times = String(row.stageTimes);
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
  const ticket = String(row.ticket);
  if (String(row.note).trim() !== "") journalNoteAuthor(ctx, ticket, opts.actor, "");
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
  const ticket = String(row.ticket);
  const name = String(row.fullName) || String(row.name);
  const url = rowUrl(ctx.ss, table.sheet, rowNumber);
  const applicantEmail = String(row.personalEmail);
  for (const n of decision.notify) {
    if (n.audience === "stage") {
      if (!stageNotices) continue;
      const req = {
        ticket,
        fullName: String(row.fullName),
        name: String(row.name),
        opdName: String(row.opd),
        stageKey: n.stageKey,
        responsible: n.emails,
      };
      const due = row.dueAt instanceof Date ? row.dueAt.getTime() : null;
      mails.push(
        stageMail(
          ctx,
          req,
          url,
          due,
          String(row.duplicate).split("\n")[0] ?? "",
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

/** Staff override of the address: same rules as a proposed address, and only at the last stage. */
function overrideAddress(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
  oldValue: unknown,
): EditOutcome {
  const { config } = ctx;
  const lang = config.language;
  const rowNumber = cell.getRow();
  const mails: OutgoingMail[] = [];
  return withOutbox(ctx, mails, (): EditOutcome => {
    const table = registerTable(ctx.ss);
    const row = table.read(rowNumber);
    const state = rowState(row);
    const recorded = String(row.addressRecorded);
    const refuse = (reason: string): EditOutcome => {
      undo(
        ctx,
        cell,
        recorded ? table.cellFor("address", recorded) : previousValue(ctx, "address", oldValue),
        reason,
      );
      logAttempt(
        ctx,
        state.ticket,
        stateLabel(state.status, state.stageKey),
        actor,
        t(lang, "edit.log.address", { value }),
        reason,
      );
      return { kind: "address", ticket: state.ticket, address: value, ok: false, reason };
    };
    const last = config.stages[config.stages.length - 1];
    const isAdmin = config.admins.includes(actor.toLowerCase());
    const atLast =
      last &&
      state.stageKey === last.key &&
      (last.officials.includes(actor.toLowerCase()) || last.delegates.includes(actor.toLowerCase()));
    if (!isAdmin && !atLast)
      return refuse(t(lang, "edit.address.who", { stage: last?.label ?? t(lang, "edit.address.technical") }));
    if (["membuat akun", "akun dibuat", "selesai", "ditolak"].includes(state.status))
      return refuse(t(lang, "edit.address.closed"));
    // A request about an existing account names its account: it is checked against the directory
    // as asked, never moved to another (domain/services.ts).
    if (parseRegisterType(row.requestType) !== "akun_baru") return refuse(t(lang, "edit.address.service"));
    const address = value.trim().toLowerCase();
    const at = address.lastIndexOf("@");
    const local = at >= 0 ? address.slice(0, at) : address;
    const domain = at >= 0 ? address.slice(at + 1) : config.domain;
    if (domain !== config.domain) return refuse(t(lang, "edit.address.domain", { domain: config.domain }));
    const problems = checkUsername(local, namingPolicyFromConfig(config).reserved, lang);
    if (problems.length) return refuse(problems.map((p) => p.message).join(" "));
    const full = `${local}@${config.domain}`;
    const applicant = {
      name: String(row.name),
      nip: String(row.nip),
      nik: String(row.nik),
      opdCode: String(row.opd),
      accountType: decodeAccountType(row.accountType) || "pribadi",
      unitAcronym: String(row.unitCode),
      proposedUsername: local,
    } as Parameters<typeof duplicateCheck>[0];
    const dup = duplicateCheck(applicant, state.ticket, candidateFacts(table, config, applicant), config);
    if (dup.proposed !== full)
      return refuse(
        `${t(lang, "edit.address.taken", { address: full })} ${dup.text.split("\n").slice(1).join(" ")}`.trim(),
      );
    const now = Date.now();
    // After approval ("Setujui dan teruskan"), a changed address goes back to the approving stage:
    // the approver sees it and approves again before an account can be made with it.
    const stages = config.stages;
    const here = stages.findIndex((s) => s.key === state.stageKey);
    // Approved = the request's last logged step is the approval (one read of that entry).
    const approvedNow =
      state.status === "disetujui" && readEntry(ctx, Number(row.lastLogSeq))?.action === "setujui";
    const approver = approvedNow && here > 0 ? stages[here - 1]! : null;
    const next = approver
      ? {
          status: "diproses" as const,
          stageKey: approver.key,
          responsible: [...approver.officials],
          stageEnteredMs: now,
        }
      : null;
    const due = next ? stepDeadlines(config, { stageKey: next.stageKey, stageEnteredMs: now }) : null;
    const note = `${recorded || t(lang, "common.empty")} \u2192 ${full}`;
    const [entry] = appendLog(ctx, [
      {
        ticket: state.ticket,
        from: stateLabel(state.status, state.stageKey),
        to: next ? stateLabel(next.status, next.stageKey) : stateLabel(state.status, state.stageKey),
        action: "ubah_alamat",
        actor,
        timeMs: now,
        note: next ? `${note}; ${t(lang, "edit.address.reapproval", { stage: approver!.label })}` : note,
      },
    ]);
    // The digest follows the new address only when the rest of the row is still the program's.
    // (The address cell already shows the typed value: the row before the edit had the recorded one.)
    const intact = personalDataIntact({ ...row, address: row.addressRecorded }, ctx.sha256);
    const changed: RegisterRow = { ...row, address: full, addressRecorded: full };
    changed.dupKeys = dupKeys(changed, config);
    const written: RegisterRow = {
      ...changed,
      duplicate: asSheetText(dup.text),
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now),
      ...(intact ? { dataDigest: personalDigest(changed, ctx.sha256) } : {}),
      ...(next
        ? {
            status: next.status,
            stage: stageLabel(config, next.stageKey),
            stageKey: next.stageKey,
            responsible: next.responsible.join(", "),
            stageEnteredAt: new Date(now),
            dueAt: due ? new Date(due.dueMs) : "",
            action: "",
          }
        : {}),
    };
    table.write(rowNumber, written);
    // The note is the message that stays: a toast from this trigger may never reach the editor.
    cell.setNote(t(lang, "edit.address.changed_note", { address: full, actor }));
    if (next) {
      setActionChoices(table, rowNumber, actionLabels(config, next.stageKey, next.status, row.requestType));
      mails.push(
        stageMail(
          ctx,
          {
            ticket: state.ticket,
            fullName: String(row.fullName),
            name: String(row.name),
            opdName: String(row.opd),
            stageKey: next.stageKey,
            responsible: next.responsible,
          },
          rowUrl(ctx.ss, table.sheet, rowNumber),
          due ? due.dueMs : null,
          String(dup.text).split("\n")[0] ?? "",
          t(lang, "edit.address.reapproval_action"),
          actor,
          note,
        ),
      );
      ctx.ss.toast(t(lang, "edit.address.sent_back", { address: full, stage: approver!.label }), "Surel", 8);
    } else {
      ctx.ss.toast(t(lang, "edit.address.changed", { address: full }), "Surel", 5);
    }
    return { kind: "address", ticket: state.ticket, address: full, ok: true };
  });
}

/** An edit to a column the program owns (possible only for those the protection lets through). */
function refuseProgramColumn(
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
    logAttempt(
      ctx,
      state.ticket,
      stateLabel(state.status, state.stageKey),
      actor,
      t(lang, "edit.log.column", { cell: cell.getA1Notation() }),
      reason,
    );
    return { kind: "refused", ticket: state.ticket, reason };
  });
}

/**
 * A paste over several cells. The workflow columns' resting values are known (action and note are
 * empty between actions; the address is the recorded one), so the whole paste is undone there;
 * for program columns the sweep restores the row from the log.
 */
function refusePaste(ctx: Ctx, range: GoogleAppsScript.Spreadsheet.Range, actor: string): EditOutcome {
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
