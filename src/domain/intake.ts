/**
 * Form answers → a normalised applicant record plus the list of everything the applicant must
 * correct. Nothing is dropped: an invalid answer is kept (cleaned) in the record and a Problem
 * names the field, with a message in the office language that says exactly what to fix.
 *
 * Also the two mails intake causes: the receipt (with the service standard) and the
 * "perlu perbaikan" notice.
 *
 * Values here are cleaned (sanitize.cleanText) but NOT neutralised for spreadsheets: the
 * register adapter applies sanitize.asSheetText / asSheetLiteral when it writes, because the same
 * values also go into mails and letters where a leading apostrophe would be wrong.
 */
import type { Language, OfficeConfig } from "./config.js";
import {
  fieldLabel,
  findOpd,
  parseAccountType,
  parseEmploymentStatus,
  PATTERNS,
  QUESTIONS,
  statusLabel,
  accountTypeLabel,
  type FieldKey,
} from "./form.js";
import {
  checkNik,
  checkNip,
  checkNiPppk,
  crossCheckNik,
  isRealDate,
  maskNip,
  ymdString,
  type NiPppkParts,
  type NipParts,
  type Ymd,
} from "./identity.js";
import {
  formatFullName,
  mergeTitles,
  nameKey,
  parseTitlesAfter,
  parseTitlesBefore,
  splitName,
} from "./names.js";
import { normalizePhone } from "./phone.js";
import { emptyApplicant, normalizeTicket, type Applicant } from "./request.js";
import { formatDateTime, formatYmd, localDate, officeZoneOffset, parseMonthName } from "./dates.js";
import { cleanText, escapeHtml } from "./sanitize.js";
import { message, t, type MessageKey, type MessageParams, type MessageRef } from "./text/index.js";

export type Severity = "error" | "warning";

export interface Problem {
  code: MessageKey;
  /** The form field to correct; null for a problem of the submission as a whole. */
  field: FieldKey | null;
  /** "error" blocks processing until corrected; "warning" is a note to the applicant. */
  severity: Severity;
  /** The text for the applicant, in the office language. */
  message: string;
  params?: MessageParams;
}

export interface IntakeContext {
  config: OfficeConfig;
  /** "Now"; dates are judged in the office's time zone (config.timeZone). */
  todayMs: number;
  /** Require a NIK from everyone (the configuration has no such setting yet; default false). */
  requireNik?: boolean;
  /**
   * How to read an ambiguous "1/2/2026" date answer: "dmy" (Indonesian locale, default) or "mdy"
   * (a spreadsheet set to the US locale). ISO "2026-02-01" and month names are always understood.
   */
  dateOrder?: "dmy" | "mdy";
}

export interface IntakeResult {
  request: Applicant;
  problems: Problem[];
  /** No problem of severity "error". */
  ok: boolean;
}

/** Google Workspace user names: a–z 0–9 . _ - ' and at most 64 characters. */
export const USERNAME_MAX = 64;

/** Letters, combining marks, spaces, apostrophes, hyphens and dots are what names are made of. */
const NAME_CHAR = /[\p{L}\p{M} '.-]/u;

/**
 * What is wrong with a typed name (`typed`) once its titles are taken off (`name`): nothing but
 * titles, initials only, characters names are not made of. Shared by the application and a
 * name change (changes.ts).
 */
export function nameProblems(typed: string, name: string): MessageRef[] {
  const out: MessageRef[] = [];
  if (typed !== "" && name === "") out.push({ code: "name.no_name" });
  else if (name !== "" && initialsOnly(name)) out.push({ code: "name.initials_only", params: { name } });
  const bad = Array.from(new Set(Array.from(name).filter((c) => !NAME_CHAR.test(c))));
  if (bad.length > 0) out.push({ code: "name.chars", params: { chars: bad.join(" ") } });
  return out;
}

/** A practical address check: what mail systems accept, not the full RFC 5322 grammar. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** Misspelt domains of the common free mail providers → the likely intended domain. */
const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  "gmial.com": "gmail.com",
  "gmai.com": "gmail.com",
  "gmil.com": "gmail.com",
  "gamil.com": "gmail.com",
  "gnail.com": "gmail.com",
  "gmail.co": "gmail.com",
  "gmail.con": "gmail.com",
  "gmail.cm": "gmail.com",
  "gmail.om": "gmail.com",
  "gmail.comm": "gmail.com",
  "gmail.co.id": "gmail.com",
  "gmail.id": "gmail.com",
  "yahoo.con": "yahoo.com",
  "yaho.com": "yahoo.com",
  "yahoo.cm": "yahoo.com",
  "yahoo.co.od": "yahoo.co.id",
  "ymail.con": "ymail.com",
  "hotmail.con": "hotmail.com",
  "hotmal.com": "hotmail.com",
  "outlok.com": "outlook.com",
  "outlook.con": "outlook.com",
};

export function validateApplication(
  answers: Partial<Record<FieldKey, string>>,
  ctx: IntakeContext,
): IntakeResult {
  const { config } = ctx;
  const lang = config.language;
  const offset = officeZoneOffset(config.timeZone);
  const today = localDate(ctx.todayMs, offset);
  const problems: Problem[] = [];
  const add = (field: FieldKey | null, severity: Severity, ref: MessageRef): void => {
    const p: Problem = { code: ref.code, field, severity, message: message(lang, ref) };
    if (ref.params) p.params = ref.params;
    problems.push(p);
  };
  const label = (key: FieldKey): string => fieldLabel(key, lang);

  // Clean every answer; note what had to be cut.
  const v = {} as Record<FieldKey, string>;
  for (const q of QUESTIONS) {
    const c = cleanText(answers[q.key] ?? "", q.maxLength);
    v[q.key] = c.text;
    if (c.truncated)
      add(q.key, "warning", { code: "field.truncated", params: { field: label(q.key), max: q.maxLength } });
  }

  // Braces: "{{" and "}}" mark a letter's placeholders; no answer may bring one in.
  for (const q of QUESTIONS) {
    if (/\{\{|\}\}/.test(v[q.key]))
      add(q.key, "error", { code: "field.braces", params: { field: label(q.key) } });
  }

  // Required answers (the form enforces them too; a CSV import or an edited form may not).
  for (const q of QUESTIONS) {
    if (!q.required || v[q.key] !== "") continue;
    if (q.key === "statement") add("statement", "error", { code: "statement.required" });
    else add(q.key, "error", { code: "field.required", params: { field: label(q.key) } });
  }

  const r = emptyApplicant();

  // Name and titles.
  const fromName = splitName(v.fullName);
  const merged = mergeTitles(fromName, v.titlesBefore, v.titlesAfter);
  r.titlesBefore = merged.before;
  r.titlesAfter = merged.after;
  r.name = merged.name;
  r.fullName = merged.name === "" ? v.fullName : formatFullName(merged);
  r.nameKey = merged.name === "" ? "" : nameKey(merged.name);
  for (const p of nameProblems(v.fullName, merged.name)) add("fullName", "error", p);
  const unknownTitles: [FieldKey, string[]][] = [
    ["fullName", fromName.unknown],
    ["titlesBefore", parseTitlesBefore(v.titlesBefore).unknown],
    ["titlesAfter", parseTitlesAfter(v.titlesAfter).unknown],
  ];
  for (const [field, titles] of unknownTitles) {
    for (const title of titles) add(field, "warning", { code: "name.unknown_title", params: { title } });
  }

  // Employment status, NIP / NI PPPK.
  const employment = parseEmploymentStatus(v.status);
  r.employment = employment ?? "";
  if (v.status !== "" && !employment)
    add("status", "error", { code: "status.unknown", params: { value: v.status } });
  let asn: NipParts | NiPppkParts | null = null;
  r.nip = v.nip;
  if (employment === "NON_ASN") {
    if (v.nip !== "") add("nip", "error", { code: "nip.non_asn" });
  } else if (employment === "PNS" || employment === "PPPK") {
    const asPns = employment === "PNS";
    if (v.nip === "") {
      add("nip", "error", { code: asPns ? "nip.required" : "nipppk.required" });
    } else {
      const own = asPns ? checkNip(v.nip, today) : checkNiPppk(v.nip, today);
      if (own.ok) {
        asn = own.value;
      } else {
        for (const p of own.problems) add("nip", "error", p);
        const other = asPns ? checkNiPppk(v.nip, today) : checkNip(v.nip, today);
        if (other.ok) add("nip", "warning", { code: asPns ? "nip.looks_pppk" : "nipppk.looks_nip" });
      }
    }
  } else if (v.nip !== "") {
    // No usable status (already reported): take the number for what it validly is, if anything.
    const pns = checkNip(v.nip, today);
    const pppk = checkNiPppk(v.nip, today);
    if (pns.ok) asn = pns.value;
    else if (pppk.ok) asn = pppk.value;
    else {
      const fewer = pns.problems.length <= pppk.problems.length ? pns.problems : pppk.problems;
      for (const p of fewer) add("nip", "error", p);
    }
  }
  if (asn) {
    r.nip = asn.value;
    r.nipKind = asn.kind;
    r.birthDate = ymdString(asn.birthDate);
    r.gender = asn.gender;
  }

  // NIK.
  r.nik = v.nik;
  if (v.nik === "") {
    if (ctx.requireNik) add("nik", "error", { code: "nik.required" });
  } else {
    const nik = checkNik(v.nik, today);
    if (!nik.ok) {
      for (const p of nik.problems) add("nik", "error", p);
    } else {
      r.nik = nik.value.value;
      if (asn) {
        for (const p of crossCheckNik(nik.value, asn)) add("nik", "error", p);
      } else {
        r.birthDate = ymdString(nik.value.birthDate);
        r.gender = nik.value.gender;
      }
    }
  }

  r.position = v.position;

  // OPD.
  const opd = findOpd(v.opd, config.opds);
  r.opdCode = opd ? opd.code : "";
  r.opdName = opd ? opd.name : v.opd;
  if (v.opd !== "" && !opd) add("opd", "error", { code: "opd.unknown", params: { value: v.opd } });

  // Phone.
  r.phone = v.phone;
  if (v.phone !== "") {
    const phone = normalizePhone(v.phone);
    if (phone.ok) r.phone = phone.e164;
    else for (const p of phone.problems) add("phone", "error", p);
  }

  // Personal e-mail.
  r.personalEmail = v.personalEmail.toLowerCase().replace(/\s/g, "");
  if (v.personalEmail !== "") {
    for (const p of checkPersonalEmail(r.personalEmail, config.domain)) {
      add("personalEmail", p.code === "email.typo" ? "warning" : "error", p);
    }
  }

  // Account type and unit.
  const accountType = parseAccountType(v.accountType);
  r.accountType = accountType ?? "";
  if (v.accountType !== "" && !accountType) {
    add("accountType", "error", { code: "account_type.unknown", params: { value: v.accountType } });
  }
  r.unitName = v.unitName;
  r.unitAcronym = v.unitAcronym;
  if (accountType === "unit") {
    if (v.unitAcronym === "") add("unitAcronym", "error", { code: "unit.acronym_required" });
    else if (!new RegExp(PATTERNS.acronym).test(v.unitAcronym)) {
      add("unitAcronym", "error", { code: "unit.acronym_chars", params: { max: 30 } });
    }
    if (employment === "NON_ASN") add("status", "error", { code: "unit.non_asn" });
  }

  // Proposed user name (syntax only: the naming policy decides the rest).
  const username = checkProposedUsername(v.proposedUsername, config.domain);
  r.proposedUsername = username.local;
  for (const p of username.problems) add("proposedUsername", "error", p);

  // Request letter.
  r.requestLetterNumber = v.letterNumber;
  r.requestLetterDate = v.letterDate;
  if (v.letterDate !== "") {
    const date = parseDateAnswer(v.letterDate, { order: ctx.dateOrder ?? "dmy", utcOffsetMinutes: offset });
    if (!date) {
      add("letterDate", "error", { code: "letter_date.invalid", params: { value: v.letterDate } });
    } else {
      r.requestLetterDate = ymdString(date);
      if (compareYmd(date, today) > 0) {
        add("letterDate", "error", { code: "letter_date.future", params: { date: formatYmd(date, lang) } });
      }
    }
  }

  // Previous ticket (a corrected re-submission).
  r.previousTicket = v.previousTicket;
  if (v.previousTicket !== "") {
    const ticket = normalizeTicket(v.previousTicket);
    if (ticket) r.previousTicket = ticket;
    else add("previousTicket", "error", { code: "ticket.invalid", params: { value: v.previousTicket } });
  }

  r.statementAccepted = v.statement !== "";

  return { request: r, problems, ok: !problems.some((p) => p.severity === "error") };
}

/**
 * A name made only of initials ("S. T.", what is left of "Dr. S.T." once the titles are split
 * off): no person's name, and no account can be named from it.
 */
export function initialsOnly(name: string): boolean {
  const words = name.split(/[\s.]+/).filter((w) => w !== "");
  return words.length > 0 && words.every((w) => Array.from(w.replace(/['-]/g, "")).length <= 1);
}

/**
 * Whether mail may go to a personal address: one single address that passed checkPersonalEmail
 * (a misspelt provider domain is only a warning). A refused answer ("a@x.com, b@y.com") is shown
 * to the officials but never mailed to.
 */
export function isDeliverable(address: string, officeDomain: string): boolean {
  const a = address.trim();
  return a !== "" && checkPersonalEmail(a, officeDomain).every((p) => p.code === "email.typo");
}

/** An address as the log shows it: "a***i@gmail.com" (empty stays empty). */
export function maskEmail(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf("@");
  if (at < 0) return a === "" ? "" : "***";
  const local = Array.from(a.slice(0, at));
  const shown = local.length <= 2 ? `${local[0] ?? ""}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}@${a.slice(at + 1)}`;
}

/**
 * A personal address: valid syntax, not in the office domain (nor a sub-domain of it: the
 * personal address is where the credentials go and how the account is recovered), and a hint for
 * well-known misspelt provider domains (code "email.typo", a warning).
 */
export function checkPersonalEmail(address: string, officeDomain: string): MessageRef[] {
  const a = address.trim().toLowerCase();
  if (a.length > 254 || !EMAIL.test(a) || a.split("@")[0]!.length > 64) {
    return [{ code: "email.invalid", params: { value: address } }];
  }
  const domain = a.slice(a.lastIndexOf("@") + 1);
  const office = officeDomain.trim().toLowerCase();
  if (office !== "" && (domain === office || domain.endsWith("." + office))) {
    return [{ code: "email.office_domain", params: { domain: office } }];
  }
  const fix = DOMAIN_TYPOS[domain];
  if (fix) return [{ code: "email.typo", params: { suggestion: a.slice(0, a.lastIndexOf("@") + 1) + fix } }];
  return [];
}

/**
 * Syntax of a proposed user name: lower-cased; "@<office domain>" removed when typed; another
 * domain is a problem. Allowed: a–z 0–9 . _ - ', no leading/trailing dot, no "..", ≤ 64.
 */
export function checkProposedUsername(
  text: string,
  officeDomain: string,
): { local: string; problems: MessageRef[] } {
  let local = text.trim().toLowerCase();
  const problems: MessageRef[] = [];
  if (local === "") return { local, problems };
  const at = local.lastIndexOf("@");
  if (at >= 0) {
    const domain = local.slice(at + 1);
    local = local.slice(0, at);
    if (domain !== officeDomain.trim().toLowerCase()) {
      problems.push({ code: "username.other_domain", params: { domain: officeDomain } });
    }
  }
  const bad = Array.from(new Set(Array.from(local).filter((c) => !/[a-z0-9._'-]/.test(c))));
  if (bad.length > 0) {
    const shown = bad.map((c) => (c === " " ? "spasi" : c)).join(" ");
    problems.push({ code: "username.chars", params: { chars: shown } });
  }
  if (local.startsWith(".") || local.endsWith(".") || local.includes(".."))
    problems.push({ code: "username.dots" });
  const length = Array.from(local).length;
  if (length > USERNAME_MAX)
    problems.push({ code: "username.too_long", params: { max: USERNAME_MAX, count: length } });
  return { local, problems };
}

// ── Dates ──────────────────────────────────────────────────────────────────────

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

function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The date formats live in dates.ts (issue #14); re-exported for the modules that import them here. */
export { formatDateTime };

// ── Mails ──────────────────────────────────────────────────────────────────────

export interface MailText {
  subject: string;
  /** Plain text. */
  body: string;
  /** The same content as HTML, every value escaped. */
  htmlBody: string;
}

/** A mail as blocks, rendered to both plain text and HTML. */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "link"; text: string; url: string }
  | { kind: "h"; text: string }
  | { kind: "ul"; items: string[] }
  | { kind: "small"; text: string };

/** Inline styles (mail clients drop <style> blocks). */
const MAIL_STYLE = {
  frame:
    "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2933;max-width:640px;margin:0 auto",
  band: "background:#0b4f8a;color:#ffffff;padding:14px 20px;font-size:15px;font-weight:bold",
  body: "padding:8px 20px 16px;border:1px solid #d9e2ec;border-top:0",
  h: "font-size:15px;color:#0b4f8a;margin:18px 0 6px",
  link: "display:inline-block;background:#0b4f8a;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none",
  small: "color:#627d98;font-size:12px;border-top:1px solid #d9e2ec;padding-top:10px;margin-top:18px",
};

/**
 * Renders blocks to plain text and to HTML with every value escaped. `brand` (the office's name)
 * heads the HTML version.
 */
export function render(subject: string, blocks: Block[], brand = ""): MailText {
  const text: string[] = [];
  const html: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "p":
        text.push(b.text, "");
        html.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case "link":
        text.push(`${b.text}: ${b.url}`, "");
        html.push(
          `<p><a href="${escapeHtml(b.url)}" style="${MAIL_STYLE.link}">${escapeHtml(b.text)}</a></p>`,
        );
        break;
      case "h":
        text.push(b.text.toUpperCase(), "");
        html.push(`<h3 style="${MAIL_STYLE.h}">${escapeHtml(b.text)}</h3>`);
        break;
      case "ul":
        text.push(...b.items.map((i) => `- ${i}`), "");
        html.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
        break;
      case "small":
        text.push("--", b.text);
        html.push(`<p style="${MAIL_STYLE.small}">${escapeHtml(b.text)}</p>`);
        break;
    }
  }
  const band = brand ? `<div style="${MAIL_STYLE.band}">${escapeHtml(brand)}</div>` : "";
  const htmlBody = `<div style="${MAIL_STYLE.frame}">${band}<div style="${MAIL_STYLE.body}">\n${html.join("\n")}\n</div></div>`;
  return { subject, body: text.join("\n").trim() + "\n", htmlBody };
}

/** The heading of a mail: "Diskominfo Pemerintah Kota Contoh · Layanan Pendaftaran Surel Dinas". */
export function brandOf(config: OfficeConfig, lang: Language = config.language): string {
  const office = [config.office.shortName || config.office.name, config.office.government]
    .filter(Boolean)
    .join(" ");
  return `${office} \u00b7 ${t(lang, "mail.brand")}`;
}

/** The disposition chain as people read it: "Kepala Dinas → Kepala Bidang … → Staf Teknis". */
export function chainText(config: OfficeConfig): string {
  return config.stages.map((s) => s.label).join(" \u2192 ");
}

/**
 * The service time in words: whole working days when the service minutes are a multiple of the
 * first working day's length (Monday's, or the earliest configured day's), else hours and minutes.
 */
export function serviceDurationText(config: OfficeConfig, lang: Language): string {
  const minutes = config.time.serviceMinutes;
  const days = config.time.hours.days;
  const first = ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => days[d]).find((h) => h !== undefined);
  const dayLength = first ? first[1] - first[0] : 0;
  if (dayLength > 0 && minutes > 0 && minutes % dayLength === 0) {
    return t(lang, "duration.days", { count: minutes / dayLength });
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t(lang, "duration.minutes", { minutes: rest });
  if (rest === 0) return t(lang, "duration.hours", { hours });
  return t(lang, "duration.hours_minutes", { hours, minutes: rest });
}

/** The published service standard (Permenpan RB 15/2014): requirements, procedure, time, cost, product, complaints. */
export function serviceStandardLines(config: OfficeConfig, lang: Language = config.language): string[] {
  const lines = [
    t(lang, "standard.requirements"),
    t(lang, "standard.procedure", { chain: chainText(config) }),
    t(lang, "standard.time", { duration: serviceDurationText(config, lang) }),
    t(lang, "standard.cost"),
    t(lang, "standard.product", { domain: config.domain }),
  ];
  if (config.complaints.trim() !== "")
    lines.push(t(lang, "standard.complaints", { complaints: config.complaints }));
  return lines;
}

export function footer(config: OfficeConfig, lang: Language): string {
  const contact = [config.office.email, config.office.phone].filter((s) => s.trim() !== "").join(", ");
  return t(lang, "mail.footer", {
    office: config.office.name,
    government: config.office.government,
    contact: contact || config.office.website,
  });
}

export interface ReceiptInput {
  ticket: string;
  applicant: Applicant;
  submittedMs: number;
  problems: readonly Problem[];
  /** The secret code for the status page ("" when the office has none). */
  statusCode?: string;
}

/**
 * The receipt sent to the applicant's personal address right after intake: ticket, a summary
 * (NIP masked, NIK and phone left out: mail is not a safe place for them), what happens next,
 * what to correct when intake found errors, notes, and the service standard.
 */
export function composeReceiptMail(
  input: ReceiptInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const a = input.applicant;
  const offset = officeZoneOffset(config.timeZone);
  const summary: string[] = [];
  const line = (key: FieldKey, value: string): void => {
    if (value !== "") summary.push(`${fieldLabel(key, lang)}: ${value}`);
  };
  line("fullName", a.fullName);
  line("status", a.employment ? statusLabel(a.employment, lang) : "");
  line("nip", a.nip ? maskNip(a.nip) : "");
  line("position", a.position);
  line("opd", a.opdName);
  line("accountType", a.accountType ? accountTypeLabel(a.accountType, lang) : "");
  if (a.accountType === "unit") {
    line("unitName", a.unitName);
    line("unitAcronym", a.unitAcronym);
  }
  line("proposedUsername", a.proposedUsername ? `${a.proposedUsername}@${config.domain}` : "");
  line("letterNumber", a.requestLetterNumber);
  const letterDate = parseDateAnswer(a.requestLetterDate);
  line("letterDate", letterDate ? formatYmd(letterDate, lang) : a.requestLetterDate);

  const errors = input.problems.filter((p) => p.severity === "error");
  const warnings = input.problems.filter((p) => p.severity === "warning");
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: a.fullName || a.name || a.personalEmail }) },
    {
      kind: "p",
      text: t(lang, "mail.receipt.intro", {
        when: formatDateTime(input.submittedMs, offset, lang),
        ticket: input.ticket,
      }),
    },
    { kind: "p", text: t(lang, "mail.receipt.summary") },
    { kind: "ul", items: summary },
  ];
  if (errors.length > 0) {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.problems_heading") },
      { kind: "p", text: t(lang, "mail.receipt.problems", { ticket: input.ticket }) },
      { kind: "ul", items: errors.map((p) => p.message) },
    );
  } else {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.next_heading") },
      { kind: "p", text: t(lang, "mail.receipt.next", { chain: chainText(config) }) },
    );
  }
  if (warnings.length > 0) {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.warnings_heading") },
      { kind: "ul", items: warnings.map((p) => p.message) },
    );
  }
  if (input.statusCode) {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.status_heading") },
      {
        kind: "p",
        text: t(lang, "mail.receipt.status_code", { ticket: input.ticket, code: input.statusCode }),
      },
    );
    if (config.statusPageUrl)
      blocks.push({ kind: "link", text: t(lang, "mail.receipt.status_link"), url: config.statusPageUrl });
  }
  blocks.push(
    { kind: "h", text: t(lang, "standard.heading") },
    { kind: "ul", items: serviceStandardLines(config, lang) },
    { kind: "small", text: footer(config, lang) },
  );
  return render(t(lang, "mail.receipt.subject", { ticket: input.ticket }), blocks, brandOf(config, lang));
}

export interface CorrectionInput {
  ticket: string;
  /** How to address the applicant (the display name). */
  name: string;
  /** What to correct: intake problems' messages, or nothing when an official gave a note. */
  items: readonly string[];
  /** The official's reason when returning the request ("kembalikan"). */
  note?: string;
  /** The form's public address, when known. */
  formUrl?: string;
}

/** The "perlu perbaikan" notice: what to correct and how to re-submit. */
export function composeCorrectionMail(
  input: CorrectionInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    { kind: "p", text: t(lang, "mail.correction.intro", { ticket: input.ticket }) },
  ];
  if (input.items.length > 0) blocks.push({ kind: "ul", items: [...input.items] });
  const note = (input.note ?? "").trim();
  if (note !== "") blocks.push({ kind: "p", text: t(lang, "mail.correction.note", { note }) });
  blocks.push({ kind: "p", text: t(lang, "mail.correction.how", { ticket: input.ticket }) });
  if (input.formUrl)
    blocks.push({ kind: "p", text: t(lang, "mail.correction.link", { url: input.formUrl }) });
  blocks.push({ kind: "small", text: footer(config, lang) });
  return render(t(lang, "mail.correction.subject", { ticket: input.ticket }), blocks, brandOf(config, lang));
}
