/**
 * Issue #12 on the built bundle: the account services form and the password reset. A reset
 * request is registered with its own ticket and type, checked against the directory at intake
 * (the staff see what did not match, masked; the applicant's receipt is the same whatever the
 * verdict), goes to the staff, and is carried out through the exactly-once provisioning path: a
 * new temporary password with forced change, a reset letter ONLY to the directory's recovery
 * address, the password kept nowhere.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { maskEmail } from "../../src/domain/intake.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { errorLog, mailsTo, register, row, sheet, type Office } from "./harness.js";
import { applicant, provision, provisioningOffice, STAF } from "./provision-kit.js";
import { serviceAnswers, submitService } from "./services-kit.js";

let office: Office;
let n = 300;

beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

/** An account made by surel itself (NIP in externalIds, recovery e-mail as surel writes them). */
async function existingAccount() {
  const a = applicant(++n);
  const ticket = await provision(office, a);
  const address = String(row(office, ticket).addressRecorded);
  return { address, nip: a["NIP / NI PPPK"]!, personal: a["Surel pribadi"]!, name: a["Nama lengkap"]! };
}

describe("intake of a reset request", () => {
  test("a matching claim is registered as its own request at the staff stage, with a generic receipt", async () => {
    const acc = await existingAccount();
    const ticket = await submitService(
      office,
      serviceAnswers("reset_sandi", {
        address: acc.address,
        nip: acc.nip,
        personalEmail: acc.personal,
        fullName: acc.name,
      }),
    );
    const r = row(office, ticket);
    expect(r.requestType).toBe("reset kata sandi");
    expect(r.status).toBe("baru");
    expect(r.stageKey).toBe("staf");
    expect(r.responsible).toContain(STAF);
    expect(r.duplicate).toContain("cocok");
    expect(r.responseRow).toMatch(/^-\d+$/);
    expect(sheet(office, SHEET_NAMES.serviceResponses).getLastRow()).toBeGreaterThanOrEqual(2);
    const receipts = mailsTo(office, acc.personal).filter((m) => m.subject.includes(ticket));
    expect(receipts).toHaveLength(1);
    expect(errorLog(office)).toEqual([]);
    expect(register(office).filter((x) => x.ticket === ticket)).toHaveLength(1);
    void maskEmail;
  });
});
