/**
 * Official letters (tata naskah dinas): letter numbers, Indonesian dates, the placeholders of the
 * credential letter template and the default template itself, as structured paragraphs that the
 * workspace layer writes into a Google Doc.
 */
import { formatDate, localParts } from "./dates.js";
import type { Language } from "./config.js";
import { t } from "./text/index.js";
import { maskNip } from "./identity.js";

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Letter numbers
// ---------------------------------------------------------------------------------------------

/** The placeholders a letter number pattern may use. */
export const LETTER_NUMBER_PLACEHOLDERS = ["kode", "nomor", "unit", "bulan", "bulan2", "tahun"] as const;
export type LetterNumberPlaceholder = (typeof LETTER_NUMBER_PLACEHOLDERS)[number];

export interface LetterNumberInput {
  /** Classification code, e.g. "500.12.6". */
  kode: string;
  /** The serial of the letter in its year (1, 2, …). */
  nomor: number;
  /** Unit code, e.g. "Diskominfo". */
  unit: string;
  /** The letter's date (epoch ms). */
  dateMs: number;
  /** The office's UTC offset in minutes (Asia/Jakarta 420). */
  utcOffsetMinutes: number;
  /** Pad the serial to this width with zeros (0 = no padding). */
  serialPadding?: number;
  /** The language of the errors thrown (Indonesian when not given). */
  language?: Language;
}

/** The placeholders of a pattern that are not known (empty when the pattern is fine). */
export function unknownLetterPlaceholders(pattern: string): string[] {
  const unknown: string[] = [];
  for (const m of pattern.match(/\{[^{}]*\}/g) ?? []) {
    const name = m.slice(1, -1);
    if (!(LETTER_NUMBER_PLACEHOLDERS as readonly string[]).includes(name) && !unknown.includes(m))
      unknown.push(m);
  }
  return unknown;
}

/** Problems of a letter number pattern, in the given language (empty when fine). */
export function letterPatternProblems(pattern: string, lang: Language = "id"): string[] {
  const problems: string[] = [];
  if (!pattern.trim()) return [t(lang, "letter.pattern.empty")];
  const unknown = unknownLetterPlaceholders(pattern);
  if (unknown.length) {
    problems.push(
      t(lang, "letter.pattern.unknown", {
        unknown: unknown.join(", "),
        known: LETTER_NUMBER_PLACEHOLDERS.map((p) => `{${p}}`).join(", "),
      }),
    );
  }
  if (!pattern.includes("{nomor}"))
    problems.push(t(lang, "letter.pattern.serial", { placeholder: "{nomor}" }));
  const stripped = pattern.replace(/\{[^{}]*\}/g, "");
  if (/[{}]/.test(stripped)) problems.push(t(lang, "letter.pattern.braces"));
  return problems;
}

/**
 * "{kode}/{nomor}/{unit}/{bulan}/{tahun}" → "500.12.6/123/Diskominfo/XI/2026". {bulan} is the
 * Roman month, {bulan2} the two-digit month. Throws on an unknown placeholder or a bad serial.
 */
export function formatLetterNumber(pattern: string, input: LetterNumberInput): string {
  const lang = input.language ?? "id";
  const problems = letterPatternProblems(pattern, lang);
  if (problems.length) throw new Error(problems.join(" "));
  if (!Number.isInteger(input.nomor) || input.nomor < 1)
    throw new Error(t(lang, "letter.serial_invalid", { serial: input.nomor }));
  const d = localParts(input.dateMs, input.utcOffsetMinutes);
  const values: Record<LetterNumberPlaceholder, string> = {
    kode: input.kode,
    nomor: String(input.nomor).padStart(input.serialPadding ?? 0, "0"),
    unit: input.unit,
    bulan: toRoman(d.month),
    bulan2: String(d.month).padStart(2, "0"),
    tahun: String(d.year),
  };
  return pattern.replace(/\{([a-z0-9]+)\}/g, (_m, name: string) => values[name as LetterNumberPlaceholder]);
}

/** Roman numerals 1–3999 ("XI"). */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`toRoman: ${n} is not in 1..3999`);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** The counter key of letter serials: serials restart every year, so the year is in the key. */
export function letterCounterKey(year: number): string {
  return `letter_serial_${year}`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

// One implementation in dates.ts (issue #14); re-exported for the modules that import them here.
export { formatDate, localDateKey, localParts, zoneAbbreviation, type DateFormatOptions } from "./dates.js";

/** The instant `days` calendar days later (for expiry dates shown in letters). */
export function addCalendarDays(ms: number, days: number): number {
  return ms + days * DAY;
}

// ---------------------------------------------------------------------------------------------
// Template placeholders
// ---------------------------------------------------------------------------------------------

export interface PlaceholderInfo {
  key: string;
  /** What it holds, in Indonesian (for the administrator's documentation). */
  description: string;
  descriptionEn: string;
  /** An example value. */
  example: string;
}

/** Every placeholder a credential letter template may use, written {{KEY}} in the document. */
export const LETTER_PLACEHOLDERS: readonly PlaceholderInfo[] = [
  {
    key: "KOP_PEMERINTAH",
    description: "Nama pemerintah daerah, huruf kapital (kop surat)",
    descriptionEn: "Government name in capitals (letterhead)",
    example: "PEMERINTAH KOTA CONTOH",
  },
  {
    key: "KOP_DINAS",
    description: "Nama dinas, huruf kapital (kop surat)",
    descriptionEn: "Office name in capitals (letterhead)",
    example: "DINAS KOMUNIKASI DAN INFORMATIKA",
  },
  {
    key: "PEMERINTAH",
    description: "Nama pemerintah daerah",
    descriptionEn: "Government name",
    example: "Pemerintah Kota Contoh",
  },
  {
    key: "DINAS",
    description: "Nama dinas",
    descriptionEn: "Office name",
    example: "Dinas Komunikasi dan Informatika",
  },
  {
    key: "ALAMAT_KANTOR",
    description: "Alamat kantor dinas",
    descriptionEn: "Office address",
    example: "Jl. Merdeka No. 1, Kota Contoh 12345",
  },
  {
    key: "TELEPON_KANTOR",
    description: "Nomor telepon kantor",
    descriptionEn: "Office phone",
    example: "(0123) 456789",
  },
  {
    key: "SUREL_KANTOR",
    description: "Alamat surel kantor",
    descriptionEn: "Office e-mail",
    example: "diskominfo@contohkota.go.id",
  },
  {
    key: "SITUS_KANTOR",
    description: "Laman kantor",
    descriptionEn: "Office website",
    example: "diskominfo.contohkota.go.id",
  },
  {
    key: "KOTA",
    description: "Tempat penulisan surat",
    descriptionEn: "Place of the letter",
    example: "Contoh",
  },
  {
    key: "TANGGAL",
    description: "Tanggal surat",
    descriptionEn: "Date of the letter",
    example: "22 November 2026",
  },
  {
    key: "NOMOR_SURAT",
    description: "Nomor surat (dari pola nomor surat)",
    descriptionEn: "Letter number (from the number pattern)",
    example: "500.12.6/123/Diskominfo/XI/2026",
  },
  { key: "SIFAT", description: "Sifat surat", descriptionEn: "Classification (sifat)", example: "Rahasia" },
  { key: "LAMPIRAN", description: "Lampiran", descriptionEn: "Enclosures", example: "-" },
  {
    key: "HAL",
    description: "Hal (perihal) surat",
    descriptionEn: "Subject",
    example: "Pemberitahuan Akun Surel Dinas",
  },
  {
    key: "NOMOR_TIKET",
    description: "Nomor tiket permohonan",
    descriptionEn: "Request ticket number",
    example: "SRL-2026-00042",
  },
  {
    key: "TANGGAL_PERMOHONAN",
    description: "Tanggal permohonan diterima",
    descriptionEn: "Date the request was received",
    example: "20 November 2026",
  },
  {
    key: "NAMA",
    description: "Nama lengkap pemohon dengan gelar",
    descriptionEn: "Applicant's full name with titles",
    example: "Dra. Siti Aminah, M.Si.",
  },
  {
    key: "NIP",
    description: 'NIP / NI PPPK pemohon (atau "-")',
    descriptionEn: 'Applicant\'s NIP / NI PPPK (or "-")',
    example: "198001012005012001",
  },
  {
    key: "JABATAN",
    description: "Jabatan pemohon",
    descriptionEn: "Applicant's position",
    example: "Analis Kebijakan",
  },
  {
    key: "OPD",
    description: "Perangkat daerah (OPD) pemohon",
    descriptionEn: "Applicant's agency (OPD)",
    example: "Badan Perencanaan Pembangunan Daerah",
  },
  {
    key: "ALAMAT_SUREL",
    description: "Alamat surel dinas yang dibuat",
    descriptionEn: "The new official e-mail address",
    example: "siti.aminah@contohkota.go.id",
  },
  {
    key: "NAMA_PENGGUNA",
    description: "Nama pengguna (bagian sebelum @)",
    descriptionEn: "Username (part before @)",
    example: "siti.aminah",
  },
  {
    key: "KATA_SANDI",
    description: "Kata sandi sementara (hanya di surat untuk pemohon; disamarkan di arsip)",
    descriptionEn: "Temporary password (only in the applicant's letter; masked in the archive copy)",
    example: "Xk7#pQm9aR2!wB4s",
  },
  {
    key: "TAUTAN_MASUK",
    description: "Alamat untuk masuk pertama kali",
    descriptionEn: "Sign-in address",
    example: "https://mail.google.com",
  },
  {
    key: "BATAS_AKTIVASI",
    description: "Tanggal terakhir untuk masuk pertama kali sebelum kata sandi sementara diatur ulang",
    descriptionEn: "Last date for the first sign-in before the temporary password is reset",
    example: "22 Desember 2026",
  },
  {
    key: "PENANDATANGAN_JABATAN",
    description: "Jabatan penanda tangan",
    descriptionEn: "Signer's title",
    example: "Kepala Dinas Komunikasi dan Informatika",
  },
  {
    key: "PENANDATANGAN_NAMA",
    description: "Nama penanda tangan",
    descriptionEn: "Signer's name",
    example: "Ir. Budi Santoso, M.T.",
  },
  {
    key: "PENANDATANGAN_PANGKAT",
    description: "Pangkat/golongan penanda tangan",
    descriptionEn: "Signer's rank",
    example: "Pembina Utama Muda (IV/c)",
  },
  {
    key: "PENANDATANGAN_NIP",
    description: "NIP penanda tangan",
    descriptionEn: "Signer's NIP",
    example: "197001011995031001",
  },
  {
    key: "PENGADUAN",
    description: "Saluran pengaduan layanan",
    descriptionEn: "Complaint channel",
    example: "Diskominfo, (0123) 456789",
  },
];

export type LetterValues = Record<string, string>;

const PLACEHOLDER_RE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Replaces every {{KEY}} that has a value; placeholders without a value are left for missingPlaceholders. */
export function fillPlaceholders(text: string, values: LetterValues): string {
  return text.replace(PLACEHOLDER_RE, (m, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? values[key]! : m,
  );
}

/**
 * What is left unfilled: the keys of remaining {{KEY}} placeholders, and the text of any stray
 * "{{" or "}}" (a malformed placeholder). Empty when the text is complete.
 */
export function missingPlaceholders(text: string): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    if (!out.includes(s)) out.push(s);
  };
  for (const m of text.matchAll(PLACEHOLDER_RE)) add(m[1]!);
  const rest = text.replace(PLACEHOLDER_RE, "");
  for (const m of rest.matchAll(/\{\{[^}\s]{0,40}|[^{\s]{0,40}\}\}/g)) add(m[0].trim());
  return out;
}

/** The placeholder keys a text uses (filled or not). */
export function usedPlaceholders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Keys used in a text that are not in LETTER_PLACEHOLDERS (a typo in a custom template). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set(LETTER_PLACEHOLDERS.map((p) => p.key));
  return usedPlaceholders(text).filter((k) => !known.has(k));
}

// ---------------------------------------------------------------------------------------------
// The default credential letter
// ---------------------------------------------------------------------------------------------

/**
 * Style hints for one paragraph. The document writer maps them onto Docs formatting:
 * heading = letterhead line (larger, bold); bold; center / right / justify = alignment;
 * small = smaller type; rule = a horizontal line after the paragraph (under the letterhead);
 * tabbed = "label\t: value" lines aligned on one tab stop; signature = the signature block
 * (indented to the right half, text left-aligned within it); list = a numbered list item
 * (the number is part of the text); underline.
 */
export type StyleHint =
  | "heading"
  | "bold"
  | "underline"
  | "center"
  | "right"
  | "justify"
  | "small"
  | "rule"
  | "tabbed"
  | "signature"
  | "list";

export interface LetterParagraph {
  text: string;
  hints: StyleHint[];
}

const p = (text: string, ...hints: StyleHint[]): LetterParagraph => ({ text, hints });

/** The default credential letter (Indonesian), placeholders unfilled. */
export function defaultCredentialLetter(): LetterParagraph[] {
  return [
    p("{{KOP_PEMERINTAH}}", "heading", "center", "bold"),
    p("{{KOP_DINAS}}", "heading", "center", "bold"),
    p("{{ALAMAT_KANTOR}}, Telepon {{TELEPON_KANTOR}}", "center", "small"),
    p("Surel: {{SUREL_KANTOR}}, Laman: {{SITUS_KANTOR}}", "center", "small", "rule"),
    p("{{KOTA}}, {{TANGGAL}}", "right"),
    p(""),
    p("Nomor\t: {{NOMOR_SURAT}}", "tabbed"),
    p("Sifat\t: {{SIFAT}}", "tabbed"),
    p("Lampiran\t: {{LAMPIRAN}}", "tabbed"),
    p("Hal\t: {{HAL}}", "tabbed", "bold"),
    p(""),
    p("Yth. {{NAMA}}"),
    p("{{JABATAN}}"),
    p("{{OPD}}"),
    p("di tempat"),
    p(""),
    p(
      "Menindaklanjuti permohonan akun surel dinas Saudara dengan nomor tiket {{NOMOR_TIKET}} tanggal {{TANGGAL_PERMOHONAN}}, dengan hormat kami sampaikan bahwa akun surel dinas Saudara telah dibuat dengan rincian sebagai berikut:",
      "justify",
    ),
    p("Alamat surel\t: {{ALAMAT_SUREL}}", "tabbed", "bold"),
    p("Nama pengguna\t: {{NAMA_PENGGUNA}}", "tabbed"),
    p("Kata sandi sementara\t: {{KATA_SANDI}}", "tabbed", "bold"),
    p("Alamat masuk\t: {{TAUTAN_MASUK}}", "tabbed"),
    p(""),
    p("Ketentuan penggunaan akun:", "bold"),
    p(
      "1. Kata sandi di atas bersifat sementara. Saat masuk pertama kali, Saudara wajib menggantinya dengan kata sandi baru yang kuat (paling sedikit 12 karakter) dan tidak memberitahukannya kepada siapa pun, termasuk petugas kami.",
      "list",
      "justify",
    ),
    p(
      "2. Masuklah pertama kali paling lambat tanggal {{BATAS_AKTIVASI}}. Setelah tanggal tersebut kata sandi sementara tidak berlaku lagi; untuk mendapatkan kata sandi baru, ajukan atur ulang kata sandi melalui formulir Layanan Akun Surel Dinas (kata sandi baru hanya dikirim ke surel pribadi yang tercatat untuk akun ini), atau hubungi kami melalui {{PENGADUAN}} dengan menyebutkan nomor tiket {{NOMOR_TIKET}}.",
      "list",
      "justify",
    ),
    p(
      "3. Aktifkan verifikasi dua langkah setelah masuk pertama kali. Akun ini hanya digunakan untuk keperluan kedinasan.",
      "list",
      "justify",
    ),
    p(
      "4. Pengelolaan akun surel sepenuhnya menjadi wewenang dan tanggung jawab pengguna, termasuk menjaga kerahasiaan kata sandi dan segala aktivitas yang dilakukan melalui akun ini.",
      "list",
      "justify",
    ),
    p(
      "5. Musnahkan surat ini atau simpan di tempat yang aman setelah kata sandi diganti.",
      "list",
      "justify",
    ),
    p(""),
    p(
      "Pertanyaan dan pengaduan dapat disampaikan melalui {{PENGADUAN}}. Demikian disampaikan, atas perhatian Saudara kami ucapkan terima kasih.",
      "justify",
    ),
    p(""),
    p("{{PENANDATANGAN_JABATAN}},", "signature"),
    p("", "signature"),
    p("", "signature"),
    p("{{PENANDATANGAN_NAMA}}", "signature", "bold", "underline"),
    p("{{PENANDATANGAN_PANGKAT}}", "signature"),
    p("NIP. {{PENANDATANGAN_NIP}}", "signature"),
  ];
}

/**
 * The default password reset letter (issue #12): the credential letter with its own subject and
 * opening, no position or agency lines (the request names neither), and a warning for an account
 * holder who asked for nothing. It goes only to the recovery address on record.
 */
export function defaultResetLetter(): LetterParagraph[] {
  const out: LetterParagraph[] = [];
  for (const para of defaultCredentialLetter()) {
    if (para.text === "{{JABATAN}}" || para.text === "{{OPD}}") continue;
    if (para.text.startsWith("Hal\t:"))
      out.push(p("Hal\t: Atur Ulang Kata Sandi Akun Surel Dinas", ...para.hints));
    else if (para.text.startsWith("Menindaklanjuti"))
      out.push(
        p(
          "Menindaklanjuti permohonan atur ulang kata sandi dengan nomor tiket {{NOMOR_TIKET}} tanggal {{TANGGAL_PERMOHONAN}}, dengan hormat kami sampaikan bahwa kata sandi akun surel dinas Saudara telah diatur ulang dengan rincian sebagai berikut:",
          ...para.hints,
        ),
      );
    else if (para.text.startsWith("2. "))
      out.push(
        p(
          "2. Masuklah dengan kata sandi sementara ini paling lambat tanggal {{BATAS_AKTIVASI}}; setelah tanggal tersebut kata sandi ini tidak berlaku lagi. Kata sandi lama Saudara sudah tidak berlaku. Bila Saudara tidak pernah mengajukan atur ulang kata sandi, segera hubungi kami melalui {{PENGADUAN}} dengan menyebutkan nomor tiket {{NOMOR_TIKET}}.",
          ...para.hints,
        ),
      );
    else out.push({ text: para.text, hints: [...para.hints] });
  }
  return out;
}

/** Fills every paragraph of a structured letter. */
export function fillLetter(paragraphs: readonly LetterParagraph[], values: LetterValues): LetterParagraph[] {
  return paragraphs.map((para) => ({ text: fillPlaceholders(para.text, values), hints: [...para.hints] }));
}

/** What remains unfilled anywhere in a structured letter. */
export function missingInLetter(paragraphs: readonly LetterParagraph[]): string[] {
  return missingPlaceholders(paragraphs.map((para) => para.text).join("\n"));
}

/** How the password appears in the archive copy. */
export const ARCHIVE_PASSWORD_MASK = "••••••••";
export const ARCHIVE_PASSWORD_SEPARATE = "(dikirim terpisah kepada pemohon)";

/**
 * A value as the letter may show it: no "{{" / "}}" (a value never becomes a placeholder) and no
 * bullet "\u2022" (the password mask is made of them: a value never becomes the mask).
 */
export function neutralValue(value: string): string {
  return value
    .replace(/\{(?=\{)/g, "{\u200b")
    .replace(/\}(?=\})/g, "}\u200b")
    .replace(/\u2022/g, "\u00b7");
}

/**
 * The values for the archive copy: the same letter with the password masked, and the NIP masked
 * (the archive copy is the OPD's copy too: a template using {{NIP}} must not spread the full NIP).
 */
export function archiveValues(values: LetterValues, mode: "mask" | "separate" = "mask"): LetterValues {
  const nip = values.NIP ?? "";
  return {
    ...values,
    ...(/^\d{18}$/.test(nip) ? { NIP: maskNip(nip) } : {}),
    KATA_SANDI: mode === "mask" ? ARCHIVE_PASSWORD_MASK : ARCHIVE_PASSWORD_SEPARATE,
  };
}

// ---------------------------------------------------------------------------------------------
// Building the values
// ---------------------------------------------------------------------------------------------

/** What the letter needs about the request and the new account (pure data). */
export interface CredentialLetterInput {
  ticket: string;
  receivedMs: number;
  /** Full name with titles, as the applicant wrote it. */
  fullName: string;
  nip: string;
  position: string;
  opdName: string;
  address: string;
  password: string;
  letterNumber: string;
  dateMs: number;
  /** Days the temporary password stays valid without a first sign-in. */
  activationDays: number;
  signInUrl?: string;
}

/** The office facts a letter needs (a subset of OfficeConfig, so this file needs no import). */
export interface LetterOffice {
  office: {
    government: string;
    name: string;
    address: string;
    phone: string;
    email: string;
    website: string;
    city: string;
  };
  letter: {
    sifat: string;
    lampiran: string;
    hal: string;
    signer: { name: string; title: string; nip: string; rank: string };
  };
  complaints: string;
}

export const DEFAULT_SIGN_IN_URL = "https://mail.google.com";

/** Every placeholder value of the credential letter. */
export function credentialLetterValues(
  input: CredentialLetterInput,
  config: LetterOffice,
  utcOffsetMinutes: number,
): LetterValues {
  const dash = (s: string): string => (s.trim() ? s.trim() : "-");
  const at = input.address.indexOf("@");
  return {
    KOP_PEMERINTAH: config.office.government.toUpperCase(),
    KOP_DINAS: config.office.name.toUpperCase(),
    PEMERINTAH: config.office.government,
    DINAS: config.office.name,
    ALAMAT_KANTOR: dash(config.office.address),
    TELEPON_KANTOR: dash(config.office.phone),
    SUREL_KANTOR: dash(config.office.email),
    SITUS_KANTOR: dash(config.office.website),
    KOTA: config.office.city,
    TANGGAL: formatDate(input.dateMs, utcOffsetMinutes, "id"),
    NOMOR_SURAT: input.letterNumber,
    SIFAT: dash(config.letter.sifat),
    LAMPIRAN: dash(config.letter.lampiran),
    HAL: dash(config.letter.hal),
    NOMOR_TIKET: input.ticket,
    TANGGAL_PERMOHONAN: formatDate(input.receivedMs, utcOffsetMinutes, "id"),
    NAMA: input.fullName,
    NIP: dash(input.nip),
    JABATAN: dash(input.position),
    OPD: dash(input.opdName),
    ALAMAT_SUREL: input.address,
    NAMA_PENGGUNA: at > 0 ? input.address.slice(0, at) : input.address,
    KATA_SANDI: input.password,
    TAUTAN_MASUK: input.signInUrl ?? DEFAULT_SIGN_IN_URL,
    BATAS_AKTIVASI: formatDate(addCalendarDays(input.dateMs, input.activationDays), utcOffsetMinutes, "id"),
    PENANDATANGAN_JABATAN: config.letter.signer.title,
    PENANDATANGAN_NAMA: config.letter.signer.name,
    PENANDATANGAN_PANGKAT: dash(config.letter.signer.rank),
    PENANDATANGAN_NIP: dash(config.letter.signer.nip),
    PENGADUAN: dash(config.complaints),
  };
}
