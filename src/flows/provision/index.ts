/**
 * Provisioning: the account in the directory exactly once, then the credential letter.
 *
 * Entry points: `provisionQueued` (the provisioning worker, worker.ts, for a request queued by
 * "Buat akun"), `sweepProvisioning` (the time-driven sweep: resumes what a cut-off run left, sends
 * letters that waited for mail quota, invalidates temporary passwords never used, calls a worker
 * for a queue nobody drains) and `requestReissue` (an administrator asks for a new letter with a
 * new password).
 *
 * Exactly once. Every step is recorded in the register row under the script lock BEFORE the side
 * effect it announces (domain/provisioning.ts has the state machine), and every write checks that
 * the row's state is still the one this run wrote (compare-and-set): a run that lost its claim
 * stops. A resuming run derives the next step from the row's facts:
 *   no "Akun Dibuat"       → the account step: users.get first (an account carrying this ticket's
 *                            marker is ours: no insert), else the duplicate check again, then
 *                            users.insert (a 409 confirmed as ours counts as success);
 *   no "Arsip Surat"       → group membership (409 is fine), letter number, archive copy;
 *   no "Surat Dikirim"     → the letter: a NEW password when this run does not hold the one the
 *                            account was created with (it only ever exists in memory);
 *   otherwise              → the request is closed ("selesai").
 * The letter mail is the one side effect that cannot be looked up afterwards. The state written
 * just before sending keeps the remaining mail quota; a send that failed, or a run cut off while
 * sending, is judged by the quota: unchanged on the same day = nothing went out, the letter is
 * sent again (new password); anything else = it may have gone out, so it is NOT sent again and the
 * administrators are asked to confirm with the applicant (at most one letter, never two).
 *
 * The Directory calls run outside the script lock: with backoff a call may take half a minute,
 * far longer than other triggers may wait for the lock; the directory itself refuses a second
 * account for an address (409), and the claim in the register keeps two runs off one request.
 *
 * The files, by concern: claim.ts (the register record: claim and compare-and-set commit),
 * run.ts (entry points and the order of steps), account.ts (the account step, group join),
 * letter.ts (number, archive, send, closing), failures.ts (classification and policy),
 * sweep.ts (the sweep's part), reissue.ts (the administrators' request). The decisions are pure
 * functions in domain/provisioning/saga.ts. Other modules import the entry points from here.
 */
export { PermanentFailure, type ProvisionResult, type Run } from "./claim.js";
export { provisionQueued, resumeProvisioning } from "./run.js";
export { sweepProvisioning, type ProvisionSweepReport } from "./sweep.js";
export { requestReissue, type ReissueOutcome } from "./reissue.js";
export { drainQueue, type WorkerReport } from "./worker.js";
