/**
 * Emulated Docs advanced service: the Google Docs API v1 as Apps Script exposes it
 * (`Docs.Documents.get(documentId, optionalArgs)`, `Docs.Documents.batchUpdate(resource,
 * documentId)`, `Docs.Documents.create(resource)`), on the SAME documents as DocumentApp
 * (services/docs.ts): a document changed by batchUpdate reads back through DocumentApp and exports
 * to PDF with the new text.
 *
 * The global exists only when the manifest enables the service (`enabledAdvancedServices` entry
 * serviceId "docs", version "v1"; services/index.ts): without it the script gets Apps Script's
 * `ReferenceError: Docs is not defined`.
 *
 * Documented (Docs API reference, developers.google.com/workspace/docs/api):
 * - batchUpdate validates every request first; if one is invalid nothing is applied. The replies
 *   map 1:1 to the requests; a replaceAllText reply is `{ replaceAllText: { occurrencesChanged } }`.
 *   The changes are saved at once (a new revision), not at the end of the execution.
 * - replaceAllText `{ containsText: { text, matchCase }, replaceText, tabsCriteria }`: every
 *   occurrence of the substring is replaced with the literal replaceText (no pattern syntax: `$`
 *   and `\` are plain characters); matchCase false (the default) is a case-insensitive search;
 *   without tabsCriteria the replacement applies to every tab. Body, headers and footers are searched.
 * - writeControl.requiredRevisionId: a write against any other revision is refused with a 400.
 * - documents.get `includeTabsContent`: true puts the content in `tabs[]` (tabProperties,
 *   documentTab, childTabs) and leaves `body` unset; false gives the first tab's content in `body`.
 * - Usage limits: 60 write and 300 read requests per minute per user per project; over them the
 *   call fails with HTTP 429.
 * Chosen where the reference is silent (the less convenient reading):
 * - a JSON reply omits a zero: `occurrencesChanged` is absent when nothing matched (proto3 JSON);
 *   a content element starting at index 0 has no `startIndex`;
 * - a match never spans two paragraphs or a horizontal rule / page break; the replacement takes
 *   the style of the match's first character;
 * - error texts not seen in a report are written in the API's style and listed here: "Invalid
 *   requests[i].replaceAllText: The search text must be non-empty.", "The required revision ID
 *   does not match the latest revision of the document.", the quota message, and a 400 for a
 *   file that is not a Google Doc ("This operation is not supported for this document").
 * Not emulated (they fail with "not emulated: …" so a test notices): requests other than
 * replaceAllText, `searchByRegex`, a replaceText holding a line break (Docs would split the
 * paragraph), targetRevisionId, a batchUpdate on a document this execution changed through
 * DocumentApp without saving it. A Document opened through DocumentApp before a batchUpdate sees
 * the new content (whether Apps Script's open Document does is not documented; the project reopens
 * the document after a batchUpdate and does not depend on it). The model has one tab per
 * document ("t.0"), one header and one footer; table indices follow the documented layout only
 * approximately (each table, row and cell takes one index).
 */
import { apiError, GasError, GasObject, notEmulated } from "../core.js";
import type { Workspace } from "../workspace.js";
import {
  type BlockNode,
  type CharStyle,
  docRecord,
  type DocRecord,
  DocumentAppService,
  type DocTree,
  type ParaNode,
  type RunNode,
  saveDocument,
  type SectionNode,
} from "./docs.js";
import { canEdit, canRead, driveState, getDriveItem, MIME } from "./drive.js";

type Json = Record<string, unknown>;
type DocsDocument = GoogleAppsScript.Docs.Schema.Document;
type BatchRequest = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;
type BatchResponse = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;

/** Documented per-minute limits per user per project. */
export const DOCS_API_LIMITS = { readsPerMinute: 300, writesPerMinute: 60 } as const;
const TAB_ID = "t.0";
const HEADER_ID = "kix.header0";
const FOOTER_ID = "kix.footer0";
const AUTH = "https://www.googleapis.com/auth/";

/** Per user: the virtual times of the API's recent reads and writes (for the per-minute limits). */
class DocsApiState {
  readonly reads = new Map<string, number[]>();
  readonly writes = new Map<string, number[]>();
}

function apiState(ws: Workspace): DocsApiState {
  return ws.slot("docsApi", () => new DocsApiState());
}

function actor(ws: Workspace): string {
  return ws.actor().toLowerCase();
}

/** Counts one request against the per-minute limit; 429 when the minute is full. */
function take(ws: Workspace, method: string, kind: "reads" | "writes"): void {
  if (ws.current === null) return; // the harness
  const now = ws.now();
  const log = apiState(ws)[kind];
  const who = actor(ws);
  const recent = (log.get(who) ?? []).filter((t) => t > now - 60_000);
  const limit = kind === "reads" ? DOCS_API_LIMITS.readsPerMinute : DOCS_API_LIMITS.writesPerMinute;
  if (recent.length >= limit) {
    log.set(who, recent);
    const metric = kind === "reads" ? "Read requests" : "Write requests";
    throw apiError(
      method,
      `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'docs.googleapis.com'.`,
      429,
      "rateLimitExceeded",
    );
  }
  recent.push(now);
  log.set(who, recent);
}

/**
 * Whether the project's scopes let the Docs API reach this file: `documents` (or a wide Drive
 * scope) reaches every Doc the user can open; `drive.file` alone only the files this project
 * created (documented for drive.file). No declared scopes: nothing is refused.
 */
function reachable(ws: Workspace, id: string, write: boolean): boolean {
  const scopes = ws.project.oauthScopes;
  if (ws.current === null || !scopes) return true;
  const wide = write
    ? ["documents", "drive"]
    : ["documents", "documents.readonly", "drive", "drive.readonly"];
  if (wide.some((s) => scopes.includes(AUTH + s))) return true;
  return scopes.includes(AUTH + "drive.file") && driveState(ws).appFiles.has(id);
}

/** The document behind `documentId` for this call, or the API's error. */
function documentFor(ws: Workspace, method: string, documentId: unknown, write: boolean): DocRecord {
  const id = String(documentId);
  const item = getDriveItem(ws, id);
  const user = actor(ws);
  if (!item || item.trashed || (ws.current !== null && !canRead(ws, item, user)) || !reachable(ws, id, write))
    throw apiError(method, "Requested entity was not found.", 404, "notFound");
  if (item.mimeType !== MIME.document)
    throw apiError(method, "This operation is not supported for this document", 400, "badRequest");
  const rec = docRecord(ws, item.id);
  if (!rec) throw apiError(method, "Requested entity was not found.", 404, "notFound");
  if (write && ws.current !== null && !canEdit(ws, item, user))
    throw apiError(method, "The caller does not have permission", 403, "forbidden");
  return rec;
}

function revisionId(rec: DocRecord): string {
  return `ALm37B${rec.id.slice(0, 6)}_${rec.revisionCounter}`;
}

// ---------------------------------------------------------------------------------------------
// documents.get: the document model as Docs API JSON

const NAMED_STYLES: Record<string, string> = {
  NORMAL: "NORMAL_TEXT",
  HEADING1: "HEADING_1",
  HEADING2: "HEADING_2",
  HEADING3: "HEADING_3",
  HEADING4: "HEADING_4",
  HEADING5: "HEADING_5",
  HEADING6: "HEADING_6",
  TITLE: "TITLE",
  SUBTITLE: "SUBTITLE",
};
const ALIGNMENTS: Record<string, string> = {
  LEFT: "START",
  CENTER: "CENTER",
  RIGHT: "END",
  JUSTIFY: "JUSTIFIED",
};

const pt = (magnitude: number): Json => ({ magnitude, unit: "PT" });

function textStyle(st: CharStyle): Json {
  const out: Json = {};
  if (st.bold) out.bold = true;
  if (st.italic) out.italic = true;
  if (st.underline) out.underline = true;
  if (st.strikethrough) out.strikethrough = true;
  if (st.fontSize !== undefined) out.fontSize = pt(st.fontSize);
  if (st.fontFamily !== undefined) out.weightedFontFamily = { fontFamily: st.fontFamily, weight: 400 };
  if (st.linkUrl !== undefined) out.link = { url: st.linkUrl };
  return out;
}

function sameStyle(a: CharStyle, b: CharStyle): boolean {
  return JSON.stringify(textStyle(a)) === JSON.stringify(textStyle(b));
}

/** An element's indices, the start left out when it is 0 (as the API's JSON does). */
function span(start: number, end: number): Json {
  return start === 0 ? { endIndex: end } : { startIndex: start, endIndex: end };
}

function paragraphJson(p: ParaNode, start: number): { el: Json; end: number } {
  const elements: Json[] = [];
  let i = start;
  for (const c of p.children) {
    if (c.kind === "text") {
      let a = 0;
      while (a < c.chars.length) {
        let b = a + 1;
        while (b < c.chars.length && sameStyle(c.styles[b]!, c.styles[a]!)) b++;
        const content = c.chars.slice(a, b);
        elements.push({
          ...span(i, i + content.length),
          textRun: { content, textStyle: textStyle(c.styles[a]!) },
        });
        i += content.length;
        a = b;
      }
    } else {
      elements.push({ ...span(i, i + 1), [c.kind === "hr" ? "horizontalRule" : "pageBreak"]: {} });
      i++;
    }
  }
  // Every paragraph ends with a newline, kept in its last text run.
  const last = elements[elements.length - 1];
  const run = last?.textRun as { content: string } | undefined;
  if (last && run) {
    run.content += "\n";
    last.endIndex = i + 1;
  } else elements.push({ ...span(i, i + 1), textRun: { content: "\n", textStyle: {} } });
  i++;
  const style: Json = { namedStyleType: NAMED_STYLES[p.heading] ?? "NORMAL_TEXT" };
  if (p.align) style.alignment = ALIGNMENTS[p.align] ?? "START";
  if (p.lineSpacing !== null) style.lineSpacing = Math.round(p.lineSpacing * 100);
  if (p.spacingBefore !== null) style.spaceAbove = pt(p.spacingBefore);
  if (p.spacingAfter !== null) style.spaceBelow = pt(p.spacingAfter);
  if (p.indentStart !== null) style.indentStart = pt(p.indentStart);
  if (p.indentFirstLine !== null) style.indentFirstLine = pt(p.indentFirstLine);
  return { el: { ...span(start, i), paragraph: { elements, paragraphStyle: style } }, end: i };
}

function contentJson(blocks: readonly BlockNode[], start: number): { content: Json[]; end: number } {
  const content: Json[] = [];
  let i = start;
  for (const b of blocks) {
    if (b.kind === "paragraph") {
      const { el, end } = paragraphJson(b, i);
      content.push(el);
      i = end;
      continue;
    }
    const tableStart = i;
    i++;
    const tableRows = b.rows.map((r) => {
      const rowStart = i;
      i++;
      const tableCells = r.cells.map((c) => {
        const cellStart = i;
        const inner = contentJson(c.children, i + 1);
        i = inner.end;
        return { ...span(cellStart, i), content: inner.content };
      });
      return { ...span(rowStart, i), tableCells };
    });
    i++;
    content.push({
      ...span(tableStart, i),
      table: { rows: b.rows.length, columns: Math.max(0, ...b.rows.map((r) => r.cells.length)), tableRows },
    });
  }
  return { content, end: i };
}

/** One tab's content: body (after its section break), header and footer, page setup. */
function tabContent(t: DocTree): Json {
  const body = contentJson(t.body.children, 1).content;
  const out: Json = {
    body: { content: [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }, ...body] },
    documentStyle: {
      ...(t.header ? { defaultHeaderId: HEADER_ID } : {}),
      ...(t.footer ? { defaultFooterId: FOOTER_ID } : {}),
      pageSize: { width: pt(t.page.width), height: pt(t.page.height) },
      marginTop: pt(t.page.marginTop),
      marginBottom: pt(t.page.marginBottom),
      marginLeft: pt(t.page.marginLeft),
      marginRight: pt(t.page.marginRight),
    },
  };
  if (t.header)
    out.headers = {
      [HEADER_ID]: { headerId: HEADER_ID, content: contentJson(t.header.children, 0).content },
    };
  if (t.footer)
    out.footers = {
      [FOOTER_ID]: { footerId: FOOTER_ID, content: contentJson(t.footer.children, 0).content },
    };
  return out;
}

// ---------------------------------------------------------------------------------------------
// batchUpdate: replaceAllText

function sections(t: DocTree): SectionNode[] {
  return [t.body, t.header, t.footer].filter((s): s is SectionNode => s !== null);
}

function paragraphsOf(blocks: readonly BlockNode[], out: ParaNode[] = []): ParaNode[] {
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(b);
    else for (const r of b.rows) for (const c of r.cells) paragraphsOf(c.children, out);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * Replaces every occurrence in one paragraph (consecutive Text runs form one searchable text;
 * a rule or page break separates them). The replacement is literal and takes the style of the
 * match's first character. Returns the number of occurrences.
 */
function replaceInParagraph(p: ParaNode, re: RegExp, replacement: string): number {
  let count = 0;
  const out: ParaNode["children"] = [];
  let group: RunNode[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const chars = group.map((r) => r.chars).join("");
    const styles = group.flatMap((r) => r.styles);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let text = "";
    const st: CharStyle[] = [];
    let last = 0;
    let n = 0;
    while ((m = re.exec(chars)) !== null) {
      text += chars.slice(last, m.index);
      st.push(...styles.slice(last, m.index));
      const style = styles[m.index] ?? {};
      text += replacement;
      for (let k = 0; k < replacement.length; k++) st.push(style);
      last = m.index + m[0].length;
      n++;
    }
    if (n === 0) out.push(...group);
    else {
      text += chars.slice(last);
      st.push(...styles.slice(last));
      out.push({ kind: "text", chars: text, styles: st });
      count += n;
    }
    group = [];
  };
  for (const c of p.children) {
    if (c.kind === "text") group.push(c);
    else {
      flush();
      out.push(c);
    }
  }
  flush();
  if (count > 0) p.children = out;
  return count;
}

function invalid(method: string, where: string, message: string): GasError {
  return apiError(method, `Invalid ${where}: ${message}`, 400, "badRequest");
}

/** Validates one replaceAllText request; returns the search and the replacement. */
function checkReplace(method: string, i: number, r: Json): { re: RegExp; replacement: string } {
  const where = `requests[${i}].replaceAllText`;
  const contains = (r.containsText ?? {}) as Json;
  const text = contains.text === undefined || contains.text === null ? "" : String(contains.text);
  if (text === "") throw invalid(method, where, "The search text must be non-empty.");
  if (contains.searchByRegex)
    throw notEmulated("Docs.Documents", "batchUpdate replaceAllText with searchByRegex");
  const replacement = r.replaceText === undefined || r.replaceText === null ? "" : String(r.replaceText);
  if (/[\n\r]/.test(replacement))
    throw notEmulated("Docs.Documents", "batchUpdate replaceAllText with a line break in replaceText");
  const tabs = (r.tabsCriteria as Json | undefined)?.tabIds;
  if (Array.isArray(tabs))
    for (const id of tabs)
      if (String(id) !== TAB_ID) throw invalid(method, where, `Tab with ID '${String(id)}' not found.`);
  return { re: new RegExp(escapeRegExp(text), contains.matchCase ? "gu" : "giu"), replacement };
}

// ---------------------------------------------------------------------------------------------
// The service

export class DocsDocumentsCollection extends GasObject {
  readonly gasClass = "Docs.Documents";
  constructor(private readonly ws: Workspace) {
    super();
  }

  /** The saved document (a change made through DocumentApp and not saved yet is not in it). */
  get(documentId: string, optionalArgs?: Json): DocsDocument {
    const method = "docs.documents.get";
    const rec = documentFor(this.ws, method, documentId, false);
    take(this.ws, method, "reads");
    const t = rec.committed;
    const base: Json = {
      documentId: rec.id,
      title: getDriveItem(this.ws, rec.id)?.name ?? "",
      revisionId: revisionId(rec),
    };
    const content = tabContent(t);
    if (optionalArgs?.includeTabsContent) {
      base.tabs = [{ tabProperties: { tabId: TAB_ID, title: "Tab 1" }, documentTab: content }];
      return base as DocsDocument;
    }
    return { ...base, ...content } as DocsDocument;
  }

  /** Applies every request or none, saves at once (a new revision), and answers one reply per request. */
  batchUpdate(resource: BatchRequest, documentId: string): BatchResponse {
    const method = "docs.documents.batchUpdate";
    const ws = this.ws;
    const rec = documentFor(ws, method, documentId, true);
    const requests = ((resource as Json | null)?.requests ?? []) as Json[];
    if (!Array.isArray(requests)) throw invalid(method, "requests", "must be a list.");
    const control = ((resource as Json | null)?.writeControl ?? {}) as Json;
    if (control.targetRevisionId !== undefined)
      throw notEmulated("Docs.Documents", "batchUpdate with writeControl.targetRevisionId");
    if (control.requiredRevisionId !== undefined && String(control.requiredRevisionId) !== revisionId(rec))
      throw apiError(
        method,
        "The required revision ID does not match the latest revision of the document.",
        400,
        "badRequest",
      );
    // Every request is validated before any is applied.
    const plan = requests.map((r, i) => {
      const keys = Object.keys(r ?? {}).filter(
        (k) => (r as Json)[k] !== undefined && (r as Json)[k] !== null,
      );
      if (keys.length === 0) throw invalid(method, `requests[${i}]`, "No request set.");
      if (keys.length > 1) throw invalid(method, `requests[${i}]`, "Only one request may be set.");
      if (keys[0] !== "replaceAllText") throw notEmulated("Docs.Documents", `batchUpdate ${keys[0]}`);
      return checkReplace(method, i, (r as Json).replaceAllText as Json);
    });
    if (rec.dirty)
      throw new GasError(
        "not emulated: Docs.Documents.batchUpdate on a document with unsaved DocumentApp changes (saveAndClose it first)",
        "Error",
      );
    take(ws, method, "writes");
    const tree = structuredClone(rec.committed);
    const paragraphs = sections(tree).flatMap((s) => paragraphsOf(s.children));
    const replies = plan.map(({ re, replacement }) => {
      let n = 0;
      for (const p of paragraphs) n += replaceInParagraph(p, re, replacement);
      return { replaceAllText: n > 0 ? { occurrencesChanged: n } : {} };
    });
    rec.live = tree;
    saveDocument(ws, rec, actor(ws));
    return {
      documentId: rec.id,
      replies,
      writeControl: { requiredRevisionId: revisionId(rec) },
    } as BatchResponse;
  }

  /** A blank document titled as asked (the other fields are ignored, as documented). */
  create(resource: DocsDocument): DocsDocument {
    take(this.ws, "docs.documents.create", "writes");
    const doc = new DocumentAppService(this.ws).create(
      String((resource as Json | null)?.title ?? "Untitled document"),
    );
    driveState(this.ws).appFiles.add(doc.getId());
    return this.get(doc.getId());
  }
}

/** The global `Docs` (advanced service, API v1). */
export class DocsAdvancedService extends GasObject {
  readonly gasClass = "Docs";
  readonly documents: DocsDocumentsCollection;
  constructor(ws: Workspace) {
    super();
    this.documents = new DocsDocumentsCollection(ws);
  }
  override gasProps(): Record<string, unknown> {
    return { Documents: this.documents };
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  apiState(ws);
  return { Docs: new DocsAdvancedService(ws) };
}
