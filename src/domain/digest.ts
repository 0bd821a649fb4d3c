/**
 * The mails of the reminder engine: one digest per official per sweep (what they hold that is due,
 * what is late below them), and the daily digest of the last level. Each item is a line with a
 * link to its row; no personal data beyond the ticket and the item's short subject (the OPD; for a
 * complaint, the ticket it is about). Complaints are listed with their own line ("Pengaduan …")
 * and how to answer them.
 */
import { formatDuration } from "./calendar.js";
import type { Language, OfficeConfig } from "./config.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import type { Digest, ReminderEvent, TimedItem } from "./reminders.js";
import { t } from "./text/index.js";

function itemLine(e: ReminderEvent, lang: Language): string {
  return t(lang, e.item.kind === "complaint" ? "reminder.item_complaint" : "reminder.item", {
    ticket: e.item.id,
    stage: e.item.stageLabel,
    subject: e.item.subject,
    elapsed: formatDuration(e.elapsedMinutes, lang),
    target: formatDuration(e.item.targetMinutes, lang),
  });
}

const isComplaint = (item: TimedItem): boolean => item.kind === "complaint";

/** How to act, for each kind of item the mail lists (the register's dropdown; the Pengaduan sheet's). */
function howBlocks(items: readonly TimedItem[], lang: Language): Block[] {
  const out: Block[] = [];
  if (items.some((i) => !isComplaint(i))) out.push({ kind: "p", text: t(lang, "reminder.how") });
  if (items.some(isComplaint)) out.push({ kind: "p", text: t(lang, "reminder.how_complaint") });
  return out;
}

function lines(events: readonly ReminderEvent[], lang: Language): Block[] {
  return events.map((e) =>
    e.item.url
      ? { kind: "link", text: itemLine(e, lang), url: e.item.url }
      : { kind: "p", text: itemLine(e, lang) },
  );
}

export function composeDigest(
  digest: Digest,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const office = config.office.shortName || config.office.name;
  const items = [...digest.due, ...digest.late].map((e) => e.item);
  const intro = items.some(isComplaint) ? "reminder.intro_with_complaints" : "reminder.intro";
  const blocks: Block[] = [{ kind: "p", text: t(lang, intro, { office }) }];
  if (digest.due.length > 0) {
    blocks.push({
      kind: "h",
      text: t(lang, "reminder.due_heading", { percent: config.time.reminderAtPercent }),
    });
    blocks.push(...lines(digest.due, lang));
  }
  if (digest.late.length > 0) {
    blocks.push({ kind: "h", text: t(lang, "reminder.late_heading") });
    blocks.push(...lines(digest.late, lang));
  }
  blocks.push(...howBlocks(items, lang));
  return officeMail(
    t(lang, "reminder.subject", { due: digest.due.length, late: digest.late.length }),
    blocks,
    config,
    lang,
  );
}

/** A late item as the daily digest lists it. */
export interface LateItem {
  item: TimedItem;
  elapsedMinutes: number;
}

export function composeDailyDigest(
  late: readonly LateItem[],
  date: string,
  config: OfficeConfig,
  lang: Language = config.language,
): MailText {
  const office = config.office.shortName || config.office.name;
  const items = late.map((l) => l.item);
  const intro = items.some(isComplaint) ? "daily.intro_with_complaints" : "daily.intro";
  const blocks: Block[] = [{ kind: "p", text: t(lang, intro, { date, count: late.length, office }) }];
  for (const l of late) {
    const text = t(lang, isComplaint(l.item) ? "daily.item_complaint" : "daily.item", {
      ticket: l.item.id,
      stage: l.item.stageLabel,
      subject: l.item.subject,
      holders: l.item.holders.join(", "),
      elapsed: formatDuration(l.elapsedMinutes, lang),
      target: formatDuration(l.item.targetMinutes, lang),
    });
    blocks.push(l.item.url ? { kind: "link", text, url: l.item.url } : { kind: "p", text });
  }
  blocks.push(...howBlocks(items, lang));
  return officeMail(t(lang, "daily.subject", { count: late.length }), blocks, config, lang);
}
