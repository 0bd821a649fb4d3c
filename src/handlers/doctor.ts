/**
 * The doctor's door: `npm run doctor` calls it through the Apps Script API (`scripts.run`). It
 * reads the facts Google's APIs cannot see from outside (workspace/doctor.ts) and changes nothing.
 */
import { doctorDiagnostic as diagnose, type DoctorDiagnostic } from "../workspace/doctor.js";

export type { DoctorDiagnostic, DoctorTrigger } from "../workspace/doctor.js";

export function doctorDiagnostic(): DoctorDiagnostic {
  return diagnose();
}
