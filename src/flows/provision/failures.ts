/**
 * A failed attempt: the error classified (domain saga.ts classifyFailure: retryable, permanent,
 * named by its Directory class), the policy applied (failurePolicy: back to the technical stage,
 * "gagal" after too many attempts, or "menunggu ulang" for the sweep) and the people told; a
 * request that would take the last licence waits in "menunggu lisensi".
 */
import { composeAdminNotice } from "../../domain/notices.js";
import { redact } from "../../domain/provisioning/account.js";
import {
  classifyFailure,
  failurePolicy,
  failureReason,
  type FailureFacts,
} from "../../domain/provisioning/saga.js";
import { t } from "../../domain/text/index.js";
import { decide, SYSTEM_ACTOR } from "../../domain/workflow.js";
import { rowUrl } from "../../workspace/context.js";
import { DirectoryError, errorFacts, failureOf } from "../../workspace/directory.js";
import { errorText, logError } from "../../workspace/errors.js";
import { TemplateError } from "../../workspace/letterdrive.js";
import { appendLog } from "../../workspace/log.js";
import { sendOrQueue, type OutgoingMail } from "../../workspace/mail.js";
import { actionLabels, rowState, setActionChoices } from "../../workspace/register.js";
import { cellText, decodeRegisterRow } from "../../workspace/registercodec.js";
import { effectiveAccount } from "../../workspace/trust.js";
import { stageMail } from "../stagemail.js";
import type { LicenceWait } from "../licences.js";
import {
  accountStepDone,
  clearQueuedNote,
  commit,
  LostClaim,
  notifyAdmins,
  now,
  PermanentFailure,
  type ProvisionResult,
  type Run,
} from "./claim.js";

/** No licence left to take (licences.ts): the request waits, logged; the administrators are told. */
export function waitForLicence(r: Run, e: LicenceWait): ProvisionResult {
  const { ctx } = r;
  const lang = ctx.config.language;
  const address = (r.rec.addressRecorded || r.rec.address).toLowerCase();
  const facts = { used: e.used, total: e.licences };
  try {
    const note = t(lang, "licence.stop.note", facts);
    commit(r, { label: "menunggu lisensi", atMs: now(), licences: e.licences, note }, (row) => {
      const [entry] = appendLog(ctx, [
        {
          ticket: r.ticket,
          // As written: the log records the status cell, which reconcile compares with it.
          from: cellText(row.status),
          to: cellText(row.status),
          action: "menunggu_lisensi",
          actor: SYSTEM_ACTOR,
          timeMs: now(),
          note,
        },
      ]);
      return { lastLogSeq: entry!.seq };
    });
  } catch (inner) {
    return fail(r, inner);
  }
  notifyAdmins(r, t(lang, "licence.stop", { ...facts, address, ticket: r.ticket }));
  return "menunggu lisensi";
}

/** What the run knows of an error: its class, never its wording (a Directory error by code/reason). */
function failureFacts(e: unknown): FailureFacts {
  if (e instanceof PermanentFailure) return { kind: "permanent" };
  if (e instanceof TemplateError) return { kind: "template" };
  const facts = errorFacts(e);
  if (e instanceof DirectoryError || facts.code !== undefined || facts.reason !== undefined)
    return { kind: "directory", failure: e instanceof DirectoryError ? e.failure : failureOf(e) };
  return { kind: "other" };
}

/** The account the program runs as, for a "not authorized" reason ("" when Google does not say). */
function runningAs(): string {
  try {
    return effectiveAccount();
  } catch {
    return "";
  }
}

/**
 * A failed attempt: logged, classified (domain saga.ts classifyFailure) and followed by what the
 * failure policy says (failurePolicy). A run that lost its claim only stops. Never throws.
 */
export function fail(r: Run, e: unknown): ProvisionResult {
  const secret = r.password;
  r.password = null;
  const { ctx } = r;
  const lang = ctx.config.language;
  logError(ctx.ss, "provision", r.ticket, redact(errorText(e), secret));
  if (e instanceof LostClaim) return "dilewati";
  const address = r.rec.addressRecorded || r.rec.address;
  const failure = classifyFailure(failureFacts(e));
  // People read the message without the exception's class name.
  const reason = failureReason(failure, lang, {
    message: redact(e instanceof Error ? e.message : String(e), secret),
    user: failure.cause === "not_authorized" ? runningAs() : "",
    address,
    owner: e instanceof DirectoryError && e.detail ? e.detail : "-",
  });
  const attempts = r.attempts + 1;
  const gaveUp = (): string =>
    t(lang, "provision.fail.gave_up", { address, count: attempts, detail: reason });
  try {
    const step = failurePolicy({
      accountDone: accountStepDone(r.row),
      permanent: failure.permanent,
      attempts,
    });
    switch (step.kind) {
      case "fail_creation":
        failCreation(r, step.text === "reason" ? reason : gaveUp());
        return "gagal";
      case "give_up": {
        const text = gaveUp();
        commit(r, { label: "gagal", atMs: now(), attempts, note: reason });
        notifyAdmins(r, text);
        return "gagal";
      }
      case "retry":
        commit(r, { label: "menunggu ulang", atMs: now(), attempts, note: reason });
        if (step.notify !== "none")
          notifyAdmins(
            r,
            step.notify === "reason"
              ? reason
              : t(lang, "provision.warn.failure", { address, detail: reason }),
          );
        return "menunggu ulang";
    }
  } catch (inner) {
    // The state could not be written: the run's in-progress state goes stale and the sweep resumes.
    logError(ctx.ss, "provision", r.ticket, redact(errorText(inner), secret));
    return "menunggu ulang";
  }
}

/** The account could not be created: back to the technical stage (gagal_buat_akun). */
function failCreation(r: Run, reason: string): void {
  const { ctx } = r;
  const { config } = ctx;
  const mails: OutgoingMail[] = [];
  commit(r, { label: "gagal", atMs: now(), note: reason }, (row, table, rowNumber) => {
    const rec = decodeRegisterRow(row);
    const d = decide({
      state: rowState(row),
      actor: SYSTEM_ACTOR,
      action: "gagal_buat_akun",
      note: reason,
      config,
      nowMs: now(),
    });
    if (!d.ok) {
      logError(ctx.ss, "provision", r.ticket, `gagal_buat_akun: ${d.reason}`);
      return {};
    }
    const [entry] = appendLog(ctx, [{ ...d.logEntry, ticket: r.ticket }]);
    setActionChoices(table, rowNumber, actionLabels(config, d.next.stageKey, d.next.status, row.requestType));
    const url = rowUrl(ctx.ss, table.sheet, rowNumber);
    const name = rec.fullName || rec.name;
    for (const n of d.notify) {
      if (n.audience === "stage") {
        mails.push(
          stageMail(
            ctx,
            {
              ticket: r.ticket,
              fullName: rec.fullName,
              name: rec.name,
              opdName: rec.opd,
              stageKey: n.stageKey,
              responsible: n.emails,
            },
            url,
            null,
            rec.duplicate.split("\n")[0] ?? "",
            t(config.language, "provision.failed_action"),
            SYSTEM_ACTOR,
            reason,
          ),
        );
      } else if (n.audience === "admins") {
        mails.push({
          ...composeAdminNotice({ ticket: r.ticket, name, note: reason, rowUrl: url }, config),
          to: n.emails,
          ticket: r.ticket,
        });
      }
    }
    return {
      status: d.next.status,
      responsible: d.next.responsible.join(", "),
      lastLogSeq: entry!.seq,
    };
  });
  clearQueuedNote(r);
  for (const m of mails) sendOrQueue(ctx, m);
}
