/**
 * A form response, whichever form it came from: the new-account form (flows/application.ts) and
 * the account services form (flows/services.ts) write into the same spreadsheet, and the one
 * form-submit trigger fires for both; a response is recognised by its questions. Both go through
 * the one intake pipeline (flows/intake-pipeline.ts).
 */
import { isServiceSubmission } from "../domain/services.js";
import type { Ctx } from "../workspace/context.js";
import { processApplication } from "./application.js";
import type { IntakeOutcome, NamedValues, ResponseOptions } from "./intake-pipeline.js";
import { processServiceResponse } from "./services.js";

export type { IntakeOutcome, NamedValues, ResponseOptions } from "./intake-pipeline.js";

/** Registers one response (from the trigger, the sweep or a batch import). */
export function processResponse(
  ctx: Ctx,
  responseRow: number,
  namedValues: NamedValues,
  submittedMs: number,
  opts: ResponseOptions = {},
): IntakeOutcome {
  return isServiceSubmission(namedValues)
    ? processServiceResponse(ctx, responseRow, namedValues, submittedMs, opts)
    : processApplication(ctx, responseRow, namedValues, submittedMs, opts);
}
