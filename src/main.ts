/**
 * The Apps Script entry points and nothing else. Every export here becomes a real top-level
 * function in dist/Code.js (see scripts/build.ts); each delegates to a handler.
 *
 * The project is standalone and owned by the office's service account (docs/SECURITY.md, "Trust
 * boundary"): there is no menu, because a menu item runs as whoever clicks it. Administrators ask
 * for admin operations on the admin sheet; the service account's edit trigger carries them out.
 * `setup`, `sweep` and `verifyLog` can also be run from the script editor, which only the service
 * account can open.
 *
 * Every top-level function is reachable from the status page (a web app deployed "execute as me,
 * anyone": google.script.run calls any of them with the service account's authority). So every one
 * but the page's own three (`doGet`, `lookupStatus`, `fileComplaint`) starts with `guardEntry`
 * (`admitWork` for those that may leave work for the sweep: the guard, then the sweep's work mark),
 * which refuses a caller that brings neither a trigger event of this project nor their own
 * authority (src/handlers/guard.ts, docs/SECURITY.md). A new entry point must do the same; the flow
 * test test/flows/webapp-guard.test.ts calls every function of the bundle from the page.
 *
 * The edit handler is deliberately not called `onEdit`: a function of that name is also run as a
 * simple trigger (with limited authorisation) on every edit of a bound container.
 */
import { handleFormSubmit, type IntakeOutcome } from "./handlers/intake.js";
import { setupFromEditor, type SetupReport } from "./handlers/setup.js";
import { runSweep, type SweepReport } from "./handlers/sweep.js";
import { runWorker, type WorkerReport } from "./handlers/worker.js";
import { handleEdit, type EditOutcome } from "./handlers/edit.js";
import { runVerifyLog, type VerifyReport } from "./handlers/verify.js";
import { doctorDiagnostic, type DoctorDiagnostic } from "./handlers/doctor.js";
import { admitWork, guardEntry } from "./handlers/guard.js";
import {
  fileComplaintFromPage,
  lookupStatusFrom,
  renderStatusPage,
  type PageReply,
} from "./handlers/statuspage.js";
import { handleComplaintEdit, isComplaintEdit, type ComplaintEditOutcome } from "./handlers/complaints.js";

/** Installable trigger: a form response arrived. */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): IntakeOutcome | null {
  admitWork("onFormSubmit", e);
  return handleFormSubmit(e);
}

/**
 * Installable trigger: an official edited the register, an administrator the settings or the
 * admin sheet (a request).
 */
export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): EditOutcome | ComplaintEditOutcome {
  admitWork("onRegisterEdit", e);
  // A complaint handler's response in the Pengaduan sheet (same trigger: it is on the spreadsheet).
  if (isComplaintEdit(e)) return handleComplaintEdit(e);
  return handleEdit(e);
}

/**
 * Web app (the applicant status page): the page itself. Deployed "execute as me, anyone": every
 * top-level function of the project can then be called from the page with google.script.run, so
 * every other one is guarded (above).
 */
export function doGet(_e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return renderStatusPage();
}

/** Called by the status page (google.script.run): ticket + secret code → the status, or one generic refusal. */
export function lookupStatus(form: unknown): PageReply {
  return lookupStatusFrom(form);
}

/** Called by the status page (google.script.run): files a complaint (pengaduan). */
export function fileComplaint(form: unknown): PageReply {
  return fileComplaintFromPage(form);
}

/** Checks the disposition log's hash chain and reports the first broken entry (also an admin request). */
export function verifyLog(e?: unknown): VerifyReport {
  guardEntry("verifyLog", e);
  return runVerifyLog();
}

/** Time-driven trigger (and an admin request). */
export function sweep(e?: GoogleAppsScript.Events.TimeDriven): SweepReport {
  guardEntry("sweep", e);
  return runSweep();
}

/**
 * Time-driven trigger (one-shot, created by "Buat akun", by a worker while work remains, or by
 * the sweep): creates the queued accounts back to back within its time budget.
 */
export function provisionWorker(e?: GoogleAppsScript.Events.TimeDriven): WorkerReport {
  admitWork("provisionWorker", e);
  return runWorker(e);
}

/**
 * Run once by the service account from the script editor; safe to run again (administrators ask
 * for it on the admin sheet). The report is returned and logged.
 */
export function setup(e?: unknown): SetupReport {
  guardEntry("setup", e);
  return setupFromEditor();
}

/**
 * Read-only: what `npm run doctor` cannot see through Google's APIs (the running account's triggers
 * of this project, the form / template / archive ids in Script Properties). Called through the
 * Apps Script API (`scripts.run`); changes nothing.
 */
export function doctorReport(e?: unknown): DoctorDiagnostic {
  guardEntry("doctorReport", e);
  return doctorDiagnostic();
}
