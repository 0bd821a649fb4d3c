/**
 * Setup's part for a real tenant, kept apart from setup.ts so that each can change on
 * its own. What setup sets, under these names (README "What setup sets", the doctor checks them):
 * - the spreadsheet's time zone (`setSpreadsheetTimeZone`) = the office's `zona_waktu`;
 * - the form published (`setPublished(true)`, `isPublished()`);
 * - the form open to applicants without a domain account (`setRequireLogin(false)`);
 * and what it reports without changing: the spreadsheet's locale (`getSpreadsheetLocale()`), by
 * which dates in answers and timestamps are read, and whether every configured group and org unit
 * exists in the directory.
 */
import type { Language, OfficeConfig } from "../../domain/config.js";
import { zoneOffsetMinutes } from "../../domain/calendar.js";
import { failureKey } from "../../domain/provisioning.js";
import { dateOrderKey, dateOrderOf } from "../../domain/locale.js";
import { t } from "../../domain/text/index.js";
import { allGroupAddresses, allOrgUnitPaths, DirectoryError, failureOf } from "../../workspace/directory.js";
import { errorText } from "../../workspace/errors.js";
import { ensureFormOpen, type FormAccess } from "../../workspace/forms.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SpreadsheetClock {
  locale: string;
  timeZone: string;
  /** The zone before setup changed it ("" when unchanged). */
  changedFrom: string;
}

/** The spreadsheet's time zone set to the office's; its locale read and reported. */
export function ensureSpreadsheetClock(
  ss: Spreadsheet,
  config: OfficeConfig,
  lines: string[],
): SpreadsheetClock {
  const lang = config.language;
  const locale = ss.getSpreadsheetLocale();
  const current = ss.getSpreadsheetTimeZone();
  let changedFrom = "";
  if (zoneOffsetMinutes(config.timeZone) === undefined) {
    lines.push(t(lang, "tenant.zone_unknown", { zone: config.timeZone, current }));
  } else if (current !== config.timeZone) {
    ss.setSpreadsheetTimeZone(config.timeZone);
    changedFrom = current;
    lines.push(t(lang, "tenant.zone_set", { before: current, zone: config.timeZone }));
  } else {
    lines.push(t(lang, "tenant.zone_ok", { zone: current }));
  }
  lines.push(t(lang, "tenant.locale", { locale, order: t(lang, dateOrderKey(dateOrderOf(locale))) }));
  return { locale, timeZone: changedFrom ? config.timeZone : current, changedFrom };
}

/** The form published and open to applicants, and the report lines saying so. */
export function openFormToApplicants(
  form: GoogleAppsScript.Forms.Form,
  lang: Language,
  lines: string[],
): FormAccess {
  const access = ensureFormOpen(form);
  if (!access.published) lines.push(t(lang, "tenant.form_unpublished"));
  else lines.push(t(lang, access.publishedNow ? "tenant.form_published_now" : "tenant.form_published"));
  if (access.published && !access.accepting) lines.push(t(lang, "tenant.form_closed"));
  if (access.loginError) lines.push(t(lang, "tenant.login_error", { detail: access.loginError }));
  else lines.push(t(lang, access.openedNow ? "tenant.login_opened" : "tenant.login_open"));
  return access;
}

export interface DirectoryTargets {
  missingGroups: string[];
  missingOrgUnits: string[];
  /** The check itself failed (no admin right, the service off): its reason, else "". */
  unchecked: string;
}

/** "OPD/Dinkes/" → "/OPD/Dinkes", as the directory writes paths. */
function normalUnitPath(path: string): string {
  return "/" + path.trim().replace(/^\/+/, "").replace(/\/+$/, "");
}

/**
 * Every group and org unit the OPD sheet names, looked up in the directory's lists: a missing one
 * is an error in the report (every account of that OPD would fail to join, or fail to be created
 * in that org unit).
 */
export function checkDirectoryTargets(config: OfficeConfig, lines: string[]): DirectoryTargets {
  const lang = config.language;
  const out: DirectoryTargets = { missingGroups: [], missingOrgUnits: [], unchecked: "" };
  const groups = new Map<string, string>();
  const units = new Map<string, string>();
  for (const opd of config.opds) {
    const group = opd.group.trim().toLowerCase();
    if (group && !groups.has(group)) groups.set(group, opd.name);
    const path = opd.orgUnitPath.trim();
    if (path && path !== "/" && !units.has(path)) units.set(path, opd.name);
  }
  try {
    // Two list calls, whatever the number of OPDs.
    const knownGroups = groups.size > 0 ? allGroupAddresses() : new Set<string>();
    const knownUnits = units.size > 0 ? allOrgUnitPaths() : new Set<string>();
    for (const [group, opd] of groups) {
      if (!knownGroups.has(group)) {
        out.missingGroups.push(group);
        lines.push(t(lang, "tenant.group_missing", { group, opd }));
      }
    }
    for (const [path, opd] of units) {
      if (!knownUnits.has(normalUnitPath(path))) {
        out.missingOrgUnits.push(path);
        lines.push(t(lang, "tenant.orgunit_missing", { path, opd }));
      }
    }
    if (out.missingGroups.length === 0 && out.missingOrgUnits.length === 0)
      lines.push(t(lang, "tenant.directory_ok", { groups: groups.size, units: units.size }));
  } catch (e) {
    // The class of the failure in the office's language; Google's text (maybe English) goes to the log.
    console.warn(`setup: directory check failed: ${errorText(e)}`);
    const reason = t(lang, failureKey(e instanceof DirectoryError ? e.failure : failureOf(e)));
    out.unchecked = reason;
    lines.push(t(lang, "tenant.directory_unchecked", { detail: reason }));
  }
  return out;
}
