import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { ExecContext } from "../src/core.js";
import {
  exec,
  type GasClass,
  interfaceMethods,
  publicMethods,
  thrown,
  within,
  restoreProcessZoneAfterAll,
} from "./helpers.js";
import * as docs from "../src/services/docs.js";
import { Emulator } from "../src/index.js";
import { type PdfTextItem, pdfText } from "./pdf-text.js";
import * as drive from "../src/services/drive.js";
import { A4, textWidth } from "../src/services/pdf.js";
import { Workspace } from "../src/workspace.js";

restoreProcessZoneAfterAll();

let ws: Workspace;
let DocumentApp: docs.DocumentAppService;
let DriveApp: drive.DriveAppService;
let Files: drive.DriveFilesCollection;
let Revisions: drive.DriveRevisionsCollection;
const STAFF = "staf@contohkota.go.id";

function ctx(email: string): ExecContext {
  return exec(ws, {
    id: 7,
    handler: "kirimSurat",
    kind: "installable",
    activeUser: email,
    effectiveUser: email,
  });
}

function as<T>(email: string, fn: () => T): T {
  return within(ws, ctx(email), fn);
}

async function pdfItems(buf: Buffer): Promise<PdfTextItem[][]> {
  return (await pdfText(buf)).pages;
}

beforeEach(() => {
  ws = new Workspace({ domain: "contohkota.go.id" });
  ws.addIdentity({ email: STAFF });
  const d = drive.install(ws);
  DriveApp = d.DriveApp as drive.DriveAppService;
  const adv = (d.Drive as drive.DriveAdvancedService).gasProps();
  Files = adv.Files as drive.DriveFilesCollection;
  Revisions = adv.Revisions as drive.DriveRevisionsCollection;
  DocumentApp = docs.install(ws).DocumentApp as docs.DocumentAppService;
});

describe("DocumentApp.create and the body model", () => {
  it("creates a Google Doc in Drive with one empty paragraph, counting against the daily quota", () => {
    const doc = DocumentApp.create("Templat Surat");
    expect(doc.getName()).toBe("Templat Surat");
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getMimeType()).toBe("application/vnd.google-apps.document");
    expect(file.getSize()).toBe(0);
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe("");
    expect(String(body.getChild(0).getType())).toBe("PARAGRAPH");
    expect(ws.quotas.remaining("documentsCreated", ws.now())).toBe(1499);
    expect(docs.documentRevisions(ws, doc.getId())).toHaveLength(1);
  });

  it("appends and inserts paragraphs, and reports bad child indexes as Docs does", () => {
    const body = DocumentApp.create("d").getBody();
    body.getChild(0).asParagraph().setText("Pertama");
    body.appendParagraph("Ketiga");
    const p = body.insertParagraph(1, "Kedua");
    expect(body.getText()).toBe("Pertama\nKedua\nKetiga");
    expect(body.getChildIndex(p)).toBe(1);
    expect(body.getParagraphs().map((x) => x.getText())).toEqual(["Pertama", "Kedua", "Ketiga"]);
    expect(thrown(() => body.getChild(3)).message).toBe(
      "Child index (3) must be less than the number of child elements (3).",
    );
    expect(p.getNextSibling()!.asParagraph().getText()).toBe("Ketiga");
    expect(p.getPreviousSibling()!.asParagraph().getText()).toBe("Pertama");
    expect(String(p.getParent()!.getType())).toBe("BODY_SECTION");
    expect(thrown(() => p.asTable()).message).toBe("Cannot cast PARAGRAPH to TABLE.");
    p.removeFromParent();
    expect(body.getText()).toBe("Pertama\nKetiga");
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(thrown(() => body.removeChild(body.getChild(0))).message).toBe(
      "Can't remove the last paragraph in a document section.",
    );
  });

  it("builds tables from cells; a trailing table gets an empty paragraph after it", () => {
    const body = DocumentApp.create("d").getBody();
    const t = body.appendTable([
      ["Nomor", ":", "{{nomor}}"],
      ["Hal", ":", "Akun surel"],
    ]);
    expect(body.getNumChildren()).toBe(3);
    expect(String(body.getChild(2).getType())).toBe("PARAGRAPH");
    expect(t.getNumRows()).toBe(2);
    expect(t.getCell(0, 2).getText()).toBe("{{nomor}}");
    expect(t.getRow(1).getNumCells()).toBe(3);
    expect(t.getCell(1, 0).getParentRow().getParentTable().getNumRows()).toBe(2);
    t.setBorderWidth(0).setColumnWidth(0, 60);
    expect(t.getBorderWidth()).toBe(0);
    expect(t.getColumnWidth(0)).toBe(60);
    t.getCell(1, 2).appendParagraph("baris dua");
    expect(t.getCell(1, 2).getText()).toBe("Akun surel\nbaris dua");
    expect(body.getText()).toBe("\nNomor\t:\t{{nomor}}\nHal\t:\tAkun surel\nbaris dua\n");
    const row = t.appendTableRow();
    row.appendTableCell("Lampiran");
    expect(t.getNumRows()).toBe(3);
    expect(body.getTables()).toHaveLength(1);
    expect(body.getParagraphs().map((p) => p.getText())).toContain("Lampiran");
  });

  it("keeps headings, alignment, spacing and paragraph attributes", () => {
    const body = DocumentApp.create("d").getBody();
    const p = body.appendParagraph("SURAT KETERANGAN");
    p.setHeading("HEADING1" as never)
      .setAlignment("CENTER" as never)
      .setSpacingAfter(12);
    expect(String(p.getHeading())).toBe("HEADING1");
    expect(String(p.getAlignment())).toBe("CENTER");
    expect(p.getSpacingAfter()).toBe(12);
    expect(p.getSpacingBefore()).toBe(20);
    p.setAttributes({ BOLD: true, FONT_SIZE: 14, HORIZONTAL_ALIGNMENT: "RIGHT" });
    const attrs = p.getAttributes();
    expect(attrs.BOLD).toBe(true);
    expect(attrs.FONT_SIZE).toBe(14);
    expect(attrs.HORIZONTAL_ALIGNMENT).toBe("RIGHT");
    expect(attrs.ITALIC).toBe(null);
    expect(thrown(() => p.setHeading("HEADING9" as never)).message).toBe("Invalid argument: heading");
    const enums = DocumentApp.gasProps() as Record<string, Record<string, string>>;
    expect(enums.ParagraphHeading!.HEADING1).toBe("HEADING1");
    expect(enums.Attribute!.BOLD).toBe("BOLD");
  });

  it("styles text ranges, and new text takes the style before it", () => {
    const p = DocumentApp.create("d").getBody().appendParagraph("Nama: Budi");
    const text = p.editAsText();
    text.setBold(0, 4, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(6)).toBe(false);
    expect(text.isBold()).toBe(null);
    expect(text.getTextAttributeIndices()).toEqual([0, 5]);
    const more = p.appendText(" (NIP)");
    expect(more.getText()).toBe(" (NIP)");
    expect(p.getNumChildren()).toBe(2);
    more.setItalic(true).setFontSize(9);
    expect(p.editAsText().isItalic(11)).toBe(true);
    expect(p.editAsText().getFontSize(0)).toBe(null);
    expect(p.editAsText().getFontSize(11)).toBe(9);
    text.insertText(0, "Sdr. ");
    expect(p.getText()).toBe("Sdr. Nama: Budi (NIP)");
    p.editAsText().deleteText(0, 4);
    expect(p.getText()).toBe("Nama: Budi (NIP)");
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(thrown(() => p.editAsText().deleteText(5, 99)).message).toMatch(/^Invalid range/);
  });
});

describe("replaceText and findText", () => {
  function bodyWith(...paras: string[]): docs.BodySection {
    const body = DocumentApp.create("d").getBody();
    body.setText(paras.join("\n"));
    return body;
  }

  it("replaces every match of a regular expression, per paragraph", () => {
    const body = bodyWith("Yth. {{nama}}", "Akun {{email}} untuk {{nama}}");
    body.replaceText("\\{\\{nama\\}\\}", "Budi Santoso");
    body.replaceText("{{email}}", "budi@contohkota.go.id");
    expect(body.getText()).toBe("Yth. Budi Santoso\nAkun budi@contohkota.go.id untuk Budi Santoso");
    body.replaceText("(?i)YTH\\.", "Kepada Yth.");
    expect(body.getParagraphs()[0]!.getText()).toBe("Kepada Yth. Budi Santoso");
  });

  it("never matches across paragraphs", () => {
    const body = bodyWith("satu", "dua");
    body.replaceText("satu\\s*dua", "X");
    body.replaceText("satu.dua", "X");
    expect(body.getText()).toBe("satu\ndua");
  });

  it("treats $ and \\ in the replacement as Java's Matcher does", () => {
    const body = bodyWith("NIP 198001012005011001");
    body.replaceText("NIP (\\d{8})\\d+", "lahir $1");
    expect(body.getText()).toBe("lahir 19800101");
    body.replaceText("lahir", "biaya \\$0 \\\\ ok");
    expect(body.getText()).toBe("biaya $0 \\ ok 19800101");
    expect(thrown(() => body.replaceText("biaya", "Rp$")).message).toBe(
      "Illegal group reference: group index is missing",
    );
    expect(thrown(() => body.replaceText("biaya", "$x")).message).toBe("Illegal group reference");
    expect(thrown(() => body.replaceText("biaya", "$2")).message).toBe("No group 2");
    // No match: the replacement is never looked at.
    body.replaceText("tidak ada", "$");
  });

  it("gives the replacement the style of the text it replaces", () => {
    const body = bodyWith("Kata sandi: {{sandi}} (rahasia)");
    const p = body.getParagraphs()[0]!;
    const start = p.getText().indexOf("{{");
    p.editAsText().setBold(start, start + "{{sandi}}".length - 1, true);
    body.replaceText("\\{\\{sandi\\}\\}", "Xy7-Qa9");
    const t = p.editAsText();
    expect(p.getText()).toBe("Kata sandi: Xy7-Qa9 (rahasia)");
    expect(t.isBold(start)).toBe(true);
    expect(t.isBold(start + 6)).toBe(true);
    expect(t.isBold(start + 7)).toBe(false);
    expect(t.isBold(0)).toBe(false);
  });

  it("finds text with offsets and continues from a previous result", () => {
    const body = bodyWith("{{a}} dan {{b}}", "{{c}}");
    const r1 = body.findText("\\{\\{\\w+\\}\\}")!;
    expect(r1.getStartOffset()).toBe(0);
    expect(r1.getEndOffsetInclusive()).toBe(4);
    expect(r1.isPartial()).toBe(true);
    expect(r1.getElement().getText()).toBe("{{a}} dan {{b}}");
    const r2 = body.findText("\\{\\{\\w+\\}\\}", r1)!;
    expect(r2.getStartOffset()).toBe(10);
    const r3 = body.findText("\\{\\{\\w+\\}\\}", r2)!;
    expect(r3.getElement().getText()).toBe("{{c}}");
    expect(r3.isPartial()).toBe(false);
    expect(body.findText("\\{\\{\\w+\\}\\}", r3)).toBe(null);
    // The found element is editable in place.
    r3.getElement().asText().setText("C");
    expect(body.getText()).toBe("{{a}} dan {{b}}\nC");
  });
});

describe("saving, revisions and closing", () => {
  it("saveAndClose keeps a revision of the text; a closed document refuses changes", () => {
    const doc = DocumentApp.create("Surat");
    doc.getBody().appendParagraph("sandi: rahasia-1");
    doc.saveAndClose();
    const revs = docs.documentRevisions(ws, doc.getId());
    expect(revs.map((r) => r.text)).toEqual(["", "\nsandi: rahasia-1"]);
    expect(thrown(() => doc.getBody().appendParagraph("x")).message).toBe(
      "Document is closed, its contents cannot be updated.",
    );
    const again = DocumentApp.openById(doc.getId());
    again.saveAndClose();
    expect(docs.documentRevisions(ws, doc.getId())).toHaveLength(2);
    const listed = Revisions.list(doc.getId());
    expect(listed.revisions!.map((r) => r.id)).toEqual(["1", "2"]);
    expect(listed.revisions![0]!.mimeType).toBe("application/vnd.google-apps.document");
  });

  it("the end of an execution saves pending changes as its effective user", () => {
    const doc = DocumentApp.create("Surat");
    DriveApp.getFileById(doc.getId()).addEditor(STAFF);
    ws.current = ctx(STAFF);
    ws.clockMs += 1000;
    ws.current.nowMs = ws.clockMs;
    DocumentApp.openById(doc.getId()).getBody().appendParagraph("diubah staf");
    for (const hook of ws.endHooks) hook(ws.current);
    ws.current = null;
    const revs = docs.documentRevisions(ws, doc.getId());
    expect(revs).toHaveLength(2);
    expect(revs[1]!.user).toBe(STAFF);
    expect(revs[1]!.text).toContain("diubah staf");
    expect(DriveApp.getFileById(doc.getId()).getLastUpdated().getTime()).toBe(ws.clockMs);
  });

  it("exports the saved content: a PDF taken before saveAndClose shows the old text", async () => {
    const doc = DocumentApp.create("Surat Budi");
    doc.getBody().setText("Kata sandi: {{sandi}}");
    doc.saveAndClose();
    const open = DocumentApp.openById(doc.getId());
    open.getBody().replaceText("\\{\\{sandi\\}\\}", "Qa9-x7");
    const stale = DriveApp.getFileById(doc.getId()).getAs("application/pdf");
    expect((await pdfItems(stale._buffer()))[0]!.map((i) => i.str)).toEqual(["Kata sandi: {{sandi}}"]);
    expect(docs.documentText(ws, doc.getId())).toBe("Kata sandi: Qa9-x7");
    expect(docs.documentText(ws, doc.getId(), { committed: true })).toBe("Kata sandi: {{sandi}}");
    open.saveAndClose();
    const pdf = open.getAs("application/pdf");
    expect(pdf.getName()).toBe("Surat Budi.pdf");
    expect(pdf.getContentType()).toBe("application/pdf");
    expect((await pdfItems(pdf._buffer()))[0]!.map((i) => i.str)).toEqual(["Kata sandi: Qa9-x7"]);
    const viaDrive = DriveApp.getFileById(doc.getId()).getBlob();
    expect(viaDrive.getContentType()).toBe("application/pdf");
    expect(thrown(() => open.getAs("text/html")).message).toBe(
      "Converting from application/vnd.google-apps.document to text/html is not supported.",
    );
  });

  it("makeCopy copies the document content, independently, and counts a created document", () => {
    const tpl = DocumentApp.create("Templat");
    tpl.getBody().setText("Yth. {{nama}}");
    tpl.saveAndClose();
    const before = ws.quotas.remaining("documentsCreated", ws.now());
    const copy = DriveApp.getFileById(tpl.getId()).makeCopy("Surat untuk Budi");
    expect(ws.quotas.remaining("documentsCreated", ws.now())).toBe(before - 1);
    const doc = DocumentApp.openById(copy.getId());
    expect(doc.getName()).toBe("Surat untuk Budi");
    doc.getBody().replaceText("\\{\\{nama\\}\\}", "Budi");
    doc.saveAndClose();
    expect(docs.documentText(ws, copy.getId())).toBe("Yth. Budi");
    expect(docs.documentText(ws, tpl.getId())).toBe("Yth. {{nama}}");
    expect(docs.documentRevisions(ws, copy.getId()).map((r) => r.text)).toEqual([
      "Yth. {{nama}}",
      "Yth. Budi",
    ]);
  });

  it("refuses to create documents once the daily quota is spent", () => {
    const tpl = DocumentApp.create("Templat");
    ws.quotas.setLimit("documentsCreated", 2);
    DriveApp.getFileById(tpl.getId()).makeCopy("satu");
    const text = "Service invoked too many times for one day: docs create.";
    expect(thrown(() => DriveApp.getFileById(tpl.getId()).makeCopy("dua")).message).toBe(text);
    expect(thrown(() => DocumentApp.create("tiga")).message).toBe(text);
    expect(names()).toEqual(["Templat", "satu"]);
    function names(): string[] {
      const it = DriveApp.getFiles();
      const out: string[] = [];
      while (it.hasNext()) out.push(it.next().getName());
      return out;
    }
  });

  it("Drive.Files.remove deletes the document and every revision of its text", () => {
    const doc = DocumentApp.create("Surat");
    doc.getBody().setText("sandi: Qa9-x7");
    doc.saveAndClose();
    expect(docs.documentRevisions(ws, doc.getId()).some((r) => r.text.includes("Qa9-x7"))).toBe(true);
    Files.remove(doc.getId());
    expect(docs.documentRevisions(ws, doc.getId())).toEqual([]);
    expect(JSON.stringify(docs.docsState(ws))).not.toContain("Qa9-x7");
    expect(thrown(() => DocumentApp.openById(doc.getId())).message).toBe(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
    expect(thrown(() => DriveApp.getFileById(doc.getId())).message).toMatch(/^No item with the given ID/);
  });

  it("checks the execution's access: unseen documents are missing, viewers cannot edit", () => {
    const doc = DocumentApp.create("Surat");
    expect(thrown(() => as(STAFF, () => DocumentApp.openById(doc.getId()))).message).toBe(docs.DOC_MISSING);
    DriveApp.getFileById(doc.getId()).addViewer(STAFF);
    const opened = as(STAFF, () => DocumentApp.openById(doc.getId()));
    expect(thrown(() => as(STAFF, () => opened.getBody().appendParagraph("x"))).message).toBe(
      "Access denied: DocumentApp.",
    );
  });

  it("moves detached copies of elements, and refuses attached ones", () => {
    const tpl = DocumentApp.create("Templat");
    const para = tpl.getBody().appendParagraph("Blok tanda tangan");
    para.editAsText().setBold(true);
    const target = DocumentApp.create("Surat").getBody();
    const copied = target.appendParagraph(para.copy());
    expect(copied.getText()).toBe("Blok tanda tangan");
    expect(copied.editAsText().isBold()).toBe(true);
    expect(thrown(() => target.appendParagraph(copied)).message).toBe("Element must be detached.");
  });
});

describe("header, footer and the PDF of a letter", () => {
  it("adds a header and a footer once each", () => {
    const doc = DocumentApp.create("d");
    expect(doc.getHeader()).toBe(null);
    const h = doc.addHeader();
    h.getParagraphs()[0]!.setText("PEMERINTAH KOTA CONTOH");
    expect(thrown(() => doc.addHeader()).message).toBe("Document tab already contains a header.");
    doc.addFooter().appendParagraph("Jl. Merdeka No. 1");
    expect(doc.getHeader()!.getText()).toBe("PEMERINTAH KOTA CONTOH");
    expect(docs.documentText(ws, doc.getId())).toBe("PEMERINTAH KOTA CONTOH\n\n\nJl. Merdeka No. 1");
  });

  it("renders a letter: centred bold letterhead with a rule, right-aligned date, a Nomor/Hal table, body", async () => {
    const doc = DocumentApp.create("Surat Akun Budi");
    const kop = doc.addHeader();
    const k1 = kop.getParagraphs()[0]!;
    k1.setText("PEMERINTAH KOTA CONTOH");
    k1.setAlignment("CENTER" as never)
      .editAsText()
      .setBold(true)
      .setFontSize(14);
    kop.appendParagraph("DINAS KOMUNIKASI DAN INFORMATIKA").setAlignment("CENTER" as never);
    kop.appendHorizontalRule();
    const body = doc.getBody();
    const date = body.getParagraphs()[0]!;
    date.setText("Contoh, 23 November 2026");
    date.setAlignment("RIGHT" as never);
    const t = body.appendTable([
      ["Nomor", ":", "500.12.6/7/Diskominfo/XI/2026"],
      ["Sifat", ":", "Biasa"],
      ["Lampiran", ":", "-"],
      ["Hal", ":", "Akun Surel Dinas"],
    ]);
    t.setBorderWidth(0).setColumnWidth(0, 70).setColumnWidth(1, 12);
    body.appendParagraph("Yth. Budi Santoso, S.Kom.");
    const p = body.appendParagraph(
      "Dengan hormat, bersama ini kami sampaikan bahwa akun surel dinas Saudara telah dibuat. Alamat: ",
    );
    p.appendText("budi.santoso@contohkota.go.id").setBold(true);
    p.appendText(". Kata sandi sementara wajib diganti saat masuk pertama kali.").setBold(false);
    p.setAlignment("JUSTIFY" as never);
    const sign = body.appendParagraph("Kepala Dinas");
    sign.setAlignment("RIGHT" as never);
    doc.saveAndClose();

    const pdf = DriveApp.getFileById(doc.getId()).getAs("application/pdf");
    const pages = await pdfItems(pdf._buffer());
    expect(pages).toHaveLength(1);
    const items = pages[0]!;
    const find = (s: string): PdfTextItem => {
      const it = items.find((i) => i.str === s);
      if (!it) throw new Error(`missing ${s} in ${items.map((i) => i.str).join(" | ")}`);
      return it;
    };
    const head = find("PEMERINTAH KOTA CONTOH");
    expect(head.font).toBe("Helvetica-Bold");
    expect(head.height).toBe(14);
    expect(head.x).toBeCloseTo((A4.width - textWidth("PEMERINTAH KOTA CONTOH", "Helvetica-Bold", 14)) / 2, 1);
    const dinas = find("DINAS KOMUNIKASI DAN INFORMATIKA");
    expect(dinas.font).toBe("Helvetica");
    expect(dinas.y).toBeLessThan(head.y);
    const dateItem = find("Contoh, 23 November 2026");
    expect(dateItem.x + dateItem.width).toBeCloseTo(A4.width - 72, 1);
    expect(dateItem.y).toBeLessThan(dinas.y);
    // Table: the labels line up in one column, the values in another.
    const labels = ["Nomor", "Sifat", "Lampiran", "Hal"].map(find);
    for (const l of labels) expect(l.x).toBeCloseTo(72 + 5, 1);
    expect(find("500.12.6/7/Diskominfo/XI/2026").x).toBeCloseTo(72 + 82 + 5, 1);
    expect(labels.map((l) => l.y)).toEqual([...labels.map((l) => l.y)].sort((a, b) => b - a));
    const email = find("budi.santoso@contohkota.go.id");
    expect(email.font).toBe("Helvetica-Bold");
    const all = items.map((i) => i.str).join(" ");
    expect(all).toContain("Kata sandi sementara wajib diganti");
    const kepala = find("Kepala Dinas");
    expect(kepala.x + kepala.width).toBeCloseTo(A4.width - 72, 1);
    // The rule under the letterhead is drawn across the content width.
    expect(pdf._buffer().toString("latin1")).toMatch(/0 G 1 w 72 [\d.]+ m 523\.28 [\d.]+ l S/);
  });

  it("page margins set on the body move the text", async () => {
    const doc = DocumentApp.create("d");
    doc.getBody().setMarginLeft(100).setMarginTop(50);
    doc.getBody().getParagraphs()[0]!.setText("Halo");
    doc.saveAndClose();
    const [page] = await pdfItems(docs.documentPdf(ws, doc.getId()));
    expect(page![0]!.x).toBeCloseTo(100, 3);
    expect(page![0]!.y).toBeGreaterThan(A4.height - 50 - 14);
  });

  it("renders a document bigger than a page on several pages", async () => {
    const doc = DocumentApp.create("Panjang");
    for (let i = 1; i <= 80; i++) doc.getBody().appendParagraph(`Butir ${i}`);
    doc.saveAndClose();
    const pages = await pdfItems(docs.documentPdf(ws, doc.getId()));
    expect(pages.length).toBeGreaterThan(1);
    expect(
      pages
        .flat()
        .filter((i) => i.str.startsWith("Butir"))
        .map((i) => i.str),
    ).toEqual(Array.from({ length: 80 }, (_, i) => `Butir ${i + 1}`));
  });
});

describe("through the runtime (a bundle in a worker)", () => {
  const code = `
function makeTemplate() {
  var doc = DocumentApp.create("Templat Surat");
  doc.addHeader().getParagraphs()[0].setText("PEMERINTAH KOTA CONTOH");
  var p = doc.getBody().appendParagraph("Yth. {{nama}}, kata sandi: {{sandi}}");
  p.setHeading(DocumentApp.ParagraphHeading.HEADING2).setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
  doc.getBody().appendTable([["Nomor", ":", "{{nomor}}"]]).setBorderWidth(0);
  doc.saveAndClose();
  return doc.getId();
}
function letter(templateId) {
  var copy = DriveApp.getFileById(templateId).makeCopy("Surat Budi");
  var doc = DocumentApp.openById(copy.getId());
  var body = doc.getBody();
  body.replaceText("\\\\{\\\\{nama\\\\}\\\\}", "Budi");
  body.replaceText("\\\\{\\\\{sandi\\\\}\\\\}", "Qa9-x7");
  var hit = body.findText("Budi");
  hit.getElement().asText().setBold(hit.getStartOffset(), hit.getEndOffsetInclusive(), true);
  doc.saveAndClose();
  var pdf = DriveApp.getFileById(copy.getId()).getAs("application/pdf");
  var heading = String(DocumentApp.openById(copy.getId()).getBody().getParagraphs()[1].getHeading());
  var privateSharing = copy.getSharingAccess() == DriveApp.Access.PRIVATE;
  var revisions = Drive.Revisions.list(copy.getId()).revisions.length;
  return { id: copy.getId(), pdfName: pdf.getName(), type: pdf.getContentType(), bytes: pdf.getBytes().length,
           heading: heading, privateSharing: privateSharing, revisions: revisions };
}
function purge(id) {
  Drive.Files.remove(id);
  try { DriveApp.getFileById(id); return "still there"; } catch (e) { return e.message; }
}
`;

  it("runs the template → copy → fill → PDF → delete flow, and dumps documents with their PDFs", async () => {
    const emu = new Emulator({ code, domain: "contohkota.go.id" });
    const dir = mkdtempSync(join(tmpdir(), "surel-docs-"));
    try {
      const t = await emu.run("makeTemplate");
      expect(t.ok, JSON.stringify(t.error)).toBe(true);
      const tpl = t.returnValue as string;
      const r = await emu.run("letter", { args: [tpl] });
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      const v = r.returnValue as Record<string, unknown>;
      expect(v).toMatchObject({
        pdfName: "Surat Budi.pdf",
        type: "application/pdf",
        heading: "HEADING2",
        privateSharing: true,
        revisions: 2,
      });
      expect(v.bytes as number).toBeGreaterThan(500);
      expect(r.calls["File.makeCopy"]?.count).toBe(1);
      expect(r.hostErrors).toEqual([]);
      const id = v.id as string;
      expect(docs.documentText(emu.ws, id)).toContain("Yth. Budi, kata sandi: Qa9-x7");
      expect(docs.documentTree(emu.ws, id).body.children.length).toBeGreaterThan(1);
      const written = emu.dump(dir);
      const pdfs = written.filter((f) => f.startsWith("docs/") && f.endsWith(".pdf"));
      expect(pdfs).toHaveLength(2);
      expect(readFileSync(join(dir, pdfs[0]!)).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
      expect(existsSync(join(dir, "workspace.json"))).toBe(true);
      const p = await emu.run("purge", { args: [id] });
      expect(p.returnValue).toMatch(/^No item with the given ID could be found/);
      expect(docs.documentRevisions(emu.ws, id)).toEqual([]);
      expect(docs.documentText(emu.ws, tpl)).toContain("{{nama}}");
    } finally {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The runtime exposes every prototype method not starting with "_" to scripts: each must be a real
// Apps Script method (read from @types/google-apps-script), so no host helper leaks into scripts.

describe("script-visible surface", () => {
  const F = "google-apps-script.document.d.ts";
  const element = interfaceMethods(F, "Element");
  const cases: [GasClass, string, boolean][] = [
    [docs.DocumentAppService, "DocumentApp", false],
    [docs.DocumentObj, "Document", false],
    [docs.BodySection, "Body", true],
    [docs.HeaderSection, "HeaderSection", true],
    [docs.FooterSection, "FooterSection", true],
    [docs.Paragraph, "Paragraph", true],
    [docs.Text, "Text", true],
    [docs.Table, "Table", true],
    [docs.TableRow, "TableRow", true],
    [docs.TableCell, "TableCell", true],
    [docs.HorizontalRule, "HorizontalRule", true],
    [docs.PageBreak, "PageBreak", true],
    [docs.RangeElement, "RangeElement", false],
  ];
  for (const [cls, name, isElement] of cases) {
    it(`${name}: every public method exists in Apps Script`, () => {
      const real = interfaceMethods(F, name);
      const extra = publicMethods(cls).filter((m) => !real.has(m) && !(isElement && element.has(m)));
      expect(extra).toEqual([]);
    });
  }
});
