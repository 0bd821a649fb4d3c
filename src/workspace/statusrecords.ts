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
import type { LogEntry } from "../domain/audit.js";
import { digestToHex } from "../domain/audit.js";
import {
  applyTransition,
  codeMessage,
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

export const STATUS_SHEET = "Status Publik";

export type StatusKey =
  "ticket" | "codeHash" | "firstName" | "status" | "stageKey" | "since" | "received" | "history" | "updated";

export const STATUS_COLUMNS: readonly ColumnDef<StatusKey>[] = [
  { key: "ticket", id: "Tiket", en: "Ticket", plainText: true, width: 120 },
  { key: "codeHash", id: "Hash Kode", en: "Code hash", plainText: true, width: 160 },
  { key: "firstName", id: "Nama Depan", en: "First name", width: 120 },
  { key: "status", id: "Status", en: "Status", width: 120 },
  { key: "stageKey", id: "Kode Tahap", en: "Stage key", width: 80 },
  { key: "since", id: "Sejak", en: "Since", kind: "date", width: 130 },
  { key: "received", id: "Diterima", en: "Received", kind: "date", width: 130 },
  { key: "history", id: "Riwayat", en: "History", plainText: true, width: 300 },
  { key: "updated", id: "Diperbarui", en: "Updated", kind: "date", width: 130 },
];

/** The secret key of the code hashes (Script Properties: never in a sheet). */
const KEY_PROPERTY = "surel:statusKey";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet's table; created (header, hidden) when missing and `create` is set, else null. */
export function statusTable(ss: Spreadsheet, create: boolean): Table<StatusKey> | null {
  let sheet = ss.getSheetByName(STATUS_SHEET);
  if (!sheet) {
    if (!create) return null;
    sheet = ss.insertSheet(STATUS_SHEET);
    sheet
      .getRange(1, 1, 1, STATUS_COLUMNS.length)
      .setValues([STATUS_COLUMNS.map((c) => c.id)])
      .setFontWeight("bold");
    sheet.setFrozenRows(1);
    sheet.hideSheet();
  }
  return new Table(sheet, STATUS_COLUMNS);
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

/** The HMAC key, made once from UUID randomness (240 bits). */
function hashKey(): string {
  const props = PropertiesService.getScriptProperties();
  const known = props.getProperty(KEY_PROPERTY);
  if (known) return known;
  const key = (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, "");
  props.setProperty(KEY_PROPERTY, key);
  return key;
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

/**
 * Opens (or re-opens, with a new code) the record of a new request. Returns the code to print on
 * the receipt; only its keyed hash is kept. The caller holds the script lock.
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
  const at = table.find("ticket", input.ticket);
  const now = Date.now();
  if (at) {
    const old = toRecord(table.read(at));
    table.write(at, toRow(old ? { ...record, history: old.history } : record, hash, now));
  } else table.append(toRow(record, hash, now));
  return code;
}

/**
 * Brings the records of the tickets in freshly appended log entries up to date (status, stage,
 * history). Entries that change nothing visible cost nothing beyond the lookup. Never throws: the
 * log entry is the record of the change; the status page is a view of it.
 */
export function followLog(ss: Spreadsheet, entries: readonly LogEntry[]): void {
  const changes = entries
    .map((e) => ({ e, state: parseStateLabel(e.to) }))
    .filter((x) => x.e.ticket && x.state !== null);
  if (changes.length === 0) return;
  try {
    const table = statusTable(ss, false);
    if (!table) return;
    const byTicket = new Map<string, { row: number; record: StatusRecord; hash: string; changed: boolean }>();
    for (const { e, state } of changes) {
      let cur = byTicket.get(e.ticket);
      if (!cur) {
        const row = table.find("ticket", e.ticket);
        if (!row) continue; // a request from before the status page: it has no code to look it up with
        const values = table.read(row);
        const record = toRecord(values);
        if (!record) continue;
        cur = { row, record, hash: String(values.codeHash), changed: false };
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
  const row = table.find("ticket", ticket);
  if (!row) return null;
  const values = table.read(row);
  const record = toRecord(values);
  return record ? { record, hash: String(values.codeHash) } : null;
}
