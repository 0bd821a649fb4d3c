/** The yearly archive's run, report and register facts, shared by its parts (flows/archive.ts). */
import { archivable } from "../../domain/archive.js";
import { parseProvisionState } from "../../domain/provisioning.js";
import { closedAtMs, provisioningPending } from "../../domain/retention.js";
import { type ArchiveBook } from "../../workspace/archive.js";
import { cellMs } from "../../workspace/register.js";
import { INDEX_COLUMNS, REGISTER_COLUMNS } from "../../workspace/schema.js";
import { STATUS_COLUMNS } from "../../workspace/statusrecords.js";
import type { Cell } from "../../workspace/table.js";

/** Requests moved per critical section. */
export const ARCHIVE_BATCH = 1000;
/** Log entries copied per write. */
export const LOG_COPY_BLOCK = 5000;

export interface ArchiveRun {
  /** The month of the run ("yyyy-MM"). */
  key: string;
  /** The archive's year: the requests moved closed in it (or before). */
  year: number;
  /** Requests closed before this instant (a month's start, office time) move. */
  cutoffMs: number;
  name: string;
  id?: string;
  phase: "requests" | "log";
  moved: number;
  /** The archive's sheets, protections and sharing are in place. */
  prepared?: boolean;
  /** The last log entry copied to the archive and verified there. */
  verified?: { seq: number; hash: string };
}

export interface ArchiveReport {
  year: number;
  /** Requests moved in this execution. */
  moved: number;
  /** Log entries moved in this execution (the cut made). */
  logMoved: number;
  /** The year's archive is complete. */
  done: boolean;
}

export type Book = ArchiveBook & { run?: ArchiveRun };

export const REG = { ticket: 0, status: col("status"), provisioning: col("provisioning") };
export function col(key: (typeof REGISTER_COLUMNS)[number]["key"]): number {
  return REGISTER_COLUMNS.findIndex((c) => c.key === key);
}
export const STATUS_TICKET = STATUS_COLUMNS.findIndex((c) => c.key === "ticket");
export const INDEX_TICKET = INDEX_COLUMNS.findIndex((c) => c.key === "ticket");
export const INDEX_KEY = INDEX_COLUMNS.findIndex((c) => c.key === "responseKey");

export function facts(cells: readonly Cell[]): Parameters<typeof archivable>[0] {
  const at = (k: (typeof REGISTER_COLUMNS)[number]["key"]): Cell => cells[col(k)] ?? "";
  const label = parseProvisionState(String(at("provisioning"))).label;
  return {
    status: String(at("status")),
    closedMs: closedAtMs({
      updatedMs: cellMs(at("updatedAt")),
      otherDatesMs: [at("receivedAt"), at("stageEnteredAt"), at("createdAt"), at("letterSentAt")].map(cellMs),
    }),
    provisioningPending: provisioningPending({
      provisioningLabel: label,
      letterSentMs: cellMs(at("letterSentAt")),
    }),
  };
}
