/**
 * The disposition log sheet: append-only, hash-chained (domain/audit.ts). The chain head is read
 * from the sheet's last row (so a lost anchor write can never fork the chain) and also kept in
 * Script Properties as an anchor that makes a truncated log detectable. Callers hold the script lock.
 */
import {
  appendEntries,
  GENESIS_HASH,
  verifyChain,
  type LogEntry,
  type VerifyResult,
} from "../domain/audit.js";
import { asSheetLiteral } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import type { Ctx } from "./context.js";
import { LOG_COLUMNS, SHEET_NAMES } from "./schema.js";
import { Table, type Cell } from "./table.js";
import { followLog } from "./statusrecords.js";

const HEAD_KEY = "surel:logHead";

export type LogDraftEntry = Omit<LogEntry, "seq" | "prevHash" | "hash">;

function logTable(ctx: Ctx): Table<(typeof LOG_COLUMNS)[number]["key"]> {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.log);
  if (!sheet) throw new Error(t(ctx.config.language, "sheet.missing", { name: SHEET_NAMES.log }));
  return new Table(sheet, LOG_COLUMNS);
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
  const sealed = appendEntries(head, drafts, ctx.sha256);
  table.writeRows(last + 1, sealed.map(toValues));
  const tail = sealed[sealed.length - 1]!;
  PropertiesService.getScriptProperties().setProperty(
    HEAD_KEY,
    JSON.stringify({ seq: tail.seq, hash: tail.hash }),
  );
  // The applicant's status page follows every logged change of status or stage (same lock).
  followLog(ctx.ss, sealed);
  return sealed;
}

function toValues(e: LogEntry): Cell[] {
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

function fromValues(v: Cell[]): LogEntry {
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

/** One entry by its number (entries are never moved: #n is on row n + 1), or null. One read. */
export function readEntry(ctx: Ctx, seq: number): LogEntry | null {
  const table = logTable(ctx);
  if (!(seq >= 1)) return null;
  let values: Cell[];
  try {
    values = table.sheet.getRange(seq + 1, 1, 1, table.width).getValues()[0] as Cell[];
  } catch {
    return null; // beyond the sheet: no such entry
  }
  const entry = fromValues(values);
  return entry.seq === seq ? entry : null;
}

export function readLog(ctx: Ctx): LogEntry[] {
  const table = logTable(ctx);
  const last = table.sheet.getLastRow();
  if (last < 2) return [];
  return table.sheet
    .getRange(2, 1, last - 1, table.width)
    .getValues()
    .map((v) => fromValues(v as Cell[]));
}

/** Checks the whole chain (read here unless given) against the stored anchor. */
export function verifyLog(ctx: Ctx, entries: LogEntry[] = readLog(ctx)): VerifyResult {
  const raw = PropertiesService.getScriptProperties().getProperty(HEAD_KEY);
  const head = raw ? (JSON.parse(raw) as { seq: number; hash: string }) : undefined;
  return verifyChain(
    entries,
    ctx.sha256,
    head ? { head, language: ctx.config.language } : { language: ctx.config.language },
  );
}
