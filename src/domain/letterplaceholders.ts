/**
 * The placeholders of a letter template, written {{KEY}} in the document: the catalogue of every
 * key a credential letter may use (a data table, hence its length) and filling and checking a text.
 */
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
