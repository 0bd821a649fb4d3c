/**
 * Group membership that failed for a reason retrying later can fix (the group does not exist yet,
 * an address the directory refuses): the account and the letter go ahead, the join is kept as
 * pending in Script Properties (one key per ticket, no personal data beyond the new address) and
 * retried by every sweep until it succeeds, with the group the OPD sheet names at that time (an
 * administrator who corrects the group column or creates the group needs to do nothing else).
 * The administrators are told once, in the office's language, by the class of the failure; never
 * by Google's own message, which may be English or translated.
 */
import { findOpd } from "../domain/form.js";
import { failureKey, type DirectoryFailure } from "../domain/provisioning.js";
import { t } from "../domain/text/index.js";
import type { Ctx } from "../workspace/context.js";
import { addMember, DirectoryError, failureOf } from "../workspace/directory.js";
import { errorText, logError } from "../workspace/errors.js";
import { dropPendingJoin, keepPendingJoin, pendingJoins } from "../workspace/joins.js";

export { JOIN_PREFIX, recordPendingJoin, type PendingJoin } from "../workspace/joins.js";
export { isRetryableJoinFailure } from "../domain/provisioning/saga.js";

/** The administrators' text for a failed join: the class of the failure, in the office's language. */
export function joinFailureText(ctx: Ctx, address: string, group: string, f: DirectoryFailure): string {
  const lang = ctx.config.language;
  return t(lang, "provision.join.failed", { address, group, reason: t(lang, failureKey(f)) });
}

export interface JoinRetryReport {
  joined: string[];
  stillPending: string[];
}

/** The sweep's part: every pending join tried again, within the budget. */
export function retryGroupJoins(ctx: Ctx, budget: () => boolean): JoinRetryReport {
  const report: JoinRetryReport = { joined: [], stillPending: [] };
  const lang = ctx.config.language;
  for (const { ticket, join } of pendingJoins()) {
    if (!budget()) {
      report.stillPending.push(ticket);
      continue;
    }
    if (!join) {
      dropPendingJoin(ticket);
      continue;
    }
    const group = findOpd(join.opd, ctx.config.opds)?.group.trim() || join.group;
    if (!group) {
      // The OPD no longer names a group: nothing to join.
      dropPendingJoin(ticket);
      continue;
    }
    try {
      addMember(group, join.address);
      dropPendingJoin(ticket);
      report.joined.push(ticket);
      logError(ctx.ss, "sweep", ticket, t(lang, "provision.join.done", { address: join.address, group }));
    } catch (e) {
      const f = e instanceof DirectoryError ? e.failure : failureOf(e, "member");
      console.warn(`sweep: group join ${ticket}: ${errorText(e)}`);
      keepPendingJoin(ticket, { ...join, group, attempts: join.attempts + 1, failure: f });
      report.stillPending.push(ticket);
    }
  }
  return report;
}
