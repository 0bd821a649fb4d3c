import { describe, expect, it } from "vitest";
import { TICKET_ID_TYPE } from "../../src/domain/provisioning.js";
import {
  checkResetIdentity,
  recordedNips,
  resetStaffNote,
  validateResetClaim,
  type DirectoryRecord,
  type ResetClaim,
} from "../../src/domain/reset.js";
import { tx } from "../../src/domain/text/index.js";

const DOMAIN = "contohkota.go.id";
const NIP = "198503302010011002";
const OTHER_NIP = "199001012015032001";

const claim: ResetClaim = {
  address: "ahmad.fauzi@contohkota.go.id",
  nip: NIP,
  personalEmail: "ahmad.fauzi85@gmail.com",
};

function record(over: Partial<DirectoryRecord> = {}): DirectoryRecord {
  return {
    primaryEmail: "ahmad.fauzi@contohkota.go.id",
    suspended: false,
    recoveryEmail: "ahmad.fauzi85@gmail.com",
    externalIds: [
      { type: "organization", value: NIP },
      { type: "custom", customType: TICKET_ID_TYPE, value: "SRL-2611-0001" },
    ],
    ...over,
  };
}

describe("a reset request's answers", () => {
  it("normalises a valid claim; a bare user name gets the office domain", () => {
    const r = validateResetClaim(
      { address: " Ahmad.Fauzi ", nip: "19850330 201001 1 002", personalEmail: "Ahmad.Fauzi85@Gmail.com" },
      DOMAIN,
    );
    expect(r.problems).toEqual([]);
    expect(r.claim).toEqual(claim);
  });

  it("names every missing or invalid answer; no user name is asked for", () => {
    expect(
      validateResetClaim({ address: "", nip: "", personalEmail: "" }, DOMAIN).problems.map((p) => p.code),
    ).toEqual(["reset.address.required", "reset.nip.required", "reset.email.required"]);
    const bad = validateResetClaim(
      { address: "ahmad@gmail.com", nip: "12345", personalEmail: "ahmad@contohkota.go.id" },
      DOMAIN,
    );
    expect(bad.problems.map((p) => p.code)).toEqual([
      "reset.address.invalid",
      "reset.nip.invalid",
      "email.office_domain",
    ]);
  });
});

describe("the reset claim against the directory", () => {
  it("matches: the letter goes to the recovery address on record", () => {
    const c = checkResetIdentity(claim, record(), DOMAIN);
    expect(c).toEqual({ verdict: "match", mismatches: [], recipient: "ahmad.fauzi85@gmail.com" });
  });

  it("the recipient is the record's, never the typed address (case and spaces aside)", () => {
    const c = checkResetIdentity(claim, record({ recoveryEmail: " AHMAD.FAUZI85@gmail.com " }), DOMAIN);
    expect(c.recipient).toBe("ahmad.fauzi85@gmail.com");
  });

  it("a NIP that does not match goes to staff, masked on both sides, and no recipient", () => {
    const c = checkResetIdentity({ ...claim, nip: OTHER_NIP }, record(), DOMAIN);
    expect(c.verdict).toBe("mismatch");
    expect(c.recipient).toBeNull();
    expect(c.mismatches).toEqual([
      { code: "reset.mismatch.nip", params: { given: "19900101********01", recorded: "19850330********02" } },
    ]);
    const note = resetStaffNote(c, "id");
    expect(note).toContain("19900101********01");
    expect(note).not.toContain(OTHER_NIP);
    expect(note).not.toContain(NIP);
  });

  it("a personal e-mail that does not match: the typed address never becomes the recipient", () => {
    const c = checkResetIdentity({ ...claim, personalEmail: "attacker@gmail.com" }, record(), DOMAIN);
    expect(c.verdict).toBe("mismatch");
    expect(c.recipient).toBeNull();
    expect(c.mismatches).toEqual([
      { code: "reset.mismatch.email", params: { given: "a***r@gmail.com", recorded: "a***5@gmail.com" } },
    ]);
    expect(resetStaffNote(c, "en")).not.toContain("attacker@");
  });

  it("a near match (Gmail dots) is not a match", () => {
    const c = checkResetIdentity({ ...claim, personalEmail: "ahmadfauzi85@gmail.com" }, record(), DOMAIN);
    expect(c.verdict).toBe("mismatch");
  });

  it("names every fact that failed at once", () => {
    const c = checkResetIdentity(
      { ...claim, nip: OTHER_NIP, personalEmail: "x.y@yahoo.com" },
      record({ suspended: true }),
      DOMAIN,
    );
    expect(c.mismatches.map((m) => m.code)).toEqual([
      "reset.mismatch.suspended",
      "reset.mismatch.nip",
      "reset.mismatch.email",
    ]);
  });

  it("no NIP or no recovery e-mail on record is a mismatch, not a match by default", () => {
    const c = checkResetIdentity(
      claim,
      record({
        externalIds: [{ type: "custom", customType: TICKET_ID_TYPE, value: NIP }],
        recoveryEmail: "",
      }),
      DOMAIN,
    );
    expect(c.mismatches.map((m) => m.code)).toEqual(["reset.mismatch.nip_none", "reset.mismatch.email_none"]);
    expect(c.recipient).toBeNull();
  });

  it("a recovery e-mail in the office domain is unusable: the letter would go to the account itself", () => {
    const c = checkResetIdentity(
      { ...claim, personalEmail: "ahmad.fauzi@contohkota.go.id" },
      record({ recoveryEmail: "ahmad.fauzi@contohkota.go.id" }),
      DOMAIN,
    );
    expect(c.mismatches.map((m) => m.code)).toEqual(["reset.mismatch.email_unusable"]);
    expect(c.recipient).toBeNull();
  });

  it("an alias is not the account's address", () => {
    const c = checkResetIdentity(claim, record({ primaryEmail: "a.fauzi@contohkota.go.id" }), DOMAIN);
    expect(c.mismatches.map((m) => m.code)).toEqual(["reset.mismatch.alias"]);
  });

  it("an address the directory does not have", () => {
    const c = checkResetIdentity(claim, null, DOMAIN);
    expect(c).toEqual({
      verdict: "no_account",
      mismatches: [{ code: "reset.mismatch.no_account", params: { address: claim.address } }],
      recipient: null,
    });
    expect(resetStaffNote(c, "id").split("\n")[0]).toBe(tx("id", "reset.staff.no_account"));
  });

  it("reads NIPs from any externalId but surel's ticket marker", () => {
    expect(
      recordedNips({
        externalIds: [
          { type: "organization", value: "19850330 201001 1 002" },
          { type: "custom", customType: "NIP", value: OTHER_NIP },
          { type: "custom", customType: TICKET_ID_TYPE, value: "SRL-2611-0001" },
          { type: "organization", value: NIP },
          null,
        ],
      }),
    ).toEqual([NIP, OTHER_NIP]);
  });
});
