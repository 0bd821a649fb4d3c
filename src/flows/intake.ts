/**
 * A form response, whichever form it came from: the new-account form (flows/application.ts) and
 * the account services form (flows/services.ts) write into the same spreadsheet, and the one
 * form-submit trigger fires for both; a response is recognised by its questions. Both go through
 * the one intake pipeline (flows/intake-pipeline.ts).
 */
import { isServiceSubmission } from "../domain/services.js";
import { processApplication } from "./application.js";
import type { ProcessResponse } from "./intake-pipeline.js";
import { processServiceResponse } from "./services.js";

export type { IntakeOutcome, NamedValues, ResponseOptions } from "./intake-pipeline.js";

/** Registers one response (from the trigger, the sweep or a batch import). */
export const processResponse: ProcessResponse = (ctx, responseRow, namedValues, ...rest) =>
  (isServiceSubmission(namedValues) ? processServiceResponse : processApplication)(
    ctx,
    responseRow,
    namedValues,
    ...rest,
  );
