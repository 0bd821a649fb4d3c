/**
 * The setup door: run by the service account from the script editor (src/main.ts) and on an
 * administrator's request (flows/admin.ts calls the flow itself). The use case is
 * src/flows/setup/run.ts.
 */
import { runSetup, type SetupReport } from "../flows/setup/run.js";
import { FORM_ID_PROPERTY } from "../workspace/context.js";

export { TRIGGERS, type SetupOptions, type SetupReport } from "../flows/setup/report.js";
/** The Script Property holding the form's id (one definition, in the workspace layer). */
export const FORM_ID_KEY = FORM_ID_PROPERTY;

/** Setup from the script editor: the report is returned and logged. */
export function setupFromEditor(): SetupReport {
  const report = runSetup({ via: "editor" });
  console.info(report.lines.join("\n"));
  return report;
}
