/**
 * The sweep's two Script Properties (rules in domain/sweepplan.ts): the work mark that events
 * move before they create work, and the summary of the last full pass.
 */
import { PROP } from "../domain/keys.js";
export const WORK_AT_PROPERTY = PROP.workAt;
export const SWEEP_SUMMARY_PROPERTY = PROP.sweepSummary;

/**
 * Tells the sweep that this execution may leave work (one property write, outside any lock). A
 * failure to write is no reason to stop the event: the hourly full pass finds its work anyway.
 * Written once per execution.
 */
let marked = false;
export function markWork(nowMs = Date.now()): void {
  if (marked) return;
  marked = true;
  try {
    PropertiesService.getScriptProperties().setProperty(PROP.workAt, String(nowMs));
  } catch (e) {
    console.warn(`work mark not written: ${String(e)}`);
  }
}
