/**
 * The provisioning worker's run (handlers/worker.ts is its trigger door): creates the accounts of
 * queued requests back to back. "Buat akun" in the register only records the decision (state
 * "antre") and makes sure a worker trigger is pending; the account, the letter and the request's
 * closing are this run's (run.ts, the same exactly-once run the sweep resumes).
 *
 * One run: the queue is read once (two columns of the register, outside the lock), walked from a
 * random position; each request is claimed under the script lock (only while it is still queued:
 * workers running at once never both take one) and provisioned. When more is queued than the
 * workers running will finish, another worker is called at once (at most one trigger pending, up
 * to MAX_WORKERS running); when the budget is spent and work remains, the next one is called. A
 * run cut off anywhere leaves its request in progress for the sweep, which resumes it after the
 * lease, and its queue to the other workers or to the sweep, which calls a new worker.
 */
import { fractionOf, rotate, wantsAnotherWorker, WORKER_BUDGET_MS } from "../../domain/queue.js";
import { parseProvisionState } from "../../domain/provisioning/state.js";
import type { Ctx } from "../../workspace/context.js";
import { logError } from "../../workspace/errors.js";
import { withScriptLock } from "../../workspace/lock.js";
import { registerTable } from "../../workspace/register.js";
import { uuid } from "../../workspace/runtime.js";
import { cellText } from "../../workspace/registercodec.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import {
  deleteSpentTrigger,
  ensureWorker,
  workerEnded,
  workerStarted,
  type Scheduling,
} from "../../workspace/worker.js";
import { batchImportsPending } from "../batch.js";
import { continueImports, type ImportRun } from "../batch-import.js";
import type { ProvisionResult } from "./claim.js";
import { provisionQueued } from "./run.js";

export interface WorkerReport {
  /** Requests this run provisioned (or tried), with the result. */
  done: { ticket: string; result: ProvisionResult }[];
  /** Requests still queued when the run ended (as it last saw the queue). */
  left: number;
  /** The next worker: already pending, created by this run, or none needed. */
  next: Scheduling | "none" | "failed";
  /** Set when the worker refused to work (another account than the service account runs it). */
  refused?: string;
  /** Bulk imports this run continued (batch.ts): a worker carries an import past one execution. */
  imports?: ImportRun[];
}

interface Queued {
  ticket: string;
  rowNumber: number;
}

/** The queued requests as the register shows them now (two column reads, no lock). */
function readQueue(ctx: Ctx, skip: ReadonlySet<string>): Queued[] {
  if (!ctx.ss.getSheetByName(SHEET_NAMES.register)) return [];
  const cols = registerTable(ctx.ss).readColumns(["ticket", "provisioning"] as const);
  const out: Queued[] = [];
  cols.provisioning.forEach((cell, i) => {
    const ticket = cellText(cols.ticket[i]);
    if (!ticket || skip.has(ticket)) return;
    if (parseProvisionState(cellText(cell)).label === "antre") out.push({ ticket, rowNumber: i + 2 });
  });
  return rotate(out, fractionOf(uuid()));
}

/** This run ends and calls the next worker, under the lock; a refusal is logged (the sweep calls one later). */
function callNext(ctx: Ctx, uid: string): Scheduling | "failed" {
  try {
    return withScriptLock(() => {
      workerEnded(uid, Date.now());
      return ensureWorker(Date.now());
    });
  } catch (e) {
    logError(ctx.ss, "worker", "", e);
    return "failed";
  }
}

/** This run's trigger has fired: it goes (a run started by hand has none). */
function dropOwnTrigger(ctx: Ctx, uid: string, start: number): void {
  if (uid === `run-${start}`) return;
  try {
    deleteSpentTrigger(uid);
  } catch (err) {
    logError(ctx.ss, "worker", "", err);
  }
}

function safePending(ctx: Ctx): boolean {
  try {
    return batchImportsPending();
  } catch (err) {
    logError(ctx.ss, "worker", "", err);
    return false;
  }
}

/**
 * One worker run, after the handler's checks: imports first, then the queue, each request
 * claimed and provisioned, then the next worker called when work is left. `uid` names this run's
 * trigger (`run-<start>` for a run started by hand).
 */
export function drainQueue(ctx: Ctx, uid: string, start: number): WorkerReport {
  const report: WorkerReport = { done: [], left: 0, next: "none" };
  const attempted = new Set<string>();
  // The queue as the register shows it now; unknown (null) when it cannot be read.
  const read = (): Queued[] | null => {
    try {
      return readQueue(ctx, attempted);
    } catch (err) {
      logError(ctx.ss, "worker", "", err);
      return null;
    }
  };
  let queue = read() ?? [];
  // A new trigger deletes every spent worker trigger, this run's own among them.
  let cleaned = false;
  try {
    withScriptLock(() => {
      const running = workerStarted(uid, start);
      if (wantsAnotherWorker(queue.length, running)) report.next = ensureWorker(Date.now());
      cleaned = report.next === "scheduled";
    });
  } catch (err) {
    logError(ctx.ss, "worker", "", err);
  }
  // A bulk import waiting to continue goes first: its people must be registered before anyone can
  // act on them, and the queue's accounts were decided already.
  if (safePending(ctx)) {
    try {
      report.imports = continueImports(ctx, () => Date.now() - start < WORKER_BUDGET_MS);
    } catch (err) {
      logError(ctx.ss, "worker", "", err);
    }
  }
  let unsure = false;
  for (;;) {
    if (Date.now() - start >= WORKER_BUDGET_MS) {
      unsure = queue.length === 0;
      break;
    }
    // The snapshot ran out, or went stale (another worker took a request first): read it again.
    if (queue.length === 0) {
      const fresh = read();
      if (fresh === null) unsure = true;
      queue = fresh ?? [];
    }
    const item = queue.shift();
    if (!item) break;
    attempted.add(item.ticket);
    let result: ProvisionResult;
    try {
      result = provisionQueued(ctx, item.ticket, item.rowNumber);
    } catch (err) {
      logError(ctx.ss, "worker", item.ticket, err);
      continue;
    }
    if (result === "dilewati") queue = [];
    else report.done.push({ ticket: item.ticket, result });
  }
  // Work left (or perhaps left: the budget ran out, the queue could not be read): the next worker.
  report.left = unsure ? (read()?.length ?? 1) : queue.length;
  if (report.left > 0 || safePending(ctx)) {
    report.next = callNext(ctx, uid);
    cleaned ||= report.next === "scheduled";
  } else {
    try {
      withScriptLock(() => workerEnded(uid, Date.now()));
    } catch (err) {
      logError(ctx.ss, "worker", "", err);
    }
  }
  if (!cleaned) dropOwnTrigger(ctx, uid, start);
  return report;
}
