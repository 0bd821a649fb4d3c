/**
 * The provisioning worker's door: a time-driven execution (a one-shot trigger, workspace/worker.ts)
 * that drains the provisioning queue (flows/provision/worker.ts). Like the sweep, a worker trigger
 * installed by another account than the recorded installer refuses to work (it would run with
 * that account's rights).
 */
import { t } from "../domain/text/index.js";
import { context, recordedInstaller } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { effectiveAccount } from "../workspace/trust.js";
import { drainQueue, type WorkerReport } from "../flows/provision/index.js";

export type { WorkerReport };

export function runWorker(e?: { triggerUid?: unknown }): WorkerReport {
  const start = Date.now();
  const uid = typeof e?.triggerUid === "string" && e.triggerUid ? e.triggerUid : `run-${start}`;
  const ctx = context();
  // As the sweep: a worker trigger installed by another account runs with that account's rights.
  const installer = recordedInstaller();
  const me = effectiveAccount();
  if (!installer || me !== installer) {
    const report: WorkerReport = { done: [], left: 0, next: "none" };
    report.refused = t(ctx.config.language, "trust.worker_other_account", {
      me: me || "?",
      installer: installer || "?",
    });
    logError(ctx.ss, "worker", "", report.refused);
    return report;
  }
  return drainQueue(ctx, uid, start);
}
