/**
 * `npm run doctor`: checks a live domain against what surel needs, read-only, and returns a
 * checklist in which every failure says what to do. The configuration (domain, org units, groups,
 * language, time zone, administrators) is read from the register's settings sheets through the
 * Sheets API and parsed by the product's own code (src/workspace/settings.ts parseConfig →
 * src/domain/settings.ts); the sheet names come from src/workspace/schema.ts and
 * src/domain/settings.ts, the template's placeholders from src/domain/letters.ts, the triggers
 * from src/handlers/setup.ts.
 *
 * What the public APIs cannot show (the triggers of the project, the form / template / archive
 * ids kept in Script Properties) comes from the bundle's read-only entry point `doctorReport`
 * through the Apps Script API's scripts.run, when the project is deployed for it; otherwise the
 * ids are found in Drive (the form by the sheet it is linked to, the template and the folder by
 * the names setup gives them) or given with flags, and the triggers are reported as not checked.
 */
import type { admin_directory_v1, drive_v3 } from "googleapis";
import { parseBatchId } from "../../src/domain/batch.js";
import type { Language, OfficeConfig } from "../../src/domain/config.js";
import { dateOrderKey, dateOrderOf } from "../../src/domain/locale.js";
import { SHEETS, type Tables } from "../../src/domain/settings.js";
import { t } from "../../src/domain/text/index.js";
import type { DoctorDiagnostic } from "../../src/handlers/doctor.js";
import { TRIGGERS } from "../../src/handlers/setup.js";
import { templateProblems } from "../../src/workspace/lettersetup.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { parseConfig, type LoadedConfig } from "../../src/workspace/settings.js";
import { apis, attempt, type ApiFailure, type Apis, type Auth } from "./google.js";
import { dt, type DoctorKey, type DoctorParams } from "./text.js";

export type Area = "config" | "admin" | "forms" | "sheets" | "drive" | "script";
export type Status = "ok" | "fail" | "unknown";

export interface Check {
  area: Area;
  /** Stable identifier of the check and its subject, e.g. "admin.orgunit:/OPD/Dinkes". */
  id: string;
  status: Status;
  text: string;
  /** What to do (every failure and every check that could not be made has one). */
  fix?: string;
}

export interface DoctorReport {
  lang: Language;
  registerId: string;
  domain: string;
  caller: string;
  serviceAccount: string;
  checks: Check[];
}

export interface DoctorOptions {
  auth: Auth;
  /** Where the APIs live (a loopback stand-in in tests); Google's hosts when absent. */
  rootUrl?: string;
  registerId: string;
  scriptId?: string;
  formId?: string;
  templateId?: string;
  archiveFolderId?: string;
  /** The account the service runs as; by default the one the diagnostic ran as, else the caller. */
  serviceAccount?: string;
  /** Forces the language of the checklist; by default the settings' "bahasa". */
  language?: Language;
}

const CUSTOMER = "my_customer";
const FORM_MIME = "application/vnd.google-apps.form";
const DOC_MIME = "application/vnd.google-apps.document";
const FOLDER_MIME = "application/vnd.google-apps.folder";

/** The trigger kinds of setup's TRIGGERS as ScriptApp.EventType names. */
const EVENT_TYPES: Record<string, string> = {
  formSubmit: "ON_FORM_SUBMIT",
  edit: "ON_EDIT",
  open: "ON_OPEN",
  change: "ON_CHANGE",
  clock: "CLOCK",
};

/** The sheets setup makes: Permohonan Massal comes with the first bulk request (handlers/batch.ts). */
const SETUP_SHEETS: readonly string[] = Object.values(SHEET_NAMES).filter((n) => n !== SHEET_NAMES.batches);
/** Sheets setup protects as a whole (the responses sheet belongs to Google Forms). */
const PROTECTED_SHEETS: readonly string[] = [
  ...SETUP_SHEETS.filter((n) => n !== SHEET_NAMES.responses),
  ...Object.values(SHEETS),
];
const EXPECTED_SHEETS: readonly string[] = [...SETUP_SHEETS, ...Object.values(SHEETS)];

/** The spreadsheet locales the product's date reading is tested in. */
const TESTED_LOCALES = ["id_ID", "en_US"] as const;

/** The directory privileges surel uses (Admin console: Users > Read, Users > Create, Groups > Update). */
const PRIVILEGE = { read: "USERS_RETRIEVE", create: "USERS_CREATE", groupUpdate: "GROUPS_UPDATE" } as const;

class Run {
  readonly checks: Check[] = [];
  lang: Language = "id";
  constructor(
    readonly api: Apis,
    readonly o: DoctorOptions,
  ) {}

  text(key: DoctorKey, params?: DoctorParams): string {
    return dt(this.lang, key, params);
  }

  add(
    area: Area,
    id: string,
    status: Status,
    key: DoctorKey,
    params: DoctorParams,
    fix?: DoctorKey,
    fixParams?: DoctorParams,
  ): void {
    const check: Check = { area, id, status, text: this.text(key, params) };
    if (status !== "ok" && fix) check.fix = this.text(fix, fixParams ?? params);
    this.checks.push(check);
  }

  /** A failure in words: "Admin SDK answered 404 notFound: Org unit not found". */
  detail(api: string, f: ApiFailure): string {
    if (f.status === 0) return this.text("doctor.no_answer", { api, message: f.message });
    return this.text("doctor.api_error", { api, status: f.status, reason: f.reason, message: f.message });
  }
}

function sheetRange(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The text of a Docs document's body, headers and footers (text runs joined per paragraph). */
function documentText(doc: {
  body?: { content?: unknown[] };
  headers?: Record<string, { content?: unknown[] }>;
  footers?: Record<string, { content?: unknown[] }>;
}): string {
  const out: string[] = [];
  const walk = (content: unknown[] | undefined): void => {
    for (const el of content ?? []) {
      const e = el as {
        paragraph?: { elements?: { textRun?: { content?: string } }[] };
        table?: { tableRows?: { tableCells?: { content?: unknown[] }[] }[] };
        tableOfContents?: { content?: unknown[] };
      };
      if (e.paragraph) out.push((e.paragraph.elements ?? []).map((x) => x.textRun?.content ?? "").join(""));
      for (const row of e.table?.tableRows ?? []) for (const cell of row.tableCells ?? []) walk(cell.content);
      if (e.tableOfContents) walk(e.tableOfContents.content);
    }
  };
  walk(doc.body?.content);
  for (const h of Object.values(doc.headers ?? {})) walk(h.content);
  for (const f of Object.values(doc.footers ?? {})) walk(f.content);
  return out.join("\n");
}

/** All pages of a Directory list call. */
async function allPages<T>(
  call: (pageToken: string | undefined) => Promise<{ data: { items?: T[]; nextPageToken?: string | null } }>,
): Promise<{ ok: true; data: T[] } | { ok: false; failure: ApiFailure }> {
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < 50; page++) {
    const r = await attempt(() => call(token));
    if (!r.ok) return r;
    items.push(...(r.data.items ?? []));
    token = r.data.nextPageToken ?? undefined;
    if (!token) break;
  }
  return { ok: true, data: items };
}

type Found = { id: string; how: string } | { id: null; why: string };

export async function runDoctor(o: DoctorOptions): Promise<DoctorReport> {
  const run = new Run(apis(o.auth, o.rootUrl), o);
  if (o.language) run.lang = o.language;
  const { api } = run;

  const about = await attempt(() => api.drive.about.get({ fields: "user(emailAddress)" }));
  const caller = about.ok ? (about.data.user?.emailAddress ?? "").toLowerCase() : "";

  // ── The register and its settings ─────────────────────────────────────────────────────────
  const meta = await attempt(() =>
    api.sheets.spreadsheets.get({
      spreadsheetId: o.registerId,
      fields:
        "spreadsheetId,properties(title,locale,timeZone),sheets(properties(sheetId,title),protectedRanges)",
    }),
  );
  if (!meta.ok) {
    run.add(
      "config",
      "config.read",
      "fail",
      "doctor.config.read.fail",
      {
        register: o.registerId,
        detail: run.detail("Sheets API", meta.failure),
        user: caller || "?",
      },
      "doctor.config.read.fix",
    );
    return {
      lang: run.lang,
      registerId: o.registerId,
      domain: "",
      caller,
      serviceAccount: o.serviceAccount ?? caller,
      checks: run.checks,
    };
  }
  const sheetTitles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? "");
  const settingsNames = [SHEETS.settings, SHEETS.stages, SHEETS.opds, SHEETS.holidays];
  let tables: Tables | null = null;
  if (settingsNames.every((n) => sheetTitles.includes(n))) {
    const values = await attempt(() =>
      api.sheets.spreadsheets.values.batchGet({
        spreadsheetId: o.registerId,
        ranges: settingsNames.map(sheetRange),
      }),
    );
    if (values.ok) {
      const rows = (i: number): string[][] =>
        (values.data.valueRanges?.[i]?.values ?? []).map((r) => r.map((c: unknown) => String(c ?? "")));
      tables = { settings: rows(0), stages: rows(1), opds: rows(2), holidays: rows(3) };
    }
  }
  const loaded: LoadedConfig = parseConfig(tables);
  const config = loaded.config;
  if (!o.language) run.lang = config.language;
  run.add("config", "config.read", "ok", "doctor.config.read.ok", {
    title: meta.data.properties?.title ?? o.registerId,
  });
  const errors = loaded.problems.filter((p) => p.level === "error");
  if (errors.length === 0) run.add("config", "config.settings", "ok", "doctor.config.settings.ok", {});
  else
    run.add(
      "config",
      "config.settings",
      "fail",
      "doctor.config.settings.fail",
      {
        problems: errors
          .map(
            (p) =>
              `${p.sheet}${p.row ? ` ${t(run.lang, "settings.row", { row: p.row })}` : ""} (${p.key}): ${p.message}`,
          )
          .join("; "),
      },
      "doctor.config.settings.fix",
    );

  // ── What only the project itself can tell (scripts.run of doctorReport) ───────────────────
  let diagnostic: DoctorDiagnostic | null = null;
  let diagnosticWhy = "";
  if (o.scriptId) {
    const r = await attempt(() =>
      api.script.scripts.run({
        scriptId: o.scriptId!,
        requestBody: { function: "doctorReport", devMode: false },
      }),
    );
    if (!r.ok) diagnosticWhy = run.detail("Apps Script API", r.failure);
    else if (r.data.error) {
      const detail = r.data.error.details?.[0] as { errorMessage?: string; errorType?: string } | undefined;
      diagnosticWhy = `${detail?.errorType ?? "Error"}: ${detail?.errorMessage ?? r.data.error.message ?? ""}`;
    } else diagnostic = (r.data.response?.["result"] ?? null) as DoctorDiagnostic | null;
  } else diagnosticWhy = run.text("doctor.script.none");
  const service = (o.serviceAccount ?? diagnostic?.user ?? caller).toLowerCase();

  await adminChecks(run, config, service);
  const formId = await findForm(run, diagnostic);
  await formChecks(run, config, formId, diagnostic);
  await sheetChecks(run, config, meta.data, service);
  await driveChecks(run, config, service, diagnostic);
  await scriptChecks(run, service, diagnostic, diagnosticWhy, formId);

  return {
    lang: run.lang,
    registerId: o.registerId,
    domain: config.domain,
    caller,
    serviceAccount: service,
    checks: run.checks,
  };
}

// ── Admin SDK ─────────────────────────────────────────────────────────────────────────────────

interface Grant {
  role: string;
  /** null: the whole organisation; else the org unit path the role is limited to. */
  ou: string | null;
  privileges: Set<string>;
  superAdmin: boolean;
}

async function adminChecks(run: Run, config: OfficeConfig, service: string): Promise<void> {
  const { api } = run;
  const domain = config.domain;

  // The settings' domain is one of the customer's.
  const domains = await attempt(() => api.directory.domains.list({ customer: CUSTOMER }));
  if (!domains.ok)
    run.add(
      "admin",
      "admin.domain",
      "unknown",
      "doctor.admin.domain.unknown",
      { detail: run.detail("Admin SDK", domains.failure) },
      "doctor.admin.domain.unknown_fix",
    );
  else {
    const names = new Map<string, boolean>();
    // A domain alias only gives existing users a second address: no account can be created with
    // its primary address there, so surel's domain must be a domain of its own.
    const aliasOf = new Map<string, string>();
    for (const d of domains.data.domains ?? []) {
      names.set((d.domainName ?? "").toLowerCase(), d.verified !== false);
      for (const a of d.domainAliases ?? []) {
        names.set((a.domainAliasName ?? "").toLowerCase(), a.verified !== false);
        aliasOf.set((a.domainAliasName ?? "").toLowerCase(), d.domainName ?? "");
      }
    }
    const verified = names.get(domain);
    const parent = aliasOf.get(domain);
    if (parent !== undefined)
      run.add(
        "admin",
        "admin.domain",
        "fail",
        "doctor.admin.domain.alias",
        { domain, parent },
        "doctor.admin.domain.fix",
      );
    else if (verified === true) run.add("admin", "admin.domain", "ok", "doctor.admin.domain.ok", { domain });
    else if (verified === false)
      run.add(
        "admin",
        "admin.domain",
        "fail",
        "doctor.admin.domain.unverified",
        { domain },
        "doctor.admin.domain.fix",
      );
    else
      run.add(
        "admin",
        "admin.domain",
        "fail",
        "doctor.admin.domain.fail",
        { domain, domains: [...names.keys()].join(", ") },
        "doctor.admin.domain.fix",
      );
  }

  const units = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const opd of config.opds) {
    const ou = (opd.orgUnitPath || "/").trim();
    if (!units.has(ou)) units.set(ou, opd.code);
    const g = opd.group.trim().toLowerCase();
    if (g && !groups.has(g)) groups.set(g, opd.code);
  }

  // The service account's rights, from its role assignments (nothing is created to find out).
  await rightsChecks(run, service, domain, units, groups);

  // Every configured org unit and group exists.
  for (const [ou, opd] of units) {
    if (ou === "/") continue;
    const r = await attempt(() =>
      api.directory.orgunits.get({ customerId: CUSTOMER, orgUnitPath: ou.replace(/^\/+/, "") }),
    );
    if (r.ok) run.add("admin", `admin.orgunit:${ou}`, "ok", "doctor.admin.orgunit.ok", { ou });
    else if (r.failure.status === 404 || (r.failure.status === 400 && r.failure.reason === "invalid"))
      run.add(
        "admin",
        `admin.orgunit:${ou}`,
        "fail",
        "doctor.admin.orgunit.fail",
        { ou, opd },
        "doctor.admin.orgunit.fix",
      );
    else
      run.add(
        "admin",
        `admin.orgunit:${ou}`,
        "unknown",
        "doctor.admin.orgunit.unknown",
        { ou, detail: run.detail("Admin SDK", r.failure) },
        "doctor.admin.lookup.unknown_fix",
      );
  }
  for (const [group, opd] of groups) {
    const r = await attempt(() => api.directory.groups.get({ groupKey: group }));
    if (r.ok) run.add("admin", `admin.group:${group}`, "ok", "doctor.admin.group.ok", { group });
    else if (r.failure.status === 404)
      run.add(
        "admin",
        `admin.group:${group}`,
        "fail",
        "doctor.admin.group.fail",
        { group, opd },
        "doctor.admin.group.fix",
      );
    else
      run.add(
        "admin",
        `admin.group:${group}`,
        "unknown",
        "doctor.admin.group.unknown",
        { group, detail: run.detail("Admin SDK", r.failure) },
        "doctor.admin.lookup.unknown_fix",
      );
  }
}

async function rightsChecks(
  run: Run,
  service: string,
  domain: string,
  units: Map<string, string>,
  groups: Map<string, string>,
): Promise<void> {
  const { api } = run;
  const unknown = (detail: string): void =>
    run.add(
      "admin",
      "admin.rights",
      "unknown",
      "doctor.admin.rights.unknown",
      { service, detail },
      "doctor.admin.rights.unknown_fix",
    );

  const user = await attempt(() =>
    api.directory.users.get({ userKey: service, fields: "id,primaryEmail,isAdmin,isDelegatedAdmin" }),
  );
  if (!user.ok) {
    if (user.failure.status === 404)
      run.add(
        "admin",
        "admin.account",
        "fail",
        "doctor.admin.account.fail",
        { service, detail: run.detail("Admin SDK", user.failure) },
        "doctor.admin.account.fix",
        { domain },
      );
    else unknown(run.detail("Admin SDK", user.failure));
    return;
  }

  const grants: Grant[] = [];
  if (user.data.isAdmin) grants.push({ role: "", ou: null, privileges: new Set(), superAdmin: true });
  else {
    const assignments = await allPages<admin_directory_v1.Schema$RoleAssignment>((pageToken) =>
      api.directory.roleAssignments.list({
        customer: CUSTOMER,
        userKey: service,
        includeIndirectRoleAssignments: true,
        pageToken,
      }),
    );
    if (!assignments.ok) return unknown(run.detail("Admin SDK", assignments.failure));
    const roles = await allPages<admin_directory_v1.Schema$Role>((pageToken) =>
      api.directory.roles.list({ customer: CUSTOMER, pageToken }),
    );
    if (!roles.ok) return unknown(run.detail("Admin SDK", roles.failure));
    const privileges = await attempt(() => api.directory.privileges.list({ customer: CUSTOMER }));
    if (!privileges.ok) return unknown(run.detail("Admin SDK", privileges.failure));

    // Privileges form a tree: a role holding a parent (USERS_ALL) holds its children.
    const below = new Map<string, Set<string>>();
    const collect = (p: admin_directory_v1.Schema$Privilege): Set<string> => {
      const set = new Set<string>([p.privilegeName ?? ""]);
      for (const c of p.childPrivileges ?? []) for (const n of collect(c)) set.add(n);
      const name = p.privilegeName ?? "";
      below.set(name, new Set([...(below.get(name) ?? []), ...set]));
      return set;
    };
    for (const p of privileges.data.items ?? []) collect(p);

    const byId = new Map((roles.data ?? []).map((r) => [String(r.roleId ?? ""), r]));
    for (const a of assignments.data) {
      const role = byId.get(String(a.roleId ?? ""));
      if (!role) continue;
      const held = new Set<string>();
      for (const p of role.rolePrivileges ?? [])
        for (const n of below.get(p.privilegeName ?? "") ?? [p.privilegeName ?? ""]) held.add(n);
      let ou: string | null = null;
      if (a.scopeType === "ORG_UNIT" && a.orgUnitId) {
        const id = a.orgUnitId.replace(/^id:/, "");
        const unit = await attempt(() =>
          api.directory.orgunits.get({ customerId: CUSTOMER, orgUnitPath: `id:${id}` }),
        );
        if (!unit.ok) continue; // a role on an org unit that cannot be read grants nothing we can show
        ou = unit.data.orgUnitPath ?? null;
        if (!ou) continue;
      }
      grants.push({
        role: role.roleName ?? String(a.roleId),
        ou,
        privileges: held,
        superAdmin: role.isSuperAdminRole === true,
      });
    }
  }

  /** The grant that allows `privilege` (in `ou`, or for the whole organisation), as words. */
  const via = (privilege: string, ou: string | null): string | null => {
    for (const g of grants) {
      const covers =
        g.ou === null || (ou !== null && (g.ou === "/" || ou === g.ou || ou.startsWith(g.ou + "/")));
      if (!covers) continue;
      if (g.superAdmin) return run.text("doctor.admin.via.super");
      if (g.privileges.has(privilege))
        return g.ou === null
          ? run.text("doctor.admin.via.role", { role: g.role })
          : run.text("doctor.admin.via.role_ou", { role: g.role, ou: g.ou });
    }
    return null;
  };

  const read = via(PRIVILEGE.read, null);
  if (read) run.add("admin", "admin.read_users", "ok", "doctor.admin.read_users.ok", { service, via: read });
  else
    run.add(
      "admin",
      "admin.read_users",
      "fail",
      "doctor.admin.read_users.fail",
      { service },
      "doctor.admin.rights.fix",
    );
  for (const ou of units.keys()) {
    const how = via(PRIVILEGE.create, ou);
    if (how)
      run.add("admin", `admin.insert_users:${ou}`, "ok", "doctor.admin.insert_users.ok", { ou, via: how });
    else
      run.add(
        "admin",
        `admin.insert_users:${ou}`,
        "fail",
        "doctor.admin.insert_users.fail",
        { service, ou },
        "doctor.admin.rights.fix",
      );
  }
  for (const group of groups.keys()) {
    const how = via(PRIVILEGE.groupUpdate, null);
    if (how)
      run.add("admin", `admin.add_members:${group}`, "ok", "doctor.admin.add_members.ok", {
        group,
        via: how,
      });
    else
      run.add(
        "admin",
        `admin.add_members:${group}`,
        "fail",
        "doctor.admin.add_members.fail",
        { service, group },
        "doctor.admin.rights.fix",
      );
  }
}

// ── Forms ─────────────────────────────────────────────────────────────────────────────────────

async function searchDrive(run: Run, q: string): Promise<drive_v3.Schema$File[] | ApiFailure> {
  const r = await attempt(() =>
    run.api.drive.files.list({
      q,
      fields: "files(id,name)",
      pageSize: 100,
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
    }),
  );
  return r.ok ? (r.data.files ?? []) : r.failure;
}

async function findForm(run: Run, diagnostic: DoctorDiagnostic | null): Promise<Found> {
  if (run.o.formId) return { id: run.o.formId, how: run.text("doctor.lookup.flag", { flag: "--form" }) };
  if (diagnostic?.formId) return { id: diagnostic.formId, how: run.text("doctor.lookup.diagnostic") };
  const files = await searchDrive(run, `mimeType='${FORM_MIME}' and trashed=false`);
  if (!Array.isArray(files)) return { id: null, why: run.detail("Drive API", files) };
  const linked: string[] = [];
  for (const f of files) {
    const form = await attempt(() => run.api.forms.forms.get({ formId: f.id ?? "" }));
    if (form.ok && form.data.linkedSheetId === run.o.registerId) linked.push(f.id ?? "");
  }
  if (linked.length === 1) return { id: linked[0]!, how: run.text("doctor.lookup.search") };
  return {
    id: null,
    why:
      linked.length === 0
        ? run.text("doctor.lookup.not_found")
        : run.text("doctor.lookup.ambiguous", { count: linked.length }),
  };
}

async function formChecks(
  run: Run,
  config: OfficeConfig,
  found: Found,
  diagnostic: DoctorDiagnostic | null,
): Promise<void> {
  const { api } = run;
  if (found.id === null) {
    run.add(
      "forms",
      "forms.form",
      "unknown",
      "doctor.forms.none",
      { detail: found.why },
      "doctor.forms.none_fix",
    );
    return;
  }
  const formId = found.id;
  const form = await attempt(() => api.forms.forms.get({ formId }));
  if (!form.ok) {
    run.add(
      "forms",
      "forms.form",
      "unknown",
      "doctor.forms.unknown",
      { form: formId, detail: run.detail("Forms API", form.failure) },
      "doctor.forms.unknown_fix",
    );
    return;
  }
  const p = { form: formId };
  const state = form.data.publishSettings?.publishState;
  if (!state) {
    run.add("forms", "forms.published", "unknown", "doctor.forms.legacy", p, "doctor.forms.published.fix");
  } else {
    run.add(
      "forms",
      "forms.published",
      state.isPublished ? "ok" : "fail",
      state.isPublished ? "doctor.forms.published.ok" : "doctor.forms.published.fail",
      p,
      "doctor.forms.published.fix",
    );
    run.add(
      "forms",
      "forms.accepting",
      state.isAcceptingResponses ? "ok" : "fail",
      state.isAcceptingResponses ? "doctor.forms.accepting.ok" : "doctor.forms.accepting.fail",
      p,
      "doctor.forms.accepting.fix",
    );
  }

  // Who may respond: Drive permissions for the published view ("Publish and manage responders"),
  // and the form's own sign-in setting (Form.requiresLogin) when the project could report it. A
  // legacy form has no published view: then only the sign-in setting can tell.
  const requiresLogin = diagnostic && diagnostic.formId === formId ? diagnostic.formRequiresLogin : null;
  const perms = await attempt(() =>
    api.drive.permissions.list({
      fileId: formId,
      includePermissionsForView: "published",
      supportsAllDrives: true,
      fields: "permissions(id,type,role,view,domain,emailAddress)",
    }),
  );
  const domainUsers = (domain: string): string => run.text("doctor.forms.open.domain_users", { domain });
  if (!perms.ok) {
    run.add(
      "forms",
      "forms.open",
      "unknown",
      "doctor.forms.unknown",
      { form: formId, detail: run.detail("Drive API", perms.failure) },
      "doctor.forms.unknown_fix",
    );
  } else {
    const responders = (perms.data.permissions ?? []).filter(
      (x) => x.view === "published" && x.role === "reader",
    );
    const anyone = responders.some((x) => x.type === "anyone");
    const domainWide = responders.find((x) => x.type === "domain");
    const open = (who: string | null): void => {
      if (who === null) run.add("forms", "forms.open", "ok", "doctor.forms.open.ok", p);
      else
        run.add(
          "forms",
          "forms.open",
          "fail",
          "doctor.forms.open.fail",
          { form: formId, who },
          "doctor.forms.open.fix",
        );
    };
    if (requiresLogin === true) open(domainUsers(config.domain));
    else if (anyone) open(null);
    else if (domainWide) open(domainUsers(domainWide.domain ?? config.domain));
    else if (!state && requiresLogin === false) open(null);
    else if (!state)
      run.add("forms", "forms.open", "unknown", "doctor.forms.open.legacy", p, "doctor.forms.open.fix");
    else open(run.text("doctor.forms.open.named_users"));
  }

  const linked = form.data.linkedSheetId ?? "";
  if (linked === run.o.registerId) run.add("forms", "forms.linked", "ok", "doctor.forms.linked.ok", p);
  else
    run.add(
      "forms",
      "forms.linked",
      "fail",
      "doctor.forms.linked.fail",
      {
        form: formId,
        target: linked || run.text("doctor.forms.linked.none"),
        register: run.o.registerId,
      },
      "doctor.forms.linked.fix",
    );
}

// ── Sheets ────────────────────────────────────────────────────────────────────────────────────

type SpreadsheetMeta = {
  properties?: { locale?: string | null; timeZone?: string | null } | null;
  sheets?:
    | {
        properties?: { sheetId?: number | null; title?: string | null } | null;
        protectedRanges?:
          | {
              range?: {
                startRowIndex?: number | null;
                endRowIndex?: number | null;
                startColumnIndex?: number | null;
                endColumnIndex?: number | null;
              } | null;
              warningOnly?: boolean | null;
              editors?: { users?: string[] | null; domainUsersCanEdit?: boolean | null } | null;
            }[]
          | null;
      }[]
    | null;
};

async function sheetChecks(
  run: Run,
  config: OfficeConfig,
  meta: SpreadsheetMeta,
  service: string,
): Promise<void> {
  // The product reads dates by the spreadsheet's locale (src/domain/locale.ts); the locales its
  // tests show it on are the Indonesian ones and en_US. Any other is read by a rule not shown.
  const locale = meta.properties?.locale ?? "";
  const order = t(run.lang, dateOrderKey(dateOrderOf(locale || "id_ID")));
  const tested = /^(id|in)([_-]|$)/i.test(locale) || locale === "en_US";
  run.add(
    "sheets",
    "sheets.locale",
    tested ? "ok" : "fail",
    tested ? "doctor.sheets.locale.ok" : "doctor.sheets.locale.fail",
    { locale: locale || "?", order, known: TESTED_LOCALES.join(", ") },
    "doctor.sheets.locale.fix",
  );

  const zone = meta.properties?.timeZone ?? "";
  run.add(
    "sheets",
    "sheets.time_zone",
    zone === config.timeZone ? "ok" : "fail",
    zone === config.timeZone ? "doctor.sheets.time_zone.ok" : "doctor.sheets.time_zone.fail",
    { zone: zone || "?", office: config.timeZone },
    "doctor.sheets.time_zone.fix",
  );

  const sheets = new Map((meta.sheets ?? []).map((s) => [s.properties?.title ?? "", s]));
  const missing = EXPECTED_SHEETS.filter((n) => !sheets.has(n));
  if (missing.length === 0) run.add("sheets", "sheets.present", "ok", "doctor.sheets.present.ok", {});
  else
    run.add(
      "sheets",
      "sheets.present",
      "fail",
      "doctor.sheets.present.fail",
      { sheets: missing.join(", ") },
      "doctor.sheets.present.fix",
    );

  // The bulk requests' sheets, once the first batch made them: Permohonan Massal, and each list
  // `MSL-…` (personal data: the administrators' only).
  const batchSheets = [...sheets.keys()].filter((n) => n === SHEET_NAMES.batches || parseBatchId(n) === n);
  const listEditors = new Set([service, ...config.admins].map((a) => a.toLowerCase()));
  for (const name of [...PROTECTED_SHEETS, ...batchSheets]) {
    const sheet = sheets.get(name);
    if (!sheet) continue;
    const whole = (sheet.protectedRanges ?? []).filter((p) => {
      const r = p.range ?? {};
      return (
        r.startRowIndex == null &&
        r.endRowIndex == null &&
        r.startColumnIndex == null &&
        r.endColumnIndex == null
      );
    });
    let why: DoctorKey | null = null;
    if (whole.length === 0) why = "doctor.sheets.protected.none";
    else if (whole.every((p) => p.warningOnly)) why = "doctor.sheets.protected.warning";
    else if (whole.some((p) => !p.warningOnly && p.editors?.domainUsersCanEdit))
      why = "doctor.sheets.protected.domain";
    else if (
      parseBatchId(name) === name &&
      whole.some((p) => (p.editors?.users ?? []).some((u) => !listEditors.has(u.toLowerCase())))
    )
      why = "doctor.sheets.protected.editors";
    if (why)
      run.add(
        "sheets",
        `sheets.protected:${name}`,
        "fail",
        "doctor.sheets.protected.fail",
        { sheet: name, why: run.text(why) },
        "doctor.sheets.protected.fix",
      );
    else run.add("sheets", `sheets.protected:${name}`, "ok", "doctor.sheets.protected.ok", { sheet: name });
  }

  const perms = await attempt(() =>
    run.api.drive.permissions.list({
      fileId: run.o.registerId,
      supportsAllDrives: true,
      fields: "permissions(id,type,role,domain,emailAddress)",
    }),
  );
  if (!perms.ok) {
    run.add(
      "sheets",
      "sheets.sharing",
      "unknown",
      "doctor.sheets.sharing.unknown",
      { detail: run.detail("Drive API", perms.failure) },
      "doctor.drive.unknown_fix",
    );
    return;
  }
  const link = (perms.data.permissions ?? []).find((x) => x.type === "anyone" || x.type === "domain");
  if (!link) run.add("sheets", "sheets.sharing", "ok", "doctor.sheets.sharing.ok", {});
  else
    run.add(
      "sheets",
      "sheets.sharing",
      "fail",
      "doctor.sheets.sharing.fail",
      {
        who:
          link.type === "anyone"
            ? run.text("doctor.sharing.anyone")
            : run.text("doctor.sharing.domain", { domain: link.domain ?? config.domain }),
        role: link.role ?? "?",
      },
      "doctor.sheets.sharing.fix",
    );
}

// ── Drive and Docs ────────────────────────────────────────────────────────────────────────────

async function findByName(
  run: Run,
  given: string | undefined,
  flag: string,
  fromDiagnostic: string | undefined,
  mime: string,
  names: string[],
): Promise<Found> {
  if (given) return { id: given, how: run.text("doctor.lookup.flag", { flag }) };
  if (fromDiagnostic) return { id: fromDiagnostic, how: run.text("doctor.lookup.diagnostic") };
  const byName = names.map((n) => `name = '${n.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`).join(" or ");
  const files = await searchDrive(run, `mimeType='${mime}' and trashed=false and (${byName})`);
  if (!Array.isArray(files)) return { id: null, why: run.detail("Drive API", files) };
  if (files.length === 1) return { id: files[0]!.id ?? "", how: run.text("doctor.lookup.search") };
  return {
    id: null,
    why:
      files.length === 0
        ? run.text("doctor.lookup.not_found")
        : run.text("doctor.lookup.ambiguous", { count: files.length }),
  };
}

async function driveChecks(
  run: Run,
  config: OfficeConfig,
  service: string,
  diagnostic: DoctorDiagnostic | null,
): Promise<void> {
  const { api } = run;
  const names = (key: "letter.name.template" | "letter.name.archive"): string[] => [
    ...new Set([t("id", key), t("en", key)]),
  ];

  const template = await findByName(
    run,
    run.o.templateId,
    "--template",
    diagnostic?.templateId,
    DOC_MIME,
    names("letter.name.template"),
  );
  if (template.id === null)
    run.add(
      "drive",
      "drive.template",
      "unknown",
      "doctor.drive.template.none",
      { detail: template.why },
      "doctor.drive.template.none_fix",
    );
  else {
    const templateId = template.id;
    const doc = await attempt(() => api.docs.documents.get({ documentId: templateId }));
    if (!doc.ok)
      run.add(
        "drive",
        "drive.template",
        "unknown",
        "doctor.drive.template.unknown",
        { template: templateId, detail: run.detail("Docs API", doc.failure) },
        "doctor.drive.unknown_fix",
      );
    else {
      const problems = templateProblems(
        documentText(doc.data as Parameters<typeof documentText>[0]),
        run.lang,
      );
      if (problems.length === 0)
        run.add("drive", "drive.template", "ok", "doctor.drive.template.ok", { template: templateId });
      else
        run.add(
          "drive",
          "drive.template",
          "fail",
          "doctor.drive.template.fail",
          { template: templateId, problems: problems.join(" ") },
          "doctor.drive.template.fix",
        );
    }
  }

  const archive = await findByName(
    run,
    run.o.archiveFolderId,
    "--archive",
    diagnostic?.archiveFolderId,
    FOLDER_MIME,
    names("letter.name.archive"),
  );
  if (archive.id === null) {
    run.add(
      "drive",
      "drive.archive",
      "unknown",
      "doctor.drive.archive.none",
      { detail: archive.why },
      "doctor.drive.archive.none_fix",
    );
    return;
  }
  const folder = archive.id;
  const perms = await attempt(() =>
    api.drive.permissions.list({
      fileId: folder,
      supportsAllDrives: true,
      fields: "permissions(id,type,role,domain,emailAddress,deleted)",
    }),
  );
  if (!perms.ok) {
    run.add(
      "drive",
      "drive.archive",
      "unknown",
      "doctor.drive.archive.unknown",
      { folder, detail: run.detail("Drive API", perms.failure) },
      "doctor.drive.unknown_fix",
    );
    return;
  }
  const allowed = new Set([service, ...config.admins].map((a) => a.toLowerCase()));
  const outsiders = (perms.data.permissions ?? []).filter(
    (x) => !x.deleted && !(x.type === "user" && allowed.has((x.emailAddress ?? "").toLowerCase())),
  );
  if (outsiders.length === 0) run.add("drive", "drive.archive", "ok", "doctor.drive.archive.ok", { folder });
  else
    run.add(
      "drive",
      "drive.archive",
      "fail",
      "doctor.drive.archive.fail",
      {
        folder,
        who: outsiders
          .map((x) =>
            x.type === "anyone"
              ? run.text("doctor.sharing.anyone")
              : x.type === "domain"
                ? run.text("doctor.sharing.domain", { domain: x.domain ?? config.domain })
                : `${x.emailAddress ?? x.id ?? "?"} (${x.role ?? "?"})`,
          )
          .join(", "),
      },
      "doctor.drive.archive.fix",
    );
}

// ── Apps Script ───────────────────────────────────────────────────────────────────────────────

async function scriptChecks(
  run: Run,
  service: string,
  diagnostic: DoctorDiagnostic | null,
  why: string,
  form: Found,
): Promise<void> {
  const scriptId = run.o.scriptId;
  if (!scriptId) {
    run.add("script", "script.project", "unknown", "doctor.script.none", {}, "doctor.script.none_fix");
    return;
  }
  const project = await attempt(() => run.api.script.projects.get({ scriptId }));
  if (!project.ok)
    run.add(
      "script",
      "script.standalone",
      "unknown",
      "doctor.script.unknown",
      { script: scriptId, detail: run.detail("Apps Script API", project.failure) },
      "doctor.script.unknown_fix",
    );
  else if (project.data.parentId)
    run.add(
      "script",
      "script.standalone",
      "fail",
      "doctor.script.standalone.fail",
      { script: scriptId, parent: project.data.parentId },
      "doctor.script.standalone.fix",
    );
  else run.add("script", "script.standalone", "ok", "doctor.script.standalone.ok", { script: scriptId });

  const file = await attempt(() =>
    run.api.drive.files.get({ fileId: scriptId, supportsAllDrives: true, fields: "owners(emailAddress)" }),
  );
  if (!file.ok)
    run.add(
      "script",
      "script.owner",
      "unknown",
      "doctor.script.unknown",
      { script: scriptId, detail: run.detail("Drive API", file.failure) },
      "doctor.drive.unknown_fix",
    );
  else {
    const owner = (file.data.owners?.[0]?.emailAddress ?? "").toLowerCase();
    if (owner === service) run.add("script", "script.owner", "ok", "doctor.script.owner.ok", { service });
    else
      run.add(
        "script",
        "script.owner",
        "fail",
        "doctor.script.owner.fail",
        { owner: owner || "?", service },
        "doctor.script.owner.fix",
      );
  }

  if (!diagnostic) {
    run.add(
      "script",
      "script.triggers",
      "unknown",
      "doctor.script.triggers.unknown",
      { detail: why },
      "doctor.script.triggers.unknown_fix",
    );
    return;
  }
  if (diagnostic.user.toLowerCase() !== service) {
    run.add(
      "script",
      "script.triggers",
      "unknown",
      "doctor.script.triggers.other_user",
      { user: diagnostic.user, service },
      "doctor.script.triggers.other_user_fix",
    );
    return;
  }
  const sources = new Set([run.o.registerId, ...(form.id ? [form.id] : [])]);
  for (const spec of TRIGGERS) {
    const event = EVENT_TYPES[spec.kind] ?? spec.kind;
    const mine = diagnostic.triggers.filter((x) => x.handler === spec.handler);
    const id = `script.trigger:${spec.handler}`;
    const p = { handler: spec.handler, event, service };
    if (mine.length === 0)
      run.add("script", id, "fail", "doctor.script.triggers.missing", p, "doctor.script.triggers.fix");
    else if (mine.length > 1)
      run.add(
        "script",
        id,
        "fail",
        "doctor.script.triggers.twice",
        { handler: spec.handler, count: mine.length },
        "doctor.script.triggers.fix",
      );
    else {
      const x = mine[0]!;
      const sourceOk = spec.kind === "clock" || sources.has(x.sourceId);
      if (x.eventType === event && sourceOk) run.add("script", id, "ok", "doctor.script.triggers.ok", p);
      else
        run.add(
          "script",
          id,
          "fail",
          "doctor.script.triggers.wrong",
          { handler: spec.handler, service, event: x.eventType, source: x.sourceId || "-" },
          "doctor.script.triggers.fix",
        );
    }
  }
}
