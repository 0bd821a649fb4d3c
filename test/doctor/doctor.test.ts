/**
 * `npm run doctor` against a loopback stand-in of Google's APIs (test/doctor/standin.ts): a green
 * domain passes every check, a broken one fails each of them with what to do, and what the doctor
 * cannot see is reported as not checked, never as passed. Nothing but loopback is contacted.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { google } from "googleapis";
import { afterEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/domain/defaults.js";
import { SHEETS } from "../../src/domain/settings.js";
import { TRIGGERS } from "../../src/handlers/setup.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  AuthError,
  claspCredential,
  loadClaspAuth,
  loadKeyFileAuth,
  oauthFromClasp,
} from "../../scripts/doctor/auth.js";
import { runDoctor, type Check, type DoctorOptions, type DoctorReport } from "../../scripts/doctor/checks.js";
import type { Auth } from "../../scripts/doctor/google.js";
import { cli } from "../../scripts/doctor/cli.js";
import { exitCode, formatReport } from "../../scripts/doctor/report.js";
import { en, id } from "../../scripts/doctor/text.js";
import { startStandIn, type StandIn, type Tenant } from "./standin.js";
import { BROKEN_GROUP, BROKEN_OU, brokenTenant, greenTenant, IDS, OUTSIDER } from "./tenants.js";

const TOKEN = "test-access-token";
let servers: StandIn[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function tokenAuth(): Auth {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  return auth;
}

async function doctor(
  tenant: Tenant,
  options: Partial<DoctorOptions> = {},
): Promise<{ report: DoctorReport; standIn: StandIn }> {
  const standIn = await startStandIn(tenant, TOKEN);
  servers.push(standIn);
  const report = await runDoctor({
    auth: tokenAuth(),
    rootUrl: standIn.rootUrl,
    registerId: IDS.register,
    scriptId: IDS.script,
    ...options,
  });
  return { report, standIn };
}

const byId = (report: DoctorReport): Map<string, Check> => new Map(report.checks.map((c) => [c.id, c]));
const config = defaultConfig();
const OUS = [...new Set(config.opds.map((o) => o.orgUnitPath))];
const GROUPS = [...new Set(config.opds.map((o) => o.group.toLowerCase()))];

/** Every check the doctor makes on the sample office (one per org unit, group, protected sheet, trigger). */
const ALL_CHECKS = [
  "config.read",
  "config.settings",
  "admin.domain",
  "admin.read_users",
  ...OUS.map((o) => `admin.insert_users:${o}`),
  ...GROUPS.map((g) => `admin.add_members:${g}`),
  ...OUS.map((o) => `admin.orgunit:${o}`),
  ...GROUPS.map((g) => `admin.group:${g}`),
  "forms.published",
  "forms.accepting",
  "forms.open",
  "forms.linked",
  "sheets.locale",
  "sheets.time_zone",
  "sheets.present",
  ...[
    SHEET_NAMES.register,
    SHEET_NAMES.log,
    SHEET_NAMES.responseIndex,
    SHEET_NAMES.mailQueue,
    SHEET_NAMES.mailClaims,
    SHEET_NAMES.errors,
    SHEET_NAMES.admin,
    SHEET_NAMES.serviceResponses, // the account services form's answers, protected by setup
    ...Object.values(SHEETS),
    SHEET_NAMES.batches, // checked when the first bulk request made it (the green domain has it)
  ].map((s) => `sheets.protected:${s}`),
  "sheets.sharing",
  "drive.template",
  "drive.archive",
  "script.standalone",
  "script.owner",
  ...TRIGGERS.map((tr) => `script.trigger:${tr.handler}`),
];

/** The checks the broken domain fails (each is "ok" in the green domain). */
const BROKEN = [
  "config.settings",
  "admin.domain",
  "admin.read_users",
  `admin.insert_users:${BROKEN_OU}`,
  `admin.add_members:${BROKEN_GROUP}`,
  `admin.orgunit:${BROKEN_OU}`,
  `admin.group:${BROKEN_GROUP}`,
  "forms.published",
  "forms.accepting",
  "forms.open",
  "forms.linked",
  "sheets.locale",
  "sheets.time_zone",
  "sheets.present",
  `sheets.protected:${SHEET_NAMES.log}`,
  `sheets.protected:${SHEET_NAMES.register}`,
  `sheets.protected:${SHEETS.settings}`,
  "sheets.sharing",
  "drive.template",
  "drive.archive",
  "script.standalone",
  "script.owner",
  "script.trigger:onFormSubmit",
  "script.trigger:onRegisterEdit",
  "script.trigger:sweep",
];

describe("npm run doctor on a green domain", () => {
  it("passes every check, finds the ids through the project's diagnostic, and only reads", async () => {
    const { report, standIn } = await doctor(greenTenant());
    const checks = byId(report);
    expect([...checks.keys()].sort()).toEqual([...ALL_CHECKS].sort());
    for (const c of report.checks)
      expect({ id: c.id, status: c.status, fix: c.fix }).toEqual({ id: c.id, status: "ok", fix: undefined });
    expect(report.domain).toBe("contohkota.go.id");
    expect(report.serviceAccount).toBe("layanan.surel@contohkota.go.id");
    expect(exitCode(report)).toBe(0);
    // Read-only: every request is a GET but the one scripts.run of the read-only entry point.
    const writes = standIn.requests.filter((r) => !r.startsWith("GET "));
    expect(writes).toEqual([`POST /v1/scripts/${IDS.script}:run`]);
    // Ids from the diagnostic: no Drive search was needed.
    expect(standIn.requests).not.toContain("GET /drive/v3/files");
  });

  it("prints an Indonesian checklist by default, English with --lang en", async () => {
    const { report } = await doctor(greenTenant());
    const text = formatReport(report);
    expect(text).toContain("Admin SDK");
    expect(text).toContain("Unit organisasi /OPD/Dinkes ada.");
    expect(text).toContain(`Ringkasan: ${ALL_CHECKS.length} lolos, 0 gagal, 0 tidak dapat diperiksa.`);
    expect(text).toContain("Pemicu sweep (CLOCK) terpasang tepat satu kali");
    const english = formatReport((await doctor(greenTenant(), { language: "en" })).report);
    expect(english).toContain("Org unit /OPD/Dinkes exists.");
    expect(english).toContain(`Summary: ${ALL_CHECKS.length} passed, 0 failed, 0 could not be checked.`);
  });

  it("accepts a US spreadsheet, whose dates are read month first", async () => {
    const tenant = greenTenant();
    tenant.spreadsheets[IDS.register]!.locale = "en_US";
    const check = byId((await doctor(tenant)).report).get("sheets.locale")!;
    expect(check).toMatchObject({ status: "ok" });
    expect(check.text).toBe(
      "Lokal spreadsheet en_US: tanggal pada jawaban formulir dibaca bulan/hari/tahun.",
    );
  });

  it("follows the settings' language (bahasa = en)", async () => {
    const tenant = greenTenant();
    const settings = tenant.spreadsheets[IDS.register]!.sheets.find((s) => s.title === SHEETS.settings)!;
    settings.values.find((r) => r[0] === "bahasa")![1] = "en";
    const { report } = await doctor(tenant);
    expect(report.lang).toBe("en");
    expect(byId(report).get("forms.published")!.text).toBe(`Form ${IDS.form} is published.`);
  });

  it("accepts a super administrator, and a role given on a parent org unit", async () => {
    const tenant = greenTenant();
    tenant.users[0]!.isAdmin = true;
    tenant.roleAssignments = [];
    const checks = byId((await doctor(tenant)).report);
    expect(checks.get("admin.read_users")!.text).toContain("super admin");
    expect(checks.get(`admin.insert_users:${BROKEN_OU}`)!.status).toBe("ok");

    const scoped = greenTenant();
    scoped.roleAssignments = [
      {
        roleAssignmentId: "x",
        roleId: "91447453409035734",
        assignedTo: "100000000000000000001",
        scopeType: "ORG_UNIT",
        orgUnitId: "ouopd",
      },
    ];
    const s = byId((await doctor(scoped)).report);
    expect(s.get(`admin.insert_users:${BROKEN_OU}`)).toMatchObject({ status: "ok" });
    expect(s.get(`admin.insert_users:${BROKEN_OU}`)!.text).toContain("/OPD");
    // Reading the whole directory and updating groups need the whole organisation.
    expect(s.get("admin.read_users")!.status).toBe("fail");
    expect(s.get(`admin.add_members:${GROUPS[0]}`)!.status).toBe("fail");
  });
});

describe("npm run doctor on a broken domain", () => {
  it("fails each broken check (each passes in the green domain) and says what to do", async () => {
    const green = byId((await doctor(greenTenant())).report);
    const { report } = await doctor(brokenTenant());
    const checks = byId(report);
    for (const key of BROKEN) {
      expect(green.get(key)?.status, key).toBe("ok");
      expect(checks.get(key)?.status, key).toBe("fail");
      expect(checks.get(key)?.fix, key).toBeTruthy();
    }
    expect(exitCode(report)).toBe(1);
    // What is not broken still passes: the role does allow creating users in /OPD/Diskominfo.
    expect(checks.get("admin.insert_users:/OPD/Diskominfo")).toMatchObject({ status: "ok" });
    expect(checks.get("admin.orgunit:/OPD/Diskominfo")).toMatchObject({ status: "ok" });
    expect(
      report.checks
        .filter((c) => c.status === "fail")
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      [
        ...BROKEN,
        // The limited role fails every other org unit and every group too.
        ...OUS.filter((o) => o !== "/OPD/Diskominfo" && o !== BROKEN_OU).map(
          (o) => `admin.insert_users:${o}`,
        ),
        ...GROUPS.filter((g) => g !== BROKEN_GROUP).map((g) => `admin.add_members:${g}`),
      ].sort(),
    );
  });

  it("names what is wrong in each failure", async () => {
    const checks = byId((await doctor(brokenTenant())).report);
    const text = (key: string): string => checks.get(key)!.text;
    expect(text("config.settings")).toContain("retensi_hari");
    expect(text("admin.domain")).toContain("kotalain.go.id");
    expect(text(`admin.orgunit:${BROKEN_OU}`)).toBe(`Unit organisasi ${BROKEN_OU} (OPD DINKES) tidak ada.`);
    expect(text(`admin.group:${BROKEN_GROUP}`)).toBe(`Grup ${BROKEN_GROUP} (OPD DINKES) tidak ada.`);
    expect(text("forms.open")).toContain("pengguna domain contohkota.go.id");
    expect(text("forms.linked")).toContain("1SpreadsheetLain");
    expect(text("sheets.locale")).toBe(
      "Lokal spreadsheet en_GB: surel akan membaca tanggal pada jawaban formulir sebagai hari/bulan/tahun, tetapi itu belum diuji untuk lokal ini (diuji: id_ID, en_US).",
    );
    expect(text("sheets.time_zone")).toContain("America/Los_Angeles");
    expect(text("sheets.present")).toContain(SHEET_NAMES.mailQueue);
    expect(text(`sheets.protected:${SHEET_NAMES.log}`)).toContain("tidak ada perlindungan");
    expect(text(`sheets.protected:${SHEET_NAMES.register}`)).toContain("hanya peringatan");
    expect(text(`sheets.protected:${SHEETS.settings}`)).toContain("semua pengguna domain");
    expect(text("sheets.sharing")).toContain("siapa pun yang memiliki tautan");
    expect(text("drive.template")).toContain("{{KATA_SANDI}}");
    expect(text("drive.template")).toContain("{{NAMA_LENGKAPP}}");
    expect(text("drive.archive")).toContain(OUTSIDER);
    expect(text("script.standalone")).toContain(IDS.register);
    expect(text("script.owner")).toContain("admin.lama@contohkota.go.id");
    expect(text("script.trigger:onFormSubmit")).toContain("2 kali");
    expect(text("script.trigger:onRegisterEdit")).toContain("ON_CHANGE");
    expect(text("script.trigger:sweep")).toContain("tidak ada");
  });
});

describe("what the doctor cannot see is said, not passed", () => {
  it("without the diagnostic (not deployed as an API executable) finds the ids in Drive and reports the triggers as not checked", async () => {
    const tenant = greenTenant();
    tenant.runs[IDS.script] = { kind: "notDeployed" };
    const { report, standIn } = await doctor(tenant);
    const checks = byId(report);
    for (const key of ["forms.published", "forms.linked", "drive.template", "drive.archive"])
      expect(checks.get(key)?.status, key).toBe("ok");
    expect(standIn.requests).toContain("GET /drive/v3/files");
    expect(checks.get("script.triggers")).toMatchObject({ status: "unknown" });
    expect(checks.get("script.triggers")!.text).toContain("404");
    expect(checks.get("script.triggers")!.fix).toContain("API executable");
    expect(exitCode(report)).toBe(0);
  });

  it("reports a Cloud project mismatch, another account's view of the triggers, and role reading refused", async () => {
    const other = greenTenant();
    other.runs[IDS.script] = { kind: "otherCloudProject" };
    expect(byId((await doctor(other)).report).get("script.triggers")!.text).toContain("PERMISSION_DENIED");

    const asAdmin = greenTenant();
    const run = asAdmin.runs[IDS.script]!;
    if (run.kind === "result") run.result.user = "admin.surel@contohkota.go.id";
    const c = byId((await doctor(asAdmin, { serviceAccount: "layanan.surel@contohkota.go.id" })).report);
    expect(c.get("script.triggers")).toMatchObject({ status: "unknown" });
    expect(c.get("script.triggers")!.text).toContain("admin.surel@contohkota.go.id");

    const noRoles = greenTenant();
    noRoles.rolesForbidden = true;
    const r = byId((await doctor(noRoles)).report);
    expect(r.get("admin.rights")).toMatchObject({ status: "unknown" });
    expect(r.get("admin.rights")!.text).toContain("Not Authorized to access this resource/api");
    expect(r.has("admin.read_users")).toBe(false);
  });

  it("a domain that is only an alias of another is not a place to create accounts", async () => {
    const tenant = greenTenant();
    tenant.domains = [
      { domainName: "kotainduk.go.id", verified: true, isPrimary: true, aliases: ["contohkota.go.id"] },
    ];
    const c = byId((await doctor(tenant)).report).get("admin.domain")!;
    expect(c.status).toBe("fail");
    expect(c.text).toContain("hanya alias dari domain kotainduk.go.id");
  });

  it("a legacy form (no publishSettings, no published view) is not called closed to applicants", async () => {
    const tenant = greenTenant();
    delete tenant.forms[IDS.form]!.publishState;
    const form = tenant.files.find((f) => f.id === IDS.form)!;
    form.permissions = form.permissions.filter((x) => x.view !== "published");
    // The project could not say whether the form asks for sign-in either.
    const run = tenant.runs[IDS.script]!;
    if (run.kind === "result") run.result.formRequiresLogin = null;
    const c = byId((await doctor(tenant)).report);
    expect(c.get("forms.published")).toMatchObject({ status: "unknown" });
    expect(c.get("forms.open")).toMatchObject({ status: "unknown" });
    expect(c.get("forms.open")!.text).toContain("formulir lama");
  });

  it("stops with one failure when the register cannot be read", async () => {
    const { report } = await doctor(greenTenant(), { registerId: "1TidakAda" });
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0]).toMatchObject({ id: "config.read", status: "fail" });
    expect(report.checks[0]!.text).toContain("404");
  });

  it("a form not found in Drive, and two templates of the same name, are not guessed", async () => {
    const tenant = greenTenant();
    tenant.runs[IDS.script] = { kind: "notDeployed" };
    tenant.forms[IDS.form]!.linkedSheetId = "1Lain";
    const template = tenant.files.find((f) => f.id === IDS.template)!;
    tenant.files.push({ ...template, id: "1TemplatLain" });
    const checks = byId((await doctor(tenant)).report);
    expect(checks.get("forms.form")).toMatchObject({ status: "unknown" });
    expect(checks.get("drive.template")).toMatchObject({ status: "unknown" });
    expect(checks.get("drive.template")!.text).toContain("2 berkas cocok");
  });
});

describe("the service account and the project", () => {
  it("a service account missing from the directory fails, and no script id is said", async () => {
    const tenant = greenTenant();
    tenant.users = [];
    const { report } = await doctor(tenant, {
      serviceAccount: "layanan.surel@contohkota.go.id",
      scriptId: undefined,
    });
    const checks = byId(report);
    expect(checks.get("admin.account")).toMatchObject({ status: "fail" });
    expect(checks.get("admin.account")!.fix).toContain("layanan.surel@contohkota.go.id");
    expect(checks.has("admin.read_users")).toBe(false);
    expect(checks.get("script.project")).toMatchObject({ status: "unknown" });
    expect(checks.get("script.project")!.fix).toContain(".clasp.json");
  });
});

describe("who may fill in the form", () => {
  it("is decided by the form's sign-in setting too, and by it alone for a legacy form", async () => {
    const diagnosticSays = (tenant: Tenant, requiresLogin: boolean | null): Tenant => {
      const run = tenant.runs[IDS.script]!;
      if (run.kind === "result") run.result.formRequiresLogin = requiresLogin;
      return tenant;
    };
    const legacy = (tenant: Tenant): Tenant => {
      delete tenant.forms[IDS.form]!.publishState;
      tenant.files.find((f) => f.id === IDS.form)!.permissions = [];
      return tenant;
    };
    const open = async (tenant: Tenant): Promise<Check> =>
      byId((await doctor(tenant)).report).get("forms.open")!;
    // Anyone with the link per Drive, but restricted to the domain per Form.requiresLogin().
    expect(await open(diagnosticSays(greenTenant(), true))).toMatchObject({ status: "fail" });
    expect((await open(diagnosticSays(greenTenant(), true))).text).toContain(
      "pengguna domain contohkota.go.id",
    );
    // A legacy form has no published view: the sign-in setting decides, and unknown stays unknown.
    expect(await open(diagnosticSays(legacy(greenTenant()), false))).toMatchObject({ status: "ok" });
    expect(await open(diagnosticSays(legacy(greenTenant()), true))).toMatchObject({ status: "fail" });
    expect(await open(diagnosticSays(legacy(greenTenant()), null))).toMatchObject({ status: "unknown" });
    // A published form with only named responders.
    const named = greenTenant();
    named.files.find((f) => f.id === IDS.form)!.permissions = [
      { id: "r1", type: "user", role: "reader", emailAddress: "kadis@contohkota.go.id", view: "published" },
    ];
    expect((await open(named)).text).toContain("responden yang disebut satu per satu");
  });
});

describe("signing in the way clasp stores credentials", () => {
  const secret = "sangat-rahasia-refresh";
  const clientSecret = "rahasia-klien";
  const modern = JSON.stringify({
    tokens: {
      default: {
        type: "authorized_user",
        client_id: "klien.apps",
        client_secret: clientSecret,
        refresh_token: secret,
        access_token: "lama",
        expiry_date: 1,
      },
      doctor: {
        type: "authorized_user",
        client_id: "klien-doctor.apps",
        client_secret: clientSecret,
        refresh_token: secret,
      },
    },
  });

  it("reads clasp 3's file by user, and the older formats", () => {
    expect(claspCredential(modern).client_id).toBe("klien.apps");
    expect(claspCredential(modern, "doctor").client_id).toBe("klien-doctor.apps");
    expect(() => claspCredential(modern, "lain")).toThrow(AuthError);
    const legacy = JSON.stringify({
      token: { refresh_token: secret, access_token: "a" },
      oauth2ClientSettings: { clientId: "c1", clientSecret: "s1" },
    });
    expect(claspCredential(legacy)).toMatchObject({ client_id: "c1", refresh_token: secret });
    expect(() => claspCredential("not json")).toThrow(AuthError);
    try {
      loadClaspAuth(join(tmpdir(), "tidak-ada-clasprc.json"), "default");
    } catch (e) {
      expect((e as AuthError).key).toBe("doctor.auth.no_file");
    }
  });

  it("refuses a key file that is not a service account key, or one without --subject", () => {
    const dir = mkdtempSync(join(tmpdir(), "doctor-key-"));
    const notKey = join(dir, "a.json");
    writeFileSync(notKey, JSON.stringify({ type: "authorized_user" }));
    expect(() => loadKeyFileAuth(notKey, "x@y.go.id", [])).toThrow(
      expect.objectContaining({ key: "doctor.auth.not_key" }),
    );
    const key = join(dir, "b.json");
    writeFileSync(
      key,
      JSON.stringify({ type: "service_account", client_email: "sa@p.iam", private_key: "k" }),
    );
    expect(() => loadKeyFileAuth(key, undefined, [])).toThrow(
      expect.objectContaining({ key: "doctor.auth.no_subject" }),
    );
  });

  it("refreshes an expired token and never prints a secret", async () => {
    const tenant = greenTenant();
    const standIn = await startStandIn(tenant, TOKEN);
    servers.push(standIn);
    const dir = mkdtempSync(join(tmpdir(), "doctor-"));
    writeFileSync(join(dir, ".clasprc.json"), modern);
    const auth = oauthFromClasp(claspCredential(modern), `${standIn.rootUrl}token`);
    const report = await runDoctor({
      auth,
      rootUrl: standIn.rootUrl,
      registerId: IDS.register,
      scriptId: IDS.script,
    });
    expect(standIn.refreshes).toEqual(["klien.apps"]);
    expect(report.checks.every((c) => c.status === "ok")).toBe(true);
    const printed = formatReport(report) + JSON.stringify(report);
    for (const s of [secret, clientSecret, TOKEN]) expect(printed).not.toContain(s);
  });
});

describe("the doctor's catalogue", () => {
  it("has the same keys and parameters in Indonesian and English", () => {
    const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as (keyof typeof id)[])
      expect(params(en[key]), key).toEqual(params(id[key]));
  });
});

describe("the command", () => {
  /** `npm run doctor -- …` in this process (the stand-in answers from the same event loop). */
  async function command(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await cli(
      args,
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  }

  it("prints the checklist, exits 0 on a green domain, 1 on a broken one, 2 without a register", async () => {
    const secret = "rahasia-penyegar";
    const dir = mkdtempSync(join(tmpdir(), "doctor-cli-"));
    const rc = join(dir, ".clasprc.json");
    writeFileSync(
      rc,
      JSON.stringify({
        tokens: {
          default: {
            client_id: "klien.apps",
            client_secret: "rahasia-klien",
            refresh_token: secret,
            expiry_date: 1,
          },
        },
      }),
    );
    const green = await startStandIn(greenTenant(), TOKEN);
    const broken = await startStandIn(brokenTenant(), TOKEN);
    servers.push(green, broken);
    const args = ["--register", IDS.register, "--script", IDS.script, "--clasprc", rc];
    const ok = await command([...args, "--root-url", green.rootUrl]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Ringkasan: ${ALL_CHECKS.length} lolos, 0 gagal`);
    const bad = await command([...args, "--root-url", broken.rootUrl, "--lang", "en"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("FAILED");
    expect(bad.stdout).toContain("What to do:");
    const json = await command([...args, "--root-url", broken.rootUrl, "--json"]);
    expect((JSON.parse(json.stdout) as DoctorReport).checks.length).toBeGreaterThan(BROKEN.length);
    for (const o of [ok, bad, json])
      for (const text of [o.stdout, o.stderr]) expect(text).not.toContain(secret);
    const none = await command(["--clasprc", rc]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--register");
    // A token is only ever sent to Google or to a loopback stand-in.
    expect((await command([...args, "--root-url", "http://example.org/"])).code).toBe(2);
    expect((await command([...args, "--lang", "fr"])).code).toBe(2);
  });

  it("runs as npm run doctor (a process of its own): exit code 1 on the broken domain", async () => {
    const dir = mkdtempSync(join(tmpdir(), "doctor-proc-"));
    const rc = join(dir, ".clasprc.json");
    writeFileSync(
      rc,
      JSON.stringify({ tokens: { default: { access_token: TOKEN, expiry_date: Date.now() + 3_600_000 } } }),
    );
    const broken = await startStandIn(brokenTenant(), TOKEN);
    servers.push(broken);
    const args = [
      "--register",
      IDS.register,
      "--script",
      IDS.script,
      "--clasprc",
      rc,
      "--root-url",
      broken.rootUrl,
    ];
    const r = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "scripts/doctor/main.ts", ...args],
        { timeout: 60_000 },
        (error, stdout) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout }),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[GAGAL] Unit organisasi /OPD/Dinkes (OPD DINKES) tidak ada.");
  });
});
