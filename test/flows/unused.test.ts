/**
 * Accounts never used, on the built bundle with the virtual clock: before the temporary
 * password expires the applicant is reminded once; after it expired the OPD gets a monthly list
 * of its accounts never signed into (Google's lastLoginTime is the epoch for them); after
 * usul_tangguhkan_hari days the administrators get one proposal to suspend, and confirm it on the
 * admin sheet: checked against the settings and the directory, Users.update once, logged.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { directoryUser } from "gas-emulator/testkit";
import { ADMIN, adminRequest, adminRows, DOMAIN, log, mailsTo, type Office } from "./harness.js";
import { applicant, provision, provisioningOffice, row, STAF } from "./provision-kit.js";
import { callsSoFar, nineAm, signIn, sweepAt } from "./lifecycle-kit.js";
import { t } from "../../src/domain/text/index.js";

const CC = `sekretariat.diskominfo@${DOMAIN}`;
const UPDATE = "AdminDirectory.Users.update";
let office: Office;
let a: Record<string, string>;
let b: Record<string, string>;
let tA: string;
let tB: string;
let addrA: string;

const remindersTo = (who: string) => mailsTo(office, who).filter((m) => m.subject.startsWith("Segera masuk"));
const listsTo = (who: string) =>
  mailsTo(office, who).filter((m) => m.subject.includes("belum pernah dipakai"));
const proposals = () => mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("Usul penangguhan"));

beforeAll(async () => {
  office = await provisioningOffice({
    configure: (c) => {
      c.opds[0]!.ccEmail = CC; // Diskominfo's secretariat gets its OPD's mail
      c.privacy.unusedCredentialDays = 14;
      c.privacy.suspendUnusedDays = 30;
    },
  });
  // Monday 23 November 2026: two letters go out; B signs in the next day, A never does.
  a = applicant(1);
  b = applicant(2);
  tA = await provision(office, a);
  tB = await provision(office, b);
  addrA = row(office, tA).address;
  signIn(office, row(office, tB).address, nineAm(2026, 11, 24));
});
afterAll(async () => {
  await office.emu.close();
});

describe("accounts never used", () => {
  test("a never-used account reads as the epoch in the directory", () => {
    expect(directoryUser(office.emu.ws, addrA)!.lastLoginTime).toBe("1970-01-01T00:00:00.000Z");
    expect(row(office, tA).status).toBe("selesai");
  });

  test("three days before the password expires the applicant who never signed in is reminded, once", async () => {
    await sweepAt(office, nineAm(2026, 12, 3)); // 10 days: not yet
    expect(remindersTo(a["Surel pribadi"]!)).toHaveLength(0);
    await sweepAt(office, nineAm(2026, 12, 4)); // Friday, 11 days: within 3 days of the expiry
    await sweepAt(office, nineAm(2026, 12, 4) + 3_600_000);
    await sweepAt(office, nineAm(2026, 12, 7)); // Monday, still before the expiry: no second one
    const sent = remindersTo(a["Surel pribadi"]!);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain(addrA);
    expect(sent[0]!.body).toContain("7 Desember 2026");
    expect(remindersTo(b["Surel pribadi"]!)).toHaveLength(0); // B signed in
    expect(log(office).filter((e) => e.ticket === tA && e.action === "pengingat_aktivasi")).toHaveLength(1);
  });

  test("after the expiry the OPD gets its month's list of accounts never signed into, once a month", async () => {
    await sweepAt(office, nineAm(2026, 12, 8));
    expect(row(office, tA).provisioning).toMatch(/^kedaluwarsa/);
    await sweepAt(office, nineAm(2026, 12, 9));
    const lists = listsTo(CC);
    expect(lists).toHaveLength(1);
    expect(lists[0]!.subject).toContain("2026-12");
    expect(lists[0]!.body).toContain(addrA);
    expect(lists[0]!.body).not.toContain(row(office, tB).address);
  });

  test("before usul_tangguhkan_hari the suspension is refused by the settings, nothing changes", async () => {
    const before = callsSoFar(office, UPDATE);
    await adminRequest(office, ADMIN, "suspend", { ticket: tA });
    expect(adminRows(office).pop()!.result).toContain("setelah 30 hari");
    expect(callsSoFar(office, UPDATE)).toBe(before);
    expect(directoryUser(office.emu.ws, addrA)!.suspended).toBe(false);
  });

  test("after 30 days the administrators get one proposal, and the new month one more list", async () => {
    await sweepAt(office, nineAm(2027, 1, 4));
    await sweepAt(office, nineAm(2027, 1, 5));
    expect(proposals()).toHaveLength(1);
    expect(proposals()[0]!.body).toContain(addrA);
    expect(proposals()[0]!.body).toContain(t("id", "admin.op.suspend"));
    expect(log(office).filter((e) => e.ticket === tA && e.action === "usul_tangguhkan")).toHaveLength(1);
    expect(proposals().some((m) => m.body.includes(row(office, tB).address))).toBe(false);
    expect(listsTo(CC).map((m) => m.subject.match(/\d{4}-\d\d/)![0])).toEqual(["2026-12", "2027-01"]);
  });

  test("the staff cannot confirm; an account that was used is refused by the directory check", async () => {
    const staff = await adminRequest(office, STAF, "suspend", { ticket: tA });
    expect(staff.edit.ok).toBe(false);
    const before = callsSoFar(office, UPDATE);
    await adminRequest(office, ADMIN, "suspend", { ticket: tB });
    expect(adminRows(office).pop()!.result).toContain(
      t("id", "unused.suspend.used", { address: row(office, tB).address }),
    );
    expect(callsSoFar(office, UPDATE)).toBe(before);
  });

  test("an administrator confirms: Users.update once, logged; a second confirmation changes nothing", async () => {
    const before = callsSoFar(office, UPDATE);
    await adminRequest(office, ADMIN, "suspend", { ticket: tA });
    expect(adminRows(office).pop()!.result).toContain("ditangguhkan");
    expect(directoryUser(office.emu.ws, addrA)!.suspended).toBe(true);
    expect(callsSoFar(office, UPDATE)).toBe(before + 1);
    const entry = log(office)
      .filter((e) => e.ticket === tA)
      .pop()!;
    expect(entry).toMatchObject({ action: "tangguhkan_akun", actor: ADMIN });
    await adminRequest(office, ADMIN, "suspend", { ticket: tA });
    expect(adminRows(office).pop()!.result).toContain(t("id", "unused.suspend.already", { address: addrA }));
    expect(callsSoFar(office, UPDATE)).toBe(before + 1);
    expect(log(office).filter((e) => e.action === "tangguhkan_akun")).toHaveLength(1);
    // A suspended account is no longer listed or proposed.
    await sweepAt(office, nineAm(2027, 2, 1));
    expect(listsTo(CC)).toHaveLength(2);
    expect(proposals()).toHaveLength(1);
  });
});
