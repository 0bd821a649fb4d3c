/**
 * The facts setup needs to hold the trust boundary (docs/SECURITY.md, "Trust boundary"), read from
 * Google: whether this project is bound to a container, who runs it, who installed the triggers,
 * the register's link sharing (Drive API permissions), the service account's admin roles and
 * whether the configured groups exist. Decisions are in domain/trust.ts.
 */
import type { OfficeConfig } from "../domain/config.js";
import type { PermissionFacts, RoleFacts } from "../domain/trust.js";
import { t } from "../domain/text/index.js";
import { errorFacts, groupExists } from "./directory.js";
import { configuredLanguage } from "./settings.js";

/**
 * Whether the project runs bound to a container. A bound project run from its editor has an active
 * spreadsheet, document or form; a standalone one has none (documented: getActiveSpreadsheet()
 * "returns null if there is none"). Only meaningful outside triggers.
 */
export function boundContainer(): string {
  const probes: (() => { getId(): string } | null)[] = [
    () => SpreadsheetApp.getActiveSpreadsheet(),
    () => FormApp.getActiveForm(),
  ];
  for (const probe of probes) {
    try {
      const c = probe();
      if (c) return c.getId();
    } catch {
      // a service that cannot answer here is not a container
    }
  }
  return "";
}

let account: string | null = null;

/** The account whose authority this execution has (lower case; "" if Google does not say); asked once. */
export function effectiveAccount(): string {
  if (account === null) account = (Session.getEffectiveUser().getEmail() || "").toLowerCase();
  return account;
}

function driveFiles(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection | null {
  return typeof Drive === "undefined" ? null : Drive.Files;
}

/**
 * The permissions of a file the service created (Drive API v3 `permissions`); "not_ours" when
 * Drive answers 404: under the manifest's `drive.file` scope the Drive API reaches only files this
 * project created through it, so a file made another way (in the Drive UI, by SpreadsheetApp or
 * Forms) is invisible; null when they cannot be read for another reason. Setup then says so
 * instead of guessing.
 */
export function filePermissions(id: string): PermissionFacts[] | "not_ours" | null {
  const files = driveFiles();
  if (!files || !id) return null;
  try {
    const f = files.get(id, { fields: "permissions(type,role,domain)", supportsAllDrives: true }) as {
      permissions?: PermissionFacts[];
    };
    return f.permissions ?? [];
  } catch (e) {
    return errorFacts(e).code === 404 ? "not_ours" : null;
  }
}

/**
 * A new spreadsheet created through the Drive API (so that `drive.file` reaches its sharing),
 * opened with SpreadsheetApp. Documented: files.create with a Google Workspace mimeType makes an
 * empty file of that type.
 */
export function createSpreadsheetViaDrive(name: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const files = driveFiles();
  if (!files) throw new Error(t(configuredLanguage(), "drive.not_enabled"));
  const made = files.create({ name, mimeType: "application/vnd.google-apps.spreadsheet" }, null as never, {
    fields: "id",
    supportsAllDrives: true,
  });
  return SpreadsheetApp.openById(String(made.id));
}

/**
 * The service account's admin roles: its role assignments and each role's privileges. null when
 * they cannot be read (the account may not read roles, or the service is off).
 */
export function roleFacts(account: string): RoleFacts | null {
  if (typeof AdminDirectory === "undefined" || !AdminDirectory.RoleAssignments || !AdminDirectory.Roles)
    return null;
  try {
    const assignments =
      AdminDirectory.RoleAssignments.list("my_customer", { userKey: account, maxResults: 100 }).items ?? [];
    const facts: RoleFacts = { superAdmin: false, privileges: [], orgUnitScopes: [] };
    for (const a of assignments) {
      const role = AdminDirectory.Roles.get("my_customer", String(a.roleId));
      if (role.isSuperAdminRole) facts.superAdmin = true;
      for (const p of role.rolePrivileges ?? []) if (p.privilegeName) facts.privileges.push(p.privilegeName);
      if (a.scopeType === "ORG_UNIT" && a.orgUnitId) facts.orgUnitScopes.push(String(a.orgUnitId));
    }
    return facts;
  } catch (e) {
    const f = errorFacts(e);
    if (f.code === 403 || f.code === 404) return null;
    throw e;
  }
}

/** The OPD groups of the settings that the directory does not know (not checked: none). */
export function missingGroups(config: OfficeConfig): string[] {
  const out: string[] = [];
  for (const o of config.opds) {
    if (!o.group) continue;
    try {
      if (!groupExists(o.group)) out.push(o.group);
    } catch {
      return out; // no right to read groups: the rights check reports it
    }
  }
  return out;
}
