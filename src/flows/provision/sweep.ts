/**
 * The sweep's part of provisioning: resumes runs cut off anywhere, sends letters that waited for
 * mail quota, calls a worker for a queue nobody drains, deletes leftover working copies and
 * invalidates temporary passwords never used (expireUnused).
 */
import { generatePassword } from "../../domain/password.js";
import { hasLoggedIn } from "../../domain/provisioning/account.js";
import { composeExpiredNotice } from "../../domain/provisioning/mails.js";
import {
  isInProgress,
  parseProvisionState,
  resumeKind,
  type ResumeKind,
} from "../../domain/provisioning/state.js";
import { t } from "../../domain/text/index.js";
import { SYSTEM_ACTOR } from "../../domain/workflow.js";
import type { Ctx } from "../../workspace/context.js";
import { getUser, setPassword } from "../../workspace/directory.js";
import { errorText, logError } from "../../workspace/errors.js";
import { cleanupWorkCopies } from "../../workspace/letter.js";
import { withScriptLock } from "../../workspace/lock.js";
import { appendLog } from "../../workspace/log.js";
import { sendOrQueue } from "../../workspace/mail.js";
import { cellMs, registerTable } from "../../workspace/register.js";
import { remainingMailQuota, uuid } from "../../workspace/runtime.js";
import { cellText, decodeRegisterRow } from "../../workspace/registercodec.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import { ensureWorker, type Scheduling } from "../../workspace/worker.js";
import { reconcileRegister } from "../reconcile.js";
import { claim, commit, now, type ProvisionResult } from "./claim.js";
import { resumeProvisioning } from "./run.js";

const DAY_MS = 86_400_000;

export interface ProvisionSweepReport {
  /** Tickets a run was resumed for, with the result. */
  resumed: { ticket: string; result: ProvisionResult }[];
  /** Letters still waiting for mail quota. */
  waitingForQuota: number;
  /** Rows left for the next sweep (time budget). */
  deferred: number;
  /** Working copies deleted (left by cut-off runs). */
  cleaned: number;
  /** Temporary passwords invalidated (never used within unusedCredentialDays). */
  expired: string[];
  /** Accounts found in use (first sign-in done). */
  used: string[];
  /** Requests waiting in the queue for a worker ("antre"). */
  queued: number;
  /**
   * Runs a live execution holds now (or that never started) which become the sweep's once their
   * lease ends: the sweep keeps making its full pass while there are any (domain/sweepplan.ts).
   */
  underway: number;
  /** When the next temporary password never used expires (0: none; domain/sweepplan.ts). */
  nextExpiryMs: number;
  /** A worker trigger was pending, or was created for them (a lost or refused one is replaced). */
  worker?: Scheduling | "gagal";
}

/**
 * Resumes provisioning cut off anywhere, sends letters that waited for mail quota, deletes
 * leftover working copies and invalidates temporary passwords never used. Call counts do not grow
 * with the register: a few column reads, then work per request that needs it.
 */
export function sweepProvisioning(ctx: Ctx, budget: () => boolean): ProvisionSweepReport {
  const report: ProvisionSweepReport = {
    resumed: [],
    waitingForQuota: 0,
    deferred: 0,
    cleaned: 0,
    expired: [],
    used: [],
    queued: 0,
    underway: 0,
    nextExpiryMs: 0,
  };
  if (!ctx.ss.getSheetByName(SHEET_NAMES.register)) return report;
  const table = registerTable(ctx.ss);
  const tickets = table.column("ticket");
  if (tickets.length === 0) return report;
  const statuses = table.column("status");
  const cells = table.column("provisioning");
  const updated = table.column("updatedAt");
  const sent = table.column("letterSentAt");
  let quota: number | null = null;
  let reconciled = false;
  const expiring: number[] = [];
  const days = ctx.config.privacy.unusedCredentialDays;
  const t0 = now();
  // What the sweep resumes: cut-off and waiting runs first, requests queued too long (the
  // workers' own, taken only as a fallback) after them.
  const due: { i: number; kind: ResumeKind }[] = [];
  const queuedDue: { i: number; kind: ResumeKind }[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const ticket = cellText(tickets[i]);
    if (!ticket) continue;
    const status = cellText(statuses[i]);
    const state = parseProvisionState(cellText(cells[i]));
    if (status === "selesai" && state.label === "selesai" && days > 0) {
      const sentMs = cellMs(sent[i] ?? "");
      if (sentMs > 0 && t0 - sentMs > days * DAY_MS) expiring.push(i);
      else if (sentMs > 0) {
        const at = sentMs + days * DAY_MS + 1;
        if (report.nextExpiryMs === 0 || at < report.nextExpiryMs) report.nextExpiryMs = at;
      }
      continue;
    }
    const queued = state.label === "antre" && status === "membuat akun";
    if (queued) report.queued++;
    const kind = resumeKind(status, state, cellMs(updated[i] ?? ""), t0, ctx.config.licences);
    if (kind !== "none") (queued ? queuedDue : due).push({ i, kind });
    else if (
      (status === "membuat akun" || status === "akun dibuat") &&
      (isInProgress(state.label) ||
        (status === "membuat akun" && (state.label === "" || state.label === "gagal")))
    )
      report.underway++;
  }
  for (const { i, kind } of [...due, ...queuedDue]) {
    const ticket = cellText(tickets[i]);
    const cell = cellText(cells[i]);
    if (!budget()) {
      report.deferred++;
      continue;
    }
    if (kind === "resume_if_quota") {
      if (quota === null) quota = remainingMailQuota();
      if (quota < 1) {
        report.waitingForQuota++;
        continue;
      }
    }
    if (!reconciled) {
      // A run cut off inside a critical section may have logged a step whose row write was lost:
      // the register is first brought in line with the log (the log is the record).
      reconciled = true;
      try {
        reconcileRegister(ctx);
      } catch (e) {
        logError(ctx.ss, "sweep", "", e);
      }
    }
    try {
      const result = resumeProvisioning(ctx, ticket, cell, i + 2);
      if (result !== "dilewati") report.resumed.push({ ticket, result });
      if (result === "menunggu kuota") quota = 0;
    } catch (e) {
      logError(ctx.ss, "sweep", ticket, e);
    }
  }
  if (report.queued > 0) {
    // The queue is the workers'; should their trigger be lost (or refused), a new one is made.
    try {
      report.worker = withScriptLock(() => ensureWorker(now()));
    } catch (e) {
      report.worker = "gagal";
      logError(ctx.ss, "sweep", "", e);
    }
  }
  if (budget()) {
    try {
      report.cleaned = cleanupWorkCopies(now());
    } catch (e) {
      logError(
        ctx.ss,
        "sweep",
        "",
        t(ctx.config.language, "provision.cleanup_failed", { detail: errorText(e) }),
      );
    }
  }
  for (const i of expiring) {
    if (!budget()) {
      report.deferred++;
      continue;
    }
    const ticket = cellText(tickets[i]);
    try {
      const result = expireUnused(ctx, ticket, cellText(cells[i]), i + 2);
      if (result === "kedaluwarsa") report.expired.push(ticket);
      if (result === "digunakan") report.used.push(ticket);
    } catch (e) {
      logError(ctx.ss, "sweep", ticket, e);
    }
  }
  return report;
}

/**
 * A letter sent more than unusedCredentialDays ago: if the account was never signed in to, its
 * temporary password is replaced by a random one nobody ever sees (the letter's password, still
 * in the applicant's mailbox, becomes useless), as the letter announces; the applicant is told how
 * to get a new one (an administrator's reissue). If it was used, nothing more to do.
 */
function expireUnused(ctx: Ctx, ticket: string, cellText: string, hint: number): ProvisionResult {
  const r = claim(ctx, ticket, hint, (row) => {
    const rec = decodeRegisterRow(row);
    return rec.provisioning === cellText && rec.status === "selesai"
      ? { next: parseProvisionState(cellText), attempts: 0 }
      : null;
  });
  if (!r) return "dilewati";
  const address = (r.rec.addressRecorded || r.rec.address).toLowerCase();
  const user = getUser(address);
  // A reset letter's password is used only by a sign-in after it was sent (the holder signed in
  // before, with the old one); a new account's first sign-in is after its letter anyway.
  const since = r.rec.requestType === "akun_baru" ? 0 : (r.rec.letterSentMs ?? 0);
  if (user && hasLoggedIn(user.lastLoginTime) && Date.parse(String(user.lastLoginTime)) > since) {
    commit(r, { label: "digunakan", atMs: now() });
    return "digunakan";
  }
  if (user) setPassword(address, generatePassword(uuid));
  const days = ctx.config.privacy.unusedCredentialDays;
  const lang = ctx.config.language;
  commit(
    r,
    { label: "kedaluwarsa", atMs: now(), ...(user ? {} : { note: t(lang, "provision.expired.gone") }) },
    (row) => {
      // The claim took the row at "selesai": the typed status is the cell's.
      const { status } = decodeRegisterRow(row);
      const [entry] = appendLog(ctx, [
        {
          ticket,
          from: status,
          to: status,
          action: "sandi_kedaluwarsa",
          actor: SYSTEM_ACTOR,
          timeMs: now(),
          note: user ? t(lang, "provision.log.expired", { days }) : t(lang, "provision.log.expired_gone"),
        },
      ]);
      return { lastLogSeq: entry!.seq };
    },
  );
  const to = r.rec.personalEmail.trim();
  if (user && to) {
    const notice = composeExpiredNotice(
      {
        ticket,
        name: r.rec.fullName || r.rec.name,
        address,
        letterNumber: r.rec.letterNumber,
      },
      ctx.config,
    );
    sendOrQueue(ctx, { ...notice, to: [to], ticket });
  }
  return "kedaluwarsa";
}
