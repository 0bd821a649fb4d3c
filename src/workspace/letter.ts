/**
 * The credential letter on Google Drive and Docs.
 *
 * - The template: a Google Doc setup writes from domain/letters.ts defaultCredentialLetter();
 *   administrators may edit it (placeholders {{…}} are documented in docs/LETTER.md).
 * - The archive copy: per letter, a copy of the template in the restricted archive folder, filled
 *   with the password MASKED (letters.ts archiveValues): it never contains a password.
 * - The applicant's letter: a copy of the archive copy in the work folder in which only the mask
 *   is replaced by the password; saved, exported to PDF (in memory) and at once deleted for good
 *   with the Drive advanced service (Drive.Files.remove: a trashed file stays 30 days and a
 *   document keeps its revisions, both with the password). A copy left behind by an execution
 *   that was cut off is removed by the sweep (cleanupWorkCopies).
 * Values are written in one pass over the template's own placeholders (fill); a value never
 * carries "{{", "}}" or the password mask (neutralValue), and the password and any value holding
 * `$` or `\` are written literally with insertText/deleteText, never as a replaceText
 * replacement: nothing depends on how replaceText reads those characters.
 *
 * The letter itself is an official Indonesian document (tata naskah dinas) and stays Indonesian
 * in every office; the names and descriptions of the Drive files made at setup and the problems
 * reported to administrators follow the office's language.
 */
import {
  ARCHIVE_PASSWORD_MASK,
  neutralValue,
  LETTER_PLACEHOLDERS,
  letterCounterKey,
  localParts,
  formatLetterNumber,
  missingPlaceholders,
  unknownPlaceholders,
  usedPlaceholders,
  type LetterParagraph,
  type LetterValues,
  type StyleHint,
} from "../domain/letters.js";
import type { Language, OfficeConfig } from "../domain/config.js";
import { t } from "../domain/text/index.js";
import { errorText } from "./errors.js";
import { configuredLanguage } from "./settings.js";

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Section = Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

export const TEMPLATE_ID_KEY = "surel:letterTemplateId";
export const ARCHIVE_FOLDER_KEY = "surel:letterArchiveFolderId";
export const WORK_FOLDER_KEY = "surel:letterWorkFolderId";

/** Names of the Drive files setup makes (found again by their ids in Script Properties, never by name). */
export const TEMPLATE_NAME = t("id", "letter.name.template");
export const ARCHIVE_FOLDER_NAME = t("id", "letter.name.archive");
export const WORK_FOLDER_NAME = t("id", "letter.name.work");
/** Name prefix of working copies (they hold a password for a few seconds). */
export const WORK_PREFIX = "kerja-";
/** A working copy older than this has no live execution using it. */
export const WORK_COPY_MAX_AGE_MS = 10 * 60_000;
const PDF = "application/pdf";

/** A problem with the template that stops a letter (shown to administrators). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

/** A literal text as a search pattern. */
export function escapePattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

// ---------------------------------------------------------------------------------------------
// Setup: template, archive folder, work folder
// ---------------------------------------------------------------------------------------------

function styleParagraph(p: Paragraph, hints: readonly StyleHint[]): void {
  const A = DocumentApp.Attribute;
  const attrs: Record<string, unknown> = {};
  attrs[A.FONT_FAMILY] = "Arial";
  attrs[A.FONT_SIZE] = hints.includes("heading") ? 13 : hints.includes("small") ? 9 : 11;
  attrs[A.BOLD] = hints.includes("bold") || hints.includes("heading");
  if (hints.includes("underline")) attrs[A.UNDERLINE] = true;
  // Single spacing, as official letters are typed (Docs' default is 1.15): the letter fits one page.
  attrs[A.LINE_SPACING] = 1;
  attrs[A.SPACING_BEFORE] = 0;
  attrs[A.SPACING_AFTER] = hints.includes("list") ? 4 : 0;
  if (hints.includes("signature")) {
    attrs[A.INDENT_START] = 270;
    attrs[A.INDENT_FIRST_LINE] = 270;
  } else if (hints.includes("list")) {
    attrs[A.INDENT_START] = 18;
    attrs[A.INDENT_FIRST_LINE] = 0;
  }
  p.setAttributes(attrs);
  const H = DocumentApp.HorizontalAlignment;
  if (hints.includes("center")) p.setAlignment(H.CENTER);
  else if (hints.includes("right")) p.setAlignment(H.RIGHT);
  else if (hints.includes("justify")) p.setAlignment(H.JUSTIFY);
}

/**
 * Writes a structured letter into a document body. Runs of "tabbed" lines ("Nomor\t: …") become
 * one borderless two-column table: Docs has no tab stops in Apps Script, and default tab stops
 * would not line the colons up.
 */
export function writeLetterBody(body: Body, paragraphs: readonly LetterParagraph[]): void {
  body.clear();
  // A4 with the margins of official letters (about 2 cm, 2.5 cm on the binding side).
  body.setMarginTop(57).setMarginBottom(57).setMarginLeft(71).setMarginRight(57);
  const blank = body.getChild(0);
  let i = 0;
  while (i < paragraphs.length) {
    const para = paragraphs[i]!;
    if (para.hints.includes("tabbed")) {
      const group: LetterParagraph[] = [];
      while (i < paragraphs.length && paragraphs[i]!.hints.includes("tabbed")) group.push(paragraphs[i++]!);
      const cells = group.map((g) => {
        const [label, ...rest] = g.text.split("\t");
        return [label ?? "", rest.join(" ")];
      });
      const table = body.appendTable(cells);
      table.setBorderWidth(0);
      table.setColumnWidth(0, 130);
      group.forEach((g, r) => {
        for (let c = 0; c < 2; c++) {
          const cell = table.getCell(r, c);
          cell.setPaddingTop(1).setPaddingBottom(1).setPaddingLeft(0);
          styleParagraph(cell.getChild(0).asParagraph(), g.hints);
        }
      });
      continue;
    }
    const p = body.appendParagraph(para.text);
    styleParagraph(p, para.hints);
    if (para.hints.includes("rule")) p.appendHorizontalRule();
    i++;
  }
  if (paragraphs.length > 0) blank.removeFromParent();
}

/** What is wrong with a template text (empty when it can make letters), in `lang`. */
export function templateProblems(text: string, lang: Language = "id"): string[] {
  const problems: string[] = [];
  const unknown = unknownPlaceholders(text);
  if (unknown.length)
    problems.push(
      t(lang, "letter.template.unknown", { placeholders: unknown.map((k) => `{{${k}}}`).join(", ") }),
    );
  const stray = missingPlaceholders(text.replace(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/g, ""));
  if (stray.length) problems.push(t(lang, "letter.template.braces", { text: stray.join(", ") }));
  const used = usedPlaceholders(text);
  for (const key of ["KATA_SANDI", "ALAMAT_SUREL"])
    if (!used.includes(key)) problems.push(t(lang, "letter.template.missing", { placeholder: `{{${key}}}` }));
  return problems;
}

function openFile(id: string | null): GoogleAppsScript.Drive.File | null {
  if (!id) return null;
  try {
    const f = DriveApp.getFileById(id);
    return f.isTrashed() ? null : f;
  } catch {
    return null;
  }
}

function openFolder(id: string | null): GoogleAppsScript.Drive.Folder | null {
  if (!id) return null;
  try {
    const f = DriveApp.getFolderById(id);
    return f.isTrashed() ? null : f;
  } catch {
    return null;
  }
}

export interface LetterResources {
  templateId: string;
  templateUrl: string;
  archiveFolderId: string;
  archiveFolderUrl: string;
  workFolderId: string;
  /** Problems of an existing (edited) template. */
  problems: string[];
  created: string[];
}

/**
 * A folder only its owner (the installer) and, read-only, the administrators can open: viewers
 * who are no longer administrators (taken out of the settings) are removed.
 */
function restrict(folder: GoogleAppsScript.Drive.Folder, viewers: string[]): void {
  if (folder.getSharingAccess() !== DriveApp.Access.PRIVATE)
    folder.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  const keep = new Set(viewers.map((v) => v.toLowerCase()));
  for (const user of folder.getViewers()) {
    const email = user.getEmail().toLowerCase();
    if (email && !keep.has(email)) folder.removeViewer(email);
  }
  if (viewers.length) folder.addViewers(viewers);
}

/**
 * Creates what is missing (template, archive folder, work folder) and stores the ids in Script
 * Properties; existing ones are kept (an edited template is never overwritten) and checked.
 */
export function ensureLetterResources(
  config: OfficeConfig,
  paragraphs: readonly LetterParagraph[],
): LetterResources {
  const p = props();
  const lang = config.language;
  ids = null;
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const admins = config.admins.map((a) => a.toLowerCase()).filter((a) => a && a !== me);
  const created: string[] = [];
  let problems: string[] = [];

  let template = openFile(p.getProperty(TEMPLATE_ID_KEY));
  if (!template) {
    const doc = DocumentApp.create(t(lang, "letter.name.template"));
    writeLetterBody(doc.getBody(), paragraphs);
    doc.saveAndClose();
    template = DriveApp.getFileById(doc.getId());
    template.setDescription(t(lang, "letter.description.template", { example: "{{\u2026}}" }));
    if (admins.length) template.addEditors(admins);
    p.setProperty(TEMPLATE_ID_KEY, template.getId());
    created.push("template");
  } else {
    const doc = DocumentApp.openById(template.getId());
    const texts = [doc.getBody().getText()];
    const header = doc.getHeader();
    const footer = doc.getFooter();
    if (header) texts.push(header.getText());
    if (footer) texts.push(footer.getText());
    problems = templateProblems(texts.join("\n"), lang);
  }

  let archive = openFolder(p.getProperty(ARCHIVE_FOLDER_KEY));
  if (!archive) {
    archive = DriveApp.createFolder(t(lang, "letter.name.archive"));
    archive.setDescription(t(lang, "letter.description.archive"));
    p.setProperty(ARCHIVE_FOLDER_KEY, archive.getId());
    created.push("archive");
  }
  restrict(archive, admins);

  let work = openFolder(p.getProperty(WORK_FOLDER_KEY));
  if (!work) {
    work = DriveApp.createFolder(t(lang, "letter.name.work"));
    work.setDescription(t(lang, "letter.description.work"));
    p.setProperty(WORK_FOLDER_KEY, work.getId());
    created.push("work");
  }
  restrict(work, []);

  return {
    templateId: template.getId(),
    templateUrl: template.getUrl(),
    archiveFolderId: archive.getId(),
    archiveFolderUrl: archive.getUrl(),
    workFolderId: work.getId(),
    problems,
    created,
  };
}

/** The letter's Drive ids, read once per execution (one Properties call instead of one per id). */
let ids: Record<string, string> | null = null;

function requiredId(key: string, what: "template" | "archive" | "work"): string {
  if (!ids) ids = props().getProperties();
  const id = ids[key];
  if (!id) {
    const lang = configuredLanguage();
    throw new TemplateError(t(lang, "letter.not_set_up", { what: t(lang, `letter.what.${what}`) }));
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Letter numbers
// ---------------------------------------------------------------------------------------------

/**
 * The next letter number (the caller holds the script lock): a yearly serial in Script
 * Properties, so numbers are unique and restart every year.
 */
export function allocateLetterNumber(config: OfficeConfig, offsetMinutes: number, nowMs: number): string {
  const p = props();
  const year = localParts(nowMs, offsetMinutes).year;
  const key = letterCounterKey(year);
  const serial = Number(p.getProperty(key) ?? "0") + 1;
  p.setProperty(key, String(serial));
  return formatLetterNumber(config.letter.numberPattern, {
    kode: config.letter.classification,
    nomor: serial,
    unit: config.letter.unitCode,
    dateMs: nowMs,
    utcOffsetMinutes: offsetMinutes,
    serialPadding: config.letter.serialPadding,
    language: config.language,
  });
}

// ---------------------------------------------------------------------------------------------
// Filling
// ---------------------------------------------------------------------------------------------

function sectionsOf(doc: GoogleAppsScript.Document.Document): Section[] {
  const out: Section[] = [doc.getBody()];
  const header = doc.getHeader();
  const footer = doc.getFooter();
  if (header) out.push(header);
  if (footer) out.push(footer);
  return out;
}

/**
 * Every occurrence of a pattern in a section, in document order, found BEFORE anything is
 * written.
 */
function findAll(section: Section, pattern: string): GoogleAppsScript.Document.RangeElement[] {
  const found: GoogleAppsScript.Document.RangeElement[] = [];
  let hit = section.findText(pattern);
  while (hit) {
    found.push(hit);
    hit = section.findText(pattern, hit);
  }
  return found;
}

/**
 * Writes `value` in place of the text at [start, end] of a run with insertText + deleteText: the
 * value is literal (no replacement syntax) and keeps the placeholder's formatting (inserted right
 * after it, then the placeholder removed).
 */
function writeAt(text: GoogleAppsScript.Document.Text, start: number, end: number, value: string): void {
  if (value !== "") text.insertText(end + 1, value);
  text.deleteText(start, end);
}

/** Writes a literal value over every match of `pattern` in a section (from the last one back). */
function writeLiteral(section: Section, pattern: string, value: string): number {
  const hits = findAll(section, pattern);
  for (let i = hits.length - 1; i >= 0; i--) {
    const hit = hits[i]!;
    writeAt(hit.getElement().asText(), hit.getStartOffset(), hit.getEndOffsetInclusive(), value);
  }
  return hits.length;
}

/**
 * Fills the document in ONE pass over the template's own placeholders: the keys are read from
 * the template's text before anything is written and each is filled once. No value can bring a
 * placeholder or the password mask in (neutralValue removes "{{", "}}" and the mask's bullets),
 * so nothing a value writes is ever filled again: the result is that of a single pass.
 * A value is written with replaceText only when it holds neither `$` nor `\\` (the characters
 * a replaceText replacement treats specially); otherwise it is found and written literally
 * (findText + insertText/deleteText): the letter depends on no model of the replacement syntax.
 * Throws a TemplateError when the template has a placeholder without a value or a malformed one.
 */
function fill(doc: GoogleAppsScript.Document.Document, values: LetterValues): void {
  const problems: string[] = [];
  for (const section of sectionsOf(doc)) {
    const template = section.getText();
    problems.push(...missingPlaceholders(template.replace(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/g, "")));
    for (const key of usedPlaceholders(template)) {
      if (!Object.prototype.hasOwnProperty.call(values, key)) {
        problems.push(key);
        continue;
      }
      const value = key === "KATA_SANDI" ? values[key]! : neutralValue(values[key]!);
      const pattern = `\\{\\{\\s*${key}\\s*\\}\\}`;
      if (/[$\\]/.test(value)) writeLiteral(section, pattern, value);
      else section.replaceText(pattern, value);
    }
  }
  if (problems.length)
    throw new TemplateError(
      t(configuredLanguage(), "letter.template.unfilled", {
        placeholders: [...new Set(problems)].join(", "),
        known: LETTER_PLACEHOLDERS.map((x) => x.key).join(", "),
      }),
    );
}

function driveFiles(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  const files = Drive?.Files;
  if (!files) throw new Error(t(configuredLanguage(), "drive.not_enabled"));
  return files;
}

/** Deletes a file for good (not to the trash: a trashed document keeps its content and revisions). */
function removeForGood(id: string): void {
  driveFiles().remove(id);
}

/** The archive copy's file name (deterministic, so a half-made copy can be found again). */
export function archiveName(letterNumber: string, ticket: string): string {
  return `Surat ${letterNumber.replace(/\//g, "-")} \u2013 ${ticket}`;
}

/** Removes copies a cut-off run left in the archive folder under this name. Returns how many. */
export function removeArchiveLeftovers(name: string): number {
  const folder = DriveApp.getFolderById(requiredId(ARCHIVE_FOLDER_KEY, "archive"));
  const found = folder.getFilesByName(name);
  const ids: string[] = [];
  while (found.hasNext()) ids.push(found.next().getId());
  for (const id of ids) removeForGood(id);
  return ids.length;
}

/**
 * The archive copy: the template filled with the password masked, kept in the restricted archive
 * folder. A copy that cannot be filled completely is removed and a TemplateError thrown.
 */
export function makeArchiveCopy(values: LetterValues, name: string): { id: string; url: string } {
  if (values.KATA_SANDI !== ARCHIVE_PASSWORD_MASK)
    throw new Error("archive copy: the password must be masked");
  const template = DriveApp.getFileById(requiredId(TEMPLATE_ID_KEY, "template"));
  const folder = DriveApp.getFolderById(requiredId(ARCHIVE_FOLDER_KEY, "archive"));
  const copy = template.makeCopy(name, folder);
  try {
    const doc = DocumentApp.openById(copy.getId());
    fill(doc, values);
    doc.saveAndClose();
  } catch (e) {
    try {
      removeForGood(copy.getId());
    } catch {
      // The archive folder holds no password; the next attempt removes leftovers by name.
    }
    throw e;
  }
  return { id: copy.getId(), url: copy.getUrl() };
}

/** The id in a Docs or Drive URL ("…/d/<id>/…"). */
export function idFromUrl(url: string): string {
  const m = /\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m ? m[1]! : "";
}

/**
 * The applicant's letter as a PDF blob (in memory): a working copy of the archive copy with the
 * mask replaced by the password, exported, then deleted for good. `onCleanupError` hears about a
 * failed deletion (the sweep removes the copy later); the letter is returned anyway.
 */
export function letterPdf(
  archiveId: string,
  password: string,
  fileName: string,
  ticket: string,
  onCleanupError: (message: string) => void,
): GoogleAppsScript.Base.Blob {
  const source = DriveApp.getFileById(archiveId);
  const work = DriveApp.getFolderById(requiredId(WORK_FOLDER_KEY, "work"));
  const copy = source.makeCopy(`${WORK_PREFIX}${ticket}`, work);
  try {
    const doc = DocumentApp.openById(copy.getId());
    const mask = escapePattern(ARCHIVE_PASSWORD_MASK);
    let found = false;
    for (const section of sectionsOf(doc)) {
      // No value can contain the mask (neutralValue): every mask is the template's {{KATA_SANDI}}.
      // The password is written literally (find + insert), never as a replaceText replacement.
      if (writeLiteral(section, mask, password) > 0) found = true;
    }
    if (!found)
      throw new TemplateError(
        t(configuredLanguage(), "letter.template.no_password", { placeholder: "{{KATA_SANDI}}" }),
      );
    doc.saveAndClose();
    return copy.getAs(PDF).setName(fileName);
  } finally {
    try {
      removeForGood(copy.getId());
    } catch (e) {
      onCleanupError(
        t(configuredLanguage(), "letter.work_copy_left", { id: copy.getId(), detail: errorText(e) }),
      );
    }
  }
}

/** The archive copy as a PDF (no password in it), e.g. for the OPD's copy. */
export function archivePdf(archiveId: string, fileName: string): GoogleAppsScript.Base.Blob {
  return DriveApp.getFileById(archiveId).getAs(PDF).setName(fileName);
}

/**
 * Deletes for good working copies older than WORK_COPY_MAX_AGE_MS (left by executions that were
 * cut off between filling and deleting), trashed ones included. Returns how many.
 */
export function cleanupWorkCopies(nowMs: number): number {
  if (!ids) ids = props().getProperties();
  const id = ids[WORK_FOLDER_KEY];
  if (!id) return 0;
  const before = new Date(nowMs - WORK_COPY_MAX_AGE_MS).toISOString();
  const list = driveFiles().list({
    q: `'${id}' in parents and createdTime < '${before}'`,
    fields: "files(id,name,createdTime)",
    pageSize: 100,
  });
  let removed = 0;
  for (const f of list.files ?? []) {
    if (!f.id || !String(f.name ?? "").startsWith(WORK_PREFIX)) continue;
    removeForGood(f.id);
    removed++;
  }
  return removed;
}

/** Sends the letter mail with its PDF; throws what MailApp throws. */
export function sendLetterMail(
  config: OfficeConfig,
  to: string,
  mail: { subject: string; body: string; htmlBody: string },
  pdf: GoogleAppsScript.Base.Blob,
): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: t(config.language, "mail.sender", { office: config.office.shortName || config.office.name }),
    attachments: [pdf],
  };
  if (config.office.email) message.replyTo = config.office.email;
  MailApp.sendEmail(message);
}
