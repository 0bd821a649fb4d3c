/** The status page's records (Status Publik) as the retention pass erases their first names. */
import { holdsData, rowRuns } from "../../domain/retention.js";
import type { Ctx } from "../../workspace/context.js";
import { Table as TableOf, type Table } from "../../workspace/table.js";
import { STATUS_COLUMNS, STATUS_SHEET, statusTable, type StatusKey } from "../../workspace/statusrecords.js";
import { literalColumns } from "./report.js";

/**
 * The first names of the status page's records (Status Publik): the ticket and name columns read
 * once per pass (records are only appended, never moved), then one write per run of consecutive
 * records in a batch.
 */
export class StatusNames {
  private rowOf: Map<string, number> | null = null;
  private table: Table<StatusKey> | null = null;

  /** `archive`: the records of a yearly archive (else the live Status Publik). */
  constructor(
    private readonly ctx: Ctx,
    private readonly archive: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null,
  ) {}

  private load(): Map<string, number> {
    if (this.rowOf) return this.rowOf;
    const map = new Map<string, number>();
    this.rowOf = map;
    const sheet = this.archive ? this.archive.getSheetByName(STATUS_SHEET) : null;
    this.table = this.archive
      ? sheet
        ? new TableOf(sheet, literalColumns(STATUS_COLUMNS))
        : null
      : statusTable(this.ctx.ss, false);
    if (!this.table) return map;
    const cols = this.table.readColumns(["ticket", "firstName"] as const);
    cols.ticket.forEach((ticket, i) => {
      if (holdsData(cols.firstName[i])) map.set(String(ticket), i + 2);
    });
    return map;
  }

  /** Whether the ticket's record still shows a name. */
  holds(ticket: string): boolean {
    return this.load().has(ticket);
  }

  /** Erases the names of these tickets' records; returns how many. */
  erase(tickets: readonly string[], marker: string): number {
    const map = this.load();
    const rows = tickets.map((t) => map.get(t)).filter((r): r is number => r !== undefined);
    if (!this.table || rows.length === 0) return 0;
    const col = this.table.col("firstName");
    const value = this.table.cellFor("firstName", marker);
    for (const run of rowRuns(rows))
      this.table.sheet
        .getRange(run.start, col, run.count, 1)
        .setValues(Array.from({ length: run.count }, () => [value]));
    for (const t of tickets) map.delete(t);
    return rows.length;
  }
}
