/**
 * Password reset for an existing account, the rules as pure functions: what a reset
 * request must give, and whether it matches the directory's record of the account.
 *
 * NOT YET WIRED: no form question, intake path, workflow entry or provisioning step uses this
 * module yet (see the README: the form offers no reset). It holds the decisions those steps are
 * to share, so that the attacker model below is settled in one place and tested:
 *
 * - Someone who knows an account's address and its holder's NIP must not get a password. The
 *   new password goes ONLY to the recovery address on record in the directory (`recoveryEmail`),
 *   never to an address typed in the form: `recipient` is taken from the record and is null
 *   unless every fact matched.
 * - A mismatch is never a silent refusal: the staff see what did not match, masked on both sides
 *   (`resetStaffNote`); the applicant gets the same generic answer whatever the verdict, so the
 *   form is no oracle for which NIP or address an account has.
 * - Matching is exact after normalisation (NIP: digits only; addresses: trimmed, lower case). A
 *   provider's own equivalences (dots in a Gmail name) are not applied: a near match goes to the
 *   staff, it is not taken as a match.
 */
import { maskNip } from "./identity.js";
import { checkPersonalEmail, maskEmail } from "./personalemail.js";
import { TICKET_ID_TYPE } from "./provisioning.js";
import { tx, type MessageRef } from "./text/index.js";
import type { Language } from "./config.js";

/** What a reset request claims about the account. */
export interface ResetClaim {
  /** The account address, lower case. */
  address: string;
  /** 18 digits. */
  nip: string;
  /** The personal (recovery) address, lower case. */
  personalEmail: string;
}

/** The parts of a Directory user the check reads (Admin SDK Directory `User`). */
export interface DirectoryRecord {
  primaryEmail?: string | null;
  suspended?: boolean | null;
  recoveryEmail?: string | null;
  externalIds?: unknown;
  isAdmin?: boolean | null;
  isDelegatedAdmin?: boolean | null;
}

export type ResetVerdict = "match" | "mismatch" | "no_account";

export interface ResetCheck {
  verdict: ResetVerdict;
  /** What did not match, for the staff (masked values only). Empty when the verdict is "match". */
  mismatches: MessageRef[];
  /** Where the reset letter may go: the recovery address ON RECORD, and only on "match". */
  recipient: string | null;
}

const lower = (s: string | null | undefined): string =>
  String(s ?? "")
    .trim()
    .toLowerCase();
const digits = (s: string): string => s.replace(/\D/g, "");

/**
 * The answers of a reset request, normalised, with the problems the applicant must correct. No
 * user name is asked for or made: the account exists. The address must be in the office domain.
 */
export function validateResetClaim(
  answers: { address: string; nip: string; personalEmail: string },
  officeDomain: string,
): { claim: ResetClaim; problems: MessageRef[] } {
  const problems: MessageRef[] = [];
  const domain = lower(officeDomain);
  let address = lower(answers.address).replace(/\s/g, "");
  if (address !== "" && !address.includes("@")) address = `${address}@${domain}`;
  if (address === "") problems.push({ code: "reset.address.required" });
  else if (!/^[a-z0-9._'-]{1,64}@[a-z0-9.-]+$/.test(address) || !address.endsWith(`@${domain}`))
    problems.push({ code: "reset.address.invalid", params: { value: answers.address.trim(), domain } });
  const nip = digits(answers.nip);
  if (answers.nip.trim() === "") problems.push({ code: "reset.nip.required" });
  else if (nip.length !== 18) problems.push({ code: "reset.nip.invalid" });
  const personalEmail = lower(answers.personalEmail).replace(/\s/g, "");
  if (personalEmail === "") problems.push({ code: "reset.email.required" });
  else
    for (const p of checkPersonalEmail(personalEmail, domain)) if (p.code !== "email.typo") problems.push(p);
  return { claim: { address, nip, personalEmail }, problems };
}

/** The NIP values a record carries in externalIds (the ticket marker surel writes aside). */
export function recordedNips(record: DirectoryRecord): string[] {
  const ids = Array.isArray(record.externalIds) ? (record.externalIds as unknown[]) : [];
  const out: string[] = [];
  for (const id of ids) {
    if (!id || typeof id !== "object") continue;
    const { customType, value } = id as { customType?: unknown; value?: unknown };
    if (customType === TICKET_ID_TYPE) continue;
    const v = digits(String(value ?? ""));
    if (v.length === 18 && !out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * A reset claim against the directory's record of the address (null: no such user). Every fact
 * that does not match is named, masked, whatever else failed: the staff see the whole picture.
 */
export function checkResetIdentity(
  claim: ResetClaim,
  record: DirectoryRecord | null,
  officeDomain: string,
): ResetCheck {
  if (!record) {
    return {
      verdict: "no_account",
      mismatches: [{ code: "reset.mismatch.no_account", params: { address: claim.address } }],
      recipient: null,
    };
  }
  const mismatches: MessageRef[] = [];
  const primary = lower(record.primaryEmail);
  if (primary !== claim.address)
    // The address is an alias: the reset would be of another name's account.
    mismatches.push({ code: "reset.mismatch.alias", params: { address: claim.address, primary } });
  // Administrators' passwords are managed in the Admin console, never through a form (as changes).
  if (record.isAdmin === true || record.isDelegatedAdmin === true)
    mismatches.push({ code: "reset.mismatch.admin" });
  if (record.suspended) mismatches.push({ code: "reset.mismatch.suspended" });
  const nips = recordedNips(record);
  if (nips.length === 0) mismatches.push({ code: "reset.mismatch.nip_none" });
  else if (!nips.includes(claim.nip))
    mismatches.push({
      code: "reset.mismatch.nip",
      params: { given: maskNip(claim.nip), recorded: nips.map(maskNip).join(", ") },
    });
  const recovery = lower(record.recoveryEmail);
  const deliverable =
    recovery !== "" && checkPersonalEmail(recovery, officeDomain).every((p) => p.code === "email.typo");
  if (recovery === "") mismatches.push({ code: "reset.mismatch.email_none" });
  else if (!deliverable)
    mismatches.push({ code: "reset.mismatch.email_unusable", params: { recorded: maskEmail(recovery) } });
  else if (recovery !== claim.personalEmail)
    mismatches.push({
      code: "reset.mismatch.email",
      params: { given: maskEmail(claim.personalEmail), recorded: maskEmail(recovery) },
    });
  if (mismatches.length) return { verdict: "mismatch", mismatches, recipient: null };
  return { verdict: "match", mismatches: [], recipient: recovery };
}

/** The check as the staff read it in the register (one line per fact that did not match). */
export function resetStaffNote(check: ResetCheck, lang: Language): string {
  if (check.verdict === "match") return tx(lang, "reset.staff.match");
  return [
    tx(lang, check.verdict === "no_account" ? "reset.staff.no_account" : "reset.staff.mismatch"),
    ...check.mismatches.map((m) => `- ${tx(lang, m.code, m.params)}`),
  ].join("\n");
}
