/**
 * The Apps Script entry points and nothing else. Every export here becomes a real top-level
 * function in dist/Code.js (see scripts/build.ts); each delegates to a handler.
 *
 * The edit handler is deliberately not called `onEdit`: a function of that name is also run as a
 * simple trigger (with limited authorisation) on every edit, so an installable trigger on it would
 * run the disposition logic twice.
 */
import { handleFormSubmit, type IntakeOutcome } from "./handlers/intake.js";
import { runSetup, type SetupReport } from "./handlers/setup.js";
import { runSweep, type SweepReport } from "./handlers/sweep.js";
import { handleEdit, type EditOutcome } from "./handlers/edit.js";
import { runVerifyLog, type VerifyReport } from "./handlers/verify.js";
import { requestReissue, type ReissueOutcome } from "./handlers/provision.js";
import { doctorDiagnostic, type DoctorDiagnostic } from "./handlers/doctor.js";
import type { Language } from "./domain/config.js";
import { t } from "./domain/text/index.js";
import { configuredLanguage, loadConfig } from "./workspace/settings.js";

/** The office's language for the menu and dialogs; Indonesian when the settings cannot be read. */
function menuLanguage(): Language {
  try {
    return loadConfig(SpreadsheetApp.getActiveSpreadsheet()).config.language;
  } catch {
    return "id";
  }
}

/** Simple trigger: the Surel menu, in the office's language. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = menuLanguage();
  SpreadsheetApp.getUi()
    .createMenu("Surel")
    .addItem(t(lang, "menu.setup"), "setup")
    .addItem(t(lang, "menu.verify"), "verifyLog")
    .addItem(t(lang, "menu.sweep"), "sweep")
    .addItem(t(lang, "menu.reissue"), "reissueLetter")
    .addToUi();
}

/** Installable trigger: a form response arrived. */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): IntakeOutcome | null {
  return handleFormSubmit(e);
}

/** Installable trigger: an official edited the register (or an administrator the settings). */
export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): EditOutcome {
  return handleEdit(e);
}

/** Menu action: checks the disposition log's hash chain and reports the first broken entry. */
export function verifyLog(): VerifyReport {
  return runVerifyLog();
}

/** Time-driven trigger, and a menu action. */
export function sweep(): SweepReport {
  return runSweep();
}

/** Menu action, run once by an administrator; safe to run again. */
export function setup(): SetupReport {
  const report = runSetup();
  try {
    SpreadsheetApp.getUi().alert(
      t(configuredLanguage(), "setup.alert_title"),
      report.lines.join("\n\n"),
      SpreadsheetApp.getUi().ButtonSet.OK,
    );
  } catch {
    // Run from the editor or a test: there is no dialog to show; the report is returned and logged.
  }
  console.info(report.lines.join("\n"));
  return report;
}

/**
 * Menu action (administrators): a new credential letter with a new password for a ticket (asked in
 * a dialog; `ticket` when run from the editor). The next sweep issues it.
 */
export function reissueLetter(ticket?: string): ReissueOutcome {
  const outcome = requestReissue(typeof ticket === "string" ? ticket : undefined);
  if (outcome.message) {
    try {
      SpreadsheetApp.getUi().alert(
        t(configuredLanguage(), "provision.reissue.title"),
        outcome.message,
        SpreadsheetApp.getUi().ButtonSet.OK,
      );
    } catch {
      // No dialog outside the spreadsheet (editor, tests): the outcome is returned.
    }
  }
  return outcome;
}

/**
 * Read-only: what `npm run doctor` cannot see through Google's APIs (the running account's triggers
 * of this project, the form / template / archive ids in Script Properties). Called through the
 * Apps Script API (`scripts.run`); changes nothing.
 */
export function doctorReport(): DoctorDiagnostic {
  return doctorDiagnostic();
}
