/**
 * The yearly archive, a step of the sweep. Once a year, `arsip_bulan` months after the
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
import { archivable, dueArchiveRun } from "../domain/archive.js";
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import {
  archiveFileName,
  findOrCreateArchive,
  prepareArchive,
  readBook,
  writeBook,
} from "../workspace/archive.js";
import type { Ctx } from "../workspace/context.js";
import { openSpreadsheet } from "../workspace/spreadsheets.js";
import { REGISTER_COLUMNS, SHEET_NAMES } from "../workspace/schema.js";
import type { Cell } from "../workspace/table.js";

import { facts, REG, type ArchiveReport, type Book } from "./archive/shared.js";
import { moveLog } from "./archive/log.js";
import { moveRequests } from "./archive/requests.js";

export { ARCHIVE_BATCH, LOG_COPY_BLOCK, type ArchiveReport, type ArchiveRun } from "./archive/shared.js";

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
