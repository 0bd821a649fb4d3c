/** A date answer as applicants type it, read into a calendar date. */
import { isRealDate, type Ymd } from "./identity.js";
import { localDate, parseMonthName } from "./dates.js";

/**
 * Read a date answer: "2026-11-22", "2026/11/22", "22/11/2026" (or 22-11-2026, 22.11.2026; "mdy"
 * order on request), "22 November 2026", "22 Nov 2026", "Minggu, 22 November 2026", and an ISO
 * date-time with zone ("2026-11-21T17:00:00.000Z", a Date cell's ISO form), read in the office's
 * zone. null when it is none of these or not a real date.
 */
export function parseDateAnswer(
  text: string,
  options: { order?: "dmy" | "mdy"; utcOffsetMinutes?: number } = {},
): Ymd | null {
  const s = text.trim().replace(/^\p{L}+,\s*/u, "");
  let d: Ymd | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(s))) {
    const ms = Date.parse(s);
    if (isNaN(ms)) return null;
    d = localDate(ms, options.utcOffsetMinutes ?? 420);
  } else if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s))) {
    d = { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  } else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) {
    const [a, b] = [+m[1]!, +m[2]!];
    d = options.order === "mdy" ? { year: +m[3]!, month: a, day: b } : { year: +m[3]!, month: b, day: a };
  } else if ((m = /^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$/u.exec(s))) {
    const month = parseMonthName(m[2]!);
    if (!month) return null;
    d = { year: +m[3]!, month, day: +m[1]! };
  }
  return d && isRealDate(d) ? d : null;
}
