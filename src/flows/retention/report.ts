/** What the retention pass reports (flows/retention.ts), and what its parts share. */
import type { PersonalField } from "../../domain/retention.js";
import { batches, PERSONAL_FIELDS } from "../../domain/retention.js";
import type { Ctx } from "../../workspace/context.js";
import type { RegisterRow } from "../../workspace/register.js";
import { REGISTER_COLUMNS, type RegisterKey } from "../../workspace/schema.js";
import type { ColumnDef } from "../../workspace/table.js";
import { PROP } from "../../domain/keys.js";

export interface RetentionReport {
  /** false when the pass did not run (done already today, or no register). */
  ran: boolean;
  /** Tickets whose personal fields were erased by this pass. */
  erased: string[];
  /** Form response rows erased. */
  responseRows: number;
  /** Tickets erased with responses that could not be found by their identity (left untouched, reported). */
  unlocated: string[];
  /** Due rows left for the next sweep (time budget, or the lock was busy). */
  pending: number;
  /** Finished requests past retention whose provisioning still needs the personal address. */
  waiting: number;
  /** Closed rows without any date (nothing tells since when they are closed): never erased. */
  undated: number;
  /** First names erased in the status page's records (Status Publik). */
  statusNames: number;
  /** Complaints whose complainant's name, address and text were erased. */
  complaints: string[];
  /** Requests erased in the yearly archives (their log entries are in the live log). */
  archived?: string[];
  /** Bulk requests whose list sheet's personal data was erased (flows/batch.ts eraseBatchLists). */
  batchLists: string[];
}

/** One retention run: what each of its passes is given (flows/retention.ts sweepRetention). */
export interface RetentionRun {
  ctx: Ctx;
  /** Whether time is left for another batch. */
  budget: () => boolean;
  report: RetentionReport;
  nowMs: number;
  /** The run's office-local day ("yyyy-MM-dd"). */
  today: string;
}

/** Script property: the office-local day ("yyyy-MM-dd") of the last finished pass. */
export const RETENTION_DAY_KEY = PROP.retentionDay;
/** One batch: at most this many rows… */
export const BATCH_ROWS = 100;
/** …in at most this many runs of consecutive rows. */
export const BATCH_RUNS = 10;

/** Due rows in the pass's batches: at most BATCH_ROWS rows in BATCH_RUNS runs each. */
export function retentionBatches(rows: number[]): number[][] {
  return batches(rows, BATCH_ROWS, BATCH_RUNS);
}

/** The personal fields are register columns (a compile-time check of the names). */
const FIELD_KEYS: readonly RegisterKey[] = PERSONAL_FIELDS;

/** The register is written from the first personal column to the last one ("Diperbarui"). */
export const FIRST_WRITTEN = Math.min(
  ...FIELD_KEYS.map((k) => REGISTER_COLUMNS.findIndex((c) => c.key === k)),
);

export interface Erasure {
  rowNumber: number;
  row: RegisterRow;
  fields: PersonalField[];
  accountGiven: boolean;
  responseRows: number[];
  /** Responses of the ticket that could not be found by their identity (left untouched). */
  unlocated: number;
}

/**
 * In an archive every text is written as a literal (its sheets have no plain-text columns):
 * the same columns, none of them plain text (workspace/archive.ts appendRows).
 */
export function literalColumns<K extends string>(columns: readonly ColumnDef<K>[]): ColumnDef<K>[] {
  return columns.map((c) => ({ ...c, plainText: false }));
}
