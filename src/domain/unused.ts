/**
 * Accounts never used, the pure part. A credential letter's temporary password expires
 * `reset_kredensial_hari` days after it was sent (flows/provision/sweep.ts invalidates it); around that:
 * - REMIND_BEFORE_DAYS before it expires, an applicant who has not signed in yet is reminded once
 *   (per letter: a reissued letter is reminded again);
 * - once a month, each OPD gets the list of its accounts whose password expired and that were
 *   never signed into (Google's `lastLoginTime` is the epoch for such an account);
 * - `usul_tangguhkan_hari` days after the letter (0 = never), an account still never used is
 *   proposed once to the administrators for suspension; they confirm on the admin sheet.
 * The ids below are the mail queue's claims: a mail recorded under one is never recorded again.
 */
import type { Language, OfficeConfig } from "./config.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import { t } from "./text/index.js";

export const DAY_MS = 86_400_000;
/** How many days before the temporary password expires the applicant is reminded. */
export const REMIND_BEFORE_DAYS = 3;

export const REMINDER_ID = "AKTIVASI";
export const MONTHLY_ID = "TIDAKAKTIF";
export const PROPOSAL_ID = "USULTANGGUH";

/** A finished request whose letter went out, as the pass reads it from the register. */
export interface LetterRow {
  ticket: string;
  address: string;
  personalEmail: string;
  name: string;
  opd: string;
  /** When the (last) letter was sent. */
  sentMs: number;
  /** The provisioning label ("selesai", "kedaluwarsa", "digunakan", …). */
  label: string;
}

/** What the directory says of an account. */
export interface AccountFacts {
  everUsed: boolean;
  suspended: boolean;
}

export const expiryOf = (sentMs: number, days: number): number => sentMs + days * DAY_MS;

/** Within REMIND_BEFORE_DAYS (at most half the validity) before the password expires. */
export function dueForReminder(r: LetterRow, days: number, nowMs: number): boolean {
  if (r.label !== "selesai" || r.sentMs <= 0) return false;
  const end = expiryOf(r.sentMs, days);
  const lead = Math.min(REMIND_BEFORE_DAYS, Math.floor(days / 2)) * DAY_MS;
  return lead > 0 && nowMs < end && nowMs >= end - lead;
}

export function passwordExpired(r: LetterRow, days: number, nowMs: number): boolean {
  return r.sentMs > 0 && nowMs >= expiryOf(r.sentMs, days) && r.label !== "digunakan";
}

export function dueForProposal(r: LetterRow, suspendDays: number, nowMs: number): boolean {
  return (
    suspendDays > 0 && r.sentMs > 0 && r.label !== "digunakan" && nowMs - r.sentMs >= suspendDays * DAY_MS
  );
}

/** The claim of a reminder: per ticket and letter (the sent time), so a new letter is reminded again. */
export const reminderClaim = (r: LetterRow): string => `${REMINDER_ID}-${r.ticket}-${r.sentMs.toString(36)}`;
export const monthlyClaim = (month: string, opdCode: string): string => `${MONTHLY_ID}-${month}-${opdCode}`;
export const proposalClaim = (ticket: string): string => `${PROPOSAL_ID}-${ticket}`;

/** To the applicant: the temporary password expires soon; sign in before. */
export function composeActivationReminder(
  r: LetterRow,
  deadline: string,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: r.name }) },
    { kind: "p", text: t(lang, "unused.remind.intro", { address: r.address, ticket: r.ticket, deadline }) },
    { kind: "p", text: t(lang, "unused.remind.next") },
  ];
  return officeMail(t(lang, "unused.remind.subject", { address: r.address }), blocks, config, lang);
}

/** To an OPD: its accounts never signed into after their temporary password expired. */
export function composeMonthlyList(
  opdName: string,
  month: string,
  rows: readonly { address: string; name: string; sent: string }[],
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "unused.monthly.intro", { opd: opdName, count: rows.length, month }) },
    { kind: "ul", items: rows.map((r) => t(lang, "unused.monthly.item", r)) },
    { kind: "p", text: t(lang, "unused.monthly.next") },
  ];
  return officeMail(t(lang, "unused.monthly.subject", { opd: opdName, month }), blocks, config, lang);
}

/** To the administrators: an account never used is proposed for suspension. */
export function composeSuspensionProposal(
  r: LetterRow,
  days: number,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "unused.propose.intro", { address: r.address, ticket: r.ticket, days, opd: r.opd }),
    },
    { kind: "p", text: t(lang, "unused.propose.how", { ticket: r.ticket, op: t(lang, "admin.op.suspend") }) },
  ];
  return officeMail(t(lang, "unused.propose.subject", { address: r.address }), blocks, config, lang);
}
