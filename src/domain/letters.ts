/**
 * Official letters (tata naskah dinas): letter numbers, Indonesian dates, the values of the
 * credential letter (its placeholders: letterplaceholders.ts; the default letters as structured
 * paragraphs: lettertemplates.ts).
 */
import { formatDate, localParts } from "./dates.js";
import type { Language } from "./config.js";
import { t } from "./text/index.js";
import { maskNip } from "./identity.js";
import type { LetterValues } from "./letterplaceholders.js";

// The template placeholders and the default letters have modules of their own; their importers
// reach them through this one.
export * from "./letterplaceholders.js";
export * from "./lettertemplates.js";

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

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** The instant `days` calendar days later (for expiry dates shown in letters). */
export function addCalendarDays(ms: number, days: number): number {
  return ms + days * DAY;
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
