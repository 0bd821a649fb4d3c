/**
 * Emulated Forms (FormApp): see docs/EMULATOR-sheets.md. The implementation lives in ./forms/;
 * this module installs the global and re-exports the host-side API.
 */
import type { Workspace } from "../workspace.js";
import { FormApp } from "./forms/app.js";
import { formsState } from "./forms/model.js";

export { createForm, FORM_MISSING, FormApp } from "./forms/app.js";
export { Form, FormResponse, ItemResponse, NO_DESTINATION } from "./forms/form.js";
export {
  CheckboxItem,
  Choice,
  DateItem,
  Item,
  ListItem,
  MultipleChoiceItem,
  ParagraphTextItem,
  SectionHeaderItem,
  TextItem,
} from "./forms/items.js";
export { EMAIL_HEADER, TIMESTAMP_FORMAT, TIMESTAMP_HEADER } from "./forms/link.js";
export { FormModel, FormsState, formsState, ITEM_TYPES } from "./forms/model.js";
export {
  fireBlankFormSubmit,
  formDestination,
  formQuestions,
  FormSubmitError,
  importFormsCsv,
  openForm,
  parseCsv,
  parseFormsCsv,
  parseFormsTimestamp,
  REQUIRED_MESSAGE,
  submitResponse,
  type Answers,
  type QuestionInfo,
  type SubmitOptions,
} from "./forms/submit.js";
export {
  CheckboxValidationBuilder,
  ParagraphTextValidationBuilder,
  TextValidationBuilder,
} from "./forms/validation.js";

export function install(ws: Workspace): Record<string, unknown> {
  return { FormApp: new FormApp(formsState(ws)) };
}
