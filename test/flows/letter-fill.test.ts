/**
 * The letter's fill on the built bundle: one Docs API batchUpdate per copy instead of
 * DocumentApp's replaceText calls. A value holding `$` or `\` (group references and escapes in a
 * replaceText replacement) is written literally in the archive copy and the letter; a placeholder
 * spelled with spaces is filled; the archive copy never held the password in any revision; the
 * account's execution makes two copies and two batchUpdates and no replaceText.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { documentRevisions, documentText, scriptPropertiesOf } from "gas-emulator/testkit";
import { WORKER, type Office } from "./harness.js";
import {
  applicant,
  chooseCreate,
  driveItems,
  lettersTo,
  newRequest,
  passwordInLetterBytes,
  pdfText,
  provisioningOffice,
  row,
  staffOnly,
} from "./provision-kit.js";

/** A position (free text on the form; a name may not hold these characters) with `$` and `\\`. */
const LITERAL = "Pranata $1 $& \\1 $$ \\n Komputer \\ {0} $";

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice({ configure: staffOnly });
});
afterAll(async () => {
  await office.emu.close();
});

function archiveIdOf(ticket: string): string {
  return /\/d\/([A-Za-z0-9_-]+)/.exec(row(office, ticket).archive)![1]!;
}

describe("the letter filled by the Docs API", () => {
  test("writes `$` and `\\` literally in the archive copy and the letter, in one copy and one batchUpdate each", async () => {
    const a = applicant(1301, { Jabatan: LITERAL });
    const ticket = await newRequest(office, a);
    const results = await chooseCreate(office, ticket);
    expect(row(office, ticket).status).toBe("selesai");
    const worker = results.find((r) => r.handler === WORKER)!;
    const count = (key: string) => worker.trace.filter((c) => c.key === key).length;
    expect(count("Drive.Files.copy")).toBe(2);
    expect(count("Docs.Documents.batchUpdate")).toBe(2);
    expect(count("Docs.Documents.get")).toBe(0); // the template's placeholders as spelled by default
    expect(count("Body.replaceText")).toBe(0);
    expect(count("Drive.Files.remove")).toBe(1);

    const archive = documentText(office.emu.ws, archiveIdOf(ticket));
    expect(archive).toContain(LITERAL);
    expect(archive).not.toMatch(/\{\{|\}\}/);

    const letters = lettersTo(office, a["Surel pribadi"]!);
    expect(letters).toHaveLength(1);
    const pdf = letters[0]!.attachments.find((x) => x.contentType === "application/pdf")!;
    const text = (await pdfText(pdf.bytes)).join("\n");
    expect(text).toContain(LITERAL);
    // The password is in the letter as generated (its alphabet holds `$` too), never in the archive.
    const password = passwordInLetterBytes(letters[0]!);
    expect(password).toMatch(/^[A-Za-z2-9!#$%*+=?]{16}$/);
    for (const r of documentRevisions(office.emu.ws, archiveIdOf(ticket)))
      expect(r.text).not.toContain(password);
    expect(documentRevisions(office.emu.ws, archiveIdOf(ticket))).toHaveLength(2); // the copy, the one fill
  });

  test("fills a placeholder an administrator spelled with spaces", async () => {
    const id = scriptPropertiesOf(office.emu.ws).get("surel:letterTemplateId")!;
    const DocumentApp = office.emu.service<GoogleAppsScript.Document.DocumentApp>("DocumentApp");
    const doc = DocumentApp.openById(id);
    doc.getBody().appendParagraph("Tembusan untuk {{ NAMA }} ({{  NIP}})");
    doc.saveAndClose();
    const a = applicant(1302);
    const ticket = await newRequest(office, a);
    const results = await chooseCreate(office, ticket);
    expect(row(office, ticket).status).toBe("selesai");
    // The usual fill finds the leftover; a fresh copy is read and filled exactly; the first is gone.
    const worker = results.find((r) => r.handler === WORKER)!;
    const count = (key: string) => worker.trace.filter((c) => c.key === key).length;
    expect(count("Drive.Files.copy")).toBe(3);
    expect(count("Docs.Documents.get")).toBe(1);
    expect(count("Drive.Files.remove")).toBe(2);
    const name = driveItems(office).find((it) => it.id === archiveIdOf(ticket))!.name;
    expect(driveItems(office).filter((it) => it.name === name)).toHaveLength(1);
    const archive = documentText(office.emu.ws, archiveIdOf(ticket));
    expect(archive).toContain(`Tembusan untuk ${a["Nama lengkap"]!} (`);
    expect(archive).not.toMatch(/\{\{|\}\}/);
  });
});
