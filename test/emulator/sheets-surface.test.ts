/**
 * The runtime exposes every prototype method whose name does not start with "_" to the script.
 * This test proves that each public method of the Sheets and Forms classes exists in the real
 * Apps Script interface (read from @types/google-apps-script), so no host helper leaks into scripts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { GasObject } from "./core.js";
import * as forms from "./services/forms.js";
import * as sheets from "./services/sheets.js";

const typesDir = dirname(createRequire(import.meta.url).resolve("@types/google-apps-script/package.json"));

function interfaceMethods(file: string, name: string): Set<string> {
  const text = readFileSync(join(typesDir, file), "utf8");
  const start = text.search(new RegExp(`\\n        interface ${name} \\{`));
  if (start < 0) throw new Error(`no interface ${name} in ${file}`);
  const end = text.indexOf("\n        }", start + 1);
  const body = text.slice(start, end);
  return new Set([...body.matchAll(/^\s+(?:\/\*\*.*?\*\/\s*)?(\w+)\(/gm)].map((m) => m[1]!));
}

/** The emulator contract's own methods (gasProps, gasSet, toString), which every GasObject has. */
const CONTRACT = new Set(Object.getOwnPropertyNames(GasObject.prototype));

function publicMethods(cls: abstract new (...args: never[]) => GasObject): string[] {
  const names = new Set<string>();
  for (
    let p = cls.prototype as object;
    p && p !== GasObject.prototype;
    p = Object.getPrototypeOf(p) as object
  ) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (CONTRACT.has(n) || n.startsWith("_")) continue;
      const d = Object.getOwnPropertyDescriptor(p, n)!;
      if (d.get || d.set) throw new Error(`${cls.name}.${n} is an accessor: the runtime would expose it`);
      if (typeof d.value === "function") names.add(n);
    }
  }
  return [...names].sort();
}

const S = "google-apps-script.spreadsheet.d.ts";
const FM = "google-apps-script.forms.d.ts";
const B = "google-apps-script.base.d.ts";

const cases: [abstract new (...args: never[]) => GasObject, string, string][] = [
  [sheets.SpreadsheetApp, S, "SpreadsheetApp"],
  [sheets.Spreadsheet, S, "Spreadsheet"],
  [sheets.Sheet, S, "Sheet"],
  [sheets.Range, S, "Range"],
  [sheets.Protection, S, "Protection"],
  [sheets.DataValidation, S, "DataValidation"],
  [sheets.DataValidationBuilder, S, "DataValidationBuilder"],
  [sheets.TextFinder, S, "TextFinder"],
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

describe("public surface of the Sheets and Forms classes", () => {
  it.each(cases.map(([cls, file, name]) => [name, cls, file] as const))(
    "%s only exposes methods of the real interface",
    (name, cls, file) => {
      const real = interfaceMethods(file, name);
      const mine = publicMethods(cls);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((m) => !real.has(m))).toEqual([]);
    },
  );

  it("the interface reader finds real methods (and rejects made-up ones)", () => {
    const range = interfaceMethods(S, "Range");
    expect(range.has("setValues")).toBe(true);
    expect(range.has("read")).toBe(false);
  });
});
