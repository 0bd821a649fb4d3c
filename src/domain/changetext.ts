/**
 * A change request's words (domain/changes.ts): its details cell in the register (and the request
 * read back from it), the noted groups' text, the steps as people read them, the staff's check
 * and the notices to the holder.
 */
import type { Language, OfficeConfig, OpdConfig } from "./config.js";
import { findOpd } from "./form.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import { nameProblems } from "./intake.js";
import { formatFullName, mergeTitles, splitName } from "./names.js";
import { formatDateTime, officeZoneOffset } from "./dates.js";
import { tx } from "./text/index.js";

import {
  lower,
  opdTarget,
  parseDepartureReason,
  type ChangeKind,
  type ChangeRequest,
  personNames,
} from "./changes.js";
import { type ChangePlan, type ChangeStep, type AccountRecord } from "./changeplan.js";

// ── Dates and notes ───────────────────────────────────────────────────────────────────

const zoneOffsetOf = (config: OfficeConfig): number => officeZoneOffset(config.timeZone);

/** The instant the office's calendar day `date` (yyyy-MM-dd) begins. */
export function dayStartMs(date: string, utcOffsetMinutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** The noted groups as one cell / log text: "a@x, b@x"; "-" for none (noted, and there were none). */
export function formatGroups(groups: readonly string[]): string {
  return groups.length ? groups.join(", ") : "-";
}

/** The groups of `formatGroups`' text; null for an empty cell (nothing was noted). */
export function parseGroups(text: unknown): string[] | null {
  const s = String(text ?? "").trim();
  if (s === "") return null;
  if (s === "-") return [];
  return s
    .split(/[,\s;]+/)
    .map(lower)
    .filter((g) => /^[^@\s]+@[^@\s]+$/.test(g));
}

// ── The request in the register ──────────────────────────────────────────────────────

/**
 * The cell keys of `formatChangeDetails`: fixed codes in Indonesian whatever the office's
 * language (like the statuses), so that a register reads back the same after a language change.
 */
const DETAIL_KEYS = {
  newName: "nama baru",
  targetOpd: "OPD tujuan",
  reason: "alasan",
  effectiveDate: "berlaku",
  letter: "surat OPD",
} as const;

/**
 * A change's own facts as one register cell, one "key: value" line each, for the officials to
 * read and for the execution to read back (`changeFromDetails`). The OPD is kept by its code and
 * looked up again when the change is made (the OPD sheet may have been corrected meanwhile).
 */
export function formatChangeDetails(r: ChangeRequest): string {
  const lines: string[] = [];
  const one = (s: string): string => s.replace(/\s+/g, " ").trim();
  if (r.newName) lines.push(`${DETAIL_KEYS.newName}: ${one(r.newName.fullName)}`);
  if (r.targetOpd) lines.push(`${DETAIL_KEYS.targetOpd}: ${one(r.targetOpd.code)}`);
  if (r.reason) lines.push(`${DETAIL_KEYS.reason}: ${r.reason}`);
  if (r.effectiveDate) lines.push(`${DETAIL_KEYS.effectiveDate}: ${r.effectiveDate}`);
  lines.push(`${DETAIL_KEYS.letter}: ${one(r.letterNumber)} \u00b7 ${r.letterDate}`);
  return lines.join("\n");
}

/**
 * The request back from the register (the address and NIP from their own cells, the rest from
 * `formatChangeDetails`' cell), with the OPD as the settings name it now. null when the cell is
 * not one this program wrote or lacks what the type needs.
 */
export function changeFromDetails(
  kind: ChangeKind,
  cells: { address: string; nip: string; details: string },
  opds: readonly OpdConfig[],
): ChangeRequest | null {
  const values = new Map<string, string>();
  for (const line of cells.details.split("\n")) {
    const i = line.indexOf(": ");
    if (i > 0) values.set(line.slice(0, i).trim(), line.slice(i + 2).trim());
  }
  const [letterNumber = "", letterDate = ""] = (values.get(DETAIL_KEYS.letter) ?? "").split(" \u00b7 ");
  const effective = values.get(DETAIL_KEYS.effectiveDate) ?? "";
  const request: ChangeRequest = {
    kind,
    address: lower(cells.address),
    nip: cells.nip.replace(/\D/g, ""),
    letterNumber,
    letterDate,
    newName: null,
    targetOpd: null,
    reason: null,
    effectiveDate: /^\d{4}-\d{2}-\d{2}$/.test(effective) ? effective : null,
  };
  if (letterNumber === "" || request.address === "") return null;
  if (kind !== "ubah_nama" && !request.effectiveDate) return null;
  if (kind === "ubah_nama") {
    const typed = values.get(DETAIL_KEYS.newName) ?? "";
    const merged = mergeTitles(splitName(typed), "", "");
    if (merged.name === "" || nameProblems(typed, merged.name).length > 0) return null;
    request.newName = { fullName: formatFullName(merged), ...personNames(merged.name) };
  }
  if (kind === "pindah_opd") {
    const opd = findOpd(values.get(DETAIL_KEYS.targetOpd) ?? "", opds);
    if (!opd) return null;
    request.targetOpd = opdTarget(opd);
  }
  if (kind === "berhenti") {
    request.reason = parseDepartureReason(values.get(DETAIL_KEYS.reason) ?? "");
    if (!request.reason) return null;
  }
  return request;
}

/** The plan's steps as people read them (the log's note of what is about to be done). */
export function describeSteps(steps: readonly ChangeStep[], lang: Language): string {
  return steps
    .map((s) => {
      if (s.op === "join") return tx(lang, "change.step.join", { group: s.group });
      if (s.op === "leave") return tx(lang, "change.step.leave", { group: s.group });
      const p = s.patch;
      const parts: string[] = [];
      if (p.name)
        parts.push(tx(lang, "change.step.name", { name: `${p.name.givenName} ${p.name.familyName}` }));
      if (p.orgUnitPath) parts.push(tx(lang, "change.step.org_unit", { path: p.orgUnitPath }));
      if (p.suspended === true) parts.push(tx(lang, "change.step.suspend"));
      if (p.suspended === false) parts.push(tx(lang, "change.step.unsuspend"));
      return parts.join("; ");
    })
    .join("; ");
}

/** What the staff read in the register at intake (Cek Duplikat): the directory's answer. */
export function changeCheckText(
  request: ChangeRequest,
  plan: ChangePlan,
  record: AccountRecord | null,
  lang: Language,
): string {
  const address = request.address;
  if (plan.verdict === "refuse" && plan.refusal)
    return tx(lang, "change.check.refused", { reason: tx(lang, plan.refusal.code, plan.refusal.params) });
  const state = tx(lang, record?.suspended === true ? "change.state.suspended" : "change.state.active");
  const path = String(record?.orgUnitPath ?? "/");
  if (plan.verdict === "wait")
    return tx(lang, "change.check.wait", { address, state, path, date: request.effectiveDate ?? "-" });
  const found = plan.found.map((f) => tx(lang, f.code, f.params)).join(" ");
  if (plan.verdict === "done") return tx(lang, "change.check.done", { address, found });
  return tx(lang, "change.check.found", { address, state, path, steps: describeSteps(plan.steps, lang) });
}

export interface ChangeNoticeInput {
  ticket: string;
  name: string;
  kind: ChangeKind;
  /** The type's name as people read it (services.ts serviceLabel). */
  kindLabel: string;
  address: string;
  doneMs: number;
  /** What was done now (describeSteps) and what already was so. */
  done: string;
  found: string;
}

/** To the applicant (and the OPD's copy address) once a change was carried out. */
export function composeChangeNotice(
  input: ChangeNoticeInput,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const offset = zoneOffsetOf(config);
  const blocks: Block[] = [
    { kind: "p", text: tx(lang, "mail.greeting", { name: input.name || "-" }) },
    {
      kind: "p",
      text: tx(lang, "change.notice.intro", {
        kind: input.kindLabel,
        address: input.address,
        ticket: input.ticket,
        when: formatDateTime(input.doneMs, offset, lang),
      }),
    },
  ];
  if (input.done) blocks.push({ kind: "p", text: tx(lang, "change.notice.done", { steps: input.done }) });
  if (input.found) blocks.push({ kind: "p", text: tx(lang, "change.notice.found", { found: input.found }) });
  if (input.kind === "berhenti") blocks.push({ kind: "p", text: tx(lang, "change.notice.departure") });
  if (input.kind === "aktif_kembali")
    blocks.push({ kind: "p", text: tx(lang, "change.notice.reactivation") });
  return officeMail(
    tx(lang, "change.notice.subject", {
      ticket: input.ticket,
      kind: input.kindLabel,
      address: input.address,
    }),
    blocks,
    config,
    lang,
  );
}
