/**
 * Cell values: how text typed (or written by setValue) becomes a value, how values are displayed,
 * and the time-zone arithmetic both need. The rules follow the spreadsheet's locale: id_ID (the
 * default: dates day first, decimal comma, Indonesian month names) or en_US (dates month first,
 * decimal point, English names); any other locale is treated as id_ID. See docs/EMULATOR-sheets.md.
 */
import { DAY_NAMES, MONTH_NAMES, wallFields } from "../wallclock.js";
import type { CellValue } from "./types.js";

/** Apps Script's per-cell limit. */
export const MAX_CELL_CHARS = 50_000;

const ID_MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];
const ID_MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const ID_DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
const ID_DAYS_SHORT = ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"];

/** The locales the emulator distinguishes (documented: display values follow the spreadsheet's locale). */
type SheetLocale = "id_ID" | "en_US";

/**
 * id_ID unless the locale is en_US or the bare language "en" (the two the emulator models). The
 * Sheets API documents a bare ISO 639 code ("en") as a valid locale; its formats are taken to be
 * CLDR's for the language, which for "en" are the US ones, month first (chosen).
 */
function sheetLocale(locale: string | undefined): SheetLocale {
  return locale === "en_US" || locale === "en" ? "en_US" : "id_ID";
}

/** Month first and a decimal point (en_US), or day first and a decimal comma (id_ID). */
function monthFirst(locale: SheetLocale): boolean {
  return locale === "en_US";
}

/** The numeric date-time pattern of a locale, as the Forms timestamp and automatic dates show it. */
export function localeDateTimePattern(locale: string | undefined): string {
  return monthFirst(sheetLocale(locale)) ? "M/d/yyyy H:mm:ss" : "d/M/yyyy H:mm:ss";
}

/** The numeric date pattern of a locale (a Forms date answer in the responses sheet). */
export function localeDatePattern(locale: string | undefined): string {
  return monthFirst(sheetLocale(locale)) ? "M/d/yyyy" : "d/M/yyyy";
}

// ---------------------------------------------------------------- time zones

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

/** The wall-clock parts of an instant in a time zone. */
export function zonedParts(ms: number, tz: string): ZonedParts {
  const { year, month, day, hour, minute, second } = wallFields(ms, tz);
  return {
    year,
    month,
    day,
    hour: hour % 24,
    minute,
    second,
    ms: ((ms % 1000) + 1000) % 1000,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** Offset of the time zone from UTC at an instant, in ms. */
function tzOffsetMs(ms: number, tz: string): number {
  const p = zonedParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  return asUtc - ms;
}

/** The instant at which the wall clock of `tz` shows the given parts. */
export function zonedToUtc(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = guess - tzOffsetMs(guess, tz);
  t = guess - tzOffsetMs(t, tz);
  return t;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Sheets' serial number of a date (days since 1899-12-30 on the spreadsheet's wall clock). */
export function dateToSerial(d: Date, tz: string): number {
  const ms = d.getTime();
  return (ms + tzOffsetMs(ms, tz) - SERIAL_EPOCH) / 86_400_000;
}

function serialToDate(serial: number, tz: string): Date {
  const wall = SERIAL_EPOCH + Math.round(serial * 86_400_000);
  const w = new Date(wall);
  return new Date(
    zonedToUtc(
      tz,
      w.getUTCFullYear(),
      w.getUTCMonth() + 1,
      w.getUTCDate(),
      w.getUTCHours(),
      w.getUTCMinutes(),
      w.getUTCSeconds(),
    ),
  );
}

// ---------------------------------------------------------------- input

/** What a piece of input becomes: a value, or a formula (whose value the emulator does not compute). */
export type Parsed = { value: CellValue; formula?: undefined } | { value: ""; formula: string };

/** Keeps 15 significant digits, as Sheets does for numbers it reads from text. */
function fifteenDigits(n: number): number {
  return Number(n.toPrecision(15));
}

const NUMBER_RE = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_RE_POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A string as Sheets interprets it when it is typed into a cell or written with setValue(s) /
 * appendRow: "=..." is a formula; a leading apostrophe forces text (and is not stored); with the
 * plain-text number format "@" everything stays text; digits become a number (leading zeros and
 * digits beyond the 15th significant one are lost, as in Sheets); TRUE/FALSE become booleans;
 * d/M/yyyy [H:mm[:ss]] (M/d/yyyy in en_US) and yyyy-MM-dd [HH:mm[:ss]] become dates in the
 * spreadsheet's time zone. The decimal separator is the locale's: id_ID comma ("1,5" is a number,
 * "1.5" stays text), en_US point. A date that is not real in the locale's order ("11/20/2026" in
 * id_ID) stays text.
 */
export function parseInput(
  text: string,
  tz: string,
  numberFormat: string | undefined,
  formulas = true,
  locale?: string,
): Parsed {
  const loc = sheetLocale(locale);
  if (numberFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (formulas && text.startsWith("=") && text.length > 1) return { value: "", formula: text };
  const t = text.trim();
  if (t === "") return { value: text };
  if ((monthFirst(loc) ? NUMBER_RE_POINT : NUMBER_RE).test(t)) {
    const n = Number(t.replace(",", "."));
    if (Number.isFinite(n)) return { value: fifteenDigits(n) };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  let m = DMY_RE.exec(t);
  if (m) {
    const [month, day] = monthFirst(loc) ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    const d = dateFromParts(tz, +m[3]!, month, day, m[4], m[5], m[6]);
    if (d) return { value: d };
  }
  m = ISO_RE.exec(t);
  if (m) {
    const d = dateFromParts(tz, +m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6]);
    if (d) return { value: d };
  }
  return { value: text };
}

function dateFromParts(
  tz: string,
  y: number,
  mo: number,
  d: number,
  h?: string,
  mi?: string,
  s?: string,
): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const hh = h ? +h : 0;
  const mm = mi ? +mi : 0;
  const ss = s ? +s : 0;
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null;
  return new Date(zonedToUtc(tz, y, mo, d, hh, mm, ss));
}

// ---------------------------------------------------------------- display

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Automatic number display: up to 10 decimals, scientific from 1e15, the locale's decimal mark. */
function generalNumber(n: number, locale?: string): string {
  const s = generalNumberComma(n);
  return monthFirst(sheetLocale(locale)) ? s.replace(",", ".") : s;
}

function generalNumberComma(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? "#NUM!" : n < 0 ? "-#NUM!" : "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant = "", exp = "0"] = n.toExponential(5).split("e");
    const m = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
    const e = Number(exp);
    return `${m.replace(".", ",")}E${e < 0 ? "-" : "+"}${pad(Math.abs(e))}`;
  }
  const s = String(Number(n.toFixed(10)));
  return s.replace(".", ",");
}

/**
 * How a date-time reads when no number format is set: "d/M/yyyy H:mm:ss" ("M/d/yyyy H:mm:ss" in
 * en_US), or the date alone at midnight.
 */
export function autoDate(d: Date, tz: string, locale?: string): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return "";
  const p = zonedParts(ms, tz);
  const date = monthFirst(sheetLocale(locale))
    ? `${p.month}/${p.day}/${p.year}`
    : `${p.day}/${p.month}/${p.year}`;
  if (p.hour === 0 && p.minute === 0 && p.second === 0) return date;
  return `${date} ${p.hour}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The text a cell shows: the value under its number format, in the spreadsheet's locale. */
export function displayValue(v: CellValue, tz: string, numberFormat?: string, locale?: string): string {
  if (numberFormat && numberFormat !== "@" && numberFormat !== "General") {
    const s = applyNumberFormat(v, numberFormat, tz, locale);
    if (s !== null) return s;
  }
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return generalNumber(v, locale);
  return autoDate(v, tz, locale);
}

/** The raw string Apps Script puts into an edit event's value/oldValue. */
export function eventString(v: CellValue, tz: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return String(dateToSerial(v, tz));
}

const DATE_TOKEN_RE = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|AM\/PM|a\/p|A\/P|"[^"]*"|\\.|./gi;

function isDatePattern(fmt: string): boolean {
  const stripped = fmt.replace(/"[^"]*"|\\./g, "");
  return /[ydhs]/i.test(stripped) || (/m/i.test(stripped) && !/[0#]/.test(stripped));
}

/** A Sheets number format applied to a value, or null where the emulator falls back to automatic. */
function applyNumberFormat(v: CellValue, fmt: string, tz: string, locale?: string): string | null {
  const section = splitSections(fmt)[0] ?? fmt;
  if (isDatePattern(section)) {
    let d: Date | null = null;
    if (v instanceof Date) d = v;
    else if (typeof v === "number") d = serialToDate(v, tz);
    if (!d || Number.isNaN(d.getTime())) return null;
    return formatDatePattern(d, section, tz, locale);
  }
  if (typeof v === "number" && /[0#]/.test(section)) {
    const s = formatNumberPattern(v, fmt);
    // en_US swaps the marks: "1.234,5" → "1,234.5".
    return monthFirst(sheetLocale(locale)) ? s.replace(/[.,]/g, (c) => (c === "." ? "," : ".")) : s;
  }
  return null;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Sheets date tokens (yyyy, mm, dd, hh, ss, mmm, mmmm, ddd, dddd, am/pm), names in the locale. */
export function formatDatePattern(d: Date, pattern: string, tz: string, locale?: string): string {
  const en = sheetLocale(locale) === "en_US";
  const p = zonedParts(d.getTime(), tz);
  const tokens = pattern.match(DATE_TOKEN_RE) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.toLowerCase();
    const prevTime = (): boolean => {
      for (let j = i - 1; j >= 0; j--) {
        const x = tokens[j]!.toLowerCase();
        if (/^[hsdym]+$/.test(x)) return x.startsWith("h");
      }
      return false;
    };
    const nextSec = (): boolean => {
      for (let j = i + 1; j < tokens.length; j++) {
        const x = tokens[j]!.toLowerCase();
        if (/^[hsdym]+$/.test(x)) return x.startsWith("s");
      }
      return false;
    };
    const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (lower) {
      case "yyyy":
        out += String(p.year);
        break;
      case "yy":
        out += pad(p.year % 100);
        break;
      case "mmmm":
        out += (en ? MONTH_NAMES : ID_MONTHS)[p.month - 1];
        break;
      case "mmm":
        out += en ? MONTH_NAMES[p.month - 1]!.slice(0, 3) : ID_MONTHS_SHORT[p.month - 1];
        break;
      case "mm":
      case "m": {
        const minutes = prevTime() || nextSec();
        const n = minutes ? p.minute : p.month;
        out += lower === "mm" ? pad(n) : String(n);
        break;
      }
      case "dddd":
        out += (en ? DAY_NAMES : ID_DAYS)[p.weekday];
        break;
      case "ddd":
        out += en ? DAY_NAMES[p.weekday]!.slice(0, 3) : ID_DAYS_SHORT[p.weekday];
        break;
      case "dd":
        out += pad(p.day);
        break;
      case "d":
        out += String(p.day);
        break;
      case "hh":
        out += pad(ampm ? h12 : p.hour);
        break;
      case "h":
        out += String(ampm ? h12 : p.hour);
        break;
      case "ss":
        out += pad(p.second);
        break;
      case "s":
        out += String(p.second);
        break;
      case "am/pm":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "a/p":
        out += p.hour < 12 ? "A" : "P";
        break;
      default:
        if (t.startsWith('"')) out += t.slice(1, -1);
        else if (t.startsWith("\\")) out += t.slice(1);
        else out += t;
    }
  }
  return out;
}

/** Numeric patterns such as "0", "0.00", "#,##0", "#,##0.00", "0%", with literal prefix/suffix. */
function formatNumberPattern(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  let section = sections[0]!;
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const start = section.search(/[0#]/);
  let end = start;
  while (end < section.length && /[0#.,]/.test(section[end]!)) end++;
  const core = section.slice(start, end);
  const lit = (s: string): string => s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  let prefix = lit(section.slice(0, start));
  const suffix = lit(section.slice(end));
  if (suffix.includes("%")) value *= 100;
  const dot = core.indexOf(".");
  const decimals = dot >= 0 ? core.slice(dot + 1).replace(/[^0#]/g, "") : "";
  const minDecimals = (decimals.match(/0/g) ?? []).length;
  const grouping = (dot >= 0 ? core.slice(0, dot) : core).includes(",");
  const neg = value < 0;
  let s = Math.abs(value).toFixed(decimals.length);
  let [int = "0", frac = ""] = s.split(".");
  while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
  const intPattern = dot >= 0 ? core.slice(0, dot) : core;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  if (int === "0" && minInt === 0) int = "";
  int = int.padStart(minInt, "0");
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  s = frac ? `${int},${frac}` : int;
  if (neg && sections[1] === undefined) prefix = "-" + prefix;
  if (!suffix && !prefix && s === "") s = "0";
  return prefix + s + suffix;
}

// ---------------------------------------------------------------- misc

const NAMED_COLORS: Record<string, string> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  gray: "#808080",
  grey: "#808080",
  silver: "#c0c0c0",
  purple: "#800080",
  cyan: "#00ffff",
  magenta: "#ff00ff",
  lime: "#00ff00",
  navy: "#000080",
  maroon: "#800000",
  teal: "#008080",
  pink: "#ffc0cb",
};

/** CSS colour notation as Sheets returns it: lower-case "#rrggbb". */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

/** A value as the script receives it: Dates copied so the script cannot change the stored one. */
export function outValue(v: CellValue): CellValue {
  return v instanceof Date ? new Date(v.getTime()) : v;
}
