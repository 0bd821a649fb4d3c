/**
 * The office's working hours as administrators type them in the settings sheet
 * ("Sen-Kam 07:30-16:00; Jum 07:30-16:30"), read and written back.
 */
import type { Language, WorkingHours } from "./config.js";
import { t } from "./text/index.js";

export const HOURS_EXAMPLE = "Sen-Kam 07:30-16:00; Jum 07:30-16:30";

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
