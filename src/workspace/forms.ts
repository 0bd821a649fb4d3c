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
