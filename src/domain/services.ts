/**
 * Account services: requests about an account that exists already, made on a second
 * form ("Layanan Akun") that setup links to the same register spreadsheet. ONE TABLE below
 * (`SERVICE_TYPES`) says, for every request type, what the register's **Jenis Permohonan** cell
 * reads, whether the type is offered yet, which fields it needs, and which chain it goes through.
 * docs/REQUEST-TYPES.md tells how a new type plugs in.
 *
 * Decisions:
 * - The new-account form stays as it is: its rows read "akun baru". The services form asks the
 *   questions every type shares (type, account address, NIP, personal e-mail) as required, and
 *   each type's own questions as optional: Google Forms' branching is not used (a question a type
 *   needs is checked by intake, with an Indonesian message, never by the form alone).
 * - A type switched off in the table (`enabled: false`) is not offered on the form; a response naming it anyway
 *   (a form edited by hand, an old choice) is registered with the problem "jenis layanan belum
 *   tersedia" and status "perlu perbaikan": never accepted silently, never dropped.
 * - The chain per type: a password reset goes to the LAST stage (the technical staff) by default,
 *   the others through the whole configured chain; setting `rantai_reset_sandi` chooses.
 */
import type { Language, OfficeConfig } from "./config.js";
import {
  formValidation,
  questionSpec,
  type FormDefinition,
  type FormQuestion,
  type QuestionKind,
  type ValidationSpec,
} from "./form.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import { DEPARTURE_REASONS } from "./changes.js";
import { cleanText } from "./sanitize.js";
import { formatDateTime, officeZoneOffset } from "./dates.js";
import { LANGUAGES, t, tx, type MessageKey } from "./text/index.js";

import { SERVICE_KINDS, type ChainChoice, type ServiceKind } from "./servicekinds.js";

export { SERVICE_KINDS, type ChainChoice, type ServiceKind };

/** The fields of the services form. */
export const SERVICE_FIELD_KEYS = [
  "service",
  "address",
  "nip",
  "personalEmail",
  "fullName",
  "newName",
  "targetOpd",
  "leaveReason",
  "effectiveDate",
  "letterNumber",
  "letterDate",
] as const;
export type ServiceFieldKey = (typeof SERVICE_FIELD_KEYS)[number];

export interface ServiceType {
  kind: ServiceKind;
  /** What the register's Jenis Permohonan cell holds (a stable code, like the statuses). */
  register: string;
  /** Offered on the services form and accepted by intake. */
  enabled: boolean;
  /** Fields the type needs besides the shared ones (intake refuses the request without them). */
  needs: readonly ServiceFieldKey[];
  /** The chain when the settings do not choose. */
  chain: ChainChoice;
}

/**
 * THE TABLE. `enabled: false` types are foreseen (the register, the choice list, the routing know
 * them) but have no execution step yet. The changes (ubah_nama, pindah_opd, berhenti,
 * aktif_kembali) have theirs in flows/changes.ts (rules in domain/changes.ts).
 */
export const SERVICE_TYPES: Readonly<Record<ServiceKind, ServiceType>> = {
  akun_baru: { kind: "akun_baru", register: "akun baru", enabled: true, needs: [], chain: "full" },
  reset_sandi: {
    kind: "reset_sandi",
    register: "reset kata sandi",
    enabled: true,
    needs: [],
    chain: "staff",
  },
  ubah_nama: {
    kind: "ubah_nama",
    register: "ubah nama",
    enabled: true,
    needs: ["newName", "letterNumber", "letterDate"],
    chain: "full",
  },
  pindah_opd: {
    kind: "pindah_opd",
    register: "pindah OPD",
    enabled: true,
    needs: ["targetOpd", "effectiveDate", "letterNumber", "letterDate"],
    chain: "full",
  },
  berhenti: {
    kind: "berhenti",
    register: "berhenti",
    enabled: true,
    needs: ["leaveReason", "effectiveDate", "letterNumber", "letterDate"],
    chain: "full",
  },
  aktif_kembali: {
    kind: "aktif_kembali",
    register: "aktif kembali",
    enabled: true,
    needs: ["effectiveDate", "letterNumber", "letterDate"],
    chain: "full",
  },
};

/** The types the services form offers (every enabled type but the new account, which has its own form). */
export function offeredServices(): ServiceKind[] {
  return SERVICE_KINDS.filter((k) => k !== "akun_baru" && SERVICE_TYPES[k].enabled);
}

/** The register cell of a type. */
export function registerType(kind: ServiceKind): string {
  return SERVICE_TYPES[kind].register;
}

/** The type of a register cell; empty (rows from before the column) is a new account. null: unknown. */
export function parseRegisterType(cell: unknown): ServiceKind | null {
  const v = String(cell ?? "")
    .trim()
    .toLowerCase();
  if (v === "") return "akun_baru";
  return SERVICE_KINDS.find((k) => SERVICE_TYPES[k].register.toLowerCase() === v) ?? null;
}

/** The type's name as people read it ("Atur ulang kata sandi"). */
export function serviceLabel(kind: ServiceKind, lang: Language): string {
  return tx(lang, `service.kind.${kind}` as MessageKey);
}

const fold = (s: string): string => cleanText(s, 1000).text.toLowerCase();

/** The type of the form's choice (its label in either language, or the register code). null: none. */
export function parseServiceChoice(answer: string): ServiceKind | null {
  const a = fold(answer);
  if (a === "") return null;
  for (const k of SERVICE_KINDS) {
    const names = [k, SERVICE_TYPES[k].register, ...LANGUAGES.map((l) => serviceLabel(k, l))].map(fold);
    if (names.includes(a)) return k;
  }
  return null;
}

/** Whether the office has the request go through the whole chain or straight to the staff. */
export function chainOf(kind: ServiceKind, config: OfficeConfig): ChainChoice {
  return config.serviceChains?.[kind] ?? SERVICE_TYPES[kind].chain;
}

/** The stage a registered request of this type starts at: the first, or the last (staff only). */
export function entryStageKey(kind: ServiceKind, config: OfficeConfig): string {
  const stages = config.stages;
  if (stages.length === 0) return "";
  return (chainOf(kind, config) === "staff" ? stages[stages.length - 1]! : stages[0]!).key;
}

// ── The services form ──────────────────────────────────────────────────────────

export interface ServiceQuestionSpec {
  key: ServiceFieldKey;
  kind: QuestionKind;
  required: boolean;
  maxLength: number;
  /** "services": the offered types; "opd": the OPD list. */
  choices?: "services" | "opd" | "reasons";
  validation?: ValidationSpec;
}

/** A question of the application form (its kind, length and validation), required. */
function fromApplication(key: "nip" | "personalEmail" | "fullName"): ServiceQuestionSpec {
  const { kind, maxLength, validation } = questionSpec(key);
  return { key, kind, required: true, maxLength, ...(validation ? { validation } : {}) };
}

/** The questions in form order: the shared ones (required), then each type's own (optional). */
export const SERVICE_QUESTIONS: readonly ServiceQuestionSpec[] = [
  { key: "service", kind: "multipleChoice", required: true, maxLength: 100, choices: "services" },
  { key: "address", kind: "text", required: true, maxLength: 254 },
  // As the application form asks them (the same validation), required here.
  fromApplication("nip"),
  fromApplication("personalEmail"),
  fromApplication("fullName"),
  // The changes' own questions (domain/changes.ts checks them; optional on the form, required by
  // intake for the types that need them). Dates are text: a date item's answer comes back in the
  // spreadsheet's locale, which intake reads anyway (dd/mm/yyyy, "1 Januari 2027", ISO).
  { key: "newName", kind: "text", required: false, maxLength: 150 },
  { key: "targetOpd", kind: "list", required: false, maxLength: 200, choices: "opd" },
  { key: "leaveReason", kind: "multipleChoice", required: false, maxLength: 100, choices: "reasons" },
  { key: "effectiveDate", kind: "text", required: false, maxLength: 40 },
  { key: "letterNumber", kind: "text", required: false, maxLength: 100 },
  { key: "letterDate", kind: "text", required: false, maxLength: 40 },
];

/** The questions the form carries: the shared ones and those an offered type needs. */
export function serviceQuestions(): ServiceQuestionSpec[] {
  const needed = new Set(offeredServices().flatMap((k) => SERVICE_TYPES[k].needs));
  return SERVICE_QUESTIONS.filter((q) => q.required || needed.has(q.key));
}

export function serviceQuestionTitle(key: ServiceFieldKey, lang: Language): string {
  return tx(lang, `service.form.${key}.title` as MessageKey);
}

export type ServiceFormQuestion = FormQuestion<ServiceFieldKey>;
export type ServiceFormDefinition = FormDefinition<ServiceFieldKey>;

/** Everything setup needs to create (or complete) the services form. */
export function buildServicesForm(
  config: OfficeConfig,
  privacy: string,
  lang: Language = config.language,
): ServiceFormDefinition {
  return {
    title: t(lang, "service.form.title", {
      office: `${config.office.name} ${config.office.government}`.trim(),
    }),
    description: `${privacy}\n\n${t(lang, "service.form.description", { domain: config.domain })}`,
    confirmation: t(lang, "service.form.confirmation"),
    questions: serviceQuestions().map((q) => ({
      key: q.key,
      kind: q.kind,
      title: serviceQuestionTitle(q.key, lang),
      help: tx(lang, `service.form.${q.key}.help` as MessageKey, { domain: config.domain }),
      required: q.required,
      choices:
        q.choices === "services"
          ? offeredServices().map((k) => serviceLabel(k, lang))
          : q.choices === "opd"
            ? config.opds.map((o) => o.name)
            : q.choices === "reasons"
              ? DEPARTURE_REASONS.map((r) => tx(lang, `change.reason.${r}`))
              : [],
      validation: q.validation ? formValidation(q.validation, lang) : null,
    })),
  };
}

/** Whether a submission's answers are the services form's (its type question is there). */
export function isServiceSubmission(namedValues: Readonly<Record<string, unknown>>): boolean {
  const titles = new Set(LANGUAGES.map((l) => serviceQuestionTitle("service", l)));
  return Object.keys(namedValues).some((k) => titles.has(k.trim()));
}

export interface MappedService {
  answers: Partial<Record<ServiceFieldKey, string>>;
  /** Titles that are no question of the services form (timestamp and e-mail columns aside). */
  unknownTitles: string[];
}

/** `e.namedValues` of a services response to field keys (titles of either language). */
export function mapServiceValues(
  namedValues: Readonly<Record<string, readonly string[] | string>>,
  systemTitles: readonly string[],
): MappedService {
  const byTitle = new Map<string, ServiceFieldKey>();
  for (const q of SERVICE_QUESTIONS)
    for (const l of LANGUAGES) byTitle.set(serviceQuestionTitle(q.key, l), q.key);
  const answers: Partial<Record<ServiceFieldKey, string>> = {};
  const unknownTitles: string[] = [];
  for (const [raw, value] of Object.entries(namedValues)) {
    const title = raw.trim();
    const text = (Array.isArray(value) ? value : [value as string]).filter((v) => v !== "").join(", ");
    const key = byTitle.get(title);
    if (key) answers[key] = answers[key] ? `${answers[key]}, ${text}` : text;
    else if (!systemTitles.includes(title)) unknownTitles.push(title);
  }
  return { answers, unknownTitles };
}

// ── The receipt ────────────────────────────────────────────────────────────────

export interface ServiceReceiptInput {
  ticket: string;
  kind: ServiceKind | null;
  name: string;
  submittedMs: number;
  /** Problems the applicant must correct (a new request is then needed). */
  problems: readonly string[];
  statusCode: string;
}

/**
 * The receipt of a services request. For a password reset it is the SAME whatever the directory
 * said (no oracle for which NIP or address an account has): only the applicant's own input
 * problems (an address outside the domain, a NIP of the wrong length) are named.
 */
export function composeServiceReceipt(
  input: ServiceReceiptInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const offset = officeZoneOffset(config.timeZone);
  const kind = input.kind ? serviceLabel(input.kind, lang) : "-";
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name || "-" }) },
    {
      kind: "p",
      text: t(lang, "service.receipt.intro", {
        kind,
        when: formatDateTime(input.submittedMs, offset, lang),
        ticket: input.ticket,
      }),
    },
  ];
  if (input.problems.length > 0) {
    blocks.push(
      { kind: "p", text: t(lang, "service.receipt.problems") },
      { kind: "ul", items: [...input.problems] },
    );
  } else if (input.kind === "reset_sandi") {
    blocks.push({ kind: "p", text: t(lang, "reset.applicant.received") });
  } else {
    blocks.push({ kind: "p", text: t(lang, "service.receipt.next") });
  }
  if (input.statusCode) {
    blocks.push({
      kind: "p",
      text: t(lang, "mail.receipt.status_code", { ticket: input.ticket, code: input.statusCode }),
    });
    if (config.statusPageUrl)
      blocks.push({ kind: "link", text: t(lang, "mail.receipt.status_link"), url: config.statusPageUrl });
  }
  return officeMail(t(lang, "service.receipt.subject", { ticket: input.ticket, kind }), blocks, config, lang);
}
