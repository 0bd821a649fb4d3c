/**
 * Emulated Google Drive: DriveApp (File, Folder, iterators, sharing) and the Drive advanced
 * service v3 (global `Drive`: Files.create/get/list/update/copy/remove, Permissions.create/list/
 * remove, Revisions.list/get/remove).
 *
 * One store of items (files and folders) per workspace, each with an owner, parents, sharing,
 * editors/viewers, a trashed flag and, for ordinary (binary) files, the bytes and their revisions.
 * Google-type files (Docs, and whatever else registers) keep their content in their own service:
 * the service registers a `GoogleTypeHandler` here so that copy, export (getAs/getBlob), permanent
 * delete and revision listing reach it. docs.ts does this for Google Docs.
 *
 * Access: an execution acts as its effective user; it sees an item it owns, is an editor/viewer of
 * (directly or through a parent folder), or that is shared with anyone / its domain. Reading an
 * item it cannot see fails exactly like a missing item; changing one it can only read fails with
 * "Access denied: DriveApp.". The harness (`ws.current === null`) acts as the workspace owner and
 * is not subject to access checks (it sets the scene).
 *
 * `drive.file` (documented: "create new Drive files, or modify existing files, that you open with
 * an app or that the user shares with an app while using the Google Picker API"): when the
 * project's manifest grants `drive.file` and no wider Drive scope, the Drive advanced service sees
 * only the items this project created through Drive itself (Files.create, Files.copy). Chosen (the
 * references are silent; the less convenient reading): a file the project made through
 * SpreadsheetApp, DocumentApp, FormApp or DriveApp, or one its user made in the Drive UI, does not
 * count, and a server-side project has no picker. Any other item answers like a missing one
 * (reported: 404 "File not found: <id>."), in get, copy, update, delete, permissions and
 * revisions, and files.list leaves it out.
 */
import { createHash } from "node:crypto";
import { apiError, Blob, GasError, GasObject, serviceError } from "../core.js";
import { registerDumper } from "../dump.js";
import type { Workspace } from "../workspace.js";

export const MIME = {
  folder: "application/vnd.google-apps.folder",
  document: "application/vnd.google-apps.document",
  spreadsheet: "application/vnd.google-apps.spreadsheet",
  form: "application/vnd.google-apps.form",
  pdf: "application/pdf",
  text: "text/plain",
} as const;

export type AccessName = "ANYONE" | "ANYONE_WITH_LINK" | "DOMAIN" | "DOMAIN_WITH_LINK" | "PRIVATE";
export type PermissionName = "VIEW" | "EDIT" | "COMMENT" | "OWNER" | "ORGANIZER" | "NONE";
const ACCESS: AccessName[] = ["ANYONE", "ANYONE_WITH_LINK", "DOMAIN", "DOMAIN_WITH_LINK", "PRIVATE"];
const PERMISSION: PermissionName[] = ["VIEW", "EDIT", "COMMENT", "OWNER", "ORGANIZER", "NONE"];

export const MISSING_ITEM =
  "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";
export const ACCESS_DENIED = "Access denied: DriveApp.";
export const ITERATOR_END = "Cannot retrieve the next object: iterator has reached the end.";
export const DOCS_CREATE_QUOTA = "Service invoked too many times for one day: docs create.";

/** One version of a binary file's content. */
export interface DriveRevisionRecord {
  id: string;
  modifiedMs: number;
  user: string;
  mimeType: string;
  content: Buffer;
}

/** A revision as a Google-type handler reports it (Docs keeps text snapshots). */
export interface GoogleRevisionInfo {
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

export class DriveState {
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

function lower(email: string): string {
  return email.trim().toLowerCase();
}

function domainOf(email: string): string {
  return lower(email).split("@")[1] ?? "";
}

/** The calling execution's effective user, or the owner for the harness. */
function actor(ws: Workspace): string {
  return lower(ws.actor());
}

function isHarness(ws: Workspace): boolean {
  return ws.current === null;
}

/** The user's "My Drive" root, created on first use. */
export function rootFolderId(ws: Workspace, email: string): string {
  const st = driveState(ws);
  const key = lower(email);
  let id = st.roots.get(key);
  if (!id) {
    const now = ws.now();
    id = ws.newId(28);
    st.items.set(id, {
      id,
      name: "My Drive",
      mimeType: MIME.folder,
      isFolder: true,
      owner: key,
      parents: [],
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
      content: null,
      revisions: [],
      version: 1,
      rootOf: key,
    });
    st.roots.set(key, id);
  }
  return id;
}

export interface NewItemOptions {
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
  const st = driveState(ws);
  const owner = lower(opts.owner ?? ws.actor());
  const now = ws.now();
  const isFolder = opts.mimeType === MIME.folder;
  const id = ws.newId(isFolder ? 33 : 44);
  const content =
    isFolder || opts.mimeType.startsWith("application/vnd.google-apps.")
      ? null
      : (opts.content ?? Buffer.alloc(0));
  const item: DriveItem = {
    id,
    name: opts.name,
    mimeType: opts.mimeType,
    isFolder,
    owner,
    parents: [opts.parentId ?? rootFolderId(ws, owner)],
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
      ? [
          {
            id: ws.newId(40),
            modifiedMs: now,
            user: owner,
            mimeType: opts.mimeType,
            content: Buffer.from(content),
          },
        ]
      : [],
    version: 1,
  };
  st.items.set(id, item);
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
export function fileScopeOnly(ws: Workspace): boolean {
  const scopes = ws.project.oauthScopes;
  if (isHarness(ws) || !scopes) return false;
  return scopes.includes(DRIVE_SCOPE + "drive.file") && !scopes.some((x) => WIDE_DRIVE_SCOPES.includes(x));
}

/** Whether the Drive advanced service may reach the item in this execution. */
function v3Reachable(ws: Workspace, id: string): boolean {
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

function ancestors(ws: Workspace, item: DriveItem): DriveItem[] {
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

function generalAccessApplies(item: DriveItem, email: string): boolean {
  if (item.access === "ANYONE" || item.access === "ANYONE_WITH_LINK") return true;
  if (item.access === "DOMAIN" || item.access === "DOMAIN_WITH_LINK")
    return domainOf(item.owner) === domainOf(email);
  return false;
}

/** Whether `email` can see the item (owner, shared directly, through a folder, or general access). */
export function canRead(ws: Workspace, item: DriveItem, email: string): boolean {
  const e = lower(email);
  for (const it of [item, ...ancestors(ws, item)]) {
    if (it.owner === e || it.editors.includes(e) || it.viewers.includes(e) || it.commenters.includes(e))
      return true;
    if (generalAccessApplies(it, e) && it.permission !== "NONE") return true;
  }
  return false;
}

/** Whether `email` can change the item. */
export function canEdit(ws: Workspace, item: DriveItem, email: string): boolean {
  const e = lower(email);
  for (const it of [item, ...ancestors(ws, item)]) {
    if (it.owner === e || it.editors.includes(e)) return true;
    if (generalAccessApplies(it, e) && it.permission === "EDIT") return true;
  }
  return false;
}

/** The item if the actor may read it, else the "No item with the given ID" error. */
function readable(ws: Workspace, id: string, folder: boolean | null): DriveItem {
  const item = getDriveItem(ws, id);
  if (!item || (folder !== null && item.isFolder !== folder)) throw serviceError(MISSING_ITEM);
  if (!isHarness(ws) && !canRead(ws, item, actor(ws))) throw serviceError(MISSING_ITEM);
  return item;
}

function editable(ws: Workspace, item: DriveItem): void {
  if (!isHarness(ws) && !canEdit(ws, item, actor(ws))) throw serviceError(ACCESS_DENIED);
}

function ownerOnly(ws: Workspace, item: DriveItem): void {
  if (!isHarness(ws) && item.owner !== actor(ws)) throw serviceError(ACCESS_DENIED);
}

function changed(ws: Workspace, item: DriveItem): void {
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

function isGoogleType(mimeType: string): boolean {
  return mimeType.startsWith("application/vnd.google-apps.");
}

/** Accepts an e-mail address or a User-like object (Session's or Drive's User). */
function emailArg(user: unknown): string {
  if (typeof user === "string") return lower(user);
  if (user && typeof (user as { getEmail?: unknown }).getEmail === "function") {
    return lower((user as { getEmail(): string }).getEmail());
  }
  throw serviceError("Invalid argument: permission.value");
}

function checkEmail(email: string): string {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw serviceError("Invalid argument: permission.value");
  return email;
}

/** A blob argument: a Blob or anything with getBlob() (File, Document, ...). */
function blobArg(source: unknown): Blob {
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

// ---------------------------------------------------------------------------------------------
// DriveApp

type Access = GoogleAppsScript.Drive.Access;
type Permission = GoogleAppsScript.Drive.Permission;

function enumOut<T>(name: string): T {
  return name as unknown as T;
}

function accessArg(v: unknown): AccessName {
  const s = String(v) as AccessName;
  if (!ACCESS.includes(s)) throw serviceError("Invalid argument: accessType");
  return s;
}

function permissionArg(v: unknown): PermissionName {
  const s = String(v) as PermissionName;
  if (!PERMISSION.includes(s)) throw serviceError("Invalid argument: permissionType");
  return s;
}

const enumObject = (names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));

/** A user as Drive reports one (File.getOwner, getEditors). */
export class DriveUser extends GasObject implements GoogleAppsScript.Drive.User {
  readonly gasClass = "User";
  constructor(
    private readonly ws: Workspace,
    private readonly email: string,
  ) {
    super();
  }
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.ws.identity(this.email)?.name ?? this.email.split("@")[0]!;
  }
  getDomain(): string {
    return domainOf(this.email);
  }
  getPhotoUrl(): string {
    return "";
  }
  getUserLoginId(): string {
    return this.email;
  }
}

/** A Drive iterator over item ids (a snapshot); the subclass says what each id becomes. */
abstract class DriveIterator<T> extends GasObject {
  private pos = 0;
  constructor(
    protected readonly ws: Workspace,
    private readonly ids: string[],
  ) {
    super();
  }
  protected abstract _wrap(id: string): T;
  hasNext(): boolean {
    return this.pos < this.ids.length;
  }
  next(): T {
    if (this.pos >= this.ids.length) throw serviceError(ITERATOR_END);
    return this._wrap(this.ids[this.pos++]!);
  }
  getContinuationToken(): string {
    return Buffer.from(JSON.stringify({ ids: this.ids, pos: this.pos })).toString("base64url");
  }
}

export class DriveFileIterator
  extends DriveIterator<DriveFile & GoogleAppsScript.Drive.File>
  implements GoogleAppsScript.Drive.FileIterator
{
  readonly gasClass = "FileIterator";
  protected _wrap(id: string): DriveFile & GoogleAppsScript.Drive.File {
    return new DriveFile(this.ws, id) as DriveFile & GoogleAppsScript.Drive.File;
  }
}

export class DriveFolderIterator
  extends DriveIterator<DriveFolder & GoogleAppsScript.Drive.Folder>
  implements GoogleAppsScript.Drive.FolderIterator
{
  readonly gasClass = "FolderIterator";
  protected _wrap(id: string): DriveFolder & GoogleAppsScript.Drive.Folder {
    return new DriveFolder(this.ws, id) as DriveFolder & GoogleAppsScript.Drive.Folder;
  }
}

/** Files (not folders) visible to the actor that match `where`, in creation order. */
function fileIterator(ws: Workspace, where: (it: DriveItem) => boolean): DriveFileIterator {
  return new DriveFileIterator(
    ws,
    visibleItems(ws, (it) => !it.isFolder && where(it)),
  );
}

/** Folders visible to the actor that match `where`, in creation order. */
function folderIterator(ws: Workspace, where: (it: DriveItem) => boolean): DriveFolderIterator {
  return new DriveFolderIterator(
    ws,
    visibleItems(ws, (it) => it.isFolder && where(it)),
  );
}

/** Items visible to the actor, in creation order, optionally filtered. */
function visibleItems(ws: Workspace, filter: (it: DriveItem) => boolean): string[] {
  const me = actor(ws);
  const out: string[] = [];
  for (const it of driveState(ws).items.values()) {
    if (it.rootOf) continue;
    if (!filter(it)) continue;
    if (!isHarness(ws) && !canRead(ws, it, me)) continue;
    out.push(it.id);
  }
  return out;
}

/** What File and Folder share: identity, names, dates, sharing, trash. */
abstract class DriveItemObject extends GasObject {
  constructor(
    protected readonly ws: Workspace,
    protected readonly id: string,
  ) {
    super();
  }
  protected _item(): DriveItem {
    return readable(this.ws, this.id, null);
  }
  _driveItem(): DriveItem {
    return this._item();
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this._item().name;
  }
  getUrl(): string {
    return fileUrl(this._item());
  }
  getDescription(): string | null {
    return this._item().description;
  }
  getDateCreated(): Date {
    return new Date(this._item().createdMs);
  }
  getLastUpdated(): Date {
    return new Date(this._item().updatedMs);
  }
  isTrashed(): boolean {
    return this._item().trashed;
  }
  isStarred(): boolean {
    return this._item().starred;
  }
  getSharingAccess(): Access {
    return enumOut<Access>(this._item().access);
  }
  getSharingPermission(): Permission {
    return enumOut<Permission>(this._item().permission);
  }
  getOwner(): DriveUser {
    return new DriveUser(this.ws, this._item().owner);
  }
  getEditors(): DriveUser[] {
    const item = this._item();
    if (!isHarness(this.ws) && !canEdit(this.ws, item, actor(this.ws))) return [];
    return item.editors.map((e) => new DriveUser(this.ws, e));
  }
  getViewers(): DriveUser[] {
    const item = this._item();
    if (!isHarness(this.ws) && !canEdit(this.ws, item, actor(this.ws))) return [];
    return [...item.viewers, ...item.commenters].map((e) => new DriveUser(this.ws, e));
  }
  getAccess(user: string | GoogleAppsScript.Base.User): Permission {
    const item = this._item();
    const e = emailArg(user);
    if (item.owner === e) return enumOut<Permission>("OWNER");
    if (canEdit(this.ws, item, e)) return enumOut<Permission>("EDIT");
    const direct = [item, ...ancestors(this.ws, item)];
    if (direct.some((it) => it.commenters.includes(e))) return enumOut<Permission>("COMMENT");
    if (canRead(this.ws, item, e)) return enumOut<Permission>("VIEW");
    return enumOut<Permission>("NONE");
  }
  getParents(): DriveFolderIterator {
    const item = this._item();
    const me = actor(this.ws);
    const ids = item.parents.filter((p) => {
      const parent = getDriveItem(this.ws, p);
      return parent && (isHarness(this.ws) || canRead(this.ws, parent, me));
    });
    return new DriveFolderIterator(this.ws, ids);
  }
  setName(name: string): this {
    const item = this._item();
    editable(this.ws, item);
    item.name = String(name);
    changed(this.ws, item);
    return this;
  }
  setDescription(description: string): this {
    const item = this._item();
    editable(this.ws, item);
    item.description = description === null ? null : String(description);
    changed(this.ws, item);
    return this;
  }
  setStarred(starred: boolean): this {
    this._item().starred = !!starred;
    return this;
  }
  setTrashed(trashed: boolean): this {
    const item = this._item();
    ownerOnly(this.ws, item);
    item.trashed = !!trashed;
    changed(this.ws, item);
    return this;
  }
  setSharing(accessType: Access, permissionType: Permission): this {
    const item = this._item();
    const access = accessArg(accessType);
    const permission = permissionArg(permissionType);
    editable(this.ws, item);
    item.access = access;
    item.permission = permission;
    changed(this.ws, item);
    return this;
  }
  addEditor(user: string | GoogleAppsScript.Base.User): this {
    const item = this._item();
    editable(this.ws, item);
    const e = checkEmail(emailArg(user));
    if (e === item.owner) return this;
    item.viewers = item.viewers.filter((v) => v !== e);
    item.commenters = item.commenters.filter((v) => v !== e);
    if (!item.editors.includes(e)) item.editors.push(e);
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  addViewer(user: string | GoogleAppsScript.Base.User): this {
    const item = this._item();
    editable(this.ws, item);
    const e = checkEmail(emailArg(user));
    if (e === item.owner || item.editors.includes(e) || item.viewers.includes(e)) return this;
    item.viewers.push(e);
    return this;
  }
  addViewers(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.addViewer(e);
    return this;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): this {
    const item = this._item();
    editable(this.ws, item);
    const e = emailArg(user);
    item.editors = item.editors.filter((v) => v !== e);
    return this;
  }
  removeViewer(user: string | GoogleAppsScript.Base.User): this {
    const item = this._item();
    editable(this.ws, item);
    const e = emailArg(user);
    item.viewers = item.viewers.filter((v) => v !== e);
    item.commenters = item.commenters.filter((v) => v !== e);
    return this;
  }
  revokePermissions(user: string | GoogleAppsScript.Base.User): this {
    const item = this._item();
    editable(this.ws, item);
    const e = emailArg(user);
    item.editors = item.editors.filter((v) => v !== e);
    item.viewers = item.viewers.filter((v) => v !== e);
    item.commenters = item.commenters.filter((v) => v !== e);
    return this;
  }
  moveTo(destination: DriveFolder): this {
    const item = this._item();
    if (!(destination instanceof DriveFolder)) throw serviceError("Invalid argument: destination");
    const target = destination._driveItem();
    editable(this.ws, item);
    editable(this.ws, target);
    item.parents = [target.id];
    changed(this.ws, item);
    return this;
  }
}

/** The File and Folder methods whose parameter and return types are checked against the real ones. */
type ItemKeys =
  | "getId"
  | "getName"
  | "getUrl"
  | "getDescription"
  | "getDateCreated"
  | "getLastUpdated"
  | "getSize"
  | "isTrashed"
  | "isStarred"
  | "getSharingAccess"
  | "getSharingPermission"
  | "getAccess";

export class DriveFile
  extends DriveItemObject
  implements Pick<GoogleAppsScript.Drive.File, ItemKeys | "getMimeType" | "getDownloadUrl">
{
  readonly gasClass = "File";
  protected override _item(): DriveItem {
    return readable(this.ws, this.id, false);
  }
  getMimeType(): string {
    return this._item().mimeType;
  }
  getSize(): number {
    const item = this._item();
    return item.content ? item.content.length : 0;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._item().id}&export=download`;
  }
  getBlob(): Blob {
    const item = this._item();
    return exportItem(this.ws, item, isGoogleType(item.mimeType) ? MIME.pdf : item.mimeType);
  }
  getAs(contentType: string): Blob {
    return exportItem(this.ws, this._item(), String(contentType));
  }
  setContent(content: string): DriveFile {
    const item = this._item();
    editable(this.ws, item);
    if (!item.content) throw serviceError(`Cannot set content of ${item.mimeType}.`);
    item.content = Buffer.from(String(content), "utf8");
    item.revisions.push({
      id: this.ws.newId(40),
      modifiedMs: this.ws.now(),
      user: actor(this.ws),
      mimeType: item.mimeType,
      content: Buffer.from(item.content),
    });
    changed(this.ws, item);
    return this;
  }
  makeCopy(nameOrFolder?: string | DriveFolder, destination?: DriveFolder): DriveFile {
    const item = this._item();
    let name = `Copy of ${item.name}`;
    let folder: DriveFolder | null = null;
    if (nameOrFolder instanceof DriveFolder) folder = nameOrFolder;
    else if (nameOrFolder !== undefined && nameOrFolder !== null) name = String(nameOrFolder);
    if (destination !== undefined && destination !== null) {
      if (!(destination instanceof DriveFolder)) throw serviceError("Invalid argument: destination");
      folder = destination;
    }
    let parentId: string | null = null;
    if (folder) {
      const target = folder._driveItem();
      editable(this.ws, target);
      parentId = target.id;
    }
    const copy = copyItem(this.ws, item, name, parentId);
    return new DriveFile(this.ws, copy.id);
  }
}

export class DriveFolder extends DriveItemObject implements Pick<GoogleAppsScript.Drive.Folder, ItemKeys> {
  readonly gasClass = "Folder";
  protected override _item(): DriveItem {
    return readable(this.ws, this.id, true);
  }
  getSize(): number {
    return 0;
  }
  createFile(nameOrBlob: string | Blob, content?: string, mimeType?: string): DriveFile {
    const folder = this._item();
    editable(this.ws, folder);
    return new DriveFile(this.ws, newFile(this.ws, folder.id, nameOrBlob, content, mimeType).id);
  }
  createFolder(name: string): DriveFolder {
    const folder = this._item();
    editable(this.ws, folder);
    const item = createDriveItem(this.ws, {
      name: String(name),
      mimeType: MIME.folder,
      owner: actor(this.ws),
      parentId: folder.id,
    });
    return new DriveFolder(this.ws, item.id);
  }
  getFiles(): DriveFileIterator {
    const id = this._item().id;
    return fileIterator(this.ws, (it) => it.parents.includes(id));
  }
  getFilesByName(name: string): DriveFileIterator {
    const id = this._item().id;
    return fileIterator(this.ws, (it) => it.parents.includes(id) && it.name === String(name));
  }
  getFilesByType(mimeType: string): DriveFileIterator {
    const id = this._item().id;
    return fileIterator(this.ws, (it) => it.parents.includes(id) && it.mimeType === String(mimeType));
  }
  getFolders(): DriveFolderIterator {
    const id = this._item().id;
    return folderIterator(this.ws, (it) => it.parents.includes(id));
  }
  getFoldersByName(name: string): DriveFolderIterator {
    const id = this._item().id;
    return folderIterator(this.ws, (it) => it.parents.includes(id) && it.name === String(name));
  }
}

function newFile(
  ws: Workspace,
  parentId: string,
  nameOrBlob: unknown,
  content: string | undefined,
  mimeType: string | undefined,
): DriveItem {
  if (typeof nameOrBlob === "string") {
    if (content === undefined) throw serviceError("Invalid argument: content");
    const type = mimeType === undefined || mimeType === null ? MIME.text : String(mimeType);
    if (isGoogleType(type)) throw serviceError(`Invalid mime type: ${type}`);
    return createDriveItem(ws, {
      name: nameOrBlob,
      mimeType: type,
      owner: actor(ws),
      parentId,
      content: Buffer.from(String(content), "utf8"),
    });
  }
  const blob = blobArg(nameOrBlob);
  return createDriveItem(ws, {
    name: blob.getName() ?? "Untitled",
    mimeType: blob.getContentType() ?? "application/octet-stream",
    owner: actor(ws),
    parentId,
    content: Buffer.from(blob._buffer()),
  });
}

export class DriveAppService
  extends GasObject
  implements Pick<GoogleAppsScript.Drive.DriveApp, "getStorageLimit" | "getStorageUsed">
{
  readonly gasClass = "DriveApp";
  constructor(private readonly ws: Workspace) {
    super();
  }
  override gasProps(): Record<string, unknown> {
    return { Access: enumObject(ACCESS), Permission: enumObject(PERMISSION) };
  }
  getFileById(id: string): DriveFile {
    return new DriveFile(this.ws, readable(this.ws, String(id), false).id);
  }
  getFolderById(id: string): DriveFolder {
    return new DriveFolder(this.ws, readable(this.ws, String(id), true).id);
  }
  getRootFolder(): DriveFolder {
    return new DriveFolder(this.ws, rootFolderId(this.ws, actor(this.ws)));
  }
  createFolder(name: string): DriveFolder {
    const item = createDriveItem(this.ws, {
      name: String(name),
      mimeType: MIME.folder,
      owner: actor(this.ws),
    });
    return new DriveFolder(this.ws, item.id);
  }
  createFile(nameOrBlob: string | Blob, content?: string, mimeType?: string): DriveFile {
    const root = rootFolderId(this.ws, actor(this.ws));
    return new DriveFile(this.ws, newFile(this.ws, root, nameOrBlob, content, mimeType).id);
  }
  getFiles(): DriveFileIterator {
    return fileIterator(this.ws, () => true);
  }
  getFilesByName(name: string): DriveFileIterator {
    return fileIterator(this.ws, (it) => it.name === String(name));
  }
  getFilesByType(mimeType: string): DriveFileIterator {
    return fileIterator(this.ws, (it) => it.mimeType === String(mimeType));
  }
  getFolders(): DriveFolderIterator {
    return folderIterator(this.ws, () => true);
  }
  getFoldersByName(name: string): DriveFolderIterator {
    return folderIterator(this.ws, (it) => it.name === String(name));
  }
  getTrashedFiles(): DriveFileIterator {
    return fileIterator(this.ws, (it) => it.trashed);
  }
  continueFileIterator(token: string): DriveFileIterator {
    const { ids, pos } = parseToken(token);
    const it = new DriveFileIterator(this.ws, ids.slice(pos));
    return it;
  }
  getStorageLimit(): number {
    return 30 * 1024 ** 3;
  }
  getStorageUsed(): number {
    const me = actor(this.ws);
    let used = 0;
    for (const it of driveState(this.ws).items.values())
      if (it.owner === me && it.content) used += it.content.length;
    return used;
  }
}

function parseToken(token: string): { ids: string[]; pos: number } {
  try {
    const v = JSON.parse(Buffer.from(String(token), "base64url").toString("utf8")) as {
      ids: string[];
      pos: number;
    };
    if (!Array.isArray(v.ids) || typeof v.pos !== "number") throw new Error("bad");
    return v;
  } catch {
    throw serviceError("Invalid argument: continuationToken");
  }
}

// ---------------------------------------------------------------------------------------------
// Drive advanced service (v3)

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

export function install(ws: Workspace): Record<string, unknown> {
  driveState(ws);
  // Dumps: the item list as JSON, and the bytes of every ordinary file.
  registerDumper("drive", (w) => {
    const st = driveState(w);
    const files: Record<string, string | Uint8Array> = {};
    for (const it of st.items.values()) {
      if (it.content)
        files[`${it.id}-${it.name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 80)}`] = it.content;
    }
    return { json: st.toJSON(), files };
  });
  return { DriveApp: new DriveAppService(ws), Drive: new DriveAdvancedService(ws) };
}
