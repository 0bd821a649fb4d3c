import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpWorkspace } from "../src/dump.js";
import {
  cellInfo,
  createBoundSpreadsheet,
  exportSpreadsheetCsv,
  menus,
  sheetToTable,
  toasts,
  userEdit,
  userOpen,
  type Range,
  type Sheet,
  type Spreadsheet,
} from "../src/services/sheets.js";
import { end, exec, setup, thrown, within } from "./sheets-helpers.js";
import type { Workspace } from "../src/workspace.js";

const OFFICIAL = "kabid@kota.go.id";
const STAFF = "staf@kota.go.id";
const OUTSIDER = "someone@gmail.com";

function bound(): { ws: Workspace; ss: Spreadsheet; sheet: Sheet; app: ReturnType<typeof setup>["app"] } {
  const { ws, app } = setup();
  const ss = createBoundSpreadsheet(ws, "Register Surel");
  return { ws, app, ss, sheet: ss.getSheets()[0]! };
}

describe("SpreadsheetApp", () => {
  it("returns the bound spreadsheet, with its id and URL", () => {
    const { app, ss } = bound();
    const active = app.getActiveSpreadsheet()!;
    expect(active).toBe(ss);
    expect(app.getActive()).toBe(ss);
    expect(active.getId()).toHaveLength(44);
    expect(active.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(active.getName()).toBe("Register Surel");
    expect(active.getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
    expect(active.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
  });

  it("openById: missing or unreadable documents fail with the Sheets message", () => {
    const { ws, app, ss } = bound();
    expect(thrown(() => app.openById("nope"))).toEqual({
      name: "Exception",
      message: "Document nope is missing (perhaps it was deleted, or you don't have read access?)",
    });
    expect(app.openById(ss.getId())).toBe(ss);
    const other = exec(ws, { effectiveUser: OUTSIDER, activeUser: OUTSIDER });
    expect(thrown(() => within(ws, other, () => app.openById(ss.getId()))).message).toContain("is missing");
    ss.addViewer(OUTSIDER);
    expect(within(ws, other, () => app.openById(ss.getId()).getName())).toBe("Register Surel");
    expect(app.openByUrl(ss.getUrl())).toBe(ss);
  });

  it("create() makes a spreadsheet owned by the acting user", () => {
    const { ws, app } = bound();
    const ctx = exec(ws, { effectiveUser: STAFF, activeUser: STAFF });
    const created = within(ws, ctx, () => app.create("Arsip"));
    expect(created.getOwner()!.getEmail()).toBe(STAFF);
    expect(created.getSheets()[0]!.getMaxRows()).toBe(1000);
    expect(created.getSheets()[0]!.getMaxColumns()).toBe(26);
    expect(app.create("Kecil", 10, 5).getSheets()[0]!.getMaxColumns()).toBe(5);
  });

  it("getUi: menus are recorded; installable triggers and web apps cannot call it", () => {
    const { ws, app } = bound();
    const simple = exec(ws, {
      kind: "simple",
      authMode: "LIMITED",
      activeUser: OFFICIAL,
      effectiveUser: OFFICIAL,
    });
    within(ws, simple, () =>
      app
        .getUi()
        .createMenu("Surel")
        .addItem("Siapkan", "setup")
        .addSeparator()
        .addItem("Sapu", "sweep")
        .addToUi(),
    );
    expect(menus(ws)).toEqual([
      {
        caption: "Surel",
        items: [
          { caption: "Siapkan", functionName: "setup" },
          { caption: "", separator: true },
          { caption: "Sapu", functionName: "sweep" },
        ],
      },
    ]);
    expect(menus(ws, OFFICIAL)).toHaveLength(1);
    expect(menus(ws, STAFF)).toHaveLength(0);
    for (const kind of ["installable", "webapp"] as const) {
      const ctx = exec(ws, { kind });
      expect(thrown(() => within(ws, ctx, () => app.getUi())).message).toBe(
        "Cannot call SpreadsheetApp.getUi() from this context.",
      );
    }
    expect(app.getUi().alert("Halo")).toBe("OK");
  });

  it("exposes the enums as strings", () => {
    const { app } = bound();
    const props = app.gasProps() as {
      ProtectionType: Record<string, string>;
      DataValidationCriteria: Record<string, string>;
    };
    expect(props.ProtectionType).toEqual({ RANGE: "RANGE", SHEET: "SHEET" });
    expect(props.DataValidationCriteria.VALUE_IN_LIST).toBe("VALUE_IN_LIST");
  });
});

describe("Spreadsheet", () => {
  it("insertSheet / getSheetByName / deleteSheet, names unique regardless of case", () => {
    const { ss } = bound();
    const reg = ss.insertSheet("Register");
    expect(reg.getIndex()).toBe(2);
    expect(ss.getActiveSheet()).toBe(reg);
    expect(thrown(() => ss.insertSheet("register")).message).toBe(
      'A sheet with the name "register" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName("REGISTER")).toBe(reg);
    expect(ss.getSheetByName("Tidak ada")).toBeNull();
    const first = ss.insertSheet("Pengaturan", 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheetById(reg.getSheetId())).toBe(reg);
    expect(ss.insertSheet().getName()).toBe("Sheet4");
    expect(thrown(() => reg.setName("pengaturan")).message).toContain("already exists");
    ss.deleteSheet(reg);
    expect(ss.getSheetByName("Register")).toBeNull();
    expect(ss.getNumSheets()).toBe(3);
  });

  it("cannot delete the last visible sheet", () => {
    const { ss, sheet } = bound();
    expect(thrown(() => ss.deleteSheet(sheet)).message).toBe(
      "You can't remove all the visible sheets in a document.",
    );
  });

  it("getRange with a sheet name, quoted names and open-ended references", () => {
    const { ss } = bound();
    const s = ss.insertSheet("Form Responses 1");
    expect(ss.getRange("'Form Responses 1'!B2:C3").getSheet()).toBe(s);
    expect(ss.getRange("'Form Responses 1'!B2:C3").getA1Notation()).toBe("B2:C3");
    const col = ss.getRange("Sheet1!A2:A");
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([2, 999, 1]);
    const rows = s.getRange("2:3");
    expect([rows.getNumRows(), rows.getNumColumns()]).toEqual([2, 26]);
    expect(thrown(() => ss.getRange("Nope!A1")).message).toBe("Range not found");
  });

  it("editors, viewers and owner", () => {
    const { ws, ss } = bound();
    ss.addEditor(OFFICIAL).addEditors([STAFF]);
    ss.addViewer("viewer@kota.go.id");
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([ws.owner.email, OFFICIAL, STAFF]);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual(["viewer@kota.go.id"]);
    ss.removeEditor(STAFF);
    expect(ss.getEditors()).toHaveLength(2);
    expect(ss.getOwner()!.getEmail()).toBe(ws.owner.email);
  });

  it("toasts are recorded per user and execution", () => {
    const { ws, ss } = bound();
    const ctx = exec(ws, { activeUser: OFFICIAL, effectiveUser: ws.owner.email });
    within(ws, ctx, () => ss.toast("Permohonan diteruskan", "Surel", 5));
    ss.toast("dari harness");
    expect(toasts(ws)).toEqual([
      expect.objectContaining({
        message: "Permohonan diteruskan",
        title: "Surel",
        user: OFFICIAL,
        execution: ctx.id,
      }),
      expect.objectContaining({ message: "dari harness", title: "", user: ws.owner.email, execution: null }),
    ]);
  });

  it("named ranges", () => {
    const { ss, sheet } = bound();
    ss.setNamedRange("Pejabat", sheet.getRange("B2:B5"));
    expect(ss.getRangeByName("Pejabat")!.getA1Notation()).toBe("B2:B5");
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName("Pejabat")!.getA1Notation()).toBe("B4:B7");
    expect(ss.getRangeByName("Lain")).toBeNull();
    expect(thrown(() => ss.setNamedRange("A1", sheet.getRange("A1"))).message).toContain("not a valid");
  });
});

describe("Sheet geometry", () => {
  it("getRange errors carry the Sheets messages", () => {
    const { sheet } = bound();
    expect(thrown(() => sheet.getRange(1, 1, 0, 1))).toEqual({
      name: "Exception",
      message: "The number of rows in the range must be at least 1.",
    });
    expect(thrown(() => sheet.getRange(1, 1, 1, 0)).message).toBe(
      "The number of columns in the range must be at least 1.",
    );
    expect(thrown(() => sheet.getRange(1.5, 1)).message).toBe(
      "The coordinates or dimensions of the range are invalid.",
    );
    expect(thrown(() => sheet.getRange(Number.NaN, 1)).message).toBe(
      "The coordinates or dimensions of the range are invalid.",
    );
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe("The starting row of the range is too small.");
    expect(thrown(() => sheet.getRange(1001, 1)).message).toBe(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(thrown(() => sheet.getRange(1, 1, 1, 27)).message).toContain("outside the dimensions");
    expect(sheet.getRange("A1:B").getNumRows()).toBe(1000);
    expect(thrown(() => sheet.getRange("!!")).message).toBe("Range not found");
  });

  it("range geometry, offset and getCell", () => {
    const { sheet } = bound();
    const r = sheet.getRange("B3:D7");
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([3, 2, 5, 3, 7, 4]);
    expect(r.offset(1, 1).getA1Notation()).toBe("C4:E8");
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe("B3");
    expect(r.getCell(2, 3).getA1Notation()).toBe("D4");
    expect(thrown(() => r.getCell(6, 1)).message).toContain("outside");
    expect(sheet.getRange(2, 28 - 27, 1, 26).getA1Notation()).toBe("A2:Z2");
  });

  it("getLastRow/getLastColumn follow content; getDataRange spans it", () => {
    const { sheet } = bound();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("C5").setValue("x");
    sheet.getRange("A2").setValue(0);
    sheet.getRange("B9").setNote("catatan saja");
    sheet.getRange("B10").setBackground("red");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C5");
    sheet.getRange("C5").clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 1]);
    sheet.getRange("D7").setFormula("=A2");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 4]);
  });

  it("getLastRow stays cheap on a 10,000-row register (no scan on repeated calls)", () => {
    const { sheet } = bound();
    sheet.insertRowsAfter(1000, 9500);
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      i + 1,
      `Pemohon ${i + 1}`,
      "MENUNGGU",
      new Date(0),
    ]);
    sheet.getRange(1, 1, 10_000, 4).setValues(rows);
    expect(sheet.getLastRow()).toBe(10_000);
    const model = sheet._model;
    let touched = 0;
    model.rows = new Proxy(model.rows, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) touched++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    for (let i = 0; i < 1000; i++) expect(sheet.getLastRow()).toBe(10_000);
    expect(touched).toBe(0);
    sheet.appendRow([10_001, "Baru", "MENUNGGU"]);
    expect(sheet.getLastRow()).toBe(10_001);
    expect(sheet.getLastColumn()).toBe(4);
  });

  it("appendRow writes below the last row with content and grows a full sheet", () => {
    const { ws, app } = bound();
    const ss = app.create("Kecil", 3, 2);
    const s = ss.getSheets()[0]!;
    s.getRange("A1").setValue("Judul");
    s.appendRow(["a", "b"]);
    s.appendRow(["c", "d"]);
    expect(s.getMaxRows()).toBe(3);
    s.appendRow(["e", "f", "g"]);
    expect([s.getMaxRows(), s.getMaxColumns(), s.getLastRow()]).toEqual([4, 3, 4]);
    expect(sheetToTable(s)).toEqual([
      ["Judul", "", ""],
      ["a", "b", ""],
      ["c", "d", ""],
      ["e", "f", "g"],
    ]);
    void ws;
  });

  it("insert and delete rows and columns; protections and data move with them", () => {
    const { ss, sheet } = bound();
    sheet.getRange("A1:A4").setValues([["1"], ["2"], ["3"], ["4"]]);
    const p = sheet.getRange("A3:B3").protect();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange("A1:A6").getValues().flat()).toEqual([1, "", "", 2, 3, 4]);
    expect(p.getRange().getA1Notation()).toBe("A5:B5");
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange("A1:A4").getValues().flat()).toEqual([1, 2, 3, 4]);
    expect(p.getRange().getA1Notation()).toBe("A3:B3");
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange("B1").getValue()).toBe(1);
    expect(p.getRange().getA1Notation()).toBe("B3:C3");
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumn(1);
    expect(sheet.getRange("A4").getValue()).toBe(4);
    sheet.deleteRow(3);
    expect(ss.getProtections("RANGE")).toHaveLength(0);
    expect(thrown(() => sheet.deleteRows(1, sheet.getMaxRows())).message).toBe(
      "Sorry, it is not possible to delete all non-frozen rows.",
    );
  });

  it("frozen rows, widths, tab colour, hiding", () => {
    const { ss, sheet } = bound();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(2, 240).setColumnWidths(3, 2, 80).setTabColor("#FF0000");
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([
      100, 240, 80,
    ]);
    expect(sheet.getTabColor()).toBe("#ff0000");
    sheet.getRange("A1").setValue("Nama lengkap pemohon");
    sheet.autoResizeColumns(1, 1);
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(100);
    expect(thrown(() => sheet.hideSheet()).message).toContain("hide all");
    ss.insertSheet("Log").hideSheet();
    expect(ss.getSheetByName("Log")!.isSheetHidden()).toBe(true);
  });
});

describe("Range values", () => {
  it("setValues width/height mismatch messages", () => {
    const { sheet } = bound();
    const r = sheet.getRange(1, 1, 2, 4);
    expect(
      thrown(() =>
        r.setValues([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 5],
        ]),
      ),
    ).toEqual({
      name: "Exception",
      message:
        "The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.",
    });
    expect(thrown(() => r.setValues([[1, 2, 3, 4]])).message).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it("keeps numbers, booleans and Dates; empty cells read as empty strings", () => {
    const { sheet } = bound();
    const d = new Date(Date.UTC(2026, 10, 23, 2, 30, 15));
    sheet.getRange("A1:D1").setValues([[42.5, true, d, null]]);
    const [row] = sheet.getRange("A1:E1").getValues();
    expect(row).toEqual([42.5, true, d, "", ""]);
    expect(row![2]).toBeInstanceOf(Date);
    (row![2] as Date).setFullYear(1999);
    expect((sheet.getRange("C1").getValue() as Date).getTime()).toBe(d.getTime());
    expect(sheet.getRange("A1").getValue()).toBe(42.5);
  });

  it("interprets strings as Sheets does: numbers lose leading zeros and digits past 15, apostrophe keeps text", () => {
    const { sheet } = bound();
    sheet
      .getRange("A1:F1")
      .setValues([["081234567890", "198001012005011001", "'081234567890", "TRUE", "1,5", "1.5"]]);
    expect(sheet.getRange("A1:F1").getValues()[0]).toEqual([
      81234567890,
      198001012005011000,
      "081234567890",
      true,
      1.5,
      "1.5",
    ]);
    expect(sheet.getRange("B1").getDisplayValue()).toBe("1,98001E+17");
    sheet.getRange("G1:G2").setNumberFormat("@");
    sheet.getRange("G1").setValue("081234567890");
    expect(sheet.getRange("G1").getValue()).toBe("081234567890");
    sheet.getRange("H1").setValue("23/11/2026");
    const h = sheet.getRange("H1").getValue() as Date;
    expect(h.toISOString()).toBe("2026-11-22T17:00:00.000Z");
    sheet.getRange("H2").setValue("2026-11-23 08:15");
    expect((sheet.getRange("H2").getValue() as Date).toISOString()).toBe("2026-11-23T01:15:00.000Z");
    sheet.getRange("H3").setValue("31/02/2026");
    expect(sheet.getRange("H3").getValue()).toBe("31/02/2026");
  });

  it("formulas: '=...' becomes a formula (not computed); a leading apostrophe stores the text", () => {
    const { sheet } = bound();
    sheet.getRange("A1:B1").setValues([["=SUM(C1:C3)", '\'=HYPERLINK("x")']]);
    sheet.appendRow(["=1+1", "+62 812"]);
    expect(sheet.getRange("A1").getFormula()).toBe("=SUM(C1:C3)");
    expect(sheet.getRange("A1").getValue()).toBe("");
    expect(sheet.getRange("B1").getValue()).toBe('=HYPERLINK("x")');
    expect(sheet.getRange("B1").getFormula()).toBe("");
    expect(sheet.getRange("A2:B2").getFormulas()).toEqual([["=1+1", ""]]);
    sheet.getRange("C1").setFormula("A1*2");
    expect(sheet.getRange("C1").getFormula()).toBe("=A1*2");
    sheet.getRange("D1:E1").setFormulas([["=A1", ""]]);
    expect(sheet.getRange("D1:E1").getFormulas()).toEqual([["=A1", ""]]);
    expect(sheetToTable(sheet)[0]).toEqual(["=SUM(C1:C3)", '=HYPERLINK("x")', "=A1*2", "=A1"]);
  });

  it("setValue fills every cell of the range; getValue reads the top-left", () => {
    const { sheet } = bound();
    sheet.getRange("A1:B2").setValue("x");
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
    expect(sheet.getRange("A1:B2").isBlank()).toBe(false);
    expect(sheet.getRange("C1:C2").isBlank()).toBe(true);
  });

  it("rejects more than 50,000 characters in one cell", () => {
    const { sheet } = bound();
    expect(thrown(() => sheet.getRange("A1").setValue("x".repeat(50_001))).message).toBe(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    sheet.getRange("A1").setValue("x".repeat(50_000));
    expect((sheet.getRange("A1").getValue() as string).length).toBe(50_000);
  });

  it("display values: id_ID dates in the spreadsheet time zone, decimal comma, number formats", () => {
    const { sheet } = bound();
    const t = new Date(Date.UTC(2026, 10, 23, 1, 5, 9)); // 08:05:09 WIB
    const midnight = new Date(Date.UTC(2026, 10, 22, 17, 0, 0)); // 23/11/2026 00:00 WIB
    sheet.getRange("A1:F1").setValues([[t, midnight, 3.25, true, 1234567.891, "teks"]]);
    expect(sheet.getRange("A1:F1").getDisplayValues()).toEqual([
      ["23/11/2026 8:05:09", "23/11/2026", "3,25", "TRUE", "1234567,891", "teks"],
    ]);
    sheet.getRange("A2:E2").setValues([[t, t, 1234567.891, 0.256, 7]]);
    sheet.getRange("A2:E2").setNumberFormats([["yyyy-mm-dd", "dd mmmm yyyy HH:mm", "#,##0.00", "0%", "000"]]);
    expect(sheet.getRange("A2:E2").getDisplayValues()).toEqual([
      ["2026-11-23", "23 November 2026 08:05", "1.234.567,89", "26%", "007"],
    ]);
    expect(sheet.getRange("A2").getNumberFormat()).toBe("yyyy-mm-dd");
    expect(sheet.getRange("A3").getNumberFormat()).toBe("0.###############");
  });
});

describe("Range notes, formats and validation", () => {
  it("notes, formats and validation rules survive setValues and clearContent", () => {
    const { app, sheet } = bound();
    const r = sheet.getRange("A1:B1");
    const rule = app
      .newDataValidation()
      .requireValueInList(["YA", "TIDAK"], true)
      .setAllowInvalid(false)
      .build();
    r.setNotes([["catatan A", "catatan B"]]);
    r.setBackgrounds([["#FFF", "yellow"]]);
    r.setFontWeight("bold");
    r.setDataValidation(rule);
    r.setValues([["YA", "TIDAK"]]);
    r.clearContent();
    r.setValues([["TIDAK", "YA"]]);
    expect(r.getNotes()).toEqual([["catatan A", "catatan B"]]);
    expect(r.getBackgrounds()).toEqual([["#ffffff", "#ffff00"]]);
    expect(r.getFontWeights()).toEqual([["bold", "bold"]]);
    expect(r.getDataValidations()[0]!.map((v) => v?.getCriteriaType())).toEqual([
      "VALUE_IN_LIST",
      "VALUE_IN_LIST",
    ]);
    expect(r.getDataValidation()!.getCriteriaValues()).toEqual([["YA", "TIDAK"], true]);
    expect(r.getDataValidation()!.getAllowInvalid()).toBe(false);
    r.clearNote();
    expect(r.getNote()).toBe("");
    r.clear();
    expect(r.getBackground()).toBe("#ffffff");
    expect(r.getFontWeight()).toBe("normal");
    expect(r.getDataValidation()).not.toBeNull();
    r.clearDataValidations();
    expect(r.getDataValidation()).toBeNull();
  });

  it("format setters and getters", () => {
    const { sheet } = bound();
    const r = sheet.getRange("A1:B2");
    r.setFontColor("blue").setWrap(true).setHorizontalAlignment("center").setVerticalAlignment("top");
    r.setFontSize(12).setFontStyle("italic").setFontFamily("Roboto");
    expect(r.getFontColor()).toBe("#0000ff");
    expect(r.getWraps()).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(r.getHorizontalAlignments()[1]).toEqual(["center", "center"]);
    expect([r.getVerticalAlignment(), r.getFontSize(), r.getFontStyle(), r.getFontFamily()]).toEqual([
      "top",
      12,
      "italic",
      "Roboto",
    ]);
    r.setHorizontalAlignment(null);
    expect(r.getHorizontalAlignment()).toBe("general");
    expect(sheet.getRange("C1").getBackground()).toBe("#ffffff");
  });

  it("the builder: each require… replaces the criterion; copy and withCriteria", () => {
    const { app } = bound();
    const b = app
      .newDataValidation()
      .requireTextIsEmail()
      .requireNumberBetween(1, 5)
      .setHelpText("1 sampai 5");
    const rule = b.build();
    expect(rule.getCriteriaType()).toBe("NUMBER_BETWEEN");
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
    expect(rule.getHelpText()).toBe("1 sampai 5");
    expect(rule.getAllowInvalid()).toBe(true);
    const copy = rule
      .copy()
      .withCriteria("VALUE_IN_LIST", [["A"], true])
      .build();
    expect(copy.getCriteriaType()).toBe("VALUE_IN_LIST");
    expect(rule.getCriteriaType()).toBe("NUMBER_BETWEEN");
    expect(thrown(() => app.newDataValidation().build()).name).toBe("Exception");
  });
});

describe("Protection", () => {
  function protectedHeader() {
    const env = bound();
    const { ss, sheet, ws } = env;
    ss.addEditor(OFFICIAL).addEditor(STAFF);
    sheet.getRange("A1:C1").setValues([["No", "Nama", "Status"]]);
    const p = sheet.getRange("A1:C1").protect().setDescription("Header");
    return { ...env, p, ws };
  }

  it("a new protection mirrors the spreadsheet's editors until changed", () => {
    const { ws, p, sheet } = protectedHeader();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ws.owner.email, OFFICIAL, STAFF]);
    expect(p.getProtectionType()).toBe("RANGE");
    expect(p.getDescription()).toBe("Header");
    const staff = exec(ws, { effectiveUser: STAFF, activeUser: STAFF, kind: "simple" });
    within(ws, staff, () => sheet.getRange("B1").setValue("Nama Lengkap"));
    end(ws, staff);
    expect(sheet.getRange("B1").getValue()).toBe("Nama Lengkap");
  });

  it("after removeEditors only the owner and the kept editors may write; the script error is the Sheets text", () => {
    const { ws, ss, p, sheet } = protectedHeader();
    p.addEditor(ws.owner.email);
    p.removeEditors(p.getEditors());
    if (p.canDomainEdit()) p.setDomainEdit(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ws.owner.email]);
    const staff = exec(ws, { effectiveUser: STAFF, activeUser: STAFF, kind: "simple" });
    expect(
      thrown(() =>
        within(ws, staff, () =>
          sheet.getRange("A1:B2").setValues([
            ["x", "y"],
            ["z", "w"],
          ]),
        ),
      ),
    ).toEqual({
      name: "Exception",
      message:
        "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    });
    expect(within(ws, staff, () => sheet.getRange("A1").canEdit())).toBe(false);
    expect(within(ws, staff, () => sheet.getRange("A2").canEdit())).toBe(true);
    within(ws, staff, () => sheet.getRange("A2").setValue("ok"));
    // The owner's installable-trigger execution writes freely.
    const trigger = exec(ws, { kind: "installable", effectiveUser: ws.owner.email, activeUser: STAFF });
    within(ws, trigger, () => sheet.getRange("C1").setValue("Status Permohonan"));
    end(ws, trigger);
    expect(sheet.getRange("C1").getValue()).toBe("Status Permohonan");
    // A protection editor may write too.
    p.addEditor(OFFICIAL);
    const official = exec(ws, { effectiveUser: OFFICIAL, activeUser: OFFICIAL, kind: "simple" });
    within(ws, official, () => sheet.getRange("A1").setValue("Nomor"));
    end(ws, official);
    expect(sheet.getRange("A1").getValue()).toBe("Nomor");
    // People editing in the browser are held to the same rule.
    expect(userEdit(ws, STAFF, { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "B1" }, [["x"]])).toEqual({
      ok: false,
      error:
        "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    });
    expect(
      userEdit(ws, OFFICIAL, { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "B1" }, [["Nama"]]),
    ).toEqual({
      ok: true,
    });
    // Staff cannot change or remove the protection.
    expect(thrown(() => within(ws, staff, () => p.remove())).message).toContain("protected");
  });

  it("warning-only protections and domain edit let edits through", () => {
    const { ws, ss, p } = protectedHeader();
    p.removeEditors([OFFICIAL, STAFF]);
    const target = { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "A1" };
    expect(userEdit(ws, STAFF, target, [["x"]]).ok).toBe(false);
    p.setDomainEdit(true);
    expect(userEdit(ws, STAFF, target, [["x"]]).ok).toBe(true);
    p.setDomainEdit(false).setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(userEdit(ws, STAFF, target, [["y"]]).ok).toBe(true);
    p.remove();
    expect(ss.getProtections("RANGE")).toHaveLength(0);
  });

  it("sheet protection with unprotected ranges", () => {
    const { ws, ss, sheet } = bound();
    ss.addEditor(OFFICIAL);
    const p = sheet.protect().setDescription("Register");
    expect(sheet.protect()._model).toBe(p._model);
    p.removeEditors([OFFICIAL]);
    p.setUnprotectedRanges([sheet.getRange("E2:F1000")]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(["E2:F1000"]);
    expect(p.getRange().getA1Notation()).toBe("A1:Z1000");
    const target = (a1: string) => ({ spreadsheetId: ss.getId(), sheet: "Sheet1", a1 });
    expect(userEdit(ws, OFFICIAL, target("E5"), [["Disetujui", "catatan"]]).ok).toBe(true);
    expect(userEdit(ws, OFFICIAL, target("D5"), [["x"]]).ok).toBe(false);
    expect(userEdit(ws, OFFICIAL, target("F5"), [["x", "overflow into G"]]).ok).toBe(false);
    const official = exec(ws, { effectiveUser: OFFICIAL, activeUser: OFFICIAL, kind: "simple" });
    expect(thrown(() => within(ws, official, () => sheet.insertRowsAfter(1, 1))).message).toContain(
      "protected",
    );
    expect(ss.getProtections("SHEET")).toHaveLength(1);
    expect(sheet.getProtections("SHEET")[0]!.getDescription()).toBe("Register");
    expect(thrown(() => sheet.getRange("A1").protect().setUnprotectedRanges([])).message).toContain(
      "sheet protection",
    );
  });

  it("people without edit access cannot write, through a script or the browser", () => {
    const { ws, ss, sheet } = bound();
    ss.addViewer(OUTSIDER);
    const ctx = exec(ws, { effectiveUser: OUTSIDER, activeUser: OUTSIDER });
    expect(thrown(() => within(ws, ctx, () => sheet.getRange("A1").setValue(1))).message).toBe(
      "You do not have permission to access the requested document.",
    );
    expect(userEdit(ws, OUTSIDER, { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "A1" }, [["x"]])).toEqual(
      {
        ok: false,
        error: "You do not have edit access to this spreadsheet.",
      },
    );
  });
});

describe("userEdit and ON_EDIT", () => {
  function withTrigger() {
    const env = bound();
    env.ss.addEditor(OFFICIAL);
    env.ws.triggers.push({
      uid: "t-edit-1",
      handler: "onEditInstalled",
      eventType: "ON_EDIT",
      sourceId: env.ss.getId(),
      owner: env.ws.owner.email,
    });
    return env;
  }
  const at = (ss: Spreadsheet, a1: string) => ({ spreadsheetId: ss.getId(), sheet: "Sheet1", a1 });

  it("a single-cell edit: value and oldValue as strings, user, range, source, triggerUid", () => {
    const { ws, ss, sheet } = withTrigger();
    sheet.getRange("D2").setValue("MENUNGGU");
    expect(ws.pending).toHaveLength(0);
    expect(userEdit(ws, OFFICIAL, at(ss, "D2"), [["DISETUJUI"]])).toEqual({ ok: true });
    expect(ws.pending).toHaveLength(1);
    const p = ws.pending[0]!;
    expect(p).toMatchObject({
      handler: "onEditInstalled",
      kind: "installable",
      activeUser: OFFICIAL,
      effectiveUser: ws.owner.email,
    });
    const e = p.event() as Record<string, unknown>;
    expect(Object.keys(e).sort()).toEqual([
      "authMode",
      "oldValue",
      "range",
      "source",
      "triggerUid",
      "user",
      "value",
    ]);
    expect(e.value).toBe("DISETUJUI");
    expect(e.oldValue).toBe("MENUNGGU");
    expect(e.triggerUid).toBe("t-edit-1");
    expect(e.authMode).toBe("FULL");
    expect((e.range as Range).getA1Notation()).toBe("D2");
    expect((e.source as Spreadsheet).getId()).toBe(ss.getId());
    expect((e.user as { getEmail(): string }).getEmail()).toBe(OFFICIAL);
    expect(sheet.getRange("D2").getValue()).toBe("DISETUJUI");
  });

  it("oldValue is absent for an empty cell, value absent when cleared; numbers and booleans as strings", () => {
    const { ws, ss } = withTrigger();
    userEdit(ws, OFFICIAL, at(ss, "A1"), [["0812"]]);
    let e = ws.pending.pop()!.event() as Record<string, unknown>;
    expect(e.value).toBe("812");
    expect("oldValue" in e).toBe(false);
    userEdit(ws, OFFICIAL, at(ss, "A1"), [[""]]);
    e = ws.pending.pop()!.event() as Record<string, unknown>;
    expect("value" in e).toBe(false);
    expect(e.oldValue).toBe("812");
    userEdit(ws, OFFICIAL, at(ss, "B1"), [[true]]);
    e = ws.pending.pop()!.event() as Record<string, unknown>;
    expect(e.value).toBe("TRUE");
  });

  it("a multi-cell edit (paste) has neither value nor oldValue", () => {
    const { ws, ss, sheet } = withTrigger();
    expect(
      userEdit(ws, OFFICIAL, at(ss, "B2"), [
        ["a", "b"],
        ["c", "d"],
      ]).ok,
    ).toBe(true);
    const e = ws.pending[0]!.event() as Record<string, unknown>;
    expect("value" in e || "oldValue" in e).toBe(false);
    expect((e.range as Range).getA1Notation()).toBe("B2:C3");
    expect(sheet.getRange("B2:C3").getValues()).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("the simple onEdit trigger runs LIMITED as the editing user, without triggerUid", () => {
    const { ws, ss } = withTrigger();
    ws.simpleTriggers.add("onEdit");
    userEdit(ws, OFFICIAL, at(ss, "A1"), [["x"]]);
    expect(ws.pending.map((p) => [p.handler, p.kind, p.authMode, p.effectiveUser])).toEqual([
      ["onEdit", "simple", "LIMITED", OFFICIAL],
      ["onEditInstalled", "installable", "FULL", ws.owner.email],
    ]);
    const e = ws.pending[0]!.event() as Record<string, unknown>;
    expect("triggerUid" in e).toBe(false);
    expect(e.authMode).toBe("LIMITED");
  });

  it("script writes never fire edit events", () => {
    const { ws, sheet } = withTrigger();
    ws.simpleTriggers.add("onEdit");
    const ctx = exec(ws);
    within(ws, ctx, () => {
      sheet.getRange("A1:B2").setValues([
        ["a", "b"],
        ["c", "d"],
      ]);
      sheet.appendRow(["x"]);
      sheet.getRange("A5").setFormula("=A1");
    });
    end(ws, ctx);
    expect(ws.pending).toHaveLength(0);
  });

  it("typed formulas become formulas; an apostrophe keeps text", () => {
    const { ws, ss, sheet } = withTrigger();
    userEdit(ws, OFFICIAL, at(ss, "A1"), [["=SUM(B1:B2)", "'=x", "'0812"]]);
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["=SUM(B1:B2)", "", ""]]);
    expect(sheet.getRange("B1:C1").getValues()).toEqual([["=x", "0812"]]);
  });

  it("data validation rejects a person's invalid value (whole edit), unless allowInvalid", () => {
    const { ws, ss, sheet, app } = withTrigger();
    const strict = app
      .newDataValidation()
      .requireValueInList(["DISETUJUI", "DITOLAK"])
      .setAllowInvalid(false)
      .build();
    sheet.getRange("D2:D20").setDataValidation(strict);
    expect(userEdit(ws, OFFICIAL, at(ss, "D11"), [["Setuju"]])).toEqual({
      ok: false,
      error: "The data you entered in cell D11 violates the data validation rules set on this cell.",
    });
    expect(
      userEdit(ws, OFFICIAL, at(ss, "C11"), [
        ["catatan", "DISETUJUI"],
        ["lain", "salah"],
      ]),
    ).toEqual({
      ok: false,
      error: "The data you entered in cell D12 violates the data validation rules set on this cell.",
    });
    expect(sheet.getRange("C11:D12").isBlank()).toBe(true);
    expect(ws.pending).toHaveLength(0);
    expect(userEdit(ws, OFFICIAL, at(ss, "D11"), [["DISETUJUI"]]).ok).toBe(true);
    expect(userEdit(ws, OFFICIAL, at(ss, "D11"), [[""]]).ok).toBe(true);
    // Script writes are not checked.
    sheet.getRange("D3").setValue("apa saja");
    expect(sheet.getRange("D3").getValue()).toBe("apa saja");
    // allowInvalid: accepted and marked.
    sheet.getRange("E2").setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    expect(userEdit(ws, OFFICIAL, at(ss, "E2"), [["bukan email"]]).ok).toBe(true);
    expect(cellInfo(ws, ss.getId(), "Sheet1", "E2")).toMatchObject({ value: "bukan email", invalid: true });
    userEdit(ws, OFFICIAL, at(ss, "E2"), [["a@b.go.id"]]);
    expect(cellInfo(ws, ss.getId(), "Sheet1", "E2").invalid).toBe(false);
  });

  it("other validation criteria", () => {
    const { ws, ss, sheet, app } = withTrigger();
    const put = (
      a1: string,
      rule: ReturnType<ReturnType<typeof app.newDataValidation>["build"]>,
      v: unknown,
    ) => {
      sheet.getRange(a1).setDataValidation(rule);
      return userEdit(ws, OFFICIAL, at(ss, a1), [[v]]).ok;
    };
    const strict = () => app.newDataValidation().setAllowInvalid(false);
    expect(put("A1", strict().requireNumberBetween(1, 10).build(), "5")).toBe(true);
    expect(put("A2", strict().requireNumberBetween(1, 10).build(), "11")).toBe(false);
    expect(put("A3", strict().requireNumberBetween(1, 10).build(), "lima")).toBe(false);
    expect(put("A4", strict().requireDate().build(), "23/11/2026")).toBe(true);
    expect(put("A5", strict().requireDate().build(), "besok")).toBe(false);
    expect(put("A6", strict().requireTextIsEmail().build(), "kabid@kota.go.id")).toBe(true);
    expect(put("A7", strict().requireCheckbox().build(), true)).toBe(true);
    expect(put("A8", strict().requireCheckbox().build(), "ya")).toBe(false);
    sheet.getRange("Z1:Z2").setValues([["Kadis"], ["Kabid"]]);
    expect(put("A9", strict().requireValueInRange(sheet.getRange("Z1:Z2")).build(), "Kabid")).toBe(true);
    expect(put("A10", strict().requireValueInRange(sheet.getRange("Z1:Z2")).build(), "Kasi")).toBe(false);
    expect(
      put(
        "A11",
        strict()
          .requireDateOnOrAfter(new Date(Date.UTC(2026, 0, 1)))
          .build(),
        "31/12/2025",
      ),
    ).toBe(false);
  });

  it("userOpen fires ON_OPEN for the simple onOpen trigger", () => {
    const { ws, ss } = withTrigger();
    ws.simpleTriggers.add("onOpen");
    userOpen(ws, OFFICIAL, ss.getId());
    expect(ws.pending).toHaveLength(1);
    const e = ws.pending[0]!.event() as Record<string, unknown>;
    expect(ws.pending[0]!.handler).toBe("onOpen");
    expect(Object.keys(e).sort()).toEqual(["authMode", "source", "user"]);
  });
});

describe("buffered writes", () => {
  it("an execution's writes are applied at its next read, flush() or its end – not seen by others before", () => {
    const { ws, app, sheet } = bound();
    sheet.getRange("A1").setValue("header");
    const a = exec(ws, { kind: "installable" });
    const b = exec(ws, { kind: "installable" });
    within(ws, a, () => {
      const s = app.getActiveSpreadsheet()!.getSheets()[0]!;
      s.getRange(s.getLastRow() + 1, 1).setValue("from A");
    });
    // B sees the old last row: A's write is still pending.
    expect(within(ws, b, () => sheet.getLastRow())).toBe(1);
    within(ws, b, () => sheet.getRange(2, 1).setValue("from B"));
    within(ws, a, () => app.flush());
    expect(sheet.getRange("A2").getValue()).toBe("from A");
    end(ws, b);
    // B's pending write lands last and overwrites: the race the script lock and flush() prevent.
    expect(sheet.getRange("A2").getValue()).toBe("from B");
  });

  it("the execution's own reads see its writes; appendRow takes its row when applied", () => {
    const { ws, sheet } = bound();
    const a = exec(ws);
    const b = exec(ws);
    within(ws, a, () => sheet.appendRow(["a"]));
    within(ws, b, () => sheet.appendRow(["b"]));
    expect(within(ws, a, () => sheet.getLastRow())).toBe(1);
    end(ws, b);
    expect(sheetToTable(sheet)).toEqual([["a"], ["b"]]);
  });

  it("errors are thrown by the call that causes them, even when the write is buffered", () => {
    const { ws, sheet } = bound();
    const a = exec(ws);
    expect(thrown(() => within(ws, a, () => sheet.getRange("A1:B1").setValues([[1]]))).message).toContain(
      "number of columns",
    );
  });
});

describe("TextFinder", () => {
  function register() {
    const env = bound();
    env.sheet.getRange("A1:C4").setValues([
      ["No", "Nama", "Surel"],
      [1, "Budi Santoso", "budi.santoso@kota.go.id"],
      [2, "budi", "budi@kota.go.id"],
      [3, "Siti Aminah", "siti.aminah@kota.go.id"],
    ]);
    return env;
  }

  it("findNext with matchEntireCell and matchCase, limited to a column, without wrapping", () => {
    const { sheet } = register();
    const tf = sheet.getRange(2, 2, 3, 1).createTextFinder("budi").matchEntireCell(true).matchCase(true);
    expect(tf.findNext()!.getRow()).toBe(3);
    expect(tf.findNext()).toBeNull();
    const loose = sheet.getRange("B2:B4").createTextFinder("BUDI");
    expect(loose.findAll().map((r) => r.getA1Notation())).toEqual(["B2", "B3"]);
    expect(loose.findNext()!.getA1Notation()).toBe("B2");
    expect(loose.findNext()!.getA1Notation()).toBe("B3");
    expect(loose.getCurrentMatch()!.getA1Notation()).toBe("B3");
    expect(loose.findPrevious()!.getA1Notation()).toBe("B2");
  });

  it("regular expressions, numbers by displayed text, whole sheet and spreadsheet scope", () => {
    const { ss, sheet } = register();
    expect(
      sheet
        .createTextFinder("^siti\\.")
        .useRegularExpression(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(["C4"]);
    expect(sheet.createTextFinder("2").matchEntireCell(true).findNext()!.getA1Notation()).toBe("A3");
    ss.insertSheet("Arsip").getRange("A1").setValue("Budi Santoso");
    expect(
      ss
        .createTextFinder("santoso")
        .findAll()
        .map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
    ).toEqual(["Sheet1!B2", "Sheet1!C2", "Arsip!A1"]);
  });
});

describe("export", () => {
  it("sheetToTable shows displayed values and formulas; CSV quotes as RFC 4180", () => {
    const { ws, ss, sheet } = bound();
    sheet.getRange("A1:D2").setValues([
      ["Nama", "Catatan", "Tanggal", "Rumus"],
      ['Budi "Bud" Santoso', "baris satu\nbaris dua", new Date(Date.UTC(2026, 10, 23, 3, 0, 0)), "=A1"],
    ]);
    ss.insertSheet("Kosong");
    expect(sheetToTable(sheet)[1]).toEqual([
      'Budi "Bud" Santoso',
      "baris satu\nbaris dua",
      "23/11/2026 10:00:00",
      "=A1",
    ]);
    const csv = exportSpreadsheetCsv(ws, ss.getId());
    expect(Object.keys(csv)).toEqual(["Sheet1", "Kosong"]);
    expect(csv.Sheet1).toBe(
      'Nama,Catatan,Tanggal,Rumus\r\n"Budi ""Bud"" Santoso","baris satu\nbaris dua",23/11/2026 10:00:00,=A1\r\n',
    );
    expect(csv.Kosong).toBe("");
  });

  it("dumps write the state as JSON and every sheet as CSV", () => {
    const { ws, ss, sheet } = bound();
    sheet.getRange("A1:B1").setValues([["Nama", "Status"]]);
    ss.insertSheet("Log/Galat");
    const dir = mkdtempSync(join(tmpdir(), "sheets-dump-"));
    try {
      const written = dumpWorkspace(ws, dir);
      const folder = `Register Surel (${ss.getId().slice(0, 8)})`;
      expect(written).toContain(join("sheets", folder, "Sheet1.csv"));
      expect(written).toContain(join("sheets", folder, "Log_Galat.csv"));
      expect(readFileSync(join(dir, "sheets", folder, "Sheet1.csv"), "utf8")).toBe("Nama,Status\r\n");
      const doc = JSON.parse(readFileSync(join(dir, "workspace.json"), "utf8")) as {
        services: { sheets: { boundId: string } };
      };
      expect(doc.services.sheets.boundId).toBe(ss.getId());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the state slot serialises to JSON for dumps", () => {
    const { ws, ss, sheet } = bound();
    sheet.getRange("A1").setValue("x");
    const json = JSON.parse(JSON.stringify(ws.state.get("sheets"))) as {
      boundId: string;
      spreadsheets: { sheets: { name: string; lastRow: number }[] }[];
    };
    expect(json.boundId).toBe(ss.getId());
    expect(json.spreadsheets[0]!.sheets[0]).toMatchObject({ name: "Sheet1", lastRow: 1 });
  });
});
