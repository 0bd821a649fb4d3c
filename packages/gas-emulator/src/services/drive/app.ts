/** DriveApp: File, Folder, User, the iterators and the service object (the store: ./model.ts). */
import { Blob, GasObject, serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { domainOf } from "../sharing.js";
import {
  MIME,
  type AccessName,
  type PermissionName,
  ACCESS,
  PERMISSION,
  ITERATOR_END,
  type DriveItem,
  driveState,
  actor,
  isHarness,
  rootFolderId,
  createDriveItem,
  getDriveItem,
  ancestors,
  canRead,
  canEdit,
  readable,
  editable,
  ownerOnly,
  changed,
  fileUrl,
  isGoogleType,
  emailArg,
  checkEmail,
  blobArg,
  exportItem,
  copyItem,
} from "./model.js";

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
export function visibleItems(ws: Workspace, filter: (it: DriveItem) => boolean): string[] {
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
