/**
 * The Admin SDK Directory calls of provisioning, each with the documented handling:
 * - 429, 503 (and other 5xx) and 403 rate limits (userRateLimitExceeded …): exponential backoff
 *   1, 2, 4, 8, 16 s plus up to 1 s of jitter (from Utilities.getUuid, never Math.random), at most
 *   5 retries, then the error goes to the caller (the sweep retries the step later);
 * - 412 "User creation is not complete." on a follow-up call right after an insert: the same
 *   waits, then the follow-up call again;
 * - 409 "Entity already exists." on users.insert: the earlier attempt may have succeeded (a lost
 *   reply, a retry after a 503): users.get tells whether the account carries this ticket's marker
 *   in externalIds; if so it is ours and provisioning carries on, else the address is someone else's;
 * - 409 "Member already exists." on members.insert: nothing to do;
 * - 403 "Not Authorized to access this resource/api": never retried (the installer is no admin).
 * Error classes come from the server's reason, then the HTTP code, in the exception's details; the
 * message (which Google translates) only when both are missing (domain/provisioning.ts
 * classifyDirectoryError).
 */
import { patchApplied, type AccountRecord, type UserPatch } from "../domain/changeplan.js";
import { t } from "../domain/text/index.js";
import { configuredLanguage } from "./settings.js";
import {
  backoffMs,
  classifyDirectoryError,
  isOwnAccount,
  MAX_RETRIES,
  type DirectoryFailure,
  type ErrorFacts,
  type UserResource,
} from "../domain/provisioning.js";

type User = GoogleAppsScript.AdminDirectory.Schema.User;

interface ErrorDetails {
  code?: number;
  reason?: string;
  errors?: { reason?: string }[];
}

/** The HTTP code, reason and message of an advanced-service exception. */
export function errorFacts(e: unknown): ErrorFacts {
  const details = (e as { details?: ErrorDetails } | null)?.details;
  const message = e instanceof Error ? e.message : String(e);
  const facts: ErrorFacts = { message };
  if (details && typeof details.code === "number") facts.code = details.code;
  const reason = details?.reason ?? details?.errors?.[0]?.reason;
  if (reason) facts.reason = reason;
  return facts;
}

export function failureOf(e: unknown, call: "member" | "other" = "other"): DirectoryFailure {
  return classifyDirectoryError(errorFacts(e), call);
}

/** A Directory failure the caller must not retry at once (the class says why). */
export class DirectoryError extends Error {
  constructor(
    readonly failure: DirectoryFailure,
    message: string,
    readonly detail = "",
  ) {
    super(message);
    this.name = "DirectoryError";
  }
}

export interface BackoffOptions {
  /** A follow-up call on a just-created user: 412 "creation not complete" is retried too. */
  followUp?: boolean;
  /** Retries of rate limits and unavailability (default MAX_RETRIES); 412 waits are not counted. */
  retries?: number;
}

/** Calls `fn`, retrying transient Directory failures with exponential backoff. */
export function withBackoff<T>(fn: () => T, opts: BackoffOptions = {}): T {
  for (let retry = 0; ; retry++) {
    try {
      return fn();
    } catch (e) {
      const failure = failureOf(e);
      const pending = !!opts.followUp && failure === "not_complete";
      const transient = pending || failure === "rate_limited" || failure === "unavailable";
      if (!transient || retry >= (pending ? MAX_RETRIES : (opts.retries ?? MAX_RETRIES))) throw e;
      Utilities.sleep(backoffMs(retry, Utilities.getUuid()));
    }
  }
}

function dir(): GoogleAppsScript.AdminDirectory {
  const d = AdminDirectory;
  if (!d || !d.Users || !d.Groups || !d.Members) {
    throw new DirectoryError("not_authorized", t(configuredLanguage(), "directory.not_enabled"));
  }
  return d;
}

/** A user by primary address or alias; null when there is none. */
export function getUser(key: string): User | null {
  try {
    return withBackoff(() => dir().Users!.get(key));
  } catch (e) {
    if (failureOf(e) === "not_found") return null;
    throw e;
  }
}

export type Ownership =
  { kind: "none" } | { kind: "ours"; user: User } | { kind: "other"; owner: string; what: "user" | "alias" };

/** Whether the address already exists, and whether it is the account provisioning made for `ticket`. */
export function ownership(address: string, ticket: string): Ownership {
  const user = getUser(address);
  if (!user) return { kind: "none" };
  const primary = String(user.primaryEmail ?? "").toLowerCase();
  if (primary === address.toLowerCase() && isOwnAccount(user, ticket)) return { kind: "ours", user };
  return { kind: "other", owner: primary, what: primary === address.toLowerCase() ? "user" : "alias" };
}

/** Whether a group has this address. */
export function groupExists(address: string): boolean {
  try {
    withBackoff(() => dir().Groups!.get(address));
    return true;
  } catch (e) {
    if (failureOf(e) === "not_found") return false;
    throw e;
  }
}

/** Every group address of the customer (primary and aliases), lower case: one list call per 200. */
export function allGroupAddresses(): Set<string> {
  const out = new Set<string>();
  let pageToken: string | undefined;
  do {
    const args = { customer: "my_customer", maxResults: 200, ...(pageToken ? { pageToken } : {}) };
    const page = withBackoff(() => dir().Groups!.list(args));
    for (const g of page.groups ?? []) {
      for (const a of [g.email, ...(g.aliases ?? []), ...(g.nonEditableAliases ?? [])]) {
        if (a) out.add(String(a).toLowerCase());
      }
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/** Every org unit path of the customer ("/" included): one list call. */
export function allOrgUnitPaths(): Set<string> {
  const units = dir().Orgunits;
  if (!units) throw new DirectoryError("not_authorized", t(configuredLanguage(), "directory.not_enabled"));
  const list = withBackoff(() => units.list("my_customer", { type: "all" }));
  const out = new Set<string>(["/"]);
  for (const u of list.organizationUnits ?? []) if (u.orgUnitPath) out.add(String(u.orgUnitPath));
  return out;
}

/** Directory users carrying this NIP in externalIds (search results may lag by hours). */
export function usersWithNip(nip: string): { nip: string; address: string }[] {
  if (!/^\d{18}$/.test(nip)) return [];
  const found = withBackoff(() =>
    dir().Users!.list({ customer: "my_customer", query: `externalId:${nip}`, maxResults: 10 }),
  );
  return (found.users ?? []).map((u) => ({ nip, address: String(u.primaryEmail ?? "") }));
}

/**
 * users.insert, exactly once for the ticket: a 409 is confirmed with users.get (the ticket's
 * marker in externalIds); another owner's address is a DirectoryError("exists").
 */
export function insertUser(resource: UserResource, password: string, ticket: string): User {
  const user: User = { ...(resource as unknown as User), password };
  try {
    return withBackoff(() => dir().Users!.insert(user));
  } catch (e) {
    if (failureOf(e) !== "exists") throw e;
    const found = getUser(resource.primaryEmail);
    if (found && isOwnAccount(found, ticket)) return found;
    throw new DirectoryError(
      "exists",
      t(configuredLanguage(), "directory.address_taken", { address: resource.primaryEmail }),
      String(found?.primaryEmail ?? ""),
    );
  }
}

/** Adds the account to a group; "Member already exists." counts as done. */
export function addMember(group: string, address: string): "added" | "already" {
  try {
    withBackoff(() => dir().Members!.insert({ email: address, role: "MEMBER" }, group), { followUp: true });
    return "added";
  } catch (e) {
    if (failureOf(e, "member") === "member_exists") return "already";
    throw e;
  }
}

/**
 * Sets a new password that must be changed at the next sign-in (a letter re-issued after the
 * first password was lost, or an unused temporary password invalidated).
 */
export function setPassword(address: string, password: string): void {
  const patch: User = { password, changePasswordAtNextLogin: true };
  withBackoff(() => dir().Users!.update(patch, address), { followUp: true });
}

/**
 * One users.update with a partial patch (documented: update has patch semantics, a field left
 * out is kept). The caller re-read the record first (domain/changes.ts planChange). A transient
 * failure is never answered by sending the patch again blindly: the reply may have been lost
 * after the change took effect, so the record is read again (after the backoff wait) and the
 * patch is sent again only when the record does not show it.
 */
export function updateUser(address: string, patch: UserPatch): void {
  const resource: User = { ...patch };
  for (let retry = 0; ; retry++) {
    try {
      withBackoff(() => dir().Users!.update(resource, address), { followUp: true, retries: 0 });
      return;
    } catch (e) {
      const failure = failureOf(e);
      if ((failure !== "rate_limited" && failure !== "unavailable") || retry >= MAX_RETRIES) throw e;
      Utilities.sleep(backoffMs(retry, Utilities.getUuid()));
      const now = getUser(address);
      if (now && patchApplied(now as AccountRecord, patch)) return;
    }
  }
}

/** The groups the account is a direct member of (addresses, lower case): one call per 200. */
export function userGroups(address: string): string[] {
  const out: string[] = [];
  let pageToken: string | undefined;
  do {
    const args = { userKey: address, maxResults: 200, ...(pageToken ? { pageToken } : {}) };
    const page = withBackoff(() => dir().Groups!.list(args));
    for (const g of page.groups ?? []) if (g.email) out.push(String(g.email).toLowerCase());
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/**
 * Takes the account out of a group. A 404 (the member is not there, or the group is gone: the
 * API answers both with notFound) counts as done: the account is not in the group either way.
 */
export function removeMember(group: string, address: string): "removed" | "absent" {
  try {
    withBackoff(() => dir().Members!.remove(group, address));
    return "removed";
  } catch (e) {
    if (failureOf(e, "member") === "not_found") return "absent";
    throw e;
  }
}

/** Suspends the account (one users.update, retried on a transient failure). */
export function suspendUser(address: string): void {
  withBackoff(() => dir().Users!.update({ suspended: true }, address));
}

/** Sets the account's recovery address (one users.update, retried on a transient failure). */
export function setRecoveryEmail(address: string, email: string): void {
  withBackoff(() => dir().Users!.update({ recoveryEmail: email }, address));
}
