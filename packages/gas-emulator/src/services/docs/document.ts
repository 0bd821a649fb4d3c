/** Document and DocumentApp. */
import { Blob, GasObject, serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { canRead, fileUrl, getDriveItem, MIME, touchDriveItem, DriveUser } from "../drive.js";
import { renderPdf } from "../pdf.js";
import { docsState, newPara, DOC_MISSING, record, commit, newDocument, DocSession } from "./model.js";
import { ELEMENT_TYPES, HEADINGS, ALIGNMENTS, ATTRIBUTES, enumObject } from "./enums.js";
import { BodySection, HeaderSection, FooterSection } from "./elements.js";
import { docToPdfSpec } from "./render.js";

// ---------------------------------------------------------------------------------------------
// Document and DocumentApp

export class DocumentObj
  extends GasObject
  implements Pick<GoogleAppsScript.Document.Document, "getId" | "getName" | "getUrl" | "saveAndClose">
{
  readonly gasClass = "Document";
  private readonly s: DocSession;
  constructor(
    private readonly ws: Workspace,
    private readonly id: string,
  ) {
    super();
    this.s = new DocSession(ws, id);
  }
  _session(): DocSession {
    return this.s;
  }
  private _item(): NonNullable<ReturnType<typeof getDriveItem>> {
    const item = getDriveItem(this.ws, this.id);
    if (!item) throw serviceError(DOC_MISSING);
    return item;
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this._item().name;
  }
  setName(name: string): DocumentObj {
    this.s.mutate();
    this._item().name = String(name);
    touchDriveItem(this.ws, this.id);
    return this;
  }
  getUrl(): string {
    return fileUrl(this._item()).replace(/\?usp=drivesdk$/, "");
  }
  getBody(): BodySection {
    return new BodySection(this.s, this.s.tree().body);
  }
  getHeader(): HeaderSection | null {
    const h = this.s.tree().header;
    return h ? new HeaderSection(this.s, h) : null;
  }
  addHeader(): HeaderSection {
    const t = this.s.tree();
    if (t.header) throw serviceError("Document tab already contains a header.");
    this.s.mutate();
    t.header = { kind: "header", children: [newPara()] };
    return new HeaderSection(this.s, t.header);
  }
  getFooter(): FooterSection | null {
    const f = this.s.tree().footer;
    return f ? new FooterSection(this.s, f) : null;
  }
  addFooter(): FooterSection {
    const t = this.s.tree();
    if (t.footer) throw serviceError("Document tab already contains a footer.");
    this.s.mutate();
    t.footer = { kind: "footer", children: [newPara()] };
    return new FooterSection(this.s, t.footer);
  }
  saveAndClose(): void {
    if (this.s.closed) return;
    const rec = this.s.rec();
    commit(this.ws, rec, this.ws.actor());
    this.s.closed = true;
  }
  /** The last saved content as PDF (call saveAndClose() first to include pending changes). */
  getAs(contentType: string): Blob {
    return exportDocument(this.ws, this.id, String(contentType));
  }
  getBlob(): Blob {
    return exportDocument(this.ws, this.id, MIME.pdf);
  }
  getEditors(): DriveUser[] {
    return this._item().editors.map((e) => new DriveUser(this.ws, e));
  }
  getViewers(): DriveUser[] {
    return this._item().viewers.map((e) => new DriveUser(this.ws, e));
  }
  getLanguage(): string {
    return this.ws.userLocale;
  }
}

/** Renders the committed content of a document as a PDF Blob named "<name>.pdf". */
export function exportDocument(ws: Workspace, id: string, contentType: string): Blob {
  if (contentType !== MIME.pdf) {
    throw serviceError(`Converting from ${MIME.document} to ${contentType} is not supported.`);
  }
  const rec = record(ws, id);
  const name = getDriveItem(ws, id)?.name ?? "Untitled document";
  const pdf = renderPdf(docToPdfSpec(rec.committed, name, ws.now(), ws.scriptTimeZone));
  return new Blob(pdf, MIME.pdf, `${name}.pdf`);
}

/** PDF of a document's saved content (host-side; no quota, no access check). */
export function documentPdf(ws: Workspace, id: string): Buffer {
  return exportDocument(ws, id, MIME.pdf)._buffer();
}

export class DocumentAppService extends GasObject {
  readonly gasClass = "DocumentApp";
  constructor(private readonly ws: Workspace) {
    super();
  }
  override gasProps(): Record<string, unknown> {
    return {
      Attribute: enumObject(ATTRIBUTES),
      ElementType: enumObject(ELEMENT_TYPES),
      HorizontalAlignment: enumObject(ALIGNMENTS),
      ParagraphHeading: enumObject(HEADINGS),
      TextAlignment: enumObject(["NORMAL", "SUPERSCRIPT", "SUBSCRIPT"]),
      VerticalAlignment: enumObject(["BOTTOM", "CENTER", "TOP"]),
      GlyphType: enumObject([
        "BULLET",
        "HOLLOW_BULLET",
        "SQUARE_BULLET",
        "NUMBER",
        "LATIN_UPPER",
        "LATIN_LOWER",
        "ROMAN_UPPER",
        "ROMAN_LOWER",
      ]),
    };
  }
  create(name: string): DocumentObj {
    const rec = newDocument(this.ws, String(name), this.ws.actor());
    return new DocumentObj(this.ws, rec.id);
  }
  openById(id: string): DocumentObj {
    const item = getDriveItem(this.ws, String(id));
    if (!item || !docsState(this.ws).docs.has(item.id)) throw serviceError(DOC_MISSING);
    if (this.ws.current && !canRead(this.ws, item, this.ws.current.effectiveUser))
      throw serviceError(DOC_MISSING);
    return new DocumentObj(this.ws, item.id);
  }
  openByUrl(url: string): DocumentObj {
    const m = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw serviceError(DOC_MISSING);
    return this.openById(m[1]!);
  }
  getActiveDocument(): null {
    return null;
  }
}
