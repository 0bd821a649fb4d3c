/**
 * The numbers of the Dasbor sheet and of the monthly recap, from register rows reduced to what
 * they need (DashRow: no name, no NIP, no address — nothing personal reaches the dashboard):
 * requests per status and per OPD in a month and the month before; per stage, the median and 90th
 * percentile working minutes against the target and the share within it; the whole service against
 * its standard; the open backlog by age; requests past their stage's target by holder.
 */
import { formatDuration, workingMinutesBetween, type WorkCalendar } from "./calendar.js";
import type { Language, OfficeConfig } from "./config.js";
import { STATUSES, statusTextKey, TERMINAL_STATUSES, type Status } from "./request.js";
import { t, tx } from "./text/index.js";

const statusLabel = (s: Status, lang: Language): string => tx(lang, statusTextKey(s));

/** A register row as the dashboard sees it. */
export interface DashRow {
  ticket: string;
  status: Status;
  /** The OPD's name as registered. */
  opd: string;
  receivedMs: number;
  /** When the service clock stopped (finished, rejected, returned); null while it runs. */
  stoppedMs: number | null;
  stageKey: string;
  stageEnteredMs: number;
  holders: string[];
  /** Finished stage visits ("Waktu per Tahap"). */
  stageTimes: { stageKey: string; minutes: number }[];
}

/** A calendar month in the office's time: "2026-12" and its bounds. */
export interface Month {
  key: string;
  startMs: number;
  endMs: number;
}

/** The month of an instant and the one before, in the office's time. */
export function monthOf(ms: number, utcOffsetMinutes: number): Month {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return monthAt(d.getUTCFullYear(), d.getUTCMonth() + 1, utcOffsetMinutes);
}

export function monthAt(year: number, month: number, utcOffsetMinutes: number): Month {
  const off = utcOffsetMinutes * 60_000;
  const startMs = Date.UTC(year, month - 1, 1) - off;
  const endMs = Date.UTC(year, month, 1) - off;
  return { key: `${year}-${String(month).padStart(2, "0")}`, startMs, endMs };
}

export function previousMonth(m: Month, utcOffsetMinutes: number): Month {
  const [y, mo] = m.key.split("-").map(Number) as [number, number];
  return mo === 1 ? monthAt(y - 1, 12, utcOffsetMinutes) : monthAt(y, mo - 1, utcOffsetMinutes);
}

/** Nearest-rank percentile (p in 0..100) of a list; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Whole percent, or null when there is nothing to count. */
function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

export interface StageStats {
  key: string;
  label: string;
  target: number;
  median: number | null;
  p90: number | null;
  /** Percent of visits within the target. */
  within: number | null;
  count: number;
}

export interface MonthNumbers {
  month: Month;
  received: number;
  byStatus: Record<Status, number>;
  byOpd: Map<string, number>;
  finished: number;
  rejected: number;
  /** Finished requests whose whole time was within the standard (percent). */
  finishedWithin: number | null;
  stages: StageStats[];
  total: StageStats;
  /** Stage visits past their target: why a request was late (stage, holder). */
  lateStages: {
    ticket: string;
    stageKey: string;
    label: string;
    holder: string;
    minutes: number;
    target: number;
  }[];
}

/** The numbers of the requests received in a month. */
export function monthNumbers(
  rows: readonly DashRow[],
  month: Month,
  config: OfficeConfig,
  cal: WorkCalendar,
): MonthNumbers {
  const mine = rows.filter((r) => r.receivedMs >= month.startMs && r.receivedMs < month.endMs);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byOpd = new Map<string, number>();
  for (const r of mine) {
    byStatus[r.status]++;
    byOpd.set(r.opd, (byOpd.get(r.opd) ?? 0) + 1);
  }
  const finishedRows = mine.filter((r) => r.status === "selesai" && r.stoppedMs !== null);
  const totals = finishedRows.map((r) => workingMinutesBetween(r.receivedMs, r.stoppedMs!, cal));
  const standard = config.time.serviceMinutes;
  const stages: StageStats[] = config.stages.map((s) => {
    const visits = mine.flatMap((r) =>
      r.stageTimes.filter((v) => v.stageKey === s.key).map((v) => v.minutes),
    );
    return {
      key: s.key,
      label: s.label,
      target: s.targetMinutes,
      median: percentile(visits, 50),
      p90: percentile(visits, 90),
      within: share(visits.filter((m) => m <= s.targetMinutes).length, visits.length),
      count: visits.length,
    };
  });
  const lateStages: MonthNumbers["lateStages"] = [];
  for (const r of mine)
    for (const v of r.stageTimes) {
      const s = config.stages.find((x) => x.key === v.stageKey);
      if (s && v.minutes > s.targetMinutes)
        lateStages.push({
          ticket: r.ticket,
          stageKey: s.key,
          label: s.label,
          holder: s.role,
          minutes: v.minutes,
          target: s.targetMinutes,
        });
    }
  return {
    month,
    received: mine.length,
    byStatus,
    byOpd,
    finished: finishedRows.length,
    rejected: byStatus.ditolak,
    finishedWithin: share(totals.filter((m) => m <= standard).length, totals.length),
    stages,
    total: {
      key: "",
      label: "",
      target: standard,
      median: percentile(totals, 50),
      p90: percentile(totals, 90),
      within: share(totals.filter((m) => m <= standard).length, totals.length),
      count: totals.length,
    },
    lateStages,
  };
}

export interface OpenRequest {
  ticket: string;
  status: Status;
  stageKey: string;
  stageLabel: string;
  holders: string[];
  ageMinutes: number;
  stageMinutes: number;
  late: boolean;
}

export interface Dashboard {
  now: MonthNumbers;
  before: MonthNumbers;
  /** Open requests (not finished or rejected), oldest first. */
  open: OpenRequest[];
  /** Open requests by age since received: ≤ 1 working day, 1–3, more. */
  backlog: [number, number, number];
  /** Open requests past their stage's target (not on hold), by holder, most first. */
  lateByHolder: { holder: string; count: number }[];
}

/** The shortest working day of the week, in minutes (a "working day" for the backlog's ages). */
export function workingDayMinutes(config: OfficeConfig): number {
  const spans = Object.values(config.time.hours.days)
    .filter((s): s is [number, number] => !!s)
    .map((s) => s[1] - s[0]);
  return spans.length ? Math.min(...spans) : 480;
}

export function computeDashboard(
  rows: readonly DashRow[],
  config: OfficeConfig,
  nowMs: number,
  cal: WorkCalendar,
  utcOffsetMinutes: number,
): Dashboard {
  const month = monthOf(nowMs, utcOffsetMinutes);
  const now = monthNumbers(rows, month, config, cal);
  const before = monthNumbers(rows, previousMonth(month, utcOffsetMinutes), config, cal);
  const day = workingDayMinutes(config);
  const open: OpenRequest[] = [];
  for (const r of rows) {
    if (TERMINAL_STATUSES.includes(r.status)) continue;
    const stage = config.stages.find((s) => s.key === r.stageKey);
    const stageMinutes = r.stageEnteredMs ? workingMinutesBetween(r.stageEnteredMs, nowMs, cal) : 0;
    open.push({
      ticket: r.ticket,
      status: r.status,
      stageKey: r.stageKey,
      stageLabel: stage?.label ?? "",
      holders: r.holders,
      ageMinutes: workingMinutesBetween(r.receivedMs, r.stoppedMs ?? nowMs, cal),
      stageMinutes,
      late:
        !!stage &&
        r.status !== "ditahan" &&
        r.status !== "perlu perbaikan" &&
        stageMinutes >= stage.targetMinutes,
    });
  }
  open.sort((a, b) => b.ageMinutes - a.ageMinutes || a.ticket.localeCompare(b.ticket));
  const backlog: [number, number, number] = [0, 0, 0];
  for (const o of open) backlog[o.ageMinutes <= day ? 0 : o.ageMinutes <= 3 * day ? 1 : 2]++;
  const byHolder = new Map<string, number>();
  for (const o of open) if (o.late) for (const h of o.holders) byHolder.set(h, (byHolder.get(h) ?? 0) + 1);
  const lateByHolder = [...byHolder.entries()]
    .map(([holder, count]) => ({ holder, count }))
    .sort((a, b) => b.count - a.count || a.holder.localeCompare(b.holder));
  return { now, before, open, backlog, lateByHolder };
}

// ── "Waktu per Tahap" read back ────────────────────────────────────────────────

/**
 * The finished stage visits of "Waktu per Tahap" ("Kepala Dinas: 1 jam 5 menit (terlambat); …",
 * written in either language by the edit and provisioning handlers): each part whose label is a
 * stage's, with its duration in minutes.
 */
export function parseStageTimes(text: string, config: OfficeConfig): { stageKey: string; minutes: number }[] {
  const out: { stageKey: string; minutes: number }[] = [];
  for (const part of text.split(";")) {
    const p = part.trim();
    const stage = [...config.stages]
      .sort((a, b) => b.label.length - a.label.length)
      .find((s) => p.startsWith(`${s.label}:`));
    if (!stage) continue;
    const rest = p.slice(stage.label.length + 1);
    const h = /(\d+)\s*(?:jam|hours?)\b/.exec(rest);
    const m = /(\d+)\s*(?:menit|minutes?)\b/.exec(rest);
    if (!h && !m) continue;
    out.push({ stageKey: stage.key, minutes: Number(h?.[1] ?? 0) * 60 + Number(m?.[1] ?? 0) });
  }
  return out;
}

// ── The sheet ─────────────────────────────────────────────────────────────────

export type GridCell = string | number;

/** A block of the sheet a chart draws (1-based row and column, header row included). */
export interface GridBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface DashboardGrid {
  values: GridCell[][];
  width: number;
  /** The blocks the two charts draw. */
  charts: { status: GridBlock; stages: GridBlock };
}

export const GRID_WIDTH = 6;
/** How many open requests the sheet lists by name (ticket only). */
export const OLDEST_LISTED = 10;

const orDash = (v: number | null): GridCell => (v === null ? "" : v);

/** The Dasbor sheet as one block of values, and where its charts read. */
export function dashboardGrid(
  d: Dashboard,
  config: OfficeConfig,
  updated: string,
  lang: Language,
  /** The licences line (flows/licences.ts), shown in the second row. */
  licences = "",
): DashboardGrid {
  const rows: GridCell[][] = [];
  const push = (...cells: GridCell[]): number => {
    rows.push(cells);
    return rows.length;
  };
  push(t(lang, "dash.title"), "", "", "", "", t(lang, "dash.updated", { time: updated }));
  push(licences);
  push(t(lang, "dash.by_status"));
  const statusHeader = push(
    t(lang, "dash.col.status"),
    t(lang, "dash.col.this_month", { month: d.now.month.key }),
    t(lang, "dash.col.last_month", { month: d.before.month.key }),
  );
  for (const s of STATUSES) push(statusLabel(s, lang), d.now.byStatus[s], d.before.byStatus[s]);
  push();
  push(t(lang, "dash.by_opd"));
  push(
    t(lang, "dash.col.opd"),
    t(lang, "dash.col.this_month", { month: d.now.month.key }),
    t(lang, "dash.col.last_month", { month: d.before.month.key }),
  );
  const known = new Set(config.opds.map((o) => o.name));
  for (const o of config.opds) push(o.name, d.now.byOpd.get(o.name) ?? 0, d.before.byOpd.get(o.name) ?? 0);
  const other = (m: Map<string, number>): number =>
    [...m.entries()].filter(([k]) => !known.has(k)).reduce((a, [, n]) => a + n, 0);
  push(t(lang, "dash.other_opd"), other(d.now.byOpd), other(d.before.byOpd));
  push();
  push(t(lang, "dash.stages"));
  const stageHeader = push(
    t(lang, "dash.col.stage"),
    t(lang, "dash.col.target"),
    t(lang, "dash.col.median"),
    t(lang, "dash.col.p90"),
    t(lang, "dash.col.within"),
    t(lang, "dash.col.count"),
  );
  for (const s of d.now.stages)
    push(s.label, s.target, orDash(s.median), orDash(s.p90), orDash(s.within), s.count);
  const tot = d.now.total;
  push(t(lang, "dash.total"), tot.target, orDash(tot.median), orDash(tot.p90), orDash(tot.within), tot.count);
  push();
  push(t(lang, "dash.backlog"));
  push(t(lang, "dash.col.age"), t(lang, "dash.col.count"));
  push(t(lang, "dash.age.day1"), d.backlog[0]);
  push(t(lang, "dash.age.day3"), d.backlog[1]);
  push(t(lang, "dash.age.more"), d.backlog[2]);
  push();
  push(t(lang, "dash.late_by_holder"));
  push(t(lang, "dash.col.holder"), t(lang, "dash.col.late"));
  for (const h of d.lateByHolder) push(h.holder, h.count);
  push();
  push(t(lang, "dash.oldest"));
  push(
    t(lang, "dash.col.ticket"),
    t(lang, "dash.col.status"),
    t(lang, "dash.col.stage"),
    t(lang, "dash.col.age"),
    t(lang, "dash.col.stage_age"),
  );
  for (const o of d.open.slice(0, OLDEST_LISTED))
    push(
      o.ticket,
      statusLabel(o.status, lang),
      o.stageLabel,
      formatDuration(o.ageMinutes, lang),
      o.stageMinutes,
    );
  const values = rows.map((r) => [...r, ...Array<GridCell>(GRID_WIDTH - r.length).fill("")]);
  return {
    values,
    width: GRID_WIDTH,
    charts: {
      status: { row: statusHeader, col: 1, rows: STATUSES.length + 1, cols: 3 },
      stages: { row: stageHeader, col: 1, rows: config.stages.length + 1, cols: 4 },
    },
  };
}
