/** The yearly archive's second phase: the log's prefix is copied to the archive and cut from the live log. */
import { ANCHOR_ACTION, logCut, type LogSegment } from "../../domain/archive.js";
import { type LogEntry, verifyChain, GENESIS_HASH } from "../../domain/audit.js";
import { t } from "../../domain/text/index.js";
import { SYSTEM_ACTOR } from "../../domain/workflow.js";
import { appendRows, columnOf, writeBook } from "../../workspace/archive.js";
import type { Ctx } from "../../workspace/context.js";
import { existingComplaintTable } from "../../workspace/complaints.js";
import { logError } from "../../workspace/errors.js";
import { tryWithScriptLock } from "../../workspace/lock.js";
import { fromValues, liveOffset, toValues } from "../../workspace/log.js";
import { setVerifiedAnchor, verifiedAnchor } from "../../workspace/logcheck.js";
import { LOG_COLUMNS, SHEET_NAMES } from "../../workspace/schema.js";
import type { Cell } from "../../workspace/table.js";

import { LOG_COPY_BLOCK, type ArchiveRun, type Book } from "./shared.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ── The log ─────────────────────────────────────────────────────────────────────────────────

export function moveLog(
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
