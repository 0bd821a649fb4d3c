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

/** Script Property prefix of a pending join: `surel:join:<ticket>` → PendingJoin as JSON. */
export const JOIN_PREFIX = "surel:join:";

export interface PendingJoin {
  address: string;
  /** The OPD as the register names it; its group is looked up again at each retry. */
  opd: string;
  /** The group of the last attempt. */
  group: string;
  attempts: number;
  failure: DirectoryFailure;
}

/** A failure that a later attempt may overcome once an administrator acted. */
export function isRetryableJoinFailure(f: DirectoryFailure): boolean {
  return f === "not_found" || f === "invalid";
}

/** The administrators' text for a failed join: the class of the failure, in the office's language. */
export function joinFailureText(ctx: Ctx, address: string, group: string, f: DirectoryFailure): string {
  const lang = ctx.config.language;
  return t(lang, "provision.join.failed", { address, group, reason: t(lang, failureKey(f)) });
}

/** Records a join for the sweep to retry; returns whether it was new (the administrators are told once). */
export function recordPendingJoin(ticket: string, join: PendingJoin): boolean {
  const props = PropertiesService.getScriptProperties();
  const key = JOIN_PREFIX + ticket;
  const known = props.getProperty(key) !== null;
  props.setProperty(key, JSON.stringify(join));
  return !known;
}

export interface JoinRetryReport {
  joined: string[];
  stillPending: string[];
}

/** The sweep's part: every pending join tried again, within the budget. */
export function retryGroupJoins(ctx: Ctx, budget: () => boolean): JoinRetryReport {
  const report: JoinRetryReport = { joined: [], stillPending: [] };
  const props = PropertiesService.getScriptProperties();
  const all = props.getProperties();
  const lang = ctx.config.language;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(JOIN_PREFIX)) continue;
    const ticket = key.slice(JOIN_PREFIX.length);
    if (!budget()) {
      report.stillPending.push(ticket);
      continue;
    }
    let join: PendingJoin;
    try {
      join = JSON.parse(value) as PendingJoin;
    } catch {
      props.deleteProperty(key);
      continue;
    }
    const group = findOpd(join.opd, ctx.config.opds)?.group.trim() || join.group;
    if (!group) {
      // The OPD no longer names a group: nothing to join.
      props.deleteProperty(key);
      continue;
    }
    try {
      addMember(group, join.address);
      props.deleteProperty(key);
      report.joined.push(ticket);
      logError(ctx.ss, "sweep", ticket, t(lang, "provision.join.done", { address: join.address, group }));
    } catch (e) {
      const f = e instanceof DirectoryError ? e.failure : failureOf(e, "member");
      console.warn(`sweep: group join ${ticket}: ${errorText(e)}`);
      props.setProperty(key, JSON.stringify({ ...join, group, attempts: join.attempts + 1, failure: f }));
      report.stillPending.push(ticket);
    }
  }
  return report;
}
