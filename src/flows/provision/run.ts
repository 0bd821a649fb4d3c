/**
 * The run's entry points and its order of steps: `provisionQueued` (the provisioning worker takes
 * a queued request), `resumeProvisioning` (the sweep or an administrator takes over a cut-off or
 * waiting run: domain saga.ts resumePlan decides how) and the run itself, which takes the next
 * step from what the row records (nextStep) until the request is closed or waits.
 */
import { checkResetIdentity, resetStaffNote } from "../../domain/reset.js";
import { nextStep, resumePlan } from "../../domain/provisioning/saga.js";
import { parseRegisterType, serviceLabel, type ServiceKind } from "../../domain/services.js";
import { t } from "../../domain/text/index.js";
import type { Ctx } from "../../workspace/context.js";
import { getUser } from "../../workspace/directory.js";
import { logError } from "../../workspace/errors.js";
import { personalDataIntact, type RegisterRow } from "../../workspace/register.js";
import { cellText, decodeRegisterRow } from "../../workspace/registercodec.js";
import { remainingMailQuota } from "../../workspace/runtime.js";
import { executeChange } from "../change-execution.js";
import { LicenceWait } from "../licences.js";
import { accountReady, createAccount, joinGroup } from "./account.js";
import {
  accountStepDone,
  claim,
  commit,
  has,
  now,
  PermanentFailure,
  type ClaimPlan,
  type ProvisionResult,
  type Run,
} from "./claim.js";
import { fail, waitForLicence } from "./failures.js";
import { deliver, finish } from "./letter.js";

/**
 * Called by the provisioning worker (worker.ts) for a request the edit handler queued ("Buat akun":
 * status "membuat akun", state "antre"); `hint` is the row the worker last saw it in. Claims it
 * only while it is still queued, so that workers running at once never both take it. Never
 * throws: whatever happens is recorded in the register (and the error log) for the sweep and the
 * people.
 */
export function provisionQueued(ctx: Ctx, ticket: string, hint = 0): ProvisionResult {
  let r: Run | null;
  try {
    r = claim(ctx, ticket, hint, (row, state) => {
      if (decodeRegisterRow(row).status !== "membuat akun" || state.label !== "antre") return null;
      return { next: { label: "membuat", atMs: now() }, attempts: 0 };
    });
  } catch (e) {
    // The claim itself failed (lock, sheet): the row stays queued for the next worker or the sweep.
    logError(ctx.ss, "provision", ticket, e);
    return "menunggu ulang";
  }
  if (!r) return "dilewati";
  return execute(r);
}

/** Resumes one request the sweep found resumable (its state cell must still read `cellText`). */
export function resumeProvisioning(ctx: Ctx, ticket: string, cellText: string, hint = 0): ProvisionResult {
  const r = claim(ctx, ticket, hint, (row, state): ClaimPlan | null => {
    const rec = decodeRegisterRow(row);
    if (rec.provisioning !== cellText) return null;
    const plan = resumePlan(
      {
        status: rec.status,
        state,
        updatedMs: rec.updatedMs ?? 0,
        nowMs: now(),
        licences: ctx.config.licences,
        letterSent: has(row.letterSentAt),
        archived: has(row.archive),
        letterNumber: rec.letterNumber,
        accountDone: accountStepDone(row),
      },
      remainingMailQuota,
    );
    if (!plan) return null;
    const extra: Partial<RegisterRow> = plan.clearLetter
      ? { letterNumber: "", archive: "", letterSentAt: "" }
      : {};
    if (plan.letterSentMs !== undefined) extra.letterSentAt = new Date(plan.letterSentMs);
    return {
      next: plan.next,
      extra,
      attempts: plan.attempts,
      ...(plan.reissue ? { reissue: true, previousLetter: plan.reissue.previousLetter } : {}),
      ...(plan.presumedSentMs !== undefined ? { presumedSentMs: plan.presumedSentMs } : {}),
    };
  });
  if (!r) return "dilewati";
  if (r.presumedSentMs !== undefined) {
    r.uncertain = true;
    r.sentMs = r.presumedSentMs;
  }
  return execute(r);
}

function execute(r: Run): ProvisionResult {
  try {
    // A request about an existing account (domain/services.ts) has its own steps.
    const kind = parseRegisterType(r.row.requestType);
    if (kind !== "akun_baru") return executeService(r, kind);
    // The next step from what the row records (domain saga.ts); each step records itself.
    let joined = false;
    for (let i = 0; i < 4; i++) {
      const step = nextStep({
        created: has(r.row.createdAt),
        sent: !!r.sentMs || has(r.row.letterSentAt),
        archived: has(r.row.archive),
        joined,
      });
      if (step === "create") {
        createAccount(r);
        joinGroup(r);
        joined = true;
      } else if (step === "join") {
        joinGroup(r);
        joined = true;
      } else if (step === "deliver") {
        if (!deliver(r)) return "menunggu kuota";
      } else {
        finish(r);
        return "selesai";
      }
    }
    throw new Error(`provisioning ${r.ticket}: the steps did not reach the letter`);
  } catch (e) {
    if (e instanceof LicenceWait) return waitForLicence(r, e);
    return fail(r, e);
  } finally {
    r.password = null;
  }
}

/**
 * The execution of a request about an existing account, by type (`null`: a Jenis cell the program
 * does not know). Each type reads the directory first (on a resumed run too: it is the record),
 * then makes its effect, every step committed under the lock before the effect it announces.
 * Types without a step here are refused clearly (they are not offered on the form either).
 */
function executeService(r: Run, kind: Exclude<ServiceKind, "akun_baru"> | null): ProvisionResult {
  const lang = r.ctx.config.language;
  switch (kind) {
    case "reset_sandi":
      return executeReset(r);
    case "ubah_nama":
    case "pindah_opd":
    case "berhenti":
    case "aktif_kembali":
      return executeChange(r, kind);
    default:
      throw new PermanentFailure(
        t(lang, "service.exec.unavailable", {
          // An unknown type is named as written (the typed one is null).
          kind: kind ? serviceLabel(kind, lang) : cellText(r.row.requestType),
        }),
      );
  }
}

/**
 * A password reset, carried out: the directory is read FIRST (on a resumed run too), the claim
 * on the row (address, NIP, personal e-mail) must still match the record, and the letter goes
 * only to the record's recovery address. The first run that matches records the step ("dibuat",
 * the letter number, `akun_dibuat` logged) before any effect; the new password is set by
 * `deliver` (Users.update with changePasswordAtNextLogin) right before the letter, as for a
 * resumed new account: the letter's password is the one set last, and the mail is sent at most
 * once (the quota rule).
 */
function executeReset(r: Run): ProvisionResult {
  const { ctx } = r;
  const { config } = ctx;
  const lang = config.language;
  if (!r.sentMs && !has(r.row.letterSentAt)) {
    if (!personalDataIntact(r.row, ctx.sha256))
      throw new PermanentFailure(t(lang, "provision.fail.tampered"));
    const claim = {
      address: (r.rec.addressRecorded || r.rec.address).trim().toLowerCase(),
      nip: r.rec.nip.replace(/\D/g, ""),
      personalEmail: r.rec.personalEmail.trim().toLowerCase(),
    };
    const record = getUser(claim.address);
    const check = checkResetIdentity(claim, record, config.domain);
    if (check.verdict !== "match" || !check.recipient || !record)
      throw new PermanentFailure(t(lang, "reset.exec.mismatch", { detail: resetStaffNote(check, lang) }));
    r.reset = { recipient: check.recipient, name: String(record.name?.fullName ?? "") };
    if (r.rec.status === "membuat akun")
      commit(r, { label: "dibuat", atMs: now() }, (row, table, rowNumber) =>
        accountReady(r, row, table, rowNumber, t(lang, "reset.log.verified", { address: claim.address })),
      );
    if (!deliver(r)) return "menunggu kuota";
  }
  finish(r);
  return "selesai";
}
