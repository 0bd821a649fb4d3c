/**
 * The application form as a tenant must have it, and its responses tab:
 * - published: forms created through the API after 30 June 2026 start unpublished and receive no
 *   responses ("API changes to Google Forms"); `Form.setPublished(true)` publishes them and also
 *   starts accepting responses ("Publish and manage responders on the form");
 * - open to applicants: a Workspace form may be restricted to the domain (`requiresLogin()`),
 *   which locks out exactly the people who apply for their first account;
 * - its responses tab, found again after `setDestination` even when the open spreadsheet does not
 *   show it yet in the same execution.
 */

import type { FormQuestion } from "../domain/form.js";
import { scriptProperties } from "./properties.js";

type Form = GoogleAppsScript.Forms.Form;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Form methods Google documents that @types/google-apps-script 2.0.13 does not declare yet.
 * Optional: a runtime without them has only legacy forms, which are always published.
 */
interface PublishControls {
  setPublished?: (published: boolean) => Form;
  isPublished?: () => boolean;
}

export interface FormAccess {
  /** The form is published. */
  published: boolean;
  /** It accepts responses (a published form can still be closed by hand). */
  accepting: boolean;
  /** Setup published it in this run (it was created, or left, unpublished). */
  publishedNow: boolean;
  /** Respondents must sign in with an account of the domain (false once setup opened it). */
  requireLogin: boolean;
  /** Setup changed requireLogin from true to false in this run. */
  openedNow: boolean;
  /** The runtime refused setRequireLogin (an account outside Workspace): the text of its error. */
  loginError: string;
}

/** Whether the form is published; legacy runtimes without isPublished() publish every form. */
export function isFormPublished(form: Form): boolean {
  const f = form as Form & PublishControls;
  return typeof f.isPublished === "function" ? f.isPublished() : true;
}

/** Publishes the form and opens it to respondents without an account of the domain. */
export function ensureFormOpen(form: Form): FormAccess {
  const f = form as Form & PublishControls;
  let publishedNow = false;
  if (typeof f.isPublished === "function" && !f.isPublished() && typeof f.setPublished === "function") {
    f.setPublished(true);
    publishedNow = true;
  }
  const published = isFormPublished(form);
  let requireLogin = form.requiresLogin();
  let openedNow = false;
  let loginError = "";
  if (requireLogin) {
    try {
      form.setRequireLogin(false);
      requireLogin = form.requiresLogin();
      openedNow = !requireLogin;
    } catch (e) {
      loginError = e instanceof Error ? e.message : String(e);
    }
  }
  const accepting = published && form.isAcceptingResponses();
  return { published, accepting, publishedNow, requireLogin, openedNow, loginError };
}

/** The form id in a Forms address: `/forms/d/<id>/…` (an edit or a linked-form URL). */
function formIdIn(url: string): string {
  const m = /\/forms\/d\/(?!e\/)([A-Za-z0-9_-]+)/.exec(url);
  return m ? m[1]! : "";
}

/** The published id in a `/forms/d/e/<id>/viewform` address. */
function publishedIdIn(url: string): string {
  const m = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(url);
  return m ? m[1]! : "";
}

/** Whether a sheet's linked-form address names this form (by its id, or its published id). */
export function linksToForm(sheetFormUrl: string | null, form: Form): boolean {
  if (!sheetFormUrl) return false;
  const id = formIdIn(sheetFormUrl);
  if (id) return id === form.getId();
  const pub = publishedIdIn(sheetFormUrl);
  return pub !== "" && pub === publishedIdIn(form.getPublishedUrl());
}

export interface ResponsesTab {
  sheet: Sheet | null;
  /** How it was found: the tab the destination added, or the tab whose linked form is this one. */
  how: "new" | "url" | "none";
  /** The spreadsheet re-opened after the flush (use it for everything after). */
  ss: Spreadsheet;
}

/**
 * The form's responses tab. `setDestination` adds it, but the spreadsheet opened before may not
 * show it in the same execution: the writes are flushed and the spreadsheet opened again first.
 * A tab that did not exist before (`sheetIdsBefore`) and links to this form is the one; else any
 * tab whose linked-form address names this form; else none, and the caller says so.
 */
export function findResponsesTab(ss: Spreadsheet, form: Form, sheetIdsBefore: number[] | null): ResponsesTab {
  SpreadsheetApp.flush();
  let fresh = ss;
  try {
    // A bound script (scope spreadsheets.currentonly) opens its container again as the active
    // spreadsheet; a standalone one opens it by id.
    const active = SpreadsheetApp.getActiveSpreadsheet();
    fresh = active && active.getId() === ss.getId() ? active : SpreadsheetApp.openById(ss.getId());
  } catch {
    fresh = ss; // no access to open it again: the object it has
  }
  const sheets = fresh.getSheets();
  if (sheetIdsBefore) {
    const known = new Set(sheetIdsBefore);
    const added = sheets.filter((s) => !known.has(s.getSheetId()));
    const linked = added.find((s) => linksToForm(s.getFormUrl(), form));
    if (linked) return { sheet: linked, how: "new", ss: fresh };
  }
  const byUrl = sheets.find((s) => linksToForm(s.getFormUrl(), form));
  return byUrl ? { sheet: byUrl, how: "url", ss: fresh } : { sheet: null, how: "none", ss: fresh };
}

/** Adds one question as the form definition gives it (the application and the services form). */
export function addQuestion(form: Form, q: Omit<FormQuestion, "key">): void {
  let item:
    | GoogleAppsScript.Forms.TextItem
    | GoogleAppsScript.Forms.ParagraphTextItem
    | GoogleAppsScript.Forms.ListItem
    | GoogleAppsScript.Forms.MultipleChoiceItem
    | GoogleAppsScript.Forms.CheckboxItem
    | GoogleAppsScript.Forms.DateItem;
  switch (q.kind) {
    case "text": {
      const text = form.addTextItem();
      if (q.validation) {
        const b = FormApp.createTextValidation().setHelpText(q.validation.helpText);
        if (q.validation.type === "pattern") b.requireTextMatchesPattern(q.validation.pattern ?? "");
        else if (q.validation.type === "email") b.requireTextIsEmail();
        else b.requireTextLengthLessThanOrEqualTo(q.validation.max ?? 500);
        text.setValidation(b.build());
      }
      item = text;
      break;
    }
    case "paragraph":
      item = form.addParagraphTextItem();
      break;
    case "list":
      item = form.addListItem().setChoiceValues(q.choices);
      break;
    case "multipleChoice":
      item = form.addMultipleChoiceItem().setChoiceValues(q.choices);
      break;
    case "checkbox":
      item = form.addCheckboxItem().setChoiceValues(q.choices);
      break;
    case "date":
      item = form.addDateItem();
      break;
  }
  item.setTitle(q.title).setHelpText(q.help).setRequired(q.required);
}

/**
 * A new form from its definition, linked to the register spreadsheet, its id kept in Script
 * Properties under `key`; with the ids of the spreadsheet's tabs before the link (to find its tab).
 */
export function createLinkedForm(
  ss: Spreadsheet,
  def: { title: string; description: string; confirmation: string; questions: Omit<FormQuestion, "key">[] },
  key: string,
): { form: Form; sheetIdsBefore: number[] } {
  const form = FormApp.create(def.title);
  form.setDescription(def.description).setConfirmationMessage(def.confirmation).setAllowResponseEdits(false);
  for (const q of def.questions) addQuestion(form, q);
  const sheetIdsBefore = ss.getSheets().map((s) => s.getSheetId());
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  scriptProperties().setProperty(key, form.getId());
  return { form, sheetIdsBefore };
}

/** The form by its recorded id; null when there is none (deleted, no access: a new one is made). */
export function openForm(id: string | null): Form | null {
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch {
    return null; // deleted or no access: a new one is made
  }
}

export interface FormCheck {
  published: boolean;
  accepting: boolean;
  requireLogin: boolean;
}

/** A form's state for the sweep's daily self-check (throws when the form cannot be opened). */
export function checkForm(id: string): FormCheck {
  const form = FormApp.openById(id);
  const published = isFormPublished(form);
  return {
    published,
    accepting: published && form.isAcceptingResponses(),
    requireLogin: form.requiresLogin(),
  };
}
