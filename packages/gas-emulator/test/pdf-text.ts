/** Reads the text of a PDF back with pdfjs, for the tests of the emulator's PDF output. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One piece of text on a page: its position and size in points, and the real font name. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  font: string;
}

/** Per page, the non-blank text items with positions and real font names; and the document info. */
export async function pdfText(
  buf: Buffer,
): Promise<{ pages: PdfTextItem[][]; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: new Uint8Array(buf), verbosity: 0 }).promise;
  const pages: PdfTextItem[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const tc = await page.getTextContent();
    await page.getOperatorList();
    const items: PdfTextItem[] = [];
    for (const it of tc.items) {
      if (!("str" in it) || it.str.trim() === "") continue;
      const font = page.commonObjs.get(it.fontName) as { name: string };
      items.push({
        str: it.str,
        x: it.transform[4],
        y: it.transform[5],
        width: it.width,
        height: it.transform[3],
        font: font.name,
      });
    }
    pages.push(items);
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}
