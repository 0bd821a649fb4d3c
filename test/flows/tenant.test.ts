/**
 * A real tenant, on the built bundle: the form published and open to applicants without
 * an account; dates read by the spreadsheet's locale (en_US and id_ID) in the trigger, the sweep's
 * recovery and a timestamp written as text; a timestamp in the future refused; the spreadsheet's
 * time zone set to the office's; the responses tab found after the flush; every group and org unit
 * checked; a failed group join retried by the sweep and reported in Indonesian.
 */
import { FormSubmitError, apiError } from "gas-emulator";
import {
  scriptPropertiesOf,
  formsState,
  sheetsState,
  directoryStateObject,
  seedGroup,
} from "gas-emulator/testkit";
import { REGISTER_ID_PROPERTY } from "../../src/workspace/context.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  ADMIN,
  application,
  createOffice,
  errorLog,
  mailsTo,
  register,
  row,
  sheet,
  spreadsheet,
  submit,
  submitOnly,
  type Office,
  type RegisterRecord,
} from "./harness.js";
import { withDirectory } from "./tenant-kit.js";
import { provision, provisioningOffice } from "./provision-kit.js";
import { t } from "../../src/domain/text/index.js";

interface SetupReturn {
  ok: boolean;
  lines: string[];
  tenant: {
    form: { published: boolean; publishedNow: boolean; requireLogin: boolean; openedNow: boolean };
    clock: { locale: string; timeZone: string; changedFrom: string };
    directory: { missingGroups: string[]; missingOrgUnits: string[]; unchecked: string };
  };
}

const report = (o: Office): SetupReturn => o.setup.returnValue as SetupReturn;

/** An office whose spreadsheet has this locale (and time zone) before setup, as a real one may. */
function officeIn(locale: string, timeZone?: string): Promise<Office> {
  return createOffice(
    withDirectory({
      beforeSetup: (emu) => {
        const st = sheetsState(emu.ws);
        const ss = st.get(scriptPropertiesOf(emu.ws).get(REGISTER_ID_PROPERTY) ?? "")!;
        ss.locale = locale;
        if (timeZone) ss.timeZone = timeZone;
      },
    }),
  );
}

async function registered(o: Office, answers: Record<string, string>): Promise<RegisterRecord> {
  const before = register(o).length;
  await submit(o, answers);
  const rows = register(o);
  expect(rows).toHaveLength(before + 1);
  return rows[rows.length - 1]!;
}

const letterDate = (r: RegisterRecord) => r.requestLetter.split(", ").pop();

describe.each([
  ["en_US", "11/20/2026", "11/3/2026"],
  ["id_ID", "20/11/2026", "3/11/2026"],
  // A bare language code is a valid Sheets locale; "en" writes dates as en_US does.
  ["en", "11/20/2026", "11/3/2026"],
])("a spreadsheet in %s", (locale, twentieth, third) => {
  let office: Office;
  beforeAll(async () => {
    office = await officeIn(locale);
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("setup reports the locale and how it reads dates", () => {
    const order = locale.startsWith("en") ? "bulan/hari/tahun" : "hari/bulan/tahun";
    expect(report(office).lines).toContain(
      `Lokal spreadsheet: ${locale}; tanggal pada jawaban formulir dan stempel waktu dibaca ${order}.`,
    );
    expect(report(office).tenant.clock.locale).toBe(locale);
  });

  test(`the trigger reads "${twentieth}" and "${third}" as 20 and 3 November`, async () => {
    const a = await registered(office, application({ "Tanggal surat permohonan": "2026-11-20" }));
    // The form wrote the answer in the spreadsheet's locale; the trigger got that text.
    const responses = sheet(office, SHEET_NAMES.responses);
    const head = responses.getRange(1, 1, 1, responses.getLastColumn()).getDisplayValues()[0]!;
    const col = head.indexOf("Tanggal surat permohonan") + 1;
    expect(responses.getRange(Number(a.responseRow), col).getDisplayValue()).toBe(twentieth);
    expect(a.status).toBe("baru");
    expect(a.problems).toBe("");
    expect(letterDate(a)).toBe("2026-11-20");

    const b = await registered(
      office,
      application({
        "Tanggal surat permohonan": "2026-11-03",
        "Nama lengkap": "Siti Aminah",
        "NIP / NI PPPK": "198703152011012003",
        "Surel pribadi": "siti.aminah@gmail.com",
      }),
    );
    expect(responses.getRange(Number(b.responseRow), col).getDisplayValue()).toBe(third);
    expect(letterDate(b)).toBe("2026-11-03");
    expect(b.ticket).toMatch(/^SRL-2611-/);
  });

  test("the sweep's recovery reads the same answers by the same locale", async () => {
    const rowNo = submitOnly(
      office,
      application({
        "Tanggal surat permohonan": "2026-11-03",
        "Nama lengkap": "Rina Marlina",
        "NIP / NI PPPK": "199001012015032001",
        "Surel pribadi": "rina.marlina@gmail.com",
      }),
    );
    // The trigger's event is never delivered: the sweep finds the row.
    office.emu.ws.pending.length = 0;
    const sweep = await office.emu.run("sweep", { kind: "installable" });
    expect(sweep.ok).toBe(true);
    const r = register(office).find((x) => x.responseRow === String(rowNo))!;
    expect(r).toBeDefined();
    expect(letterDate(r)).toBe("2026-11-03");
    expect(r.problems).toBe("");
  });
});

describe("timestamps written as text", () => {
  test("read by the locale; unreadable or future ones refused, the request kept with the time of processing", async () => {
    const o = await officeIn("en_US");
    try {
      const responses = sheet(o, SHEET_NAMES.responses);
      const head = responses.getRange(1, 1, 1, responses.getLastColumn()).getDisplayValues()[0]!;
      const answers = (over: Record<string, string>): string[] => {
        const a = application(over);
        return head.map((h, i) => (i === 0 ? "" : (a[h] ?? "")));
      };
      // Rows as an import writes them: the timestamp as text, formatted as text so that Sheets
      // keeps it (a plain-text timestamp column, or a copy from another file).
      const put = (stamp: string, over: Record<string, string>): number => {
        const r = responses.getLastRow() + 1;
        responses.getRange(r, 1).setNumberFormat("@");
        responses.getRange(r, 1, 1, head.length).setValues([[stamp, ...answers(over).slice(1)]]);
        return r;
      };
      const us = put("11/20/2026 9:15:01", {
        "Surel pribadi": "us1@gmail.com",
        "Nama lengkap": "Ani Lestari",
      });
      const dayFirst = put("20/11/2026 9:15:01", {
        "Surel pribadi": "us2@gmail.com",
        "Nama lengkap": "Budi Hartono",
      });
      const future = put("8/20/2027 9:15:01", {
        "Surel pribadi": "us3@gmail.com",
        "Nama lengkap": "Citra Dewi",
      });
      const sweep = await o.emu.run("sweep", { kind: "installable" });
      expect(sweep.ok).toBe(true);
      const byRow = (n: number) => register(o).find((x) => x.responseRow === String(n))!;
      // 20 November 2026, 09:15 WIB: the ticket is of November 2026.
      expect(byRow(us).receivedAt).toBe("20/11/2026 09:15");
      expect(byRow(us).ticket).toMatch(/^SRL-2611-/);
      // Day first in an en_US spreadsheet is no date: registered now, and said.
      expect(byRow(dayFirst).ticket).toMatch(/^SRL-2611-/);
      expect(byRow(dayFirst).receivedAt).toMatch(/^23\/11\/2026 /);
      // August 2027 lies in the future: never a ticket "SRL-2708-…".
      expect(byRow(future).ticket).toMatch(/^SRL-2611-/);
      const messages = errorLog(o).map((e) => e["Pesan"]!);
      expect(messages).toContain(
        'Stempel waktu respons "20/11/2026 9:15:01" tidak dapat dibaca menurut lokal spreadsheet: permohonan dicatat dengan waktu pemrosesan.',
      );
      expect(
        messages.some((m) => m.startsWith('Stempel waktu respons "8/20/2027 9:15:01" berada di masa depan')),
      ).toBe(true);
    } finally {
      await o.emu.close();
    }
  });
});

describe("the form of a new tenant", () => {
  let office: Office;
  beforeAll(async () => {
    // The sheet was made by someone whose default zone is not the office's.
    office = await officeIn("id_ID", "America/Los_Angeles");
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("created unpublished and restricted to the domain (after 30 June 2026); setup publishes and opens it", async () => {
    const r = report(office);
    expect(r.tenant.form).toMatchObject({
      published: true,
      publishedNow: true,
      requireLogin: false,
      openedNow: true,
    });
    expect(r.lines).toContain(
      "Formulir diterbitkan: formulir yang dibuat lewat API sejak 1 Juli 2026 belum terbit dan tidak menerima jawaban sampai diterbitkan.",
    );
    expect(r.lines).toContain(
      "Formulir dibuka untuk pemohon tanpa akun domain (sebelumnya hanya akun domain yang dapat mengisinya).",
    );
    const form = formsState(office.emu.ws).get(office.formId)!;
    expect(form.published).toBe(true);
    expect(form.requireLogin).toBe(false);
    // An applicant with a personal address and no account of the domain gets through.
    const a = await registered(office, application({ "Surel pribadi": "pemohon.baru@gmail.com" }));
    expect(a.status).toBe("baru");
  });

  test("the spreadsheet's time zone is set to the office's; the register shows the office's clock", () => {
    expect(spreadsheet(office).getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
    expect(report(office).tenant.clock.changedFrom).toBe("America/Los_Angeles");
    expect(report(office).lines).toContain(
      "Zona waktu spreadsheet diubah dari America/Los_Angeles menjadi Asia/Jakarta (zona waktu kantor), agar register dan surel menunjukkan jam yang sama.",
    );
    // 08:0x in Jakarta on the virtual clock's Monday, not 17:0x the day before in Los Angeles.
    expect(register(office)[0]!.receivedAt).toMatch(/^23\/11\/2026 08:0\d$/);
  });

  test("the responses tab, hidden from the run that linked the form until the flush, is found and renamed", () => {
    const names = spreadsheet(office)
      .getSheets()
      .map((s) => s.getName());
    expect(names).toContain(SHEET_NAMES.responses);
    expect(names.some((n) => /^Form Responses/.test(n))).toBe(false);
    expect(report(office).lines.some((l) => l.includes("tab respons formulir tidak ditemukan"))).toBe(false);
  });

  test("unpublished later by someone: the daily self-check says so; setup publishes it again", async () => {
    const form = formsState(office.emu.ws).get(office.formId)!;
    form.published = false;
    expect(() => submitOnly(office, application({ "Surel pribadi": "lain@gmail.com" }))).toThrow(
      FormSubmitError,
    );
    await office.emu.advance(10 * 60_000);
    expect(errorLog(office).map((e) => e["Pesan"])).toContain(
      "Formulir permohonan belum terbit: pemohon tidak dapat mengirim permohonan. Jalankan Surel → Siapkan / perbaiki, atau buka formulir dan klik Terbitkan.",
    );
    const again = await office.emu.run("setup");
    expect((again.returnValue as SetupReturn).tenant.form.publishedNow).toBe(true);
    expect(form.published).toBe(true);
  });

  test("a responses tab renamed by someone is found again by the form's URL and renamed back", async () => {
    spreadsheet(office).getSheetByName(SHEET_NAMES.responses)!.setName("Jawaban Formulir 1");
    const again = await office.emu.run("setup");
    expect(again.error?.message ?? "").toBe("");
    const names = spreadsheet(office)
      .getSheets()
      .map((x) => x.getName());
    expect(names).toContain(SHEET_NAMES.responses);
    expect(names).not.toContain("Jawaban Formulir 1");
  });

  test("closed by hand: setup and the self-check warn, and leave it closed", async () => {
    const form = formsState(office.emu.ws).get(office.formId)!;
    form.accepting = false;
    const again = await office.emu.run("setup");
    const closed =
      "Peringatan: formulir sudah terbit tetapi ditutup (tidak menerima jawaban). Bila tidak disengaja, buka formulir → Respons → aktifkan Menerima respons.";
    expect((again.returnValue as SetupReturn).lines).toContain(closed);
    expect(form.accepting).toBe(false);
    // The next day (the clock moved without running the sweeps in between), the self-check runs again.
    office.emu.ws.advance(24 * 60 * 60_000);
    await office.emu.run("sweep", { kind: "installable" });
    expect(errorLog(office).map((e) => e["Pesan"])).toContain(closed);
    form.accepting = true;
  });

  test("a form whose responses tab is gone: setup says so in plain words", async () => {
    const responses = spreadsheet(office).getSheetByName(SHEET_NAMES.responses)!;
    formsState(office.emu.ws).get(office.formId)!.destination = null;
    responses._model.formLink = null;
    const again = await office.emu.run("setup");
    expect((again.returnValue as SetupReturn).lines).toContain(
      "GALAT: tab respons formulir tidak ditemukan di spreadsheet. Buka formulir → Respons → Tautkan ke Spreadsheet (pilih spreadsheet ini), lalu jalankan setup lagi.",
    );
  });
});

describe("groups and org units", () => {
  test("setup names every configured group and org unit the directory lacks", async () => {
    const o = await createOffice();
    try {
      const r = report(o);
      expect(r.ok).toBe(false);
      const opds = o.config.opds;
      expect(r.tenant.directory.missingGroups).toEqual(opds.map((x) => x.group));
      expect(r.tenant.directory.missingOrgUnits).toEqual(opds.map((x) => x.orgUnitPath));
      const first = opds[0]!;
      expect(r.lines).toContain(
        `GALAT: grup ${first.group} untuk ${first.name} tidak ada di direktori. Buat grup itu di Konsol Admin atau perbaiki kolom grup di lembar OPD.`,
      );
      expect(r.lines).toContain(
        `GALAT: unit organisasi ${first.orgUnitPath} untuk ${first.name} tidak ada di direktori. Buat unit itu di Konsol Admin atau perbaiki kolom unit organisasi di lembar OPD.`,
      );
    } finally {
      await o.emu.close();
    }
  });

  test("a ready tenant: every group and org unit found, with two list calls whatever the number of OPDs", async () => {
    const o = await createOffice(withDirectory({}));
    try {
      const r = report(o);
      expect(r.ok).toBe(true);
      expect(r.tenant.directory).toEqual({ missingGroups: [], missingOrgUnits: [], unchecked: "" });
      expect(o.setup.calls["AdminDirectory.Groups.list"]?.count).toBe(1);
      expect(o.setup.calls["AdminDirectory.Orgunits.list"]?.count).toBe(1);
    } finally {
      await o.emu.close();
    }
  });
});

describe("a group join that fails", () => {
  test("is kept, reported once in Indonesian without Google's text, and done by the sweep once the group exists", async () => {
    const office = await provisioningOffice({ groups: false });
    try {
      const opd = office.config.opds.find((x) => x.code === "BAPPEDA")!;
      // Google's message may come translated: the reason decides, whatever the words.
      office.emu.faults.inject("AdminDirectory.Members.insert", {
        error: () =>
          apiError("directory.members.insert", "Sumber daya tidak ditemukan: groupKey", 404, "notFound"),
      });
      const a = application({ "Perangkat daerah": opd.name, "Surel pribadi": "gabung@gmail.com" });
      const ticket = await provision(office, a);
      const address = row(office, ticket).address;
      expect(row(office, ticket).status).toBe("selesai");
      const text = `Akun ${address} belum dapat ditambahkan ke grup ${opd.group}: tidak ditemukan di direktori. Penyapuan mencoba lagi setiap 10 menit; perbaiki grup di lembar OPD atau buat grupnya di Konsol Admin.`;
      const notice = mailsTo(office, ADMIN).pop()!;
      expect(notice.body).toContain(text);
      expect(notice.body).not.toMatch(/Sumber daya|Resource Not Found|API call/);
      expect(errorLog(office).map((e) => e["Pesan"])).toContain(text);

      // Still missing at the next sweeps: tried again, no second mail.
      office.emu.faults.clear();
      // (The daily mail of the log's head is not about the group.)
      const adminMails = () =>
        mailsTo(office, ADMIN).filter((m) => !m.subject.startsWith("Kepala log disposisi"));
      const mailsBefore = adminMails().length;
      await office.emu.advance(10 * 60_000);
      expect(adminMails()).toHaveLength(mailsBefore);
      const group = () =>
        [...directoryStateObject(office.emu.ws).groups.values()].find((g) => g.group.email === opd.group);
      expect(group()).toBeUndefined();

      // An administrator creates the group: the next sweep adds the account.
      seedGroup(office.emu.ws, { email: opd.group });
      const swept = await office.emu.advance(10 * 60_000);
      const report = swept.find((r) => r.handler === "sweep")!.returnValue as {
        groups?: { joined: string[] };
      };
      expect(report.groups?.joined).toEqual([ticket]);
      expect(group()!.members.map((m) => m.email)).toContain(address);
      expect(errorLog(office).map((e) => e["Pesan"])).toContain(
        `Akun ${address} kini anggota grup ${opd.group} (dicoba ulang oleh penyapuan).`,
      );
      const again = await office.emu.advance(10 * 60_000);
      const last = again.find((r) => r.handler === "sweep")!.returnValue as { groups?: { joined: string[] } };
      expect(last.groups?.joined ?? []).toEqual([]);
    } finally {
      await office.emu.close();
    }
  });
});

describe("a locale changed after setup", () => {
  test("before any sweep: the trigger sees its own timestamp text disagree and reads the live locale", async () => {
    const o = await officeIn("id_ID");
    try {
      sheetsState(o.emu.ws).get(o.ssId)!.locale = "en_US";
      // No sweep in between: the cached configuration still says id_ID.
      const r = await registered(o, application({ "Tanggal surat permohonan": "2026-11-03" }));
      // The form wrote "11/3/2026" (en_US): 3 November, not 11 March.
      expect(letterDate(r)).toBe("2026-11-03");
      expect(r.problems).toBe("");
    } finally {
      await o.emu.close();
    }
  });
  test("the next sweep notices it; from then on the trigger reads dates by the new locale", async () => {
    const o = await officeIn("id_ID");
    try {
      const st = sheetsState(o.emu.ws);
      st.get(o.ssId)!.locale = "en_US";
      await o.emu.run("sweep", { kind: "installable" });
      const r = await registered(o, application({ "Tanggal surat permohonan": "2026-11-03" }));
      expect(letterDate(r)).toBe("2026-11-03");
      expect(r.problems).toBe("");
    } finally {
      await o.emu.close();
    }
  });
});

describe("setup when the directory refuses to be read", () => {
  test("the directory check says why it could not look, in Indonesian, without Google's text", async () => {
    const o = await createOffice(withDirectory({}));
    try {
      // The installer lost its admin role; Google's text may come in any language.
      o.emu.faults.inject("AdminDirectory.Groups.list", {
        error: () =>
          apiError("directory.groups.list", "Not Authorized to access this resource/api", 403, "forbidden"),
      });
      const again = await o.emu.run("setup");
      o.emu.faults.clear();
      expect(again.error?.message ?? "").toBe("");
      const r = again.returnValue as SetupReturn;
      expect(r.tenant.directory.unchecked).toBe(t("id", "directory.failure.not_authorized"));
      expect(r.lines).toContain(
        "Peringatan: grup dan unit organisasi tidak dapat diperiksa: akun layanan tidak berwenang (bukan administrator)",
      );
      expect(r.lines.join("\n")).not.toMatch(/Not Authorized|API call/);
    } finally {
      await o.emu.close();
    }
  });
});
