/**
 * The credential letter on Google Drive and Docs: its number, its archive copy, the applicant's
 * PDF and the working copies that hold the password for a moment. Setup's side (the template and
 * the folders) is lettersetup.ts; what both use (the Drive ids, the Drive service) letterdrive.ts.
 *
 * - The template: a Google Doc setup writes (lettersetup.ts); administrators may edit it.
 * - The archive copy: per letter, ONE copy of the template in the restricted archive folder,
 *   filled with the password MASKED (letters.ts archiveValues) by one Docs API batchUpdate
 *   carrying every placeholder (replaceAllText; fillUsual). A template with a placeholder spelled
 *   otherwise ("{{ NAMA }}") or a problem costs a second copy, a read and a second batchUpdate
 *   (fill). It never holds a password, in any revision: it is filled with the mask only.
 * - The applicant's letter: a short-lived working copy of the archive copy in the work folder, in
 *   which one batchUpdate writes the password over the mask; exported to PDF (in memory) and at
 *   once deleted for good with the Drive advanced service (Drive.Files.remove: a trashed file
 *   stays 30 days and a Google Doc keeps its revisions, both with the password). A copy left
 *   behind by an execution that was cut off is removed by the sweep (cleanupWorkCopies).
 * Why two copies and not one: a Google Doc keeps its revision history, and Docs offers no way to
 * delete a Google Doc's revisions (Drive deletes revisions of binary files only). A document that
 * once held the password and was then masked would still hold it in its history, so the archive is
 * never made by masking a document that held it; the password lives only in a document that is
 * deleted for good minutes later. The second copy costs one Drive copy; the fills cost one
 * batchUpdate each instead of a DocumentApp open, ~27 replaceText calls and a save.
 * Drive is reached only through the Drive advanced service (v3) under the `drive.file` scope: it
 * sees the files this project created through it (Drive.Files.create or Drive.Files.copy). The
 * Docs advanced service (API v1, the `documents` scope) fills the copies; DocumentApp exports the
 * PDF.
 * Values are written literally: replaceAllText matches the placeholder as plain text and writes
 * replaceText as plain text (no pattern syntax), so a name holding `$` or `\` and the password are
 * written as they are (test/flows/letter-fill.test.ts). A value never carries "{{", "}}" or the
 * password mask (neutralValue) nor a line break.
 *
 * The letter itself is an official Indonesian document (tata naskah dinas) and stays Indonesian
 * in every office; the problems reported to administrators follow the office's language.
 */
import {
  ARCHIVE_PASSWORD_MASK,
  neutralValue,
  missingPlaceholders,
  LETTER_PLACEHOLDERS,
  formatLetterNumber,
  type LetterValues,
} from "../domain/letters.js";
import type { OfficeConfig } from "../domain/config.js";
import { localParts } from "../domain/dates.js";
import { letterCounterKey } from "../domain/keys.js";
import { t } from "../domain/text/index.js";
import { errorText } from "./errors.js";
import {
  ARCHIVE_FOLDER_KEY,
  docUrl,
  driveApi,
  letterIds,
  props,
  requiredId,
  RESET_TEMPLATE_ID_KEY,
  TEMPLATE_ID_KEY,
  TemplateError,
  viaDrive,
  WORK_FOLDER_KEY,
} from "./letterdrive.js";
import { configuredLanguage } from "./settings.js";

/** Name prefix of working copies (they hold a password for a few seconds). */
export const WORK_PREFIX = "kerja-";
/** A working copy older than this has no live execution using it. */
export const WORK_COPY_MAX_AGE_MS = 10 * 60_000;
const PDF = "application/pdf";

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

type DocsDocuments = GoogleAppsScript.Docs.Collection.DocumentsCollection;
type DocsRequest = GoogleAppsScript.Docs.Schema.Request;
type DocsContent = GoogleAppsScript.Docs.Schema.StructuralElement[];

function docsApi(): DocsDocuments {
  if (typeof Docs === "undefined" || !Docs.Documents)
    throw new Error(t(configuredLanguage(), "docs.not_enabled"));
  return Docs.Documents;
}

/** A document part that holds content (a body, header, footer or footnote). */
interface Segment {
  content?: DocsContent;
}
/** One tab of a document read with includeTabsContent (the Apps Script typings predate tabs). */
interface DocsTab {
  documentTab?: {
    body?: Segment;
    headers?: Record<string, Segment>;
    footers?: Record<string, Segment>;
    footnotes?: Record<string, Segment>;
  };
  childTabs?: DocsTab[];
}

/** The text of structural elements: paragraphs (each ending "\n"), tables' cells, a table of contents. */
function contentText(content: DocsContent | undefined): string {
  let out = "";
  for (const e of content ?? []) {
    for (const el of e.paragraph?.elements ?? []) out += el.textRun?.content ?? "";
    for (const row of e.table?.tableRows ?? [])
      for (const cell of row.tableCells ?? []) out += contentText(cell.content);
    out += contentText(e.tableOfContents?.content);
  }
  return out;
}

/** The text of every part of every tab (child tabs included), one string per part. */
function documentParts(doc: { tabs?: DocsTab[] }): string[] {
  const parts: string[] = [];
  const visit = (tabs: DocsTab[] | undefined): void => {
    for (const tab of tabs ?? []) {
      const d = tab.documentTab ?? {};
      parts.push(contentText(d.body?.content));
      for (const group of [d.headers, d.footers, d.footnotes])
        for (const seg of Object.values(group ?? {})) parts.push(contentText(seg.content));
      visit(tab.childTabs);
    }
  };
  visit(doc.tabs);
  return parts;
}

/** A letter value as it is written: one line (a line break would split the paragraph in Docs). */
function oneLine(value: string): string {
  return value.replace(/[\r\n\v\f\u2028\u2029]+/g, " ");
}

/**
 * The replaceAllText requests that fill a document whose parts hold `parts`: one per placeholder
 * as it is spelled there ("{{NAMA}}", "{{ NAMA }}"), matched literally and case-sensitively, its
 * value written literally (the Docs API's replaceText has no pattern syntax: `$` and `\` are
 * plain characters). No value can bring a placeholder or the password mask in (neutralValue
 * removes "{{", "}}" and the mask's bullets), so the result is that of a single pass.
 * Throws a TemplateError when a placeholder has no value or is malformed.
 */
function fillRequests(parts: readonly string[], values: LetterValues): DocsRequest[] {
  const problems: string[] = [];
  const spellings = new Map<string, string>();
  for (const text of parts) {
    problems.push(...missingPlaceholders(text.replace(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/g, "")));
    for (const m of text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
      const key = m[1]!;
      // A placeholder broken over two paragraphs cannot be matched: it stays a problem.
      if (!Object.prototype.hasOwnProperty.call(values, key) || /[\n\v]/.test(m[0])) problems.push(key);
      else spellings.set(m[0], key);
    }
  }
  if (problems.length)
    throw new TemplateError(
      t(configuredLanguage(), "letter.template.unfilled", {
        placeholders: [...new Set(problems)].join(", "),
        known: LETTER_PLACEHOLDERS.map((x) => x.key).join(", "),
      }),
    );
  return [...spellings].map(([text, key]) => ({
    replaceAllText: {
      containsText: { text, matchCase: true },
      replaceText: oneLine(key === "KATA_SANDI" ? values[key]! : neutralValue(values[key]!)),
    },
  }));
}

/** One literal, case-sensitive replaceAllText request. */
function replaceAll(text: string, replaceText: string): DocsRequest {
  return { replaceAllText: { containsText: { text, matchCase: true }, replaceText } };
}

/**
 * The usual case in ONE Docs API call: every value written over its placeholder as spelled by
 * default ("{{NAMA}}"), then two probes that split any "{{" or "}}" left over (a placeholder spelled
 * otherwise, one without a value, a stray brace) with a zero-width space. True when the probes
 * found nothing: the copy is filled exactly as fill() would have filled it. False: the copy holds a
 * leftover (now split) and must be thrown away. Values never hold "{{" or "}}" (neutralValue), so a
 * probe finds only the template's own text.
 */
function fillUsual(docId: string, values: LetterValues): boolean {
  const requests = Object.keys(values).map((key) =>
    replaceAll(`{{${key}}}`, oneLine(key === "KATA_SANDI" ? values[key]! : neutralValue(values[key]!))),
  );
  requests.push(replaceAll("{{", "{\u200b{"), replaceAll("}}", "}\u200b}"));
  const reply = viaDrive(() => docsApi().batchUpdate({ requests }, docId));
  const found = (i: number): number => Number(reply.replies?.[i]?.replaceAllText?.occurrencesChanged ?? 0);
  return found(requests.length - 2) === 0 && found(requests.length - 1) === 0;
}

/**
 * Fills a copy in two Docs API calls: one read (every tab, header, footer), one batchUpdate with
 * every placeholder, bound to the revision read (writeControl) so it fills exactly what was read.
 */
function fill(docId: string, values: LetterValues): void {
  const api = docsApi();
  const doc = viaDrive(() => api.get(docId, { includeTabsContent: true })) as {
    tabs?: DocsTab[];
    revisionId?: string;
  };
  const requests = fillRequests(documentParts(doc), values);
  if (requests.length === 0) return;
  viaDrive(() =>
    api.batchUpdate(
      { requests, ...(doc.revisionId ? { writeControl: { requiredRevisionId: doc.revisionId } } : {}) },
      docId,
    ),
  );
}

/** Deletes a file for good (not to the trash: a trashed document keeps its content and revisions). */
function removeForGood(id: string): void {
  driveApi().files.remove(id, { supportsAllDrives: true });
}

/** A copy of `sourceId` named `name` in `folderId`, made by this project (so `drive.file` reaches it). */
function copyInto(sourceId: string, name: string, folderId: string): { id: string; url: string } {
  const copy = driveApi().files.copy({ name, parents: [folderId] }, sourceId, {
    fields: "id",
    supportsAllDrives: true,
  });
  const id = String(copy.id);
  return { id, url: docUrl(id) };
}

/** A value inside a Drive query string literal (`'…'`): backslashes and quotes escaped. */
function queryLiteral(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
}

/** The archive copy's file name (deterministic, so a half-made copy can be found again). */
export function archiveName(letterNumber: string, ticket: string): string {
  return `Surat ${letterNumber.replace(/\//g, "-")} \u2013 ${ticket}`;
}

/** Removes copies a cut-off run left in the archive folder under this name. Returns how many. */
export function removeArchiveLeftovers(name: string): number {
  const folder = requiredId(ARCHIVE_FOLDER_KEY, "archive");
  return viaDrive(() => {
    const found =
      driveApi().files.list({
        q: `'${queryLiteral(folder)}' in parents and name = '${queryLiteral(name)}'`,
        fields: "files(id)",
        pageSize: 100,
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
      }).files ?? [];
    for (const f of found) removeForGood(String(f.id));
    return found.length;
  });
}

/**
 * The archive copy: the template filled with the password masked, kept in the restricted archive
 * folder. A copy that cannot be filled completely is removed and a TemplateError thrown.
 */
export function makeArchiveCopy(
  values: LetterValues,
  name: string,
  /** Which template: the credential letter's, or the password reset letter's. */
  kind: "credential" | "reset" = "credential",
): { id: string; url: string } {
  if (values.KATA_SANDI !== ARCHIVE_PASSWORD_MASK)
    throw new Error("archive copy: the password must be masked");
  const template = requiredId(kind === "reset" ? RESET_TEMPLATE_ID_KEY : TEMPLATE_ID_KEY, "template");
  const folder = requiredId(ARCHIVE_FOLDER_KEY, "archive");
  let copy = viaDrive(() => copyInto(template, name, folder));
  try {
    if (!fillUsual(copy.id, values)) {
      // A placeholder spelled otherwise, one without a value or a stray brace: a fresh copy, read
      // and filled exactly (or refused with the template's problems).
      viaDrive(() => removeForGood(copy.id));
      copy = viaDrive(() => copyInto(template, name, folder));
      fill(copy.id, values);
    }
  } catch (e) {
    try {
      removeForGood(copy.id);
    } catch {
      // The archive folder holds no password; the next attempt removes leftovers by name.
    }
    throw e;
  }
  return copy;
}

/** The saved content of a Google Doc as PDF (Document.getAs: the documents scope, no Drive export). */
function pdfOf(docId: string, fileName: string): GoogleAppsScript.Base.Blob {
  return DocumentApp.openById(docId).getAs(PDF).setName(fileName);
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
  const work = requiredId(WORK_FOLDER_KEY, "work");
  const copy = viaDrive(() => copyInto(archiveId, `${WORK_PREFIX}${ticket}`, work));
  try {
    // No value can contain the mask (neutralValue): every mask is the template's {{KATA_SANDI}}.
    // One batchUpdate writes the password over every mask, literally (no pattern syntax).
    const reply = viaDrive(() =>
      docsApi().batchUpdate(
        {
          requests: [
            {
              replaceAllText: {
                containsText: { text: ARCHIVE_PASSWORD_MASK, matchCase: true },
                replaceText: password,
              },
            },
          ],
        },
        copy.id,
      ),
    );
    if (!(Number(reply.replies?.[0]?.replaceAllText?.occurrencesChanged ?? 0) > 0))
      throw new TemplateError(
        t(configuredLanguage(), "letter.template.no_password", { placeholder: "{{KATA_SANDI}}" }),
      );
    // Opened after the write: the export shows the saved document, password included.
    return pdfOf(copy.id, fileName);
  } finally {
    try {
      removeForGood(copy.id);
    } catch (e) {
      onCleanupError(t(configuredLanguage(), "letter.work_copy_left", { id: copy.id, detail: errorText(e) }));
    }
  }
}

/** The archive copy as a PDF (no password in it), e.g. for the OPD's copy. */
export function archivePdf(archiveId: string, fileName: string): GoogleAppsScript.Base.Blob {
  return pdfOf(archiveId, fileName);
}

/**
 * Deletes for good working copies older than WORK_COPY_MAX_AGE_MS (left by executions that were
 * cut off between filling and deleting), trashed ones included. Returns how many.
 */
export function cleanupWorkCopies(nowMs: number): number {
  const id = letterIds()[WORK_FOLDER_KEY];
  if (!id) return 0;
  const before = new Date(nowMs - WORK_COPY_MAX_AGE_MS).toISOString();
  const list = driveApi().files.list({
    q: `'${queryLiteral(id)}' in parents and createdTime < '${before}'`,
    fields: "files(id,name,createdTime)",
    pageSize: 100,
    supportsAllDrives: true,
    includeItemsFromAllDrives: true,
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
