/**
 * Cleaning of text that came from outside (a form, a sheet edit) before it is kept or shown.
 *
 * Three separate concerns, three functions:
 * - cleanText: what we keep. Trimmed, whitespace collapsed, control and invisible formatting
 *   characters removed, NFC-normalised, length capped.
 * - asSheetText / asSheetLiteral: what we write into a spreadsheet cell. Applied at the sheet
 *   boundary only (the register adapter), never to values used in mail or letters.
 * - escapeHtml: what we put into HTML.
 */

/** C0/C1 control characters (tab, LF and CR are whitespace and handled separately). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Invisible formatting characters: zero-width space/joiners, word joiner, BOM, soft hyphen and
 * the bidirectional overrides/isolates. They make two equal-looking values differ (a duplicate
 * check would miss them) and bidi overrides can make a value display reversed ("Trojan source").
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Every kind of horizontal space, including no-break and the typographic spaces. */
const SPACES = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export interface CleanedText {
  text: string;
  /** True when the value was longer than the limit and was cut. */
  truncated: boolean;
}

export interface CleanOptions {
  /** Keep line breaks (paragraph answers); blank lines are collapsed to one. Default false. */
  multiline?: boolean;
}

/**
 * Trim, collapse whitespace, strip control and invisible characters, NFC-normalise, cap at
 * `maxLen` code points (a surrogate pair is never split). Any value is accepted: null/undefined
 * become "", numbers and booleans their string form, Dates their ISO form.
 */
export function cleanText(value: unknown, maxLen = 500, options: CleanOptions = {}): CleanedText {
  let s = stringOf(value);
  s = s.normalize("NFC");
  s = s.replace(/\r\n?/g, "\n");
  s = s.replace(INVISIBLE, "");
  if (options.multiline) {
    s = s
      .split("\n")
      .map((line) => line.replace(CONTROL, "").replace(SPACES, " ").trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  } else {
    s = s.replace(/\n/g, " ").replace(CONTROL, "").replace(SPACES, " ").trim();
  }
  const points = Array.from(s);
  if (maxLen >= 0 && points.length > maxLen) {
    return { text: points.slice(0, maxLen).join("").trimEnd(), truncated: true };
  }
  return { text: s, truncated: false };
}

function stringOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return isNaN(value.getTime()) ? "" : value.toISOString();
  if (Array.isArray(value)) return value.map(stringOf).join(", ");
  return String(value);
}

/**
 * Characters that make a spreadsheet treat a typed value as a formula (=, +, -, @) – also after
 * leading spaces, which Sheets and other spreadsheet programs skip – and tab/CR/LF at the very
 * start, which CSV exports turn into the start of a cell or row (OWASP "CSV injection").
 */
const FORMULA_START = /^[\t\r\n]|^[ \u00A0]*[=+\-@]/;

/**
 * Neutralise a value from a form before it is written to a sheet with setValue/setValues: a
 * leading apostrophe makes Sheets store the rest as plain text and is itself neither stored nor
 * shown. Without it "=IMPORTXML(…)" typed as a name would run as a formula in an official's
 * session, and "+62812…" would become a number.
 *
 * The rule is purely syntactic and applies to legitimate values too: "-" (a common "none"
 * answer) is written as "'-" and still displays as "-"; "+6281234567890" displays unchanged.
 * A value that already starts with an apostrophe gets a second one, since Sheets would
 * otherwise eat the applicant's own apostrophe.
 */
export function asSheetText(value: string): string {
  if (FORMULA_START.test(value) || value.startsWith("'")) return "'" + value;
  return value;
}

/**
 * asSheetText, and also protect values Sheets would convert into something else on entry:
 * anything starting with a digit (or a sign/point then a digit) may become a number or a date
 * ("198503302010011002" loses precision as a number, "0812…" loses its 0, "1/2/2026" becomes a
 * date), and TRUE/FALSE become booleans. Use it for identifiers such as NIP, NIK, phone numbers
 * and letter numbers.
 */
export function asSheetLiteral(value: string): string {
  const guarded = asSheetText(value);
  if (guarded !== value) return guarded;
  if (/^\s*[.,]?\d/.test(value) || /^\s*(true|false)\s*$/i.test(value)) return "'" + value;
  return value;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape text for an HTML element body or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
