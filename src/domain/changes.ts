/**
 * Changes to an existing account and departures, as pure rules:
 *
 * - ubah_nama: the holder's name changed (a decree, a corrected name): the directory's given and
 *   family name change; the address stays (a new address is a new account's business).
 * - pindah_opd: the holder moved to another OPD: the account moves to that OPD's org unit, leaves
 *   the groups of the other OPDs on the OPD sheet and joins the new OPD's group. Groups that are no
 *   OPD's (a committee, an all-staff list) are left alone.
 * - berhenti: the holder left (mutasi keluar, pensiun, meninggal): on the effective date the
 *   account is suspended, never deleted (its mail and files stay for the retention period and for
 *   a handover), and it leaves every group it was a direct member of, after they were noted.
 * - aktif_kembali: the holder returned: the account is unsuspended, rejoins the groups noted when
 *   it was suspended and gets a new temporary password.
 *
 * Each request names the account (its primary address on the office domain), the holder's NIP
 * and the OPD's letter (number and date): the letter is what the officials check, so it is
 * required. `validateChange` reads the answers; `planChange` compares the request with the
 * directory's record of the account, re-read before every execution, and says what is still to
 * do: at most one `users.update` (a partial patch), then the group joins and leaves. What the
 * record already shows is not done again and is reported as found, so a resumed execution (a
 * lost reply, an execution cut off) never makes a second change.
 *
 * Here: the request's shape and `validateChange`; the plan is changeplan.ts, the register's
 * details cell, the notes and the notices changetext.ts.
 */
import type { OpdConfig } from "./config.js";
import { findOpd } from "./form.js";
import { checkNip, checkNiPppk, ymdString, type Ymd } from "./identity.js";
import { nameProblems } from "./intake.js";
import { parseDateAnswer } from "./dateanswer.js";
import { formatFullName, mergeTitles, splitName } from "./names.js";
import { accountNames } from "./provisioning.js";
import { cleanText } from "./sanitize.js";
import { type MessageRef } from "./text/index.js";

export const CHANGE_KINDS = ["ubah_nama", "pindah_opd", "berhenti", "aktif_kembali"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const DEPARTURE_REASONS = ["mutasi_keluar", "pensiun", "meninggal"] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];

/** A letter older than this (days before the request) is refused: ask the OPD for a current one. */
export const LETTER_MAX_AGE_DAYS = 365;
/** A departure may be announced at most this many days ahead. */
export const EFFECTIVE_MAX_AHEAD_DAYS = 366;
/** Letter numbers longer than this are no letter numbers. */
export const LETTER_NUMBER_MAX = 100;

export type ChangeField =
  | "address"
  | "nip"
  | "letterNumber"
  | "letterDate"
  | "newName"
  | "targetOpd"
  | "leaveReason"
  | "effectiveDate";

/** The answers as typed (a form's, or a CSV's): text, possibly empty. */
export interface ChangeAnswers {
  address: string;
  nip: string;
  letterNumber: string;
  letterDate: string;
  /** ubah_nama: the new full name, titles allowed. */
  newName?: string;
  titlesBefore?: string;
  titlesAfter?: string;
  /** pindah_opd: the OPD the holder moved to. */
  targetOpd?: string;
  /** berhenti: why the holder left. */
  leaveReason?: string;
  /** The day the change takes effect (TMT): the holder leaves, moves, returns. */
  effectiveDate?: string;
}

export interface ChangeProblem extends MessageRef {
  field: ChangeField;
}

export interface ChangeRequest {
  kind: ChangeKind;
  /** The account's address, lower case, on the office domain. */
  address: string;
  /** 18 digits (NIP or NI PPPK). */
  nip: string;
  letterNumber: string;
  /** yyyy-MM-dd */
  letterDate: string;
  /** ubah_nama only. */
  newName: { fullName: string; givenName: string; familyName: string } | null;
  /** pindah_opd only: the OPD as the OPD sheet names it. */
  targetOpd: Pick<OpdConfig, "code" | "name" | "orgUnitPath" | "group"> | null;
  /** berhenti only. */
  reason: DepartureReason | null;
  /**
   * yyyy-MM-dd, the office's calendar day the change takes effect (the account is suspended,
   * moved, reactivated from that day); null: at once (a name change has none).
   */
  effectiveDate: string | null;
}

export interface ChangeContext {
  /** The office's domain (accounts are on it). */
  domain: string;
  opds: readonly OpdConfig[];
  /** Today in the office's time zone. */
  today: Ymd;
  /** How "1/2/2026" reads (the spreadsheet's locale); ISO dates and month names always read. */
  dateOrder?: "dmy" | "mdy";
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
function dayNumber(d: Ymd): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export const lower = (s: unknown): string =>
  String(s ?? "")
    .trim()
    .toLowerCase();

function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** The reason of leaving of an answer ("Mutasi keluar", "pensiun", "Meninggal dunia", English too). */
export function parseDepartureReason(answer: string): DepartureReason | null {
  const a = fold(answer);
  if (a === "") return null;
  if (/^(mutasi( keluar)?|pindah tugas keluar|transfer( out)?)\b/.test(a)) return "mutasi_keluar";
  if (/^(pensiun|purna tugas|purnabakti|retire(d|ment)?)\b/.test(a)) return "pensiun";
  if (/^(meninggal( dunia)?|wafat|almarhum(ah)?|deceased|death|died)\b/.test(a)) return "meninggal";
  return null;
}

/** The account address typed (a bare user name gets the office domain); "" when nothing was typed. */
export function accountAddress(typed: string, domain: string): string {
  const a = lower(typed).replace(/\s/g, "");
  return a !== "" && !a.includes("@") ? `${a}@${lower(domain)}` : a;
}

/**
 * The answers of a change request, normalised, with everything the applicant must correct. Every
 * problem names its field; nothing typed is dropped (an invalid value stays in the request as
 * typed, for the staff to see).
 */
export function validateChange(
  kind: ChangeKind,
  answers: ChangeAnswers,
  ctx: ChangeContext,
): { request: ChangeRequest; problems: ChangeProblem[] } {
  const problems: ChangeProblem[] = [];
  const add = (field: ChangeField, ref: MessageRef): void => {
    problems.push({ field, ...ref });
  };
  const domain = lower(ctx.domain);
  const clean = (s: string | undefined, max = 200): string => cleanText(s ?? "", max).text;
  const today = dayNumber(ctx.today);
  const dateOptions = ctx.dateOrder ? { order: ctx.dateOrder } : {};

  const address = accountAddress(clean(answers.address), domain);
  if (address === "") add("address", { code: "change.address.required" });
  else if (!/^[a-z0-9._'-]{1,64}@[a-z0-9.-]+$/.test(address) || !address.endsWith(`@${domain}`))
    add("address", { code: "change.address.invalid", params: { value: clean(answers.address), domain } });

  const nipTyped = clean(answers.nip, 40);
  let nip = nipTyped.replace(/[\s.-]/g, "");
  if (nipTyped === "") add("nip", { code: "change.nip.required" });
  else {
    const pns = checkNip(nipTyped, ctx.today);
    const pppk = checkNiPppk(nipTyped, ctx.today);
    if (pns.ok) nip = pns.value.value;
    else if (pppk.ok) nip = pppk.value.value;
    else {
      const fewer = pns.problems.length <= pppk.problems.length ? pns.problems : pppk.problems;
      for (const p of fewer) add("nip", p);
    }
  }

  const letterNumber = clean(answers.letterNumber, LETTER_NUMBER_MAX + 1);
  if (letterNumber === "") add("letterNumber", { code: "change.letter.number_required" });
  else if (letterNumber.length > LETTER_NUMBER_MAX || !/\d/.test(letterNumber))
    add("letterNumber", { code: "change.letter.number_invalid", params: { value: letterNumber } });

  let letterDate = "";
  const letterTyped = clean(answers.letterDate, 60);
  if (letterTyped === "") add("letterDate", { code: "change.letter.date_required" });
  else {
    const d = parseDateAnswer(letterTyped, dateOptions);
    if (!d) add("letterDate", { code: "change.date.unreadable", params: { value: letterTyped } });
    else {
      letterDate = ymdString(d);
      if (dayNumber(d) > today)
        add("letterDate", { code: "change.letter.date_future", params: { date: letterDate } });
      else if (today - dayNumber(d) > LETTER_MAX_AGE_DAYS)
        add("letterDate", {
          code: "change.letter.date_old",
          params: { date: letterDate, days: LETTER_MAX_AGE_DAYS },
        });
    }
  }

  const request: ChangeRequest = {
    kind,
    address,
    nip,
    letterNumber,
    letterDate,
    newName: null,
    targetOpd: null,
    reason: null,
    effectiveDate: null,
  };

  if (kind === "ubah_nama") {
    const typed = clean(answers.newName);
    if (typed === "") add("newName", { code: "change.name.required" });
    else {
      const merged = mergeTitles(splitName(typed), clean(answers.titlesBefore), clean(answers.titlesAfter));
      const nameRefs = nameProblems(typed, merged.name);
      for (const p of nameRefs) add("newName", p);
      const names = personNames(merged.name);
      request.newName = {
        fullName: merged.name === "" ? typed : formatFullName(merged),
        ...(nameRefs.length === 0 ? names : { givenName: "", familyName: "" }),
      };
    }
  }

  if (kind === "pindah_opd") {
    const typed = clean(answers.targetOpd);
    const opd = typed === "" ? null : findOpd(typed, ctx.opds);
    if (typed === "") add("targetOpd", { code: "change.opd.required" });
    else if (!opd) add("targetOpd", { code: "change.opd.unknown", params: { value: typed } });
    else request.targetOpd = opdTarget(opd);
  }

  if (kind === "berhenti") {
    const typedReason = clean(answers.leaveReason);
    request.reason = parseDepartureReason(typedReason);
    if (typedReason === "") add("leaveReason", { code: "change.reason.required" });
    else if (!request.reason)
      add("leaveReason", { code: "change.reason.unknown", params: { value: typedReason } });
  }

  if (kind !== "ubah_nama") {
    const typedDate = clean(answers.effectiveDate, 60);
    if (typedDate === "") add("effectiveDate", { code: "change.effective.required" });
    else {
      const d = parseDateAnswer(typedDate, dateOptions);
      if (!d) add("effectiveDate", { code: "change.date.unreadable", params: { value: typedDate } });
      else {
        request.effectiveDate = ymdString(d);
        if (dayNumber(d) - today > EFFECTIVE_MAX_AHEAD_DAYS)
          add("effectiveDate", {
            code: "change.effective.too_far",
            params: { date: request.effectiveDate, days: EFFECTIVE_MAX_AHEAD_DAYS },
          });
      }
    }
  }
  return { request, problems };
}

/** The directory's given and family name of a person's name (a name change). */
export function personNames(name: string): { givenName: string; familyName: string } {
  return accountNames({ name, accountType: "pribadi", unitName: "", unitCode: "", opdCode: "" });
}

/** Where a move to `opd` takes the account: the OPD, its org unit and its group. */
export function opdTarget(opd: OpdConfig): NonNullable<ChangeRequest["targetOpd"]> {
  return { code: opd.code, name: opd.name, orgUnitPath: opd.orgUnitPath || "/", group: lower(opd.group) };
}
