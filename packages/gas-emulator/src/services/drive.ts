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
import { registerDumper } from "../dump.js";
import type { Workspace } from "../workspace.js";
import { driveState } from "./drive/model.js";
import { DriveAppService } from "./drive/app.js";
import { DriveAdvancedService } from "./drive/v3.js";

export * from "./drive/model.js";
export * from "./drive/app.js";
export * from "./drive/v3.js";

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
