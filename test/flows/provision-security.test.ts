/**
 * The temporary password: it exists only in memory, in the mail to the applicant and in the letter
 * sent. After a clean run, a run cut off while a working copy held the password, a letter that
 * waited for mail quota and a reissued letter, no password is found in a full dump of the
 * workspace (out/-like), in any sheet or note, Script/User/Document Properties, cache entry, log
 * or console line of any execution, Drive file (trashed ones too) or document revision. The
 * generator never calls Math.random (the bundle runs with Math.random made to throw). The letter
 * PDF has every placeholder filled and reads as an official letter.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LETTER_PLACEHOLDERS } from "../../src/domain/letters.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { apiError, type ExecutionResult } from "gas-emulator";
import {
  cacheContents,
  checkUserPassword,
  documentRevisions,
  documentText,
  docsState,
  driveState,
  harnessLog,
  outbox,
  propertiesDump,
  scriptPropertiesOf,
} from "gas-emulator/testkit";
import { DEFAULT_BUNDLE, surelEmulator } from "../kit/emulator.js";
import {
  ADMIN,
  act,
  adminRequest,
  DOMAIN,
  MANIFEST_ADVANCED_SERVICES,
  runWorkers,
  spreadsheet,
  submit,
  WORKER,
  type Office,
} from "./harness.js";
import {
  applicant,
  lettersTo,
  passwordInLetter,
  pdfText,
  provisioningOffice,
  provisioningOfficeIn,
  row,
  SIGNER_NIP,
  STAF,
  sweepAfter,
} from "./provision-kit.js";

/** Every execution's result, for their log and console lines. */
const results: ExecutionResult[] = [];
const keep = (r: ExecutionResult | ExecutionResult[]): void => {
  results.push(...(Array.isArray(r) ? r : [r]));
};

async function request(office: Office, answers: Record<string, string>): Promise<string> {
  const { results: rs } = await submit(office, answers);
  keep(rs);
  const ticket = (rs.find((r) => r.handler === "onFormSubmit")!.returnValue as { ticket: string }).ticket;
  const last = office.config.stages[office.config.stages.length - 1]!;
  for (const stage of office.config.stages) {
    if (stage === last) break;
    keep(await act(office, stage.officials[0]!, ticket, "Teruskan (disposisi)"));
  }
  return ticket;
}

/** "Buat akun", then the provisioning workers until the queue is empty. */
async function create(office: Office, ticket: string): Promise<void> {
  keep(await act(office, STAF, ticket, "Buat akun"));
  keep(await runWorkers(office));
}

async function sweep(office: Office, minutes: number): Promise<void> {
  keep(await sweepAfter(office, minutes));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("no password is kept anywhere", () => {
  let office: Office;
  const passwords: string[] = [];
  let leftover = "";
  let dir = "";

  beforeAll(async () => {
    office = await provisioningOffice();
    const ws = office.emu.ws;
    // 1. A clean run.
    const a1 = applicant(1);
    await create(office, await request(office, a1));
    // 2. A run cut off while its working copy holds the password: that copy stays until the sweep.
    const a2 = applicant(2);
    const t2 = await request(office, a2);
    office.emu.faults.killAt(1, { target: "Drive.Files.remove", handler: WORKER });
    await create(office, t2);
    office.emu.faults.clear();
    const work = scriptPropertiesOf(ws).get("surel:letterWorkFolderId")!;
    const copies = [...driveState(ws).items.values()].filter((i) => i.parents.includes(work));
    expect(copies).toHaveLength(1);
    leftover = /Kata sandi sementara\t: (\S+)/.exec(documentText(ws, copies[0]!.id))![1]!;
    // 3. A letter that waits for mail quota (the password it was created with is never shown).
    const a3 = applicant(3);
    const t3 = await request(office, a3);
    const used = 1500 - ws.quotas.remaining("emailRecipients", ws.clockMs);
    ws.quotas.setLimit("emailRecipients", used);
    await create(office, t3);
    ws.quotas.setLimit("emailRecipients", 1500);
    // The sweeps: the cut-off run is resumed, the leftover deleted, the waiting letter sent.
    await sweep(office, 10);
    await sweep(office, 10);
    await sweep(office, 10);
    // 4. A reissued letter.
    keep((await adminRequest(office, ADMIN, "reissue", { ticket: t3 })).results);
    await sweep(office, 10);
    for (const a of [a1, a2, a3])
      for (const mail of lettersTo(office, a["Surel pribadi"]!)) passwords.push(await passwordInLetter(mail));
    dir = mkdtempSync(join(tmpdir(), "surel-dump-"));
    office.emu.dump(dir);
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await office.emu.close();
  });

  const secrets = (): string[] => [...passwords, leftover];

  test("the scenario produced the passwords it is about, and each letter's password worked when sent", () => {
    expect(passwords).toHaveLength(4); // a1, a2 (resumed), a3 (after the quota wait), a3 reissued
    expect(new Set(secrets()).size).toBe(5);
    expect(leftover).toMatch(/^[A-Za-z2-9!#$%*+=?]{16}$/);
    // The latest letter of each account opens it; replaced passwords no longer do.
    for (const t of ["SRL-2611-0001", "SRL-2611-0002", "SRL-2611-0003"])
      expect(row(office, t).status).toBe("selesai");
    expect(checkUserPassword(office.emu.ws, row(office, "SRL-2611-0001").address, passwords[0]!)).toBe(true);
    expect(checkUserPassword(office.emu.ws, row(office, "SRL-2611-0002").address, leftover)).toBe(false);
  });

  test("positive control: the scanner finds a password where it is meant to be (the letter sent)", async () => {
    const sent = outbox(office.emu.ws).filter((m) => m.attachments.length > 0);
    const texts = await Promise.all(
      sent.flatMap((m) => m.attachments.map(async (a) => (await pdfText(a.bytes)).join("\n"))),
    );
    for (const pw of passwords) expect(texts.some((t) => t.includes(pw))).toBe(true);
  });

  test("not in the dump (workspace.json with sheets, properties, cache, mail, Drive, documents; every file)", () => {
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith("workspace.json"))).toBe(true);
    expect(files.some((f) => f.endsWith(".csv"))).toBe(true);
    expect(files.some((f) => f.endsWith(".pdf"))).toBe(true);
    const hits: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(f);
      const text = bytes.toString("utf8") + bytes.toString("latin1");
      for (const pw of secrets()) if (text.includes(pw)) hits.push(`${f}: ${pw}`);
    }
    expect(hits).toEqual([]);
  });

  test("not in any sheet's values, display values or notes", () => {
    const hits: string[] = [];
    for (const sheet of spreadsheet(office).getSheets()) {
      const range = sheet.getDataRange();
      const cells = [range.getValues(), range.getDisplayValues(), range.getNotes()].flat(2).map(String);
      for (const pw of secrets())
        if (cells.some((c) => c.includes(pw))) hits.push(`${sheet.getName()}: ${pw}`);
    }
    expect(hits).toEqual([]);
    expect(spreadsheet(office).getSheetByName(SHEET_NAMES.register)).not.toBeNull();
  });

  test("not in Properties (every store), the cache, or any log or console line", () => {
    const stores = JSON.stringify(propertiesDump(office.emu.ws));
    const cache = JSON.stringify(["script", "user", "document"].map((s) => cacheContents(office.emu.ws, s)));
    const lines = [...results.flatMap((r) => r.logs.map((l) => l.message)), ...harnessLog(office.emu.ws)];
    const errors = results.map(
      (r) => JSON.stringify(r.error ?? null) + JSON.stringify(r.returnValue ?? null),
    );
    expect(results.length).toBeGreaterThanOrEqual(15);
    for (const pw of secrets()) {
      expect(stores).not.toContain(pw);
      expect(cache).not.toContain(pw);
      expect(lines.filter((l) => l.includes(pw))).toEqual([]);
      expect(errors.filter((l) => l.includes(pw))).toEqual([]);
    }
  });

  test("not in any Drive file, trashed ones included, nor in any revision of any document", () => {
    const ws = office.emu.ws;
    const items = [...driveState(ws).items.values()];
    expect(items.some((i) => i.name.startsWith("kerja-"))).toBe(false); // working copies deleted for good
    const texts: string[] = [];
    for (const item of items) {
      if (item.content) texts.push(item.content.toString("utf8"));
      if (docsState(ws).docs.has(item.id)) {
        texts.push(documentText(ws, item.id), documentText(ws, item.id, { committed: true }));
        texts.push(...documentRevisions(ws, item.id).map((r) => r.text));
      }
    }
    // documents whose Drive file is gone must be gone from Docs too (revisions included)
    for (const id of docsState(ws).docs.keys()) expect(driveState(ws).items.has(id)).toBe(true);
    expect(texts.some((t) => t.includes("\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"))).toBe(true); // archives
    for (const pw of secrets()) expect(texts.filter((t) => t.includes(pw))).toEqual([]);
  });

  test("not in the mail bodies either: only the attached letter carries it", () => {
    for (const m of outbox(office.emu.ws))
      for (const pw of secrets()) {
        expect(m.body).not.toContain(pw);
        expect(m.htmlBody ?? "").not.toContain(pw);
        expect(m.subject).not.toContain(pw);
      }
  });
});

describe("Math.random is never called", () => {
  test("the whole flow runs with Math.random made to throw inside every execution", async () => {
    const code =
      'Math.random = function () { throw new Error("Math.random called"); };\n' +
      "function probeMathRandom() { return Math.random(); }\n" +
      readFileSync(DEFAULT_BUNDLE, "utf8");
    const emu = surelEmulator({
      code,
      domain: DOMAIN,
      owner: { email: ADMIN, admin: true },
      advancedServices: MANIFEST_ADVANCED_SERVICES,
    });
    try {
      const probe = await emu.run("probeMathRandom");
      expect(probe.ok).toBe(false);
      expect(probe.error?.message).toBe("Math.random called");
      const office = await provisioningOfficeIn(emu);
      const a = applicant(7);
      const ticket = await request(office, a);
      // a 503 first: the retry waits with jitter drawn from UUIDs too
      emu.faults.inject("AdminDirectory.Users.insert", {
        error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
      });
      const before = results.length;
      await create(office, ticket);
      emu.faults.clear();
      const worker = results.slice(before).find((x) => x.handler === WORKER)!;
      expect(worker.trace.filter((c) => c.key === "Utilities.sleep")).toHaveLength(1);
      const r = row(office, ticket);
      expect(r.status).toBe("selesai");
      const letters = lettersTo(office, a["Surel pribadi"]!);
      expect(letters).toHaveLength(1);
      expect(checkUserPassword(emu.ws, r.address, await passwordInLetter(letters[0]!))).toBe(true);
      expect(results.slice(before).every((x) => x.ok)).toBe(true);
    } finally {
      await emu.close();
    }
  });
});

describe("the letter PDF", () => {
  let office: Office;
  let text = "";
  let pages = 0;
  let operators = 0;
  const a = applicant(9, { "Nama lengkap": "Dr. Ir. Ahmad Fauzi, S.T., M.T." });
  beforeAll(async () => {
    office = await provisioningOffice();
    const ticket = await request(office, a);
    await create(office, ticket);
    const mail = lettersTo(office, a["Surel pribadi"]!)[0]!;
    const pdf = mail.attachments[0]!;
    const doc = await getDocument({ data: new Uint8Array(pdf.bytes), verbosity: 0 }).promise;
    pages = doc.numPages;
    for (let p = 1; p <= doc.numPages; p++)
      operators += (await (await doc.getPage(p)).getOperatorList()).fnArray.length;
    await doc.destroy();
    text = (await pdfText(pdf.bytes)).join("\n");
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("renders (pdfjs draws every page) and has every placeholder filled: no {{ or }} left", () => {
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(operators).toBeGreaterThan(50);
    expect(text).not.toContain("{{");
    expect(text).not.toContain("}}");
    // keys such as KOP_PEMERINTAH or KATA_SANDI cannot occur in a filled letter
    for (const p of LETTER_PLACEHOLDERS.filter((x) => x.key.includes("_"))) expect(text).not.toContain(p.key);
  });

  test("is an official letter: letterhead, place and Indonesian date, Nomor/Sifat/Lampiran/Hal, Yth., signature", () => {
    const r = row(office, "SRL-2611-0001");
    const flat = text.replace(/\s+/g, " ");
    for (const part of [
      "PEMERINTAH KOTA CONTOH",
      "DINAS KOMUNIKASI DAN INFORMATIKA",
      "Jl. Merdeka No. 1, Kota Contoh 12345",
      "Contoh, 23 November 2026",
      `Nomor : ${r.letterNumber}`,
      "Sifat : Rahasia",
      "Lampiran : -",
      "Hal : Pemberitahuan Akun Surel Dinas",
      "Yth. Dr. Ir. Ahmad Fauzi, S.T., M.T.",
      `Alamat surel : ${r.address}`,
      `Nama pengguna : ${r.address.split("@")[0]}`,
      "Masuklah pertama kali paling lambat tanggal 7 Desember 2026",
      "menjadi wewenang dan tanggung jawab pengguna",
      "Nama Kepala Dinas",
      "Pembina Utama Muda (IV/c)",
      `NIP. ${SIGNER_NIP}`,
    ])
      expect(flat).toContain(part);
    expect(flat).toMatch(/Kata sandi sementara : [A-Za-z2-9!#$%*+=?]{16}/);
  });
});
