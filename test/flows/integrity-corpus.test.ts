/**
 * The hostile corpus: more than 100 hostile inputs across every free-text field (formula
 * starters, HTML, header injection, bidi and zero-width characters, NFC/NFD pairs, 5,000-character
 * strings, placeholders, reserved names, comma lists, other scripts) go through the form door and
 * the `--responses` door to account creation. Asserted: every submitted row registered, no formula
 * anywhere, no unescaped HTML in any mail, every refusal explained in Indonesian, every mail to
 * single validated addresses, no password outside the applicant's letter PDF, every letter filled.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { questionTitle, type FieldKey } from "../../src/domain/form.js";
import { checkUsername } from "../../src/domain/naming.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { FormSubmitError } from "gas-emulator";
import { documentText, docsState, driveState, outbox, propertiesDump } from "gas-emulator/testkit";
import { act, DOMAIN, register, runWorkers, spreadsheet, submitOnly, type Office } from "./harness.js";
import {
  applicant,
  lettersTo,
  passwordInLetterBytes,
  pdfText,
  provisioningOffice,
  staffOnly,
  STAF,
} from "./provision-kit.js";
import { appendResponses } from "./responses-door.js";

const HOSTILE: readonly string[] = [
  // formula starters
  '=HYPERLINK("http://jahat.example","klik")',
  "=1+2",
  "+62=SUM(A1)",
  "-2+3",
  "@SUM(A1:A9)",
  "=1+2@gmail.com",
  "'=kutip",
  "\t=IMPORTXML(1)",
  // HTML
  "<script>alert(1)</script>",
  "<b>tebal</b>",
  '<img src=x onerror="alert(1)">',
  "a & b < c > d \" ' `",
  // header injection
  "x\r\nBcc: korban@gmail.com",
  "budi@gmail.com\nCc: lain@gmail.com",
  "Subjek%0d%0aBcc:x@y.z",
  // bidi and zero-width characters
  "Budi\u202eodub",
  "Bu\u200bdi\u200d",
  "\u2066Sari\u2069",
  "\ufeffNama",
  // NFC / NFD pairs
  "Jos\u00e9 Ramos",
  "Jose\u0301 Ramos",
  "Ay\u00fc",
  "Ayu\u0308",
  // long strings
  "A".repeat(5000),
  "Budi ".repeat(1000),
  // placeholders and the password mask
  "{{KATA_SANDI}}",
  "{{NAMA_PENGGUNA}}",
  "{{ XYZ }}",
  "}}{{",
  "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022",
  "$1 $& \\1 $$",
  // reserved names
  "admin",
  "root",
  "walikota",
  "postmaster",
  "ppid",
  "humas@contohkota.go.id",
  // comma lists
  "a@gmail.com, b@gmail.com",
  "Budi, Sari",
  "1,5",
  // other scripts
  "\u738b\u5c0f\u660e",
  "\u0645\u062d\u0645\u062f \u0639\u0644\u064a",
  "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432",
  "\ua9a7\ua9b8\ua9a2\ua9b6",
  "\ud83d\ude42\ud83d\ude00",
  // odd but plain
  "",
  "   ",
  "NULL",
  "../../etc/passwd",
  "SRL-2611-0001",
  "0812-3456-7890",
  "198503302010011002",
];

const FIELDS: readonly FieldKey[] = [
  "fullName",
  "titlesBefore",
  "titlesAfter",
  "nip",
  "nik",
  "position",
  "phone",
  "personalEmail",
  "unitName",
  "unitAcronym",
  "proposedUsername",
  "letterNumber",
  "previousTicket",
];

/** 104 inputs: each hostile string in two fields (round robin), one field hostile per application. */
function corpus(offset: number): { field: FieldKey; value: string; answers: Record<string, string> }[] {
  const out: { field: FieldKey; value: string; answers: Record<string, string> }[] = [];
  for (let i = 0; i < HOSTILE.length * 2; i++) {
    const value = HOSTILE[i % HOSTILE.length]!;
    const field = FIELDS[(i + Math.floor(i / HOSTILE.length)) % FIELDS.length]!;
    const answers = applicant(offset + i);
    if (field === "unitName" || field === "unitAcronym") {
      answers["Jenis akun"] = "Unit Kerja";
      answers[questionTitle("unitName", "id")] = "Unit Pengelola Data";
      answers[questionTitle("unitAcronym", "id")] = `UPD${offset + i}`;
    }
    answers[questionTitle(field, "id")] = value;
    out.push({ field, value, answers });
  }
  return out;
}

let office: Office;
const passwords: string[] = [];
let formDoor = 0;
let refusedByForm = 0;
let responsesDoor = 0;
const letters: string[] = [];

beforeAll(async () => {
  office = await provisioningOffice({ configure: staffOnly });
  office.emu.ws.quotas.setLimit("emailRecipients", 1_000_000);
  // The form door: what the form's own validation refuses never becomes a response.
  for (const c of corpus(1000)) {
    try {
      submitOnly(office, c.answers);
      formDoor++;
    } catch (e) {
      if (!(e instanceof FormSubmitError)) throw e;
      refusedByForm++;
    }
  }
  await office.emu.drain();
  // The --responses door: every input reaches the responses sheet.
  const records = corpus(3000).map((c) => c.answers);
  responsesDoor = appendResponses(office, records).rows.length;
  for (let i = 0; i < 20; i++) {
    const r = await office.emu.run("sweep", { kind: "installable" });
    if (!r.ok) throw new Error(`sweep failed: ${r.error?.message}`);
    if ((r.returnValue as { pending: number }).pending === 0) break;
  }
  // Account creation for everything the register accepted.
  for (const r of register(office).filter((x) => x.status === "baru"))
    await act(office, STAF, r.ticket, "Buat akun");
  await runWorkers(office);
  for (const r of register(office).filter((x) => x.status === "selesai")) {
    const sent = lettersTo(office, r.personalEmail);
    expect(sent).toHaveLength(1);
    passwords.push(passwordInLetterBytes(sent[0]!));
    const pdf = sent[0]!.attachments.find((a) => a.contentType === "application/pdf")!;
    letters.push((await pdfText(pdf.bytes)).join("\n"));
  }
}, 600_000);

afterAll(async () => {
  await office.emu.close();
});

describe("the hostile corpus through both doors", () => {
  test("covers more than 100 inputs per door across every free-text field", () => {
    expect(corpus(0).length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus(0).map((c) => c.field))).toEqual(new Set(FIELDS));
    expect(formDoor).toBeGreaterThan(50);
    expect(formDoor + refusedByForm).toBe(corpus(0).length);
    expect(responsesDoor).toBe(corpus(0).length);
  });

  test("every response row is registered exactly once", () => {
    const responses = spreadsheet(office).getSheetByName(SHEET_NAMES.responses)!;
    const rows = responses.getLastRow() - 1;
    expect(rows).toBe(formDoor + responsesDoor);
    const registered = register(office).map((r) => Number(r.responseRow));
    // A correction re-uses its ticket's row: every response row is either a row or the latest
    // response of a corrected request; none is lost, none registered twice.
    expect(new Set(registered).size).toBe(registered.length);
    const index = spreadsheet(office).getSheetByName(SHEET_NAMES.responseIndex)!;
    expect(index.getLastRow() - 1).toBe(rows);
  });

  test("no formula anywhere in the spreadsheet", () => {
    const hits: string[] = [];
    for (const sheet of spreadsheet(office).getSheets()) {
      if (sheet.getLastRow() < 1) continue;
      const formulas = sheet.getDataRange().getFormulas().flat();
      formulas.forEach((f, i) => f && hits.push(`${sheet.getName()}#${i}: ${f}`));
    }
    expect(hits).toEqual([]);
  });

  test("no hostile HTML unescaped in any mail, every recipient a single valid address", () => {
    const mails = outbox(office.emu.ws);
    expect(mails.length).toBeGreaterThan(200);
    for (const m of mails) {
      // Escaped, the inputs show as text (&lt;img …&gt;); raw, they would be tags.
      for (const bad of ["<script", "<img", "<b>tebal"]) expect(m.htmlBody ?? "").not.toContain(bad);
      for (const a of [...m.to, ...m.cc, ...m.bcc]) expect(a).toMatch(/^[^\s,<>@]+@[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(m.subject).not.toMatch(/[\r\n]/);
    }
  });

  test("every refusal is explained in Indonesian", () => {
    const refused = register(office).filter((r) => r.status === "perlu perbaikan");
    expect(refused.length).toBeGreaterThan(30);
    for (const r of refused) {
      expect(r.problems.trim()).not.toBe("");
      expect(r.problems).not.toMatch(/\{[a-z]+\}/);
      // Indonesian words of the catalogue's problem texts.
      expect(r.problems).toMatch(
        /tidak|wajib|harus|hanya|hapus|periksa|terlalu|karakter|tuliskan|isian|kolom/i,
      );
    }
  });

  test("accounts were created, none with a reserved name, each letter fully filled", () => {
    const done = register(office).filter((r) => r.status === "selesai");
    expect(done.length).toBeGreaterThan(50);
    for (const r of done) {
      const local = r.address.split("@")[0]!;
      expect(r.address.endsWith(`@${DOMAIN}`)).toBe(true);
      expect(checkUsername(local, [])).toEqual([]);
    }
    expect(letters).toHaveLength(done.length);
    for (const text of letters) {
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).not.toContain("\u2022");
    }
  });

  test("no password outside the applicant's letter PDF", () => {
    expect(passwords.length).toBeGreaterThan(50);
    const ws = office.emu.ws;
    const texts: string[] = [];
    for (const sheet of spreadsheet(office).getSheets()) {
      const range = sheet.getDataRange();
      texts.push(...[range.getValues(), range.getDisplayValues(), range.getNotes()].flat(2).map(String));
    }
    for (const m of outbox(ws)) texts.push(m.subject, m.body, m.htmlBody ?? "");
    for (const id of docsState(ws).docs.keys()) texts.push(documentText(ws, id));
    for (const item of driveState(ws).items.values())
      if (item.content) texts.push(item.content.toString("utf8"));
    texts.push(JSON.stringify(propertiesDump(ws)));
    const all = texts.join("\n");
    for (const pw of passwords) expect(all.includes(pw)).toBe(false);
  });
});
