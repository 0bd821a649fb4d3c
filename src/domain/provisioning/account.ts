/**
 * The account in the directory: the user resource sent to `users.insert` (names clipped to
 * Google's limits, the ticket's marker), ownership by that marker, sign-in facts, and redaction
 * of a secret from a text.
 */
import type { AccountType } from "../request.js";

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
