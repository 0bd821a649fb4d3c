/**
 * The sweep's reminder pass (domain/reminders.ts decides): for every source of timed items (the
 * register's requests; other sources such as complaints plug in with a ReminderSource), under the
 * script lock, the events due now are
 *   1. recorded in the hash-chained log (the record: a row write lost after it is repaired from
 *      the log by reconcile.ts, so no event is ever sent twice),
 *   2. turned into one digest mail per official, recorded as pending in the mail queue,
 *   3. marked on the item (the register's "Pengingat" cell, with the log number);
 * then the mails are sent (withOutbox). Nothing happens outside office hours, nothing for items on
 * hold. Once a day the last level gets the digest of everything past its target, claimed by its
 * row in the mail queue (at most one per day).
 *
 * The register source also keeps "Total vs Standar" and "Pengingat" current for every row in one write.
 */
import { stateLabel } from "../domain/audit.js";
import {
  addWorkingMinutes,
  calendarFromConfig,
  formatDuration,
  isWorkingTime,
  workingMinutesBetween,
} from "../domain/calendar.js";
import { localDateKey } from "../domain/dates.js";
import { composeDailyDigest, composeDigest, type LateItem } from "../domain/digest.js";
import {
  dueReminders,
  escalationOf,
  formatMark,
  groupDigests,
  lastLevelOfficials,
  markAfter,
  markForVisit,
  nextOpening,
  nextReminderDue,
  serviceTotalText,
  type ReminderEvent,
  type ReminderMark,
  type TimedItem,
} from "../domain/reminders.js";
import { isStatus, type Status } from "../domain/request.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { appendLog, type LogDraftEntry } from "../workspace/log.js";
import { mailsRecordedFor, withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { registerTable, type RegisterRow } from "../workspace/register.js";
import { cellText, decodeRegisterRow, type RegisterRecord } from "../workspace/registercodec.js";
import type { Cell } from "../workspace/table.js";

/** Queue ids of reminder mails start with this: the queue sends them only in office hours. */
export const REMINDER_MAIL_ID = "PENGINGAT";
const DAILY_MAIL_ID = "HARIAN";

/** Where timed items come from. `open` runs under the script lock. */
export interface ReminderSource {
  open(ctx: Ctx, nowMs: number): SourceBatch;
}

export interface SourceBatch {
  items: TimedItem[];
  /** The log's from/to label of an item (the state it stays in). */
  stateOf(id: string): string;
  /**
   * Stores the new marks with the log number of each item's last event (under the lock; called
   * once per sweep, with no updates too).
   */
  save(updates: { id: string; mark: ReminderMark; seq: number }[], nowMs: number): void;
  /** A moment of the source's own that falls due with nothing happening (0: none). */
  dueMs?: number;
}

export interface ReminderReport {
  /** "ticket:pengingat" / "ticket:eskalasi" for each event of this sweep. */
  events: string[];
  /** Recipients of this sweep's digests. */
  digests: string[];
  /** The day's digest of late items went out in this sweep. */
  daily: boolean;
  /**
   * The earliest moment something of this pass falls due with nothing happening: a reminder or
   * escalation, a total passing the standard, the next office opening (the daily digest). The
   * idle sweep waits until then (domain/sweepplan.ts).
   */
  nextDueMs: number;
}

function logNote(ctx: Ctx, e: ReminderEvent): string {
  const lang = ctx.config.language;
  const p = {
    elapsed: formatDuration(e.elapsedMinutes, lang),
    target: formatDuration(e.item.targetMinutes, lang),
  };
  if (e.kind === "pengingat") return t(lang, "reminder.log.pengingat", { ...p, to: e.recipients.join(", ") });
  if (e.item.escalateDaily)
    return t(lang, "reminder.log.eskalasi_daily", { ...p, to: e.item.escalateTo.join(", ") });
  if (e.recipients.length === 0) return t(lang, "reminder.log.eskalasi_none", p);
  return t(lang, "reminder.log.eskalasi", { ...p, to: e.recipients.join(", ") });
}

export function sweepReminders(
  ctx: Ctx,
  sources: readonly ReminderSource[],
  nowMs: number = Date.now(),
): ReminderReport {
  const report: ReminderReport = { events: [], digests: [], daily: false, nextDueMs: 0 };
  const cal = calendarFromConfig(ctx.config);
  const working = isWorkingTime(nowMs, cal);
  const percent = ctx.config.time.reminderAtPercent;
  const mails: OutgoingMail[] = [];
  withOutbox(ctx, mails, (record) => {
    const batches = sources.map((s) => s.open(ctx, nowMs));
    /** The next moment due, given the marks after this pass's events. */
    const due = (marks: Map<string, ReminderMark>[]) =>
      Math.min(
        nextOpening(nowMs, cal),
        ...batches.map(
          (b, i) =>
            nextReminderDue(b.items, nowMs, cal, percent, (item) => marks[i]?.get(item.id) ?? item.mark) ||
            Infinity,
        ),
        ...batches.map((b) => b.dueMs || Infinity),
      );
    if (!working) {
      for (const b of batches) b.save([], nowMs); // the totals are refreshed at any hour
      report.nextDueMs = due([]);
      return;
    }
    const perBatch = batches.map((b) => dueReminders(b.items, nowMs, cal, percent));
    const all = perBatch.flat();
    const drafts: LogDraftEntry[] = [];
    perBatch.forEach((events, i) => {
      for (const e of events) {
        const here = batches[i]!.stateOf(e.item.id);
        drafts.push({
          ticket: e.item.id,
          from: here,
          to: here,
          action: e.kind,
          actor: SYSTEM_ACTOR,
          timeMs: nowMs,
          note: logNote(ctx, e),
        });
      }
    });
    // 1. The log first: it is the record of what was sent.
    const sealed = appendLog(ctx, drafts);
    // 2. One digest per official, whatever the number of items and sources.
    for (const d of groupDigests(all)) {
      const text = composeDigest(d, ctx.config);
      mails.push({ ...text, to: [d.recipient], ticket: REMINDER_MAIL_ID });
      report.digests.push(d.recipient);
    }
    report.daily = dailyDigest(ctx, batches, nowMs, cal, mails);
    record();
    // 3. The marks.
    let k = 0;
    const after: Map<string, ReminderMark>[] = [];
    perBatch.forEach((events, i) => {
      const byItem = new Map<string, { mark: ReminderMark; seq: number }>();
      for (const e of events) {
        const seq = sealed[k++]!.seq;
        const prev = byItem.get(e.item.id);
        byItem.set(e.item.id, { mark: markAfter(prev?.mark ?? e.item.mark, [e], nowMs), seq });
        report.events.push(`${e.item.id}:${e.kind}`);
      }
      batches[i]!.save(
        [...byItem.entries()].map(([id, v]) => ({ id, ...v })),
        nowMs,
      );
      after.push(new Map([...byItem.entries()].map(([id, v]) => [id, v.mark])));
    });
    report.nextDueMs = due(after);
  });
  return report;
}

/**
 * The last level's digest of every item past its target, once a day: the first sweep in office
 * hours that finds one. Claimed by the queue row it is recorded in (HARIAN-yyyy-MM-dd).
 */
function dailyDigest(
  ctx: Ctx,
  batches: readonly SourceBatch[],
  nowMs: number,
  cal: ReturnType<typeof calendarFromConfig>,
  mails: OutgoingMail[],
): boolean {
  const to = lastLevelOfficials(ctx.config);
  if (to.length === 0) return false;
  const late: LateItem[] = [];
  for (const b of batches)
    for (const item of b.items) {
      if (item.onHold || !(item.targetMinutes > 0)) continue;
      const elapsed = workingMinutesBetween(item.visitStartMs, nowMs, cal);
      if (elapsed >= item.targetMinutes) late.push({ item, elapsedMinutes: elapsed });
    }
  if (late.length === 0) return false;
  const day = localDateKey(nowMs, ctx.offset);
  const id = `${DAILY_MAIL_ID}-${day}`;
  if (mailsRecordedFor(ctx, id)) return false;
  late.sort((a, b) => b.elapsedMinutes - a.elapsedMinutes);
  mails.push({ ...composeDailyDigest(late, day, ctx.config), to, ticket: id });
  return true;
}

// ── The register as a source ──────────────────────────────────────────────────

/** Statuses at which an official of the row's stage must act (the others wait for someone else). */
const ACTING: readonly Status[] = ["baru", "diproses", "disetujui"];

/** When a request's clock stopped: closed, or waiting for the applicant's correction. */
export function stoppedMs(rec: RegisterRecord): number | null {
  const status = rec.status;
  if (status === "selesai") return rec.letterSentMs || rec.updatedMs || null;
  if (status === "ditolak" || status === "perlu perbaikan") return rec.updatedMs || null;
  return null;
}

export interface RegisterSnapshot {
  rows: { rowNumber: number; row: RegisterRow }[];
}

/**
 * The register's requests as timed items. `open` reads the whole register once (the sweep's one
 * read), rewrites the "Total vs Standar" column in one write (late ones red), and keeps the rows
 * it read in `snapshot` for the dashboard.
 */
export function registerSource(snapshot?: RegisterSnapshot): ReminderSource {
  return {
    open(ctx, nowMs) {
      const { config } = ctx;
      const lang = config.language;
      const table = registerTable(ctx.ss);
      const rows = table.all();
      if (snapshot) snapshot.rows = rows;
      const cal = calendarFromConfig(config);
      // The link to a row: the spreadsheet's address and the sheet id asked once, not per row.
      let urlBase = "";
      const urlOf = (rowNumber: number): string => {
        if (!urlBase) urlBase = rowUrl(ctx.ss, table.sheet, 1).replace(/1$/, "");
        return `${urlBase}${rowNumber}`;
      };
      const byId = new Map<string, { rowNumber: number; row: RegisterRow }>();
      const items: TimedItem[] = [];
      // The first moment an open request's total passes the standard (its cell turns red).
      let lateAt = 0;
      // Per register row: [Total vs Standar, Pengingat], written back by save().
      const totals: Cell[][] = [];
      const colors: (string | null)[][] = [];
      for (const r of rows) {
        const { row } = r;
        const rec = decodeRegisterRow(row);
        const ticket = rec.ticket;
        const received = rec.receivedMs ?? 0;
        if (!ticket || !received) {
          totals.push([row.serviceTotal, row.reminders]);
          colors.push([null]);
          continue;
        }
        const spent = workingMinutesBetween(received, stoppedMs(rec) ?? nowMs, cal);
        const total = serviceTotalText(spent, config.time.serviceMinutes, lang);
        if (!total.late && config.time.serviceMinutes > 0 && stoppedMs(rec) === null) {
          const at = addWorkingMinutes(received, config.time.serviceMinutes + 1, cal);
          if (lateAt === 0 || at < lateAt) lateAt = at;
        }
        row.serviceTotal = total.text;
        colors.push([total.late ? "#f4c7c3" : null]);
        // The status as written: the codec reads stray text as "baru", which would remind about it.
        const status = cellText(row.status);
        const stageKey = rec.stageKey;
        const stage = config.stages.find((s) => s.key === stageKey);
        // What was sent in an earlier stage visit is no longer shown (the log keeps it).
        const entered = rec.stageEnteredMs ?? 0;
        const mark = markForVisit(rec.reminders, entered, ctx.offset);
        row.reminders = formatMark(mark, ctx.offset);
        totals.push([total.text, row.reminders]);
        if (!stage || !isStatus(status) || !(ACTING.includes(status) || status === "ditahan")) continue;
        byId.set(ticket, r);
        items.push({
          id: ticket,
          stageKey,
          stageLabel: stage.label,
          holders: rec.responsible.flatMap((h) => h.split(/[;\s]+/)).filter(Boolean),
          ...escalationOf(config, stageKey),
          targetMinutes: stage.targetMinutes,
          visitStartMs: entered,
          onHold: status === "ditahan",
          mark,
          // Asked only when a mail lists the item.
          get url(): string {
            return urlOf(r.rowNumber);
          },
          subject: rec.opd,
        });
      }
      const col = table.col("serviceTotal");
      return {
        items,
        dueMs: lateAt,
        stateOf: (id) => {
          // Only rows with a known status are items: the typed status is the cell's.
          const rec = decodeRegisterRow(byId.get(id)!.row);
          return stateLabel(rec.status, rec.stageKey);
        },
        save: (updates) => {
          if (rows.length === 0) return;
          const seqs = rows.map((r) => [r.row.lastLogSeq] as Cell[]);
          const at = new Map(rows.map((r, i) => [r.rowNumber, i]));
          for (const u of updates) {
            const r = byId.get(u.id)!;
            const i = at.get(r.rowNumber)!;
            seqs[i] = [u.seq];
            totals[i]![1] = formatMark(u.mark, ctx.offset);
          }
          // Whatever the number of rows and events: one write for "Total vs Standar" and
          // "Pengingat" (adjacent), one for the colours, and one for the log numbers if any moved.
          table.sheet
            .getRange(2, col, totals.length, 2)
            .setValues(
              totals.map((v) => [table.cellFor("serviceTotal", v[0]!), table.cellFor("reminders", v[1]!)]),
            );
          table.sheet.getRange(2, col, totals.length, 1).setBackgrounds(colors);
          if (updates.length > 0)
            table.sheet.getRange(2, table.col("lastLogSeq"), seqs.length, 1).setValues(seqs);
        },
      };
    },
  };
}
