/**
 * The status page's own record of each request, in the sheet "Status Publik": the ticket, a keyed
 * hash of the applicant's secret code, the first name, the current status and stage, and the
 * history of stages. Nothing else: no NIP, no address, no officials' notes. The page reads only
 * this sheet, never the register.
 *
 * The record follows the disposition log: every change of a request's status or stage is logged
 * (workspace/log.ts calls followLog under the same lock), so intake, dispositions, provisioning,
 * the sweep's repairs and anything added later keep it current without a hook of their own.
 */
import { CACHE, PROP, statusFailKey, statusRowKey } from "../domain/keys.js";
import type { LogEntry } from "../domain/audit.js";
import { digestToHex } from "../domain/audit.js";
import {
  afterFailure,
  applyTransition,
  codeMessage,
  counterNow,
  mayTry,
  sameDigest,
  WINDOW_MS,
  type Counter,
  firstName,
  generateStatusCode,
  historyFromText,
  historyToText,
  parseStateLabel,
  readCode,
  type StatusRecord,
} from "../domain/statuspage.js";
import { isStatus, type Status } from "../domain/request.js";
import { asSheetText } from "../domain/sanitize.js";
import { Table, type Cell, type ColumnDef } from "./table.js";
import { readBook } from "./archivebook.js";
import { ticketYear } from "../domain/archive.js";

export const STATUS_SHEET = "Status Publik";

export type StatusKey =
  "ticket" | "codeHash" | "firstName" | "status" | "stageKey" | "since" | "received" | "history" | "updated";

export const STATUS_COLUMNS: readonly ColumnDef<StatusKey>[] = [
  { key: "ticket", id: "Tiket", en: "Ticket", plainText: true },
  { key: "codeHash", id: "Hash Kode", en: "Code hash", plainText: true },
  { key: "history", id: "Riwayat", en: "History", plainText: true },
  { key: "firstName", id: "Nama Depan", en: "First name" },
  { key: "status", id: "Status", en: "Status" },
  { key: "stageKey", id: "Kode Tahap", en: "Stage key" },
  { key: "since", id: "Sejak", en: "Since", kind: "date" },
  { key: "received", id: "Diterima", en: "Received", kind: "date" },
  { key: "updated", id: "Diperbarui", en: "Updated", kind: "date" },
];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The table, once found in this execution (one spreadsheet per execution). */
let memoTable: Table<StatusKey> | null = null;

/** The sheet's table; created (header, hidden) when missing and `create` is set, else null. */
export function statusTable(
  ss: Spreadsheet,
  create: boolean,
  lang: "id" | "en" = "id",
): Table<StatusKey> | null {
  if (memoTable) return memoTable;
  let sheet = ss.getSheetByName(STATUS_SHEET);
  if (!sheet) {
    if (!create) return null;
    sheet = ss.insertSheet(STATUS_SHEET);
    sheet.getRange(1, 1, 1, STATUS_COLUMNS.length).setValues([STATUS_COLUMNS.map((c) => c[lang])]);
    // Ticket, hash and history are text as written (the hash must not turn into a number).
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, 3).setNumberFormat("@");
    sheet.hideSheet();
  }
  const table = new Table(sheet, STATUS_COLUMNS);
  memoTable = table;
  return table;
}

function ms(v: Cell): number {
  return v instanceof Date ? v.getTime() : typeof v === "number" ? v : 0;
}

export function toRecord(row: Record<StatusKey, Cell>): StatusRecord | null {
  const status = String(row.status);
  if (!isStatus(status)) return null;
  return {
    ticket: String(row.ticket),
    firstName: String(row.firstName),
    status,
    stageKey: String(row.stageKey),
    sinceMs: ms(row.since),
    receivedMs: ms(row.received),
    history: historyFromText(String(row.history)),
  };
}

function toRow(r: StatusRecord, codeHash: string, nowMs: number): Record<StatusKey, Cell> {
  return {
    ticket: r.ticket,
    codeHash,
    firstName: asSheetText(r.firstName),
    status: r.status,
    stageKey: r.stageKey,
    since: new Date(r.sinceMs),
    received: new Date(r.receivedMs),
    history: historyToText(r.history),
    updated: new Date(nowMs),
  };
}

/** The key once read in this execution (it never changes once made). */
let keyMemo = "";

/** The HMAC key, made once from UUID randomness (240 bits). */
function hashKey(): string {
  if (keyMemo) return keyMemo;
  const props = PropertiesService.getScriptProperties();
  const known = props.getProperty(PROP.statusKey);
  if (known) return (keyMemo = known);
  const key = (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, "");
  props.setProperty(PROP.statusKey, key);
  return (keyMemo = key);
}

/** HMAC-SHA-256 of the ticket and the canonical code, as hex. */
export function codeHash(ticket: string, canonicalCode: string): string {
  return digestToHex(
    Utilities.computeHmacSha256Signature(
      codeMessage(ticket, canonicalCode),
      hashKey(),
      Utilities.Charset.UTF_8,
    ),
  );
}

/** Where a ticket's record was last seen (script cache): one read instead of a search. */
const HINT_SECONDS = 6 * 60 * 60;

/** Rows found in this execution (module state lives one execution). */
const seen = new Map<string, number>();

/** The row of a ticket's record: known in this execution, else the cached hint when it still holds that ticket, else a search. */
function locate(
  table: Table<StatusKey>,
  ticket: string,
): { row: number; values: Record<StatusKey, Cell> } | null {
  const known = seen.get(ticket);
  const hint = known ?? Number(CacheService.getScriptCache().get(statusRowKey(ticket)) ?? "0");
  if (hint >= 2) {
    try {
      const values = table.read(hint);
      if (String(values.ticket) === ticket) {
        seen.set(ticket, hint);
        return { row: hint, values };
      }
    } catch {
      // beyond the sheet: the hint is stale
    }
  }
  const row = table.find("ticket", ticket);
  if (!row) return null;
  remember(ticket, row);
  return { row, values: table.read(row) };
}

/** Row hints held back while a critical section runs (holdRowHints), else null. */
let heldHints: Record<string, string> | null = null;

function remember(ticket: string, row: number): void {
  seen.set(ticket, row);
  if (heldHints) heldHints[statusRowKey(ticket)] = String(row);
  else CacheService.getScriptCache().put(statusRowKey(ticket), String(row), HINT_SECONDS);
}

/**
 * From here on, the row hints this execution makes are held back (remember) until
 * releaseRowHints: a critical section puts none in the script cache under the lock. A hint is only
 * a shortcut (a missing one means a search), so hints held by an execution that failed before its
 * release are put by its next hold, or lost with it at no cost but that search.
 */
export function holdRowHints(): void {
  releaseRowHints();
  heldHints = {};
}

/** Puts the held row hints in the script cache (one call) and stops holding them. */
export function releaseRowHints(): void {
  const hints = heldHints;
  heldHints = null;
  if (!hints || Object.keys(hints).length === 0) return;
  try {
    CacheService.getScriptCache().putAll(hints, HINT_SECONDS);
  } catch (e) {
    console.warn(`status row hints not cached: ${String(e)}`);
  }
}

/**
 * Before the script lock: the status sheet and the HMAC key (when it exists), so that opening a
 * record under the lock asks for neither. A key not made yet is made under the lock, as before.
 */
export function warmStatusRecords(ss: Spreadsheet): void {
  statusTable(ss, false);
  if (!keyMemo) keyMemo = PropertiesService.getScriptProperties().getProperty(PROP.statusKey) ?? "";
}

/**
 * Opens (or re-opens, with a new code) the record of a request. Returns the code to print on the
 * receipt; only its keyed hash is kept. `fresh`: the ticket was numbered in this execution, so no
 * record can exist yet (no search). The caller holds the script lock.
 */
export function openStatusRecord(
  ss: Spreadsheet,
  input: {
    ticket: string;
    name: string;
    status: Status;
    stageKey: string;
    sinceMs: number;
    receivedMs: number;
  },
  fresh: boolean,
): string {
  const table = statusTable(ss, true)!;
  const code = generateStatusCode(() => Utilities.getUuid());
  const hash = codeHash(input.ticket, readCode(code)!);
  const record: StatusRecord = {
    ticket: input.ticket,
    firstName: firstName(input.name),
    status: input.status,
    stageKey: input.stageKey,
    sinceMs: input.sinceMs,
    receivedMs: input.receivedMs,
    history: [{ status: input.status, stageKey: input.stageKey, atMs: input.sinceMs }],
  };
  const now = Date.now();
  const found = fresh ? null : locate(table, input.ticket);
  if (found) {
    const old = toRecord(found.values);
    table.write(found.row, toRow(old ? { ...record, history: old.history } : record, hash, now));
  } else {
    remember(input.ticket, table.append(toRow(record, hash, now)));
  }
  return code;
}

/**
 * Brings the records of the tickets in freshly appended log entries up to date (status, stage,
 * history). Only entries that move a request are looked at (a refused edit, a reminder or an
 * erasure keeps from = to; a new request's first entry has no record yet: intake opens it). Never
 * throws: the log entry is the record of the change; the status page is a view of it.
 */
export function followLog(ss: Spreadsheet, entries: readonly LogEntry[]): void {
  const changes = entries
    .filter((e) => e.ticket && e.from !== "" && e.from !== e.to)
    .map((e) => ({ e, state: parseStateLabel(e.to) }))
    .filter((x) => x.state !== null);
  if (changes.length === 0) return;
  try {
    const table = statusTable(ss, false);
    if (!table) return;
    const byTicket = new Map<string, { row: number; record: StatusRecord; hash: string; changed: boolean }>();
    for (const { e, state } of changes) {
      let cur = byTicket.get(e.ticket);
      if (!cur) {
        const found = locate(table, e.ticket);
        if (!found) continue; // a request from before the status page: it has no code to look it up with
        const record = toRecord(found.values);
        if (!record) continue;
        cur = { row: found.row, record, hash: String(found.values.codeHash), changed: false };
        byTicket.set(e.ticket, cur);
      }
      const next = applyTransition(cur.record, { ...state!, atMs: e.timeMs });
      if (next !== cur.record) {
        cur.record = next;
        cur.changed = true;
      }
    }
    const now = Date.now();
    for (const cur of byTicket.values())
      if (cur.changed) table.write(cur.row, toRow(cur.record, cur.hash, now));
  } catch (err) {
    console.error(`status record not updated: ${String(err)}`);
  }
}

/** The record of a ticket with its code hash, or null. */
export function findStatusRecord(
  ss: Spreadsheet,
  ticket: string,
): { record: StatusRecord; hash: string } | null {
  const table = statusTable(ss, false);
  if (!table) return null;
  const found = locate(table, ticket);
  const record = found ? toRecord(found.values) : null;
  return found && record ? { record, hash: String(found.values.codeHash) } : null;
}

/**
 * The record of a ticket the yearly archive moved (workspace/archive.ts): looked for in the archives
 * of the ticket's year and later (a request is archived the year after it closed), one search each.
 */
export function findArchivedStatusRecord(
  ticket: string,
): { record: StatusRecord; hash: string; archivedYear: number } | null {
  const year = ticketYear(ticket);
  if (!year) return null;
  const files = readBook()
    .files.filter((f) => f.year >= year)
    .sort((a, b) => a.year - b.year);
  for (const f of files) {
    let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
    try {
      sheet = SpreadsheetApp.openById(f.id).getSheetByName(STATUS_SHEET);
    } catch {
      continue;
    }
    if (!sheet) continue;
    const table = new Table(sheet, STATUS_COLUMNS);
    const row = table.find("ticket", ticket);
    if (!row) continue;
    const values = table.read(row);
    const record = toRecord(values);
    if (record) return { record, hash: String(values.codeHash), archivedYear: f.year };
  }
  return null;
}

// ── Proof of control: the code, under the attempt limits ───────────────────────

/** A counter as kept in the script cache; null when absent or unreadable. */
export function readCounter(raw: string | null): Counter | null {
  try {
    const c = JSON.parse(raw ?? "null") as Counter | null;
    return c && typeof c.count === "number" && typeof c.sinceMs === "number" ? c : null;
  } catch {
    return null;
  }
}

/**
 * Whether a typed code is the secret code of a ticket, counted against the attempt limits the
 * status page and the correction form share (5 failures a ticket, 200 over all tickets, an hour):
 * a failure (wrong code, unknown ticket, no record) counts in both; a ticket past its limit is
 * refused even with the right code until the hour is over. The same work whether or not the
 * ticket exists. `ticket` is the normalised ticket ("" when the typed text is none). The caller
 * holds the script lock (parallel attempts cannot slip past the count).
 */
export function verifyStatusCode(
  ss: Spreadsheet,
  ticket: string,
  typedCode: string,
  nowMs: number,
): { record: StatusRecord; hash: string; archivedYear?: number } | null {
  const cache = CacheService.getScriptCache();
  const ticketKey = statusFailKey(ticket || "?");
  const got = cache.getAll([ticketKey, CACHE.statusFailAll]);
  const perTicket = counterNow(readCounter(got[ticketKey] ?? null), nowMs);
  const all = counterNow(readCounter(got[CACHE.statusFailAll] ?? null), nowMs);
  const fail = (): null => {
    cache.putAll(
      {
        [ticketKey]: JSON.stringify(afterFailure(perTicket, nowMs)),
        [CACHE.statusFailAll]: JSON.stringify(afterFailure(all, nowMs)),
      },
      Math.ceil(WINDOW_MS / 1000),
    );
    return null;
  };
  if (!mayTry(perTicket, all, nowMs)) return fail();
  const code = readCode(typedCode);
  const found = ticket ? (findStatusRecord(ss, ticket) ?? findArchivedStatusRecord(ticket)) : null;
  const hash = codeHash(ticket || "?", code ?? "-");
  if (!found || !code || !sameDigest(hash, found.hash)) return fail();
  return found;
}
