/**
 * The project's Script Properties and script cache, for the layers above src/workspace (which touch
 * no Apps Script service themselves): a counter taken under the script lock (tickets, batch ids), a
 * text value read, written or dropped. The keys are defined in src/domain/keys.ts.
 */
export type ScriptProperties = GoogleAppsScript.Properties.Properties;

export function scriptProperties(): ScriptProperties {
  return PropertiesService.getScriptProperties();
}

/** The script cache (counters of the status page, hints), shared by every user of the project. */
export function scriptCache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getScriptCache();
}

/** The counter's next value, kept (the caller holds the script lock). */
export function nextSerial(key: string): number {
  const props = scriptProperties();
  const serial = Number(props.getProperty(key) ?? "0") + 1;
  props.setProperty(key, String(serial));
  return serial;
}

export function readProperty(key: string): string | null {
  return scriptProperties().getProperty(key);
}

/** Writes the value, or drops the property when the value is null. */
export function writeProperty(key: string, value: string | null): void {
  const props = scriptProperties();
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}
