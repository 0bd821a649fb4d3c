/**
 * The runtime exposes every prototype method whose name does not start with "_" to the script.
 * This test proves that each public method of the Sheets and Forms classes exists in the real
 * Apps Script interface (read from @types/google-apps-script), so no host helper leaks into scripts.
 */
import { describe, expect, it } from "vitest";
import { type GasClass, interfaceMethods, publicMethods } from "./helpers.js";
import * as forms from "../src/services/forms.js";
import * as sheets from "../src/services/sheets.js";

const S = "google-apps-script.spreadsheet.d.ts";
const FM = "google-apps-script.forms.d.ts";
const B = "google-apps-script.base.d.ts";

const cases: [GasClass, string, string][] = [
  [sheets.SpreadsheetApp, S, "SpreadsheetApp"],
  [sheets.Spreadsheet, S, "Spreadsheet"],
  [sheets.Sheet, S, "Sheet"],
  [sheets.Range, S, "Range"],
  [sheets.Protection, S, "Protection"],
  [sheets.DataValidation, S, "DataValidation"],
  [sheets.DataValidationBuilder, S, "DataValidationBuilder"],
  [sheets.TextFinder, S, "TextFinder"],
  [sheets.EmbeddedChart, S, "EmbeddedChart"],
  [sheets.EmbeddedChartBuilder, S, "EmbeddedChartBuilder"],
  [sheets.ContainerInfo, S, "ContainerInfo"],
  [sheets.Ui, B, "Ui"],
  [sheets.Menu, B, "Menu"],
  [sheets.User, B, "User"],
  [forms.FormApp, FM, "FormApp"],
  [forms.Form, FM, "Form"],
  [forms.FormResponse, FM, "FormResponse"],
  [forms.ItemResponse, FM, "ItemResponse"],
  [forms.Item, FM, "Item"],
  [forms.TextItem, FM, "TextItem"],
  [forms.ParagraphTextItem, FM, "ParagraphTextItem"],
  [forms.MultipleChoiceItem, FM, "MultipleChoiceItem"],
  [forms.ListItem, FM, "ListItem"],
  [forms.CheckboxItem, FM, "CheckboxItem"],
  [forms.DateItem, FM, "DateItem"],
  [forms.SectionHeaderItem, FM, "SectionHeaderItem"],
  [forms.Choice, FM, "Choice"],
  [forms.TextValidationBuilder, FM, "TextValidationBuilder"],
  [forms.ParagraphTextValidationBuilder, FM, "ParagraphTextValidationBuilder"],
  [forms.CheckboxValidationBuilder, FM, "CheckboxValidationBuilder"],
];

/**
 * Methods Google documents that @types/google-apps-script 2.0.13 does not declare yet:
 * Form.setPublished / isPublished ("Publish and manage responders on the form"). The product
 * declares them locally (src/workspace/forms.ts).
 */
const DOCUMENTED_BEYOND_TYPES: Record<string, string[]> = {
  Form: ["isPublished", "setPublished"],
};

describe("public surface of the Sheets and Forms classes", () => {
  it.each(cases.map(([cls, file, name]) => [name, cls, file] as const))(
    "%s only exposes methods of the real interface",
    (name, cls, file) => {
      const real = interfaceMethods(file, name);
      const mine = publicMethods(cls);
      expect(mine.length).toBeGreaterThan(0);
      const extra = new Set(DOCUMENTED_BEYOND_TYPES[name] ?? []);
      expect(mine.filter((m) => !real.has(m) && !extra.has(m))).toEqual([]);
    },
  );

  it("the interface reader finds real methods (and rejects made-up ones)", () => {
    const range = interfaceMethods(S, "Range");
    expect(range.has("setValues")).toBe(true);
    expect(range.has("read")).toBe(false);
  });
});
