/**
 * The project's Script Properties, for the layers above src/workspace (which touch no Apps Script
 * service themselves). The keys stay where their meaning is defined.
 */
export type ScriptProperties = GoogleAppsScript.Properties.Properties;

export function scriptProperties(): ScriptProperties {
  return PropertiesService.getScriptProperties();
}

/** The script cache (counters of the status page, hints), shared by every user of the project. */
export function scriptCache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getScriptCache();
}
