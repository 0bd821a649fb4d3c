/**
 * The provisioning state a request carries in the register's "Status Pembuatan" column, and
 * what the sweep may do with a row (resumeKind).
 *
 * The state machine (label of the "Status Pembuatan" cell):
 *
 *   ""/gagal ─▶ antre ─▶ membuat ─▶ dibuat ─▶ arsip ─▶ mengirim ─▶ selesai ─▶ digunakan | kedaluwarsa
 *                           │           │        │          │
 *                           └───────────┴────────┴──────────┴──▶ menunggu ulang / menunggu kuota ─▶ (resumed)
 *
 * - antre: "Buat akun" was chosen; the request waits in the queue the provisioning worker
 *   (handlers/worker.ts) drains. Nothing has happened outside the register yet.
 * - membuat: the run holds the request and is about to check the directory and insert the user.
 * - dibuat: the account exists (confirmed) and, in the run that created it, the letter is
 *   numbered in the same write; group membership and the archive copy follow.
 * - arsip: a letter numbered on its own (a resumed run, a reissue); its archive copy (password
 *   masked) is being made.
 * - mengirim: the letter PDF is ready and about to be mailed; the cell keeps the mail quota read
 *   just before sending, so that a run cut off while sending can be told apart afterwards
 *   (quota unchanged on the same day = nothing went out).
 * - selesai: the letter went out; digunakan / kedaluwarsa: the first sign-in happened, or the
 *   unused temporary password was invalidated by the sweep.
 * - menunggu ulang / menunggu kuota: a step failed (the sweep retries it) or the mail quota is
 *   spent (the sweep sends when there is quota again). gagal: a permanent failure.
 * - menunggu lisensi: the account would take the last Workspace licence (flows/licences.ts);
 *   the cell keeps the licences of the settings then, and the sweep resumes once they are raised.
 * - diminta ulang: an administrator asked for a new letter (new number, new password); the sweep
 *   issues it.
 * "In progress" labels belong to a live execution; the sweep takes them over only when they are
 * older than LEASE_MS (an execution never runs longer than 6 minutes).
 */

export const IN_PROGRESS = ["membuat", "dibuat", "arsip", "mengirim"] as const;
/**
 * "menunggu tanggal": a change (domain/changes.ts) approved before its effective date; its time
 * is the moment that day begins in the office's zone, when the sweep takes it up.
 */
export const WAITING = [
  "menunggu ulang",
  "menunggu kuota",
  "menunggu lisensi",
  "diminta ulang",
  "menunggu tanggal",
] as const;
export const FINISHED = ["selesai", "digunakan", "kedaluwarsa"] as const;
export type InProgressLabel = (typeof IN_PROGRESS)[number];
export type WaitingLabel = (typeof WAITING)[number];
export type FinishedLabel = (typeof FINISHED)[number];
export type ProvisionLabel = "antre" | InProgressLabel | WaitingLabel | FinishedLabel | "gagal";

export const PROVISION_LABELS: readonly ProvisionLabel[] = [
  "antre",
  ...IN_PROGRESS,
  ...WAITING,
  ...FINISHED,
  "gagal",
];

/** An execution lasts at most 6 minutes: a state older than this has no live owner. */
export const LEASE_MS = 7 * 60_000;
/**
 * A queued request ("antre") the worker has not claimed for this long is also taken by the sweep
 * (the worker's triggers may be lost or refused). Taking is a claim under the lock: in a long but
 * healthy queue the sweep merely helps the workers.
 */
export const QUEUE_STALE_MS = 15 * 60_000;
/** Failed attempts (each a sweep run) before the sweep gives up and asks an administrator. */
export const MAX_ATTEMPTS = 12;

export interface ProvisionState {
  /** "" when provisioning never started. */
  label: ProvisionLabel | "";
  /** When the state was written (epoch ms); 0 when unknown. */
  atMs: number;
  /** mengirim: the remaining daily mail quota read just before sending. */
  quota?: number;
  /** menunggu ulang / gagal: failed attempts so far. */
  attempts?: number;
  /** A short reason (failures). */
  note?: string;
  /** menunggu lisensi: the licences the settings held when the request stopped. */
  licences?: number;
  /**
   * The run is a reissue (a new letter for a finished request): kept in every state the reissue
   * writes, so that a failed attempt is retried as a reissue and never taken as finished.
   * The value is the previous letter's number ("" when unknown).
   */
  reissueOf?: string;
}

const SEP = " \u00b7 ";
/** The cell's mark of a reissue: "terbit ulang dari <previous letter number>". */
const REISSUE_TOKEN = "terbit ulang dari";

export function isProvisionLabel(s: string): s is ProvisionLabel {
  return (PROVISION_LABELS as readonly string[]).includes(s);
}

/** "mengirim · 2026-11-23T01:05:12.000Z · kuota 1490" (the cell text). */
/**
 * The moment as officials read it, in the office's time and still exact for the program:
 * "2026-11-23T14:20:44+07:00" (ISO 8601 with the office's offset, which Date.parse reads back).
 */
export function localIso(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = utcOffsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(utcOffsetMinutes);
  return `${d}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function formatProvisionState(s: ProvisionState, utcOffsetMinutes = 420): string {
  if (!s.label) return "";
  const parts: string[] = [s.label, localIso(s.atMs, utcOffsetMinutes)];
  if (s.quota !== undefined) parts.push(`kuota ${s.quota}`);
  if (s.attempts !== undefined) parts.push(`percobaan ${s.attempts}`);
  if (s.licences !== undefined) parts.push(`lisensi ${s.licences}`);
  if (s.reissueOf !== undefined)
    parts.push(`${REISSUE_TOKEN} ${s.reissueOf.replace(/\s*\u00b7\s*/g, " ") || "-"}`);
  if (s.note)
    parts.push(
      s.note
        .replace(/\s*\u00b7\s*/g, ", ")
        .replace(/\s+/g, " ")
        .slice(0, 300),
    );
  return parts.join(SEP);
}

/** The state of a cell; unknown text reads as "" (never started) with the text as note. */
export function parseProvisionState(text: string): ProvisionState {
  const raw = text.trim();
  if (!raw) return { label: "", atMs: 0 };
  const parts = raw.split(SEP);
  const label = parts[0]!.trim();
  if (!isProvisionLabel(label)) return { label: "", atMs: 0, note: raw };
  const at = parts[1] ? Date.parse(parts[1]) : NaN;
  const out: ProvisionState = { label, atMs: Number.isFinite(at) ? at : 0 };
  const notes: string[] = [];
  for (const p of parts.slice(2)) {
    const q = /^kuota (\d+)$/.exec(p);
    const a = /^percobaan (\d+)$/.exec(p);
    const l = /^lisensi (\d+)$/.exec(p);
    const u = p.startsWith(`${REISSUE_TOKEN} `) ? p.slice(REISSUE_TOKEN.length + 1) : null;
    if (q) out.quota = Number(q[1]);
    else if (a) out.attempts = Number(a[1]);
    else if (l) out.licences = Number(l[1]);
    else if (u !== null) out.reissueOf = u === "-" ? "" : u;
    else notes.push(p);
  }
  if (notes.length) out.note = notes.join(SEP);
  return out;
}

export function isInProgress(label: string): label is InProgressLabel {
  return (IN_PROGRESS as readonly string[]).includes(label);
}

export function isWaiting(label: string): label is WaitingLabel {
  return (WAITING as readonly string[]).includes(label);
}

/** Whether an in-progress state has outlived any execution that could own it. */
export function isStale(atMs: number, nowMs: number, leaseMs = LEASE_MS): boolean {
  return nowMs - atMs > leaseMs;
}

export type ResumeKind = "none" | "resume" | "resume_if_quota";

/**
 * What the sweep may do with a row. `status` is the request status; `updatedMs` the row's last
 * update (the edit handler writes it when "Buat akun" is chosen, before provisioning claims the
 * row): a row in "membuat akun" whose provisioning never started is taken over once stale.
 * `licences` is the setting now: a request waiting for a licence resumes once it was raised
 * above the number it stopped at (or cleared).
 */
export function resumeKind(
  status: string,
  state: ProvisionState,
  updatedMs: number,
  nowMs: number,
  licences = 0,
): ResumeKind {
  const label = state.label;
  if (label === "diminta ulang") return status === "selesai" || status === "akun dibuat" ? "resume" : "none";
  if (status === "selesai") {
    // The request was closed in the log but the run's last write was lost (the sweep repaired
    // the status from the log): only the state cell is behind. No live run can own it.
    return isInProgress(label) || isWaiting(label) ? "resume" : "none";
  }
  if (status !== "membuat akun" && status !== "akun dibuat") return "none";
  // Queued: the worker's; the sweep takes it only when the queue has stood still for long.
  if (label === "antre")
    return status === "membuat akun" && isStale(state.atMs, nowMs, QUEUE_STALE_MS) ? "resume" : "none";
  if (label === "" || label === "gagal") {
    // Never started (or an earlier attempt failed for good and "Buat akun" was chosen again).
    if (status !== "membuat akun") return "none";
    const since = Math.max(updatedMs, label === "gagal" ? 0 : state.atMs);
    return isStale(since, nowMs) ? "resume" : "none";
  }
  if (isInProgress(label)) return isStale(state.atMs, nowMs) ? "resume" : "none";
  if (label === "menunggu kuota") return "resume_if_quota";
  if (label === "menunggu ulang") return "resume";
  if (label === "menunggu tanggal") return nowMs >= state.atMs ? "resume" : "none";
  if (label === "menunggu lisensi")
    return !(licences > 0) || licences > (state.licences ?? 0) ? "resume" : "none";
  return "none";
}
