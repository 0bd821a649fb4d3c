/**
 * Where the licence count lives (flows/licences.ts): the last snapshot and the office-calendar
 * day of the last daily count, in Script Properties.
 */
import { PROP } from "../domain/keys.js";
import { parseSnapshot, type LicenceSnapshot } from "../domain/licences.js";

const props = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

export function readSnapshot(): LicenceSnapshot {
  return parseSnapshot(props().getProperty(PROP.licences));
}

export function writeSnapshot(s: LicenceSnapshot): void {
  props().setProperty(PROP.licences, JSON.stringify(s));
}

/** The day ("yyyy-MM-dd", the office's calendar) the accounts were last counted; null if never. */
export function countedDay(): string | null {
  return props().getProperty(PROP.licencesDay);
}

export function recordCountedDay(day: string): void {
  props().setProperty(PROP.licencesDay, day);
}
