/**
 * Letters: a failed reissue keeps being a reissue across retries (never presumed sent
 * from the request's old status), and whether a letter went out is never judged by a quota window
 * that reset (the emulator's mail quota resets 24 hours after its first use, as documented).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiError } from "gas-emulator";
import { checkUserPassword } from "gas-emulator/testkit";
import { ADMIN, adminRequest, errorLog, log, mailsTo, WORKER, type Office } from "./harness.js";
import {
  accountsFor,
  applicant,
  lettersTo,
  newRequest,
  passwordInLetterBytes,
  provision,
  provisioningOffice,
  row,
  staffOnly,
  sweepAfter,
} from "./provision-kit.js";

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice({ configure: staffOnly });
});
afterAll(async () => {
  await office.emu.close();
});

describe("a reissue that fails", () => {
  test("is retried as a reissue until its letter goes out", async () => {
    const a = applicant(501);
    const ticket = await provision(office, a);
    expect(row(office, ticket).status).toBe("selesai");
    const first = row(office, ticket).letterNumber;
    // An administrator asks for it on the admin sheet; the service account's trigger records it.
    const asked = await adminRequest(office, ADMIN, "reissue", { ticket });
    expect(asked.edit.ok).toBe(true);
    expect(asked.results.every((r) => r.ok)).toBe(true);
    // The sweep that issues it fails once while copying the template (a passing Drive error).
    const rule = office.emu.faults.inject("Drive.Files.copy", {
      error: () => apiError("drive.files.copy", "Internal Error", 500, "internalError"),
      handler: "sweep",
      times: 1,
    });
    await sweepAfter(office, 1);
    expect(rule.fired).toBe(1);
    office.emu.faults.clear();
    const waiting = row(office, ticket);
    expect(waiting.provisioning).toMatch(/^menunggu ulang · .* · terbit ulang dari /);
    expect(lettersTo(office, a["Surel pribadi"]!)).toHaveLength(1);
    // The next sweep goes on with the reissue: a new letter, with a new number, goes out.
    await sweepAfter(office, 11);
    const done = row(office, ticket);
    expect(done.status).toBe("selesai");
    expect(done.provisioning).toMatch(/^selesai · /);
    expect(done.letterNumber).not.toBe(first);
    const letters = lettersTo(office, a["Surel pribadi"]!);
    expect(letters).toHaveLength(2);
    expect(checkUserPassword(office.emu.ws, done.address, passwordInLetterBytes(letters[1]!))).toBe(true);
    const reissued = log(office).filter((e) => e.ticket === ticket && e.action === "terbitkan_ulang");
    expect(reissued).toHaveLength(1);
    expect(reissued[0]!.note).toContain(first);
    expect(accountsFor(office, ticket)).toHaveLength(1);
  });
});

describe("a letter whose run was cut off right after the send", () => {
  test("is not sent again when the quota window reset in between: at most one letter, admins told", async () => {
    // The quota window opens with this request's receipt…
    const early = await newRequest(office, applicant(601));
    expect(early).toMatch(/^SRL-/);
    // …23 hours later a letter is sent and its run dies before the sent mark is written.
    office.emu.ws.advance(23 * 3600_000);
    const a = applicant(602);
    const ticket = await newRequest(office, a);
    office.emu.faults.killAt(1, { handler: WORKER, target: "MailApp.sendEmail", when: "after" });
    const { chooseCreate } = await import("./provision-kit.js");
    await chooseCreate(office, ticket);
    office.emu.faults.clear();
    expect(lettersTo(office, a["Surel pribadi"]!)).toHaveLength(1);
    expect(row(office, ticket).provisioning).toMatch(/^mengirim · /);
    // The window resets 24 hours after it opened (the same local day): the quota went up.
    await sweepAfter(office, 68);
    const r = row(office, ticket);
    expect(r.status).toBe("selesai");
    expect(lettersTo(office, a["Surel pribadi"]!)).toHaveLength(1);
    expect(errorLog(office).some((e) => e["Tiket"] === ticket || Object.values(e).includes(ticket))).toBe(
      true,
    );
    expect(mailsTo(office, ADMIN).some((m) => m.subject.includes(ticket) && m.body.includes(r.address))).toBe(
      true,
    );
  });
});
