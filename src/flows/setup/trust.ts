/**
 * Setup's trust checks (docs/SECURITY.md, "Trust boundary"), made before it changes anything: the
 * account is known, the project is standalone, the account is the recorded service account, the
 * register belongs to it and is not shared by link; and the report lines of what it checks after:
 * sample values still in the settings, the service account's delegated admin rights.
 */
import type { Language, OfficeConfig } from "../../domain/config.js";
import { t } from "../../domain/text/index.js";
import {
  linkGrants,
  missingPrivileges,
  privilegeLabel,
  REQUIRED_PRIVILEGES,
  sampleValues,
} from "../../domain/trust.js";
import {
  FORM_ID_PROPERTY,
  recordedInstaller,
  recordedRegisterId,
  REGISTER_ID_PROPERTY,
  registerSpreadsheet,
} from "../../workspace/context.js";
import { openForm } from "../../workspace/forms.js";
import { scriptProperties } from "../../workspace/properties.js";
import { configuredLanguage } from "../../workspace/settings.js";
import { boundContainer, filePermissions, roleFacts } from "../../workspace/trust.js";
import type { SetupOptions, SetupReport } from "./report.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A refusal before anything changed: the report says why; nothing was created or touched. */
export function refusal(lines: string[]): SetupReport {
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
export function preflight(
  opts: SetupOptions,
  me: string,
): { refused: SetupReport } | { ss: Spreadsheet | null } {
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
    ss = registerSpreadsheet();
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
  const formId = scriptProperties().getProperty(FORM_ID_PROPERTY);
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
export function sampleValueLines(config: OfficeConfig, me: string, missing: string[]): string[] {
  const lang = config.language;
  const lines = sampleValues(config, me.slice(me.lastIndexOf("@") + 1)).map((v) =>
    t(lang, "trust.sample_value", { field: v.field, value: v.value }),
  );
  for (const g of missing) lines.push(t(lang, "trust.group_missing", { group: g }));
  return lines;
}

/** The delegated admin rights the service account needs; each missing one named. */
export function rightsLines(lang: Language, me: string): { lines: string[]; missing: number } {
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
