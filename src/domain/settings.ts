/**
 * The office configuration as administrators see it: four plain tables in the settings sheets
 * (key/value settings, the chain of stages, the OPD list, the holiday table), and the conversion
 * both ways. Parsing never throws: every problem is reported in plain words with the sheet, row
 * and key, and the default value is used in its place so that the service keeps running.
 *
 * Languages: the settings keys ("nama_dinas", "zona_waktu", …), the sheet names, the action keys
 * of the stages and the day abbreviations of the working hours are identifiers and stay Indonesian
 * in every office; the header row, the help column and the problems follow the "bahasa" setting.
 */
import type { ActionKey, HolidayEntry, Language, OfficeConfig, OpdConfig, StageConfig } from "./config.js";
import { t, tx, type MessageKey } from "./text/index.js";
import { HOURS_EXAMPLE } from "./hours.js";
import { ACTIONS, EMAIL, FIELDS, list } from "./settingfields.js";

export { formatHours, parseHours } from "./hours.js";
export { FIELDS } from "./settingfields.js";

export type Tables = {
  settings: string[][];
  stages: string[][];
  opds: string[][];
  holidays: string[][];
};

export const SHEETS = {
  settings: "Pengaturan",
  stages: "Tahapan",
  opds: "OPD",
  holidays: "Hari Libur",
} as const;

/** The header rows of the four settings sheets in a language (the sheets are read by position). */
export function tableHeaders(lang: Language): Record<keyof Tables, string[]> {
  const h = (...keys: MessageKey[]): string[] => keys.map((k) => tx(lang, k));
  return {
    settings: h("settings.header.key", "settings.header.value", "settings.header.help"),
    stages: h(
      "settings.header.order",
      "settings.header.stage_key",
      "settings.header.stage_name",
      "settings.header.role",
      "settings.header.officials",
      "settings.header.delegates",
      "settings.header.actions",
      "settings.header.target",
      "settings.header.escalate",
    ),
    opds: h(
      "settings.header.opd_code",
      "settings.header.opd_name",
      "settings.header.org_unit",
      "settings.header.group",
      "settings.header.cc",
    ),
    holidays: h("settings.header.date", "settings.header.holiday_name", "settings.header.holiday_kind"),
  };
}

/** The Indonesian header rows. */
export const STAGE_HEADERS = tableHeaders("id").stages;
export const OPD_HEADERS = tableHeaders("id").opds;
export const HOLIDAY_HEADERS = tableHeaders("id").holidays;
export const SETTINGS_HEADERS = tableHeaders("id").settings;

export interface SettingsProblem {
  sheet: string;
  row: number;
  key: string;
  message: string;
}

/** The help text of a setting (the settings sheet's third column) in a language. */
export function settingHelp(key: string, lang: Language): string {
  const textKey = `settings.help.${key}` as MessageKey;
  const examples: Record<string, string> = {
    pola_nomor_surat: "{kode}/{nomor}/{unit}/{bulan}/{tahun}",
    jam_kerja: HOURS_EXAMPLE,
  };
  return tx(lang, textKey, { example: examples[key] ?? "" });
}

/** The configuration as the four tables setup writes (header row first; help in c.language). */
export function configToTables(c: OfficeConfig): Tables {
  return {
    settings: [
      tableHeaders(c.language).settings,
      ...FIELDS.map((f) => [f.key, f.get(c), settingHelp(f.key, c.language)]),
    ],
    stages: [
      tableHeaders(c.language).stages,
      ...c.stages.map((s, i) => [
        String(i + 1),
        s.key,
        s.label,
        s.role,
        s.officials.join(", "),
        s.delegates.join(", "),
        s.actions.join(", "),
        String(s.targetMinutes),
        s.escalateTo ?? "",
      ]),
    ],
    opds: [
      tableHeaders(c.language).opds,
      ...c.opds.map((o) => [o.code, o.name, o.orgUnitPath, o.group, o.ccEmail]),
    ],
    holidays: [tableHeaders(c.language).holidays, ...c.time.holidays.map((h) => [h.date, h.name, h.kind])],
  };
}

/** The language the settings tables ask for ("bahasa"), else the default's. */
export function tablesLanguage(tables: Tables, fallback: Language): Language {
  const row = tables.settings.slice(1).find((r) => String(r[0] ?? "").trim() === "bahasa");
  const value = String(row?.[1] ?? "")
    .trim()
    .toLowerCase();
  return value === "id" || value === "en" ? value : fallback;
}

/**
 * Reads the four tables over a copy of `defaults`. Every cell that cannot be read is reported (in
 * the language the tables ask for) and the default is kept. Cells arrive as strings (the workspace
 * layer uses display values).
 */
export function tablesToConfig(
  tables: Tables,
  defaults: OfficeConfig,
): { config: OfficeConfig; problems: SettingsProblem[] } {
  const config = JSON.parse(JSON.stringify(defaults)) as OfficeConfig;
  const lang = tablesLanguage(tables, defaults.language);
  const problems: SettingsProblem[] = [];
  const byKey = new Map(FIELDS.map((f) => [f.key, f]));
  tables.settings.slice(1).forEach((r, i) => {
    const key = (r[0] ?? "").trim();
    if (!key) return;
    const f = byKey.get(key);
    const at = (message: string) => problems.push({ sheet: SHEETS.settings, row: i + 2, key, message });
    if (!f) return at(t(lang, "settings.unknown_key", { key }));
    f.set(config, String(r[1] ?? "").trim(), at, lang);
  });

  const stages: StageConfig[] = [];
  tables.stages.slice(1).forEach((r, i) => {
    const row = i + 2;
    const cells = r.map((x) => String(x ?? "").trim());
    if (cells.every((x) => !x)) return;
    const [
      ,
      key = "",
      label = "",
      role = "",
      officials = "",
      delegates = "",
      actions = "",
      target = "",
      escalate = "",
    ] = cells;
    const at = (message: string) =>
      problems.push({ sheet: SHEETS.stages, row, key: key || t(lang, "settings.row", { row }), message });
    const acts = list(actions).map((a) => a.toLowerCase().replace(/\s+/g, "_"));
    for (const a of acts)
      if (!ACTIONS.includes(a as ActionKey))
        at(t(lang, "settings.stage.action", { action: a, choices: ACTIONS.join(", ") }));
    const emails = (v: string) => list(v).map((s) => s.toLowerCase());
    for (const e of [...emails(officials), ...emails(delegates)])
      if (!EMAIL.test(e)) at(t(lang, "settings.stage.email", { value: e }));
    const minutes = Number(target);
    if (!Number.isFinite(minutes) || minutes <= 0) at(t(lang, "settings.stage.target", { value: target }));
    stages.push({
      key: key.toLowerCase(),
      label,
      role,
      officials: emails(officials).filter((e) => EMAIL.test(e)),
      delegates: emails(delegates).filter((e) => EMAIL.test(e)),
      actions: acts.filter((a): a is ActionKey => ACTIONS.includes(a as ActionKey)),
      targetMinutes: Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : 10,
      ...(escalate ? { escalateTo: escalate.toLowerCase() } : {}),
    });
  });
  for (const s of stages) {
    const to = s.escalateTo;
    if (to && to !== "-" && !stages.some((x) => x.key === to && x.key !== s.key))
      problems.push({
        sheet: SHEETS.stages,
        row: stages.indexOf(s) + 2,
        key: s.key,
        message: t(lang, "settings.stage.escalate", { value: to }),
      });
  }
  if (stages.length > 0) config.stages = stages;
  else
    problems.push({
      sheet: SHEETS.stages,
      row: 2,
      key: "tahapan",
      message: t(lang, "settings.stages_empty"),
    });

  const opds: OpdConfig[] = [];
  tables.opds.slice(1).forEach((r) => {
    const [code = "", name = "", ou = "", group = "", cc = ""] = r.map((x) => String(x ?? "").trim());
    if (!code && !name) return;
    opds.push({ code, name, orgUnitPath: ou || "/", group, ccEmail: cc });
  });
  if (opds.length > 0) config.opds = opds;

  const holidays: HolidayEntry[] = [];
  tables.holidays.slice(1).forEach((r, i) => {
    const [date = "", name = "", kind = ""] = r.map((x) => String(x ?? "").trim());
    if (!date && !name) return;
    const iso = normaliseDate(date);
    if (!iso) {
      problems.push({
        sheet: SHEETS.holidays,
        row: i + 2,
        key: date,
        message: t(lang, "settings.holiday.date", { value: date }),
      });
      return;
    }
    holidays.push({ date: iso, name, kind: /^cuti/i.test(kind) ? "cuti" : "libur" });
  });
  config.time.holidays = holidays;
  return { config, problems };
}

/** "2026-12-25", "25/12/2026" or "25-12-2026" → "2026-12-25". */
export function normaliseDate(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function iso(y: number, mo: number, d: number): string | null {
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
