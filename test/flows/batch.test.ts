/**
 * Bulk requests from one OPD letter: an administrator makes a batch's list sheet on the
 * admin sheet, pastes the OPD's list and asks for the import. Each valid person becomes a request
 * of its own (ticket, receipt, the letter shared, the batch's id); each invalid row stays in the
 * list with its problems and the OPD gets ONE mail listing them; a re-import registers nobody
 * twice; the chain acts on the whole batch from its row in Permohonan Massal (every member logged
 * as if acted on alone) or on one person in the register; the OPD gets one summary at the end.
 * Counts are asserted, never wall-clock time.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PERSON_FIELDS, FIRST_PERSON_ROW, TICKET_COLUMN } from "../../src/domain/batch.js";
import { SHEET_NAMES, BATCH_COLUMNS } from "../../src/workspace/schema.js";
import { apiError } from "gas-emulator";
import { directoryStateObject, skipMissedRuns, sheetToTable, columnLetter } from "gas-emulator/testkit";
import {
  act,
  ADMIN,
  cellAt,
  errorLog,
  adminRequest,
  adminRows,
  editRange,
  log,
  logChainOk,
  mails,
  mailsTo,
  OUTSIDER,
  register,
  row,
  runWorkers,
  sheet,
  WORKER,
  type Office,
} from "./harness.js";
import {
  actOnBatch,
  batchRow,
  fillList,
  LETTER,
  listRows,
  newBatch,
  personRow,
  reports,
  summaries,
} from "./batch-kit.js";
import {
  accountsFor,
  applicant,
  KABID,
  KADIS,
  KASI,
  lettersTo,
  provisioningOffice,
  staffOnly,
  STAF,
} from "./provision-kit.js";
import { catalogued } from "./harness.js";

const MINUTE = 60_000;

describe("a small batch, end to end", () => {
  let office: Office;
  let id = "";
  const people = [
    personRow(501),
    personRow(502, { "NIP / NI PPPK": "19850330201001200" }), // 17 digits
    personRow(503),
    personRow(504, { "Surel pribadi": "bukan-alamat" }),
    personRow(505),
  ];
  const personal = (n: number) => applicant(n)["Surel pribadi"]!;

  beforeAll(async () => {
    office = await provisioningOffice();
    id = await newBatch(office);
    await fillList(office, id, people);
  }, 120_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("the list sheet is the administrators' and holds the form's titles", () => {
    expect(id).toMatch(/^MSL-\d{4}-0001$/);
    const titles = sheetToTable(sheet(office, id))[FIRST_PERSON_ROW - 2]!;
    expect(titles.slice(0, 3)).toEqual(["Nama lengkap", "Gelar depan", "Gelar belakang"]);
    expect(titles[TICKET_COLUMN - 1]).toBe("Tiket");
  });

  test("only administrators may edit the list", async () => {
    const { edit } = await editRange(office, KADIS, id, "A20", [["Orang Lain"]]);
    expect(edit.ok).toBe(false);
  });

  test("import: valid people ticketed with the letter and the batch; invalid rows kept with reasons; one mail", async () => {
    const { results } = await adminRequest(office, ADMIN, "batchImport", { ticket: id });
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = listRows(office, id);
    const tickets = rows.map((r) => r[TICKET_COLUMN - 1]!);
    expect(tickets.filter(Boolean)).toHaveLength(3);
    expect(tickets[1]).toBe("");
    expect(tickets[3]).toBe("");
    expect(rows[1]![TICKET_COLUMN]).toMatch(/NIP harus 18 digit/);
    expect(rows[3]![TICKET_COLUMN]).toMatch(/bukan-alamat/);
    for (const t of tickets.filter(Boolean)) {
      const r = row(office, t);
      expect(r.batch).toBe(id);
      expect(r.requestLetter).toContain(LETTER);
      expect(r.opd).toBe("Dinas Kesehatan");
      expect(r.stageKey).toBe("kadis");
    }
    // One mail to the OPD, listing both refused rows with their problems.
    const report = reports(office, id);
    expect(report).toHaveLength(1);
    expect(report[0]!.body).toMatch(/Baris 8 \(.*\): .*NIP harus 18 digit/);
    expect(report[0]!.body).toMatch(/Baris 10 \(.*\): .*bukan-alamat/);
    // Each registered person got a receipt; the head of office one notice for the batch.
    for (const n of [501, 503, 505]) expect(mailsTo(office, personal(n))).toHaveLength(1);
    expect(mailsTo(office, KADIS).filter((m) => m.subject.includes(id))).toHaveLength(1);
    expect(
      mailsTo(office, KADIS).filter((m) => tickets.some((t) => t && m.subject.includes(t))),
    ).toHaveLength(0);
    expect(adminRows(office).at(-1)!.result).toMatch(
      catalogued("batch.import.done", { registered: 3, refused: 2 }),
    );
    expect(batchRow(office, id)["stage"]).toBe(office.config.stages[0]!.label);
  });

  test("a corrected re-import registers the corrected row only", async () => {
    const before = register(office).length;
    const fixed = personRow(502);
    await editRange(
      office,
      ADMIN,
      id,
      `A${FIRST_PERSON_ROW + 1}:${columnLetter(PERSON_FIELDS.length)}${FIRST_PERSON_ROW + 1}`,
      [fixed],
    );
    await adminRequest(office, ADMIN, "batchImport", { ticket: id });
    expect(register(office).length).toBe(before + 1);
    const tickets = listRows(office, id).map((r) => r[TICKET_COLUMN - 1]!);
    expect(tickets.filter(Boolean)).toHaveLength(4);
    expect(
      new Set(
        register(office)
          .filter((r) => r.batch === id)
          .map((r) => r.nip),
      ).size,
    ).toBe(4);
    // The second report lists only the row still refused.
    const report = reports(office, id);
    expect(report).toHaveLength(2);
    expect(report[1]!.body).not.toMatch(/Baris 8 /);
    expect(report[1]!.body).toMatch(/Baris 10 /);
  });

  test("Kadis forwards the whole batch in one dropdown; every member logged as if acted on alone", async () => {
    const members = register(office).filter((r) => r.batch === id);
    const seqBefore = log(office).length;
    await actOnBatch(office, KADIS, id, "Teruskan (disposisi)");
    for (const m of members) expect(row(office, m.ticket).stageKey).toBe("kabid");
    const added = log(office).slice(seqBefore);
    const forwards = added.filter((e) => e.action === "teruskan" && e.actor === KADIS);
    expect(forwards.map((e) => e.ticket).sort()).toEqual(members.map((m) => m.ticket).sort());
    expect(logChainOk(office)).toBe(true);
    expect(batchRow(office, id)["result"]).toMatch(/4 anggota/);
    // The next stage hears of the batch once.
    expect(mailsTo(office, KABID).filter((m) => m.subject.includes(id))).toHaveLength(1);
  });

  test("someone without the role is refused on the batch row, nothing changes", async () => {
    await actOnBatch(office, OUTSIDER, id, "Teruskan (disposisi)");
    for (const m of register(office).filter((r) => r.batch === id)) expect(m.stageKey).toBe("kabid");
    expect(batchRow(office, id)["action"]).toBe("");
  });

  test("a paste over the batch's action cells is cleared, nothing acted on", async () => {
    const r = Number(batchRow(office, id)["_row"]);
    const col = columnLetter(BATCH_COLUMNS.findIndex((c) => c.key === "action") + 1);
    const pasted = [["Teruskan (disposisi)"], ["Teruskan (disposisi)"]];
    const { edit } = await editRange(office, KABID, SHEET_NAMES.batches, `${col}${r}:${col}${r + 1}`, pasted);
    expect(edit.ok).toBe(true);
    expect(batchRow(office, id)["action"]).toBe("");
    for (const m of register(office).filter((x) => x.batch === id)) expect(m.stageKey).toBe("kabid");
  });

  test("a batch action that cannot take the lock is cleared with a message, nothing decided or lost", async () => {
    const members = register(office).filter((r) => r.batch === id);
    const seqBefore = log(office).length;
    const r = Number(batchRow(office, id)["_row"]);
    const a1 = `${columnLetter(BATCH_COLUMNS.findIndex((c) => c.key === "action") + 1)}${r}`;
    // Another process holds the script lock for longer than the edit waits.
    const lock = office.emu
      .service<{ getScriptLock(): { tryLock(ms: number): boolean; releaseLock(): void } }>("LockService")
      .getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    let results;
    try {
      results = await actOnBatch(office, KABID, id, "Teruskan (disposisi)");
    } finally {
      lock.releaseLock();
    }
    expect(results.every((x) => x.ok)).toBe(true);
    expect(results.map((x) => (x.returnValue as { kind: string }).kind)).toEqual(["refused"]);
    // The choice is not left standing as if applied: cleared, with the reason on the cell.
    expect(batchRow(office, id)["action"]).toBe("");
    expect(cellAt(office, SHEET_NAMES.batches, a1).note).toContain("sedang sibuk");
    expect(errorLog(office).some((e) => Object.values(e).join(" ").includes("sistem sibuk"))).toBe(true);
    // Nothing was decided: every member still at its stage, nothing logged.
    for (const m of members) expect(row(office, m.ticket).stageKey).toBe("kabid");
    expect(log(office).slice(seqBefore)).toEqual([]);
    // Chosen again with the lock free, the action applies (the next test does so).
  });

  test("a per-person rejection inside the batch; the batch goes on without it", async () => {
    const members = register(office).filter((r) => r.batch === id);
    const rejected = members[0]!.ticket;
    await act(office, KABID, rejected, "Tolak", "Pegawai sudah pindah tugas.");
    expect(row(office, rejected).status).toBe("ditolak");
    await actOnBatch(office, KABID, id, "Teruskan (disposisi)");
    await actOnBatch(office, KASI, id, "Teruskan (disposisi)");
    await actOnBatch(office, STAF, id, "Buat akun");
    await runWorkers(office);
    for (const m of members.slice(1)) {
      expect(row(office, m.ticket).status).toBe("selesai");
      expect(accountsFor(office, m.ticket)).toHaveLength(1);
      expect(lettersTo(office, m.personalEmail)).toHaveLength(1);
    }
    expect(accountsFor(office, rejected)).toHaveLength(0);
  });

  test("one summary once every member is closed, and never a second", async () => {
    office.emu.ws.advance(11 * MINUTE);
    await office.emu.run("sweep", { kind: "installable" });
    office.emu.ws.advance(11 * MINUTE);
    await office.emu.run("sweep", { kind: "installable" });
    const s = summaries(office, id);
    expect(s).toHaveLength(1);
    expect(s[0]!.body).toMatch(
      catalogued("batch.mail.summary.intro", { created: 3, rejected: 1, refused: 1 }),
    );
    expect(s[0]!.body).not.toMatch(/kata sandi sementara:/i);
    expect(batchRow(office, id)["summarySent"]).not.toBe("");
  });
});

describe("an import cut off mid-way", () => {
  let office: Office;
  let id = "";
  const COUNT = 8;
  beforeAll(async () => {
    office = await provisioningOffice();
    id = await newBatch(office);
    await fillList(
      office,
      id,
      Array.from({ length: COUNT }, (_, i) => personRow(700 + i)),
    );
  }, 120_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("resumed by a worker after the lease: everyone once, one report", async () => {
    // The import's execution dies just after a registration released its lock, before the ticket
    // was written beside the row (the index knows the person; the list does not yet).
    const kill = office.emu.faults.killAt(8, {
      handler: "onRegisterEdit",
      target: "Lock.releaseLock",
      when: "after",
    });
    await adminRequest(office, ADMIN, "batchImport", { ticket: id });
    expect(kill.fired).toBe(1);
    office.emu.faults.clear();
    const midway = register(office).filter((r) => r.batch === id).length;
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(COUNT);
    // The person registered last has no ticket beside the row yet: only the index knows it.
    expect(listRows(office, id).filter((r) => r[TICKET_COLUMN - 1])).toHaveLength(midway - 1);
    expect(reports(office, id)).toHaveLength(0);
    // The sweep finds the import waiting with its lease run out and calls a worker.
    office.emu.ws.advance(7 * MINUTE);
    await office.emu.run("sweep", { kind: "installable" });
    await runWorkers(office);
    const members = register(office).filter((r) => r.batch === id);
    expect(members).toHaveLength(COUNT);
    expect(new Set(members.map((m) => m.ticket)).size).toBe(COUNT);
    expect(listRows(office, id).filter((r) => r[TICKET_COLUMN - 1])).toHaveLength(COUNT);
    expect(reports(office, id)).toHaveLength(1);
    // The receipt recorded by the execution that died goes with the next sweep after its grace.
    office.emu.ws.advance(11 * MINUTE);
    await office.emu.run("sweep", { kind: "installable" });
    for (let i = 0; i < COUNT; i++) {
      const receipts = mailsTo(office, applicant(700 + i)["Surel pribadi"]!);
      expect(receipts.length).toBe(1);
    }
  });
});

describe("a batch of 300 with faults", () => {
  const COUNT = 300;
  let office: Office;
  let id = "";
  let fired: Record<string, number> = {};

  beforeAll(async () => {
    office = await provisioningOffice({ configure: staffOnly });
    const ws = office.emu.ws;
    ws.quotas.setLimit("emailRecipients", 1_000_000);
    id = await newBatch(office);
    const people = Array.from({ length: COUNT }, (_, i) => personRow(3000 + i));
    people[17] = personRow(3017, { "NIP / NI PPPK": "12345" });
    await fillList(office, id, people);
    const faults = office.emu.faults;
    // The first import worker dies in the middle of the list.
    const killImport = faults.killAt(400, { handler: WORKER });
    await adminRequest(office, ADMIN, "batchImport", { ticket: id });
    skipMissedRuns(ws);
    await office.emu.advance(60 * MINUTE, { concurrency: 30 });
    const imported = killImport.fired;
    faults.clear();
    // The staff create the accounts of the whole batch in one dropdown; faults on the way.
    const rules = {
      unavailable: faults.inject("AdminDirectory.Users.insert", {
        error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
        skip: 39,
      }),
      lostReply: faults.inject("AdminDirectory.Users.insert", {
        error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
        when: "after",
        skip: 119,
      }),
      killed: faults.killAt(150, { handler: WORKER }),
    };
    await actOnBatch(office, STAF, id, "Buat akun");
    skipMissedRuns(ws);
    await office.emu.advance(40 * MINUTE, { concurrency: 30 });
    fired = { import: imported, ...Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, r.fired])) };
    faults.clear();
    ws.advance(11 * MINUTE);
    await office.emu.run("sweep", { kind: "installable" });
  }, 600_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("every fault fired", () => {
    expect(fired).toEqual({ import: 1, unavailable: 1, lostReply: 1, killed: 1 });
  });

  test("299 registered once each, the refused row kept, one report", () => {
    const members = register(office).filter((r) => r.batch === id);
    expect(members).toHaveLength(COUNT - 1);
    expect(new Set(members.map((m) => m.nip)).size).toBe(COUNT - 1);
    expect(listRows(office, id)[17]![TICKET_COLUMN]).toMatch(/NIP/);
    expect(reports(office, id)).toHaveLength(1);
  });

  test("exactly one account and one letter each; one summary", () => {
    const problems: string[] = [];
    for (const m of register(office).filter((r) => r.batch === id)) {
      if (m.status !== "selesai") problems.push(`${m.ticket}: ${m.status}`);
      if (accountsFor(office, m.ticket).length !== 1) problems.push(`${m.ticket}: accounts`);
      if (lettersTo(office, m.personalEmail).length !== 1) problems.push(`${m.ticket}: letters`);
    }
    expect(problems).toEqual([]);
    expect(directoryStateObject(office.emu.ws).insertCount).toBe(COUNT - 1);
    expect(summaries(office, id)).toHaveLength(1);
    expect(
      mails(office).filter((m) => m.to.includes(STAF) && m.subject.includes(id)).length,
    ).toBeLessThanOrEqual(1);
  });
});
