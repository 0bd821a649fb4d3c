/**
 * Setup: the form, the register, the settings sheets and the triggers, created once and
 * left alone by a second run; configuration problems reported in Indonesian.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildForm, QUESTIONS, questionHelp, questionTitle } from "../../src/domain/form.js";
import { defaultConfig } from "../../src/domain/defaults.js";
import { SHEETS } from "../../src/domain/settings.js";
import { LOG_COLUMNS, REGISTER_COLUMNS, SHEET_NAMES } from "../../src/workspace/schema.js";
import { FormSubmitError, userOpen } from "gas-emulator";
import { formsState, formQuestions, menus } from "gas-emulator/testkit";
import {
  SERVICE,
  application,
  createOffice,
  DOMAIN,
  editRange,
  OUTSIDER,
  records,
  register,
  sheet,
  spreadsheet,
  submit,
  submitOnly,
  type Office,
} from "./harness.js";
import { withDirectory } from "./tenant-kit.js";
import { t } from "../../src/domain/text/index.js";

const KADIS = `kadis@${DOMAIN}`;
const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

interface SetupReturn {
  ok: boolean;
  lines: string[];
  formId: string;
  servicesFormId?: string;
  triggers: { kept: string[]; created: string[]; deleted: string[] };
}

let office: Office;
beforeAll(async () => {
  // No settings written beforehand: setup creates them with the defaults.
  office = await createOffice(withDirectory({ defaults: true }));
});
afterAll(async () => {
  await office.emu.close();
});

function sheetNames(o: Office): string[] {
  return spreadsheet(o)
    .getSheets()
    .map((s) => s.getName());
}

function triggerSummary(o: Office): string[] {
  return o.emu.ws.triggers
    .map((t) => `${t.handler}:${t.eventType}:${t.sourceId ?? ""}:${t.everyMs ?? ""}`)
    .sort();
}

describe("a first setup", () => {
  test("reports success in Indonesian", () => {
    const r = office.setup.returnValue as SetupReturn;
    expect(r.ok).toBe(true);
    expect(r.lines[0]).toMatch(/^Lembar dibuat: /);
    expect(r.lines.some((l) => l.startsWith("Formulir permohonan dibuat: https://"))).toBe(true);
    // FormApp cannot add upload questions: the report explains how to add one by hand.
    expect(r.lines.some((l) => l.includes("Unggah file"))).toBe(true);
    expect(r.lines).toContain(t("id", "setup.triggers", { created: 3, kept: 0, deleted: 0 }));
  });

  test("creates the settings sheets with the defaults", () => {
    for (const name of Object.values(SHEETS)) expect(sheetNames(office)).toContain(name);
    const settings = records(office, SHEETS.settings);
    const value = (key: string) => settings.find((r) => r["Kunci"] === key)?.["Nilai"];
    expect(settings.length).toBeGreaterThan(10);
    expect(value("domain")).toBe(DOMAIN);
    const stages = records(office, SHEETS.stages);
    expect(stages.map((s) => s["Kunci"])).toEqual(defaultConfig().stages.map((s) => s.key));
    expect(stages[0]!["Pejabat (surel)"]).toBe(KADIS);
    expect(records(office, SHEETS.opds).map((o) => o["Kode"])).toContain("DISKOMINFO");
    expect(records(office, SHEETS.holidays).length).toBeGreaterThan(5);
  });

  test("creates the form with Indonesian titles, help texts and choices, linked to the spreadsheet", () => {
    const qs = formQuestions(office.emu.ws, office.formId);
    expect(qs.map((q) => q.title)).toEqual(QUESTIONS.map((q) => questionTitle(q.key, "id")));
    for (const q of QUESTIONS) {
      const found = qs.find((x) => x.title === questionTitle(q.key, "id"))!;
      expect(found.helpText).toBe(questionHelp(q.key, "id"));
      expect(found.required).toBe(q.required);
    }
    const opd = qs.find((q) => q.title === "Perangkat daerah")!;
    expect(opd.choices).toEqual(defaultConfig().opds.map((o) => o.name));
    const form = formsState(office.emu.ws).get(office.formId)!;
    expect(form.title).toBe(buildForm(defaultConfig()).title);
    expect(form.destination?.spreadsheetId).toBe(office.ssId);
    expect(form.destination?.sheet.name).toBe(SHEET_NAMES.responses);
  });

  test.each([
    ["NIP / NI PPPK", "12345"],
    ["NIP / NI PPPK", "19850330201001100X"],
    ["Surel pribadi", "bukan-alamat-surel"],
    ["Nomor HP/WhatsApp", "telepon saya"],
  ])("the form itself refuses %s = %s, with an Indonesian message", (title, value) => {
    let error: unknown;
    try {
      submitOnly(office, application({ [title]: value }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormSubmitError);
    const problems = (error as FormSubmitError).problems;
    expect(problems.map((p) => p.title)).toEqual([title]);
    // The message shown is the validation's Indonesian help text.
    const q = buildForm(defaultConfig()).questions.find((x) => x.title === title)!;
    expect(q.validation?.helpText).toMatch(/[a-z]/);
    expect(problems[0]!.message).toBe(q.validation!.helpText);
  });

  test("creates the register: Indonesian headers, frozen, identifiers as plain text", () => {
    const reg = sheet(office, SHEET_NAMES.register);
    const headers = reg.getRange(1, 1, 1, REGISTER_COLUMNS.length).getDisplayValues()[0];
    expect(headers).toEqual(REGISTER_COLUMNS.map((c) => c.id));
    expect(reg.getFrozenRows()).toBe(1);
    const nipCol = REGISTER_COLUMNS.findIndex((c) => c.key === "nip") + 1;
    expect(reg.getRange(500, nipCol).getNumberFormat()).toBe("@");
    const log = sheet(office, SHEET_NAMES.log);
    expect(log.getRange(1, 1, 1, LOG_COLUMNS.length).getDisplayValues()[0]).toEqual(
      LOG_COLUMNS.map((c) => c.id),
    );
    expect(log.getFrozenRows()).toBe(1);
  });

  test("installs each trigger once: form submit and edit on this spreadsheet, the sweep every 10 minutes", () => {
    expect(triggerSummary(office)).toEqual(
      [
        `onFormSubmit:ON_FORM_SUBMIT:${office.ssId}:`,
        `onRegisterEdit:ON_EDIT:${office.ssId}:`,
        `sweep:CLOCK::${10 * 60_000}`,
      ].sort(),
    );
    // Installed by the service account, never by an administrator or an official.
    for (const t of office.emu.ws.triggers) expect(t.owner).toBe(SERVICE);
  });

  test("no menu runs as whoever clicks: opening the register adds none; no reissue entry point", () => {
    userOpen(office.emu.ws, KADIS, office.ssId);
    return office.emu.drain().then(() => {
      expect(menus(office.emu.ws, KADIS)).toEqual([]);
      expect(office.emu.entryPoints).toEqual(expect.arrayContaining(["setup", "verifyLog", "sweep"]));
      expect(office.emu.entryPoints).not.toContain("onOpen");
      expect(office.emu.entryPoints).not.toContain("reissueLetter");
    });
  });
});

describe("protection: only the program writes its columns", () => {
  test("an official may not type into a program column of the register", async () => {
    const { results } = await submit(office, application());
    expect(results.every((r) => r.ok)).toBe(true);
    const r = register(office)[0]!;
    for (const a1 of [`C${r._row}`, `A${r._row}`, `AK${r._row}`]) {
      const { edit } = await editRange(office, KADIS, SHEET_NAMES.register, a1, [["selesai"]]);
      expect(edit).toEqual({ ok: false, error: PROTECTED });
    }
    expect(register(office)[0]!.status).toBe("baru");
  });

  test("the action and note columns stay open to officials, below the last row too", async () => {
    const actionCol = REGISTER_COLUMNS.findIndex((c) => c.key === "action") + 1;
    const noteCol = REGISTER_COLUMNS.findIndex((c) => c.key === "note") + 1;
    const reg = sheet(office, SHEET_NAMES.register);
    const protection = reg.getProtections("SHEET")[0]!;
    const open = protection.getUnprotectedRanges().map((g) => g.getA1Notation());
    const letter = (n: number) => String.fromCharCode(64 + n);
    expect(open).toEqual(
      expect.arrayContaining([
        `${letter(actionCol)}2:${letter(actionCol)}${reg.getMaxRows()}`,
        `${letter(noteCol)}2:${letter(noteCol)}${reg.getMaxRows()}`,
      ]),
    );
    const { edit } = await editRange(office, KADIS, SHEET_NAMES.register, `${letter(noteCol)}900`, [
      ["catatan"],
    ]);
    expect(edit.ok).toBe(true);
    await editRange(office, KADIS, SHEET_NAMES.register, `${letter(noteCol)}900`, [[""]]);
  });

  test("the log and the settings are closed to officials; the settings open to administrators", async () => {
    expect((await editRange(office, KADIS, SHEET_NAMES.log, "G2", [["x"]])).edit.ok).toBe(false);
    expect((await editRange(office, OUTSIDER, SHEETS.settings, "B2", [["x"]])).edit.ok).toBe(false);
    expect((await editRange(office, KADIS, SHEETS.stages, "E2", [["x@y.go.id"]])).edit.ok).toBe(false);
    const admin = `admin.surel@${DOMAIN}`;
    office.emu.ws.addIdentity({ email: admin });
    spreadsheet(office).addEditor(admin);
    const stagesSheet = sheet(office, SHEETS.stages);
    const before = stagesSheet.getRange("C2").getDisplayValue();
    const { edit } = await editRange(office, admin, SHEETS.stages, "C2", [[before]]);
    expect(edit.ok).toBe(true);
  });
});

describe("setup run again", () => {
  let second: SetupReturn;
  let sheetsBefore: string[];
  let triggersBefore: string[];
  let uidsBefore: string[];
  beforeAll(async () => {
    // An administrator's own settings must survive a second setup.
    sheet(office, SHEETS.settings)
      .createTextFinder("Diskominfo Kota Contoh: ")
      .findAll()
      .forEach((c) => c.setValue("Pengaduan: Kantor Diskominfo, lantai 2"));
    sheetsBefore = sheetNames(office);
    triggersBefore = triggerSummary(office);
    uidsBefore = office.emu.ws.triggers.map((t) => t.uid).sort();
    const r = await office.emu.run("setup");
    expect(r.error?.message ?? "").toBe("");
    second = r.returnValue as SetupReturn;
  });

  test("leaves exactly one form of each kind, one set of sheets, one set of triggers", () => {
    // The application form and the account services form, each kept.
    expect(formsState(office.emu.ws).forms.size).toBe(2);
    expect(second.formId).toBe(office.formId);
    expect(second.servicesFormId).toBe((office.setup.returnValue as SetupReturn).servicesFormId);
    expect(second.lines.some((l) => l.startsWith("Formulir layanan akun sudah ada"))).toBe(true);
    expect(sheetNames(office)).toEqual(sheetsBefore);
    expect(triggerSummary(office)).toEqual(triggersBefore);
    expect(office.emu.ws.triggers.map((t) => t.uid).sort()).toEqual(uidsBefore);
    expect(second.lines[0]).toBe(t("id", "setup.sheets_exist"));
    expect(second.lines).toContain(t("id", "setup.triggers", { created: 0, kept: 3, deleted: 0 }));
    expect(second.lines.some((l) => l.startsWith("Formulir sudah ada dan dipakai kembali"))).toBe(true);
  });

  test("keeps what administrators entered in the settings", () => {
    const text = records(office, SHEETS.settings)
      .map((r) => r["Nilai"])
      .join("\n");
    expect(text).toContain("Pengaduan: Kantor Diskominfo, lantai 2");
  });

  test("keeps the register rows, and one more submission still makes one row", async () => {
    const before = register(office).length;
    await submit(office, application({ "Surel pribadi": "setelah.setup@gmail.com" }));
    expect(register(office)).toHaveLength(before + 1);
  });

  test("removes a trigger installed twice", async () => {
    const dup = office.emu.ws.triggers.find((t) => t.handler === "onFormSubmit")!;
    office.emu.ws.triggers.push({ ...dup, uid: `${dup.uid}-copy` });
    const r = await office.emu.run("setup");
    const report = r.returnValue as SetupReturn;
    expect(report.triggers.deleted).toEqual(["onFormSubmit"]);
    expect(office.emu.ws.triggers.filter((t) => t.handler === "onFormSubmit")).toHaveLength(1);
  });
});

describe("a configuration problem", () => {
  test("is reported in plain Indonesian with the sheet, row and field", async () => {
    const o = await createOffice({
      configure: (c) => {
        c.stages[1]!.officials = ["kabid-tanpa-domain"];
        c.complaints = "";
      },
    });
    try {
      const r = o.setup.returnValue as SetupReturn;
      expect(r.ok).toBe(false);
      const galat = r.lines.filter((l) => l.startsWith("Galat di lembar"));
      expect(galat.length).toBeGreaterThan(0);
      expect(galat.join("\n")).toContain("kabid-tanpa-domain");
      expect(galat.join("\n")).toMatch(/Tahapan/);
      const warn = r.lines.filter((l) => l.startsWith("Peringatan di lembar"));
      expect(warn.join("\n")).toContain(t("id", "config.complaints"));
      // Plain Indonesian: no English error words in the report.
      expect(r.lines.join("\n")).not.toMatch(/\b(error|invalid|undefined|null)\b/i);
    } finally {
      await o.emu.close();
    }
  });
});
