/** Host-side seeding and inspection of the directory (the test kit's side, outside any execution). */
import type { Workspace } from "../../workspace.js";
import {
  type User,
  type Group,
  type Json,
  type UserRecord,
  type GroupRecord,
  directoryStateObject,
  addOrgUnit,
  lower,
  iso,
  hashPassword,
  findUser,
  present,
  WRITABLE_USER_FIELDS,
} from "./model.js";
import { newGroupResource, presentGroup } from "./groups.js";

// ---------------------------------------------------------------------------------------------
// Host-side seeding

type SeedUser = Partial<User> & { primaryEmail: string; password?: string };

export function buildUser(ws: Workspace, id: string, email: string, resource: Json, createdMs: number): Json {
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
