/** The directory's state (users, aliases, groups, members, org units) and the helpers of its collections. */
import { createHash } from "node:crypto";
import { apiError, type AdminRole } from "../../core.js";
import type { Workspace } from "../../workspace.js";

export type User = GoogleAppsScript.AdminDirectory.Schema.User;
export type Group = GoogleAppsScript.AdminDirectory.Schema.Group;
export type Member = GoogleAppsScript.AdminDirectory.Schema.Member;
export type Json = Record<string, unknown>;

interface DirectoryConfig {
  /** How long users.list lags behind changes (ms). Default 0. */
  listLagMs: number;
  /** How long after users.insert follow-up calls fail with "User creation is not complete." (ms). Default 0. */
  creationPendingMs: number;
  /** How long after creation isMailboxSetup stays false (ms). Default 120 000 (assumption). */
  mailboxSetupMs: number;
  /** Queries per minute per user (2,400 published). */
  queriesPerMinute: number;
  /** User creations per domain per second (10 published). */
  createsPerSecond: number;
}

export const DEFAULT_DIRECTORY_CONFIG: DirectoryConfig = {
  listLagMs: 0,
  creationPendingMs: 0,
  mailboxSetupMs: 120_000,
  queriesPerMinute: 2400,
  createsPerSecond: 10,
};

export const NOT_AUTHORIZED = "Not Authorized to access this resource/api";
const CREATION_NOT_COMPLETE = "User creation is not complete.";
export const RATE_LIMIT = "Rate Limit Exceeded";

export interface UserRecord {
  /** The stored resource (never a password). */
  user: Json;
  passwordHash: string | null;
  passwordSalt: string | null;
  hashFunction: string | null;
  createdMs: number;
  pendingUntilMs: number;
  mailboxReadyMs: number;
  deletedMs: number | null;
  /** What the search index sees, with the time each version was written; null data = deleted. */
  snapshots: { atMs: number; data: Json | null }[];
}

export interface MemberRecord {
  email: string;
  id: string | null;
  role: string;
  type: string;
}

export interface GroupRecord {
  group: Json;
  members: MemberRecord[];
}

export class DirectoryState {
  customerId: string;
  /** The customer's domains (primary first). */
  domains: string[];
  /** Domains that exist at Google but belong to someone else (insert → "Invalid Input: primary_user_email"). */
  foreignDomains = new Set(["gmail.com", "googlemail.com"]);
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly orgUnits = new Set<string>(["/"]);
  readonly config: DirectoryConfig = { ...DEFAULT_DIRECTORY_CONFIG };
  /** Query times per user (sliding one-minute window). */
  readonly queryLog = new Map<string, number[]>();
  /** Creation times per domain (sliding one-second window). */
  readonly createLog = new Map<string, number[]>();
  /** Number of successful users.insert calls, for tests that count creations. */
  insertCount = 0;
  /**
   * Every password that took effect, in order: the user's address then, when, and a digest of the
   * password (never the password), for tests that count new passwords.
   */
  readonly passwordSets: { email: string; atMs: number; digest: string }[] = [];

  constructor(ws: Workspace) {
    const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    let id = "C0";
    while (id.length < 9) id += alphabet[ws.rng.int(alphabet.length)];
    this.customerId = id;
    this.domains = [ws.domain.toLowerCase()];
  }

  toJSON(): unknown {
    return {
      customerId: this.customerId,
      domains: this.domains,
      orgUnits: [...this.orgUnits],
      config: this.config,
      users: [...this.users.values()].map((r) => ({
        ...r.user,
        hasPassword: r.passwordHash !== null,
        ...(r.deletedMs !== null ? { deletionTime: new Date(r.deletedMs).toISOString() } : {}),
      })),
      groups: [...this.groups.values()].map((g) => ({ ...g.group, members: g.members })),
    };
  }
}

export function directoryStateObject(ws: Workspace): DirectoryState {
  return ws.slot("directory", () => new DirectoryState(ws));
}

/** A plain, JSON-able picture of the directory (users without password hashes). */
export function directoryState(ws: Workspace): {
  customerId: string;
  domains: string[];
  orgUnits: string[];
  users: (User & { hasPassword: boolean; deletionTime?: string })[];
  groups: (Group & { members: MemberRecord[] })[];
} {
  return structuredClone(directoryStateObject(ws).toJSON()) as ReturnType<typeof directoryState>;
}

export function configureDirectory(
  ws: Workspace,
  opts: Partial<DirectoryConfig> & { domains?: string[]; foreignDomains?: string[]; customerId?: string },
): void {
  const st = directoryStateObject(ws);
  const { domains, foreignDomains, customerId, ...config } = opts;
  Object.assign(st.config, config);
  if (domains) st.domains = domains.map((d) => d.toLowerCase());
  if (foreignDomains) st.foreignDomains = new Set(foreignDomains.map((d) => d.toLowerCase()));
  if (customerId) st.customerId = customerId;
}

export function addOrgUnit(ws: Workspace, path: string): void {
  const st = directoryStateObject(ws);
  const parts = path.split("/").filter(Boolean);
  for (let i = 1; i <= parts.length; i++) st.orgUnits.add("/" + parts.slice(0, i).join("/"));
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function lower(s: unknown): string {
  return String(s ?? "")
    .trim()
    .toLowerCase();
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function etagOf(v: unknown): string {
  return `"${createHash("sha1").update(JSON.stringify(v)).digest("base64url")}"`;
}

export function hashPassword(salt: string, password: string): string {
  return createHash("sha256")
    .update(salt + "\u0000" + password)
    .digest("hex");
}

export function effectiveUser(ws: Workspace): string {
  return lower(ws.current ? ws.current.effectiveUser : ws.owner.email);
}

/** An admin identity of the workspace, or a directory user made (delegated) admin. */
export function isAdmin(ws: Workspace): boolean {
  const who = effectiveUser(ws);
  if (ws.identity(who)?.admin) return true;
  const rec = findUser(ws, who);
  return !!rec && (rec.user.isAdmin === true || rec.user.isDelegatedAdmin === true);
}

/**
 * The privilege a method needs from a delegated admin's role (names as the Directory API's
 * privileges list spells them; which method needs which is chosen from the Admin console's
 * privilege tree: the documentation does not map methods to privileges).
 */
export function privilegeFor(method: string): string {
  if (/^directory\.users\.(get|list)$/.test(method)) return "USERS_RETRIEVE";
  if (method === "directory.users.insert") return "USERS_CREATE";
  if (method === "directory.users.delete") return "USERS_DELETE";
  if (method === "directory.users.makeAdmin") return "SUPER_ADMIN";
  if (method.startsWith("directory.users.")) return "USERS_UPDATE";
  if (/^directory\.(groups|members)\.(get|list|hasMember)$/.test(method)) return "GROUPS_RETRIEVE";
  if (method.startsWith("directory.members.")) return "GROUPS_UPDATE";
  if (method.startsWith("directory.orgunits.")) return "ORGANIZATION_UNITS_RETRIEVE";
  return "GROUPS_ALL";
}

/** The caller's delegated role, if it has one (super admins and non-admins have none). */
export function roleOf(ws: Workspace): AdminRole | undefined {
  return ws.identity(effectiveUser(ws))?.role;
}

/**
 * A super admin may call everything; a delegated admin only what its role's privileges allow (a
 * role with GROUPS_ALL also retrieves and updates groups); anything else is the real 403.
 */
export function requireAdmin(ws: Workspace, method: string): void {
  if (!isAdmin(ws)) throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
  const role = roleOf(ws);
  if (!role) return;
  const need = privilegeFor(method);
  const has = new Set(role.privileges);
  const ok = has.has(need) || (need.startsWith("GROUPS_") && has.has("GROUPS_ALL"));
  if (!ok) throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
}

/** A delegated admin limited to org units may act only on users in them (or below). */
export function requireOrgUnitScope(ws: Workspace, method: string, path: unknown): void {
  const units = roleOf(ws)?.orgUnits;
  if (!units) return;
  const p = String(path ?? "/");
  if (!units.some((u) => p === u || p.startsWith(u.endsWith("/") ? u : `${u}/`)))
    throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
}

/** Counts one query against the caller's per-minute budget. */
/** What every collection method does first: count the call against the rate, check the caller's role. */
export function adminCall(ws: Workspace, method: string): void {
  charge(ws, method);
  requireAdmin(ws, method);
}

/** A list response: its kind, the items under `key` (absent when none), the next page's token, an etag. */
export function listResult(kind: string, key: string, items: readonly unknown[], next?: string | null): Json {
  const out: Json = { kind };
  if (items.length) out[key] = items;
  if (next) out.nextPageToken = next;
  out.etag = etagOf(out);
  return out;
}

export function charge(ws: Workspace, method: string): void {
  const st = directoryStateObject(ws);
  const who = effectiveUser(ws);
  const now = ws.now();
  const log = (st.queryLog.get(who) ?? []).filter((t) => t > now - 60_000);
  if (log.length >= st.config.queriesPerMinute) {
    st.queryLog.set(who, log);
    throw apiError(method, RATE_LIMIT, 403, "userRateLimitExceeded");
  }
  log.push(now);
  st.queryLog.set(who, log);
}

const LOCAL_PART = /^[a-z0-9'_-]+(?:\.[a-z0-9'_-]+)*$/;

export function splitEmail(email: string): { local: string; domain: string } | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return { local: email.slice(0, at), domain: email.slice(at + 1) };
}

/** Checks an address the customer would own; returns it in lower case. */
export function checkOwnAddress(ws: Workspace, method: string, raw: unknown, inputName: string): string {
  const email = lower(raw);
  const parts = splitEmail(email);
  if (!parts || !LOCAL_PART.test(parts.local) || parts.local.length > 64) {
    throw apiError(method, `Invalid Input: ${inputName}`, 400, "invalid");
  }
  const st = directoryStateObject(ws);
  if (!st.domains.includes(parts.domain)) {
    if (st.foreignDomains.has(parts.domain))
      throw apiError(method, `Invalid Input: ${inputName}`, 400, "invalid");
    throw apiError(method, "Domain not found.", 400, "notFound");
  }
  return email;
}

function liveUsers(ws: Workspace): UserRecord[] {
  return [...directoryStateObject(ws).users.values()].filter((r) => r.deletedMs === null);
}

export function addressesOf(r: UserRecord): string[] {
  return [
    String(r.user.primaryEmail),
    ...((r.user.aliases as string[] | undefined) ?? []),
    ...((r.user.nonEditableAliases as string[] | undefined) ?? []),
  ].map(lower);
}

export function groupAddresses(g: GroupRecord): string[] {
  return [String(g.group.email), ...((g.group.aliases as string[] | undefined) ?? [])].map(lower);
}

/** Whether an address is taken by a user (primary or alias) or a group. */
export function addressTaken(ws: Workspace, email: string, except?: UserRecord): boolean {
  if (liveUsers(ws).some((r) => r !== except && addressesOf(r).includes(email))) return true;
  return [...directoryStateObject(ws).groups.values()].some((g) => groupAddresses(g).includes(email));
}

export function findUser(ws: Workspace, key: unknown): UserRecord | undefined {
  const k = lower(key);
  if (/^\d+$/.test(k)) {
    const r = directoryStateObject(ws).users.get(k);
    return r && r.deletedMs === null ? r : undefined;
  }
  return liveUsers(ws).find((r) => addressesOf(r).includes(k));
}

export function userOr404(ws: Workspace, method: string, key: unknown): UserRecord {
  const r = findUser(ws, key);
  if (!r) throw apiError(method, "Resource Not Found: userKey", 404, "notFound");
  return r;
}

export function notPending(ws: Workspace, method: string, r: UserRecord): void {
  if (ws.now() < r.pendingUntilMs) throw apiError(method, CREATION_NOT_COMPLETE, 412, "conditionNotMet");
}

/** The user resource as the API returns it now. */
export function present(ws: Workspace, r: UserRecord, viewType?: string): User {
  const u: Json = structuredClone(r.user);
  u.isMailboxSetup = ws.now() >= r.mailboxReadyMs;
  const aliases = (u.aliases as string[] | undefined) ?? [];
  u.emails = [
    { address: u.primaryEmail, primary: true },
    ...aliases.map((a) => ({ address: a })),
    ...((r.user.emails as Json[] | undefined) ?? []).filter(
      (e) => !e.primary && !aliases.includes(String(e.address)),
    ),
  ];
  if (!aliases.length) delete u.aliases;
  u.etag = etagOf(u);
  if (viewType === "domain_public") {
    const pub: Json = {};
    for (const k of [
      "kind",
      "id",
      "etag",
      "primaryEmail",
      "name",
      "emails",
      "thumbnailPhotoUrl",
      "organizations",
      "phones",
    ]) {
      if (u[k] !== undefined) pub[k] = u[k];
    }
    return pub as User;
  }
  return u as User;
}

export function snapshot(ws: Workspace, r: UserRecord): void {
  r.snapshots.push({ atMs: ws.now(), data: r.deletedMs === null ? structuredClone(r.user) : null });
}

export function checkName(method: string, name: unknown, field: "givenName" | "familyName"): string {
  const label = field === "givenName" ? "GivenName" : "FamilyName";
  const v = name === undefined || name === null ? "" : String(name).trim();
  if (v.length === 0 || v.length > 60)
    throw apiError(method, `Invalid Given/Family Name: ${label}`, 400, "invalid");
  return v;
}

export function setPassword(
  ws: Workspace,
  method: string,
  r: UserRecord,
  password: unknown,
  hashFunction: unknown,
): void {
  const p = password === undefined || password === null ? "" : String(password);
  const hf = hashFunction ? String(hashFunction) : null;
  if (hf ? p.length === 0 : p.length < 8 || p.length > 100)
    throw apiError(method, "Invalid Password", 400, "invalid");
  const salt = ws.rng.bytes(8).toString("hex");
  r.passwordSalt = salt;
  r.passwordHash = hf ? `${hf}:${p}` : hashPassword(salt, p);
  r.hashFunction = hf;
  directoryStateObject(ws).passwordSets.push({
    email: lower(r.user.primaryEmail),
    atMs: ws.now(),
    digest: hashPassword("", p),
  });
}

export function checkOrgUnit(ws: Workspace, method: string, path: unknown): string {
  const p = String(path ?? "/") || "/";
  if (!directoryStateObject(ws).orgUnits.has(p))
    throw apiError(method, "Invalid Input: INVALID_OU_ID", 400, "invalid");
  return p;
}

/**
 * Fields users.update / users.patch write as given (null clears). `suspensionReason` is not one:
 * documented "Output only" (the reason Google or an administrator suspended the account, returned
 * only while `suspended` is true); chosen: a value written is ignored without an error, the server
 * sets "ADMIN" when an administrator suspends, so no program can record its own reason there.
 */
export const WRITABLE_USER_FIELDS = [
  "suspended",
  "archived",
  "changePasswordAtNextLogin",
  "includeInGlobalAddressList",
  "ipWhitelisted",
  "externalIds",
  "organizations",
  "phones",
  "addresses",
  "relations",
  "locations",
  "notes",
  "keywords",
  "ims",
  "websites",
  "gender",
  "languages",
  "posixAccounts",
  "sshPublicKeys",
  "customSchemas",
  "recoveryEmail",
  "recoveryPhone",
];

export function pageToken(method: string, token: unknown): number {
  if (token === undefined || token === null || token === "") return 0;
  const n = Number(Buffer.from(String(token), "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) throw apiError(method, "Invalid Input: pageToken", 400, "invalid");
  return n;
}

export function paginate<T>(items: T[], start: number, size: number): { page: T[]; next?: string } {
  const page = items.slice(start, start + size);
  return start + size < items.length
    ? { page, next: Buffer.from(String(start + size)).toString("base64url") }
    : { page };
}

export function maxResultsArg(method: string, v: unknown, dflt: number, max: number): number {
  if (v === undefined || v === null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw apiError(
      method,
      `Invalid value '${String(v)}'. Values must be within the range: [1, ${max}]`,
      400,
      "invalid",
    );
  }
  return n;
}

export function opt(opts: unknown, key: string): unknown {
  return opts && typeof opts === "object" ? (opts as Json)[key] : undefined;
}
