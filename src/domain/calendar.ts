/**
 * Working time: office hours, work days, national holidays and (optionally) cuti bersama.
 *
 * All instants are epoch milliseconds. Local time is the office's fixed UTC offset: Indonesia has
 * no daylight saving time, so a zone name maps to one offset (WIB +7, WITA +8, WIT +9) and the
 * arithmetic stays pure (no Intl, no host time zone).
 *
 * Conventions:
 * - Only the parts of [start, end) that fall inside office hours on a work day count.
 * - A request arriving at night, on a weekend or on a holiday starts counting at the next opening.
 * - Results are whole minutes, rounded down (a step of 9 min 59 s counts as 9 minutes).
 */
import type { HolidayEntry, Language, OfficeConfig, WorkingHours } from "./config.js";
import { t } from "./text/index.js";
import { zoneOffsetMinutes } from "./dates.js";

/** One implementation in dates.ts. */
export { zoneOffsetMinutes };

export interface WorkCalendar {
  /** Local time = UTC + this many minutes (Asia/Jakarta: 420). */
  utcOffsetMinutes: number;
  hours: WorkingHours;
  holidays: HolidayEntry[];
  /** Whether cuti bersama days count as days off. */
  cutiBersamaOff: boolean;
  /** The language of the errors thrown (Indonesian when not given). */
  language?: Language;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A calendar without any working day would make addWorkingMinutes loop forever: stop after this. */
const MAX_DAYS_SCANNED = 366 * 20;

/** The working calendar of an office configuration. Throws on an unknown zone (validateConfig reports it first). */
export function calendarFromConfig(config: OfficeConfig): WorkCalendar {
  const offset = zoneOffsetMinutes(config.timeZone);
  if (offset === undefined)
    throw new Error(t(config.language, "config.time_zone", { value: config.timeZone }));
  return {
    utcOffsetMinutes: offset,
    hours: config.time.hours,
    holidays: config.time.holidays,
    cutiBersamaOff: config.time.cutiBersamaOff,
    language: config.language,
  };
}

/** yyyy-MM-dd of a local day number (days since 1970-01-01 in local time). */
function dayKey(localDay: number): string {
  return new Date(localDay * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a local day number (1970-01-01 was a Thursday). */
function weekdayOf(localDay: number): IsoWeekday {
  return (((((localDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Compiled form of a calendar: the days off as a set, for repeated queries. */
interface Compiled {
  offsetMs: number;
  hours: WorkingHours;
  daysOff: Set<string>;
}

function compile(cal: WorkCalendar): Compiled {
  const daysOff = new Set<string>();
  for (const h of cal.holidays) {
    if (h.kind === "libur" || (h.kind === "cuti" && cal.cutiBersamaOff)) daysOff.add(h.date);
  }
  return { offsetMs: cal.utcOffsetMinutes * MINUTE, hours: cal.hours, daysOff };
}

/** The office hours of a local day as local-ms [open, close), or null when the office is closed all day. */
function openInterval(c: Compiled, localDay: number): [number, number] | null {
  const span = c.hours.days[weekdayOf(localDay)];
  if (!span || span[1] <= span[0]) return null;
  if (c.daysOff.has(dayKey(localDay))) return null;
  return [localDay * DAY + span[0] * MINUTE, localDay * DAY + span[1] * MINUTE];
}

/** Whether a local calendar date (yyyy-MM-dd) is a work day (has office hours and is no day off). */
export function isWorkDay(date: string, cal: WorkCalendar): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return false;
  return openInterval(compile(cal), Math.floor(ms / DAY)) !== null;
}

/** Whether the instant falls inside office hours. */
export function isWorkingTime(ms: number, cal: WorkCalendar): boolean {
  const c = compile(cal);
  const local = ms + c.offsetMs;
  const open = openInterval(c, Math.floor(local / DAY));
  return open !== null && local >= open[0] && local < open[1];
}

/** Working minutes between two instants (0 when end ≤ start), rounded down to whole minutes. */
export function workingMinutesBetween(startMs: number, endMs: number, cal: WorkCalendar): number {
  if (!(endMs > startMs)) return 0;
  const c = compile(cal);
  const from = startMs + c.offsetMs;
  const to = endMs + c.offsetMs;
  let total = 0;
  for (let day = Math.floor(from / DAY); day <= Math.floor(to / DAY); day++) {
    const open = openInterval(c, day);
    if (!open) continue;
    const a = Math.max(open[0], from);
    const b = Math.min(open[1], to);
    if (b > a) total += b - a;
  }
  return Math.floor(total / MINUTE);
}

/**
 * The instant at which `minutes` working minutes have passed since startMs. A result that falls
 * exactly at closing time stays there (it is not moved to the next morning). 0 minutes → startMs.
 */
export function addWorkingMinutes(startMs: number, minutes: number, cal: WorkCalendar): number {
  if (!(minutes >= 0) || !Number.isFinite(minutes))
    throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  if (minutes === 0) return startMs;
  const c = compile(cal);
  const from = startMs + c.offsetMs;
  let left = minutes * MINUTE;
  const firstDay = Math.floor(from / DAY);
  for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
    const open = openInterval(c, day);
    if (!open) continue;
    const a = Math.max(open[0], from);
    if (a >= open[1]) continue;
    const available = open[1] - a;
    if (available >= left) return a + left - c.offsetMs;
    left -= available;
  }
  throw new Error(t(cal.language ?? "id", "calendar.no_working_days"));
}

/** The start of the next working period at or after ms (ms itself when it is working time). */
export function nextWorkingStart(ms: number, cal: WorkCalendar): number {
  const c = compile(cal);
  const from = ms + c.offsetMs;
  const firstDay = Math.floor(from / DAY);
  for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
    const open = openInterval(c, day);
    if (!open || from >= open[1]) continue;
    return Math.max(open[0], from) - c.offsetMs;
  }
  throw new Error(t(cal.language ?? "id", "calendar.no_working_days"));
}

/** The length of the working day of a local date, in minutes (0 on a day off). */
export function workingMinutesOnDate(date: string, cal: WorkCalendar): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return 0;
  const open = openInterval(compile(cal), Math.floor(ms / DAY));
  return open ? (open[1] - open[0]) / MINUTE : 0;
}

/** "1 jam 25 menit", "45 menit", "2 jam", "0 menit"; negative durations get a leading minus. */
export function formatDurationId(minutes: number): string {
  return formatDuration(minutes, "id");
}

/** "1 hour 25 minutes", "1 minute", … */
export function formatDurationEn(minutes: number): string {
  return formatDuration(minutes, "en");
}

export function formatDuration(minutes: number, language: "id" | "en"): string {
  const whole = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && whole > 0 ? "-" : "";
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  const parts: string[] = [];
  if (language === "id") {
    if (h > 0) parts.push(`${h} jam`);
    if (m > 0 || h === 0) parts.push(`${m} menit`);
  } else {
    if (h > 0) parts.push(`${h} ${h === 1 ? "hour" : "hours"}`);
    if (m > 0 || h === 0) parts.push(`${m} ${m === 1 ? "minute" : "minutes"}`);
  }
  return sign + parts.join(" ");
}
