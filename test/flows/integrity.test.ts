/**
 * Request integrity, on the built bundle: nobody can redirect a password, swallow a
 * request or bend a letter through the form. Each block failed before its fix.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ALPHABET } from "../../src/domain/password.js";
import {
  a1Of,
  SERVICE,
  application,
  cellOf,
  editRange,
  toastsFor,
  editCell,
  errorLog,
  correctionOf,
  hostWrite,
  OUTSIDER,
  records,
  sheet,
  log,
  mails,
  mailsTo,
  register,
  row,
  submit,
  type Office,
  type RegisterRecord,
} from "./harness.js";
import {
  accountsFor,
  chooseCreate,
  lettersTo,
  newRequest,
  passwordInLetter,
  pdfText,
  provisioningOffice,
  staffOnly,
  STAF,
  toLastStage,
} from "./provision-kit.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { columnLetter } from "gas-emulator/testkit";
import { REGISTER_COLUMNS } from "../../src/workspace/schema.js";
import { appendResponses } from "./responses-door.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice({ configure: staffOnly });
});
afterAll(async () => {
  await office.emu.close();
});

async function intake(answers: Record<string, string>): Promise<RegisterRecord> {
  const { row: responseRow, results } = await submit(office, answers);
  for (const r of results) expect(r.error?.message ?? "").toBe("");
  const rec = register(office).find((r) => r.responseRow === String(responseRow));
  if (!rec) throw new Error(`no register row for response ${responseRow}`);
  return rec;
}

function setCell(ticket: string, key: (typeof REGISTER_COLUMNS)[number]["key"], value: string): void {
  const col = REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
  hostWrite(office, SHEET_NAMES.register, `${columnLetter(col)}${row(office, ticket)._row}`, [[value]]);
}

describe("a correction cannot redirect the letter", () => {
  const victim = "rina.wulandari@gmail.com";
  const outsider = "penyerang.x@yahoo.com";
  let ticket = "";
  beforeAll(async () => {
    // A returned request (a request letter dated in the future): waiting for the correction.
    const rec = await intake(
      application({
        "Nama lengkap": "Rina Wulandari",
        "NIP / NI PPPK": "199001152015032004",
        "Surel pribadi": victim,
        "Tanggal surat permohonan": "2027-01-05",
      }),
    );
    ticket = rec.ticket;
    expect(rec.status).toBe("perlu perbaikan");
    // Someone who knows the ticket (sequential), the NIP (printed on official papers) and the
    // receipt's code (a forwarded receipt) asks for the letter at another address.
    await intake(
      application({
        "Nama lengkap": "Rina Wulandari",
        "NIP / NI PPPK": "199001152015032004",
        "Surel pribadi": outsider,
        ...correctionOf(office, ticket, victim),
      }),
    );
  });

  test("the delivery address on record stays; the request goes on", () => {
    const rec = row(office, ticket);
    expect(rec.personalEmail).toBe(victim);
    expect(rec.status).toBe("baru");
    expect(rec.problems).toContain(t("id", "correction.address_kept", { address: victim }));
  });

  test("the address on record is told, the outsider's address gets nothing", () => {
    expect(mailsTo(office, outsider)).toEqual([]);
    const told = mailsTo(office, victim).filter((m) => m.subject.includes(ticket));
    expect(told.some((m) => m.subject.startsWith("Permintaan penggantian alamat surel pribadi"))).toBe(true);
    expect(told.some((m) => m.body.includes("p***x@yahoo.com"))).toBe(true);
  });

  test("the log records the delivery address before and after, masked", () => {
    const entry = log(office).find((e) => e.ticket === ticket && e.action === "perbaikan_diterima");
    expect(entry?.note).toContain("alamat pengiriman r***i@gmail.com \u2192 r***i@gmail.com");
    expect(entry?.note).toContain("p***x@yahoo.com");
    expect(JSON.stringify(log(office))).not.toContain(outsider);
  });

  test("the letter goes to the address on record", async () => {
    await toLastStage(office, ticket);
    await chooseCreate(office, ticket);
    expect(row(office, ticket).status).toBe("selesai");
    expect(lettersTo(office, victim)).toHaveLength(1);
    expect(lettersTo(office, outsider)).toHaveLength(0);
  });
});

describe("intake refuses what would bend a letter or an address", () => {
  test("a comma-separated personal e-mail is refused and nobody is mailed", async () => {
    // The form's own validation refuses it; a response written by other means (an import, an
    // edited form) reaches intake through the responses sheet.
    const before = mails(office).length;
    const { rows } = appendResponses(office, [
      application({ "Nama lengkap": "Dewi Lestari", "Surel pribadi": "dewi.l@gmail.com, lain@gmail.com" }),
    ]);
    const sweep = await office.emu.run("sweep", { kind: "installable" });
    expect(sweep.ok).toBe(true);
    const rec = register(office).find((r) => r.responseRow === String(rows[0]));
    expect(rec?.status).toBe("perlu perbaikan");
    expect(rec?.problems).toMatch(catalogued("email.invalid"));
    const sent = mails(office).slice(before);
    for (const m of sent) {
      expect([...m.to, ...m.cc, ...m.bcc].join(" ")).not.toMatch(/dewi\.l@gmail\.com|lain@gmail\.com/);
    }
  });

  test("a name made only of titles is refused with a reason", async () => {
    const rec = await intake(application({ "Nama lengkap": "Dr. S.T.", "Surel pribadi": "dr.st@gmail.com" }));
    expect(rec.status).toBe("perlu perbaikan");
    expect(rec.problems).toContain("hanya berisi gelar atau inisial");
  });

  test("double braces in any field are refused with a reason", async () => {
    const rec = await intake(
      application({
        "Nama lengkap": "Joko Widodo",
        Jabatan: "Staf {{KATA_SANDI}}",
        "Surel pribadi": "joko.w@gmail.com",
      }),
    );
    expect(rec.status).toBe("perlu perbaikan");
    expect(rec.problems).toContain("kurung kurawal ganda");
  });

  test("a unit acronym or a wish never takes a reserved address", async () => {
    for (const [acronym, wish] of [
      ["admin", ""],
      ["root", ""],
      ["ppid", "walikota"],
    ] as const) {
      const rec = await intake(
        application({
          "Nama lengkap": "Budi Hartono",
          "Jenis akun": "Unit Kerja",
          "Nama unit kerja (khusus akun Unit Kerja)": `Unit ${acronym}`,
          "Singkatan unit kerja (khusus akun Unit Kerja)": acronym,
          "Usulan nama akun": wish,
          "Surel pribadi": `unit.${acronym}@gmail.com`,
        }),
      );
      expect(rec.address).not.toBe(`${acronym}@contohkota.go.id`);
      expect(rec.address).not.toMatch(/^(admin|root|ppid|walikota)@/);
    }
  });
});

describe("the letter is filled in one pass", () => {
  test("text that looks like a placeholder or the mask prints as text; the password once", async () => {
    const personal = "hendra.gunawan@gmail.com";
    const ticket = await newRequest(
      office,
      application({
        "Nama lengkap": "Hendra Gunawan",
        "Surel pribadi": personal,
        "NIP / NI PPPK": "198712122010011003",
      }),
    );
    await toLastStage(office, ticket);
    // A value that reached the register some other way (an old row, an import): it must not
    // pull another value or the password into the letter.
    // (An old row, registered before the data digest existed: no digest to compare.)
    setCell(ticket, "dataDigest", "");
    setCell(
      ticket,
      "position",
      "Staf {{KATA_SANDI}} {{NAMA_PENGGUNA}} \u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022 $1 {{XYZ}}",
    );
    await chooseCreate(office, ticket, STAF);
    expect(row(office, ticket).status).toBe("selesai");
    const [letter] = lettersTo(office, personal);
    expect(letter).toBeDefined();
    const password = await passwordInLetter(letter!);
    expect([...password].every((c) => ALPHABET.includes(c))).toBe(true);
    const text = (
      await pdfText(letter!.attachments.find((a) => a.contentType === "application/pdf")!.bytes)
    ).join("\n");
    expect(text.split(password).length - 1).toBe(1);
    expect(text).toContain("$1");
    expect(text).not.toMatch(/\{\{(KATA_SANDI|NAMA_PENGGUNA|XYZ)\}\}/);
    expect(text).not.toContain("\u2022");
    expect(text).not.toContain("hendra.gunawan Staf");
  });
});

describe("an official's edit that cannot get the lock", () => {
  test("is undone with a note, logged, and works when chosen again", async () => {
    const ticket = await newRequest(
      office,
      application({
        "Nama lengkap": "Lina Marlina",
        "Surel pribadi": "lina.marlina@gmail.com",
        "NIP / NI PPPK": "198805052012012005",
      }),
    );
    await editCell(office, STAF, ticket, "note", "Berkas tidak lengkap");
    const lock = office.emu
      .service<{ getScriptLock(): { tryLock(ms: number): boolean; releaseLock(): void } }>("LockService")
      .getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    let results;
    try {
      ({ results } = await editCell(office, STAF, ticket, "action", "Tahan"));
    } finally {
      lock.releaseLock();
    }
    expect(results.every((r) => r.ok)).toBe(true);
    const after = row(office, ticket);
    expect(after.action).toBe("");
    expect(after.status).toBe("baru");
    expect(cellOf(office, ticket, "action").note).toContain("sedang sibuk");
    expect(errorLog(office).some((e) => Object.values(e).join(" ").includes("sistem sibuk"))).toBe(true);
    // Nothing was logged as done.
    expect(log(office).filter((e) => e.ticket === ticket && e.action === "tahan")).toEqual([]);
    // Chosen again with the lock free: applied.
    await editCell(office, STAF, ticket, "action", "Tahan");
    expect(row(office, ticket).status).toBe("ditahan");
  });
});

describe("the mail queue", () => {
  test("an applicant's address never becomes a formula in the queue", async () => {
    const address = "=1+2@gmail.com";
    await intake(
      application({
        "Nama lengkap": "Rudi Hartono",
        "Surel pribadi": address,
        "NIP / NI PPPK": "198001012005011009",
      }),
    );
    const queue = sheet(office, SHEET_NAMES.mailQueue);
    const formulas = queue.getRange(1, 1, queue.getLastRow(), queue.getLastColumn()).getFormulas().flat();
    expect(formulas.filter((f) => f !== "")).toEqual([]);
    expect(records(office, SHEET_NAMES.mailQueue).some((r) => Object.values(r).includes(address))).toBe(true);
  });
});

describe("the note an official acts on", () => {
  test("is taken only when the acting official wrote it", async () => {
    const personal = "maya.sari@gmail.com";
    const ticket = await newRequest(
      office,
      application({
        "Nama lengkap": "Maya Sari",
        "Surel pribadi": personal,
        "NIP / NI PPPK": "199203032015022001",
      }),
    );
    // Another editor of the register types the reason…
    await editCell(office, OUTSIDER, ticket, "note", "Ditolak karena alasan karangan orang lain");
    // …and the official picks "Tolak" without writing one: refused, nothing mailed.
    await editCell(office, STAF, ticket, "action", "Tolak");
    const refused = row(office, ticket);
    expect(refused.status).toBe("baru");
    expect(cellOf(office, ticket, "action").note).toContain(`penulis: ${OUTSIDER}`);
    expect(mailsTo(office, personal).filter((m) => m.subject.includes("ditolak"))).toEqual([]);
    // The official writes the reason: it is logged as the official's, and mailed.
    await editCell(office, STAF, ticket, "note", "Bukan pegawai pada OPD yang dipilih");
    await editCell(office, STAF, ticket, "action", "Tolak");
    expect(row(office, ticket).status).toBe("ditolak");
    const entry = log(office).find((e) => e.ticket === ticket && e.action === "tolak");
    expect(entry).toMatchObject({ actor: STAF, note: "Bukan pegawai pada OPD yang dipilih" });
    expect(JSON.stringify(log(office).filter((e) => e.action === "tolak"))).not.toContain("karangan");
  });
});

describe("a paste by the owner over the personal columns", () => {
  test("says what really happened, and no account or letter follows the pasted values", async () => {
    const personal = "sinta.dewi@gmail.com";
    const pasted = "penadah@gmail.com";
    const ticket = await newRequest(
      office,
      application({
        "Nama lengkap": "Sinta Dewi",
        "Surel pribadi": personal,
        "NIP / NI PPPK": "199104042016022002",
      }),
    );
    const from = a1Of(office, ticket, "personalEmail");
    const to = a1Of(office, ticket, "accountType");
    // The owner of the register is the service account: only it gets past the protection.
    const { edit } = await editRange(office, SERVICE, SHEET_NAMES.register, `${from}:${to}`, [
      [pasted, "Pribadi"],
    ]);
    expect(edit.ok).toBe(true);
    expect(row(office, ticket).personalEmail).toBe(pasted); // not restored: and the message says so
    expect(toastsFor(office, SERVICE).pop()?.message).toMatch(catalogued("edit.paste_program"));
    await chooseCreate(office, ticket, STAF);
    const after = row(office, ticket);
    expect(after.status).not.toBe("selesai");
    expect(after.provisioning).toContain("berubah di luar program");
    expect(accountsFor(office, ticket)).toEqual([]);
    expect(mailsTo(office, pasted).filter((m) => m.attachments.length > 0)).toEqual([]);
  });
});

describe("the responses sheet", () => {
  test("is protected from the register's editors", async () => {
    const { edit } = await editRange(office, OUTSIDER, SHEET_NAMES.responses, "B2", [["diubah"]]);
    expect(edit.ok).toBe(false);
  });

  test("a deleted response row (by its owner) makes no later application vanish", async () => {
    const a = await intake(
      application({
        "Nama lengkap": "Agus Salim",
        "Surel pribadi": "agus.salim@gmail.com",
        "NIP / NI PPPK": "198202022008011004",
      }),
    );
    await intake(
      application({
        "Nama lengkap": "Bambang Irawan",
        "Surel pribadi": "bambang.i@gmail.com",
        "NIP / NI PPPK": "198303032009011005",
      }),
    );
    // The owner deletes the first of the two rows: every row below it moves up one.
    sheet(office, SHEET_NAMES.responses).deleteRow(Number(a.responseRow));
    const before = register(office).length;
    const { results } = await submit(
      office,
      application({
        "Nama lengkap": "Cahya Nugraha",
        "Surel pribadi": "cahya.n@gmail.com",
        "NIP / NI PPPK": "198404042010011006",
      }),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(register(office)).toHaveLength(before + 1);
    expect(register(office).some((r) => r.personalEmail === "cahya.n@gmail.com")).toBe(true);
    expect(mailsTo(office, "cahya.n@gmail.com")).toHaveLength(1);
    // And the sweep registers nothing twice.
    await office.emu.run("sweep", { kind: "installable" });
    expect(register(office)).toHaveLength(before + 1);
  });
});
