/**
 * The office configuration, read from the settings sheets once per execution. The parsed result
 * is kept in the script cache (one `get` instead of four sheet reads) until a settings sheet is
 * edited; the cache is never the only copy: on a miss the sheets are read again.
 */
import { CACHE } from "../domain/keys.js";
import type { Language, OfficeConfig } from "../domain/config.js";
import { defaultConfig, validateConfig } from "../domain/defaults.js";
import { SHEETS, type SettingsProblem, type Tables, tablesToConfig } from "../domain/settings.js";
import { t } from "../domain/text/index.js";

const CACHE_SECONDS = 6 * 60 * 60;

export interface LoadedConfig {
  config: OfficeConfig;
  /** Problems in the settings sheets (each also reported at setup and in the error log). */
  problems: { sheet: string; row: number; key: string; message: string; level: "error" | "warning" }[];
  /**
   * The spreadsheet's locale (`getSpreadsheetLocale()`), read with the settings and cached with
   * them, so that a form submission reads dates by it without a call of its own; the sweep
   * compares it with the live one every run and drops the cache when it changed.
   */
  locale?: string;
}

let memo: LoadedConfig | null = null;

/** The names of the sheets that hold configuration (edits there invalidate the cache). */
export const SETTINGS_SHEET_NAMES: readonly string[] = Object.values(SHEETS);

export function readTables(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Tables | null {
  const read = (name: string): string[][] | null => {
    const sheet = ss.getSheetByName(name);
    return sheet ? sheet.getDataRange().getDisplayValues() : null;
  };
  const settings = read(SHEETS.settings);
  const stages = read(SHEETS.stages);
  const opds = read(SHEETS.opds);
  const holidays = read(SHEETS.holidays);
  if (!settings || !stages || !opds || !holidays) return null;
  return { settings, stages, opds, holidays };
}

export function parseConfig(tables: Tables | null): LoadedConfig {
  if (!tables) {
    return {
      config: defaultConfig(),
      problems: [
        {
          sheet: SHEETS.settings,
          row: 0,
          key: "setup",
          message: t(defaultConfig().language, "sheet.settings_missing"),
          level: "error",
        },
      ],
    };
  }
  const parsed = tablesToConfig(tables, defaultConfig());
  const problems: LoadedConfig["problems"] = parsed.problems.map((p: SettingsProblem) => ({
    ...p,
    level: "error",
  }));
  for (const p of validateConfig(parsed.config)) {
    problems.push({ sheet: SHEETS.settings, row: 0, key: p.field, message: p.message, level: p.level });
  }
  return { config: parsed.config, problems };
}

/** The configuration for this execution (memoised; cached across executions). */
export function loadConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): LoadedConfig {
  if (memo) return memo;
  const cache = CacheService.getScriptCache();
  const hit = cache.get(CACHE.config);
  if (hit) {
    memo = JSON.parse(hit) as LoadedConfig;
    return memo;
  }
  memo = { ...parseConfig(readTables(ss)), locale: ss.getSpreadsheetLocale() };
  const json = JSON.stringify(memo);
  // A value over the cache's 100 KB limit is simply not cached.
  if (json.length < 90_000) cache.put(CACHE.config, json, CACHE_SECONDS);
  return memo;
}

/**
 * The language of the configuration this execution loaded (Indonesian before any was loaded): for
 * the few messages written below the handlers, where no configuration is passed (a missing sheet,
 * a service that is not enabled).
 */
export function configuredLanguage(): Language {
  return memo ? memo.config.language : "id";
}

/** Forget the cached configuration (a settings sheet changed, or setup rewrote it). */
export function invalidateConfig(): void {
  memo = null;
  CacheService.getScriptCache().remove(CACHE.config);
}
