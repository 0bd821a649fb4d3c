/** Forms validation builders and the checks the form UI applies before it accepts a response. */
import { GasObject } from "../../core.js";
import type { Api } from "../sheets/types.js";
import { FormValidation } from "./items.js";
import type { FormValidationSpec } from "./model.js";

abstract class BuilderBase extends GasObject {
  protected spec: FormValidationSpec;
  /** `validationClass`: the class name of what build() returns ("TextValidation", …). */
  constructor(
    kind: FormValidationSpec["kind"],
    private readonly validationClass: string,
  ) {
    super();
    this.spec = { kind, rule: "", args: [], helpText: "" };
  }
  build(): FormValidation {
    return new FormValidation(this.validationClass, { ...this.spec });
  }
  /** Each require… call replaces the criterion: a Forms question has one validation rule. */
  protected _req(rule: string, ...args: unknown[]): this {
    this.spec = { ...this.spec, rule, args };
    return this;
  }
  setHelpText(text: string): this {
    this.spec = { ...this.spec, helpText: String(text) };
    return this;
  }
}

/** The pattern and length rules that text and paragraph questions both take. */
abstract class TextRulesBase extends BuilderBase {
  requireTextContainsPattern(p: string): this {
    return this._req("CONTAINS_PATTERN", String(p));
  }
  requireTextDoesNotContainPattern(p: string): this {
    return this._req("NOT_CONTAINS_PATTERN", String(p));
  }
  requireTextMatchesPattern(p: string): this {
    return this._req("MATCHES_PATTERN", String(p));
  }
  requireTextDoesNotMatchPattern(p: string): this {
    return this._req("NOT_MATCHES_PATTERN", String(p));
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this._req("LENGTH_AT_LEAST", n);
  }
  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this._req("LENGTH_AT_MOST", n);
  }
}

type ParagraphKeys =
  | "build"
  | "requireTextContainsPattern"
  | "requireTextDoesNotContainPattern"
  | "requireTextDoesNotMatchPattern"
  | "requireTextLengthGreaterThanOrEqualTo"
  | "requireTextLengthLessThanOrEqualTo"
  | "requireTextMatchesPattern"
  | "setHelpText";

/** The text builder's checked methods: the paragraph builder's, plus the number, e-mail and URL rules. */
type TextKeys =
  | ParagraphKeys
  | "requireNumber"
  | "requireNumberBetween"
  | "requireNumberEqualTo"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireNumberLessThanOrEqualTo"
  | "requireNumberNotBetween"
  | "requireNumberNotEqualTo"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireWholeNumber";

export class TextValidationBuilder
  extends TextRulesBase
  implements Api<GoogleAppsScript.Forms.TextValidationBuilder, TextKeys>
{
  readonly gasClass = "TextValidationBuilder";
  constructor() {
    super("TEXT", "TextValidation");
  }
  requireNumber(): this {
    return this._req("NUMBER");
  }
  requireWholeNumber(): this {
    return this._req("WHOLE_NUMBER");
  }
  requireNumberBetween(a: number, b: number): this {
    return this._req("NUMBER_BETWEEN", a, b);
  }
  requireNumberNotBetween(a: number, b: number): this {
    return this._req("NUMBER_NOT_BETWEEN", a, b);
  }
  requireNumberEqualTo(n: number): this {
    return this._req("NUMBER_EQUAL_TO", n);
  }
  requireNumberNotEqualTo(n: number): this {
    return this._req("NUMBER_NOT_EQUAL_TO", n);
  }
  requireNumberGreaterThan(n: number): this {
    return this._req("NUMBER_GREATER_THAN", n);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._req("NUMBER_GREATER_THAN_OR_EQUAL_TO", n);
  }
  requireNumberLessThan(n: number): this {
    return this._req("NUMBER_LESS_THAN", n);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._req("NUMBER_LESS_THAN_OR_EQUAL_TO", n);
  }
  requireTextIsEmail(): this {
    return this._req("EMAIL");
  }
  requireTextIsUrl(): this {
    return this._req("URL");
  }
}

export class ParagraphTextValidationBuilder
  extends TextRulesBase
  implements Api<GoogleAppsScript.Forms.ParagraphTextValidationBuilder, ParagraphKeys>
{
  readonly gasClass = "ParagraphTextValidationBuilder";
  constructor() {
    super("PARAGRAPH", "ParagraphTextValidation");
  }
}

export class CheckboxValidationBuilder
  extends BuilderBase
  implements
    Api<
      GoogleAppsScript.Forms.CheckboxValidationBuilder,
      "build" | "requireSelectAtLeast" | "requireSelectAtMost" | "requireSelectExactly" | "setHelpText"
    >
{
  readonly gasClass = "CheckboxValidationBuilder";
  constructor() {
    super("CHECKBOX", "CheckboxValidation");
  }
  requireSelectAtLeast(n: number): this {
    return this._req("AT_LEAST", n);
  }
  requireSelectAtMost(n: number): this {
    return this._req("AT_MOST", n);
  }
  requireSelectExactly(n: number): this {
    return this._req("EXACTLY", n);
  }
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;

function numberOf(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

/**
 * The message the form shows when `answer` breaks the rule (the rule's help text when set,
 * otherwise an English default standing in for the form UI's text), or null when it passes.
 * Patterns are JavaScript regular expressions standing in for RE2; "matches" means the whole answer.
 */
export function validationError(spec: FormValidationSpec, answer: string | string[]): string | null {
  const fail = (fallback: string): string => spec.helpText || fallback;
  const a = spec.args;
  if (spec.kind === "CHECKBOX") {
    const n = Array.isArray(answer) ? answer.length : answer ? 1 : 0;
    const k = Number(a[0]);
    if (spec.rule === "AT_LEAST" && n < k) return fail(`Must select at least ${k} options`);
    if (spec.rule === "AT_MOST" && n > k) return fail(`Must select at most ${k} options`);
    if (spec.rule === "EXACTLY" && n !== k) return fail(`Must select exactly ${k} options`);
    return null;
  }
  const s = Array.isArray(answer) ? answer.join(", ") : answer;
  const num = numberOf(s);
  const x = (i: number): number => Number(a[i]);
  switch (spec.rule) {
    case "NUMBER":
      return num === null ? fail("Must be a number") : null;
    case "WHOLE_NUMBER":
      return num === null || !Number.isInteger(num) ? fail("Must be a whole number") : null;
    case "NUMBER_BETWEEN":
      return num === null || num < Math.min(x(0), x(1)) || num > Math.max(x(0), x(1))
        ? fail(`Must be a number between ${a[0]} and ${a[1]}`)
        : null;
    case "NUMBER_NOT_BETWEEN":
      return num === null || (num >= Math.min(x(0), x(1)) && num <= Math.max(x(0), x(1)))
        ? fail(`Must be a number not between ${a[0]} and ${a[1]}`)
        : null;
    case "NUMBER_EQUAL_TO":
      return num !== x(0) ? fail(`Must be a number equal to ${a[0]}`) : null;
    case "NUMBER_NOT_EQUAL_TO":
      return num === null || num === x(0) ? fail(`Must be a number not equal to ${a[0]}`) : null;
    case "NUMBER_GREATER_THAN":
      return num === null || !(num > x(0)) ? fail(`Must be a number greater than ${a[0]}`) : null;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return num === null || !(num >= x(0))
        ? fail(`Must be a number greater than or equal to ${a[0]}`)
        : null;
    case "NUMBER_LESS_THAN":
      return num === null || !(num < x(0)) ? fail(`Must be a number less than ${a[0]}`) : null;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return num === null || !(num <= x(0)) ? fail(`Must be a number less than or equal to ${a[0]}`) : null;
    case "CONTAINS_PATTERN":
      return new RegExp(String(a[0]), "u").test(s) ? null : fail("Must contain the pattern");
    case "NOT_CONTAINS_PATTERN":
      return new RegExp(String(a[0]), "u").test(s) ? fail("Must not contain the pattern") : null;
    case "MATCHES_PATTERN":
      return new RegExp(`^(?:${String(a[0])})$`, "u").test(s) ? null : fail("Must match the pattern");
    case "NOT_MATCHES_PATTERN":
      return new RegExp(`^(?:${String(a[0])})$`, "u").test(s) ? fail("Must not match the pattern") : null;
    case "EMAIL":
      return EMAIL_RE.test(s.trim()) ? null : fail("Must be an email");
    case "URL":
      return URL_RE.test(s.trim()) ? null : fail("Must be a URL");
    case "LENGTH_AT_LEAST":
      return [...s].length >= x(0) ? null : fail(`Must be at least ${a[0]} characters`);
    case "LENGTH_AT_MOST":
      return [...s].length <= x(0) ? null : fail(`Must be fewer than ${x(0) + 1} characters`);
    default:
      return null;
  }
}
