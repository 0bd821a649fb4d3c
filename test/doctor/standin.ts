/**
 * A loopback stand-in for the Google APIs the doctor reads: one HTTP server on 127.0.0.1 (random
 * port) that answers `googleapis` requests (pointed at it with `rootUrl`) from a tenant fixture,
 * with bodies shaped like Google's.
 *
 * Shapes and error bodies, and where they come from (documented = Google's reference pages;
 * reported = seen in public issue threads and client code; chosen = docs silent, the stricter
 * reading):
 * - Admin SDK Directory resources (domains, users, roles, roleAssignments, privileges with
 *   `childPrivileges`, orgunits, groups) and their `kind` values: documented.
 * - Admin SDK errors `{error: {code, message, errors: [{message, domain: "global", reason}]}}`:
 *   403 "Not Authorized to access this resource/api" (forbidden), 404 "Resource Not Found:
 *   groupKey" / "Resource Not Found: userKey" (notFound): reported; 404 "Org unit not found"
 *   (notFound) for orgunits.get: reported.
 * - Drive v3 permissions with `view: "published"` listed only with
 *   `includePermissionsForView=published`, a form's responders being `reader` permissions of that
 *   view ("anyone" = anyone with the link): documented (Forms API guide "Publish and manage
 *   responders"). Drive 404 "File not found: ID." (notFound): documented.
 * - Forms `publishSettings.publishState {isPublished, isAcceptingResponses}`, `linkedSheetId`:
 *   documented. Sheets `properties.locale/timeZone`, `protectedRanges` (a range without indexes
 *   is the whole sheet), values.batchGet trimming trailing empty cells and rows: documented.
 * - Apps Script API: projects.get with `parentId` only for a bound project (documented);
 *   scripts.run answering `{done, response: {result}}` or `{done, error: {details:
 *   [ExecutionError]}}` (documented), 404 NOT_FOUND when the project is not deployed as an API
 *   executable (reported), 403 PERMISSION_DENIED "The caller does not have permission" for another
 *   Cloud project (documented).
 * - Drive's `q` is understood only as far as the doctor uses it (mimeType, trashed, name =): chosen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DoctorDiagnostic } from "../../src/handlers/doctor.js";

export interface Permission {
  id: string;
  type: "user" | "group" | "domain" | "anyone";
  role: "owner" | "organizer" | "fileOrganizer" | "writer" | "commenter" | "reader";
  emailAddress?: string;
  domain?: string;
  view?: "published";
}

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  permissions: Permission[];
  trashed?: boolean;
}

export interface ProtectedRange {
  protectedRangeId: number;
  range: {
    sheetId: number;
    startRowIndex?: number;
    endRowIndex?: number;
    startColumnIndex?: number;
    endColumnIndex?: number;
  };
  description?: string;
  warningOnly?: boolean;
  editors?: { users?: string[]; groups?: string[]; domainUsersCanEdit?: boolean };
  unprotectedRanges?: {
    sheetId: number;
    startRowIndex?: number;
    startColumnIndex?: number;
    endColumnIndex?: number;
  }[];
}

export interface SheetFixture {
  title: string;
  protectedRanges: ProtectedRange[];
  values: string[][];
}

export interface SpreadsheetFixture {
  title: string;
  locale: string;
  timeZone: string;
  sheets: SheetFixture[];
}

export interface FormFixture {
  title: string;
  /** Absent: a legacy form without publishSettings. */
  publishState?: { isPublished: boolean; isAcceptingResponses: boolean };
  linkedSheetId?: string;
}

export interface RoleFixture {
  roleId: string;
  roleName: string;
  privileges: string[];
  isSuperAdminRole?: boolean;
}

export interface PrivilegeFixture {
  privilegeName: string;
  isOuScopable: boolean;
  childPrivileges?: PrivilegeFixture[];
}

export type RunFixture =
  | { kind: "result"; result: DoctorDiagnostic }
  | { kind: "notDeployed" }
  | { kind: "otherCloudProject" }
  | { kind: "scriptError"; message: string };

export interface Tenant {
  /** The account the access token belongs to. */
  caller: string;
  domains: { domainName: string; verified: boolean; isPrimary: boolean; aliases?: string[] }[];
  users: { id: string; primaryEmail: string; isAdmin: boolean; isDelegatedAdmin: boolean }[];
  roles: RoleFixture[];
  privileges: PrivilegeFixture[];
  roleAssignments: {
    roleAssignmentId: string;
    roleId: string;
    assignedTo: string;
    scopeType: "CUSTOMER" | "ORG_UNIT";
    orgUnitId?: string;
  }[];
  orgUnits: { orgUnitPath: string; orgUnitId: string }[];
  groups: { id: string; email: string; name: string }[];
  /** The caller may not read admin roles (403 on roles, role assignments, privileges). */
  rolesForbidden?: boolean;
  spreadsheets: Record<string, SpreadsheetFixture>;
  forms: Record<string, FormFixture>;
  /** Every Drive item: spreadsheets, forms, documents, folders, script projects. */
  files: DriveFile[];
  documents: Record<string, { title: string; paragraphs: string[]; header?: string[]; footer?: string[] }>;
  projects: Record<string, { title: string; parentId?: string }>;
  runs: Record<string, RunFixture>;
}

export interface StandIn {
  rootUrl: string;
  tenant: Tenant;
  /** Every request served: "GET /admin/directory/v1/…". */
  requests: string[];
  /** The client ids of token refreshes served at `${rootUrl}token`. */
  refreshes: string[];
  close(): Promise<void>;
}

const DIRECTORY_SERVICE = "00haapch16h1ysv";

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(String(status));
  }
}

/** An Admin SDK / Drive style error body. */
function legacyError(
  code: number,
  message: string,
  reason: string,
  extra: Record<string, string> = {},
): HttpError {
  return new HttpError(code, {
    error: { code, message, errors: [{ message, domain: "global", reason, ...extra }] },
  });
}

/** A newer API's error body (Sheets, Forms, Docs, Apps Script). */
function statusError(code: number, message: string, status: string): HttpError {
  return new HttpError(code, { error: { code, message, status } });
}

const adminForbidden = (): HttpError =>
  legacyError(403, "Not Authorized to access this resource/api", "forbidden");
const driveNotFound = (id: string): HttpError =>
  legacyError(404, `File not found: ${id}.`, "notFound", { location: "fileId", locationType: "parameter" });
const entityNotFound = (): HttpError => statusError(404, "Requested entity was not found.", "NOT_FOUND");

/** Google's values.batchGet leaves out trailing empty cells and rows. */
function trimmed(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    const row = [...r];
    while (row.length && row[row.length - 1] === "") row.pop();
    return row;
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/** The `name = '…'`, `mimeType='…'` and `trashed=false` terms of a Drive query. */
function driveQuery(q: string): (f: DriveFile) => boolean {
  const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
  const unescape = (s: string): string => s.replace(/\\(.)/g, "$1");
  const mime = new RegExp(String.raw`mimeType\s*=\s*${literal}`).exec(q);
  const names = [...q.matchAll(new RegExp(String.raw`\bname\s*=\s*${literal}`, "g"))].map((m) =>
    unescape(m[1]!),
  );
  const notTrashed = /trashed\s*=\s*false/.test(q);
  return (f) =>
    (!mime || f.mimeType === unescape(mime[1]!)) &&
    (!notTrashed || !f.trashed) &&
    (names.length === 0 || names.includes(f.name));
}

function documentBody(paragraphs: string[]): { content: unknown[] } {
  let index = 1;
  const content: unknown[] = [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }];
  for (const p of paragraphs) {
    const text = `${p}\n`;
    // Docs splits a paragraph into runs wherever the style changes: split mid-text so that a
    // placeholder may straddle two runs, as it does in an edited template.
    const cut = Math.floor(text.length / 2);
    const runs = [text.slice(0, cut), text.slice(cut)].filter(Boolean);
    const elements = runs.map((r) => {
      const el = { startIndex: index, endIndex: index + r.length, textRun: { content: r, textStyle: {} } };
      index += r.length;
      return el;
    });
    content.push({
      startIndex: elements[0]!.startIndex,
      endIndex: index,
      paragraph: { elements, paragraphStyle: {} },
    });
  }
  return { content };
}

function route(t: Tenant, method: string, url: URL, body: unknown): unknown {
  const path = decodeURIComponent(url.pathname);
  const q = url.searchParams;
  let m: RegExpExecArray | null;

  // ── Admin SDK Directory ──
  if ((m = /^\/admin\/directory\/v1\/customer\/([^/]+)\/domains$/.exec(path))) {
    return {
      kind: "admin#directory#domains",
      etag: '"d"',
      domains: t.domains.map((d) => ({
        kind: "admin#directory#domains",
        domainName: d.domainName,
        isPrimary: d.isPrimary,
        verified: d.verified,
        creationTime: "1700000000000",
        domainAliases: (d.aliases ?? []).map((a) => ({
          kind: "admin#directory#domainAlias",
          domainAliasName: a,
          parentDomainName: d.domainName,
          verified: true,
        })),
      })),
    };
  }
  if ((m = /^\/admin\/directory\/v1\/users\/([^/]+)$/.exec(path))) {
    const key = m[1]!.toLowerCase();
    const u = t.users.find((x) => x.primaryEmail === key || x.id === key);
    if (!u) throw legacyError(404, "Resource Not Found: userKey", "notFound");
    return {
      kind: "admin#directory#user",
      id: u.id,
      primaryEmail: u.primaryEmail,
      isAdmin: u.isAdmin,
      isDelegatedAdmin: u.isDelegatedAdmin,
    };
  }
  if ((m = /^\/admin\/directory\/v1\/customer\/([^/]+)\/roleassignments$/.exec(path))) {
    if (t.rolesForbidden) throw adminForbidden();
    const key = (q.get("userKey") ?? "").toLowerCase();
    const user = t.users.find((x) => x.primaryEmail === key || x.id === key);
    if (key && !user) throw legacyError(404, "Resource Not Found: userKey", "notFound");
    const items = t.roleAssignments
      .filter((a) => !user || a.assignedTo === user.id)
      .map((a) => ({ kind: "admin#directory#roleAssignment", etag: '"a"', ...a, assigneeType: "user" }));
    return { kind: "admin#directory#roleAssignments", etag: '"as"', items };
  }
  if ((m = /^\/admin\/directory\/v1\/customer\/([^/]+)\/roles\/ALL\/privileges$/.exec(path))) {
    if (t.rolesForbidden) throw adminForbidden();
    const shape = (p: PrivilegeFixture): unknown => ({
      kind: "admin#directory#privilege",
      etag: '"p"',
      serviceId: DIRECTORY_SERVICE,
      serviceName: "Admin Directory",
      privilegeName: p.privilegeName,
      isOuScopable: p.isOuScopable,
      ...(p.childPrivileges ? { childPrivileges: p.childPrivileges.map(shape) } : {}),
    });
    return { kind: "admin#directory#privileges", etag: '"ps"', items: t.privileges.map(shape) };
  }
  if ((m = /^\/admin\/directory\/v1\/customer\/([^/]+)\/roles$/.exec(path))) {
    if (t.rolesForbidden) throw adminForbidden();
    return {
      kind: "admin#directory#roles",
      etag: '"r"',
      items: t.roles.map((r) => ({
        kind: "admin#directory#role",
        etag: '"r1"',
        roleId: r.roleId,
        roleName: r.roleName,
        rolePrivileges: r.privileges.map((p) => ({ serviceId: DIRECTORY_SERVICE, privilegeName: p })),
        isSystemRole: r.isSuperAdminRole === true,
        isSuperAdminRole: r.isSuperAdminRole === true,
      })),
    };
  }
  if ((m = /^\/admin\/directory\/v1\/customer\/([^/]+)\/orgunits\/(.+)$/.exec(path))) {
    const key = m[2]!;
    const unit = key.startsWith("id:")
      ? t.orgUnits.find((o) => o.orgUnitId === key.slice(3))
      : t.orgUnits.find((o) => o.orgUnitPath === `/${key}`);
    if (!unit) throw legacyError(404, "Org unit not found", "notFound");
    const parent = unit.orgUnitPath.replace(/\/[^/]+$/, "") || "/";
    return {
      kind: "admin#directory#orgUnit",
      etag: '"o"',
      name: unit.orgUnitPath.split("/").pop(),
      orgUnitPath: unit.orgUnitPath,
      orgUnitId: `id:${unit.orgUnitId}`,
      parentOrgUnitPath: parent,
    };
  }
  if ((m = /^\/admin\/directory\/v1\/groups\/([^/]+)$/.exec(path))) {
    const key = m[1]!.toLowerCase();
    const g = t.groups.find((x) => x.email === key || x.id === key);
    if (!g) throw legacyError(404, "Resource Not Found: groupKey", "notFound");
    return {
      kind: "admin#directory#group",
      id: g.id,
      email: g.email,
      name: g.name,
      directMembersCount: "0",
      adminCreated: true,
    };
  }

  // ── Drive v3 ──
  if (path === "/drive/v3/about") {
    return {
      kind: "drive#about",
      user: { kind: "drive#user", displayName: t.caller, emailAddress: t.caller, me: true },
    };
  }
  if (path === "/drive/v3/files") {
    const keep = driveQuery(q.get("q") ?? "");
    return {
      kind: "drive#fileList",
      incompleteSearch: false,
      files: t.files.filter(keep).map((f) => ({ id: f.id, name: f.name })),
    };
  }
  if ((m = /^\/drive\/v3\/files\/([^/]+)\/permissions$/.exec(path))) {
    const f = t.files.find((x) => x.id === m![1]);
    if (!f) throw driveNotFound(m[1]!);
    const withPublished = q.get("includePermissionsForView") === "published";
    const owner: Permission = { id: `o-${f.id}`, type: "user", role: "owner", emailAddress: f.owner };
    return {
      kind: "drive#permissionList",
      permissions: [owner, ...f.permissions]
        .filter((p) => withPublished || p.view !== "published")
        .map((p) => ({ kind: "drive#permission", ...p })),
    };
  }
  if ((m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path))) {
    const f = t.files.find((x) => x.id === m![1]);
    if (!f) throw driveNotFound(m[1]!);
    return {
      kind: "drive#file",
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      owners: [{ kind: "drive#user", emailAddress: f.owner, displayName: f.owner, me: f.owner === t.caller }],
    };
  }

  // ── Sheets v4 ──
  if ((m = /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/.exec(path))) {
    const ss = t.spreadsheets[m[1]!];
    if (!ss) throw entityNotFound();
    const valueRanges = q.getAll("ranges").map((r) => {
      const title = r.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const sheet = ss.sheets.find((s) => s.title === title);
      if (!sheet) throw statusError(400, `Unable to parse range: ${r}`, "INVALID_ARGUMENT");
      const rows = trimmed(sheet.values);
      const width = Math.max(1, ...rows.map((x) => x.length));
      const a1 = `${r}!A1:${String.fromCharCode(64 + Math.min(width, 26))}${Math.max(1, rows.length)}`;
      return rows.length
        ? { range: a1, majorDimension: "ROWS", values: rows }
        : { range: a1, majorDimension: "ROWS" };
    });
    return { spreadsheetId: m[1], valueRanges };
  }
  if ((m = /^\/v4\/spreadsheets\/([^/:]+)$/.exec(path))) {
    const ss = t.spreadsheets[m[1]!];
    if (!ss) throw entityNotFound();
    return {
      spreadsheetId: m[1],
      properties: { title: ss.title, locale: ss.locale, timeZone: ss.timeZone, autoRecalc: "ON_CHANGE" },
      sheets: ss.sheets.map((s, i) => ({
        properties: { sheetId: i * 1000, title: s.title, index: i, sheetType: "GRID" },
        ...(s.protectedRanges.length ? { protectedRanges: s.protectedRanges } : {}),
      })),
    };
  }

  // ── Forms v1 ──
  if ((m = /^\/v1\/forms\/([^/:]+)$/.exec(path))) {
    const f = t.forms[m[1]!];
    if (!f) throw entityNotFound();
    return {
      formId: m[1],
      info: { title: f.title, documentTitle: f.title },
      settings: {},
      revisionId: "00000001",
      responderUri: `https://docs.google.com/forms/d/e/${m[1]}/viewform`,
      items: [],
      ...(f.linkedSheetId ? { linkedSheetId: f.linkedSheetId } : {}),
      ...(f.publishState ? { publishSettings: { publishState: f.publishState } } : {}),
    };
  }

  // ── Docs v1 ──
  if ((m = /^\/v1\/documents\/([^/:]+)$/.exec(path))) {
    const d = t.documents[m[1]!];
    if (!d) throw entityNotFound();
    return {
      documentId: m[1],
      title: d.title,
      body: documentBody(d.paragraphs),
      ...(d.header ? { headers: { "kix.h1": { headerId: "kix.h1", ...documentBody(d.header) } } } : {}),
      ...(d.footer ? { footers: { "kix.f1": { footerId: "kix.f1", ...documentBody(d.footer) } } } : {}),
      revisionId: "r1",
    };
  }

  // ── Apps Script v1 ──
  if ((m = /^\/v1\/projects\/([^/:]+)$/.exec(path))) {
    const p = t.projects[m[1]!];
    if (!p) throw entityNotFound();
    return {
      scriptId: m[1],
      title: p.title,
      ...(p.parentId ? { parentId: p.parentId } : {}),
      createTime: "2026-11-01T00:00:00Z",
      updateTime: "2026-11-20T00:00:00Z",
    };
  }
  if (method === "POST" && (m = /^\/v1\/scripts\/([^/:]+):run$/.exec(path))) {
    const run = t.runs[m[1]!];
    if (!run || run.kind === "notDeployed") throw entityNotFound();
    if (run.kind === "otherCloudProject")
      throw statusError(403, "The caller does not have permission", "PERMISSION_DENIED");
    const fn = (body as { function?: string } | null)?.function;
    if (run.kind === "scriptError" || fn !== "doctorReport") {
      const message = run.kind === "scriptError" ? run.message : `Script function not found: ${fn}`;
      return {
        done: true,
        error: {
          code: 3,
          message: "ScriptError",
          details: [
            {
              "@type": "type.googleapis.com/google.apps.script.v1.ExecutionError",
              errorMessage: message,
              errorType: "ScriptError",
            },
          ],
        },
      };
    }
    return {
      done: true,
      response: {
        "@type": "type.googleapis.com/google.apps.script.v1.ExecutionResponse",
        result: run.result,
      },
    };
  }
  throw statusError(404, `No stand-in for ${method} ${path}`, "NOT_FOUND");
}

/** Starts the stand-in on 127.0.0.1 at a random port. Every request must carry a bearer token. */
export async function startStandIn(tenant: Tenant, token = "test-access-token"): Promise<StandIn> {
  const requests: string[] = [];
  const refreshes: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      requests.push(`${req.method} ${url.pathname}`);
      let status = 200;
      let payload: unknown;
      try {
        if (req.method === "POST" && url.pathname === "/token") {
          // The OAuth token endpoint (refresh_token grant): a new access token, never the refresh token.
          const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
          if (form.get("grant_type") !== "refresh_token" || !form.get("refresh_token"))
            throw new HttpError(400, { error: "invalid_grant", error_description: "Bad Request" });
          refreshes.push(form.get("client_id") ?? "");
          res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
          res.end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: "Bearer", scope: "" }));
          return;
        }
        if (req.headers.authorization !== `Bearer ${token}`)
          throw new HttpError(401, {
            error: {
              code: 401,
              message: "Request is missing required authentication credential.",
              status: "UNAUTHENTICATED",
            },
          });
        const text = Buffer.concat(chunks).toString("utf8");
        payload = route(tenant, req.method ?? "GET", url, text ? (JSON.parse(text) as unknown) : null);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        status = e.status;
        payload = e.body;
      }
      res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    tenant,
    requests,
    refreshes,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}
