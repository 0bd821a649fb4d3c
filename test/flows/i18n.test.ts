/**
 * An office that works in English (settings: bahasa = en) sees English everywhere the program
 * speaks to people: setup report, sheet headers and help, protections, menu, dropdowns, refusals
 * (cell notes, toasts, log notes), the duplicate summary, settings problems, the log check. And an
 * office that switches its language gets its settings sheets in the new language at the next setup.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { QUESTIONS, questionTitle } from "../../src/domain/form.js";
import { SHEETS } from "../../src/domain/settings.js";
import { t } from "../../src/domain/text/index.js";
import { ACTION_LABELS, actionLabel, allowedActions } from "../../src/domain/workflow.js";
import { REGISTER_COLUMNS, SHEET_NAMES } from "../../src/workspace/schema.js";
import { userOpen } from "gas-emulator";
import { menus } from "gas-emulator/testkit";
import {
  a1Of,
  act,
  actionChoices,
  ADMIN,
  application,
  cellOf,
  createOffice,
  DOMAIN,
  editRange,
  errorLog,
  hostWrite,
  log,
  mailsTo,
  OUTSIDER,
  records,
  register,
  row,
  sheet,
  submit,
  toastsFor,
  type Office,
  adminRequest,
  adminRows,
  SERVICE,
} from "./harness.js";
import { withDirectory } from "./tenant-kit.js";

const KADIS = `kadis@${DOMAIN}`;
const KABID = `kabid.egov@${DOMAIN}`;
const KASI = `kasi.pksi@${DOMAIN}`;

/** Words that give an Indonesian sentence away (none of them is an English word). */
const INDONESIAN =
  /\b(tidak|belum|sudah|harus|atau|dan|yang|pada|untuk|dengan|permohonan|tahap|lembar|dibuat|pengaturan|pemicu|galat|baris|kolom)\b/i;

interface Lines {
  lines: string[];
}

/** The harness's application with the English question titles and choices. */
function englishApplication(overrides: Record<string, string> = {}): Record<string, string> {
  const titles = new Map(QUESTIONS.map((q) => [questionTitle(q.key, "id"), questionTitle(q.key, "en")]));
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(application(overrides))) answers[titles.get(k) ?? k] = v;
  answers[questionTitle("status", "en")] = t("en", "choice.status.PNS");
  answers[questionTitle("accountType", "en")] = t("en", "choice.account.pribadi");
  answers[questionTitle("statement", "en")] = t("en", "choice.statement");
  return answers;
}

describe("an office that works in English", () => {
  let office: Office;
  let ticket = "";
  beforeAll(async () => {
    office = await createOffice(withDirectory({ configure: (c) => void (c.language = "en") }));
    const { results } = await submit(office, englishApplication());
    expect(results.map((r) => r.error?.message ?? "")).toEqual([""]);
    ticket = register(office)[0]!.ticket;
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("setup reports in English and writes English headers, help texts and protections", () => {
    const { lines } = office.setup.returnValue as Lines;
    expect(lines[0]).toMatch(/^Sheets created: /);
    expect(lines.some((l) => l.startsWith("The application form was created: "))).toBe(true);
    expect(lines).toContain("The settings are complete and valid.");
    expect(lines.some((l) => /^Triggers: 3 created, 0 already there/.test(l))).toBe(true);
    // Sheet names are identifiers and stay Indonesian.
    const names = [...Object.values(SHEET_NAMES), ...Object.values(SHEETS)];
    for (const line of lines)
      expect(names.reduce((l, n) => l.split(n).join(""), line)).not.toMatch(INDONESIAN);

    const reg = sheet(office, SHEET_NAMES.register);
    expect(reg.getRange(1, 1, 1, 3).getDisplayValues()[0]).toEqual(["Ticket", "Received", "Status"]);
    expect(reg.getProtections("SHEET")[0]!.getDescription()).toBe(
      "Columns owned by the Surel program: officials fill in only Action, Action note and E-mail address.",
    );
    expect(sheet(office, SHEETS.settings).getProtections("SHEET")[0]!.getDescription()).toBe(
      "Surel settings: administrators only.",
    );
    const settings = records(office, SHEETS.settings);
    const bahasa = settings.find((r) => r["Key"] === "bahasa");
    expect(bahasa).toEqual({ Key: "bahasa", Value: "en", Description: "Language of messages: id or en" });
    for (const r of settings) expect(r["Description"], r["Key"]).not.toMatch(/\b(yang|dan|pada|untuk)\b/);
    expect(sheet(office, SHEETS.stages).getRange(1, 1, 1, 3).getDisplayValues()[0]).toEqual([
      "Order",
      "Key",
      "Stage name",
    ]);
  });

  test("no menu; the admin sheet's requests are in English", async () => {
    userOpen(office.emu.ws, KADIS, office.ssId);
    await office.emu.drain();
    expect(menus(office.emu.ws, KADIS)).toEqual([]);
    expect(sheet(office, "Permintaan Admin").getRange(1, 1, 1, 3).getDisplayValues()[0]).toEqual([
      "Request",
      "Ticket",
      "New value",
    ]);
    const rule = sheet(office, "Permintaan Admin").getRange(2, 1).getDataValidation()!;
    expect(rule.getCriteriaValues()[0]).toEqual([
      "Re-run setup checks",
      "Run the sweep now",
      "Verify the log",
      "Verify the whole log again",
      "Reissue the account letter",
      "Change the delivery address",
      "Resend waiting mail",
      "Retry a failed step",
      "Suspend an account never used",
      "Create a bulk request sheet",
      "Import a bulk request",
    ]);
    const r = (await adminRequest(office, ADMIN, "verify")).results.pop()!;
    expect(r.returnValue).toMatchObject({ kind: "done", op: "verify", ok: true });
    expect(adminRows(office).pop()!.result).toMatch(/^The disposition log is intact/);
  });

  test("the register row: English dropdown and duplicate summary", () => {
    const offered = allowedActions(office.config, "kadis", "baru");
    expect(offered).toContain("teruskan");
    expect(actionChoices(office, ticket)).toEqual(offered.map((a) => actionLabel("en", a)));
    expect(actionChoices(office, ticket)[0]).toBe("Forward (disposition)");
    expect(row(office, ticket).duplicate).toMatch(
      /^no duplicate \u2013 proposed address: ahmad\.fauzi@contohkota\.go\.id$/,
    );
  });

  test("a refused action is explained in English: cell note, toast, log", async () => {
    await act(office, OUTSIDER, ticket, "Forward (disposition)");
    const reason = `${OUTSIDER} is not authorised to act on this request.`;
    expect(cellOf(office, ticket, "action").note).toBe(`Change undone by the system: ${reason}`);
    expect(toastsFor(office, OUTSIDER)).toEqual([]);
    expect(toastsFor(office, SERVICE).pop()).toEqual({ title: "Surel: change undone", message: reason });
    expect(log(office).pop()!.note).toBe(`action \u201cForward (disposition)\u201d: ${reason}`);

    await act(office, KADIS, ticket, "Reject");
    expect(cellOf(office, ticket, "action").note).toBe(
      "Change undone by the system: The action \u201cReject\u201d needs a reason in the note column.",
    );
    expect(row(office, ticket).status).toBe("baru");
  });

  test("an English label is applied, and the next official hears of it in English", async () => {
    await act(office, KADIS, ticket, "Forward (disposition)");
    expect(row(office, ticket)).toMatchObject({ status: "diproses", stageKey: "kabid" });
    await act(office, KABID, ticket, "Forward (disposition)");
    expect(row(office, ticket)).toMatchObject({ status: "diproses", stageKey: "kasi" });
    const notice = mailsTo(office, KASI).pop()!;
    expect(notice.body).toContain(`Previous action: Forward (disposition) by ${KABID}.`);
  });

  test("a paste over the register is refused in English", async () => {
    const note = registerColumn("note");
    const action = registerColumn("action");
    const r = row(office, ticket)._row;
    const { edit } = await editRange(office, KASI, SHEET_NAMES.register, `${action}${r}:${note}${r}`, [
      ["Reject", "x"],
    ]);
    expect(edit.ok).toBe(true);
    expect(cellOf(office, ticket, "action").note).toBe(
      "Change undone by the system: Pasting or changing many cells at once in the register is not allowed: change one Action cell per request.",
    );
  });

  test("a mistake in the settings is shown to the administrator in English", async () => {
    const at = records(office, SHEETS.settings).findIndex((r) => r["Key"] === "zona_waktu") + 2;
    await editRange(office, ADMIN, SHEETS.settings, `B${at}`, [["Mars/Olympus"]]);
    const toast = toastsFor(office, SERVICE).pop()!;
    expect(toast.title).toBe("Surel: problems in the settings");
    expect(toast.message).toContain(
      `${SHEETS.settings}, row ${at} (zona_waktu): Unknown time zone "Mars/Olympus".`,
    );
    expect(errorLog(office).pop()!["Message"]).toMatch(/^Problems in the settings after an edit: /);
    await editRange(office, ADMIN, SHEETS.settings, `B${at}`, [["Asia/Jakarta"]]);
  });

  test("the sweep reports a repaired row in English", async () => {
    const good = row(office, ticket);
    hostWrite(office, SHEET_NAMES.register, a1Of(office, ticket, "status"), [["selesai"]]);
    const before = errorLog(office).length;
    const r = await office.emu.run("sweep");
    expect(r.error?.message ?? "").toBe("");
    expect(row(office, ticket).status).toBe(good.status);
    const [line] = errorLog(office).slice(before);
    expect(line!["Message"]).toBe(
      `Sweep: row ${good._row} (ticket ${ticket}) shows \u201cselesai/${good.stageKey}\u201d, but the log records \u201c${good.status}/${good.stageKey}\u201d (entry #${good.lastLogSeq}); the row was restored from the log.`,
    );
  });

  test("a reissue that cannot be done is refused in English", async () => {
    const r = (await adminRequest(office, ADMIN, "reissue", { ticket })).results.pop()!;
    expect(r.returnValue).toMatchObject({
      kind: "done",
      ok: false,
      result: `The account letter for ticket ${ticket} cannot be reissued: the account has not been created (status diproses).`,
    });
  });

  test("a request with data problems: the log note is English", async () => {
    const { results } = await submit(
      office,
      englishApplication({ "Surel pribadi": "second@gmail.com", "NIP / NI PPPK": "198513302010011002" }),
    );
    expect(results.map((r) => r.error?.message ?? "")).toEqual([""]);
    const entry = log(office)
      .filter((e) => e.action === "diterima")
      .pop()!;
    expect(entry.note).toMatch(/^\d+ data notes$/);
    expect(row(office, entry.ticket).problems).toContain(t("en", "nip.birth_date", { digits: "19851330" }));
  });

  test("the log check speaks English", async () => {
    const r = await office.emu.run("verifyLog");
    expect((r.returnValue as { message: string }).message).toMatch(
      /^The disposition log is intact: \d+ new entries checked \(up to #\d+\); the earlier ones were checked before and entry #\d+ is still the same\.$/,
    );
    // Run from the editor by the service account, who sees the toast.
    expect(toastsFor(office, SERVICE).pop()?.title).toBe("Surel: log check");
  });
});

/** Column letter of a register key (A–Z is enough for the workflow columns). */
function registerColumn(key: (typeof REGISTER_COLUMNS)[number]["key"]): string {
  return String.fromCharCode(64 + REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1);
}

describe("an office that changes its language", () => {
  let office: Office;
  beforeAll(async () => {
    office = await createOffice();
  });
  afterAll(async () => {
    await office.emu.close();
  });

  const setLanguage = async (lang: "id" | "en"): Promise<string[]> => {
    const at = records(office, SHEETS.settings).findIndex((r) => Object.values(r)[0] === "bahasa") + 2;
    hostWrite(office, SHEETS.settings, `B${at}`, [[lang]]);
    const r = await office.emu.run("setup");
    expect(r.ok).toBe(true);
    return (r.returnValue as Lines).lines;
  };

  test("the next setup writes the settings' headers and help and the register's headers in the new language; keys and values stay", async () => {
    const before = records(office, SHEETS.settings);
    expect(Object.keys(before[0]!)).toEqual(["Kunci", "Nilai", "Keterangan"]);
    expect(before.find((r) => r["Kunci"] === "bahasa")!["Keterangan"]).toBe("Bahasa pesan: id atau en");

    const lines = await setLanguage("en");
    expect(lines[0]).toBe("All sheets exist already.");
    const after = records(office, SHEETS.settings);
    expect(Object.keys(after[0]!)).toEqual(["Key", "Value", "Description"]);
    expect(after.map((r) => [r["Key"], r["Value"]])).toEqual(
      before.map((r) => [r["Kunci"], r["Kunci"] === "bahasa" ? "en" : r["Nilai"]]),
    );
    expect(after.find((r) => r["Key"] === "bahasa")!["Description"]).toBe("Language of messages: id or en");
    expect(sheet(office, SHEETS.holidays).getRange(1, 1, 1, 3).getDisplayValues()[0]).toEqual([
      "Date",
      "Name",
      "Kind (libur/cuti)",
    ]);
    expect(sheet(office, SHEET_NAMES.register).getRange("A1").getDisplayValue()).toBe("Ticket");

    await setLanguage("id");
    const back = records(office, SHEETS.settings);
    expect(back.map((r) => Object.values(r))).toEqual(before.map((r) => Object.values(r)));
    expect(sheet(office, SHEET_NAMES.register).getRange("A1").getDisplayValue()).toBe("Tiket");
  });

  test("a dropdown written before the switch still works after it, and the new one is in English", async () => {
    const { results } = await submit(office, application({ "Surel pribadi": "sari@gmail.com" }));
    expect(results.every((r) => r.ok)).toBe(true);
    const ticket = register(office).pop()!.ticket;
    expect(actionChoices(office, ticket)[0]).toBe(ACTION_LABELS.teruskan);
    await setLanguage("en");
    await act(office, KADIS, ticket, ACTION_LABELS.teruskan);
    expect(row(office, ticket)).toMatchObject({ status: "diproses", stageKey: "kabid" });
    expect(actionChoices(office, ticket)[0]).toBe("Forward (disposition)");
    await setLanguage("id");
  });

  test("an Indonesian office keeps its Indonesian texts", async () => {
    const { results } = await submit(office, application({ "Surel pribadi": "budi@gmail.com" }));
    expect(results.every((r) => r.ok)).toBe(true);
    const ticket = register(office).pop()!.ticket;
    expect(actionChoices(office, ticket)[0]).toBe("Teruskan (disposisi)");
    await act(office, OUTSIDER, ticket, ACTION_LABELS.teruskan);
    expect(cellOf(office, ticket, "action").note).toBe(
      `Perubahan dibatalkan oleh sistem: ${OUTSIDER} tidak berwenang menindaklanjuti permohonan ini.`,
    );
  });
});
