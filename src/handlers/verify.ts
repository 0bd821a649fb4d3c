/**
 * The log check's door: the `verifyLog` entry point (the script editor; administrators ask for it
 * on the admin sheet, flows/admin.ts). The checks are src/flows/verify.ts.
 */
import { runVerifyLog as verifyNow, type VerifyReport } from "../flows/verify.js";

export type { VerifyReport } from "../flows/verify.js";

export function runVerifyLog(): VerifyReport {
  return verifyNow();
}
