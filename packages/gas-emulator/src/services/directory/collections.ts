/** The AdminDirectory collections the script calls: Users, Users.Aliases, Groups, Members. */
import { createHash } from "node:crypto";
import { apiError, GasObject, type AdminRole } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import {
  type User,
  type Group,
  type Member,
  type Json,
  NOT_AUTHORIZED,
  RATE_LIMIT,
  type UserRecord,
  type MemberRecord,
  type GroupRecord,
  DirectoryState,
  directoryStateObject,
  lower,
  iso,
  etagOf,
  effectiveUser,
  isAdmin,
  roleOf,
  requireAdmin,
  requireOrgUnitScope,
  charge,
  splitEmail,
  checkOwnAddress,
  addressesOf,
  groupAddresses,
  addressTaken,
  findUser,
  userOr404,
  notPending,
  present,
  snapshot,
  checkName,
  setPassword,
  checkOrgUnit,
  WRITABLE_USER_FIELDS,
  pageToken,
  paginate,
  maxResultsArg,
  opt,
} from "./model.js";
import { parseUserQuery } from "./query.js";
import { buildUser } from "./seed.js";

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

export function newGroupResource(ws: Workspace, email: string, name?: string, description?: string): Json {
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

export function presentGroup(g: GroupRecord): Group {
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
class OrgunitsCollection
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
class RoleAssignmentsCollection extends GasObject {
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

class RolesCollection extends GasObject {
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
