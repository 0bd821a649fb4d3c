/**
 * Retention of personal data (UU PDP No. 27/2022): which closed requests are due for erasure,
 * which of their fields are personal, and what replaces them. Pure; the sweep's retention pass
 * (flows/retention.ts) reads the register and the form responses, asks here, and writes.
 *
 * The rules:
 * - A request is due when it is closed ("selesai" or "ditolak") and its row was last changed more
 *   than `retentionDays` ago. The close time is the register's "Diperbarui" (updatedAt), which
 *   every program write of the row sets; for a row without one (imported, entered by hand) the
 *   latest date the row holds. Any later change (the credential expiry check, a repair) moves it
 *   later, never earlier: data is kept at least `retentionDays` after the request was closed.
 * - A finished request whose provisioning still needs the applicant's personal address waits:
 *   the unused-credential check after the letter (it tells the applicant), a reissue asked for, a
 *   run in progress or waiting to be resumed.
 * - Always erased: NIP / NI PPPK, NIK, position, mobile number, personal e-mail, the requested
 *   username, the OPD's request letter (number and date), the intake's data problems and the
 *   duplicate check's note (both quote identity numbers, names and addresses of this and other
 *   requests).
 * - The name (with and without titles) and the e-mail address stay when an account was given
 *   (status "selesai", or "Akun Dibuat" recorded): they are the office's record of who holds which
 *   official account, the same facts its letter archive and the directory keep, and later
 *   duplicate checks need them ("the same name in the same OPD already has an account"). For a
 *   request that got no account they serve no purpose any more and are erased too (the proposed
 *   address is made from the name).
 * - Kept for the archive: the ticket, status, stage, OPD, employment status, account type and
 *   unit, the previous ticket, officials' notes, the letter number and archive link, provisioning
 *   state and every date.
 * - The status page's record (Status Publik) loses the first name with the rest, in the same batch
 *   and under the same log entry; a closed complaint loses its complainant's name, address and
 *   text after the same period (complaintFieldsDue).
 * - An erased cell holds a visible marker with the erasure date ("[dihapus 2028-11-23]"); a cell
 *   that was empty stays empty (nothing was there to erase). A request is erased once: when no
 *   field it would erase holds anything but a marker, nothing is due.
 */
import type { Language } from "./config.js";
import { QUESTIONS, questionTitle, SYSTEM_TITLES, type FieldKey } from "./form.js";
import { isStatus, isTerminal } from "./request.js";
import { LANGUAGES, t, tx, type MessageKey, type MessageParams } from "./text/index.js";

export const DAY_MS = 86_400_000;

/** The log action of an erasure (a system entry that does not move the request). */
export const ERASE_ACTION = "hapus_data_pribadi";

/** Register fields erased from every closed request (the names are register column keys). */
export const ALWAYS_ERASED = [
  "nip",
  "nik",
  "position",
  "phone",
  "personalEmail",
  "wish",
  "requestLetter",
  "problems",
  "duplicate",
  "changeDetails",
] as const;

/** Register fields erased only from a request that got no account. */
export const ERASED_WITHOUT_ACCOUNT = ["fullName", "name", "address", "addressRecorded"] as const;

export type PersonalField = (typeof ALWAYS_ERASED)[number] | (typeof ERASED_WITHOUT_ACCOUNT)[number];

export const PERSONAL_FIELDS: readonly PersonalField[] = [...ALWAYS_ERASED, ...ERASED_WITHOUT_ACCOUNT];

/**
 * Form answers that stay in the responses sheet (everything else there is erased, including
 * columns the program does not know, such as a file-upload question added by hand or the
 * respondent's collected e-mail).
 */
const KEPT_ANSWERS: readonly FieldKey[] = [
  "status",
  "opd",
  "accountType",
  "unitName",
  "unitAcronym",
  "previousTicket",
  "statement",
];
/** Form answers that stay when the request got an account (the name, as in the register). */
const KEPT_ANSWERS_WITH_ACCOUNT: readonly FieldKey[] = ["fullName", "titlesBefore", "titlesAfter"];

/** Provisioning labels after which nothing needs the applicant's personal address any more. */
const PROVISIONING_DONE: readonly string[] = ["", "digunakan", "kedaluwarsa", "gagal"];

// ---------------------------------------------------------------------------------------------
// The marker
// ---------------------------------------------------------------------------------------------

/** What an erased cell holds: "[dihapus 2028-11-23]" (English: "[erased 2028-11-23]"). */
export function erasureMarker(lang: Language, day: string): string {
  return t(lang, "retention.marker", { date: day });
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The markers of every language (the language setting may change after an erasure). */
const MARKER_RE = new RegExp(
  `^(?:${LANGUAGES.map((lang) =>
    escapeRegExp(t(lang, "retention.marker", { date: "\u0000" })).replace("\u0000", "\\d{4}-\\d{2}-\\d{2}"),
  ).join("|")})$`,
);

export function isErasureMarker(value: unknown): boolean {
  return typeof value === "string" && MARKER_RE.test(value.trim());
}

/** A cell that holds something to erase: neither empty nor a marker already. */
export function holdsData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (value instanceof Date) return true;
  const s = String(value).trim();
  return s !== "" && !isErasureMarker(s);
}

// ---------------------------------------------------------------------------------------------
// Which rows are due
// ---------------------------------------------------------------------------------------------

/** What the retention pass needs to know of one register row. */
export interface RetentionFacts {
  status: string;
  /** The row's "Diperbarui" (0 when empty). */
  updatedMs: number;
  /** Other dates the row holds (received, stage entered, account created, letter sent); 0s ignored. */
  otherDatesMs: readonly number[];
  /** The label of "Status Pembuatan" ("" when none). */
  provisioningLabel: string;
  /** When the credential letter went out (0 = not recorded). */
  letterSentMs: number;
  /** "Akun Dibuat" is recorded. */
  accountCreated: boolean;
  /** The personal cells as read. */
  values: Readonly<Partial<Record<PersonalField, unknown>>>;
}

export type RetentionVerdict =
  | { kind: "open" }
  /** Closed, but no date in the row tells since when. */
  | { kind: "undated" }
  | { kind: "retained"; closedMs: number; dueMs: number }
  /** Provisioning still needs the personal address (expiry check, reissue, a run to resume). */
  | { kind: "waiting"; closedMs: number }
  /** Nothing left to erase. */
  | { kind: "erased" }
  | { kind: "due"; closedMs: number; fields: PersonalField[]; accountGiven: boolean };

/** The request got an account: its name and address stay. */
export function accountGiven(f: Pick<RetentionFacts, "status" | "accountCreated">): boolean {
  return f.status === "selesai" || f.accountCreated;
}

/** The fields erased from a row (register column keys, in column order of this list). */
export function erasableFields(given: boolean): PersonalField[] {
  return given ? [...ALWAYS_ERASED] : [...PERSONAL_FIELDS];
}

/** Since when a closed row counts as closed: "Diperbarui", else the latest date it holds; 0 if none. */
export function closedAtMs(f: Pick<RetentionFacts, "updatedMs" | "otherDatesMs">): number {
  if (f.updatedMs > 0) return f.updatedMs;
  return Math.max(0, ...f.otherDatesMs.filter((ms) => Number.isFinite(ms)));
}

/** Whether provisioning still needs the applicant's personal data. */
export function provisioningPending(f: Pick<RetentionFacts, "provisioningLabel" | "letterSentMs">): boolean {
  if (f.provisioningLabel === "selesai") return f.letterSentMs > 0; // the unused-credential check will mail
  return !PROVISIONING_DONE.includes(f.provisioningLabel);
}

export function retentionVerdict(f: RetentionFacts, retentionDays: number, nowMs: number): RetentionVerdict {
  if (!isStatus(f.status) || !isTerminal(f.status)) return { kind: "open" };
  const given = accountGiven(f);
  const fields = erasableFields(given).filter((k) => holdsData(f.values[k]));
  if (fields.length === 0) return { kind: "erased" };
  const closedMs = closedAtMs(f);
  if (closedMs <= 0) return { kind: "undated" };
  const dueMs = closedMs + retentionDays * DAY_MS;
  if (nowMs <= dueMs) return { kind: "retained", closedMs, dueMs };
  if (f.status === "selesai" && provisioningPending(f)) return { kind: "waiting", closedMs };
  return { kind: "due", closedMs, fields, accountGiven: given };
}

/** The cells a due row gets: a marker in every field that held something. */
export function erasedValues(
  fields: readonly PersonalField[],
  marker: string,
): Record<PersonalField, string> {
  const out = {} as Record<PersonalField, string>;
  for (const k of fields) out[k] = marker;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Complaints and the status page's record
// ---------------------------------------------------------------------------------------------

/**
 * A complaint's personal cells (Pengaduan column keys): the complainant's name and address and
 * the complaint's text (which quotes whatever the complainant wrote). Kept: the number, the ticket
 * it is about, the dates, the status, the handlers. The hash-chained log holds none of them (its
 * filing entry's actor is "pengadu", not the typed address; responses are officials' words).
 */
export const COMPLAINT_PERSONAL = ["name", "email", "text"] as const;
export type ComplaintPersonal = (typeof COMPLAINT_PERSONAL)[number];

/**
 * The complaint fields to erase now: a closed complaint ("selesai") whose closing (else its last
 * change) lies more than `retentionDays` ago; [] when none is due (open, recent, undated, erased).
 */
export function complaintFieldsDue(
  f: {
    status: string;
    closedMs: number;
    updatedMs: number;
    values: Readonly<Partial<Record<ComplaintPersonal, unknown>>>;
  },
  retentionDays: number,
  nowMs: number,
): ComplaintPersonal[] {
  if (f.status !== "selesai") return [];
  const closedMs = f.closedMs > 0 ? f.closedMs : f.updatedMs;
  if (!(closedMs > 0) || nowMs <= closedMs + retentionDays * DAY_MS) return [];
  return COMPLAINT_PERSONAL.filter((k) => holdsData(f.values[k]));
}

// ---------------------------------------------------------------------------------------------
// The form responses sheet
// ---------------------------------------------------------------------------------------------

/** Header title → form field, in every language; system columns apart. */
function titleMap(): Map<string, FieldKey> {
  const map = new Map<string, FieldKey>();
  for (const q of QUESTIONS) for (const lang of LANGUAGES) map.set(questionTitle(q.key, lang), q.key);
  return map;
}

/**
 * For each column of the responses sheet (by its header), whether it is erased: every answer but
 * the ones kept for the archive (and the name when an account was given). The timestamp, the
 * quiz score and columns without a header stay; unknown columns are erased.
 */
export function responseColumnsToErase(headers: readonly unknown[], given: boolean): boolean[] {
  const byTitle = titleMap();
  const keep = new Set<FieldKey>([...KEPT_ANSWERS, ...(given ? KEPT_ANSWERS_WITH_ACCOUNT : [])]);
  const systemKept = new Set<string>([...SYSTEM_TITLES.timestamp, ...SYSTEM_TITLES.score]);
  return headers.map((h) => {
    const title = String(h ?? "").trim();
    if (!title || systemKept.has(title)) return false;
    const key = byTitle.get(title);
    return key ? !keep.has(key) : true;
  });
}

// ---------------------------------------------------------------------------------------------
// Batches
// ---------------------------------------------------------------------------------------------

/** Consecutive row numbers grouped into runs (sorted, duplicates dropped): one range write each. */
export function rowRuns(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: { start: number; count: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else out.push({ start: r, count: 1 });
  }
  return out;
}

/**
 * Splits due rows (in sheet order) into batches of at most `maxRows` rows and `maxRuns` runs, so
 * that one batch is a bounded amount of work between two looks at the time budget.
 */
export function batches(rows: readonly number[], maxRows: number, maxRuns: number): number[][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: number[][] = [];
  let current: number[] = [];
  let runs = 0;
  for (const r of sorted) {
    const newRun = current.length === 0 || current[current.length - 1]! + 1 !== r;
    if (current.length > 0 && (current.length >= maxRows || (newRun && runs >= maxRuns))) {
      out.push(current);
      current = [];
      runs = 0;
    }
    if (current.length === 0 || newRun) runs++;
    current.push(r);
  }
  if (current.length > 0) out.push(current);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bulk requests' list sheets
// ---------------------------------------------------------------------------------------------

/** What the list pass needs to know of one batch (Permohonan Massal) and its members. */
export interface BatchListFacts {
  /** When the OPD's summary went (0 = not yet). */
  summarySentMs: number;
  /** When the batch was made (its "Dibuat"). */
  createdMs: number;
  /** An import of the list waits to be continued. */
  importPending: boolean;
  /** The register rows of its members. */
  members: readonly RetentionFacts[];
}

/**
 * When a batch's list sheet (names, NIP, NIK, phones, personal e-mails as the OPD sent them) is
 * due for erasure, or null while its period has not begun:
 * - with members: `retentionDays` after the OPD's summary went (it goes once every member is
 *   closed), and not while any member still keeps its data by the requests' own rules (open,
 *   undated, within its period, provisioning waiting): the list's copy of a person goes with the
 *   register's, never before it. (A member's erasure sets its "Diperbarui": an erased member no
 *   longer holds the list back, whatever its date says.)
 * - the rows never registered (refused at the import) have no request: they are the batch's, and
 *   go with the list, `retentionDays` after the summary (the OPD was told of them then);
 * - a batch with no member at all (every row refused, or never imported) gets no summary: its
 *   list goes `retentionDays` after the batch was made, unless an import is under way.
 */
export function batchListDueMs(f: BatchListFacts, retentionDays: number, nowMs: number): number | null {
  if (f.importPending) return null;
  let since: number;
  if (f.members.length === 0) since = f.createdMs;
  else {
    if (f.summarySentMs <= 0) return null;
    since = f.summarySentMs;
    for (const m of f.members) {
      const v = retentionVerdict(m, retentionDays, nowMs);
      if (v.kind !== "due" && v.kind !== "erased") return null;
    }
  }
  return since > 0 ? since + retentionDays * DAY_MS : null;
}

/** Problem parameters that name no person (a field's title, a limit, the office's domain, the letter's date). */
const DATA_FREE_PARAMS = new Set(["field", "max", "min", "count", "domain", "date"]);

/**
 * A refused row's problems as the list keeps them after the erasure: the same messages with every
 * value the person typed replaced by "…" (a quoted address, a name, a status as typed).
 */
export function problemsWithoutData(
  problems: readonly { code: MessageKey; params?: MessageParams }[],
  lang: Language,
): string {
  return problems
    .map((p) => {
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(p.params ?? {})) params[k] = DATA_FREE_PARAMS.has(k) ? v : "\u2026";
      return `\u2022 ${tx(lang, p.code, params)}`;
    })
    .join("\n");
}
