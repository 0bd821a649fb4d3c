import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Emulator, type ExecutionResult } from "../src/index.js";
import { fake, tinyOptions } from "./fixtures/fake.js";
import { LOCK_TIMEOUT, LockServiceImpl, lockHolders, lockStats } from "../src/services/lock.js";
import { restoreProcessZoneAfterAll } from "./helpers.js";

restoreProcessZoneAfterAll();

// Costs in the tiny bundle's emulator: getScriptLock 20 ms, waitLock/tryLock 50 ms, releaseLock 30 ms,
// Fake.read/write 50 ms, Fake.slow 1,000 ms.
const GET = 20;
const WAIT = 50;

let emu: Emulator;
beforeAll(() => {
  emu = new Emulator(tinyOptions());
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

function writeTags(): string[] {
  return fake(emu.ws).writes.map((w) => w.tag);
}

function waitedFor(r: ExecutionResult): boolean {
  return r.trace.some((c) => c.key === "Lock.waitLock" && (c.waitedMs ?? 0) > 0);
}

describe("LockService.getScriptLock under contention", () => {
  for (const first of ["A", "B"] as const) {
    it(`serialises two executions of the bundle when ${first} asks first`, async () => {
      const t0 = emu.ws.clockMs;
      const second = first === "A" ? "B" : "A";
      const rs = await emu.runConcurrently([
        { handler: "withLock", args: ["A", 3], atMs: first === "A" ? t0 : t0 + 1 },
        { handler: "withLock", args: ["B", 3], atMs: first === "B" ? t0 : t0 + 1 },
      ]);
      expect(rs.every((r) => r.ok)).toBe(true);
      expect(writeTags()).toEqual([first, second]);
      expect(fake(emu.ws).value).toBe(2); // no lost update
      const holder = rs[first === "A" ? 0 : 1]!;
      const waiter = rs[first === "A" ? 1 : 0]!;
      expect(waitedFor(holder)).toBe(false);
      expect(waitedFor(waiter)).toBe(true);
      // the waiter's clock jumped to the release: its first write comes after the holder's release
      const released = holder.trace.find((c) => c.key === "Lock.releaseLock")!;
      const waiterRead = waiter.trace.find((c) => c.key === "Fake.read")!;
      expect(waiterRead.atMs).toBe(released.atMs + released.ms);
      expect(waiter.endMs).toBeGreaterThan(holder.endMs);
      expect(lockHolders(emu.ws)).toEqual({});
    });
  }

  it("times out with Apps Script's message, in virtual time", async () => {
    const t0 = emu.ws.clockMs;
    const [holder, waiter] = await emu.runConcurrently([
      { handler: "withLock", args: ["A", 20] },
      { handler: "waitLockFor", args: [5000], atMs: t0 + 1 },
    ]);
    expect(waiter!.returnValue).toEqual({
      got: false,
      name: "Exception",
      message: LOCK_TIMEOUT,
      at: t0 + 1 + GET + WAIT + 5000,
    });
    expect(LOCK_TIMEOUT).toBe("Lock timeout: another process was holding the lock for too long.");
    expect(holder!.ok).toBe(true);
    expect(fake(emu.ws).value).toBe(1);
    expect(lockStats(emu.ws).timeouts).toBe(1);
  });

  it("gets the lock when it is released before the deadline", async () => {
    const t0 = emu.ws.clockMs;
    const [holder, waiter] = await emu.runConcurrently([
      { handler: "withLock", args: ["A", 2] },
      { handler: "waitLockFor", args: [60_000], atMs: t0 + 1 },
    ]);
    const release = holder!.trace.find((c) => c.key === "Lock.releaseLock")!;
    expect(waiter!.returnValue).toEqual({ got: true, at: release.atMs + release.ms });
  });

  it("tryLock answers false at once or after waiting, true when the lock frees in time", async () => {
    const t0 = emu.ws.clockMs;
    const rs = await emu.runConcurrently([
      { handler: "withLock", args: ["A", 3] },
      { handler: "tryLockFor", args: [0], atMs: t0 + 1 },
      { handler: "tryLockFor", args: [1000], atMs: t0 + 1, as: "kasi@contohkota.go.id" },
      { handler: "tryLockFor", args: [600_000], atMs: t0 + 2, as: "staf@contohkota.go.id" },
    ]);
    expect(rs[1]!.returnValue).toMatchObject({ got: false, has: false, at: t0 + 1 + GET + WAIT });
    expect(rs[2]!.returnValue).toMatchObject({ got: false, has: false, at: t0 + 1 + GET + WAIT + 1000 });
    expect(rs[3]!.returnValue).toMatchObject({ got: true, has: true });
  });

  it("releases the locks an execution still holds when it ends", async () => {
    const t0 = emu.ws.clockMs;
    const [holder, waiter] = await emu.runConcurrently([
      { handler: "holdWithoutRelease", args: [2] },
      { handler: "waitLockFor", args: [60_000], atMs: t0 + 1 },
    ]);
    expect(holder!.returnValue).toBe("held");
    expect(waiter!.returnValue).toEqual({ got: true, at: holder!.endMs });
    expect(lockHolders(emu.ws)).toEqual({});
  });

  it("releases the lock of an execution killed in the middle", async () => {
    emu.faults.killAt(4, { handler: "withLock" });
    const t0 = emu.ws.clockMs;
    const [killed, waiter] = await emu.runConcurrently([
      { handler: "withLock", args: ["A", 3] },
      { handler: "waitLockFor", args: [60_000], atMs: t0 + 1 },
    ]);
    expect(killed!.killed).toBe("fault");
    expect(waiter!.returnValue).toMatchObject({ got: true });
  });

  it("keeps every interleaving of two locked read-modify-writes correct", async () => {
    const report = await emu.explore({
      maxPreemptions: 2,
      scenario: async (e) => {
        const rs = await e.runConcurrently([
          { handler: "withLock", args: ["A", 1] },
          { handler: "withLock", args: ["B", 1] },
        ]);
        return { ok: rs.every((r) => r.ok), value: fake(e.ws).value };
      },
    });
    expect(report.truncated).toBe(false);
    expect(report.runs.length).toBeGreaterThan(2);
    for (const run of report.runs) expect(run.value, run.schedule.join(",")).toEqual({ ok: true, value: 2 });
  });
});

describe("other locks", () => {
  it("has script, document and user locks, and hasLock per Lock object", async () => {
    const r = await emu.run("lockKinds");
    expect(r.returnValue).toEqual([true, true, true, true, false]);
  });

  it("lets the holder take its lock again; releasing through any of its Lock objects frees it", async () => {
    const r = await emu.run("reentrant");
    expect(r.returnValue).toEqual([false, false]);
    expect(lockHolders(emu.ws)).toEqual({});
  });

  it("gives each user their own user lock", async () => {
    const two = await emu.runConcurrently([
      { handler: "userLockTry", args: [0, 2], as: "a@contohkota.go.id" },
      { handler: "userLockTry", args: [0, 2], as: "b@contohkota.go.id" },
    ]);
    expect(two.map((r) => r.returnValue)).toEqual([true, true]);
    const same = await emu.runConcurrently([
      { handler: "userLockTry", args: [0, 2], as: "a@contohkota.go.id" },
      { handler: "userLockTry", args: [0, 2], as: "a@contohkota.go.id" },
    ]);
    expect(same.map((r) => r.returnValue).sort()).toEqual([false, true]);
  });

  it("lets the harness take a free lock but not wait for a held one", async () => {
    const svc = emu.service<LockServiceImpl>("LockService");
    const lock = svc.getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    const r = await emu.run("tryLockFor", { args: [100] });
    expect(r.returnValue).toMatchObject({ got: false });
    lock.releaseLock();
    expect(lockHolders(emu.ws)).toEqual({});
    expect(() => svc.getScriptLock().waitLock(-1)).toThrow(/Invalid argument/);
  });
});
