/**
 * Setup: run once by the office's service account from the script editor of the standalone
 * project, and again on an administrator's request on the admin sheet; safe to run again. It
 * creates what is missing and repairs what is wrong, never duplicates a sheet, a form or a
 * trigger, and never overwrites what administrators have entered in the settings sheets.
 *
 * Before it changes anything it holds the trust boundary (docs/SECURITY.md): it refuses to run
 * from a project bound to a container, as another account than the recorded service account, on
 * a register someone else owns or while the register is shared by link; it stops before sharing
 * anything while the settings still hold the sample office's values.
 */
import { markWork } from "../workspace/sweepstate.js";
import { DUP_INDEX_PROPERTY } from "../workspace/duplicates.js";
import {
  FORM_ID_PROPERTY,
  INSTALLER_PROPERTY,
  recordedInstaller,
  recordedRegisterId,
  REGISTER_ID_PROPERTY,
  rememberRegister,
} from "../workspace/context.js";
import { adminOpLabels } from "../domain/admin.js";
import { parseBatchId } from "../domain/batch.js";
import type { OfficeConfig } from "../domain/config.js";
import {
  linkGrants,
  missingPrivileges,
  outsideDomain,
  privilegeLabel,
  REQUIRED_PRIVILEGES,
  isSampleDomain,
  sampleValues,
} from "../domain/trust.js";
import {
  boundContainer,
  createSpreadsheetViaDrive,
  effectiveAccount,
  filePermissions,
  missingGroups,
  roleFacts,
} from "../workspace/trust.js";
import { defaultConfig } from "../domain/defaults.js";
import { buildForm, type FormQuestion } from "../domain/form.js";
import { licenceSetupLines } from "../flows/licences.js";
import { configToTables, settingHelp, SHEETS, tableHeaders, type Tables } from "../domain/settings.js";
import type { Language } from "../domain/config.js";
import {
  configuredLanguage,
  invalidateConfig,
  loadConfig,
  type LoadedConfig,
} from "../workspace/settings.js";
import { ensureTriggers, type TriggerReport } from "../workspace/triggers.js";
import {
  ADMIN_COLUMNS,
  BATCH_COLUMNS,
  ERROR_COLUMNS,
  INDEX_COLUMNS,
  LOG_COLUMNS,
  QUEUE_COLUMNS,
  CLAIM_COLUMNS,
  REGISTER_COLUMNS,
  SHEET_NAMES,
} from "../workspace/schema.js";
import type { ColumnDef } from "../workspace/table.js";
import { withScriptLock } from "../workspace/lock.js";
// Provisioning: the credential letter template and its folders (workspace/letter.ts).
import { defaultCredentialLetter } from "../domain/letters.js";
import { t } from "../domain/text/index.js";
import { ensureLetterResources, type LetterResources } from "../workspace/letter.js";
import { ensureServiceSheets } from "../workspace/servicesheets.js";
import { findResponsesTab, type FormAccess } from "../workspace/forms.js";
import {
  checkDirectoryTargets,
  ensureSpreadsheetClock,
  openFormToApplicants,
  type DirectoryTargets,
  type SpreadsheetClock,
} from "../flows/setup-tenant.js";
import { ensureServicesForm } from "../flows/setup-services.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Script Property holding the form's id (one definition, in the workspace layer). */
export const FORM_ID_KEY = FORM_ID_PROPERTY;
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
  /** The account services form (setup-services.ts); absent when setup stopped before it. */
  servicesFormId?: string;
  servicesFormUrl?: string;
  triggers: TriggerReport;
  /** The credential letter template and the archive folder (ids also in Script Properties). */
  letter?: LetterResources;
  /** What setup set and checked for a real tenant (setup-tenant.ts). */
  tenant?: { form: FormAccess; clock: SpreadsheetClock; directory: DirectoryTargets };
}

function ensureSheet(ss: Spreadsheet, name: string, created: string[]): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  created.push(name);
  return ss.insertSheet(name);
}

/** Writes the header row if it is not already right; freezes it; sets widths. */
export function ensureHeader<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  lang: "id" | "en",
  /** One width for every column (sheets people seldom read: one call instead of one per run). */
  uniform?: number,
  /**
   * Delete the columns past the schema's: Sheets counts every column of a row towards the
   * spreadsheet's cell limit, used or not, and a new sheet has 26. For the sheets that grow by
   * a row per event and that nobody types into (log, index, queue, claims). Idempotent.
   */
  trim = false,
): boolean {
  const headers = columns.map((c) => c[lang]);
  const max = sheet.getMaxColumns();
  if (max < headers.length) sheet.insertColumnsAfter(max, headers.length - max);
  if (trim && max > headers.length) sheet.deleteColumns(headers.length + 1, max - headers.length);
  const current = sheet.getRange(1, 1, 1, headers.length).getDisplayValues()[0] ?? [];
  const same = headers.every((h, i) => current[i] === h);
  if (!same) {
    sheet
      .getRange(1, 1, 1, headers.length)
      .setValues([headers])
      .setFontWeight("bold")
      .setBackground("#dbe5f1");
    if (uniform) sheet.setColumnWidths(1, columns.length, uniform);
    // Runs of equal widths in one call each.
    for (let i = 0; !uniform && i < columns.length;) {
      const width = columns[i]!.width;
      let j = i + 1;
      while (j < columns.length && columns[j]!.width === width) j++;
      if (width) sheet.setColumnWidths(i + 1, j - i, width);
      i = j;
    }
  }
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return !same;
}

/** Protects a whole sheet so that only the script's owner (and `editors`) can change it. */
export function protectSheet(
  sheet: Sheet,
  description: string,
  editors: string[],
  unprotected: GoogleAppsScript.Spreadsheet.Range[] = [],
): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  const protection = existing.length > 0 ? existing[0]! : sheet.protect();
  for (const extra of existing.slice(1)) extra.remove();
  protection.setDescription(description);
  const me = effectiveAccount();
  protection.addEditor(me);
  const keep = new Set([me.toLowerCase(), ...editors.map((e) => e.toLowerCase())]);
  const remove = protection.getEditors().filter((u) => !keep.has(u.getEmail().toLowerCase()));
  if (remove.length > 0) protection.removeEditors(remove.map((u) => u.getEmail()));
  if (editors.length > 0) protection.addEditors(editors);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  protection.setUnprotectedRanges(unprotected);
}

/**
 * The bulk requests' protections (flows/batch.ts makes the sheets with the first batch; setup's
 * re-check puts them back): Permohonan Massal the program's but for Tindakan and Catatan Tindakan
 * of every row, each list sheet `MSL-…` the administrators' only.
 */
export function protectBatchSheets(ss: Spreadsheet, config: OfficeConfig): void {
  for (const sheet of ss.getSheets()) protectBatchSheet(sheet, config);
}

/** One sheet's bulk request protection (nothing for a sheet that is not the bulk requests'). */
export function protectBatchSheet(sheet: Sheet, config: OfficeConfig): void {
  const lang = config.language;
  const name = sheet.getName();
  if (name === SHEET_NAMES.batches) {
    const rows = sheet.getMaxRows();
    const editable = BATCH_COLUMNS.map((c, i) => ({ c, i }))
      .filter(({ c }) => c.editable)
      .map(({ i }) => sheet.getRange(2, i + 1, rows - 1, 1));
    protectSheet(sheet, t(lang, "batch.protect.sheet"), [], editable);
  } else if (parseBatchId(name) === name) protectSheet(sheet, t(lang, "batch.protect.list"), config.admins);
}

function writeTable(sheet: Sheet, rows: string[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  // Every cell of a settings sheet is text, also the rows administrators add later: a NIP or a
  // date typed there must stay as typed.
  sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat("@");
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold").setBackground("#e2efda");
  sheet.setFrozenRows(1);
}

/** Adds one question as the form definition gives it (the application and the services form). */
export function addQuestion(form: GoogleAppsScript.Forms.Form, q: Omit<FormQuestion, "key">): void {
  let item:
    | GoogleAppsScript.Forms.TextItem
    | GoogleAppsScript.Forms.ParagraphTextItem
    | GoogleAppsScript.Forms.ListItem
    | GoogleAppsScript.Forms.MultipleChoiceItem
    | GoogleAppsScript.Forms.CheckboxItem
    | GoogleAppsScript.Forms.DateItem;
  switch (q.kind) {
    case "text": {
      const text = form.addTextItem();
      if (q.validation) {
        const b = FormApp.createTextValidation().setHelpText(q.validation.helpText);
        if (q.validation.type === "pattern") b.requireTextMatchesPattern(q.validation.pattern ?? "");
        else if (q.validation.type === "email") b.requireTextIsEmail();
        else b.requireTextLengthLessThanOrEqualTo(q.validation.max ?? 500);
        text.setValidation(b.build());
      }
      item = text;
      break;
    }
    case "paragraph":
      item = form.addParagraphTextItem();
      break;
    case "list":
      item = form.addListItem().setChoiceValues(q.choices);
      break;
    case "multipleChoice":
      item = form.addMultipleChoiceItem().setChoiceValues(q.choices);
      break;
    case "checkbox":
      item = form.addCheckboxItem().setChoiceValues(q.choices);
      break;
    case "date":
      item = form.addDateItem();
      break;
  }
  item.setTitle(q.title).setHelpText(q.help).setRequired(q.required);
}

/**
 * A new form from its definition, linked to the register spreadsheet, its id kept in Script
 * Properties under `key`; with the ids of the spreadsheet's tabs before the link (to find its tab).
 */
export function createLinkedForm(
  ss: Spreadsheet,
  def: { title: string; description: string; confirmation: string; questions: Omit<FormQuestion, "key">[] },
  key: string,
): { form: GoogleAppsScript.Forms.Form; sheetIdsBefore: number[] } {
  const form = FormApp.create(def.title);
  form.setDescription(def.description).setConfirmationMessage(def.confirmation).setAllowResponseEdits(false);
  for (const q of def.questions) addQuestion(form, q);
  const sheetIdsBefore = ss.getSheets().map((s) => s.getSheetId());
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  PropertiesService.getScriptProperties().setProperty(key, form.getId());
  return { form, sheetIdsBefore };
}

/** The form by its recorded id; null when there is none (deleted, no access: a new one is made). */
export function openForm(id: string | null): GoogleAppsScript.Forms.Form | null {
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch {
    return null; // deleted or no access: a new one is made
  }
}

/** The form: reused when it exists; the OPD choices are refreshed from the settings. */
function ensureForm(ss: Spreadsheet, loaded: LoadedConfig, lines: string[]): GoogleAppsScript.Forms.Form {
  const lang = loaded.config.language;
  const props = PropertiesService.getScriptProperties();
  const def = buildForm(loaded.config);
  let form = openForm(props.getProperty(FORM_ID_KEY));
  let sheetIdsBefore: number[] | null = null;
  if (form) {
    const opd = def.questions.find((q) => q.key === "opd");
    const item = form.getItems().find((i) => i.getTitle() === opd?.title);
    if (opd && item) item.asListItem().setChoiceValues(opd.choices);
    // The personal data notice follows the settings (retention, contact).
    if (form.getDescription() !== def.description) form.setDescription(def.description);
    lines.push(t(lang, "setup.form_kept", { url: form.getPublishedUrl() }));
  } else {
    ({ form, sheetIdsBefore } = createLinkedForm(ss, def, FORM_ID_KEY));
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
function followLanguage(ss: Spreadsheet, lang: Language): void {
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

/**
 * The admin sheet: the whole sheet editable by the configured administrators only (and the
 * service account, its owner); the result columns by the service account only; the operation
 * column a dropdown of the operations in the office's language.
 */
function ensureAdminSheet(sheet: Sheet, config: OfficeConfig): void {
  const lang = config.language;
  protectSheet(sheet, t(lang, "admin.protect.sheet"), config.admins);
  const rows = sheet.getMaxRows();
  const firstOut = ADMIN_COLUMNS.findIndex((c) => !c.editable) + 1;
  const out = sheet.getRange(1, firstOut, rows, ADMIN_COLUMNS.length - firstOut + 1);
  const ranges = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  const existing = ranges.find((p) => p.getRange().getA1Notation() === out.getA1Notation());
  for (const p of ranges) if (p !== existing) p.remove();
  const protection = existing ?? out.protect();
  protection.setDescription(t(lang, "admin.protect.results"));
  const me = effectiveAccount();
  protection.addEditor(me);
  const others = protection.getEditors().filter((u) => u.getEmail().toLowerCase() !== me.toLowerCase());
  if (others.length > 0) protection.removeEditors(others.map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(adminOpLabels(lang), true)
    .setAllowInvalid(false)
    .setHelpText(t(lang, "admin.help"))
    .build();
  sheet.getRange(2, 1, rows - 1, 1).setDataValidation(rule);
  ADMIN_COLUMNS.forEach((c, i) => {
    if (c.plainText) sheet.getRange(2, i + 1, rows - 1, 1).setNumberFormat("@");
    if (c.kind === "date") sheet.getRange(2, i + 1, rows - 1, 1).setNumberFormat("dd/MM/yyyy HH:mm");
  });
}

export interface SetupOptions {
  /**
   * "editor": run once by the service account from the script editor (the default);
   * "request": an administrator's request on the admin sheet, run by the service account's trigger.
   */
  via?: "editor" | "request";
}

/** A refusal before anything changed: the report says why; nothing was created or touched. */
function refusal(lines: string[]): SetupReport {
  return {
    ok: false,
    refused: true,
    lines,
    problems: [],
    formId: "",
    formUrl: "",
    triggers: { kept: [], created: [], deleted: [] },
  };
}

/**
 * The trust checks that come before any change (docs/SECURITY.md, "Trust boundary"): the account
 * is known, the project is standalone, the account is the recorded service account, the register
 * belongs to it and is not shared by link. Returns the refusal, or the register when there is one.
 */
function preflight(opts: SetupOptions, me: string): { refused: SetupReport } | { ss: Spreadsheet | null } {
  const lang = configuredLanguage();
  if (!me) return { refused: refusal([t(lang, "trust.unknown_account")]) };
  if ((opts.via ?? "editor") === "editor") {
    const container = boundContainer();
    if (container) return { refused: refusal([t(lang, "trust.bound", { id: container })]) };
  }
  const installer = recordedInstaller();
  if (installer && installer !== me)
    return { refused: refusal([t(lang, "trust.other_installer", { me, installer })]) };
  const id = recordedRegisterId();
  if (!id) return { ss: null };
  let ss: Spreadsheet;
  try {
    ss = SpreadsheetApp.openById(id);
  } catch {
    return { refused: refusal([t(lang, "trust.register_missing", { id })]) };
  }
  const owner = (ss.getOwner()?.getEmail() ?? "").toLowerCase();
  if (owner && owner !== me) return { refused: refusal([t(lang, "trust.register_owner", { owner, me })]) };
  const shared = linkSharingProblems(ss, lang);
  if (shared.length > 0) return { refused: refusal(shared) };
  return { ss };
}

/** The register (and the form's response spreadsheet) must not be shared by link. */
function linkSharingProblems(ss: Spreadsheet, lang: Language): string[] {
  const out: string[] = [];
  const files: [string, string, "register" | "responses"][] = [
    [ss.getId(), t(lang, "trust.file.register"), "register"],
  ];
  const formId = PropertiesService.getScriptProperties().getProperty(FORM_ID_KEY);
  const form = openForm(formId);
  if (form) {
    try {
      const dest = form.getDestinationId();
      if (dest && dest !== ss.getId()) files.push([dest, t(lang, "trust.file.responses"), "responses"]);
    } catch {
      // a form without a destination has no response sheet to check
    }
  }
  for (const [id, what, which] of files) {
    const permissions = filePermissions(id);
    if (permissions === "not_ours") {
      out.push(
        which === "register"
          ? t(lang, "trust.register_not_ours", { id, key: REGISTER_ID_PROPERTY })
          : t(lang, "trust.responses_not_ours", { id }),
      );
      continue;
    }
    if (permissions === null) {
      out.push(t(lang, "trust.sharing_unknown", { what }));
      continue;
    }
    for (const g of linkGrants(permissions))
      out.push(
        t(lang, "trust.link_shared", {
          what,
          who: t(lang, g.type === "anyone" ? "trust.link.anyone" : "trust.link.domain"),
          role: g.role,
        }),
      );
  }
  return out;
}

/** Settings that still hold the sample office's values: each named; setup goes no further. */
function sampleValueLines(config: OfficeConfig, me: string, missing: string[]): string[] {
  const lang = config.language;
  const lines = sampleValues(config, me.slice(me.lastIndexOf("@") + 1)).map((v) =>
    t(lang, "trust.sample_value", { field: v.field, value: v.value }),
  );
  for (const g of missing) lines.push(t(lang, "trust.group_missing", { group: g }));
  return lines;
}

/** The delegated admin rights the service account needs; each missing one named. */
function rightsLines(lang: Language, me: string): { lines: string[]; missing: number } {
  const facts = roleFacts(me);
  if (!facts) {
    const all = REQUIRED_PRIVILEGES.map((p) => privilegeLabel(lang, p)).join("; ");
    return { lines: [t(lang, "trust.rights_unknown", { rights: all })], missing: 1 };
  }
  if (facts.superAdmin) return { lines: [t(lang, "trust.rights_super_admin", { me })], missing: 0 };
  const missing = missingPrivileges(facts);
  const lines = missing.map((p) => t(lang, "trust.right_missing", { right: privilegeLabel(lang, p), me }));
  if (missing.length === 0) lines.push(t(lang, "trust.rights_ok", { me }));
  if (facts.orgUnitScopes.length > 0) lines.push(t(lang, "trust.rights_org_units"));
  return { lines, missing: missing.length };
}

export function runSetup(opts: SetupOptions = {}): SetupReport {
  const me = effectiveAccount();
  const pre = preflight(opts, me);
  if ("refused" in pre) return pre.refused;
  // Only now, past the trust checks: a refused setup changes nothing, not even the sweep's mark.
  markWork();
  return withScriptLock(() => {
    const lines: string[] = [];
    const created: string[] = [];
    const props = PropertiesService.getScriptProperties();

    // 0. The register: the recorded one, or a new spreadsheet the service account owns.
    let ss = pre.ss;
    if (!ss) {
      // Through the Drive API: under drive.file, Drive reaches the register's sharing only because
      // this project created it there.
      ss = createSpreadsheetViaDrive(t(configuredLanguage(), "trust.register_name"));
    }
    rememberRegister(ss);
    props.setProperties({ [REGISTER_ID_PROPERTY]: ss.getId(), [INSTALLER_PROPERTY]: me });

    // 1. Settings: created with defaults when missing, never overwritten.
    const defaults = defaultConfig();
    const tables = configToTables(defaults);
    const settingsSheets: [string, string[][]][] = [
      [SHEETS.settings, tables.settings],
      [SHEETS.stages, tables.stages],
      [SHEETS.opds, tables.opds],
      [SHEETS.holidays, tables.holidays],
    ];
    for (const [name, rows] of settingsSheets) {
      if (ss.getSheetByName(name)) continue;
      writeTable(ensureSheet(ss, name, created), rows);
    }
    const blank = ss.getSheetByName("Sheet1");
    if (blank && blank.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(blank);
    invalidateConfig();
    const loaded = loadConfig(ss);
    const { config } = loaded;
    const lang = config.language;

    // 1b. Sample values never reach a real domain: nothing is shared, no form, no trigger, until
    // the settings are the office's own. The settings stay editable by the service account only.
    const realDomain = !isSampleDomain(me.slice(me.lastIndexOf("@") + 1));
    const samples = sampleValueLines(config, me, realDomain ? missingGroups(config) : []);
    if (samples.length > 0) {
      for (const name of Object.values(SHEETS)) {
        const sheet = ss.getSheetByName(name);
        if (sheet) protectSheet(sheet, t(lang, "setup.protect.settings"), []);
      }
      if (created.length) lines.push(t(lang, "setup.sheets_created", { sheets: created.join(", ") }));
      lines.push(t(lang, "trust.register_at", { url: ss.getUrl() }));
      lines.push(t(lang, "trust.sample_refused", { count: samples.length }), ...samples);
      return { ...refusal(lines), refused: false };
    }

    // 2. The program's sheets.
    const register = ensureSheet(ss, SHEET_NAMES.register, created);
    ensureHeader(register, REGISTER_COLUMNS, lang);
    // The duplicate keys (the last column, protected): an empty register's index is complete, an
    // earlier build's register gets its keys at the sweep's next full pass (workspace/duplicates.ts).
    if (register.getLastRow() <= 1)
      PropertiesService.getScriptProperties().setProperty(DUP_INDEX_PROPERTY, "1");
    const log = ensureSheet(ss, SHEET_NAMES.log, created);
    ensureHeader(log, LOG_COLUMNS, lang, undefined, true);
    const index = ensureSheet(ss, SHEET_NAMES.responseIndex, created);
    ensureHeader(index, INDEX_COLUMNS, lang, 140, true);
    const queue = ensureSheet(ss, SHEET_NAMES.mailQueue, created);
    ensureHeader(queue, QUEUE_COLUMNS, lang, 180, true);
    const claims = ensureSheet(ss, SHEET_NAMES.mailClaims, created);
    ensureHeader(claims, CLAIM_COLUMNS, lang, 260, true);
    claims.getRange(2, 1, claims.getMaxRows() - 1, 1).setNumberFormat("@");
    const errors = ensureSheet(ss, SHEET_NAMES.errors, created);
    ensureHeader(errors, ERROR_COLUMNS, lang, 240);
    const adminSheet = ensureSheet(ss, SHEET_NAMES.admin, created);
    ensureHeader(adminSheet, ADMIN_COLUMNS, lang);

    // The status page's records and the complaints (pengaduan).
    ensureServiceSheets(ss, lang, created);

    // Formats: identifiers and hashes as plain text (Sheets would turn digits into numbers), times as date-times.
    const rows = register.getMaxRows();
    const col = (key: (typeof REGISTER_COLUMNS)[number]["key"]) =>
      REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const c of REGISTER_COLUMNS.filter((c) => c.plainText))
      register.getRange(2, col(c.key), rows - 1, 1).setNumberFormat("@");
    for (const c of REGISTER_COLUMNS.filter((c) => c.kind === "date"))
      register.getRange(2, col(c.key), rows - 1, 1).setNumberFormat("dd/MM/yyyy HH:mm");
    log.getRange(2, 2, log.getMaxRows() - 1, 1).setNumberFormat("dd/MM/yyyy HH:mm:ss");
    LOG_COLUMNS.forEach((c, i) => {
      if (c.plainText) log.getRange(2, i + 1, log.getMaxRows() - 1, 1).setNumberFormat("@");
    });

    // 3. Protection: the program's columns and sheets; officials edit only action, note and address.
    const editable = REGISTER_COLUMNS.map((c, i) => ({ c, i })).filter(({ c }) => c.editable);
    protectSheet(
      register,
      t(lang, "setup.protect.register"),
      [],
      editable.map(({ i }) => register.getRange(2, i + 1, rows - 1, 1)),
    );
    protectSheet(log, t(lang, "setup.protect.log"), []);
    protectSheet(index, t(lang, "setup.protect.index"), []);
    protectSheet(queue, t(lang, "setup.protect.queue"), []);
    protectSheet(claims, t(lang, "setup.protect.queue"), []);
    protectSheet(errors, t(lang, "setup.protect.errors"), []);
    ensureAdminSheet(adminSheet, config);
    for (const name of Object.values(SHEETS)) {
      const sheet = ss.getSheetByName(name);
      if (sheet) protectSheet(sheet, t(lang, "setup.protect.settings"), config.admins);
    }
    protectBatchSheets(ss, config);
    // The settings sheets' header rows and help column follow the language (the keys stay).
    followLanguage(ss, lang);

    // 4. The form and its responses sheet; published and open to applicants (setup-tenant.ts).
    const form = ensureForm(ss, loaded, lines);
    const formAccess = openFormToApplicants(form, lang, lines);
    // The spreadsheet's clock: the office's time zone; its locale reported (setup-tenant.ts).
    const clock = ensureSpreadsheetClock(ss, config, lines);
    // Every configured group and org unit exists (setup-tenant.ts).
    const directory = checkDirectoryTargets(config, lines);
    // The accounts against the licences the office holds (licences.ts).
    lines.push(...licenceSetupLines(config, lang));
    // The durable inbox: no editor of the spreadsheet may delete or change a response (the form
    // writes as its owner; the program as the installer).
    const responsesSheet = ss.getSheetByName(SHEET_NAMES.responses);
    if (responsesSheet) protectSheet(responsesSheet, t(lang, "setup.protect.responses"), []);
    // The account services form, on its own responses tab, protected the same way.
    const services = ensureServicesForm(ss, config, lines);
    const servicesSheet = ss.getSheetByName(SHEET_NAMES.serviceResponses);
    if (servicesSheet) protectSheet(servicesSheet, t(lang, "setup.protect.responses"), []);

    // 4b. The credential letter: template (editable by administrators), restricted archive folder,
    // work folder. Created once; an edited template is kept and checked.
    const letter = ensureLetterResources(config, defaultCredentialLetter());
    const templateLine = letter.created.includes("template")
      ? "provision.setup.template_created"
      : "provision.setup.template_kept";
    const archiveLine = letter.created.includes("archive")
      ? "provision.setup.archive_created"
      : "provision.setup.archive_kept";
    lines.push(letter.foreignTemplate ?? t(lang, templateLine, { url: letter.templateUrl }));
    lines.push(t(lang, archiveLine, { url: letter.archiveFolderUrl }));
    for (const detail of letter.problems) lines.push(t(lang, "provision.setup.template_problem", { detail }));

    // The service account's admin rights, before the triggers (the last step).
    const rights = rightsLines(lang, me);
    const registerUrl = ss.getUrl();

    // 5. Triggers, exactly once each.
    const triggers = ensureTriggers(
      ss,
      TRIGGERS.map((t) => ({ ...t })),
    );

    if (created.length) lines.unshift(t(lang, "setup.sheets_created", { sheets: created.join(", ") }));
    else lines.unshift(t(lang, "setup.sheets_exist"));
    lines.push(
      t(lang, "setup.triggers", {
        created: triggers.created.length,
        kept: triggers.kept.length,
        deleted: triggers.deleted.length,
      }),
    );
    const errorsFound = loaded.problems.filter((p) => p.level === "error");
    if (loaded.problems.length === 0) lines.push(t(lang, "setup.settings_ok"));
    for (const p of loaded.problems) {
      const level = t(lang, p.level === "error" ? "setup.level.error" : "setup.level.warning");
      const at = { level, sheet: p.sheet, key: p.key, message: p.message };
      lines.push(p.row ? t(lang, "setup.problem_row", { ...at, row: p.row }) : t(lang, "setup.problem", at));
    }
    // The trust boundary: who runs the triggers, their rights, officials who could never act.
    lines.push(t(lang, "trust.installer", { me }));
    lines.push(...rights.lines);
    for (const who of outsideDomain(config, me)) lines.push(t(lang, "trust.outside_domain", { who }));
    lines.push(t(lang, "trust.register_at", { url: registerUrl }));
    const tenantOk =
      formAccess.published && directory.missingGroups.length === 0 && directory.missingOrgUnits.length === 0;
    return {
      ok: errorsFound.length === 0 && tenantOk && rights.missing === 0 && !letter.foreignTemplate,
      lines,
      problems: loaded.problems,
      formId: form.getId(),
      formUrl: form.getPublishedUrl(),
      servicesFormId: services.formId,
      servicesFormUrl: services.formUrl,
      triggers,
      letter,
      tenant: { form: formAccess, clock, directory },
    };
  });
}
