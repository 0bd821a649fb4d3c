/**
 * The link between a form and its response destination: the "Form Responses N" sheet, its header
 * row and column mapping, and the rows responses become.
 */
import { serviceError } from "../../core.js";
import type { Workspace } from "../../workspace.js";
import { ERR, type SheetModel } from "../sheets/model.js";
import { sheetsState } from "../sheets/state.js";
import { addSheet } from "../sheets/spreadsheet.js";
import { formatDatePattern, localeDatePattern, localeDateTimePattern } from "../sheets/values.js";
import type { FormModel, ResponseModel } from "./model.js";

export const TIMESTAMP_HEADER = "Timestamp";
export const EMAIL_HEADER = "Email Address";
/**
 * How the form's timestamps (and e.values) read in an id_ID spreadsheet; an en_US one writes
 * "M/d/yyyy H:mm:ss" (documented: the text follows the spreadsheet's locale, e.g.
 * "11/20/2026 9:15:01" in en_US). Date answers likewise ("d/M/yyyy", "M/d/yyyy").
 */
export const TIMESTAMP_FORMAT = "d/M/yyyy H:mm:ss";

/** Writes text as text (no number or date conversion). */
function setText(sheet: SheetModel, r: number, c: number, text: string): void {
  sheet.setInput(r, c, `'${text}`, false);
}

/** Links the form to a spreadsheet: a new "Form Responses N" sheet first in the tab order. */
export function linkForm(ws: Workspace, form: FormModel, spreadsheetId: string): SheetModel {
  const st = sheetsState(ws);
  const ss = st.get(spreadsheetId);
  if (!ss || !ss.canEdit(ws.actor())) throw serviceError(ERR.missing(spreadsheetId));
  st.sync();
  unlinkForm(form);
  let n = 1;
  while (ss.sheetByName(`Form Responses ${n}`)) n++;
  const headers = [
    TIMESTAMP_HEADER,
    ...(form.collectEmail ? [EMAIL_HEADER] : []),
    ...form.questions().map((q) => q.title),
  ];
  const sheet = addSheet(ss, `Form Responses ${n}`, 0, undefined, Math.max(26, headers.length));
  sheet.frozenRows = 1;
  const columns = new Map<string, number>();
  columns.set("timestamp", 1);
  if (form.collectEmail) columns.set("email", 2);
  const offset = columns.size;
  form.questions().forEach((q, i) => columns.set(String(q.id), offset + i + 1));
  sheet.formLink = { formId: form.id, formUrl: form.linkUrl, columns };
  headers.forEach((h, i) => setText(sheet, 1, i + 1, h));
  form.destination = { spreadsheetId, sheet };
  for (const r of form.responses) writeResponse(form, r);
  st.hideUntilFlush(sheet);
  return sheet;
}

export function unlinkForm(form: FormModel): void {
  const d = form.destination;
  if (d && d.sheet.formLink?.formId === form.id) d.sheet.formLink = null;
  form.destination = null;
}

/** The columns of the response sheet in order, each with its key. Adds columns for new questions. */
function syncColumns(form: FormModel, sheet: SheetModel): [string, number][] {
  const link = sheet.formLink!;
  if (form.collectEmail && !link.columns.has("email")) addColumn(sheet, "email", EMAIL_HEADER);
  for (const q of form.questions()) {
    const key = String(q.id);
    if (!link.columns.has(key)) addColumn(sheet, key, q.title);
    else setText(sheet, 1, link.columns.get(key)!, q.title);
  }
  return [...link.columns.entries()].sort((a, b) => a[1] - b[1]);
}

function addColumn(sheet: SheetModel, key: string, title: string): void {
  const link = sheet.formLink!;
  const col = Math.max(sheet.lastCol(), ...link.columns.values()) + 1;
  sheet.grow(sheet.maxRows, col);
  link.columns.set(key, col);
  setText(sheet, 1, col, title);
}

/** An answer as the event's values / namedValues give it. */
function answerText(
  form: FormModel,
  itemId: number,
  answer: string | string[] | undefined,
  locale: string,
): string {
  if (answer === undefined) return "";
  if (Array.isArray(answer)) return answer.join(", ");
  const item = form.items.find((i) => i.id === itemId);
  if (item?.type === "DATE" && /^\d{4}-\d{2}-\d{2}$/.test(answer)) {
    const [y, m, d] = answer.split("-").map(Number);
    return formatDatePattern(new Date(Date.UTC(y!, m! - 1, d!)), localeDatePattern(locale), "UTC", locale);
  }
  return answer;
}

export interface WrittenResponse {
  sheet: SheetModel;
  row: number;
  lastCol: number;
  values: string[];
  namedValues: Record<string, string[]>;
}

/**
 * Appends a response below the last row with content (growing the sheet), as Forms does: the
 * timestamp as a Date, then the answers, converted like typed input (numbers, dates) – the sheet
 * is not a faithful copy of the answers, the event is.
 */
export function writeResponse(form: FormModel, response: ResponseModel): WrittenResponse | null {
  const d = form.destination;
  if (!d || d.sheet.deleted || d.sheet.formLink?.formId !== form.id) return null;
  const sheet = d.sheet;
  const tz = sheet.parent.timeZone;
  const locale = sheet.parent.locale;
  const stampFormat = localeDateTimePattern(locale);
  const cols = syncColumns(form, sheet);
  const row = sheet.lastRow() + 1;
  const lastCol = cols[cols.length - 1]![1];
  sheet.grow(row, lastCol);
  const values: string[] = [];
  const namedValues: Record<string, string[]> = {};
  for (const [key, col] of cols) {
    let text: string;
    if (key === "timestamp") {
      const ts = new Date(response.timestampMs);
      sheet.setInput(row, col, ts);
      (sheet.ensure(row, col).fmt ??= {}).numberFormat = stampFormat;
      text = formatDatePattern(ts, stampFormat, tz, locale);
    } else if (key === "email") {
      text = response.respondent;
      setText(sheet, row, col, text);
    } else {
      const id = Number(key);
      const answer = response.answers.get(id);
      text = answerText(form, id, answer, locale);
      if (Array.isArray(answer)) setText(sheet, row, col, text);
      else if (answer !== undefined) sheet.setInput(row, col, answer, false);
    }
    values.push(text);
    const header = sheet.cell(1, col);
    const title = header ? String(header.v) : "";
    (namedValues[title] ??= []).push(text);
  }
  return { sheet, row, lastCol, values, namedValues };
}
