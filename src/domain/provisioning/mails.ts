/**
 * The mails around the credential letter (none of which ever contains a password): the letter's
 * own mail, the OPD's copy, the notice of an expired temporary password.
 */
import type { Language, OfficeConfig } from "../config.js";
import { footer, render, type Block, type MailText } from "../mailkit.js";
import { maskNip } from "../identity.js";
import { t } from "../text/index.js";

export interface CredentialMailInput {
  ticket: string;
  name: string;
  address: string;
  letterNumber: string;
  signInUrl: string;
  /** The last day for the first sign-in, as display text. */
  deadline: string;
  /** A password reset letter: its own subject and opening. */
  reset?: boolean;
}

/** The mail that carries the credential letter (PDF attached); the body names no password. */
export function composeCredentialMail(
  input: CredentialMailInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    {
      kind: "p",
      text: t(lang, input.reset ? "provision.mail.reset_intro" : "provision.mail.intro", {
        ticket: input.ticket,
        address: input.address,
      }),
    },
    { kind: "p", text: t(lang, "provision.mail.letter", { number: input.letterNumber }) },
    { kind: "h", text: t(lang, "provision.mail.steps_heading") },
    {
      kind: "ul",
      items: [
        t(lang, "provision.mail.step1", { url: input.signInUrl, address: input.address }),
        t(lang, "provision.mail.step2"),
        t(lang, "provision.mail.step3", { deadline: input.deadline }),
        t(lang, "provision.mail.step4"),
      ],
    },
    { kind: "p", text: t(lang, "provision.mail.care") },
    { kind: "small", text: footer(config, lang) },
  ];
  const subject = input.reset ? "provision.mail.reset_subject" : "provision.mail.subject";
  return render(t(lang, subject, { ticket: input.ticket }), blocks);
}

/** The copy for the OPD: that the account exists and the letter went out (archive copy attached). */
export function composeOpdNotice(
  input: { ticket: string; name: string; nip: string; opd: string; address: string; letterNumber: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "provision.opd.intro", {
        address: input.address,
        name: input.name,
        nip: input.nip ? maskNip(input.nip) : "-",
        opd: input.opd || "-",
        number: input.letterNumber,
      }),
    },
    { kind: "p", text: t(lang, "provision.opd.copy") },
    { kind: "small", text: footer(config, lang) },
  ];
  return render(t(lang, "provision.opd.subject", { ticket: input.ticket, address: input.address }), blocks);
}

/** To the applicant when the sweep invalidated a temporary password that was never used. */
export function composeExpiredNotice(
  input: { ticket: string; name: string; address: string; letterNumber: string },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const contact =
    [config.office.email, config.office.phone].filter((s) => s.trim() !== "").join(", ") ||
    config.complaints ||
    config.office.name;
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "mail.greeting", { name: input.name }) },
    {
      kind: "p",
      text: t(lang, "provision.expired.intro", {
        address: input.address,
        ticket: input.ticket,
        number: input.letterNumber || "-",
      }),
    },
    { kind: "p", text: t(lang, "provision.expired.next", { contact, ticket: input.ticket }) },
    { kind: "small", text: footer(config, lang) },
  ];
  return render(t(lang, "provision.expired.subject", { address: input.address }), blocks);
}
