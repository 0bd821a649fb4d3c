/**
 * Departures and returns, on the built bundle: leaving (berhenti) and returning (aktif kembali). A departure
 * approved before its effective date waits ("menunggu tanggal") and is not applied before that
 * day; the sweep applies it on the day (virtual clock): the groups are noted in the log and the
 * register, the account suspended (never deleted) and taken out of its groups. The suspension
 * happens exactly once when the run is cut off right after the update or its reply is lost. A
 * reactivation unsuspends, restores the noted groups and sends a new temporary password letter,
 * once, to the recovery address on record only.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiError } from "gas-emulator";
import { checkUserPassword, seedGroup } from "gas-emulator/testkit";
import { DOMAIN, errorLog, log, mailsTo, row, runWorkers, WORKER, type Office } from "./harness.js";
import { lettersTo, passwordInLetter, provisioningOffice, sweepAfter } from "./provision-kit.js";
import { callsSoFar, sweepAt } from "./lifecycle-kit.js";
import {
  account,
  changeAnswers,
  dayFromNow,
  dayStart,
  existingAccount,
  fileAndApprove,
  groupsOf,
  type Account,
} from "./changes-kit.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

let office: Office;
let n = 800;

beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

/** The account in its OPD's group and in a group of its own choosing. */
async function memberOfTwo(): Promise<{ acc: Account; groups: string[] }> {
  const acc = await existingAccount(office, ++n);
  const extra = `panitia.${n}@${DOMAIN}`;
  seedGroup(office.emu.ws, { email: extra, members: [acc.address] });
  return { acc, groups: groupsOf(office, acc.address) };
}

describe("a departure dated later", () => {
  let acc: Account;
  let groups: string[];
  let ticket: string;
  let effective: string;

  test("approved before its date: waits, nothing applied", async () => {
    ({ acc, groups } = await memberOfTwo());
    expect(groups).toHaveLength(2);
    effective = dayFromNow(office, 10);
    ({ ticket } = await fileAndApprove(
      office,
      changeAnswers(office, "berhenti", acc, { leaveReason: "Pensiun", effectiveDate: effective }),
    ));
    const r = row(office, ticket);
    expect(r.requestType).toBe("berhenti");
    expect(r.status).toBe("membuat akun");
    expect(r.provisioning).toMatch(new RegExp(`^menunggu tanggal · ${effective}T00:00:00\\+07:00`));
    expect(account(office, acc.address).suspended).toBe(false);
    expect(log(office).some((e) => e.ticket === ticket && e.action === "menunggu_tanggal")).toBe(true);
  });

  test("the sweep the evening before does nothing", async () => {
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    await sweepAt(office, dayStart(effective) - 3_600_000);
    expect(account(office, acc.address).suspended).toBe(false);
    expect(groupsOf(office, acc.address)).toEqual(groups);
    expect(callsSoFar(office, "AdminDirectory.Users.update")).toBe(updates);
    expect(row(office, ticket).provisioning).toMatch(/^menunggu tanggal/);
  });

  test("on the day the sweep notes the groups, suspends once and empties them; the data stay", async () => {
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    await sweepAt(office, dayStart(effective) + 10 * 60_000);
    const u = account(office, acc.address);
    expect(u.suspended).toBe(true);
    expect(u.suspensionReason).toBe("ADMIN");
    expect(groupsOf(office, acc.address)).toEqual([]);
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updates).toBe(1);
    const r = row(office, ticket);
    expect(r.status).toBe("selesai");
    expect(r.notedGroups.split(", ").sort()).toEqual(groups);
    const entries = log(office).filter((e) => e.ticket === ticket);
    const intent = entries.find((e) => e.action === "ubah_akun")!;
    for (const g of groups) expect(intent.note).toContain(g);
    expect(intent.note).toContain(t("id", "change.step.suspend"));
    expect(entries.map((e) => e.action).slice(-2)).toEqual(["akun_dibuat", "selesaikan"]);
    // Not deleted: the account (and so its mail and files) is still there.
    expect(u.id).toBeTruthy();
    const notice = mailsTo(office, acc.personal).find(
      (m) => m.subject.includes(`[${ticket}]`) && m.subject.includes("selesai"),
    )!;
    expect(notice.body).toMatch(catalogued("change.notice.departure"));
    expect(errorLog(office)).toEqual([]);
  });

  test("reactivation: unsuspended, the noted groups back, one new password letter to the recovery address", async () => {
    const before = lettersTo(office, acc.personal).length;
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    const { ticket: back } = await fileAndApprove(
      office,
      changeAnswers(office, "aktif_kembali", acc, { effectiveDate: dayFromNow(office, 0) }),
    );
    const r = row(office, back);
    expect(r.status).toBe("selesai");
    expect(account(office, acc.address).suspended).toBe(false);
    expect(groupsOf(office, acc.address)).toEqual(groups);
    // One update to unsuspend, one to set the new password (the letter path).
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updates).toBe(2);
    const letters = lettersTo(office, acc.personal).slice(before);
    expect(letters).toHaveLength(1);
    const password = await passwordInLetter(letters[0]!);
    expect(checkUserPassword(office.emu.ws, acc.address, password)).toBe(true);
    expect(account(office, acc.address).changePasswordAtNextLogin).toBe(true);
    expect(r.letterNumber).not.toBe("");
    expect(errorLog(office)).toEqual([]);
  });
});

describe("exactly once under faults", () => {
  test("cut off right after the suspension took effect: the sweep finishes without a second update", async () => {
    const { acc } = await memberOfTwo();
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    const rule = office.emu.faults.killAt(1, {
      handler: WORKER,
      target: "AdminDirectory.Users.update",
      when: "after",
    });
    const { ticket } = await fileAndApprove(
      office,
      changeAnswers(office, "berhenti", acc, {
        leaveReason: "Mutasi keluar",
        effectiveDate: dayFromNow(office, 0),
      }),
    );
    office.emu.faults.clear();
    expect(rule.fired).toBe(1);
    expect(account(office, acc.address).suspended).toBe(true);
    expect(row(office, ticket).status).toBe("membuat akun");
    expect(row(office, ticket).provisioning).toMatch(/^membuat/);
    await sweepAfter(office, 10);
    await runWorkers(office);
    expect(row(office, ticket).status).toBe("selesai");
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updates).toBe(1);
    expect(groupsOf(office, acc.address)).toEqual([]);
    const entries = log(office).filter((e) => e.ticket === ticket);
    expect(entries.filter((e) => e.action === "selesaikan")).toHaveLength(1);
    // The resumed run found the suspension and logged it as found.
    expect(entries.filter((e) => e.action === "ubah_akun").at(-1)!.note).toContain(
      t("id", "change.found.suspended", { address: acc.address }),
    );
  });

  test("the update's reply lost: the record is read again, no second update", async () => {
    const { acc } = await memberOfTwo();
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    const rule = office.emu.faults.inject("AdminDirectory.Users.update", {
      error: () =>
        apiError("directory.users.update", "Service unavailable. Please try again", 503, "backendError"),
      handler: WORKER,
      when: "after",
      times: 1,
    });
    const { ticket } = await fileAndApprove(
      office,
      changeAnswers(office, "berhenti", acc, {
        leaveReason: "Meninggal dunia",
        effectiveDate: dayFromNow(office, -3),
      }),
    );
    office.emu.faults.clear();
    expect(rule.fired).toBe(1);
    expect(row(office, ticket).status).toBe("selesai");
    expect(account(office, acc.address).suspended).toBe(true);
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updates).toBe(1);
  });
});
