/** Form, FormResponse and ItemResponse. */
import { GasObject, serviceError } from "../../core.js";
import type { Api } from "../sheets/types.js";
import { EditorsHolder } from "../sheets/user.js";
import {
  CheckboxItem,
  DateItem,
  FORM_EDIT_DENIED,
  Item,
  ListItem,
  MultipleChoiceItem,
  ParagraphTextItem,
  SectionHeaderItem,
  TextItem,
  typedItem,
} from "./items.js";
import { linkForm, unlinkForm } from "./link.js";
import type { FormModel, FormsState, ItemModel, ItemTypeName, ResponseModel } from "./model.js";

type Keys =
  | "addCheckboxItem"
  | "addDateItem"
  | "addEditor"
  | "addEditors"
  | "addListItem"
  | "addMultipleChoiceItem"
  | "addParagraphTextItem"
  | "addSectionHeaderItem"
  | "addTextItem"
  | "canEditResponse"
  | "collectsEmail"
  | "deleteAllResponses"
  | "deleteItem"
  | "deleteResponse"
  | "getConfirmationMessage"
  | "getDescription"
  | "getDestinationId"
  | "getDestinationType"
  | "getEditUrl"
  | "getEditors"
  | "getId"
  | "getItemById"
  | "getItems"
  | "getPublishedUrl"
  | "getResponse"
  | "getResponses"
  | "getTitle"
  | "hasLimitOneResponsePerUser"
  | "isAcceptingResponses"
  | "moveItem"
  | "removeDestination"
  | "removeEditor"
  | "requiresLogin"
  | "setAcceptingResponses"
  | "setAllowResponseEdits"
  | "setCollectEmail"
  | "setConfirmationMessage"
  | "setDescription"
  | "setDestination"
  | "setLimitOneResponsePerUser"
  | "setRequireLogin"
  | "setTitle"
  | "shortenFormUrl";

export const NO_DESTINATION = "This form does not currently have a response destination.";

export class Form extends EditorsHolder implements Api<GoogleAppsScript.Forms.Form, Keys> {
  readonly gasClass = "Form";
  constructor(
    private readonly st: FormsState,
    readonly _model: FormModel,
  ) {
    super();
  }
  private get _m(): FormModel {
    return this._model;
  }
  private _guard(): void {
    if (!this._m.canEdit(this.st.ws.actor())) throw serviceError(FORM_EDIT_DENIED);
  }
  private _add<T>(type: ItemTypeName, make: (m: ItemModel) => T): T {
    this._guard();
    const m: ItemModel = {
      id: this.st.newItemId(),
      type,
      title: "",
      helpText: "",
      required: false,
      choices: [],
      otherOption: false,
      validation: null,
      includesYear: true,
    };
    this._m.items.push(m);
    return make(m);
  }

  // ------------------------------------------------------------ settings
  getId(): string {
    return this._m.id;
  }
  getTitle(): string {
    return this._m.title;
  }
  setTitle(title: string): this {
    this._guard();
    this._m.title = String(title);
    return this;
  }
  getDescription(): string {
    return this._m.description;
  }
  setDescription(description: string): this {
    this._guard();
    this._m.description = String(description);
    return this;
  }
  getEditUrl(): string {
    return this._m.editUrl;
  }
  getPublishedUrl(): string {
    return this._m.publishedUrl;
  }
  /** A forms.gle short link (deterministic per URL). */
  shortenFormUrl(url: string): string {
    const u = String(url);
    let s = this.st.shortUrls.get(u);
    if (!s) {
      s = `https://forms.gle/${this.st.ws.newId(17).slice(1)}`;
      this.st.shortUrls.set(u, s);
    }
    return s;
  }
  collectsEmail(): boolean {
    return this._m.collectEmail;
  }
  setCollectEmail(collect: boolean): this {
    this._guard();
    this._m.collectEmail = Boolean(collect);
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this._m.limitOne;
  }
  setLimitOneResponsePerUser(enabled: boolean): this {
    this._guard();
    this._m.limitOne = Boolean(enabled);
    return this;
  }
  requiresLogin(): boolean {
    return this._m.requireLogin;
  }
  setRequireLogin(requireLogin: boolean): this {
    this._guard();
    this._m.requireLogin = Boolean(requireLogin);
    return this;
  }
  getConfirmationMessage(): string {
    return this._m.confirmationMessage;
  }
  setConfirmationMessage(message: string): this {
    this._guard();
    this._m.confirmationMessage = String(message);
    return this;
  }
  canEditResponse(): boolean {
    return this._m.allowEdits;
  }
  setAllowResponseEdits(enabled: boolean): this {
    this._guard();
    this._m.allowEdits = Boolean(enabled);
    return this;
  }
  /** An unpublished form accepts nothing, whatever its accepting flag says. */
  isAcceptingResponses(): boolean {
    return this._m.published && this._m.accepting;
  }
  /**
   * Documented ("Publish and manage responders"; not in @types/google-apps-script 2.0.13, so not
   * in `Keys`): publishing also starts accepting responses; unpublishing stops them.
   */
  setPublished(published: boolean): this {
    this._guard();
    this._m.published = Boolean(published);
    this._m.accepting = Boolean(published);
    return this;
  }
  isPublished(): boolean {
    return this._m.published;
  }
  setAcceptingResponses(enabled: boolean): this {
    this._guard();
    this._m.accepting = Boolean(enabled);
    return this;
  }
  protected _members(): FormModel {
    return this._m;
  }
  protected _guardSharing(): void {
    this._guard();
  }

  // ------------------------------------------------------------ items
  addTextItem(): TextItem {
    return this._add("TEXT", (m) => new TextItem(this.st, this._m, m));
  }
  addParagraphTextItem(): ParagraphTextItem {
    return this._add("PARAGRAPH_TEXT", (m) => new ParagraphTextItem(this.st, this._m, m));
  }
  addMultipleChoiceItem(): MultipleChoiceItem {
    return this._add("MULTIPLE_CHOICE", (m) => new MultipleChoiceItem(this.st, this._m, m));
  }
  addListItem(): ListItem {
    return this._add("LIST", (m) => new ListItem(this.st, this._m, m));
  }
  addCheckboxItem(): CheckboxItem {
    return this._add("CHECKBOX", (m) => new CheckboxItem(this.st, this._m, m));
  }
  addDateItem(): DateItem {
    return this._add("DATE", (m) => new DateItem(this.st, this._m, m));
  }
  addSectionHeaderItem(): SectionHeaderItem {
    return this._add("SECTION_HEADER", (m) => new SectionHeaderItem(this.st, this._m, m));
  }
  getItems(itemType?: string | number): Item[] {
    const t = itemType === undefined ? null : String(itemType);
    return this._m.items.filter((i) => t === null || i.type === t).map((i) => new Item(this.st, this._m, i));
  }
  getItemById(id: number): Item | null {
    const m = this._m.items.find((i) => i.id === Number(id));
    return m ? new Item(this.st, this._m, m) : null;
  }
  deleteItem(which: unknown): void {
    this._guard();
    let index: number;
    if (typeof which === "number") index = which;
    else {
      const model = (which as unknown as { _model?: ItemModel })._model;
      index = model ? this._m.items.indexOf(model) : -1;
    }
    if (!Number.isInteger(index) || index < 0 || index >= this._m.items.length) {
      throw serviceError("Invalid argument: index");
    }
    this._m.items.splice(index, 1);
  }
  moveItem(from: unknown, to: number): GasObject {
    this._guard();
    const model =
      typeof from === "number" ? this._m.items[from] : (from as unknown as { _model?: ItemModel })._model;
    const i = model ? this._m.items.indexOf(model) : -1;
    if (i < 0 || !Number.isInteger(to) || to < 0 || to >= this._m.items.length) {
      throw serviceError("Invalid argument: index");
    }
    this._m.items.splice(i, 1);
    this._m.items.splice(to, 0, model!);
    return typedItem(this.st, this._m, model!);
  }

  // ------------------------------------------------------------ destination
  /** Links a spreadsheet: creates "Form Responses N" (first tab) and writes existing responses to it. */
  setDestination(type: string | number, id: string): this {
    this._guard();
    if (String(type) !== "SPREADSHEET") throw serviceError("Invalid argument: type");
    linkForm(this.st.ws, this._m, String(id));
    return this;
  }
  getDestinationId(): string {
    if (!this._m.destination) throw serviceError(NO_DESTINATION);
    return this._m.destination.spreadsheetId;
  }
  getDestinationType(): string {
    if (!this._m.destination) throw serviceError(NO_DESTINATION);
    return "SPREADSHEET";
  }
  removeDestination(): this {
    this._guard();
    unlinkForm(this._m);
    return this;
  }

  // ------------------------------------------------------------ responses
  getResponses(timestamp?: Date): FormResponse[] {
    const since = timestamp instanceof Date ? timestamp.getTime() : -Infinity;
    return this._m.responses
      .filter((r) => r.timestampMs >= since)
      .map((r) => new FormResponse(this.st, this._m, r));
  }
  getResponse(responseId: string): FormResponse {
    const r = this._m.responses.find((x) => x.id === responseId);
    if (!r) throw serviceError(`No response with ID ${responseId} exists for this form.`);
    return new FormResponse(this.st, this._m, r);
  }
  /** Deletes the stored responses; rows already in the responses sheet stay (as in Forms). */
  deleteAllResponses(): this {
    this._guard();
    this._m.responses.length = 0;
    return this;
  }
  deleteResponse(responseId: string): this {
    this._guard();
    const i = this._m.responses.findIndex((x) => x.id === responseId);
    if (i < 0) throw serviceError(`No response with ID ${responseId} exists for this form.`);
    this._m.responses.splice(i, 1);
    return this;
  }
}

type ResponseKeys =
  | "getEditResponseUrl"
  | "getId"
  | "getItemResponses"
  | "getRespondentEmail"
  | "getResponseForItem"
  | "getTimestamp";

export class FormResponse
  extends GasObject
  implements Api<GoogleAppsScript.Forms.FormResponse, ResponseKeys>
{
  readonly gasClass = "FormResponse";
  constructor(
    private readonly st: FormsState,
    private readonly form: FormModel,
    readonly _model: ResponseModel,
  ) {
    super();
  }
  getId(): string {
    return this._model.id;
  }
  getTimestamp(): Date {
    return new Date(this._model.timestampMs);
  }
  getRespondentEmail(): string {
    return this._model.respondent;
  }
  getEditResponseUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform?edit2=${this._model.id}`;
  }
  /** Answered items only, in form order. */
  getItemResponses(): ItemResponse[] {
    return this.form.items
      .filter((i) => this._model.answers.has(i.id))
      .map((i) => new ItemResponse(this.st, this.form, i, this._model.answers.get(i.id)!));
  }
  getResponseForItem(item: GasObject): ItemResponse | null {
    const m = (item as unknown as { _model?: ItemModel })._model;
    if (!m || !this._model.answers.has(m.id)) return null;
    return new ItemResponse(this.st, this.form, m, this._model.answers.get(m.id)!);
  }
}

export class ItemResponse
  extends GasObject
  implements Api<GoogleAppsScript.Forms.ItemResponse, "getItem" | "getResponse">
{
  readonly gasClass = "ItemResponse";
  constructor(
    private readonly st: FormsState,
    private readonly form: FormModel,
    private readonly item: ItemModel,
    private readonly answer: string | string[],
  ) {
    super();
  }
  getItem(): Item {
    return new Item(this.st, this.form, this.item);
  }
  /** Text, choice: a string; checkbox: string[]; date: "yyyy-MM-dd". */
  getResponse(): string | string[] {
    return Array.isArray(this.answer) ? [...this.answer] : this.answer;
  }
}
