/**
 * Administrators' requests (docs/SECURITY.md, "Trust boundary"): every admin operation is asked for
 * on the protected admin sheet and carried out by the service account's edit trigger, which checks
 * the requester against the settings. This module is the table of operations, their labels in
 * both languages, what each needs, who may ask, and the checks of a new delivery address.
 */
import type { Language, OfficeConfig } from "./config.js";
import { checkPersonalEmail } from "./personalemail.js";
import { message, t, tx, type MessageKey } from "./text/index.js";

export type AdminOp =
  | "setup"
  | "sweep"
  | "verify"
  | "verifyFull"
  | "reissue"
  | "address"
  | "resend"
  | "retry"
  | "suspend"
  | "batchNew"
  | "batchImport";

export interface AdminOpSpec {
  op: AdminOp;
  label: MessageKey;
  /** Needs a ticket number. */
  ticket: boolean;
  /** Needs a value (the new address). */
  value: boolean;
  /** Needs a reason and evidence (a change of personal data). */
  reason: boolean;
}

export const ADMIN_OPS: readonly AdminOpSpec[] = [
  { op: "setup", label: "admin.op.setup", ticket: false, value: false, reason: false },
  { op: "sweep", label: "admin.op.sweep", ticket: false, value: false, reason: false },
  { op: "verify", label: "admin.op.verify", ticket: false, value: false, reason: false },
  { op: "verifyFull", label: "admin.op.verify_full", ticket: false, value: false, reason: false },
  { op: "reissue", label: "admin.op.reissue", ticket: true, value: false, reason: false },
  { op: "address", label: "admin.op.address", ticket: true, value: true, reason: true },
  { op: "resend", label: "admin.op.resend", ticket: true, value: false, reason: false },
  { op: "retry", label: "admin.op.retry", ticket: true, value: false, reason: false },
  { op: "suspend", label: "admin.op.suspend", ticket: true, value: false, reason: false },
  { op: "batchNew", label: "admin.op.batch_new", ticket: false, value: false, reason: false },
  // The ticket cell holds the batch's id (MSL-yyMM-nnnn).
  { op: "batchImport", label: "admin.op.batch_import", ticket: true, value: false, reason: false },
];

/** The dropdown's labels in the office's language. */
export function adminOpLabels(lang: Language): string[] {
  return ADMIN_OPS.map((s) => tx(lang, s.label));
}

/** An operation from its label in either language (a label chosen before a language change still works). */
export function parseAdminOp(label: string): AdminOpSpec | null {
  const text = label.trim().toLowerCase();
  if (!text) return null;
  for (const spec of ADMIN_OPS) {
    for (const lang of ["id", "en"] as const) if (tx(lang, spec.label).toLowerCase() === text) return spec;
  }
  return null;
}

/** The words a request arrived with (the admin sheet's input cells). */
export interface AdminRequestInput {
  label: string;
  ticket: string;
  value: string;
  reason: string;
  evidence: string;
}

export type AdminVerdict =
  { ok: true; spec: AdminOpSpec; ticket: string; value: string } | { ok: false; reason: string };

/**
 * Who may ask and whether the request is complete. `requester` is the editor's address as the
 * edit event gave it ("" when Google hid it); `serviceAccount` is the account the triggers run as:
 * an edit that claims to come from it was made through a shared link (reported: link editors
 * appear as the owner), since the service account never edits by hand.
 */
export function judgeAdminRequest(
  config: OfficeConfig,
  requester: string,
  serviceAccount: string,
  input: AdminRequestInput,
): AdminVerdict {
  const lang = config.language;
  const who = requester.trim().toLowerCase();
  if (!who) return { ok: false, reason: t(lang, "admin.refuse.hidden") };
  if (who === serviceAccount.trim().toLowerCase())
    return { ok: false, reason: t(lang, "admin.refuse.owner") };
  if (!config.admins.map((a) => a.trim().toLowerCase()).includes(who))
    return { ok: false, reason: t(lang, "admin.refuse.not_admin", { who }) };
  const spec = parseAdminOp(input.label);
  if (!spec) return { ok: false, reason: t(lang, "admin.refuse.unknown", { label: input.label }) };
  const ticket = input.ticket.trim().toUpperCase();
  if (spec.ticket && !ticket) return { ok: false, reason: t(lang, "admin.refuse.ticket") };
  const value = input.value.trim().toLowerCase();
  if (spec.value) {
    if (!value) return { ok: false, reason: t(lang, "admin.refuse.value") };
    const problems = checkPersonalEmail(value, config.domain).filter((p) => p.code !== "email.typo");
    if (problems.length > 0) return { ok: false, reason: message(lang, problems[0]!) };
  }
  if (spec.reason) {
    if (!input.reason.trim()) return { ok: false, reason: t(lang, "admin.refuse.reason") };
    if (!input.evidence.trim()) return { ok: false, reason: t(lang, "admin.refuse.evidence") };
  }
  return { ok: true, spec, ticket, value };
}

/** An e-mail address masked for the log: the first two letters of the name and the domain. */
export function maskEmail(address: string): string {
  const a = address.trim();
  const at = a.lastIndexOf("@");
  if (at < 0) return a ? "***" : "";
  const local = a.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${a.slice(at)}`;
}
