/**
 * The provisioning saga's decisions, pure: which step a run takes next from the facts the
 * register row records, how a resuming run takes a request over, how a failure is classified and
 * what follows from it, what a failed send means for the letter, and whether a reissue may be
 * asked for a request. flows/provision/ reads the facts, applies the decisions and makes the
 * effects (docs/ARCHITECTURE.md: the flow is the saga's executor, this module its rules).
 */
import type { Language } from "../config.js";
import { t } from "../text/index.js";
import { failureKey, type DirectoryFailure } from "./directoryerrors.js";
import { isInProgress, isStale, MAX_ATTEMPTS, resumeKind, type ProvisionState } from "./state.js";

// ---------------------------------------------------------------------------------------------
// The steps
// ---------------------------------------------------------------------------------------------

/**
 * Whether the row's account step is recorded: the account was created ("Akun Dibuat"), or, for a
 * request about an existing account, the step was committed (status "akun dibuat" or later).
 */
export function accountStepDone(row: { created: boolean; newAccount: boolean; status: string }): boolean {
  if (row.created) return true;
  if (row.newAccount) return false;
  return row.status === "akun dibuat" || row.status === "selesai";
}

/** The steps of a new account's run, in order. */
export type SagaStep = "create" | "join" | "deliver" | "finish";

export interface StepFacts {
  /** "Akun Dibuat" is recorded. */
  created: boolean;
  /** The letter went out (this run sent it, or "Surat Dikirim" is recorded). */
  sent: boolean;
  /** "Arsip Surat" is recorded. */
  archived: boolean;
  /** This run already made the group join (the create step includes it). */
  joined: boolean;
}

/**
 * The next step of a new account from what is recorded: the account (with its group join), the
 * group join when the archive copy is not made yet (a resumed run), the letter, the closing.
 */
export function nextStep(f: StepFacts): SagaStep {
  if (!f.created) return "create";
  if (!f.sent) return !f.joined && !f.archived ? "join" : "deliver";
  return "finish";
}

// ---------------------------------------------------------------------------------------------
// Taking a request over (the sweep, or an administrator's retry)
// ---------------------------------------------------------------------------------------------

export interface ResumeFacts {
  /** The request status. */
  status: string;
  state: ProvisionState;
  /** The row's last update (epoch ms; 0 when unknown). */
  updatedMs: number;
  nowMs: number;
  /** The licences setting now (undefined or 0: not counted). */
  licences: number | undefined;
  /** "Surat Dikirim" is recorded. */
  letterSent: boolean;
  /** "Arsip Surat" is recorded. */
  archived: boolean;
  /** The row's letter number (the previous letter of a new reissue). */
  letterNumber: string;
  /** accountStepDone of the row. */
  accountDone: boolean;
}

/** What a resuming run writes with its claim, and how it goes on. */
export interface ResumePlan {
  next: ProvisionState;
  attempts: number;
  /** The run is a reissue of the letter numbered `previousLetter`. */
  reissue?: { previousLetter: string };
  /** A new letter: number, archive copy and sent time are cleared with the claim. */
  clearLetter?: boolean;
  /** "Surat Dikirim" is written with the claim (epoch ms). */
  letterSentMs?: number;
  /** The letter is taken as sent (a cut-off send the quota cannot rule out): finish at once. */
  presumedSentMs?: number;
}

/**
 * How a resuming run takes the request over; null when the row is not resumable (any more).
 * `quota` reads the remaining mail quota; it is called only for a run cut off while sending
 * (the one case the quota decides): an unchanged quota says the letter did not go out; one that
 * changed, or went UP (the window resets 24 hours after its first use, at no fixed hour, which
 * hides whether this letter counted), says it may have: it is taken as sent, never sent again.
 */
export function resumePlan(f: ResumeFacts, quota: () => number): ResumePlan | null {
  const { status, state, nowMs } = f;
  if (resumeKind(status, state, f.updatedMs, nowMs, f.licences) === "none") return null;
  const attempts = state.label === "diminta ulang" ? 0 : (state.attempts ?? 0);
  if (status === "selesai" && state.label === "diminta ulang")
    return {
      next: { label: "dibuat", atMs: nowMs },
      attempts,
      reissue: { previousLetter: f.letterNumber },
      clearLetter: true,
    };
  // A reissue cut off or failed earlier goes on as a reissue, with its own letter number. "Sent"
  // is taken only from the evidence of that letter (its sent time), never from the status
  // "selesai" the request had before the reissue.
  const reissue = state.reissueOf !== undefined ? { reissue: { previousLetter: state.reissueOf } } : {};
  if (state.reissueOf === undefined && status === "selesai" && !f.letterSent)
    // "selesaikan" is in the log (the sweep repaired the status from it): the letter went out.
    return { next: { label: "mengirim", atMs: nowMs }, attempts, letterSentMs: state.atMs || nowMs };
  if (!f.accountDone) return { next: { label: "membuat", atMs: nowMs }, attempts };
  if (!f.letterSent && state.label === "mengirim" && state.quota !== undefined) {
    if (quota() === state.quota) return { next: { label: "mengirim", atMs: nowMs }, attempts, ...reissue };
    return {
      next: { label: "mengirim", atMs: nowMs },
      attempts,
      letterSentMs: state.atMs,
      presumedSentMs: state.atMs,
      ...reissue,
    };
  }
  if (!f.archived && !f.letterSent) return { next: { label: "dibuat", atMs: nowMs }, attempts, ...reissue };
  return { next: { label: "mengirim", atMs: nowMs }, attempts, ...reissue };
}

// ---------------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------------

/** What the run knows of a failure (the flow tells the error's class, never its wording). */
export type FailureFacts =
  /** A failure retrying cannot fix, with its own message (PermanentFailure). */
  | { kind: "permanent" }
  /** The letter template could not be filled. */
  | { kind: "template" }
  /** A Directory error, by class. */
  | { kind: "directory"; failure: DirectoryFailure }
  /** Anything else (a passing failure of another service). */
  | { kind: "other" };

/** A failure's class: whether retrying can fix it, and how it is named. */
export type FailureClass =
  | { permanent: true; cause: "refused" | "not_authorized" | "invalid" | "address_taken" }
  | { permanent: false; cause: "template" | "other" }
  | { permanent: false; cause: "directory"; failure: DirectoryFailure };

export function classifyFailure(f: FailureFacts): FailureClass {
  switch (f.kind) {
    case "permanent":
      return { permanent: true, cause: "refused" };
    case "template":
      return { permanent: false, cause: "template" };
    case "other":
      return { permanent: false, cause: "other" };
    case "directory":
      if (f.failure === "not_authorized" || f.failure === "invalid")
        return { permanent: true, cause: f.failure };
      if (f.failure === "exists") return { permanent: true, cause: "address_taken" };
      return { permanent: false, cause: "directory", failure: f.failure };
  }
}

export interface ReasonFacts {
  /** The error's message (secrets removed). */
  message: string;
  /** not_authorized: the account the program runs as ("" when unknown). */
  user?: string;
  /** address_taken: the address and who holds it ("-" when unknown). */
  address?: string;
  owner?: string;
}

/**
 * The reason people read, in the office's language: a Directory error other than the permanent
 * ones is named by its class; Google's own text (English, or translated) stays in the error log.
 */
export function failureReason(c: FailureClass, lang: Language, f: ReasonFacts): string {
  switch (c.cause) {
    case "refused":
    case "other":
      return f.message;
    case "template":
      return t(lang, "provision.fail.template", { detail: f.message });
    case "not_authorized":
      return t(lang, "provision.fail.not_authorized", {
        user: f.user || t(lang, "common.unknown"),
        detail: f.message,
      });
    case "invalid":
      return t(lang, "provision.fail.invalid", { detail: f.message });
    case "address_taken":
      return t(lang, "provision.fail.address_taken", { address: f.address ?? "", owner: f.owner ?? "-" });
    case "directory":
      return t(lang, failureKey(c.failure));
  }
}

/**
 * A group join that failed for a reason a later attempt may overcome once an administrator acted
 * (the group does not exist yet, an address the directory refuses): the account and the letter go
 * ahead and the join waits for the sweep. Anything else (a passing failure, no admin right) fails
 * the step, which is retried.
 */
export function isRetryableJoinFailure(f: DirectoryFailure): boolean {
  return f === "not_found" || f === "invalid";
}

/** What follows a failed attempt. */
export type FailureStep =
  /** The account was never made: back to the technical stage (gagal_buat_akun), with the reason as is or "gave up". */
  | { kind: "fail_creation"; text: "reason" | "gave_up" }
  /** Too many attempts after the account exists: "gagal", the administrators asked to act. */
  | { kind: "give_up" }
  /** "menunggu ulang" for the sweep; the administrators are told on the first failure only. */
  | { kind: "retry"; notify: "none" | "reason" | "warning" };

/** `attempts` counts the failed attempt just made. */
export function failurePolicy(f: {
  accountDone: boolean;
  permanent: boolean;
  attempts: number;
}): FailureStep {
  const exhausted = f.attempts >= MAX_ATTEMPTS;
  if (!f.accountDone && (f.permanent || exhausted))
    return { kind: "fail_creation", text: f.permanent ? "reason" : "gave_up" };
  if (exhausted) return { kind: "give_up" };
  if (f.attempts !== 1) return { kind: "retry", notify: "none" };
  return { kind: "retry", notify: f.permanent ? "reason" : "warning" };
}

/**
 * The letter's send threw: the quota read before and after it (after: null when it could not be
 * read) tells whether anything went out. Unchanged: nothing did, so the letter waits for quota
 * (none left) or the step is retried; anything else (a quota that went up is a window reset and
 * proves nothing) means it may have gone out: never a second letter.
 */
export function afterSendError(
  before: number,
  after: number | null,
  refusedForQuota = false,
): "wait_quota" | "retry" | "maybe_sent" {
  // Apps Script refuses a send over the daily quota before anything goes out: whatever the quota
  // read says (other executions send letters at the same time and move it), nothing went out.
  if (refusedForQuota) return after !== null && after < 1 ? "wait_quota" : "retry";
  if (after !== null && after === before) return after < 1 ? "wait_quota" : "retry";
  return "maybe_sent";
}

/**
 * The error MailApp throws for a send over the daily quota ("Service invoked too many times for
 * one day: email."). MailApp's errors carry no code, so this one is told by its words; any other
 * error is judged by the quota alone.
 */
export function isMailQuotaRefusal(message: string): boolean {
  return /too many times for one day: email/i.test(message);
}

// ---------------------------------------------------------------------------------------------
// Reissue
// ---------------------------------------------------------------------------------------------

/** Why a reissue is refused (the texts are `provision.reissue.<code>`). */
export type ReissueRefusal = "no_ticket" | "not_created" | "not_recorded" | "erased" | "pending" | "busy";

/**
 * Whether a new letter may be asked for a request (the requester's permission is the workflow
 * table's, domain/workflow.ts): the account must be made and recorded, the personal address not
 * erased by retention, no reissue pending and no live run holding the request.
 */
export function reissueRefusal(
  row: { status: string; created: boolean; erased: boolean; state: ProvisionState } | null,
  nowMs: number,
): ReissueRefusal | null {
  if (!row) return "no_ticket";
  if (row.status !== "selesai" && row.status !== "akun dibuat") return "not_created";
  if (!row.created) return "not_recorded";
  if (row.erased) return "erased";
  if (row.state.label === "diminta ulang") return "pending";
  if (isInProgress(row.state.label) && !isStale(row.state.atMs, nowMs)) return "busy";
  return null;
}
