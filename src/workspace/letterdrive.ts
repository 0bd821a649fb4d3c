/**
 * What the credential letter's two workspace modules share (letter.ts makes letters,
 * lettersetup.ts makes their template and folders): the Script Property keys of the Drive ids,
 * the Drive advanced service (v3, `drive.file` scope) and the failures it can end in.
 */
import { PROP } from "../domain/keys.js";
import { t } from "../domain/text/index.js";
import { errorFacts } from "./directory.js";
import { configuredLanguage } from "./settings.js";

export const TEMPLATE_ID_KEY = PROP.letterTemplateId;
/** The password reset letter's template. */
export const RESET_TEMPLATE_ID_KEY = PROP.resetTemplateId;
export const ARCHIVE_FOLDER_KEY = PROP.letterArchiveFolderId;
export const WORK_FOLDER_KEY = PROP.letterWorkFolderId;

type DriveFiles = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type DrivePermissions = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
export type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/**
 * A Drive call of the letter failed. It keeps Google's message but not its code: a failed copy or
 * export is retried like any passing failure, never read as a Directory error (flows/provision/failures.ts failureFacts).
 */
export class DriveFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DriveFailure";
  }
}

export function driveApi(): { files: DriveFiles; permissions: DrivePermissions } {
  if (typeof Drive === "undefined" || !Drive.Files || !Drive.Permissions)
    throw new Error(t(configuredLanguage(), "drive.not_enabled"));
  return { files: Drive.Files, permissions: Drive.Permissions };
}

/** Runs Drive or Docs API calls; an API error becomes a DriveFailure (message kept, code dropped). */
export function viaDrive<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (errorFacts(e).code !== undefined) throw new DriveFailure(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

/** Whether a Drive error says the file cannot be reached (missing, or not created by this project). */
export function notFound(e: unknown): boolean {
  return errorFacts(e).code === 404;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${id}`;
}

/** A problem with the template that stops a letter (shown to administrators). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

/** The letter's Drive ids, read once per execution (one Properties call instead of one per id). */
let ids: Record<string, string> | null = null;

export function letterIds(): Record<string, string> {
  if (!ids) ids = props().getProperties();
  return ids;
}

/** Setup is changing the ids: the next read asks Script Properties again. */
export function forgetLetterIds(): void {
  ids = null;
}

/** A letter Drive id setup records; missing, the letter cannot be made (a TemplateError). */
export function requiredId(key: string, what: "template" | "archive" | "work"): string {
  const id = letterIds()[key];
  if (!id) {
    const lang = configuredLanguage();
    throw new TemplateError(t(lang, "letter.not_set_up", { what: t(lang, `letter.what.${what}`) }));
  }
  return id;
}

/** The id in a Docs or Drive URL ("…/d/<id>/…"). */
export function idFromUrl(url: string): string {
  const m = /\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m ? m[1]! : "";
}
