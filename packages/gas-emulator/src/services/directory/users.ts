/** The Users and Users.Aliases collections of AdminDirectory. */
import { apiError, GasObject } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import {
  type User,
  type Json,
  NOT_AUTHORIZED,
  RATE_LIMIT,
  type UserRecord,
  directoryStateObject,
  lower,
  iso,
  etagOf,
  requireAdmin,
  requireOrgUnitScope,
  adminCall,
  charge,
  listResult,
  checkOwnAddress,
  addressTaken,
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
    adminCall(this.ws, method);
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
    adminCall(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    const aliases = ((r.user.aliases as string[] | undefined) ?? []).map((alias) => ({
      kind: "admin#directory#alias",
      id: String(r.user.id),
      primaryEmail: String(r.user.primaryEmail),
      alias,
    }));
    return listResult(
      "admin#directory#aliases",
      "aliases",
      aliases,
    ) as GoogleAppsScript.AdminDirectory.Schema.Aliases;
  }
  remove(userKey: string, alias: string): void {
    const method = "directory.users.aliases.delete";
    adminCall(this.ws, method);
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
    adminCall(ws, method);
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
    const users = page.map(({ rec, data }) => {
      if (rec.deletedMs === null)
        return present(ws, rec, viewType === "domain_public" ? "domain_public" : undefined);
      return {
        ...structuredClone(data),
        ...(showDeleted && rec.deletedMs !== null ? { deletionTime: iso(rec.deletedMs) } : {}),
      };
    });
    return listResult(
      "admin#directory#users",
      "users",
      users,
      next,
    ) as GoogleAppsScript.AdminDirectory.Schema.Users;
  }
  private _modify(method: string, resource: User, userKey: string): User {
    const ws = this.ws;
    adminCall(ws, method);
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
    adminCall(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    r.deletedMs = this.ws.now();
    snapshot(this.ws, r);
    for (const g of directoryStateObject(this.ws).groups.values()) {
      g.members = g.members.filter((m) => m.id !== r.user.id);
    }
  }
  makeAdmin(resource: GoogleAppsScript.AdminDirectory.Schema.UserMakeAdmin, userKey: string): void {
    const method = "directory.users.makeAdmin";
    adminCall(this.ws, method);
    const r = userOr404(this.ws, method, userKey);
    r.user.isAdmin = !!(resource as Json | undefined)?.status;
    snapshot(this.ws, r);
  }
}
