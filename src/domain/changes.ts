/**
 * Changes to an existing account and departures (issue #12), as pure rules:
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
 */
import type { Language, OfficeConfig, OpdConfig } from "./config.js";
import { findOpd } from "./form.js";
import { checkNip, checkNiPppk, ymdString, type Ymd } from "./identity.js";
import {
  brandOf,
  checkPersonalEmail,
  footer,
  formatDateTime,
  nameProblems,
  parseDateAnswer,
  render,
  type Block,
  type MailText,
} from "./intake.js";
import { formatFullName, mergeTitles, splitName } from "./names.js";
import { accountNames } from "./provisioning.js";
import { recordedNips, type DirectoryRecord } from "./reset.js";
import { officeZoneOffset } from "./dates.js";
import { cleanText } from "./sanitize.js";
import { tx, type MessageRef } from "./text/index.js";

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

const lower = (s: unknown): string =>
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
      const names = accountNames({
        name: merged.name,
        accountType: "pribadi",
        unitName: "",
        unitCode: "",
        opdCode: "",
      });
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
    else
      request.targetOpd = {
        code: opd.code,
        name: opd.name,
        orgUnitPath: opd.orgUnitPath || "/",
        group: lower(opd.group),
      };
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

// ── The directory's record and what is left to do ─────────────────────────────────────

/** The parts of a Directory user the plan reads. */
export interface AccountRecord extends DirectoryRecord {
  orgUnitPath?: string | null;
  name?: { givenName?: string | null; familyName?: string | null } | null;
  suspensionReason?: string | null;
  isAdmin?: boolean | null;
  isDelegatedAdmin?: boolean | null;
}

/** The partial patch of the one `users.update` a change makes. */
export interface UserPatch {
  name?: { givenName: string; familyName: string };
  orgUnitPath?: string;
  suspended?: boolean;
}

/** Whether the record shows every field of the patch (a lost reply's update took effect). */
export function patchApplied(record: AccountRecord, patch: UserPatch): boolean {
  if (patch.suspended !== undefined && (record.suspended === true) !== patch.suspended) return false;
  if (patch.orgUnitPath !== undefined && String(record.orgUnitPath ?? "/") !== patch.orgUnitPath)
    return false;
  if (
    patch.name &&
    (String(record.name?.givenName ?? "") !== patch.name.givenName ||
      String(record.name?.familyName ?? "") !== patch.name.familyName)
  )
    return false;
  return true;
}

export type ChangeStep =
  { op: "update"; patch: UserPatch } | { op: "leave"; group: string } | { op: "join"; group: string };

export type ChangeVerdict = "apply" | "done" | "refuse" | "wait";

export interface ChangePlan {
  verdict: ChangeVerdict;
  /** Why the change cannot be made (verdict "refuse"). */
  refusal: MessageRef | null;
  /** What is still to do, in order: the update first, then leaves, then joins. */
  steps: ChangeStep[];
  /** What the record already shows (logged as found, not done again). */
  found: MessageRef[];
  /** berhenti: the groups to note before the account leaves them (the note, if one was made). */
  notedGroups: string[];
}

export interface PlanFacts {
  /** The directory's record of the address; null when there is no such user. */
  record: AccountRecord | null;
  /** The groups the account is a direct member of now (addresses). */
  groups: readonly string[];
  /** The OPDs of the settings (their groups are the OPD groups). */
  opds: readonly OpdConfig[];
  /** Today in the office's calendar, yyyy-MM-dd (a departure waits for its effective date). */
  today: string;
  /**
   * berhenti: the groups already noted by an earlier run of this request (resume), null if none.
   * aktif_kembali: the groups noted when the account was suspended, null when none were noted.
   */
  noted: readonly string[] | null;
  /**
   * aktif_kembali: this request already announced lifting the suspension (a resumed run; its row
   * noted the groups to restore): an active account is then its own run's effect.
   */
  announced?: boolean;
}

/** The suspension reason Google gives an account an administrator suspended. */
export const ADMIN_SUSPENSION = "ADMIN";

function refuse(refusal: MessageRef): ChangePlan {
  return { verdict: "refuse", refusal, steps: [], found: [], notedGroups: [] };
}

/** The account may be changed by this request: it exists, the address is its own, the NIP matches. */
function identityRefusal(request: ChangeRequest, record: AccountRecord | null): MessageRef | null {
  if (!record) return { code: "change.refuse.no_account", params: { address: request.address } };
  const primary = lower(record.primaryEmail);
  if (primary !== request.address)
    return { code: "change.refuse.alias", params: { address: request.address, primary } };
  // Administrators' accounts are changed in the Admin console, never through a form.
  if (record.isAdmin === true || record.isDelegatedAdmin === true)
    return { code: "change.refuse.admin", params: { address: request.address } };
  const nips = recordedNips(record);
  if (nips.length > 0 && !nips.includes(request.nip)) return { code: "change.refuse.nip" };
  return null;
}

/** The groups of the OPD sheet, lower case (the OPD groups a move swaps). */
function opdGroups(opds: readonly OpdConfig[]): Set<string> {
  return new Set(opds.map((o) => lower(o.group)).filter((g) => g !== ""));
}

/**
 * What is still to do for `request`, given the directory as it is now. A verdict "done" has no
 * steps: everything asked for is already so (each such fact is in `found`).
 */
export function planChange(request: ChangeRequest, facts: PlanFacts): ChangePlan {
  const record = facts.record;
  const refusal = identityRefusal(request, record);
  if (refusal || !record) return refuse(refusal ?? { code: "change.refuse.no_account" });
  // Before its effective date nothing is done (a departure noted now would note groups that may
  // still change): the sweep asks again each day.
  if (request.effectiveDate && request.effectiveDate > facts.today)
    return { verdict: "wait", refusal: null, steps: [], found: [], notedGroups: [] };
  const current = [...new Set(facts.groups.map(lower).filter((g) => g !== ""))];
  const steps: ChangeStep[] = [];
  const found: MessageRef[] = [];
  let notedGroups: string[] = [];
  const address = request.address;

  switch (request.kind) {
    case "ubah_nama": {
      const n = request.newName;
      if (!n || n.givenName === "") return refuse({ code: "change.refuse.invalid" });
      const same =
        String(record.name?.givenName ?? "").trim() === n.givenName &&
        String(record.name?.familyName ?? "").trim() === n.familyName;
      if (same) found.push({ code: "change.found.name", params: { address, name: n.fullName } });
      else
        steps.push({ op: "update", patch: { name: { givenName: n.givenName, familyName: n.familyName } } });
      break;
    }
    case "pindah_opd": {
      const target = request.targetOpd;
      if (!target) return refuse({ code: "change.refuse.invalid" });
      if (record.suspended === true) return refuse({ code: "change.refuse.suspended", params: { address } });
      const path = target.orgUnitPath || "/";
      if (String(record.orgUnitPath ?? "/") === path)
        found.push({ code: "change.found.org_unit", params: { address, path } });
      else steps.push({ op: "update", patch: { orgUnitPath: path } });
      const others = opdGroups(facts.opds);
      for (const g of current) if (others.has(g) && g !== target.group) steps.push({ op: "leave", group: g });
      if (target.group !== "") {
        if (current.includes(target.group))
          found.push({ code: "change.found.group", params: { address, group: target.group } });
        else steps.push({ op: "join", group: target.group });
      }
      break;
    }
    case "berhenti": {
      if (!request.reason) return refuse({ code: "change.refuse.invalid" });
      // Noted once: a resumed run keeps the first note (the groups left since are still in it).
      notedGroups = facts.noted ? [...facts.noted] : current;
      if (record.suspended === true) found.push({ code: "change.found.suspended", params: { address } });
      else steps.push({ op: "update", patch: { suspended: true } });
      for (const g of current) steps.push({ op: "leave", group: g });
      break;
    }
    case "aktif_kembali": {
      // The new password goes only to the recovery address on record (reset.ts, the same attacker
      // model): without a usable one nothing is changed.
      const recovery = lower(record.recoveryEmail);
      const domain = address.slice(address.indexOf("@") + 1);
      if (recovery === "" || !checkPersonalEmail(recovery, domain).every((p) => p.code === "email.typo"))
        return refuse({ code: "change.refuse.no_recovery", params: { address } });
      // A reactivation sets a new password and sends it: only a run that lifts a suspension may
      // do so (an active account's new password is a reset, with the reset's identity checks).
      if (record.suspended !== true && !facts.announced)
        return refuse({ code: "change.refuse.not_suspended", params: { address } });
      const why = String(record.suspensionReason ?? "");
      // Google's own suspensions (abuse, a breach of terms…) are lifted in the Admin console.
      if (why !== "" && why.toUpperCase() !== ADMIN_SUSPENSION)
        return refuse({ code: "change.refuse.google_suspension", params: { address, reason: why } });
      // Only a suspension a surel departure made (its row noted the groups): an administrator's
      // own suspension (a compromised account, say) is lifted by the administrators themselves.
      if (facts.noted === null) return refuse({ code: "change.refuse.not_recorded", params: { address } });
      if (record.suspended === true) steps.push({ op: "update", patch: { suspended: false } });
      else found.push({ code: "change.found.active", params: { address } });
      notedGroups = facts.noted.map(lower);
      for (const g of notedGroups) {
        if (current.includes(g)) found.push({ code: "change.found.group", params: { address, group: g } });
        else steps.push({ op: "join", group: g });
      }
      break;
    }
  }
  return { verdict: steps.length ? "apply" : "done", refusal: null, steps, found, notedGroups };
}

// ── Dates and notes ───────────────────────────────────────────────────────────────────

const zoneOffsetOf = (config: OfficeConfig): number => officeZoneOffset(config.timeZone);

/** The instant the office's calendar day `date` (yyyy-MM-dd) begins. */
export function dayStartMs(date: string, utcOffsetMinutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** The noted groups as one cell / log text: "a@x, b@x"; "-" for none (noted, and there were none). */
export function formatGroups(groups: readonly string[]): string {
  return groups.length ? groups.join(", ") : "-";
}

/** The groups of `formatGroups`' text; null for an empty cell (nothing was noted). */
export function parseGroups(text: unknown): string[] | null {
  const s = String(text ?? "").trim();
  if (s === "") return null;
  if (s === "-") return [];
  return s
    .split(/[,\s;]+/)
    .map(lower)
    .filter((g) => /^[^@\s]+@[^@\s]+$/.test(g));
}

// ── The request in the register ──────────────────────────────────────────────────────

/**
 * The cell keys of `formatChangeDetails`: fixed codes in Indonesian whatever the office's
 * language (like the statuses), so that a register reads back the same after a language change.
 */
const DETAIL_KEYS = {
  newName: "nama baru",
  targetOpd: "OPD tujuan",
  reason: "alasan",
  effectiveDate: "berlaku",
  letter: "surat OPD",
} as const;

/**
 * A change's own facts as one register cell, one "key: value" line each, for the officials to
 * read and for the execution to read back (`changeFromDetails`). The OPD is kept by its code and
 * looked up again when the change is made (the OPD sheet may have been corrected meanwhile).
 */
export function formatChangeDetails(r: ChangeRequest): string {
  const lines: string[] = [];
  const one = (s: string): string => s.replace(/\s+/g, " ").trim();
  if (r.newName) lines.push(`${DETAIL_KEYS.newName}: ${one(r.newName.fullName)}`);
  if (r.targetOpd) lines.push(`${DETAIL_KEYS.targetOpd}: ${one(r.targetOpd.code)}`);
  if (r.reason) lines.push(`${DETAIL_KEYS.reason}: ${r.reason}`);
  if (r.effectiveDate) lines.push(`${DETAIL_KEYS.effectiveDate}: ${r.effectiveDate}`);
  lines.push(`${DETAIL_KEYS.letter}: ${one(r.letterNumber)} \u00b7 ${r.letterDate}`);
  return lines.join("\n");
}

/**
 * The request back from the register (the address and NIP from their own cells, the rest from
 * `formatChangeDetails`' cell), with the OPD as the settings name it now. null when the cell is
 * not one this program wrote or lacks what the type needs.
 */
export function changeFromDetails(
  kind: ChangeKind,
  cells: { address: string; nip: string; details: string },
  opds: readonly OpdConfig[],
): ChangeRequest | null {
  const values = new Map<string, string>();
  for (const line of cells.details.split("\n")) {
    const i = line.indexOf(": ");
    if (i > 0) values.set(line.slice(0, i).trim(), line.slice(i + 2).trim());
  }
  const [letterNumber = "", letterDate = ""] = (values.get(DETAIL_KEYS.letter) ?? "").split(" \u00b7 ");
  const effective = values.get(DETAIL_KEYS.effectiveDate) ?? "";
  const request: ChangeRequest = {
    kind,
    address: lower(cells.address),
    nip: cells.nip.replace(/\D/g, ""),
    letterNumber,
    letterDate,
    newName: null,
    targetOpd: null,
    reason: null,
    effectiveDate: /^\d{4}-\d{2}-\d{2}$/.test(effective) ? effective : null,
  };
  if (letterNumber === "" || request.address === "") return null;
  if (kind !== "ubah_nama" && !request.effectiveDate) return null;
  if (kind === "ubah_nama") {
    const typed = values.get(DETAIL_KEYS.newName) ?? "";
    const merged = mergeTitles(splitName(typed), "", "");
    if (merged.name === "" || nameProblems(typed, merged.name).length > 0) return null;
    const names = accountNames({
      name: merged.name,
      accountType: "pribadi",
      unitName: "",
      unitCode: "",
      opdCode: "",
    });
    request.newName = { fullName: formatFullName(merged), ...names };
  }
  if (kind === "pindah_opd") {
    const opd = findOpd(values.get(DETAIL_KEYS.targetOpd) ?? "", opds);
    if (!opd) return null;
    request.targetOpd = {
      code: opd.code,
      name: opd.name,
      orgUnitPath: opd.orgUnitPath || "/",
      group: lower(opd.group),
    };
  }
  if (kind === "berhenti") {
    request.reason = parseDepartureReason(values.get(DETAIL_KEYS.reason) ?? "");
    if (!request.reason) return null;
  }
  return request;
}

/** The plan's steps as people read them (the log's note of what is about to be done). */
export function describeSteps(steps: readonly ChangeStep[], lang: Language): string {
  return steps
    .map((s) => {
      if (s.op === "join") return tx(lang, "change.step.join", { group: s.group });
      if (s.op === "leave") return tx(lang, "change.step.leave", { group: s.group });
      const p = s.patch;
      const parts: string[] = [];
      if (p.name)
        parts.push(tx(lang, "change.step.name", { name: `${p.name.givenName} ${p.name.familyName}` }));
      if (p.orgUnitPath) parts.push(tx(lang, "change.step.org_unit", { path: p.orgUnitPath }));
      if (p.suspended === true) parts.push(tx(lang, "change.step.suspend"));
      if (p.suspended === false) parts.push(tx(lang, "change.step.unsuspend"));
      return parts.join("; ");
    })
    .join("; ");
}

/** What the staff read in the register at intake (Cek Duplikat): the directory's answer. */
export function changeCheckText(
  request: ChangeRequest,
  plan: ChangePlan,
  record: AccountRecord | null,
  lang: Language,
): string {
  const address = request.address;
  if (plan.verdict === "refuse" && plan.refusal)
    return tx(lang, "change.check.refused", { reason: tx(lang, plan.refusal.code, plan.refusal.params) });
  const state = tx(lang, record?.suspended === true ? "change.state.suspended" : "change.state.active");
  const path = String(record?.orgUnitPath ?? "/");
  if (plan.verdict === "wait")
    return tx(lang, "change.check.wait", { address, state, path, date: request.effectiveDate ?? "-" });
  const found = plan.found.map((f) => tx(lang, f.code, f.params)).join(" ");
  if (plan.verdict === "done") return tx(lang, "change.check.done", { address, found });
  return tx(lang, "change.check.found", { address, state, path, steps: describeSteps(plan.steps, lang) });
}

export interface ChangeNoticeInput {
  ticket: string;
  name: string;
  kind: ChangeKind;
  /** The type's name as people read it (services.ts serviceLabel). */
  kindLabel: string;
  address: string;
  doneMs: number;
  /** What was done now (describeSteps) and what already was so. */
  done: string;
  found: string;
}

/** To the applicant (and the OPD's copy address) once a change was carried out. */
export function composeChangeNotice(
  input: ChangeNoticeInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const offset = zoneOffsetOf(config);
  const blocks: Block[] = [
    { kind: "p", text: tx(lang, "mail.greeting", { name: input.name || "-" }) },
    {
      kind: "p",
      text: tx(lang, "change.notice.intro", {
        kind: input.kindLabel,
        address: input.address,
        ticket: input.ticket,
        when: formatDateTime(input.doneMs, offset, lang),
      }),
    },
  ];
  if (input.done) blocks.push({ kind: "p", text: tx(lang, "change.notice.done", { steps: input.done }) });
  if (input.found) blocks.push({ kind: "p", text: tx(lang, "change.notice.found", { found: input.found }) });
  if (input.kind === "berhenti") blocks.push({ kind: "p", text: tx(lang, "change.notice.departure") });
  if (input.kind === "aktif_kembali")
    blocks.push({ kind: "p", text: tx(lang, "change.notice.reactivation") });
  blocks.push({ kind: "small", text: footer(config, lang) });
  return render(
    tx(lang, "change.notice.subject", {
      ticket: input.ticket,
      kind: input.kindLabel,
      address: input.address,
    }),
    blocks,
    brandOf(config, lang),
  );
}
