/**
 * The idle sweep (domain/sweepplan.ts): with nothing marked and nothing due since its last full
 * pass it reads the Script Properties once and stops, the register unopened. A reminder that
 * falls due with nothing else happening still goes out at the first sweep after its moment; a
 * write by each handler (intake, an edit, an admin request, a provisioning worker, a complaint)
 * makes the next sweep do its work; work nothing announced (a lost form trigger) is found by the
 * hourly full pass. Counts only, never timings.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExecutionResult } from "gas-emulator";
import { scriptPropertiesOf } from "gas-emulator/testkit";
import { FULL_PASS_EVERY_MS } from "../../src/domain/sweepplan.js";
import { SWEEP_SUMMARY_PROPERTY, WORK_AT_PROPERTY } from "../../src/workspace/sweepstate.js";
import {
  act,
  ADMIN,
  adminRequest,
  application,
  createOffice,
  DOMAIN,
  log,
  mails,
  register,
  row,
  submit,
  submitOnly,
  type Office,
} from "./harness.js";
import { complain } from "./status-kit.js";
import { ACTION_LABELS } from "../../src/domain/workflow.js";

const MIN = 60_000;
const KADIS = `kadis@${DOMAIN}`;
const REMINDER = /^Pengingat layanan surel dinas/;

interface Report {
  idle?: true;
  recovered: string[];
  outstanding?: true;
  nextDueMs?: number;
  fullBecause?: string;
  reminders?: { events: string[] };
}

async function sweepAfter(o: Office, minutes: number): Promise<ExecutionResult & { report: Report }> {
  o.emu.ws.advance(minutes * MIN);
  const r = await o.emu.run("sweep", { kind: "installable" });
  expect(r.ok, r.error?.message).toBe(true);
  return Object.assign(r, { report: r.returnValue as Report });
}

/** Sweeps every 10 minutes until one is not idle; returns how many ran and the last. */
async function untilFull(o: Office, max: number) {
  for (let i = 1; i <= max; i++) {
    const r = await sweepAfter(o, 10);
    if (!r.report.idle) return { sweeps: i, last: r };
  }
  throw new Error(`no full pass in ${max} sweeps`);
}

/** Until the sweeps after a full pass are idle. */
async function settle(o: Office): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const r = await sweepAfter(o, 10);
    if (r.report.idle) return;
  }
  throw new Error("the sweep never settled");
}

function applicantNo(i: number) {
  return application({
    "Nama lengkap": `Pemohon Idle ${String.fromCharCode(65 + i)} Contoh`,
    "Surel pribadi": `pemohon.idle.${i}@gmail.com`,
    "NIP / NI PPPK": `19850330201001100${i}`,
  });
}

const ticketOf = (o: Office, responseRow: number) =>
  register(o).find((r) => r.responseRow === String(responseRow))!.ticket;

describe("the sweep with nothing to do", () => {
  let o: Office;
  let ticket: string;
  beforeAll(async () => {
    // Monday 2026-11-23 08:00 WIB; the Kadis's stage: 120 working minutes, the reminder at 80 %.
    o = await createOffice({ seed: 13 });
    const { row } = await submit(o, applicantNo(1));
    ticket = ticketOf(o, row);
  });
  afterAll(() => o.emu.close());

  test("reads the Script Properties once and opens nothing", async () => {
    await settle(o);
    const r = await sweepAfter(o, 10);
    expect(r.report.idle).toBe(true);
    // Nothing but who runs it (the active and the effective user, each asked once) and one read of
    // every property.
    const only =
      /^(Session\.get(Active|Effective)User|User\.getEmail|PropertiesService\.getScriptProperties|Properties\.getProperties)$/;
    expect(r.trace.map((c) => c.key).filter((k) => !only.test(k))).toEqual([]);
    expect(r.calls["Properties.getProperties"]?.count).toBe(1);
    expect(r.calls["Session.getActiveUser"]?.count ?? 0).toBeLessThanOrEqual(1);
    expect(r.calls["Session.getEffectiveUser"]?.count ?? 0).toBeLessThanOrEqual(1);
    expect(Object.keys(r.services)).not.toContain("SpreadsheetApp");
  });

  test("a reminder that falls due with nothing else happening goes out at the first sweep after it", async () => {
    // Submitted just after 08:00: the reminder is due at 96 of 120 working minutes (about 09:37),
    // the escalation at the target (about 10:01). The full passes in between (the hourly one) send
    // nothing and know the moment.
    const summary = () =>
      JSON.parse(scriptPropertiesOf(o.emu.ws).get(SWEEP_SUMMARY_PROPERTY)!) as { nextDueMs: number };
    const dueAt = summary().nextDueMs;
    // "dd/MM/yyyy HH:mm" (WIB): the visit's start to the minute.
    const [d, m, y, hh, mm] = row(o, ticket).stageEnteredAt.split(/[/ :]/);
    const visit = Date.parse(`${y}-${m}-${d}T${hh}:${mm}:00+07:00`);
    expect(dueAt - visit).toBeGreaterThanOrEqual(96 * MIN);
    expect(dueAt - visit).toBeLessThan(97 * MIN);
    const kadis = () => mails(o).filter((m) => m.to.includes(KADIS) && REMINDER.test(m.subject));
    let idle = 0;
    while (o.emu.ws.clockMs + 10 * MIN < dueAt) {
      const r = await sweepAfter(o, 10);
      if (r.report.idle) idle++;
      else expect(r.report.nextDueMs).toBe(dueAt);
    }
    expect(idle).toBeGreaterThan(0);
    expect(kadis()).toHaveLength(0);
    const r = await sweepAfter(o, 10);
    expect(r.report.fullBecause).toBe("due");
    expect(r.report.reminders?.events).toEqual([`${ticket}:pengingat`]);
    expect(kadis()).toHaveLength(1);
    expect(log(o).filter((e) => e.ticket === ticket && e.action === "pengingat")).toHaveLength(1);
    expect(r.report.nextDueMs! - visit).toBeGreaterThanOrEqual(120 * MIN);
    expect(r.report.nextDueMs! - visit).toBeLessThan(121 * MIN);
    // The escalation at 10:00 by the same rule: the sweeps before it are idle.
    const next = await untilFull(o, 4);
    expect(next.last.report.fullBecause).toBe("due");
    expect(o.emu.ws.clockMs).toBeGreaterThanOrEqual(Date.parse("2026-11-23T10:00:00+07:00"));
    expect(next.last.report.reminders?.events).toEqual([`${ticket}:eskalasi`]);
  });

  test("a form trigger that never fired is registered by the hourly full pass", async () => {
    await settle(o);
    const before = register(o).length;
    submitOnly(o, applicantNo(2)); // the trigger is lost: nothing of the project ran
    const { last } = await untilFull(o, FULL_PASS_EVERY_MS / (10 * MIN));
    expect(last.report.recovered).toHaveLength(1);
    expect(register(o)).toHaveLength(before + 1);
  });
});

describe("a write from each handler makes the next sweep do its work", () => {
  let o: Office;
  let ticket: string;
  beforeAll(async () => {
    o = await createOffice({ seed: 14 });
    const { row } = await submit(o, applicantNo(3));
    ticket = ticketOf(o, row);
  });
  afterAll(() => o.emu.close());

  const markedBy = (results: ExecutionResult[], handler: string) => {
    const mark = Number(scriptPropertiesOf(o.emu.ws).get(WORK_AT_PROPERTY));
    const runs = results.filter((r) => r.handler === handler);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.some((r) => mark >= r.startMs && mark <= r.endMs)).toBe(true);
  };

  test("a submission", async () => {
    await settle(o);
    const { results } = await submit(o, applicantNo(4));
    markedBy(results, "onFormSubmit");
    expect((await sweepAfter(o, 10)).report.idle).toBeUndefined();
  });

  test("an edit of the register (a disposition)", async () => {
    await settle(o);
    const results = await act(o, KADIS, ticket, ACTION_LABELS.tahan, "Menunggu surat pengantar");
    markedBy(results, "onRegisterEdit");
    expect((await sweepAfter(o, 10)).report.idle).toBeUndefined();
  });

  test("an admin request", async () => {
    await settle(o);
    const { results } = await adminRequest(o, ADMIN, "verify");
    markedBy(results, "onRegisterEdit");
    expect((await sweepAfter(o, 10)).report.idle).toBeUndefined();
  });

  test("a complaint from the status page", async () => {
    await settle(o);
    const t0 = o.emu.ws.clockMs;
    const reply = await complain(o, {
      name: "Rina Warga",
      email: "rina.warga@gmail.com",
      ticket,
      text: "Permohonan saya belum diproses padahal sudah lewat satu hari kerja.",
    });
    expect(reply.ok).toBe(true);
    expect(Number(scriptPropertiesOf(o.emu.ws).get(WORK_AT_PROPERTY))).toBeGreaterThanOrEqual(t0);
    expect((await sweepAfter(o, 10)).report.idle).toBeUndefined();
  });

  test("a provisioning worker", async () => {
    await settle(o);
    // A worker trigger fires (here with nothing queued): its execution marks work too.
    const results = await o.emu.run("provisionWorker", { kind: "installable" });
    markedBy([results], "provisionWorker");
    expect((await sweepAfter(o, 10)).report.idle).toBeUndefined();
  });
});
