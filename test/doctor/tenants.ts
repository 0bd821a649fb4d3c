/**
 * Two tenants for the doctor's stand-in: a green domain set up as surel needs it (the sample office
 * Pemerintah Kota Contoh after setup, run as its service account), and a broken one with each
 * failure the doctor looks for.
 */
import type { OfficeConfig } from "../../src/domain/config.js";
import { defaultConfig } from "../../src/domain/defaults.js";
import { defaultCredentialLetter } from "../../src/domain/letters.js";
import { configToTables, SHEETS } from "../../src/domain/settings.js";
import { t } from "../../src/domain/text/index.js";
import { TRIGGERS } from "../../src/handlers/setup.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import type { Permission, ProtectedRange, SheetFixture, Tenant } from "./standin.js";

export interface TenantIds {
  register: string;
  form: string;
  template: string;
  archive: string;
  script: string;
}

export const IDS: TenantIds = {
  register: "1RegisterKotaContoh0000000000000000000000",
  form: "1FormulirKotaContoh000000000000000000000000",
  template: "1TemplatSuratKotaContoh00000000000000000000",
  archive: "1ArsipSuratKotaContoh00000000",
  script: "1ProyekSurelKotaContoh000000000000000000000000000000000",
};

const EVENT: Record<string, string> = { formSubmit: "ON_FORM_SUBMIT", edit: "ON_EDIT", clock: "CLOCK" };

const PRIVILEGES = [
  {
    privilegeName: "USERS_ALL",
    isOuScopable: true,
    childPrivileges: [
      { privilegeName: "USERS_RETRIEVE", isOuScopable: true },
      { privilegeName: "USERS_CREATE", isOuScopable: true },
      { privilegeName: "USERS_UPDATE", isOuScopable: true },
      { privilegeName: "USERS_DELETE", isOuScopable: true },
    ],
  },
  {
    privilegeName: "GROUPS_ALL",
    isOuScopable: false,
    childPrivileges: [
      { privilegeName: "GROUPS_RETRIEVE", isOuScopable: false },
      { privilegeName: "GROUPS_UPDATE", isOuScopable: false },
      { privilegeName: "GROUPS_CREATE", isOuScopable: false },
      { privilegeName: "GROUPS_DELETE", isOuScopable: false },
    ],
  },
  { privilegeName: "ORGANIZATION_UNITS_RETRIEVE", isOuScopable: true },
];

/** The org unit paths of a configuration, with every parent ("/OPD/Kecamatan/X" → "/OPD", …). */
function unitPaths(config: OfficeConfig): string[] {
  const out = new Set<string>(["/"]);
  for (const o of config.opds) {
    const parts = o.orgUnitPath.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) out.add("/" + parts.slice(0, i).join("/"));
  }
  return [...out];
}

const unitId = (path: string): string => "ou" + path.replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/** A green tenant: the configuration's domain, set up by setup and run as `service`. */
export function greenTenant(
  config: OfficeConfig = defaultConfig(),
  ids: TenantIds = IDS,
  service = `layanan.surel@${config.domain}`,
): Tenant {
  const tables = configToTables(config);
  const protect = (id: number, editors: string[], extra: Partial<ProtectedRange> = {}): ProtectedRange[] => [
    {
      protectedRangeId: id,
      range: { sheetId: id * 1000 },
      description: "surel",
      warningOnly: false,
      editors: { users: [service, ...editors] },
      ...extra,
    },
  ];
  const names = [...Object.values(SHEET_NAMES), ...Object.values(SHEETS)];
  const values: Record<string, string[][]> = {
    [SHEETS.settings]: tables.settings,
    [SHEETS.stages]: tables.stages,
    [SHEETS.opds]: tables.opds,
    [SHEETS.holidays]: tables.holidays,
  };
  const settingsNames = new Set<string>(Object.values(SHEETS));
  const sheets: SheetFixture[] = names.map((title, i) => ({
    title,
    values: values[title] ?? [[title]],
    protectedRanges:
      title === SHEET_NAMES.responses
        ? []
        : protect(
            i,
            settingsNames.has(title) ? config.admins : [],
            title === SHEET_NAMES.register
              ? {
                  unprotectedRanges: [
                    { sheetId: i * 1000, startRowIndex: 1, startColumnIndex: 6, endColumnIndex: 8 },
                  ],
                }
              : {},
          ),
  }));
  const officials = [...new Set(config.stages.flatMap((s) => [...s.officials, ...s.delegates]))];
  const user = (email: string, role: Permission["role"], i: number): Permission => ({
    id: `p${i}`,
    type: "user",
    role,
    emailAddress: email,
  });
  const letter = defaultCredentialLetter().map((p) => p.text);

  return {
    caller: service,
    domains: [{ domainName: config.domain, verified: true, isPrimary: true }],
    users: [{ id: "100000000000000000001", primaryEmail: service, isAdmin: false, isDelegatedAdmin: true }],
    roles: [
      { roleId: "91447453409035734", roleName: "Layanan Surel", privileges: ["USERS_ALL", "GROUPS_UPDATE"] },
      { roleId: "91447453409034818", roleName: "_SEED_ADMIN_ROLE", privileges: [], isSuperAdminRole: true },
    ],
    privileges: PRIVILEGES,
    roleAssignments: [
      {
        roleAssignmentId: "ra1",
        roleId: "91447453409035734",
        assignedTo: "100000000000000000001",
        scopeType: "CUSTOMER",
      },
    ],
    orgUnits: unitPaths(config).map((p) => ({ orgUnitPath: p, orgUnitId: unitId(p) })),
    groups: [...new Set(config.opds.map((o) => o.group).filter(Boolean))].map((g, i) => ({
      id: `g${i}`,
      email: g.toLowerCase(),
      name: g,
    })),
    spreadsheets: {
      [ids.register]: {
        title: `Register Surel ${config.office.shortName}`,
        locale: "id_ID",
        timeZone: config.timeZone,
        sheets,
      },
    },
    forms: {
      [ids.form]: {
        title: "Permohonan Akun Surel Dinas",
        publishState: { isPublished: true, isAcceptingResponses: true },
        linkedSheetId: ids.register,
      },
    },
    files: [
      {
        id: ids.register,
        name: `Register Surel ${config.office.shortName}`,
        mimeType: "application/vnd.google-apps.spreadsheet",
        owner: service,
        permissions: officials.map((o, i) => user(o, "writer", i)),
      },
      {
        id: ids.form,
        name: "Permohonan Akun Surel Dinas",
        mimeType: "application/vnd.google-apps.form",
        owner: service,
        permissions: [{ id: "anyoneWithLink", type: "anyone", role: "reader", view: "published" }],
      },
      {
        id: ids.template,
        name: t("id", "letter.name.template"),
        mimeType: "application/vnd.google-apps.document",
        owner: service,
        permissions: config.admins.map((a, i) => user(a, "writer", i)),
      },
      {
        id: ids.archive,
        name: t("id", "letter.name.archive"),
        mimeType: "application/vnd.google-apps.folder",
        owner: service,
        permissions: config.admins.map((a, i) => user(a, "reader", i)),
      },
      {
        id: ids.script,
        name: "surel",
        mimeType: "application/vnd.google-apps.script",
        owner: service,
        permissions: [],
      },
    ],
    documents: { [ids.template]: { title: t("id", "letter.name.template"), paragraphs: letter } },
    projects: { [ids.script]: { title: "surel" } },
    runs: {
      [ids.script]: {
        kind: "result",
        result: {
          user: service,
          formId: ids.form,
          templateId: ids.template,
          archiveFolderId: ids.archive,
          formRequiresLogin: false,
          triggers: TRIGGERS.map((s) => ({
            handler: s.handler,
            eventType: EVENT[s.kind]!,
            sourceId: s.kind === "clock" ? "" : ids.register,
          })),
        },
      },
    },
  };
}

export const OUTSIDER = "pihak.luar@gmail.com";
export const BROKEN_OU = "/OPD/Dinkes";
export const BROKEN_GROUP = "pegawai.dinkes@contohkota.go.id";

/** The green tenant with every failure the doctor looks for. */
export function brokenTenant(ids: TenantIds = IDS): Tenant {
  const config = defaultConfig();
  const t0 = greenTenant(config, ids);
  const service = t0.caller;
  // Admin SDK: a domain that is not the customer's; a role that may only create users in one org
  // unit (no reading, no group updates); a missing org unit and a missing group.
  t0.domains = [{ domainName: "kotalain.go.id", verified: true, isPrimary: true }];
  t0.roles = [
    { roleId: "91447453409035800", roleName: "Pembuat Akun Terbatas", privileges: ["USERS_CREATE"] },
  ];
  t0.roleAssignments = [
    {
      roleAssignmentId: "ra2",
      roleId: "91447453409035800",
      assignedTo: "100000000000000000001",
      scopeType: "ORG_UNIT",
      orgUnitId: unitId("/OPD/Diskominfo"),
    },
  ];
  t0.orgUnits = t0.orgUnits.filter((o) => o.orgUnitPath !== BROKEN_OU);
  t0.groups = t0.groups.filter((g) => g.email !== BROKEN_GROUP);
  // Forms: unpublished, not accepting, restricted to the domain, linked to another spreadsheet.
  t0.forms[ids.form] = {
    title: "Permohonan Akun Surel Dinas",
    publishState: { isPublished: false, isAcceptingResponses: false },
    linkedSheetId: "1SpreadsheetLain",
  };
  const form = t0.files.find((f) => f.id === ids.form)!;
  form.permissions = [
    { id: "domainResponders", type: "domain", role: "reader", domain: config.domain, view: "published" },
  ];
  // Sheets: a locale the product is not tested in and another zone; a sheet missing; protections gone, warning-only, open to
  // the domain; the register shared by link; a settings value that cannot be read.
  const ss = t0.spreadsheets[ids.register]!;
  ss.locale = "en_GB";
  ss.timeZone = "America/Los_Angeles";
  ss.sheets = ss.sheets.filter((s) => s.title !== SHEET_NAMES.mailQueue);
  const sheet = (name: string): SheetFixture => ss.sheets.find((s) => s.title === name)!;
  sheet(SHEET_NAMES.log).protectedRanges = [];
  sheet(SHEET_NAMES.register).protectedRanges[0]!.warningOnly = true;
  sheet(SHEETS.settings).protectedRanges[0]!.editors = { users: [service], domainUsersCanEdit: true };
  const retention = sheet(SHEETS.settings).values.find((r) => r[0] === "retensi_hari")!;
  retention[1] = "dua tahun";
  t0.files
    .find((f) => f.id === ids.register)!
    .permissions.push({ id: "anyoneWithLink", type: "anyone", role: "writer" });
  // Drive and Docs: the password placeholder gone and a misspelt one; the archive shared outside.
  const doc = t0.documents[ids.template]!;
  doc.paragraphs = doc.paragraphs
    .filter((p) => !p.includes("{{KATA_SANDI}}"))
    .concat(["Nama: {{NAMA_LENGKAPP}}"]);
  t0.files
    .find((f) => f.id === ids.archive)!
    .permissions.push(
      { id: "p-out", type: "user", role: "writer", emailAddress: OUTSIDER },
      { id: "p-dom", type: "domain", role: "reader", domain: config.domain },
    );
  // Apps Script: bound to the register, owned by someone else, triggers twice / wrong / missing.
  t0.projects[ids.script] = { title: "surel", parentId: ids.register };
  t0.files.find((f) => f.id === ids.script)!.owner = `admin.lama@${config.domain}`;
  t0.runs[ids.script] = {
    kind: "result",
    result: {
      user: service,
      formId: ids.form,
      templateId: ids.template,
      archiveFolderId: ids.archive,
      formRequiresLogin: true,
      triggers: [
        { handler: "onFormSubmit", eventType: "ON_FORM_SUBMIT", sourceId: ids.register },
        { handler: "onFormSubmit", eventType: "ON_FORM_SUBMIT", sourceId: ids.register },
        { handler: "onRegisterEdit", eventType: "ON_CHANGE", sourceId: ids.register },
      ],
    },
  };
  return t0;
}
