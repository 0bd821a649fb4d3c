/** The global `AdminDirectory`, with its OrgUnits, Roles and RoleAssignments collections (Users in users.ts, Groups and Members in groups.ts). */
import { createHash } from "node:crypto";
import { apiError, GasObject, type AdminRole } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import {
  type User,
  type Group,
  type Member,
  type Json,
  NOT_AUTHORIZED,
  DirectoryState,
  directoryStateObject,
  lower,
  etagOf,
  effectiveUser,
  isAdmin,
  roleOf,
  adminCall,
  charge,
  listResult,
  findUser,
  opt,
} from "./model.js";
import { GroupsCollection, MembersCollection } from "./groups.js";
import { UsersCollection } from "./users.js";

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
    adminCall(this.ws, method);
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
    adminCall(this.ws, method);
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
    return listResult(
      "admin#directory#orgUnits",
      "organizationUnits",
      paths.map((p) => orgUnitResource(st, p)),
    ) as GoogleAppsScript.AdminDirectory.Schema.OrgUnits;
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
