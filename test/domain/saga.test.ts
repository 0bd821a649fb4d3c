import { describe, expect, it, vi } from "vitest";
import {
  accountStepDone,
  afterSendError,
  isMailQuotaRefusal,
  classifyFailure,
  failurePolicy,
  failureReason,
  isRetryableJoinFailure,
  LEASE_MS,
  MAX_ATTEMPTS,
  nextStep,
  QUEUE_STALE_MS,
  reissueRefusal,
  resumePlan,
  type ProvisionState,
  type ResumeFacts,
} from "../../src/domain/provisioning.js";
import { may, PERMISSIONS } from "../../src/domain/workflow.js";
import { sampleOffice } from "./office-fixture.js";

const T = Date.UTC(2026, 10, 23, 1, 0, 0);
const LATER = T + LEASE_MS + 1;

function facts(over: Partial<ResumeFacts> & { state: ProvisionState }): ResumeFacts {
  return {
    status: "akun dibuat",
    updatedMs: T,
    nowMs: LATER,
    licences: 0,
    letterSent: false,
    archived: false,
    letterNumber: "001/SUREL/XI/2026",
    accountDone: true,
    ...over,
  };
}

const never = (): number => {
  throw new Error("the quota is read only for a run cut off while sending");
};

describe("the next step of a new account", () => {
  it("goes account → letter → closing, the join with the account or before the archive", () => {
    const f = { created: false, sent: false, archived: false, joined: false };
    expect(nextStep(f)).toBe("create");
    expect(nextStep({ ...f, created: true, joined: true })).toBe("deliver");
    expect(nextStep({ ...f, created: true })).toBe("join");
    expect(nextStep({ ...f, created: true, archived: true })).toBe("deliver");
    expect(nextStep({ ...f, created: true, sent: true })).toBe("finish");
    // A letter recorded as sent never goes again, whatever else is missing.
    expect(nextStep({ created: true, sent: true, archived: false, joined: false })).toBe("finish");
  });

  it("the account step is done once created, or (another request type) once committed", () => {
    expect(accountStepDone({ created: true, newAccount: true, status: "membuat akun" })).toBe(true);
    expect(accountStepDone({ created: false, newAccount: true, status: "akun dibuat" })).toBe(false);
    expect(accountStepDone({ created: false, newAccount: false, status: "akun dibuat" })).toBe(true);
    expect(accountStepDone({ created: false, newAccount: false, status: "selesai" })).toBe(true);
    expect(accountStepDone({ created: false, newAccount: false, status: "membuat akun" })).toBe(false);
  });
});

describe("taking a request over", () => {
  it("nothing for a live run or a row that is not resumable", () => {
    expect(resumePlan(facts({ state: { label: "dibuat", atMs: LATER - 1000 } }), never)).toBeNull();
    expect(resumePlan(facts({ status: "diproses", state: { label: "", atMs: 0 } }), never)).toBeNull();
    expect(
      resumePlan(
        facts({ status: "membuat akun", state: { label: "antre", atMs: T }, nowMs: T + 60_000 }),
        never,
      ),
    ).toBeNull();
  });

  it("a queued request left too long: the account step from the start", () => {
    const plan = resumePlan(
      facts({
        status: "membuat akun",
        state: { label: "antre", atMs: T },
        nowMs: T + QUEUE_STALE_MS + 1,
        accountDone: false,
      }),
      never,
    );
    expect(plan).toEqual({ next: { label: "membuat", atMs: T + QUEUE_STALE_MS + 1 }, attempts: 0 });
  });

  it("a reissue asked for a finished request: a new letter, its facts cleared, attempts from 0", () => {
    const plan = resumePlan(
      facts({ status: "selesai", letterSent: true, state: { label: "diminta ulang", atMs: T, attempts: 5 } }),
      never,
    );
    expect(plan).toEqual({
      next: { label: "dibuat", atMs: LATER },
      attempts: 0,
      reissue: { previousLetter: "001/SUREL/XI/2026" },
      clearLetter: true,
    });
  });

  it("a failed reissue goes on as a reissue, with the earlier attempts", () => {
    const plan = resumePlan(
      facts({
        status: "selesai",
        state: { label: "menunggu ulang", atMs: T, attempts: 2, reissueOf: "001/SUREL/XI/2026" },
      }),
      never,
    );
    expect(plan).toEqual({
      next: { label: "dibuat", atMs: LATER },
      attempts: 2,
      reissue: { previousLetter: "001/SUREL/XI/2026" },
    });
  });

  it("closed in the log without its sent mark: taken as sent at the state's time", () => {
    const plan = resumePlan(facts({ status: "selesai", state: { label: "mengirim", atMs: T } }), never);
    expect(plan).toEqual({ next: { label: "mengirim", atMs: LATER }, attempts: 0, letterSentMs: T });
  });

  it("no account yet: the account step", () => {
    const plan = resumePlan(
      facts({
        status: "membuat akun",
        accountDone: false,
        state: { label: "menunggu ulang", atMs: T, attempts: 3 },
      }),
      never,
    );
    expect(plan).toEqual({ next: { label: "membuat", atMs: LATER }, attempts: 3 });
  });

  it("cut off while sending: an unchanged quota sends again, any other says it may have gone", () => {
    const state: ProvisionState = { label: "mengirim", atMs: T, quota: 1490 };
    const quota = vi.fn(() => 1490);
    expect(resumePlan(facts({ state }), quota)).toEqual({
      next: { label: "mengirim", atMs: LATER },
      attempts: 0,
    });
    expect(quota).toHaveBeenCalledTimes(1);
    for (const now of [1489, 1500]) {
      expect(resumePlan(facts({ state }), () => now)).toEqual({
        next: { label: "mengirim", atMs: LATER },
        attempts: 0,
        letterSentMs: T,
        presumedSentMs: T,
      });
    }
  });

  it("the archive copy missing: from the letter's number on; made: the send", () => {
    const state: ProvisionState = { label: "menunggu kuota", atMs: T };
    expect(resumePlan(facts({ state }), never)?.next.label).toBe("dibuat");
    expect(resumePlan(facts({ state, archived: true }), never)?.next.label).toBe("mengirim");
  });
});

describe("failures", () => {
  it("classifies by kind and Directory class, never by wording", () => {
    expect(classifyFailure({ kind: "permanent" })).toEqual({ permanent: true, cause: "refused" });
    expect(classifyFailure({ kind: "template" })).toEqual({ permanent: false, cause: "template" });
    expect(classifyFailure({ kind: "other" })).toEqual({ permanent: false, cause: "other" });
    expect(classifyFailure({ kind: "directory", failure: "not_authorized" }).permanent).toBe(true);
    expect(classifyFailure({ kind: "directory", failure: "invalid" }).permanent).toBe(true);
    expect(classifyFailure({ kind: "directory", failure: "exists" })).toEqual({
      permanent: true,
      cause: "address_taken",
    });
    for (const failure of ["rate_limited", "unavailable", "not_complete", "not_found", "other"] as const)
      expect(classifyFailure({ kind: "directory", failure })).toEqual({
        permanent: false,
        cause: "directory",
        failure,
      });
  });

  it("names a passing Directory failure by its class, in the office's language", () => {
    const c = classifyFailure({ kind: "directory", failure: "rate_limited" });
    const id = failureReason(c, "id", { message: "Rate Limit Exceeded" });
    const en = failureReason(c, "en", { message: "Rate Limit Exceeded" });
    expect(id).not.toContain("Rate Limit Exceeded");
    expect(en).not.toBe(id);
    const user = failureReason(classifyFailure({ kind: "directory", failure: "not_authorized" }), "en", {
      message: "x",
      user: "svc@contohkota.go.id",
    });
    expect(user).toContain("svc@contohkota.go.id");
    expect(failureReason({ permanent: true, cause: "refused" }, "id", { message: "as is" })).toBe("as is");
  });

  it("the policy: a permanent failure before the account goes back to the stage", () => {
    expect(failurePolicy({ accountDone: false, permanent: true, attempts: 1 })).toEqual({
      kind: "fail_creation",
      text: "reason",
    });
    expect(failurePolicy({ accountDone: false, permanent: false, attempts: MAX_ATTEMPTS })).toEqual({
      kind: "fail_creation",
      text: "gave_up",
    });
  });

  it("the policy: after the account, retried until the attempts run out; told on the first only", () => {
    expect(failurePolicy({ accountDone: true, permanent: true, attempts: 1 })).toEqual({
      kind: "retry",
      notify: "reason",
    });
    expect(failurePolicy({ accountDone: false, permanent: false, attempts: 1 })).toEqual({
      kind: "retry",
      notify: "warning",
    });
    expect(failurePolicy({ accountDone: true, permanent: false, attempts: 2 })).toEqual({
      kind: "retry",
      notify: "none",
    });
    expect(failurePolicy({ accountDone: true, permanent: false, attempts: MAX_ATTEMPTS })).toEqual({
      kind: "give_up",
    });
  });

  it("a group join waits for the sweep only when an administrator can fix its cause", () => {
    expect(isRetryableJoinFailure("not_found")).toBe(true);
    expect(isRetryableJoinFailure("invalid")).toBe(true);
    for (const f of ["rate_limited", "unavailable", "not_authorized", "not_complete", "other"] as const)
      expect(isRetryableJoinFailure(f)).toBe(false);
  });

  it("a failed send: only an unchanged quota proves nothing went out", () => {
    expect(afterSendError(10, 10)).toBe("retry");
    expect(afterSendError(0, 0)).toBe("wait_quota");
    expect(afterSendError(10, 9)).toBe("maybe_sent");
    expect(afterSendError(10, 1500)).toBe("maybe_sent"); // a window reset proves nothing
    expect(afterSendError(10, null)).toBe("maybe_sent");
    // A refusal for the daily quota sent nothing, even when other executions moved the quota.
    expect(afterSendError(10, 7, true)).toBe("retry");
    expect(afterSendError(10, null, true)).toBe("retry");
    expect(afterSendError(1, 0, true)).toBe("wait_quota");
    expect(isMailQuotaRefusal("Exception: Service invoked too many times for one day: email.")).toBe(true);
    expect(isMailQuotaRefusal("Service error: Mail")).toBe(false);
  });
});

describe("reissue", () => {
  const ok = {
    status: "selesai",
    created: true,
    erased: false,
    state: { label: "selesai", atMs: T } as ProvisionState,
  };

  it("allowed for a made, recorded account with its personal address and no run holding it", () => {
    expect(reissueRefusal(ok, LATER)).toBeNull();
    expect(reissueRefusal({ ...ok, status: "akun dibuat" }, LATER)).toBeNull();
    expect(reissueRefusal({ ...ok, state: { label: "mengirim", atMs: T } }, LATER)).toBeNull(); // stale
  });

  it("refused, with the reason", () => {
    expect(reissueRefusal(null, LATER)).toBe("no_ticket");
    expect(reissueRefusal({ ...ok, status: "diproses" }, LATER)).toBe("not_created");
    expect(reissueRefusal({ ...ok, created: false }, LATER)).toBe("not_recorded");
    expect(reissueRefusal({ ...ok, erased: true }, LATER)).toBe("erased");
    expect(reissueRefusal({ ...ok, state: { label: "diminta ulang", atMs: T } }, LATER)).toBe("pending");
    expect(reissueRefusal({ ...ok, state: { label: "mengirim", atMs: LATER - 1000 } }, LATER)).toBe("busy");
  });
});

describe("permissions in the workflow table", () => {
  const config = sampleOffice();
  const last = config.stages[config.stages.length - 1]!;
  const first = config.stages[0]!;
  const admin = config.admins[0]!;

  it("a reissue: administrators only", () => {
    expect(PERMISSIONS.request_reissue.who).toEqual(["admins"]);
    expect(may(config, "request_reissue", "", admin)).toBe(true);
    expect(may(config, "request_reissue", "", admin.toUpperCase())).toBe(true);
    expect(may(config, "request_reissue", last.key, last.officials[0]!)).toBe(false);
    expect(may(config, "request_reissue", "", "sistem")).toBe(false);
  });

  it("the address override: the last stage's people there, administrators anywhere", () => {
    const delegate = "wakil@contohkota.go.id";
    const withDelegate = sampleOffice({
      stages: config.stages.map((s) => (s.key === last.key ? { ...s, delegates: [delegate] } : s)),
    });
    expect(may(withDelegate, "override_address", last.key, last.officials[0]!)).toBe(true);
    expect(may(withDelegate, "override_address", last.key, delegate)).toBe(true);
    expect(may(withDelegate, "override_address", first.key, last.officials[0]!)).toBe(false);
    expect(may(withDelegate, "override_address", first.key, first.officials[0]!)).toBe(false);
    expect(may(withDelegate, "override_address", first.key, admin)).toBe(true);
    expect(may(withDelegate, "override_address", "", admin)).toBe(true);
    expect(may(withDelegate, "override_address", last.key, "orang@lain.id")).toBe(false);
  });
});
