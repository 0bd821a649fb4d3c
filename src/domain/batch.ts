/**
 * Bulk requests from one OPD letter, the pure part: the layout of a batch's list sheet
 * (the letter's head in four rows, then one row per person under the form's question titles), its
 * reading into form answers (each person is validated and registered exactly as a form answer:
 * intake.ts, handlers/intake.ts), the batch's place in the chain (the stage most of its open
 * members wait at), and the two mails to the OPD: the import report (every refused row with its
 * problems, in one mail) and the summary once every member is closed.
 */
import type { Language, OfficeConfig } from "./config.js";
import { FIELD_KEYS, questionTitle, type FieldKey } from "./form.js";
import { officeMail, render, type MailText } from "./mailkit.js";
import { checkPersonalEmail } from "./personalemail.js";
import { OPEN_STATUSES, type Status } from "./request.js";
import { t } from "./text/index.js";

/** Batch ids: `MSL-yyMM-nnnn`, from a monthly counter (as tickets). */
export const BATCH_PREFIX = "MSL";

/** A batch id as typed (the admin sheet's ticket cell), or null. */
export function parseBatchId(text: string): string | null {
  const s = text.trim().toUpperCase();
  return /^MSL-\d{4}-\d{4,}$/.test(s) ? s : null;
}

/** The questions a person's row answers; the OPD, the letter and the statement come from the head. */
export const PERSON_FIELDS: readonly FieldKey[] = FIELD_KEYS.filter(
  (k) => !["opd", "letterNumber", "letterDate", "previousTicket", "statusCode", "statement"].includes(k),
);

export type HeadKey = "opd" | "letterNumber" | "letterDate" | "contact";
export const HEAD_KEYS: readonly HeadKey[] = ["opd", "letterNumber", "letterDate", "contact"];
/** The row of the persons' column titles; persons from the row below. */
export const TITLE_ROW = HEAD_KEYS.length + 2;
export const FIRST_PERSON_ROW = TITLE_ROW + 1;
/** The two columns after the answers that only the program writes. */
export const TICKET_COLUMN = PERSON_FIELDS.length + 1;
export const PROBLEM_COLUMN = PERSON_FIELDS.length + 2;
export const LIST_WIDTH = PERSON_FIELDS.length + 2;

export function headLabel(key: HeadKey, lang: Language): string {
  return key === "contact" ? t(lang, "batch.head.contact") : questionTitle(key, lang);
}

/** The list sheet as the admin operation creates it: the head (labels, empty values), the titles. */
export function batchTemplate(lang: Language): string[][] {
  const blank = (): string[] => Array<string>(LIST_WIDTH).fill("");
  const rows: string[][] = HEAD_KEYS.map((k) => {
    const r = blank();
    r[0] = headLabel(k, lang);
    return r;
  });
  const help = blank();
  help[0] = t(lang, "batch.head.help");
  rows.push(help);
  rows.push([
    ...PERSON_FIELDS.map((k) => questionTitle(k, lang)),
    t(lang, "batch.column.ticket"),
    t(lang, "batch.column.problems"),
  ]);
  return rows;
}

export interface BatchHead {
  opd: string;
  letterNumber: string;
  letterDate: string;
  contact: string;
}

export interface BatchPerson {
  /** The row in the list sheet. */
  row: number;
  /** Answers by the form's question title (the titles of the list's title row). */
  answers: Record<string, string>;
  /** The ticket the program wrote beside the row ("" until the person is registered). */
  ticket: string;
  /** The problems the program wrote beside the row at the last import. */
  problems: string;
}

export interface BatchList {
  head: BatchHead;
  persons: BatchPerson[];
  /** Titles of the title row that are no question of the form (the administrator pasted other columns). */
  unknownTitles: string[];
}

/**
 * Reads a list sheet's display values (row 1 first). Rows with no answer at all are no person.
 * Titles are matched in either language; a column under an unknown title is reported, not used.
 */
export function readBatchList(values: readonly (readonly string[])[]): BatchList {
  const cell = (r: number, c: number): string => String(values[r - 1]?.[c - 1] ?? "").trim();
  const head: BatchHead = {
    opd: cell(1, 2),
    letterNumber: cell(2, 2),
    letterDate: cell(3, 2),
    contact: cell(4, 2),
  };
  const titles = (values[TITLE_ROW - 1] ?? []).slice(0, PERSON_FIELDS.length).map((v) => String(v).trim());
  const known = new Set<string>();
  for (const k of PERSON_FIELDS) for (const lang of ["id", "en"] as const) known.add(questionTitle(k, lang));
  const unknownTitles = titles.filter((x) => x !== "" && !known.has(x));
  const persons: BatchPerson[] = [];
  for (let r = FIRST_PERSON_ROW; r <= values.length; r++) {
    const answers: Record<string, string> = {};
    let any = false;
    titles.forEach((title, i) => {
      if (!known.has(title)) return;
      const v = cell(r, i + 1);
      answers[title] = v;
      if (v !== "") any = true;
    });
    if (!any) continue;
    persons.push({ row: r, answers, ticket: cell(r, TICKET_COLUMN), problems: cell(r, PROBLEM_COLUMN) });
  }
  return { head, persons, unknownTitles };
}

/**
 * A person's answers as a form submission's named values (question title → answers): the row's
 * answers, the OPD and the letter of the head, and the statement, which the OPD's signed letter
 * makes for the people it lists.
 */
export function personNamedValues(
  head: BatchHead,
  person: BatchPerson,
  lang: Language,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [title, value] of Object.entries(person.answers)) out[title] = [value];
  out[questionTitle("opd", lang)] = [head.opd];
  out[questionTitle("letterNumber", lang)] = [head.letterNumber];
  out[questionTitle("letterDate", lang)] = [head.letterDate];
  out[questionTitle("statement", lang)] = [t(lang, "choice.statement")];
  return out;
}

/** The fields the head gives every person: a problem there is the whole list's, not a row's. */
export const HEAD_FIELDS: readonly FieldKey[] = ["opd", "letterNumber", "letterDate"];

/** The OPD's contact address (where the report and the summary go): one valid address, any domain. */
export function contactProblem(address: string, lang: Language): string | null {
  if (address.trim() === "") return t(lang, "batch.head.contact_missing");
  const p = checkPersonalEmail(address, "").find((x) => x.code !== "email.typo");
  return p ? t(lang, "batch.head.contact_invalid", { value: address }) : null;
}

/** A member of a batch as the register shows it. */
export interface Member {
  ticket: string;
  status: Status | string;
  stageKey: string;
}

/**
 * The batch's place in the chain: the stage (and status) most of its open members wait at; on a
 * tie the earlier stage of the chain. null when no member is open in the chain.
 */
export function batchStage(config: OfficeConfig, members: readonly Member[]): Member | null {
  const counts = new Map<string, { m: Member; n: number }>();
  for (const m of members) {
    if (!m.stageKey || !(OPEN_STATUSES as readonly string[]).includes(m.status)) continue;
    if (m.status !== "diproses" && m.status !== "baru" && m.status !== "disetujui") continue;
    const key = `${m.stageKey}|${m.status}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { m, n: 1 });
  }
  const order = (k: string): number => config.stages.findIndex((s) => s.key === k);
  let best: { m: Member; n: number } | null = null;
  for (const c of counts.values())
    if (!best || c.n > best.n || (c.n === best.n && order(c.m.stageKey) < order(best.m.stageKey))) best = c;
  return best ? { ticket: "", status: best.m.status, stageKey: best.m.stageKey } : null;
}

export interface ImportReportInput {
  batchId: string;
  opd: string;
  letter: string;
  /** Everyone registered so far: ticket and name. */
  registered: { ticket: string; name: string }[];
  /** The rows refused: the list row, the name as typed, the problems. */
  refused: { row: number; name: string; problems: string[] }[];
}

/** How the OPD's mails name a batch: its id, the OPD's letter and the OPD. */
function batchNamed(input: { batchId: string; letter: string; opd: string }): {
  batch: string;
  letter: string;
  opd: string;
} {
  return { batch: input.batchId, letter: input.letter, opd: input.opd };
}

/** The import's one mail to the OPD: what was registered, and every row refused with its problems. */
export function composeImportReport(input: ImportReportInput, config: OfficeConfig): MailText {
  const lang = config.language;
  const blocks: Parameters<typeof render>[1] = [
    {
      kind: "p",
      text: t(lang, "batch.mail.import.intro", {
        ...batchNamed(input),
        registered: input.registered.length,
        refused: input.refused.length,
      }),
    },
  ];
  if (input.refused.length > 0) {
    blocks.push({ kind: "h", text: t(lang, "batch.mail.import.refused_head") });
    blocks.push({
      kind: "ul",
      items: input.refused.map((r) =>
        t(lang, "batch.mail.import.refused_row", {
          row: r.row,
          name: r.name || "-",
          problems: r.problems.join(" "),
        }),
      ),
    });
    blocks.push({ kind: "p", text: t(lang, "batch.mail.import.refused_next", { batch: input.batchId }) });
  }
  if (input.registered.length > 0) {
    blocks.push({ kind: "h", text: t(lang, "batch.mail.import.registered_head") });
    blocks.push({ kind: "ul", items: input.registered.map((r) => `${r.ticket} · ${r.name}`) });
  }
  return officeMail(
    t(lang, "batch.mail.import.subject", { batch: input.batchId, refused: input.refused.length }),
    blocks,
    config,
    lang,
  );
}

export interface SummaryInput {
  batchId: string;
  opd: string;
  letter: string;
  /** Members that got their account and letter. */
  created: { ticket: string; name: string; address: string }[];
  /** Members rejected in the chain. */
  rejected: { ticket: string; name: string }[];
  /** List rows never registered (still refused at the last import). */
  refusedRows: number;
}

/** The one summary to the OPD once every member of the batch is closed. */
export function composeBatchSummary(input: SummaryInput, config: OfficeConfig): MailText {
  const lang = config.language;
  const blocks: Parameters<typeof render>[1] = [
    {
      kind: "p",
      text: t(lang, "batch.mail.summary.intro", {
        ...batchNamed(input),
        created: input.created.length,
        rejected: input.rejected.length,
        refused: input.refusedRows,
      }),
    },
  ];
  if (input.created.length > 0) {
    blocks.push({ kind: "h", text: t(lang, "batch.mail.summary.created_head") });
    blocks.push({ kind: "ul", items: input.created.map((c) => `${c.ticket} · ${c.name} · ${c.address}`) });
    blocks.push({ kind: "p", text: t(lang, "batch.mail.summary.letters") });
  }
  if (input.rejected.length > 0) {
    blocks.push({ kind: "h", text: t(lang, "batch.mail.summary.rejected_head") });
    blocks.push({ kind: "ul", items: input.rejected.map((c) => `${c.ticket} · ${c.name}`) });
  }
  return officeMail(t(lang, "batch.mail.summary.subject", { batch: input.batchId }), blocks, config, lang);
}

/**
 * The register's "response row" of a batch's person: negative (no form response has it) and
 * unique over every batch (the id's digits, then the list row), so that intake's recovery of a
 * registration cut off before its index entry finds this person's row and no other.
 */
export function batchResponseRow(batchId: string, listRow: number): number {
  return -(Number(batchId.replace(/\D/g, "")) * 100_000 + listRow);
}

/** The index key of a batch's person: exactly-once registration per batch and list row. */
export function batchResponseKey(batchId: string, listRow: number): string {
  return `massal:${batchId}:${listRow}`;
}

/** Whether an index key is a batch person's: no form response holds its answers. */
export function isBatchResponseKey(key: string): boolean {
  return key.startsWith("massal:");
}
