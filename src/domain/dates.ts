/**
 * Dates and office time, one implementation for the whole product: the UTC offset of
 * an office's time zone, the local calendar parts of an instant, month names (read and written)
 * and the date formats people see ("22 November 2026", "Minggu, 22 November 2026",
 * "22 November 2026 pukul 09.15 WIB" / "22 November 2026 at 09:15 WIB").
 *
 * Indonesia has no daylight saving time, so a zone name maps to one fixed offset (WIB +7, WITA +8,
 * WIT +9) and the arithmetic stays pure: no Intl, no host time zone. Instants are epoch ms.
 * The month names are the catalogues' ("month.1" … "month.12", text/id.ts and en.ts): the one
 * month table; `parseMonthName` also reads the usual abbreviations and old spellings.
 */
import type { Language } from "./config.js";
import type { Ymd } from "./identity.js";
import { t, tx, type MessageKey } from "./text/index.js";

// ── Zones ──────────────────────────────────────────────────────────────────────

/** WIB (Asia/Jakarta): the zone of most offices, and the fallback for an unknown zone name. */
export const WIB_OFFSET_MINUTES = 420;

const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  "asia/jakarta": 420,
  "asia/pontianak": 420,
  wib: 420,
  "asia/makassar": 480,
  "asia/ujung_pandang": 480,
  wita: 480,
  "asia/jayapura": 540,
  wit: 540,
  utc: 0,
  "etc/utc": 0,
  gmt: 0,
};

/**
 * The UTC offset, in minutes, of a time zone name: the Indonesian zones, UTC, and fixed forms
 * such as "GMT+07:00", "UTC+8" or "Etc/GMT-9" (POSIX sign). undefined when unknown (configuration
 * checks report it); `officeZoneOffset` falls back to WIB instead.
 */
export function zoneOffsetMinutes(timeZone: string): number | undefined {
  const key = String(timeZone ?? "")
    .trim()
    .toLowerCase();
  if (Object.prototype.hasOwnProperty.call(ZONE_OFFSETS, key)) return ZONE_OFFSETS[key];
  const m = /^(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(key);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? "0");
    if (minutes <= 14 * 60) return m[1] === "-" ? -minutes : minutes;
  }
  // POSIX sign: Etc/GMT-9 is UTC+9.
  const etc = /^etc\/gmt([+-])(\d{1,2})$/.exec(key);
  if (etc && Number(etc[2]) <= 14) return (etc[1] === "-" ? 1 : -1) * Number(etc[2]) * 60;
  return undefined;
}

/** The office's UTC offset: `zoneOffsetMinutes`, WIB (+7) when the name is unknown. */
export function officeZoneOffset(timeZone: string): number {
  return zoneOffsetMinutes(timeZone) ?? WIB_OFFSET_MINUTES;
}

/** WIB / WITA / WIT for the Indonesian offsets, else "UTC+h" ("UTC+5:30"). */
export function zoneAbbreviation(utcOffsetMinutes: number): string {
  if (utcOffsetMinutes === 420) return "WIB";
  if (utcOffsetMinutes === 480) return "WITA";
  if (utcOffsetMinutes === 540) return "WIT";
  const sign = utcOffsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? ":" + String(abs % 60).padStart(2, "0") : ""}`;
}

// ── Local parts ────────────────────────────────────────────────────────────────

export interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday, as Date#getUTCDay. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The local calendar parts of an instant at a fixed UTC offset. */
export function localParts(ms: number, utcOffsetMinutes: number): LocalParts {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The local calendar date of an instant. */
export function localDate(ms: number, utcOffsetMinutes: number): Ymd {
  const p = localParts(ms, utcOffsetMinutes);
  return { year: p.year, month: p.month, day: p.day };
}

/** Local hours and minutes of an instant. */
export function localTime(ms: number, utcOffsetMinutes: number): { hour: number; minute: number } {
  const p = localParts(ms, utcOffsetMinutes);
  return { hour: p.hour, minute: p.minute };
}

/** The local day of an instant as "yyyy-MM-dd" (a key for once-a-day marks). */
export function localDateKey(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

// ── Month and day names ────────────────────────────────────────────────────────

/** A month's name (1 = January) in the office language, from the catalogues. */
export function monthName(month: number, lang: Language): string {
  return tx(lang, `month.${month}` as MessageKey);
}

/** Day names, index 0 = Sunday (as LocalParts.weekday). */
const DAY_NAMES: Readonly<Record<Language, readonly string[]>> = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

/** A weekday's name (0 = Sunday) in the office language. */
export function dayName(weekday: number, lang: Language): string {
  return (DAY_NAMES[lang] ?? DAY_NAMES.id)[((weekday % 7) + 7) % 7]!;
}

/** Abbreviations and old spellings understood besides the catalogue names. */
const MONTH_ALIASES: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  agu: 8,
  agt: 8,
  agst: 8,
  agus: 8,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  nop: 11,
  nopember: 11,
  des: 12,
  dec: 12,
};

/** The month (1–12) of a month name in Indonesian or English, full or abbreviated; undefined if none. */
export function parseMonthName(word: string): number | undefined {
  const w = String(word ?? "")
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
  if (w === "") return undefined;
  if (Object.prototype.hasOwnProperty.call(MONTH_ALIASES, w)) return MONTH_ALIASES[w];
  for (let m = 1; m <= 12; m++) {
    if (monthName(m, "id").toLowerCase() === w || monthName(m, "en").toLowerCase() === w) return m;
  }
  return undefined;
}

// ── Formats ────────────────────────────────────────────────────────────────────

export interface DateFormatOptions {
  /** Prefix the day name: "Minggu, 22 November 2026". */
  withDay?: boolean;
  /** Append the time: "22 November 2026 pukul 09.05 WIB" / "22 November 2026 at 09:05 WIB". */
  withTime?: boolean;
}

/** A calendar date: "22 November 2026" (the same order in English, as in official English). */
export function formatYmd(d: Ymd, lang: Language): string {
  return `${d.day} ${monthName(d.month, lang)} ${d.year}`;
}

/** An instant as a local date, optionally with the day name and the time with its zone. */
export function formatDate(
  ms: number,
  utcOffsetMinutes: number,
  lang: Language,
  options: DateFormatOptions = {},
): string {
  const p = localParts(ms, utcOffsetMinutes);
  let date = formatYmd(p, lang);
  if (options.withDay) date = `${dayName(p.weekday, lang)}, ${date}`;
  if (!options.withTime) return date;
  const sep = lang === "id" ? "." : ":";
  return t(lang, "datetime.at", {
    date,
    time: `${String(p.hour).padStart(2, "0")}${sep}${String(p.minute).padStart(2, "0")}`,
    zone: zoneAbbreviation(utcOffsetMinutes),
  });
}

/** "22 November 2026 pukul 09.15 WIB" / "22 November 2026 at 09:15 WIB". */
export function formatDateTime(ms: number, utcOffsetMinutes: number, lang: Language): string {
  return formatDate(ms, utcOffsetMinutes, lang, { withTime: true });
}
