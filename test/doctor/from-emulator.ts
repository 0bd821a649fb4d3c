/**
 * A stand-in tenant read from an emulated office (gas-emulator) after setup ran the built bundle:
 * what the emulator models comes from it (the spreadsheet's locale, zone, sheets, protections and
 * settings; the form's destination, publishing and sign-in requirement where the emulator knows
 * them; the directory's domains, org units, groups and the installer's admin flag; the letter
 * template's text; whether the project is bound to the register; the triggers and ids, by running
 * the bundle's own `doctorReport`). What the emulator does not model (admin roles other than the
 * admin flag, Drive sharing of the form and folders) stays as the green tenant has it.
 */
import type { DoctorDiagnostic } from "../../src/handlers/doctor.js";
import { SHEETS } from "../../src/domain/settings.js";
import { documentText, directoryState, openForm, openSpreadsheet, sheetsState } from "gas-emulator/testkit";
import type { Office } from "../flows/harness.js";
import type { SheetFixture, Tenant } from "./standin.js";
import { greenTenant, type TenantIds } from "./tenants.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export async function tenantFromOffice(
  office: Office,
  scriptId: string,
): Promise<{ tenant: Tenant; ids: TenantIds }> {
  const ws = office.emu.ws;
  const run = await office.emu.run("doctorReport");
  if (!run.ok) throw new Error(`doctorReport failed: ${run.error?.message}`);
  const diagnostic = run.returnValue as DoctorDiagnostic;
  const ids: TenantIds = {
    register: office.ssId,
    form: diagnostic.formId || office.formId,
    template: diagnostic.templateId,
    archive: diagnostic.archiveFolderId,
    script: scriptId,
  };
  const service = diagnostic.user.toLowerCase();
  const tenant = greenTenant(office.config, ids, service);
  tenant.runs[scriptId] = { kind: "result", result: diagnostic };

  // The register.
  const ss = openSpreadsheet(ws, office.ssId) as unknown as Spreadsheet;
  const settingsNames = new Set<string>(Object.values(SHEETS));
  const sheets: SheetFixture[] = ss.getSheets().map((sheet, i) => ({
    title: sheet.getName(),
    values: settingsNames.has(sheet.getName())
      ? sheet.getDataRange().getDisplayValues()
      : [[sheet.getName()]],
    protectedRanges: sheet
      .getProtections("SHEET" as unknown as GoogleAppsScript.Spreadsheet.ProtectionType)
      .map((p, j) => ({
        protectedRangeId: i * 100 + j,
        range: { sheetId: i * 1000 },
        warningOnly: p.isWarningOnly(),
        editors: { users: p.getEditors().map((u) => u.getEmail()), domainUsersCanEdit: p.canDomainEdit() },
      })),
  }));
  tenant.spreadsheets[office.ssId] = {
    title: ss.getName(),
    locale: ss.getSpreadsheetLocale(),
    timeZone: ss.getSpreadsheetTimeZone(),
    sheets,
  };

  // The form, as far as the emulator models it.
  const form = openForm(ws, ids.form) as unknown as GoogleAppsScript.Forms.Form & {
    isPublished?: () => boolean;
  };
  const fixture = tenant.forms[ids.form]!;
  let linked = "";
  try {
    linked = form.getDestinationId();
  } catch {
    linked = "";
  }
  fixture.linkedSheetId = linked;
  if (typeof form.isPublished === "function")
    fixture.publishState = {
      isPublished: form.isPublished(),
      isAcceptingResponses: form.isAcceptingResponses(),
    };
  else delete fixture.publishState; // not modelled: the doctor says it could not tell
  const formFile = tenant.files.find((f) => f.id === ids.form)!;
  formFile.permissions = form.requiresLogin()
    ? [
        {
          id: "domainResponders",
          type: "domain",
          role: "reader",
          domain: office.config.domain,
          view: "published",
        },
      ]
    : [{ id: "anyoneWithLink", type: "anyone", role: "reader", view: "published" }];

  // The directory.
  const dir = directoryState(ws);
  tenant.domains = dir.domains.map((d, i) => ({ domainName: d, verified: true, isPrimary: i === 0 }));
  tenant.orgUnits = dir.orgUnits.map((p) => ({
    orgUnitPath: p,
    orgUnitId: "ou" + p.replace(/[^A-Za-z0-9]/g, "").toLowerCase(),
  }));
  tenant.groups = dir.groups.map((g, i) => ({
    id: `g${i}`,
    email: (g.email ?? "").toLowerCase(),
    name: g.name ?? g.email ?? "",
  }));
  const admin = dir.users.find((u) => (u.primaryEmail ?? "").toLowerCase() === service);
  tenant.users[0]!.isAdmin = admin
    ? admin.isAdmin === true
    : ws.owner.email.toLowerCase() === service && ws.owner.admin === true;

  // The letter template and the project.
  if (ids.template)
    tenant.documents[ids.template] = {
      title: "template",
      paragraphs: documentText(ws, ids.template).split("\n"),
    };
  if (sheetsState(ws).boundId === office.ssId)
    tenant.projects[scriptId] = { title: "surel", parentId: office.ssId };
  return { tenant, ids };
}
