/**
 * The application form as data: setup creates the Google Form from `buildForm`, and intake maps a
 * submission's `namedValues` (question title → answers) back to field keys with `mapNamedValues`.
 * Titles come from the text catalogue (form.<key>.title) in the office language; the mapping
 * accepts the exact titles of either language (a form created before the language setting was
 * changed still maps) and reports every title it does not know and every question it misses.
 *
 * Validation patterns are written for both RE2 (Google Forms) and JavaScript: no look-around,
 * no back-references.
 *
 * Longer than 400 lines because of the question catalogue (QUESTIONS, a data table of about 110
 * lines); the code around it is the form's one definition in both directions.
 */
import type { Language, OfficeConfig } from "./config.js";
import type { AccountType, EmploymentStatus } from "./request.js";
import { cleanText } from "./sanitize.js";
import { LANGUAGES, t, tx, type MessageKey, type MessageRef } from "./text/index.js";

export const FIELD_KEYS = [
  "fullName",
  "titlesBefore",
  "titlesAfter",
  "status",
  "nip",
  "nik",
  "position",
  "opd",
  "phone",
  "personalEmail",
  "accountType",
  "unitName",
  "unitAcronym",
  "proposedUsername",
  "letterNumber",
  "letterDate",
  "previousTicket",
  "statusCode",
  "statement",
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/** Google Forms item kinds used here (FormApp addTextItem, addParagraphTextItem, …). */
export type QuestionKind = "text" | "paragraph" | "list" | "multipleChoice" | "checkbox" | "date";

export type ValidationSpec =
  | { type: "pattern"; pattern: string; help: MessageKey }
  | { type: "email"; help: MessageKey }
  | { type: "maxLength"; max: number };

/** Where a question's choices come from. */
export type ChoiceSource = "status" | "accountType" | "opd" | "statement";

export interface QuestionSpec {
  key: FieldKey;
  kind: QuestionKind;
  required: boolean;
  /** Answers longer than this are cut by intake (and the form limits text answers to it). */
  maxLength: number;
  choices?: ChoiceSource;
  validation?: ValidationSpec;
}

/** Regular expressions of the form's text validations (anchored; RE2- and JS-compatible). */
export const PATTERNS = {
  /** 18 digits, spaces and dots tolerated between them. */
  nip: "^[ .]*([0-9][ .]*){18}$",
  /** 16 digits, spaces and dots tolerated between them. */
  nik: "^[ .]*([0-9][ .]*){16}$",
  phone: "^[+]?[0-9 ().-]{8,24}$",
  username: "^[A-Za-z0-9._'-]{1,64}$",
  acronym: "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,29}$",
  ticket: "^ *[A-Za-z]{2,5}-[0-9]{4}-[0-9]{4,} *$",
  /** The receipt's secret code: 12 letters or digits, spaces and dashes tolerated between them. */
  statusCode: "^[ -]*([0-9A-Za-z][ -]*){12}$",
} as const;

/** The questions, in form order. */
export const QUESTIONS: readonly QuestionSpec[] = [
  {
    key: "fullName",
    kind: "text",
    required: true,
    maxLength: 150,
    validation: { type: "maxLength", max: 150 },
  },
  {
    key: "titlesBefore",
    kind: "text",
    required: false,
    maxLength: 60,
    validation: { type: "maxLength", max: 60 },
  },
  {
    key: "titlesAfter",
    kind: "text",
    required: false,
    maxLength: 100,
    validation: { type: "maxLength", max: 100 },
  },
  { key: "status", kind: "multipleChoice", required: true, maxLength: 100, choices: "status" },
  {
    key: "nip",
    kind: "text",
    required: false,
    maxLength: 40,
    validation: { type: "pattern", pattern: PATTERNS.nip, help: "form.valid.nip" },
  },
  {
    key: "nik",
    kind: "text",
    required: false,
    maxLength: 40,
    validation: { type: "pattern", pattern: PATTERNS.nik, help: "form.valid.nik" },
  },
  {
    key: "position",
    kind: "text",
    required: true,
    maxLength: 150,
    validation: { type: "maxLength", max: 150 },
  },
  { key: "opd", kind: "list", required: true, maxLength: 200, choices: "opd" },
  {
    key: "phone",
    kind: "text",
    required: true,
    maxLength: 30,
    validation: { type: "pattern", pattern: PATTERNS.phone, help: "form.valid.phone" },
  },
  {
    key: "personalEmail",
    kind: "text",
    required: true,
    maxLength: 254,
    validation: { type: "email", help: "form.valid.email" },
  },
  { key: "accountType", kind: "multipleChoice", required: true, maxLength: 100, choices: "accountType" },
  {
    key: "unitName",
    kind: "text",
    required: false,
    maxLength: 150,
    validation: { type: "maxLength", max: 150 },
  },
  {
    key: "unitAcronym",
    kind: "text",
    required: false,
    maxLength: 30,
    validation: { type: "pattern", pattern: PATTERNS.acronym, help: "form.valid.acronym" },
  },
  {
    key: "proposedUsername",
    kind: "text",
    required: false,
    maxLength: 64,
    validation: { type: "pattern", pattern: PATTERNS.username, help: "form.valid.username" },
  },
  {
    key: "letterNumber",
    kind: "text",
    required: true,
    maxLength: 100,
    validation: { type: "maxLength", max: 100 },
  },
  { key: "letterDate", kind: "date", required: true, maxLength: 40 },
  {
    key: "previousTicket",
    kind: "text",
    required: false,
    maxLength: 30,
    validation: { type: "pattern", pattern: PATTERNS.ticket, help: "form.valid.ticket" },
  },
  {
    // Read only with a previous ticket (a correction): the proof that the corrector holds the
    // receipt. Never kept by intake: checked against the keyed hash and dropped.
    key: "statusCode",
    kind: "text",
    required: false,
    maxLength: 40,
    validation: { type: "pattern", pattern: PATTERNS.statusCode, help: "form.valid.status_code" },
  },
  { key: "statement", kind: "checkbox", required: true, maxLength: 500, choices: "statement" },
];

export function questionSpec(key: FieldKey): QuestionSpec {
  return QUESTIONS.find((q) => q.key === key)!;
}

/** The question title of a field, exactly as setup writes it into the form. */
export function questionTitle(key: FieldKey, lang: Language): string {
  return tx(lang, `form.${key}.title` as MessageKey);
}

/** A short label of the field for messages and summaries. */
export function fieldLabel(key: FieldKey, lang: Language): string {
  return tx(lang, `form.${key}.label` as MessageKey);
}

export function questionHelp(key: FieldKey, lang: Language): string {
  return tx(lang, `form.${key}.help` as MessageKey);
}

// ── Choices ────────────────────────────────────────────────────────────────────

const STATUS_CHOICES: readonly EmploymentStatus[] = ["PNS", "PPPK", "NON_ASN"];
const ACCOUNT_CHOICES: readonly AccountType[] = ["pribadi", "unit"];

export function statusLabel(status: EmploymentStatus, lang: Language): string {
  return tx(lang, `choice.status.${status}` as MessageKey);
}

export function accountTypeLabel(type: AccountType, lang: Language): string {
  return tx(lang, `choice.account.${type}` as MessageKey);
}

/** The label of an OPD in the form's list: its name. */
export function opdLabel(opd: { name: string }): string {
  return opd.name;
}

function choicesOf(source: ChoiceSource, config: OfficeConfig, lang: Language): string[] {
  switch (source) {
    case "status":
      return STATUS_CHOICES.map((s) => statusLabel(s, lang));
    case "accountType":
      return ACCOUNT_CHOICES.map((s) => accountTypeLabel(s, lang));
    case "opd":
      return config.opds.map(opdLabel);
    case "statement":
      return [t(lang, "choice.statement")];
  }
}

/** Lower case, single spaces, no surrounding space: how typed choices are compared. */
function fold(s: string): string {
  return cleanText(s, 1000).text.toLowerCase();
}

/**
 * The employment status of an answer: the choice label in either language, or the code itself
 * ("PNS", "pppk", "Non ASN", "non-asn" are all understood). null when none matches.
 */
export function parseEmploymentStatus(answer: string): EmploymentStatus | null {
  const a = fold(answer);
  if (a === "") return null;
  for (const s of STATUS_CHOICES) {
    const names = [s, ...LANGUAGES.map((l) => statusLabel(s, l))].map(fold);
    if (names.includes(a)) return s;
  }
  const bare = a.replace(/[^a-z]/g, "");
  if (bare === "pns") return "PNS";
  if (bare === "pppk") return "PPPK";
  if (bare === "nonasn" || bare === "honorer" || bare === "nonpns") return "NON_ASN";
  return null;
}

/** The account type of an answer (label in either language, or the code). null when none matches. */
export function parseAccountType(answer: string): AccountType | null {
  const a = fold(answer);
  if (a === "") return null;
  for (const s of ACCOUNT_CHOICES) {
    const names = [s, ...LANGUAGES.map((l) => accountTypeLabel(s, l))].map(fold);
    if (names.includes(a)) return s;
  }
  const bare = a.replace(/[^a-z]/g, "");
  if (bare === "personal") return "pribadi";
  if (bare === "unitkerja" || bare === "workunit") return "unit";
  return null;
}

/**
 * The OPD of an answer: by name, by code, or "name (code)", ignoring case and spacing.
 * null when none matches.
 */
export function findOpd<T extends { code: string; name: string }>(
  answer: string,
  opds: readonly T[],
): T | null {
  const a = fold(answer);
  if (a === "") return null;
  for (const opd of opds) {
    const forms = [opd.name, opd.code, `${opd.name} (${opd.code})`].map(fold);
    if (forms.includes(a)) return opd;
  }
  return null;
}

// ── The form for setup ─────────────────────────────────────────────────────────

export interface FormValidation {
  type: "pattern" | "email" | "maxLength";
  pattern?: string;
  max?: number;
  helpText: string;
}

/** A question as setup creates it (`K`: the form's field keys; the services form has its own). */
export interface FormQuestion<K extends string = FieldKey> {
  key: K;
  kind: QuestionKind;
  title: string;
  help: string;
  required: boolean;
  choices: string[];
  validation: FormValidation | null;
}

export interface FormDefinition<K extends string = FieldKey> {
  title: string;
  description: string;
  confirmation: string;
  questions: FormQuestion<K>[];
}

/** The personal data notice (UU PDP) the form opens with. */
export function privacyNotice(config: OfficeConfig, lang: Language = config.language): string {
  const o = config.office;
  const contact = [config.privacyContact || o.email, o.phone, o.address]
    .filter((s) => s.trim() !== "")
    .join(", ");
  return t(lang, "form.privacy", {
    controller: [o.name, o.government].filter((s) => s.trim() !== "").join(", "),
    days: config.privacy.retentionDays,
    contact,
  });
}

/** Everything setup needs to create the Google Form, in the office language (or `lang`). */
export function buildForm(config: OfficeConfig, lang: Language = config.language): FormDefinition {
  return {
    title: t(lang, "form.title", { office: `${config.office.name} ${config.office.government}`.trim() }),
    // The form opens with the notice UU PDP (No. 27/2022) requires: controller, purpose, what is kept
    // and for how long, whom to contact.
    description: `${privacyNotice(config, lang)}\n\n${t(lang, "form.description", { government: config.office.government })}`,
    confirmation: t(lang, "form.confirmation"),
    questions: QUESTIONS.map((q) => ({
      key: q.key,
      kind: q.kind,
      title: questionTitle(q.key, lang),
      help: questionHelp(q.key, lang),
      required: q.required,
      choices: q.choices ? choicesOf(q.choices, config, lang) : [],
      validation: q.validation ? formValidation(q.validation, lang) : null,
    })),
  };
}

/** A question's validation as the form builder writes it (both forms). */
export function formValidation(v: ValidationSpec, lang: Language): FormValidation {
  switch (v.type) {
    case "pattern":
      return { type: "pattern", pattern: v.pattern, helpText: tx(lang, v.help) };
    case "email":
      return { type: "email", helpText: tx(lang, v.help) };
    case "maxLength":
      return { type: "maxLength", max: v.max, helpText: t(lang, "form.valid.length", { max: v.max }) };
  }
}

// ── A submission back to fields ────────────────────────────────────────────────

/**
 * Titles of columns the Forms responses sheet adds by itself (timestamp, collected e-mail,
 * score), in the languages a spreadsheet is commonly set to. They are not questions.
 */
export const SYSTEM_TITLES = {
  timestamp: ["Timestamp", "Stempel waktu", "Cap waktu"],
  email: ["Email Address", "Email address", "Alamat email", "Alamat Email"],
  score: ["Score", "Skor"],
} as const;

export interface MappedSubmission {
  /** Answers by field key; a question present with an empty answer maps to "". */
  answers: Partial<Record<FieldKey, string>>;
  /** The timestamp column's text, when present. */
  timestamp: string;
  /** The collected respondent e-mail, when the form collects it. */
  respondentEmail: string;
  /** Titles that are neither a question of this form nor a system column. */
  unknownTitles: string[];
  /** Questions of this form whose title does not appear at all. */
  missing: FieldKey[];
  /** Administrator-facing notes about unknown and missing titles. */
  notes: MessageRef[];
  /** True when no question has an answer (the spurious blank event Apps Script sometimes sends). */
  empty: boolean;
}

/**
 * Map `e.namedValues` ({title: string[]}) of a Sheets form-submit event to field keys. Several
 * values under one title (two columns with the same title) are joined with ", ", as checkbox
 * answers are. Titles must match exactly (surrounding spaces aside) in either language; `lang`
 * is the language of the notes' titles.
 */
export function mapNamedValues(
  namedValues: Readonly<Record<string, readonly string[] | string>>,
  lang: Language = "id",
): MappedSubmission {
  const byTitle = new Map<string, FieldKey>();
  for (const q of QUESTIONS) {
    for (const lang of LANGUAGES) byTitle.set(questionTitle(q.key, lang), q.key);
  }
  const system = new Set<string>([
    ...SYSTEM_TITLES.timestamp,
    ...SYSTEM_TITLES.email,
    ...SYSTEM_TITLES.score,
  ]);
  const answers: Partial<Record<FieldKey, string>> = {};
  const unknownTitles: string[] = [];
  let timestamp = "";
  let respondentEmail = "";
  for (const [rawTitle, rawValue] of Object.entries(namedValues)) {
    const title = rawTitle.trim();
    const value = (Array.isArray(rawValue) ? rawValue : [rawValue as string])
      .filter((v) => v !== "")
      .join(", ");
    const key = byTitle.get(title);
    if (key) {
      answers[key] = answers[key] ? `${answers[key]}, ${value}` : value;
    } else if ((SYSTEM_TITLES.timestamp as readonly string[]).includes(title)) {
      timestamp = value;
    } else if ((SYSTEM_TITLES.email as readonly string[]).includes(title)) {
      respondentEmail = value;
    } else if (!system.has(title)) {
      unknownTitles.push(title);
    }
  }
  const missing = QUESTIONS.map((q) => q.key).filter((k) => !(k in answers));
  const notes: MessageRef[] = [
    ...unknownTitles.map((title): MessageRef => ({ code: "form.unknown_title", params: { title } })),
    ...missing.map((k): MessageRef => ({
      code: "form.missing_title",
      params: { title: questionTitle(k, lang) },
    })),
  ];
  const empty = Object.values(answers).every((v) => (v ?? "").trim() === "");
  return { answers, timestamp, respondentEmail, unknownTitles, missing, notes, empty };
}
