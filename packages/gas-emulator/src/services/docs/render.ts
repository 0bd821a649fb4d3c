/** The document model rendered as a PDF (services/pdf.ts writes it). */
import { type FontFamily, type PdfBlock, type PdfSpan, renderPdf } from "../pdf.js";
import type { ParaNode, BlockNode, DocTree } from "./model.js";
import { sameStyle } from "./enums.js";
import { headingDefaults } from "./elements.js";

// ---------------------------------------------------------------------------------------------
// PDF rendering of the document model

function familyOf(fontFamily: string | undefined): FontFamily {
  const f = (fontFamily ?? "").toLowerCase();
  if (/times|georgia|cambria|garamond|bookman|serif$|merriweather|lora/.test(f) && !/sans/.test(f))
    return "Times";
  if (/courier|mono|consolas/.test(f)) return "Courier";
  return "Helvetica";
}

function paraBlocks(p: ParaNode): PdfBlock[] {
  const hd = headingDefaults(p.heading);
  const base = {
    align: (p.align ?? "LEFT").toLowerCase() as "left" | "center" | "right" | "justify",
    spaceBefore: p.spacingBefore ?? hd.before,
    spaceAfter: p.spacingAfter ?? hd.after,
    lineSpacing: p.lineSpacing ?? 1.15,
    indentStart: p.indentStart ?? 0,
    indentEnd: p.indentEnd ?? 0,
    indentFirstLine: p.indentFirstLine ?? p.indentStart ?? 0,
    defaultSize: p.defaultStyle.fontSize ?? hd.size,
  };
  const out: PdfBlock[] = [];
  let spans: PdfSpan[] = [];
  let emitted = false;
  const flushText = (force: boolean): void => {
    if (spans.length || force) {
      out.push({ type: "paragraph", ...base, spans, ...(emitted ? { spaceBefore: 0 } : {}) });
      emitted = true;
    }
    spans = [];
  };
  for (const c of p.children) {
    if (c.kind === "text") {
      let i = 0;
      while (i < c.chars.length) {
        const st = c.styles[i]!;
        let j = i + 1;
        while (j < c.chars.length && sameStyle(c.styles[j]!, st)) j++;
        spans.push({
          text: c.chars.slice(i, j),
          family: familyOf(st.fontFamily),
          bold: !!st.bold,
          italic: st.italic ?? !!hd.italic,
          size: st.fontSize ?? hd.size,
          underline: !!st.underline || !!st.linkUrl,
          ...(st.foregroundColor ? { color: st.foregroundColor } : {}),
        });
        i = j;
      }
    } else if (c.kind === "hr") {
      flushText(false);
      out.push({ type: "rule", thickness: 1 });
      emitted = true;
    } else {
      flushText(false);
      out.push({ type: "pageBreak" });
      emitted = true;
    }
  }
  if (spans.length || !emitted) flushText(true);
  return out;
}

function blocksToPdf(blocks: BlockNode[]): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(...paraBlocks(b));
    else {
      out.push({
        type: "table",
        rows: b.rows.map((r) => r.cells.map((c) => blocksToPdf(c.children))),
        columnWidths: b.columnWidths.map((w) => w ?? null),
        borderWidth: b.borderWidth,
        padding: 5,
        cellPadding: b.rows.map((r) => r.cells.map((c) => ({ ...c.padding }))),
      });
    }
  }
  return out;
}

export function docToPdfSpec(
  t: DocTree,
  name: string,
  nowMs: number,
  timeZone: string,
): Parameters<typeof renderPdf>[0] {
  return {
    title: name,
    creationDateMs: nowMs,
    timeZone,
    pageWidth: t.page.width,
    pageHeight: t.page.height,
    margins: {
      top: t.page.marginTop,
      bottom: t.page.marginBottom,
      left: t.page.marginLeft,
      right: t.page.marginRight,
    },
    ...(t.header ? { header: blocksToPdf(t.header.children) } : {}),
    ...(t.footer ? { footer: blocksToPdf(t.footer.children) } : {}),
    body: blocksToPdf(t.body.children),
  };
}
