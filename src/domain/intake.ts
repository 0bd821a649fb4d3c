/**
 * Form answers → a normalised applicant record plus the list of everything the applicant must
 * correct. Nothing is dropped: an invalid answer is kept (cleaned) in the record and a Problem
 * names the field, with a message in the office language that says exactly what to fix.

 * The mails intake causes are in intakemail.ts; the mail kit in mailkit.ts.
 *
 * Values here are cleaned (sanitize.cleanText) but NOT neutralised for spreadsheets: the
 * register adapter applies sanitize.asSheetText / asSheetLiteral when it writes, because the same
 * values also go into mails and letters where a leading apostrophe would be wrong.
 */
import type { OfficeConfig } from "./config.js";
import {
  fieldLabel,
  findOpd,
  parseAccountType,
  parseEmploymentStatus,
  PATTERNS,
  QUESTIONS,
  type FieldKey,
} from "./form.js";
import {
  checkNik,
  checkNip,
  checkNiPppk,
  crossCheckNik,
  compareYmd,
  ymdString,
  type NiPppkParts,
  type NipParts,
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
import { formatYmd, localDate, officeZoneOffset } from "./dates.js";
import { cleanText } from "./sanitize.js";
import { parseDateAnswer } from "./dateanswer.js";
import { checkPersonalEmail } from "./personalemail.js";
import { message, type MessageKey, type MessageParams, type MessageRef } from "./text/index.js";

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
