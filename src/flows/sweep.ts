/**
 * The time-driven sweep (every 10 minutes): repairs what a failed or missed trigger left undone.
 * - intake: every response in the responses sheet that the index lacks is registered;
 * - register vs log: rows whose status disagrees with their recorded history are repaired or
 *   flagged (reconcile.ts);
 * - mail: queued mails are sent while the quota lasts;
 * - provisioning (provision/sweep.ts, first, with half the budget): runs cut off anywhere are resumed,
 *   letters that waited for mail quota are sent, leftover working copies of letters are deleted,
 *   temporary passwords never used are invalidated;
 * - bulk requests (batch.ts): a lost import worker replaced; batch rows kept current, the OPD's
 *   one summary once every member of its batch is closed;
 * - retention (retention.ts, once a day): personal fields of requests closed longer than
 *   retensi_hari ago are erased in the register and the responses sheet;
 * - the yearly archive (archive.ts, when due, outside office hours): closed requests of past
 *   years and the log's prefix move to the year's archive spreadsheet;
 * - the time standard (reminders.ts, last): reminders, escalations and digests of requests and
 *   of unanswered complaints (complaints.ts, complaintSource); every row's
 *   total against the service standard; the Dasbor sheet (dashboard.ts) and, on the first working
 *   day of a month, the monthly recap (recap.ts), from the same read of the register.
 * It works within a time budget well under the 6-minute limit and leaves the rest to its next run.
 */
import { t } from "../domain/text/index.js";
import { earliest, parseSummary, planSweep, summaryAfter } from "../domain/sweepplan.js";
import { context, INSTALLER_PROPERTY, type Ctx } from "../workspace/context.js";
import { DUP_INDEX_PROPERTY, repairDupKeys } from "../workspace/duplicates.js";
import { logError } from "../workspace/errors.js";
import { publishLogHead } from "../workspace/log.js";
import { drainMailQueue, mailsAwaiting } from "../workspace/mailqueue.js";
import { scriptProperties } from "../workspace/properties.js";
import { registerTable } from "../workspace/register.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { SWEEP_SUMMARY_PROPERTY, WORK_AT_PROPERTY } from "../workspace/sweepstate.js";
import { effectiveAccount } from "../workspace/trust.js";
import { sweepArchive, type ArchiveReport } from "./archive.js";
import { batchImportsPending } from "./batch.js";
import { scheduleBatchImports, sweepBatches, type BatchSweepReport } from "./batch-sweep.js";
import { complaintSource } from "./complaints.js";
import { refreshDashboard, type DashboardReport } from "./dashboard.js";
import { checkFormDaily, type FormCheck } from "./formcheck.js";
import { retryGroupJoins, type JoinRetryReport } from "./groups.js";
import { refreshLicencesDaily } from "./licences.js";
import { sweepProvisioning, type ProvisionSweepReport } from "./provision/index.js";
import { sweepRecap, type RecapReport } from "./recap.js";
import { reconcileRegister } from "./reconcile.js";
import { liveLocale, recoverResponses } from "./recover.js";
import { registerSource, sweepReminders, type RegisterSnapshot, type ReminderReport } from "./reminders.js";
import { sweepRetention, type RetentionReport } from "./retention.js";
import { sweepUnused, type UnusedReport } from "./unused.js";
import { sweepUpkeep } from "./upkeep.js";

/** Stop starting new work after this long (the limit is 6 minutes). */
export const SWEEP_BUDGET_MS = 4 * 60 * 1000;

export interface SweepReport {
  recovered: string[];
  mailsSent: number;
  pending: number;
  /** Register rows compared with the log: rewritten from it, or flagged for an administrator. */
  repaired: string[];
  flagged: string[];
  /** Provisioning resumed, letters sent, credentials expired (provision/sweep.ts). */
  provisioning?: ProvisionSweepReport;
  /** Personal data of requests closed longer than retensi_hari ago, erased (retention.ts; once a day). */
  retention?: RetentionReport;
  /** Set when the sweep refused to work: it runs as another account than the recorded service account. */
  refused?: string;
  /** Group joins that failed earlier, tried again (groups.ts). */
  groups?: JoinRetryReport;
  /** The form still published and open to applicants (once a day; checkForm). */
  formCheck?: FormCheck;
  /** Reminders, escalations and digests sent (reminders.ts). */
  reminders?: ReminderReport;
  /** The Dasbor sheet refreshed (dashboard.ts). */
  dashboard?: DashboardReport;
  /** The monthly recap sent in this sweep (recap.ts). */
  recap?: RecapReport;
  /** The accounts counted against the licences (licences.ts; once a day, when lisensi is set). */
  licences?: number;
  /** Accounts never used: reminders, monthly lists, suspension proposals (unused.ts; once a day). */
  unused?: UnusedReport;
  /** Set when the sweep found nothing to do since its last full pass and stopped (domain/sweepplan.ts). */
  idle?: true;
  /** Why this sweep made its full pass (domain/sweepplan.ts; "requested": an administrator). */
  fullBecause?: string;
  /** Set when the full pass left work: the next sweep makes its full pass too. */
  outstanding?: true;
  /** The earliest moment this full pass found something timed falls due (0: none). */
  nextDueMs?: number;
  /** Bulk requests: batch rows refreshed, summaries sent to the OPDs (batch.ts). */
  batches?: BatchSweepReport;
  /** The yearly archive, started or continued (archive.ts; only when a year's archive is due). */
  archive?: ArchiveReport;
}

export function budgetFrom(startMs: number, ms = SWEEP_BUDGET_MS): () => boolean {
  return () => Date.now() - startMs < ms;
}

/**
 * The sweep. `full`: make the full pass whatever the summary says (an administrator's request);
 * otherwise an idle sweep (nothing marked, nothing due, domain/sweepplan.ts) stops after one read
 * of the Script Properties.
 */
export function runSweep(opts: { full?: boolean } = {}): SweepReport {
  const start = Date.now();
  const budget = budgetFrom(start);
  // One read of every Script Property: the installer, the last full pass's summary, the work mark.
  const props = scriptProperties();
  const stored = props.getProperties();
  // The triggers' owner: a sweep trigger installed by another account (a second installer) runs
  // with that account's rights and must do nothing; it says so in the error log.
  const installer = (stored[INSTALLER_PROPERTY] ?? "").toLowerCase();
  const me = effectiveAccount();
  if (!installer || me !== installer) {
    const ctx = context();
    const refused = t(ctx.config.language, "trust.sweep_other_account", {
      me: me || "?",
      installer: installer || "?",
    });
    logError(ctx.ss, "sweep", "", refused, { leavesWork: false });
    return { recovered: [], mailsSent: 0, pending: 0, repaired: [], flagged: [], refused };
  }
  // Nothing to do since the last full pass (domain/sweepplan.ts): stop here, the register unopened.
  const plan = planSweep(
    parseSummary(stored[SWEEP_SUMMARY_PROPERTY]),
    Number(stored[WORK_AT_PROPERTY] ?? 0) || 0,
    start,
  );
  if (!plan.full && !opts.full)
    return { recovered: [], mailsSent: 0, pending: 0, repaired: [], flagged: [], idle: true };
  const ctx = context();
  // Outstanding until this pass says otherwise: a pass cut off anywhere is followed by another.
  props.setProperty(SWEEP_SUMMARY_PROPERTY, JSON.stringify(summaryAfter(start, ctx.offset, true)));
  let failed = false;
  const step = <T>(fn: () => T, when = true): T | undefined =>
    guardedStep(ctx, fn, when, () => (failed = true));
  liveLocale(ctx);
  // Provisioning first: a letter cut off while sending is judged by the mail quota, so it goes
  // before this sweep's own mails; half the budget, so intake is never starved.
  const provisioning = step(() => sweepProvisioning(ctx, budgetFrom(start, SWEEP_BUDGET_MS / 2)));
  const groups = step(() => retryGroupJoins(ctx, budget), budget());
  const intake = recoverResponses(ctx, budget);
  const services = recoverResponses(ctx, budget, SHEET_NAMES.serviceResponses);
  intake.recovered.push(...services.recovered);
  intake.pending += services.pending;
  // Guarded: a lock timeout (or any failure) in the reconciliation must not skip the rest.
  const reconciled = step(() => reconcileRegister(ctx), budget());
  let mailsSent = 0;
  if (budget()) mailsSent = drainMailQueue(ctx, budget);
  step(() => publishLogHead(ctx, Date.now()));
  const formCheck = step(() => checkFormDaily(ctx), budget());
  // The accounts against the licences, at most once a day (licences.ts).
  const licences = step(() => refreshLicencesDaily(ctx), budget()) ?? null;
  // Accounts never used: reminders, the OPDs' monthly lists, suspension proposals (once a day).
  const unused = step(() => sweepUnused(ctx), budget()) ?? null;
  const retention = step(() => sweepRetention(ctx, budget), budget());
  // Bulk requests: an import whose worker was lost gets a new one; the batch rows follow their
  // members, and a batch whose members are all closed sends the OPD its one summary (batch.ts).
  step(() => scheduleBatchImports(ctx), budget());
  const importing = step(() => batchImportsPending()) ?? true;
  const batches = step(() => sweepBatches(ctx), budget());
  // Reminders (only after a reconcile that completed: a mark lost with a cut-off row write is
  // restored from the log first, or a reminder could go out twice), and the register's totals
  // against the standard.
  const snapshot: RegisterSnapshot = { rows: [] };
  const reminders = step(
    () => sweepReminders(ctx, [registerSource(snapshot), complaintSource()]),
    reconciled !== undefined && budget(),
  );
  // The dashboard and the monthly recap from the rows the reminder pass read (no read of their own).
  let dashboard: DashboardReport | undefined;
  let recap: RecapReport | null | undefined;
  if (reminders && budget()) {
    const rows = snapshot.rows.map((r) => r.row);
    step(() => {
      dashboard = refreshDashboard(ctx, rows, Date.now());
      recap = sweepRecap(ctx, rows);
    });
  }
  // The duplicate keys against the rows the reminder pass read (no read of its own when in order):
  // a register from an earlier build gets them here, and a row they disagree with is repaired.
  if (reminders && budget())
    step(() =>
      repairDupKeys(registerTable(ctx.ss), ctx.config, snapshot.rows, stored[DUP_INDEX_PROPERTY] === "1"),
    );
  // The yearly archive when one is due (one Script Property read otherwise), outside office hours.
  const archive = step(() => sweepArchive(ctx, budget), budget()) ?? null;
  // Last: sent mail leaves the queue (this sweep's own too); a slice of the log's full check.
  const upkeep = sweepUpkeep(ctx, budget);
  // What this pass leaves for the next sweep: while anything does, the next one is full too.
  const awaiting = step(() => mailsAwaiting(ctx));
  const outstanding =
    failed ||
    !budget() ||
    awaiting !== 0 ||
    !provisioning ||
    provisioning.queued + provisioning.underway + provisioning.deferred + provisioning.waitingForQuota > 0 ||
    provisioning.resumed.length > 0 ||
    (groups?.stillPending.length ?? 0) > 0 ||
    intake.pending > 0 ||
    intake.recovered.length > 0 ||
    (reconciled?.repaired.length ?? 0) > 0 ||
    (retention?.pending ?? 0) > 0 ||
    importing ||
    (archive !== null && !archive.done) ||
    !reminders ||
    (upkeep.log !== undefined && !upkeep.log.done);
  const nextDueMs = earliest(reminders?.nextDueMs ?? 0, provisioning?.nextExpiryMs ?? 0);
  step(() =>
    props.setProperty(
      SWEEP_SUMMARY_PROPERTY,
      JSON.stringify(summaryAfter(start, ctx.offset, outstanding, nextDueMs)),
    ),
  );
  return {
    recovered: intake.recovered,
    mailsSent,
    pending: intake.pending,
    ...(reconciled ?? { repaired: [], flagged: [] }),
    ...(provisioning ? { provisioning } : {}),
    ...(retention ? { retention } : {}),
    ...(groups ? { groups } : {}),
    ...(formCheck ? { formCheck } : {}),
    ...(reminders ? { reminders } : {}),
    ...(dashboard ? { dashboard } : {}),
    ...(recap ? { recap } : {}),
    ...(licences !== null ? { licences } : {}),
    ...(unused ? { unused } : {}),
    ...(outstanding ? { outstanding } : {}),
    fullBecause: plan.full ? plan.reason : "requested",
    nextDueMs,
    ...(batches ? { batches } : {}),
    ...(archive ? { archive } : {}),
  };
}

/**
 * One step of the sweep, run only `when` it is due: a failure (a lock timeout included) is logged
 * and never skips the steps after it. Undefined when it did not run or failed.
 */
function guardedStep<T>(ctx: Ctx, fn: () => T, when = true, onFail?: () => void): T | undefined {
  if (!when) return undefined;
  try {
    return fn();
  } catch (e) {
    onFail?.();
    logError(ctx.ss, "sweep", "", e);
    return undefined;
  }
}
