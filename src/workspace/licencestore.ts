/**
 * Where the licence count lives (flows/licences.ts): the last snapshot and the office-calendar
 * day of the last daily count, in Script Properties.
 */
import { parseSnapshot, type LicenceSnapshot } from "../domain/licences.js";

const SNAPSHOT_KEY = "surel:licences";
const DAY_KEY = "surel:licencesDay";

const props = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

export function readSnapshot(): LicenceSnapshot {
  return parseSnapshot(props().getProperty(SNAPSHOT_KEY));
}

export function writeSnapshot(s: LicenceSnapshot): void {
  props().setProperty(SNAPSHOT_KEY, JSON.stringify(s));
}

/** The day ("yyyy-MM-dd", the office's calendar) the accounts were last counted; null if never. */
export function countedDay(): string | null {
  return props().getProperty(DAY_KEY);
}

export function recordCountedDay(day: string): void {
  props().setProperty(DAY_KEY, day);
}
