/**
 * Snapshots of the emulated workspace (gas-emulator, src/runtime/snapshot.ts): a restored office is
 * the office as it was, any number of times, and what happens after a restore never reaches the
 * snapshot. The harness relies on it to run setup once per test file.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EmulatorSnapshot } from "gas-emulator";
import { cloneWorkspace } from "gas-emulator/testkit";
import {
  application,
  createOffice,
  mailsTo,
  prepareOffice,
  register,
  submit,
  type Office,
} from "./harness.js";

describe("a snapshot of an office", () => {
  let office: Office;
  let snap: EmulatorSnapshot;
  beforeAll(async () => {
    office = await createOffice();
    await submit(office, application({ "Surel pribadi": "pertama@gmail.com" }));
    snap = office.emu.snapshot();
  });
  afterAll(() => office.emu.close());

  test("restores the same register, mails, clock and ledger, however often", async () => {
    const rows = register(office);
    const clock = office.emu.ws.clockMs;
    const calls = office.emu.ledger.snapshot().callCount;
    for (let i = 0; i < 2; i++) {
      await submit(
        office,
        application({ "Surel pribadi": `lain${i}@gmail.com`, "Nama lengkap": `Lain ${i}` }),
      );
      expect(register(office)).toHaveLength(2);
      office.emu.restore(snap);
      expect(register(office)).toEqual(rows);
      expect(office.emu.ws.clockMs).toBe(clock);
      expect(office.emu.ledger.snapshot().callCount).toBe(calls);
      expect(mailsTo(office, `lain${i}@gmail.com`)).toHaveLength(0);
      expect(mailsTo(office, "pertama@gmail.com")).toHaveLength(1);
    }
  });

  test("a restored office works: the next ticket follows, locks and end hooks are there", async () => {
    office.emu.restore(snap);
    const { results } = await submit(
      office,
      application({ "Surel pribadi": "kedua@gmail.com", "Nama lengkap": "Kedua" }),
    );
    expect(results.map((r) => r.error?.message ?? "")).toEqual([""]);
    expect(register(office).map((r) => r.ticket)).toEqual(["SRL-2611-0001", "SRL-2611-0002"]);
    expect(mailsTo(office, "kedua@gmail.com")).toHaveLength(1);
  });

  test("is refused while an execution is pending, and keeps no function of the state", async () => {
    submitOnlyPending(office);
    expect(() => office.emu.snapshot()).toThrow(/pending/);
    office.emu.ws.pending.length = 0;
    const ws = cloneWorkspace(office.emu.ws);
    expect(ws.endHooks).toEqual([]);
    expect(ws).not.toBe(office.emu.ws);
  });

  test("setup runs once per configuration: a second office starts from its snapshot", async () => {
    office.emu.reset();
    const again = await prepareOffice(office.emu);
    // No execution ran for it: the ledger is setup's, restored.
    expect(again.setup.callCount).toBeGreaterThan(500);
    expect(office.emu.ledger.snapshot().executions).toBe(1);
    expect(register(again)).toEqual([]);
  });
});

function submitOnlyPending(office: Office): void {
  office.emu.ws.enqueue({
    handler: "sweep",
    kind: "installable",
    authMode: "FULL",
    activeUser: office.emu.ws.owner.email,
    effectiveUser: office.emu.ws.owner.email,
    event: () => ({}),
    cause: "test",
    dueMs: office.emu.ws.clockMs,
  });
}
