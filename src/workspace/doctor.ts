/**
 * The facts behind the read-only diagnostic entry point (handlers/doctor.ts) `npm run doctor` calls through the Apps Script API
 * (`scripts.run`). The Apps Script API cannot list a project's triggers, and Script Properties
 * are readable only from inside the project; this entry point returns both and changes nothing.
 *
 * `ScriptApp.getProjectTriggers()` returns only the triggers of the user running it (documented),
 * so run as the service account it shows the service account's triggers, and the doctor says so
 * when it was run as someone else. Only ids, trigger descriptions and the form's sign-in setting
 * are returned: never a Script Property's value other than the three Drive ids, never a counter, a
 * hash or a token.
 */
import { FORM_ID_PROPERTY } from "./context.js";
import { ARCHIVE_FOLDER_KEY, TEMPLATE_ID_KEY } from "./letterdrive.js";

export interface DoctorTrigger {
  handler: string;
  /** `ScriptApp.EventType` name: "ON_FORM_SUBMIT", "ON_EDIT", "CLOCK", … */
  eventType: string;
  /** The spreadsheet's or form's id; "" for a clock trigger. */
  sourceId: string;
}

export interface DoctorDiagnostic {
  /** The account this ran as (the owner of the triggers listed). */
  user: string;
  formId: string;
  templateId: string;
  archiveFolderId: string;
  /** `Form.requiresLogin()` of the form setup made (restricted to the domain); null when it cannot be opened. */
  formRequiresLogin: boolean | null;
  triggers: DoctorTrigger[];
}

function formRequiresLogin(id: string): boolean | null {
  if (!id) return null;
  try {
    return FormApp.openById(id).requiresLogin();
  } catch {
    return null; // deleted, or not this account's to open: the doctor says it could not tell
  }
}

export function doctorDiagnostic(): DoctorDiagnostic {
  const props = PropertiesService.getScriptProperties().getProperties();
  const triggers = ScriptApp.getProjectTriggers().map((t) => ({
    handler: t.getHandlerFunction(),
    eventType: String(t.getEventType()),
    sourceId: t.getTriggerSourceId() ?? "",
  }));
  const formId = props[FORM_ID_PROPERTY] ?? "";
  return {
    user: Session.getEffectiveUser().getEmail(),
    formId,
    templateId: props[TEMPLATE_ID_KEY] ?? "",
    archiveFolderId: props[ARCHIVE_FOLDER_KEY] ?? "",
    formRequiresLogin: formRequiresLogin(formId),
    triggers,
  };
}
