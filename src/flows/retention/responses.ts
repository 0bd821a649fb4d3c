/** The form responses sheets as the retention pass reads and erases them. */
import { isBatchResponseKey } from "../../domain/batch.js";
import { holdsData, responseColumnsToErase, rowRuns } from "../../domain/retention.js";
import { indexTable, responseKey } from "../../workspace/register.js";
import { cellText } from "../../workspace/registercodec.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import { sheetCell, type Cell } from "../../workspace/table.js";

/** The application form's responses and the account services form's. */
import type { Erasure } from "./report.js";

export interface Responses {
  main: ResponsesSheet;
  services: ResponsesSheet;
}

/**
 * The form responses sheet: which rows belong to a ticket, found by each response's stable
 * identity (register.ts responseKey, kept in the response index), never by a row number: the
 * owner may delete or sort response rows, and a row number would then name another person's
 * response. The index is read once (it lists every response a request was made from; a corrected
 * request has several), the sheet once per pass to find each identity's row; each batch reads its
 * rows' span again under the lock and checks every row's identity before anything is written (one
 * read), then writes one range per run of consecutive rows. A response that cannot be found (its
 * row deleted or changed, or an index entry without an identity) is not erased: the ticket is
 * reported (retention.response_unlocated).
 */
export class ResponsesSheet {
  private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** Ticket → the identities of its responses ("" for an entry recorded without one). */
  private keysOf: Map<string, string[]> | null = null;
  /** Identity → the rows holding it when the pass began. */
  private rowsOfKey = new Map<string, number[]>();
  private headers: Cell[] = [];
  private width = 0;
  /** The span read by the last `assign` (rows `spanFirst`…), checked there, written by `erase`. */
  private span: Cell[][] = [];
  private spanFirst = 0;

  /** The live register's spreadsheet, or a yearly archive (the same sheets). */
  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    sheetName: string = SHEET_NAMES.responses,
  ) {
    this.sheet = ss.getSheetByName(sheetName);
  }

  private load(): Map<string, string[]> {
    if (this.keysOf) return this.keysOf;
    const map = new Map<string, string[]>();
    this.keysOf = map;
    if (!this.sheet) return map;
    const last = this.sheet.getLastRow();
    this.width = this.sheet.getLastColumn();
    if (last < 2 || this.width < 1) return map;
    const all = this.sheet.getRange(1, 1, last, this.width).getValues() as Cell[][];
    this.headers = all[0] ?? [];
    for (let r = 2; r <= last; r++) {
      const key = responseKey(all[r - 1] ?? []);
      const list = this.rowsOfKey.get(key);
      if (list) list.push(r);
      else this.rowsOfKey.set(key, [r]);
    }
    if (!this.ss.getSheetByName(SHEET_NAMES.responseIndex)) return map;
    const index = indexTable(this.ss).readColumns(["responseKey", "ticket"] as const);
    index.ticket.forEach((t, i) => {
      const ticket = String(t);
      if (!ticket) return;
      const key = String(index.responseKey[i] ?? "");
      // A bulk request's person came from a list sheet, not a form response: none to erase here.
      if (isBatchResponseKey(key)) return;
      const list = map.get(ticket);
      if (!list) map.set(ticket, [key]);
      else if (key === "" || !list.includes(key)) list.push(key);
    });
    return map;
  }

  /**
   * Fills in each erasure's response rows: the rows holding its responses' identities, checked
   * again in one read of their span. What cannot be found is counted in `unlocated`.
   */
  assign(erasures: Erasure[]): void {
    const map = this.load();
    const expected = new Map<number, string>();
    for (const e of erasures) {
      for (const key of map.get(cellText(e.row.ticket)) ?? []) {
        const rows = key ? (this.rowsOfKey.get(key) ?? []) : [];
        if (rows.length === 0) e.unlocated++;
        for (const r of rows) expected.set(r, key);
        e.responseRows.push(...rows);
      }
    }
    if (!this.sheet || expected.size === 0) return;
    const rows = [...expected.keys()].sort((a, b) => a - b);
    this.spanFirst = rows[0]!;
    this.span = this.sheet
      .getRange(this.spanFirst, 1, rows[rows.length - 1]! - this.spanFirst + 1, this.width)
      .getValues() as Cell[][];
    for (const e of erasures) {
      const here = e.responseRows.filter(
        (r) => responseKey(this.span[r - this.spanFirst] ?? []) === expected.get(r),
      );
      // A row that moved or changed since the pass began: its response is not erased.
      if (here.length < e.responseRows.length) e.unlocated++;
      e.responseRows = [...new Set(here)].sort((a, b) => a - b);
    }
  }

  /** Erases the personal answers of the erasures' rows (as checked by `assign`); returns how many. */
  erase(erasures: readonly Erasure[], marker: string): number {
    if (!this.sheet) return 0;
    const plan = new Map<number, boolean[]>();
    const withAccount = responseColumnsToErase(this.headers, true);
    const withoutAccount = responseColumnsToErase(this.headers, false);
    for (const e of erasures) {
      for (const r of e.responseRows) plan.set(r, e.accountGiven ? withAccount : withoutAccount);
    }
    const cols = withoutAccount.map((x, i) => (x || withAccount[i] ? i : -1)).filter((i) => i >= 0);
    if (plan.size === 0 || cols.length === 0) return 0;
    const c0 = cols[0]!;
    const width = cols[cols.length - 1]! - c0 + 1;
    const rows = [...plan.keys()].sort((a, b) => a - b);
    for (const run of rowRuns(rows)) {
      const values: Cell[][] = [];
      for (let r = run.start; r < run.start + run.count; r++) {
        const erase = plan.get(r)!;
        const read = this.span[r - this.spanFirst] ?? [];
        values.push(
          Array.from({ length: width }, (_, j): Cell => {
            const v = read[c0 + j] ?? "";
            return erase[c0 + j] && holdsData(v) ? marker : sheetCell(v);
          }),
        );
      }
      this.sheet.getRange(run.start, c0 + 1, run.count, width).setValues(values);
    }
    return rows.length;
  }
}
