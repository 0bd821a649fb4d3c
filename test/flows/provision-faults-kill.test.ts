/**
 * Exactly once: the run cut off at each service call of the create step, as by the time limit
 * (before every call, and after the last one).
 * One request per call of a clean run's trace (provision-matrix.ts); after the sweep every
 * request has exactly one account and one letter, and the letter's password opens the account.
 */
import { afterAll, expect, test } from "vitest";
import { matrixProblems, runMatrix, uncovered, type MatrixResult } from "./provision-matrix.js";

let result: MatrixResult | null = null;
afterAll(async () => {
  await result?.office.emu.close();
});

test("the run cut off at any call of the create step: exactly one account and one letter per request", async () => {
  result = await runMatrix("kill");
  // Every call of the create step got its case (the trace is long: the test covers all of it).
  expect(result.calls.length).toBeGreaterThan(100);
  // Every call is stood for (calls grouped where interchangeable; SUREL_EXHAUSTIVE=1 runs each),
  // and a cut-off after the last call.
  expect(uncovered(result)).toEqual([]);
  expect(result.cases.filter((c) => c.kind === "kill-after")).toHaveLength(1);
  if (process.env.SUREL_EXHAUSTIVE === "1") expect(result.cases.length).toBe(result.calls.length + 1);
  expect(await matrixProblems(result)).toEqual([]);
}, 240_000);
