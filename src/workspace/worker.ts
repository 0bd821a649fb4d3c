/**
 * The provisioning worker's triggers (rules in domain/queue.ts): one-shot time-driven triggers of
 * `provisionWorker`, and the record in Script Properties of the one pending and the workers
 * running. Every function here that reads or writes the record runs under the script lock (the
 * caller holds it), so that two executions never both see "no worker pending" and create two.
 *
 * Apps Script allows 20 triggers per user and script: besides setup's three, the project keeps at
 * most the pending worker trigger and the spent ones of workers that ran since the last one was
 * created, which every new scheduling deletes.
 */
import { PROP } from "../domain/keys.js";
import {
  formatWorkerRecord,
  parseWorkerRecord,
  pendingAlive,
  pruneRunning,
  WORKER_DELAY_MS,
  type WorkerRecord,
} from "../domain/queue.js";

/** The entry point the worker triggers run (src/main.ts). */
export const WORKER_HANDLER = "provisionWorker";

function readRecord(props: GoogleAppsScript.Properties.Properties): WorkerRecord {
  return parseWorkerRecord(props.getProperty(PROP.provisionWorkers));
}

export type Scheduling = "pending" | "scheduled";

/**
 * Makes sure a worker trigger is pending (call under the script lock): nothing to do when the
 * recorded one can still fire; otherwise every worker trigger left (spent by a worker that ran, or
 * lost) is deleted and a new one created. Throws when Apps Script refuses the trigger (the limit
 * of 20, a passing failure): the caller logs it and the sweep tries again.
 */
export function ensureWorker(nowMs: number): Scheduling {
  const props = PropertiesService.getScriptProperties();
  const record = readRecord(props);
  if (pendingAlive(record, nowMs)) return "pending";
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getHandlerFunction() === WORKER_HANDLER) ScriptApp.deleteTrigger(trigger);
  const trigger = ScriptApp.newTrigger(WORKER_HANDLER).timeBased().after(WORKER_DELAY_MS).create();
  record.pending = { uid: trigger.getUniqueId(), dueMs: nowMs + WORKER_DELAY_MS };
  props.setProperty(PROP.provisionWorkers, formatWorkerRecord(record));
  return "scheduled";
}

/**
 * A worker starts (under the script lock): its trigger is no longer pending, it counts among the
 * running. Returns how many run now, itself included.
 */
export function workerStarted(uid: string, nowMs: number): number {
  const props = PropertiesService.getScriptProperties();
  const record = pruneRunning(readRecord(props), nowMs);
  if (record.pending?.uid === uid) delete record.pending;
  record.running[uid] = nowMs;
  props.setProperty(PROP.provisionWorkers, formatWorkerRecord(record));
  return Object.keys(record.running).length;
}

/**
 * A worker ends (under the script lock). Its own trigger has fired, whatever its start could
 * record: it is no longer counted as pending.
 */
export function workerEnded(uid: string, nowMs: number): void {
  const props = PropertiesService.getScriptProperties();
  const record = pruneRunning(readRecord(props), nowMs);
  if (record.pending?.uid === uid) delete record.pending;
  record.running = Object.fromEntries(Object.entries(record.running).filter(([id]) => id !== uid));
  props.setProperty(PROP.provisionWorkers, formatWorkerRecord(record));
}

/** Deletes one spent worker trigger by its id (no lock needed: it will never fire again). */
export function deleteSpentTrigger(uid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getUniqueId() === uid && trigger.getHandlerFunction() === WORKER_HANDLER)
      ScriptApp.deleteTrigger(trigger);
}
