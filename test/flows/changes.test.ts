/**
 * Changes to an account, on the built bundle: a name change and a move to another OPD, filed on the Layanan
 * Akun form with the OPD's letter, carried through the configured chain, and applied exactly once
 * through one Users.update with the directory read first; what is already so is logged as found.
 * A request without the OPD's letter is refused with a clear Indonesian message.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedGroup } from "gas-emulator/testkit";
import { DOMAIN, errorLog, log, mailsTo, row, type Office } from "./harness.js";
import { provisioningOffice } from "./provision-kit.js";
import { callsSoFar } from "./lifecycle-kit.js";
import { account, changeAnswers, existingAccount, fileAndApprove, groupsOf } from "./changes-kit.js";
import { submitService } from "./services-kit.js";
import { catalogued } from "./harness.js";

let office: Office;
let n = 700;

beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

describe("name change", () => {
  test("one Users.update with the new names, after a read of the directory; logged; the applicant told", async () => {
    const acc = await existingAccount(office, ++n);
    const updatesBefore = callsSoFar(office, "AdminDirectory.Users.update");
    const { ticket, workers } = await fileAndApprove(
      office,
      changeAnswers(office, "ubah_nama", acc, { newName: "Sari Wulandari Hakim, S.Kom." }),
    );
    const r = row(office, ticket);
    expect(r.requestType).toBe("ubah nama");
    expect(r.status).toBe("selesai");
    expect(r.changeDetails).toContain("nama baru: Sari Wulandari Hakim, S.Kom");
    expect(r.changeDetails).toContain("surat OPD: 800/45/BKPSDM/2026");
    expect(account(office, acc.address).name).toMatchObject({
      givenName: "Sari Wulandari",
      familyName: "Hakim",
    });
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updatesBefore).toBe(1);
    // The directory first: the worker read the account before it updated it.
    const trace = workers.flatMap((w) => w.trace.map((c) => c.key));
    expect(trace.indexOf("AdminDirectory.Users.get")).toBeGreaterThanOrEqual(0);
    expect(trace.indexOf("AdminDirectory.Users.get")).toBeLessThan(
      trace.indexOf("AdminDirectory.Users.update"),
    );
    const entries = log(office).filter((e) => e.ticket === ticket);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["diterima", "ubah_akun", "akun_dibuat", "selesaikan"]),
    );
    const intent = entries.findIndex((e) => e.action === "ubah_akun");
    expect(entries[intent]!.note).toContain("nama di direktori menjadi Sari Wulandari Hakim");
    expect(intent).toBeLessThan(entries.findIndex((e) => e.action === "akun_dibuat"));
    expect(
      mailsTo(office, acc.personal).some((m) => m.subject.includes(`[${ticket}] Ubah nama selesai`)),
    ).toBe(true);
    expect(errorLog(office)).toEqual([]);
  });

  test("a name the directory already has: no update, logged as found", async () => {
    const acc = await existingAccount(office, ++n);
    const current = account(office, acc.address).name!;
    const updatesBefore = callsSoFar(office, "AdminDirectory.Users.update");
    const { ticket } = await fileAndApprove(
      office,
      changeAnswers(office, "ubah_nama", acc, { newName: `${current.givenName} ${current.familyName}` }),
    );
    expect(row(office, ticket).status).toBe("selesai");
    expect(callsSoFar(office, "AdminDirectory.Users.update")).toBe(updatesBefore);
    const intent = log(office).find((e) => e.ticket === ticket && e.action === "ubah_akun")!;
    expect(intent.note).toMatch(catalogued("change.log.found"));
  });
});

describe("move to another OPD", () => {
  test("org unit and OPD group changed, other groups kept, through one Users.update", async () => {
    const acc = await existingAccount(office, ++n);
    const target = office.config.opds.find((o) => o.code === "BAPPEDA")!;
    const before = account(office, acc.address);
    const oldGroups = groupsOf(office, acc.address);
    expect(oldGroups.length).toBe(1);
    // A group that is no OPD's (an all-staff list) is not the move's business.
    seedGroup(office.emu.ws, { email: `semua.asn@${DOMAIN}`, members: [acc.address] });
    expect(before.orgUnitPath).not.toBe(target.orgUnitPath);
    const updatesBefore = callsSoFar(office, "AdminDirectory.Users.update");
    const { ticket } = await fileAndApprove(
      office,
      changeAnswers(office, "pindah_opd", acc, { targetOpd: target.name, effectiveDate: "01/01/2026" }),
    );
    expect(row(office, ticket).status).toBe("selesai");
    expect(row(office, ticket).opd).toBe(target.name);
    expect(account(office, acc.address).orgUnitPath).toBe(target.orgUnitPath);
    expect(groupsOf(office, acc.address)).toEqual([target.group, `semua.asn@${DOMAIN}`].sort());
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updatesBefore).toBe(1);
    const intent = log(office).find((e) => e.ticket === ticket && e.action === "ubah_akun")!;
    expect(intent.note).toContain(`keluar dari grup ${oldGroups[0]}`);
    expect(intent.note).toContain(`masuk grup ${target.group}`);
  });
});

describe("the OPD's letter is required", () => {
  test("a request without its letter number and date is not accepted, and says so in Indonesian", async () => {
    const acc = await existingAccount(office, ++n);
    const ticket = await submitService(
      office,
      changeAnswers(office, "berhenti", acc, {
        letterNumber: "",
        letterDate: "",
        leaveReason: "Pensiun",
        effectiveDate: "01/01/2027",
      }),
    );
    const r = row(office, ticket);
    expect(r.status).toBe("perlu perbaikan");
    expect(r.problems).toContain("Nomor surat pengantar OPD wajib diisi");
    expect(r.problems).toContain("Tanggal surat pengantar OPD wajib diisi");
    const receipt = mailsTo(office, acc.personal).find((m) => m.subject.includes(ticket))!;
    expect(receipt.body).toContain("Nomor surat pengantar OPD wajib diisi");
    expect(account(office, acc.address).suspended).toBe(false);
  });
});
