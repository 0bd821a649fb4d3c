/** The document model of the emulated Docs (body, paragraphs, tables, list items, text runs) and its records, sessions and saving. */
import { serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { canEdit, createDriveItem, DOCS_CREATE_QUOTA, getDriveItem, MIME, touchDriveItem } from "../drive.js";
import { A4 } from "../pdf.js";

// ---------------------------------------------------------------------------------------------
// The document model

export interface CharStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

export interface RunNode {
  kind: "text";
  chars: string;
  /** One style per character (same length as `chars`). */
  styles: CharStyle[];
}
export interface HrNode {
  kind: "hr";
}
export interface PageBreakNode {
  kind: "pagebreak";
}
export type InlineNode = RunNode | HrNode | PageBreakNode;

export interface ParaNode {
  kind: "paragraph";
  children: InlineNode[];
  heading: string;
  align: string | null;
  spacingBefore: number | null;
  spacingAfter: number | null;
  lineSpacing: number | null;
  indentStart: number | null;
  indentEnd: number | null;
  indentFirstLine: number | null;
  /** Text attributes set on the paragraph as a whole: new text takes them. */
  defaultStyle: CharStyle;
}

export interface CellNode {
  kind: "cell";
  children: BlockNode[];
  width: number | null;
  backgroundColor: string | null;
  padding: { top: number; right: number; bottom: number; left: number };
  verticalAlignment: string;
}
export interface RowNode {
  kind: "row";
  cells: CellNode[];
  minimumHeight: number;
}
export interface TableNode {
  kind: "table";
  rows: RowNode[];
  borderWidth: number;
  borderColor: string;
  columnWidths: (number | null)[];
}
export type BlockNode = ParaNode | TableNode;

export interface SectionNode {
  kind: "body" | "header" | "footer";
  children: BlockNode[];
}

export interface PageSetup {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

export interface DocTree {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
  page: PageSetup;
}

export type AnyNode = SectionNode | BlockNode | RowNode | CellNode | InlineNode;
export type ContainerNode = SectionNode | CellNode;

interface DocRevision {
  id: string;
  modifiedMs: number;
  user: string;
  /** The whole document's text at that revision (header, body, footer). */
  text: string;
  tree: DocTree;
}

export interface DocRecord {
  id: string;
  live: DocTree;
  committed: DocTree;
  /** The live tree has changes not yet committed. */
  dirty: boolean;
  revisions: DocRevision[];
  revisionCounter: number;
}

class DocsState {
  readonly docs = new Map<string, DocRecord>();
  constructor(private readonly ws: Workspace) {}
  toJSON(): unknown {
    return {
      documents: [...this.docs.values()].map((d) => ({
        id: d.id,
        name: getDriveItem(this.ws, d.id)?.name ?? null,
        text: treeText(d.live),
        unsaved: d.dirty,
        revisions: d.revisions.map((r) => ({
          id: r.id,
          modifiedTime: new Date(r.modifiedMs).toISOString(),
          user: r.user,
          text: r.text,
        })),
      })),
    };
  }
}

export function docsState(ws: Workspace): DocsState {
  return ws.slot("docs", () => new DocsState(ws));
}

const DEFAULT_PADDING = { top: 5, right: 5, bottom: 5, left: 5 };

export function newPara(text = "", style: CharStyle = {}): ParaNode {
  return {
    kind: "paragraph",
    children: text ? [newRun(text, style)] : [],
    heading: "NORMAL",
    align: null,
    spacingBefore: null,
    spacingAfter: null,
    lineSpacing: null,
    indentStart: null,
    indentEnd: null,
    indentFirstLine: null,
    defaultStyle: { ...style },
  };
}

export function newRun(text: string, style: CharStyle = {}): RunNode {
  return { kind: "text", chars: text, styles: Array.from({ length: text.length }, () => style) };
}

export function newCell(text = ""): CellNode {
  return {
    kind: "cell",
    children: [newPara(text)],
    width: null,
    backgroundColor: null,
    padding: { ...DEFAULT_PADDING },
    verticalAlignment: "TOP",
  };
}

export function newTable(cells: string[][]): TableNode {
  return {
    kind: "table",
    rows: cells.map((r) => ({ kind: "row", cells: r.map((c) => newCell(String(c))), minimumHeight: 0 })),
    borderWidth: 1,
    borderColor: "#000000",
    columnWidths: [],
  };
}

export function newTree(): DocTree {
  return {
    body: { kind: "body", children: [newPara()] },
    header: null,
    footer: null,
    page: {
      width: A4.width,
      height: A4.height,
      marginTop: 72,
      marginBottom: 72,
      marginLeft: 72,
      marginRight: 72,
    },
  };
}

export function cloneTree<T>(t: T): T {
  return structuredClone(t);
}

function paraText(p: ParaNode): string {
  return p.children.map((c) => (c.kind === "text" ? c.chars : "")).join("");
}

function tableText(t: TableNode): string {
  return t.rows.map((r) => r.cells.map((c) => blocksText(c.children)).join("\t")).join("\n");
}

function blocksText(blocks: BlockNode[]): string {
  return blocks.map((b) => (b.kind === "paragraph" ? paraText(b) : tableText(b))).join("\n");
}

export function nodeText(node: AnyNode): string {
  switch (node.kind) {
    case "body":
    case "header":
    case "footer":
    case "cell":
      return blocksText(node.children);
    case "paragraph":
      return paraText(node);
    case "table":
      return tableText(node);
    case "row":
      return node.cells.map((c) => blocksText(c.children)).join("\t");
    case "text":
      return node.chars;
    default:
      return "";
  }
}

/** The whole text of a tree: header, body and footer, one paragraph a line. */
export function treeText(t: DocTree): string {
  return [t.header, t.body, t.footer]
    .filter((s): s is SectionNode => s !== null)
    .map((s) => blocksText(s.children))
    .join("\n");
}

export function childList(node: AnyNode): AnyNode[] {
  switch (node.kind) {
    case "body":
    case "header":
    case "footer":
    case "cell":
      return node.children;
    case "paragraph":
      return node.children;
    case "table":
      return node.rows;
    case "row":
      return node.cells;
    default:
      return [];
  }
}

export function parentIn(root: AnyNode, target: AnyNode): AnyNode | null {
  for (const child of childList(root)) {
    if (child === target) return root;
    const found = parentIn(child, target);
    if (found) return found;
  }
  return null;
}

export function allParagraphs(node: AnyNode, out: ParaNode[] = []): ParaNode[] {
  if (node.kind === "paragraph") out.push(node);
  else for (const c of childList(node)) allParagraphs(c, out);
  return out;
}

export function allTables(node: AnyNode, out: TableNode[] = []): TableNode[] {
  for (const c of childList(node)) {
    if (c.kind === "table") out.push(c);
    allTables(c, out);
  }
  return out;
}

/** Merges adjacent Text runs (what reopening a saved document shows). */
function normalize(node: AnyNode): void {
  if (node.kind === "paragraph") {
    const merged: InlineNode[] = [];
    for (const c of node.children) {
      const prev = merged[merged.length - 1];
      if (c.kind === "text" && c.chars.length === 0) continue;
      if (c.kind === "text" && prev?.kind === "text") {
        prev.chars += c.chars;
        prev.styles.push(...c.styles);
      } else merged.push(c);
    }
    node.children = merged;
    return;
  }
  for (const c of childList(node)) normalize(c);
}

// ---------------------------------------------------------------------------------------------
// Records, sessions, saving

const CLOSED = "Document is closed, its contents cannot be updated.";
export const DOC_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
const DOC_ACCESS_DENIED = "Access denied: DocumentApp.";

export function record(ws: Workspace, id: string): DocRecord {
  const rec = docsState(ws).docs.get(id);
  if (!rec) throw serviceError(DOC_MISSING);
  return rec;
}

/** Saves the live tree: a new revision if anything changed since the last one. */
export function commit(ws: Workspace, rec: DocRecord, user: string): void {
  normalize(rec.live.body);
  if (rec.live.header) normalize(rec.live.header);
  if (rec.live.footer) normalize(rec.live.footer);
  rec.dirty = false;
  if (JSON.stringify(rec.live) === JSON.stringify(rec.committed) && rec.revisions.length > 0) return;
  rec.committed = cloneTree(rec.live);
  rec.revisions.push({
    id: String(++rec.revisionCounter),
    modifiedMs: ws.now(),
    user: user.toLowerCase(),
    text: treeText(rec.committed),
    tree: cloneTree(rec.committed),
  });
  touchDriveItem(ws, rec.id);
}

/** Saves every document with unsaved changes (what Docs does when an execution ends). */
export function commitDocuments(ws: Workspace, user: string = ws.actor()): void {
  for (const rec of docsState(ws).docs.values()) if (rec.dirty) commit(ws, rec, user);
}

/** The text of a document (header, body, footer): the live tree, or the last saved one. */
export function documentText(ws: Workspace, id: string, opts: { committed?: boolean } = {}): string {
  const rec = record(ws, id);
  return treeText(opts.committed ? rec.committed : rec.live);
}

/** Every saved revision of a document, oldest first, with its text. */
export function documentRevisions(
  ws: Workspace,
  id: string,
): { id: string; modifiedTime: string; user: string; text: string }[] {
  const rec = docsState(ws).docs.get(id);
  if (!rec) return [];
  return rec.revisions.map((r) => ({
    id: r.id,
    modifiedTime: new Date(r.modifiedMs).toISOString(),
    user: r.user,
    text: r.text,
  }));
}

/** The document's live tree (host-side inspection of styles and structure). */
export function documentTree(ws: Workspace, id: string): DocTree {
  return record(ws, id).live;
}

export function newDocument(ws: Workspace, name: string, owner: string): DocRecord {
  if (!ws.quotas.take("documentsCreated", 1, ws.now())) throw serviceError(DOCS_CREATE_QUOTA);
  const item = createDriveItem(ws, { name, mimeType: MIME.document, owner });
  const tree = newTree();
  const rec: DocRecord = {
    id: item.id,
    live: tree,
    committed: cloneTree(tree),
    dirty: false,
    revisions: [],
    revisionCounter: 0,
  };
  docsState(ws).docs.set(item.id, rec);
  commit(ws, rec, owner);
  return rec;
}

/** One opened Document: closing it makes its elements read-only. */
export class DocSession {
  closed = false;
  constructor(
    readonly ws: Workspace,
    readonly id: string,
  ) {}
  rec(): DocRecord {
    return record(this.ws, this.id);
  }
  tree(): DocTree {
    return this.rec().live;
  }
  /** Called before every change. */
  mutate(): void {
    if (this.closed) throw serviceError(CLOSED);
    const rec = this.rec();
    if (this.ws.current) {
      const item = getDriveItem(this.ws, this.id);
      if (!item || !canEdit(this.ws, item, this.ws.current.effectiveUser))
        throw serviceError(DOC_ACCESS_DENIED);
    }
    rec.dirty = true;
  }
}

/**
 * For the Docs advanced service (docs-api.ts): the record of a document (undefined when there is
 * none), and a save of its live tree as a new revision by `user` (a Docs API write is saved at once).
 */
export function docRecord(ws: Workspace, id: string): DocRecord | undefined {
  return docsState(ws).docs.get(id);
}
export function saveDocument(ws: Workspace, rec: DocRecord, user: string): void {
  commit(ws, rec, user);
}
