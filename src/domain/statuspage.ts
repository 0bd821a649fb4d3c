/**
 * The applicant's status page, pure rules: the per-request secret code printed on the receipt, the
 * minimal public status record (no officials' notes, no personal data beyond the first name), what
 * the page shows, and the attempt limits that keep codes from being guessed.
 */
import { addWorkingMinutes, calendarFromConfig, workingMinutesBetween } from "./calendar.js";
import type { Language, OfficeConfig } from "./config.js";
import { formatDateTime } from "./dates.js";
import { UuidBits } from "./password.js";
import { isStatus, isTerminal, statusTextKey, type Status } from "./request.js";
import { isErasureMarker } from "./retention.js";
import { t, tx, type MessageKey } from "./text/index.js";

// ── The secret code ────────────────────────────────────────────────────────────

/** Crockford's base32: no I, L, O or U; what a person types is read leniently (readCode). */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 12 characters of 5 random bits each: 60 bits. */
export const CODE_LENGTH = 12;

/** A new code from UUID randomness (never Math.random), shown as XXXX-XXXX-XXXX. */
export function generateStatusCode(nextUuid: () => string): string {
  const bits = new UuidBits(nextUuid);
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bits.take(5)]!;
  return formatCode(code);
}

export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/**
 * The canonical form of a typed code (case, spaces and dashes ignored; O read as 0, I and L as 1),
 * or null when it cannot be one.
 */
export function readCode(text: string): string | null {
  const s = String(text ?? "")
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** What is hashed (with the secret key) for a ticket's code: the ticket binds the code to it. */
export function codeMessage(ticket: string, canonicalCode: string): string {
  return `${ticket}:${canonicalCode}`;
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The first given name only ("Ahmad Fauzi" → "Ahmad"); the page shows nothing more of a person. */
export function firstName(name: string): string {
  return (
    String(name ?? "")
      .trim()
      .split(/\s+/)[0] ?? ""
  );
}

// ── The public record ───────────────────────────────────────────────────────────

/** One visit of a status/stage: when it began. */
export interface HistoryStep {
  status: Status;
  stageKey: string;
  atMs: number;
}

export interface StatusRecord {
  ticket: string;
  firstName: string;
  status: Status;
  stageKey: string;
  /** When the current stage (or status) was entered. */
  sinceMs: number;
  /** When the request was received (the service standard counts from there). */
  receivedMs: number;
  history: HistoryStep[];
}

/** History as stored in one cell: compact JSON, at most this many steps (the newest kept). */
export const MAX_HISTORY = 40;

export function historyToText(history: readonly HistoryStep[]): string {
  return JSON.stringify(history.slice(-MAX_HISTORY).map((h) => [h.status, h.stageKey, h.atMs]));
}

export function historyFromText(text: string): HistoryStep[] {
  try {
    const raw = JSON.parse(text || "[]") as unknown;
    if (!Array.isArray(raw)) return [];
    const out: HistoryStep[] = [];
    for (const item of raw) {
      if (!Array.isArray(item)) continue;
      const [status, stageKey, atMs] = item as [unknown, unknown, unknown];
      if (typeof status === "string" && isStatus(status) && typeof atMs === "number")
        out.push({ status, stageKey: typeof stageKey === "string" ? stageKey : "", atMs });
    }
    return out;
  } catch {
    return [];
  }
}

/** Reads a log entry's "to" ("diproses/kabid", "selesai") as a state, or null when it is not one. */
export function parseStateLabel(label: string): { status: Status; stageKey: string } | null {
  const slash = label.indexOf("/");
  const status = slash < 0 ? label : label.slice(0, slash);
  if (!isStatus(status)) return null;
  return { status, stageKey: slash < 0 ? "" : label.slice(slash + 1) };
}

/**
 * The record after a state change; the same record when nothing visible changed (an entry that
 * stays in the same status and stage: a refused edit, a reminder, a note).
 */
export function applyTransition(
  record: StatusRecord,
  next: { status: Status; stageKey: string; atMs: number },
): StatusRecord {
  if (record.status === next.status && record.stageKey === next.stageKey) return record;
  return {
    ...record,
    status: next.status,
    stageKey: next.stageKey,
    sinceMs: next.atMs,
    history: [...record.history, { status: next.status, stageKey: next.stageKey, atMs: next.atMs }].slice(
      -MAX_HISTORY,
    ),
  };
}

// ── What the page shows ─────────────────────────────────────────────────────────

export interface StatusView {
  ticket: string;
  firstName: string;
  statusLabel: string;
  stageLabel: string;
  next: string;
  /** Expected completion as text ("" when none can be promised: on hold, waiting for the applicant, closed). */
  expected: string;
  late: boolean;
  history: { label: string; at: string }[];
}

function stageName(config: OfficeConfig, key: string): string {
  return config.stages.find((s) => s.key === key)?.label ?? key;
}

function stepLabel(config: OfficeConfig, lang: Language, step: HistoryStep): string {
  const status = tx(lang, statusTextKey(step.status));
  return step.stageKey ? `${stageName(config, step.stageKey)} (${status})` : status;
}

/** Working minutes still planned from `nowMs`: what is left of this stage's target, then the later stages'. */
export function remainingMinutes(config: OfficeConfig, record: StatusRecord, nowMs: number): number | null {
  const open: Status[] = ["baru", "diproses", "disetujui", "membuat akun", "akun dibuat"];
  if (!open.includes(record.status)) return null;
  const cal = calendarFromConfig(config);
  const i = config.stages.findIndex((s) => s.key === record.stageKey);
  if (i < 0) return record.status === "akun dibuat" || record.status === "membuat akun" ? 0 : null;
  const spent = workingMinutesBetween(record.sinceMs, Math.max(nowMs, record.sinceMs), cal);
  const here = Math.max(0, config.stages[i]!.targetMinutes - spent);
  return here + config.stages.slice(i + 1).reduce((sum, s) => sum + s.targetMinutes, 0);
}

const NEXT_KEYS: Record<Status, MessageKey> = {
  baru: "status_page.next.in_stage",
  diproses: "status_page.next.in_stage",
  "perlu perbaikan": "status_page.next.correction",
  ditahan: "status_page.next.held",
  ditolak: "status_page.next.rejected",
  disetujui: "status_page.next.creating",
  "membuat akun": "status_page.next.creating",
  "akun dibuat": "status_page.next.letter",
  selesai: "status_page.next.done",
};

export function statusView(
  config: OfficeConfig,
  record: StatusRecord,
  nowMs: number,
  offsetMinutes: number,
  lang: Language = config.language,
): StatusView {
  const stages = config.stages;
  const i = stages.findIndex((s) => s.key === record.stageKey);
  const later = i >= 0 ? stages.slice(i + 1).map((s) => s.label) : [];
  const next = tx(lang, NEXT_KEYS[record.status], {
    stage: i >= 0 ? stages[i]!.label : "",
    later: later.length ? later.join(" \u2192 ") : t(lang, "status_page.next.account"),
  });
  const left = remainingMinutes(config, record, nowMs);
  let expected = "";
  let late = false;
  if (left !== null) {
    const cal = calendarFromConfig(config);
    const at = addWorkingMinutes(Math.max(nowMs, record.sinceMs), left, cal);
    expected = formatDateTime(at, offsetMinutes, lang);
    const standardDue = addWorkingMinutes(record.receivedMs, config.time.serviceMinutes, cal);
    late = !isTerminal(record.status) && nowMs > standardDue;
  }
  return {
    ticket: record.ticket,
    // Erased by retention: the marker is not a name.
    firstName: isErasureMarker(record.firstName) ? "" : record.firstName,
    statusLabel: tx(lang, statusTextKey(record.status)),
    stageLabel: i >= 0 ? stages[i]!.label : "",
    next,
    expected,
    late,
    history: record.history.map((h) => ({
      label: stepLabel(config, lang, h),
      at: formatDateTime(h.atMs, offsetMinutes, lang),
    })),
  };
}

// ── Attempt limits ─────────────────────────────────────────────────────────────

/** Failed attempts allowed per ticket (typed however it is typed) within the window. */
export const TICKET_FAILURES = 5;
/** Failed attempts allowed over all tickets within the window: bounds enumeration across tickets. */
export const GLOBAL_FAILURES = 200;
export const WINDOW_MS = 60 * 60_000;

export interface Counter {
  count: number;
  sinceMs: number;
}

export function counterNow(c: Counter | null, nowMs: number): Counter {
  return c && nowMs - c.sinceMs < WINDOW_MS ? c : { count: 0, sinceMs: nowMs };
}

/** Whether a lookup may be tried now (a locked ticket is refused even with the right code). */
export function mayTry(ticket: Counter, all: Counter, nowMs: number): boolean {
  return counterNow(ticket, nowMs).count < TICKET_FAILURES && counterNow(all, nowMs).count < GLOBAL_FAILURES;
}

export function afterFailure(c: Counter | null, nowMs: number): Counter {
  const cur = counterNow(c, nowMs);
  return { count: cur.count + 1, sinceMs: cur.sinceMs };
}

/** The key the per-ticket counter is kept under: any typed text (an unknown ticket counts the same). */
export function attemptKey(typedTicket: string): string {
  const s = String(typedTicket ?? "")
    .toUpperCase()
    .replace(/\s+/g, "")
    .slice(0, 40);
  return `status:fail:${s}`;
}
