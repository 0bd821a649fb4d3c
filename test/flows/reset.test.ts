/**
 * The account services form and the password reset, on the built bundle. A reset
 * request is registered with its own ticket and type, checked against the directory at intake
 * (the staff see what did not match, masked; the applicant's receipt is the same whatever the
 * verdict), goes to the staff, and is carried out through the exactly-once provisioning path: a
 * new temporary password with forced change, a reset letter ONLY to the directory's recovery
 * address, the password kept nowhere.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { maskNip } from "../../src/domain/identity.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { submitResponse } from "gas-emulator";
import { checkUserPassword, directoryUser, type SentMail, formsState } from "gas-emulator/testkit";
import {
  act,
  actionChoices,
  cellOf,
  DOMAIN,
  editCell,
  errorLog,
  log,
  mails,
  register,
  row,
  runWorkers,
  sheet,
  type Office,
} from "./harness.js";
import { callsSoFar, setSetting } from "./lifecycle-kit.js";
import {
  applicant,
  lettersTo,
  passwordInLetter,
  pdfText,
  provision,
  provisioningOffice,
  STAF,
  sweepAfter,
} from "./provision-kit.js";
import {
  OLD_PASSWORD,
  resetAnswers,
  seedAccount,
  serviceAnswers,
  servicesFormId,
  submitService,
  type SeededAccount,
} from "./services-kit.js";
import { serviceQuestionTitle } from "../../src/domain/services.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

let office: Office;
let n = 300;

beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

type Account = SeededAccount;
const seededAccount = (): Account => seedAccount(office, ++n);

/** The receipt as the applicant reads it, with what differs per request (ticket, code, time) blanked. */
function receiptShape(m: SentMail, ticket: string): string {
  return `${m.subject}\n${m.body}`
    .replaceAll(ticket, "TICKET")
    .replace(/kode rahasia \S+/g, "kode rahasia CODE")
    .replace(/diterima pada [^\n]+? dengan/g, "diterima pada WHEN dengan")
    .replace(/Yth\. [^,]+,/g, "Yth. NAME,");
}

function receiptOf(ticket: string, to: string): SentMail {
  const got = mails(office).filter((m) => m.to.includes(to) && m.subject.includes(ticket));
  expect(got).toHaveLength(1);
  return got[0]!;
}

/** Everything anyone received that carries a letter (a PDF). */
const letters = () =>
  mails(office).filter((m) => m.attachments.some((a) => a.contentType === "application/pdf"));

async function execute(ticket: string) {
  await act(office, STAF, ticket, "Jalankan permohonan");
  return runWorkers(office);
}

describe("a reset whose identity matches", () => {
  let acc: Account;
  let ticket: string;
  let updatesBefore: number;
  let insertsBefore: number;
  let lettersBefore: number;

  beforeAll(async () => {
    acc = seededAccount();
    ticket = await submitService(office, resetAnswers(acc));
    updatesBefore = callsSoFar(office, "AdminDirectory.Users.update");
    insertsBefore = callsSoFar(office, "AdminDirectory.Users.insert");
    lettersBefore = letters().length;
  });

  test("is registered as its own request, typed, at the staff stage, with the match for the staff", () => {
    const r = row(office, ticket);
    expect(r.requestType).toBe("reset kata sandi");
    expect(r.status).toBe("baru");
    expect(r.stageKey).toBe("staf");
    expect(r.responsible).toContain(STAF);
    expect(r.duplicate).toContain(t("id", "reset.staff.match"));
    expect(r.addressRecorded).toBe(acc.address);
    // The staff's dropdown carries the request out; it creates no account.
    expect(actionChoices(office, ticket)).toContain("Jalankan permohonan");
    expect(actionChoices(office, ticket)).not.toContain("Buat akun");
    // The services tab holds the response; the register row points to it by its negative row.
    expect(r.responseRow).toMatch(/^-\d+$/);
    expect(sheet(office, SHEET_NAMES.serviceResponses).getLastRow()).toBeGreaterThanOrEqual(2);
    expect(register(office).filter((x) => x.ticket === ticket)).toHaveLength(1);
    expect(
      log(office)
        .filter((e) => e.ticket === ticket)
        .map((e) => e.action),
    ).toEqual(["diterima"]);
    receiptOf(ticket, acc.personal);
  });

  test("the staff's execution sets one new password with forced change and sends one reset letter to the recovery address", async () => {
    await execute(ticket);
    const r = row(office, ticket);
    expect(r.status).toBe("selesai");
    expect(r.letterNumber).not.toBe("");
    expect(r.createdAt).toBe(""); // no account was created by this request
    expect(callsSoFar(office, "AdminDirectory.Users.update") - updatesBefore).toBe(1);
    expect(callsSoFar(office, "AdminDirectory.Users.insert")).toBe(insertsBefore);
    const sent = letters().slice(lettersBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual([acc.personal]);
    const password = await passwordInLetter(sent[0]!);
    expect(checkUserPassword(office.emu.ws, acc.address, password)).toBe(true);
    expect(checkUserPassword(office.emu.ws, acc.address, OLD_PASSWORD)).toBe(false);
    expect(directoryUser(office.emu.ws, acc.address)?.changePasswordAtNextLogin).toBe(true);
    const text = (
      await pdfText(sent[0]!.attachments.find((a) => a.contentType === "application/pdf")!.bytes)
    ).join("\n");
    // The letter's own wording (its title and salutation) is what is checked here.
    expect(text).toContain("Atur Ulang Kata Sandi");
    expect(text).toContain("Yth. Pegawai Nomor");
    expect(sent[0]!.subject).toBe(t("id", "provision.mail.reset_subject", { ticket }));
    // The password is in the PDF only: not in the mail body, the register, the log, the error log.
    expect(sent[0]!.body).not.toContain(password);
    expect(JSON.stringify(register(office))).not.toContain(password);
    expect(JSON.stringify(log(office))).not.toContain(password);
    expect(JSON.stringify(errorLog(office))).not.toContain(password);
    expect(
      log(office)
        .filter((e) => e.ticket === ticket)
        .map((e) => e.action),
    ).toEqual(["diterima", "buat_akun", "akun_dibuat", "selesaikan"]);
  });
});

describe("a reset whose identity does not match", () => {
  let acc: Account;
  let matched: { ticket: string; receipt: SentMail };
  let wrongNip: string;
  let ticket: string;

  beforeAll(async () => {
    acc = seededAccount();
    const other = seededAccount();
    const t1 = await submitService(office, resetAnswers(other));
    matched = { ticket: t1, receipt: receiptOf(t1, other.personal) };
    wrongNip = `${acc.nip.slice(0, 14)}9999`;
    ticket = await submitService(office, resetAnswers(acc, { nip: wrongNip }));
  });

  test("the staff see what did not match, masked; the full NIPs appear nowhere in the register", () => {
    const r = row(office, ticket);
    expect(r.status).toBe("baru");
    expect(r.stageKey).toBe("staf");
    expect(r.duplicate).toContain(t("id", "reset.staff.mismatch"));
    expect(r.duplicate).toContain(
      t("id", "reset.mismatch.nip", { given: maskNip(wrongNip), recorded: maskNip(acc.nip) }),
    );
    expect(r.duplicate).not.toContain(acc.nip);
  });

  test("the staff cannot point the request at another account", async () => {
    const { edit } = await editCell(office, STAF, ticket, "address", `orang.lain@${DOMAIN}`);
    expect(edit.ok).toBe(true);
    expect(row(office, ticket).address).toBe(acc.address);
    expect(row(office, ticket).addressRecorded).toBe(acc.address);
    expect(cellOf(office, ticket, "address").note).toContain(t("id", "edit.address.service"));
  });

  test("the applicant's receipt is word for word the one of a matching request", () => {
    const mine = receiptOf(ticket, acc.personal);
    expect(receiptShape(mine, ticket)).toBe(receiptShape(matched.receipt, matched.ticket));
  });

  test("carried out anyway, it sets no password, sends no letter and goes back to the staff with the reason", async () => {
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    const before = letters().length;
    await execute(ticket);
    expect(callsSoFar(office, "AdminDirectory.Users.update")).toBe(updates);
    expect(letters().length).toBe(before);
    expect(checkUserPassword(office.emu.ws, acc.address, OLD_PASSWORD)).toBe(true);
    const r = row(office, ticket);
    expect(r.status).toBe("disetujui");
    expect(r.stageKey).toBe("staf");
    expect(r.provisioning).toContain("gagal");
    const entry = log(office)
      .filter((e) => e.ticket === ticket)
      .pop()!;
    expect(entry.action).toBe("gagal_buat_akun");
    expect(entry.note).toMatch(catalogued("reset.exec.mismatch"));
  });
});

describe("a reset for an address the directory does not have", () => {
  test("is registered for the staff as not found; the applicant's receipt is the generic one", async () => {
    const ghost: Account = {
      address: `tidak.ada.${++n}@${DOMAIN}`,
      nip: "198003302010011234",
      personal: `hantu.${n}@gmail.com`,
      name: "Hantu",
    };
    const ref = seededAccount();
    const refTicket = await submitService(office, resetAnswers(ref));
    const ticket = await submitService(office, resetAnswers(ghost));
    expect(row(office, ticket).duplicate).toContain(t("id", "reset.staff.no_account"));
    expect(receiptShape(receiptOf(ticket, ghost.personal), ticket)).toBe(
      receiptShape(receiptOf(refTicket, ref.personal), refTicket),
    );
    const before = letters().length;
    await execute(ticket);
    expect(letters().length).toBe(before);
    expect(row(office, ticket).status).toBe("disetujui");
  });
});

describe("an attacker who knows the address and the NIP gives his own personal e-mail", () => {
  test("the staff see the e-mail mismatch; executed anyway, nothing reaches him and the password stays", async () => {
    const victim = seededAccount();
    const attacker = `penyerang.${n}@gmail.com`;
    const ticket = await submitService(
      office,
      resetAnswers(victim, { personal: attacker, name: "Penyerang" }),
    );
    expect(row(office, ticket).duplicate).toContain(t("id", "reset.staff.mismatch"));
    expect(row(office, ticket).duplicate).toMatch(catalogued("reset.mismatch.email"));
    const updates = callsSoFar(office, "AdminDirectory.Users.update");
    await execute(ticket);
    expect(callsSoFar(office, "AdminDirectory.Users.update")).toBe(updates);
    // He has his receipt (the generic one) and nothing else: no letter, no PDF, no password.
    const his = mails(office).filter((m) => m.to.includes(attacker));
    expect(his).toHaveLength(1);
    expect(his[0]!.attachments).toEqual([]);
    expect(lettersTo(office, victim.personal)).toEqual([]);
    expect(checkUserPassword(office.emu.ws, victim.address, OLD_PASSWORD)).toBe(true);
  });
});

describe("responses the trigger missed, and a type not offered yet", () => {
  test("the sweep registers a reset whose trigger was cut off, once", async () => {
    const acc = seededAccount();
    office.emu.faults.killAt(1, { handler: "onFormSubmit" });
    submitResponse(office.emu.ws, servicesFormId(office), resetAnswers(acc));
    await office.emu.drain();
    office.emu.faults.clear();
    expect(register(office).some((r) => r.personalEmail === acc.personal)).toBe(false);
    await sweepAfter(office, 11);
    await sweepAfter(office, 11);
    const rows = register(office).filter((r) => r.personalEmail === acc.personal);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.requestType).toBe("reset kata sandi");
    expect(rows[0]!.duplicate).toContain(t("id", "reset.staff.match"));
  });

  test("a response naming a type without an execution step is registered with a clear problem", async () => {
    // A choice the form does not offer (a form edited by hand): written as Forms writes a row.
    // (Every type of the table has its execution step now: the choice is one the table lacks.)
    const acc = seededAccount();
    const sh = sheet(office, SHEET_NAMES.serviceResponses);
    const headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getDisplayValues()[0]!;
    const answers: Record<string, string> = {
      ...serviceAnswers("Hapus akun", { address: acc.address, nip: acc.nip, personalEmail: acc.personal }),
      [serviceQuestionTitle("fullName", "id")]: acc.name,
    };
    const values = headers.map((h) =>
      h === "Timestamp" ? new Date(office.emu.ws.now()) : (answers[h] ?? ""),
    );
    sh.getRange(sh.getLastRow() + 1, 1, 1, values.length).setValues([values]);
    await sweepAfter(office, 11);
    const r = register(office).find((x) => x.personalEmail === acc.personal)!;
    expect(r.requestType).toBe("Hapus akun");
    expect(r.status).toBe("perlu perbaikan");
    expect(r.stageKey).toBe("");
    const unavailable = t("id", "service.type.unavailable", { value: "Hapus akun" });
    expect(r.problems).toContain(unavailable);
    const receipt = mails(office).find((m) => m.to.includes(acc.personal) && m.subject.includes(r.ticket))!;
    expect(receipt.body).toContain(unavailable);
  });
});

describe("a new account made by surel can be reset with the data it was made from", () => {
  test("NIP and personal e-mail of the application match what surel wrote into the directory", async () => {
    const a = applicant(++n);
    const created = await provision(office, a);
    const address = row(office, created).addressRecorded;
    const ticket = await submitService(
      office,
      serviceAnswers("reset_sandi", {
        address,
        nip: a["NIP / NI PPPK"]!,
        personalEmail: a["Surel pribadi"]!,
        fullName: a["Nama lengkap"]!,
      }),
    );
    expect(row(office, ticket).duplicate).toContain(t("id", "reset.staff.match"));
    await execute(ticket);
    const all = lettersTo(office, a["Surel pribadi"]!);
    expect(all).toHaveLength(2); // the credential letter, then the reset letter
    const password = await passwordInLetter(all[1]!);
    expect(checkUserPassword(office.emu.ws, address, password)).toBe(true);
    expect(row(office, ticket).status).toBe("selesai");
  });
});

describe("the account services form as a tenant must have it", () => {
  test("published and open to people without a domain session; the daily check names it when it is not", async () => {
    const form = formsState(office.emu.ws).get(servicesFormId(office))!;
    expect(form.published).toBe(true);
    expect(form.requireLogin).toBe(false);
    const setupLines = (office.setup.returnValue as { lines: string[] }).lines;
    expect(setupLines.some((l) => l.startsWith("Formulir layanan akun: Formulir diterbitkan"))).toBe(true);
    form.published = false;
    office.emu.ws.advance(86_400_000);
    await sweepAfter(office, 11);
    expect(errorLog(office).map((e) => e["Pesan"])).toContain(
      "Formulir layanan akun belum terbit: pemilik akun tidak dapat meminta atur ulang kata sandi. Jalankan setup lagi, atau buka formulir dan klik Terbitkan.",
    );
    const again = await office.emu.run("setup");
    expect(again.ok).toBe(true);
    expect(form.published).toBe(true);
  });
});

describe("retention", () => {
  test("a closed reset's answers are erased in its own responses tab; nothing is reported unlocated", async () => {
    const acc = seededAccount();
    const ticket = await submitService(office, resetAnswers(acc));
    await execute(ticket);
    expect(row(office, ticket).status).toBe("selesai");
    const at = -Number(row(office, ticket).responseRow);
    const tab = sheet(office, SHEET_NAMES.serviceResponses);
    const headers = tab.getRange(1, 1, 1, tab.getLastColumn()).getDisplayValues()[0]!;
    const nipCol = headers.indexOf(serviceQuestionTitle("nip", "id")) + 1;
    expect(tab.getRange(at, nipCol).getDisplayValue()).toBe(acc.nip);
    setSetting(office, "retensi_hari", "1");
    // The reset letter's password expires first (never used: a sign-in before the letter does
    // not count), then the closed request's data go.
    office.emu.ws.advance(15 * 86_400_000);
    await sweepAfter(office, 11);
    expect(row(office, ticket).provisioning).toMatch(/^kedaluwarsa/);
    office.emu.ws.advance(2 * 86_400_000);
    await sweepAfter(office, 11);
    expect(row(office, ticket).nip).toMatch(/^\[dihapus/);
    expect(tab.getRange(at, nipCol).getDisplayValue()).toMatch(/^\[dihapus/);
    const emailCol = headers.indexOf(serviceQuestionTitle("personalEmail", "id")) + 1;
    expect(tab.getRange(at, emailCol).getDisplayValue()).toMatch(/^\[dihapus/);
    expect(errorLog(office).filter((e) => Object.values(e).join(" ").includes("retention"))).toEqual([]);
  });
});
