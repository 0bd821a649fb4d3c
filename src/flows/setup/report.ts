/**
 * What setup reports (the script editor's log, the admin sheet's result) and how it is asked for.
 */
import type { LetterResources } from "../../workspace/lettersetup.js";
import type { LoadedConfig } from "../../workspace/settings.js";
import type { TriggerReport } from "../../workspace/triggers.js";
import type { FormAccess } from "../../workspace/forms.js";
import type { DirectoryTargets, SpreadsheetClock } from "./tenant.js";

/** Handlers the triggers call (top-level functions of the bundle). */
export const TRIGGERS = [
  { handler: "onFormSubmit", kind: "formSubmit" },
  { handler: "onRegisterEdit", kind: "edit" },
  { handler: "sweep", kind: "clock", everyMinutes: 10 },
] as const;

export interface SetupReport {
  ok: boolean;
  /** Refused before changing anything (bound project, another account, link sharing, …). */
  refused?: boolean;
  lines: string[];
  problems: LoadedConfig["problems"];
  formId: string;
  formUrl: string;
  /** The account services form (setup/services.ts); absent when setup stopped before it. */
  servicesFormId?: string;
  servicesFormUrl?: string;
  triggers: TriggerReport;
  /** The credential letter template and the archive folder (ids also in Script Properties). */
  letter?: LetterResources;
  /** What setup set and checked for a real tenant (setup/tenant.ts). */
  tenant?: { form: FormAccess; clock: SpreadsheetClock; directory: DirectoryTargets };
}

export interface SetupOptions {
  /**
   * "editor": run once by the service account from the script editor (the default);
   * "request": an administrator's request on the admin sheet, run by the service account's trigger.
   */
  via?: "editor" | "request";
}
