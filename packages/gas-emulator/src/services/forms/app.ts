/** The FormApp global. */
import { GasObject, serviceError } from "../../core.js";
import type { Api } from "../sheets/types.js";
import { Form } from "./form.js";
import { FormModel, ITEM_TYPES, type FormsState } from "./model.js";
import {
  CheckboxValidationBuilder,
  ParagraphTextValidationBuilder,
  TextValidationBuilder,
} from "./validation.js";

export const FORM_MISSING =
  "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";

type Keys =
  | "create"
  | "createCheckboxValidation"
  | "createParagraphTextValidation"
  | "createTextValidation"
  | "getActiveForm"
  | "openById"
  | "openByUrl";

export class FormApp extends GasObject implements Api<GoogleAppsScript.Forms.FormApp, Keys> {
  readonly gasClass = "FormApp";
  constructor(private readonly st: FormsState) {
    super();
  }
  override gasProps(): Record<string, unknown> {
    return {
      ItemType: Object.fromEntries(ITEM_TYPES.map((t) => [t, t])),
      DestinationType: { SPREADSHEET: "SPREADSHEET" },
    };
  }
  create(title: string): Form {
    return new Form(this.st, createForm(this.st, String(title), this.st.ws.actor()));
  }
  openById(id: string): Form {
    const m = this.st.get(String(id));
    if (!m || !m.canEdit(this.st.ws.actor())) throw serviceError(FORM_MISSING);
    return new Form(this.st, m);
  }
  openByUrl(url: string): Form {
    const u = String(url);
    const pub = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(u);
    const m = pub
      ? this.st.byPublishedId(pub[1]!)
      : this.st.get(/\/forms\/d\/([A-Za-z0-9_-]+)/.exec(u)?.[1] ?? "");
    if (!m || !m.canEdit(this.st.ws.actor())) throw serviceError(FORM_MISSING);
    return new Form(this.st, m);
  }
  /** The script is bound to a spreadsheet, not a form: always null. */
  getActiveForm(): Form | null {
    return null;
  }
  createTextValidation(): TextValidationBuilder {
    return new TextValidationBuilder();
  }
  createParagraphTextValidation(): ParagraphTextValidationBuilder {
    return new ParagraphTextValidationBuilder();
  }
  createCheckboxValidation(): CheckboxValidationBuilder {
    return new CheckboxValidationBuilder();
  }
}

/** Forms created through the API after this instant start unpublished (documented, see model.ts). */
const UNPUBLISHED_FROM_MS = Date.UTC(2026, 6, 1);

export function createForm(st: FormsState, title: string, owner: string): FormModel {
  const m = new FormModel(st.ws.newId(44), `1FAIpQLS${st.ws.newId(48).slice(1)}`, title, owner.toLowerCase());
  if (st.ws.now() >= UNPUBLISHED_FROM_MS) {
    m.published = false;
    m.accepting = false;
  }
  st.forms.set(m.id, m);
  return m;
}
