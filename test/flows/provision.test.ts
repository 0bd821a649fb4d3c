/**
 * Provisioning, on the built bundle: after the technical staff choose "Buat akun", the duplicate check
 * runs again, the account is created once with everything the directory needs, the credential
 * letter goes out (its password opens the account), and the request is closed; failures of the
 * Directory API are retried, waited for, or end in a clear message; the sweep sends letters that
 * waited for mail quota, invalidates temporary passwords never used, and issues letters an
 * administrator asked for again. (Faults at every call: provision-faults-*.test.ts; what is kept
 * and what is not: provision-security.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { maskNip } from "../../src/domain/identity.js";
import { SHEETS } from "../../src/domain/settings.js";
import { apiError } from "gas-emulator";
import {
  checkUserPassword,
  configureDirectory,
  directoryStateObject,
  directoryUser,
  seedGroup,
  seedUser,
  documentText,
  driveState,
  scriptPropertiesOf,
} from "gas-emulator/testkit";
import {
  actionChoices,
  ADMIN,
  adminRequest,
  DOMAIN,
  errorLog,
  fillRegister,
  log,
  mailsTo,
  records,
  register,
  runWorkers,
  SERVICE,
  WORKER,
  type Office,
} from "./harness.js";
import {
  accountsFor,
  applicant,
  chooseCreate,
  lettersTo,
  newRequest,
  passwordInLetter,
  pdfText,
  provision,
  provisioningOffice,
  row,
  STAF,
  staffOnly,
  sweepAfter,
  toLastStage,
} from "./provision-kit.js";
import { callTally, outsideWork } from "./harness.js";
import { t, tx } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

const CC = `sekretariat.diskominfo@${DOMAIN}`;
let office: Office;
let n = 100;
const next = (overrides: Record<string, string> = {}) => applicant(++n, overrides);
const personal = (a: Record<string, string>) => a["Surel pribadi"]!;

beforeAll(async () => {
  office = await provisioningOffice({
    configure: (c) => {
      c.opds[0]!.ccEmail = CC; // Diskominfo wants a copy of its letters
    },
  });
});
afterAll(async () => {
  await office.emu.close();
});

/** The execution that created the account: the provisioning worker "Buat akun" called. */
function creatingRun(results: Awaited<ReturnType<typeof chooseCreate>>) {
  const run = results.filter((r) => r.handler === WORKER).pop();
  if (!run) throw new Error("no worker execution");
  return run;
}

describe("creating the account and sending the letter", () => {
  let a: Record<string, string>;
  let ticket: string;
  beforeAll(async () => {
    a = next({ "Nama lengkap": "Dra. Siti Nur Aminah, M.Si." });
    ticket = await provision(office, a);
  });

  test("one account with names, org unit, NIP, ticket marker, phones, recovery data, forced change", () => {
    const r = row(office, ticket);
    expect(r.address).toBe("siti.aminah@contohkota.go.id");
    const accounts = accountsFor(office, ticket);
    expect(accounts).toHaveLength(1);
    const u = directoryUser(office.emu.ws, r.address)!;
    expect(u.name).toMatchObject({ givenName: "Siti Nur", familyName: "Aminah" });
    expect(u.orgUnitPath).toBe("/OPD/Diskominfo");
    expect(u.externalIds).toEqual([
      { type: "organization", value: a["NIP / NI PPPK"] },
      { type: "custom", customType: "tiket_surel", value: ticket },
    ]);
    expect(u.phones).toEqual([{ value: "+62812" + a["Nomor HP/WhatsApp"]!.slice(4), type: "mobile" }]);
    expect(u.recoveryEmail).toBe(personal(a));
    expect(u.recoveryPhone).toBe((u.phones as { value: string }[])[0]!.value);
    expect(u.changePasswordAtNextLogin).toBe(true);
    expect(u.suspended).toBe(false);
  });

  test("the account joins its OPD's group", () => {
    const group = [...directoryStateObject(office.emu.ws).groups.values()].find(
      (g) => g.group.email === office.config.opds[0]!.group,
    )!;
    expect(group.members.map((m) => m.email)).toContain(row(office, ticket).address);
  });

  test("the register shows address, created at, letter number, letter sent at, archive link; status selesai", () => {
    const r = row(office, ticket);
    expect(r.status).toBe("selesai");
    expect(r.stage).toBe("");
    expect(r.provisioning).toMatch(/^selesai · /);
    expect(r.createdAt).toMatch(/^\d\d\/\d\d\/2026 \d\d:\d\d$/);
    expect(r.letterSentAt).toMatch(/^\d\d\/\d\d\/2026 \d\d:\d\d$/);
    expect(r.letterNumber).toMatch(/^500\.12\.6\/\d+\/Diskominfo\/XI\/2026$/);
    expect(r.archive).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit/);
    expect(r.duplicate).toBe(
      t("id", "provision.recheck", { verdict: t("id", "duplicate.verdict.aman"), address: r.address }),
    );
    expect(r.stageTimes).toContain("Staf Teknis:");
    expect(actionChoices(office, ticket)).toEqual([]);
  });

  test("akun_dibuat then selesaikan, by the system, in the hash-chained log that still verifies", async () => {
    const entries = log(office).filter((e) => e.ticket === ticket);
    expect(entries.map((e) => e.action).slice(-3)).toEqual(["buat_akun", "akun_dibuat", "selesaikan"]);
    const [created, closed] = entries.slice(-2);
    expect(created).toMatchObject({ actor: "sistem", from: "membuat akun/staf", to: "akun dibuat/staf" });
    expect(closed).toMatchObject({ actor: "sistem", from: "akun dibuat/staf", to: "selesai" });
    expect(closed!.note).toContain(row(office, ticket).letterNumber);
    const verify = await office.emu.run("verifyLog");
    expect((verify.returnValue as { ok: boolean }).ok).toBe(true);
  });

  test("one letter mail to the applicant: the PDF's password opens the account; the body has none", async () => {
    const letters = lettersTo(office, personal(a));
    expect(letters).toHaveLength(1);
    const mail = letters[0]!;
    expect(mail.subject).toBe(t("id", "provision.mail.subject", { ticket }));
    const password = await passwordInLetter(mail);
    expect(password).toMatch(/^[A-Za-z2-9!#$%*+=?]{16}$/);
    expect(checkUserPassword(office.emu.ws, row(office, ticket).address, password)).toBe(true);
    expect(mail.body).not.toContain(password);
    expect(mail.htmlBody).not.toContain(password);
    expect(mail.body).toContain(row(office, ticket).letterNumber);
  });

  test("the OPD's copy: a notice with the archive copy, the password masked", async () => {
    const copies = mailsTo(office, CC).filter((m) => m.subject.includes(ticket));
    expect(copies).toHaveLength(1);
    const password = await passwordInLetter(lettersTo(office, personal(a))[0]!);
    const pdf = copies[0]!.attachments.find((x) => x.contentType === "application/pdf")!;
    const text = (await pdfText(pdf.bytes)).join("\n");
    expect(text).toContain(row(office, ticket).letterNumber);
    expect(text).toMatch(/Kata sandi sementara\s*:\s*•{8}/);
    expect(text).not.toContain(password);
    expect(copies[0]!.body).not.toContain(password);
    expect(copies[0]!.body).toContain(maskNip(a["NIP / NI PPPK"]!));
    expect(copies[0]!.body).not.toContain(a["NIP / NI PPPK"]!);
  });

  test("the archive copy is kept in the restricted archive folder, masked; the working copy is gone", async () => {
    const r = row(office, ticket);
    const id = /\/d\/([\w-]+)\//.exec(r.archive)![1]!;
    const item = driveState(office.emu.ws).items.get(id)!;
    const archiveFolder = scriptPropertiesOf(office.emu.ws).get("surel:letterArchiveFolderId")!;
    expect(item.parents).toEqual([archiveFolder]);
    expect(item.trashed).toBe(false);
    const text = documentText(office.emu.ws, id);
    expect(text).toContain("Kata sandi sementara\t: ••••••••");
    expect(text).toContain(r.letterNumber);
    expect(text).not.toContain("{{");
    const password = await passwordInLetter(lettersTo(office, personal(a))[0]!);
    expect(text).not.toContain(password);
    const workFolder = scriptPropertiesOf(office.emu.ws).get("surel:letterWorkFolderId")!;
    expect(
      [...driveState(office.emu.ws).items.values()].filter((i) => i.parents.includes(workFolder)),
    ).toEqual([]);
  });
});

describe("letter numbers", () => {
  test("a yearly serial from Script Properties: consecutive, unique when two runs overlap", async () => {
    const a1 = next();
    const a2 = next();
    const t1 = await newRequest(office, a1);
    const t2 = await newRequest(office, a2);
    await toLastStage(office, t1);
    await toLastStage(office, t2);
    const before = Number(scriptPropertiesOf(office.emu.ws).get("letter_serial_2026") ?? "0");
    // Both officials choose "Buat akun" at the same moment: the two runs interleave.
    const { userEdit } = await import("gas-emulator");
    const { a1Of } = await import("./harness.js");
    for (const t of [t1, t2])
      userEdit(
        office.emu.ws,
        STAF,
        { spreadsheetId: office.ssId, sheet: "Register", a1: a1Of(office, t, "action") },
        [["Buat akun"]],
      );
    const results = await office.emu.drain({ concurrency: 2 });
    expect(results.filter((r) => r.handler === "onRegisterEdit").every((r) => r.ok)).toBe(true);
    // Two workers at once (a chain's links overlap): each claims one request, the runs interleave.
    const runs = await office.emu.runConcurrently([
      { handler: WORKER, kind: "installable" },
      { handler: WORKER, kind: "installable" },
    ]);
    expect(runs.every((r) => r.ok)).toBe(true);
    await runWorkers(office); // the trigger "Buat akun" called finds the queue empty
    const numbers = [row(office, t1).letterNumber, row(office, t2).letterNumber];
    const serials = numbers.map((x) => Number(x.split("/")[1])).sort((x, y) => x - y);
    expect(serials).toEqual([before + 1, before + 2]);
    expect(scriptPropertiesOf(office.emu.ws).get("letter_serial_2026")).toBe(String(before + 2));
    expect([row(office, t1).status, row(office, t2).status]).toEqual(["selesai", "selesai"]);
  });

  test("restart in a new year, with the Roman month of the letter's date", async () => {
    // 31 December 2026, 10:00 WIB: the last letter of the year …
    const fresh = await provisioningOffice({ startMs: Date.UTC(2026, 11, 31, 3, 0, 0) });
    try {
      const december = await provision(fresh, applicant(1));
      expect(row(fresh, december).letterNumber).toBe("500.12.6/1/Diskominfo/XII/2026");
      // … and the first of the next: Monday 4 January 2027.
      fresh.emu.ws.advance(Date.UTC(2027, 0, 4, 1, 0, 0) - fresh.emu.ws.clockMs);
      const january = await provision(fresh, applicant(2));
      expect(row(fresh, january).letterNumber).toBe("500.12.6/1/Diskominfo/I/2027");
      const props = scriptPropertiesOf(fresh.emu.ws);
      expect([props.get("letter_serial_2026"), props.get("letter_serial_2027")]).toEqual(["1", "1"]);
    } finally {
      await fresh.emu.close();
    }
  });
});

describe("cost", () => {
  test("the create step makes the same calls at 10 and at 10,000 register rows", async () => {
    const fresh = await provisioningOffice({ configure: staffOnly });
    try {
      const measure = async (k: number) => {
        const ticket = await newRequest(fresh, applicant(k));
        const results = await chooseCreate(fresh, ticket);
        expect(row(fresh, ticket).status).toBe("selesai");
        return { queued: results.find((r) => r.handler === "onRegisterEdit")!, create: creatingRun(results) };
      };
      await measure(1); // warm-up
      fillRegister(fresh, 10 - register(fresh).length);
      const small = await measure(2);
      fillRegister(fresh, 10_000 - register(fresh).length);
      const large = await measure(3);
      // Flat: every service method called as often at 10,000 rows as at 10.
      expect(callTally(large.create)).toEqual(callTally(small.create));
      expect(large.create.callCount).toBe(small.create.callCount);
      // And small in absolute terms: no more than the floor plus a margin. The floor is the work
      // the step exists for (the directory's account and group, the letter's copy, fill and PDF,
      // the mail: counted in its own trace) plus one logged step's bookkeeping on this register,
      // measured as the edit that queued it (the register opened, the lock, the row, the log
      // entry, the status page's record). The margin: two such steps again, for the worker's
      // further logged steps (akun dibuat, selesai) with its claim of the queue and its trigger.
      const floor = outsideWork(small.create) + small.queued.callCount;
      expect(small.create.callCount).toBeLessThanOrEqual(floor + 2 * small.queued.callCount);
    } finally {
      await fresh.emu.close();
    }
  }, 120_000);
});

describe("the duplicate check again, just before creating", () => {
  test("the NIP found on another account in the meantime: no account, back to the staff, both told", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    seedUser(office.emu.ws, {
      primaryEmail: `lama.${n}@${DOMAIN}`,
      name: { givenName: "Lama", familyName: "Sekali" },
      externalIds: [{ type: "organization", value: a["NIP / NI PPPK"]! }],
    });
    const inserts = directoryStateObject(office.emu.ws).insertCount;
    const mailsBefore = mailsTo(office, ADMIN).length;
    await chooseCreate(office, ticket);
    expect(directoryStateObject(office.emu.ws).insertCount).toBe(inserts);
    const r = row(office, ticket);
    expect(r.status).toBe("disetujui");
    expect(r.stageKey).toBe("staf");
    const found = t("id", "provision.fail.duplicate", {
      detail: t("id", "duplicate.nip_in_directory", { address: `lama.${n}@${DOMAIN}` }),
    });
    expect(r.provisioning).toMatch(/^gagal · /);
    expect(r.provisioning).toContain(found);
    expect(actionChoices(office, ticket)).toContain("Buat akun");
    const entry = log(office)
      .filter((e) => e.ticket === ticket)
      .pop()!;
    expect(entry).toMatchObject({ action: "gagal_buat_akun", actor: "sistem", to: "disetujui/staf" });
    expect(mailsTo(office, ADMIN).length).toBe(mailsBefore + 1);
    expect(mailsTo(office, STAF).pop()!.body).toContain(
      t("id", "duplicate.nip_in_directory", { address: `lama.${n}@${DOMAIN}` }),
    );
    expect(lettersTo(office, personal(a))).toEqual([]);
  });

  test("an address that became a group: refused; after the staff change the address, created once", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    const address = row(office, ticket).address;
    seedGroup(office.emu.ws, { email: address });
    await chooseCreate(office, ticket);
    expect(row(office, ticket).provisioning).toContain(
      t("id", "duplicate.address_in_directory", { address, what: t("id", "duplicate.kind.group") }),
    );
    expect(accountsFor(office, ticket)).toEqual([]);
    const { editCell } = await import("./harness.js");
    const other = address.replace("@", ".baru@");
    await editCell(office, STAF, ticket, "address", other);
    expect(row(office, ticket).address).toBe(other);
    await chooseCreate(office, ticket);
    expect(row(office, ticket).status).toBe("selesai");
    expect(accountsFor(office, ticket).map((u) => u.primaryEmail)).toEqual([other]);
    expect(lettersTo(office, personal(a))).toHaveLength(1);
  });

  test("an address someone else's account took in the meantime: refused with the owner named", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    const address = row(office, ticket).address;
    seedUser(office.emu.ws, { primaryEmail: `orang.lain.${n}@${DOMAIN}`, aliases: [address] });
    await chooseCreate(office, ticket);
    expect(row(office, ticket).provisioning).toContain(
      t("id", "provision.fail.address_taken", {
        address,
        owner: t("id", "provision.alias_of", { owner: `orang.lain.${n}@${DOMAIN}` }),
      }),
    );
    expect(accountsFor(office, ticket)).toEqual([]);
  });
});

describe("the Directory API's failures", () => {
  test("503 twice: waits 1 s and 2 s plus jitter (Utilities.sleep, jitter from UUIDs), then creates", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    office.emu.faults.inject("AdminDirectory.Users.insert", {
      error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
      times: 2,
    });
    const edit = creatingRun(await chooseCreate(office, ticket));
    office.emu.faults.clear();
    const keys = edit.trace.map((c) => c.key);
    expect(keys.filter((k) => k === "AdminDirectory.Users.insert")).toHaveLength(3);
    const sleeps = edit.trace
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.key === "Utilities.sleep")
      .map(({ i }) => edit.trace[i + 1]!.atMs - edit.trace[i]!.atMs - edit.trace[i]!.ms);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[0]).toBeLessThan(2000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(2000);
    expect(sleeps[1]).toBeLessThan(3000);
    // each wait's jitter comes from a fresh UUID, drawn just before it
    keys.forEach((k, i) => {
      if (k === "Utilities.sleep") expect(keys[i - 1]).toBe("Utilities.getUuid");
    });
    expect(row(office, ticket).status).toBe("selesai");
    expect(accountsFor(office, ticket)).toHaveLength(1);
  });

  test("a lost reply: the insert took effect, the retry meets 409, users.get confirms it is ours", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    const inserts = directoryStateObject(office.emu.ws).insertCount;
    office.emu.faults.inject("AdminDirectory.Users.insert", {
      error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
      when: "after",
    });
    const edit = creatingRun(await chooseCreate(office, ticket));
    office.emu.faults.clear();
    const keys = edit.trace.map((c) => c.key);
    const second = keys.lastIndexOf("AdminDirectory.Users.insert");
    expect(edit.trace[second]!.outcome).toBe("error"); // 409 Entity already exists.
    expect(keys.indexOf("AdminDirectory.Users.get", second)).toBeGreaterThan(second);
    expect(directoryStateObject(office.emu.ws).insertCount).toBe(inserts + 1);
    expect(accountsFor(office, ticket)).toHaveLength(1);
    const letters = lettersTo(office, personal(a));
    expect(letters).toHaveLength(1);
    expect(
      checkUserPassword(office.emu.ws, row(office, ticket).address, await passwordInLetter(letters[0]!)),
    ).toBe(true);
  });

  test("412 right after creation: the group membership waits and is tried again", async () => {
    configureDirectory(office.emu.ws, { creationPendingMs: 2500 });
    try {
      const a = next();
      const ticket = await provision(office, a);
      const address = row(office, ticket).address;
      const group = [...directoryStateObject(office.emu.ws).groups.values()].find(
        (g) => g.group.email === office.config.opds[0]!.group,
      )!;
      expect(group.members.map((m) => m.email)).toContain(address);
      expect(row(office, ticket).status).toBe("selesai");
    } finally {
      configureDirectory(office.emu.ws, { creationPendingMs: 0 });
    }
  });

  test("rate limits beyond 5 retries: the step waits, the sweep creates the account later", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    office.emu.faults.inject("AdminDirectory.Users.insert", {
      error: () => apiError("directory.users.insert", "Rate Limit Exceeded", 429, "rateLimitExceeded"),
      times: 6,
    });
    const edit = creatingRun(await chooseCreate(office, ticket));
    office.emu.faults.clear();
    expect(edit.trace.filter((c) => c.key === "AdminDirectory.Users.insert")).toHaveLength(6);
    expect(row(office, ticket).status).toBe("membuat akun");
    expect(row(office, ticket).provisioning).toMatch(/^menunggu ulang · .* · percobaan 1 · /);
    expect(row(office, ticket).provisioning).toContain(t("id", "directory.failure.rate_limited"));
    expect(accountsFor(office, ticket)).toEqual([]);
    const sweep = await sweepAfter(office, 10);
    expect(
      (sweep.returnValue as { provisioning: { resumed: unknown[] } }).provisioning.resumed,
    ).toContainEqual({
      ticket,
      result: "selesai",
    });
    expect(accountsFor(office, ticket)).toHaveLength(1);
    expect(lettersTo(office, personal(a))).toHaveLength(1);
  });
});

describe("the installer is not an administrator", () => {
  test("403 Not Authorized: no retry, a clear message, the error log, the administrators told", async () => {
    const plain = await provisioningOffice({ owner: { email: ADMIN, admin: false, name: "Bukan Admin" } });
    try {
      const a = applicant(1);
      const ticket = await newRequest(plain, a);
      await toLastStage(plain, ticket);
      const edit = creatingRun(await chooseCreate(plain, ticket));
      // The directory refused the first call made: no call after it (no retry) and no write.
      const directory = edit.trace.filter((c) => c.key.startsWith("AdminDirectory."));
      const refused = directory.findIndex((c) => c.outcome === "error");
      expect(refused).toBeGreaterThanOrEqual(0);
      expect(directory.slice(refused + 1)).toEqual([]);
      expect(directory.filter((c) => /\.(insert|update|patch|delete|makeAdmin)$/.test(c.key))).toEqual([]);
      const r = row(plain, ticket);
      expect(r.status).toBe("disetujui");
      const refusal = catalogued("provision.fail.not_authorized", { user: ADMIN });
      // The status cell is cut at its length (and its quotes made plain): the first sentence.
      const said = tx("id", "provision.fail.not_authorized", { user: ADMIN });
      expect(r.provisioning).toContain(said.slice(0, said.indexOf(". ") + 1));
      expect(
        errorLog(plain).some((e) => e["Pesan"]!.includes("Not Authorized to access this resource/api")),
      ).toBe(true);
      const notice = mailsTo(plain, ADMIN).find(
        (m) => m.subject === t("id", "notice.admin.subject", { ticket }),
      )!;
      expect(notice.body).toMatch(refusal);
      expect(directoryStateObject(plain.emu.ws).insertCount).toBe(0);
    } finally {
      await plain.emu.close();
    }
  });
});

describe("mail quota spent: the letter waits", () => {
  test("status stays akun dibuat; the next day the sweep sends the letter with a NEW password", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    const ws = office.emu.ws;
    const used = 1500 - ws.quotas.remaining("emailRecipients", ws.clockMs);
    ws.quotas.setLimit("emailRecipients", used);
    try {
      await chooseCreate(office, ticket);
      let r = row(office, ticket);
      expect(r.status).toBe("akun dibuat");
      expect(r.provisioning).toMatch(/^menunggu kuota · /);
      expect(r.createdAt).not.toBe("");
      expect(accountsFor(office, ticket)).toHaveLength(1);
      expect(lettersTo(office, personal(a))).toEqual([]);
      // The same day: still no quota, still waiting.
      const same = await sweepAfter(office, 10);
      expect(
        (same.returnValue as { provisioning: { waitingForQuota: number } }).provisioning.waitingForQuota,
      ).toBe(1);
      // The next morning the quota is back (the limit stays, the count restarts).
      const tomorrow = new Date(ws.clockMs + 24 * 3600_000);
      tomorrow.setUTCHours(1, 0, 0, 0);
      ws.quotas.setLimit("emailRecipients", 1500);
      const sweep = await sweepAfter(office, (tomorrow.getTime() - ws.clockMs) / 60_000);
      expect(sweep.trace.map((c) => c.key)).toContain("AdminDirectory.Users.update");
      r = row(office, ticket);
      expect(r.status).toBe("selesai");
      const letters = lettersTo(office, personal(a));
      expect(letters).toHaveLength(1);
      expect(checkUserPassword(ws, r.address, await passwordInLetter(letters[0]!))).toBe(true);
    } finally {
      ws.quotas.setLimit("emailRecipients", 1500);
    }
  });
});

describe("temporary passwords never used, and letters issued again", () => {
  let unused: Record<string, string>;
  let used: Record<string, string>;
  let tUnused: string;
  let tUsed: string;
  let oldPassword: string;
  beforeAll(async () => {
    unused = next();
    used = next();
    tUnused = await provision(office, unused);
    tUsed = await provision(office, used);
    oldPassword = await passwordInLetter(lettersTo(office, personal(unused))[0]!);
    // The second applicant signed in the next day.
    const rec = [...directoryStateObject(office.emu.ws).users.values()].find(
      (u) => u.user.primaryEmail === row(office, tUsed).address,
    )!;
    rec.user.lastLoginTime = new Date(office.emu.ws.clockMs + 86_400_000).toISOString();
  });

  test("after unusedCredentialDays the unused temporary password stops working; a used account is left alone", async () => {
    const usedPassword = await passwordInLetter(lettersTo(office, personal(used))[0]!);
    const days = office.config.privacy.unusedCredentialDays;
    const sweep = await sweepAfter(office, (days + 1) * 24 * 60);
    const report = (sweep.returnValue as { provisioning: { expired: string[]; used: string[] } })
      .provisioning;
    expect(report.expired).toContain(tUnused);
    expect(report.used).toContain(tUsed);
    expect(row(office, tUnused).provisioning).toMatch(/^kedaluwarsa · /);
    expect(row(office, tUsed).provisioning).toMatch(/^digunakan · /);
    expect(checkUserPassword(office.emu.ws, row(office, tUnused).address, oldPassword)).toBe(false);
    expect(directoryUser(office.emu.ws, row(office, tUnused).address)!.changePasswordAtNextLogin).toBe(true);
    expect(checkUserPassword(office.emu.ws, row(office, tUsed).address, usedPassword)).toBe(true);
    const notice = mailsTo(office, personal(unused)).pop()!;
    expect(notice.subject).toBe(
      t("id", "provision.expired.subject", { address: row(office, tUnused).address }),
    );
    expect(notice.attachments).toEqual([]);
    expect(
      log(office)
        .filter((e) => e.ticket === tUnused)
        .pop(),
    ).toMatchObject({
      action: "sandi_kedaluwarsa",
      actor: "sistem",
    });
    expect(row(office, tUnused).status).toBe("selesai");
  });

  test("only administrators may ask for a new letter: the admin sheet is closed to the staff", async () => {
    const refused = await adminRequest(office, STAF, "reissue", { ticket: tUnused });
    expect(refused.edit).toMatchObject({ ok: false });
    expect(row(office, tUnused).provisioning).toMatch(/^kedaluwarsa/);
  });

  test("an administrator asks on the admin sheet; the sweep sends a new letter, new number and password", async () => {
    const oldNumber = row(office, tUnused).letterNumber;
    const asked = await adminRequest(office, ADMIN, "reissue", { ticket: tUnused.toLowerCase() });
    expect(asked.edit.ok).toBe(true);
    expect(asked.results.pop()!.returnValue).toMatchObject({ kind: "done", op: "reissue", ok: true });
    expect(row(office, tUnused).provisioning).toMatch(/^diminta ulang · /);
    expect(
      log(office)
        .filter((e) => e.ticket === tUnused)
        .pop(),
    ).toMatchObject({
      action: "terbitkan_ulang_diminta",
      actor: ADMIN,
    });
    await sweepAfter(office, 10);
    const r = row(office, tUnused);
    expect(r.provisioning).toMatch(/^selesai · /);
    expect(r.letterNumber).not.toBe(oldNumber);
    const letters = lettersTo(office, personal(unused));
    expect(letters).toHaveLength(2);
    const newPassword = await passwordInLetter(letters[1]!);
    expect(newPassword).not.toBe(oldPassword);
    expect(checkUserPassword(office.emu.ws, r.address, newPassword)).toBe(true);
    expect(
      log(office)
        .filter((e) => e.ticket === tUnused)
        .pop(),
    ).toMatchObject({ action: "terbitkan_ulang" });
    const verify = await office.emu.run("verifyLog");
    expect((verify.returnValue as { ok: boolean }).ok).toBe(true);
  });
});

describe("group membership", () => {
  test("a configured group that does not exist: the account and letter go ahead, the administrators are told", async () => {
    const bappeda = office.config.opds.find((o) => o.code === "BAPPEDA")!;
    const groups = directoryStateObject(office.emu.ws).groups;
    for (const [id, g] of groups) if (g.group.email === bappeda.group) groups.delete(id);
    const a = next({ "Perangkat daerah": bappeda.name });
    const ticket = await provision(office, a);
    expect(row(office, ticket).status).toBe("selesai");
    expect(directoryUser(office.emu.ws, row(office, ticket).address)!.orgUnitPath).toBe(bappeda.orgUnitPath);
    expect(lettersTo(office, personal(a))).toHaveLength(1);
    const text = catalogued("provision.warn.group", {
      address: row(office, ticket).address,
      group: bappeda.group,
    });
    expect(errorLog(office).some((e) => text.test(e["Pesan"]!))).toBe(true);
    expect(mailsTo(office, ADMIN).pop()!.body).toMatch(text);
  });
});

describe("names and the sweep next to a live run", () => {
  test("a one-word name is both given and family name; a unit account is named after the unit", async () => {
    const single = next({ "Nama lengkap": "Sukarni" });
    const t1 = await provision(office, single);
    expect(directoryUser(office.emu.ws, row(office, t1).address)!.name).toMatchObject({
      givenName: "Sukarni",
      familyName: "Sukarni",
    });
    const unit = next({
      "Jenis akun": "Unit Kerja",
      "Nama unit kerja (khusus akun Unit Kerja)": "Pengelola Informasi dan Dokumentasi",
      "Singkatan unit kerja (khusus akun Unit Kerja)": "PPID",
    });
    const t2 = await provision(office, unit);
    expect(row(office, t2).status).toBe("selesai");
    expect(directoryUser(office.emu.ws, row(office, t2).address)!.name).toMatchObject({
      givenName: "Pengelola Informasi dan Dokumentasi",
      familyName: "DISKOMINFO",
    });
  });

  test("a sweep running beside the creating worker leaves the request to it: one account, one letter", async () => {
    const a = next();
    const ticket = await newRequest(office, a);
    await toLastStage(office, ticket);
    const { userEdit } = await import("gas-emulator");
    const { a1Of } = await import("./harness.js");
    userEdit(
      office.emu.ws,
      STAF,
      { spreadsheetId: office.ssId, sheet: "Register", a1: a1Of(office, ticket, "action") },
      [["Buat akun"]],
    );
    await office.emu.drain(); // the edit queues the request
    // The worker and a sweep at the same moment.
    const results = await office.emu.runConcurrently(
      [
        { handler: WORKER, kind: "installable" },
        { handler: "sweep", kind: "installable" },
      ],
      { schedule: "random" },
    );
    await runWorkers(office);
    const sweep = results.find((r) => r.handler === "sweep")!;
    expect(sweep.ok).toBe(true);
    expect((sweep.returnValue as { provisioning: { resumed: unknown[] } }).provisioning.resumed).toEqual([]);
    expect(row(office, ticket).status).toBe("selesai");
    expect(accountsFor(office, ticket)).toHaveLength(1);
    expect(lettersTo(office, personal(a))).toHaveLength(1);
  });
});

describe("setup and the template", () => {
  test("setup made the template, archive and work folders once; ids in Script Properties; access restricted", async () => {
    const props = scriptPropertiesOf(office.emu.ws);
    const ids = ["surel:letterTemplateId", "surel:letterArchiveFolderId", "surel:letterWorkFolderId"].map(
      (k) => props.get(k)!,
    );
    const lines = (office.setup.returnValue as { lines: string[] }).lines;
    expect(lines.some((l) => l.startsWith("Templat surat pemberitahuan akun dibuat"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Folder arsip surat (akses terbatas) dibuat"))).toBe(true);
    const again = await office.emu.run("setup");
    expect(
      (again.returnValue as { lines: string[] }).lines.some((l) =>
        l.includes("sudah ada dan dipakai kembali"),
      ),
    ).toBe(true);
    expect(
      ["surel:letterTemplateId", "surel:letterArchiveFolderId", "surel:letterWorkFolderId"].map((k) =>
        props.get(k),
      ),
    ).toEqual(ids);
    const items = driveState(office.emu.ws).items;
    const [template, archive, work] = ids.map((id) => items.get(id)!);
    // The administrators (never the service account that owns them) edit the template and read the archive.
    expect(template!.owner).toBe(SERVICE);
    expect(template!.editors).toEqual(office.config.admins);
    expect(archive!.access).toBe("PRIVATE");
    expect(archive!.viewers).toEqual(office.config.admins);
    expect(archive!.editors).toEqual([]);
    expect(work!.access).toBe("PRIVATE");
    expect(work!.viewers).toEqual([]);
    expect([...items.values()].filter((i) => i.name === template!.name)).toHaveLength(1);
  });

  test("an edited template with an unknown placeholder: setup warns; letters wait until it is fixed", async () => {
    const id = scriptPropertiesOf(office.emu.ws).get("surel:letterTemplateId")!;
    const DocumentApp = office.emu.service<GoogleAppsScript.Document.DocumentApp>("DocumentApp");
    const doc = DocumentApp.openById(id);
    doc.getBody().appendParagraph("Catatan: {{CATATAN_KHUSUS}}");
    doc.saveAndClose();
    const setup = await office.emu.run("setup");
    expect((setup.returnValue as { lines: string[] }).lines).toContain(
      t("id", "provision.setup.template_problem", {
        detail: t("id", "letter.template.unknown", { placeholders: "{{CATATAN_KHUSUS}}" }),
      }),
    );
    const a = next();
    const ticket = await provision(office, a);
    expect(row(office, ticket).status).toBe("akun dibuat");
    // The status cell is cut at its length: the message up to its list of the known placeholders.
    const unfilled = tx("id", "letter.template.unfilled", { placeholders: "CATATAN_KHUSUS" });
    expect(row(office, ticket).provisioning).toContain(unfilled.slice(0, unfilled.indexOf("{known}")));
    expect(lettersTo(office, personal(a))).toEqual([]);
    expect(mailsTo(office, ADMIN).pop()!.body).toMatch(catalogued("provision.fail.template"));
    // The administrator removes the paragraph; the next sweep sends the letter.
    const fix = DocumentApp.openById(id);
    fix
      .getBody()
      .getParagraphs()
      .find((p) => p.getText() === "Catatan: {{CATATAN_KHUSUS}}")!
      .removeFromParent();
    fix.saveAndClose();
    await sweepAfter(office, 10);
    expect(row(office, ticket).status).toBe("selesai");
    expect(lettersTo(office, personal(a))).toHaveLength(1);
    expect(records(office, SHEETS.settings).length).toBeGreaterThan(0);
  });
});
