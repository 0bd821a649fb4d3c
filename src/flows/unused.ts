/**
 * Accounts never used (rules and mails in src/domain/unused.ts), the sweep's daily pass and the
 * administrators' confirmed suspension.
 *
 * `sweepUnused` runs at most once a day, on the first sweep in office hours (a Script Property
 * holds the day). It reads a few register columns; only when some letter is in play does it list
 * the directory once (500 accounts a page: `lastLoginTime`, `suspended`). Under the script lock it
 * reads the mail queue's ids once, and records the reminders, the OPDs' monthly lists and the
 * suspension proposals whose claim id is not there yet, with their log entries, in one critical
 * section; then sends them (withOutbox). A pass cut off before recording leaves nothing behind and
 * the next sweep does it; one cut off after recording has its mails sent by the queue: each goes
 * out once.
 *
 * `suspendUnused` (admin sheet, "Tangguhkan akun tidak dipakai"): under the script lock, the
 * settings are checked (the proposal period passed), then the directory (the account is this
 * ticket's, never signed into, not suspended yet), then `Users.update({suspended: true})` once and
 * the log entry. A second request finds the account suspended and changes nothing.
 */
import { calendarFromConfig, isWorkingTime } from "../domain/calendar.js";
import { monthOf } from "../domain/dashboard.js";
import { findOpd } from "../domain/form.js";
import { formatDate, localDateKey } from "../domain/dates.js";
import { hasLoggedIn, isOwnAccount, parseProvisionState } from "../domain/provisioning.js";
import { isErasureMarker } from "../domain/retention.js";
import { t } from "../domain/text/index.js";
import {
  composeActivationReminder,
  composeMonthlyList,
  composeSuspensionProposal,
  dueForProposal,
  dueForReminder,
  expiryOf,
  monthlyClaim,
  passwordExpired,
  proposalClaim,
  reminderClaim,
  type AccountFacts,
  type LetterRow,
} from "../domain/unused.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import { forEachAccount } from "../workspace/accounts.js";
import type { Ctx } from "../workspace/context.js";
import { getUser, suspendUser } from "../workspace/directory.js";
import { scriptProperties } from "../workspace/properties.js";
import { withScriptLock } from "../workspace/lock.js";
import { appendLog, type LogDraftEntry } from "../workspace/log.js";
import { recordedMailIds, withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { cellMs, registerTable } from "../workspace/register.js";
import { cellText, decodeRegisterRow } from "../workspace/registercodec.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { PROP } from "../domain/keys.js";

const DAY_KEY = PROP.unusedDay;

export interface UnusedReport {
  reminded: string[];
  /** OPD codes that got their monthly list. */
  listed: string[];
  proposed: string[];
}

/** The register's finished requests whose letter went out (a few column reads). */
function letterRows(ctx: Ctx): LetterRow[] {
  if (!ctx.ss.getSheetByName(SHEET_NAMES.register)) return [];
  const table = registerTable(ctx.ss);
  const c = table.readColumns([
    "ticket",
    "status",
    "provisioning",
    "letterSentAt",
    "address",
    "addressRecorded",
    "personalEmail",
    "fullName",
    "name",
    "opd",
  ] as const);
  const out: LetterRow[] = [];
  c.ticket.forEach((ticket, i) => {
    if (!ticket || String(c.status[i]) !== "selesai") return;
    const sentMs = cellMs(c.letterSentAt[i] ?? "");
    if (!sentMs) return;
    const personal = String(c.personalEmail[i] ?? "");
    out.push({
      ticket: String(ticket),
      address: String(c.addressRecorded[i] || c.address[i] || "").toLowerCase(),
      personalEmail: isErasureMarker(personal) ? "" : personal.trim(),
      name: String(c.fullName[i] || c.name[i] || ""),
      opd: String(c.opd[i] ?? ""),
      sentMs,
      label: parseProvisionState(String(c.provisioning[i] ?? "")).label,
    });
  });
  return out;
}

/** Every account's sign-in and suspension, by address: one list call per 500 accounts. */
function directoryFacts(): Map<string, AccountFacts> {
  const out = new Map<string, AccountFacts>();
  forEachAccount("primaryEmail,lastLoginTime,suspended", (u) => {
    out.set(String(u.primaryEmail).toLowerCase(), {
      everUsed: hasLoggedIn(u.lastLoginTime),
      suspended: u.suspended === true,
    });
  });
  return out;
}

const claimed = (ids: readonly string[], claim: string): boolean =>
  ids.some((id) => id.startsWith(`${claim}-`));

export function sweepUnused(ctx: Ctx, nowMs = Date.now()): UnusedReport | null {
  const { config } = ctx;
  if (!isWorkingTime(nowMs, calendarFromConfig(config))) return null;
  const props = scriptProperties();
  const today = localDateKey(nowMs, ctx.offset);
  if (props.getProperty(DAY_KEY) === today) return null;
  const report: UnusedReport = { reminded: [], listed: [], proposed: [] };
  const days = config.privacy.unusedCredentialDays;
  const suspendDays = config.privacy.suspendUnusedDays ?? 0;
  const rows = letterRows(ctx).filter(
    (r) =>
      dueForReminder(r, days, nowMs) ||
      passwordExpired(r, days, nowMs) ||
      dueForProposal(r, suspendDays, nowMs),
  );
  if (rows.length > 0) {
    const facts = directoryFacts();
    const unused = (r: LetterRow): boolean => {
      const f = facts.get(r.address);
      return !!f && !f.everUsed && !f.suspended;
    };
    const lang = config.language;
    const month = monthOf(nowMs, ctx.offset).key;
    const mails: OutgoingMail[] = [];
    withOutbox(ctx, mails, () => {
      const ids = recordedMailIds(ctx);
      const log: LogDraftEntry[] = [];
      const entry = (r: LetterRow, action: string, note: string): void => {
        log.push({
          ticket: r.ticket,
          from: "selesai",
          to: "selesai",
          action,
          actor: SYSTEM_ACTOR,
          timeMs: nowMs,
          note,
        });
      };
      for (const r of rows.filter((x) => dueForReminder(x, days, nowMs) && unused(x) && x.personalEmail)) {
        const claim = reminderClaim(r);
        if (claimed(ids, claim)) continue;
        const deadline = formatDate(expiryOf(r.sentMs, days), ctx.offset, lang);
        mails.push({
          ...composeActivationReminder(r, deadline, config),
          to: [r.personalEmail],
          ticket: claim,
        });
        entry(r, "pengingat_aktivasi", t(lang, "unused.log.reminded", { deadline }));
        report.reminded.push(r.ticket);
      }
      // The month's list per OPD, on the first pass of the month that finds one.
      const byOpd = new Map<string, LetterRow[]>();
      for (const r of rows.filter((x) => passwordExpired(x, days, nowMs) && unused(x))) {
        const opd = findOpd(r.opd, config.opds);
        if (!opd?.ccEmail.trim()) continue;
        byOpd.set(opd.code, [...(byOpd.get(opd.code) ?? []), r]);
      }
      for (const [code, list] of byOpd) {
        const claim = monthlyClaim(month, code);
        if (claimed(ids, claim)) continue;
        const opd = config.opds.find((o) => o.code === code)!;
        const items = list.map((r) => ({
          address: r.address,
          name: r.name,
          sent: formatDate(r.sentMs, ctx.offset, lang),
        }));
        mails.push({
          ...composeMonthlyList(opd.name, month, items, config),
          to: [opd.ccEmail.trim()],
          ticket: claim,
        });
        report.listed.push(code);
      }
      for (const r of rows.filter((x) => dueForProposal(x, suspendDays, nowMs) && unused(x))) {
        const claim = proposalClaim(r.ticket);
        if (claimed(ids, claim) || config.admins.length === 0) continue;
        mails.push({
          ...composeSuspensionProposal(r, suspendDays, config),
          to: [...config.admins],
          ticket: claim,
        });
        entry(
          r,
          "usul_tangguhkan",
          t(lang, "unused.log.proposed", { address: r.address, days: suspendDays }),
        );
        report.proposed.push(r.ticket);
      }
      if (log.length > 0) appendLog(ctx, log);
    });
  }
  props.setProperty(DAY_KEY, today);
  return report;
}

export interface SuspendOutcome {
  ok: boolean;
  message: string;
}

/**
 * An administrator confirmed the suspension of an account never used (the admin sheet checked
 * the requester). Settings first, then the directory, then one Users.update, then the log.
 */
export function suspendUnused(ctx: Ctx, ticket: string, requester: string): SuspendOutcome {
  const { config } = ctx;
  const lang = config.language;
  const refuse = (reason: string): SuspendOutcome => ({
    ok: false,
    message: t(lang, "unused.suspend.refused", { ticket, reason }),
  });
  const suspendDays = config.privacy.suspendUnusedDays ?? 0;
  if (suspendDays <= 0) return refuse(t(lang, "unused.suspend.off"));
  return withScriptLock((): SuspendOutcome => {
    const table = registerTable(ctx.ss);
    const rowNumber = table.find("ticket", ticket);
    if (!rowNumber) return refuse(t(lang, "unused.suspend.no_ticket"));
    const row = table.read(rowNumber);
    const rec = decodeRegisterRow(row);
    const sentMs = rec.letterSentMs ?? 0;
    if (rec.status !== "selesai" || !sentMs || cellText(row.createdAt) === "")
      return refuse(t(lang, "unused.suspend.no_account"));
    const address = (rec.addressRecorded || rec.address).toLowerCase();
    const nowMs = Date.now();
    const since = Math.floor((nowMs - sentMs) / 86_400_000);
    if (since < suspendDays)
      return refuse(t(lang, "unused.suspend.too_early", { days: since, needed: suspendDays }));
    // The directory first: the account must be this ticket's, never signed into, and active.
    const user = getUser(address);
    if (!user) return refuse(t(lang, "unused.suspend.gone", { address }));
    if (!isOwnAccount(user, ticket)) return refuse(t(lang, "unused.suspend.not_ours", { address }));
    if (user.suspended === true) return refuse(t(lang, "unused.suspend.already", { address }));
    if (hasLoggedIn(user.lastLoginTime)) return refuse(t(lang, "unused.suspend.used", { address }));
    suspendUser(address);
    const [entry] = appendLog(ctx, [
      {
        ticket,
        from: rec.status,
        to: rec.status,
        action: "tangguhkan_akun",
        actor: requester,
        timeMs: nowMs,
        note: t(lang, "unused.log.suspended", { address, days: since }),
      },
    ]);
    table.write(rowNumber, { ...row, lastLogSeq: entry!.seq, updatedAt: new Date(nowMs) });
    return { ok: true, message: t(lang, "unused.suspend.done", { address, ticket }) };
  });
}
