/** The state behind the emulated Forms: forms, their items, responses and response destinations. */
import type { Workspace } from "../../workspace.js";
import type { SheetModel } from "../sheets/model.js";
import { mayEdit } from "../sharing.js";

export const ITEM_TYPES = [
  "CHECKBOX",
  "CHECKBOX_GRID",
  "DATE",
  "DATETIME",
  "DURATION",
  "GRID",
  "IMAGE",
  "LIST",
  "MULTIPLE_CHOICE",
  "PAGE_BREAK",
  "PARAGRAPH_TEXT",
  "SCALE",
  "SECTION_HEADER",
  "TEXT",
  "TIME",
  "VIDEO",
  "FILE_UPLOAD",
] as const;
export type ItemTypeName = (typeof ITEM_TYPES)[number];

/** Item types the emulator can create and answer. */
const QUESTION_TYPES: readonly ItemTypeName[] = [
  "TEXT",
  "PARAGRAPH_TEXT",
  "MULTIPLE_CHOICE",
  "LIST",
  "CHECKBOX",
  "DATE",
];

export interface FormValidationSpec {
  /** Which builder made it: text, paragraph text or checkbox validation. */
  kind: "TEXT" | "PARAGRAPH" | "CHECKBOX";
  /** The require… method that set the criterion (the last one wins, as each replaces the rule). */
  rule: string;
  args: unknown[];
  helpText: string;
}

export interface ItemModel {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
  validation: FormValidationSpec | null;
  includesYear: boolean;
}

export interface ResponseModel {
  id: string;
  timestampMs: number;
  respondent: string;
  /** item id → answer (checkbox: string[]; date: "yyyy-MM-dd"). */
  answers: Map<number, string | string[]>;
}

interface Destination {
  spreadsheetId: string;
  sheet: SheetModel;
}

export class FormModel {
  readonly items: ItemModel[] = [];
  readonly responses: ResponseModel[] = [];
  readonly editors = new Set<string>();
  description = "";
  collectEmail = false;
  limitOne = false;
  /**
   * Respondents must sign in with an account of the owner's domain. A form created by a Workspace
   * user starts restricted to the domain (chosen: the Admin console's default for new forms; the
   * less convenient reading where Google's pages are silent); `setRequireLogin(false)` opens it.
   */
  requireLogin = true;
  allowEdits = false;
  accepting = true;
  /**
   * Published (documented: "API changes to Google Forms": forms created through the API after
   * 30 June 2026 start unpublished and receive no responses until published; Apps Script
   * `Form.setPublished(true)` publishes and also starts accepting responses).
   */
  published = true;
  confirmationMessage = "";
  destination: Destination | null = null;

  constructor(
    readonly id: string,
    readonly publishedId: string,
    public title: string,
    readonly owner: string,
  ) {}

  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  get publishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }
  /** The URL Sheet.getFormUrl() / Spreadsheet.getFormUrl() give for a linked form. */
  get linkUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/viewform`;
  }
  /** A form is shared with named editors only (sharing.ts). */
  canEdit(email: string): boolean {
    return mayEdit({ owner: this.owner, editors: this.editors }, email);
  }
  /** Question items (those with an answer and a column in the responses sheet), in form order. */
  questions(): ItemModel[] {
    return this.items.filter((i) => QUESTION_TYPES.includes(i.type));
  }
}

export class FormsState {
  readonly forms = new Map<string, FormModel>();
  readonly shortUrls = new Map<string, string>();
  constructor(readonly ws: Workspace) {}

  get(id: string): FormModel | undefined {
    return this.forms.get(id);
  }
  byPublishedId(id: string): FormModel | undefined {
    for (const f of this.forms.values()) if (f.publishedId === id) return f;
    return undefined;
  }
  newItemId(): number {
    return 100_000_000 + this.ws.rng.int(1_900_000_000);
  }
  toJSON(): unknown {
    return [...this.forms.values()].map((f) => ({
      id: f.id,
      title: f.title,
      owner: f.owner,
      collectEmail: f.collectEmail,
      destination: f.destination
        ? { spreadsheetId: f.destination.spreadsheetId, sheet: f.destination.sheet.name }
        : null,
      items: f.items.map((i) => ({
        id: i.id,
        type: i.type,
        title: i.title,
        required: i.required,
        choices: i.choices,
        validation: i.validation,
      })),
      responses: f.responses.map((r) => ({
        id: r.id,
        timestamp: new Date(r.timestampMs).toISOString(),
        respondent: r.respondent,
        answers: Object.fromEntries(r.answers),
      })),
    }));
  }
}

const FORMS_SLOT = "forms";

export function formsState(ws: Workspace): FormsState {
  return ws.slot(FORMS_SLOT, () => new FormsState(ws));
}
