/**
 * The monthly recap mail: a month's numbers against the month before, the stages that passed their
 * target and why (the stage and its holder), in the office's language (Indonesian by default).
 * No personal data: tickets, stages, roles and counts.
 */
import { formatDuration, isWorkDay, type WorkCalendar } from "./calendar.js";
import type { Language, OfficeConfig } from "./config.js";
import type { MonthNumbers } from "./dashboard.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import { t } from "./text/index.js";
import { localDateKey, monthName as calendarMonthName } from "./dates.js";

/** Whether the local day of `nowMs` is the first working day of its month. */
export function isFirstWorkDayOfMonth(nowMs: number, utcOffsetMinutes: number, cal: WorkCalendar): boolean {
  const today = localDateKey(nowMs, utcOffsetMinutes);
  if (!isWorkDay(today, cal)) return false;
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  for (let day = 1; day < d; day++) {
    const date = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (isWorkDay(date, cal)) return false;
  }
  return true;
}

/** "November 2026" from "2026-11", in a language. */
export function monthName(key: string, lang: Language): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  return `${calendarMonthName(m, lang)} ${y}`;
}

export function composeRecap(
  now: MonthNumbers,
  before: MonthNumbers,
  config: OfficeConfig,
  lang: Language = config.language,
  withAttachment = true,
): MailText {
  const month = monthName(now.month.key, lang);
  const previous = monthName(before.month.key, lang);
  const pct = (v: number | null): string => (v === null ? t(lang, "recap.none") : `${v}%`);
  const dur = (v: number | null): string => (v === null ? t(lang, "recap.none") : formatDuration(v, lang));
  const office = config.office.shortName || config.office.name;
  const blocks: Block[] = [
    { kind: "p", text: t(lang, "recap.intro", { month, office }) },
    { kind: "h", text: t(lang, "recap.numbers", { month, previous }) },
    {
      kind: "ul",
      items: [
        t(lang, "recap.received", { now: now.received, before: before.received }),
        t(lang, "recap.finished", { now: now.finished, before: before.finished }),
        t(lang, "recap.rejected", { now: now.rejected, before: before.rejected }),
        t(lang, "recap.within", {
          standard: formatDuration(config.time.serviceMinutes, lang),
          now: pct(now.finishedWithin),
          before: pct(before.finishedWithin),
        }),
      ],
    },
    { kind: "h", text: t(lang, "recap.stages_heading") },
    {
      kind: "ul",
      items: now.stages.map((s) =>
        t(lang, "recap.stage", {
          stage: s.label,
          median: dur(s.median),
          p90: dur(s.p90),
          target: formatDuration(s.target, lang),
          within: pct(s.within),
          count: s.count,
        }),
      ),
    },
    { kind: "h", text: t(lang, "recap.late_heading") },
  ];
  if (now.lateStages.length === 0) blocks.push({ kind: "p", text: t(lang, "recap.no_late") });
  else
    blocks.push({
      kind: "ul",
      items: now.lateStages.map((l) =>
        t(lang, "recap.late_item", {
          ticket: l.ticket,
          stage: l.label,
          holder: l.holder,
          spent: formatDuration(l.minutes, lang),
          target: formatDuration(l.target, lang),
        }),
      ),
    });
  if (withAttachment) blocks.push({ kind: "p", text: t(lang, "recap.attachment") });
  return officeMail(t(lang, "recap.subject", { month }), blocks, config, lang);
}
