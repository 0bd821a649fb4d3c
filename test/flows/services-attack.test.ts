// Regression tests of an outside review's attacks on the account services: each
// attack's hole, now closed. The attacks are the reviewer's; the assertions are the safe outcome.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkUserPassword, directoryUser, seedUser } from "gas-emulator/testkit";
import { act, DOMAIN, mailsTo, row, runWorkers, WORKER, type Office } from "./harness.js";
import { lettersTo, pdfText, provisioningOffice, STAF, sweepAfter, toLastStage } from "./provision-kit.js";
import { callsSoFar } from "./lifecycle-kit.js";
import { changeAnswers, dayFromNow, existingAccount, fileAndApprove } from "./changes-kit.js";
import { resetAnswers, submitService, OLD_PASSWORD } from "./services-kit.js";
import { t } from "../../src/domain/text/index.js";

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

function seed(k: number, extra: Record<string, unknown>) {
  const address = `korban.${k}@${DOMAIN}`;
  const nip = `19800330201001${String(k).padStart(4, "0")}`;
  const personal = `korban.${k}@gmail.com`;
  seedUser(office.emu.ws, {
    primaryEmail: address,
    name: { givenName: "Korban", familyName: `Nomor ${k}` },
    externalIds: [{ type: "organization", value: nip }],
    recoveryEmail: personal,
    password: OLD_PASSWORD,
    lastLoginTime: "2026-10-01T02:00:00.000Z",
    ...extra,
  } as never);
  return { ticket: "", address, nip, personal, name: `Korban Nomor ${k}` };
}

/** Files a change (whatever the staff check says), approves it and runs the workers. */
async function fileAndRun(answers: Record<string, string>): Promise<string> {
  const ticket = await submitService(office, answers);
  await toLastStage(office, ticket);
  await act(office, STAF, ticket, "Jalankan permohonan");
  await runWorkers(office);
  return ticket;
}

const BAIT = "Budi PENTING kirim sandi ini ke helpdesk-kominfo@evil.example";

describe("A1 reactivation of an account an administrator suspended by hand (no surel departure)", () => {
  test("refused: still suspended, the password unchanged, no letter to anyone", async () => {
    const acc = seed(1101, { suspended: true });
    const answers = changeAnswers(office, "aktif_kembali", acc, { effectiveDate: dayFromNow(office, 0) });
    for (const k of Object.keys(answers)) {
      if (answers[k] === acc.personal) answers[k] = "penyerang@gmail.com";
      if (answers[k] === acc.name) answers[k] = BAIT;
    }
    const ticket = await submitService(office, answers);
    // The staff see why before they approve.
    expect(String(row(office, ticket).duplicate)).toContain("PERIKSA SEBELUM MENYETUJUI");
    expect(String(row(office, ticket).duplicate)).toContain("Konsol Admin");
    await toLastStage(office, ticket);
    await act(office, STAF, ticket, "Jalankan permohonan");
    await runWorkers(office);
    expect(directoryUser(office.emu.ws, acc.address)!.suspended).toBe(true);
    expect(checkUserPassword(office.emu.ws, acc.address, OLD_PASSWORD)).toBe(true);
    expect(lettersTo(office, acc.personal)).toHaveLength(0);
    expect(lettersTo(office, "penyerang@gmail.com")).toHaveLength(0);
  });
});

describe("A3 a password reset of an administrator's account", () => {
  test("refused at intake (the staff see why) and at execution: the password stays", async () => {
    for (const [k, extra] of [
      [9301, { isAdmin: true }],
      [9302, { isDelegatedAdmin: true }],
    ] as const) {
      const acc = seed(k, extra);
      const ticket = await submitService(office, resetAnswers(acc));
      expect(String(row(office, ticket).duplicate)).toContain(t("id", "reset.mismatch.admin"));
      await act(office, STAF, ticket, "Jalankan permohonan");
      await runWorkers(office);
      expect(checkUserPassword(office.emu.ws, acc.address, OLD_PASSWORD)).toBe(true);
      expect(lettersTo(office, acc.personal)).toHaveLength(0);
    }
  });
});

describe("A4 'aktif kembali' on an ACTIVE account", () => {
  test("refused: the password unchanged and no letter (a new password is a reset's)", async () => {
    const acc = seed(1102, {});
    const answers = changeAnswers(office, "aktif_kembali", acc, { effectiveDate: dayFromNow(office, 0) });
    for (const k of Object.keys(answers))
      if (answers[k] === acc.personal) answers[k] = "penyerang2@gmail.com";
    const submitted = await submitService(office, answers);
    expect(String(row(office, submitted).duplicate)).toContain("PERIKSA SEBELUM MENYETUJUI");
    expect(String(row(office, submitted).duplicate)).toContain(
      t("id", "change.refuse.not_suspended", { address: acc.address }),
    );
    await toLastStage(office, submitted);
    await act(office, STAF, submitted, "Jalankan permohonan");
    await runWorkers(office);
    expect(directoryUser(office.emu.ws, acc.address)!.suspended).toBe(false);
    expect(checkUserPassword(office.emu.ws, acc.address, OLD_PASSWORD)).toBe(true);
    expect(lettersTo(office, acc.personal)).toHaveLength(0);
    expect(mailsTo(office, "penyerang2@gmail.com").filter((m) => m.attachments.length > 0)).toHaveLength(0);
  });
});

describe("the reactivation letter names the holder as the directory does", () => {
  test("the applicant's typed name is not in the letter", async () => {
    const acc = await existingAccount(office, 9401);
    await fileAndApprove(
      office,
      changeAnswers(office, "berhenti", acc, {
        leaveReason: "Mutasi keluar",
        effectiveDate: dayFromNow(office, 0),
      }),
    );
    expect(directoryUser(office.emu.ws, acc.address)!.suspended).toBe(true);
    const answers = changeAnswers(office, "aktif_kembali", acc, { effectiveDate: dayFromNow(office, 0) });
    for (const k of Object.keys(answers)) if (answers[k] === acc.name) answers[k] = BAIT;
    const before = lettersTo(office, acc.personal).length;
    const ticket = await fileAndRun(answers);
    expect(row(office, ticket).status).toBe("selesai");
    expect(directoryUser(office.emu.ws, acc.address)!.suspended).toBe(false);
    const letters = lettersTo(office, acc.personal).slice(before);
    expect(letters).toHaveLength(1);
    const pdf = letters[0]!.attachments.find((a) => a.contentType === "application/pdf")!;
    const text = (await pdfText(pdf.bytes)).join("\n");
    expect(text).not.toContain("evil.example");
    expect(text).not.toContain("PENTING");
    expect(letters[0]!.body).not.toContain("evil.example");
  });
});

describe("a reactivation cut off right after it lifted the suspension", () => {
  test("resumed, not refused as 'not suspended': one letter, no second unsuspension", async () => {
    const acc = await existingAccount(office, 9601);
    await fileAndApprove(
      office,
      changeAnswers(office, "berhenti", acc, {
        leaveReason: "Mutasi keluar",
        effectiveDate: dayFromNow(office, 0),
      }),
    );
    const before = lettersTo(office, acc.personal).length;
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    const rule = office.emu.faults.killAt(1, {
      handler: WORKER,
      target: "AdminDirectory.Users.update",
      when: "after",
    });
    const { ticket } = await fileAndApprove(
      office,
      changeAnswers(office, "aktif_kembali", acc, { effectiveDate: dayFromNow(office, 0) }),
    );
    office.emu.faults.clear();
    expect(rule.fired).toBe(1);
    expect(directoryUser(office.emu.ws, acc.address)!.suspended).toBe(false);
    await sweepAfter(office, 10);
    await runWorkers(office);
    expect(row(office, ticket).status).toBe("selesai");
    // The unsuspension once, the password once.
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updates).toBe(2);
    expect(lettersTo(office, acc.personal).slice(before)).toHaveLength(1);
  });
});
