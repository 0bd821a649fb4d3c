import { describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../src/domain/config.js";
import {
  buildForm,
  FIELD_KEYS,
  findOpd,
  mapNamedValues,
  parseAccountType,
  parseEmploymentStatus,
  PATTERNS,
  QUESTIONS,
  questionTitle,
} from "../../src/domain/form.js";
import { message } from "../../src/domain/text/index.js";
import { sampleOffice } from "./office-fixture.js";

/** The sample office in the language asked for. */
function config(language: "id" | "en" = "id"): OfficeConfig {
  return sampleOffice({ language });
}

describe("the questions", () => {
  it("cover every field once, in form order", () => {
    expect(QUESTIONS.map((q) => q.key)).toEqual([...FIELD_KEYS]);
  });

  it("require what the brief requires", () => {
    const required = QUESTIONS.filter((q) => q.required).map((q) => q.key);
    expect(required).toEqual([
      "fullName",
      "status",
      "position",
      "opd",
      "phone",
      "personalEmail",
      "accountType",
      "letterNumber",
      "letterDate",
      "statement",
    ]);
  });
});

describe("buildForm", () => {
  const form = buildForm(config());
  const byKey = new Map(form.questions.map((q) => [q.key, q]));

  it("titles the form after the office", () => {
    expect(form.title).toBe(
      "Permohonan Akun Surel Dinas \u2013 Dinas Komunikasi dan Informatika Pemerintah Kota Contoh",
    );
    expect(form.description).toContain("Pemerintah Kota Contoh");
    expect(form.confirmation).toContain("nomor tiket");
  });

  it("uses Indonesian titles and help texts", () => {
    expect(byKey.get("fullName")).toMatchObject({ title: "Nama lengkap", kind: "text", required: true });
    expect(byKey.get("nip")!.help).toBe(
      "18 digit tanpa spasi. Wajib bagi PNS dan PPPK; kosongkan bila Non-ASN.",
    );
  });

  it("fills the choices: status, account type, OPDs from the configuration, the statement", () => {
    expect(byKey.get("status")!.choices).toEqual(["PNS", "PPPK", "Non-ASN"]);
    expect(byKey.get("accountType")!.choices).toEqual(["Pribadi", "Unit Kerja"]);
    expect(byKey.get("opd")).toMatchObject({
      kind: "list",
      choices: [
        "Dinas Komunikasi dan Informatika",
        "Badan Perencanaan Pembangunan Daerah",
        "Dinas Kesehatan",
      ],
    });
    expect(byKey.get("statement")).toMatchObject({ kind: "checkbox", required: true });
    expect(byKey.get("statement")!.choices[0]).toMatch(/^Saya bersedia bertanggung jawab/);
    expect(byKey.get("letterDate")!.kind).toBe("date");
  });

  it("carries the validations with Indonesian help", () => {
    expect(byKey.get("nip")!.validation).toEqual({
      type: "pattern",
      pattern: PATTERNS.nip,
      helpText: "NIP/NI PPPK terdiri atas 18 digit angka.",
    });
    expect(byKey.get("personalEmail")!.validation).toMatchObject({ type: "email" });
    expect(byKey.get("fullName")!.validation).toEqual({
      type: "maxLength",
      max: 150,
      helpText: "Paling banyak 150 karakter.",
    });
  });

  it("can be built in English", () => {
    const en = buildForm(config("en"));
    expect(en.questions[0]!.title).toBe("Full name");
    expect(en.questions.find((q) => q.key === "status")!.choices[0]).toBe("PNS (civil servant)");
  });
});

describe("validation patterns", () => {
  const re = (p: string): RegExp => new RegExp(p);

  it("NIP: 18 digits with spaces or dots", () => {
    expect(re(PATTERNS.nip).test("198503302010011002")).toBe(true);
    expect(re(PATTERNS.nip).test("19850330 201001 1 002")).toBe(true);
    expect(re(PATTERNS.nip).test("19850330201001100")).toBe(false);
    expect(re(PATTERNS.nip).test("1985033020100110021")).toBe(false);
    expect(re(PATTERNS.nip).test("1985O3302010011002")).toBe(false);
  });

  it("NIK: 16 digits", () => {
    expect(re(PATTERNS.nik).test("3271046504900002")).toBe(true);
    expect(re(PATTERNS.nik).test("327104650490000")).toBe(false);
  });

  it("phone, user name, acronym, ticket", () => {
    expect(re(PATTERNS.phone).test("+62 812-3456-7890")).toBe(true);
    expect(re(PATTERNS.phone).test("0812 abc")).toBe(false);
    expect(re(PATTERNS.username).test("ahmad.fauzi")).toBe(true);
    expect(re(PATTERNS.username).test("ahmad fauzi")).toBe(false);
    expect(re(PATTERNS.username).test("ahmad@contohkota.go.id")).toBe(false);
    expect(re(PATTERNS.acronym).test("PPID")).toBe(true);
    expect(re(PATTERNS.acronym).test("-PPID")).toBe(false);
    expect(re(PATTERNS.ticket).test("SRL-2611-0007")).toBe(true);
    expect(re(PATTERNS.ticket).test("SRL-26-7")).toBe(false);
  });

  it("use no JavaScript-only syntax (RE2 has no look-around or back-references)", () => {
    for (const p of Object.values(PATTERNS)) {
      expect(p).not.toMatch(/\(\?[=!<]|\\[1-9]/);
    }
  });
});

describe("choices back to codes", () => {
  it.each([
    ["PNS", "PNS"],
    ["pns", "PNS"],
    ["PPPK", "PPPK"],
    ["Non-ASN", "NON_ASN"],
    ["non asn", "NON_ASN"],
    ["Honorer", "NON_ASN"],
    ["PNS (civil servant)", "PNS"],
    ["Non-ASN (contract staff)", "NON_ASN"],
    ["CPNS", null],
    ["", null],
  ])("status %j → %j", (answer, expected) => {
    expect(parseEmploymentStatus(answer)).toBe(expected);
  });

  it.each([
    ["Pribadi", "pribadi"],
    ["Unit Kerja", "unit"],
    ["unit kerja", "unit"],
    ["Personal", "pribadi"],
    ["Work unit", "unit"],
    ["Bersama", null],
  ])("account type %j → %j", (answer, expected) => {
    expect(parseAccountType(answer)).toBe(expected);
  });

  it("finds an OPD by name, code or 'name (code)', ignoring case and spacing", () => {
    const opds = config().opds;
    expect(findOpd("Dinas Kesehatan", opds)?.code).toBe("DINKES");
    expect(findOpd("  dinas   kesehatan ", opds)?.code).toBe("DINKES");
    expect(findOpd("bappeda", opds)?.code).toBe("BAPPEDA");
    expect(findOpd("Dinas Kesehatan (DINKES)", opds)?.code).toBe("DINKES");
    expect(findOpd("Dinas Pendidikan", opds)).toBeNull();
    expect(findOpd("", opds)).toBeNull();
  });
});

describe("mapNamedValues", () => {
  const title = (k: (typeof FIELD_KEYS)[number]): string => questionTitle(k, "id");

  it("maps titles to keys and picks out the system columns", () => {
    const m = mapNamedValues({
      "Stempel waktu": ["22/11/2026 9:15:00"],
      "Alamat email": ["ahmad@gmail.com"],
      [title("fullName")]: ["Dr. Ahmad Fauzi, S.T."],
      [title("status")]: ["PNS"],
      [title("nip")]: [""],
      [title("statement")]: ["Saya bersedia bertanggung jawab"],
    });
    expect(m.answers).toEqual({
      fullName: "Dr. Ahmad Fauzi, S.T.",
      status: "PNS",
      nip: "",
      statement: "Saya bersedia bertanggung jawab",
    });
    expect(m.timestamp).toBe("22/11/2026 9:15:00");
    expect(m.respondentEmail).toBe("ahmad@gmail.com");
    expect(m.unknownTitles).toEqual([]);
    expect(m.empty).toBe(false);
  });

  it("reports unknown and missing titles clearly", () => {
    const answers: Record<string, string[]> = { Timestamp: ["x"] };
    for (const k of FIELD_KEYS) if (k !== "position") answers[title(k)] = ["a"];
    answers["Jabatan sekarang"] = ["Analis"];
    const m = mapNamedValues(answers);
    expect(m.unknownTitles).toEqual(["Jabatan sekarang"]);
    expect(m.missing).toEqual(["position"]);
    expect(m.notes.map((n) => message("id", n))).toEqual([
      "Pertanyaan \u201cJabatan sekarang\u201d pada jawaban formulir tidak dikenal sistem (judulnya mungkin telah diubah).",
      "Pertanyaan \u201cJabatan\u201d tidak ada pada jawaban formulir; formulir perlu disiapkan ulang.",
    ]);
  });

  it("matches exact titles only (surrounding spaces aside)", () => {
    const m = mapNamedValues({ "nama lengkap": ["x"], " Nama lengkap ": ["y"] });
    expect(m.answers.fullName).toBe("y");
    expect(m.unknownTitles).toEqual(["nama lengkap"]);
  });

  it("accepts the English titles too", () => {
    const m = mapNamedValues({ "Full name": ["Ahmad"], "Employment status": ["PPPK"] });
    expect(m.answers).toEqual({ fullName: "Ahmad", status: "PPPK" });
  });

  it("joins several values and accepts plain strings", () => {
    const m = mapNamedValues({ [title("statement")]: ["a", "b"], [title("fullName")]: "Budi" });
    expect(m.answers).toEqual({ statement: "a, b", fullName: "Budi" });
  });

  it("recognises the blank event Apps Script sometimes sends", () => {
    expect(mapNamedValues({}).empty).toBe(true);
    expect(mapNamedValues({ Timestamp: ["x"], [title("fullName")]: [""] }).empty).toBe(true);
  });
});
