/** The Groups and Members collections of AdminDirectory, and the group resource the seeding shares. */
import { apiError, GasObject } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import {
  type Group,
  type Member,
  type Json,
  type MemberRecord,
  type GroupRecord,
  directoryStateObject,
  lower,
  etagOf,
  adminCall,
  listResult,
  splitEmail,
  checkOwnAddress,
  addressesOf,
  groupAddresses,
  addressTaken,
  findUser,
  notPending,
  pageToken,
  paginate,
  maxResultsArg,
  opt,
} from "./model.js";

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
    adminCall(this.ws, method);
    return presentGroup(groupOr404(this.ws, method, groupKey));
  }
  insert(resource: Group): Group {
    const method = "directory.groups.insert";
    adminCall(this.ws, method);
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
    adminCall(this.ws, method);
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
    return listResult(
      "admin#directory#groups",
      "groups",
      page.map(presentGroup),
      next,
    ) as GoogleAppsScript.AdminDirectory.Schema.Groups;
  }
  remove(groupKey: string): void {
    const method = "directory.groups.delete";
    adminCall(this.ws, method);
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
    adminCall(ws, method);
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
    adminCall(this.ws, method);
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
    return listResult(
      "admin#directory#members",
      "members",
      page.map(presentMember),
      next,
    ) as GoogleAppsScript.AdminDirectory.Schema.Members;
  }
  get(groupKey: string, memberKey: string): Member {
    const method = "directory.members.get";
    adminCall(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    const m = findMember(this.ws, g, memberKey);
    if (!m) throw apiError(method, "Resource Not Found: memberKey", 404, "notFound");
    return presentMember(m);
  }
  hasMember(groupKey: string, memberKey: string): GoogleAppsScript.AdminDirectory.Schema.MembersHasMember {
    const method = "directory.members.hasMember";
    adminCall(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    return { isMember: findMember(this.ws, g, memberKey) !== undefined };
  }
  remove(groupKey: string, memberKey: string): void {
    const method = "directory.members.delete";
    adminCall(this.ws, method);
    const g = groupOr404(this.ws, method, groupKey);
    const m = findMember(this.ws, g, memberKey);
    if (!m) throw apiError(method, "Resource Not Found: memberKey", 404, "notFound");
    g.members = g.members.filter((x) => x !== m);
  }
}
