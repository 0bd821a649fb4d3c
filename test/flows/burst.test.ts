/**
 * Short locks: simultaneous submissions each register their own response in their own execution
 * (nobody fails on the lock and leaves the work to the sweep), with every ticket distinct and
 * every receipt sent once. Counts only, never timings.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExecutionResult } from "gas-emulator";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  ADMIN,
  DOMAIN,
  application,
  createOffice,
  mailsTo,
  prepareOffice,
  records,
  register,
  submitOnly,
  type Office,
} from "./harness.js";
import { surelEmulator } from "../kit/emulator.js";

function answers(i: number): Record<string, string> {
  // A valid NIP per applicant: birth date 1985-03-30, appointed 2010-01, serial i.
  return application({
    "Nama lengkap": `Pemohon ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)} Contoh`,
    "Surel pribadi": `pemohon.${i}@gmail.com`,
    "NIP / NI PPPK": `19850330201001${i % 2 === 0 ? "1" : "2"}${String(i).padStart(3, "0")}`,
  });
}

function expectEachRegisteredOnce(o: Office, results: ExecutionResult[], n: number): void {
  const intake = results.filter((r) => r.handler === "onFormSubmit");
  expect(intake).toHaveLength(n);
  expect(intake.filter((r) => !r.ok).map((r) => r.error?.message)).toEqual([]);
  expect(intake.filter((r) => (r.returnValue as { created?: boolean }).created === true)).toHaveLength(n);
  const rows = register(o);
  expect(rows).toHaveLength(n);
  expect(new Set(rows.map((r) => r.ticket)).size).toBe(n);
  expect(new Set(rows.map((r) => r.responseRow)).size).toBe(n);
  expect(records(o, SHEET_NAMES.responseIndex)).toHaveLength(n);
  for (let i = 0; i < n; i++) expect(mailsTo(o, `pemohon.${i}@gmail.com`), `receipt ${i}`).toHaveLength(1);
}

describe("a burst of simultaneous submissions", () => {
  let office: Office;
  beforeAll(async () => {
    office = await createOffice({ seed: 11 });
    office.emu.ws.quotas.setLimit("emailRecipients", 1_000_000);
  });
  afterAll(() => office.emu.close());

  test("100 at once (a seeded random interleaving, 30 executions at a time): each registered by its own execution", async () => {
    for (let i = 0; i < 100; i++) submitOnly(office, answers(i));
    const results = await office.emu.drain({ concurrency: 30, schedule: "random" });
    expectEachRegisteredOnce(office, results, 100);
    // Each execution took the lock once for its registration.
    for (const r of results) expect(r.calls["Lock.waitLock"]?.count ?? 0).toBe(1);
  }, 240_000);
});

describe("20 at once under explored interleavings", () => {
  test("every schedule explored registers all 20, each in its own execution", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      let office: Office | null = null;
      const report = await emu.explore({
        setup: async (e) => {
          office = await prepareOffice(e);
        },
        scenario: async (e) => {
          const o = office!;
          for (let i = 0; i < 20; i++) submitOnly(o, answers(i));
          const results = await e.drain({ concurrency: 20 });
          expectEachRegisteredOnce(o, results, 20);
          return results.length;
        },
        maxPreemptions: 1,
        maxRuns: 4,
      });
      expect(report.runs.length).toBe(4);
      for (const run of report.runs) expect(run.error).toBeUndefined();
      expect(report.runs.filter((r) => r.preemptions > 0).length).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  }, 240_000);
});
