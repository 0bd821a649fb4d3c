/**
 * The element wrappers the script sees (Body, Paragraph, Table, ListItem, Text, ...) over the
 * document model.
 *
 * Why one module of this size: Apps Script's Element API makes the base class name every concrete
 * class (`asParagraph()`, `asTable()`, ... and `getParent()` / `getChild()` return the concrete
 * wrapper), and the containers' `appendParagraph` / `appendTable` build their children's
 * wrappers. Split by family, the base module would import every family and every family the base:
 * an import cycle (type-only imports count, test/lint/cycles.test.ts). Splitting it needs a
 * wrapper registry filled by an index module and the base typed against the
 * `GoogleAppsScript.Document` interfaces instead of these classes; that is left for later.
 */
import { GasObject, serviceError } from "../../core.js";
import {
  type CharStyle,
  type RunNode,
  type HrNode,
  type PageBreakNode,
  type InlineNode,
  type ParaNode,
  type CellNode,
  type RowNode,
  type TableNode,
  type BlockNode,
  type PageSetup,
  type AnyNode,
  type ContainerNode,
  newPara,
  newRun,
  newCell,
  newTable,
  cloneTree,
  nodeText,
  childList,
  parentIn,
  allParagraphs,
  allTables,
  DocSession,
} from "./model.js";
import {
  HEADINGS,
  ALIGNMENTS,
  type ElementType,
  type ParagraphHeading,
  type HorizontalAlignment,
  enumOut,
  enumArg,
  TEXT_ATTRS,
  stylePatch,
  applyPatch,
  sameStyle,
  compilePattern,
  replaceInRun,
  runsOf,
} from "./enums.js";

// ---------------------------------------------------------------------------------------------
// Element wrappers

function wrap(s: DocSession, node: AnyNode, para?: ParaNode): DocElement {
  switch (node.kind) {
    case "body":
      return new BodySection(s, node);
    case "header":
      return new HeaderSection(s, node);
    case "footer":
      return new FooterSection(s, node);
    case "paragraph":
      return new Paragraph(s, node);
    case "table":
      return new Table(s, node);
    case "row":
      return new TableRow(s, node);
    case "cell":
      return new TableCell(s, node);
    case "text":
      return new Text(s, node, para);
    case "hr":
      return new HorizontalRule(s, node);
    case "pagebreak":
      return new PageBreak(s, node);
  }
}

function childIndexError(index: number, count: number): Error {
  return serviceError(`Child index (${index}) must be less than the number of child elements (${count}).`);
}

function elementNode(e: unknown): AnyNode {
  if (e instanceof DocElement) return e._node();
  throw serviceError("Invalid argument: element");
}

/** Base of every document element: type, parent, siblings, casts. */
abstract class DocElement extends GasObject {
  constructor(protected readonly s: DocSession) {
    super();
  }
  abstract _node(): AnyNode;
  protected abstract _type(): string;
  getType(): ElementType {
    return enumOut<ElementType>(this._type());
  }
  protected _parentNode(): AnyNode | null {
    const t = this.s.tree();
    const n = this._node();
    for (const sec of [t.body, t.header, t.footer]) {
      if (!sec) continue;
      if (sec === n) return null;
      const p = parentIn(sec, n);
      if (p) return p;
    }
    return null;
  }
  getParent(): DocElement | null {
    const p = this._parentNode();
    return p ? wrap(this.s, p) : null;
  }
  protected _sibling(delta: number): DocElement | null {
    const p = this._parentNode();
    if (!p) return null;
    const list = childList(p);
    const i = list.indexOf(this._node());
    const sib = list[i + delta];
    return sib ? wrap(this.s, sib, p.kind === "paragraph" ? p : undefined) : null;
  }
  getNextSibling(): DocElement | null {
    return this._sibling(1);
  }
  getPreviousSibling(): DocElement | null {
    return this._sibling(-1);
  }
  isAtDocumentEnd(): boolean {
    const body = this.s.tree().body;
    let n: AnyNode = body;
    for (;;) {
      const kids = childList(n);
      if (kids.length === 0) break;
      n = kids[kids.length - 1]!;
      if (n === this._node()) return true;
    }
    return n === this._node();
  }
  protected _removeFromParent(): void {
    const p = this._parentNode();
    if (!p) return;
    this.s.mutate();
    removeChildNode(p, this._node());
  }
  private _cast<T extends DocElement>(type: string): T {
    if (this._type() !== type) throw serviceError(`Cannot cast ${this._type()} to ${type}.`);
    return this as unknown as T;
  }
  asBody(): BodySection {
    return this._cast("BODY_SECTION");
  }
  asHeaderSection(): HeaderSection {
    return this._cast("HEADER_SECTION");
  }
  asFooterSection(): FooterSection {
    return this._cast("FOOTER_SECTION");
  }
  asParagraph(): Paragraph {
    return this._cast("PARAGRAPH");
  }
  asTable(): Table {
    return this._cast("TABLE");
  }
  asTableRow(): TableRow {
    return this._cast("TABLE_ROW");
  }
  asTableCell(): TableCell {
    return this._cast("TABLE_CELL");
  }
  asText(): Text {
    return this._cast("TEXT");
  }
  asHorizontalRule(): HorizontalRule {
    return this._cast("HORIZONTAL_RULE");
  }
  asPageBreak(): PageBreak {
    return this._cast("PAGE_BREAK");
  }
}

function removeChildNode(parent: AnyNode, child: AnyNode): void {
  const list = childList(parent);
  const i = list.indexOf(child);
  if (i < 0) throw serviceError("Element is not a child of this element.");
  if (
    (parent.kind === "body" ||
      parent.kind === "header" ||
      parent.kind === "footer" ||
      parent.kind === "cell") &&
    child.kind === "paragraph" &&
    parent.children.filter((c) => c.kind === "paragraph").length === 1
  ) {
    throw serviceError("Can't remove the last paragraph in a document section.");
  }
  list.splice(i, 1);
}

/** Text search and replacement shared by every element that holds text. */
abstract class TextHolder extends DocElement {
  getText(): string {
    return nodeText(this._node());
  }
  replaceText(searchPattern: string, replacement: string): this {
    const re = compilePattern(searchPattern);
    const runs = runsOf(this._node());
    let mutated = false;
    for (const run of runs) {
      re.lastIndex = 0;
      if (!re.test(run.chars)) continue;
      if (!mutated) {
        this.s.mutate();
        mutated = true;
      }
      replaceInRun(run, re, String(replacement));
    }
    return this;
  }
  findText(searchPattern: string, from?: RangeElement | null): RangeElement | null {
    const re = compilePattern(searchPattern);
    const root = this._node();
    const paras = root.kind === "text" ? null : allParagraphs(root);
    const entries: { run: RunNode; para: ParaNode | undefined }[] = paras
      ? paras.flatMap((p) =>
          p.children.filter((c): c is RunNode => c.kind === "text").map((run) => ({ run, para: p })),
        )
      : [{ run: root as RunNode, para: this instanceof Text ? this._para() : undefined }];
    let startRun = 0;
    let startOffset = 0;
    if (from) {
      const fromNode = from._runNode();
      const idx = entries.findIndex((e) => e.run === fromNode);
      if (idx >= 0) {
        startRun = idx;
        startOffset = from.getEndOffsetInclusive() + 1;
      }
    }
    for (let i = startRun; i < entries.length; i++) {
      const { run, para } = entries[i]!;
      re.lastIndex = i === startRun ? startOffset : 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(run.chars)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        return new RangeElement(this.s, run, para, m.index, m.index + m[0].length - 1);
      }
    }
    return null;
  }
  editAsText(): Text {
    return new Text(this.s, this._node() as RunNode | ParaNode | ContainerNode | TableNode | RowNode);
  }
}

/** A search result: part of one Text run. */
export class RangeElement extends GasObject implements GoogleAppsScript.Document.RangeElement {
  readonly gasClass = "RangeElement";
  constructor(
    private readonly s: DocSession,
    private readonly run: RunNode,
    private readonly para: ParaNode | undefined,
    private readonly start: number,
    private readonly end: number,
  ) {
    super();
  }
  _runNode(): RunNode {
    return this.run;
  }
  getElement(): Text & GoogleAppsScript.Document.Element {
    return new Text(this.s, this.run, this.para) as Text & GoogleAppsScript.Document.Element;
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.end;
  }
  isPartial(): boolean {
    return this.start > 0 || this.end < this.run.chars.length - 1;
  }
}

/** Body, header, footer and table cells: containers of paragraphs and tables. */
abstract class BlockContainer extends TextHolder {
  constructor(
    s: DocSession,
    protected readonly node: ContainerNode,
  ) {
    super(s);
  }
  _node(): ContainerNode {
    return this.node;
  }
  getNumChildren(): number {
    return this.node.children.length;
  }
  getChild(childIndex: number): DocElement {
    const c = this.node.children[childIndex];
    if (!c) throw childIndexError(childIndex, this.node.children.length);
    return wrap(this.s, c);
  }
  getChildIndex(child: DocElement): number {
    const i = this.node.children.indexOf(elementNode(child) as BlockNode);
    if (i < 0) throw serviceError("Element is not a child of this element.");
    return i;
  }
  protected _insertBlock(index: number, block: BlockNode): void {
    const n = this.node.children.length;
    if (!(index >= 0 && index <= n)) {
      throw serviceError(
        `Index (${index}) must be less than or equal to the number of child elements (${n}).`,
      );
    }
    this.s.mutate();
    this.node.children.splice(index, 0, block);
    // A section always ends with a paragraph: Docs adds an empty one after a trailing table.
    if (block.kind === "table" && index === n) this.node.children.push(newPara());
  }
  protected _detached(e: unknown, kind: "paragraph" | "table"): BlockNode {
    const node = elementNode(e);
    if (node.kind !== kind) throw serviceError(`Invalid argument: ${kind}`);
    const t = this.s.tree();
    for (const sec of [t.body, t.header, t.footer]) {
      if (sec && parentIn(sec, node)) throw serviceError("Element must be detached.");
    }
    return node;
  }
  protected _paragraphArg(p: string | Paragraph): ParaNode {
    return typeof p === "string" ? newPara(p) : (this._detached(p, "paragraph") as ParaNode);
  }
  protected _tableArg(t?: string[][] | Table | null): TableNode {
    if (t === undefined || t === null) return newTable([]);
    if (Array.isArray(t)) return newTable(t);
    return this._detached(t, "table") as TableNode;
  }
  appendParagraph(paragraph: string | Paragraph): Paragraph {
    const node = this._paragraphArg(paragraph);
    this._insertBlock(this.node.children.length, node);
    return new Paragraph(this.s, node);
  }
  insertParagraph(childIndex: number, paragraph: string | Paragraph): Paragraph {
    const node = this._paragraphArg(paragraph);
    this._insertBlock(childIndex, node);
    return new Paragraph(this.s, node);
  }
  appendTable(cellsOrTable?: string[][] | Table | null): Table {
    const node = this._tableArg(cellsOrTable);
    this._insertBlock(this.node.children.length, node);
    return new Table(this.s, node);
  }
  insertTable(childIndex: number, cellsOrTable?: string[][] | Table | null): Table {
    const node = this._tableArg(cellsOrTable);
    this._insertBlock(childIndex, node);
    return new Table(this.s, node);
  }
  /** Inserts, at child `index`, a new paragraph holding only `leaf` (a rule or a page break). */
  protected _insertInParagraph(index: number, leaf: HrNode | PageBreakNode): void {
    const p = newPara();
    p.children.push(leaf);
    this._insertBlock(index, p);
  }
  appendHorizontalRule(): HorizontalRule {
    return this.insertHorizontalRule(this.node.children.length);
  }
  insertHorizontalRule(childIndex: number): HorizontalRule {
    const hr: HrNode = { kind: "hr" };
    this._insertInParagraph(childIndex, hr);
    return new HorizontalRule(this.s, hr);
  }
  clear(): this {
    this.s.mutate();
    this.node.children.splice(0, this.node.children.length, newPara());
    return this;
  }
  setText(text: string): this {
    this.s.mutate();
    const paras = String(text)
      .split(/\r\n|\n|\r/)
      .map((line) => newPara(line));
    this.node.children.splice(0, this.node.children.length, ...paras);
    return this;
  }
  removeChild(child: DocElement): this {
    this.s.mutate();
    removeChildNode(this.node, elementNode(child));
    return this;
  }
}

/** Body, header and footer: block containers that also list every paragraph and table inside them. */
abstract class Section extends BlockContainer {
  getParagraphs(): Paragraph[] {
    return allParagraphs(this.node).map((p) => new Paragraph(this.s, p));
  }
  getTables(): Table[] {
    return allTables(this.node).map((t) => new Table(this.s, t));
  }
}

export class BodySection
  extends Section
  implements
    Pick<
      GoogleAppsScript.Document.Body,
      | "getText"
      | "getNumChildren"
      | "getMarginTop"
      | "getMarginBottom"
      | "getMarginLeft"
      | "getMarginRight"
      | "getPageWidth"
      | "getPageHeight"
    >
{
  readonly gasClass = "Body";
  protected _type(): string {
    return "BODY_SECTION";
  }
  appendPageBreak(): PageBreak {
    return this.insertPageBreak(this.node.children.length);
  }
  insertPageBreak(childIndex: number): PageBreak {
    const pb: PageBreakNode = { kind: "pagebreak" };
    this._insertInParagraph(childIndex, pb);
    return new PageBreak(this.s, pb);
  }
  private _page(): PageSetup {
    return this.s.tree().page;
  }
  private _setPage(key: keyof PageSetup, v: number): BodySection {
    this.s.mutate();
    this._page()[key] = Number(v);
    return this;
  }
  getMarginTop(): number {
    return this._page().marginTop;
  }
  getMarginBottom(): number {
    return this._page().marginBottom;
  }
  getMarginLeft(): number {
    return this._page().marginLeft;
  }
  getMarginRight(): number {
    return this._page().marginRight;
  }
  getPageWidth(): number {
    return this._page().width;
  }
  getPageHeight(): number {
    return this._page().height;
  }
  setMarginTop(v: number): BodySection {
    return this._setPage("marginTop", v);
  }
  setMarginBottom(v: number): BodySection {
    return this._setPage("marginBottom", v);
  }
  setMarginLeft(v: number): BodySection {
    return this._setPage("marginLeft", v);
  }
  setMarginRight(v: number): BodySection {
    return this._setPage("marginRight", v);
  }
  setPageWidth(v: number): BodySection {
    return this._setPage("width", v);
  }
  setPageHeight(v: number): BodySection {
    return this._setPage("height", v);
  }
}

export class HeaderSection
  extends Section
  implements Pick<GoogleAppsScript.Document.HeaderSection, "getText" | "getNumChildren">
{
  readonly gasClass = "HeaderSection";
  protected _type(): string {
    return "HEADER_SECTION";
  }
  removeFromParent(): HeaderSection {
    this.s.mutate();
    this.s.tree().header = null;
    return this;
  }
}

export class FooterSection
  extends Section
  implements Pick<GoogleAppsScript.Document.FooterSection, "getText" | "getNumChildren">
{
  readonly gasClass = "FooterSection";
  protected _type(): string {
    return "FOOTER_SECTION";
  }
  removeFromParent(): FooterSection {
    this.s.mutate();
    this.s.tree().footer = null;
    return this;
  }
}

export class TableCell
  extends BlockContainer
  implements
    Pick<
      GoogleAppsScript.Document.TableCell,
      | "getText"
      | "getNumChildren"
      | "getBackgroundColor"
      | "getColSpan"
      | "getRowSpan"
      | "getWidth"
      | "getPaddingTop"
      | "getPaddingBottom"
      | "getPaddingLeft"
      | "getPaddingRight"
    >
{
  readonly gasClass = "TableCell";
  declare protected readonly node: CellNode;
  protected _type(): string {
    return "TABLE_CELL";
  }
  getParentRow(): TableRow {
    return this.getParent() as TableRow;
  }
  getParentTable(): Table {
    return this.getParentRow().getParentTable();
  }
  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
  getWidth(): number {
    return this.node.width ?? 0;
  }
  setWidth(width: number): TableCell {
    this.s.mutate();
    this.node.width = Number(width);
    return this;
  }
  getBackgroundColor(): string {
    return this.node.backgroundColor ?? "";
  }
  setBackgroundColor(color: string): TableCell {
    this.s.mutate();
    this.node.backgroundColor = color === null ? null : String(color);
    return this;
  }
  getPaddingTop(): number {
    return this.node.padding.top;
  }
  getPaddingBottom(): number {
    return this.node.padding.bottom;
  }
  getPaddingLeft(): number {
    return this.node.padding.left;
  }
  getPaddingRight(): number {
    return this.node.padding.right;
  }
  setPaddingTop(v: number): TableCell {
    this.s.mutate();
    this.node.padding.top = Number(v);
    return this;
  }
  setPaddingBottom(v: number): TableCell {
    this.s.mutate();
    this.node.padding.bottom = Number(v);
    return this;
  }
  setPaddingLeft(v: number): TableCell {
    this.s.mutate();
    this.node.padding.left = Number(v);
    return this;
  }
  setPaddingRight(v: number): TableCell {
    this.s.mutate();
    this.node.padding.right = Number(v);
    return this;
  }
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): TableCell {
    this.s.mutate();
    this.node.verticalAlignment = enumArg(alignment, ["TOP", "CENTER", "BOTTOM"], "alignment");
    return this;
  }
  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    return enumOut(this.node.verticalAlignment);
  }
  removeFromParent(): TableCell {
    this._removeFromParent();
    return this;
  }
}

export class TableRow
  extends TextHolder
  implements
    Pick<
      GoogleAppsScript.Document.TableRow,
      "getText" | "getNumCells" | "getNumChildren" | "getMinimumHeight"
    >
{
  readonly gasClass = "TableRow";
  constructor(
    s: DocSession,
    private readonly node: RowNode,
  ) {
    super(s);
  }
  _node(): RowNode {
    return this.node;
  }
  protected _type(): string {
    return "TABLE_ROW";
  }
  getNumCells(): number {
    return this.node.cells.length;
  }
  getNumChildren(): number {
    return this.node.cells.length;
  }
  getCell(cellIndex: number): TableCell {
    const c = this.node.cells[cellIndex];
    if (!c) throw childIndexError(cellIndex, this.node.cells.length);
    return new TableCell(this.s, c);
  }
  getChild(childIndex: number): TableCell {
    return this.getCell(childIndex);
  }
  appendTableCell(textContents?: string | null): TableCell {
    this.s.mutate();
    const c = newCell(textContents === undefined || textContents === null ? "" : String(textContents));
    this.node.cells.push(c);
    return new TableCell(this.s, c);
  }
  removeCell(cellIndex: number): TableCell {
    const c = this.node.cells[cellIndex];
    if (!c) throw childIndexError(cellIndex, this.node.cells.length);
    this.s.mutate();
    this.node.cells.splice(cellIndex, 1);
    return new TableCell(this.s, c);
  }
  getParentTable(): Table {
    return this.getParent() as Table;
  }
  getMinimumHeight(): number {
    return this.node.minimumHeight;
  }
  setMinimumHeight(minHeight: number): TableRow {
    this.s.mutate();
    this.node.minimumHeight = Number(minHeight);
    return this;
  }
  removeFromParent(): TableRow {
    this._removeFromParent();
    return this;
  }
}

export class Table
  extends TextHolder
  implements
    Pick<
      GoogleAppsScript.Document.Table,
      "getText" | "getNumRows" | "getNumChildren" | "getBorderWidth" | "getBorderColor" | "getColumnWidth"
    >
{
  readonly gasClass = "Table";
  constructor(
    s: DocSession,
    private readonly node: TableNode,
  ) {
    super(s);
  }
  _node(): TableNode {
    return this.node;
  }
  protected _type(): string {
    return "TABLE";
  }
  getNumRows(): number {
    return this.node.rows.length;
  }
  getNumChildren(): number {
    return this.node.rows.length;
  }
  getRow(rowIndex: number): TableRow {
    const r = this.node.rows[rowIndex];
    if (!r) throw childIndexError(rowIndex, this.node.rows.length);
    return new TableRow(this.s, r);
  }
  getChild(childIndex: number): TableRow {
    return this.getRow(childIndex);
  }
  getCell(rowIndex: number, cellIndex: number): TableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }
  appendTableRow(): TableRow {
    this.s.mutate();
    const r: RowNode = { kind: "row", cells: [], minimumHeight: 0 };
    this.node.rows.push(r);
    return new TableRow(this.s, r);
  }
  insertTableRow(childIndex: number): TableRow {
    if (!(childIndex >= 0 && childIndex <= this.node.rows.length))
      throw childIndexError(childIndex, this.node.rows.length);
    this.s.mutate();
    const r: RowNode = { kind: "row", cells: [], minimumHeight: 0 };
    this.node.rows.splice(childIndex, 0, r);
    return new TableRow(this.s, r);
  }
  removeRow(rowIndex: number): TableRow {
    const r = this.node.rows[rowIndex];
    if (!r) throw childIndexError(rowIndex, this.node.rows.length);
    this.s.mutate();
    this.node.rows.splice(rowIndex, 1);
    return new TableRow(this.s, r);
  }
  getBorderWidth(): number {
    return this.node.borderWidth;
  }
  setBorderWidth(width: number): Table {
    this.s.mutate();
    this.node.borderWidth = Number(width);
    return this;
  }
  getBorderColor(): string {
    return this.node.borderColor;
  }
  setBorderColor(color: string): Table {
    this.s.mutate();
    this.node.borderColor = String(color);
    return this;
  }
  getColumnWidth(columnIndex: number): number {
    return this.node.columnWidths[columnIndex] ?? 0;
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    this.s.mutate();
    this.node.columnWidths[columnIndex] = Number(width);
    return this;
  }
  copy(): Table {
    return new Table(this.s, cloneTree(this.node));
  }
  removeFromParent(): Table {
    this._removeFromParent();
    return this;
  }
}

const PARA_NUMERIC = {
  SPACING_BEFORE: "spacingBefore",
  SPACING_AFTER: "spacingAfter",
  LINE_SPACING: "lineSpacing",
  INDENT_START: "indentStart",
  INDENT_END: "indentEnd",
  INDENT_FIRST_LINE: "indentFirstLine",
} as const;

export class Paragraph
  extends TextHolder
  implements
    Pick<
      GoogleAppsScript.Document.Paragraph,
      | "getText"
      | "getNumChildren"
      | "getSpacingBefore"
      | "getSpacingAfter"
      | "getLineSpacing"
      | "getIndentStart"
      | "getIndentEnd"
      | "getIndentFirstLine"
      | "isLeftToRight"
      | "setText"
    >
{
  readonly gasClass = "Paragraph";
  constructor(
    s: DocSession,
    private readonly node: ParaNode,
  ) {
    super(s);
  }
  _node(): ParaNode {
    return this.node;
  }
  protected _type(): string {
    return "PARAGRAPH";
  }
  getNumChildren(): number {
    return this.node.children.length;
  }
  getChild(childIndex: number): DocElement {
    const c = this.node.children[childIndex];
    if (!c) throw childIndexError(childIndex, this.node.children.length);
    return wrap(this.s, c, this.node);
  }
  getChildIndex(child: DocElement): number {
    const i = this.node.children.indexOf(elementNode(child) as InlineNode);
    if (i < 0) throw serviceError("Element is not a child of this element.");
    return i;
  }
  private _lastStyle(): CharStyle {
    for (let i = this.node.children.length - 1; i >= 0; i--) {
      const c = this.node.children[i]!;
      if (c.kind === "text" && c.styles.length) return c.styles[c.styles.length - 1]!;
    }
    return this.node.defaultStyle;
  }
  setText(text: string): void {
    this.s.mutate();
    const first = this.node.children.find((c): c is RunNode => c.kind === "text" && c.chars.length > 0);
    const style = first?.styles[0] ?? this.node.defaultStyle;
    this.node.children = String(text) ? [newRun(String(text), style)] : [];
  }
  appendText(text: string): Text {
    this.s.mutate();
    const run = newRun(String(text), this._lastStyle());
    this.node.children.push(run);
    return new Text(this.s, run, this.node);
  }
  insertText(childIndex: number, text: string): Text {
    if (!(childIndex >= 0 && childIndex <= this.node.children.length)) {
      throw childIndexError(childIndex, this.node.children.length);
    }
    this.s.mutate();
    const run = newRun(String(text), this._lastStyle());
    this.node.children.splice(childIndex, 0, run);
    return new Text(this.s, run, this.node);
  }
  appendHorizontalRule(): HorizontalRule {
    this.s.mutate();
    const hr: HrNode = { kind: "hr" };
    this.node.children.push(hr);
    return new HorizontalRule(this.s, hr);
  }
  appendPageBreak(): PageBreak {
    this.s.mutate();
    const pb: PageBreakNode = { kind: "pagebreak" };
    this.node.children.push(pb);
    return new PageBreak(this.s, pb);
  }
  clear(): Paragraph {
    this.s.mutate();
    this.node.children = [];
    return this;
  }
  removeChild(child: DocElement): Paragraph {
    this.s.mutate();
    removeChildNode(this.node, elementNode(child));
    return this;
  }
  removeFromParent(): Paragraph {
    this._removeFromParent();
    return this;
  }
  copy(): Paragraph {
    return new Paragraph(this.s, cloneTree(this.node));
  }
  getHeading(): ParagraphHeading {
    return enumOut<ParagraphHeading>(this.node.heading);
  }
  setHeading(heading: ParagraphHeading): Paragraph {
    const h = enumArg(heading, HEADINGS, "heading");
    this.s.mutate();
    this.node.heading = h;
    return this;
  }
  getAlignment(): HorizontalAlignment {
    return enumOut<HorizontalAlignment>(this.node.align ?? "LEFT");
  }
  setAlignment(alignment: HorizontalAlignment): Paragraph {
    const a = enumArg(alignment, ALIGNMENTS, "alignment");
    this.s.mutate();
    this.node.align = a;
    return this;
  }
  private _setNum(key: (typeof PARA_NUMERIC)[keyof typeof PARA_NUMERIC], v: number): Paragraph {
    this.s.mutate();
    this.node[key] = v === null ? null : Number(v);
    return this;
  }
  getSpacingBefore(): number {
    return this.node.spacingBefore ?? headingDefaults(this.node.heading).before;
  }
  getSpacingAfter(): number {
    return this.node.spacingAfter ?? headingDefaults(this.node.heading).after;
  }
  getLineSpacing(): number {
    return this.node.lineSpacing ?? 1.15;
  }
  getIndentStart(): number {
    return this.node.indentStart ?? 0;
  }
  getIndentEnd(): number {
    return this.node.indentEnd ?? 0;
  }
  getIndentFirstLine(): number {
    return this.node.indentFirstLine ?? this.getIndentStart();
  }
  setSpacingBefore(v: number): Paragraph {
    return this._setNum("spacingBefore", v);
  }
  setSpacingAfter(v: number): Paragraph {
    return this._setNum("spacingAfter", v);
  }
  setLineSpacing(multiplier: number): Paragraph {
    return this._setNum("lineSpacing", multiplier);
  }
  setIndentStart(v: number): Paragraph {
    return this._setNum("indentStart", v);
  }
  setIndentEnd(v: number): Paragraph {
    return this._setNum("indentEnd", v);
  }
  setIndentFirstLine(v: number): Paragraph {
    return this._setNum("indentFirstLine", v);
  }
  isLeftToRight(): boolean {
    return true;
  }
  setLeftToRight(_leftToRight: boolean): Paragraph {
    return this;
  }
  getAttributes(): Record<string, unknown> {
    const text = new Text(this.s, this.node).getAttributes();
    return {
      ...text,
      HEADING: this.node.heading,
      HORIZONTAL_ALIGNMENT: this.node.align,
      SPACING_BEFORE: this.node.spacingBefore,
      SPACING_AFTER: this.node.spacingAfter,
      LINE_SPACING: this.node.lineSpacing,
      INDENT_START: this.node.indentStart,
      INDENT_END: this.node.indentEnd,
      INDENT_FIRST_LINE: this.node.indentFirstLine,
      LEFT_TO_RIGHT: true,
    };
  }
  setAttributes(attributes: Record<string, unknown>): Paragraph {
    const attrs = attributes ?? {};
    this.s.mutate();
    if ("HEADING" in attrs && attrs.HEADING !== null)
      this.node.heading = enumArg(attrs.HEADING, HEADINGS, "heading");
    if ("HORIZONTAL_ALIGNMENT" in attrs) {
      this.node.align =
        attrs.HORIZONTAL_ALIGNMENT === null
          ? null
          : enumArg(attrs.HORIZONTAL_ALIGNMENT, ALIGNMENTS, "alignment");
    }
    for (const [name, key] of Object.entries(PARA_NUMERIC)) {
      if (name in attrs) this.node[key] = attrs[name] === null ? null : Number(attrs[name]);
    }
    const patch = stylePatch(attrs);
    if (Object.keys(patch).length) {
      this.node.defaultStyle = applyPatch(this.node.defaultStyle, patch);
      for (const c of this.node.children)
        if (c.kind === "text") c.styles = c.styles.map((st) => applyPatch(st, patch));
    }
    return this;
  }
}

/** Docs' default spacing and size per heading (points). */
export function headingDefaults(heading: string): {
  before: number;
  after: number;
  size: number;
  italic?: boolean;
} {
  switch (heading) {
    case "TITLE":
      return { before: 0, after: 3, size: 26 };
    case "SUBTITLE":
      return { before: 0, after: 16, size: 15 };
    case "HEADING1":
      return { before: 20, after: 6, size: 20 };
    case "HEADING2":
      return { before: 18, after: 6, size: 16 };
    case "HEADING3":
      return { before: 16, after: 4, size: 14 };
    case "HEADING4":
      return { before: 14, after: 4, size: 12 };
    case "HEADING5":
      return { before: 12, after: 4, size: 11 };
    case "HEADING6":
      return { before: 12, after: 4, size: 11, italic: true };
    default:
      return { before: 0, after: 0, size: 11 };
  }
}

export class HorizontalRule extends DocElement {
  readonly gasClass = "HorizontalRule";
  constructor(
    s: DocSession,
    private readonly node: HrNode,
  ) {
    super(s);
  }
  _node(): HrNode {
    return this.node;
  }
  protected _type(): string {
    return "HORIZONTAL_RULE";
  }
  removeFromParent(): HorizontalRule {
    this._removeFromParent();
    return this;
  }
}

export class PageBreak extends DocElement {
  readonly gasClass = "PageBreak";
  constructor(
    s: DocSession,
    private readonly node: PageBreakNode,
  ) {
    super(s);
  }
  _node(): PageBreakNode {
    return this.node;
  }
  protected _type(): string {
    return "PAGE_BREAK";
  }
  removeFromParent(): PageBreak {
    this._removeFromParent();
    return this;
  }
}

type TextScope = RunNode | ParaNode | ContainerNode | TableNode | RowNode;

interface Segment {
  run: RunNode | null;
  para: ParaNode;
  start: number;
  length: number;
}

/**
 * A Text element: either one run inside a paragraph (what getChild/appendText/findText give) or the
 * editable text of a whole element (editAsText), where paragraphs are separated by "\n".
 */
export class Text
  extends TextHolder
  implements
    Pick<
      GoogleAppsScript.Document.Text,
      "getText" | "isBold" | "isItalic" | "isUnderline" | "isStrikethrough"
    >
{
  readonly gasClass = "Text";
  constructor(
    s: DocSession,
    private readonly scope: TextScope,
    private readonly para?: ParaNode,
  ) {
    super(s);
  }
  _node(): TextScope {
    return this.scope;
  }
  _para(): ParaNode | undefined {
    return this.para;
  }
  protected _type(): string {
    return "TEXT";
  }
  private _segments(): Segment[] {
    if (this.scope.kind === "text") {
      return [{ run: this.scope, para: this.para ?? newPara(), start: 0, length: this.scope.chars.length }];
    }
    const out: Segment[] = [];
    let pos = 0;
    allParagraphs(this.scope).forEach((p, i) => {
      if (i > 0) {
        out.push({ run: null, para: p, start: pos, length: 1 });
        pos += 1;
      }
      for (const c of p.children) {
        if (c.kind !== "text") continue;
        out.push({ run: c, para: p, start: pos, length: c.chars.length });
        pos += c.chars.length;
      }
    });
    return out;
  }
  private _length(): number {
    return this._segments().reduce((n, s) => n + s.length, 0);
  }
  private _checkRange(start: number, endInclusive: number): void {
    const len = this._length();
    if (!(start >= 0 && endInclusive >= start && endInclusive < len)) {
      throw serviceError(
        `Invalid range: start offset ${start}, end offset ${endInclusive}, text length ${len}.`,
      );
    }
  }
  private _styleAt(offset: number): CharStyle | null {
    for (const seg of this._segments()) {
      if (seg.run && offset >= seg.start && offset < seg.start + seg.length)
        return seg.run.styles[offset - seg.start]!;
    }
    return null;
  }
  private _applyStyle(
    start: number,
    endInclusive: number,
    patch: Partial<Record<keyof CharStyle, unknown>>,
  ): void {
    this.s.mutate();
    for (const seg of this._segments()) {
      if (!seg.run) continue;
      const from = Math.max(start, seg.start) - seg.start;
      const to = Math.min(endInclusive, seg.start + seg.length - 1) - seg.start;
      for (let i = from; i <= to; i++) seg.run.styles[i] = applyPatch(seg.run.styles[i]!, patch);
    }
  }
  /** Whole-element style change; an element without text keeps it for text added later. */
  private _applyAll(patch: Partial<Record<keyof CharStyle, unknown>>): this {
    const len = this._length();
    if (len > 0) this._applyStyle(0, len - 1, patch);
    else this.s.mutate();
    if (this.scope.kind === "paragraph") this.scope.defaultStyle = applyPatch(this.scope.defaultStyle, patch);
    return this;
  }
  private _styleRangeOrAll(args: unknown[], key: keyof CharStyle, convert: (v: unknown) => unknown): this {
    if (args.length >= 3) {
      const [s, e, v] = args as [number, number, unknown];
      this._checkRange(Number(s), Number(e));
      this._applyStyle(Number(s), Number(e), { [key]: v === null ? undefined : convert(v) });
      return this;
    }
    const v = args[0];
    return this._applyAll({ [key]: v === null ? undefined : convert(v) });
  }
  /** The value of a style key at an offset, or over the whole text (null when mixed). */
  /**
   * The value of a style key at an offset, or over the whole text (null when mixed). Flags
   * (bold, italic, ...) read false where unset; sizes, families and colours read null (inherited);
   * `raw` reads every key as stored (getAttributes reports unset attributes as null).
   */
  private _query<K extends keyof CharStyle>(
    key: K,
    offset?: number | null,
    raw = false,
  ): CharStyle[K] | boolean | null {
    const flag =
      !raw && (key === "bold" || key === "italic" || key === "underline" || key === "strikethrough");
    const read = (st: CharStyle): CharStyle[K] | boolean | null => st[key] ?? (flag ? false : null);
    if (offset !== undefined && offset !== null) {
      const st = this._styleAt(Number(offset));
      if (!st) throw serviceError(`Invalid offset: ${offset}`);
      return read(st);
    }
    let value: CharStyle[K] | boolean | null | undefined = undefined;
    for (const seg of this._segments()) {
      if (!seg.run) continue;
      for (const st of seg.run.styles) {
        const v = read(st);
        if (value === undefined) value = v;
        else if (value !== v) return null;
      }
    }
    if (value === undefined) return this.scope.kind === "paragraph" ? read(this.scope.defaultStyle) : null;
    return value;
  }
  setText(text: string): Text {
    this.s.mutate();
    const t = String(text);
    if (this.scope.kind === "text") {
      const style = this.scope.styles[0] ?? this.para?.defaultStyle ?? {};
      this.scope.chars = t;
      this.scope.styles = Array.from({ length: t.length }, () => style);
    } else if (this.scope.kind === "paragraph") {
      new Paragraph(this.s, this.scope).setText(t);
    } else {
      const paras = allParagraphs(this.scope);
      const first = paras[0];
      if (!first) return this;
      new Paragraph(this.s, first).setText(t);
      for (const p of paras.slice(1)) {
        const parent = parentIn(this.scope, p);
        if (
          parent &&
          (parent.kind === "body" ||
            parent.kind === "header" ||
            parent.kind === "footer" ||
            parent.kind === "cell")
        ) {
          parent.children.splice(parent.children.indexOf(p), 1);
          if (!parent.children.some((c) => c.kind === "paragraph")) parent.children.push(newPara());
        } else {
          p.children = [];
        }
      }
    }
    return this;
  }
  appendText(text: string): Text {
    const t = String(text);
    this.s.mutate();
    const segs = this._segments().filter((s) => s.run);
    const last = segs[segs.length - 1];
    if (last?.run) {
      const style = last.run.styles[last.run.styles.length - 1] ?? last.para.defaultStyle;
      last.run.chars += t;
      for (let i = 0; i < t.length; i++) last.run.styles.push(style);
    } else {
      const paras = this.scope.kind === "text" ? [] : allParagraphs(this.scope);
      const p = paras[paras.length - 1];
      if (p) p.children.push(newRun(t, p.defaultStyle));
    }
    return this;
  }
  insertText(offset: number, text: string): Text {
    const t = String(text);
    const len = this._length();
    if (!(offset >= 0 && offset <= len)) throw serviceError(`Invalid offset: ${offset}`);
    this.s.mutate();
    const segs = this._segments();
    // The run that contains the offset, or the one that ends right at it.
    let target = segs.find((s) => s.run && offset >= s.start && offset < s.start + s.length);
    target ??= [...segs].reverse().find((s) => s.run && s.start + s.length === offset);
    if (!target?.run) {
      const p =
        segs.find((s) => s.start >= offset)?.para ??
        (this.scope.kind === "paragraph" ? this.scope : undefined);
      if (p) p.children.unshift(newRun(t, p.defaultStyle));
      return this;
    }
    const run = target.run;
    const local = offset - target.start;
    const style = run.styles[local - 1] ?? run.styles[local] ?? target.para.defaultStyle;
    run.chars = run.chars.slice(0, local) + t + run.chars.slice(local);
    run.styles.splice(local, 0, ...Array.from({ length: t.length }, () => style));
    return this;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    const start = Number(startOffset);
    const end = Number(endOffsetInclusive);
    this._checkRange(start, end);
    this.s.mutate();
    const segs = this._segments();
    const merges: Segment[] = [];
    for (const seg of [...segs].reverse()) {
      const from = Math.max(start, seg.start) - seg.start;
      const to = Math.min(end, seg.start + seg.length - 1) - seg.start;
      if (to < from) continue;
      if (seg.run) {
        seg.run.chars = seg.run.chars.slice(0, from) + seg.run.chars.slice(to + 1);
        seg.run.styles.splice(from, to - from + 1);
      } else {
        merges.push(seg);
      }
    }
    // A deleted paragraph separator joins the paragraph to the one before it.
    for (const seg of merges) {
      const idx = segs.indexOf(seg);
      const prev = segs
        .slice(0, idx)
        .reverse()
        .find((s) => s.para !== seg.para)?.para;
      const parent = prev ? parentIn(this.scope, seg.para) : null;
      if (!prev || !parent || parentIn(this.scope, prev) !== parent) continue;
      prev.children.push(...seg.para.children);
      const list = childList(parent) as AnyNode[];
      list.splice(list.indexOf(seg.para), 1);
    }
    return this;
  }
  isBold(offset?: number | null): boolean {
    return this._query("bold", offset) as boolean;
  }
  isItalic(offset?: number | null): boolean {
    return this._query("italic", offset) as boolean;
  }
  isUnderline(offset?: number | null): boolean {
    return this._query("underline", offset) as boolean;
  }
  isStrikethrough(offset?: number | null): boolean {
    return this._query("strikethrough", offset) as boolean;
  }
  getFontSize(offset?: number | null): number {
    return this._query("fontSize", offset) as number;
  }
  getFontFamily(offset?: number | null): string {
    return this._query("fontFamily", offset) as string;
  }
  getForegroundColor(offset?: number | null): string {
    return this._query("foregroundColor", offset) as string;
  }
  getBackgroundColor(offset?: number | null): string {
    return this._query("backgroundColor", offset) as string;
  }
  getLinkUrl(offset?: number | null): string {
    return this._query("linkUrl", offset) as string;
  }
  setBold(...args: [boolean] | [number, number, boolean]): Text {
    return this._styleRangeOrAll(args, "bold", (v) => !!v);
  }
  setItalic(...args: [boolean] | [number, number, boolean]): Text {
    return this._styleRangeOrAll(args, "italic", (v) => !!v);
  }
  setUnderline(...args: [boolean] | [number, number, boolean]): Text {
    return this._styleRangeOrAll(args, "underline", (v) => !!v);
  }
  setStrikethrough(...args: [boolean] | [number, number, boolean]): Text {
    return this._styleRangeOrAll(args, "strikethrough", (v) => !!v);
  }
  setFontSize(...args: [number] | [number, number, number]): Text {
    return this._styleRangeOrAll(args, "fontSize", (v) => Number(v));
  }
  setFontFamily(...args: [string] | [number, number, string]): Text {
    return this._styleRangeOrAll(args, "fontFamily", (v) => String(v));
  }
  setForegroundColor(...args: [string] | [number, number, string]): Text {
    return this._styleRangeOrAll(args, "foregroundColor", (v) => String(v));
  }
  setBackgroundColor(...args: [string] | [number, number, string]): Text {
    return this._styleRangeOrAll(args, "backgroundColor", (v) => String(v));
  }
  setLinkUrl(...args: [string] | [number, number, string]): Text {
    return this._styleRangeOrAll(args, "linkUrl", (v) => String(v));
  }
  getAttributes(offset?: number | null): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(TEXT_ATTRS)) out[name] = this._query(key, offset, true);
    return out;
  }
  setAttributes(...args: [Record<string, unknown>] | [number, number, Record<string, unknown>]): Text {
    if (args.length >= 3) {
      const [s, e, attrs] = args as [number, number, Record<string, unknown>];
      this._checkRange(Number(s), Number(e));
      this._applyStyle(Number(s), Number(e), stylePatch(attrs ?? {}));
      return this;
    }
    return this._applyAll(stylePatch((args[0] as Record<string, unknown>) ?? {}));
  }
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let prev: CharStyle | null = null;
    for (const seg of this._segments()) {
      if (!seg.run) continue;
      seg.run.styles.forEach((st, i) => {
        if (prev === null || !sameStyle(prev, st)) out.push(seg.start + i);
        prev = st;
      });
    }
    return out;
  }
  copy(): Text {
    if (this.scope.kind !== "text") return this;
    return new Text(this.s, cloneTree(this.scope));
  }
  removeFromParent(): Text {
    this._removeFromParent();
    return this;
  }
}
