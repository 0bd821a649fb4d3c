/**
 * The disposition log sheet: append-only, hash-chained (domain/audit.ts). The chain head is read
 * from the sheet's last row (so a lost anchor write can never fork the chain) and also kept in
 * Script Properties as an anchor; every append first checks the sheet's tail against it
 * (checkTail), so a truncated or re-hashed log is detected at the next append, not only by a full
 * verification. The head is mailed to the administrators once a day (publishLogHead).
 * Callers hold the script lock.
 */
import { PROP } from "../domain/keys.js";
import { localDateKey } from "../domain/dates.js";
import {
  appendEntries,
  GENESIS_HASH,
  verifyChain,
  type LogEntry,
  type VerifyResult,
} from "../domain/audit.js";
import { asSheetLiteral } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { sheetNamed, type Ctx } from "./context.js";
import { LOG_COLUMNS, SHEET_NAMES } from "./schema.js";
import { Table, type Cell } from "./table.js";
import { followLog } from "./statusrecords.js";
import { logError } from "./errors.js";
import { ANCHOR_ACTION } from "../domain/archive.js";

export type LogDraftEntry = Omit<LogEntry, "seq" | "prevHash" | "hash">;

export function logTable(ctx: Ctx): Table<(typeof LOG_COLUMNS)[number]["key"]> {
  const sheet = sheetNamed(ctx.ss, SHEET_NAMES.log);
  if (!sheet) throw new Error(t(ctx.config.language, "sheet.missing", { name: SHEET_NAMES.log }));
  return new Table(sheet, LOG_COLUMNS);
}

/** The log's tail does not match the anchor: it was truncated or rewritten. Nothing is appended. */
export class LogIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LogIntegrityError";
  }
}

export type Head = { seq: number; hash: string };

/**
 * Checks the sheet's tail against the anchor (the head recorded by the last append) before
 * anything is chained onto it. Equal: fine. The sheet further than the anchor: entries a run
 * appended before it was cut off (the anchor is written right after them); accepted only when
 * they chain from the anchored hash. Anything else (fewer entries, another hash at the anchored
 * position) is a truncated or re-hashed log: the administrators are alarmed and the append
 * refused, so that nothing is ever chained onto a forged tail.
 */
function checkTail(
  ctx: Ctx,
  table: Table<(typeof LOG_COLUMNS)[number]["key"]>,
  tail: Head,
  last: number,
  props: GoogleAppsScript.Properties.Properties,
): void {
  const raw = props.getProperty(PROP.logHead);
  if (!raw) return; // never anchored (a new log): the first append anchors it
  let anchor: Head;
  try {
    anchor = JSON.parse(raw) as Head;
  } catch {
    return;
  }
  if (tail.seq === anchor.seq && tail.hash === anchor.hash) return;
  if (tail.seq > anchor.seq && anchor.seq >= 0) {
    const from = anchor.seq - liveOffset(table.sheet) + 2; // the first entry after the anchor
    const segment = table.sheet
      .getRange(from, 1, last - from + 1, table.width)
      .getValues()
      .map((v) => fromValues(v as Cell[]));
    if (verifyChain(segment, ctx.sha256, { start: anchor }).ok) return;
  }
  const lang = ctx.config.language;
  const message = t(lang, "log.tail_mismatch", {
    seq: tail.seq,
    anchor: anchor.seq,
    hash: anchor.hash.slice(0, 12),
  });
  alarm(ctx, props, `${tail.seq}:${tail.hash}`, message);
  throw new LogIntegrityError(message);
}

/** Tells the administrators once per distinct mismatch (every refused append would repeat it). */
export function alarm(
  ctx: Ctx,
  props: GoogleAppsScript.Properties.Properties,
  key: string,
  message: string,
): void {
  if (props.getProperty(PROP.logAlarm) === key) return;
  props.setProperty(PROP.logAlarm, key);
  logError(ctx.ss, "log", "", message);
  const admins = ctx.config.admins.filter(Boolean);
  if (admins.length === 0) return;
  try {
    const lang = ctx.config.language;
    MailApp.sendEmail({
      to: admins.join(","),
      subject: t(lang, "log.alarm_subject"),
      body: `${message}\n\n${t(lang, "log.alarm_how")}`,
    });
  } catch (e) {
    logError(ctx.ss, "log", "", e);
  }
}

/** Appends entries after the current head; returns them sealed. */
export function appendLog(ctx: Ctx, drafts: LogDraftEntry[]): LogEntry[] {
  if (drafts.length === 0) return [];
  const table = logTable(ctx);
  const last = table.sheet.getLastRow();
  let head = { seq: 0, hash: GENESIS_HASH };
  if (last >= 2) {
    const row = table.read(last);
    head = { seq: Number(row.seq), hash: String(row.hash) };
  }
  const props = PropertiesService.getScriptProperties();
  checkTail(ctx, table, head, last, props);
  const sealed = appendEntries(head, drafts, ctx.sha256);
  table.writeRows(last + 1, sealed.map(toValues));
  const tail = sealed[sealed.length - 1]!;
  props.setProperty(PROP.logHead, JSON.stringify({ seq: tail.seq, hash: tail.hash }));
  // The applicant's status page follows every logged change of status or stage (same lock).
  followLog(ctx.ss, sealed);
  return sealed;
}

/**
 * Once a day, the head of the log (last entry number and hash) is mailed to the administrators:
 * a copy of the anchor outside the spreadsheet and the script, where an editor of the register
 * cannot reach it. Comparing a later head with a mailed one shows a rewritten history.
 */
export function publishLogHead(ctx: Ctx, nowMs: number): boolean {
  const props = PropertiesService.getScriptProperties();
  const day = localDateKey(nowMs, ctx.offset);
  if (props.getProperty(PROP.logHeadPublished) === day) return false;
  const raw = props.getProperty(PROP.logHead);
  const admins = ctx.config.admins.filter(Boolean);
  if (!raw || admins.length === 0) return false;
  const head = JSON.parse(raw) as Head;
  const lang = ctx.config.language;
  MailApp.sendEmail({
    to: admins.join(","),
    subject: t(lang, "log.head_subject", { date: day }),
    body: t(lang, "log.head_body", { seq: head.seq, hash: head.hash, date: day }),
  });
  props.setProperty(PROP.logHeadPublished, day);
  return true;
}

export function toValues(e: LogEntry): Cell[] {
  // The hashed time is the exact millisecond; the sheet shows it as a date-time (number format).
  // Every text is written so that the cell holds exactly the hashed text: a note "1,5" must not
  // become the number 1.5, "=…" a formula, nor "'…" lose its apostrophe.
  const values: Cell[] = [
    e.seq,
    new Date(e.timeMs),
    e.ticket,
    e.from,
    e.to,
    e.action,
    e.actor,
    e.note,
    e.prevHash,
    e.hash,
  ];
  return values.map((v, i) =>
    typeof v === "string" && v !== "" && !LOG_COLUMNS[i]!.plainText ? asSheetLiteral(v) : v,
  );
}

export function fromValues(v: Cell[]): LogEntry {
  const time = v[1];
  const note = String(v[7] ?? "");
  return {
    seq: Number(v[0]),
    timeMs: time instanceof Date ? time.getTime() : Number(time),
    ticket: String(v[2] ?? ""),
    from: String(v[3] ?? ""),
    to: String(v[4] ?? ""),
    action: String(v[5] ?? ""),
    actor: String(v[6] ?? ""),
    // The guarding apostrophe (toValues) is not stored: what is read back is the note as hashed.
    note,
    prevHash: String(v[8] ?? ""),
    hash: String(v[9] ?? ""),
  };
}

/**
 * Where the live log's entries are: entry n is on row n - offset + 1. Without an archive the offset
 * is 0 (entry n on row n + 1); after the yearly archive cut the log at entry K, row 2 is the anchor
 * row standing for entry K (its number and hash), so the offset is K - 1. Read from row 2 itself
 * (one call), so that it is right at every moment of a cut (docs/ARCHITECTURE.md, _The archive_).
 */
export function liveOffset(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  if (sheet.getLastRow() < 2) return 0;
  const first = Number(sheet.getRange(2, 1).getValue());
  return first >= 1 ? first - 1 : 0;
}

/** Whether a row read from a log segment is its anchor row (the tail of the segment before it). */
export function isAnchorRow(e: LogEntry, offset: number): boolean {
  return e.action === ANCHOR_ACTION || (offset > 0 && e.seq === offset + 1);
}

/**
 * One entry by its number, or null. Entries are never moved but by the archive's cut: row n + 1
 * is tried first (the log of an office without an archive: one read), then the offset is read.
 */
export function readEntry(ctx: Ctx, seq: number): LogEntry | null {
  const table = logTable(ctx);
  if (!(seq >= 1)) return null;
  const at = (row: number): LogEntry | null => {
    if (row < 2) return null;
    try {
      return fromValues(table.sheet.getRange(row, 1, 1, table.width).getValues()[0] as Cell[]);
    } catch {
      return null; // beyond the sheet: no such entry
    }
  };
  const direct = at(seq + 1);
  if (direct && direct.seq === seq) return direct;
  const offset = liveOffset(table.sheet);
  if (offset === 0) return null;
  const entry = at(seq - offset + 1);
  return entry && entry.seq === seq && !isAnchorRow(entry, offset) ? entry : null;
}

/** The live entries from number `seq` on (the anchor row left out). One read; [] when there are none. */
export function readEntriesFrom(ctx: Ctx, seq: number): LogEntry[] {
  const table = logTable(ctx);
  const last = table.sheet.getLastRow();
  if (last < 2) return [];
  const offset = liveOffset(table.sheet);
  const first = Math.max(offset > 0 ? 3 : 2, Math.floor(seq) - offset + 1);
  if (last < first) return [];
  return table.sheet
    .getRange(first, 1, last - first + 1, table.width)
    .getValues()
    .map((v) => fromValues(v as Cell[]))
    .filter((e) => !isAnchorRow(e, offset));
}

export function readLog(ctx: Ctx): LogEntry[] {
  return readEntriesFrom(ctx, 1);
}

/** Checks the whole chain (read here unless given) against the stored anchor. */
export function verifyLog(ctx: Ctx, entries: LogEntry[] = readLog(ctx)): VerifyResult {
  const raw = PropertiesService.getScriptProperties().getProperty(PROP.logHead);
  const head = raw ? (JSON.parse(raw) as { seq: number; hash: string }) : undefined;
  return verifyChain(
    entries,
    ctx.sha256,
    head ? { head, language: ctx.config.language } : { language: ctx.config.language },
  );
}
