import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/domain/dates.js";
import { letterCounterKey } from "../../src/domain/keys.js";
import {
  ARCHIVE_PASSWORD_MASK,
  ARCHIVE_PASSWORD_SEPARATE,
  LETTER_PLACEHOLDERS,
  archiveValues,
  credentialLetterValues,
  defaultCredentialLetter,
  fillLetter,
  fillPlaceholders,
  formatLetterNumber,
  letterPatternProblems,
  missingInLetter,
  missingPlaceholders,
  toRoman,
  unknownLetterPlaceholders,
  unknownPlaceholders,
  usedPlaceholders,
} from "../../src/domain/letters.js";
import { defaultConfig } from "../../src/domain/defaults.js";

const WIB = 420;
const at = (local: string, zone = "+07:00"): number => Date.parse(`${local}:00${zone}`);

describe("letter numbers", () => {
  it("fills the default pattern with a Roman month", () => {
    const n = formatLetterNumber("{kode}/{nomor}/{unit}/{bulan}/{tahun}", {
      kode: "500.12.6",
      nomor: 123,
      unit: "Diskominfo",
      dateMs: at("2026-11-22T10:00"),
      utcOffsetMinutes: WIB,
    });
    expect(n).toBe("500.12.6/123/Diskominfo/XI/2026");
  });

  it("pads the serial and supports {bulan2} and other separators", () => {
    const input = {
      kode: "500.12.6.1",
      nomor: 18,
      unit: "1226",
      dateMs: at("2014-08-05T09:00"),
      utcOffsetMinutes: WIB,
    };
    expect(formatLetterNumber("{nomor}/{kode}/{unit}/{bulan}-{tahun}", { ...input, serialPadding: 3 })).toBe(
      "018/500.12.6.1/1226/VIII-2014",
    );
    expect(formatLetterNumber("{kode}/{nomor}/{bulan2}.{tahun}", input)).toBe("500.12.6.1/18/08.2014");
  });

  it("uses the office's local date, not UTC (New Year's night)", () => {
    const ms = Date.parse("2026-12-31T20:00:00Z"); // 03:00 on 1 January 2027 in WIB
    const input = { kode: "k", nomor: 1, unit: "u", dateMs: ms };
    expect(formatLetterNumber("{nomor}/{bulan}/{tahun}", { ...input, utcOffsetMinutes: WIB })).toBe(
      "1/I/2027",
    );
    expect(formatLetterNumber("{nomor}/{bulan}/{tahun}", { ...input, utcOffsetMinutes: 0 })).toBe(
      "1/XII/2026",
    );
  });

  it("rejects unknown placeholders, a pattern without {nomor} and bad serials", () => {
    const input = { kode: "k", nomor: 1, unit: "u", dateMs: 0, utcOffsetMinutes: WIB };
    expect(() => formatLetterNumber("{kode}/{nomor}/{tanggal}", input)).toThrow(/\{tanggal\}/);
    expect(() => formatLetterNumber("{kode}/{tahun}", input)).toThrow(/\{nomor\}/);
    expect(() => formatLetterNumber("{nomor}", { ...input, nomor: 0 })).toThrow(/Nomor urut/);
    expect(unknownLetterPlaceholders("{kode}/{Nomor}/{x}/{x}")).toEqual(["{Nomor}", "{x}"]);
    expect(letterPatternProblems("{kode}/{nomor}/{unit}/{bulan}/{tahun}")).toEqual([]);
    expect(letterPatternProblems("{nomor}/{kode")).toHaveLength(1);
    expect(letterPatternProblems("")).toEqual(["Pola nomor surat kosong."]);
  });

  it("Roman numerals", () => {
    const months = Array.from({ length: 12 }, (_, i) => toRoman(i + 1));
    expect(months).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]);
    expect(toRoman(1994)).toBe("MCMXCIV");
    expect(toRoman(3999)).toBe("MMMCMXCIX");
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow(RangeError);
  });

  it("the serial counter key changes with the year", () => {
    expect(letterCounterKey(2026)).not.toBe(letterCounterKey(2027));
    expect(letterCounterKey(2026)).toContain("2026");
  });
});

describe("dates", () => {
  it("Indonesian, with and without the day name and time", () => {
    const ms = at("2026-11-22T09:05");
    expect(formatDate(ms, WIB, "id")).toBe("22 November 2026");
    expect(formatDate(ms, WIB, "id", { withDay: true })).toBe("Minggu, 22 November 2026");
    expect(formatDate(ms, WIB, "id", { withDay: true, withTime: true })).toBe(
      "Minggu, 22 November 2026 pukul 09.05 WIB",
    );
    expect(formatDate(at("2026-08-17T10:00"), WIB, "id", { withDay: true })).toBe("Senin, 17 Agustus 2026");
  });

  it("English", () => {
    const ms = at("2026-11-22T09:05");
    expect(formatDate(ms, WIB, "en")).toBe("22 November 2026");
    expect(formatDate(ms, WIB, "en", { withDay: true, withTime: true })).toBe(
      "Sunday, 22 November 2026 at 09:05 WIB",
    );
  });

  it("follows the office's offset across midnight", () => {
    const ms = Date.parse("2026-11-22T16:30:00Z"); // 23:30 WIB, 00:30 WITA next day
    expect(formatDate(ms, 420, "id")).toBe("22 November 2026");
    expect(formatDate(ms, 480, "id", { withTime: true })).toBe("23 November 2026 pukul 00.30 WITA");
    expect(formatDate(ms, 540, "id", { withTime: true })).toBe("23 November 2026 pukul 01.30 WIT");
  });
});

describe("placeholders", () => {
  it("fills known values and leaves the rest for missingPlaceholders", () => {
    const text = "Yth. {{NAMA}} ({{ NIP }}) – {{JABATAN}}";
    const filled = fillPlaceholders(text, { NAMA: "Siti Aminah", NIP: "1980" });
    expect(filled).toBe("Yth. Siti Aminah (1980) – {{JABATAN}}");
    expect(missingPlaceholders(filled)).toEqual(["JABATAN"]);
    expect(missingPlaceholders("Yth. Siti")).toEqual([]);
  });

  it("a value containing braces or $ patterns is inserted literally", () => {
    expect(fillPlaceholders("{{KATA_SANDI}}", { KATA_SANDI: "a$&b$1{{X}}" })).toBe("a$&b$1{{X}}");
  });

  it("finds malformed placeholders", () => {
    expect(missingPlaceholders("Yth. {{NAMA dan {{NIP}}")).toEqual(["NIP", "{{NAMA"]);
    expect(missingPlaceholders("Hal: HAL}} selesai")).toEqual(["HAL}}"]);
  });

  it("knows typos in a custom template", () => {
    expect(usedPlaceholders("{{NAMA}} {{NAMA}} {{NlP}}")).toEqual(["NAMA", "NlP"]);
    expect(unknownPlaceholders("{{NAMA}} {{NlP}} {{Nama}}")).toEqual(["NlP", "Nama"]);
  });

  it("every placeholder is documented once, with an example", () => {
    const keys = LETTER_PLACEHOLDERS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of LETTER_PLACEHOLDERS) {
      expect(p.key).toMatch(/^[A-Z0-9_]+$/);
      expect(p.description.length).toBeGreaterThan(3);
      expect(p.descriptionEn.length).toBeGreaterThan(3);
      expect(p.example.length).toBeGreaterThan(0);
    }
  });
});

describe("the default credential letter", () => {
  const config = defaultConfig();
  const values = credentialLetterValues(
    {
      ticket: "SRL-2026-00042",
      receivedMs: at("2026-11-20T08:15"),
      fullName: "Dra. Siti Aminah, M.Si.",
      nip: "198001012005012001",
      position: "Analis Kebijakan",
      opdName: "Badan Perencanaan Pembangunan Daerah",
      address: "siti.aminah@contohkota.go.id",
      password: "Xk7#pQm9aR2!wB4s",
      letterNumber: "500.12.6/42/Diskominfo/XI/2026",
      dateMs: at("2026-11-22T10:00"),
      activationDays: 14,
    },
    config,
    WIB,
  );

  it("uses only documented placeholders", () => {
    const text = defaultCredentialLetter()
      .map((p) => p.text)
      .join("\n");
    expect(unknownPlaceholders(text)).toEqual([]);
    const documented = LETTER_PLACEHOLDERS.map((p) => p.key).sort();
    expect(Object.keys(values).sort()).toEqual(documented);
  });

  it("is complete once filled, with the parts of an official letter", () => {
    const letter = fillLetter(defaultCredentialLetter(), values);
    expect(missingInLetter(letter)).toEqual([]);
    const text = letter.map((p) => p.text).join("\n");
    expect(letter[0]).toEqual({ text: "PEMERINTAH KOTA CONTOH", hints: ["heading", "center", "bold"] });
    expect(text).toContain("Contoh, 22 November 2026");
    expect(text).toContain("Nomor\t: 500.12.6/42/Diskominfo/XI/2026");
    expect(text).toMatch(/Sifat\t: Rahasia\nLampiran\t: -\nHal\t: Pemberitahuan Akun Surel Dinas/);
    expect(text).toContain("Yth. Dra. Siti Aminah, M.Si.");
    expect(text).toContain("siti.aminah@contohkota.go.id");
    expect(text).toContain("Nama pengguna\t: siti.aminah");
    expect(text).toContain("Kata sandi sementara\t: Xk7#pQm9aR2!wB4s");
    expect(text).toContain("paling lambat tanggal 6 Desember 2026");
    // After the deadline the letter points to what exists: the reset on the account services form,
    // or the office with the ticket (an administrator's reissue).
    expect(text).toMatch(
      /tidak berlaku lagi; untuk mendapatkan kata sandi baru, ajukan atur ulang kata sandi melalui formulir Layanan Akun Surel Dinas [^\n]*, atau hubungi kami melalui [^\n]+ dengan menyebutkan nomor tiket SRL-2026-00042\./,
    );
    expect(text).toContain("sepenuhnya menjadi wewenang dan tanggung jawab pengguna");
    expect(text).toContain("tanggal 20 November 2026");
    expect(text).toContain("NIP. 197001011995031001");
    expect(letter.filter((p) => p.hints.includes("signature")).length).toBeGreaterThanOrEqual(4);
  });

  it("the archive copy never holds the password", () => {
    for (const mode of ["mask", "separate"] as const) {
      const letter = fillLetter(defaultCredentialLetter(), archiveValues(values, mode));
      const text = letter.map((p) => p.text).join("\n");
      expect(text).not.toContain("Xk7#pQm9aR2!wB4s");
      expect(text).toContain(mode === "mask" ? ARCHIVE_PASSWORD_MASK : ARCHIVE_PASSWORD_SEPARATE);
    }
    expect(values.KATA_SANDI).toBe("Xk7#pQm9aR2!wB4s");
  });

  it("writes a dash for empty optional values", () => {
    const v = credentialLetterValues(
      {
        ticket: "T",
        receivedMs: 0,
        fullName: "Budi",
        nip: "",
        position: " ",
        opdName: "X",
        address: "budi@x.go.id",
        password: "p",
        letterNumber: "1",
        dateMs: 0,
        activationDays: 1,
      },
      config,
      WIB,
    );
    expect(v.NIP).toBe("-");
    expect(v.JABATAN).toBe("-");
  });
});
