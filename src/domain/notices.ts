/**
 * The mails the workflow sends besides the receipt: to the officials who must act next, to the
 * administrators, and to the applicant when the applicant must know (rejected, held, resumed,
 * correction received). Rendered to plain text and escaped HTML; identity numbers masked.
 */
import type { Language, OfficeConfig } from "./config.js";
import { officeMail, serviceStandardLines, type Block, type MailText } from "./mailkit.js";
import { t } from "./text/index.js";

export interface StageNoticeInput {
  ticket: string;
  name: string;
  opd: string;
  stageLabel: string;
  /** What brought it here ("diterima" for a new request), and by whom. */
  previousAction: string;
  previousActor: string;
  note: string;
  /** Due time as display text, and the stage's target. */
  due: string;
  targetMinutes: number;
  duplicate: string;
  /** Link to the row in the register. */
  rowUrl: string;
}

export function composeStageNotice(
  input: StageNoticeInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "notice.stage.intro", {
        ticket: input.ticket,
        name: input.name,
        opd: input.opd,
        stage: input.stageLabel,
      }),
    },
    {
      kind: "p",
      text: t(lang, "notice.stage.previous", { action: input.previousAction, actor: input.previousActor }),
    },
  ];
  if (input.note.trim())
    blocks.push({ kind: "p", text: t(lang, "notice.stage.reason", { note: input.note }) });
  if (input.due)
    blocks.push({
      kind: "p",
      text: t(lang, "notice.stage.due", { due: input.due, minutes: input.targetMinutes }),
    });
  if (input.duplicate)
    blocks.push({ kind: "p", text: t(lang, "notice.stage.duplicate", { verdict: input.duplicate }) });
  blocks.push({ kind: "p", text: t(lang, "notice.stage.how") });
  if (input.rowUrl) blocks.push({ kind: "link", text: t(lang, "notice.stage.link"), url: input.rowUrl });
  return officeMail(
    t(lang, "notice.stage.subject", { ticket: input.ticket, stage: input.stageLabel }),
    blocks,
    config,
    lang,
  );
}

export function composeAdminNotice(
  input: { ticket: string; name: string; note: string; rowUrl: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "notice.admin.intro", { ticket: input.ticket, name: input.name, note: input.note }),
    },
  ];
  if (input.rowUrl) blocks.push({ kind: "link", text: t(lang, "notice.stage.link"), url: input.rowUrl });
  return officeMail(t(lang, "notice.admin.subject", { ticket: input.ticket }), blocks, config, lang);
}

export type ApplicantNoticeKind = "rejected" | "held" | "resumed" | "corrected";

/** A notice to the applicant; a reason, when there is one, is always included. */
export function composeApplicantNotice(
  kind: ApplicantNoticeKind,
  input: { ticket: string; name: string; reason: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const p = { ticket: input.ticket };
  const subject = {
    rejected: t(lang, "notice.applicant.rejected.subject", p),
    held: t(lang, "notice.applicant.held.subject", p),
    resumed: t(lang, "notice.applicant.resumed.subject", p),
    corrected: t(lang, "notice.applicant.corrected.subject", p),
  }[kind];
  const intro = {
    rejected: t(lang, "notice.applicant.rejected.intro", p),
    held: t(lang, "notice.applicant.held.intro", p),
    resumed: t(lang, "notice.applicant.resumed.intro", p),
    corrected: t(lang, "notice.applicant.corrected.intro", p),
  }[kind];
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    { kind: "p", text: intro },
  ];
  if (input.reason.trim())
    blocks.push({ kind: "p", text: t(lang, "notice.applicant.reason", { reason: input.reason }) });
  if (kind === "rejected") {
    blocks.push({ kind: "p", text: t(lang, "notice.applicant.rejected.next") });
    blocks.push(
      { kind: "h", text: t(lang, "standard.heading") },
      { kind: "ul", items: serviceStandardLines(config, lang) },
    );
  }
  return officeMail(subject, blocks, config, lang);
}

/**
 * To the address on record when a correction asked for the letter to go elsewhere: the address
 * was kept, and whoever did not send the correction knows whom to tell.
 */
/**
 * To the address on record of a request waiting for correction: a correction came without the
 * right status code and was not applied; the submission became its own request.
 */
export function composeCorrectionRefusedNotice(
  input: { ticket: string; name: string; newTicket: string; requested: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const params = { ticket: input.ticket, newTicket: input.newTicket, requested: input.requested };
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    { kind: "p", text: t(lang, "mail.correction_refused.body", params) },
    { kind: "p", text: t(lang, "mail.correction_refused.how", params) },
  ];
  return officeMail(
    t(lang, "mail.correction_refused.subject", { ticket: input.ticket }),
    blocks,
    config,
    lang,
  );
}

export function composeAddressKeptNotice(
  input: { ticket: string; name: string; requested: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    {
      kind: "p",
      text: t(lang, "mail.address_kept.body", { ticket: input.ticket, requested: input.requested }),
    },
  ];
  return officeMail(t(lang, "mail.address_kept.subject", { ticket: input.ticket }), blocks, config, lang);
}
