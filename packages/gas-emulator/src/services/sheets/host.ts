/**
 * Host-side functions (not script APIs): the bound spreadsheet, people editing and opening the
 * spreadsheet (which fires ON_EDIT / ON_OPEN with the real event shapes), and reading sheets as
 * tables or CSV for assertions and dumps.
 */
import { Workspace } from "../../workspace.js";
import { cellA1, parseA1, type Rect } from "./a1.js";
import { createSpreadsheet } from "./app.js";
import { ERR, type LinkAccess, type CellData, type SheetModel, type SpreadsheetModel } from "./model.js";
import { sheetsState, type MenuRecord, type ToastRecord } from "./state.js";
import { Range } from "./range.js";
import { Sheet } from "./sheet.js";
import { spreadsheetObject, type Spreadsheet } from "./spreadsheet.js";
import type { CellValue } from "./types.js";
import { User } from "./user.js";
import { satisfies } from "./validation.js";
import { displayValue, eventString, parseInput } from "./values.js";

// The Sheets service answers who can see a spreadsheet's sharing (a bound project's container).
Workspace.containerAccessProvider = (ws, id, email) => {
  const c = sheetsState(ws).get(id);
  if (!c) return null;
  if (c.canEdit(email)) return "edit";
  return c.canRead(email) ? "view" : null;
};

/**
 * Creates the spreadsheet the script is bound to, owned by the workspace owner: the project
 * becomes bound, and every editor of the spreadsheet can edit the project (documented).
 */
export function createBoundSpreadsheet(ws: Workspace, name: string): Spreadsheet {
  const st = sheetsState(ws);
  const m = createSpreadsheet(st, name, ws.owner.email);
  st.boundId = m.id;
  ws.project.boundTo = m.id;
  return spreadsheetObject(st, m);
}

/** A spreadsheet owned by `owner` that no script is bound to (a standalone project opens it by id). */
export function createStandaloneSpreadsheet(
  ws: Workspace,
  name: string,
  owner = ws.owner.email,
): Spreadsheet {
  const st = sheetsState(ws);
  return spreadsheetObject(st, createSpreadsheet(st, name, owner));
}

/**
 * General access of a spreadsheet ("anyone with the link" or "everyone in the domain with the
 * link"), as set in the Share dialog. Link editors can edit without being named editors.
 */
export function shareByLink(
  ws: Workspace,
  spreadsheetId: string,
  access: LinkAccess,
  permission: "VIEW" | "COMMENT" | "EDIT" = "EDIT",
): void {
  const ss = sheetsState(ws).get(spreadsheetId);
  if (!ss) throw new Error(ERR.missing(spreadsheetId));
  ss.linkAccess = access;
  ss.linkPermission = permission;
}

/** Someone who is not a named editor, editing through a link-shared spreadsheet's link. */
export const ANONYMOUS = "";

/**
 * The user an edit event names. Documented: `e.user` / the active user is blank when policy
 * hides it, in practice when the editor and the trigger's owner are in different domains.
 * Reported: an anonymous editor of a link-shared sheet appears as the spreadsheet's owner in an
 * installable trigger's `e.user`.
 */
function eventUser(ss: SpreadsheetModel, editor: string, effectiveUser: string): string {
  if (!editor) return ss.owner;
  const d = (x: string) => x.slice(x.lastIndexOf("@") + 1).toLowerCase();
  return d(editor) === d(effectiveUser) ? editor : "";
}

/** A spreadsheet object for the harness, whoever owns it (no permission check). */
export function openSpreadsheet(ws: Workspace, id: string): Spreadsheet {
  const st = sheetsState(ws);
  const m = st.get(id);
  if (!m) throw new Error(ERR.missing(id));
  return spreadsheetObject(st, m);
}

export type EditResult = { ok: true } | { ok: false; error: string };

export interface EditTarget {
  spreadsheetId: string;
  sheet: string;
  /** "B3" or "B3:D4"; a single cell with a larger `values` grid pastes from that cell. */
  a1: string;
}

/**
 * A person typing (or pasting) into the spreadsheet in the browser. Checks, as Sheets does: edit
 * access, protections (warning-only ones let the edit through), data validation (one rejected cell
 * rejects the whole edit; allowInvalid rules accept and mark the cell). Then writes the values
 * (strings are parsed as typed: "=..." formulas, digits numbers, "'..." text) and fires ON_EDIT.
 */
export function userEdit(ws: Workspace, email: string, target: EditTarget, values: unknown[][]): EditResult {
  const st = sheetsState(ws);
  const who = email.toLowerCase();
  const ss = st.get(target.spreadsheetId);
  if (!ss || !ss.canRead(who)) return { ok: false, error: ERR.missing(target.spreadsheetId) };
  if (!ss.canEdit(who)) return { ok: false, error: "You do not have edit access to this spreadsheet." };
  const sheet = ss.sheetByName(target.sheet);
  if (!sheet) return { ok: false, error: `No sheet named "${target.sheet}".` };
  const ref = parseA1(target.a1, () => ({ rows: sheet.maxRows, cols: sheet.maxCols }));
  if (!ref) throw new Error(`userEdit: bad A1 reference ${target.a1}`);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  if (rows === 0 || cols === 0 || values.some((r) => r.length !== cols)) {
    throw new Error("userEdit: values must be a non-empty rectangular grid");
  }
  let rect: Rect = ref.rect;
  const single = rect.r1 === rect.r2 && rect.c1 === rect.c2;
  if (single) rect = { r1: rect.r1, c1: rect.c1, r2: rect.r1 + rows - 1, c2: rect.c1 + cols - 1 };
  else if (rect.r2 - rect.r1 + 1 !== rows || rect.c2 - rect.c1 + 1 !== cols) {
    throw new Error(`userEdit: values are ${rows}x${cols} but ${target.a1} is not`);
  }
  if (rect.r2 > sheet.maxRows || rect.c2 > sheet.maxCols) return { ok: false, error: ERR.outside };
  if (ss.blockingProtection(sheet, rect, who)) return { ok: false, error: ERR.protected };

  // Parse and validate every cell before writing anything.
  const planned: { r: number; c: number; input: unknown; invalid: boolean }[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = rect.r1 + i;
      const c = rect.c1 + j;
      const input = values[i]![j];
      const cell = sheet.cell(r, c);
      const parsed = parse(input, ss, cell);
      let invalid = false;
      if (
        cell?.dv &&
        parsed.formula === undefined &&
        !satisfies(cell.dv, parsed.value, ss.timeZone, rangeTexts)
      ) {
        if (!cell.dv.allowInvalid) {
          return {
            ok: false,
            error: `The data you entered in cell ${cellA1(r, c)} violates the data validation rules set on this cell.`,
          };
        }
        invalid = true;
      }
      planned.push({ r, c, input, invalid });
    }
  }
  const oneCell = rows === 1 && cols === 1;
  const before = oneCell ? sheet.cell(rect.r1, rect.c1) : undefined;
  const oldValue =
    before && before.f === undefined && before.v !== "" ? eventString(before.v, ss.timeZone) : undefined;
  for (const p of planned) {
    sheet.setInput(p.r, p.c, p.input);
    if (p.invalid) sheet.ensure(p.r, p.c).invalid = true;
  }
  const after = oneCell ? sheet.cell(rect.r1, rect.c1) : undefined;
  const value =
    after && after.f === undefined && after.v !== "" ? eventString(after.v, ss.timeZone) : undefined;
  const editedRect = { ...rect };
  ws.fire("ON_EDIT", ss.id, who, (triggerUid, authMode, effectiveUser) => {
    const e: Record<string, unknown> = {
      authMode,
      range: new Range(st, sheet, editedRect),
      source: spreadsheetObject(st, ss),
      user: new User(eventUser(ss, who, effectiveUser)),
    };
    if (oneCell && value !== undefined) e.value = value;
    if (oneCell && oldValue !== undefined) e.oldValue = oldValue;
    if (triggerUid !== undefined) e.triggerUid = triggerUid;
    return e;
  });
  return { ok: true };
}

function parse(
  input: unknown,
  ss: SpreadsheetModel,
  cell: CellData | undefined,
): { value: CellValue; formula?: string } {
  if (input === null || input === undefined) return { value: "" };
  if (typeof input === "string")
    return parseInput(input, ss.timeZone, cell?.fmt?.numberFormat, true, ss.locale);
  if (input instanceof Date) return { value: new Date(input.getTime()) };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  return { value: String(input) };
}

function rangeTexts(range: unknown): string[] {
  if (!(range instanceof Range)) return [];
  const out: string[] = [];
  for (const row of range.getDisplayValues()) for (const v of row) if (v !== "") out.push(v);
  return out;
}

/** A person opening the spreadsheet in the browser: fires ON_OPEN (simple onOpen and installable). */
export function userOpen(ws: Workspace, email: string, spreadsheetId: string): void {
  const st = sheetsState(ws);
  const ss = st.get(spreadsheetId);
  const who = email.toLowerCase();
  if (!ss || !ss.canRead(who)) throw new Error(ERR.missing(spreadsheetId));
  ws.fire("ON_OPEN", ss.id, who, (triggerUid, authMode) => {
    const e: Record<string, unknown> = { authMode, source: spreadsheetObject(st, ss), user: new User(who) };
    if (triggerUid !== undefined) e.triggerUid = triggerUid;
    return e;
  });
}

/** Applies buffered writes: of one execution, or of all. */
export function flushSheets(ws: Workspace, execution?: number): void {
  const st = sheetsState(ws);
  if (execution === undefined) st.flushAll();
  else st.flush(execution);
}

export function toasts(ws: Workspace): readonly ToastRecord[] {
  return sheetsState(ws).toasts;
}

/** The menus added to the UI (latest per caption), optionally for one user. */
export function menus(ws: Workspace, user?: string): MenuRecord[] {
  const byCaption = new Map<string, MenuRecord>();
  for (const u of sheetsState(ws).ui) {
    if (u.kind !== "menu" || !u.menu) continue;
    if (user && u.user !== user.toLowerCase()) continue;
    byCaption.set(u.menu.caption, u.menu);
  }
  return [...byCaption.values()];
}

/** What one cell holds, for assertions. */
export function cellInfo(
  ws: Workspace,
  spreadsheetId: string,
  sheetName: string,
  a1: string,
): { value: CellValue; formula: string; display: string; note: string; invalid: boolean; format: object } {
  const ss = sheetsState(ws).get(spreadsheetId);
  const sheet = ss?.sheetByName(sheetName);
  const ref = sheet && parseA1(a1, () => ({ rows: sheet.maxRows, cols: sheet.maxCols }));
  if (!ss || !sheet || !ref) throw new Error(`cellInfo: no cell ${sheetName}!${a1}`);
  const cell = sheet.cell(ref.rect.r1, ref.rect.c1);
  return {
    value: cell?.v ?? "",
    formula: cell?.f ?? "",
    display: cell ? displayValue(cell.v, ss.timeZone, cell.fmt?.numberFormat, ss.locale) : "",
    note: cell?.note ?? "",
    invalid: cell?.invalid ?? false,
    format: { ...cell?.fmt },
  };
}

/**
 * A sheet as a table of strings, rows 1..last row, columns 1..last column: displayed values,
 * formulas as their text.
 */
export function sheetToTable(sheet: Sheet | SheetModel): string[][] {
  const m = sheet instanceof Sheet ? sheet._model : sheet;
  const tz = m.parent.timeZone;
  const lastRow = m.lastRow();
  const lastCol = m.lastCol();
  const out: string[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const row = m.rows[r - 1];
    const line: string[] = [];
    for (let c = 1; c <= lastCol; c++) {
      const cell = row?.[c - 1];
      line.push(
        !cell
          ? ""
          : cell.f !== undefined
            ? cell.f
            : displayValue(cell.v, tz, cell.fmt?.numberFormat, m.parent.locale),
      );
    }
    out.push(line);
  }
  return out;
}

/** RFC 4180 CSV (CRLF line ends, fields quoted when they contain a comma, quote or line break). */
export function toCsv(table: string[][]): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return table.map((row) => row.map(field).join(",")).join("\r\n") + (table.length ? "\r\n" : "");
}

/** Every sheet of a spreadsheet as CSV, keyed by sheet name. */
export function exportSpreadsheetCsv(ws: Workspace, id: string): Record<string, string> {
  const ss = sheetsState(ws).get(id);
  if (!ss) throw new Error(ERR.missing(id));
  const out: Record<string, string> = {};
  for (const s of ss.sheets) out[s.name] = toCsv(sheetToTable(s));
  return out;
}
