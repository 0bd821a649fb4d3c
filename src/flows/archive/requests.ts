/** The yearly archive's first phase: closed requests move, with their rows in the other sheets. */
import { archivable } from "../../domain/archive.js";
import { appendRows, columnOf, deleteRowsOf, recordRemoval } from "../../workspace/archive.js";
import type { Ctx } from "../../workspace/context.js";
import { flushSpreadsheets } from "../../workspace/spreadsheets.js";
import { tryWithScriptLock } from "../../workspace/lock.js";
import { responseKey } from "../../workspace/register.js";
import { REGISTER_COLUMNS, SHEET_NAMES } from "../../workspace/schema.js";
import { STATUS_SHEET } from "../../workspace/statusrecords.js";
import type { Cell } from "../../workspace/table.js";

import {
  ARCHIVE_BATCH,
  facts,
  INDEX_KEY,
  INDEX_TICKET,
  REG,
  STATUS_TICKET,
  type ArchiveRun,
} from "./shared.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ── Requests ────────────────────────────────────────────────────────────────────────────────

interface Mirror {
  sheet: Sheet | null;
  values: Cell[][];
}

function mirror(sheet: Sheet | null): Mirror {
  if (!sheet || sheet.getLastRow() < 2) return { sheet, values: [] };
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues() as Cell[][];
  return { sheet, values };
}

/** Removes rows (sheet row numbers) from a mirror, as deleteRows did from its sheet. */
function drop(m: Mirror, rows: readonly number[]): void {
  const gone = new Set(rows);
  m.values = m.values.filter((_, i) => !gone.has(i + 2));
}

export function moveRequests(
  ctx: Ctx,
  archive: Spreadsheet,
  run: ArchiveRun,
  budget: () => boolean,
): { count: number; done: boolean } {
  // One read of each live sheet per execution; kept in step with the removals below. Under the
  // lock every row to copy is read again and checked (an execution that appended or a person who
  // edited in between is noticed; the batch is then chosen again).
  const reg = mirror(ctx.ss.getSheetByName(SHEET_NAMES.register));
  const status = mirror(ctx.ss.getSheetByName(STATUS_SHEET));
  const index = mirror(ctx.ss.getSheetByName(SHEET_NAMES.responseIndex));
  const resp = mirror(ctx.ss.getSheetByName(SHEET_NAMES.responses));
  const target = {
    register: archive.getSheetByName(SHEET_NAMES.register)!,
    status: archive.getSheetByName(STATUS_SHEET)!,
    index: archive.getSheetByName(SHEET_NAMES.responseIndex)!,
    responses: archive.getSheetByName(SHEET_NAMES.responses)!,
  };
  const have = {
    register: new Set(columnOf(target.register, 1)),
    status: new Set(columnOf(target.status, STATUS_TICKET + 1)),
    index: new Set<string>(),
    responses: new Set<string>(),
  };
  const archivedKeys = columnOf(target.index, INDEX_KEY + 1);
  columnOf(target.index, INDEX_TICKET + 1).forEach((tk, i) =>
    have.index.add(`${tk}|${archivedKeys[i] ?? ""}`),
  );
  if (target.responses.getLastRow() >= 2)
    for (const cells of target.responses
      .getRange(2, 1, target.responses.getLastRow() - 1, Math.max(1, target.responses.getLastColumn()))
      .getValues() as Cell[][])
      have.responses.add(responseKey(cells));
  // Index entries without a response identity name responses by row number: removing response
  // rows would move them onto other people's answers, so then responses are copied, not removed.
  const legacy = index.values.some((r) => String(r[INDEX_TICKET] ?? "") && !String(r[INDEX_KEY] ?? ""));
  let count = 0;
  for (;;) {
    const due: { row: number; ticket: string; closedMs: number }[] = [];
    reg.values.forEach((cells, i) => {
      const ticket = String(cells[REG.ticket] ?? "");
      if (!ticket) return;
      const f = facts(cells);
      if (archivable(f, run.cutoffMs)) due.push({ row: i + 2, ticket, closedMs: f.closedMs });
    });
    if (due.length === 0) return { count, done: true };
    if (!budget()) return { count, done: false };
    const batch = due.slice(0, ARCHIVE_BATCH);
    const done = tryWithScriptLock(() =>
      moveBatch(run, batch, { reg, status, index, resp }, target, have, legacy),
    );
    if (!done.ok) return { count, done: false };
    count += done.value;
    if (done.value === 0) return { count, done: false }; // the sheets changed under us: next sweep
  }
}

function moveBatch(
  run: ArchiveRun,
  batch: readonly { row: number; ticket: string; closedMs: number }[],
  live: { reg: Mirror; status: Mirror; index: Mirror; resp: Mirror },
  target: { register: Sheet; status: Sheet; index: Sheet; responses: Sheet },
  have: { register: Set<string>; status: Set<string>; index: Set<string>; responses: Set<string> },
  legacy: boolean,
): number {
  const regSheet = live.reg.sheet!;
  // The batch's register rows, read again under the lock and checked.
  const first = batch[0]!.row;
  const last = batch[batch.length - 1]!.row;
  const span = regSheet.getRange(first, 1, last - first + 1, REGISTER_COLUMNS.length).getValues() as Cell[][];
  const rows: { row: number; ticket: string; cells: Cell[]; closedMs: number }[] = [];
  for (const b of batch) {
    const cells = span[b.row - first] ?? [];
    if (String(cells[REG.ticket] ?? "") !== b.ticket) continue;
    const f = facts(cells);
    if (archivable(f, run.cutoffMs)) rows.push({ row: b.row, ticket: b.ticket, cells, closedMs: f.closedMs });
  }
  if (rows.length === 0) return 0;
  // Appended in the order they were closed: retention in the archive reads them in that order.
  rows.sort((a, b) => a.closedMs - b.closedMs);
  const tickets = new Set(rows.map((r) => r.ticket));

  // Which rows of the other sheets belong to the batch (from the mirrors, checked in one read each).
  const pick = (m: Mirror, keyCol: number): number[] =>
    m.values.flatMap((cells, i) => (tickets.has(String(cells[keyCol] ?? "")) ? [i + 2] : []));
  const fresh = (m: Mirror, picked: number[], keyCol: number): Map<number, Cell[]> | null => {
    const out = new Map<number, Cell[]>();
    if (!m.sheet || picked.length === 0) return out;
    const lo = Math.min(...picked);
    const hi = Math.max(...picked);
    const width = m.values[0]?.length ?? m.sheet.getLastColumn();
    const read = m.sheet.getRange(lo, 1, hi - lo + 1, width).getValues() as Cell[][];
    for (const r of picked) {
      const cells = read[r - lo] ?? [];
      if (String(cells[keyCol] ?? "") !== String(m.values[r - 2]?.[keyCol] ?? "")) return null;
      out.set(r, cells);
    }
    return out;
  };
  const statusRows = pick(live.status, STATUS_TICKET);
  const indexRows = pick(live.index, INDEX_TICKET);
  const statusCells = fresh(live.status, statusRows, STATUS_TICKET);
  const indexCells = fresh(live.index, indexRows, INDEX_TICKET);
  if (!statusCells || !indexCells) return 0;
  const keys = new Set(indexRows.map((r) => String(indexCells.get(r)![INDEX_KEY] ?? "")).filter(Boolean));
  const respRows = live.resp.values.flatMap((cells, i) => (keys.has(responseKey(cells)) ? [i + 2] : []));
  const respCells = new Map<number, Cell[]>();
  if (live.resp.sheet && respRows.length > 0) {
    const lo = Math.min(...respRows);
    const hi = Math.max(...respRows);
    const width = live.resp.values[0]?.length ?? 1;
    const read = live.resp.sheet.getRange(lo, 1, hi - lo + 1, width).getValues() as Cell[][];
    for (const r of respRows) {
      const cells = read[r - lo] ?? [];
      if (responseKey(cells) !== responseKey(live.resp.values[r - 2] ?? [])) return 0;
      respCells.set(r, cells);
    }
  }

  // Copy what the archive lacks.
  const add = <T>(list: T[], key: string, set: Set<string>, value: T): void => {
    if (set.has(key)) return;
    set.add(key);
    list.push(value);
  };
  const out = {
    register: [] as Cell[][],
    status: [] as Cell[][],
    index: [] as Cell[][],
    responses: [] as Cell[][],
  };
  for (const r of respRows)
    add(out.responses, responseKey(respCells.get(r)!), have.responses, respCells.get(r)!);
  for (const r of indexRows) {
    const cells = indexCells.get(r)!;
    add(out.index, `${String(cells[INDEX_TICKET])}|${String(cells[INDEX_KEY] ?? "")}`, have.index, cells);
  }
  for (const r of statusRows) {
    const cells = statusCells.get(r)!;
    add(out.status, String(cells[STATUS_TICKET]), have.status, cells);
  }
  for (const r of rows) add(out.register, r.ticket, have.register, r.cells);
  appendRows(target.responses, out.responses);
  appendRows(target.index, out.index);
  appendRows(target.status, out.status);
  appendRows(target.register, out.register);
  flushSpreadsheets();

  // Remove from the live sheets: responses, index, status records, and the register row last.
  if (live.resp.sheet && !legacy) {
    deleteRowsOf(live.resp.sheet, respRows);
    drop(live.resp, respRows);
  }
  if (live.index.sheet) {
    deleteRowsOf(live.index.sheet, indexRows);
    drop(live.index, indexRows);
  }
  if (live.status.sheet) {
    deleteRowsOf(live.status.sheet, statusRows);
    drop(live.status, statusRows);
  }
  const regRows = rows.map((r) => r.row);
  const runs = deleteRowsOf(regSheet, regRows);
  drop(live.reg, regRows);
  recordRemoval(runs, Date.now());
  return rows.length;
}
