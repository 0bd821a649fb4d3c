/**
 * The Docs advanced service (services/docs-api.ts): a global only when the manifest enables it,
 * documents.get and batchUpdate (replaceAllText) on the same documents DocumentApp edits, the
 * cost model, fault injection, scopes and the per-minute write limit.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { apiError } from "../src/core.js";
import { costEntry } from "../src/costs.js";
import { Emulator } from "../src/index.js";
import { pdfText } from "./pdf-text.js";
import {
  documentPdf,
  documentRevisions,
  documentText,
  type DocumentAppService,
} from "../src/services/docs.js";
import { DOCS_API_LIMITS } from "../src/services/docs-api.js";
import { markCreatedByProject } from "../src/services/drive.js";
import type { AdvancedService } from "../src/workspace.js";
import { restoreProcessZoneAfterAll } from "./helpers.js";

restoreProcessZoneAfterAll();

const DOCS: AdvancedService = { userSymbol: "Docs", serviceId: "docs", version: "v1" };
const DRIVE: AdvancedService = { userSymbol: "Drive", serviceId: "drive", version: "v3" };
const AUTH = "https://www.googleapis.com/auth/";

const CODE = `
function kind(name) { return typeof globalThis[name]; }
function useDocs() { return Object.keys(Docs.Documents.get ? { ok: 1 } : {}); }
function replace(id, pairs, matchCase, extra) {
  var requests = pairs.map(function (p) {
    return { replaceAllText: { containsText: { text: p[0], matchCase: matchCase }, replaceText: p[1] } };
  });
  var resource = { requests: requests };
  if (extra) for (var k in extra) resource[k] = extra[k];
  return Docs.Documents.batchUpdate(resource, id);
}
function read(id, tabs) { return Docs.Documents.get(id, tabs ? { includeTabsContent: true } : {}); }
function renamed(id) { return DocsApi.Documents.get(id).documentId; }
function openAndEdit(id) {
  var doc = DocumentApp.openById(id);
  doc.getBody().appendParagraph("belum disimpan");
  return Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: "a" }, replaceText: "b" } }] }, id);
}
function manyWrites(id, n) {
  for (var i = 0; i < n; i++)
    Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: "zzz" }, replaceText: "y" } }] }, id);
  return n;
}
`;

function emulator(advanced: AdvancedService[] | null, scopes?: string[]): Emulator {
  return new Emulator({
    code: CODE,
    parseMs: 0,
    ...(advanced ? { advancedServices: advanced } : {}),
    ...(scopes ? { oauthScopes: scopes } : {}),
  });
}

describe("the Docs global follows the manifest", () => {
  let emu: Emulator;
  afterAll(() => emu?.close());

  it("is not defined without an enabledAdvancedServices entry (Apps Script's ReferenceError)", async () => {
    emu = emulator(null);
    expect((await emu.run("kind", { args: ["Docs"] })).returnValue).toBe("undefined");
    // A project that declares nothing keeps the emulator's historical set.
    expect((await emu.run("kind", { args: ["Drive"] })).returnValue).toBe("object");
    expect((await emu.run("kind", { args: ["AdminDirectory"] })).returnValue).toBe("object");
    const r = await emu.run("useDocs");
    expect(r.ok).toBe(false);
    expect(r.error?.name).toBe("ReferenceError");
    expect(r.error?.message).toBe("Docs is not defined");
    await emu.close();
  });

  it("is defined when enabled, under its userSymbol, and only the enabled services are", async () => {
    emu = emulator([DOCS]);
    expect((await emu.run("kind", { args: ["Docs"] })).returnValue).toBe("object");
    expect((await emu.run("kind", { args: ["Drive"] })).returnValue).toBe("undefined");
    expect((await emu.run("kind", { args: ["AdminDirectory"] })).returnValue).toBe("undefined");
    await emu.close();
    emu = emulator([{ ...DOCS, userSymbol: "DocsApi" }]);
    const id = emu.service<DocumentAppService>("DocumentApp").create("t").getId();
    expect((await emu.run("kind", { args: ["Docs"] })).returnValue).toBe("undefined");
    expect((await emu.run("renamed", { args: [id] })).returnValue).toBe(id);
    await emu.close();
  });

  it("refuses a service or version it does not emulate", () => {
    expect(() => emulator([{ userSymbol: "Docs", serviceId: "docs", version: "v2" }])).toThrow(
      "emulator: advanced service docs v2 is not emulated",
    );
  });

  it("a bundle file's manifest decides: the appsscript.json beside it enables Docs v1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "docs-api-"));
    try {
      writeFileSync(join(dir, "Code.js"), CODE);
      const manifest = { dependencies: { enabledAdvancedServices: [DOCS] } };
      writeFileSync(join(dir, "appsscript.json"), JSON.stringify(manifest));
      emu = new Emulator({ bundle: join(dir, "Code.js"), parseMs: 0 });
      expect(emu.ws.project.advancedServices).toContainEqual(DOCS);
      await emu.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("batchUpdate replaceAllText on DocumentApp's documents", () => {
  let emu: Emulator;
  let id: string;
  beforeEach(async () => {
    await emu?.close();
    emu = emulator([DOCS, DRIVE]);
    const doc = emu.service<DocumentAppService>("DocumentApp").create("Surat");
    doc.getBody().appendParagraph("Nama: {{NAMA}}; lagi {{NAMA}}; kecil {{nama}}");
    doc.addHeader().appendParagraph("Kepala {{NAMA}}");
    doc.getBody().appendTable([["Sandi", "{{KATA_SANDI}}"]]);
    doc.saveAndClose();
    id = doc.getId();
  });
  afterAll(() => emu?.close());

  it("writes the replacement literally, in body, header and tables, saved at once as a revision", async () => {
    const before = documentRevisions(emu.ws, id).length;
    const literal = "A$1 $& \\1 $$ \\";
    const r = await emu.run("replace", {
      args: [
        id,
        [
          ["{{NAMA}}", literal],
          ["{{KATA_SANDI}}", "s4ndi"],
          ["{{TIDAK_ADA}}", "x"],
        ],
        true,
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.returnValue).toEqual({
      documentId: id,
      // One reply per request; a zero is absent from the JSON.
      replies: [
        { replaceAllText: { occurrencesChanged: 3 } },
        { replaceAllText: { occurrencesChanged: 1 } },
        { replaceAllText: {} },
      ],
      writeControl: { requiredRevisionId: expect.any(String) as string },
    });
    const text = documentText(emu.ws, id, { committed: true });
    expect(text).toContain(`Nama: ${literal}; lagi ${literal}; kecil {{nama}}`);
    expect(text).toContain(`Kepala ${literal}`);
    expect(text).toContain("Sandi\ts4ndi");
    expect(documentRevisions(emu.ws, id)).toHaveLength(before + 1);
    // DocumentApp reads it back, and the PDF export shows it.
    const app = emu.service<DocumentAppService>("DocumentApp");
    expect(app.openById(id).getBody().getText()).toContain(`Nama: ${literal}`);
    const pdf = (await pdfText(documentPdf(emu.ws, id))).pages
      .flat()
      .map((x) => x.str)
      .join("");
    expect(pdf).toContain("s4ndi");
    expect(pdf).toContain("Kepala A$1");
  });

  it("matches case-insensitively unless matchCase", async () => {
    const r = await emu.run("replace", { args: [id, [["{{nama}}", "Budi"]], false] });
    expect((r.returnValue as { replies: unknown[] }).replies).toEqual([
      { replaceAllText: { occurrencesChanged: 4 } },
    ]);
    expect(documentText(emu.ws, id)).not.toMatch(/\{\{nama\}\}/i);
  });

  it("applies every request or none: an invalid one fails the batch with the API's 400", async () => {
    const before = documentText(emu.ws, id, { committed: true });
    const r = await emu.run("replace", {
      args: [
        id,
        [
          ["{{NAMA}}", "Budi"],
          ["", "x"],
        ],
        true,
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.error?.name).toBe("GoogleJsonResponseException");
    expect(r.error?.message).toBe(
      "API call to docs.documents.batchUpdate failed with error: Invalid requests[1].replaceAllText: The search text must be non-empty.",
    );
    expect(documentText(emu.ws, id, { committed: true })).toBe(before);
  });

  it("refuses a write against another revision (writeControl.requiredRevisionId)", async () => {
    const read = await emu.run("read", { args: [id, false] });
    const revision = (read.returnValue as { revisionId: string }).revisionId;
    expect(
      (
        await emu.run("replace", {
          args: [id, [["{{NAMA}}", "A"]], true, { writeControl: { requiredRevisionId: revision } }],
        })
      ).ok,
    ).toBe(true);
    const stale = await emu.run("replace", {
      args: [id, [["A", "B"]], true, { writeControl: { requiredRevisionId: revision } }],
    });
    expect(stale.ok).toBe(false);
    expect(stale.error?.message).toContain("The required revision ID does not match");
  });

  it("refuses a document changed through DocumentApp in the same execution and not saved (not emulated)", async () => {
    const r = await emu.run("openAndEdit", { args: [id] });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(
      /^not emulated: Docs\.Documents\.batchUpdate on a document with unsaved/,
    );
  });

  it("is charged by the cost model and takes part in fault injection", async () => {
    expect(costEntry("Docs.Documents.batchUpdate").entry.published).toBe(false);
    const ok = await emu.run("replace", { args: [id, [["{{NAMA}}", "A"]], true] });
    const call = ok.trace.find((c) => c.key === "Docs.Documents.batchUpdate");
    expect(call?.ms).toBe(costEntry("Docs.Documents.batchUpdate").entry.ms);
    // The reply lost after the write: the document changed, the script got the error.
    emu.faults.inject("Docs.Documents.batchUpdate", {
      error: apiError("docs.documents.batchUpdate", "Internal error encountered.", 500, "backendError"),
      when: "after",
    });
    const lost = await emu.run("replace", { args: [id, [["{{KATA_SANDI}}", "rahasia"]], true] });
    expect(lost.ok).toBe(false);
    expect(lost.error?.message).toContain("Internal error encountered.");
    expect(documentText(emu.ws, id)).toContain("rahasia");
  });

  it("answers 429 over 60 writes a minute per user", async () => {
    const r = await emu.run("manyWrites", { args: [id, DOCS_API_LIMITS.writesPerMinute + 1] });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain("Write requests per minute per user");
  });
});

describe("documents.get", () => {
  let emu: Emulator;
  afterAll(() => emu?.close());

  it("gives the saved content: body after its section break, headers, and the tabs when asked", async () => {
    emu = emulator([DOCS]);
    const doc = emu.service<DocumentAppService>("DocumentApp").create("Surat");
    doc.getBody().appendParagraph("Satu");
    doc.addFooter().appendParagraph("Kaki");
    doc.saveAndClose();
    type Content = {
      startIndex?: number;
      endIndex: number;
      paragraph?: { elements: { textRun?: { content: string } }[] };
    }[];
    const text = (c: Content): string =>
      c.map((e) => (e.paragraph?.elements ?? []).map((x) => x.textRun?.content ?? "").join("")).join("");
    const flat = (await emu.run("read", { args: [doc.getId(), false] })).returnValue as {
      body: { content: Content };
      footers: Record<string, { content: Content }>;
      tabs?: unknown;
    };
    expect(flat.tabs).toBeUndefined();
    expect(flat.body.content[0]).toEqual({ endIndex: 1, sectionBreak: { sectionStyle: {} } });
    expect(flat.body.content[1]).toMatchObject({ startIndex: 1, endIndex: 2 });
    expect(text(flat.body.content)).toBe("\nSatu\n");
    expect(Object.values(flat.footers).map((f) => text(f.content))).toEqual(["\nKaki\n"]);
    const tabbed = (await emu.run("read", { args: [doc.getId(), true] })).returnValue as {
      body?: unknown;
      tabs: { tabProperties: { tabId: string }; documentTab: { body: { content: Content } } }[];
    };
    expect(tabbed.body).toBeUndefined();
    expect(tabbed.tabs.map((t) => t.tabProperties.tabId)).toEqual(["t.0"]);
    expect(text(tabbed.tabs[0]!.documentTab.body.content)).toBe("\nSatu\n");
  });

  it("answers 404 for a missing document and, under drive.file alone, for one the project did not create", async () => {
    await emu?.close();
    emu = emulator([DOCS], [`${AUTH}drive.file`]);
    const missing = await emu.run("read", { args: ["tidak-ada", false] });
    expect(missing.error?.message).toBe(
      "API call to docs.documents.get failed with error: Requested entity was not found.",
    );
    const id = emu.service<DocumentAppService>("DocumentApp").create("Bukan buatan proyek").getId();
    expect((await emu.run("read", { args: [id, false] })).error?.message).toContain(
      "Requested entity was not found.",
    );
    markCreatedByProject(emu.ws, id);
    expect((await emu.run("read", { args: [id, false] })).ok).toBe(true);
    await emu.close();
    emu = emulator([DOCS], [`${AUTH}documents`]);
    const other = emu.service<DocumentAppService>("DocumentApp").create("Dokumen lain").getId();
    expect((await emu.run("read", { args: [other, false] })).ok).toBe(true);
  });
});
