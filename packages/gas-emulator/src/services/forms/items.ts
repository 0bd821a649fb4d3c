/** Form items: the generic Item and the typed items the project uses. */
import { GasObject, serviceError } from "../../core.js";
import type { Api } from "../sheets/types.js";
import type { FormModel, FormsState, FormValidationSpec, ItemModel, ItemTypeName } from "./model.js";

type Common = "getHelpText" | "getId" | "getIndex" | "getTitle" | "getType" | "setHelpText" | "setTitle";

export const FORM_EDIT_DENIED = "You do not have permission to edit this form.";

abstract class ItemBase extends GasObject {
  constructor(
    protected readonly st: FormsState,
    protected readonly form: FormModel,
    readonly _model: ItemModel,
  ) {
    super();
  }
  protected _guard(): void {
    if (!this.form.canEdit(this.st.ws.actor())) throw serviceError(FORM_EDIT_DENIED);
    if (!this.form.items.includes(this._model)) throw serviceError("This item has been deleted.");
  }
  getId(): number {
    return this._model.id;
  }
  getIndex(): number {
    return this.form.items.indexOf(this._model);
  }
  getTitle(): string {
    return this._model.title;
  }
  setTitle(title: string): this {
    this._guard();
    this._model.title = String(title);
    return this;
  }
  getHelpText(): string {
    return this._model.helpText;
  }
  setHelpText(text: string): this {
    this._guard();
    this._model.helpText = String(text);
    return this;
  }
  getType(): string {
    return this._model.type;
  }
}

abstract class QuestionBase extends ItemBase {
  isRequired(): boolean {
    return this._model.required;
  }
  setRequired(enabled: boolean): this {
    this._guard();
    this._model.required = Boolean(enabled);
    return this;
  }
  /** setValidation of the items that take a rule (text, paragraph, checkbox): only a rule of their `kind`. */
  protected _setValidation(kind: FormValidationSpec["kind"], validation: GasObject): this {
    this._guard();
    if (!(validation instanceof FormValidation) || validation._spec.kind !== kind) {
      throw serviceError("Invalid argument: validation");
    }
    this._model.validation = validation._spec;
    return this;
  }
  protected _clearValidation(): this {
    this._guard();
    this._model.validation = null;
    return this;
  }
}

export class Choice
  extends GasObject
  implements Api<GoogleAppsScript.Forms.Choice, "getValue" | "isCorrectAnswer">
{
  readonly gasClass = "Choice";
  constructor(private readonly value: string) {
    super();
  }
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
}

abstract class ChoiceBase extends QuestionBase {
  getChoices(): Choice[] {
    return this._model.choices.map((c) => new Choice(c));
  }
  setChoiceValues(values: string[]): this {
    this._guard();
    if (!Array.isArray(values) || values.length === 0) throw serviceError("Invalid argument: values");
    this._model.choices = values.map(String);
    return this;
  }
  setChoices(choices: GasObject[]): this {
    this._guard();
    if (!Array.isArray(choices) || choices.length === 0) throw serviceError("Invalid argument: choices");
    this._model.choices = choices.map((c) => {
      if (!(c instanceof Choice)) throw serviceError("Invalid argument: choices");
      return c.getValue();
    });
    return this;
  }
  createChoice(value: string, _extra?: unknown): Choice {
    return new Choice(String(value));
  }
}

/** Multiple choice and checkbox questions: a choice list with an optional "Other" answer. */
abstract class OtherOptionBase extends ChoiceBase {
  hasOtherOption(): boolean {
    return this._model.otherOption;
  }
  showOtherOption(enabled: boolean): this {
    this._guard();
    this._model.otherOption = Boolean(enabled);
    return this;
  }
}

/** The result of a validation builder's build(): an opaque rule. */
export class FormValidation extends GasObject {
  constructor(
    readonly gasClass: string,
    readonly _spec: FormValidationSpec,
  ) {
    super();
  }
}

type TextKeys = Common | "clearValidation" | "isRequired" | "setRequired" | "setValidation";

export class TextItem extends QuestionBase implements Api<GoogleAppsScript.Forms.TextItem, TextKeys> {
  readonly gasClass = "TextItem";
  setValidation(validation: GasObject): this {
    return this._setValidation("TEXT", validation);
  }
  clearValidation(): this {
    return this._clearValidation();
  }
}

export class ParagraphTextItem
  extends QuestionBase
  implements Api<GoogleAppsScript.Forms.ParagraphTextItem, TextKeys>
{
  readonly gasClass = "ParagraphTextItem";
  setValidation(validation: GasObject): this {
    return this._setValidation("PARAGRAPH", validation);
  }
  clearValidation(): this {
    return this._clearValidation();
  }
}

type ChoiceKeys =
  Common | "createChoice" | "getChoices" | "isRequired" | "setChoiceValues" | "setChoices" | "setRequired";

export class ListItem extends ChoiceBase implements Api<GoogleAppsScript.Forms.ListItem, ChoiceKeys> {
  readonly gasClass = "ListItem";
}

export class MultipleChoiceItem
  extends OtherOptionBase
  implements Api<GoogleAppsScript.Forms.MultipleChoiceItem, ChoiceKeys | "hasOtherOption" | "showOtherOption">
{
  readonly gasClass = "MultipleChoiceItem";
}

export class CheckboxItem
  extends OtherOptionBase
  implements
    Api<
      GoogleAppsScript.Forms.CheckboxItem,
      ChoiceKeys | "hasOtherOption" | "showOtherOption" | "setValidation" | "clearValidation"
    >
{
  readonly gasClass = "CheckboxItem";
  setValidation(validation: GasObject): this {
    return this._setValidation("CHECKBOX", validation);
  }
  clearValidation(): this {
    return this._clearValidation();
  }
}

export class DateItem
  extends QuestionBase
  implements
    Api<
      GoogleAppsScript.Forms.DateItem,
      Common | "isRequired" | "setRequired" | "includesYear" | "setIncludesYear"
    >
{
  readonly gasClass = "DateItem";
  includesYear(): boolean {
    return this._model.includesYear;
  }
  setIncludesYear(enable: boolean): this {
    this._guard();
    this._model.includesYear = Boolean(enable);
    return this;
  }
}

export class SectionHeaderItem
  extends ItemBase
  implements Api<GoogleAppsScript.Forms.SectionHeaderItem, Common>
{
  readonly gasClass = "SectionHeaderItem";
}

type AsKeys =
  | "asCheckboxItem"
  | "asDateItem"
  | "asListItem"
  | "asMultipleChoiceItem"
  | "asParagraphTextItem"
  | "asSectionHeaderItem"
  | "asTextItem";

/** The generic item returned by Form.getItems(); as…Item() gives the typed view. */
export class Item extends ItemBase implements Api<GoogleAppsScript.Forms.Item, Common | AsKeys> {
  readonly gasClass = "Item";
  private _as<T>(type: ItemTypeName, make: () => T): T {
    if (this._model.type !== type)
      throw serviceError(`Invalid conversion for item type: ${this._model.type}`);
    return make();
  }
  asTextItem(): TextItem {
    return this._as("TEXT", () => new TextItem(this.st, this.form, this._model));
  }
  asParagraphTextItem(): ParagraphTextItem {
    return this._as("PARAGRAPH_TEXT", () => new ParagraphTextItem(this.st, this.form, this._model));
  }
  asMultipleChoiceItem(): MultipleChoiceItem {
    return this._as("MULTIPLE_CHOICE", () => new MultipleChoiceItem(this.st, this.form, this._model));
  }
  asListItem(): ListItem {
    return this._as("LIST", () => new ListItem(this.st, this.form, this._model));
  }
  asCheckboxItem(): CheckboxItem {
    return this._as("CHECKBOX", () => new CheckboxItem(this.st, this.form, this._model));
  }
  asDateItem(): DateItem {
    return this._as("DATE", () => new DateItem(this.st, this.form, this._model));
  }
  asSectionHeaderItem(): SectionHeaderItem {
    return this._as("SECTION_HEADER", () => new SectionHeaderItem(this.st, this.form, this._model));
  }
}

/** A typed item object for an item model. */
export function typedItem(st: FormsState, form: FormModel, m: ItemModel): GasObject {
  switch (m.type) {
    case "TEXT":
      return new TextItem(st, form, m);
    case "PARAGRAPH_TEXT":
      return new ParagraphTextItem(st, form, m);
    case "MULTIPLE_CHOICE":
      return new MultipleChoiceItem(st, form, m);
    case "LIST":
      return new ListItem(st, form, m);
    case "CHECKBOX":
      return new CheckboxItem(st, form, m);
    case "DATE":
      return new DateItem(st, form, m);
    default:
      return new Item(st, form, m);
  }
}
