/**
 * Emulated Admin SDK Directory API (advanced service, global `AdminDirectory`): users, user
 * aliases, groups and members of one Google Workspace customer.
 *
 * Faithful where the real API is unforgiving:
 *  - only an admin identity (ws.identity(email).admin) may call it (403 "Not Authorized to access
 *    this resource/api"); a non-admin may only read with viewType=domain_public;
 *  - validation texts of users.insert (password 8–100 characters, names 1–60 characters, address
 *    syntax, domain of the customer) and 409 "Entity already exists." for a taken address or alias;
 *  - "search results may lag updates": users.list matches against what the index held
 *    `listLagMs` ago (a just-created user is found by users.get but not yet by users.list);
 *  - "User creation is not complete." (412) for `creationPendingMs` after an insert, on follow-up
 *    calls that touch that user (update, patch, aliases.insert, members.insert);
 *  - isMailboxSetup turns true `mailboxSetupMs` after creation;
 *  - a per-user query budget per minute (403 userRateLimitExceeded) and a per-domain limit of user
 *    creations per second (429 rateLimitExceeded);
 *  - passwords are never stored: a salted SHA-256 hash and a flag, as Google keeps a hash.
 * Every error goes through apiError with the method id (e.g. "directory.users.insert").
 */
import { createHash } from "node:crypto";
import { apiError, GasObject, type AdminRole } from "../core.js";
import type { Workspace } from "../workspace.js";

type User = GoogleAppsScript.AdminDirectory.Schema.User;
type Group = GoogleAppsScript.AdminDirectory.Schema.Group;
type Member = GoogleAppsScript.AdminDirectory.Schema.Member;
type Json = Record<string, unknown>;

export interface DirectoryConfig {
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
export const CREATION_NOT_COMPLETE = "User creation is not complete.";
export const RATE_LIMIT = "Rate Limit Exceeded";

interface UserRecord {
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

interface MemberRecord {
  email: string;
  id: string | null;
  role: string;
  type: string;
}

interface GroupRecord {
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

function lower(s: unknown): string {
  return String(s ?? "")
    .trim()
    .toLowerCase();
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function etagOf(v: unknown): string {
  return `"${createHash("sha1").update(JSON.stringify(v)).digest("base64url")}"`;
}

function hashPassword(salt: string, password: string): string {
  return createHash("sha256")
    .update(salt + "\u0000" + password)
    .digest("hex");
}

function effectiveUser(ws: Workspace): string {
  return lower(ws.current ? ws.current.effectiveUser : ws.owner.email);
}

/** An admin identity of the workspace, or a directory user made (delegated) admin. */
function isAdmin(ws: Workspace): boolean {
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
function roleOf(ws: Workspace): AdminRole | undefined {
  return ws.identity(effectiveUser(ws))?.role;
}

/**
 * A super admin may call everything; a delegated admin only what its role's privileges allow (a
 * role with GROUPS_ALL also retrieves and updates groups); anything else is the real 403.
 */
function requireAdmin(ws: Workspace, method: string): void {
  if (!isAdmin(ws)) throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
  const role = roleOf(ws);
  if (!role) return;
  const need = privilegeFor(method);
  const has = new Set(role.privileges);
  const ok = has.has(need) || (need.startsWith("GROUPS_") && has.has("GROUPS_ALL"));
  if (!ok) throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
}

/** A delegated admin limited to org units may act only on users in them (or below). */
function requireOrgUnitScope(ws: Workspace, method: string, path: unknown): void {
  const units = roleOf(ws)?.orgUnits;
  if (!units) return;
  const p = String(path ?? "/");
  if (!units.some((u) => p === u || p.startsWith(u.endsWith("/") ? u : `${u}/`)))
    throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
}

/** Counts one query against the caller's per-minute budget. */
function charge(ws: Workspace, method: string): void {
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

function splitEmail(email: string): { local: string; domain: string } | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return { local: email.slice(0, at), domain: email.slice(at + 1) };
}

/** Checks an address the customer would own; returns it in lower case. */
function checkOwnAddress(ws: Workspace, method: string, raw: unknown, inputName: string): string {
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

function addressesOf(r: UserRecord): string[] {
  return [
    String(r.user.primaryEmail),
    ...((r.user.aliases as string[] | undefined) ?? []),
    ...((r.user.nonEditableAliases as string[] | undefined) ?? []),
  ].map(lower);
}

function groupAddresses(g: GroupRecord): string[] {
  return [String(g.group.email), ...((g.group.aliases as string[] | undefined) ?? [])].map(lower);
}

/** Whether an address is taken by a user (primary or alias) or a group. */
function addressTaken(ws: Workspace, email: string, except?: UserRecord): boolean {
  if (liveUsers(ws).some((r) => r !== except && addressesOf(r).includes(email))) return true;
  return [...directoryStateObject(ws).groups.values()].some((g) => groupAddresses(g).includes(email));
}

function findUser(ws: Workspace, key: unknown): UserRecord | undefined {
  const k = lower(key);
  if (/^\d+$/.test(k)) {
    const r = directoryStateObject(ws).users.get(k);
    return r && r.deletedMs === null ? r : undefined;
  }
  return liveUsers(ws).find((r) => addressesOf(r).includes(k));
}

function userOr404(ws: Workspace, method: string, key: unknown): UserRecord {
  const r = findUser(ws, key);
  if (!r) throw apiError(method, "Resource Not Found: userKey", 404, "notFound");
  return r;
}

function notPending(ws: Workspace, method: string, r: UserRecord): void {
  if (ws.now() < r.pendingUntilMs) throw apiError(method, CREATION_NOT_COMPLETE, 412, "conditionNotMet");
}

/** The user resource as the API returns it now. */
function present(ws: Workspace, r: UserRecord, viewType?: string): User {
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

function snapshot(ws: Workspace, r: UserRecord): void {
  r.snapshots.push({ atMs: ws.now(), data: r.deletedMs === null ? structuredClone(r.user) : null });
}

function checkName(method: string, name: unknown, field: "givenName" | "familyName"): string {
  const label = field === "givenName" ? "GivenName" : "FamilyName";
  const v = name === undefined || name === null ? "" : String(name).trim();
  if (v.length === 0 || v.length > 60)
    throw apiError(method, `Invalid Given/Family Name: ${label}`, 400, "invalid");
  return v;
}

function setPassword(
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

function checkOrgUnit(ws: Workspace, method: string, path: unknown): string {
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
const WRITABLE_USER_FIELDS = [
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

function pageToken(method: string, token: unknown): number {
  if (token === undefined || token === null || token === "") return 0;
  const n = Number(Buffer.from(String(token), "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) throw apiError(method, "Invalid Input: pageToken", 400, "invalid");
  return n;
}

function paginate<T>(items: T[], start: number, size: number): { page: T[]; next?: string } {
  const page = items.slice(start, start + size);
  return start + size < items.length
    ? { page, next: Buffer.from(String(start + size)).toString("base64url") }
    : { page };
}

function maxResultsArg(method: string, v: unknown, dflt: number, max: number): number {
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

function opt(opts: unknown, key: string): unknown {
  return opts && typeof opts === "object" ? (opts as Json)[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// users.list query language

type Clause = (u: Json) => boolean;

function tokens(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** ":" semantics: every word of the value is a word of the field; "x*" is a word prefix. */
function wordMatch(field: string, value: string): boolean {
  const v = value.toLowerCase();
  if (v.endsWith("*")) {
    const prefix = v.slice(0, -1);
    if (/[^\p{L}\p{N}]/u.test(prefix)) return field.toLowerCase().startsWith(prefix);
    return tokens(field).some((t) => t.startsWith(prefix));
  }
  const have = tokens(field);
  const want = tokens(v);
  return want.length > 0 && want.every((w) => have.includes(w));
}

function fieldValues(u: Json, field: string): string[] {
  const name = (u.name as Json | undefined) ?? {};
  const orgs = (u.organizations as Json[] | undefined) ?? [];
  switch (field) {
    case "email":
      return [String(u.primaryEmail), ...((u.aliases as string[] | undefined) ?? [])];
    case "givenname":
      return [String(name.givenName ?? "")];
    case "familyname":
      return [String(name.familyName ?? "")];
    case "name":
      return [`${String(name.givenName ?? "")} ${String(name.familyName ?? "")}`.trim()];
    case "externalid":
      return ((u.externalIds as Json[] | undefined) ?? []).map((e) => String(e.value ?? ""));
    case "orgname":
      return orgs.map((o) => String(o.name ?? ""));
    case "orgtitle":
      return orgs.map((o) => String(o.title ?? ""));
    case "orgdepartment":
      return orgs.map((o) => String(o.department ?? ""));
    case "orgunitpath":
      return [String(u.orgUnitPath ?? "/")];
    default:
      return [];
  }
}

const BOOLEAN_FIELDS: Record<string, string> = {
  isadmin: "isAdmin",
  isdelegatedadmin: "isDelegatedAdmin",
  issuspended: "suspended",
  isarchived: "archived",
  isenrolledin2sv: "isEnrolledIn2Sv",
  isenforcedin2sv: "isEnforcedIn2Sv",
};
const STRING_FIELDS: Record<string, ("=" | ":" | ":*")[]> = {
  email: ["=", ":", ":*"],
  givenname: ["=", ":", ":*"],
  familyname: ["=", ":", ":*"],
  name: ["=", ":"],
  externalid: ["=", ":"],
  orgname: ["=", ":"],
  orgtitle: ["=", ":"],
  orgdepartment: ["=", ":"],
  orgunitpath: ["="],
};

function parseUserQuery(query: string): Clause[] {
  const method = "directory.users.list";
  const bad = (): never => {
    throw apiError(method, "Invalid Input", 400, "invalid");
  };
  const parts = query.match(/[^\s'"]*(?:'[^']*'|"[^"]*")[^\s]*|\S+/g) ?? [];
  return parts.map((part): Clause => {
    const m = /^([A-Za-z][A-Za-z0-9.]*)(=|:)(.*)$/.exec(part);
    const unquote = (v: string): string => v.replace(/^'([\s\S]*)'$|^"([\s\S]*)"$/, "$1$2");
    if (!m) {
      const word = unquote(part);
      return (u) =>
        ["email", "givenname", "familyname"].some((f) => fieldValues(u, f).some((v) => wordMatch(v, word)));
    }
    const field = m[1]!.toLowerCase();
    const op = m[2]!;
    const value = unquote(m[3]!);
    if (field in BOOLEAN_FIELDS) {
      if (op !== "=" || !/^(true|false)$/i.test(value)) bad();
      const key = BOOLEAN_FIELDS[field]!;
      const want = value.toLowerCase() === "true";
      return (u) => !!u[key] === want;
    }
    const ops = STRING_FIELDS[field];
    if (!ops) return bad();
    const kind = op === "=" ? "=" : value.endsWith("*") ? ":*" : ":";
    if (!ops.includes(kind)) bad();
    if (kind === "=")
      return (u) => fieldValues(u, field).some((v) => v.toLowerCase() === value.toLowerCase());
    return (u) => fieldValues(u, field).some((v) => wordMatch(v, value));
  });
}

// ---------------------------------------------------------------------------------------------
// Host-side seeding

export type SeedUser = Partial<User> & { primaryEmail: string; password?: string };

function buildUser(ws: Workspace, id: string, email: string, resource: Json, createdMs: number): Json {
  const st = directoryStateObject(ws);
  const name = (resource.name as Json | undefined) ?? {};
  const given = String(name.givenName ?? "");
  const family = String(name.familyName ?? "");
  const user: Json = {
    kind: "admin#directory#user",
    id,
    primaryEmail: email,
    name: { givenName: given, familyName: family, fullName: `${given} ${family}`.trim() },
    isAdmin: false,
    isDelegatedAdmin: false,
    // Reported: an account never signed into has lastLoginTime at the epoch (the reference only
    // says "User's last login time"), which the program reads as "never" (hasLoggedIn).
    lastLoginTime: "1970-01-01T00:00:00.000Z",
    creationTime: iso(createdMs),
    agreedToTerms: false,
    suspended: false,
    archived: false,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    customerId: st.customerId,
    orgUnitPath: "/",
    isEnrolledIn2Sv: false,
    isEnforcedIn2Sv: false,
    includeInGlobalAddressList: true,
  };
  for (const k of WRITABLE_USER_FIELDS)
    if (resource[k] !== undefined && resource[k] !== null) user[k] = structuredClone(resource[k]);
  if (resource.orgUnitPath) user.orgUnitPath = String(resource.orgUnitPath);
  return user;
}

/** Adds an existing account (no validation, no lag, no pending window). Returns the resource. */
export function seedUser(ws: Workspace, partial: SeedUser): User {
  const st = directoryStateObject(ws);
  const email = lower(partial.primaryEmail);
  const id = partial.id ?? ws.newNumericId(21);
  const createdMs = partial.creationTime ? Date.parse(partial.creationTime) : ws.now() - 86_400_000;
  const resource = partial as unknown as Json;
  const user = buildUser(ws, id, email, resource, createdMs);
  // A seeded suspension may be Google's own ("ABUSE", …): the one way a test gets one.
  if (partial.suspended === true) user.suspensionReason = partial.suspensionReason ?? "ADMIN";
  for (const k of ["isAdmin", "isDelegatedAdmin", "lastLoginTime", "agreedToTerms", "isEnrolledIn2Sv"]) {
    if (resource[k] !== undefined) user[k] = resource[k];
  }
  if (partial.aliases?.length) user.aliases = partial.aliases.map(lower);
  if (partial.orgUnitPath) addOrgUnit(ws, partial.orgUnitPath);
  const rec: UserRecord = {
    user,
    passwordHash: null,
    passwordSalt: null,
    hashFunction: null,
    createdMs,
    pendingUntilMs: 0,
    mailboxReadyMs: createdMs,
    deletedMs: null,
    snapshots: [{ atMs: Number.NEGATIVE_INFINITY, data: structuredClone(user) }],
  };
  if (partial.password !== undefined) {
    const salt = "seed";
    rec.passwordSalt = salt;
    rec.passwordHash = hashPassword(salt, partial.password);
  }
  st.users.set(id, rec);
  return present(ws, rec);
}

/** Adds an existing group with members (e-mail addresses). */
export function seedGroup(
  ws: Workspace,
  g: { email: string; name?: string; description?: string; members?: string[] },
): Group {
  const st = directoryStateObject(ws);
  const rec: GroupRecord = {
    group: newGroupResource(ws, lower(g.email), g.name, g.description),
    members: [],
  };
  st.groups.set(String(rec.group.id), rec);
  for (const m of g.members ?? []) {
    const u = findUser(ws, m);
    rec.members.push({ email: lower(m), id: u ? String(u.user.id) : null, role: "MEMBER", type: "USER" });
  }
  return presentGroup(rec);
}

/** A user's current resource by key (primary e-mail, alias or id), or null. Host-side, no checks. */
export function directoryUser(ws: Workspace, key: string): User | null {
  const r = findUser(ws, key);
  return r ? present(ws, r) : null;
}

/** Whether `password` is the user's password (tests check a letter's password works). */
export function checkUserPassword(ws: Workspace, key: string, password: string): boolean {
  const r = findUser(ws, key);
  if (!r || r.passwordHash === null || r.passwordSalt === null) return false;
  if (r.hashFunction) return r.passwordHash === `${r.hashFunction}:${password}`;
  return r.passwordHash === hashPassword(r.passwordSalt, password);
}

// ---------------------------------------------------------------------------------------------
// The collections

export class UserAliasesCollection
  extends GasObject
  implements
    Pick<GoogleAppsScript.AdminDirectory.Collection.Users.AliasesCollection, "insert" | "list" | "remove">
{
  readonly gasClass = "AdminDirectory.Users.Aliases";
  constructor(private readonly ws: Workspace) {
    super();
  }
  insert(
    resource: GoogleAppsScript.AdminDirectory.Schema.Alias,
    userKey: string,
  ): GoogleAppsScript.AdminDirectory.Schema.Alias {
    const method = "directory.users.aliases.insert";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    notPending(this.ws, method, r);
    const alias = checkOwnAddress(this.ws, method, (resource as Json | undefined)?.alias, "alias_email");
    if (addressTaken(this.ws, alias)) throw apiError(method, "Entity already exists.", 409, "duplicate");
    const aliases = ((r.user.aliases as string[] | undefined) ?? []).concat(alias);
    r.user.aliases = aliases;
    snapshot(this.ws, r);
    const out = {
      kind: "admin#directory#alias",
      id: String(r.user.id),
      primaryEmail: String(r.user.primaryEmail),
      alias,
    };
    return { ...out, etag: etagOf(out) };
  }
  list(userKey: string, _optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.Aliases {
    const method = "directory.users.aliases.list";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    const aliases = ((r.user.aliases as string[] | undefined) ?? []).map((alias) => ({
      kind: "admin#directory#alias",
      id: String(r.user.id),
      primaryEmail: String(r.user.primaryEmail),
      alias,
    }));
    const out: Json = { kind: "admin#directory#aliases" };
    if (aliases.length) out.aliases = aliases;
    out.etag = etagOf(out);
    return out as GoogleAppsScript.AdminDirectory.Schema.Aliases;
  }
  remove(userKey: string, alias: string): void {
    const method = "directory.users.aliases.delete";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    const aliases = (r.user.aliases as string[] | undefined) ?? [];
    const a = lower(alias);
    if (!aliases.includes(a)) throw apiError(method, "Resource Not Found: alias", 404, "notFound");
    r.user.aliases = aliases.filter((x) => x !== a);
    snapshot(this.ws, r);
  }
}

export class UsersCollection
  extends GasObject
  implements
    Pick<
      GoogleAppsScript.AdminDirectory.Collection.UsersCollection,
      "get" | "insert" | "list" | "patch" | "update" | "remove" | "makeAdmin"
    >
{
  readonly gasClass = "AdminDirectory.Users";
  readonly aliases: UserAliasesCollection;
  constructor(private readonly ws: Workspace) {
    super();
    this.aliases = new UserAliasesCollection(ws);
  }
  override gasProps(): Record<string, unknown> {
    return { Aliases: this.aliases };
  }
  get(userKey: string, optionalArgs?: object): User {
    const method = "directory.users.get";
    charge(this.ws, method);
    const viewType = opt(optionalArgs, "viewType");
    if (viewType !== "domain_public") requireAdmin(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    return present(this.ws, r, viewType === "domain_public" ? "domain_public" : undefined);
  }
  insert(resource: User): User {
    const method = "directory.users.insert";
    const ws = this.ws;
    const st = directoryStateObject(ws);
    charge(ws, method);
    requireAdmin(ws, method);
    const res = (resource ?? {}) as Json;
    const email = checkOwnAddress(ws, method, res.primaryEmail, "primary_user_email");
    const name = (res.name as Json | undefined) ?? {};
    checkName(method, name.givenName, "givenName");
    checkName(method, name.familyName, "familyName");
    const probe: UserRecord = {
      user: {},
      passwordHash: null,
      passwordSalt: null,
      hashFunction: null,
      createdMs: 0,
      pendingUntilMs: 0,
      mailboxReadyMs: 0,
      deletedMs: null,
      snapshots: [],
    };
    setPassword(ws, method, probe, res.password, res.hashFunction);
    if (res.orgUnitPath !== undefined && res.orgUnitPath !== null) checkOrgUnit(ws, method, res.orgUnitPath);
    requireOrgUnitScope(ws, method, res.orgUnitPath);
    if (addressTaken(ws, email)) throw apiError(method, "Entity already exists.", 409, "duplicate");
    const domain = email.split("@")[1]!;
    const now = ws.now();
    const recent = (st.createLog.get(domain) ?? []).filter((t) => t > now - 1000);
    if (recent.length >= st.config.createsPerSecond) {
      st.createLog.set(domain, recent);
      throw apiError(method, RATE_LIMIT, 429, "rateLimitExceeded");
    }
    recent.push(now);
    st.createLog.set(domain, recent);
    const id = ws.newNumericId(21);
    const user = buildUser(
      ws,
      id,
      email,
      {
        ...res,
        name: { givenName: String(name.givenName).trim(), familyName: String(name.familyName).trim() },
      },
      now,
    );
    user.changePasswordAtNextLogin = !!res.changePasswordAtNextLogin;
    const rec: UserRecord = {
      ...probe,
      user,
      createdMs: now,
      pendingUntilMs: now + st.config.creationPendingMs,
      mailboxReadyMs: now + st.config.mailboxSetupMs,
      snapshots: [],
    };
    st.users.set(id, rec);
    st.insertCount++;
    snapshot(ws, rec);
    return present(ws, rec);
  }
  list(optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.Users {
    const method = "directory.users.list";
    const ws = this.ws;
    const st = directoryStateObject(ws);
    charge(ws, method);
    const customer = opt(optionalArgs, "customer");
    const domainArg = opt(optionalArgs, "domain");
    if ((customer === undefined || customer === null) && (domainArg === undefined || domainArg === null)) {
      throw apiError(method, "Bad Request", 400, "badRequest");
    }
    const viewType = opt(optionalArgs, "viewType");
    if (viewType !== "domain_public") requireAdmin(ws, method);
    if (
      customer !== undefined &&
      customer !== null &&
      customer !== "my_customer" &&
      customer !== st.customerId
    ) {
      throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
    }
    const domain = domainArg === undefined || domainArg === null ? null : lower(domainArg);
    if (domain !== null && !st.domains.includes(domain))
      throw apiError(method, "Domain not found.", 400, "notFound");
    const maxResults = maxResultsArg(method, opt(optionalArgs, "maxResults"), 100, 500);
    const start = pageToken(method, opt(optionalArgs, "pageToken"));
    const query = opt(optionalArgs, "query");
    const clauses = query ? parseUserQuery(String(query)) : [];
    const showDeleted = String(opt(optionalArgs, "showDeleted") ?? "false") === "true";
    const horizon = ws.now() - st.config.listLagMs;

    const hits: { rec: UserRecord; data: Json }[] = [];
    for (const rec of st.users.values()) {
      if (showDeleted) {
        if (rec.deletedMs === null || rec.deletedMs > horizon) continue;
        const last = [...rec.snapshots].reverse().find((s) => s.data !== null)?.data;
        if (last) hits.push({ rec, data: last });
        continue;
      }
      const indexed = [...rec.snapshots].reverse().find((s) => s.atMs <= horizon);
      if (!indexed?.data) continue;
      const data = indexed.data;
      if (domain !== null && !String(data.primaryEmail).endsWith("@" + domain)) continue;
      if (!clauses.every((c) => c(data))) continue;
      hits.push({ rec, data });
    }
    const orderBy = String(opt(optionalArgs, "orderBy") ?? "email").toLowerCase();
    const desc = String(opt(optionalArgs, "sortOrder") ?? "ASCENDING").toUpperCase() === "DESCENDING";
    const keyOf = (d: Json): string => {
      const n = (d.name as Json | undefined) ?? {};
      if (orderBy === "givenname") return String(n.givenName ?? "").toLowerCase();
      if (orderBy === "familyname") return String(n.familyName ?? "").toLowerCase();
      return String(d.primaryEmail).toLowerCase();
    };
    hits.sort(
      (a, b) =>
        (keyOf(a.data) < keyOf(b.data) ? -1 : keyOf(a.data) > keyOf(b.data) ? 1 : 0) * (desc ? -1 : 1),
    );
    const { page, next } = paginate(hits, start, maxResults);
    const out: Json = { kind: "admin#directory#users" };
    if (page.length) {
      out.users = page.map(({ rec, data }) => {
        if (rec.deletedMs === null)
          return present(ws, rec, viewType === "domain_public" ? "domain_public" : undefined);
        return {
          ...structuredClone(data),
          ...(showDeleted && rec.deletedMs !== null ? { deletionTime: iso(rec.deletedMs) } : {}),
        };
      });
    }
    if (next) out.nextPageToken = next;
    out.etag = etagOf(out);
    return out as GoogleAppsScript.AdminDirectory.Schema.Users;
  }
  private _modify(method: string, resource: User, userKey: string): User {
    const ws = this.ws;
    charge(ws, method);
    requireAdmin(ws, method);
    const r = userOr404(ws, method, userKey);
    notPending(ws, method, r);
    const res = (resource ?? {}) as Json;
    const u = r.user;
    const wasSuspended = u.suspended === true;
    if (res.primaryEmail !== undefined && lower(res.primaryEmail) !== lower(u.primaryEmail)) {
      const email = checkOwnAddress(ws, method, res.primaryEmail, "primary_user_email");
      if (addressTaken(ws, email, r)) throw apiError(method, "Entity already exists.", 409, "duplicate");
      const old = String(u.primaryEmail);
      const aliases = ((u.aliases as string[] | undefined) ?? []).filter((a) => a !== email);
      u.aliases = aliases.includes(old) ? aliases : aliases.concat(old);
      u.primaryEmail = email;
    }
    if (res.name !== undefined && res.name !== null) {
      const n = res.name as Json;
      const cur = u.name as Json;
      const given =
        n.givenName !== undefined ? checkName(method, n.givenName, "givenName") : String(cur.givenName);
      const family =
        n.familyName !== undefined ? checkName(method, n.familyName, "familyName") : String(cur.familyName);
      u.name = { givenName: given, familyName: family, fullName: `${given} ${family}`.trim() };
    }
    if (res.password !== undefined && res.password !== null)
      setPassword(ws, method, r, res.password, res.hashFunction);
    if (res.orgUnitPath !== undefined && res.orgUnitPath !== null)
      u.orgUnitPath = checkOrgUnit(ws, method, res.orgUnitPath);
    for (const k of WRITABLE_USER_FIELDS) {
      if (!(k in res)) continue;
      if (res[k] === null) Reflect.deleteProperty(u, k);
      else u[k] = structuredClone(res[k]);
    }
    if (res.suspended === true && !wasSuspended) u.suspensionReason = "ADMIN";
    if (u.suspended !== true) delete u.suspensionReason;
    snapshot(ws, r);
    return present(ws, r);
  }
  patch(resource: User, userKey: string): User {
    return this._modify("directory.users.patch", resource, userKey);
  }
  update(resource: User, userKey: string): User {
    return this._modify("directory.users.update", resource, userKey);
  }
  remove(userKey: string): void {
    const method = "directory.users.delete";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    r.deletedMs = this.ws.now();
    snapshot(this.ws, r);
    for (const g of directoryStateObject(this.ws).groups.values()) {
      g.members = g.members.filter((m) => m.id !== r.user.id);
    }
  }
  makeAdmin(resource: GoogleAppsScript.AdminDirectory.Schema.UserMakeAdmin, userKey: string): void {
    const method = "directory.users.makeAdmin";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    r.user.isAdmin = !!(resource as Json | undefined)?.status;
    snapshot(this.ws, r);
  }
}

function newGroupResource(ws: Workspace, email: string, name?: string, description?: string): Json {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  let id = "0";
  while (id.length < 15) id += alphabet[ws.rng.int(alphabet.length)];
  return {
    kind: "admin#directory#group",
    id,
    email,
    name: name ?? email.split("@")[0],
    description: description ?? "",
    adminCreated: true,
  };
}

function presentGroup(g: GroupRecord): Group {
  const out: Json = { ...structuredClone(g.group), directMembersCount: String(g.members.length) };
  out.etag = etagOf(out);
  return out as Group;
}

function findGroup(ws: Workspace, key: unknown): GroupRecord | undefined {
  const st = directoryStateObject(ws);
  const k = lower(key);
  return st.groups.get(k) ?? [...st.groups.values()].find((g) => groupAddresses(g).includes(k));
}

function groupOr404(ws: Workspace, method: string, key: unknown): GroupRecord {
  const g = findGroup(ws, key);
  if (!g) throw apiError(method, "Resource Not Found: groupKey", 404, "notFound");
  return g;
}

export class GroupsCollection
  extends GasObject
  implements
    Pick<GoogleAppsScript.AdminDirectory.Collection.GroupsCollection, "get" | "insert" | "list" | "remove">
{
  readonly gasClass = "AdminDirectory.Groups";
  constructor(private readonly ws: Workspace) {
    super();
  }
  get(groupKey: string): Group {
    const method = "directory.groups.get";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    return presentGroup(groupOr404(this.ws, method, groupKey));
  }
  insert(resource: Group): Group {
    const method = "directory.groups.insert";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const res = (resource ?? {}) as Json;
    const email = checkOwnAddress(this.ws, method, res.email, "email");
    if (addressTaken(this.ws, email)) throw apiError(method, "Entity already exists.", 409, "duplicate");
    const rec: GroupRecord = {
      group: newGroupResource(
        this.ws,
        email,
        res.name === undefined ? undefined : String(res.name),
        res.description === undefined ? undefined : String(res.description),
      ),
      members: [],
    };
    directoryStateObject(this.ws).groups.set(String(rec.group.id), rec);
    return presentGroup(rec);
  }
  list(optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.Groups {
    const method = "directory.groups.list";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const customer = opt(optionalArgs, "customer");
    const domain = opt(optionalArgs, "domain");
    const userKey = opt(optionalArgs, "userKey");
    if (customer == null && domain == null && userKey == null)
      throw apiError(method, "Bad Request", 400, "badRequest");
    const maxResults = maxResultsArg(method, opt(optionalArgs, "maxResults"), 200, 200);
    const start = pageToken(method, opt(optionalArgs, "pageToken"));
    let groups = [...directoryStateObject(this.ws).groups.values()];
    if (domain != null) groups = groups.filter((g) => String(g.group.email).endsWith("@" + lower(domain)));
    if (userKey != null) {
      const u = findUser(this.ws, userKey);
      const addr = u ? addressesOf(u) : [lower(userKey)];
      groups = groups.filter((g) =>
        g.members.some((m) => addr.includes(m.email) || (u && m.id === u.user.id)),
      );
    }
    groups.sort((a, b) => (String(a.group.email) < String(b.group.email) ? -1 : 1));
    const { page, next } = paginate(groups, start, maxResults);
    const out: Json = { kind: "admin#directory#groups" };
    if (page.length) out.groups = page.map(presentGroup);
    if (next) out.nextPageToken = next;
    out.etag = etagOf(out);
    return out as GoogleAppsScript.AdminDirectory.Schema.Groups;
  }
  remove(groupKey: string): void {
    const method = "directory.groups.delete";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    directoryStateObject(this.ws).groups.delete(String(g.group.id));
  }
}

function presentMember(m: MemberRecord): Member {
  const out: Json = {
    kind: "admin#directory#member",
    email: m.email,
    role: m.role,
    type: m.type,
    status: "ACTIVE",
    delivery_settings: "ALL_MAIL",
  };
  if (m.id) out.id = m.id;
  out.etag = etagOf(out);
  return out as Member;
}

function findMember(ws: Workspace, g: GroupRecord, key: unknown): MemberRecord | undefined {
  const k = lower(key);
  const u = findUser(ws, k);
  return g.members.find((m) => m.email === k || m.id === k || (u && m.id === u.user.id));
}

export class MembersCollection
  extends GasObject
  implements
    Pick<
      GoogleAppsScript.AdminDirectory.Collection.MembersCollection,
      "get" | "insert" | "list" | "hasMember" | "remove"
    >
{
  readonly gasClass = "AdminDirectory.Members";
  constructor(private readonly ws: Workspace) {
    super();
  }
  insert(resource: Member, groupKey: string): Member {
    const method = "directory.members.insert";
    const ws = this.ws;
    charge(ws, method);
    requireAdmin(ws, method);
    const g = groupOr404(ws, method, groupKey);
    const res = (resource ?? {}) as Json;
    const key = res.email ?? res.id;
    if (key === undefined || key === null || key === "")
      throw apiError(method, "Missing required field: memberKey", 400, "required");
    const role = String(res.role ?? "MEMBER").toUpperCase();
    if (!["MEMBER", "MANAGER", "OWNER"].includes(role))
      throw apiError(method, "Invalid Input: role", 400, "invalid");
    const st = directoryStateObject(ws);
    const user = findUser(ws, key);
    const group = user ? undefined : findGroup(ws, key);
    let member: MemberRecord;
    if (user) {
      notPending(ws, method, user);
      member = { email: String(user.user.primaryEmail), id: String(user.user.id), role, type: "USER" };
    } else if (group) {
      member = { email: String(group.group.email), id: String(group.group.id), role, type: "GROUP" };
    } else {
      const email = lower(key);
      const parts = splitEmail(email);
      if (!parts || st.domains.includes(parts.domain)) {
        throw apiError(method, "Resource Not Found: memberKey", 404, "notFound");
      }
      member = { email, id: null, role, type: "USER" };
    }
    if (g.members.some((m) => m.email === member.email || (member.id !== null && m.id === member.id))) {
      throw apiError(method, "Member already exists.", 409, "duplicate");
    }
    g.members.push(member);
    return presentMember(member);
  }
  list(groupKey: string, optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.Members {
    const method = "directory.members.list";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    const maxResults = maxResultsArg(method, opt(optionalArgs, "maxResults"), 200, 200);
    const start = pageToken(method, opt(optionalArgs, "pageToken"));
    const roles = opt(optionalArgs, "roles");
    const wanted = roles
      ? String(roles)
          .toUpperCase()
          .split(",")
          .map((s) => s.trim())
      : null;
    const members = g.members.filter((m) => !wanted || wanted.includes(m.role));
    const { page, next } = paginate(members, start, maxResults);
    const out: Json = { kind: "admin#directory#members" };
    if (page.length) out.members = page.map(presentMember);
    if (next) out.nextPageToken = next;
    out.etag = etagOf(out);
    return out as GoogleAppsScript.AdminDirectory.Schema.Members;
  }
  get(groupKey: string, memberKey: string): Member {
    const method = "directory.members.get";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    const m = findMember(this.ws, g, memberKey);
    if (!m) throw apiError(method, "Resource Not Found: memberKey", 404, "notFound");
    return presentMember(m);
  }
  hasMember(groupKey: string, memberKey: string): GoogleAppsScript.AdminDirectory.Schema.MembersHasMember {
    const method = "directory.members.hasMember";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    return { isMember: findMember(this.ws, g, memberKey) !== undefined };
  }
  remove(groupKey: string, memberKey: string): void {
    const method = "directory.members.delete";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    const m = findMember(this.ws, g, memberKey);
    if (!m) throw apiError(method, "Resource Not Found: memberKey", 404, "notFound");
    g.members = g.members.filter((x) => x !== m);
  }
}

type OrgUnit = GoogleAppsScript.AdminDirectory.Schema.OrgUnit;

/**
 * orgunits.get (documented: `customerId` is "my_customer" or the customer's id; `orgUnitPath` is
 * the full path without the leading "/", or the unit's id). A missing unit is a 404 with reason
 * notFound; the message "Org unit not found" is reported, not documented.
 */
export class OrgunitsCollection
  extends GasObject
  implements Pick<GoogleAppsScript.AdminDirectory.Collection.OrgunitsCollection, "get" | "list">
{
  readonly gasClass = "AdminDirectory.Orgunits";
  constructor(private readonly ws: Workspace) {
    super();
  }
  /** @types says `orgUnitPath: string[]`; Google's reference and samples pass one string: both work. */
  get(customerId: string, orgUnitPath: string | string[]): OrgUnit {
    const method = "directory.orgunits.get";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const st = directoryStateObject(this.ws);
    const customer = String(customerId ?? "");
    if (customer !== "my_customer" && customer !== st.customerId) {
      throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
    }
    const raw = (Array.isArray(orgUnitPath) ? orgUnitPath.join("/") : String(orgUnitPath ?? "")).trim();
    const path = "/" + raw.replace(/^\/+/, "").replace(/\/+$/, "");
    if (raw === "" || path === "/" || !st.orgUnits.has(path)) {
      throw apiError(method, "Org unit not found", 404, "notFound");
    }
    return orgUnitResource(st, path);
  }
  /**
   * orgunits.list (documented: `type` "all" lists every descendant, "children" (the default) only
   * the units directly under `orgUnitPath`; no units → no `organizationUnits` key). No paging.
   */
  list(customerId: string, optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.OrgUnits {
    const method = "directory.orgunits.list";
    charge(this.ws, method);
    requireAdmin(this.ws, method);
    const st = directoryStateObject(this.ws);
    const customer = String(customerId ?? "");
    if (customer !== "my_customer" && customer !== st.customerId) {
      throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
    }
    const type = String(opt(optionalArgs, "type") ?? "children");
    const under =
      "/" +
      String(opt(optionalArgs, "orgUnitPath") ?? "")
        .replace(/^\/+/, "")
        .replace(/\/+$/, "");
    const paths = [...st.orgUnits]
      .filter((p) => p !== "/")
      .filter((p) => {
        const parent = p.slice(0, p.lastIndexOf("/")) || "/";
        if (type === "all" || type === "ALL") return under === "/" || p.startsWith(under + "/");
        return parent === under;
      })
      .sort();
    const out: Json = { kind: "admin#directory#orgUnits" };
    if (paths.length) out.organizationUnits = paths.map((p) => orgUnitResource(st, p));
    out.etag = etagOf(out);
    return out as GoogleAppsScript.AdminDirectory.Schema.OrgUnits;
  }
}

function orgUnitResource(st: DirectoryState, path: string): OrgUnit {
  const parts = path.split("/").filter(Boolean);
  const unit: Json = {
    kind: "admin#directory#orgUnit",
    name: parts[parts.length - 1],
    orgUnitPath: path,
    orgUnitId: `id:${createHash("sha1")
      .update(st.customerId + path)
      .digest("hex")
      .slice(0, 16)}`,
    parentOrgUnitPath: parts.length > 1 ? "/" + parts.slice(0, -1).join("/") : "/",
    blockInheritance: false,
  };
  unit.etag = etagOf(unit);
  return unit as OrgUnit;
}

/** The global `AdminDirectory`. */
/** Role ids: a stable id per role name (the super admin role is a system role). */
function roleId(name: string): string {
  let h = 7;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return String(10_000_000_000 + (h % 9_000_000_000));
}
const SUPER_ADMIN_ROLE = "_SEED_ADMIN_ROLE";

/** The roles assigned to an identity: its delegated role, or the super admin role. */
function rolesOf(ws: Workspace, email: string): { name: string; role: AdminRole | null }[] {
  const id = ws.identity(email);
  if (!id?.admin) return [];
  return id.role ? [{ name: id.role.name, role: id.role }] : [{ name: SUPER_ADMIN_ROLE, role: null }];
}

/**
 * RoleAssignments.list (customer, {userKey}) and Roles.get / list: what a caller's admin role
 * allows. Chosen: any admin may read its own assignments and roles (with the rolemanagement
 * scope); a non-admin gets the 403. Privileges carry the Directory API's service id.
 */
export class RoleAssignmentsCollection extends GasObject {
  readonly gasClass = "AdminDirectory.RoleAssignments";
  constructor(private readonly ws: Workspace) {
    super();
  }
  list(customer: string, optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.RoleAssignments {
    const method = "directory.roleAssignments.list";
    charge(this.ws, method);
    if (!isAdmin(this.ws)) throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
    void customer;
    const who = lower(opt(optionalArgs, "userKey") ?? effectiveUser(this.ws));
    if (who !== effectiveUser(this.ws) && roleOf(this.ws))
      throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
    const rec = findUser(this.ws, who);
    const items = rolesOf(this.ws, who).map((r, i) => ({
      kind: "admin#directory#roleAssignment",
      roleAssignmentId: `${roleId(r.name)}${i}`,
      roleId: roleId(r.name),
      assignedTo: String(rec?.user.id ?? who),
      assigneeType: "user",
      scopeType: r.role?.orgUnits ? "ORG_UNIT" : "CUSTOMER",
      ...(r.role?.orgUnits ? { orgUnitId: `id:${r.role.orgUnits[0]}` } : {}),
    }));
    return {
      kind: "admin#directory#roleAssignments",
      items,
    } as GoogleAppsScript.AdminDirectory.Schema.RoleAssignments;
  }
}

export class RolesCollection extends GasObject {
  readonly gasClass = "AdminDirectory.Roles";
  constructor(private readonly ws: Workspace) {
    super();
  }
  get(customer: string, id: string): GoogleAppsScript.AdminDirectory.Schema.Role {
    const method = "directory.roles.get";
    charge(this.ws, method);
    if (!isAdmin(this.ws)) throw apiError(method, NOT_AUTHORIZED, 403, "forbidden");
    void customer;
    const me = effectiveUser(this.ws);
    const found = rolesOf(this.ws, me).find((r) => roleId(r.name) === String(id));
    if (!found) throw apiError(method, "Resource Not Found: roleId", 404, "notFound");
    const superAdmin = found.role === null;
    return {
      kind: "admin#directory#role",
      roleId: roleId(found.name),
      roleName: found.name,
      isSystemRole: superAdmin,
      isSuperAdminRole: superAdmin,
      rolePrivileges: (found.role?.privileges ?? []).map((privilegeName) => ({
        privilegeName,
        serviceId: "00haapch16h1ysv",
      })),
    } as GoogleAppsScript.AdminDirectory.Schema.Role;
  }
}

export class AdminDirectoryService extends GasObject {
  readonly gasClass = "AdminDirectory";
  readonly users: UsersCollection;
  readonly groups: GroupsCollection;
  readonly members: MembersCollection;
  readonly roles: RolesCollection;
  readonly roleAssignments: RoleAssignmentsCollection;
  readonly orgunits: OrgunitsCollection;
  constructor(ws: Workspace) {
    super();
    this.users = new UsersCollection(ws);
    this.groups = new GroupsCollection(ws);
    this.members = new MembersCollection(ws);
    this.roles = new RolesCollection(ws);
    this.roleAssignments = new RoleAssignmentsCollection(ws);
    this.orgunits = new OrgunitsCollection(ws);
  }
  override gasProps(): Record<string, unknown> {
    return {
      Users: this.users,
      Groups: this.groups,
      Members: this.members,
      Orgunits: this.orgunits,
      Roles: this.roles,
      RoleAssignments: this.roleAssignments,
    };
  }
  newUser(): User {
    return {};
  }
  newUserName(): GoogleAppsScript.AdminDirectory.Schema.UserName {
    return {};
  }
  newGroup(): Group {
    return {};
  }
  newMember(): Member {
    return {};
  }
  newAlias(): GoogleAppsScript.AdminDirectory.Schema.Alias {
    return {};
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  directoryStateObject(ws);
  return { AdminDirectory: new AdminDirectoryService(ws) };
}
