/**
 * Retention of a bulk request's list sheet: the people's names, NIP, NIK, phones and
 * personal e-mails the OPD sent go once the batch's summary went and the retention period of its
 * requests has passed (the members' own clock); the tickets, row numbers, problems (without the
 * values typed) and the letter stay; one log entry; a second sweep changes nothing; a sweep cut
 * off in the middle is finished by the next one with still one entry. Virtual clock; counts only.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PERSON_FIELDS, PROBLEM_COLUMN, TICKET_COLUMN } from "../../src/domain/batch.js";
import type { RetentionReport } from "../../src/flows/retention.js";
import type { ExecutionResult } from "gas-emulator";
import { sheetToTable } from "gas-emulator/testkit";
import { ADMIN, adminRequest, log, logChainOk, register, runWorkers, sheet, type Office } from "./harness.js";
import {
  actOnBatch,
  batchRow,
  CONTACT,
  fillList,
  LETTER,
  listRows,
  newBatch,
  personRow,
  summaries,
} from "./batch-kit.js";
import { applicant, provisioningOffice, STAF, staffOnly } from "./provision-kit.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
const RETENTION_DAYS = 30;
const MARKER = /^\[dihapus \d{4}-\d{2}-\d{2}\]$/;

async function sweep(office: Office, afterMs: number): Promise<ExecutionResult> {
  office.emu.ws.advance(afterMs);
  return office.emu.run("sweep", { kind: "installable" });
}

const retentionOf = (r: ExecutionResult): RetentionReport | undefined =>
  (r.returnValue as { retention?: RetentionReport } | undefined)?.retention;

const erasures = (office: Office, id: string) =>
  log(office).filter((e) => e.ticket === id && e.action === "hapus_data_pribadi");

/** Every personal value the list held, as typed. */
const personalValues = (rows: string[][]): string[] =>
  rows.flatMap((r) => r.slice(0, PERSON_FIELDS.length)).filter((v) => v !== "");

describe("a batch's list after the retention period", () => {
  let office: Office;
  let id = "";
  const people = [personRow(801), personRow(802, { "Surel pribadi": "bukan-alamat" }), personRow(803)];
  let before: string[][] = [];

  beforeAll(async () => {
    office = await provisioningOffice({
      configure: (c) => {
        staffOnly(c);
        c.privacy.retentionDays = RETENTION_DAYS;
        c.privacy.unusedCredentialDays = 1;
      },
    });
    // Day 0: the list imported (one row refused), the accounts made, the summary sent.
    id = await newBatch(office);
    await fillList(office, id, people);
    await adminRequest(office, ADMIN, "batchImport", { ticket: id });
    await actOnBatch(office, STAF, id, "Buat akun");
    await runWorkers(office);
    await sweep(office, 11 * MINUTE);
    expect(summaries(office, id)).toHaveLength(1);
    // Day 2: the unused temporary passwords are invalidated (the members' rows change again).
    await sweep(office, 2 * DAY);
    before = listRows(office, id);
  }, 120_000);
  afterAll(async () => {
    await office?.emu.close();
  });

  test("within the period nothing of the list is erased", async () => {
    const r = await sweep(office, 25 * DAY);
    expect(r.ok).toBe(true);
    expect(retentionOf(r)?.batchLists).toEqual([]);
    expect(listRows(office, id)).toEqual(before);
    expect(batchRow(office, id)["contact"]).toBe(CONTACT);
    expect(erasures(office, id)).toHaveLength(0);
    expect(personalValues(before)).toContain(applicant(801)["Surel pribadi"]);
  });

  test("after it, a sweep cut off in the middle is finished by the next: no personal data, one entry", async () => {
    // Where the list is read (the pass's last getDataRange), found on a copy of this moment.
    office.emu.ws.advance(10 * DAY);
    const snap = office.emu.snapshot();
    const probe = await office.emu.run("sweep", { kind: "installable" });
    const keys = probe.trace.map((c) => c.key);
    const read = keys.lastIndexOf("Sheet.getDataRange");
    // After the read: the log's append, the list's write, its contact, then the batch row's mark.
    const marks = keys.map((k, i) => (i > read && k === "Range.setValue" ? i : -1)).filter((i) => i >= 0);
    expect(retentionOf(probe)?.batchLists).toEqual([id]);
    office.emu.restore(snap);

    // Cut right before the batch row is marked: the list is erased and logged, the row not yet.
    const kill = office.emu.faults.killAt(marks[1]! + 1, { handler: "sweep" });
    const cut = await office.emu.run("sweep", { kind: "installable" });
    office.emu.faults.clear();
    expect(kill.fired).toBe(1);
    expect(cut.ok).toBe(false);
    expect(erasures(office, id)).toHaveLength(1);
    expect(batchRow(office, id)["contact"]).toBe(CONTACT);
    const cutRows = listRows(office, id);

    const next = await sweep(office, 11 * MINUTE);
    expect(next.ok).toBe(true);
    expect(retentionOf(next)?.batchLists).toEqual([id]);
    const rows = listRows(office, id);
    // The people's cells hold only markers; the tickets stay; the refused row keeps its problems
    // without the address typed; the letter stays, the contact goes (list and batch row).
    for (const v of personalValues(rows)) expect(v).toMatch(MARKER);
    const all = sheetToTable(sheet(office, id)).flat().join("\n");
    for (const v of personalValues(before)) if (v.length > 3) expect(all).not.toContain(v);
    expect(rows.map((r) => r[TICKET_COLUMN - 1])).toEqual(before.map((r) => r[TICKET_COLUMN - 1]));
    expect(rows[1]![TICKET_COLUMN - 1]).toBe("");
    expect(before[1]![PROBLEM_COLUMN - 1]).toMatch(/bukan-alamat/);
    expect(rows[1]![PROBLEM_COLUMN - 1]).toMatch(/Alamat surel pribadi/);
    expect(rows[1]![PROBLEM_COLUMN - 1]).not.toMatch(/bukan-alamat/);
    expect(rows).toEqual(cutRows); // the pass after the cut wrote nothing more in the list
    const head = sheetToTable(sheet(office, id));
    expect(head[1]![1]).toBe(LETTER);
    expect(head[3]![1]).toMatch(MARKER);
    expect(batchRow(office, id)["contact"]).toMatch(MARKER);
    expect(batchRow(office, id)["letter"]).toContain(LETTER);
    // The members were erased by the same rules (the register), the list once, logged once.
    for (const m of register(office).filter((x) => x.batch === id)) expect(m.nip).toMatch(MARKER);
    expect(erasures(office, id)).toHaveLength(1);
    expect(erasures(office, id)[0]!.note).toContain(id);
    expect(logChainOk(office)).toBe(true);
  });

  test("a second sweep does nothing more", async () => {
    const rows = listRows(office, id);
    const r = await sweep(office, DAY);
    expect(r.ok).toBe(true);
    expect(retentionOf(r)?.batchLists ?? []).toEqual([]);
    expect(listRows(office, id)).toEqual(rows);
    expect(erasures(office, id)).toHaveLength(1);
  });
});
