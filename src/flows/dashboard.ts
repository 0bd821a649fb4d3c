/**
 * The Dasbor sheet, kept current by the sweep from the register rows the reminder pass read
 * (no read of its own): the numbers come from src/domain/dashboard.ts, the sheet is written in one
 * write, and its two charts (EmbeddedChartBuilder) are built once and rebuilt only when the blocks
 * they draw moved (a stage or an OPD was added). Nothing personal: tickets, statuses, stages,
 * OPDs, officials' addresses as holders, and counts.
 */
import { calendarFromConfig } from "../domain/calendar.js";
import {
  computeDashboard,
  dashboardGrid,
  parseStageTimes,
  type Dashboard,
  type DashRow,
  type GridBlock,
} from "../domain/dashboard.js";
import { localStamp } from "../domain/reminders.js";
import { isStatus } from "../domain/request.js";
import { t } from "../domain/text/index.js";
import type { Ctx } from "../workspace/context.js";
import { effectiveAccount } from "../workspace/trust.js";
import type { RegisterRow } from "../workspace/register.js";
import { cellText, decodeRegisterRow } from "../workspace/registercodec.js";
import { sheetCell, type Cell } from "../workspace/table.js";
import { stoppedMs } from "./reminders.js";
import { licenceDashLine } from "./licences.js";

export const DASHBOARD_SHEET = "Dasbor";

export interface DashboardReport {
  rows: number;
  /** Charts (re)built in this run. */
  chartsBuilt: number;
}

/** A register row as the dashboard sees it (nothing personal). */
export function dashRow(row: RegisterRow, ctx: Ctx): DashRow | null {
  const rec = decodeRegisterRow(row);
  // A status cell holding stray text leaves the row out (the typed status would read it "baru").
  if (!rec.ticket || !rec.receivedMs || !isStatus(cellText(row.status))) return null;
  return {
    ticket: rec.ticket,
    status: rec.status,
    opd: rec.opd,
    receivedMs: rec.receivedMs,
    stoppedMs: stoppedMs(rec),
    stageKey: rec.stageKey,
    stageEnteredMs: rec.stageEnteredMs ?? 0,
    holders: rec.responsible.flatMap((h) => h.split(/[;\s]+/)).filter(Boolean),
    stageTimes: parseStageTimes(rec.stageTimes, ctx.config),
  };
}

export function dashboardOf(ctx: Ctx, rows: readonly RegisterRow[], nowMs: number): Dashboard {
  const list = rows.map((r) => dashRow(r, ctx)).filter((r): r is DashRow => r !== null);
  return computeDashboard(list, ctx.config, nowMs, calendarFromConfig(ctx.config), ctx.offset);
}

function a1(b: GridBlock, sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  return sheet.getRange(b.row, b.col, b.rows, b.cols).getA1Notation();
}

export function refreshDashboard(ctx: Ctx, rows: readonly RegisterRow[], nowMs: number): DashboardReport {
  const lang = ctx.config.language;
  const d = dashboardOf(ctx, rows, nowMs);
  const grid = dashboardGrid(d, ctx.config, localStamp(nowMs, ctx.offset), lang, licenceDashLine(ctx));
  let sheet = ctx.ss.getSheetByName(DASHBOARD_SHEET);
  if (!sheet) {
    sheet = ctx.ss.insertSheet(DASHBOARD_SHEET);
    sheet.setColumnWidth(1, 260);
    // Only the program writes here (as setup protects the program's other sheets).
    const protection = sheet.protect().setDescription(t(lang, "dash.protect"));
    const me = effectiveAccount();
    protection.addEditor(me);
    const others = protection
      .getEditors()
      .map((u) => u.getEmail())
      .filter((e) => e.toLowerCase() !== me);
    if (others.length > 0) protection.removeEditors(others);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }
  // One write: the block, and blank cells over what an earlier, longer dashboard left.
  const height = Math.max(grid.values.length, sheet.getLastRow());
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  const values: Cell[][] = [];
  for (let i = 0; i < height; i++)
    values.push((grid.values[i] ?? Array<Cell>(grid.width).fill("")).map((v) => sheetCell(v)));
  sheet.getRange(1, 1, height, grid.width).setValues(values);

  const want = [
    {
      block: grid.charts.status,
      type: Charts.ChartType.COLUMN,
      title: t(lang, "dash.chart.status"),
      at: [2, 8] as const,
    },
    {
      block: grid.charts.stages,
      type: Charts.ChartType.BAR,
      title: t(lang, "dash.chart.stages"),
      at: [22, 8] as const,
    },
  ];
  const charts = sheet.getCharts();
  const same =
    charts.length === want.length &&
    charts.every((c, i) => {
      const ranges = c.getRanges();
      return ranges.length === 1 && ranges[0]!.getA1Notation() === a1(want[i]!.block, sheet);
    });
  if (same) return { rows: height, chartsBuilt: 0 };
  for (const c of charts) sheet.removeChart(c);
  for (const w of want) {
    const b = w.block;
    const chart = sheet
      .newChart()
      .setChartType(w.type)
      .addRange(sheet.getRange(b.row, b.col, b.rows, b.cols))
      .setNumHeaders(1)
      .setOption("title", w.title)
      .setPosition(w.at[0], w.at[1], 0, 0)
      .build();
    sheet.insertChart(chart);
  }
  return { rows: height, chartsBuilt: want.length };
}
