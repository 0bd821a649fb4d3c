/**
 * Setup's part for the account services form (domain/services.ts): created once, linked to the
 * register spreadsheet on its own responses tab ("Respons Layanan Akun"), published and open to
 * respondents like the application form. On later runs the form is kept: questions an offered type
 * needs are added (by title), the type choices and the description follow the settings.
 */
import { privacyNotice } from "../../domain/form.js";
import { buildServicesForm } from "../../domain/services.js";
import type { OfficeConfig } from "../../domain/config.js";
import { t } from "../../domain/text/index.js";
import {
  addQuestion,
  createLinkedForm,
  findResponsesTab,
  openForm,
  type FormAccess,
} from "../../workspace/forms.js";
import { scriptProperties } from "../../workspace/properties.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import { openFormToApplicants } from "./tenant.js";
import { PROP } from "../../domain/keys.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Script Property holding the services form's id. */
export const SERVICES_FORM_ID_KEY = PROP.servicesFormId;

export interface ServicesFormReport {
  formId: string;
  formUrl: string;
  access: FormAccess;
}

export function ensureServicesForm(
  ss: Spreadsheet,
  config: OfficeConfig,
  lines: string[],
): ServicesFormReport {
  const lang = config.language;
  const props = scriptProperties();
  const def = buildServicesForm(config, privacyNotice(config));
  let form = openForm(props.getProperty(SERVICES_FORM_ID_KEY));
  let sheetIdsBefore: number[] | null = null;
  if (form) {
    const items = form.getItems();
    const byTitle = new Map(items.map((i) => [i.getTitle(), i] as const));
    const added: string[] = [];
    for (const q of def.questions) {
      const item = byTitle.get(q.title);
      if (!item) {
        addQuestion(form, q);
        added.push(q.title);
      } else if (q.key === "service") item.asMultipleChoiceItem().setChoiceValues(q.choices);
    }
    if (added.length) lines.push(t(lang, "service.setup.questions_added", { titles: added.join(", ") }));
    if (form.getDescription() !== def.description) form.setDescription(def.description);
    lines.push(t(lang, "service.setup.form_kept", { url: form.getPublishedUrl() }));
  } else {
    ({ form, sheetIdsBefore } = createLinkedForm(ss, def, SERVICES_FORM_ID_KEY));
    lines.push(t(lang, "service.setup.form_created", { url: form.getPublishedUrl() }));
  }
  const tab = findResponsesTab(ss, form, sheetIdsBefore);
  const responses = tab.sheet;
  if (responses && responses.getName() !== SHEET_NAMES.serviceResponses) {
    if (!tab.ss.getSheetByName(SHEET_NAMES.serviceResponses)) responses.setName(SHEET_NAMES.serviceResponses);
  }
  if (responses) {
    // The NIP stays text (Sheets would read 18 digits as a number and lose the last ones).
    const headers = responses.getRange(1, 1, 1, responses.getLastColumn()).getDisplayValues()[0] ?? [];
    const nip = def.questions.find((q) => q.key === "nip")?.title;
    headers.forEach((h, i) => {
      if (h === nip) responses.getRange(2, i + 1, responses.getMaxRows() - 1, 1).setNumberFormat("@");
    });
  } else lines.push(t(lang, "tenant.tab_missing"));
  // The same report lines as the application form's, said of this form.
  const own: string[] = [];
  const access = openFormToApplicants(form, lang, own);
  for (const line of own) lines.push(t(lang, "service.setup.line", { line }));
  return { formId: form.getId(), formUrl: form.getPublishedUrl(), access };
}
