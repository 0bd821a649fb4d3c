/**
 * The reminder engine: at `pengingat_persen` of a stage's target (working time) whoever holds an
 * item is reminded; when the target passes, the level above is told. Each at most once per stage
 * visit, never outside office hours, never for an item on hold.
 *
 * Generic over what is timed: a request in the register, a complaint, anything that has holders, a
 * stage with a target and the moment its current visit began. The adapter keeps, per item, the
 * mark of what was already sent in the current visit (a short text, see formatMark) and records
 * every event in the hash-chained log; this module only decides.
 */
import type { OfficeConfig, StageConfig } from "./config.js";
import {
  addWorkingMinutes,
  calendarFromConfig,
  formatDuration,
  isWorkingTime,
  nextWorkingStart,
  workingMinutesBetween,
  type WorkCalendar,
} from "./calendar.js";
import { t as tr } from "./text/index.js";

export type ReminderKind = "pengingat" | "eskalasi";
/** The log actions of the two events (identifiers, like the statuses). */
export const REMINDER_ACTIONS: readonly ReminderKind[] = ["pengingat", "eskalasi"];

/** What was already sent in one stage visit (epoch ms of each event, 0 = not yet). */
export interface ReminderMark {
  remindedMs: number;
  escalatedMs: number;
}

export const NO_MARK: ReminderMark = { remindedMs: 0, escalatedMs: 0 };

/** Anything with a holder, a stage target and a visit start. */
export interface TimedItem {
  /** Ticket or complaint number: unique within its source. */
  id: string;
  /** Stage key (for the level above and for people: stageLabel). */
  stageKey: string;
  stageLabel: string;
  /** Who holds the item now (e-mail addresses). */
  holders: string[];
  /** Who is told when the target passes ([] = nobody above). */
  escalateTo: string[];
  /** The level above is the last level: it gets the daily digest instead of a mail per sweep. */
  escalateDaily: boolean;
  /** The stage's target in working minutes (0 = none: nothing is sent). */
  targetMinutes: number;
  /** When the current stage visit began. */
  visitStartMs: number;
  onHold: boolean;
  /** The mark as stored (already filtered to this visit by markForVisit). */
  mark: ReminderMark;
  /** A link to the item's row, for the digest. */
  url: string;
  /** A short description without personal data (e.g. the OPD). */
  subject: string;
  /** What the item is, for the digest's line: a request (default) or a complaint. */
  kind?: "request" | "complaint";
}

export interface ReminderEvent {
  item: TimedItem;
  kind: ReminderKind;
  /** Working minutes since the visit began, when decided. */
  elapsedMinutes: number;
  /** Who gets it in this sweep's digest ([] = only logged, or the daily digest). */
  recipients: string[];
}

/** The working minutes at which the reminder is due (at least 1, at most the target). */
export function reminderMinutes(targetMinutes: number, percent: number): number {
  return Math.min(targetMinutes, Math.max(1, Math.round((targetMinutes * percent) / 100)));
}

/**
 * The events due now. Nothing outside office hours (the next sweep in office hours sends them),
 * nothing for items on hold or without a target, nothing already in the mark. An item past its
 * target that was never reminded gets both events in the same sweep.
 */
export function dueReminders(
  items: readonly TimedItem[],
  nowMs: number,
  cal: WorkCalendar,
  percent: number,
): ReminderEvent[] {
  if (!isWorkingTime(nowMs, cal)) return [];
  const events: ReminderEvent[] = [];
  for (const item of items) {
    if (item.onHold || !(item.targetMinutes > 0) || !(item.visitStartMs > 0)) continue;
    const elapsed = workingMinutesBetween(item.visitStartMs, nowMs, cal);
    if (elapsed >= reminderMinutes(item.targetMinutes, percent) && !item.mark.remindedMs)
      events.push({ item, kind: "pengingat", elapsedMinutes: elapsed, recipients: unique(item.holders) });
    if (elapsed >= item.targetMinutes && !item.mark.escalatedMs)
      events.push({
        item,
        kind: "eskalasi",
        elapsedMinutes: elapsed,
        recipients: item.escalateDaily ? [] : unique(item.escalateTo),
      });
  }
  return events;
}

/**
 * The earliest moment a reminder or escalation of these items falls due and can be sent (in
 * office hours), given each item's mark after this sweep; 0 when none will. The idle sweep sleeps
 * until then (domain/sweepplan.ts). One already due gives the next moment it can be sent.
 */
export function nextReminderDue(
  items: readonly TimedItem[],
  nowMs: number,
  cal: WorkCalendar,
  percent: number,
  markOf: (item: TimedItem) => ReminderMark = (item) => item.mark,
): number {
  let best = 0;
  const consider = (ms: number) => {
    const at = sendableAt(ms, nowMs, cal);
    if (best === 0 || at < best) best = at;
  };
  for (const item of items) {
    if (item.onHold || !(item.targetMinutes > 0) || !(item.visitStartMs > 0)) continue;
    const mark = markOf(item);
    if (!mark.remindedMs)
      consider(addWorkingMinutes(item.visitStartMs, reminderMinutes(item.targetMinutes, percent), cal));
    if (!mark.escalatedMs) consider(addWorkingMinutes(item.visitStartMs, item.targetMinutes, cal));
  }
  return best;
}

/** The first moment at or after `dueMs` (and not before now) that lies in office hours. */
export function sendableAt(dueMs: number, nowMs: number, cal: WorkCalendar): number {
  const at = Math.max(dueMs, nowMs);
  return isWorkingTime(at, cal) ? at : nextWorkingStart(at, cal);
}

/**
 * The next office opening after now: the start of the next working period that has not begun
 * yet (the office opens once a day). The first sweep after it makes a full pass: what waits for
 * office hours (the daily digest, unused-account steps, reminder mails) goes then.
 */
export function nextOpening(nowMs: number, cal: WorkCalendar): number {
  if (!isWorkingTime(nowMs, cal)) return nextWorkingStart(nowMs, cal);
  const offsetMs = cal.utcOffsetMinutes * 60_000;
  const nextMidnight = (Math.floor((nowMs + offsetMs) / 86_400_000) + 1) * 86_400_000 - offsetMs;
  return nextWorkingStart(nextMidnight, cal);
}

/** The mark after the events of one item. */
export function markAfter(mark: ReminderMark, events: readonly ReminderEvent[], nowMs: number): ReminderMark {
  return {
    remindedMs: mark.remindedMs || (events.some((e) => e.kind === "pengingat") ? nowMs : 0),
    escalatedMs: mark.escalatedMs || (events.some((e) => e.kind === "eskalasi") ? nowMs : 0),
  };
}

/** One official's digest of this sweep: what they hold that is due, and what is late below them. */
export interface Digest {
  recipient: string;
  /** Items the recipient holds whose reminder is due. */
  due: ReminderEvent[];
  /** Items past their target that the recipient is told of (as the level above). */
  late: ReminderEvent[];
}

/** One digest per official, whatever the number of items (a busy Kadis gets one mail, not thirty). */
export function groupDigests(events: readonly ReminderEvent[]): Digest[] {
  const by = new Map<string, Digest>();
  for (const e of events) {
    for (const r of e.recipients) {
      const key = r.trim().toLowerCase();
      if (!key) continue;
      let d = by.get(key);
      if (!d) by.set(key, (d = { recipient: key, due: [], late: [] }));
      (e.kind === "pengingat" ? d.due : d.late).push(e);
    }
  }
  return [...by.values()].sort((a, b) => a.recipient.localeCompare(b.recipient));
}

// ── The stored mark ───────────────────────────────────────────────────────────

const pad = (n: number): string => String(n).padStart(2, "0");

/** "2026-12-03 10:12" in the office's local time. */
export function localStamp(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function parseStamp(text: string, utcOffsetMinutes: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) return 0;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) - utcOffsetMinutes * 60_000;
}

/**
 * The mark as people read it in the register: "pengingat 2026-12-03 10:12; eskalasi 2026-12-03
 * 14:00" (office time, to the minute; the words are identifiers, like the log actions).
 */
export function formatMark(mark: ReminderMark, utcOffsetMinutes: number): string {
  const parts: string[] = [];
  if (mark.remindedMs) parts.push(`pengingat ${localStamp(mark.remindedMs, utcOffsetMinutes)}`);
  if (mark.escalatedMs) parts.push(`eskalasi ${localStamp(mark.escalatedMs, utcOffsetMinutes)}`);
  return parts.join("; ");
}

/**
 * The mark of the current visit: events stamped before the visit began belong to an earlier visit
 * (the stamp is to the minute, and an event comes at least a minute after the visit began).
 */
export function markForVisit(text: string, visitStartMs: number, utcOffsetMinutes: number): ReminderMark {
  const mark = { remindedMs: 0, escalatedMs: 0 };
  const floor = Math.floor(visitStartMs / 60_000) * 60_000;
  for (const part of text.split(";")) {
    const m = /^\s*(pengingat|eskalasi)\s+(.+?)\s*$/.exec(part);
    if (!m) continue;
    const ms = parseStamp(m[2]!, utcOffsetMinutes);
    if (!ms || ms < floor) continue;
    if (m[1] === "pengingat") mark.remindedMs = ms;
    else mark.escalatedMs = ms;
  }
  return mark;
}

/** The mark of a visit from its log entries (the log is the record; a lost row write is repaired from it). */
export function markFromLog(
  entries: readonly { action: string; timeMs: number }[],
  visitStartMs: number,
): ReminderMark {
  const mark = { remindedMs: 0, escalatedMs: 0 };
  for (const e of entries) {
    if (e.timeMs < visitStartMs) continue;
    if (e.action === "pengingat" && !mark.remindedMs) mark.remindedMs = e.timeMs;
    if (e.action === "eskalasi" && !mark.escalatedMs) mark.escalatedMs = e.timeMs;
  }
  return mark;
}

// ── Escalation levels ─────────────────────────────────────────────────────────

/**
 * The stage a stage escalates to: its `escalateTo` setting (a stage key), "-" for none, empty for
 * the stage before it in the chain (the level above: Staf → Kasi → Kabid → Kadis). Null = none.
 */
export function escalationStage(config: OfficeConfig, stageKey: string): StageConfig | null {
  const i = config.stages.findIndex((s) => s.key === stageKey);
  if (i < 0) return null;
  const setting = (config.stages[i]!.escalateTo ?? "").trim().toLowerCase();
  if (setting === "-") return null;
  if (setting) return config.stages.find((s) => s.key === setting && s.key !== stageKey) ?? null;
  return i > 0 ? config.stages[i - 1]! : null;
}

/** The last level: a stage others escalate to that escalates to nobody (by default the first stage). */
export function isLastLevel(config: OfficeConfig, stageKey: string): boolean {
  return escalationStage(config, stageKey) === null;
}

/** The officials of the last levels (they get the daily digest of late items). */
export function lastLevelOfficials(config: OfficeConfig): string[] {
  const targets = new Set(
    config.stages.map((s) => escalationStage(config, s.key)?.key).filter((k): k is string => !!k),
  );
  return unique(
    config.stages.filter((s) => targets.has(s.key) && isLastLevel(config, s.key)).flatMap((s) => s.officials),
  );
}

/** Where an item at a stage escalates: the officials above, and whether that is the daily digest. */
export function escalationOf(
  config: OfficeConfig,
  stageKey: string,
): { escalateTo: string[]; escalateDaily: boolean } {
  const above = escalationStage(config, stageKey);
  if (!above) return { escalateTo: [], escalateDaily: false };
  return { escalateTo: unique(above.officials), escalateDaily: isLastLevel(config, above.key) };
}

/** The office calendar (re-exported for adapters). */
export function reminderCalendar(config: OfficeConfig): WorkCalendar {
  return calendarFromConfig(config);
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim().toLowerCase()).filter(Boolean))];
}

// ── The request's total against the service standard ──────────────────────────

/** The register's "Total vs Standar" cell: the working time so far against the standard. */
export function serviceTotalText(
  spentMinutes: number,
  standardMinutes: number,
  lang: "id" | "en",
): { text: string; late: boolean } {
  const fmt = formatDuration;
  const late = standardMinutes > 0 && spentMinutes > standardMinutes;
  const p = { spent: fmt(spentMinutes, lang), standard: fmt(standardMinutes, lang) };
  return late
    ? {
        text: tr(lang, "register.total_late", { ...p, over: fmt(spentMinutes - standardMinutes, lang) }),
        late,
      }
    : { text: tr(lang, "register.total", p), late };
}
