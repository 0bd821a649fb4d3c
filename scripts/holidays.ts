/**
 * Generates src/generated/holidays.ts: Indonesian national holidays (and, where the joint decree is
 * known, cuti bersama) for the years current−1 … current+4, as a small typed constant. It seeds the
 * holiday table of the settings sheet, which administrators correct and extend every year.
 *
 * Source: the npm package date-holidays (country ID), public holidays only, with corrections:
 * - Computed Islamic dates (Isra Mikraj, Idulfitri, Iduladha, Tahun Baru Islam, Maulid) may differ
 *   by a day from the joint decree (SKB 3 Menteri) that fixes the real dates each year.
 * - The package names 27 Rajab "Maulid Nabi Muhammad" (e.g. 2026-01-16); it is Isra Mikraj.
 * - Easter Sunday (Kebangkitan Yesus Kristus) is a national holiday since 2024; the package lacks it.
 * - Nyepi and Waisak exist in the package only for years it lists explicitly; HOLIDAY_GAPS says which
 *   years lack them so the settings check can warn.
 * - The package has no cuti bersama. Years whose SKB is known (DECREES below) use the decree's
 *   list instead of the computed one, cuti bersama included and marked kind "cuti".
 *
 * Deterministic: the same base year gives the same file byte for byte. The build calls
 * generateHolidays(); it also runs alone: `npx tsx scripts/holidays.ts [baseYear]`.
 */
import Holidays from "date-holidays";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HolidayEntry } from "../src/domain/config.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const HOLIDAYS_FILE = join(root, "src/generated/holidays.ts");

/** Holidays decided by an SKB 3 Menteri, which replace the computed list for that year. */
interface Decree {
  year: number;
  reference: string;
  entries: HolidayEntry[];
}

const libur = (date: string, name: string): HolidayEntry => ({ date, name, kind: "libur" });
const cuti = (date: string, name: string): HolidayEntry => ({ date, name, kind: "cuti" });

export const DECREES: Decree[] = [
  {
    year: 2025,
    reference:
      "SKB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024, diubah dengan SKB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (cuti bersama 18 Agustus)",
    entries: [
      libur("2025-01-01", "Tahun Baru Masehi"),
      libur("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
      cuti("2025-01-28", "Cuti bersama Tahun Baru Imlek"),
      libur("2025-01-29", "Tahun Baru Imlek"),
      cuti("2025-03-28", "Cuti bersama Hari Suci Nyepi"),
      libur("2025-03-29", "Hari Suci Nyepi (Tahun Baru Saka)"),
      libur("2025-03-31", "Hari Raya Idulfitri"),
      libur("2025-04-01", "Hari Raya Idulfitri"),
      cuti("2025-04-02", "Cuti bersama Hari Raya Idulfitri"),
      cuti("2025-04-03", "Cuti bersama Hari Raya Idulfitri"),
      cuti("2025-04-04", "Cuti bersama Hari Raya Idulfitri"),
      cuti("2025-04-07", "Cuti bersama Hari Raya Idulfitri"),
      libur("2025-04-18", "Wafat Yesus Kristus"),
      libur("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)"),
      libur("2025-05-01", "Hari Buruh Internasional"),
      libur("2025-05-12", "Hari Raya Waisak"),
      cuti("2025-05-13", "Cuti bersama Hari Raya Waisak"),
      libur("2025-05-29", "Kenaikan Yesus Kristus"),
      cuti("2025-05-30", "Cuti bersama Kenaikan Yesus Kristus"),
      libur("2025-06-01", "Hari Lahir Pancasila"),
      libur("2025-06-06", "Hari Raya Iduladha"),
      cuti("2025-06-09", "Cuti bersama Hari Raya Iduladha"),
      libur("2025-06-27", "Tahun Baru Islam"),
      libur("2025-08-17", "Hari Proklamasi Kemerdekaan Republik Indonesia"),
      cuti("2025-08-18", "Cuti bersama Hari Proklamasi Kemerdekaan"),
      libur("2025-09-05", "Maulid Nabi Muhammad SAW"),
      libur("2025-12-25", "Kelahiran Yesus Kristus (Natal)"),
      cuti("2025-12-26", "Cuti bersama Kelahiran Yesus Kristus"),
    ],
  },
  {
    year: 2026,
    reference:
      "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025",
    entries: [
      libur("2026-01-01", "Tahun Baru Masehi"),
      libur("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
      cuti("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
      libur("2026-02-17", "Tahun Baru Imlek"),
      cuti("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
      libur("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka)"),
      cuti("2026-03-20", "Cuti bersama Hari Raya Idulfitri"),
      libur("2026-03-21", "Hari Raya Idulfitri"),
      libur("2026-03-22", "Hari Raya Idulfitri"),
      cuti("2026-03-23", "Cuti bersama Hari Raya Idulfitri"),
      cuti("2026-03-24", "Cuti bersama Hari Raya Idulfitri"),
      libur("2026-04-03", "Wafat Yesus Kristus"),
      libur("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
      libur("2026-05-01", "Hari Buruh Internasional"),
      libur("2026-05-14", "Kenaikan Yesus Kristus"),
      cuti("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
      libur("2026-05-27", "Hari Raya Iduladha"),
      cuti("2026-05-28", "Cuti bersama Hari Raya Iduladha"),
      libur("2026-05-31", "Hari Raya Waisak"),
      libur("2026-06-01", "Hari Lahir Pancasila"),
      libur("2026-06-16", "Tahun Baru Islam"),
      libur("2026-08-17", "Hari Proklamasi Kemerdekaan Republik Indonesia"),
      libur("2026-08-25", "Maulid Nabi Muhammad SAW"),
      cuti("2026-12-24", "Cuti bersama Kelahiran Yesus Kristus"),
      libur("2026-12-25", "Kelahiran Yesus Kristus (Natal)"),
    ],
  },
];

/** Indonesian names by the package's rule (robust against its naming errors). */
const NAMES_BY_RULE: Record<string, string> = {
  "01-01": "Tahun Baru Masehi",
  "27 Rajab": "Isra Mikraj Nabi Muhammad SAW",
  "chinese 01-0-01": "Tahun Baru Imlek",
  "1 Shawwal": "Hari Raya Idulfitri",
  "2 Shawwal": "Hari Raya Idulfitri",
  "easter -2": "Wafat Yesus Kristus",
  "05-01": "Hari Buruh Internasional",
  "easter 39": "Kenaikan Yesus Kristus",
  "06-01": "Hari Lahir Pancasila",
  "10 Dhu al-Hijjah": "Hari Raya Iduladha",
  "1 Muharram": "Tahun Baru Islam",
  "08-17": "Hari Proklamasi Kemerdekaan Republik Indonesia",
  "12 Rabi al-awwal": "Maulid Nabi Muhammad SAW",
  "12-25": "Kelahiran Yesus Kristus (Natal)",
};

/** Holidays the package gives as explicit dates for some years only, by a word of their name. */
const NAMES_BY_WORD: [RegExp, string][] = [
  [/nyepi/i, "Hari Suci Nyepi (Tahun Baru Saka)"],
  [/waisak|vesak/i, "Hari Raya Waisak"],
];

const EASTER_SUNDAY = "Kebangkitan Yesus Kristus (Paskah)";
/** Every national holiday a complete year has (Idulfitri counts once: its two days come together). */
const EXPECTED = [
  "Tahun Baru Masehi",
  "Isra Mikraj Nabi Muhammad SAW",
  "Tahun Baru Imlek",
  "Hari Suci Nyepi (Tahun Baru Saka)",
  "Hari Raya Idulfitri",
  "Wafat Yesus Kristus",
  EASTER_SUNDAY,
  "Hari Buruh Internasional",
  "Kenaikan Yesus Kristus",
  "Hari Raya Waisak",
  "Hari Lahir Pancasila",
  "Hari Raya Iduladha",
  "Tahun Baru Islam",
  "Hari Proklamasi Kemerdekaan Republik Indonesia",
  "Maulid Nabi Muhammad SAW",
  "Kelahiran Yesus Kristus (Natal)",
];

export interface HolidayGap {
  year: number;
  missing: string[];
}

function compareEntries(a: HolidayEntry, b: HolidayEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === "libur" ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The computed (corrected) public holidays of one year from date-holidays. */
export function computedHolidays(year: number): HolidayEntry[] {
  const hd = new Holidays("ID");
  const out: HolidayEntry[] = [];
  for (const h of hd.getHolidays(year, "id")) {
    if (h.type !== "public") continue;
    const date = h.date.slice(0, 10);
    const name = NAMES_BY_RULE[h.rule] ?? NAMES_BY_WORD.find(([re]) => re.test(h.name))?.[1] ?? h.name;
    out.push(libur(date, name));
    if (h.rule === "easter -2" && year >= 2024) {
      const sunday = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
      out.push(libur(sunday, EASTER_SUNDAY));
    }
  }
  return dedupe(out).sort(compareEntries);
}

function dedupe(entries: HolidayEntry[]): HolidayEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.date}|${e.kind}|${e.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The holidays of the given years: the decree where known, else the corrected computed list. */
export function holidaysFor(years: number[]): {
  entries: HolidayEntry[];
  gaps: HolidayGap[];
  decreed: number[];
} {
  const entries: HolidayEntry[] = [];
  const gaps: HolidayGap[] = [];
  const decreed: number[] = [];
  for (const year of years) {
    const decree = DECREES.find((d) => d.year === year);
    const list = decree ? [...decree.entries].sort(compareEntries) : computedHolidays(year);
    if (decree) decreed.push(year);
    entries.push(...list);
    const names = new Set(list.filter((e) => e.kind === "libur").map((e) => e.name));
    const missing = EXPECTED.filter((n) => !names.has(n));
    if (missing.length) gaps.push({ year, missing });
  }
  return { entries, gaps, decreed };
}

export function renderHolidaysModule(baseYear: number): string {
  const years = [];
  for (let y = baseYear - 1; y <= baseYear + 4; y++) years.push(y);
  const { entries, gaps, decreed } = holidaysFor(years);
  const lines = [
    "// Generated by scripts/holidays.ts from the npm package date-holidays (country ID), corrected; do not edit.",
    "// Computed Islamic dates may differ by a day from the SKB 3 Menteri; cuti bersama is included only",
    "// for years whose SKB is known (HOLIDAYS_DECREED_YEARS). The settings sheet holds the editable table.",
    'import type { HolidayEntry } from "../domain/config.js";',
    "",
    `export const HOLIDAYS_YEARS: readonly [number, number] = [${years[0]}, ${years[years.length - 1]}];`,
    "",
    `export const HOLIDAYS_DECREED_YEARS: readonly number[] = ${JSON.stringify(decreed)};`,
    "",
    "/** The joint decrees (SKB 3 Menteri) the decreed years follow. */",
    "export const HOLIDAYS_DECREES: readonly { year: number; reference: string }[] = [",
    ...DECREES.filter((d) => decreed.includes(d.year)).map(
      (d) => `  { year: ${d.year}, reference: ${JSON.stringify(d.reference)} },`,
    ),
    "];",
    "",
    "/** National holidays the package lacks for a year: to be entered in the settings table. */",
    "export const HOLIDAY_GAPS: readonly { year: number; missing: readonly string[] }[] = [",
    ...gaps.map((g) => `  { year: ${g.year}, missing: ${JSON.stringify(g.missing)} },`),
    "];",
    "",
    "export const HOLIDAYS: readonly HolidayEntry[] = [",
    ...entries.map(
      (e) =>
        `  { date: ${JSON.stringify(e.date)}, name: ${JSON.stringify(e.name)}, kind: ${JSON.stringify(e.kind)} },`,
    ),
    "];",
    "",
  ];
  return lines.join("\n");
}

/** Writes src/generated/holidays.ts (only when its content changes). */
export function generateHolidays(options: { baseYear?: number; file?: string } = {}): {
  file: string;
  count: number;
  changed: boolean;
} {
  const baseYear = options.baseYear ?? new Date().getUTCFullYear();
  const file = options.file ?? HOLIDAYS_FILE;
  const text = renderHolidaysModule(baseYear);
  let old = "";
  try {
    old = readFileSync(file, "utf8");
  } catch {
    // first generation
  }
  const changed = old !== text;
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const count = (text.match(/^ {2}\{ date:/gm) ?? []).length;
  return { file, count, changed };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = process.argv[2];
  const baseYear = arg ? Number(arg) : undefined;
  if (baseYear !== undefined && !Number.isInteger(baseYear)) throw new Error(`not a year: ${arg}`);
  const { file, count, changed } = generateHolidays({ baseYear });
  console.log(`${file}: ${count} holidays${changed ? "" : " (unchanged)"}`);
}
