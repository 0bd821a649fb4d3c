/**
 * The Dasbor sheet and the monthly recap on the built bundle: the sweep fills the dashboard from
 * its one read of the register (no personal data), builds its two charts once with ranges over the
 * status and stage tables, and on the first working day of a month mails the recap with the
 * chart's PNG exactly once: not before office hours, not on the next sweeps or concurrent sweeps,
 * retried after a failed send, and once after a kill at any call of the recap's part of the sweep
 * except between the send and the write that marks it sent (the one moment nobody can know
 * whether the mail left: it is sent again rather than risk none).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Emulator, type ExecutionResult, serviceError } from "gas-emulator";
import { chartSpecs, sheetToTable, columnLetter, scriptPropertiesOf } from "gas-emulator/testkit";
import { WORK_AT_PROPERTY } from "../../src/workspace/sweepstate.js";
import { ACTION_LABELS } from "../../src/domain/workflow.js";
import { act, ADMIN, DOMAIN, mails, prepareOffice, register, sheet, type Office } from "./harness.js";
import { applicant, newRequest, provisioningOffice, provision, row, sweepAfter } from "./provision-kit.js";
import { surelEmulator } from "../kit/emulator.js";

const L = ACTION_LABELS;
const KADIS = `kadis@${DOMAIN}`;
const SEKDA = `sekda@${DOMAIN}`;
const RECAP = /^Rekap bulanan layanan surel dinas/;
/** hh:mm WIB on a day of 2026. */
const at = (month: number, day: number, h: number, m = 0): number => Date.UTC(2026, month - 1, day, h - 7, m);

const table = (o: Office): string[][] => sheetToTable(sheet(o, "Dasbor"));
const rowOf = (t: string[][], first: string): number => t.findIndex((r) => r[0] === first) + 1;
const recaps = (o: Office) => mails(o).filter((m) => RECAP.test(m.subject));

async function sweepAt(o: Office, ms: number): Promise<ExecutionResult> {
  o.emu.ws.clockMs = Math.max(o.emu.ws.clockMs, ms);
  const r = await o.emu.run("sweep", { kind: "installable" });
  if (!r.ok) throw new Error(`sweep failed: ${r.error?.message}`);
  return r;
}

describe("the dashboard", () => {
  let office: Office;
  const people = [applicant(41), applicant(42), applicant(43)];
  let done: string;
  beforeAll(async () => {
    office = await provisioningOffice({ configure: (c) => (c.recapTo = [SEKDA]) });
    done = await provision(office, people[0]!);
    await sweepAfter(office, 15);
    const moved = await newRequest(office, people[1]!);
    await act(office, KADIS, moved, L.teruskan);
    const rejected = await newRequest(office, people[2]!);
    await act(office, KADIS, rejected, L.tolak, "Bukan pegawai Pemkot");
  }, 120_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("is filled by the sweep: per status and OPD, per stage against its target, backlog, oldest", async () => {
    expect(row(office, done).status).toBe("selesai");
    const first = await sweepAt(office, at(11, 23, 11));
    expect((first.returnValue as { dashboard: { rows: number } }).dashboard.rows).toBeGreaterThan(30);
    const t = table(office);
    expect(t[0]![0]).toBe("Dasbor Layanan Surel Dinas");
    const status = rowOf(t, "Status");
    expect(t[status - 1]!.slice(0, 3)).toEqual(["Status", "Bulan ini (2026-11)", "Bulan lalu (2026-10)"]);
    const count = (label: string): string => t.find((r, i) => i >= status && r[0] === label)![1]!;
    expect(count("selesai")).toBe("1");
    expect(count("ditolak")).toBe("1");
    expect(count("diproses")).toBe("1");
    expect(t.find((r) => r[0] === "Dinas Komunikasi dan Informatika")!.slice(1, 3)).toEqual(["3", "0"]);
    const stages = rowOf(t, "Tahap");
    const kadis = t[stages]!;
    expect(kadis[0]).toBe("Kepala Dinas");
    expect(kadis[1]).toBe("120");
    expect(Number(kadis[5])).toBe(3); // three requests left the Kadis: two forwarded, one rejected
    const total = t.find((r) => r[0] === "Seluruh layanan")!.slice(1, 6);
    expect([total[0], total[3], total[4]]).toEqual(["510", "100", "1"]);
    // Median and 90th percentile: "Buat akun" queues the request, its worker runs a minute or so later.
    expect(Number(total[1])).toBeLessThanOrEqual(2);
    expect(Number(total[2])).toBeLessThanOrEqual(2);
    expect(t.find((r) => r[0] === "≤ 1 hari kerja")![1]).toBe("1");
    const oldest = rowOf(t, "Tiket");
    expect(t[oldest]![0]).toMatch(/^SRL-2611-\d{4}$/);
  });

  test("holds no personal data", () => {
    const text = JSON.stringify(table(office));
    for (const p of people) {
      expect(text).not.toContain(p["NIP / NI PPPK"]!);
      expect(text).not.toContain(p["Surel pribadi"]!);
      expect(text).not.toContain(p["Nama lengkap"]!.split(",")[0]!);
    }
  });

  test("its charts draw the status and the stage tables, built once", async () => {
    const t = table(office);
    const specs = chartSpecs(sheet(office, "Dasbor")._model);
    expect(specs.map((s) => s.type)).toEqual(["COLUMN", "BAR"]);
    const a1 = (r: { r1: number; c1: number; r2: number; c2: number }): string =>
      `${columnLetter(r.c1)}${r.r1}:${columnLetter(r.c2)}${r.r2}`;
    const status = rowOf(t, "Status");
    const stages = rowOf(t, "Tahap");
    expect(specs.map((s) => s.ranges.map(a1))).toEqual([
      [`A${status}:C${status + 9}`],
      [`A${stages}:D${stages + office.config.stages.length}`],
    ]);
    expect(specs.map((s) => s.options["title"])).toEqual([
      "Permohonan per status",
      "Menit kerja per tahap: median, persentil 90, target",
    ]);
    // A full pass with nothing moved (an event marked work; an idle sweep would not look).
    scriptPropertiesOf(office.emu.ws).set(WORK_AT_PROPERTY, String(at(11, 23, 11, 10)));
    const again = await sweepAt(office, at(11, 23, 11, 10));
    expect((again.returnValue as { dashboard: { chartsBuilt: number } }).dashboard.chartsBuilt).toBe(0);
    expect(chartSpecs(sheet(office, "Dasbor")._model).map((s) => s.id)).toEqual(specs.map((s) => s.id));
  });

  test("the recap goes out on the first working day of the month, once, with the chart", async () => {
    await sweepAt(office, at(11, 30, 10)); // Monday: still November
    await sweepAt(office, at(12, 1, 7)); // Tuesday 1 December, before office hours
    expect(recaps(office)).toHaveLength(0);
    const sent = await sweepAt(office, at(12, 1, 8));
    expect((sent.returnValue as { recap?: { month: string } }).recap?.month).toBe("2026-11");
    const [mail] = recaps(office);
    expect(mail!.subject).toBe("Rekap bulanan layanan surel dinas November 2026");
    expect(mail!.to.sort()).toEqual([KADIS, SEKDA].sort());
    expect(mail!.body).toContain("Permohonan diterima: 3 (0)");
    expect(mail!.body).toContain("Selesai: 1 (0)");
    expect(mail!.body).toContain("Ditolak: 1 (0)");
    expect(mail!.attachments.map((a) => a.contentType)).toEqual(["image/png"]);
    for (const p of people) expect(mail!.body).not.toContain(p["Surel pribadi"]!);
    // Later sweeps, two at once, and the next day: nothing more.
    await sweepAt(office, at(12, 1, 9));
    await office.emu.runConcurrently([
      { handler: "sweep", kind: "installable" },
      { handler: "sweep", kind: "installable" },
    ]);
    await sweepAt(office, at(12, 2, 9));
    expect(recaps(office)).toHaveLength(1);
  });
});

describe("the recap across faults", () => {
  const fresh = async (emu: Emulator): Promise<Office> => {
    emu.reset();
    // No reminders in these sweeps: the only mail is the recap.
    const o = await prepareOffice(emu, {
      configure: (c) => c.stages.forEach((s) => (s.targetMinutes = 1_000_000)),
    });
    const ticket = await newRequest(o, applicant(60));
    await act(o, KADIS, ticket, L.teruskan);
    o.emu.ws.clockMs = at(12, 1, 8);
    return o;
  };

  test("a failed send is retried from the queue: one recap", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      const o = await fresh(emu);
      emu.faults.inject("MailApp.sendEmail", {
        error: serviceError("We're sorry, a server error occurred. Please wait a bit and try again."),
        // The day's first sweep also mails the log's head to the administrators: both sends fail.
        times: 2,
        handler: "sweep",
      });
      await sweepAt(o, at(12, 1, 8));
      expect(recaps(o)).toHaveLength(0);
      await sweepAt(o, at(12, 1, 8, 20));
      await sweepAt(o, at(12, 1, 8, 40));
      expect(recaps(o)).toHaveLength(1);
      expect(register(o)).toHaveLength(1);
    } finally {
      await emu.close();
    }
  }, 120_000);

  test("killed at any call of its part of the sweep: one recap (two only when cut between the send and its mark)", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      const o = await fresh(emu);
      // Every case starts from this state (restored: the office stays valid).
      const start = emu.snapshot();
      const clean = await emu.run("sweep", { kind: "installable" });
      expect(recaps(o)).toHaveLength(1);
      const keys = clean.trace.map((c) => c.key);
      const sendAt = keys.lastIndexOf("MailApp.sendEmail") + 1;
      expect(sendAt).toBeGreaterThan(0);
      // The queue row is marked sent by the next write after the send.
      const markedAt = keys.indexOf("Range.setValues", sendAt) + 1;
      expect(markedAt).toBeGreaterThan(sendAt);
      // The recap's part of the sweep: from its first look at the queue to the end.
      const claimAt = keys.lastIndexOf("TextFinder.findNext", sendAt - 1) - 2;
      const from = Math.max(1, keys.lastIndexOf("TextFinder.findNext", claimAt) - 2);
      expect(clean.callCount - from).toBeGreaterThan(10);
      for (let k = from; k <= clean.callCount; k++) {
        emu.restore(start);
        emu.faults.killAt(k, { handler: "sweep", when: "after" });
        const killed = await emu.run("sweep", { kind: "installable" });
        expect(killed.killed).toBe("fault");
        for (const m of [11, 22, 33]) await sweepAt(o, at(12, 1, 8, m));
        const label = `killed after call ${k} (${clean.trace[k - 1]?.key})`;
        expect(recaps(o).length, label).toBe(k >= sendAt && k < markedAt ? 2 : 1);
      }
    } finally {
      await emu.close();
    }
  }, 600_000);
});
