import { describe, expect, it } from "vitest";
import { type PdfTextItem, pdfText } from "./pdf-text.js";
import {
  A4,
  encodeWinAnsi,
  fontName,
  type PdfBlock,
  type PdfDocumentSpec,
  renderPdf,
  textWidth,
} from "../src/services/pdf.js";

const DATE = Date.UTC(2026, 10, 23, 1, 0, 0);
const CONTENT_WIDTH = A4.width - 144;

function doc(body: PdfBlock[], extra: Partial<PdfDocumentSpec> = {}): PdfDocumentSpec {
  return { creationDateMs: DATE, timeZone: "Asia/Jakarta", body, ...extra };
}

const LOREM =
  "Dengan hormat, bersama surat ini kami sampaikan bahwa permohonan akun surel dinas Saudara telah disetujui " +
  "oleh Kepala Dinas dan akun telah dibuat oleh petugas teknis pada hari yang sama sesuai standar pelayanan.";

describe("renderPdf", () => {
  it("writes a PDF 1.4 file whose xref offsets point at their objects", () => {
    const buf = renderPdf(doc([{ type: "paragraph", spans: [{ text: "Halo" }] }]));
    const s = buf.toString("latin1");
    expect(s.startsWith("%PDF-1.4\n")).toBe(true);
    expect(s.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(s)![1]);
    expect(s.slice(startxref, startxref + 4)).toBe("xref");
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(s.slice(startxref))!;
    expect(Number(first)).toBe(0);
    const entries = s
      .slice(startxref)
      .split("\n")
      .slice(2, 2 + Number(count));
    expect(entries[0]).toBe("0000000000 65535 f ");
    entries.slice(1).forEach((e, i) => {
      expect(e).toMatch(/^\d{10} 00000 n $/);
      const off = Number(e.slice(0, 10));
      expect(s.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(s).toMatch(
      /trailer\n<< \/Size \d+ \/Root 1 0 R \/Info 3 0 R \/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\] >>/,
    );
  });

  it("is deterministic: same input, same bytes; the date comes from the input", async () => {
    const spec = doc([{ type: "paragraph", spans: [{ text: LOREM }] }], { title: "Surat" });
    const a = renderPdf(spec);
    const b = renderPdf(spec);
    expect(a.equals(b)).toBe(true);
    const c = renderPdf({ ...spec, creationDateMs: DATE + 1000 });
    expect(c.equals(a)).toBe(false);
    const { info } = await pdfText(a);
    expect(info.CreationDate).toBe("D:20261123080000+07'00'");
    expect(info.Title).toBe("Surat");
  });

  it("text is extractable by pdfjs, with A4 pages and one-inch margins", async () => {
    const { pages } = await pdfText(
      renderPdf(doc([{ type: "paragraph", spans: [{ text: "Nomor: 500.12/1" }] }])),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]![0]!.str).toBe("Nomor: 500.12/1");
    expect(pages[0]![0]!.x).toBeCloseTo(72, 3);
    expect(pages[0]![0]!.y).toBeLessThan(A4.height - 72);
    expect(pages[0]![0]!.y).toBeGreaterThan(A4.height - 72 - 14);
  });

  it("wraps words greedily with the real glyph widths", async () => {
    const { pages } = await pdfText(renderPdf(doc([{ type: "paragraph", spans: [{ text: LOREM }] }])));
    const lines = pages[0]!;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.str).join(" ")).toBe(LOREM);
    for (let i = 0; i < lines.length; i++) {
      const width = textWidth(lines[i]!.str, "Helvetica", 11);
      expect(lines[i]!.width).toBeCloseTo(width, 2);
      expect(width).toBeLessThanOrEqual(CONTENT_WIDTH);
      if (i < lines.length - 1) {
        // Greedy: the next word would not have fitted.
        const nextWord = lines[i + 1]!.str.split(" ")[0]!;
        expect(textWidth(`${lines[i]!.str} ${nextWord}`, "Helvetica", 11)).toBeGreaterThan(CONTENT_WIDTH);
      }
    }
    // A Times paragraph wraps differently from Helvetica: widths are per font.
    const times = await pdfText(
      renderPdf(doc([{ type: "paragraph", spans: [{ text: LOREM, family: "Times" }] }])),
    );
    expect(times.pages[0]![0]!.str).not.toBe(lines[0]!.str);
  });

  it("aligns left, center, right and justifies all but the last line", async () => {
    const line = (align: "left" | "center" | "right"): PdfBlock => ({
      type: "paragraph",
      align,
      spans: [{ text: "PEMERINTAH KOTA CONTOH" }],
    });
    const { pages } = await pdfText(
      renderPdf(
        doc([
          line("left"),
          line("center"),
          line("right"),
          { type: "paragraph", align: "justify", spans: [{ text: LOREM }] },
        ]),
      ),
    );
    const [left, center, right, ...justified] = pages[0]!;
    const w = textWidth("PEMERINTAH KOTA CONTOH", "Helvetica", 11);
    expect(left!.x).toBeCloseTo(72, 3);
    expect(center!.x).toBeCloseTo(72 + (CONTENT_WIDTH - w) / 2, 2);
    expect(right!.x + right!.width).toBeCloseTo(A4.width - 72, 2);
    const last = justified[justified.length - 1]!;
    for (const l of justified.slice(0, -1)) expect(l.width).toBeCloseTo(CONTENT_WIDTH, 1);
    expect(last.width).toBeLessThan(CONTENT_WIDTH - 20);
  });

  it("sets bold and italic faces and font sizes", async () => {
    const { pages } = await pdfText(
      renderPdf(
        doc([
          {
            type: "paragraph",
            spans: [
              { text: "Biasa " },
              { text: "Tebal", bold: true, size: 14 },
              { text: " miring", italic: true, family: "Times" },
            ],
          },
        ]),
      ),
    );
    const fonts = Object.fromEntries(pages[0]!.map((i) => [i.str.trim(), i.font]));
    expect(fonts["Biasa"]).toBe("Helvetica");
    expect(fonts["Tebal"]).toBe("Helvetica-Bold");
    expect(fonts["miring"]).toBe("Times-Italic");
    expect(fontName("Courier", true, true)).toBe("Courier-BoldOblique");
  });

  it("encodes Latin-1 letters and replaces what WinAnsi cannot hold with a visible ?", async () => {
    expect(encodeWinAnsi("é").codes).toEqual([233]);
    const enc = encodeWinAnsi("Ā\u4e2d");
    expect(enc.codes).toEqual([63, 63]);
    expect(enc.replaced).toBe(2);
    const { pages } = await pdfText(
      renderPdf(doc([{ type: "paragraph", spans: [{ text: "José Ñandú – Müller (Ā) \\ ok" }] }])),
    );
    expect(pages[0]![0]!.str).toBe("José Ñandú – Müller (?) \\ ok");
  });

  it("breaks pages when the body is full and repeats header and footer on every page", async () => {
    const many: PdfBlock[] = Array.from({ length: 60 }, (_, i) => ({
      type: "paragraph",
      spans: [{ text: `Baris ${i + 1}` }],
      spaceAfter: 6,
    }));
    const { pages } = await pdfText(
      renderPdf(
        doc(many, {
          header: [{ type: "paragraph", align: "center", spans: [{ text: "KOP SURAT", bold: true }] }],
          footer: [{ type: "paragraph", spans: [{ text: "kaki" }] }],
        }),
      ),
    );
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flatMap((p) => p.map((i) => i.str)).filter((s) => s.startsWith("Baris"));
    expect(all).toEqual(many.map((_, i) => `Baris ${i + 1}`));
    for (const p of pages) {
      const kop = p.find((i) => i.str === "KOP SURAT")!;
      const kaki = p.find((i) => i.str === "kaki")!;
      expect(kop.y).toBeGreaterThan(A4.height - 60);
      expect(kaki.y).toBeLessThan(60);
      for (const line of p.filter((i) => i.str.startsWith("Baris"))) {
        expect(line.y).toBeLessThan(kop.y);
        expect(line.y).toBeGreaterThan(kaki.y);
      }
    }
  });

  it("honours explicit page breaks", async () => {
    const { pages } = await pdfText(
      renderPdf(
        doc([
          { type: "paragraph", spans: [{ text: "Satu" }] },
          { type: "pageBreak" },
          { type: "paragraph", spans: [{ text: "Dua" }] },
        ]),
      ),
    );
    expect(pages.map((p) => p.map((i) => i.str))).toEqual([["Satu"], ["Dua"]]);
  });

  it("lays out tables in columns with borders, and draws horizontal rules", async () => {
    const cell = (t: string): PdfBlock[] => [{ type: "paragraph", spans: [{ text: t }] }];
    const spec = doc([
      { type: "rule", thickness: 2 },
      {
        type: "table",
        columnWidths: [80, 12, null],
        borderWidth: 1,
        rows: [
          [cell("Nomor"), cell(":"), cell("500.12/7/Diskominfo/XI/2026")],
          [cell("Hal"), cell(":"), cell("Akun surel dinas")],
        ],
      },
    ]);
    const buf = renderPdf(spec);
    const { pages } = await pdfText(buf);
    const at = (s: string): PdfTextItem => pages[0]!.find((i) => i.str === s)!;
    expect(at("Nomor").x).toBeCloseTo(72 + 5, 3);
    expect(at(":").x).toBeCloseTo(72 + 80 + 5, 3);
    expect(at("500.12/7/Diskominfo/XI/2026").x).toBeCloseTo(72 + 92 + 5, 3);
    expect(at("Hal").y).toBeLessThan(at("Nomor").y);
    expect(at("Hal").x).toBeCloseTo(at("Nomor").x, 3);
    const content = buf.toString("latin1");
    // Six cell borders, and the rule across the content width (2 pt).
    expect(content.match(/ re S/g)).toHaveLength(6);
    expect(content).toMatch(
      new RegExp(`0 G 2 w 72 [\\d.]+ m ${Math.round(A4.width * 1000 - 72000) / 1000} [\\d.]+ l S`),
    );
  });

  it("keeps forced line breaks inside a paragraph and breaks over-long words", async () => {
    const long = "x".repeat(200);
    const { pages } = await pdfText(
      renderPdf(
        doc([
          { type: "paragraph", spans: [{ text: "baris satu\nbaris dua" }] },
          { type: "paragraph", spans: [{ text: long }] },
        ]),
      ),
    );
    const strs = pages[0]!.map((i) => i.str);
    expect(strs.slice(0, 2)).toEqual(["baris satu", "baris dua"]);
    expect(strs.slice(2).join("")).toBe(long);
    expect(strs.length).toBeGreaterThan(3);
  });

  it("draws underlines under underlined spans only", () => {
    const plain = renderPdf(doc([{ type: "paragraph", spans: [{ text: "a" }] }])).toString("latin1");
    const under = renderPdf(doc([{ type: "paragraph", spans: [{ text: "a", underline: true }] }])).toString(
      "latin1",
    );
    expect(plain).not.toMatch(/ l S/);
    expect(under).toMatch(/ l S/);
  });
});

describe("table cell padding", () => {
  it("honours per-cell padding (Docs' TableCell.setPadding*) and defaults to 5 pt", async () => {
    const cell = (text: string): PdfBlock[] => [{ type: "paragraph", spans: [{ text }] }];
    const rows = [
      [cell("A"), cell("B")],
      [cell("C"), cell("D")],
    ];
    const tight = { top: 0, right: 0, bottom: 0, left: 0 };
    const endY = async (t: Extract<PdfBlock, { type: "table" }>): Promise<{ end: number; a: number }> => {
      const { pages } = await pdfText(renderPdf(doc([t, { type: "paragraph", spans: [{ text: "END" }] }])));
      const items = pages[0]!;
      return { end: items.find((i) => i.str === "END")!.y, a: items.find((i) => i.str === "A")!.x };
    };
    const loose = await endY({ type: "table", rows, borderWidth: 0 });
    const zero = await endY({
      type: "table",
      rows,
      borderWidth: 0,
      cellPadding: rows.map((r) => r.map(() => tight)),
    });
    // Two rows, 10 pt less padding each: the text after the table starts 20 pt higher.
    expect(zero.end - loose.end).toBeCloseTo(20, 1);
    // And the first cell's text starts 5 pt further left.
    expect(loose.a - zero.a).toBeCloseTo(5, 1);
  });
});
