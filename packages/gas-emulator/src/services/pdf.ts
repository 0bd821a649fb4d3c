/**
 * A small synchronous PDF 1.4 writer for the emulator's "export as PDF" (Document.getAs, File.getAs).
 *
 * Text only: the Standard 14 fonts (Helvetica, Times, Courier and their bold/italic faces, never
 * embedded) with WinAnsiEncoding, word wrap with the real glyph widths (Adobe AFM metrics from
 * @pdf-lib/standard-fonts), alignment left/center/right/justify, font sizes, bold, italic,
 * underline, colour, horizontal rules, simple tables with borders, page breaks, and a header and
 * footer repeated on every page. Output is deterministic: the only date in it is the one given
 * (the emulator's virtual clock), and the file id is a digest of the content.
 *
 * Characters WinAnsi cannot encode are replaced by "?" so the loss is visible in the PDF.
 */
import { Encodings, Font } from "@pdf-lib/standard-fonts";
import { createHash } from "node:crypto";

export type FontFamily = "Helvetica" | "Times" | "Courier";
type PdfAlign = "left" | "center" | "right" | "justify";

/** A run of text in one style. "\n", "\r" and "\u000b" inside `text` are forced line breaks. */
export interface PdfSpan {
  text: string;
  family?: FontFamily;
  bold?: boolean;
  italic?: boolean;
  /** Points. Default: the paragraph's `defaultSize`, else 11. */
  size?: number;
  underline?: boolean;
  /** "#rrggbb". Default black. */
  color?: string;
}

interface PdfParagraph {
  type: "paragraph";
  spans: PdfSpan[];
  align?: PdfAlign;
  /** Points before the first line / after the last line. */
  spaceBefore?: number;
  spaceAfter?: number;
  /** Multiple of single spacing (1.2 × the largest font size on the line). Default 1. */
  lineSpacing?: number;
  indentStart?: number;
  indentEnd?: number;
  /** Absolute indent of the first line (like Docs' indentFirstLine); default = indentStart. */
  indentFirstLine?: number;
  /** Font size of an empty paragraph's line. Default 11. */
  defaultSize?: number;
}

interface PdfRule {
  type: "rule";
  /** Line width in points. Default 1. */
  thickness?: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

interface PdfTable {
  type: "table";
  /** rows → cells → the blocks inside the cell. */
  rows: PdfBlock[][][];
  /** Column widths in points; missing or null columns share the remaining width equally. */
  columnWidths?: (number | null)[];
  /** Border line width; 0 = no borders. Default 1. */
  borderWidth?: number;
  /** Cell padding in points. Default 5. */
  padding?: number;
  /** Per-cell padding (rows → cells), overriding `padding` where given (Docs' TableCell.setPadding*). */
  cellPadding?: ({ top: number; right: number; bottom: number; left: number } | null)[][];
  spaceBefore?: number;
  spaceAfter?: number;
}

interface PdfPageBreak {
  type: "pageBreak";
}

export type PdfBlock = PdfParagraph | PdfRule | PdfTable | PdfPageBreak;

export interface PdfDocumentSpec {
  title?: string;
  author?: string;
  /** The document's creation date (ms since epoch): the only date written into the file. */
  creationDateMs: number;
  /** Time zone of the creation date, e.g. "Asia/Jakarta". Default UTC. */
  timeZone?: string;
  /** Points. Default A4: 595.28 × 841.89. */
  pageWidth?: number;
  pageHeight?: number;
  /** Points. Default 72 (one inch) each. */
  margins?: { top?: number; right?: number; bottom?: number; left?: number };
  /** Distance of the header's top / the footer's bottom from the page edge. Default 36. */
  headerMargin?: number;
  footerMargin?: number;
  header?: PdfBlock[];
  footer?: PdfBlock[];
  body: PdfBlock[];
}

export const A4 = { width: 595.28, height: 841.89 } as const;

// ---------------------------------------------------------------------------------------------
// Fonts and encoding

const FACES: Record<FontFamily, [string, string, string, string]> = {
  Helvetica: ["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"],
  Times: ["Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"],
  Courier: ["Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"],
};

/** The Standard 14 font name for a family and style. */
export function fontName(family: FontFamily = "Helvetica", bold = false, italic = false): string {
  return FACES[family][(bold ? 1 : 0) + (italic ? 2 : 0)]!;
}

const widthTables = new Map<string, number[]>();

/** Glyph widths (1/1000 em) by WinAnsi code for one of the Standard 14 fonts. */
function widths(font: string): number[] {
  let table = widthTables.get(font);
  if (!table) {
    const metrics = Font.load(font as Parameters<typeof Font.load>[0]);
    table = new Array<number>(256).fill(0);
    for (const cp of Encodings.WinAnsi.supportedCodePoints) {
      const { code, name } = Encodings.WinAnsi.encodeUnicodeCodePoint(cp);
      table[code] = metrics.getWidthOfGlyph(name) ?? 0;
    }
    widthTables.set(font, table);
  }
  return table;
}

const QUESTION = 63;
const SPACE = 32;
/** A forced line break inside a paragraph (never written to the file). */
const BREAK = -1;

/**
 * Unicode text → WinAnsi codes. Tabs become spaces, line breaks become BREAK, other control
 * characters are dropped, and anything WinAnsi cannot encode becomes "?" (counted in `replaced`).
 */
export function encodeWinAnsi(text: string): { codes: number[]; replaced: number } {
  const codes: number[] = [];
  let replaced = 0;
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\n" || ch === "\r" || ch === "\u000b") codes.push(BREAK);
    else if (ch === "\t") codes.push(SPACE);
    else if (cp < 32 || cp === 127) continue;
    else if (Encodings.WinAnsi.canEncodeUnicodeCodePoint(cp)) {
      codes.push(Encodings.WinAnsi.encodeUnicodeCodePoint(cp).code);
    } else {
      codes.push(QUESTION);
      replaced++;
    }
  }
  return { codes, replaced };
}

/** Width in points of `text` set in `font` (a Standard 14 name) at `size`. */
export function textWidth(text: string, font: string, size: number): number {
  const table = widths(font);
  let w = 0;
  for (const c of encodeWinAnsi(text).codes) if (c >= 0) w += table[c]!;
  return (w * size) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Layout

interface Glyph {
  code: number;
  font: string;
  size: number;
  width: number;
  underline: boolean;
  color: string | null;
}

/** One thing stacked on a page: a line of text, a rule, a table row. */
interface Item {
  height: number;
  spaceBefore: number;
  spaceAfter: number;
  pageBreak?: boolean;
  draw(ctx: DrawContext, x: number, top: number): void;
}

/** Collects a page's content stream and the fonts it uses. */
class DrawContext {
  readonly ops: string[] = [];
  constructor(
    readonly pageHeight: number,
    private readonly fonts: Map<string, string>,
  ) {}
  fontRef(font: string): string {
    let ref = this.fonts.get(font);
    if (!ref) {
      ref = `F${this.fonts.size + 1}`;
      this.fonts.set(font, ref);
    }
    return ref;
  }
  /** PDF y coordinate of a distance from the page top. */
  y(top: number): number {
    return this.pageHeight - top;
  }
}

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? "0" : String(r);
}

function colorOps(hex: string | null, stroke: boolean): string {
  const m = hex ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) : null;
  if (!m) return stroke ? "0 G" : "0 g";
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => num(parseInt(h, 16) / 255));
  return `${r} ${g} ${b} ${stroke ? "RG" : "rg"}`;
}

function pdfString(codes: number[]): string {
  let s = "(";
  for (const c of codes) {
    if (c === 40 || c === 41 || c === 92) s += "\\" + String.fromCharCode(c);
    else if (c < 32 || c > 126) s += "\\" + c.toString(8).padStart(3, "0");
    else s += String.fromCharCode(c);
  }
  return s + ")";
}

function glyphsOf(p: PdfParagraph): Glyph[] {
  const out: Glyph[] = [];
  for (const span of p.spans) {
    const font = fontName(span.family, span.bold, span.italic);
    const size = span.size ?? p.defaultSize ?? 11;
    const table = widths(font);
    for (const code of encodeWinAnsi(span.text).codes) {
      out.push({
        code,
        font,
        size,
        width: code >= 0 ? (table[code]! * size) / 1000 : 0,
        underline: !!span.underline,
        color: span.color ?? null,
      });
    }
  }
  return out;
}

interface LineRange {
  start: number;
  end: number;
  /** The last line of the paragraph or one ended by a forced break: never justified. */
  last: boolean;
}

/** Greedy line breaking at spaces; a word wider than the line is broken between characters. */
function breakLines(glyphs: Glyph[], firstWidth: number, width: number): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  while (start <= glyphs.length) {
    const avail = lines.length === 0 ? firstWidth : width;
    let w = 0;
    let lastSpace = -1;
    let i = start;
    let ended = false;
    for (; i < glyphs.length; i++) {
      const g = glyphs[i]!;
      if (g.code === BREAK) {
        lines.push({ start, end: i, last: true });
        start = i + 1;
        ended = true;
        break;
      }
      if (g.code === SPACE) {
        lastSpace = i;
        w += g.width;
        continue;
      }
      if (w + g.width > avail && i > start) {
        if (lastSpace >= start) {
          lines.push({ start, end: lastSpace, last: false });
          start = lastSpace + 1;
          while (start < glyphs.length && glyphs[start]!.code === SPACE) start++;
        } else {
          lines.push({ start, end: i, last: false });
          start = i;
        }
        ended = true;
        break;
      }
      w += g.width;
    }
    if (!ended) {
      lines.push({ start, end: glyphs.length, last: true });
      break;
    }
    if (start === glyphs.length && glyphs[glyphs.length - 1]?.code !== BREAK) {
      lines[lines.length - 1]!.last = true;
      break;
    }
  }
  return lines;
}

function paragraphItems(p: PdfParagraph, width: number): Item[] {
  const glyphs = glyphsOf(p);
  const indentStart = p.indentStart ?? 0;
  const indentFirst = p.indentFirstLine ?? indentStart;
  const indentEnd = p.indentEnd ?? 0;
  const lineSpacing = p.lineSpacing ?? 1;
  const ranges = breakLines(
    glyphs,
    Math.max(1, width - indentFirst - indentEnd),
    Math.max(1, width - indentStart - indentEnd),
  );
  const items: Item[] = [];
  ranges.forEach((r, index) => {
    let end = r.end;
    while (end > r.start && glyphs[end - 1]!.code === SPACE) end--;
    const line = glyphs.slice(r.start, end);
    const maxSize = line.reduce((m, g) => Math.max(m, g.size), 0) || (p.defaultSize ?? 11);
    const height = maxSize * 1.2 * lineSpacing;
    const indent = index === 0 ? indentFirst : indentStart;
    const avail = width - indent - indentEnd;
    const used = line.reduce((s, g) => s + g.width, 0);
    const spaces = line.filter((g) => g.code === SPACE).length;
    const align = p.align ?? "left";
    let offset = 0;
    let wordSpacing = 0;
    if (align === "center") offset = (avail - used) / 2;
    else if (align === "right") offset = avail - used;
    else if (align === "justify" && !r.last && spaces > 0) wordSpacing = (avail - used) / spaces;
    items.push({
      height,
      spaceBefore: index === 0 ? (p.spaceBefore ?? 0) : 0,
      spaceAfter: index === ranges.length - 1 ? (p.spaceAfter ?? 0) : 0,
      draw(ctx, x, top) {
        if (line.length === 0) return;
        const baseline = top + (height - maxSize) / 2 + maxSize * 0.8;
        const x0 = x + indent + Math.max(0, offset);
        // Tw is text state and outlives BT/ET: set it on every line.
        const parts: string[] = [`BT ${num(x0)} ${num(ctx.y(baseline))} Td ${num(wordSpacing)} Tw`];
        let cur: { font: string; size: number; color: string | null } | null = null;
        let codes: number[] = [];
        const flush = (): void => {
          if (codes.length) parts.push(`${pdfString(codes)} Tj`);
          codes = [];
        };
        for (const g of line) {
          if (!cur || cur.font !== g.font || cur.size !== g.size || cur.color !== g.color) {
            flush();
            if (!cur || cur.font !== g.font || cur.size !== g.size) {
              parts.push(`/${ctx.fontRef(g.font)} ${num(g.size)} Tf`);
            }
            if (!cur || cur.color !== g.color) parts.push(colorOps(g.color, false));
            cur = { font: g.font, size: g.size, color: g.color };
          }
          codes.push(g.code);
        }
        flush();
        parts.push("ET");
        ctx.ops.push(parts.join(" "));
        // Underlines, drawn after the text with the same advance widths.
        let cx = x0;
        for (const g of line) {
          const adv = g.width + (g.code === SPACE ? wordSpacing : 0);
          if (g.underline) {
            const uy = ctx.y(baseline + g.size * 0.1);
            ctx.ops.push(
              `${colorOps(g.color, true)} ${num(g.size * 0.05)} w ${num(cx)} ${num(uy)} m ${num(cx + adv)} ${num(uy)} l S`,
            );
          }
          cx += adv;
        }
      },
    });
  });
  return items;
}

function ruleItem(r: PdfRule, width: number): Item {
  const thickness = r.thickness ?? 1;
  const height = thickness + 6;
  return {
    height,
    spaceBefore: r.spaceBefore ?? 0,
    spaceAfter: r.spaceAfter ?? 0,
    draw(ctx, x, top) {
      const y = ctx.y(top + height / 2);
      ctx.ops.push(`0 G ${num(thickness)} w ${num(x)} ${num(y)} m ${num(x + width)} ${num(y)} l S`);
    },
  };
}

/** Total height of stacked items (spacing included, the first item's spaceBefore too). */
function stackHeight(items: Item[]): number {
  return items.reduce((h, it) => h + it.spaceBefore + it.height + it.spaceAfter, 0);
}

function drawStack(ctx: DrawContext, items: Item[], x: number, top: number): void {
  let y = top;
  for (const it of items) {
    y += it.spaceBefore;
    it.draw(ctx, x, y);
    y += it.height + it.spaceAfter;
  }
}

function tableItems(t: PdfTable, width: number): Item[] {
  const ncols = t.rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (ncols === 0) return [];
  const given = Array.from({ length: ncols }, (_, i) => t.columnWidths?.[i] ?? null);
  const fixed = given.reduce<number>((s, w) => s + (w ?? 0), 0);
  const free = given.filter((w) => w === null).length;
  const share = free ? Math.max(10, (width - fixed) / free) : 0;
  const cols = given.map((w) => w ?? share);
  const pad = t.padding ?? 5;
  const border = t.borderWidth ?? 1;
  return t.rows.map((row, rowIndex) => {
    const pads = cols.map(
      (_, i) => t.cellPadding?.[rowIndex]?.[i] ?? { top: pad, right: pad, bottom: pad, left: pad },
    );
    const cells = cols.map((cw, i) =>
      layoutBlocks(row[i] ?? [], Math.max(1, cw - pads[i]!.left - pads[i]!.right)),
    );
    const height = Math.max(...cells.map((c, i) => stackHeight(c) + pads[i]!.top + pads[i]!.bottom));
    return {
      height,
      spaceBefore: rowIndex === 0 ? (t.spaceBefore ?? 0) : 0,
      spaceAfter: rowIndex === t.rows.length - 1 ? (t.spaceAfter ?? 0) : 0,
      draw(ctx, x, top) {
        let cx = x;
        cells.forEach((items, i) => {
          const cw = cols[i]!;
          drawStack(ctx, items, cx + pads[i]!.left, top + pads[i]!.top);
          if (border > 0) {
            ctx.ops.push(
              `0 G ${num(border)} w ${num(cx)} ${num(ctx.y(top + height))} ${num(cw)} ${num(height)} re S`,
            );
          }
          cx += cw;
        });
      },
    };
  });
}

/** Blocks → stackable items for a column `width` points wide. */
function layoutBlocks(blocks: PdfBlock[], width: number): Item[] {
  const items: Item[] = [];
  for (const b of blocks) {
    if (b.type === "paragraph") items.push(...paragraphItems(b, width));
    else if (b.type === "rule") items.push(ruleItem(b, width));
    else if (b.type === "table") items.push(...tableItems(b, width));
    else items.push({ height: 0, spaceBefore: 0, spaceAfter: 0, pageBreak: true, draw: () => {} });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The file

function pdfDate(ms: number, timeZone: string | undefined): string {
  let offsetMin = 0;
  if (timeZone && timeZone !== "UTC") {
    const name =
      new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
        .formatToParts(new Date(ms))
        .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (m) offsetMin = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }
  const d = new Date(ms + offsetMin * 60_000);
  const p2 = (n: number): string => String(n).padStart(2, "0");
  const stamp =
    `${d.getUTCFullYear()}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}` +
    `${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}`;
  if (offsetMin === 0) return `D:${stamp}Z`;
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return `D:${stamp}${sign}${p2(Math.floor(abs / 60))}'${p2(abs % 60)}'`;
}

/** A PDF text string in UTF-16BE with a byte-order mark (any Unicode survives in metadata). */
function textString(s: string): string {
  let hex = "FEFF";
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

/** Renders the document; returns the bytes of a complete PDF 1.4 file. */
export function renderPdf(spec: PdfDocumentSpec): Buffer {
  const pageWidth = spec.pageWidth ?? A4.width;
  const pageHeight = spec.pageHeight ?? A4.height;
  const m = { top: 72, right: 72, bottom: 72, left: 72, ...spec.margins };
  const contentWidth = Math.max(10, pageWidth - m.left - m.right);
  const headerMargin = spec.headerMargin ?? 36;
  const footerMargin = spec.footerMargin ?? 36;
  const fonts = new Map<string, string>();

  const header = layoutBlocks(spec.header ?? [], contentWidth).filter((i) => !i.pageBreak);
  const footer = layoutBlocks(spec.footer ?? [], contentWidth).filter((i) => !i.pageBreak);
  const headerHeight = stackHeight(header);
  const footerHeight = stackHeight(footer);
  const bodyTop = header.length ? Math.max(m.top, headerMargin + headerHeight + 6) : m.top;
  const bodyBottom = footer.length
    ? Math.min(pageHeight - m.bottom, pageHeight - footerMargin - footerHeight - 6)
    : pageHeight - m.bottom;

  const pages: DrawContext[] = [];
  let ctx = new DrawContext(pageHeight, fonts);
  pages.push(ctx);
  let y = bodyTop;
  const newPage = (): void => {
    ctx = new DrawContext(pageHeight, fonts);
    pages.push(ctx);
    y = bodyTop;
  };
  for (const it of layoutBlocks(spec.body, contentWidth)) {
    if (it.pageBreak) {
      newPage();
      continue;
    }
    const atTop = y === bodyTop;
    const before = atTop ? 0 : it.spaceBefore;
    if (!atTop && y + before + it.height > bodyBottom) {
      newPage();
    } else {
      y += before;
    }
    it.draw(ctx, m.left, y);
    y += it.height + it.spaceAfter;
  }
  for (const page of pages) {
    if (header.length) drawStack(page, header, m.left, headerMargin);
    if (footer.length) drawStack(page, footer, m.left, pageHeight - footerMargin - footerHeight);
  }

  // Objects: 1 catalog, 2 page tree, 3 info, 4 font resources, then fonts, then page + content pairs.
  const objects: string[] = [];
  const fontEntries = [...fonts.entries()];
  const firstFont = 5;
  const firstPage = firstFont + fontEntries.length;
  const pageIds = pages.map((_, i) => firstPage + 2 * i);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  const info = [
    `/Producer ${textString("gas-emulator PDF writer")}`,
    `/CreationDate (${pdfDate(spec.creationDateMs, spec.timeZone)})`,
    `/ModDate (${pdfDate(spec.creationDateMs, spec.timeZone)})`,
  ];
  if (spec.title !== undefined) info.push(`/Title ${textString(spec.title)}`);
  if (spec.author !== undefined) info.push(`/Author ${textString(spec.author)}`);
  objects[3] = `<< ${info.join(" ")} >>`;
  objects[4] =
    `<< /Font << ${fontEntries.map(([, ref], i) => `/${ref} ${firstFont + i} 0 R`).join(" ")} >> ` +
    `/ProcSet [/PDF /Text] >>`;
  fontEntries.forEach(([name], i) => {
    objects[firstFont + i] =
      `<< /Type /Font /Subtype /Type1 /BaseFont /${name}` +
      (name === "Symbol" || name === "ZapfDingbats" ? "" : " /Encoding /WinAnsiEncoding") +
      " >>";
  });
  pages.forEach((page, i) => {
    const content = page.ops.join("\n");
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(pageWidth)} ${num(pageHeight)}] ` +
      `/Resources 4 0 R /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] =
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
  });

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [0];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  const fileId = createHash("md5").update(out, "latin1").digest("hex").toUpperCase();
  out +=
    `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 3 0 R /ID [<${fileId}> <${fileId}>] >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
