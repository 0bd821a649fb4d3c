import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/domain/dates.js";
import { ticketCounterKey } from "../../src/domain/keys.js";
import type { OfficeConfig } from "../../src/domain/config.js";
import type { FieldKey } from "../../src/domain/form.js";
import { checkPersonalEmail } from "../../src/domain/personalemail.js";
import {
  checkProposedUsername,
  validateApplication,
  type IntakeContext,
  type IntakeResult,
} from "../../src/domain/intake.js";
import { composeCorrectionMail, composeReceiptMail } from "../../src/domain/intakemail.js";
import { parseDateAnswer } from "../../src/domain/dateanswer.js";
import { serviceDurationText } from "../../src/domain/mailkit.js";
import {
  emptyApplicant,
  formatTicket,
  initialStatus,
  isStatus,
  isTerminal,
  localDate,
  newRequest,
  normalizeTicket,
  OPEN_STATUSES,
  parseTicket,
  STATUSES,
  statusTextKey,
  ticketPeriod,
  zoneAbbreviation,
} from "../../src/domain/request.js";
import { officeZoneOffset } from "../../src/domain/dates.js";
import { asSheetText } from "../../src/domain/sanitize.js";
import { tx } from "../../src/domain/text/index.js";
import { sampleOffice } from "./office-fixture.js";

const config = sampleOffice;

/** 22 November 2026, 09:15 WIB. */
const NOW = Date.UTC(2026, 10, 22, 2, 15);
const ctx = (over: Partial<IntakeContext> = {}): IntakeContext => ({
  config: config(),
  todayMs: NOW,
  ...over,
});

const STATEMENT =
  "Saya bersedia bertanggung jawab atas penggunaan dan pengelolaan akun surel dinas ini sesuai ketentuan yang berlaku.";

/** A complete, valid application of a civil servant. */
function pns(over: Partial<Record<FieldKey, string>> = {}): Partial<Record<FieldKey, string>> {
  return {
    fullName: "Dr. Ir. H. Ahmad Fauzi, S.T., M.T.",
    titlesBefore: "",
    titlesAfter: "",
    status: "PNS",
    nip: "19850330 201001 1 002",
    nik: "",
    position: "Kepala Seksi Infrastruktur TIK",
    opd: "Dinas Komunikasi dan Informatika",
    phone: "0812-3456-7890",
    personalEmail: "Ahmad.Fauzi85@Gmail.com",
    accountType: "Pribadi",
    unitName: "",
    unitAcronym: "",
    proposedUsername: "",
    letterNumber: "800/123/Diskominfo/2026",
    letterDate: "20/11/2026",
    previousTicket: "",
    statement: STATEMENT,
    ...over,
  };
}

function errors(r: IntakeResult): string[] {
  return r.problems.filter((p) => p.severity === "error").map((p) => p.message);
}

function codes(r: IntakeResult): string[] {
  return r.problems.map((p) => `${p.severity}:${p.field}:${p.code}`);
}

describe("validateApplication: valid applications", () => {
  it("normalises a civil servant's personal application", () => {
    const r = validateApplication(pns(), ctx());
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.request).toEqual({
      fullName: "Dr. Ir. H. Ahmad Fauzi, S.T., M.T.",
      name: "Ahmad Fauzi",
      titlesBefore: ["Dr.", "Ir.", "H."],
      titlesAfter: ["S.T.", "M.T."],
      nameKey: "ahmad fauzi",
      employment: "PNS",
      nip: "198503302010011002",
      nipKind: "nip",
      birthDate: "1985-03-30",
      gender: "L",
      nik: "",
      position: "Kepala Seksi Infrastruktur TIK",
      opdCode: "DISKOMINFO",
      opdName: "Dinas Komunikasi dan Informatika",
      phone: "+6281234567890",
      personalEmail: "ahmad.fauzi85@gmail.com",
      accountType: "pribadi",
      unitName: "",
      unitAcronym: "",
      proposedUsername: "",
      requestLetterNumber: "800/123/Diskominfo/2026",
      requestLetterDate: "2026-11-20",
      previousTicket: "",
      statementAccepted: true,
    });
  });

  it("accepts a PPPK employee with a NI PPPK and a matching NIK", () => {
    const r = validateApplication(
      pns({
        fullName: "SITI RAHMAWATI, A.Md.Kep",
        status: "PPPK",
        nip: "198706252021212001",
        nik: "3271046506870004",
        opd: "DINKES",
        phone: "+62 852 6123 4567",
        personalEmail: "siti.rahma@yahoo.co.id",
      }),
      ctx(),
    );
    expect(r.problems).toEqual([]);
    expect(r.request).toMatchObject({
      fullName: "Siti Rahmawati, A.Md.Kep.",
      employment: "PPPK",
      nip: "198706252021212001",
      nipKind: "nipppk",
      nik: "3271046506870004",
      gender: "P",
      birthDate: "1987-06-25",
      opdCode: "DINKES",
      opdName: "Dinas Kesehatan",
    });
  });

  it("accepts a Non-ASN applicant without NIP; birth date and gender come from the NIK", () => {
    const r = validateApplication(
      pns({ fullName: "i made wirawan", status: "Non-ASN", nip: "", nik: "5171011203950001" }),
      ctx(),
    );
    expect(r.ok).toBe(true);
    expect(r.request).toMatchObject({
      name: "I Made Wirawan",
      employment: "NON_ASN",
      nip: "",
      birthDate: "1995-03-12",
      gender: "L",
    });
  });

  it("accepts a unit account with its acronym", () => {
    const r = validateApplication(
      pns({
        accountType: "Unit Kerja",
        unitName: "Pejabat Pengelola Informasi dan Dokumentasi",
        unitAcronym: "PPID",
      }),
      ctx(),
    );
    expect(r.ok).toBe(true);
    expect(r.request).toMatchObject({ accountType: "unit", unitAcronym: "PPID" });
  });

  it("merges titles typed in the separate fields", () => {
    const r = validateApplication(
      pns({ fullName: "ahmad fauzi", titlesBefore: "Dr. Ir.", titlesAfter: "ST, MT" }),
      ctx(),
    );
    expect(r.request.fullName).toBe("Dr. Ir. Ahmad Fauzi, S.T., M.T.");
    expect(r.request.name).toBe("Ahmad Fauzi");
  });

  it("normalises the proposed user name and a previous ticket", () => {
    const r = validateApplication(
      pns({ proposedUsername: "Ahmad.Fauzi@contohkota.go.id", previousTicket: " srl-2611-0007 " }),
      ctx(),
    );
    expect(r.ok).toBe(true);
    expect(r.request.proposedUsername).toBe("ahmad.fauzi");
    expect(r.request.previousTicket).toBe("SRL-2611-0007");
  });
});

describe("validateApplication: required answers", () => {
  it("lists every missing required answer, nothing else", () => {
    const r = validateApplication({}, ctx());
    expect(r.ok).toBe(false);
    expect(errors(r)).toEqual([
      "Kolom \u201cNama lengkap\u201d wajib diisi.",
      "Kolom \u201cStatus kepegawaian\u201d wajib diisi.",
      "Kolom \u201cJabatan\u201d wajib diisi.",
      "Kolom \u201cPerangkat daerah\u201d wajib diisi.",
      "Kolom \u201cNomor HP\u201d wajib diisi.",
      "Kolom \u201cSurel pribadi\u201d wajib diisi.",
      "Kolom \u201cJenis akun\u201d wajib diisi.",
      "Kolom \u201cNomor surat permohonan\u201d wajib diisi.",
      "Kolom \u201cTanggal surat permohonan\u201d wajib diisi.",
      "Anda perlu menyetujui pernyataan tanggung jawab atas akun surel dinas.",
    ]);
  });

  it("treats whitespace-only answers as missing", () => {
    const r = validateApplication(pns({ position: "   \u200B " }), ctx());
    expect(codes(r)).toEqual(["error:position:field.required"]);
  });
});

describe("validateApplication: name", () => {
  it("reports a name made of titles only", () => {
    expect(errors(validateApplication(pns({ fullName: "Dr. Ir. H." }), ctx()))).toEqual([
      "Kolom nama lengkap hanya berisi gelar; tuliskan juga nama Anda.",
    ]);
  });

  it("reports characters that do not belong in a name, keeping the raw value", () => {
    const r = validateApplication(pns({ fullName: "Ahmad Fauzi 2" }), ctx());
    expect(errors(r)).toEqual(["Nama mengandung karakter yang tidak lazim untuk nama: 2."]);
    expect(r.request.fullName).toBe("Ahmad Fauzi 2");
  });

  it("keeps a formula-like name as text; the sheet writer neutralises it", () => {
    const r = validateApplication(pns({ fullName: '=HYPERLINK("http://x","klik")' }), ctx());
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.code).toBe("name.chars");
    expect(asSheetText(r.request.fullName).startsWith("'=")).toBe(true);
  });

  it("notes an unknown title without blocking", () => {
    const r = validateApplication(pns({ fullName: "Ahmad Fauzi, S.Kom., CISSP" }), ctx());
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => p.message)).toEqual([
      "Gelar \u201cCISSP\u201d tidak kami kenali dan dicatat sesuai tulisan Anda; periksa penulisannya.",
    ]);
    expect(r.request.titlesAfter).toEqual(["S.Kom.", "CISSP"]);
  });

  it("notes an answer that was cut", () => {
    const r = validateApplication(pns({ position: "Analis ".repeat(40) }), ctx());
    expect(codes(r)).toEqual(["warning:position:field.truncated"]);
    expect(r.problems[0]!.message).toBe(
      "Isian \u201cJabatan\u201d terlalu panjang dan dipotong menjadi 150 karakter.",
    );
    expect(r.request.position.length).toBeLessThanOrEqual(150);
  });
});

describe("validateApplication: status and NIP / NI PPPK", () => {
  it("requires a NIP from a PNS", () => {
    expect(errors(validateApplication(pns({ nip: "" }), ctx()))).toEqual([
      "NIP wajib diisi bagi pegawai berstatus PNS.",
    ]);
  });

  it("requires a NI PPPK from a PPPK", () => {
    expect(errors(validateApplication(pns({ status: "PPPK", nip: "" }), ctx()))).toEqual([
      "NI PPPK wajib diisi bagi pegawai berstatus PPPK.",
    ]);
  });

  it("says exactly what is wrong with the NIP and keeps what was typed", () => {
    const r = validateApplication(pns({ nip: "19850330201001100" }), ctx());
    expect(errors(r)).toEqual(["NIP harus 18 digit angka (tertulis 17 digit)."]);
    expect(r.request.nip).toBe("19850330201001100");
    expect(r.request.nipKind).toBe("");
  });

  it("hints at the status when a PNS gives a NI PPPK", () => {
    const r = validateApplication(pns({ nip: "198706252021212001" }), ctx());
    expect(codes(r)).toEqual(["error:nip:nip.appointment_month", "warning:nip:nip.looks_pppk"]);
    expect(r.problems[1]!.message).toBe(
      "Nomor ini tampak seperti NI PPPK; bila Anda PPPK, pilih status PPPK.",
    );
  });

  it("hints at the status when a PPPK gives an old NIP", () => {
    const r = validateApplication(pns({ status: "PPPK", nip: "198503302010011002" }), ctx());
    expect(codes(r)).toEqual(["error:nip:nipppk.year_early", "warning:nip:nipppk.looks_nip"]);
  });

  it("refuses a NIP from a Non-ASN applicant, keeping it", () => {
    const r = validateApplication(pns({ status: "Non-ASN" }), ctx());
    expect(errors(r)).toEqual([
      "Pegawai Non-ASN tidak memiliki NIP atau NI PPPK; kosongkan kolom NIP/NI PPPK atau pilih status PNS/PPPK.",
    ]);
    expect(r.request.nip).toBe("19850330 201001 1 002");
  });

  it("reports an unknown status and still reads a valid NIP", () => {
    const r = validateApplication(pns({ status: "CPNS" }), ctx());
    expect(errors(r)).toEqual([
      "Status kepegawaian \u201cCPNS\u201d tidak dikenal; pilih PNS, PPPK atau Non-ASN.",
    ]);
    expect(r.request.employment).toBe("");
    expect(r.request.nipKind).toBe("nip");
  });

  it("with an unknown status, reports the NIP's problems when it is neither kind", () => {
    const r = validateApplication(pns({ status: "CPNS", nip: "198503302010011000" }), ctx());
    expect(codes(r)).toEqual(["error:status:status.unknown", "error:nip:nip.serial"]);
  });
});

describe("validateApplication: NIK", () => {
  it("is optional by default and can be required", () => {
    expect(validateApplication(pns({ nik: "" }), ctx()).ok).toBe(true);
    expect(errors(validateApplication(pns({ nik: "" }), ctx({ requireNik: true })))).toEqual([
      "NIK wajib diisi.",
    ]);
  });

  it("is checked when given", () => {
    expect(errors(validateApplication(pns({ nik: "9971043003850001" }), ctx()))).toEqual([
      "Kode provinsi pada NIK (2 digit pertama: 99) tidak dikenal.",
    ]);
  });

  it("must agree with the NIP on birth date and gender", () => {
    expect(errors(validateApplication(pns({ nik: "3271047004850001" }), ctx()))).toEqual([
      "Tanggal lahir pada NIK (30-04-85) tidak sama dengan tanggal lahir pada NIP/NI PPPK (30-03-85).",
      "Jenis kelamin pada NIK tidak sama dengan jenis kelamin pada NIP/NI PPPK.",
    ]);
    expect(validateApplication(pns({ nik: "3271043003850001" }), ctx()).ok).toBe(true);
  });
});

describe("validateApplication: contact", () => {
  it("normalises the phone or says what is wrong, keeping the raw value", () => {
    const r = validateApplication(pns({ phone: "0812-345" }), ctx());
    expect(errors(r)).toEqual([
      "Nomor HP terlalu pendek: 7 digit, paling sedikit 10 digit termasuk angka 0 di depan.",
    ]);
    expect(r.request.phone).toBe("0812-345");
  });

  it("refuses an address in the office domain or a sub-domain of it", () => {
    const msg =
      "Surel pribadi tidak boleh beralamat @contohkota.go.id: isikan surel pribadi Anda (mis. Gmail) untuk pengiriman dan pemulihan akun.";
    expect(errors(validateApplication(pns({ personalEmail: "ahmad@contohkota.go.id" }), ctx()))).toEqual([
      msg,
    ]);
    expect(
      errors(validateApplication(pns({ personalEmail: "ahmad@diskominfo.contohkota.go.id" }), ctx())),
    ).toEqual([msg]);
    expect(validateApplication(pns({ personalEmail: "ahmad@notcontohkota.go.id" }), ctx()).ok).toBe(true);
  });

  it("refuses malformed addresses", () => {
    for (const bad of [
      "ahmad",
      "ahmad@gmail",
      "ahmad@@gmail.com",
      ".ahmad@gmail.com",
      "ah..mad@gmail.com",
      "ahmad fauzi@gmail.com x",
    ]) {
      expect(
        checkPersonalEmail(bad, "contohkota.go.id").map((p) => p.code),
        bad,
      ).toEqual(["email.invalid"]);
    }
    expect(errors(validateApplication(pns({ personalEmail: "ahmad@gmail" }), ctx()))).toEqual([
      "Alamat surel pribadi \u201cahmad@gmail\u201d tidak sah; contoh penulisan yang benar: nama@gmail.com.",
    ]);
  });

  it("suggests the intended provider for a misspelt domain, without blocking", () => {
    const r = validateApplication(pns({ personalEmail: "ahmad@gmial.com" }), ctx());
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(["warning:personalEmail:email.typo"]);
    expect(r.problems[0]!.message).toBe(
      "Periksa alamat surel pribadi Anda: apakah maksudnya ahmad@gmail.com?",
    );
  });
});

describe("validateApplication: OPD and account type", () => {
  it("accepts the OPD by code and refuses one not in the list", () => {
    expect(validateApplication(pns({ opd: "bappeda" }), ctx()).request.opdCode).toBe("BAPPEDA");
    const r = validateApplication(pns({ opd: "Dinas Pariwisata" }), ctx());
    expect(errors(r)).toEqual([
      "Perangkat daerah \u201cDinas Pariwisata\u201d tidak ada dalam daftar; pilih dari daftar perangkat daerah.",
    ]);
    expect(r.request).toMatchObject({ opdCode: "", opdName: "Dinas Pariwisata" });
  });

  it("refuses an unknown account type", () => {
    expect(codes(validateApplication(pns({ accountType: "Bersama" }), ctx()))).toEqual([
      "error:accountType:account_type.unknown",
    ]);
  });

  it("needs the unit acronym for a unit account", () => {
    expect(errors(validateApplication(pns({ accountType: "Unit Kerja" }), ctx()))).toEqual([
      "Akun unit kerja memerlukan singkatan unit kerja (mis. PPID atau APTIKA).",
    ]);
    expect(
      codes(validateApplication(pns({ accountType: "Unit Kerja", unitAcronym: "PPID/X" }), ctx())),
    ).toEqual(["error:unitAcronym:unit.acronym_chars"]);
  });

  it("needs an ASN as the responsible official of a unit account", () => {
    const r = validateApplication(
      pns({ accountType: "Unit Kerja", unitAcronym: "PPID", status: "Non-ASN", nip: "" }),
      ctx(),
    );
    expect(errors(r)).toEqual([
      "Akun unit kerja harus diajukan oleh penanggung jawab berstatus PNS atau PPPK.",
    ]);
  });
});

describe("proposed user name (syntax only)", () => {
  const check = (s: string): string[] =>
    checkProposedUsername(s, "contohkota.go.id").problems.map((p) => p.code);

  it("lower-cases and strips the office domain", () => {
    expect(checkProposedUsername("Ahmad.Fauzi", "contohkota.go.id")).toEqual({
      local: "ahmad.fauzi",
      problems: [],
    });
    expect(checkProposedUsername("ahmad_fauzi@CONTOHKOTA.GO.ID", "contohkota.go.id").local).toBe(
      "ahmad_fauzi",
    );
    expect(check("o'neil")).toEqual([]);
    expect(check("ahmad-fauzi85")).toEqual([]);
  });

  it("refuses another domain, bad characters, dots at the ends or doubled, and over 64 characters", () => {
    expect(check("ahmad@gmail.com")).toEqual(["username.other_domain"]);
    expect(check("ahmad fauzi")).toEqual(["username.chars"]);
    expect(check("josé")).toEqual(["username.chars"]);
    expect(check("ahmad+fauzi")).toEqual(["username.chars"]);
    expect(check(".ahmad")).toEqual(["username.dots"]);
    expect(check("ahmad.")).toEqual(["username.dots"]);
    expect(check("ahmad..fauzi")).toEqual(["username.dots"]);
    expect(check("a".repeat(65))).toEqual(["username.too_long"]);
    expect(check("a".repeat(64))).toEqual([]);
  });

  it("names a space in words", () => {
    const r = validateApplication(pns({ proposedUsername: "ahmad fauzi" }), ctx());
    expect(errors(r)).toEqual([
      "Usulan nama akun hanya boleh berisi huruf a\u2013z, angka, titik, tanda hubung (-), garis bawah (_) dan apostrof (') (ditemukan: spasi).",
    ]);
  });
});

describe("validateApplication: request letter, previous ticket, statement", () => {
  it("refuses a letter date after today (in the office's time zone)", () => {
    expect(errors(validateApplication(pns({ letterDate: "23/11/2026" }), ctx()))).toEqual([
      "Tanggal surat permohonan (23 November 2026) tidak boleh setelah hari ini.",
    ]);
    expect(validateApplication(pns({ letterDate: "22/11/2026" }), ctx()).ok).toBe(true);
    // 30 Nov 2026 20:00 UTC is already 1 December in Jakarta.
    const late = Date.UTC(2026, 10, 30, 20, 0);
    expect(validateApplication(pns({ letterDate: "2026-12-01" }), ctx({ todayMs: late })).ok).toBe(true);
    const papua = config({ timeZone: "Asia/Jayapura" });
    // 30 Nov 2026 15:30 UTC is 1 December 00:30 in Jayapura but still 30 November in Jakarta.
    const evening = Date.UTC(2026, 10, 30, 15, 30);
    expect(
      validateApplication(pns({ letterDate: "2026-12-01" }), { config: papua, todayMs: evening }).ok,
    ).toBe(true);
    expect(validateApplication(pns({ letterDate: "2026-12-01" }), ctx({ todayMs: evening })).ok).toBe(false);
  });

  it("refuses an unreadable letter date, keeping it", () => {
    const r = validateApplication(pns({ letterDate: "kemarin" }), ctx());
    expect(errors(r)).toEqual([
      "Tanggal surat permohonan \u201ckemarin\u201d tidak dapat dibaca; gunakan format HH/BB/TTTT.",
    ]);
    expect(r.request.requestLetterDate).toBe("kemarin");
  });

  it("reads US-ordered dates when told to", () => {
    expect(
      validateApplication(pns({ letterDate: "11/20/2026" }), ctx({ dateOrder: "mdy" })).request
        .requestLetterDate,
    ).toBe("2026-11-20");
  });

  it("refuses a malformed previous ticket", () => {
    expect(errors(validateApplication(pns({ previousTicket: "2611-7" }), ctx()))).toEqual([
      "Nomor tiket \u201c2611-7\u201d tidak sesuai format, contoh: SRL-2611-0007.",
    ]);
  });

  it("needs the statement", () => {
    const r = validateApplication(pns({ statement: "" }), ctx());
    expect(codes(r)).toEqual(["error:statement:statement.required"]);
    expect(r.request.statementAccepted).toBe(false);
  });
});

describe("validateApplication: language", () => {
  it("writes messages in the office language", () => {
    const r = validateApplication(pns({ nip: "19850330201001100" }), {
      config: config({ language: "en" }),
      todayMs: NOW,
    });
    expect(errors(r)).toEqual(["A NIP has 18 digits (you typed 17)."]);
  });

  it("understands English choice labels", () => {
    const r = validateApplication(pns({ status: "PNS (civil servant)", accountType: "Personal" }), {
      config: config({ language: "en" }),
      todayMs: NOW,
    });
    expect(r.ok).toBe(true);
  });
});

describe("parseDateAnswer", () => {
  it.each([
    ["2026-11-22", [2026, 11, 22]],
    ["2026/11/22", [2026, 11, 22]],
    ["22/11/2026", [2026, 11, 22]],
    ["2/3/2026", [2026, 3, 2]],
    ["22-11-2026", [2026, 11, 22]],
    ["22.11.2026", [2026, 11, 22]],
    ["22 November 2026", [2026, 11, 22]],
    ["22 Nopember 2026", [2026, 11, 22]],
    ["17 Agustus 2026", [2026, 8, 17]],
    ["17 Agt. 2026", [2026, 8, 17]],
    ["1 Des 2026", [2026, 12, 1]],
    ["Minggu, 22 November 2026", [2026, 11, 22]],
    ["2026-11-21T17:00:00.000Z", [2026, 11, 22]],
  ])("%s", (text, [year, month, day]) => {
    expect(parseDateAnswer(text)).toEqual({ year, month, day });
  });

  it.each(["", "31/02/2026", "2026-13-01", "22 Foo 2026", "22/11/26", "besok"])("refuses %j", (text) => {
    expect(parseDateAnswer(text)).toBeNull();
  });

  it("reads day/month order unless told otherwise", () => {
    expect(parseDateAnswer("2/3/2026", { order: "mdy" })).toEqual({ year: 2026, month: 2, day: 3 });
  });
});

describe("texts for mails", () => {
  it("formats the submission time in office time", () => {
    expect(formatDateTime(NOW, 420, "id")).toBe("22 November 2026 pukul 09.15 WIB");
    expect(formatDateTime(NOW, 480, "id")).toBe("22 November 2026 pukul 10.15 WITA");
    expect(formatDateTime(NOW, 540, "en")).toBe("22 November 2026 at 11:15 WIT");
  });

  it("states the service time in working days when it is a whole number of them", () => {
    expect(serviceDurationText(config(), "id")).toBe("1 hari kerja");
    const c = (serviceMinutes: number): OfficeConfig =>
      config({ time: { ...config().time, serviceMinutes } });
    expect(serviceDurationText(c(1020), "id")).toBe("2 hari kerja");
    expect(serviceDurationText(c(85), "id")).toBe("1 jam 25 menit kerja");
    expect(serviceDurationText(c(120), "id")).toBe("2 jam kerja");
    expect(serviceDurationText(c(30), "id")).toBe("30 menit kerja");
  });
});

describe("composeReceiptMail", () => {
  const valid = validateApplication(pns({ nik: "3271043003850001", proposedUsername: "ahmad.fauzi" }), ctx());
  const mail = composeReceiptMail(
    { ticket: "SRL-2611-0007", applicant: valid.request, submittedMs: NOW, problems: valid.problems },
    config(),
  );

  // The receipt's fixed wording (its subject and the service standard it states) is what these
  // tests check, so it stays literal here rather than taken from the catalogue.
  it("has the subject of the brief", () => {
    expect(mail.subject).toBe("Tanda terima permohonan surel dinas \u2013 SRL-2611-0007");
  });

  it("confirms the ticket and time, summarises with the NIP masked and without NIK or phone", () => {
    expect(mail.body).toContain("Yth. Dr. Ir. H. Ahmad Fauzi, S.T., M.T.,");
    expect(mail.body).toContain("pada 22 November 2026 pukul 09.15 WIB dengan nomor tiket SRL-2611-0007");
    expect(mail.body).toContain("- NIP / NI PPPK: 19850330********02");
    expect(mail.body).toContain("- Usulan nama akun: ahmad.fauzi@contohkota.go.id");
    expect(mail.body).toContain("- Tanggal surat permohonan: 20 November 2026");
    expect(mail.body).not.toContain("198503302010011002");
    expect(mail.body).not.toContain("3271043003850001");
    expect(mail.body).not.toContain("81234567890");
  });

  it("says what happens next and publishes the service standard", () => {
    expect(mail.body).toContain(
      "didisposisikan berjenjang (Kepala Dinas \u2192 Kepala Bidang e-Government \u2192 Kepala Seksi PKSI \u2192 Staf Teknis)",
    );
    expect(mail.body).toContain("Persyaratan: formulir permohonan daring");
    expect(mail.body).toContain("- Waktu penyelesaian: 1 hari kerja sejak permohonan lengkap diterima.");
    expect(mail.body).toContain("- Biaya: tidak dipungut biaya.");
    expect(mail.body).toContain("- Produk: akun surel dinas @contohkota.go.id dan surat pemberitahuan akun.");
    expect(mail.body).toContain("- Pengaduan: Kepala Dinas Komunikasi dan Informatika, telepon (0622) 21234");
    expect(mail.body).not.toContain("perlu diperbaiki");
  });

  it("lists what to correct instead when intake found errors", () => {
    const bad = validateApplication(pns({ nip: "19850330201001100", personalEmail: "a@gmial.com" }), ctx());
    const m = composeReceiptMail(
      { ticket: "SRL-2611-0008", applicant: bad.request, submittedMs: NOW, problems: bad.problems },
      config(),
    );
    expect(m.body).toContain("DATA YANG PERLU DIPERBAIKI");
    expect(m.body).toContain("- NIP harus 18 digit angka (tertulis 17 digit).");
    expect(m.body).toContain("nomor tiket SRL-2611-0008 pada kolom \u201cNomor tiket sebelumnya\u201d");
    expect(m.body).toContain("CATATAN (TIDAK MENGHAMBAT PROSES)");
    expect(m.body).toContain("- Periksa alamat surel pribadi Anda: apakah maksudnya a@gmail.com?");
    expect(m.body).not.toContain("LANGKAH SELANJUTNYA");
    expect(m.htmlBody).toContain("<li>NIP harus 18 digit angka (tertulis 17 digit).</li>");
  });

  it("escapes what the applicant typed in the HTML body", () => {
    const r = validateApplication(pns({ position: '<b>Kepala</b> & "Staf"' }), ctx());
    const m = composeReceiptMail(
      { ticket: "SRL-2611-0009", applicant: r.request, submittedMs: NOW, problems: [] },
      config(),
    );
    expect(m.htmlBody).toContain("Jabatan: &lt;b&gt;Kepala&lt;/b&gt; &amp; &quot;Staf&quot;");
    expect(m.htmlBody).not.toContain("<b>Kepala");
  });

  it("can be written in English", () => {
    const m = composeReceiptMail(
      { ticket: "SRL-2611-0007", applicant: valid.request, submittedMs: NOW, problems: [] },
      config(),
      "en",
    );
    expect(m.subject).toBe("Receipt of your official e-mail account request \u2013 SRL-2611-0007");
    expect(m.body).toContain("on 22 November 2026 at 09:15 WIB");
    expect(m.body).toContain("Cost: free of charge.");
  });
});

describe("composeCorrectionMail", () => {
  it("lists what to correct, the official's note and how to re-submit", () => {
    const m = composeCorrectionMail(
      {
        ticket: "SRL-2611-0007",
        name: "Ahmad Fauzi",
        items: ["NIP harus 18 digit angka (tertulis 17 digit)."],
        note: "Lampirkan surat permohonan yang ditandatangani kepala OPD.",
        formUrl: "https://forms.example/permohonan",
      },
      config(),
    );
    expect(m.subject).toBe("Permohonan surel dinas SRL-2611-0007 perlu perbaikan");
    expect(m.body).toContain("Yth. Ahmad Fauzi,");
    expect(m.body).toContain("- NIP harus 18 digit angka (tertulis 17 digit).");
    expect(m.body).toContain("Catatan petugas: Lampirkan surat permohonan yang ditandatangani kepala OPD.");
    expect(m.body).toContain(
      "isikan nomor tiket SRL-2611-0007 pada kolom \u201cNomor tiket sebelumnya\u201d",
    );
    expect(m.body).toContain("Formulir permohonan: https://forms.example/permohonan");
    expect(m.body).toContain("diskominfo@contohkota.go.id");
  });

  it("works with a note only", () => {
    const m = composeCorrectionMail(
      { ticket: "SRL-2611-0007", name: "Budi", items: [], note: "Jabatan belum sesuai SK." },
      config(),
    );
    expect(m.body).toContain("Catatan petugas: Jabatan belum sesuai SK.");
    expect(m.body).not.toContain("Formulir permohonan:");
    expect(m.htmlBody).not.toContain("<ul>");
  });
});

describe("request.ts: statuses", () => {
  it("has the proposed set, two of them terminal", () => {
    expect(STATUSES).toEqual([
      "baru",
      "diproses",
      "perlu perbaikan",
      "ditahan",
      "ditolak",
      "disetujui",
      "membuat akun",
      "akun dibuat",
      "selesai",
    ]);
    expect(STATUSES.filter(isTerminal)).toEqual(["ditolak", "selesai"]);
    expect(OPEN_STATUSES).not.toContain("selesai");
    expect(OPEN_STATUSES).toContain("perlu perbaikan");
    expect(isStatus("perlu perbaikan")).toBe(true);
    expect(isStatus("Baru")).toBe(false);
  });

  it("has labels in both languages", () => {
    expect(tx("id", statusTextKey("perlu perbaikan"))).toBe("perlu perbaikan");
    expect(tx("en", statusTextKey("perlu perbaikan"))).toBe("needs correction");
    expect(tx("en", statusTextKey("akun dibuat"))).toBe("account created");
  });

  it("starts a request as 'baru', or 'perlu perbaikan' when intake found an error", () => {
    expect(initialStatus([])).toBe("baru");
    expect(initialStatus([{ severity: "warning" }])).toBe("baru");
    expect(initialStatus([{ severity: "warning" }, { severity: "error" }])).toBe("perlu perbaikan");
  });

  it("builds a new Request from intake's result", () => {
    const r = validateApplication(pns({ nip: "1" }), ctx());
    const req = newRequest(r.request, {
      ticket: "SRL-2611-0007",
      submittedMs: NOW,
      idempotencyKey: "row-2",
      problems: r.problems,
    });
    expect(req).toMatchObject({
      ticket: "SRL-2611-0007",
      status: "perlu perbaikan",
      stageKey: "",
      responsible: [],
      submittedMs: NOW,
      updatedMs: NOW,
      stageEnteredMs: NOW,
      closedMs: null,
      idempotencyKey: "row-2",
      duplicateVerdict: "",
      name: "Ahmad Fauzi",
      nip: "1",
    });
    expect(req.problems.map((p) => p.code)).toEqual(["nip.length"]);
    expect(Object.keys(emptyApplicant()).every((k) => k in req)).toBe(true);
  });
});

describe("request.ts: tickets", () => {
  it("formats prefix, yyMM and a serial of at least 4 digits", () => {
    expect(formatTicket("SRL", "2611", 7)).toBe("SRL-2611-0007");
    expect(formatTicket("SRL", "2601", 1234)).toBe("SRL-2601-1234");
    expect(formatTicket("SRL", "2612", 12345)).toBe("SRL-2612-12345");
  });

  it("refuses a bad prefix, period or serial", () => {
    expect(() => formatTicket("srl", "2611", 1)).toThrow();
    expect(() => formatTicket("SRL", "2613", 1)).toThrow();
    expect(() => formatTicket("SRL", "2611", 0)).toThrow();
    expect(() => formatTicket("SRL", "2611", 1.5)).toThrow();
  });

  it("parses what people type", () => {
    expect(parseTicket("SRL-2611-0007")).toEqual({ prefix: "SRL", year: 2026, month: 11, serial: 7 });
    expect(parseTicket(" srl 2611 0007 ")).toEqual({ prefix: "SRL", year: 2026, month: 11, serial: 7 });
    expect(parseTicket("SRL-2613-0007")).toBeNull();
    expect(parseTicket("SRL-2611-0000")).toBeNull();
    expect(parseTicket("SRL-2611-7")).toBeNull();
    expect(parseTicket("SRL26110007")).toBeNull();
    expect(normalizeTicket("srl-2611-0007")).toBe("SRL-2611-0007");
    expect(normalizeTicket("x")).toBeNull();
  });

  it("takes the period from the office's local date", () => {
    // 31 Oct 2026 18:00 UTC is 1 November 01:00 in Jakarta.
    expect(ticketPeriod(Date.UTC(2026, 9, 31, 18, 0), 420)).toBe("2611");
    expect(ticketPeriod(Date.UTC(2026, 9, 31, 16, 0), 420)).toBe("2610");
    expect(ticketPeriod(Date.UTC(2026, 9, 31, 16, 0), 480)).toBe("2611");
    expect(ticketCounterKey("2611")).toBe("ticket.counter.2611");
  });
});

describe("request.ts: office time", () => {
  it("knows the Indonesian zones and fixed offsets", () => {
    expect(officeZoneOffset("Asia/Jakarta")).toBe(420);
    expect(officeZoneOffset("Asia/Pontianak")).toBe(420);
    expect(officeZoneOffset("Asia/Makassar")).toBe(480);
    expect(officeZoneOffset("Asia/Jayapura")).toBe(540);
    expect(officeZoneOffset("UTC")).toBe(0);
    expect(officeZoneOffset("GMT+07:00")).toBe(420);
    expect(officeZoneOffset("UTC+8")).toBe(480);
    expect(officeZoneOffset("GMT-03:30")).toBe(-210);
    expect(officeZoneOffset("Etc/GMT-9")).toBe(540);
    expect(officeZoneOffset("Europe/Nowhere")).toBe(420);
  });

  it("names the zones", () => {
    expect([420, 480, 540, 0, 330].map(zoneAbbreviation)).toEqual([
      "WIB",
      "WITA",
      "WIT",
      "UTC+0",
      "UTC+5:30",
    ]);
  });

  it("gives the local date", () => {
    expect(localDate(Date.UTC(2026, 11, 31, 17, 0), 420)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(localDate(Date.UTC(2026, 11, 31, 16, 59), 420)).toEqual({ year: 2026, month: 12, day: 31 });
  });
});
