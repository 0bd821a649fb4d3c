/**
 * The sweep's door: the time-driven trigger every 10 minutes (and the script editor). The sweep
 * itself is src/flows/sweep.ts.
 */
import { runSweep as sweepNow, type SweepReport } from "../flows/sweep.js";

export type { SweepReport } from "../flows/sweep.js";

export function runSweep(): SweepReport {
  return sweepNow();
}
