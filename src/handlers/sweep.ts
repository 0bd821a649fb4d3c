/**
 * The time-driven sweep (every 10 minutes): repairs what a failed or missed trigger left undone.
 * - intake: every response in the responses sheet that the index lacks is registered;
 * - register vs log: rows whose status disagrees with their recorded history are repaired or
 *   flagged (reconcile.ts);
 * - mail: queued mails are sent while the quota lasts;
 * - provisioning (provision.ts, first, with half the budget): runs cut off anywhere are resumed,
 *   letters that waited for mail quota are sent, leftover working copies of letters are deleted,
 *   temporary passwords never used are invalidated;
 * - retention (retention.ts, last, once a day): personal fields of requests closed longer than
 *   retensi_hari ago are erased in the register and the responses sheet.
 * It works within a time budget well under the 6-minute limit and leaves the rest to its next run.
 */
import { t } from "../domain/text/index.js";
import { context, type Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { drainMailQueue } from "../workspace/mail.js";
import { publishLogHead } from "../workspace/log.js";
import { indexTable, responseKey } from "../workspace/register.js";
import { isErasureMarker } from "../domain/retention.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { processResponse, type NamedValues } from "./intake.js";
import { reconcileRegister, type ReconcileReport } from "./reconcile.js";
import { sweepProvisioning, type ProvisionSweepReport } from "./provision.js";
import { sweepRetention, type RetentionReport } from "./retention.js";

/** Stop starting new work after this long (the limit is 6 minutes). */
export const SWEEP_BUDGET_MS = 4 * 60 * 1000;

export interface SweepReport {
  recovered: string[];
  mailsSent: number;
  pending: number;
  /** Register rows compared with the log: rewritten from it, or flagged for an administrator. */
  repaired: string[];
  flagged: string[];
  /** Provisioning resumed, letters sent, credentials expired (provision.ts). */
  provisioning?: ProvisionSweepReport;
  /** Personal data of requests closed longer than retensi_hari ago, erased (retention.ts; once a day). */
  retention?: RetentionReport;
}

export function budgetFrom(startMs: number, ms = SWEEP_BUDGET_MS): () => boolean {
  return () => Date.now() - startMs < ms;
}

/** Registers responses the index does not know. */
export function recoverResponses(ctx: Ctx, budget: () => boolean): { recovered: string[]; pending: number } {
  const responses = ctx.ss.getSheetByName(SHEET_NAMES.responses);
  const recovered: string[] = [];
  if (!responses) return { recovered, pending: 0 };
  const last = responses.getLastRow();
  if (last < 2) return { recovered, pending: 0 };
  // Registered responses are known by their stable key (responseKey); entries from before the
  // key existed by their row. Rows whose cells retention erased are registered by definition.
  const index = indexTable(ctx.ss).readColumns(["responseRow", "responseKey"] as const);
  const keys = new Set(index.responseKey.map(String).filter(Boolean));
  const legacyRows = new Set(
    index.responseRow.filter((_, i) => String(index.responseKey[i] ?? "") === "").map((v) => Number(v)),
  );
  const width = responses.getLastColumn();
  const all = responses.getRange(2, 1, last - 1, width).getValues();
  const rowKeys = all.map((cells) => responseKey(cells));
  const missing: number[] = [];
  for (let r = 2; r <= last; r++) {
    const cells = all[r - 2] ?? [];
    if (keys.has(rowKeys[r - 2]!) || legacyRows.has(r) || cells.some((c) => isErasureMarker(c))) continue;
    missing.push(r);
  }
  if (missing.length === 0) return { recovered, pending: 0 };

  const first = missing[0]!;
  const span = responses.getRange(first, 1, last - first + 1, width);
  const values = all.slice(first - 2);
  const display = span.getDisplayValues();
  const headers = responses.getRange(1, 1, 1, width).getDisplayValues()[0] ?? [];
  let pending = 0;
  for (const row of missing) {
    if (!budget()) {
      pending++;
      continue;
    }
    const v = values[row - first] ?? [];
    const d = display[row - first] ?? [];
    const named: NamedValues = {};
    headers.forEach((h, i) => {
      if (!h) return;
      named[h] = [...(named[h] ?? []), d[i] ?? ""];
    });
    const stamp = v[0];
    try {
      const out = processResponse(
        ctx,
        row,
        named,
        stamp instanceof Date ? stamp.getTime() : Date.now(),
        rowKeys[row - 2]!,
      );
      if (out.created || out.corrected !== undefined) recovered.push(out.ticket);
    } catch (e) {
      logError(ctx.ss, "sweep", t(ctx.config.language, "sheet.row", { row }), e);
    }
  }
  return { recovered, pending };
}

export function runSweep(): SweepReport {
  const start = Date.now();
  const budget = budgetFrom(start);
  const ctx = context();
  // Provisioning first: a letter cut off while sending is judged by the mail quota, so it goes
  // before this sweep's own mails; half the budget, so intake is never starved.
  let provisioning: ProvisionSweepReport | undefined;
  try {
    provisioning = sweepProvisioning(ctx, budgetFrom(start, SWEEP_BUDGET_MS / 2));
  } catch (e) {
    logError(ctx.ss, "sweep", "", e);
  }
  const intake = recoverResponses(ctx, budget);
  // Guarded: a lock timeout (or any failure) in the reconciliation must not skip the rest.
  let reconciled: ReconcileReport = { repaired: [], flagged: [] };
  if (budget()) {
    try {
      reconciled = reconcileRegister(ctx);
    } catch (e) {
      logError(ctx.ss, "sweep", "", e);
    }
  }
  let mailsSent = 0;
  if (budget()) mailsSent = drainMailQueue(ctx, budget);
  try {
    publishLogHead(ctx, Date.now());
  } catch (e) {
    logError(ctx.ss, "sweep", "", e);
  }
  let retention: RetentionReport | undefined;
  if (budget()) {
    try {
      retention = sweepRetention(ctx, budget);
    } catch (e) {
      logError(ctx.ss, "sweep", "", e);
    }
  }
  return {
    recovered: intake.recovered,
    mailsSent,
    pending: intake.pending,
    ...reconciled,
    ...(provisioning ? { provisioning } : {}),
    ...(retention ? { retention } : {}),
  };
}
