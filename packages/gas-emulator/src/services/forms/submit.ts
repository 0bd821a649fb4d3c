/**
 * Host-side functions for tests: a person submitting the form (validated as the form UI would,
 * then written to the responses sheet and delivered as ON_FORM_SUBMIT events), the spurious blank
 * event, the form's questions, and Google Forms CSV exports.
 */
import type { Workspace } from "../../workspace.js";
import { Range } from "../sheets/range.js";
import { sheetsState } from "../sheets/state.js";
import { zonedToUtc } from "../sheets/values.js";
import { csvRows } from "../utilities.js";
import { Form, FormResponse } from "./form.js";
import { EMAIL_HEADER, TIMESTAMP_HEADER, writeResponse, type WrittenResponse } from "./link.js";
import { formsState, type FormModel, type ItemModel, type ResponseModel } from "./model.js";
import { validationError } from "./validation.js";

export const REQUIRED_MESSAGE = "This is a required question";
/** What a respondent meets at an unpublished form (chosen text). */
const UNPUBLISHED_MESSAGE = "This form is not published";
/** What someone outside the domain meets at a domain-restricted form (reported text). */
const RESTRICTED_MESSAGE =
  "You need permission: this form can only be viewed by users in the owner's organization";

export class FormSubmitError extends Error {
  constructor(readonly problems: { title: string; message: string }[]) {
    super(`The form was not submitted: ${problems.map((p) => `${p.title}: ${p.message}`).join("; ")}`);
    this.name = "FormSubmitError";
  }
}

export interface SubmitOptions {
  /** The signed-in respondent (needed when the form collects e-mail or limits one response). */
  respondent?: string;
  /** Submission time (default: the workspace clock). */
  atMs?: number;
  /** Deliver the ON_FORM_SUBMIT event twice, as Apps Script sometimes does. */
  duplicateDelivery?: boolean;
}

export type Answers = Record<string, string | string[]>;

/** Normalises a date answer ("yyyy-MM-dd" or "d/M/yyyy") to "yyyy-MM-dd", or null. */
function dateAnswer(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
    if (!m) return null;
    [y, mo, d] = [+m[3]!, +m[2]!, +m[1]!];
  }
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function isEmpty(v: string | string[] | undefined): boolean {
  return v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === "");
}

/** Checks answers as the form UI does; returns the normalised answers or the problems. */
function check(
  form: FormModel,
  answers: Answers,
):
  | { ok: true; answers: Map<number, string | string[]> }
  | { ok: false; problems: { title: string; message: string }[] } {
  const problems: { title: string; message: string }[] = [];
  const questions = form.questions();
  const byTitle = new Map<string, ItemModel>();
  for (const q of questions) if (!byTitle.has(q.title)) byTitle.set(q.title, q);
  for (const title of Object.keys(answers)) {
    if (!byTitle.has(title)) problems.push({ title, message: "No such question on the form" });
  }
  const out = new Map<number, string | string[]>();
  for (const q of questions) {
    const raw = byTitle.get(q.title) === q ? answers[q.title] : undefined;
    if (isEmpty(raw)) {
      if (q.required) problems.push({ title: q.title, message: REQUIRED_MESSAGE });
      continue;
    }
    const value = raw!;
    if (q.type === "CHECKBOX") {
      const list = Array.isArray(value) ? value.map(String) : [String(value)];
      const unknown = list.filter((v) => !q.choices.includes(v));
      if (unknown.length && !q.otherOption) {
        problems.push({ title: q.title, message: `Not one of the choices: ${unknown.join(", ")}` });
        continue;
      }
      const err = q.validation ? validationError(q.validation, list) : null;
      if (err) {
        problems.push({ title: q.title, message: err });
        continue;
      }
      out.set(q.id, list);
      continue;
    }
    if (Array.isArray(value)) {
      problems.push({ title: q.title, message: "Only one answer is allowed" });
      continue;
    }
    const s = String(value);
    if (q.type === "MULTIPLE_CHOICE" || q.type === "LIST") {
      const other = q.type === "MULTIPLE_CHOICE" && q.otherOption;
      if (!q.choices.includes(s) && !other) {
        problems.push({ title: q.title, message: `Not one of the choices: ${s}` });
        continue;
      }
      out.set(q.id, s);
      continue;
    }
    if (q.type === "DATE") {
      const d = dateAnswer(s);
      if (!d) {
        problems.push({ title: q.title, message: "Invalid date" });
        continue;
      }
      out.set(q.id, d);
      continue;
    }
    const err = q.validation ? validationError(q.validation, s) : null;
    if (err) {
      problems.push({ title: q.title, message: err });
      continue;
    }
    out.set(q.id, s);
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: out };
}

/**
 * A person submits the form. Rejects (throws FormSubmitError) what the form UI would not send;
 * otherwise stores the response, appends its row to the responses sheet and fires ON_FORM_SUBMIT
 * on the destination spreadsheet (SheetsOnFormSubmit shape) and on the form (FormsOnFormSubmit).
 */
export function submitResponse(
  ws: Workspace,
  formId: string,
  answers: Answers,
  opts: SubmitOptions = {},
): { row: number; responseId: string } {
  const st = formsState(ws);
  const form = st.get(formId);
  if (!form) throw new Error(`submitResponse: no form ${formId}`);
  if (!form.published) {
    // documented: an unpublished form takes no responses (the text is chosen)
    throw new FormSubmitError([{ title: form.title, message: UNPUBLISHED_MESSAGE }]);
  }
  if (!form.accepting) {
    throw new FormSubmitError([{ title: form.title, message: "The form is no longer accepting responses" }]);
  }
  const respondent = (opts.respondent ?? "").toLowerCase();
  if ((form.collectEmail || form.limitOne || form.requireLogin) && !respondent) {
    throw new FormSubmitError([{ title: EMAIL_HEADER, message: "Sign in to continue" }]);
  }
  if (form.requireLogin && !respondent.endsWith(`@${ws.domain.toLowerCase()}`)) {
    // documented (setRequireLogin): only accounts of the domain may respond
    throw new FormSubmitError([{ title: form.title, message: RESTRICTED_MESSAGE }]);
  }
  if (form.limitOne && form.responses.some((r) => r.respondent === respondent)) {
    throw new FormSubmitError([{ title: form.title, message: "You've already responded" }]);
  }
  const checked = check(form, answers);
  if (!checked.ok) throw new FormSubmitError(checked.problems);
  const response: ResponseModel = {
    id: `2_ABaOnu${ws.newId(40).slice(1)}`,
    timestampMs: opts.atMs ?? ws.now(),
    respondent: form.collectEmail || form.limitOne || form.requireLogin ? respondent : "",
    answers: checked.answers,
  };
  form.responses.push(response);
  const written = writeResponse(form, response);
  const times = opts.duplicateDelivery ? 2 : 1;
  for (let i = 0; i < times; i++) {
    if (written) fireSheetEvent(ws, written, respondent);
    fireFormEvent(ws, form, response, respondent);
  }
  return { row: written?.row ?? 0, responseId: response.id };
}

function fireSheetEvent(ws: Workspace, w: WrittenResponse, respondent: string): void {
  const st = sheetsState(ws);
  const rect = { r1: w.row, c1: 1, r2: w.row, c2: w.lastCol };
  ws.fire("ON_FORM_SUBMIT", w.sheet.parent.id, respondent, (triggerUid, authMode) => {
    const e: Record<string, unknown> = {
      authMode,
      namedValues: structuredClone(w.namedValues),
      range: new Range(st, w.sheet, rect),
      values: [...w.values],
    };
    if (triggerUid !== undefined) e.triggerUid = triggerUid;
    return e;
  });
}

function fireFormEvent(ws: Workspace, form: FormModel, r: ResponseModel, respondent: string): void {
  const st = formsState(ws);
  ws.fire("ON_FORM_SUBMIT", form.id, respondent, (triggerUid, authMode) => {
    const e: Record<string, unknown> = {
      authMode,
      response: new FormResponse(st, form, r),
      source: new Form(st, form),
    };
    if (triggerUid !== undefined) e.triggerUid = triggerUid;
    return e;
  });
}

/**
 * Imitates the spurious form-submit events Apps Script is reported to send (a second, blank event
 * seconds after a real one): namedValues {} and values [], with the range of the last response row.
 */
export function fireBlankFormSubmit(ws: Workspace, spreadsheetId: string): void {
  const st = sheetsState(ws);
  const ss = st.get(spreadsheetId);
  if (!ss) throw new Error(`fireBlankFormSubmit: no spreadsheet ${spreadsheetId}`);
  const sheet = ss.sheets.find((s) => s.formLink) ?? ss.sheets[0]!;
  const row = Math.max(1, sheet.lastRow());
  const lastCol = Math.max(1, sheet.lastCol());
  ws.fire("ON_FORM_SUBMIT", ss.id, "", (triggerUid, authMode) => {
    const e: Record<string, unknown> = {
      authMode,
      namedValues: {},
      range: new Range(st, sheet, { r1: row, c1: 1, r2: row, c2: lastCol }),
      values: [],
    };
    if (triggerUid !== undefined) e.triggerUid = triggerUid;
    return e;
  });
}

export interface QuestionInfo {
  id: number;
  title: string;
  type: string;
  required: boolean;
  helpText: string;
  choices: string[];
  otherOption: boolean;
}

/** The form's questions, in order (to build answers in tests). */
export function formQuestions(ws: Workspace, formId: string): QuestionInfo[] {
  const form = formsState(ws).get(formId);
  if (!form) throw new Error(`formQuestions: no form ${formId}`);
  return form.questions().map((q) => ({
    id: q.id,
    title: q.title,
    type: q.type,
    required: q.required,
    helpText: q.helpText,
    choices: [...q.choices],
    otherOption: q.otherOption,
  }));
}

/** The host-side Form object of a form (no permission check). */
export function openForm(ws: Workspace, formId: string): Form {
  const st = formsState(ws);
  const form = st.get(formId);
  if (!form) throw new Error(`openForm: no form ${formId}`);
  return new Form(st, form);
}

/** The spreadsheet a form writes to, for the harness. */
export function formDestination(
  ws: Workspace,
  formId: string,
): { spreadsheetId: string; sheetName: string } | null {
  const form = formsState(ws).get(formId);
  if (!form?.destination) return null;
  return { spreadsheetId: form.destination.spreadsheetId, sheetName: form.destination.sheet.name };
}

/** RFC 4180 CSV as a Forms export gives it: a leading BOM dropped, an unclosed quote tolerated. */
export function parseCsv(text: string): string[][] {
  return csvRows(text.startsWith("\uFEFF") ? text.slice(1) : text).rows;
}

/** A Google Forms CSV export (header row of question titles) as one record per response. */
export function parseFormsCsv(text: string): Record<string, string>[] {
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ""));
  const [header, ...data] = rows;
  if (!header) return [];
  return data.map((r) => {
    const rec: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!(h in rec)) rec[h] = r[i] ?? "";
    });
    return rec;
  });
}

/** Parses a Forms timestamp: "d/M/yyyy H:mm:ss", "yyyy/MM/dd h:mm:ss AM GMT+7" or ISO. */
export function parseFormsTimestamp(text: string, tz: string): number | null {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return zonedToUtc(tz, +m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  m =
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(?:GMT([+-]\d{1,2})(?::?(\d{2}))?)?$/i.exec(
      t,
    );
  if (m) {
    let h = +m[4]!;
    if (m[7]) h = (h % 12) + (m[7].toUpperCase() === "PM" ? 12 : 0);
    if (m[8] !== undefined) {
      const off = (+m[8] * 60 + Math.sign(+m[8] || 1) * +(m[9] ?? 0)) * 60_000;
      return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, h, +m[5]!, +(m[6] ?? 0)) - off;
    }
    return zonedToUtc(tz, +m[1]!, +m[2]!, +m[3]!, h, +m[5]!, +(m[6] ?? 0));
  }
  const iso = Date.parse(t);
  return Number.isNaN(iso) ? null : iso;
}

/**
 * Submits every response of a Forms CSV export: "Timestamp" sets the time, "Email Address" the
 * respondent, checkbox answers are split on ", ", empty cells are unanswered.
 */
export function importFormsCsv(
  ws: Workspace,
  formId: string,
  text: string,
  opts: Omit<SubmitOptions, "atMs" | "respondent"> = {},
): { row: number; responseId: string }[] {
  const form = formsState(ws).get(formId);
  if (!form) throw new Error(`importFormsCsv: no form ${formId}`);
  const types = new Map(form.questions().map((q) => [q.title, q.type]));
  return parseFormsCsv(text).map((rec) => {
    const answers: Answers = {};
    let atMs: number | undefined;
    let respondent: string | undefined;
    for (const [k, v] of Object.entries(rec)) {
      if (k === TIMESTAMP_HEADER) atMs = parseFormsTimestamp(v, ws.scriptTimeZone) ?? undefined;
      else if (k === EMAIL_HEADER) respondent = v || undefined;
      else if (v !== "") answers[k] = types.get(k) === "CHECKBOX" ? v.split(", ") : v;
    }
    return submitResponse(ws, formId, answers, { ...opts, atMs, respondent });
  });
}
