/**
 * The default letters as structured paragraphs (the workspace layer writes them into a Google Doc):
 * the credential letter and the reset letter, and filling and checking a structured letter.
 */
import { fillPlaceholders, missingPlaceholders, type LetterValues } from "./letterplaceholders.js";

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
 * The default password reset letter: the credential letter with its own subject and
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
