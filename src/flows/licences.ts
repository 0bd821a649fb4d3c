/**
 * Workspace licences against the accounts of the directory (rules in src/domain/licences.ts).
 *
 * - `licenceGate` runs in provisioning just before `users.insert` (never for an account an earlier
 *   run already made): it counts the accounts (users.list, 500 a page, outside the lock), warns the
 *   administrators once at WARN_PERCENT and throws `LicenceWait` when the new account would take
 *   the last licence; provisioning (flows/provision/failures.ts) then parks the request in "menunggu lisensi".
 * - `licenceTaken` (under the lock of the write that records the account) adds the new account to
 *   the count: users.list may lag behind a creation ("search results may lag updates"), so the
 *   accounts made in the last day are counted by address until the list shows them.
 * - `refreshLicencesDaily` (the sweep, at most once a day) counts again, so the dashboard follows
 *   accounts made or deleted in the Admin console; `licenceSetupLines` is setup's report line.
 * Nothing is counted while the setting `lisensi` is empty or 0.
 *
 * Two creations in the same instant can both pass the gate; the licence kept free absorbs one
 * such race (docs: README, "Licences").
 */
import type { Language, OfficeConfig } from "../domain/config.js";
import { localDateKey } from "../domain/dates.js";
import {
  atWarning,
  composeLicenceWarning,
  countWith,
  licencesOf,
  licenceText,
  percentOf,
  withRecent,
  wouldTakeLast,
} from "../domain/licences.js";
import { localStamp } from "../domain/reminders.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import type { Ctx } from "../workspace/context.js";
import { forEachAccount } from "../workspace/accounts.js";
import { errorText } from "../workspace/errors.js";
import { appendLog } from "../workspace/log.js";
import { countedDay, readSnapshot, recordCountedDay, writeSnapshot } from "../workspace/licencestore.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";

export { readSnapshot };

/** The mail queue's id prefix of the warnings (never re-sent by the office-hours rule). */
export const LICENCE_MAIL_ID = "LISENSI";

/** The new account would take the last licence: the request waits (flows/provision/failures.ts). */
export class LicenceWait extends Error {
  constructor(
    readonly used: number,
    readonly licences: number,
  ) {
    super(`licences: ${used} accounts of ${licences} licences; the last licence is kept free`);
    this.name = "LicenceWait";
  }
}

/**
 * The addresses of the customer's accounts that hold a Workspace licence: every account but the
 * archived ones (a suspended account keeps its licence). One call per 500 accounts.
 */
export function listedAccounts(): Set<string> {
  const out = new Set<string>();
  forEachAccount("primaryEmail,archived", (u) => {
    if (u.archived !== true) out.add(String(u.primaryEmail).toLowerCase());
  });
  return out;
}

/**
 * Records a count and, under the lock, sends the warning once per crossing of WARN_PERCENT
 * (`after` = the accounts once the account being made exists). The warning, its log entry and the
 * snapshot's mark are written in one critical section; the mail goes through the queue.
 */
function record(ctx: Ctx, used: number, after: number, nowMs: number): void {
  const total = licencesOf(ctx.config);
  const mails: OutgoingMail[] = [];
  withOutbox(ctx, mails, () => {
    const snap = readSnapshot();
    let warned = snap.warned && atWarning(used, total);
    if (!warned && atWarning(after, total) && ctx.config.admins.length > 0) {
      const note = t(ctx.config.language, "licence.log.warned", {
        used: after,
        total,
        percent: percentOf(after, total),
      });
      const [entry] = appendLog(ctx, [
        {
          ticket: "",
          from: "",
          to: "",
          action: "lisensi_peringatan",
          actor: SYSTEM_ACTOR,
          timeMs: nowMs,
          note,
        },
      ]);
      mails.push({
        ...composeLicenceWarning(after, total, ctx.config),
        to: [...ctx.config.admins],
        ticket: `${LICENCE_MAIL_ID}-${entry!.seq}`,
      });
      warned = true;
    }
    writeSnapshot({ ...snap, used, atMs: nowMs, warned });
  });
}

/** Counts the accounts now (the listed ones and this program's recent creations). */
function countNow(nowMs: number): number {
  return countWith(listedAccounts(), readSnapshot().recent, nowMs);
}

/**
 * Before users.insert: throws LicenceWait when the new account would take the last licence; warns
 * at WARN_PERCENT. Does nothing when no licence count is recorded.
 */
export function licenceGate(ctx: Ctx): void {
  const total = licencesOf(ctx.config);
  if (total === 0) return;
  const nowMs = Date.now();
  const used = countNow(nowMs);
  const stop = wouldTakeLast(used, total);
  record(ctx, used, stop ? used : used + 1, nowMs);
  if (stop) throw new LicenceWait(used, total);
}

/** The account was made (call under the script lock): it counts from now on. */
export function licenceTaken(ctx: Ctx, address: string): void {
  if (licencesOf(ctx.config) === 0) return;
  const nowMs = Date.now();
  const snap = readSnapshot();
  const known = snap.recent.some(([a]) => a === address.toLowerCase());
  writeSnapshot({
    ...snap,
    used: known ? snap.used : snap.used + 1,
    recent: withRecent(snap.recent, address, nowMs),
  });
}

/** The sweep: counts again at most once a day (accounts made or removed in the Admin console). */
export function refreshLicencesDaily(ctx: Ctx, nowMs = Date.now()): number | null {
  if (licencesOf(ctx.config) === 0) return null;
  const today = localDateKey(nowMs, ctx.offset);
  if (countedDay() === today) return null;
  const used = countNow(nowMs);
  record(ctx, used, used, nowMs);
  recordCountedDay(today);
  return used;
}

/** The dashboard's line: the last count against the licences (no call of its own). */
export function licenceDashLine(ctx: Ctx): string {
  const total = licencesOf(ctx.config);
  const lang = ctx.config.language;
  if (total === 0) return t(lang, "licence.dash", { text: t(lang, "licence.not_set"), time: "-" });
  const snap = readSnapshot();
  return t(lang, "licence.dash", {
    text: licenceText(snap.used, total, lang),
    time: snap.atMs ? localStamp(snap.atMs, ctx.offset) : "-",
  });
}

/** Setup's report: the accounts counted now against the licences. */
export function licenceSetupLines(config: OfficeConfig, lang: Language): string[] {
  const total = licencesOf(config);
  if (total === 0) return [t(lang, "licence.setup", { text: t(lang, "licence.not_set") })];
  try {
    const nowMs = Date.now();
    const snap = readSnapshot();
    const used = countWith(listedAccounts(), snap.recent, nowMs);
    writeSnapshot({ ...snap, used, atMs: nowMs, warned: snap.warned && atWarning(used, total) });
    const lines = [t(lang, "licence.setup", { text: licenceText(used, total, lang) })];
    if (wouldTakeLast(used, total)) lines.push(t(lang, "licence.setup_full"));
    return lines;
  } catch (e) {
    return [t(lang, "licence.setup_failed", { detail: errorText(e) })];
  }
}
