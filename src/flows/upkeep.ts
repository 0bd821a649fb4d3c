/**
 * The sweep's upkeep of the program's own sheets, last in every sweep: the mail queue cleared of
 * sent rows (src/workspace/mail.ts pruneMailQueue, under the lock) and the log's periodic full
 * check, a slice per sweep (src/flows/verify.ts sweepLogCheck). Each is guarded: a failure is
 * written to the error log and leaves the rest of the sweep alone.
 */
import type { Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { pruneMailQueue, type PruneReport } from "../workspace/mailqueue.js";
import { sweepLogCheck, type VerifyReport } from "./verify.js";

export interface UpkeepReport {
  queue?: PruneReport;
  log?: VerifyReport;
}

export function sweepUpkeep(ctx: Ctx, budget: () => boolean): UpkeepReport {
  const out: UpkeepReport = {};
  try {
    const queue = pruneMailQueue(ctx);
    if (queue) out.queue = queue;
  } catch (e) {
    logError(ctx.ss, "sweep", "", e);
  }
  if (budget()) {
    try {
      const log = sweepLogCheck(ctx, budget);
      if (log) out.log = log;
    } catch (e) {
      logError(ctx.ss, "sweep", "", e);
    }
  }
  return out;
}
