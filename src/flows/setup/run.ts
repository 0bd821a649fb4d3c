/**
 * Setup: run once by the office's service account from the script editor of the standalone
 * project, and again on an administrator's request on the admin sheet; safe to run again. It
 * creates what is missing and repairs what is wrong, never duplicates a sheet, a form or a
 * trigger, and never overwrites what administrators have entered in the settings sheets.
 *
 * Before it changes anything it holds the trust boundary (docs/SECURITY.md; setup/trust.ts): it
 * refuses to run from a project bound to a container, as another account than the recorded
 * service account, on a register someone else owns or while the register is shared by link; it
 * stops before sharing anything while the settings still hold the sample office's values.
 */
import type { Language } from "../../domain/config.js";
import { defaultConfig } from "../../domain/defaults.js";
import { defaultCredentialLetter } from "../../domain/letters.js";
import { configToTables, SHEETS } from "../../domain/settings.js";
import { t } from "../../domain/text/index.js";
import { isSampleDomain, outsideDomain } from "../../domain/trust.js";
import { INSTALLER_PROPERTY, REGISTER_ID_PROPERTY, rememberRegister } from "../../workspace/context.js";
import { ensureLetterResources, type LetterResources } from "../../workspace/lettersetup.js";
import { withScriptLock } from "../../workspace/lock.js";
import { scriptProperties } from "../../workspace/properties.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import { configuredLanguage, invalidateConfig, loadConfig } from "../../workspace/settings.js";
import { ensureSheet, protectSheet, writeTable } from "../../workspace/sheetsetup.js";
import { markWork } from "../../workspace/sweepstate.js";
import { ensureTriggers } from "../../workspace/triggers.js";
import { createSpreadsheetViaDrive, effectiveAccount, missingGroups } from "../../workspace/trust.js";
import { licenceSetupLines } from "../licences.js";
import { ensureForm, followLanguage } from "./form.js";
import { TRIGGERS, type SetupOptions, type SetupReport } from "./report.js";
import { ensureServicesForm } from "./services.js";
import { ensureProgramSheets } from "./sheets.js";
import { checkDirectoryTargets, ensureSpreadsheetClock, openFormToApplicants } from "./tenant.js";
import { preflight, refusal, rightsLines, sampleValueLines } from "./trust.js";

export { TRIGGERS, type SetupOptions, type SetupReport } from "./report.js";

export function runSetup(opts: SetupOptions = {}): SetupReport {
  const me = effectiveAccount();
  const pre = preflight(opts, me);
  if ("refused" in pre) return pre.refused;
  // Only now, past the trust checks: a refused setup changes nothing, not even the sweep's mark.
  markWork();
  return withScriptLock(() => {
    const lines: string[] = [];
    const created: string[] = [];
    const props = scriptProperties();

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

    // 2, 3. The program's sheets, their formats and protections.
    ensureProgramSheets(ss, config, created);
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
    lines.push(...letterLines(lang, letter));

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

/** The report lines of the credential letter's resources. */
function letterLines(lang: Language, letter: LetterResources): string[] {
  const templateLine = letter.created.includes("template")
    ? "provision.setup.template_created"
    : "provision.setup.template_kept";
  const archiveLine = letter.created.includes("archive")
    ? "provision.setup.archive_created"
    : "provision.setup.archive_kept";
  return [
    letter.foreignTemplate ?? t(lang, templateLine, { url: letter.templateUrl }),
    t(lang, archiveLine, { url: letter.archiveFolderUrl }),
    ...letter.problems.map((detail) => t(lang, "provision.setup.template_problem", { detail })),
  ];
}
