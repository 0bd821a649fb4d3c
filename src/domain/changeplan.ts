/**
 * What is left to do of a change (domain/changes.ts): the request compared with the directory's
 * record of the account, re-read before every execution; what the record already shows is not
 * done again and is reported as found.
 */
import type { OpdConfig } from "./config.js";
import { checkPersonalEmail } from "./personalemail.js";
import { recordedNips, type DirectoryRecord } from "./reset.js";
import { type MessageRef } from "./text/index.js";

import { lower, type ChangeRequest } from "./changes.js";

// ── The directory's record and what is left to do ─────────────────────────────────────

/** The parts of a Directory user the plan reads. */
export interface AccountRecord extends DirectoryRecord {
  orgUnitPath?: string | null;
  name?: { givenName?: string | null; familyName?: string | null } | null;
  suspensionReason?: string | null;
  isAdmin?: boolean | null;
  isDelegatedAdmin?: boolean | null;
}

/** The partial patch of the one `users.update` a change makes. */
export interface UserPatch {
  name?: { givenName: string; familyName: string };
  orgUnitPath?: string;
  suspended?: boolean;
}

/** Whether the record shows every field of the patch (a lost reply's update took effect). */
export function patchApplied(record: AccountRecord, patch: UserPatch): boolean {
  if (patch.suspended !== undefined && (record.suspended === true) !== patch.suspended) return false;
  if (patch.orgUnitPath !== undefined && String(record.orgUnitPath ?? "/") !== patch.orgUnitPath)
    return false;
  if (
    patch.name &&
    (String(record.name?.givenName ?? "") !== patch.name.givenName ||
      String(record.name?.familyName ?? "") !== patch.name.familyName)
  )
    return false;
  return true;
}

export type ChangeStep =
  { op: "update"; patch: UserPatch } | { op: "leave"; group: string } | { op: "join"; group: string };

export type ChangeVerdict = "apply" | "done" | "refuse" | "wait";

export interface ChangePlan {
  verdict: ChangeVerdict;
  /** Why the change cannot be made (verdict "refuse"). */
  refusal: MessageRef | null;
  /** What is still to do, in order: the update first, then leaves, then joins. */
  steps: ChangeStep[];
  /** What the record already shows (logged as found, not done again). */
  found: MessageRef[];
  /** berhenti: the groups to note before the account leaves them (the note, if one was made). */
  notedGroups: string[];
}

export interface PlanFacts {
  /** The directory's record of the address; null when there is no such user. */
  record: AccountRecord | null;
  /** The groups the account is a direct member of now (addresses). */
  groups: readonly string[];
  /** The OPDs of the settings (their groups are the OPD groups). */
  opds: readonly OpdConfig[];
  /** Today in the office's calendar, yyyy-MM-dd (a departure waits for its effective date). */
  today: string;
  /**
   * berhenti: the groups already noted by an earlier run of this request (resume), null if none.
   * aktif_kembali: the groups noted when the account was suspended, null when none were noted.
   */
  noted: readonly string[] | null;
  /**
   * aktif_kembali: this request already announced lifting the suspension (a resumed run; its row
   * noted the groups to restore): an active account is then its own run's effect.
   */
  announced?: boolean;
}

/** The suspension reason Google gives an account an administrator suspended. */
export const ADMIN_SUSPENSION = "ADMIN";

function refuse(refusal: MessageRef): ChangePlan {
  return { verdict: "refuse", refusal, steps: [], found: [], notedGroups: [] };
}

/** The account may be changed by this request: it exists, the address is its own, the NIP matches. */
function identityRefusal(request: ChangeRequest, record: AccountRecord | null): MessageRef | null {
  if (!record) return { code: "change.refuse.no_account", params: { address: request.address } };
  const primary = lower(record.primaryEmail);
  if (primary !== request.address)
    return { code: "change.refuse.alias", params: { address: request.address, primary } };
  // Administrators' accounts are changed in the Admin console, never through a form.
  if (record.isAdmin === true || record.isDelegatedAdmin === true)
    return { code: "change.refuse.admin", params: { address: request.address } };
  const nips = recordedNips(record);
  if (nips.length > 0 && !nips.includes(request.nip)) return { code: "change.refuse.nip" };
  return null;
}

/** The groups of the OPD sheet, lower case (the OPD groups a move swaps). */
function opdGroups(opds: readonly OpdConfig[]): Set<string> {
  return new Set(opds.map((o) => lower(o.group)).filter((g) => g !== ""));
}

/**
 * What is still to do for `request`, given the directory as it is now. A verdict "done" has no
 * steps: everything asked for is already so (each such fact is in `found`).
 */
export function planChange(request: ChangeRequest, facts: PlanFacts): ChangePlan {
  const record = facts.record;
  const refusal = identityRefusal(request, record);
  if (refusal || !record) return refuse(refusal ?? { code: "change.refuse.no_account" });
  // Before its effective date nothing is done (a departure noted now would note groups that may
  // still change): the sweep asks again each day.
  if (request.effectiveDate && request.effectiveDate > facts.today)
    return { verdict: "wait", refusal: null, steps: [], found: [], notedGroups: [] };
  const current = [...new Set(facts.groups.map(lower).filter((g) => g !== ""))];
  const steps: ChangeStep[] = [];
  const found: MessageRef[] = [];
  let notedGroups: string[] = [];
  const address = request.address;

  switch (request.kind) {
    case "ubah_nama": {
      const n = request.newName;
      if (!n || n.givenName === "") return refuse({ code: "change.refuse.invalid" });
      const same =
        String(record.name?.givenName ?? "").trim() === n.givenName &&
        String(record.name?.familyName ?? "").trim() === n.familyName;
      if (same) found.push({ code: "change.found.name", params: { address, name: n.fullName } });
      else
        steps.push({ op: "update", patch: { name: { givenName: n.givenName, familyName: n.familyName } } });
      break;
    }
    case "pindah_opd": {
      const target = request.targetOpd;
      if (!target) return refuse({ code: "change.refuse.invalid" });
      if (record.suspended === true) return refuse({ code: "change.refuse.suspended", params: { address } });
      const path = target.orgUnitPath || "/";
      if (String(record.orgUnitPath ?? "/") === path)
        found.push({ code: "change.found.org_unit", params: { address, path } });
      else steps.push({ op: "update", patch: { orgUnitPath: path } });
      const others = opdGroups(facts.opds);
      for (const g of current) if (others.has(g) && g !== target.group) steps.push({ op: "leave", group: g });
      if (target.group !== "") {
        if (current.includes(target.group))
          found.push({ code: "change.found.group", params: { address, group: target.group } });
        else steps.push({ op: "join", group: target.group });
      }
      break;
    }
    case "berhenti": {
      if (!request.reason) return refuse({ code: "change.refuse.invalid" });
      // Noted once: a resumed run keeps the first note (the groups left since are still in it).
      notedGroups = facts.noted ? [...facts.noted] : current;
      if (record.suspended === true) found.push({ code: "change.found.suspended", params: { address } });
      else steps.push({ op: "update", patch: { suspended: true } });
      for (const g of current) steps.push({ op: "leave", group: g });
      break;
    }
    case "aktif_kembali": {
      // The new password goes only to the recovery address on record (reset.ts, the same attacker
      // model): without a usable one nothing is changed.
      const recovery = lower(record.recoveryEmail);
      const domain = address.slice(address.indexOf("@") + 1);
      if (recovery === "" || !checkPersonalEmail(recovery, domain).every((p) => p.code === "email.typo"))
        return refuse({ code: "change.refuse.no_recovery", params: { address } });
      // A reactivation sets a new password and sends it: only a run that lifts a suspension may
      // do so (an active account's new password is a reset, with the reset's identity checks).
      if (record.suspended !== true && !facts.announced)
        return refuse({ code: "change.refuse.not_suspended", params: { address } });
      const why = String(record.suspensionReason ?? "");
      // Google's own suspensions (abuse, a breach of terms…) are lifted in the Admin console.
      if (why !== "" && why.toUpperCase() !== ADMIN_SUSPENSION)
        return refuse({ code: "change.refuse.google_suspension", params: { address, reason: why } });
      // Only a suspension a surel departure made (its row noted the groups): an administrator's
      // own suspension (a compromised account, say) is lifted by the administrators themselves.
      if (facts.noted === null) return refuse({ code: "change.refuse.not_recorded", params: { address } });
      if (record.suspended === true) steps.push({ op: "update", patch: { suspended: false } });
      else found.push({ code: "change.found.active", params: { address } });
      notedGroups = facts.noted.map(lower);
      for (const g of notedGroups) {
        if (current.includes(g)) found.push({ code: "change.found.group", params: { address, group: g } });
        else steps.push({ op: "join", group: g });
      }
      break;
    }
  }
  return { verdict: steps.length ? "apply" : "done", refusal: null, steps, found, notedGroups };
}
