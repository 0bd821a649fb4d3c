/**
 * Intake and disposition under concurrency, failure and scale, on the built bundle: simultaneous
 * submissions under every interleaving `explore` produces (bounded preemptions), duplicate and
 * blank events, a trigger that fails or is killed at any of its calls (the sweep recovers), a lock
 * that times out, two officials acting on one row at once, and the cost of one event at 10 and at
 * 10,000 register rows.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_LABELS } from "../../src/domain/workflow.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { serviceError, type ExecutionResult, fireBlankFormSubmit, userEdit } from "gas-emulator";
import { columnLetter } from "gas-emulator/testkit";
import {
  act,
  ADMIN,
  application,
  createOffice,
  DOMAIN,
  editCell,
  fillRegister,
  chainOk,
  logChainOk,
  logEntries,
  log,
  mails,
  mailsTo,
  prepareOffice,
  records,
  register,
  registerColumn,
  row,
  sheet,
  submit,
  submitOnly,
  type Office,
} from "./harness.js";
import { isReadOnly } from "./provision-matrix.js";
import { surelEmulator } from "../kit/emulator.js";

const KADIS = `kadis@${DOMAIN}`;
const SEKDIS = `sekdis@${DOMAIN}`;
const L = ACTION_LABELS;

const emails = (o: Office, to: string) => mailsTo(o, to).map((m) => m.subject);

describe("two submissions at the same moment", () => {
  test("give two rows and two distinct tickets under every interleaving (≤ 1 preemption)", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      let office: Office | null = null;
      const report = await emu.explore({
        setup: async (e) => {
          office = await prepareOffice(e);
        },
        scenario: async (e) => {
          const o = office!;
          // Both responses arrive before either trigger runs.
          submitOnly(o, application({ "Nama lengkap": "Ani Suryani", "Surel pribadi": "ani@gmail.com" }));
          submitOnly(
            o,
            application({
              "Nama lengkap": "Bima Sakti",
              "Surel pribadi": "bima@gmail.com",
              "NIP / NI PPPK": "199001012015031004",
            }),
          );
          const results = await e.drain({ concurrency: 2 });
          const rows = register(o);
          return {
            errors: results.map((r) => r.error?.message ?? ""),
            tickets: rows.map((r) => r.ticket),
            names: rows.map((r) => r.name).sort(),
            responseRows: rows.map((r) => r.responseRow).sort(),
            index: records(o, SHEET_NAMES.responseIndex).length,
            receipts: emails(o, "ani@gmail.com").length + emails(o, "bima@gmail.com").length,
            chain: logChainOk(o),
          };
        },
        maxPreemptions: 1,
      });
      expect(report.truncated).toBe(false);
      console.info(`two submissions: ${report.runs.length} schedules explored`);
      expect(report.runs.length).toBeGreaterThan(10);
      const preempted = report.runs.filter((r) => r.preemptions > 0).length;
      expect(preempted).toBeGreaterThan(0);
      for (const run of report.runs) {
        expect(run.error).toBeUndefined();
        const v = run.value!;
        expect(v.errors).toEqual(["", ""]);
        expect(v.tickets).toHaveLength(2);
        expect(new Set(v.tickets).size).toBe(2);
        for (const t of v.tickets) expect(t).toMatch(/^SRL-2611-000[12]$/);
        expect(v.names).toEqual(["Ani Suryani", "Bima Sakti"]);
        expect(v.responseRows).toEqual(["2", "3"]);
        expect(v.index).toBe(2);
        expect(v.receipts).toBe(2);
        expect(v.chain).toBe(true);
      }
    } finally {
      await emu.close();
    }
  }, 120_000);
});

describe("events that must not make a second row", () => {
  let office: Office;
  beforeAll(async () => {
    office = await createOffice();
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test.each([1, 2])("the same event delivered twice gives one row (concurrency %i)", async (concurrency) => {
    const email = `dua.kali.${concurrency}@gmail.com`;
    const before = register(office).length;
    submitOnly(
      office,
      application({ "Surel pribadi": email, "Nama lengkap": `Dwi Kali ${"ab"[concurrency - 1]}` }),
      {
        duplicateDelivery: true,
      },
    );
    const results = await office.emu.drain({ concurrency });
    expect(results.filter((r) => r.handler === "onFormSubmit")).toHaveLength(2);
    expect(results.map((r) => r.error?.message ?? "")).toEqual(["", ""]);
    const created = results.map((r) => (r.returnValue as { created: boolean }).created).sort();
    expect(created).toEqual([false, true]);
    expect(register(office)).toHaveLength(before + 1);
    expect(emails(office, email)).toHaveLength(1);
  });

  test("a blank event creates nothing", async () => {
    const rows = register(office).length;
    const entries = log(office).length;
    const sent = mails(office).length;
    fireBlankFormSubmit(office.emu.ws, office.ssId);
    const results = await office.emu.drain();
    expect(results).toHaveLength(1);
    expect(results[0]!.ok).toBe(true);
    expect(results[0]!.returnValue).toBeNull();
    expect(register(office)).toHaveLength(rows);
    expect(log(office)).toHaveLength(entries);
    expect(mails(office)).toHaveLength(sent);
  });
});

describe("a trigger that fails is recovered by the sweep", () => {
  test("an error inside the onFormSubmit execution: the clock's sweep registers the response", async () => {
    const o = await createOffice();
    try {
      o.emu.faults.inject("Range.setValues", {
        error: serviceError("We're sorry, a server error occurred. Please wait a bit and try again."),
        handler: "onFormSubmit",
      });
      const { results } = await submit(o, application({ "Surel pribadi": "gagal@gmail.com" }));
      expect(results[0]!.ok).toBe(false);
      expect(register(o)).toHaveLength(0);
      const swept = await o.emu.advance(10 * 60_000);
      expect(swept.map((r) => r.handler)).toEqual(["sweep"]);
      // The failed execution may have used up a ticket number: numbers stay unique, gaps are allowed.
      const recovered = (swept[0]!.returnValue as { recovered: string[] }).recovered;
      expect(recovered).toHaveLength(1);
      expect(recovered[0]).toMatch(/^SRL-2611-000[12]$/);
      const [r] = register(o);
      expect(r).toMatchObject({
        ticket: recovered[0],
        status: "baru",
        stageKey: "kadis",
        nip: "198503302010011002",
      });
      expect(r!.phone).toBe("+6281234567890");
      expect(emails(o, "gagal@gmail.com")).toHaveLength(1);
      expect(emails(o, KADIS)).toHaveLength(1);
      // The next sweep finds nothing more.
      const again = await o.emu.advance(10 * 60_000);
      expect(again[0]!.returnValue).toMatchObject({ recovered: [], repaired: [], flagged: [] });
      expect(register(o)).toHaveLength(1);
    } finally {
      await o.emu.close();
    }
  });

  test("killed at any of its calls, one row and at most one receipt after the sweep", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      const fresh = async (): Promise<Office> => {
        emu.reset();
        return prepareOffice(emu);
      };
      let o = await fresh();
      const clean = (await submit(o, application()))!.results[0]!;
      const n = clean.callCount;
      expect(n).toBeGreaterThan(20);
      const outcomes: string[] = [];
      // Killed "before" call k leaves the state "after" call k - 1 left: every state is reached
      // by killing after each call, plus before the first.
      // A call that changes nothing leaves the state the call before it left: cutting after it is
      // the same case (SUREL_EXHAUSTIVE=1 cuts after every call all the same).
      const cuts: [number, "before" | "after"][] = [[1, "before"]];
      for (let k = 1; k <= n; k++)
        if (process.env.SUREL_EXHAUSTIVE === "1" || !isReadOnly(clean.trace[k - 1]!.key))
          cuts.push([k, "after"]);
      expect(cuts.length).toBeGreaterThan(10);
      for (const [k, when] of cuts) {
        {
          o = await fresh();
          emu.faults.killAt(k, { handler: "onFormSubmit", when });
          const { results } = await submit(o, application());
          expect(results[0]!.killed).toBe("fault");
          const sweep = await emu.run("sweep");
          expect(sweep.error?.message ?? "", `kill ${when} call ${k}`).toBe("");
          const rows = register(o);
          const label = `kill ${when} call ${k} (${clean.trace[k - 1]?.key})`;
          expect(rows, label).toHaveLength(1);
          expect(rows[0]!.status, label).toBe("baru");
          expect(records(o, SHEET_NAMES.responseIndex), label).toHaveLength(1);
          const receipts = emails(o, "ahmad.fauzi@gmail.com").length;
          expect(receipts, label).toBeLessThanOrEqual(1);
          expect(logChainOk(o)).toBe(true);
          // Once the dead execution's grace time is over, the sweep sends what it recorded but
          // never sent: no receipt is lost. A second copy goes out only when the execution died
          // between sending the receipt and marking it sent (at least once, never lost). The sweep
          // runs every 10 minutes: the first one after the grace time is within 20.
          await emu.advance(21 * 60_000);
          const finalReceipts = emails(o, "ahmad.fauzi@gmail.com").length;
          const sentAt = clean.trace.findIndex((c) => c.key === "MailApp.sendEmail") + 1;
          const markedAt =
            clean.trace.length - [...clean.trace].reverse().findIndex((c) => c.key === "Range.setValues");
          const window = when === "after" && k >= sentAt && k < markedAt;
          expect(finalReceipts, label).toBe(window ? 2 : 1);
          outcomes.push(`${label}: ${receipts}`);
        }
      }
      // A kill before the response was registered leaves everything to the sweep: receipt included.
      expect(outcomes[0]).toMatch(/: 1$/);
    } finally {
      await emu.close();
    }
  }, 300_000);

  test("a lock that times out leaves the response for the sweep", async () => {
    const o = await createOffice();
    try {
      // Another process holds the script lock for longer than the trigger waits.
      const lock = o.emu
        .service<{ getScriptLock(): { tryLock(ms: number): boolean; releaseLock(): void } }>("LockService")
        .getScriptLock();
      expect(lock.tryLock(0)).toBe(true);
      const { results } = await submit(o, application({ "Surel pribadi": "antre@gmail.com" }));
      expect(results[0]!.ok).toBe(false);
      expect(results[0]!.error?.message).toBe(
        "Lock timeout: another process was holding the lock for too long.",
      );
      expect(register(o)).toHaveLength(0);
      lock.releaseLock();
      await o.emu.advance(10 * 60_000);
      expect(register(o)).toHaveLength(1);
      expect(emails(o, "antre@gmail.com")).toHaveLength(1);
    } finally {
      await o.emu.close();
    }
  });
});

describe("two officials acting on one row at the same moment", () => {
  test("leave a consistent row and log under every interleaving (≤ 1 preemption)", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      let office: Office | null = null;
      let rowNumber = 0;
      const report = await emu.explore({
        setup: async (e) => {
          office = await prepareOffice(e);
          await submit(office, application());
          rowNumber = register(office)[0]!._row;
          // The delegate writes the reason first, as officials do.
          await editCell(office, SEKDIS, register(office)[0]!.ticket, "note", "Bukan pegawai Pemkot");
        },
        scenario: async (e) => {
          const o = office!;
          const a1 = `${columnLetter(registerColumn("action"))}${rowNumber}`;
          const target = { spreadsheetId: o.ssId, sheet: SHEET_NAMES.register, a1 };
          // Both choose at the same moment; both edit events are queued before either runs.
          expect(userEdit(e.ws, KADIS, target, [[L.teruskan]]).ok).toBe(true);
          expect(userEdit(e.ws, SEKDIS, target, [[L.tolak]]).ok).toBe(true);
          const results = await e.drain({ concurrency: 2 });
          const r = register(o)[0]!;
          const entries = logEntries(o);
          const sweep = await e.run("sweep");
          return {
            errors: results.map((x) => x.error?.message ?? ""),
            outcomes: results.map((x) => (x.returnValue as { kind: string }).kind).sort(),
            row: r,
            entries,
            sweep: sweep.returnValue as { repaired: string[]; flagged: string[] },
          };
        },
        maxPreemptions: 1,
      });
      expect(report.truncated).toBe(false);
      const finals = new Set<string>();
      for (const run of report.runs) {
        expect(run.error).toBeUndefined();
        const v = run.value!;
        expect(v.errors).toEqual(["", ""]);
        expect(v.outcomes).toEqual(["applied", "refused"]);
        expect(v.row.action).toBe("");
        const applied = v.entries.filter((x) => x.action === "teruskan" || x.action === "tolak");
        expect(applied).toHaveLength(1);
        expect(v.entries.filter((x) => x.action === "ditolak_sistem")).toHaveLength(1);
        const to = applied[0]!.to;
        expect(`${v.row.status}${v.row.stageKey ? "/" + v.row.stageKey : ""}`).toBe(to);
        expect(v.row.lastLogSeq).toBe(String(applied[0]!.seq));
        expect(chainOk(v.entries)).toBe(true);
        expect(v.sweep).toMatchObject({ repaired: [], flagged: [] });
        finals.add(to);
      }
      // Depending on who got the lock first, the request was forwarded or rejected.
      expect([...finals].sort()).toEqual(["diproses/kabid", "ditolak"]);
    } finally {
      await emu.close();
    }
  }, 120_000);
});

describe("cost does not grow with the register", () => {
  let office: Office;
  beforeAll(async () => {
    office = await createOffice();
  });
  afterAll(async () => {
    await office.emu.close();
  });

  const callsOf = (r: ExecutionResult): Record<string, number> =>
    Object.fromEntries(Object.entries(r.calls).map(([k, v]) => [k, (v as { count: number }).count]));

  async function measure(
    name: string,
    email: string,
    nip: string,
  ): Promise<{ submit: ExecutionResult; edit: ExecutionResult }> {
    const { results } = await submit(
      office,
      application({ "Nama lengkap": name, "Surel pribadi": email, "NIP / NI PPPK": nip }),
    );
    const ticket = register(office).find((r) => r.personalEmail === email)!.ticket;
    const [edit] = await act(office, KADIS, ticket, L.teruskan);
    expect(row(office, ticket).stageKey).toBe("kabid");
    return { submit: results[0]!, edit: edit! };
  }

  test("one submission and one disposition cost the same at 10 and at 10,000 rows", async () => {
    await measure("Citra Kirana", "pemanasan@gmail.com", "199203142015032001"); // warm-up
    fillRegister(office, 10 - register(office).length);
    expect(register(office)).toHaveLength(10);
    const small = await measure("Dimas Anggara", "kecil@gmail.com", "199104202015031002");

    fillRegister(office, 10_000 - register(office).length);
    expect(sheet(office, SHEET_NAMES.register).getLastRow()).toBe(10_001);
    const large = await measure("Eko Prasetyo", "besar@gmail.com", "198912122014021003");

    expect(large.submit.ok && large.edit.ok).toBe(true);
    expect(large.submit.callCount).toBe(small.submit.callCount);
    expect(callsOf(large.submit)).toEqual(callsOf(small.submit));
    expect(large.edit.callCount).toBe(small.edit.callCount);
    expect(callsOf(large.edit)).toEqual(callsOf(small.edit));
    // And small in absolute terms: each no more than its floor plus a margin. The floor of a
    // trigger is what its door costs on an event it ignores (the guard's reads of the Script
    // Properties, the effective user): a blank form submission; for an edit, an edit of the note
    // column, which the door reads and leaves.
    fireBlankFormSubmit(office.emu.ws, office.ssId);
    const [blank] = await office.emu.drain();
    expect(blank!.returnValue).toBeNull();
    const ticket = register(office).find((r) => r.personalEmail === "besar@gmail.com")!.ticket;
    const noteOnly = (await editCell(office, KADIS, ticket, "note", "catatan saja")).results;
    expect(noteOnly).toHaveLength(1);
    // A submission's margin: the duplicate check (the directory, the index and register searches),
    // the ticket, the row with its dropdown, the log entry and its hash, the status page's record
    // with the secret code's keyed hash, the mails queued under the lock and marked sent.
    expect(small.submit.callCount).toBeLessThanOrEqual(blank!.callCount + 95);
    // A disposition's margin: one logged step under the lock (the row read and written, its
    // dropdown, the log entry, the status page's record moved, the sweep's work mark).
    expect(small.edit.callCount).toBeLessThanOrEqual(noteOnly[0]!.callCount + 40);
    // Under the script lock: the two searches (index, register), the ticket, the log entry, the
    // row and its dropdown, the status record, the mail queue rows, the index entry; the sheets,
    // the status key and the status row's cache hint are asked outside it. No directory call, no
    // mail under it. The lock's section is as long at 10,000 rows as at 10, and is little more than
    // those writes.
    const lockedOf = (r: ExecutionResult) =>
      r.trace.slice(
        r.trace.findIndex((c) => c.key === "Lock.waitLock"),
        r.trace.findIndex((c) => c.key === "Lock.releaseLock") + 1,
      );
    const locked = lockedOf(large.submit);
    expect(locked.length).toBe(lockedOf(small.submit).length);
    const writes = locked.filter((c) =>
      /^(Range\.(setValues?|setDataValidation)|Sheet\.appendRow|Properties\.setProperty|Utilities\.computeDigest)$/.test(
        c.key,
      ),
    ).length;
    // The floor: those writes and the lock's own three calls (wait, flush, release); the margin:
    // three calls around each write (its range, a row count, a read) and the two searches, four
    // calls each (the finder, its two options, the match).
    expect(locked.length).toBeLessThanOrEqual(writes + 3 + 3 * writes + 2 * 4);
    expect(locked.filter((c) => /^(AdminDirectory|MailApp|GmailApp|Cache)\./.test(c.key))).toEqual([]);
    expect(locked.filter((c) => c.key === "Spreadsheet.getSheetByName")).toEqual([]);
  }, 120_000);
});
