/**
 * The reissue path under faults: an error after (a lost reply) each call of the sweep's reissue work
 * (reissue-matrix.ts); later sweeps recover. Each reissue ends with exactly one reissue letter
 * carrying the current letter number, its password the account's one new password, exactly one
 * `terbitkan_ulang` entry, the row finished, and the log verifies.
 */
import { afterAll, expect, test } from "vitest";
import { uncovered } from "./provision-matrix.js";
import { reissueProblems, runReissueMatrix, type ReissueMatrixResult } from "./reissue-matrix.js";

let result: ReissueMatrixResult | null = null;
afterAll(async () => {
  await result?.office.emu.close();
});

test("an error after (a lost reply) any call of the reissue: one letter, one new password, one log entry", async () => {
  result = await runReissueMatrix("after");
  expect(result.calls.length).toBeGreaterThan(100);
  // Every call is stood for (grouped where interchangeable; SUREL_EXHAUSTIVE=1 runs each).
  expect(uncovered(result)).toEqual([]);
  if (process.env.SUREL_EXHAUSTIVE === "1") expect(result.cases.length).toBe(result.calls.length);
  expect(reissueProblems(result)).toEqual([]);
}, 240_000);
