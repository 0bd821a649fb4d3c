/**
 * No user-facing Indonesian text outside the message catalogue (src/domain/text): every string
 * literal and template text in src/ (comments do not count) is checked for Indonesian words. What
 * may stay is data, not prose, and is allowed below with the reason: status values, provisioning
 * state labels, duplicate verdicts, sheet names, settings keys and values, column headers (they
 * have English versions next to them), the sample offices' configuration, and the credential
 * letter, an official Indonesian document.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROVISION_LABELS } from "../../src/domain/provisioning.js";
import { STATUSES } from "../../src/domain/request.js";
import { FIELDS, SHEETS } from "../../src/domain/settings.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Words that mark a text as Indonesian prose (function words and the product's nouns and verbs). */
const INDONESIAN = new RegExp(
  "\\b(" +
    [
      "tidak|belum|sudah|harus|atau|dan|yang|untuk|dengan|pada|ini|itu|dapat|oleh|akan|sebagai|sedang",
      "karena|bila|jika|silakan|telah|hanya|perlu|lagi|dari|kepada|sebelum|sesudah|setelah|mohon",
      "permohonan|pengaturan|lembar|baris|kolom|galat|peringatan|surat|akun|tiket|pemicu|menit|hari",
      "kosong|alamat|tahap|tindakan|catatan|pejabat|penyapuan|pemohon|pengguna|formulir|templat|arsip",
      "salinan|sandi|dibatalkan|diubah|dibuat|dikirim|terkirim|gagal|menunggu|diminta|terlambat|dikenal",
      "milik|diterima|perbaikan|sistem|waktu|jam|berkas|unggah|kembali|ulang",
    ].join("|") +
    ")\\b",
  "i",
);

/** Literals that are data, allowed anywhere in src/. */
const DATA_VALUES = new Set<string>([
  ...STATUSES, // request statuses: identifiers in the register's Status column and the log
  ...PROVISION_LABELS, // provisioning state labels: written to and parsed back from "Status Pembuatan"
  "dilewati", // a provisioning result (flows/provision.ts ProvisionResult)
  "sistem", // the actor of automatic steps in the log (workflow.ts SYSTEM_ACTOR)
  "diterima", // the log action of a registered request (log actions are identifiers)
  "aman",
  "kemungkinan duplikat",
  "sudah terdaftar", // duplicate verdicts (identifiers; shown through duplicate.verdict.*)
  ...Object.values(SHEET_NAMES), // sheet names: identifiers the program finds its sheets by
  ...Object.values(SHEETS),
  ...FIELDS.map((f) => f.key), // settings keys: identifiers, the same in every language
  "Ya",
  "Tidak", // the value of the yes/no setting cuti_bersama_libur (both are read back)
]);

interface Allowance {
  file: string;
  /** Literals inside a function or method of one of these names. */
  inFunctions?: string[];
  /** Literals that are the value of an object property of one of these names. */
  inProperties?: string[];
  /** Literals inside the initializer of a variable of one of these names. */
  inVariables?: string[];
  why: string;
}

const ALLOWED: Allowance[] = [
  {
    file: "src/domain/services.ts",
    inProperties: ["register"],
    why:
      "a request type's register code (Jenis Permohonan), written and parsed back like the statuses; " +
      "shown translated through the catalogue",
  },
  {
    file: "src/domain/changetext.ts",
    inVariables: ["DETAIL_KEYS"],
    why: "the keys of the Rincian Perubahan cell, the same in every language so the cell reads back",
  },
  {
    file: "src/workspace/archive.ts",
    inFunctions: ["archiveFileName"],
    why: "the archive spreadsheet's name, by which the program finds its own file again (like a sheet name)",
  },
  {
    file: "src/domain/provisioning/state.ts",
    inVariables: ["REISSUE_TOKEN"],
    why:
      "a part of the provisioning state cell, written and parsed back like the state labels " +
      '("kuota", "percobaan") it stands beside',
  },
  {
    file: "src/domain/letters.ts",
    inVariables: ["ARCHIVE_PASSWORD_SEPARATE"],
    why: "the credential letter is an official Indonesian document (tata naskah dinas)",
  },
  {
    file: "src/domain/lettertemplates.ts",
    inFunctions: ["defaultCredentialLetter", "defaultResetLetter"],
    why: "the credential letter is an official Indonesian document (tata naskah dinas)",
  },
  {
    file: "src/domain/letterplaceholders.ts",
    inProperties: ["description", "example"],
    why: "the placeholder descriptions have their English version in descriptionEn",
  },
  {
    file: "src/workspace/letter.ts",
    inFunctions: ["archiveName"],
    why: "the archive copy is the Indonesian letter, and its fixed name is how a half-made copy is found again",
  },
  {
    file: "src/domain/nametitles.ts",
    inVariables: ["AFTER", "BEFORE", "SPECIALTIES"],
    why: "academic and religious titles (S.Akun., …) are data",
  },
  {
    file: "src/domain/form.ts",
    inProperties: ["timestamp", "email", "score"],
    why: "titles Google Forms gives its own columns in an Indonesian spreadsheet (read, never written)",
  },
  {
    file: "src/domain/defaults.ts",
    inFunctions: [
      "defaultConfig",
      "pematangsiantarConfig",
      "pontianakConfig",
      "lumajangConfig",
      "opd",
      "stage",
    ],
    why: "the sample offices' configuration (names of agencies, positions, letter fields) is data",
  },
  {
    file: "src/domain/calendar.ts",
    inFunctions: ["formatDuration"],
    why: "a formatter with one branch per language (English plural rules)",
  },
  {
    file: "src/workspace/schema.ts",
    inProperties: ["id"],
    why: "column headers: the Indonesian one (id) next to the English one (en)",
  },
  {
    file: "src/workspace/complaints.ts",
    inProperties: ["id"],
    why: "column headers of the Pengaduan sheet: the Indonesian one (id) next to the English one (en)",
  },
  {
    file: "src/workspace/statusrecords.ts",
    inProperties: ["id"],
    why: "column headers of the status records sheet: the Indonesian one (id) next to the English one (en)",
  },
];

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function enclosingNames(node: ts.Node): {
  functions: string[];
  variables: string[];
  property: string | null;
} {
  const functions: string[] = [];
  const variables: string[] = [];
  let property: string | null = null;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) variables.push(n.name.text);
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name)
      functions.push(n.name.getText());
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      ts.isVariableDeclaration(n.parent) &&
      ts.isIdentifier(n.parent.name)
    )
      functions.push(n.parent.name.text);
    if (property === null && ts.isPropertyAssignment(n)) property = n.name.getText();
  }
  return { functions, variables, property };
}

/** The Indonesian literals of one source file that no allowance covers. */
export function findIndonesianLiterals(
  file: string,
  source: string,
  allowed: Allowance[] = ALLOWED,
): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const rules = allowed.filter((a) => a.file === file);
  const out: Finding[] = [];
  const check = (node: ts.Node, text: string): void => {
    if (!INDONESIAN.test(text) || DATA_VALUES.has(text)) return;
    const { functions, variables, property } = enclosingNames(node);
    const covered = rules.some(
      (r) =>
        (r.inFunctions ?? []).some((f) => functions.includes(f)) ||
        (r.inVariables ?? []).some((v) => variables.includes(v)) ||
        (property !== null && (r.inProperties ?? []).includes(property)),
    );
    if (covered) return;
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) check(node, node.text);
    else if (ts.isTemplateExpression(node))
      check(node, [node.head.text, ...node.templateSpans.map((s) => `\${} ${s.literal.text}`)].join(""));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("user-facing text lives in the message catalogue", () => {
  it("the scanner finds Indonesian literals and ignores comments, identifiers and data values", () => {
    const found = findIndonesianLiterals(
      "src/handlers/example.ts",
      [
        "// Permohonan ini tidak dapat diubah lagi (a comment).",
        'const a = "Permohonan ini tidak dapat diubah lagi.";',
        "const b = `Alamat ${x} sudah dipakai.`;",
        'const c = "perlu perbaikan";',
        'const d = "ditolak_sistem";',
        'const e = "Change undone by the system.";',
      ].join("\n"),
    );
    expect(found.map((f) => f.line)).toEqual([2, 3]);
  });

  it("the allowances cover only what they name", () => {
    const source = [
      "export function defaultCredentialLetter() { return 'Dengan hormat, akun Saudara telah dibuat.'; }",
      "export function other() { return 'Akun Saudara telah dibuat.'; }",
    ].join("\n");
    expect(findIndonesianLiterals("src/domain/lettertemplates.ts", source).map((f) => f.line)).toEqual([2]);
  });

  it("no Indonesian prose is left in src/ outside src/domain/text", () => {
    const files = sourceFiles(join(ROOT, "src"))
      .map((p) => relative(ROOT, p).split("\\").join("/"))
      .filter((p) => !p.startsWith("src/domain/text/") && !p.startsWith("src/generated/"));
    expect(files.length).toBeGreaterThan(30);
    const findings = files.flatMap((f) => findIndonesianLiterals(f, readFileSync(join(ROOT, f), "utf8")));
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });
});
