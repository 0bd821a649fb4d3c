import { describe, expect, it } from "vitest";
import {
  formatWorkerRecord,
  fractionOf,
  MAX_WORKERS,
  parseWorkerRecord,
  PENDING_GRACE_MS,
  pendingAlive,
  pruneRunning,
  REQUESTS_PER_WORKER,
  rotate,
  RUNNING_LEASE_MS,
  wantsAnotherWorker,
} from "../../src/domain/queue.js";

const T = Date.UTC(2026, 10, 23, 2, 0, 0);

describe("the workers' record", () => {
  it("reads back what it wrote; anything unreadable is an empty record", () => {
    const r = { pending: { uid: "123", dueMs: T }, running: { a: T - 1000 } };
    expect(parseWorkerRecord(formatWorkerRecord(r))).toEqual(r);
    expect(parseWorkerRecord(formatWorkerRecord({ running: {} }))).toEqual({ running: {} });
    expect(parseWorkerRecord("{kaputt")).toEqual({ running: {} });
    expect(parseWorkerRecord(null)).toEqual({ running: {} });
  });

  it("counts on a pending trigger until its grace is over", () => {
    const r = { pending: { uid: "1", dueMs: T }, running: {} };
    expect(pendingAlive(r, T + PENDING_GRACE_MS)).toBe(true);
    expect(pendingAlive(r, T + PENDING_GRACE_MS + 1)).toBe(false);
    expect(pendingAlive({ running: {} }, T)).toBe(false);
  });

  it("forgets workers that cannot be running any more", () => {
    const r = { running: { old: T - RUNNING_LEASE_MS, live: T - RUNNING_LEASE_MS + 1 } };
    expect(pruneRunning(r, T).running).toEqual({ live: T - RUNNING_LEASE_MS + 1 });
  });
});

describe("when another worker is called", () => {
  it("while more is queued than the running workers finish, up to the limit", () => {
    expect(wantsAnotherWorker(REQUESTS_PER_WORKER, 1)).toBe(false);
    expect(wantsAnotherWorker(REQUESTS_PER_WORKER + 1, 1)).toBe(true);
    expect(wantsAnotherWorker(1000, MAX_WORKERS - 1)).toBe(true);
    expect(wantsAnotherWorker(1000, MAX_WORKERS)).toBe(false);
  });
});

describe("the walk through the queue", () => {
  it("starts anywhere and visits every request once", () => {
    const q = [1, 2, 3, 4, 5];
    expect(rotate(q, 0)).toEqual([1, 2, 3, 4, 5]);
    expect(rotate(q, 0.5)).toEqual([3, 4, 5, 1, 2]);
    expect(rotate(q, 0.999)).toEqual([5, 1, 2, 3, 4]);
    expect(rotate([], 0.3)).toEqual([]);
    expect(fractionOf("ffffffff-0000-4000-8000-000000000000")).toBeLessThan(1);
    expect(fractionOf("80000000-0000-4000-8000-000000000000")).toBe(0.5);
  });
});
