/**
 * The wall clock of an IANA time zone, read with one cached `Intl.DateTimeFormat` per zone: the
 * primitive that the Sheets values, Utilities.formatDate and the ScriptApp clock triggers build on.
 */

export interface WallFields {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** As the h23 formatter gives it (0-23). */
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock fields of the instant `ms` in the IANA zone `tz` (throws RangeError for an unknown zone). */
export function wallFields(ms: number, tz: string): WallFields {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** English month names (Java's and the en_US locale's), January first. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** English day names, Sunday first (as `wallFields` numbers weekdays). */
export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
