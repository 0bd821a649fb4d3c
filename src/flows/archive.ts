/**
 * The yearly archive (issue #13), a step of the sweep. Once a year, `arsip_bulan` months after the
 * year closed (default 3: from 1 April), outside office hours, the requests closed before 1 January
 * (selesai, ditolak; provisioning needing nothing more) move to the spreadsheet "Arsip Surel <year>"
 * that the service creates through the Drive API: their register rows, status records (the status
 * page still finds them), form responses and response index rows; then the log's prefix up to the
 * first entry of a ticket that stays live moves too, and the live log starts with an anchor row
 * that carries the number and hash of the archived tail (domain/archive.ts).
 *
 * Continuation and exactly once. The run's state is one Script Property (the book, with the run
 * under way), written before and after each step; a run cut off anywhere is continued by the next
 * sweep from what the sheets show:
 * - the file: found by its name among the files this project created before one is created;
 * - requests, in batches under the script lock: each batch is copied to the archive (each sheet's
 *   rows skipped when the archive already holds that ticket or response), then removed from the
 *   live sheets in the order responses, index, status records, register: a run cut off before the
 *   register row went finds the row still live and still closed, copies nothing twice and removes
 *   the rest. A row is never removed from the live register before its copy is in the archive.
 * - the log: entries are copied after the archive's last one (its end tells where to go on); the
 *   cut (rows removed, anchor row written) is one critical section, recorded in the book after it;
 *   a cut cut off in between is recognised by the live log's row 2 (liveOffset).
 * Register rows move only outside office hours; an edit made just before a removal and handled
 * after it is mapped to its row's new place (edit.ts, the removals in Script Properties).
 */
import { ANCHOR_ACTION, archivable, dueArchiveRun, logCut, type LogSegment } from "../domain/archive.js";
import { type LogEntry, verifyChain, GENESIS_HASH } from "../domain/audit.js";
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import { parseProvisionState } from "../domain/provisioning.js";
import { closedAtMs, provisioningPending } from "../domain/retention.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import {
  appendRows,
  archiveFileName,
  columnOf,
  deleteRowsOf,
  findOrCreateArchive,
  prepareArchive,
  readBook,
  recordRemoval,
  writeBook,
  type ArchiveBook,
} from "../workspace/archive.js";
import type { Ctx } from "../workspace/context.js";
import { flushSpreadsheets, openSpreadsheet } from "../workspace/spreadsheets.js";
import { existingComplaintTable } from "../workspace/complaints.js";
import { logError } from "../workspace/errors.js";
import { tryWithScriptLock } from "../workspace/lock.js";
import { fromValues, liveOffset, setVerifiedAnchor, toValues, verifiedAnchor } from "../workspace/log.js";
import { cellMs, responseKey } from "../workspace/register.js";
import { INDEX_COLUMNS, LOG_COLUMNS, REGISTER_COLUMNS, SHEET_NAMES } from "../workspace/schema.js";
import { STATUS_COLUMNS, STATUS_SHEET } from "../workspace/statusrecords.js";
import type { Cell } from "../workspace/table.js";

/** Requests moved per critical section. */
export const ARCHIVE_BATCH = 1000;
/** Log entries copied per write. */
export const LOG_COPY_BLOCK = 5000;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ArchiveRun {
  /** The month of the run ("yyyy-MM"). */
  key: string;
  /** The archive's year: the requests moved closed in it (or before). */
  year: number;
  /** Requests closed before this instant (a month's start, office time) move. */
  cutoffMs: number;
  name: string;
  id?: string;
  phase: "requests" | "log";
  moved: number;
  /** The archive's sheets, protections and sharing are in place. */
  prepared?: boolean;
  /** The last log entry copied to the archive and verified there. */
  verified?: { seq: number; hash: string };
}

export interface ArchiveReport {
  year: number;
  /** Requests moved in this execution. */
  moved: number;
  /** Log entries moved in this execution (the cut made). */
  logMoved: number;
  /** The year's archive is complete. */
  done: boolean;
}

type Book = ArchiveBook & { run?: ArchiveRun };

const REG = { ticket: 0, status: col("status"), provisioning: col("provisioning") };
function col(key: (typeof REGISTER_COLUMNS)[number]["key"]): number {
  return REGISTER_COLUMNS.findIndex((c) => c.key === key);
}
const STATUS_TICKET = STATUS_COLUMNS.findIndex((c) => c.key === "ticket");
const INDEX_TICKET = INDEX_COLUMNS.findIndex((c) => c.key === "ticket");
const INDEX_KEY = INDEX_COLUMNS.findIndex((c) => c.key === "responseKey");

function facts(cells: readonly Cell[]): Parameters<typeof archivable>[0] {
  const at = (k: (typeof REGISTER_COLUMNS)[number]["key"]): Cell => cells[col(k)] ?? "";
  const label = parseProvisionState(String(at("provisioning"))).label;
  return {
    status: String(at("status")),
    closedMs: closedAtMs({
      updatedMs: cellMs(at("updatedAt")),
      otherDatesMs: [at("receivedAt"), at("stageEnteredAt"), at("createdAt"), at("letterSentAt")].map(cellMs),
    }),
    provisioningPending: provisioningPending({
      provisioningLabel: label,
      letterSentMs: cellMs(at("letterSentAt")),
    }),
  };
}

/**
 * The sweep's step: starts the year's archive when it is due, continues one under way. Cheap when
 * nothing is due: one Script Property read and a date comparison.
 */
export function sweepArchive(ctx: Ctx, budget: () => boolean): ArchiveReport | null {
  const months = ctx.config.privacy.archiveMonths ?? 3;
  const book: Book = readBook();
  const now = Date.now();
  let run = book.run;
  if (!run) {
    const due = dueArchiveRun(now, ctx.offset, months, book.lastRun);
    if (due === null) return null;
    // The year's archive, once made, is filled month by month.
    const file = book.files.find((f) => f.year === due.year);
    run = {
      ...due,
      name: archiveFileName(due.year, ctx.config.office.name),
      phase: "requests",
      moved: 0,
      ...(file ? { id: file.id, prepared: true } : {}),
    };
  }
  const report: ArchiveReport = { year: run.year, moved: 0, logMoved: 0, done: false };
  // Register rows move while officials are away: an edit made meanwhile is mapped (edit.ts), but
  // a register that shifts under an official's eyes is confusing.
  if (isWorkingTime(now, calendarFromConfig(ctx.config))) return null;
  if (!book.run && !anyArchivable(ctx, run.cutoffMs)) {
    // A month with nothing to archive (no file is made for it).
    book.lastRun = run.key;
    writeBook(book);
    return { ...report, done: true };
  }
  book.run = run;
  writeBook(book);

  if (!run.id) {
    run.id = findOrCreateArchive(run.name);
    writeBook(book);
  }
  const archive = openSpreadsheet(run.id);
  const responses = ctx.ss.getSheetByName(SHEET_NAMES.responses);
  const header =
    !run.prepared && responses && responses.getLastColumn() > 0
      ? (responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0] as Cell[])
      : [];
  if (!run.prepared) {
    prepareArchive(archive, ctx.config, header);
    run.prepared = true;
    writeBook(book);
  }

  if (run.phase === "requests") {
    const moved = moveRequests(ctx, archive, run, budget);
    report.moved = moved.count;
    run.moved += moved.count;
    writeBook(book);
    if (!moved.done) return report;
    run.phase = "log";
    writeBook(book);
  }
  if (!budget()) return report;
  const cut = moveLog(ctx, archive, book, run, budget);
  if (!cut.done) return report;
  report.logMoved = cut.moved;
  // Retention looks at the archive again on its next pass (the rows just moved may fall due).
  const file = book.files.find((f) => f.year === run.year);
  if (file) {
    file.requests += run.moved;
    file.eraseAtMs = 0;
  } else book.files.push({ year: run.year, id: run.id, requests: run.moved, eraseAtMs: 0 });
  book.lastRun = run.key;
  delete book.run;
  writeBook(book);
  report.done = true;
  return report;
}

function anyArchivable(ctx: Ctx, cutoffMs: number): boolean {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.register);
  if (!sheet || sheet.getLastRow() < 2) return false;
  const values = sheet
    .getRange(2, 1, sheet.getLastRow() - 1, REGISTER_COLUMNS.length)
    .getValues() as Cell[][];
  return values.some((cells) => String(cells[REG.ticket] ?? "") !== "" && archivable(facts(cells), cutoffMs));
}

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

function moveRequests(
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

// ── The log ─────────────────────────────────────────────────────────────────────────────────

function moveLog(
  ctx: Ctx,
  archive: Spreadsheet,
  book: Book,
  run: ArchiveRun,
  budget: () => boolean,
): { done: boolean; moved: number } {
  const lang = ctx.config.language;
  const logSheet = ctx.ss.getSheetByName(SHEET_NAMES.log);
  if (!logSheet) return { done: true, moved: 0 };
  const width = LOG_COLUMNS.length;
  const offset = liveOffset(logSheet);
  const last = logSheet.getLastRow();
  const prev = book.segments[book.segments.length - 1];
  const segFrom = prev ? prev.to : 0;
  const segFromHash = prev ? prev.hash : GENESIS_HASH;
  // The live log's tickets (one column): where the prefix of tickets that leave ends.
  const seqs = last >= 2 ? logSheet.getRange(2, 1, last - 1, 3).getValues() : [];
  const entries = seqs.map((r) => ({ seq: Number(r[0]), ticket: String(r[2] ?? "") }));
  const stays = liveTickets(ctx);
  const lastSeq = entries.length > 0 ? entries[entries.length - 1]!.seq : 0;
  // Never the whole log: the newest entry stays, so the live log keeps a real tail after its anchor.
  const cut = logCut(
    entries.filter((e) => e.seq > segFrom),
    (tk) => stays.has(tk),
    lastSeq - 1,
  );
  if (cut <= segFrom) return { done: true, moved: 0 };

  // Copy entries segFrom+1..cut after the archive's last one (its end tells where to go on).
  const target = archive.getSheetByName(SHEET_NAMES.log)!;
  if (target.getLastRow() < 2 && segFrom > 0) {
    // The archive's segment starts with an anchor row: the tail of the segment before it.
    const before = book.segments[book.segments.length - 1]!;
    appendRows(target, [
      anchorValues(
        { seq: segFrom, hash: segFromHash },
        t(lang, "archive.segment_start", { seq: segFrom, name: before.year }),
        Date.now(),
      ),
    ]);
  }
  // Each block is verified as it is copied, from the segment's trusted start (the book's last
  // tail, or the genesis); how far is kept with the run, so a long log spans several executions.
  let copied =
    target.getLastRow() >= 2 ? Number(target.getRange(target.getLastRow(), 1).getValue()) : segFrom;
  let verified =
    run.verified && run.verified.seq >= segFrom ? run.verified : { seq: segFrom, hash: segFromHash };
  const verify = (block: LogEntry[]): boolean => {
    const entries = block.filter((e) => e.action !== ANCHOR_ACTION && e.seq > verified.seq);
    const check = verifyChain(entries, ctx.sha256, { start: verified, language: lang });
    if (!check.ok) {
      logError(
        ctx.ss,
        "archive",
        "",
        t(lang, "archive.log_broken", { year: run.year, reason: check.reason }),
      );
      return false;
    }
    verified = check.head;
    run.verified = verified;
    return true;
  };
  if (copied > verified.seq) {
    // Copied by an execution cut off before it recorded the check: checked from the archive.
    const rows = copied - verified.seq;
    const lastRow = target.getLastRow();
    if (!verify(readRows(target, lastRow - rows + 1, rows))) return { done: true, moved: 0 };
  }
  while (copied < cut) {
    if (!budget()) {
      writeBook(book);
      return { done: false, moved: 0 };
    }
    const to = Math.min(cut, copied + LOG_COPY_BLOCK);
    const values = logSheet.getRange(copied + 1 - offset + 1, 1, to - copied, width).getValues() as Cell[][];
    if (!verify(values.map(fromValues))) return { done: true, moved: 0 };
    appendRows(target, values);
    copied = to;
    writeBook(book);
  }
  if (verified.seq !== cut) {
    logError(
      ctx.ss,
      "archive",
      "",
      t(lang, "archive.log_broken", { year: run.year, reason: `#${verified.seq} ≠ #${cut}` }),
    );
    return { done: true, moved: 0 };
  }
  const check = { head: verified };
  const tail = { seq: cut, hash: check.head.hash };
  const made = tryWithScriptLock(() => cutLog(ctx, logSheet, tail, run));
  if (!made.ok) return { done: false, moved: 0 };
  // A month's cut extends its year's segment (the archive's log goes on where it ended).
  if (prev && prev.id === run.id) {
    prev.to = cut;
    prev.hash = tail.hash;
  } else {
    const seg: LogSegment = { year: run.year, id: run.id!, from: segFrom, to: cut, hash: tail.hash };
    book.segments.push(seg);
  }
  // The archived entries were verified just now from a trusted anchor: the incremental check goes
  // on from the cut (it cannot read entries no longer in the live log).
  if (verifiedAnchor().seq < cut) setVerifiedAnchor(tail);
  return { done: true, moved: cut - segFrom };
}

function readRows(sheet: Sheet, first: number, count: number): LogEntry[] {
  if (count <= 0 || first < 2) return [];
  return (sheet.getRange(first, 1, count, LOG_COLUMNS.length).getValues() as Cell[][]).map(fromValues);
}

/** The anchor row: the tail entry's number and hash, a note naming where the entries are (raw values). */
function anchorValues(tail: { seq: number; hash: string }, note: string, nowMs: number): Cell[] {
  return [tail.seq, new Date(nowMs), "", "", "", ANCHOR_ACTION, SYSTEM_ACTOR, note, "", tail.hash];
}

/** The anchor row as the live log stores it (its plain-text columns, its guarded texts). */
function liveAnchorValues(tail: { seq: number; hash: string }, note: string, nowMs: number): Cell[] {
  return toValues({
    seq: tail.seq,
    timeMs: nowMs,
    ticket: "",
    from: "",
    to: "",
    action: ANCHOR_ACTION,
    actor: SYSTEM_ACTOR,
    note,
    prevHash: "",
    hash: tail.hash,
  });
}

/**
 * The cut, under the lock: the live log's rows before entry `tail` go, and the row of `tail`
 * becomes the anchor row. Idempotent: row 2 tells how far a cut cut off in between got.
 */
function cutLog(ctx: Ctx, sheet: Sheet, tail: { seq: number; hash: string }, run: ArchiveRun): void {
  const offset = liveOffset(sheet);
  const row = tail.seq - offset + 1; // the row of the tail entry now
  if (row > 2) sheet.deleteRows(2, row - 2);
  const at = sheet.getRange(2, 1, 1, LOG_COLUMNS.length);
  const current = fromValues(at.getValues()[0] as Cell[]);
  if (current.seq !== tail.seq || current.hash !== tail.hash)
    throw new Error(`log row 2: #${current.seq} ≠ #${tail.seq}`);
  const note = t(ctx.config.language, "archive.anchor_note", {
    year: run.year,
    to: tail.seq,
    name: run.name,
    id: run.id ?? "",
  });
  at.setValues([liveAnchorValues(tail, note, Date.now())]);
}

/** Tickets that stay live: the register's requests and the complaints still open. */
function liveTickets(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  const reg = ctx.ss.getSheetByName(SHEET_NAMES.register);
  if (reg) for (const tk of columnOf(reg, 1)) if (tk) out.add(tk);
  const complaints = existingComplaintTable(ctx.ss);
  if (complaints) {
    const cols = complaints.readColumns(["number", "status"] as const);
    cols.number.forEach((n, i) => {
      const status = String(cols.status[i] ?? "");
      if (String(n) && status !== "selesai") out.add(String(n));
    });
  }
  return out;
}
