/**
 * The two mails intake causes: the receipt (with the service standard) and the "perlu perbaikan"
 * notice.
 */
import type { Language, OfficeConfig } from "./config.js";
import { accountTypeLabel, fieldLabel, statusLabel, type FieldKey } from "./form.js";
import { maskNip } from "./identity.js";
import type { Problem } from "./intake.js";
import { formatDateTime, formatYmd, officeZoneOffset } from "./dates.js";
import { parseDateAnswer } from "./dateanswer.js";
import { chainText, officeMail, serviceStandardLines, type Block, type MailText } from "./mailkit.js";
import type { Applicant } from "./request.js";
import { t } from "./text/index.js";

export interface ReceiptInput {
  ticket: string;
  applicant: Applicant;
  submittedMs: number;
  problems: readonly Problem[];
  /** The secret code for the status page ("" when the office has none). */
  statusCode?: string;
}

/**
 * The receipt sent to the applicant's personal address right after intake: ticket, a summary
 * (NIP masked, NIK and phone left out: mail is not a safe place for them), what happens next,
 * what to correct when intake found errors, notes, and the service standard.
 */
export function composeReceiptMail(
  input: ReceiptInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const a = input.applicant;
  const offset = officeZoneOffset(config.timeZone);
  const summary: string[] = [];
  const line = (key: FieldKey, value: string): void => {
    if (value !== "") summary.push(`${fieldLabel(key, lang)}: ${value}`);
  };
  line("fullName", a.fullName);
  line("status", a.employment ? statusLabel(a.employment, lang) : "");
  line("nip", a.nip ? maskNip(a.nip) : "");
  line("position", a.position);
  line("opd", a.opdName);
  line("accountType", a.accountType ? accountTypeLabel(a.accountType, lang) : "");
  if (a.accountType === "unit") {
    line("unitName", a.unitName);
    line("unitAcronym", a.unitAcronym);
  }
  line("proposedUsername", a.proposedUsername ? `${a.proposedUsername}@${config.domain}` : "");
  line("letterNumber", a.requestLetterNumber);
  const letterDate = parseDateAnswer(a.requestLetterDate);
  line("letterDate", letterDate ? formatYmd(letterDate, lang) : a.requestLetterDate);

  const errors = input.problems.filter((p) => p.severity === "error");
  const warnings = input.problems.filter((p) => p.severity === "warning");
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: a.fullName || a.name || a.personalEmail }) },
    {
      kind: "p",
      text: t(lang, "mail.receipt.intro", {
        when: formatDateTime(input.submittedMs, offset, lang),
        ticket: input.ticket,
      }),
    },
    { kind: "p", text: t(lang, "mail.receipt.summary") },
    { kind: "ul", items: summary },
  ];
  if (errors.length > 0) {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.problems_heading") },
      { kind: "p", text: t(lang, "mail.receipt.problems", { ticket: input.ticket }) },
      { kind: "ul", items: errors.map((p) => p.message) },
    );
  } else {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.next_heading") },
      { kind: "p", text: t(lang, "mail.receipt.next", { chain: chainText(config) }) },
    );
  }
  if (warnings.length > 0) {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.warnings_heading") },
      { kind: "ul", items: warnings.map((p) => p.message) },
    );
  }
  if (input.statusCode) {
    blocks.push(
      { kind: "h", text: t(lang, "mail.receipt.status_heading") },
      {
        kind: "p",
        text: t(lang, "mail.receipt.status_code", { ticket: input.ticket, code: input.statusCode }),
      },
    );
    if (config.statusPageUrl)
      blocks.push({ kind: "link", text: t(lang, "mail.receipt.status_link"), url: config.statusPageUrl });
  }
  blocks.push(
    { kind: "h", text: t(lang, "standard.heading") },
    { kind: "ul", items: serviceStandardLines(config, lang) },
  );
  return officeMail(t(lang, "mail.receipt.subject", { ticket: input.ticket }), blocks, config, lang);
}

export interface CorrectionInput {
  ticket: string;
  /** How to address the applicant (the display name). */
  name: string;
  /** What to correct: intake problems' messages, or nothing when an official gave a note. */
  items: readonly string[];
  /** The official's reason when returning the request ("kembalikan"). */
  note?: string;
  /** The form's public address, when known. */
  formUrl?: string;
}

/** The "perlu perbaikan" notice: what to correct and how to re-submit. */
export function composeCorrectionMail(
  input: CorrectionInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    { kind: "p", text: t(lang, "mail.correction.intro", { ticket: input.ticket }) },
  ];
  if (input.items.length > 0) blocks.push({ kind: "ul", items: [...input.items] });
  const note = (input.note ?? "").trim();
  if (note !== "") blocks.push({ kind: "p", text: t(lang, "mail.correction.note", { note }) });
  blocks.push({ kind: "p", text: t(lang, "mail.correction.how", { ticket: input.ticket }) });
  if (input.formUrl)
    blocks.push({ kind: "p", text: t(lang, "mail.correction.link", { url: input.formUrl }) });
  return officeMail(t(lang, "mail.correction.subject", { ticket: input.ticket }), blocks, config, lang);
}
