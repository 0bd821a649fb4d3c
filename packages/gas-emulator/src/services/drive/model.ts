/**
 * Drive's store: the items (files and folders) of a workspace, who may see or change them (the
 * shared permission model, ../sharing.ts, applied through folders), the `drive.file` scope rule,
 * and the operations both APIs share (create, copy, export, permanent delete). See ../drive.ts.
 */
import { Blob, serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import {
  mayEdit,
  mayRead,
  normalEmail,
  type GeneralAccess,
  type GeneralRole,
  type Shared,
} from "../sharing.js";

export const MIME = {
  folder: "application/vnd.google-apps.folder",
  document: "application/vnd.google-apps.document",
  spreadsheet: "application/vnd.google-apps.spreadsheet",
  form: "application/vnd.google-apps.form",
  pdf: "application/pdf",
  text: "text/plain",
} as const;

export type AccessName = GeneralAccess;
export type PermissionName = GeneralRole;
export const ACCESS: AccessName[] = ["ANYONE", "ANYONE_WITH_LINK", "DOMAIN", "DOMAIN_WITH_LINK", "PRIVATE"];
export const PERMISSION: PermissionName[] = ["VIEW", "EDIT", "COMMENT", "OWNER", "ORGANIZER", "NONE"];

const MISSING_ITEM =
  "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";
const ACCESS_DENIED = "Access denied: DriveApp.";
export const ITERATOR_END = "Cannot retrieve the next object: iterator has reached the end.";
export const DOCS_CREATE_QUOTA = "Service invoked too many times for one day: docs create.";

/** One version of a binary file's content. */
interface DriveRevisionRecord {
  id: string;
  modifiedMs: number;
  user: string;
  mimeType: string;
  content: Buffer;
}

/** A revision as a Google-type handler reports it (Docs keeps text snapshots). */
interface GoogleRevisionInfo {
  id: string;
  modifiedMs: number;
  user: string;
}

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  isFolder: boolean;
  owner: string;
  parents: string[];
  createdMs: number;
  updatedMs: number;
  trashed: boolean;
  description: string | null;
  starred: boolean;
  access: AccessName;
  permission: PermissionName;
  editors: string[];
  viewers: string[];
  commenters: string[];
  /** Bytes of an ordinary file; null for folders and Google-type files. */
  content: Buffer | null;
  /** Revisions of an ordinary file (oldest first); Google types report theirs through their handler. */
  revisions: DriveRevisionRecord[];
  /** Bumped on every change (Drive's `version`). */
  version: number;
  /** Set on a user's "My Drive" root folder. */
  rootOf?: string;
}

/** How Drive reaches the content of a Google-type file kept by another service. */
export interface GoogleTypeHandler {
  /** Copies the content of `fromId` into the new item `toId`. */
  copy(ws: Workspace, fromId: string, toId: string): void;
  /** The content exported as `mimeType`, or null when that conversion is not supported. */
  export(ws: Workspace, id: string, mimeType: string): Blob | null;
  /** Forgets the content and its revision history (permanent delete). */
  remove(ws: Workspace, id: string): void;
  revisions(ws: Workspace, id: string): GoogleRevisionInfo[];
  /** Whether copies count against the daily "documents created" quota. */
  countsAsDocument?: boolean;
  /** Gives a new item (Drive.Files.create) empty content. */
  init?(ws: Workspace, id: string, owner: string): void;
}

class DriveState {
  readonly items = new Map<string, DriveItem>();
  /** email (lower case) → id of that user's My Drive root folder. */
  readonly roots = new Map<string, string>();
  readonly handlers = new Map<string, GoogleTypeHandler>();
  /** Items deleted permanently (ids only), for dumps and tests. */
  readonly deleted: string[] = [];
  /** Items the script project created through the Drive advanced service (what `drive.file` reaches). */
  readonly appFiles = new Set<string>();

  toJSON(): unknown {
    return {
      items: [...this.items.values()].map((it) => ({
        id: it.id,
        name: it.name,
        mimeType: it.mimeType,
        owner: it.owner,
        parents: it.parents,
        created: new Date(it.createdMs).toISOString(),
        updated: new Date(it.updatedMs).toISOString(),
        trashed: it.trashed,
        sharing: `${it.access}/${it.permission}`,
        editors: it.editors,
        viewers: it.viewers,
        ...(it.description ? { description: it.description } : {}),
        ...(it.content ? { size: it.content.length, revisions: it.revisions.length } : {}),
        ...(it.rootOf ? { rootOf: it.rootOf } : {}),
      })),
      deleted: this.deleted,
      createdByProject: [...this.appFiles],
    };
  }
}

export function driveState(ws: Workspace): DriveState {
  return ws.slot("drive", () => new DriveState());
}

export const lower = normalEmail;

/** The calling execution's effective user, or the owner for the harness. */
export function actor(ws: Workspace): string {
  return lower(ws.actor());
}

export function isHarness(ws: Workspace): boolean {
  return ws.current === null;
}

/** The user's "My Drive" root, created on first use. */
export function rootFolderId(ws: Workspace, email: string): string {
  const st = driveState(ws);
  const key = lower(email);
  const id = st.roots.get(key);
  if (id) return id;
  const root = newItem(ws, ws.newId(28), "My Drive", MIME.folder, key, [], null);
  root.rootOf = key;
  st.roots.set(key, root.id);
  return root.id;
}

interface NewItemOptions {
  name: string;
  mimeType: string;
  /** Default: the acting user. */
  owner?: string;
  /** Default: the owner's My Drive root. */
  parentId?: string;
  /** Bytes of an ordinary file. */
  content?: Buffer;
}

/** Creates an item (no access or quota checks: callers do those). */
export function createDriveItem(ws: Workspace, opts: NewItemOptions): DriveItem {
  const owner = lower(opts.owner ?? ws.actor());
  const isFolder = opts.mimeType === MIME.folder;
  const content =
    isFolder || opts.mimeType.startsWith("application/vnd.google-apps.")
      ? null
      : (opts.content ?? Buffer.alloc(0));
  const id = ws.newId(isFolder ? 33 : 44);
  const parents = [opts.parentId ?? rootFolderId(ws, owner)];
  return newItem(ws, id, opts.name, opts.mimeType, owner, parents, content);
}

/** A new private item, stored: a file with content starts with one revision of it. */
function newItem(
  ws: Workspace,
  id: string,
  name: string,
  mimeType: string,
  owner: string,
  parents: string[],
  content: Buffer | null,
): DriveItem {
  const now = ws.now();
  const item: DriveItem = {
    id,
    name,
    mimeType,
    isFolder: mimeType === MIME.folder,
    owner,
    parents,
    createdMs: now,
    updatedMs: now,
    trashed: false,
    description: null,
    starred: false,
    access: "PRIVATE",
    permission: "NONE",
    editors: [],
    viewers: [],
    commenters: [],
    content,
    revisions: content
      ? [{ id: ws.newId(40), modifiedMs: now, user: owner, mimeType, content: Buffer.from(content) }]
      : [],
    version: 1,
  };
  driveState(ws).items.set(id, item);
  return item;
}

/**
 * Files kept by another service and seen by Drive read-only (spreadsheets: their sharing), as a
 * snapshot built when asked; changes made through Drive to such a snapshot are not kept (chosen).
 * Registered once per service module, outside the workspace state (snapshots hold no function).
 */
export const driveResolvers: ((ws: Workspace, id: string) => DriveItem | undefined)[] = [];

/**
 * Makers of Google-type files kept by another service and created through Drive (Files.create of
 * a spreadsheet): mimeType → a function that creates an empty one and returns its id. Registered
 * once per service module, as driveResolvers.
 */
export const driveCreators = new Map<string, (ws: Workspace, name: string, owner: string) => string>();

/**
 * Host side: marks an item as created by the script project through Drive, as if it had made it
 * (the harness's register stands for the one setup's first run creates).
 */
export function markCreatedByProject(ws: Workspace, id: string): void {
  driveState(ws).appFiles.add(String(id));
}

const DRIVE_SCOPE = "https://www.googleapis.com/auth/";
const WIDE_DRIVE_SCOPES = ["drive", "drive.readonly", "drive.metadata", "drive.metadata.readonly"].map(
  (n) => DRIVE_SCOPE + n,
);

/** Whether this execution's Drive v3 calls see only what the project created (`drive.file` alone). */
function fileScopeOnly(ws: Workspace): boolean {
  const scopes = ws.project.oauthScopes;
  if (isHarness(ws) || !scopes) return false;
  return scopes.includes(DRIVE_SCOPE + "drive.file") && !scopes.some((x) => WIDE_DRIVE_SCOPES.includes(x));
}

/** Whether the Drive advanced service may reach the item in this execution. */
export function v3Reachable(ws: Workspace, id: string): boolean {
  return !fileScopeOnly(ws) || driveState(ws).appFiles.has(id);
}

export function getDriveItem(ws: Workspace, id: string): DriveItem | undefined {
  const st = driveState(ws);
  const own = st.items.get(String(id));
  if (own) return own;
  for (const resolve of driveResolvers) {
    const found = resolve(ws, String(id));
    if (found) return found;
  }
  return undefined;
}

/** Marks an item changed now (content edits of Google-type files call this). */
export function touchDriveItem(ws: Workspace, id: string): void {
  const item = getDriveItem(ws, id);
  if (item) {
    item.updatedMs = Math.max(item.updatedMs, ws.now());
    item.version++;
  }
}

export function registerGoogleType(ws: Workspace, mimeType: string, handler: GoogleTypeHandler): void {
  driveState(ws).handlers.set(mimeType, handler);
}

export function ancestors(ws: Workspace, item: DriveItem): DriveItem[] {
  const out: DriveItem[] = [];
  const seen = new Set<string>();
  const queue = [...item.parents];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = getDriveItem(ws, id);
    if (p) {
      out.push(p);
      queue.push(...p.parents);
    }
  }
  return out;
}

/** The item's sharing, as the one permission model (sharing.ts) reads it. */
function sharingOf(item: DriveItem): Shared {
  return {
    owner: item.owner,
    editors: item.editors,
    viewers: item.viewers,
    commenters: item.commenters,
    access: item.access,
    role: item.permission,
  };
}

/** Whether `email` can see the item (its own sharing or a folder's above it: sharing.ts). */
export function canRead(ws: Workspace, item: DriveItem, email: string): boolean {
  return [item, ...ancestors(ws, item)].some((it) => mayRead(sharingOf(it), email));
}

/** Whether `email` can change the item (its own sharing or a folder's above it: sharing.ts). */
export function canEdit(ws: Workspace, item: DriveItem, email: string): boolean {
  return [item, ...ancestors(ws, item)].some((it) => mayEdit(sharingOf(it), email));
}

/** The item if the actor may read it, else the "No item with the given ID" error. */
export function readable(ws: Workspace, id: string, folder: boolean | null): DriveItem {
  const item = getDriveItem(ws, id);
  if (!item || (folder !== null && item.isFolder !== folder)) throw serviceError(MISSING_ITEM);
  if (!isHarness(ws) && !canRead(ws, item, actor(ws))) throw serviceError(MISSING_ITEM);
  return item;
}

export function editable(ws: Workspace, item: DriveItem): void {
  if (!isHarness(ws) && !canEdit(ws, item, actor(ws))) throw serviceError(ACCESS_DENIED);
}

export function ownerOnly(ws: Workspace, item: DriveItem): void {
  if (!isHarness(ws) && item.owner !== actor(ws)) throw serviceError(ACCESS_DENIED);
}

export function changed(ws: Workspace, item: DriveItem): void {
  item.updatedMs = Math.max(item.updatedMs, ws.now());
  item.version++;
}

export function fileUrl(item: DriveItem): string {
  if (item.isFolder) return `https://drive.google.com/drive/folders/${item.id}`;
  if (item.mimeType === MIME.document)
    return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === MIME.spreadsheet)
    return `https://docs.google.com/spreadsheets/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === MIME.form) return `https://docs.google.com/forms/d/${item.id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}

export function isGoogleType(mimeType: string): boolean {
  return mimeType.startsWith("application/vnd.google-apps.");
}

/** Accepts an e-mail address or a User-like object (Session's or Drive's User). */
export function emailArg(user: unknown): string {
  if (typeof user === "string") return lower(user);
  if (user && typeof (user as { getEmail?: unknown }).getEmail === "function") {
    return lower((user as { getEmail(): string }).getEmail());
  }
  throw serviceError("Invalid argument: permission.value");
}

export function checkEmail(email: string): string {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw serviceError("Invalid argument: permission.value");
  return email;
}

/** A blob argument: a Blob or anything with getBlob() (File, Document, ...). */
export function blobArg(source: unknown): Blob {
  if (source instanceof Blob) return source;
  if (source && typeof (source as { getBlob?: unknown }).getBlob === "function") {
    const b = (source as { getBlob(): unknown }).getBlob();
    if (b instanceof Blob) return b;
  }
  throw serviceError("Invalid argument: blob");
}

/** Exports an item's content; used by File.getAs/getBlob. */
export function exportItem(ws: Workspace, item: DriveItem, mimeType: string): Blob {
  if (isGoogleType(item.mimeType)) {
    const handler = driveState(ws).handlers.get(item.mimeType);
    const blob = handler?.export(ws, item.id, mimeType) ?? null;
    if (!blob) throw serviceError(`Converting from ${item.mimeType} to ${mimeType} is not supported.`);
    return blob;
  }
  if (mimeType !== item.mimeType) {
    throw serviceError(`Converting from ${item.mimeType} to ${mimeType} is not supported.`);
  }
  return new Blob(Buffer.from(item.content ?? Buffer.alloc(0)), item.mimeType, item.name);
}

/** Copies an item (content included) for `owner`; checks the documents-created quota. */
export function copyItem(ws: Workspace, item: DriveItem, name: string, parentId: string | null): DriveItem {
  const handler = isGoogleType(item.mimeType) ? driveState(ws).handlers.get(item.mimeType) : undefined;
  if (handler?.countsAsDocument && !ws.quotas.take("documentsCreated", 1, ws.now())) {
    throw serviceError(DOCS_CREATE_QUOTA);
  }
  const copy = createDriveItem(ws, {
    name,
    mimeType: item.mimeType,
    owner: actor(ws),
    parentId: parentId ?? item.parents[0] ?? rootFolderId(ws, actor(ws)),
    ...(item.content ? { content: Buffer.from(item.content) } : {}),
  });
  copy.description = item.description;
  if (parentId === null) copy.parents = [...item.parents];
  handler?.copy(ws, item.id, copy.id);
  return copy;
}

/** Deletes an item permanently, with its descendants owned by `by` (Drive v3 files.delete). */
export function deleteItemPermanently(ws: Workspace, item: DriveItem, by: string | null): void {
  const st = driveState(ws);
  const doomed = [item];
  if (item.isFolder) {
    const stack = [item.id];
    while (stack.length) {
      const folderId = stack.pop()!;
      for (const child of st.items.values()) {
        if (!child.parents.includes(folderId) || doomed.includes(child)) continue;
        if (by !== null && child.owner !== by) {
          child.parents = child.parents.filter((p) => p !== folderId);
          continue;
        }
        doomed.push(child);
        if (child.isFolder) stack.push(child.id);
      }
    }
  }
  for (const d of doomed) {
    st.handlers.get(d.mimeType)?.remove(ws, d.id);
    st.items.delete(d.id);
    st.deleted.push(d.id);
    if (d.rootOf) st.roots.delete(d.rootOf);
  }
}
