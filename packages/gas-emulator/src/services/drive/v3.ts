/**
 * The Drive advanced service v3 (global `Drive`): Files, Permissions and Revisions collections,
 * field masks, the `q` subset and paging (the store: ./model.ts).
 */
import { createHash } from "node:crypto";
import { apiError, Blob, GasError, GasObject } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { domainOf } from "../sharing.js";
import {
  MIME,
  type PermissionName,
  DOCS_CREATE_QUOTA,
  type DriveItem,
  driveState,
  lower,
  actor,
  isHarness,
  createDriveItem,
  driveCreators,
  v3Reachable,
  getDriveItem,
  canRead,
  canEdit,
  changed,
  fileUrl,
  isGoogleType,
  blobArg,
  copyItem,
  deleteItemPermanently,
} from "./model.js";
import { visibleItems } from "./app.js";

type V3File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type V3Revision = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Revision;
type Json = Record<string, unknown>;

function v3User(ws: Workspace, email: string): Json {
  return {
    kind: "drive#user",
    displayName: ws.identity(email)?.name ?? email.split("@")[0],
    emailAddress: email,
    me: email === actor(ws),
  };
}

/** The file's permissions as Drive v3 lists them (`permissions` field): owner, people, general access. */
function v3Permissions(ws: Workspace, item: DriveItem): Json[] {
  const role = (p: PermissionName): string =>
    p === "EDIT" ? "writer" : p === "COMMENT" ? "commenter" : p === "OWNER" ? "owner" : "reader";
  const person = (email: string, r: string): Json => ({
    kind: "drive#permission",
    id: createHash("sha256").update(email).digest("hex").slice(0, 20),
    type: "user",
    role: r,
    emailAddress: email,
  });
  const out: Json[] = [person(item.owner, "owner")];
  for (const e of item.editors) out.push(person(e, "writer"));
  for (const e of item.commenters) out.push(person(e, "commenter"));
  for (const e of item.viewers) out.push(person(e, "reader"));
  if (item.access !== "PRIVATE" && item.permission !== "NONE") {
    const anyone = item.access === "ANYONE" || item.access === "ANYONE_WITH_LINK";
    out.push({
      kind: "drive#permission",
      id: anyone ? "anyoneWithLink" : "domainWithLink",
      type: anyone ? "anyone" : "domain",
      ...(anyone ? {} : { domain: domainOf(item.owner) }),
      role: role(item.permission),
      allowFileDiscovery: item.access === "ANYONE" || item.access === "DOMAIN",
    });
  }
  void ws;
  return out;
}

function v3Resource(ws: Workspace, item: DriveItem): Json {
  const r: Json = {
    kind: "drive#file",
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    parents: [...item.parents],
    starred: item.starred,
    trashed: item.trashed,
    explicitlyTrashed: item.trashed,
    version: String(item.version),
    webViewLink: fileUrl(item),
    createdTime: new Date(item.createdMs).toISOString(),
    modifiedTime: new Date(item.updatedMs).toISOString(),
    owners: [v3User(ws, item.owner)],
    ownedByMe: item.owner === actor(ws),
    shared:
      item.access !== "PRIVATE" || item.editors.length + item.viewers.length + item.commenters.length > 0,
    permissions: v3Permissions(ws, item),
  };
  if (item.description !== null) r.description = item.description;
  if (item.content) {
    r.size = String(item.content.length);
    const head = item.revisions[item.revisions.length - 1];
    if (head) r.headRevisionId = head.id;
    r.md5Checksum = md5(item.content);
    r.originalFilename = item.name;
  }
  if (item.mimeType === MIME.document) {
    r.exportLinks = {
      "application/pdf": `https://docs.google.com/feeds/download/documents/export/Export?id=${item.id}&exportFormat=pdf`,
    };
  }
  return r;
}

function md5(b: Buffer): string {
  return createHash("md5").update(b).digest("hex");
}

interface FieldTree {
  [name: string]: FieldTree | true;
}

/** Parses a Drive `fields` selector: "a,b(c,d),e/f". */
function parseFields(spec: string): FieldTree | "*" {
  const s = spec.replace(/\s+/g, "");
  if (s === "*" || s === "") return "*";
  let i = 0;
  const parseList = (): FieldTree => {
    const tree: FieldTree = {};
    while (i < s.length && s[i] !== ")") {
      let name = "";
      while (i < s.length && !",()/".includes(s[i]!)) name += s[i++];
      let sub: FieldTree | true = true;
      if (s[i] === "(") {
        i++;
        sub = parseList();
        i++; // ")"
      } else if (s[i] === "/") {
        i++;
        let rest = "";
        while (i < s.length && !",()".includes(s[i]!)) rest += s[i++];
        sub = parsePath(rest);
      }
      const prev = tree[name];
      tree[name] = prev && prev !== true && sub !== true ? { ...prev, ...sub } : sub;
      if (s[i] === ",") i++;
    }
    return tree;
  };
  return parseList();
}

function parsePath(path: string): FieldTree | true {
  const parts = path.split("/").filter(Boolean);
  let tree: FieldTree | true = true;
  for (const p of parts.reverse()) tree = { [p]: tree };
  return tree;
}

function selectFields(value: unknown, tree: FieldTree | true | "*"): unknown {
  if (tree === true || tree === "*") return value;
  if (Array.isArray(value)) return value.map((v) => selectFields(v, tree));
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [k, sub] of Object.entries(tree)) {
      if (k === "*") return value;
      if (k in (value as Json)) out[k] = selectFields((value as Json)[k], sub);
    }
    return out;
  }
  return value;
}

function optString(opts: unknown, key: string): string | undefined {
  if (!opts || typeof opts !== "object") return undefined;
  const v = (opts as Json)[key];
  return v === undefined || v === null ? undefined : String(v);
}

function optNumber(opts: unknown, key: string): number | undefined {
  const s = optString(opts, key);
  return s === undefined ? undefined : Number(s);
}

/** Drive v3 view: any item the actor can read (folders included); 404 otherwise. */
function v3Item(ws: Workspace, method: string, fileId: unknown): DriveItem {
  const id = String(fileId);
  const item = getDriveItem(ws, id);
  if (!item || (!isHarness(ws) && !canRead(ws, item, actor(ws))) || !v3Reachable(ws, id)) {
    throw apiError(method, `File not found: ${id}.`, 404, "notFound");
  }
  return item;
}

function pageOf<T>(all: T[], pageToken: string | undefined, size: number): { page: T[]; next?: string } {
  const start = pageToken ? Number(Buffer.from(pageToken, "base64url").toString("utf8")) || 0 : 0;
  const page = all.slice(start, start + size);
  const nextStart = start + size;
  return nextStart < all.length
    ? { page, next: Buffer.from(String(nextStart)).toString("base64url") }
    : { page };
}

type QueryTest = (it: DriveItem) => boolean;

/** A small subset of the Drive v3 `q` language: terms joined by "and". */
function parseDriveQuery(ws: Workspace, q: string): QueryTest {
  const tests: QueryTest[] = [];
  const terms = q
    .split(/\s+and\s+/i)
    .map((t) => t.trim())
    .filter(Boolean);
  const str = (v: string): string => {
    const m = /^'((?:[^'\\]|\\.)*)'$/.exec(v.trim());
    if (!m) throw apiError("drive.files.list", "Invalid Value", 400, "invalid");
    return m[1]!.replace(/\\(.)/g, "$1");
  };
  for (const term of terms) {
    let m: RegExpExecArray | null;
    if ((m = /^(name|mimeType|fullText)\s*(=|!=|contains)\s*(.+)$/i.exec(term))) {
      const field = m[1]!;
      const op = m[2]!;
      const v = str(m[3]!);
      const get = (it: DriveItem): string => (field === "mimeType" ? it.mimeType : it.name);
      if (op === "=") tests.push((it) => get(it) === v);
      else if (op === "!=") tests.push((it) => get(it) !== v);
      else tests.push((it) => get(it).toLowerCase().includes(v.toLowerCase()));
    } else if ((m = /^(trashed|starred)\s*(=|!=)\s*(true|false)$/i.exec(term))) {
      const field = m[1]!.toLowerCase() as "trashed" | "starred";
      const want = (m[3]!.toLowerCase() === "true") === (m[2] === "=");
      tests.push((it) => it[field] === want);
    } else if ((m = /^('(?:[^'\\]|\\.)*')\s+in\s+(parents|owners|writers|readers)$/i.exec(term))) {
      const v = str(m[1]!);
      const where = m[2]!.toLowerCase();
      if (where === "parents") tests.push((it) => it.parents.includes(v));
      else if (where === "owners") tests.push((it) => it.owner === lower(v));
      else if (where === "writers")
        tests.push((it) => it.owner === lower(v) || it.editors.includes(lower(v)));
      else tests.push((it) => canRead(ws, it, v));
    } else if ((m = /^(modifiedTime|createdTime)\s*(<=|>=|<|>|=)\s*(.+)$/i.exec(term))) {
      const field = m[1]!;
      const op = m[2]!;
      const t = Date.parse(str(m[3]!));
      if (Number.isNaN(t)) throw apiError("drive.files.list", "Invalid Value", 400, "invalid");
      const get = (it: DriveItem): number => (field === "createdTime" ? it.createdMs : it.updatedMs);
      tests.push((it) => {
        const x = get(it);
        return op === "<"
          ? x < t
          : op === ">"
            ? x > t
            : op === "<="
              ? x <= t
              : op === ">="
                ? x >= t
                : x === t;
      });
    } else {
      throw apiError("drive.files.list", "Invalid Value", 400, "invalid");
    }
  }
  return (it) => tests.every((t) => t(it));
}

export class DriveFilesCollection extends GasObject {
  readonly gasClass = "Drive.Files";
  constructor(private readonly ws: Workspace) {
    super();
  }
  get(fileId: string, optionalArgs?: Json): V3File | string {
    const item = v3Item(this.ws, "drive.files.get", fileId);
    if (optString(optionalArgs, "alt") === "media") {
      if (!item.content) {
        throw apiError(
          "drive.files.get",
          "Only files with binary content can be downloaded. Use Export with Docs Editors files.",
          403,
          "fileNotDownloadable",
        );
      }
      return item.content.toString("utf8");
    }
    const fields = optString(optionalArgs, "fields") ?? "kind,id,name,mimeType";
    return selectFields(v3Resource(this.ws, item), parseFields(fields)) as V3File;
  }
  list(optionalArgs?: Json): GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList {
    const pageSize = optNumber(optionalArgs, "pageSize") ?? 100;
    if (!(pageSize >= 1 && pageSize <= 1000)) {
      throw apiError(
        "drive.files.list",
        `Invalid value '${pageSize}'. Values must be within the range: [1, 1000]`,
        400,
        "invalid",
      );
    }
    const q = optString(optionalArgs, "q");
    const test = q ? parseDriveQuery(this.ws, q) : () => true;
    const ids = visibleItems(this.ws, test).filter((id) => v3Reachable(this.ws, id));
    const orderBy = optString(optionalArgs, "orderBy");
    const items = ids.map((id) => getDriveItem(this.ws, id)!);
    if (orderBy) {
      const [key, dir] = orderBy.split(",")[0]!.trim().split(/\s+/);
      const sign = dir?.toLowerCase() === "desc" ? -1 : 1;
      const get = (it: DriveItem): string | number =>
        key === "name" ? it.name : key === "createdTime" ? it.createdMs : it.updatedMs;
      items.sort((a, b) => (get(a) < get(b) ? -sign : get(a) > get(b) ? sign : 0));
    }
    const { page, next } = pageOf(items, optString(optionalArgs, "pageToken"), pageSize);
    const result: Json = {
      kind: "drive#fileList",
      incompleteSearch: false,
      files: page.map((it) => v3Resource(this.ws, it)),
    };
    if (next) result.nextPageToken = next;
    const fields =
      optString(optionalArgs, "fields") ?? "kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)";
    return selectFields(result, parseFields(fields)) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
  }
  update(resource: V3File, fileId: string, _mediaData?: Blob, optionalArgs?: Json): V3File {
    const item = v3Item(this.ws, "drive.files.update", fileId);
    if (!isHarness(this.ws) && !canEdit(this.ws, item, actor(this.ws))) {
      throw apiError(
        "drive.files.update",
        "The user does not have sufficient permissions for this file.",
        403,
        "insufficientFilePermissions",
      );
    }
    const r = (resource ?? {}) as Json;
    if (r.name !== undefined) item.name = String(r.name);
    if (r.description !== undefined) item.description = r.description === null ? null : String(r.description);
    if (r.starred !== undefined) item.starred = !!r.starred;
    if (r.trashed !== undefined) {
      if (!isHarness(this.ws) && item.owner !== actor(this.ws)) {
        throw apiError(
          "drive.files.update",
          "The user does not have sufficient permissions for this file.",
          403,
          "insufficientFilePermissions",
        );
      }
      item.trashed = !!r.trashed;
    }
    const add = optString(optionalArgs, "addParents");
    const remove = optString(optionalArgs, "removeParents");
    if (remove) item.parents = item.parents.filter((p) => !remove.split(",").includes(p));
    if (add) for (const p of add.split(",")) if (!item.parents.includes(p)) item.parents.push(p);
    changed(this.ws, item);
    const fields = optString(optionalArgs, "fields") ?? "kind,id,name,mimeType";
    return selectFields(v3Resource(this.ws, item), parseFields(fields)) as V3File;
  }
  copy(resource: V3File, fileId: string, optionalArgs?: Json): V3File {
    const item = v3Item(this.ws, "drive.files.copy", fileId);
    if (item.isFolder)
      throw apiError("drive.files.copy", "This file cannot be copied by the user.", 403, "cannotCopyFile");
    const r = (resource ?? {}) as Json;
    const parents = Array.isArray(r.parents) ? (r.parents as unknown[]).map(String) : null;
    let copy: DriveItem;
    try {
      copy = copyItem(
        this.ws,
        item,
        r.name !== undefined ? String(r.name) : `Copy of ${item.name}`,
        parents?.[0] ?? null,
      );
    } catch (e) {
      if (e instanceof Error && e.message === DOCS_CREATE_QUOTA) {
        throw apiError("drive.files.copy", "User rate limit exceeded.", 403, "userRateLimitExceeded");
      }
      throw e;
    }
    if (r.description !== undefined) copy.description = r.description === null ? null : String(r.description);
    driveState(this.ws).appFiles.add(copy.id);
    const fields = optString(optionalArgs, "fields") ?? "kind,id,name,mimeType";
    return selectFields(v3Resource(this.ws, copy), parseFields(fields)) as V3File;
  }
  /**
   * files.create: a folder, an empty Google Doc or Sheet (documented: a Google Workspace type is
   * created empty from its mimeType), or an ordinary file with the blob's bytes. The parent must be
   * one the call can reach (under `drive.file`: one this project created).
   */
  create(resource: V3File, mediaData?: Blob, optionalArgs?: Json): V3File {
    const ws = this.ws;
    const r = (resource ?? {}) as Json;
    const mimeType =
      r.mimeType !== undefined ? String(r.mimeType) : (mediaData?.getContentType() ?? MIME.text);
    const name = r.name !== undefined ? String(r.name) : "Untitled";
    const parents = Array.isArray(r.parents) ? (r.parents as unknown[]).map(String) : [];
    const parentId = parents[0];
    if (parentId !== undefined) {
      const parent = v3Item(ws, "drive.files.create", parentId);
      if (!parent.isFolder)
        throw apiError(
          "drive.files.create",
          "The specified parent is not a folder.",
          400,
          "parentNotAFolder",
        );
      if (!isHarness(ws) && !canEdit(ws, parent, actor(ws)))
        throw apiError(
          "drive.files.create",
          "The user does not have sufficient permissions for this file.",
          403,
          "insufficientFilePermissions",
        );
    }
    const owner = actor(ws);
    let item: DriveItem;
    const maker = driveCreators.get(mimeType);
    if (maker) {
      const id = maker(ws, name, owner);
      item = getDriveItem(ws, id)!;
    } else if (isGoogleType(mimeType) && mimeType !== MIME.folder) {
      const handler = driveState(ws).handlers.get(mimeType);
      if (!handler?.init) throw new GasError(`not emulated: Drive.Files.create of ${mimeType}`, "Error");
      if (handler.countsAsDocument && !ws.quotas.take("documentsCreated", 1, ws.now()))
        throw apiError("drive.files.create", "User rate limit exceeded.", 403, "userRateLimitExceeded");
      item = createDriveItem(ws, { name, mimeType, owner, ...(parentId ? { parentId } : {}) });
      handler.init(ws, item.id, owner);
    } else {
      const content = mediaData ? Buffer.from(blobArg(mediaData)._buffer()) : Buffer.alloc(0);
      item = createDriveItem(ws, { name, mimeType, owner, ...(parentId ? { parentId } : {}), content });
    }
    if (r.description !== undefined && r.description !== null && driveState(ws).items.has(item.id))
      item.description = String(r.description);
    driveState(ws).appFiles.add(item.id);
    const fields = optString(optionalArgs, "fields") ?? "kind,id,name,mimeType";
    return selectFields(v3Resource(ws, item), parseFields(fields)) as V3File;
  }
  remove(fileId: string, _optionalArgs?: Json): void {
    const item = v3Item(this.ws, "drive.files.delete", fileId);
    if (!isHarness(this.ws) && item.owner !== actor(this.ws)) {
      throw apiError(
        "drive.files.delete",
        "The user does not have sufficient permissions for this file.",
        403,
        "insufficientFilePermissions",
      );
    }
    deleteItemPermanently(this.ws, item, isHarness(this.ws) ? null : actor(this.ws));
  }
}

type V3Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

const INSUFFICIENT = "The user does not have sufficient permissions for this file.";

/**
 * Drive v3 permissions of items Drive keeps itself (folders, Docs, ordinary files). Spreadsheets
 * are seen by Drive as read-only snapshots (driveResolvers): listing works, changes are refused
 * as not emulated. Sharing mails (sendNotificationEmail) are not modelled.
 */
export class DrivePermissionsCollection extends GasObject {
  readonly gasClass = "Drive.Permissions";
  constructor(private readonly ws: Workspace) {
    super();
  }
  /** The item, for a caller who may share it (owner or writer). */
  private _shareable(method: string, fileId: string): DriveItem {
    const item = v3Item(this.ws, method, fileId);
    if (!isHarness(this.ws) && !canEdit(this.ws, item, actor(this.ws)))
      throw apiError(method, INSUFFICIENT, 403, "insufficientFilePermissions");
    return item;
  }
  private _kept(method: string, item: DriveItem): void {
    if (!driveState(this.ws).items.has(item.id))
      throw new GasError(`not emulated: ${method} on ${item.mimeType}`, "Error");
  }
  /**
   * Documented (v3): readers and commenters cannot list a file's permissions. Chosen: they get the
   * 403 insufficientFilePermissions error.
   */
  list(fileId: string, optionalArgs?: Json): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    const item = this._shareable("drive.permissions.list", String(fileId));
    const pageSize = optNumber(optionalArgs, "pageSize") ?? 100;
    const { page, next } = pageOf(
      v3Permissions(this.ws, item),
      optString(optionalArgs, "pageToken"),
      pageSize,
    );
    const result: Json = { kind: "drive#permissionList", permissions: page };
    if (next) result.nextPageToken = next;
    const fields = optString(optionalArgs, "fields") ?? "kind,nextPageToken,permissions(kind,id,type,role)";
    return selectFields(
      result,
      parseFields(fields),
    ) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
  }
  create(resource: V3Permission, fileId: string, optionalArgs?: Json): V3Permission {
    const method = "drive.permissions.create";
    const item = this._shareable(method, String(fileId));
    this._kept(method, item);
    const r = (resource ?? {}) as Json;
    const type = String(r.type ?? "");
    const role = String(r.role ?? "");
    const byRole: Record<string, PermissionName> = { reader: "VIEW", commenter: "COMMENT", writer: "EDIT" };
    if (!byRole[role]) {
      if (role === "owner" || role === "organizer" || role === "fileOrganizer")
        throw new GasError(`not emulated: ${method} with role ${role}`, "Error");
      throw apiError(method, `Invalid value for: role`, 400, "invalid");
    }
    if (type === "user" || type === "group") {
      const email = lower(String(r.emailAddress ?? ""));
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        throw apiError(method, "The permission emailAddress field is required.", 400, "required");
      if (email !== item.owner) {
        item.editors = item.editors.filter((e) => e !== email);
        item.viewers = item.viewers.filter((e) => e !== email);
        item.commenters = item.commenters.filter((e) => e !== email);
        if (role === "writer") item.editors.push(email);
        else if (role === "commenter") item.commenters.push(email);
        else item.viewers.push(email);
      }
    } else if (type === "anyone" || type === "domain") {
      const discoverable = r.allowFileDiscovery === true;
      item.access =
        type === "anyone"
          ? discoverable
            ? "ANYONE"
            : "ANYONE_WITH_LINK"
          : discoverable
            ? "DOMAIN"
            : "DOMAIN_WITH_LINK";
      item.permission = byRole[role]!;
    } else {
      throw apiError(method, `Invalid value for: type`, 400, "invalid");
    }
    changed(this.ws, item);
    const email = type === "user" || type === "group" ? lower(String(r.emailAddress)) : null;
    const made = v3Permissions(this.ws, item).find((p) =>
      email !== null ? p.emailAddress === email : p.type === type,
    )!;
    const fields = optString(optionalArgs, "fields") ?? "kind,id,type,role";
    return selectFields(made, parseFields(fields)) as V3Permission;
  }
  remove(fileId: string, permissionId: string, _optionalArgs?: Json): void {
    const method = "drive.permissions.delete";
    const item = this._shareable(method, String(fileId));
    this._kept(method, item);
    const found = v3Permissions(this.ws, item).find((p) => p.id === String(permissionId));
    if (!found) throw apiError(method, `Permission not found: ${permissionId}.`, 404, "notFound");
    if (found.role === "owner")
      throw apiError(method, "The owner of a file cannot be removed.", 403, "cannotRemoveOwner");
    if (found.type === "user") {
      const email = String(found.emailAddress);
      item.editors = item.editors.filter((e) => e !== email);
      item.viewers = item.viewers.filter((e) => e !== email);
      item.commenters = item.commenters.filter((e) => e !== email);
    } else {
      item.access = "PRIVATE";
      item.permission = "NONE";
    }
    changed(this.ws, item);
  }
}

export class DriveRevisionsCollection extends GasObject {
  readonly gasClass = "Drive.Revisions";
  constructor(private readonly ws: Workspace) {
    super();
  }
  private _revisions(method: string, fileId: string): Json[] {
    const item = v3Item(this.ws, method, fileId);
    if (item.isFolder) return [];
    if (!item.content) {
      const handler = driveState(this.ws).handlers.get(item.mimeType);
      return (handler?.revisions(this.ws, item.id) ?? []).map((r) => ({
        kind: "drive#revision",
        id: r.id,
        mimeType: item.mimeType,
        modifiedTime: new Date(r.modifiedMs).toISOString(),
        lastModifyingUser: v3User(this.ws, r.user),
        published: false,
        exportLinks: {
          "application/pdf": `https://docs.google.com/feeds/download/documents/export/Export?id=${item.id}&revision=${r.id}&exportFormat=pdf`,
        },
      }));
    }
    return item.revisions.map((r) => ({
      kind: "drive#revision",
      id: r.id,
      mimeType: r.mimeType,
      modifiedTime: new Date(r.modifiedMs).toISOString(),
      lastModifyingUser: v3User(this.ws, r.user),
      keepForever: false,
      size: String(r.content.length),
      md5Checksum: md5(r.content),
      originalFilename: item.name,
    }));
  }
  list(fileId: string, optionalArgs?: Json): GoogleAppsScript.Drive_v3.Drive.V3.Schema.RevisionList {
    const all = this._revisions("drive.revisions.list", String(fileId));
    const pageSize = optNumber(optionalArgs, "pageSize") ?? 200;
    const { page, next } = pageOf(all, optString(optionalArgs, "pageToken"), pageSize);
    const result: Json = { kind: "drive#revisionList", revisions: page };
    if (next) result.nextPageToken = next;
    const fields =
      optString(optionalArgs, "fields") ?? "kind,nextPageToken,revisions(kind,id,mimeType,modifiedTime)";
    return selectFields(
      result,
      parseFields(fields),
    ) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.RevisionList;
  }
  get(fileId: string, revisionId: string, optionalArgs?: Json): V3Revision {
    const rev = this._revisions("drive.revisions.get", String(fileId)).find(
      (r) => r.id === String(revisionId),
    );
    if (!rev) throw apiError("drive.revisions.get", `Revision not found: ${revisionId}.`, 404, "notFound");
    const fields = optString(optionalArgs, "fields") ?? "kind,id,mimeType,modifiedTime";
    return selectFields(rev, parseFields(fields)) as V3Revision;
  }
  remove(fileId: string, revisionId: string): void {
    const item = v3Item(this.ws, "drive.revisions.delete", fileId);
    if (!item.content) {
      throw apiError(
        "drive.revisions.delete",
        "Revisions of Google Docs Editors files cannot be deleted.",
        400,
        "badRequest",
      );
    }
    const idx = item.revisions.findIndex((r) => r.id === String(revisionId));
    if (idx < 0)
      throw apiError("drive.revisions.delete", `Revision not found: ${revisionId}.`, 404, "notFound");
    if (item.revisions.length === 1) {
      throw apiError(
        "drive.revisions.delete",
        "The last remaining revision of a file cannot be deleted.",
        400,
        "badRequest",
      );
    }
    if (!isHarness(this.ws) && !canEdit(this.ws, item, actor(this.ws))) {
      throw apiError(
        "drive.revisions.delete",
        "The user does not have sufficient permissions for this file.",
        403,
        "insufficientFilePermissions",
      );
    }
    item.revisions.splice(idx, 1);
  }
}

/** The global `Drive` (advanced service v3): Files, Permissions and Revisions. */
export class DriveAdvancedService extends GasObject {
  readonly gasClass = "Drive";
  readonly files: DriveFilesCollection;
  readonly permissions: DrivePermissionsCollection;
  readonly revisions: DriveRevisionsCollection;
  constructor(ws: Workspace) {
    super();
    this.files = new DriveFilesCollection(ws);
    this.permissions = new DrivePermissionsCollection(ws);
    this.revisions = new DriveRevisionsCollection(ws);
  }
  override gasProps(): Record<string, unknown> {
    return { Files: this.files, Permissions: this.permissions, Revisions: this.revisions };
  }
}
