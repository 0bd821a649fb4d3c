/**
 * The application form: reused when it exists (the OPD choices and the notice follow the
 * settings), otherwise created and linked to the register; its responses tab under a fixed name,
 * identifiers kept as text. And the settings sheets' header rows and help column, which follow the
 * office's language.
 */
import type { Language } from "../../domain/config.js";
import { buildForm } from "../../domain/form.js";
import { settingHelp, SHEETS, tableHeaders, type Tables } from "../../domain/settings.js";
import { t } from "../../domain/text/index.js";
import { FORM_ID_PROPERTY } from "../../workspace/context.js";
import { createLinkedForm, findResponsesTab, openForm } from "../../workspace/forms.js";
import { scriptProperties } from "../../workspace/properties.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import type { LoadedConfig } from "../../workspace/settings.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The form: reused when it exists; the OPD choices are refreshed from the settings. */
export function ensureForm(
  ss: Spreadsheet,
  loaded: LoadedConfig,
  lines: string[],
): GoogleAppsScript.Forms.Form {
  const lang = loaded.config.language;
  const props = scriptProperties();
  const def = buildForm(loaded.config);
  let form = openForm(props.getProperty(FORM_ID_PROPERTY));
  let sheetIdsBefore: number[] | null = null;
  if (form) {
    const opd = def.questions.find((q) => q.key === "opd");
    const item = form.getItems().find((i) => i.getTitle() === opd?.title);
    if (opd && item) item.asListItem().setChoiceValues(opd.choices);
    // The personal data notice follows the settings (retention, contact).
    if (form.getDescription() !== def.description) form.setDescription(def.description);
    lines.push(t(lang, "setup.form_kept", { url: form.getPublishedUrl() }));
  } else {
    ({ form, sheetIdsBefore } = createLinkedForm(ss, def, FORM_ID_PROPERTY));
    lines.push(t(lang, "setup.form_created", { url: form.getPublishedUrl() }));
    lines.push(t(lang, "setup.upload_note"));
  }
  // The responses sheet the form writes into, under a fixed name: looked for after a flush and a
  // fresh open (a tab setDestination added may not show before), by the new tab or the form's URL.
  const tab = findResponsesTab(ss, form, sheetIdsBefore);
  const responses = tab.sheet;
  if (tab.how === "none") lines.push(t(lang, "tenant.tab_missing"));
  else if (tab.how === "url" && sheetIdsBefore) lines.push(t(lang, "tenant.tab_by_url"));
  if (responses && responses.getName() !== SHEET_NAMES.responses) {
    const clash = tab.ss.getSheetByName(SHEET_NAMES.responses);
    if (!clash) responses.setName(SHEET_NAMES.responses);
  }
  if (responses) {
    // Identifiers must stay text in the responses sheet too: Sheets would read an 18-digit NIP as
    // a number and lose its last digits, and the sweep rebuilds requests from this sheet.
    const headers = responses.getRange(1, 1, 1, responses.getLastColumn()).getDisplayValues()[0] ?? [];
    const textTitles = new Set(
      def.questions
        .filter((q) => ["nip", "nik", "phone", "letterNumber", "proposedUsername"].includes(q.key))
        .map((q) => q.title),
    );
    headers.forEach((h, i) => {
      if (textTitles.has(h)) responses.getRange(2, i + 1, responses.getMaxRows() - 1, 1).setNumberFormat("@");
    });
  }
  return form;
}

/**
 * The settings sheets in the office's language: their header rows, and the help column of the
 * key/value sheet for the keys the program knows (what administrators typed is never touched).
 * One read and at most one write per sheet, only when something differs.
 */
export function followLanguage(ss: Spreadsheet, lang: Language): void {
  const headers = tableHeaders(lang);
  const names: [keyof Tables, string][] = [
    ["settings", SHEETS.settings],
    ["stages", SHEETS.stages],
    ["opds", SHEETS.opds],
    ["holidays", SHEETS.holidays],
  ];
  for (const [table, name] of names) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const want = headers[table];
    if (table !== "settings") {
      const range = sheet.getRange(1, 1, 1, want.length);
      const have = range.getDisplayValues()[0] ?? [];
      if (want.some((h, i) => have[i] !== h)) range.setValues([want]);
      continue;
    }
    const rows = Math.max(1, sheet.getLastRow());
    const range = sheet.getRange(1, 1, rows, 3);
    const have = range.getDisplayValues();
    const next = have.map((r, i) => {
      if (i === 0) return want;
      const key = (r[0] ?? "").trim();
      const help = key ? settingHelp(key, lang) : "";
      // Unknown keys (typos, a key of a newer version) keep their text.
      return help && !help.startsWith("settings.help.") ? [r[0] ?? "", r[1] ?? "", help] : r;
    });
    if (next.some((r, i) => r[0] !== have[i]![0] || r[2] !== have[i]![2])) {
      sheet.getRange(1, 3, rows, 1).setValues(next.map((r) => [r[2] ?? ""]));
      const head = sheet.getRange(1, 1, 1, 2);
      if (have[0]![0] !== want[0] || have[0]![1] !== want[1]) head.setValues([[want[0]!, want[1]!]]);
    }
  }
}
