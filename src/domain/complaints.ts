/**
 * Complaints (pengaduan) about the service, pure rules: what a complaint must contain, its own
 * number (ADU-yyMM-nnnn), its states and the handlers' actions (chosen in the Pengaduan sheet's
 * dropdown, as dispositions are), and the mails to the handlers and to the complainant.
 */
import type { LogEntry } from "./audit.js";
import type { Language, OfficeConfig } from "./config.js";
import { markFromLog, type ReminderMark } from "./reminders.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import { formatDateTime } from "./dates.js";
import { formatTicket, normalizeTicket } from "./request.js";
import { t, tx, type MessageKey, type MessageRef } from "./text/index.js";

export const COMPLAINT_PREFIX = "ADU";

/**
 * The actor of a complaint's filing in the log: the page has no sign-in, so the address typed is
 * nobody's verified identity, and the log (never rewritten) must not keep personal data that
 * retention erases from the Pengaduan sheet. An identifier, like "sistem".
 */
export const COMPLAINANT_ACTOR = "pengadu";

export type ComplaintStatus = "baru" | "ditanggapi" | "selesai";

export function isComplaintStatus(v: string): v is ComplaintStatus {
  return v === "baru" || v === "ditanggapi" || v === "selesai";
}
export type ComplaintAction = "tanggapi" | "selesaikan";
export const COMPLAINT_ACTIONS: readonly ComplaintAction[] = ["tanggapi", "selesaikan"];

/** How a complaint state is written in the hash-chained log ("pengaduan/baru"): never a request state. */
export function complaintStateLabel(status: ComplaintStatus | ""): string {
  return status ? `pengaduan/${status}` : "";
}

export function complaintNumber(yyMM: string, serial: number): string {
  return formatTicket(COMPLAINT_PREFIX, yyMM, serial);
}

export const MAX_TEXT = 2000;
export const MAX_NAME = 100;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export interface ComplaintInput {
  name: string;
  email: string;
  ticket: string;
  text: string;
}

export interface CheckedComplaint {
  name: string;
  email: string;
  /** The ticket in canonical form, or "" for a complaint in general. */
  ticket: string;
  text: string;
}

/** Checks a complaint as typed; every problem is a message for the person filing it. */
export function checkComplaint(
  input: Partial<Record<keyof ComplaintInput, unknown>>,
): { ok: true; value: CheckedComplaint } | { ok: false; problems: MessageRef[] } {
  const str = (v: unknown): string => (typeof v === "string" ? v : "").trim();
  const name = str(input.name).replace(/\s+/g, " ");
  const email = str(input.email).toLowerCase();
  const typedTicket = str(input.ticket);
  const text = str(input.text);
  const problems: MessageRef[] = [];
  if (!name) problems.push({ code: "complaint.problem.name" });
  else if (name.length > MAX_NAME)
    problems.push({ code: "complaint.problem.name_long", params: { max: MAX_NAME } });
  if (!EMAIL.test(email)) problems.push({ code: "complaint.problem.email" });
  let ticket = "";
  if (typedTicket) {
    const n = normalizeTicket(typedTicket);
    if (!n) problems.push({ code: "complaint.problem.ticket", params: { ticket: typedTicket.slice(0, 40) } });
    else ticket = n;
  }
  if (text.length < 10) problems.push({ code: "complaint.problem.text" });
  else if (text.length > MAX_TEXT)
    problems.push({ code: "complaint.problem.text_long", params: { max: MAX_TEXT } });
  return problems.length ? { ok: false, problems } : { ok: true, value: { name, email, ticket, text } };
}

export function complaintActionLabel(lang: Language, action: ComplaintAction): string {
  return t(lang, action === "tanggapi" ? "complaint.action.tanggapi" : "complaint.action.selesaikan");
}

/** The action a dropdown label stands for, in either language. */
export function parseComplaintAction(label: string): ComplaintAction | null {
  const v = label.trim().toLowerCase();
  for (const a of COMPLAINT_ACTIONS)
    for (const lang of ["id", "en"] as const) if (complaintActionLabel(lang, a).toLowerCase() === v) return a;
  return null;
}

export function complaintStatusLabel(lang: Language, status: ComplaintStatus): string {
  return tx(lang, `complaint.status.${status}` as MessageKey);
}

/**
 * Who is told when a complaint passes its target unanswered (`eskalasi_pengaduan`): each entry a
 * stage key (its officials) or an address; none set: the first stage's officials (the head of
 * office, as the SOP names the Kadis first); "-": nobody.
 */
export function complaintEscalation(config: OfficeConfig): string[] {
  const set = (config.complaintDesk.escalateTo ?? []).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (set.includes("-")) return [];
  const named = set.length > 0 ? set : config.stages[0] ? [config.stages[0].key] : [];
  const out = named.flatMap((v) =>
    v.includes("@") ? [v] : (config.stages.find((s) => s.key === v)?.officials ?? []),
  );
  return [...new Set(out.map((a) => a.toLowerCase()))];
}

/** What a digest line says a complaint is about (no personal data): the ticket, or "general". */
export function complaintSubject(lang: Language, ticket: string): string {
  return ticket ? t(lang, "complaint.digest.about", { ticket }) : t(lang, "complaint.digest.general");
}

/** Where the log says a complaint is (the log is the record; reconcile.ts repairs the row from it). */
export interface LoggedComplaint {
  status: ComplaintStatus;
  /** The last entry the row reflects (a refused attempt is logged but not written to the row). */
  lastSeq: number;
  maxSeq: number;
  /** Reminders and escalations logged while it waited for its first response. */
  reminders: ReminderMark;
  /** The last response, and the closing (0 = none). */
  lastResponseMs: number;
  closedMs: number;
}

const COMPLAINT_STATES = new Set<string>(["baru", "ditanggapi", "selesai"]);

/** Replays one complaint's entries (log order) into the state its row should show; null if none. */
export function complaintFromLog(entries: readonly LogEntry[]): LoggedComplaint | null {
  let status: ComplaintStatus | null = null;
  let lastSeq = 0;
  let maxSeq = 0;
  let filedMs = 0;
  let lastResponseMs = 0;
  let closedMs = 0;
  for (const e of entries) {
    const to = e.to.startsWith("pengaduan/") ? e.to.slice("pengaduan/".length) : "";
    if (!COMPLAINT_STATES.has(to)) continue;
    maxSeq = Math.max(maxSeq, e.seq);
    if (e.action === "ditolak_sistem") continue;
    if (!status) filedMs = e.timeMs;
    status = to as ComplaintStatus;
    lastSeq = e.seq;
    if (e.action === "pengaduan_ditanggapi" || e.action === "pengaduan_selesai") lastResponseMs = e.timeMs;
    if (e.action === "pengaduan_selesai") closedMs = e.timeMs;
  }
  if (!status) return null;
  const reminders = markFromLog(
    entries.filter((e) => e.to === "pengaduan/baru"),
    filedMs,
  );
  return { status, lastSeq, maxSeq, reminders, lastResponseMs, closedMs };
}

export type ComplaintDecision =
  { ok: true; status: ComplaintStatus; notifyComplainant: boolean } | { ok: false; reason: MessageRef };

/** What a handler's action does to a complaint. A response text is always required. */
export function decideComplaint(input: {
  status: ComplaintStatus;
  action: ComplaintAction;
  note: string;
  actor: string;
  config: OfficeConfig;
}): ComplaintDecision {
  const actor = input.actor.trim().toLowerCase();
  const allowed = [...input.config.complaintDesk.handlers, ...input.config.admins].map((a) =>
    a.toLowerCase(),
  );
  if (!actor || !allowed.includes(actor))
    return { ok: false, reason: { code: "complaint.refused.not_handler" } };
  if (input.status === "selesai") return { ok: false, reason: { code: "complaint.refused.closed" } };
  if (!input.note.trim()) return { ok: false, reason: { code: "complaint.refused.note" } };
  return {
    ok: true,
    status: input.action === "selesaikan" ? "selesai" : "ditanggapi",
    notifyComplainant: true,
  };
}

// ── Mails ──────────────────────────────────────────────────────────────────────

/**
 * The receipt to the address the complainant typed. Anyone can type any address, so it carries
 * nothing the complainant typed (no name, no text): else the office's own sender would carry an
 * anonymous visitor's words (a link, a false warning) to any mailbox under the government's name.
 */
export function composeComplaintReceipt(
  input: { number: string; ticket: string; dueMs: number; offset: number },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "complaint.mail.greeting") },
    { kind: "p", text: t(lang, "complaint.mail.receipt.intro", { number: input.number }) },
  ];
  if (input.ticket)
    blocks.push({ kind: "p", text: t(lang, "complaint.mail.about", { ticket: input.ticket }) });
  blocks.push(
    {
      kind: "p",
      text: t(lang, "complaint.mail.receipt.due", { due: formatDateTime(input.dueMs, input.offset, lang) }),
    },
    { kind: "p", text: t(lang, "complaint.mail.receipt.not_you") },
  );
  return officeMail(
    t(lang, "complaint.mail.receipt.subject", { number: input.number }),
    blocks,
    config,
    lang,
  );
}

export function composeComplaintNotice(
  input: {
    number: string;
    name: string;
    email: string;
    ticket: string;
    text: string;
    dueMs: number;
    offset: number;
    rowUrl: string;
  },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "complaint.mail.notice.intro", {
        number: input.number,
        name: input.name,
        email: input.email,
      }),
    },
  ];
  if (input.ticket)
    blocks.push({ kind: "p", text: t(lang, "complaint.mail.about", { ticket: input.ticket }) });
  blocks.push(
    { kind: "p", text: t(lang, "complaint.mail.text", { text: input.text }) },
    {
      kind: "p",
      text: t(lang, "complaint.mail.notice.due", { due: formatDateTime(input.dueMs, input.offset, lang) }),
    },
    { kind: "p", text: t(lang, "complaint.mail.notice.how") },
  );
  if (input.rowUrl)
    blocks.push({ kind: "link", text: t(lang, "complaint.mail.notice.link"), url: input.rowUrl });
  return officeMail(t(lang, "complaint.mail.notice.subject", { number: input.number }), blocks, config, lang);
}

/** A handler's response; greets without the typed name (see composeComplaintReceipt). */
export function composeComplaintResponse(
  input: { number: string; response: string; closed: boolean },
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "complaint.mail.greeting") },
    { kind: "p", text: t(lang, "complaint.mail.response.intro", { number: input.number }) },
    { kind: "p", text: input.response },
    {
      kind: "p",
      text: t(lang, input.closed ? "complaint.mail.response.closed" : "complaint.mail.response.open", {
        number: input.number,
      }),
    },
  ];
  return officeMail(
    t(lang, "complaint.mail.response.subject", { number: input.number }),
    blocks,
    config,
    lang,
  );
}
