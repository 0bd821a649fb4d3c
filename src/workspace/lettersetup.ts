/**
 * The credential letter's resources, made and checked at setup (the letters themselves:
 * letter.ts): the template, a Google Doc written from domain/letters.ts defaultCredentialLetter()
 * that administrators may edit (placeholders {{…}} are documented in docs/LETTER.md), the reset
 * letter's template, the restricted archive folder and the work folder. Every file and folder is
 * made with Drive.Files.create and shared with Drive.Permissions, so that the `drive.file` scope
 * reaches it; DocumentApp writes the template. A template the project did not create cannot be
 * copied: setup refuses it and says what to do (docs/SECURITY.md, "Least privilege"). The names
 * and descriptions of the Drive files follow the office's language.
 */
import {
  defaultResetLetter,
  missingPlaceholders,
  unknownPlaceholders,
  usedPlaceholders,
  type LetterParagraph,
  type StyleHint,
} from "../domain/letters.js";
import type { Language, OfficeConfig } from "../domain/config.js";
import { t } from "../domain/text/index.js";
import {
  ARCHIVE_FOLDER_KEY,
  docUrl,
  driveApi,
  folderUrl,
  forgetLetterIds,
  notFound,
  props,
  RESET_TEMPLATE_ID_KEY,
  TEMPLATE_ID_KEY,
  WORK_FOLDER_KEY,
  type DriveFile,
} from "./letterdrive.js";

/** Names of the Drive files setup makes (found again by their ids in Script Properties, never by name). */
export const TEMPLATE_NAME = t("id", "letter.name.template");
export const ARCHIVE_FOLDER_NAME = t("id", "letter.name.archive");
export const WORK_FOLDER_NAME = t("id", "letter.name.work");
const FOLDER = "application/vnd.google-apps.folder";
const GOOGLE_DOC = "application/vnd.google-apps.document";

function styleParagraph(p: GoogleAppsScript.Document.Paragraph, hints: readonly StyleHint[]): void {
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
export function writeLetterBody(
  body: GoogleAppsScript.Document.Body,
  paragraphs: readonly LetterParagraph[],
): void {
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

/**
 * A file or folder this project created, if Drive still has it out of the trash; null when it is
 * gone (deleted, trashed) or, under `drive.file`, was not created by this project (Drive answers
 * 404 "File not found" for both).
 */
function ownFile(id: string | null): DriveFile | null {
  if (!id) return null;
  try {
    const f = driveApi().files.get(id, { fields: "id,trashed", supportsAllDrives: true });
    return f.trashed ? null : f;
  } catch (e) {
    if (notFound(e)) return null;
    throw e;
  }
}

function createFolder(name: string, description: string): string {
  const made = driveApi().files.create({ name, mimeType: FOLDER, description }, null as never, {
    fields: "id",
    supportsAllDrives: true,
  });
  return String(made.id);
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
  /**
   * The recorded template is a Google Doc this project did not create (an office's own, or one an
   * earlier version made with DocumentApp): Drive cannot copy it under `drive.file`. Setup refuses
   * it (never replaces it silently) and says what to do.
   */
  foreignTemplate?: string;
}

/**
 * Who may open a file or folder besides its owner, through Drive v3 permissions: exactly `people`
 * with `role`; any other person, group, domain or link permission is removed (nothing is shared by
 * link), missing ones are added. The owner's permission stays.
 */
function restrict(id: string, people: string[], role: "reader" | "writer"): void {
  const { permissions } = driveApi();
  const want = new Set(people.map((p) => p.toLowerCase()));
  const list =
    permissions.list(id, {
      fields: "permissions(id,type,role,emailAddress)",
      supportsAllDrives: true,
    }).permissions ?? [];
  const have = new Set<string>();
  for (const p of list) {
    if (p.role === "owner") continue;
    const email = String(p.emailAddress ?? "").toLowerCase();
    if (p.type === "user" && want.has(email) && p.role === role) {
      have.add(email);
      continue;
    }
    permissions.remove(id, String(p.id), { supportsAllDrives: true });
  }
  for (const email of people)
    if (!have.has(email.toLowerCase()))
      permissions.create({ type: "user", role, emailAddress: email }, id, { supportsAllDrives: true });
}

/**
 * Creates what is missing (template, archive folder, work folder) through the Drive advanced
 * service and stores the ids in Script Properties; existing ones are kept (an edited template is
 * never overwritten) and checked.
 */
export function ensureLetterResources(
  config: OfficeConfig,
  paragraphs: readonly LetterParagraph[],
  resetParagraphs: readonly LetterParagraph[] = defaultResetLetter(),
): LetterResources {
  const p = props();
  const lang = config.language;
  forgetLetterIds();
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const admins = config.admins.map((a) => a.toLowerCase()).filter((a) => a && a !== me);

  const template = ensureTemplate(TEMPLATE_ID_KEY, "template", paragraphs, lang);
  const templateId = template.id;
  const { foreignTemplate } = template;
  const problems = template.problems;
  const created = template.created ? ["template"] : [];
  if (!foreignTemplate) restrict(templateId, admins, "writer");
  // The reset letter's own template: made beside the credential letter's, kept likewise.
  const reset = ensureTemplate(RESET_TEMPLATE_ID_KEY, "reset_template", resetParagraphs, lang);
  if (reset.created) created.push("reset_template");
  problems.push(...reset.problems);
  if (!reset.foreignTemplate) restrict(reset.id, admins, "writer");

  let archiveId = ownFile(p.getProperty(ARCHIVE_FOLDER_KEY))?.id ?? "";
  if (!archiveId) {
    archiveId = createFolder(t(lang, "letter.name.archive"), t(lang, "letter.description.archive"));
    p.setProperty(ARCHIVE_FOLDER_KEY, archiveId);
    created.push("archive");
  }
  restrict(archiveId, admins, "reader");

  let workId = ownFile(p.getProperty(WORK_FOLDER_KEY))?.id ?? "";
  if (!workId) {
    workId = createFolder(t(lang, "letter.name.work"), t(lang, "letter.description.work"));
    p.setProperty(WORK_FOLDER_KEY, workId);
    created.push("work");
  }
  restrict(workId, [], "reader");

  return {
    templateId,
    templateUrl: docUrl(templateId),
    archiveFolderId: archiveId,
    archiveFolderUrl: folderUrl(archiveId),
    workFolderId: workId,
    problems,
    created,
    ...(foreignTemplate ? { foreignTemplate } : {}),
  };
}

/**
 * A letter template by its Script Property: this project's Doc when it exists (checked), a Doc
 * this project did not create left alone (reported), else a new one written from `paragraphs`.
 */
function ensureTemplate(
  key: string,
  kind: "template" | "reset_template",
  paragraphs: readonly LetterParagraph[],
  lang: Language,
): { id: string; created: boolean; problems: string[]; foreignTemplate?: string } {
  const p = props();
  const recorded = p.getProperty(key);
  const own = ownFile(recorded)?.id ?? "";
  if (!own && recorded && foreignDocument(recorded)) {
    // A Doc exists under that id but this project did not create it: not copied, not replaced.
    return {
      id: recorded,
      created: false,
      problems: [],
      foreignTemplate: t(lang, "letter.template.foreign", { id: recorded, key, example: "{{\u2026}}" }),
    };
  }
  if (!own) {
    const made = driveApi().files.create(
      {
        name: t(lang, `letter.name.${kind}`),
        mimeType: GOOGLE_DOC,
        description: t(lang, "letter.description.template", { example: "{{\u2026}}" }),
      },
      null as never,
      { fields: "id", supportsAllDrives: true },
    );
    const id = String(made.id);
    const doc = DocumentApp.openById(id);
    writeLetterBody(doc.getBody(), paragraphs);
    doc.saveAndClose();
    p.setProperty(key, id);
    return { id, created: true, problems: [] };
  }
  const doc = DocumentApp.openById(own);
  const texts = [doc.getBody().getText()];
  const header = doc.getHeader();
  const footer = doc.getFooter();
  if (header) texts.push(header.getText());
  if (footer) texts.push(footer.getText());
  return { id: own, created: false, problems: templateProblems(texts.join("\n"), lang) };
}

/** Whether a Google Doc this account can open exists under `id` (DocumentApp: the documents scope). */
function foreignDocument(id: string): boolean {
  try {
    DocumentApp.openById(id);
    return true;
  } catch {
    return false;
  }
}
