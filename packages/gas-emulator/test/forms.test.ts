import { describe, expect, it } from "vitest";
import {
  fireBlankFormSubmit,
  formDestination,
  formQuestions,
  FormSubmitError,
  importFormsCsv,
  install as installForms,
  openForm,
  parseCsv,
  parseFormsCsv,
  parseFormsTimestamp,
  submitResponse,
  type Form,
  type FormApp,
} from "../src/services/forms.js";
import {
  createBoundSpreadsheet,
  sheetToTable,
  type Range,
  type Spreadsheet,
} from "../src/services/sheets.js";
import { exec, setup, thrown, within } from "./sheets-helpers.js";
import type { Workspace } from "../src/workspace.js";

/** The application form's questions, in order (the responses sheet's header after "Timestamp"). */
const QUESTION_TITLES = [
  "Nama lengkap",
  "NIP",
  "Nomor HP",
  "Status",
  "OPD",
  "Layanan",
  "Tanggal surat",
  "Keterangan",
];

const APPLICANT = "pemohon@gmail.com";

interface Env {
  ws: Workspace;
  ss: Spreadsheet;
  formApp: FormApp;
}

function env(): Env {
  const { ws } = setup();
  const formApp = installForms(ws).FormApp as FormApp;
  const ss = createBoundSpreadsheet(ws, "Register Surel");
  return { ws, ss, formApp };
}

/** A small application form like the project's. */
function applicationForm({ formApp, ss }: Env, link = true): Form {
  const form = formApp.create("Pendaftaran Surel Dinas");
  form.setDescription("Formulir permohonan akun surel dinas").setConfirmationMessage("Terima kasih");
  // As the project's setup does: published (created unpublished after 30 June 2026) and open to
  // respondents outside the domain.
  form.setPublished(true).setRequireLogin(false);
  form.addTextItem().setTitle("Nama lengkap").setRequired(true);
  form
    .addTextItem()
    .setTitle("NIP")
    .setRequired(true)
    .setValidation(
      formApp
        .createTextValidation()
        .requireTextMatchesPattern("\\d{18}")
        .setHelpText("NIP harus 18 angka")
        .build(),
    );
  form.addTextItem().setTitle("Nomor HP").setRequired(false);
  form.addSectionHeaderItem().setTitle("Data akun");
  form
    .addMultipleChoiceItem()
    .setTitle("Status")
    .setChoiceValues(["PNS", "PPPK", "Non-ASN"])
    .setRequired(true);
  form.addListItem().setTitle("OPD").setChoiceValues(["Diskominfo", "Dinkes"]);
  form
    .addCheckboxItem()
    .setTitle("Layanan")
    .setChoiceValues(["Surel", "Drive", "Kalender"])
    .setValidation(formApp.createCheckboxValidation().requireSelectAtMost(2).build());
  form.addDateItem().setTitle("Tanggal surat");
  form
    .addParagraphTextItem()
    .setTitle("Keterangan")
    .setValidation(formApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(20).build());
  if (link) form.setDestination("SPREADSHEET", ss.getId());
  return form;
}

const ANSWERS = {
  "Nama lengkap": "Budi Santoso",
  NIP: "198001012005011001",
  "Nomor HP": "081234567890",
  Status: "PNS",
  OPD: "Diskominfo",
  Layanan: ["Surel", "Drive"],
  "Tanggal surat": "2026-11-20",
};

function triggerOn(ws: Workspace, sourceId: string, uid = "t-submit-1"): void {
  ws.triggers.push({
    uid,
    handler: "onFormSubmit",
    eventType: "ON_FORM_SUBMIT",
    sourceId,
    owner: ws.owner.email,
  });
}

describe("publishing and who may respond", () => {
  it("a form created after 30 June 2026 starts unpublished and takes nothing until published", () => {
    const e = env();
    const form = e.formApp.create("Baru");
    form.addTextItem().setTitle("Nama");
    form.setRequireLogin(false);
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(thrown(() => submitResponse(e.ws, form.getId(), { Nama: "Budi" })).message).toMatch(
      /not published/,
    );
    form.setPublished(true);
    expect(form.isPublished()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(submitResponse(e.ws, form.getId(), { Nama: "Budi" }).responseId).toMatch(/^2_/);
  });

  it("a form created before 1 July 2026 is published at once", () => {
    const { ws } = setup({ startMs: Date.UTC(2026, 5, 30, 12) });
    const formApp = installForms(ws).FormApp as FormApp;
    expect(formApp.create("Lama").isPublished()).toBe(true);
  });

  it("a Workspace form starts restricted to the domain: an applicant without an account is turned away", () => {
    const e = env();
    const form = e.formApp.create("Terbatas").setPublished(true);
    form.addTextItem().setTitle("Nama");
    expect(form.requiresLogin()).toBe(true);
    expect(thrown(() => submitResponse(e.ws, form.getId(), { Nama: "Budi" })).message).toMatch(/Sign in/);
    expect(
      thrown(() => submitResponse(e.ws, form.getId(), { Nama: "Budi" }, { respondent: APPLICANT })).message,
    ).toMatch(/owner's organization/);
    const staff = `staf@${e.ws.domain}`;
    expect(submitResponse(e.ws, form.getId(), { Nama: "Budi" }, { respondent: staff }).row).toBe(0);
    form.setRequireLogin(false);
    expect(submitResponse(e.ws, form.getId(), { Nama: "Ani" }).responseId).toMatch(/^2_/);
  });
});

describe("FormApp and Form", () => {
  it("creates a form with items, URLs and settings", () => {
    const e = env();
    const form = applicationForm(e, false);
    expect(form.getTitle()).toBe("Pendaftaran Surel Dinas");
    expect(form.getId()).toHaveLength(44);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS[\w-]+\/viewform$/,
    );
    expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\/[\w-]{16}$/);
    expect(form.shortenFormUrl(form.getPublishedUrl())).toBe(form.shortenFormUrl(form.getPublishedUrl()));
    expect(form.getItems().map((i) => [i.getTitle(), i.getType()])).toEqual([
      ["Nama lengkap", "TEXT"],
      ["NIP", "TEXT"],
      ["Nomor HP", "TEXT"],
      ["Data akun", "SECTION_HEADER"],
      ["Status", "MULTIPLE_CHOICE"],
      ["OPD", "LIST"],
      ["Layanan", "CHECKBOX"],
      ["Tanggal surat", "DATE"],
      ["Keterangan", "PARAGRAPH_TEXT"],
    ]);
    expect(form.getItems("TEXT")).toHaveLength(3);
    const status = form.getItems()[4]!.asMultipleChoiceItem();
    expect(status.getChoices().map((c) => c.getValue())).toEqual(["PNS", "PPPK", "Non-ASN"]);
    expect(status.isRequired()).toBe(true);
    expect(status.getIndex()).toBe(4);
    expect(thrown(() => form.getItems()[0]!.asListItem()).message).toBe(
      "Invalid conversion for item type: TEXT",
    );
    form.setCollectEmail(true).setLimitOneResponsePerUser(true).setAllowResponseEdits(true);
    expect([form.collectsEmail(), form.hasLimitOneResponsePerUser(), form.canEditResponse()]).toEqual([
      true,
      true,
      true,
    ]);
    expect(form.getConfirmationMessage()).toBe("Terima kasih");
    expect(e.formApp.getActiveForm()).toBeNull();
    expect(e.formApp.openById(form.getId()).getTitle()).toBe("Pendaftaran Surel Dinas");
    expect(e.formApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    expect(thrown(() => e.formApp.openById("x")).message).toContain(
      "No item with the given ID could be found",
    );
    expect((e.formApp.gasProps() as { ItemType: Record<string, string> }).ItemType.CHECKBOX).toBe("CHECKBOX");
  });

  it("items can be moved and deleted; choices built with createChoice", () => {
    const e = env();
    const form = applicationForm(e, false);
    const opd = form.getItems()[5]!.asListItem();
    opd.setChoices([opd.createChoice("Bappeda"), opd.createChoice("Disdik")]);
    expect(opd.getChoices().map((c) => c.getValue())).toEqual(["Bappeda", "Disdik"]);
    form.moveItem(5, 0);
    expect(form.getItems()[0]!.getTitle()).toBe("OPD");
    form.deleteItem(form.getItems()[0]!);
    form.deleteItem(2);
    expect(
      form
        .getItems()
        .map((i) => i.getTitle())
        .slice(0, 3),
    ).toEqual(["Nama lengkap", "NIP", "Data akun"]);
    expect(thrown(() => form.deleteItem(99)).message).toBe("Invalid argument: index");
  });

  it("only the form's editors can change it", () => {
    const e = env();
    const form = applicationForm(e, false);
    const ctx = exec(e.ws, { effectiveUser: "staf@kota.go.id", activeUser: "staf@kota.go.id" });
    expect(thrown(() => within(e.ws, ctx, () => e.formApp.openById(form.getId()))).message).toContain(
      "No item",
    );
    expect(thrown(() => within(e.ws, ctx, () => form.setTitle("x"))).message).toBe(
      "You do not have permission to edit this form.",
    );
  });
});

describe("response destination", () => {
  it("setDestination creates 'Form Responses 1' first in the tab order with the header row", () => {
    const e = env();
    const form = applicationForm(e);
    const sheets = e.ss.getSheets();
    expect(sheets.map((s) => s.getName())).toEqual(["Form Responses 1", "Sheet1"]);
    const responses = sheets[0]!;
    expect(sheetToTable(responses)).toEqual([["Timestamp", ...QUESTION_TITLES]]);
    expect(responses.getFrozenRows()).toBe(1);
    expect(responses.getFormUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/viewform`);
    expect(e.ss.getFormUrl()).toBe(responses.getFormUrl());
    expect(e.ss.getSheetByName("Sheet1")!.getFormUrl()).toBeNull();
    expect(form.getDestinationId()).toBe(e.ss.getId());
    expect(form.getDestinationType()).toBe("SPREADSHEET");
    expect(formDestination(e.ws, form.getId())).toEqual({
      spreadsheetId: e.ss.getId(),
      sheetName: "Form Responses 1",
    });
    // A second linked form gets the next number.
    const second = e.formApp.create("Lain");
    second.addTextItem().setTitle("Apa");
    second.setDestination("SPREADSHEET", e.ss.getId());
    expect(e.ss.getSheets()[0]!.getName()).toBe("Form Responses 2");
    // Unlinking keeps the sheet.
    form.removeDestination();
    expect(thrown(() => form.getDestinationId()).message).toBe(
      "This form does not currently have a response destination.",
    );
    expect(e.ss.getSheetByName("Form Responses 1")!.getFormUrl()).toBeNull();
  });

  it("the linked responses sheet cannot be deleted while linked", () => {
    const e = env();
    applicationForm(e);
    expect(thrown(() => e.ss.deleteSheet(e.ss.getSheetByName("Form Responses 1")!)).message).toContain(
      "linked to a form",
    );
  });

  it("existing responses are written when a destination is set later", () => {
    const e = env();
    const form = applicationForm(e, false);
    submitResponse(e.ws, form.getId(), ANSWERS);
    form.setDestination("SPREADSHEET", e.ss.getId());
    expect(e.ss.getSheetByName("Form Responses 1")!.getLastRow()).toBe(2);
  });
});

describe("submitResponse", () => {
  it("appends the row (timestamp Date first, answers in item order) and fires the real SheetsOnFormSubmit shape", () => {
    const e = env();
    const form = applicationForm(e);
    triggerOn(e.ws, e.ss.getId());
    const at = Date.UTC(2026, 10, 23, 2, 4, 5); // 09:04:05 WIB
    const { row } = submitResponse(e.ws, form.getId(), ANSWERS, { atMs: at, respondent: APPLICANT });
    expect(row).toBe(2);
    const sheet = e.ss.getSheetByName("Form Responses 1")!;
    const values = sheet.getRange(2, 1, 1, 9).getValues()[0]!;
    expect(values[0]).toBeInstanceOf(Date);
    expect((values[0] as Date).getTime()).toBe(at);
    expect(values.slice(1)).toEqual([
      "Budi Santoso",
      198001012005011000,
      81234567890,
      "PNS",
      "Diskominfo",
      "Surel, Drive",
      new Date(Date.UTC(2026, 10, 19, 17)),
      "",
    ]);
    expect(sheet.getRange(2, 1).getDisplayValue()).toBe("23/11/2026 9:04:05");
    expect(e.ws.pending).toHaveLength(1);
    const p = e.ws.pending[0]!;
    expect(p).toMatchObject({ handler: "onFormSubmit", kind: "installable", triggerUid: "t-submit-1" });
    const ev = p.event() as Record<string, unknown>;
    expect(Object.keys(ev).sort()).toEqual(["authMode", "namedValues", "range", "triggerUid", "values"]);
    expect(ev.authMode).toBe("FULL");
    expect(ev.values).toEqual([
      "23/11/2026 9:04:05",
      "Budi Santoso",
      "198001012005011001",
      "081234567890",
      "PNS",
      "Diskominfo",
      "Surel, Drive",
      "20/11/2026",
      "",
    ]);
    expect(ev.namedValues).toEqual({
      Timestamp: ["23/11/2026 9:04:05"],
      "Nama lengkap": ["Budi Santoso"],
      NIP: ["198001012005011001"],
      "Nomor HP": ["081234567890"],
      Status: ["PNS"],
      OPD: ["Diskominfo"],
      Layanan: ["Surel, Drive"],
      "Tanggal surat": ["20/11/2026"],
      Keterangan: [""],
    });
    expect((ev.range as Range).getA1Notation()).toBe("A2:I2");
    expect((ev.range as Range).getSheet().getName()).toBe("Form Responses 1");
  });

  it("a column formatted as plain text keeps the digits the sheet would otherwise turn into numbers", () => {
    const e = env();
    const form = applicationForm(e);
    const sheet = e.ss.getSheetByName("Form Responses 1")!;
    sheet.getRange("C2:D").setNumberFormat("@");
    submitResponse(e.ws, form.getId(), ANSWERS);
    expect(sheet.getRange("C2:D2").getValues()).toEqual([["198001012005011001", "081234567890"]]);
  });

  it("rejects what the form UI would not send", () => {
    const e = env();
    const form = applicationForm(e);
    const bad = (answers: Record<string, string | string[]>): string[] => {
      try {
        submitResponse(e.ws, form.getId(), answers);
      } catch (err) {
        expect(err).toBeInstanceOf(FormSubmitError);
        return (err as FormSubmitError).problems.map((p) => `${p.title}: ${p.message}`);
      }
      throw new Error("accepted");
    };
    expect(bad({ "Nama lengkap": "Budi" })).toEqual([
      "NIP: This is a required question",
      "Status: This is a required question",
    ]);
    expect(bad({ ...ANSWERS, NIP: "1980 0101" })).toEqual(["NIP: NIP harus 18 angka"]);
    expect(bad({ ...ANSWERS, NIP: "x198001012005011001" })).toEqual(["NIP: NIP harus 18 angka"]);
    expect(bad({ ...ANSWERS, Status: "Honorer" })).toEqual(["Status: Not one of the choices: Honorer"]);
    expect(bad({ ...ANSWERS, OPD: "Dinas Lain" })).toEqual(["OPD: Not one of the choices: Dinas Lain"]);
    expect(bad({ ...ANSWERS, Layanan: ["Surel", "Drive", "Kalender"] })).toEqual([
      "Layanan: Must select at most 2 options",
    ]);
    expect(bad({ ...ANSWERS, "Tanggal surat": "31/02/2026" })).toEqual(["Tanggal surat: Invalid date"]);
    expect(bad({ ...ANSWERS, Keterangan: "x".repeat(21) })).toEqual([
      "Keterangan: Must be fewer than 21 characters",
    ]);
    expect(bad({ ...ANSWERS, Jabatan: "Staf" })).toEqual(["Jabatan: No such question on the form"]);
    expect(bad({ ...ANSWERS, Status: ["PNS"] })).toEqual(["Status: Only one answer is allowed"]);
    expect(e.ss.getSheetByName("Form Responses 1")!.getLastRow()).toBe(1);
    expect(form.getResponses()).toHaveLength(0);
    expect(e.ws.pending).toHaveLength(0);
    form.setAcceptingResponses(false);
    expect(() => submitResponse(e.ws, form.getId(), ANSWERS)).toThrow(/no longer accepting/);
  });

  it("text validation rules: the last require… wins; numbers, e-mail, patterns", () => {
    const e = env();
    const form = e.formApp.create("Uji").setPublished(true).setRequireLogin(false);
    const item = (title: string, v: ReturnType<ReturnType<FormApp["createTextValidation"]>["build"]>) =>
      form.addTextItem().setTitle(title).setValidation(v);
    const tv = () => e.formApp.createTextValidation();
    item("Surel", tv().requireTextMatchesPattern("\\d+").requireTextIsEmail().build());
    item("Umur", tv().requireWholeNumber().build());
    item("Nilai", tv().requireNumberBetween(1, 10).build());
    item("Kode", tv().requireTextContainsPattern("SRL-").build());
    item("Singkat", tv().requireTextLengthLessThanOrEqualTo(3).build());
    const ok = (answers: Record<string, string>) => {
      try {
        submitResponse(e.ws, form.getId(), answers);
        return true;
      } catch (err) {
        if (err instanceof FormSubmitError) return false;
        throw err;
      }
    };
    expect(ok({ Surel: "a@b.go.id" })).toBe(true);
    expect(ok({ Surel: "12345" })).toBe(false);
    expect(ok({ Umur: "41" })).toBe(true);
    expect(ok({ Umur: "41,5" })).toBe(false);
    expect(ok({ Nilai: "10" })).toBe(true);
    expect(ok({ Nilai: "11" })).toBe(false);
    expect(ok({ Kode: "no SRL-12" })).toBe(true);
    expect(ok({ Kode: "no 12" })).toBe(false);
    expect(ok({ Singkat: "abc" })).toBe(true);
    expect(ok({ Singkat: "abcd" })).toBe(false);
  });

  it("collect e-mail adds the 'Email Address' column; limit one response per user", () => {
    const e = env();
    const form = applicationForm(e, false);
    form.setCollectEmail(true).setLimitOneResponsePerUser(true);
    form.setDestination("SPREADSHEET", e.ss.getId());
    const sheet = e.ss.getSheetByName("Form Responses 1")!;
    expect(sheet.getRange("A1:C1").getValues()[0]).toEqual(["Timestamp", "Email Address", "Nama lengkap"]);
    expect(() => submitResponse(e.ws, form.getId(), ANSWERS)).toThrow(FormSubmitError);
    submitResponse(e.ws, form.getId(), ANSWERS, { respondent: APPLICANT });
    expect(sheet.getRange("B2").getValue()).toBe(APPLICANT);
    expect(() => submitResponse(e.ws, form.getId(), ANSWERS, { respondent: APPLICANT })).toThrow(
      /already responded/,
    );
    expect(form.getResponses()[0]!.getRespondentEmail()).toBe(APPLICANT);
  });

  it("duplicate delivery queues the same event twice; a blank event has empty namedValues and values", () => {
    const e = env();
    const form = applicationForm(e);
    triggerOn(e.ws, e.ss.getId());
    submitResponse(e.ws, form.getId(), ANSWERS, { duplicateDelivery: true });
    expect(e.ws.pending).toHaveLength(2);
    const [a, b] = e.ws.pending.map((p) => p.event() as { values: string[]; range: Range });
    expect(a!.values).toEqual(b!.values);
    expect(a!.range.getRow()).toBe(b!.range.getRow());
    expect(e.ss.getSheetByName("Form Responses 1")!.getLastRow()).toBe(2);
    fireBlankFormSubmit(e.ws, e.ss.getId());
    const blank = e.ws.pending[2]!.event() as Record<string, unknown>;
    expect(blank.namedValues).toEqual({});
    expect(blank.values).toEqual([]);
    expect((blank.range as Range).getRow()).toBe(2);
    expect(e.ws.pending[2]!.activeUser).toBe("");
  });

  it("two installed triggers mean two executions; a form-side trigger gets the Forms event shape", () => {
    const e = env();
    const form = applicationForm(e);
    triggerOn(e.ws, e.ss.getId(), "a");
    triggerOn(e.ws, e.ss.getId(), "b");
    triggerOn(e.ws, form.getId(), "f");
    submitResponse(e.ws, form.getId(), ANSWERS, { respondent: APPLICANT });
    expect(e.ws.pending.map((p) => p.triggerUid)).toEqual(["a", "b", "f"]);
    const fe = e.ws.pending[2]!.event() as Record<string, unknown>;
    expect(Object.keys(fe).sort()).toEqual(["authMode", "response", "source", "triggerUid"]);
    const response = fe.response as {
      getItemResponses(): { getItem(): { getTitle(): string }; getResponse(): unknown }[];
    };
    const answered = response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]);
    expect(answered).toEqual([
      ["Nama lengkap", "Budi Santoso"],
      ["NIP", "198001012005011001"],
      ["Nomor HP", "081234567890"],
      ["Status", "PNS"],
      ["OPD", "Diskominfo"],
      ["Layanan", ["Surel", "Drive"]],
      ["Tanggal surat", "2026-11-20"],
    ]);
    expect((fe.source as Form).getId()).toBe(form.getId());
  });

  it("new questions get a new column; renamed questions rename the header; inserted columns are respected", () => {
    const e = env();
    const form = applicationForm(e);
    const sheet = e.ss.getSheetByName("Form Responses 1")!;
    sheet.insertColumnBefore(2);
    sheet.getRange("B1").setValue("Catatan admin");
    form.getItems()[0]!.setTitle("Nama");
    form.addTextItem().setTitle("Jabatan");
    const { "Nama lengkap": _old, ...rest } = ANSWERS;
    submitResponse(e.ws, form.getId(), { ...rest, Nama: "Siti", Jabatan: "Analis" });
    const table = sheetToTable(sheet);
    expect(table[0]).toEqual([
      "Timestamp",
      "Catatan admin",
      "Nama",
      "NIP",
      "Nomor HP",
      "Status",
      "OPD",
      "Layanan",
      "Tanggal surat",
      "Keterangan",
      "Jabatan",
    ]);
    expect(table[1]![1]).toBe("");
    expect(table[1]![2]).toBe("Siti");
    expect(table[1]![10]).toBe("Analis");
  });

  it("the response survives as a FormResponse; deleteAllResponses keeps the sheet rows", () => {
    const e = env();
    const form = applicationForm(e);
    const { responseId } = submitResponse(e.ws, form.getId(), ANSWERS, { atMs: Date.UTC(2026, 10, 23) });
    const r = form.getResponse(responseId);
    expect(r.getTimestamp().getTime()).toBe(Date.UTC(2026, 10, 23));
    expect(r.getRespondentEmail()).toBe("");
    expect(r.getResponseForItem(form.getItems()[1]!)!.getResponse()).toBe("198001012005011001");
    expect(r.getResponseForItem(form.getItems()[8]!)).toBeNull();
    expect(form.getResponses(new Date(Date.UTC(2026, 10, 24)))).toHaveLength(0);
    form.deleteAllResponses();
    expect(form.getResponses()).toHaveLength(0);
    expect(e.ss.getSheetByName("Form Responses 1")!.getLastRow()).toBe(2);
  });

  it("formQuestions lists the questions to build answers from", () => {
    const e = env();
    const form = applicationForm(e);
    const qs = formQuestions(e.ws, form.getId());
    expect(qs.map((q) => q.title)).toEqual(QUESTION_TITLES);
    expect(qs.find((q) => q.title === "Status")).toMatchObject({ type: "MULTIPLE_CHOICE", required: true });
    expect(openForm(e.ws, form.getId()).getTitle()).toBe("Pendaftaran Surel Dinas");
  });
});

describe("CSV", () => {
  it("parses RFC 4180 with a BOM, CRLF, quotes, embedded commas, quotes and line breaks", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","line1\r\nline2"\r\n,,\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "line1\r\nline2"],
      ["", "", ""],
    ]);
    expect(parseCsv("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("parseFormsCsv gives one record per response keyed by question title", () => {
    const csv =
      '\uFEFF"Timestamp","Nama lengkap","Layanan"\r\n"2026/11/23 9:04:05 AM GMT+7","Budi, S.Kom.","Surel, Drive"\r\n';
    expect(parseFormsCsv(csv)).toEqual([
      { Timestamp: "2026/11/23 9:04:05 AM GMT+7", "Nama lengkap": "Budi, S.Kom.", Layanan: "Surel, Drive" },
    ]);
    expect(parseFormsTimestamp("2026/11/23 9:04:05 AM GMT+7", "Asia/Jakarta")).toBe(
      Date.UTC(2026, 10, 23, 2, 4, 5),
    );
    expect(parseFormsTimestamp("2026/11/23 1:00:00 PM GMT+7", "Asia/Jakarta")).toBe(
      Date.UTC(2026, 10, 23, 6),
    );
    expect(parseFormsTimestamp("23/11/2026 9:04:05", "Asia/Jakarta")).toBe(Date.UTC(2026, 10, 23, 2, 4, 5));
    expect(parseFormsTimestamp("kemarin", "Asia/Jakarta")).toBeNull();
  });

  it("importFormsCsv submits every row with its timestamp; checkbox answers are split", () => {
    const e = env();
    const form = applicationForm(e);
    const csv = [
      "Timestamp,Nama lengkap,NIP,Status,Layanan,Keterangan",
      '23/11/2026 9:00:00,Budi,198001012005011001,PNS,"Surel, Drive",',
      '23/11/2026 9:30:00,Siti,199002022015022002,PPPK,Surel,"catatan, pendek"',
    ].join("\r\n");
    const out = importFormsCsv(e.ws, form.getId(), csv);
    expect(out.map((o) => o.row)).toEqual([2, 3]);
    const responses = form.getResponses();
    expect(responses.map((r) => r.getTimestamp().getTime())).toEqual([
      Date.UTC(2026, 10, 23, 2),
      Date.UTC(2026, 10, 23, 2, 30),
    ]);
    expect(responses[0]!.getResponseForItem(form.getItems()[6]!)!.getResponse()).toEqual(["Surel", "Drive"]);
    expect(sheetToTable(e.ss.getSheetByName("Form Responses 1")!)[2]![8]).toBe("catatan, pendek");
  });
});
