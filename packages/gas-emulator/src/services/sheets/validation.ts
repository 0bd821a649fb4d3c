/** Data validation: the rule builder, the rule object, and the check Sheets applies to a person's input. */
import { GasObject, serviceError } from "../../core.js";
import type { ValidationRule } from "./model.js";
import type { Api, CellValue } from "./types.js";
import { dateToSerial, displayValue } from "./values.js";

export const DataValidationCriteria = Object.fromEntries(
  [
    "DATE_AFTER",
    "DATE_BEFORE",
    "DATE_BETWEEN",
    "DATE_EQUAL_TO",
    "DATE_IS_VALID_DATE",
    "DATE_NOT_BETWEEN",
    "DATE_ON_OR_AFTER",
    "DATE_ON_OR_BEFORE",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_IS_VALID_EMAIL",
    "TEXT_IS_VALID_URL",
    "VALUE_IN_LIST",
    "VALUE_IN_RANGE",
    "CUSTOM_FORMULA",
    "CHECKBOX",
  ].map((k) => [k, k]),
) as Record<string, string>;

type RuleKeys = "copy" | "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText";

export class DataValidation
  extends GasObject
  implements Api<GoogleAppsScript.Spreadsheet.DataValidation, RuleKeys>
{
  readonly gasClass = "DataValidation";
  constructor(readonly _rule: ValidationRule) {
    super();
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this._rule, args: [...this._rule.args] });
  }
  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }
  getCriteriaType(): string {
    return this._rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._rule.args.map((a) =>
      a instanceof Date ? new Date(a.getTime()) : Array.isArray(a) ? [...a] : a,
    );
  }
  getHelpText(): string {
    return this._rule.helpText ?? "";
  }
}

type BuilderKeys =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireDate"
  | "requireDateAfter"
  | "requireDateBefore"
  | "requireDateBetween"
  | "requireDateEqualTo"
  | "requireDateNotBetween"
  | "requireDateOnOrAfter"
  | "requireDateOnOrBefore"
  | "requireFormulaSatisfied"
  | "requireNumberBetween"
  | "requireNumberEqualTo"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireNumberLessThanOrEqualTo"
  | "requireNumberNotBetween"
  | "requireNumberNotEqualTo"
  | "requireTextContains"
  | "requireTextDoesNotContain"
  | "requireTextEqualTo"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireValueInList"
  | "requireValueInRange"
  | "setAllowInvalid"
  | "setHelpText"
  | "withCriteria";

/** SpreadsheetApp.newDataValidation(): each require… call replaces the criterion (one per rule). */
export class DataValidationBuilder
  extends GasObject
  implements Api<GoogleAppsScript.Spreadsheet.DataValidationBuilder, BuilderKeys>
{
  readonly gasClass = "DataValidationBuilder";
  private rule: ValidationRule;
  constructor(rule?: ValidationRule) {
    super();
    this.rule = rule ?? { criteria: "", args: [], allowInvalid: true, helpText: null };
  }
  private _set(criteria: string, args: unknown[]): this {
    this.rule = { ...this.rule, criteria, args };
    return this;
  }
  build(): DataValidation {
    if (!this.rule.criteria)
      throw serviceError("A data validation rule needs a criterion: call a require… method first.");
    return new DataValidation({ ...this.rule, args: [...this.rule.args] });
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this.rule, args: [...this.rule.args] });
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getCriteriaType(): string {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }
  getHelpText(): string | null {
    return this.rule.helpText;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const args = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this._set("CHECKBOX", args);
  }
  requireDate(): this {
    return this._set("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(d: Date): this {
    return this._set("DATE_AFTER", [d]);
  }
  requireDateBefore(d: Date): this {
    return this._set("DATE_BEFORE", [d]);
  }
  requireDateBetween(a: Date, b: Date): this {
    return this._set("DATE_BETWEEN", [a, b]);
  }
  requireDateEqualTo(d: Date): this {
    return this._set("DATE_EQUAL_TO", [d]);
  }
  requireDateNotBetween(a: Date, b: Date): this {
    return this._set("DATE_NOT_BETWEEN", [a, b]);
  }
  requireDateOnOrAfter(d: Date): this {
    return this._set("DATE_ON_OR_AFTER", [d]);
  }
  requireDateOnOrBefore(d: Date): this {
    return this._set("DATE_ON_OR_BEFORE", [d]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set("CUSTOM_FORMULA", [formula]);
  }
  requireNumberBetween(a: number, b: number): this {
    return this._set("NUMBER_BETWEEN", [a, b]);
  }
  requireNumberEqualTo(n: number): this {
    return this._set("NUMBER_EQUAL_TO", [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this._set("NUMBER_GREATER_THAN", [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [n]);
  }
  requireNumberLessThan(n: number): this {
    return this._set("NUMBER_LESS_THAN", [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._set("NUMBER_LESS_THAN_OR_EQUAL_TO", [n]);
  }
  requireNumberNotBetween(a: number, b: number): this {
    return this._set("NUMBER_NOT_BETWEEN", [a, b]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this._set("NUMBER_NOT_EQUAL_TO", [n]);
  }
  requireTextContains(t: string): this {
    return this._set("TEXT_CONTAINS", [t]);
  }
  requireTextDoesNotContain(t: string): this {
    return this._set("TEXT_DOES_NOT_CONTAIN", [t]);
  }
  requireTextEqualTo(t: string): this {
    return this._set("TEXT_EQUAL_TO", [t]);
  }
  requireTextIsEmail(): this {
    return this._set("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): this {
    return this._set("TEXT_IS_VALID_URL", []);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this._set("VALUE_IN_LIST", [values.map(String), showDropdown]);
  }
  requireValueInRange(range: GasObject, showDropdown = true): this {
    return this._set("VALUE_IN_RANGE", [range, showDropdown]);
  }
  setAllowInvalid(allow: boolean): this {
    this.rule = { ...this.rule, allowInvalid: Boolean(allow) };
    return this;
  }
  setHelpText(text: string): this {
    this.rule = { ...this.rule, helpText: String(text) };
    return this;
  }
  withCriteria(criteria: string | number, args: unknown[]): this {
    return this._set(String(criteria), [...args]);
  }
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(?:(?:https?|ftp):\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;

/**
 * Does `value` satisfy the rule? Empty cells always do (clearing a validated cell is allowed).
 * `rangeValues` supplies the display values of a VALUE_IN_RANGE source. Text comparisons are
 * case-insensitive except VALUE_IN_LIST (exact); CUSTOM_FORMULA is not evaluated (always passes).
 */
export function satisfies(
  rule: ValidationRule,
  value: CellValue,
  tz: string,
  rangeValues: (range: unknown) => string[],
): boolean {
  if (value === "") return true;
  const a = rule.args;
  const text = displayValue(value, tz);
  const num = typeof value === "number" ? value : null;
  const day = (d: unknown): number => Math.floor(dateToSerial(d as Date, tz));
  const date = value instanceof Date ? day(value) : null;
  const n = (i: number): number => Number(a[i]);
  switch (rule.criteria) {
    case "VALUE_IN_LIST":
      return (a[0] as string[]).includes(text);
    case "VALUE_IN_RANGE":
      return rangeValues(a[0]).includes(text);
    case "NUMBER_BETWEEN":
      return num !== null && num >= Math.min(n(0), n(1)) && num <= Math.max(n(0), n(1));
    case "NUMBER_NOT_BETWEEN":
      return num !== null && (num < Math.min(n(0), n(1)) || num > Math.max(n(0), n(1)));
    case "NUMBER_EQUAL_TO":
      return num === n(0);
    case "NUMBER_NOT_EQUAL_TO":
      return num !== null && num !== n(0);
    case "NUMBER_GREATER_THAN":
      return num !== null && num > n(0);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return num !== null && num >= n(0);
    case "NUMBER_LESS_THAN":
      return num !== null && num < n(0);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return num !== null && num <= n(0);
    case "DATE_IS_VALID_DATE":
      return date !== null;
    case "DATE_AFTER":
      return date !== null && date > day(a[0]);
    case "DATE_BEFORE":
      return date !== null && date < day(a[0]);
    case "DATE_ON_OR_AFTER":
      return date !== null && date >= day(a[0]);
    case "DATE_ON_OR_BEFORE":
      return date !== null && date <= day(a[0]);
    case "DATE_EQUAL_TO":
      return date !== null && date === day(a[0]);
    case "DATE_BETWEEN":
      return date !== null && date >= day(a[0]) && date <= day(a[1]);
    case "DATE_NOT_BETWEEN":
      return date !== null && (date < day(a[0]) || date > day(a[1]));
    case "TEXT_CONTAINS":
      return text.toLowerCase().includes(String(a[0]).toLowerCase());
    case "TEXT_DOES_NOT_CONTAIN":
      return !text.toLowerCase().includes(String(a[0]).toLowerCase());
    case "TEXT_EQUAL_TO":
      return text.toLowerCase() === String(a[0]).toLowerCase();
    case "TEXT_IS_VALID_EMAIL":
      return typeof value === "string" && EMAIL_RE.test(value.trim());
    case "TEXT_IS_VALID_URL":
      return typeof value === "string" && URL_RE.test(value.trim());
    case "CHECKBOX": {
      const checked = a.length ? a[0] : true;
      const unchecked = a.length > 1 ? a[1] : a.length ? "" : false;
      const eq = (x: unknown): boolean => x === value || (typeof x !== "boolean" && String(x) === text);
      return eq(checked) || eq(unchecked);
    }
    default:
      return true;
  }
}
