/**
 * The Request record: the applicant's normalised data plus the workflow fields, its statuses,
 * and ticket numbers ("SRL-2611-0007").
 *
 * Times are epoch milliseconds. The register sheet holds one Request per row; the register
 * adapter maps fields to header names and writes every string through sanitize.asSheetText /
 * asSheetLiteral.
 */
import { localDate } from "./dates.js";
import type { Gender } from "./identity.js";
import type { MessageKey, MessageParams } from "./text/index.js";

// ── Statuses ──────────────────────────────────────────────────────────────────

/**
 * The life of a request:
 *   baru ─▶ diproses ─▶ disetujui ─▶ membuat akun ─▶ akun dibuat ─▶ selesai
 *             │  ▲
 *             ▼  │ (lanjutkan)
 *           ditahan
 *   baru/diproses ─▶ perlu perbaikan ─▶ (corrected re-submission) diproses
 *   baru/diproses/ditahan/perlu perbaikan ─▶ ditolak
 * - baru: received, not yet acted on by the first stage (also after intake with no errors).
 * - diproses: in the disposition chain (the stage key says where).
 * - perlu perbaikan: returned to the applicant (intake errors or an official's "kembalikan").
 * - ditahan: put on hold by an official ("tahan"), resumed by "lanjutkan".
 * - ditolak: rejected (terminal).
 * - disetujui: approved by the last approving stage, waiting for account creation.
 * - membuat akun: account creation started (the idempotency guard: never start twice).
 * - akun dibuat: the Directory account exists; letter and mail still to be sent.
 * - selesai: letter delivered (terminal).
 * The workflow table (workflow.ts) decides the transitions; this file only names the states.
 */
export const STATUSES = [
  "baru",
  "diproses",
  "perlu perbaikan",
  "ditahan",
  "ditolak",
  "disetujui",
  "membuat akun",
  "akun dibuat",
  "selesai",
] as const;

export type Status = (typeof STATUSES)[number];

/** Statuses after which nothing more happens to a request. */
export const TERMINAL_STATUSES: readonly Status[] = ["ditolak", "selesai"];

/** Statuses of a request that still counts as open (for duplicate checks and reminders). */
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: Status): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The catalogue key of a status label ("perlu perbaikan" → "status.perlu_perbaikan"). */
export function statusTextKey(status: Status): MessageKey {
  return `status.${status.replace(/ /g, "_")}` as MessageKey;
}

// ── Applicant data ─────────────────────────────────────────────────────────────

export type EmploymentStatus = "PNS" | "PPPK" | "NON_ASN";
export const EMPLOYMENT_STATUSES: readonly EmploymentStatus[] = ["PNS", "PPPK", "NON_ASN"];

export type AccountType = "pribadi" | "unit";
export const ACCOUNT_TYPES: readonly AccountType[] = ["pribadi", "unit"];

export type DuplicateVerdict = "aman" | "kemungkinan duplikat" | "sudah terdaftar";

/**
 * What the applicant gave, normalised. When a value could not be normalised (an invalid NIP, a
 * malformed phone number), the field holds the cleaned raw value and a Problem names the field:
 * nothing the applicant typed is dropped.
 */
export interface Applicant {
  /** Display name with titles: "Dr. Ahmad Fauzi, S.T., M.T.". */
  fullName: string;
  /** The name without titles: "Ahmad Fauzi". */
  name: string;
  titlesBefore: string[];
  titlesAfter: string[];
  /** names.nameKey(name), for duplicate detection. */
  nameKey: string;
  employment: EmploymentStatus | "";
  /** NIP or NI PPPK, 18 digits when valid. */
  nip: string;
  /** Which kind `nip` was validated as; "" when empty or invalid. */
  nipKind: "nip" | "nipppk" | "";
  /** From the NIP / NI PPPK (else from the NIK), "yyyy-MM-dd"; "" when unknown. */
  birthDate: string;
  gender: Gender | "";
  /** 16 digits when valid; "" when not given. */
  nik: string;
  position: string;
  /** The OPD's code from the configuration; "" when the answer matched no OPD. */
  opdCode: string;
  /** The OPD's name from the configuration, or the raw answer when it matched none. */
  opdName: string;
  /** E.164 ("+6281234567890") when valid. */
  phone: string;
  /** Lower case. */
  personalEmail: string;
  accountType: AccountType | "";
  unitName: string;
  unitAcronym: string;
  /** Lower case, without "@domain". */
  proposedUsername: string;
  requestLetterNumber: string;
  /** "yyyy-MM-dd" when readable. */
  requestLetterDate: string;
  /** A corrected re-submission names the returned request's ticket. */
  previousTicket: string;
  statementAccepted: boolean;
}

/** An intake problem as stored with the request (the message in the office language). */
export interface StoredProblem {
  code: MessageKey;
  field: string | null;
  severity: "error" | "warning";
  message: string;
  params?: MessageParams;
}

export interface Request extends Applicant {
  ticket: string;
  status: Status;
  /** The stage the request is at (config.stages[].key); "" before the chain or after it. */
  stageKey: string;
  /** Officials who must act now (e-mail addresses). */
  responsible: string[];
  submittedMs: number;
  updatedMs: number;
  /** When the request entered its current stage (step time is counted from here). */
  stageEnteredMs: number;
  /** When the request reached a terminal status; null while open. */
  closedMs: number | null;
  /** A stable key of the form response (e.g. its row and timestamp) so it is registered once. */
  idempotencyKey: string;
  problems: StoredProblem[];
  duplicateVerdict: DuplicateVerdict | "";
  /** Explanation of the duplicate check's matches, in the office's language. */
  duplicateNote: string;
  /** The account address given out, e.g. "ahmad.fauzi@contohkota.go.id". */
  assignedAddress: string;
  /** Number of the outgoing credential letter. */
  letterNumber: string;
  /** Drive file id of the archived letter (with the password masked). */
  letterFileId: string;
  accountCreatedMs: number | null;
  /** The last reason given by an official (return, hold, reject). */
  note: string;
}

/** An Applicant with every field empty. */
export function emptyApplicant(): Applicant {
  return {
    fullName: "",
    name: "",
    titlesBefore: [],
    titlesAfter: [],
    nameKey: "",
    employment: "",
    nip: "",
    nipKind: "",
    birthDate: "",
    gender: "",
    nik: "",
    position: "",
    opdCode: "",
    opdName: "",
    phone: "",
    personalEmail: "",
    accountType: "",
    unitName: "",
    unitAcronym: "",
    proposedUsername: "",
    requestLetterNumber: "",
    requestLetterDate: "",
    previousTicket: "",
    statementAccepted: false,
  };
}

/**
 * The status a freshly registered request starts in: "perlu perbaikan" when intake found an
 * error (the applicant is told what to correct), else "baru".
 */
export function initialStatus(problems: readonly { severity: "error" | "warning" }[]): Status {
  return problems.some((p) => p.severity === "error") ? "perlu perbaikan" : "baru";
}

/** A new Request from intake's result; workflow fields start empty. */
export function newRequest(
  applicant: Applicant,
  init: { ticket: string; submittedMs: number; idempotencyKey: string; problems: StoredProblem[] },
): Request {
  return {
    ...applicant,
    ticket: init.ticket,
    status: initialStatus(init.problems),
    stageKey: "",
    responsible: [],
    submittedMs: init.submittedMs,
    updatedMs: init.submittedMs,
    stageEnteredMs: init.submittedMs,
    closedMs: null,
    idempotencyKey: init.idempotencyKey,
    problems: init.problems,
    duplicateVerdict: "",
    duplicateNote: "",
    assignedAddress: "",
    letterNumber: "",
    letterFileId: "",
    accountCreatedMs: null,
    note: "",
  };
}

// ── Ticket numbers ─────────────────────────────────────────────────────────────

export const TICKET_PREFIX = "SRL";
/** The serial is padded to at least this many digits; it grows beyond 9999 rather than wrap. */
export const TICKET_SERIAL_DIGITS = 4;

export interface TicketParts {
  prefix: string;
  /** Four-digit year (20YY). */
  year: number;
  month: number;
  serial: number;
}

/**
 * "SRL-2611-0007": prefix, the two-digit year and month of submission in the office's time zone
 * (`yyMM`, see ticketPeriod), and the serial within that month (from 1).
 */
export function formatTicket(prefix: string, yyMM: string, serial: number): string {
  if (!/^[A-Z]{2,5}$/.test(prefix)) throw new Error(`Invalid ticket prefix: ${prefix}`);
  if (!/^\d{2}(0[1-9]|1[0-2])$/.test(yyMM)) throw new Error(`Invalid ticket period: ${yyMM}`);
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`Invalid ticket serial: ${serial}`);
  return `${prefix}-${yyMM}-${String(serial).padStart(TICKET_SERIAL_DIGITS, "0")}`;
}

/** Parse a ticket typed by a person (any case, spaces around, "SRL 2611 0007" too); null if not one. */
export function parseTicket(text: string): TicketParts | null {
  const m = /^\s*([A-Za-z]{2,5})[\s-]+(\d{2})(\d{2})[\s-]+(\d{4,})\s*$/.exec(text);
  if (!m) return null;
  const month = +m[3]!;
  const serial = +m[4]!;
  if (month < 1 || month > 12 || serial < 1) return null;
  return { prefix: m[1]!.toUpperCase(), year: 2000 + +m[2]!, month, serial };
}

/** The canonical spelling of a typed ticket ("srl 2611 7" is not one; "srl-2611-0007" → "SRL-2611-0007"). */
export function normalizeTicket(text: string): string | null {
  const p = parseTicket(text);
  if (!p) return null;
  return formatTicket(
    p.prefix,
    `${String(p.year % 100).padStart(2, "0")}${String(p.month).padStart(2, "0")}`,
    p.serial,
  );
}

/** The `yyMM` of a moment in the office's time zone (offset in minutes east of UTC). */
export function ticketPeriod(ms: number, utcOffsetMinutes: number): string {
  const d = localDate(ms, utcOffsetMinutes);
  return `${String(d.year % 100).padStart(2, "0")}${String(d.month).padStart(2, "0")}`;
}

// ── Office time ────────────────────────────────────────────────────────────────
// One implementation in dates.ts; re-exported for the modules that import them here.
export { localDate, localTime, zoneAbbreviation } from "./dates.js";
