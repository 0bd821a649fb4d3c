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
import { DEFAULT_ARCHIVE_MONTHS } from "./archive.js";
import type {
  ActionKey,
  HolidayEntry,
  Language,
  OfficeConfig,
  OpdConfig,
  StageConfig,
  WorkingHours,
} from "./config.js";
import { t, tx, type MessageKey } from "./text/index.js";
import { ACTION_KEYS } from "./workflow.js";

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

const ACTIONS: readonly ActionKey[] = ACTION_KEYS;

/** Reports a problem of a setting's value, in the language the settings are read in. */
type Report = (m: string) => void;

type Field = {
  key: string;
  get: (c: OfficeConfig) => string;
  set: (c: OfficeConfig, v: string, problem: Report, lang: Language) => void;
};

/** The help text of a setting (the settings sheet's third column) in a language. */
export function settingHelp(key: string, lang: Language): string {
  const textKey = `settings.help.${key}` as MessageKey;
  const examples: Record<string, string> = {
    pola_nomor_surat: "{kode}/{nomor}/{unit}/{bulan}/{tahun}",
    jam_kerja: HOURS_EXAMPLE,
  };
  return tx(lang, textKey, { example: examples[key] ?? "" });
}

const DAY_NAMES: Record<string, 1 | 2 | 3 | 4 | 5 | 6 | 7> = {
  sen: 1,
  sel: 2,
  rab: 3,
  kam: 4,
  jum: 5,
  sab: 6,
  min: 7,
};
const DAY_LABELS = ["", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
const HOURS_EXAMPLE = "Sen-Kam 07:30-16:00; Jum 07:30-16:30";

function hm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "Sen-Kam 07:30-16:00; Jum 07:30-16:30" ⇄ WorkingHours. */
export function formatHours(h: WorkingHours): string {
  const parts: string[] = [];
  let d = 1;
  while (d <= 7) {
    const span = h.days[d as 1];
    if (!span) {
      d++;
      continue;
    }
    let e = d;
    while (e < 7 && sameSpan(h.days[(e + 1) as 1], span)) e++;
    parts.push(`${DAY_LABELS[d]}${e > d ? "-" + DAY_LABELS[e] : ""} ${hm(span[0])}-${hm(span[1])}`);
    d = e + 1;
  }
  return parts.join("; ");
}

function sameSpan(a: [number, number] | undefined, b: [number, number]): boolean {
  return !!a && a[0] === b[0] && a[1] === b[1];
}

export function parseHours(text: string, lang: Language = "id"): { hours: WorkingHours; problems: string[] } {
  const hours: WorkingHours = { days: {} };
  const problems: string[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})$/i.exec(
      part,
    );
    const from = m ? DAY_NAMES[m[1]!.toLowerCase()] : undefined;
    const to = m ? (m[2] ? DAY_NAMES[m[2].toLowerCase()] : from) : undefined;
    if (!m || !from || !to || to < from) {
      problems.push(t(lang, "settings.hours.unreadable", { value: part, example: HOURS_EXAMPLE }));
      continue;
    }
    const start = Number(m[3]) * 60 + Number(m[4]);
    const end = Number(m[5]) * 60 + Number(m[6]);
    if (start >= end || end > 24 * 60) {
      problems.push(t(lang, "settings.hours.order", { value: part }));
      continue;
    }
    for (let d = from; d <= to; d++) hours.days[d as 1] = [start, end];
  }
  if (Object.keys(hours.days).length === 0 && problems.length === 0)
    problems.push(t(lang, "settings.hours.empty"));
  return { hours, problems };
}

const list = (v: string): string[] =>
  v
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function num(v: string, min: number, problem: Report, lang: Language): number | undefined {
  const n = Number(v.replace(",", "."));
  if (!Number.isFinite(n) || n < min) {
    problem(t(lang, "settings.number", { value: v, min }));
    return undefined;
  }
  return n;
}

const yes = (v: string): boolean => /^(ya|y|yes|true|1)$/i.test(v.trim());

function text(
  key: string,
  path: (c: OfficeConfig) => { get: () => string; set: (v: string) => void },
): Field {
  return { key, get: (c) => path(c).get(), set: (c, v) => path(c).set(v) };
}

/** The key/value settings, in the order they appear in the settings sheet. */
export const FIELDS: Field[] = [
  text("nama_pemerintah", (c) => ({
    get: () => c.office.government,
    set: (v) => (c.office.government = v),
  })),
  text("nama_dinas", (c) => ({
    get: () => c.office.name,
    set: (v) => (c.office.name = v),
  })),
  text("singkatan_dinas", (c) => ({
    get: () => c.office.shortName,
    set: (v) => (c.office.shortName = v),
  })),
  text("alamat", (c) => ({
    get: () => c.office.address,
    set: (v) => (c.office.address = v),
  })),
  text("telepon", (c) => ({ get: () => c.office.phone, set: (v) => (c.office.phone = v) })),
  text("surel_dinas", (c) => ({
    get: () => c.office.email,
    set: (v) => (c.office.email = v),
  })),
  text("situs", (c) => ({
    get: () => c.office.website,
    set: (v) => (c.office.website = v),
  })),
  text("kota", (c) => ({
    get: () => c.office.city,
    set: (v) => (c.office.city = v),
  })),
  {
    key: "domain",
    get: (c) => c.domain,
    set: (c, v, p, lang) => {
      const d = v.trim().toLowerCase();
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) p(t(lang, "config.domain_invalid", { value: v }));
      else c.domain = d;
    },
  },
  {
    key: "bahasa",
    get: (c) => c.language,
    set: (c, v, p, lang) => {
      const l = v.trim().toLowerCase();
      if (l === "id" || l === "en") c.language = l;
      else p(t(lang, "settings.language", { value: v }));
    },
  },
  {
    key: "zona_waktu",
    get: (c) => c.timeZone,
    set: (c, v, p, lang) => {
      if (["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"].includes(v.trim()))
        c.timeZone = v.trim();
      else p(t(lang, "settings.time_zone", { value: v }));
    },
  },
  {
    key: "admin",
    get: (c) => c.admins.join(", "),
    set: (c, v) => (c.admins = list(v).map((s) => s.toLowerCase())),
  },
  {
    key: "pola_nama_pengguna",
    get: (c) => c.naming.pattern,
    set: (c, v, p, lang) => {
      const x = v.trim() as OfficeConfig["naming"]["pattern"];
      if (["first.last", "firstlast", "first_last", "f.last"].includes(x)) c.naming.pattern = x;
      else p(t(lang, "config.naming.pattern", { value: v }));
    },
  },
  {
    key: "nama_sama",
    get: (c) => c.naming.collision,
    set: (c, v, p, lang) => {
      const x = v.trim() as OfficeConfig["naming"]["collision"];
      if (x === "initial-then-number" || x === "number") c.naming.collision = x;
      else p(t(lang, "settings.naming.collision", { value: v }));
    },
  },
  {
    key: "nama_dilarang",
    get: (c) => c.naming.reserved.join(", "),
    set: (c, v) => (c.naming.reserved = list(v).map((s) => s.toLowerCase())),
  },
  text("pola_nomor_surat", (c) => ({
    get: () => c.letter.numberPattern,
    set: (v) => (c.letter.numberPattern = v.trim()),
  })),
  text("kode_klasifikasi", (c) => ({
    get: () => c.letter.classification,
    set: (v) => (c.letter.classification = v.trim()),
  })),
  text("kode_unit", (c) => ({
    get: () => c.letter.unitCode,
    set: (v) => (c.letter.unitCode = v.trim()),
  })),
  {
    key: "panjang_nomor",
    get: (c) => String(c.letter.serialPadding),
    set: (c, v, p, lang) => {
      const n = num(v, 0, p, lang);
      if (n !== undefined) c.letter.serialPadding = Math.floor(n);
    },
  },
  text("sifat", (c) => ({ get: () => c.letter.sifat, set: (v) => (c.letter.sifat = v) })),
  text("lampiran", (c) => ({
    get: () => c.letter.lampiran,
    set: (v) => (c.letter.lampiran = v),
  })),
  text("hal", (c) => ({ get: () => c.letter.hal, set: (v) => (c.letter.hal = v) })),
  text("penandatangan_nama", (c) => ({
    get: () => c.letter.signer.name,
    set: (v) => (c.letter.signer.name = v),
  })),
  text("penandatangan_jabatan", (c) => ({
    get: () => c.letter.signer.title,
    set: (v) => (c.letter.signer.title = v),
  })),
  text("penandatangan_pangkat", (c) => ({
    get: () => c.letter.signer.rank,
    set: (v) => (c.letter.signer.rank = v),
  })),
  {
    key: "penandatangan_nip",
    get: (c) => c.letter.signer.nip,
    set: (c, v, p, lang) => {
      const nip = v.replace(/[\s.]/g, "");
      if (/^\d{18}$/.test(nip)) c.letter.signer.nip = nip;
      else p(t(lang, "settings.signer_nip", { value: v }));
    },
  },
  {
    key: "jam_kerja",
    get: (c) => formatHours(c.time.hours),
    set: (c, v, p, lang) => {
      const r = parseHours(v, lang);
      r.problems.forEach(p);
      if (r.problems.length === 0) c.time.hours = r.hours;
    },
  },
  {
    key: "cuti_bersama_libur",
    get: (c) => (c.time.cutiBersamaOff ? "Ya" : "Tidak"),
    set: (c, v) => (c.time.cutiBersamaOff = yes(v)),
  },
  {
    key: "standar_waktu_menit",
    get: (c) => String(c.time.serviceMinutes),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.time.serviceMinutes = Math.round(n);
    },
  },
  {
    key: "pengingat_persen",
    get: (c) => String(c.time.reminderAtPercent),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.time.reminderAtPercent = Math.round(n);
    },
  },
  {
    key: "retensi_hari",
    get: (c) => String(c.privacy.retentionDays),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.privacy.retentionDays = Math.round(n);
    },
  },
  {
    key: "reset_kredensial_hari",
    get: (c) => String(c.privacy.unusedCredentialDays),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.privacy.unusedCredentialDays = Math.round(n);
    },
  },
  {
    key: "usul_tangguhkan_hari",
    get: (c) => String(c.privacy.suspendUnusedDays ?? 0),
    set: (c, v, p, lang) => {
      const n = num(v || "0", 0, p, lang);
      if (n !== undefined) c.privacy.suspendUnusedDays = Math.floor(n);
    },
  },
  {
    key: "arsip_bulan",
    get: (c) => String(c.privacy.archiveMonths ?? DEFAULT_ARCHIVE_MONTHS),
    set: (c, v, p, lang) => {
      const n = num(v || "0", 0, p, lang);
      if (n !== undefined) c.privacy.archiveMonths = Math.min(12, Math.floor(n));
    },
  },
  {
    key: "rekap_kepada",
    get: (c) => (c.recapTo ?? []).join(", "),
    set: (c, v, p, lang) => {
      const all = list(v).map((s) => s.toLowerCase());
      for (const e of all) if (!EMAIL.test(e)) p(t(lang, "settings.stage.email", { value: e }));
      c.recapTo = all.filter((e) => EMAIL.test(e));
    },
  },
  {
    key: "lisensi",
    get: (c) => String(c.licences ?? 0),
    set: (c, v, p, lang) => {
      const n = num(v || "0", 0, p, lang);
      if (n !== undefined) c.licences = Math.floor(n);
    },
  },
  {
    key: "rantai_reset_sandi",
    get: (c) => ((c.serviceChains?.reset_sandi ?? "staff") === "staff" ? "staf" : "lengkap"),
    set: (c, v, p, lang) => {
      const s = v.trim().toLowerCase();
      if (s === "" || s === "staf" || s === "staff")
        c.serviceChains = { ...c.serviceChains, reset_sandi: "staff" };
      else if (s === "lengkap" || s === "full") c.serviceChains = { ...c.serviceChains, reset_sandi: "full" };
      else p(t(lang, "settings.chain_choice", { value: v }));
    },
  },
  text("pengaduan", (c) => ({
    get: () => c.complaints,
    set: (v) => (c.complaints = v),
  })),
  text("halaman_status", (c) => ({
    get: () => c.statusPageUrl,
    set: (v) => (c.statusPageUrl = v.trim()),
  })),
  {
    key: "penangan_pengaduan",
    get: (c) => c.complaintDesk.handlers.join(", "),
    set: (c, v) => (c.complaintDesk.handlers = list(v).map((s) => s.toLowerCase())),
  },
  {
    key: "target_pengaduan_menit",
    get: (c) => String(c.complaintDesk.targetMinutes),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.complaintDesk.targetMinutes = Math.round(n);
    },
  },
  {
    key: "eskalasi_pengaduan",
    get: (c) => (c.complaintDesk.escalateTo ?? []).join(", "),
    set: (c, v) => (c.complaintDesk.escalateTo = list(v).map((s) => s.toLowerCase())),
  },
  text("kontak_data_pribadi", (c) => ({
    get: () => c.privacyContact,
    set: (v) => (c.privacyContact = v.trim()),
  })),
];

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
