/**
 * The trust boundary, on the built bundle: the standalone project owned by the service
 * account; setup refusing before it changes anything (a bound project, a second account, link
 * sharing, sample values); admin operations asked for on the admin sheet and run by the service
 * account's trigger, every request and result in the hash-chained log; requests by anyone else
 * undone, explained and logged; protections; the delegated admin rights; the manifest's scopes.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultConfig } from "../../src/domain/defaults.js";
import { SHEETS } from "../../src/domain/settings.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { apiError, type Emulator } from "gas-emulator";
import {
  evictAllCaches,
  directoryUser,
  NOT_AUTHORIZED,
  driveState,
  formsState,
  scriptPropertiesOf,
  createBoundSpreadsheet,
  openSpreadsheet,
  shareByLink,
  sheetsState,
} from "gas-emulator/testkit";
import {
  ADMIN,
  adminRequest,
  adminRows,
  cellAt,
  DOMAIN,
  editRange,
  errorLog,
  log,
  mailsTo,
  OUTSIDER,
  ownValues,
  recordedInstaller,
  SERVICE,
  sheet,
  spreadsheet,
  type Office,
} from "./harness.js";
import {
  accountsFor,
  applicant,
  chooseCreate,
  lettersTo,
  newRequest,
  provision,
  provisioningOffice,
  row,
  SIGNER_NIP,
  STAF,
  staffOnly,
  sweepAfter,
  toLastStage,
} from "./provision-kit.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";
import { surelEmulator } from "../kit/emulator.js";

const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
const SECOND = `admin.kedua@${DOMAIN}`;

/** Everything setup could change, as text: sheets, protections, properties, triggers, forms, Drive. */
function snapshot(emu: Emulator): string {
  return JSON.stringify({
    sheets: sheetsState(emu.ws).toJSON(),
    props: [...scriptPropertiesOf(emu.ws)].sort(),
    triggers: emu.ws.triggers,
    forms: formsState(emu.ws).forms.size,
    drive: [...driveState(emu.ws).items.values()].map((i) => [i.id, i.name, i.editors, i.viewers, i.access]),
  });
}

describe("setup refuses before it changes anything", () => {
  test("from a project bound to the register (its editors could change the privileged code)", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: SERVICE, admin: true }, workers: 1 });
    try {
      const ss = createBoundSpreadsheet(emu.ws, "Register Surel Dinas");
      ss.addEditor(STAF);
      // The documented rule that makes a bound project unfit: the container's editors can run it.
      expect(emu.ws.projectAccess(STAF)).toBe("edit");
      const before = snapshot(emu);
      const r = await emu.run("setup");
      expect(r.returnValue).toMatchObject({ ok: false, refused: true });
      const lines = (r.returnValue as { lines: string[] }).lines;
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`proyek skrip ini terikat pada berkas ${ss.getId()}`);
      expect(lines[0]).toContain("sebelum mengubah apa pun");
      expect(snapshot(emu)).toBe(before);
      expect(emu.ws.triggers).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});

describe("the standalone office", () => {
  let office: Office;
  beforeAll(async () => {
    office = await provisioningOffice({ configure: staffOnly });
    // The kit writes the signer's NIP with a guarding apostrophe into a plain-text cell, where it
    // stays: the office's administrator types it plainly.
    const settings = sheet(office, SHEETS.settings);
    const at = settings.createTextFinder("penandatangan_nip").findNext()!.getRow();
    settings.getRange(at, 2).setValue(SIGNER_NIP);
    evictAllCaches(office.emu.ws);
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("the service account owns the project and the register and installed every trigger; officials cannot open the project", async () => {
    expect(recordedInstaller(office)).toBe(SERVICE);
    expect(office.emu.ws.project).toMatchObject({ owner: SERVICE, boundTo: null });
    expect(spreadsheet(office).getOwner()!.getEmail()).toBe(SERVICE);
    expect(office.emu.ws.triggers.map((t) => t.owner)).toEqual([SERVICE, SERVICE, SERVICE]);
    for (const who of [ADMIN, STAF, OUTSIDER]) {
      expect(office.emu.ws.projectAccess(who)).toBe("view");
      await expect(office.emu.run("setup", { as: who })).rejects.toThrow(/cannot run setup/);
    }
  });

  test("setup by a second account (made an editor of the project) refuses and changes nothing", async () => {
    office.emu.ws.addIdentity({ email: SECOND, admin: true });
    office.emu.ws.project.editors.add(SECOND);
    spreadsheet(office).addEditor(SECOND);
    const before = snapshot(office.emu);
    const r = await office.emu.run("setup", { as: SECOND });
    expect(r.returnValue).toMatchObject({ ok: false, refused: true });
    expect((r.returnValue as { lines: string[] }).lines[0]).toBe(
      `Setup dihentikan sebelum mengubah apa pun: setup dijalankan oleh ${SECOND}, padahal akun layanan yang tercatat memasang Surel adalah ${SERVICE}. Hanya akun itu yang boleh menjalankan setup; administrator lain meminta \u201cPeriksa ulang setup\u201d di lembar Permintaan Admin.`,
    );
    expect(snapshot(office.emu)).toBe(before);
    // A sweep run by that account (its own trigger) does nothing and says why.
    const sweep = await office.emu.run("sweep", { as: SECOND });
    expect((sweep.returnValue as { refused: string }).refused).toContain(`berjalan sebagai ${SECOND}`);
    expect(sweep.returnValue).not.toHaveProperty("provisioning");
    expect(sweep.returnValue).not.toHaveProperty("retention");
    office.emu.ws.project.editors.delete(SECOND);
  });

  test("an official's edit of a protected cell, the settings, the log or the admin sheet is refused by protection", async () => {
    const ticket = await newRequest(office, applicant(1));
    const r = row(office, ticket);
    const cases: [string, string][] = [
      [SHEET_NAMES.register, `C${r._row}`],
      [SHEET_NAMES.log, "H2"],
      [SHEETS.settings, "B2"],
      [SHEETS.stages, "E2"],
      [SHEET_NAMES.admin, "A5"],
      [SHEET_NAMES.errors, "D2"],
    ];
    for (const [name, a1] of cases) {
      const { edit } = await editRange(office, STAF, name, a1, [["x"]]);
      expect(edit, `${name}!${a1}`).toEqual({ ok: false, error: PROTECTED });
    }
    // Administrators fill requests, but never the result columns (the service account writes them).
    expect((await editRange(office, ADMIN, SHEET_NAMES.admin, "H2", [["Selesai"]])).edit).toEqual({
      ok: false,
      error: PROTECTED,
    });
  });

  test("re-run setup checks, sweep now and verify the log: done by the service account, request and result logged", async () => {
    for (const op of ["setup", "sweep", "verify"] as const) {
      const { edit, results, row: at } = await adminRequest(office, ADMIN, op);
      expect(edit.ok, op).toBe(true);
      const outcome = results.pop()!;
      expect(outcome.handler).toBe("onRegisterEdit");
      expect(outcome.returnValue, `${op}: ${JSON.stringify(outcome.returnValue)}`).toMatchObject({
        kind: "done",
        op,
        ok: true,
      });
      const rec = adminRows(office).find((x) => x._row === at)!;
      expect(rec.requestedBy).toBe(ADMIN);
      const [request, result] = log(office).slice(-2);
      expect(request).toMatchObject({ action: "permintaan_admin", actor: ADMIN });
      expect(result).toMatchObject({ action: "hasil_admin", actor: ADMIN, seq: rec.logSeq });
      expect(result!.note).toContain(`(log #${request!.seq})`);
    }
    const rows = adminRows(office);
    expect(rows[rows.length - 3]!.result).toMatch(catalogued("setup.triggers", { created: 0, kept: 3 }));
    expect(rows[rows.length - 2]!.result).toMatch(/^Penyapuan selesai: /);
    expect(rows[rows.length - 1]!.result).toMatch(/^Log disposisi utuh: /);
  });

  test("change a delivery address: reason and evidence required, before/after masked in the log, the reissue goes to the new address only", async () => {
    const old = "sari.lama@gmail.com";
    const next = "sari.baru@yahoo.com";
    const ticket = await provision(office, applicant(2, { "Surel pribadi": old }));
    expect(row(office, ticket).status).toBe("selesai");
    expect(lettersTo(office, old)).toHaveLength(1);

    // Without evidence: refused, nothing changed.
    const missing = await adminRequest(office, ADMIN, "address", {
      ticket,
      value: next,
      reason: "Surel lama diretas",
    });
    expect(missing.results.pop()!.returnValue).toMatchObject({ kind: "refused" });
    expect(row(office, ticket).personalEmail).toBe(old);
    // An office address is not a delivery address.
    const office1 = await adminRequest(office, ADMIN, "address", {
      ticket,
      value: `sari@${DOMAIN}`,
      reason: "x",
      evidence: "y",
    });
    expect(office1.results.pop()!.returnValue).toMatchObject({ kind: "refused" });

    const { results } = await adminRequest(office, ADMIN, "address", {
      ticket,
      value: next,
      reason: "Surel lama diretas",
      evidence: "Surat Kepala OPD 800/77/2026",
    });
    expect(results.pop()!.returnValue).toMatchObject({ kind: "done", op: "address", ok: true });
    expect(row(office, ticket).personalEmail).toBe(next);
    expect(directoryUser(office.emu.ws, row(office, ticket).address)!.recoveryEmail).toBe(next);
    const change = log(office).find((e) => e.action === "ubah_alamat_pengiriman" && e.ticket === ticket)!;
    expect(change).toMatchObject({ actor: ADMIN, from: "selesai", to: "selesai" });
    expect(change.note).toBe(
      "Alamat pengiriman dan pemulihan diubah dari sa***@gmail.com menjadi sa***@yahoo.com. Alasan: Surel lama diretas. Bukti: Surat Kepala OPD 800/77/2026.",
    );
    expect(JSON.stringify(log(office))).not.toContain(old);
    expect(JSON.stringify(log(office))).not.toContain(next);

    await adminRequest(office, ADMIN, "reissue", { ticket });
    await sweepAfter(office, 10);
    expect(lettersTo(office, next)).toHaveLength(1);
    expect(lettersTo(office, old)).toHaveLength(1); // only the first letter, before the change
    expect(accountsFor(office, ticket)).toHaveLength(1);
  });

  test("resend waiting mail: a receipt that could not go out is sent at the administrator's request", async () => {
    office.emu.faults.inject("MailApp.sendEmail", {
      error: () => apiError("mail.send", "Service unavailable", 503),
      times: 1,
    });
    const ticket = await newRequest(office, applicant(3));
    office.emu.faults.clear();
    const to = applicant(3)["Surel pribadi"]!;
    expect(mailsTo(office, to)).toHaveLength(0);
    const { results } = await adminRequest(office, ADMIN, "resend", { ticket });
    expect(results.pop()!.returnValue).toMatchObject({ kind: "done", op: "resend", ok: true });
    expect(adminRows(office).pop()!.result).toBe(t("id", "admin.result.resent", { count: 1, ticket }));
    expect(mailsTo(office, to).map((m) => m.subject)).toEqual([
      `Tanda terima permohonan surel dinas \u2013 ${ticket}`,
    ]);
  });

  test("retry a failed step: an account creation waiting after rate limits is finished at once", async () => {
    const a = applicant(4);
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    office.emu.faults.inject("AdminDirectory.Users.insert", {
      error: () => apiError("directory.users.insert", "Rate Limit Exceeded", 429, "rateLimitExceeded"),
      times: 6,
    });
    await chooseCreate(office, ticket);
    office.emu.faults.clear();
    expect(row(office, ticket).provisioning).toMatch(/^menunggu ulang/);
    const { results } = await adminRequest(office, ADMIN, "retry", { ticket });
    expect(results.pop()!.returnValue).toMatchObject({ kind: "done", op: "retry", ok: true });
    expect(row(office, ticket).status).toBe("selesai");
    expect(accountsFor(office, ticket)).toHaveLength(1);
    expect(lettersTo(office, a["Surel pribadi"]!)).toHaveLength(1);
  });

  test("a request by an official whom a widened protection lets through: undone, explained on the cell, logged, not run", async () => {
    const admin = sheet(office, SHEET_NAMES.admin);
    admin.getProtections("SHEET")[0]!.addEditor(STAF);
    const sweepsBefore = log(office).filter((e) => e.action === "hasil_admin").length;
    const { edit, results, row: at } = await adminRequest(office, STAF, "sweep");
    expect(edit.ok).toBe(true);
    expect(results.map((r) => r.handler)).toEqual(["onRegisterEdit"]);
    const outcome = results.pop()!.returnValue as { kind: string; seq: number };
    expect(outcome.kind).toBe("refused");
    const cell = cellAt(office, SHEET_NAMES.admin, `A${at}`);
    expect(cell.value).toBe("");
    expect(cell.note).toBe(
      `Permintaan \u201cJalankan penyapuan sekarang\u201d dari ${STAF} dibatalkan dan tidak dijalankan: ${STAF} bukan administrator yang terdaftar di lembar Pengaturan (admin). Hanya administrator di lembar Pengaturan yang dapat meminta operasi admin. Tercatat di Log Disposisi no. ${outcome.seq}.`,
    );
    expect(log(office).pop()).toMatchObject({
      action: "permintaan_admin_ditolak",
      actor: STAF,
      seq: String(outcome.seq),
    });
    expect(adminRows(office).find((x) => x._row === at)!.result).toMatch(/^Ditolak: /);
    expect(log(office).filter((e) => e.action === "hasil_admin")).toHaveLength(sweepsBefore);
    admin.getProtections("SHEET")[0]!.removeEditor(STAF);
    // An outsider is stopped by Sheets itself.
    expect((await adminRequest(office, OUTSIDER, "sweep")).edit).toEqual({ ok: false, error: PROTECTED });
  });

  test("while the register is shared by link, setup refuses (from the editor and on request) and changes nothing", async () => {
    shareByLink(office.emu.ws, office.ssId, "ANYONE_WITH_LINK", "EDIT");
    try {
      const before = snapshot(office.emu);
      const r = await office.emu.run("setup");
      expect(r.returnValue).toMatchObject({ refused: true });
      expect((r.returnValue as { lines: string[] }).lines[0]).toContain(
        "register dibagikan lewat tautan kepada siapa saja yang memiliki tautan (peran writer)",
      );
      expect(snapshot(office.emu)).toBe(before);
      const { results } = await adminRequest(office, ADMIN, "setup");
      expect(results.pop()!.returnValue).toMatchObject({ kind: "done", op: "setup", ok: false });
      expect(adminRows(office).pop()!.result).toContain("dibagikan lewat tautan");
      // A link editor appears as the owner in the edit event: an action by "the service account" is refused.
      const t = await newRequest(office, applicant(5));
      const { userEdit } = await import("gas-emulator");
      const { a1Of } = await import("./harness.js");
      userEdit(
        office.emu.ws,
        "",
        { spreadsheetId: office.ssId, sheet: SHEET_NAMES.register, a1: a1Of(office, t, "action") },
        [["Buat akun"]],
      );
      await office.emu.drain();
      expect(row(office, t).status).toBe("baru");
      expect(log(office).pop()).toMatchObject({ actor: SERVICE, ticket: t });
    } finally {
      shareByLink(office.emu.ws, office.ssId, "PRIVATE");
    }
  });
});

describe("identity and rights", () => {
  test("setup reports administrators outside the domain; their requests are refused (address hidden)", async () => {
    const partner = "konsultan@mitra.co.id";
    const office = await provisioningOffice({ configure: (c) => (c.admins = [ADMIN, partner]) });
    try {
      const lines = (office.setup.returnValue as { lines: string[] }).lines;
      expect(lines).toContain(
        `Peringatan: ${partner} berada di luar domain akun layanan. Google menyembunyikan alamatnya pada setiap edit, sehingga semua tindakannya akan ditolak; gunakan alamat dinas.`,
      );
      const { edit, results } = await adminRequest(office, partner, "verify");
      expect(edit.ok).toBe(true);
      expect(results.pop()!.returnValue).toMatchObject({
        kind: "refused",
        reason:
          "Google tidak menyebut alamat penyunting (akun di luar domain dinas), jadi permintaan tidak dapat diperiksa.",
      });
      expect(log(office).pop()).toMatchObject({
        action: "permintaan_admin_ditolak",
        actor: "(alamat disembunyikan)",
      });
    } finally {
      await office.emu.close();
    }
  });

  test("a delegated role without the right to create users: setup names each missing right; an insert gets the real 403", async () => {
    const office = await provisioningOffice({
      owner: {
        email: SERVICE,
        admin: true,
        role: { name: "Surel", privileges: ["USERS_RETRIEVE", "GROUPS_RETRIEVE"] },
      },
    });
    try {
      const report = office.setup.returnValue as { ok: boolean; lines: string[] };
      expect(report.ok).toBe(false);
      expect(report.lines).toEqual(
        expect.arrayContaining([
          `Galat: peran admin ${SERVICE} tidak memberi hak \u201cPengguna: membuat\u201d.`,
          `Galat: peran admin ${SERVICE} tidak memberi hak \u201cPengguna: memperbarui\u201d.`,
          `Galat: peran admin ${SERVICE} tidak memberi hak \u201cGrup: memperbarui anggota\u201d.`,
        ]),
      );
      expect(report.lines.join("\n")).not.toContain("Pengguna: membaca");
      const ticket = await newRequest(office, applicant(6));
      await toLastStage(office, ticket);
      const edits = await chooseCreate(office, ticket);
      const insert = edits.flatMap((r) => r.trace).filter((c) => c.key === "AdminDirectory.Users.insert");
      expect(insert.map((c) => c.outcome)).toEqual(["error"]);
      expect(accountsFor(office, ticket)).toEqual([]);
      expect(errorLog(office).some((e) => e["Pesan"]!.includes(NOT_AUTHORIZED))).toBe(true);
    } finally {
      await office.emu.close();
    }
  });
});

describe("sample values never reach a real domain", () => {
  test("the sample settings in a real domain: setup names them and shares nothing; the office's own values pass", async () => {
    const domain = "kotanyata.go.id";
    const emu = surelEmulator({
      domain,
      owner: { email: `layanan.surel@${domain}`, admin: true },
      workers: 1,
    });
    try {
      const first = await emu.run("setup");
      const report = first.returnValue as { ok: boolean; refused: boolean; formId: string; lines: string[] };
      expect(report).toMatchObject({ ok: false, refused: false, formId: "" });
      expect(report.lines).toEqual(
        expect.arrayContaining([
          "Masih nilai contoh: domain = contohkota.go.id",
          "Masih nilai contoh: penandatangan_nama = Nama Kepala Dinas",
          "Masih nilai contoh: admin = admin.surel@contohkota.go.id",
          "Masih nilai contoh: Tahapan kadis = kadis@contohkota.go.id",
        ]),
      );
      // Nothing shared with the sample administrator, no form, no trigger; the settings exist to be filled.
      expect(emu.ws.triggers).toEqual([]);
      expect(formsState(emu.ws).forms.size).toBe(0);
      expect([...driveState(emu.ws).items.values()].filter((i) => !i.rootOf)).toEqual([]);
      const ssId = scriptPropertiesOf(emu.ws).get("surel:registerId")!;
      const ss = openSpreadsheet(emu.ws, ssId);
      expect(ss.getEditors().map((u) => u.getEmail())).toEqual([`layanan.surel@${domain}`]);
      const settings = ss.getSheetByName(SHEETS.settings)!;
      expect(
        settings
          .getProtections("SHEET")[0]!
          .getEditors()
          .map((u) => u.getEmail()),
      ).toEqual([`layanan.surel@${domain}`]);

      // The service account fills in the office's own values (host side), then runs setup again.
      const own = ownValues(defaultConfig());
      const swap = (s: string) => s.split("contohkota.go.id").join(domain);
      const { configToTables } = await import("../../src/domain/settings.js");
      const tables = configToTables({ ...own, domain });
      for (const [name, rows] of [
        [SHEETS.settings, tables.settings],
        [SHEETS.stages, tables.stages],
        [SHEETS.opds, tables.opds],
      ] as const) {
        const sh = ss.getSheetByName(name)!;
        sh.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows.map((r) => r.map(swap)));
      }
      evictAllCaches(emu.ws);
      const second = await emu.run("setup");
      const ok = second.returnValue as { ok: boolean; formId: string; lines: string[] };
      expect(ok.lines.filter((l) => l.startsWith("Masih nilai contoh"))).toEqual([]);
      expect(ok.formId).not.toBe("");
      expect(emu.ws.triggers).toHaveLength(3);
    } finally {
      await emu.close();
    }
  });
});

describe("least privilege", () => {
  test("the manifest's scopes are exactly those the README's table justifies", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../appsscript.json", import.meta.url), "utf8")) as {
      oauthScopes: string[];
    };
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(
      readme.indexOf("| scope "),
      readme.indexOf("\n\n", readme.indexOf("| scope ")),
    );
    const justified = [...section.matchAll(/^\| `([^`]+)`(?:, `([^`]+)`)* +\|/gm)].flatMap((m) =>
      m[0].match(/`[^`]+`/g)!.map((s) => s.slice(1, -1)),
    );
    expect(justified.length).toBeGreaterThan(5);
    expect(manifest.oauthScopes.map((s) => s.replace("https://www.googleapis.com/auth/", "")).sort()).toEqual(
      [...new Set(justified)].sort(),
    );
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/spreadsheets.currentonly");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/script.container.ui");
  });
});
