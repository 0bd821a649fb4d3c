/**
 * Exactly once: an error AFTER each service call of the create step (the call took effect, the
 * reply was lost; Directory calls answer 503, so a lost users.insert reply meets a 409 on retry).
 * One request per call of a clean run's trace (provision-matrix.ts); after the sweep every
 * request has exactly one account and one letter, and the letter's password opens the account.
 */
import { afterAll, expect, test } from "vitest";
import { matrixProblems, runMatrix, uncovered, type MatrixResult } from "./provision-matrix.js";

let result: MatrixResult | null = null;
afterAll(async () => {
  await result?.office.emu.close();
});

test("an error after any call of the create step (a lost reply): exactly one account and one letter per request", async () => {
  result = await runMatrix("after");
  // Every call of the create step got its case (the trace is long: the test covers all of it).
  expect(result.calls.length).toBeGreaterThan(100);
  // Every call is stood for (calls grouped where interchangeable; SUREL_EXHAUSTIVE=1 runs each).
  expect(uncovered(result)).toEqual([]);
  if (process.env.SUREL_EXHAUSTIVE === "1") expect(result.cases.length).toBe(result.calls.length);
  expect(await matrixProblems(result)).toEqual([]);
}, 240_000);
