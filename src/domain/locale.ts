/**
 * Dates as a spreadsheet writes them. Form answers and timestamps reach the program as text
 * formatted in the spreadsheet's locale (`Spreadsheet.getSpreadsheetLocale()`): "20/11/2026
 * 9:15:01" in id_ID, "11/20/2026 9:15:01" in en_US. The locale decides the order of day and month;
 * nothing here guesses it from the digits ("11/3/2026" is 11 March in id_ID and 3 November in
 * en_US, and both are real dates).
 */

/** Which part comes first in a numeric date. */
export type DateOrder = "dmy" | "mdy" | "ymd";

/**
 * Locales whose numeric dates put the month first (Google Sheets' formats for these locales);
 * year-first locales write "2026/11/20" or "2026-11-20", which every reader understands. Every
 * other locale (id_ID, en_GB, en_AU, nl_NL, …) is read day first.
 */
const MONTH_FIRST = new Set(["en_US", "es_US", "en_PH", "fil_PH"]);
const YEAR_FIRST_LANGUAGES = new Set(["ja", "zh", "ko", "hu", "lt", "mn"]);

/** The date order of a spreadsheet locale ("en_US", "id_ID", "id", "en-US"). */
export function dateOrderOf(locale: string): DateOrder {
  const norm = locale.trim().replace("-", "_");
  if (MONTH_FIRST.has(norm)) return "mdy";
  const language = norm.split("_")[0]!.toLowerCase();
  if (YEAR_FIRST_LANGUAGES.has(language)) return "ymd";
  return "dmy";
}

/** How a date order reads in the setup report ("day/month/year"). */
export function dateOrderKey(order: DateOrder): "locale.order.dmy" | "locale.order.mdy" | "locale.order.ymd" {
  return `locale.order.${order}`;
}

/**
 * A timestamp as text → ms since epoch, reading the wall clock in a zone `utcOffsetMinutes` east
 * of UTC. Accepts "d/M/yyyy H:mm[:ss]" or "M/d/yyyy h:mm[:ss] [AM|PM]" (by `order`), "yyyy/MM/dd
 * H:mm[:ss] [AM|PM] [GMT+7]", "yyyy-MM-dd[ T]HH:mm[:ss]" and ISO with a zone. null when it is none
 * of these or names no real date and time.
 */
export function parseTimestamp(text: string, order: DateOrder, utcOffsetMinutes: number): number | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : ms;
  }
  const time = String.raw`(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp][Mm])?\s*(?:GMT([+-]\d{1,2})(?::?(\d{2}))?)?)?`;
  let y: number, mo: number, d: number;
  let m = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${time}$`).exec(s);
  if (m) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else {
    m = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${time}$`).exec(s);
    if (!m || order === "ymd") return null;
    const [a, b] = [+m[1]!, +m[2]!];
    [y, mo, d] = order === "mdy" ? [+m[3]!, a, b] : [+m[3]!, b, a];
  }
  let hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  const ampm = m[7]?.toUpperCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === "PM" ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, hour, minute, second);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  let offset = utcOffsetMinutes;
  if (m[8] !== undefined) {
    const h = +m[8];
    offset = h * 60 + (h < 0 || m[8].startsWith("-") ? -1 : 1) * +(m[9] ?? 0);
  }
  return wall - offset * 60_000;
}

/** A timestamp later than now by more than this is refused (clock skew between services). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type TimestampVerdict =
  { ok: true; ms: number } | { ok: false; reason: "unreadable" | "future"; ms: number | null };

/**
 * The submission time of a response: its timestamp cell (a Date, or text in the spreadsheet's
 * locale). A timestamp that cannot be read, or that lies in the future (a US "8/20/2026" read day
 * first would be August 2027), is refused: the caller registers the response at `nowMs` and says so.
 */
export function responseTime(
  cell: unknown,
  text: string,
  order: DateOrder,
  utcOffsetMinutes: number,
  nowMs: number,
): TimestampVerdict {
  let ms: number | null = null;
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) ms = cell.getTime();
  else {
    const raw = typeof cell === "string" && cell.trim() !== "" ? cell : text;
    ms = raw.trim() === "" ? null : parseTimestamp(raw, order, utcOffsetMinutes);
  }
  if (ms === null) return { ok: false, reason: "unreadable", ms: null };
  if (ms > nowMs + FUTURE_TOLERANCE_MS) return { ok: false, reason: "future", ms };
  return { ok: true, ms };
}
