/**
 * Provisioning, the pure part: the idempotency state a request carries in the register's
 * "Status Pembuatan" column, what a resuming run does next, the Directory error classes and the
 * backoff schedule, the user resource sent to `users.insert`, and the mails around the credential
 * letter (none of which ever contains a password).
 *
 * The state machine (label of the "Status Pembuatan" cell):
 *
 *   ""/gagal ─▶ antre ─▶ membuat ─▶ dibuat ─▶ arsip ─▶ mengirim ─▶ selesai ─▶ digunakan | kedaluwarsa
 *                           │           │        │          │
 *                           └───────────┴────────┴──────────┴──▶ menunggu ulang / menunggu kuota ─▶ (resumed)
 *
 * - antre: "Buat akun" was chosen; the request waits in the queue the provisioning worker
 *   (handlers/worker.ts) drains. Nothing has happened outside the register yet.
 * - membuat: the run holds the request and is about to check the directory and insert the user.
 * - dibuat: the account exists (confirmed) and, in the run that created it, the letter is
 *   numbered in the same write; group membership and the archive copy follow.
 * - arsip: a letter numbered on its own (a resumed run, a reissue); its archive copy (password
 *   masked) is being made.
 * - mengirim: the letter PDF is ready and about to be mailed; the cell keeps the mail quota read
 *   just before sending, so that a run cut off while sending can be told apart afterwards
 *   (quota unchanged on the same day = nothing went out).
 * - selesai: the letter went out; digunakan / kedaluwarsa: the first sign-in happened, or the
 *   unused temporary password was invalidated by the sweep.
 * - menunggu ulang / menunggu kuota: a step failed (the sweep retries it) or the mail quota is
 *   spent (the sweep sends when there is quota again). gagal: a permanent failure.
 * - menunggu lisensi: the account would take the last Workspace licence (flows/licences.ts);
 *   the cell keeps the licences of the settings then, and the sweep resumes once they are raised.
 * - diminta ulang: an administrator asked for a new letter (new number, new password); the sweep
 *   issues it.
 * "In progress" labels belong to a live execution; the sweep takes them over only when they are
 * older than LEASE_MS (an execution never runs longer than 6 minutes).
 */
import type { Language, OfficeConfig } from "./config.js";
import { footer, render, type Block, type MailText } from "./mailkit.js";
import { maskNip } from "./identity.js";
import { t } from "./text/index.js";
import type { AccountType } from "./request.js";

// ---------------------------------------------------------------------------------------------
// The state cell
// ---------------------------------------------------------------------------------------------

export const IN_PROGRESS = ["membuat", "dibuat", "arsip", "mengirim"] as const;
/**
 * "menunggu tanggal": a change (domain/changes.ts) approved before its effective date; its time
 * is the moment that day begins in the office's zone, when the sweep takes it up.
 */
export const WAITING = [
  "menunggu ulang",
  "menunggu kuota",
  "menunggu lisensi",
  "diminta ulang",
  "menunggu tanggal",
] as const;
export const FINISHED = ["selesai", "digunakan", "kedaluwarsa"] as const;
export type InProgressLabel = (typeof IN_PROGRESS)[number];
export type WaitingLabel = (typeof WAITING)[number];
export type FinishedLabel = (typeof FINISHED)[number];
export type ProvisionLabel = "antre" | InProgressLabel | WaitingLabel | FinishedLabel | "gagal";

export const PROVISION_LABELS: readonly ProvisionLabel[] = [
  "antre",
  ...IN_PROGRESS,
  ...WAITING,
  ...FINISHED,
  "gagal",
];

/** An execution lasts at most 6 minutes: a state older than this has no live owner. */
export const LEASE_MS = 7 * 60_000;
/**
 * A queued request ("antre") the worker has not claimed for this long is also taken by the sweep
 * (the worker's triggers may be lost or refused). Taking is a claim under the lock: in a long but
 * healthy queue the sweep merely helps the workers.
 */
export const QUEUE_STALE_MS = 15 * 60_000;
/** Failed attempts (each a sweep run) before the sweep gives up and asks an administrator. */
export const MAX_ATTEMPTS = 12;

export interface ProvisionState {
  /** "" when provisioning never started. */
  label: ProvisionLabel | "";
  /** When the state was written (epoch ms); 0 when unknown. */
  atMs: number;
  /** mengirim: the remaining daily mail quota read just before sending. */
  quota?: number;
  /** menunggu ulang / gagal: failed attempts so far. */
  attempts?: number;
  /** A short reason (failures). */
  note?: string;
  /** menunggu lisensi: the licences the settings held when the request stopped. */
  licences?: number;
  /**
   * The run is a reissue (a new letter for a finished request): kept in every state the reissue
   * writes, so that a failed attempt is retried as a reissue and never taken as finished.
   * The value is the previous letter's number ("" when unknown).
   */
  reissueOf?: string;
}

const SEP = " \u00b7 ";
/** The cell's mark of a reissue: "terbit ulang dari <previous letter number>". */
const REISSUE_TOKEN = "terbit ulang dari";

export function isProvisionLabel(s: string): s is ProvisionLabel {
  return (PROVISION_LABELS as readonly string[]).includes(s);
}

/** "mengirim · 2026-11-23T01:05:12.000Z · kuota 1490" (the cell text). */
/**
 * The moment as officials read it, in the office's time and still exact for the program:
 * "2026-11-23T14:20:44+07:00" (ISO 8601 with the office's offset, which Date.parse reads back).
 */
export function localIso(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = utcOffsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(utcOffsetMinutes);
  return `${d}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function formatProvisionState(s: ProvisionState, utcOffsetMinutes = 420): string {
  if (!s.label) return "";
  const parts: string[] = [s.label, localIso(s.atMs, utcOffsetMinutes)];
  if (s.quota !== undefined) parts.push(`kuota ${s.quota}`);
  if (s.attempts !== undefined) parts.push(`percobaan ${s.attempts}`);
  if (s.licences !== undefined) parts.push(`lisensi ${s.licences}`);
  if (s.reissueOf !== undefined)
    parts.push(`${REISSUE_TOKEN} ${s.reissueOf.replace(/\s*\u00b7\s*/g, " ") || "-"}`);
  if (s.note)
    parts.push(
      s.note
        .replace(/\s*\u00b7\s*/g, ", ")
        .replace(/\s+/g, " ")
        .slice(0, 300),
    );
  return parts.join(SEP);
}

/** The state of a cell; unknown text reads as "" (never started) with the text as note. */
export function parseProvisionState(text: string): ProvisionState {
  const raw = text.trim();
  if (!raw) return { label: "", atMs: 0 };
  const parts = raw.split(SEP);
  const label = parts[0]!.trim();
  if (!isProvisionLabel(label)) return { label: "", atMs: 0, note: raw };
  const at = parts[1] ? Date.parse(parts[1]) : NaN;
  const out: ProvisionState = { label, atMs: Number.isFinite(at) ? at : 0 };
  const notes: string[] = [];
  for (const p of parts.slice(2)) {
    const q = /^kuota (\d+)$/.exec(p);
    const a = /^percobaan (\d+)$/.exec(p);
    const l = /^lisensi (\d+)$/.exec(p);
    const u = p.startsWith(`${REISSUE_TOKEN} `) ? p.slice(REISSUE_TOKEN.length + 1) : null;
    if (q) out.quota = Number(q[1]);
    else if (a) out.attempts = Number(a[1]);
    else if (l) out.licences = Number(l[1]);
    else if (u !== null) out.reissueOf = u === "-" ? "" : u;
    else notes.push(p);
  }
  if (notes.length) out.note = notes.join(SEP);
  return out;
}

export function isInProgress(label: string): label is InProgressLabel {
  return (IN_PROGRESS as readonly string[]).includes(label);
}

export function isWaiting(label: string): label is WaitingLabel {
  return (WAITING as readonly string[]).includes(label);
}

/** Whether an in-progress state has outlived any execution that could own it. */
export function isStale(atMs: number, nowMs: number, leaseMs = LEASE_MS): boolean {
  return nowMs - atMs > leaseMs;
}

export type ResumeKind = "none" | "resume" | "resume_if_quota";

/**
 * What the sweep may do with a row. `status` is the request status; `updatedMs` the row's last
 * update (the edit handler writes it when "Buat akun" is chosen, before provisioning claims the
 * row): a row in "membuat akun" whose provisioning never started is taken over once stale.
 * `licences` is the setting now: a request waiting for a licence resumes once it was raised
 * above the number it stopped at (or cleared).
 */
export function resumeKind(
  status: string,
  state: ProvisionState,
  updatedMs: number,
  nowMs: number,
  licences = 0,
): ResumeKind {
  const label = state.label;
  if (label === "diminta ulang") return status === "selesai" || status === "akun dibuat" ? "resume" : "none";
  if (status === "selesai") {
    // The request was closed in the log but the run's last write was lost (the sweep repaired
    // the status from the log): only the state cell is behind. No live run can own it.
    return isInProgress(label) || isWaiting(label) ? "resume" : "none";
  }
  if (status !== "membuat akun" && status !== "akun dibuat") return "none";
  // Queued: the worker's; the sweep takes it only when the queue has stood still for long.
  if (label === "antre")
    return status === "membuat akun" && isStale(state.atMs, nowMs, QUEUE_STALE_MS) ? "resume" : "none";
  if (label === "" || label === "gagal") {
    // Never started (or an earlier attempt failed for good and "Buat akun" was chosen again).
    if (status !== "membuat akun") return "none";
    const since = Math.max(updatedMs, label === "gagal" ? 0 : state.atMs);
    return isStale(since, nowMs) ? "resume" : "none";
  }
  if (isInProgress(label)) return isStale(state.atMs, nowMs) ? "resume" : "none";
  if (label === "menunggu kuota") return "resume_if_quota";
  if (label === "menunggu ulang") return "resume";
  if (label === "menunggu tanggal") return nowMs >= state.atMs ? "resume" : "none";
  if (label === "menunggu lisensi")
    return !(licences > 0) || licences > (state.licences ?? 0) ? "resume" : "none";
  return "none";
}

// ---------------------------------------------------------------------------------------------
// Directory errors and backoff
// ---------------------------------------------------------------------------------------------

export type DirectoryFailure =
  | "not_authorized"
  | "rate_limited"
  | "unavailable"
  | "not_complete"
  | "member_exists"
  | "exists"
  | "not_found"
  | "invalid"
  | "other";

export interface ErrorFacts {
  /** HTTP status from the exception's details, when there is one. */
  code?: number;
  /** The first error reason (userRateLimitExceeded, rateLimitExceeded, …). */
  reason?: string;
  message: string;
}

const RATE_REASONS = ["userRateLimitExceeded", "rateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"];

/** Reasons Google's Directory API gives in `errors[].reason` (Admin SDK "Error codes"). */
const REASON_CLASSES: Readonly<Record<string, DirectoryFailure>> = {
  notFound: "not_found",
  resourceNotFound: "not_found",
  duplicate: "exists",
  conflict: "exists",
  forbidden: "not_authorized",
  insufficientPermissions: "not_authorized",
  domainCannotUseApis: "not_authorized",
  conditionNotMet: "not_complete",
  invalid: "invalid",
  badRequest: "invalid",
  required: "invalid",
  backendError: "unavailable",
  internalError: "unavailable",
};

/**
 * The class of a Directory error: the server's reason first, then the HTTP code; the message
 * (which Google may translate for the user) only when the exception carries neither. `call` says
 * which call failed where one reason means two things: a 409 "duplicate" on members.insert is a
 * member already there, on users.insert an address already taken.
 */
export function classifyDirectoryError(e: ErrorFacts, call: "member" | "other" = "other"): DirectoryFailure {
  const byReason = e.reason ? reasonClass(e.reason) : undefined;
  const cls = byReason ?? (e.code !== undefined ? codeClass(e.code) : messageClass(e.message));
  return cls === "exists" && call === "member" ? "member_exists" : cls;
}

function reasonClass(reason: string): DirectoryFailure | undefined {
  if (RATE_REASONS.includes(reason)) return "rate_limited";
  return REASON_CLASSES[reason];
}

function codeClass(code: number): DirectoryFailure {
  if (code === 412) return "not_complete";
  if (code === 429) return "rate_limited";
  if (code === 403) return "not_authorized";
  if (code === 409) return "exists";
  if (code === 404) return "not_found";
  if (code === 400) return "invalid";
  if (code >= 500) return "unavailable";
  return "other";
}

/** Last resort, for an exception without code or reason: Google's English texts. */
function messageClass(m: string): DirectoryFailure {
  if (/User creation is not complete/i.test(m)) return "not_complete";
  if (/Not Authorized to access/i.test(m)) return "not_authorized";
  if (/Rate Limit Exceeded|rateLimitExceeded|quota/i.test(m)) return "rate_limited";
  if (/Member already exists/i.test(m)) return "member_exists";
  if (/Entity already exists/i.test(m)) return "exists";
  if (/Resource Not Found|not found/i.test(m)) return "not_found";
  if (/Service unavailable|Backend Error|Internal error/i.test(m)) return "unavailable";
  if (/Invalid (Input|Password|Given\/Family Name)|Domain not found/i.test(m)) return "invalid";
  return "other";
}

/** The message-catalogue key that names a failure class for an administrator. */
export function failureKey(
  f: DirectoryFailure,
):
  | "directory.failure.not_found"
  | "directory.failure.not_authorized"
  | "directory.failure.rate_limited"
  | "directory.failure.unavailable"
  | "directory.failure.invalid"
  | "directory.failure.other" {
  switch (f) {
    case "not_found":
    case "not_authorized":
    case "rate_limited":
    case "unavailable":
    case "invalid":
      return `directory.failure.${f}`;
    default:
      return "directory.failure.other";
  }
}

/** Waits before the 1st, 2nd, … retry (seconds), then give up (Admin SDK limits page). */
export const BACKOFF_SECONDS = [1, 2, 4, 8, 16] as const;
export const MAX_RETRIES = BACKOFF_SECONDS.length;

/** Up to one second of jitter from the random bits of a type-4 UUID (never Math.random). */
export function jitterMs(uuid: string): number {
  const hex = uuid.replace(/[^0-9a-f]/gi, "").slice(0, 8);
  if (hex.length < 8) return 0;
  return Math.floor((parseInt(hex, 16) / 0x1_0000_0000) * 1000);
}

/** The wait before retry number `retry` (0-based), jitter included. */
export function backoffMs(retry: number, uuid: string): number {
  const base = BACKOFF_SECONDS[Math.min(retry, BACKOFF_SECONDS.length - 1)]! * 1000;
  return base + jitterMs(uuid);
}

// ---------------------------------------------------------------------------------------------
// The user resource
// ---------------------------------------------------------------------------------------------

/** The externalIds type marking an account as created for a ticket (proves ownership after a 409). */
export const TICKET_ID_TYPE = "tiket_surel";
/** Google's limit for given and family names in the API. */
export const NAME_MAX = 60;

export interface AccountInput {
  ticket: string;
  address: string;
  /** The name without titles. */
  name: string;
  accountType: AccountType;
  unitName: string;
  unitCode: string;
  opdCode: string;
  opdName: string;
  orgUnitPath: string;
  nip: string;
  /** E.164 when valid. */
  phone: string;
  personalEmail: string;
  position: string;
  domain: string;
}

export interface AccountNames {
  givenName: string;
  familyName: string;
}

function clip(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length <= NAME_MAX) return chars.join("");
  const cut = chars.slice(0, NAME_MAX).join("");
  const space = cut.lastIndexOf(" ");
  return (space > 20 ? cut.slice(0, space) : cut).trim();
}

/**
 * Given and family name for the directory. Indonesian names have no family name: the last word
 * is taken as the family name and the words before it as the given name; a one-word name (very
 * common) is used for both, since Google requires both. A unit account is named after the unit
 * (given) and its OPD (family).
 */
export function accountNames(
  input: Pick<AccountInput, "name" | "accountType" | "unitName" | "unitCode" | "opdCode">,
): AccountNames {
  // Control characters become spaces, runs of white space one space.
  const clean = (s: string): string =>
    Array.from(s, (ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? " " : ch))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  if (input.accountType === "unit") {
    const given = clean(input.unitName) || clean(input.unitCode) || clean(input.name) || "Unit";
    const family = clean(input.opdCode) || clean(input.unitCode) || given;
    return { givenName: clip(given), familyName: clip(family) };
  }
  const words = clean(input.name).split(" ").filter(Boolean);
  if (words.length === 0) return { givenName: "", familyName: "" };
  if (words.length === 1) return { givenName: clip(words[0]!), familyName: clip(words[0]!) };
  return { givenName: clip(words.slice(0, -1).join(" ")), familyName: clip(words[words.length - 1]!) };
}

export interface UserResource {
  primaryEmail: string;
  name: AccountNames;
  changePasswordAtNextLogin: true;
  orgUnitPath: string;
  externalIds: { type: string; customType?: string; value: string }[];
  organizations?: { title?: string; department?: string; primary: boolean }[];
  phones?: { value: string; type: string }[];
  recoveryEmail?: string;
  recoveryPhone?: string;
}

/** The resource for users.insert, without the password (the caller adds it in memory). */
export function userResource(input: AccountInput): UserResource {
  const externalIds: UserResource["externalIds"] = [];
  if (/^\d{18}$/.test(input.nip)) externalIds.push({ type: "organization", value: input.nip });
  externalIds.push({ type: "custom", customType: TICKET_ID_TYPE, value: input.ticket });
  const out: UserResource = {
    primaryEmail: input.address,
    name: accountNames(input),
    changePasswordAtNextLogin: true,
    orgUnitPath: input.orgUnitPath || "/",
    externalIds,
  };
  if (input.position || input.opdName)
    out.organizations = [
      {
        ...(input.position ? { title: input.position } : {}),
        ...(input.opdName ? { department: input.opdName } : {}),
        primary: true,
      },
    ];
  const phone = /^\+\d{8,15}$/.test(input.phone) ? input.phone : "";
  if (phone) {
    out.phones = [{ value: phone, type: "mobile" }];
    out.recoveryPhone = phone;
  }
  const email = input.personalEmail.trim().toLowerCase();
  if (email && !email.endsWith(`@${input.domain.toLowerCase()}`)) out.recoveryEmail = email;
  return out;
}

/** Whether a directory user carries this ticket's marker in externalIds. */
export function isOwnAccount(user: { externalIds?: unknown } | null | undefined, ticket: string): boolean {
  const ids = user && Array.isArray(user.externalIds) ? (user.externalIds as unknown[]) : [];
  return ids.some((e) => {
    const x = e as { customType?: unknown; value?: unknown };
    return x.customType === TICKET_ID_TYPE && x.value === ticket;
  });
}

/** Removes every occurrence of `secret` from a text (defence in depth for error messages). */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  return text.split(secret).join("[disamarkan]");
}

/** `users.get` says "never" with this instant. */
export const NEVER_LOGGED_IN = "1970-01-01T00:00:00.000Z";

export function hasLoggedIn(lastLoginTime: string | undefined | null): boolean {
  if (!lastLoginTime) return false;
  const ms = Date.parse(lastLoginTime);
  return Number.isFinite(ms) && ms > 0;
}

// ---------------------------------------------------------------------------------------------
// Mails (no password anywhere in them)
// ---------------------------------------------------------------------------------------------

export interface CredentialMailInput {
  ticket: string;
  name: string;
  address: string;
  letterNumber: string;
  signInUrl: string;
  /** The last day for the first sign-in, as display text. */
  deadline: string;
  /** A password reset letter (issue #12): its own subject and opening. */
  reset?: boolean;
}

/** The mail that carries the credential letter (PDF attached); the body names no password. */
export function composeCredentialMail(
  input: CredentialMailInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    {
      kind: "p",
      text: t(lang, input.reset ? "provision.mail.reset_intro" : "provision.mail.intro", {
        ticket: input.ticket,
        address: input.address,
      }),
    },
    { kind: "p", text: t(lang, "provision.mail.letter", { number: input.letterNumber }) },
    { kind: "h", text: t(lang, "provision.mail.steps_heading") },
    {
      kind: "ul",
      items: [
        t(lang, "provision.mail.step1", { url: input.signInUrl, address: input.address }),
        t(lang, "provision.mail.step2"),
        t(lang, "provision.mail.step3", { deadline: input.deadline }),
        t(lang, "provision.mail.step4"),
      ],
    },
    { kind: "p", text: t(lang, "provision.mail.care") },
    { kind: "small", text: footer(config, lang) },
  ];
  const subject = input.reset ? "provision.mail.reset_subject" : "provision.mail.subject";
  return render(t(lang, subject, { ticket: input.ticket }), blocks);
}

/** The copy for the OPD: that the account exists and the letter went out (archive copy attached). */
export function composeOpdNotice(
  input: { ticket: string; name: string; nip: string; opd: string; address: string; letterNumber: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "provision.opd.intro", {
        address: input.address,
        name: input.name,
        nip: input.nip ? maskNip(input.nip) : "-",
        opd: input.opd || "-",
        number: input.letterNumber,
      }),
    },
    { kind: "p", text: t(lang, "provision.opd.copy") },
    { kind: "small", text: footer(config, lang) },
  ];
  return render(t(lang, "provision.opd.subject", { ticket: input.ticket, address: input.address }), blocks);
}

/** To the applicant when the sweep invalidated a temporary password that was never used. */
export function composeExpiredNotice(
  input: { ticket: string; name: string; address: string; letterNumber: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const contact =
    [config.office.email, config.office.phone].filter((s) => s.trim() !== "").join(", ") ||
    config.complaints ||
    config.office.name;
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    {
      kind: "p",
      text: t(lang, "provision.expired.intro", {
        address: input.address,
        ticket: input.ticket,
        number: input.letterNumber || "-",
      }),
    },
    { kind: "p", text: t(lang, "provision.expired.next", { contact, ticket: input.ticket }) },
    { kind: "small", text: footer(config, lang) },
  ];
  return render(t(lang, "provision.expired.subject", { address: input.address }), blocks);
}
