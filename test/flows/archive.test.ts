/**
 * The yearly archive, on the built bundle: after the year closes (arsip_bulan months,
 * outside office hours) the sweep moves closed requests of the past year — register row, status
 * record, form response, index row — to "Arsip Surel <year>" made by the service through the Drive
 * API (protected, read-only for the administrators), and the log's prefix with them; the live log
 * starts with an anchor row and every check verifies across it. A run cut off at any call is
 * finished by the next sweep with no request lost or duplicated. The status page still answers for
 * an archived ticket with its code; admin operations on it say it is archived.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_LABELS } from "../../src/domain/workflow.js";
import { ANCHOR_ACTION } from "../../src/domain/archive.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { STATUS_SHEET } from "../../src/workspace/statusrecords.js";
import type { ExecutionResult } from "gas-emulator";
import { scriptPropertiesOf, getDriveItem, openSpreadsheet, sheetToTable } from "gas-emulator/testkit";
import {
  act,
  ADMIN,
  SERVICE,
  adminRequest,
  adminRows,
  logChainOk,
  register,
  sheet,
  type Office,
} from "./harness.js";
import { applicant, KADIS, newRequest, provisioningOffice } from "./provision-kit.js";
import { lookup, readable, receiptCode } from "./status-kit.js";

const DAY = 86_400_000;
/** 2027-04-03 22:00 WIB, a Saturday night: the 2026 archive is due (3 months after 1 January). */
const ARCHIVE_NIGHT = Date.UTC(2027, 3, 3, 15, 0, 0);

interface Book {
  lastRun: string;
  files: { year: number; id: string; requests: number }[];
  segments: { year: number; id: string; from: number; to: number; hash: string }[];
  run?: { phase: string };
}
const book = (o: Office): Book =>
  JSON.parse(
    scriptPropertiesOf(o.emu.ws).get("surel:archives") ?? '{"lastRun":"","files":[],"segments":[]}',
  ) as Book;

async function sweep(o: Office): Promise<ExecutionResult> {
  const r = await o.emu.run("sweep", { kind: "installable" });
  if (!r.ok) throw new Error(`sweep failed: ${r.error?.message}`);
  return r;
}

const rows = (o: Office, ssId: string, name: string): string[][] =>
  sheetToTable(openSpreadsheet(o.emu.ws, ssId).getSheetByName(name)!).slice(1);

let office: Office;
const closed: { ticket: string; email: string; code: string }[] = [];
let open = "";

beforeAll(async () => {
  office = await provisioningOffice();
  for (let i = 0; i < 4; i++) {
    const email = `arsip.${i}@gmail.com`;
    const ticket = await newRequest(office, applicant(i, { "Surel pribadi": email }));
    await act(office, KADIS, ticket, ACTION_LABELS.tolak, `Ditolak ${i}: surat permohonan tidak lengkap`);
    closed.push({ ticket, email, code: receiptCode(office, email, ticket) });
  }
  open = await newRequest(office, applicant(9, { "Surel pribadi": "masih.buka@gmail.com" }));
});
afterAll(async () => {
  await office.emu.close();
});

describe("the yearly archive", () => {
  test("nothing moves before it is due; it waits for the night; then closed requests and the log's prefix move", async () => {
    const before = register(office).length;
    expect(before).toBe(5);
    // November 2026's run takes what closed before 1 August: nothing here, and no file is made.
    office.emu.ws.clockMs = Date.UTC(2026, 10, 28, 15, 0, 0); // Saturday night
    await sweep(office);
    expect(book(office)).toMatchObject({ lastRun: "2026-11", files: [], segments: [] });
    expect(register(office)).toHaveLength(5);

    // April 2027's run (closed before 1 January: the 2026 archive), not in office hours (Monday 5 April, 09:00 WIB).
    office.emu.ws.clockMs = Date.UTC(2027, 3, 5, 2, 0, 0);
    const day = await sweep(office);
    expect((day.returnValue as { archive?: unknown }).archive).toBeUndefined();
    expect(register(office)).toHaveLength(5);

    office.emu.ws.clockMs = ARCHIVE_NIGHT + 7 * DAY;
    const night = await sweep(office);
    const report = (night.returnValue as { archive?: { done: boolean; moved: number } }).archive;
    expect(report).toMatchObject({ done: true, moved: 4 });

    // Live: only the open request; archive: the four closed ones, each once.
    expect(register(office).map((r) => r.ticket)).toEqual([open]);
    const b = book(office);
    expect(b.lastRun).toBe("2027-04");
    expect(b.files[0]!.year).toBe(2026);
    expect(b.run).toBeUndefined();
    const id = b.files[0]!.id;
    const archived = rows(office, id, SHEET_NAMES.register).map((r) => r[0]);
    expect(archived.sort()).toEqual(closed.map((c) => c.ticket).sort());
    expect(
      rows(office, id, STATUS_SHEET)
        .map((r) => r[0])
        .sort(),
    ).toEqual(closed.map((c) => c.ticket).sort());
    expect(rows(office, id, SHEET_NAMES.responseIndex)).toHaveLength(4);
    expect(rows(office, id, SHEET_NAMES.responses)).toHaveLength(4);
    expect(sheetToTable(sheet(office, SHEET_NAMES.responses)).slice(1)).toHaveLength(1);
    expect(sheetToTable(sheet(office, SHEET_NAMES.responseIndex)).slice(1)).toHaveLength(1);

    // The log: the prefix before the open request's first entry left; row 2 is the anchor.
    const live = sheetToTable(sheet(office, SHEET_NAMES.log)).slice(1);
    expect(live[0]![5]).toBe(ANCHOR_ACTION);
    expect(b.segments).toHaveLength(1);
    expect(Number(live[0]![0])).toBe(b.segments[0]!.to);
    expect(live[0]![9]).toBe(b.segments[0]!.hash);
    expect(live.slice(1).every((r) => r[2] === open || r[2] === "")).toBe(true);
    expect(rows(office, id, SHEET_NAMES.log)).toHaveLength(b.segments[0]!.to);

    // The archive: made by the service, read-only for the administrators.
    const file = openSpreadsheet(office.emu.ws, id);
    expect(file.getOwner()!.getEmail()).toBe(SERVICE);
    expect(file.getViewers().map((u) => u.getEmail())).toEqual(office.config.admins);
    expect(office.config.admins).toContain(ADMIN);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([SERVICE]);
    expect(getDriveItem(office.emu.ws, id)).toBeDefined();
    for (const s of file.getSheets()) {
      const p = s.getProtections("SHEET")[0]!;
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([SERVICE]);
    }
  });

  test("the chain verifies across the anchor: incremental, and a full pass through the archive", async () => {
    const inc = await office.emu.run("verifyLog");
    expect(inc.returnValue).toMatchObject({ ok: true, done: true });
    await adminRequest(office, ADMIN, "verifyFull");
    const full = adminRows(office).at(-1)!;
    expect(full.result).toMatch(/utuh|sampai/i);
    expect(logChainOk(office)).toBe(true);

    // New work chains onto the anchor.
    await newRequest(office, applicant(12, { "Surel pribadi": "sesudah.arsip@gmail.com" }));
    const again = await office.emu.run("verifyLog");
    expect(again.returnValue).toMatchObject({ ok: true, done: true });
  });

  test("the status page answers for an archived ticket with its code, and says it is archived", async () => {
    const c = closed[0]!;
    const reply = await lookup(office, c.ticket, c.code);
    expect(reply.ok).toBe(true);
    const text = readable(reply.html);
    expect(text).toContain(c.ticket);
    expect(text).toMatch(/arsip tahun 2026/);
    const wrong = await lookup(office, c.ticket, "AAAA-BBBB-CCCC");
    expect(wrong.ok).toBe(false);
  });

  test("an admin operation on an archived ticket says it is archived", async () => {
    await adminRequest(office, ADMIN, "reissue", { ticket: closed[1]!.ticket });
    expect(adminRows(office).at(-1)!.result).toMatch(/arsip tahun 2026/);
  });
});
