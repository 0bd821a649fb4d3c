/**
 * Complaints (pengaduan): filed on the status page, numbered ADU-yyMM-nnnn, one row in the
 * Pengaduan sheet, sent to the configured handlers; a handler answers by writing the response and
 * choosing an action in the row's dropdown (as officials do in the register); the complainant is
 * mailed every response. Every step is in the same hash-chained log as the requests.
 */
import { complaintCounterKey } from "../domain/keys.js";
import {
  checkComplaint,
  COMPLAINANT_ACTOR,
  complaintEscalation,
  complaintSubject,
  complaintNumber,
  complaintStateLabel,
  composeComplaintNotice,
  composeComplaintReceipt,
  composeComplaintResponse,
  decideComplaint,
  isComplaintStatus,
  parseComplaintAction,
  type CheckedComplaint,
  type ComplaintStatus,
} from "../domain/complaints.js";
import { addWorkingMinutes, calendarFromConfig, workingMinutesBetween } from "../domain/calendar.js";
import { formatMark, markForVisit, type TimedItem } from "../domain/reminders.js";
import { ticketPeriod } from "../domain/request.js";
import { asSheetText } from "../domain/sanitize.js";
import { message, t, type MessageRef } from "../domain/text/index.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { appendLog } from "../workspace/log.js";
import { journalNoteAuthor, noteIsOwn } from "../workspace/notes.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import {
  complaintTable,
  existingComplaintTable,
  setComplaintChoices,
  type ComplaintKey,
} from "../workspace/complaints.js";
import { scriptProperties } from "../workspace/properties.js";
import type { Cell, Row } from "../workspace/table.js";
import { cellMs } from "../workspace/register.js";
import type { ReminderSource } from "./reminders.js";

export type FileOutcome = { ok: true; number: string; dueMs: number } | { ok: false; problems: MessageRef[] };

/** Registers a checked complaint (the status page). The ticket is as the complainant typed it. */
export function registerComplaint(ctx: Ctx, c: CheckedComplaint): { number: string; dueMs: number } {
  const { config } = ctx;
  const lang = config.language;
  const mails: OutgoingMail[] = [];
  return withOutbox(ctx, mails, () => {
    const table = complaintTable(ctx.ss, lang, []);
    const now = Date.now();
    const period = ticketPeriod(now, ctx.offset);
    const props = scriptProperties();
    const key = complaintCounterKey(period);
    const serial = Number(props.getProperty(key) ?? "0") + 1;
    props.setProperty(key, String(serial));
    const number = complaintNumber(period, serial);
    const dueMs = addWorkingMinutes(now, config.complaintDesk.targetMinutes, calendarFromConfig(config));
    const [entry] = appendLog(ctx, [
      {
        ticket: number,
        from: "",
        to: complaintStateLabel("baru"),
        action: "pengaduan_diterima",
        actor: COMPLAINANT_ACTOR,
        timeMs: now,
        note: c.ticket ? t(lang, "complaint.log.about", { ticket: c.ticket }) : "",
      },
    ]);
    const row = table.append({
      number,
      receivedAt: new Date(now),
      status: "baru",
      ticket: c.ticket,
      name: asSheetText(c.name),
      email: asSheetText(c.email),
      text: asSheetText(c.text),
      handlers: config.complaintDesk.handlers.join(", "),
      action: "",
      response: "",
      dueAt: new Date(dueMs),
      reminders: "",
      lastResponseAt: "",
      closedAt: "",
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now),
    });
    setComplaintChoices(table, row, lang, true);
    mails.push({
      ...composeComplaintReceipt({ number, ticket: c.ticket, dueMs, offset: ctx.offset }, config),
      to: [c.email],
      ticket: number,
    });
    if (config.complaintDesk.handlers.length > 0)
      mails.push({
        ...composeComplaintNotice(
          {
            number,
            name: c.name,
            email: c.email,
            ticket: c.ticket,
            text: c.text,
            dueMs,
            offset: ctx.offset,
            rowUrl: rowUrl(ctx.ss, table.sheet, row),
          },
          config,
        ),
        to: config.complaintDesk.handlers,
        ticket: number,
      });
    return { number, dueMs };
  });
}

/** Checks and registers a complaint typed on the status page. */
export function fileComplaintFrom(ctx: Ctx, form: Record<string, unknown>): FileOutcome {
  const checked = checkComplaint(form);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const r = registerComplaint(ctx, checked.value);
  return { ok: true, ...r };
}

export type ComplaintEditOutcome =
  | { kind: "ignored" }
  | { kind: "note" }
  | { kind: "refused"; ticket: string; reason: string }
  | { kind: "done"; ticket: string; status: ComplaintStatus };

/** The mail that tells the complainant of a response. */
export function responseMail(
  ctx: Ctx,
  c: { number: string; email: string },
  response: string,
  status: ComplaintStatus,
): OutgoingMail {
  return {
    ...composeComplaintResponse({ number: c.number, response, closed: status === "selesai" }, ctx.config),
    to: [c.email],
    ticket: c.number,
  };
}

/**
 * A complaint handler chose an action in a row of the Pengaduan sheet (`value`, as typed by the
 * dropdown): the response in the row is sent to the complainant and the row moves on, or the
 * choice is undone with the reason in a note.
 */
export function respondToComplaint(
  ctx: Ctx,
  range: GoogleAppsScript.Spreadsheet.Range,
  rowNumber: number,
  value: string,
  actor: string,
): ComplaintEditOutcome {
  const lang = ctx.config.language;
  const mails: OutgoingMail[] = [];
  return withOutbox(ctx, mails, (record): ComplaintEditOutcome => {
    const table = complaintTable(ctx.ss, lang, []);
    const row: Row<ComplaintKey> = table.read(rowNumber);
    const number = String(row.number);
    const status = String(row.status);
    const action = parseComplaintAction(value);
    const note = String(row.response);
    const refuse = (ref: MessageRef): ComplaintEditOutcome => {
      const reason = message(lang, ref);
      range.setValue("");
      range.setNote(t(lang, "edit.undone_note", { reason }));
      ctx.ss.toast(reason, t(lang, "edit.undone_title"), 10);
      if (number && isComplaintStatus(status))
        appendLog(ctx, [
          {
            ticket: number,
            from: complaintStateLabel(status),
            to: complaintStateLabel(status),
            action: "ditolak_sistem",
            actor: actor || t(lang, "common.unknown"),
            timeMs: Date.now(),
            note: `${t(lang, "edit.log.action", { value })}: ${reason}`,
          },
        ]);
      return { kind: "refused", ticket: number, reason };
    };
    if (!number || !isComplaintStatus(status)) return refuse({ code: "complaint.refused.not_complaint" });
    if (!action) return refuse({ code: "complaint.refused.unknown_action" });
    const own = noteIsOwn(ctx, number, note, actor);
    if (!own.ok)
      return refuse({
        code: "complaint.refused.response_not_own",
        params: { by: own.by || t(lang, "common.unknown") },
      });
    const d = decideComplaint({ status, action, note, actor, config: ctx.config });
    if (!d.ok) return refuse(d.reason);
    const now = Date.now();
    const [entry] = appendLog(ctx, [
      {
        ticket: number,
        from: complaintStateLabel(status),
        to: complaintStateLabel(d.status),
        action: action === "selesaikan" ? "pengaduan_selesai" : "pengaduan_ditanggapi",
        actor,
        timeMs: now,
        note,
      },
    ]);
    // The complainant's mail is recorded right after the log entry, before the row: a run cut off
    // in between is finished by the sweep (reconcile.ts re-records a response the queue lacks).
    mails.push(responseMail(ctx, { number, email: String(row.email) }, note, d.status));
    record();
    table.write(rowNumber, {
      ...row,
      status: d.status,
      action: "",
      response: "",
      lastResponseAt: new Date(now),
      closedAt: d.status === "selesai" ? new Date(now) : row.closedAt,
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now),
    });
    range.clearNote();
    journalNoteAuthor(ctx, number, actor, "");
    setComplaintChoices(table, rowNumber, lang, d.status !== "selesai");
    return { kind: "done", ticket: number, status: d.status };
  });
}

// ── Complaints as a source of the reminder engine ─────────────────────────────

/**
 * Unanswered complaints as timed items (reminders.ts): one stage, "pengaduan/baru", from filing to
 * the first response; the handlers of the row hold it, its target is the one the complainant was
 * given (received → "Batas Waktu" in working time; the setting when the row has none), and the
 * level above is whoever `eskalasi_pengaduan` names (a mail in this sweep's digest, never the
 * daily one: a citizen waits). Answered, closed: nothing. `open` reads the sheet once; `save`
 * writes the "Pengingat" and "No. Log Terakhir" columns once each, and only when an event was logged.
 */
export function complaintSource(): ReminderSource {
  return {
    open(ctx) {
      const { config } = ctx;
      const lang = config.language;
      const table = existingComplaintTable(ctx.ss);
      if (!table) return { items: [], stateOf: () => "", save: () => undefined };
      const rows = table.all();
      const cal = calendarFromConfig(config);
      const escalateTo = complaintEscalation(config);
      const items: TimedItem[] = [];
      const byId = new Map<string, number>();
      rows.forEach(({ rowNumber, row }, i) => {
        const number = String(row.number);
        const received = cellMs(row.receivedAt);
        if (!number || !received || String(row.status) !== "baru") return;
        const due = cellMs(row.dueAt);
        const target =
          due > received ? workingMinutesBetween(received, due, cal) : config.complaintDesk.targetMinutes;
        byId.set(number, i);
        items.push({
          id: number,
          kind: "complaint",
          stageKey: complaintStateLabel("baru"),
          stageLabel: t(lang, "complaint.stage"),
          holders: String(row.handlers)
            .split(/[,;\s]+/)
            .filter(Boolean),
          escalateTo,
          escalateDaily: false,
          targetMinutes: target,
          visitStartMs: received,
          onHold: false,
          mark: markForVisit(String(row.reminders), received, ctx.offset),
          get url(): string {
            return rowUrl(ctx.ss, table.sheet, rowNumber);
          },
          subject: complaintSubject(lang, String(row.ticket)),
        });
      });
      return {
        items,
        stateOf: () => complaintStateLabel("baru"),
        save: (updates) => {
          if (updates.length === 0) return;
          const marks: Cell[][] = rows.map((r) => [table.cellFor("reminders", r.row.reminders)]);
          const seqs: Cell[][] = rows.map((r) => [r.row.lastLogSeq]);
          for (const u of updates) {
            const i = byId.get(u.id)!;
            marks[i] = [table.cellFor("reminders", formatMark(u.mark, ctx.offset))];
            seqs[i] = [u.seq];
          }
          table.sheet.getRange(2, table.col("reminders"), marks.length, 1).setValues(marks);
          table.sheet.getRange(2, table.col("lastLogSeq"), seqs.length, 1).setValues(seqs);
        },
      };
    },
  };
}
