/**
 * The provisioning queue's workers, the pure part: the record kept in Script Properties of the
 * worker trigger that is pending and of the workers that run, and the rules that decide when a
 * worker is scheduled (handlers/worker.ts, workspace/worker.ts).
 *
 * "Buat akun" only queues a request (state "antre"). A worker is a time-driven execution that
 * creates accounts back to back within WORKER_BUDGET_MS and then ends; while work remains it
 * schedules the next one with a one-shot trigger (`after`). At most one worker trigger is pending
 * at any time (checked and written under the script lock); several workers may run at once, each
 * claiming one request at a time under the lock, up to MAX_WORKERS.
 */

/** A worker stops claiming new requests after this long: it ends well within the 6-minute limit. */
export const WORKER_BUDGET_MS = 4 * 60_000;
/**
 * The delay asked for a worker trigger. Apps Script runs it no sooner, and in practice up to a
 * minute or so later (time-driven triggers have minute granularity).
 */
export const WORKER_DELAY_MS = 1_000;
/** A pending trigger this long past its time has been lost (or its worker died before starting). */
export const PENDING_GRACE_MS = 5 * 60_000;
/** A worker that started this long ago has ended, whatever its record says (executions last ≤ 6 min). */
export const RUNNING_LEASE_MS = 6 * 60_000;
/**
 * Workers a worker calls at most (they share the script lock and Apps Script's 30 simultaneous
 * executions per user). Only a worker that starts calls another at once, while fewer run; the one
 * pending trigger keeps it so (a worker ending with work left calls its successor, which may start
 * a moment before the last one's execution is over).
 */
export const MAX_WORKERS = 6;
/** About how many requests one worker finishes in its budget: more queued than that calls a second worker. */
export const REQUESTS_PER_WORKER = 8;

export interface WorkerRecord {
  /** The worker trigger created and not yet fired: its unique id and when it was asked to run. */
  pending?: { uid: string; dueMs: number };
  /** Running workers: trigger uid (or a made-up id) → start time. */
  running: Record<string, number>;
}

export function parseWorkerRecord(text: string | null | undefined): WorkerRecord {
  const out: WorkerRecord = { running: {} };
  if (!text) return out;
  try {
    const raw = JSON.parse(text) as { pending?: unknown; running?: unknown };
    const p = raw.pending as { uid?: unknown; dueMs?: unknown } | undefined;
    if (p && typeof p.uid === "string" && typeof p.dueMs === "number")
      out.pending = { uid: p.uid, dueMs: p.dueMs };
    if (raw.running && typeof raw.running === "object")
      for (const [uid, ms] of Object.entries(raw.running as Record<string, unknown>))
        if (typeof ms === "number") out.running[uid] = ms;
  } catch {
    // An unreadable record is an empty one: at worst one worker trigger too many is created.
  }
  return out;
}

export function formatWorkerRecord(r: WorkerRecord): string {
  return JSON.stringify(r.pending ? { pending: r.pending, running: r.running } : { running: r.running });
}

/** Whether the recorded pending trigger can still be counted on to fire. */
export function pendingAlive(r: WorkerRecord, nowMs: number): boolean {
  return !!r.pending && nowMs <= r.pending.dueMs + PENDING_GRACE_MS;
}

/** The record without workers that cannot be running any more. */
export function pruneRunning(r: WorkerRecord, nowMs: number): WorkerRecord {
  const running: Record<string, number> = {};
  for (const [uid, ms] of Object.entries(r.running)) if (nowMs - ms < RUNNING_LEASE_MS) running[uid] = ms;
  return { ...r, running };
}

/**
 * Whether a worker that just started (and counts itself among `running`) calls another one now:
 * when more requests are queued than the running workers finish in one budget, up to MAX_WORKERS.
 */
export function wantsAnotherWorker(queued: number, running: number): boolean {
  return running < MAX_WORKERS && queued > running * REQUESTS_PER_WORKER;
}

/**
 * The order a worker walks its snapshot of the queue in: from a random position (so that workers
 * running at once rarely reach for the same request), wrapping around.
 */
export function rotate<T>(items: readonly T[], random: number): T[] {
  if (items.length === 0) return [];
  const start = Math.floor((Math.abs(random) % 1) * items.length) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** A number in [0, 1) from the random bits of a type-4 UUID (Utilities.getUuid; never Math.random). */
export function fractionOf(uuid: string): number {
  const hex = uuid.replace(/[^0-9a-f]/gi, "").slice(0, 8);
  return hex.length === 8 ? parseInt(hex, 16) / 4294967296 : 0;
}
