/**
 * Smaller integrity rules, on the built bundle: `{{NIP}}` in a template is masked in the OPD's
 * copy; an administrator taken out of the settings loses the archive folder; a name correction
 * re-derives the address; a lock timeout in the sweep's reconciliation skips nothing else and the
 * reconciliation is done by the next sweep.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SHEETS } from "../../src/domain/settings.js";
import { apiError, serviceError, userEdit } from "gas-emulator";
import { evictAllCaches, driveState, scriptPropertiesOf } from "gas-emulator/testkit";
import { QUEUE_COLUMNS, SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  a1Of,
  DOMAIN,
  errorLog,
  hostWrite,
  mailsTo,
  records,
  row as registerRow,
  SERVICE,
  sheet,
  submitOnly,
  WORKER,
  type Office,
} from "./harness.js";
import {
  applicant,
  lettersTo,
  newRequest,
  pdfText,
  provision,
  provisioningOffice,
  provisioningOfficeIn,
  row,
  STAF,
  staffOnly,
  sweepAfter,
} from "./provision-kit.js";
import { surelEmulator } from "../kit/emulator.js";

const CC = `sekretariat.diskominfo@${DOMAIN}`;
const SECOND = `admin.surel@${DOMAIN}`;
let office: Office;
beforeAll(async () => {
  office = await provisioningOffice({
    configure: (c) => {
      staffOnly(c);
      c.opds[0]!.ccEmail = CC;
    },
  });
});
afterAll(async () => {
  await office.emu.close();
});

describe("{{NIP}} in the template", () => {
  test("is masked in the OPD's copy", async () => {
    const id = scriptPropertiesOf(office.emu.ws).get("surel:letterTemplateId")!;
    const DocumentApp = office.emu.service<GoogleAppsScript.Document.DocumentApp>("DocumentApp");
    const doc = DocumentApp.openById(id);
    doc.getBody().appendParagraph("NIP pemohon: {{NIP}}");
    doc.saveAndClose();
    const a = applicant(801);
    const nip = a["NIP / NI PPPK"]!;
    const ticket = await provision(office, a);
    expect(row(office, ticket).status).toBe("selesai");
    const copy = mailsTo(office, CC).find((m) => m.subject.includes(ticket));
    const pdf = copy?.attachments.find((x) => x.contentType === "application/pdf");
    expect(pdf).toBeDefined();
    const text = (await pdfText(pdf!.bytes)).join("\n");
    expect(text).toContain(`NIP pemohon: ${nip.slice(0, 8)}`);
    expect(text).not.toContain(nip);
    expect(lettersTo(office, a["Surel pribadi"]!)).toHaveLength(1);
  });
});

describe("an administrator taken out of the settings", () => {
  test("no longer sees the archive folder after setup", async () => {
    const archiveId = scriptPropertiesOf(office.emu.ws).get("surel:letterArchiveFolderId")!;
    const archive = () => driveState(office.emu.ws).items.get(archiveId)!;
    expect(archive().viewers).toContain(SECOND);
    const settings = records(office, SHEETS.settings);
    const i = settings.findIndex((r) => Object.values(r)[0] === "admin");
    expect(i).toBeGreaterThanOrEqual(0);
    const current = Object.values(settings[i]!)[1]!;
    hostWrite(office, SHEETS.settings, `B${i + 2}`, [
      [
        current
          .split(/,\s*/)
          .filter((x) => x !== SECOND)
          .join(", "),
      ],
    ]);
    evictAllCaches(office.emu.ws);
    const setup = await office.emu.run("setup");
    expect(setup.ok).toBe(true);
    expect(archive().viewers).not.toContain(SECOND);
  });
});

describe("a name correction", () => {
  test("re-derives the address from the corrected name", async () => {
    const { application, correctionOf, submit, register } = await import("./harness.js");
    const first = await submit(
      office,
      application({
        "Nama lengkap": "Suharyonoo Wibisono",
        "NIP / NI PPPK": "198506062010011007",
        "Surel pribadi": "suharyono.w@gmail.com",
        "Tanggal surat permohonan": "2027-01-05",
      }),
    );
    const rec = register(office).find((r) => r.responseRow === String(first.row))!;
    expect(rec.status).toBe("perlu perbaikan");
    expect(rec.address).toBe(`suharyonoo.wibisono@${DOMAIN}`);
    await submit(
      office,
      application({
        "Nama lengkap": "Suharyono Wibisono",
        "NIP / NI PPPK": "198506062010011007",
        "Surel pribadi": "suharyono.w@gmail.com",
        ...correctionOf(office, rec.ticket, "suharyono.w@gmail.com"),
      }),
    );
    const after = row(office, rec.ticket);
    expect(after.status).toBe("baru");
    expect(after.address).toBe(`suharyono.wibisono@${DOMAIN}`);
    expect(after.addressRecorded).toBe(`suharyono.wibisono@${DOMAIN}`);
  });
});

describe("the sweep's reconciliation while another execution holds the lock", () => {
  test("times out without skipping the rest of the sweep, and is done by the next sweep", async () => {
    const ticket = await newRequest(office, applicant(802));
    const logged = registerRow(office, ticket).status;
    // A row that disagrees with its log (a lost write), and a mail that waits in the queue.
    hostWrite(office, SHEET_NAMES.register, a1Of(office, ticket, "status"), [["ditolak"]]);
    const queued: Record<string, unknown> = {
      id: `${ticket}-antre`,
      time: new Date(office.emu.ws.clockMs - 3_600_000),
      to: "antrean.surel@gmail.com",
      subject: `Surel yang menunggu ${ticket}`,
      body: "Isi surel yang menunggu.",
      attempts: 1,
      lastError: "Service invoked too many times",
    };
    sheet(office, SHEET_NAMES.mailQueue).appendRow(QUEUE_COLUMNS.map((c) => queued[c.key] ?? ""));
    const lock = office.emu
      .service<{ getScriptLock(): { tryLock(ms: number): boolean; releaseLock(): void } }>("LockService")
      .getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    try {
      const held = await sweepAfter(office, 10);
      expect(held.ok).toBe(true);
      // The reconciliation timed out (recorded), the row is not repaired yet…
      expect(registerRow(office, ticket).status).toBe("ditolak");
      expect(errorLog(office).some((e) => Object.values(e).some((v) => v.includes("Lock timeout")))).toBe(
        true,
      );
      // …and the mail waits too: the queue's drain takes its lease under the lock (mail.ts).
      expect(mailsTo(office, "antrean.surel@gmail.com")).toEqual([]);
    } finally {
      lock.releaseLock();
    }
    // The next sweep reconciles (the row is back to what the log says) and sends the mail, once.
    await sweepAfter(office, 10);
    expect(mailsTo(office, "antrean.surel@gmail.com").map((m) => m.subject)).toEqual([
      `Surel yang menunggu ${ticket}`,
    ]);
    expect(registerRow(office, ticket).status).toBe(logged);
    expect(
      errorLog(office).some(
        (e) => Object.values(e).includes(ticket) && Object.values(e).some((v) => v.includes("ditolak")),
      ),
    ).toBe(true);
  });
});

describe("appends to the mail queue and the error log from executions running at once", () => {
  test("lose no row and double none under every interleaving (≤ 1 preemption)", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: SERVICE, admin: true, name: "Layanan" } });
    try {
      let o: Office | null = null;
      let ticket = "";
      const report = await emu.explore({
        setup: async (e) => {
          o = await provisioningOfficeIn(e, { configure: staffOnly });
          ticket = await newRequest(o, applicant(803));
        },
        scenario: async (e) => {
          const office = o!;
          const queueBefore = records(office, SHEET_NAMES.mailQueue).length;
          const errorsBefore = errorLog(office).length;
          // The account cannot be created (no right) and no mail of that execution goes out: its
          // notices are queued and its failures logged, outside the lock, while a submission
          // records its mails in the queue under the lock.
          // "Buat akun" only queues the request (the edit trigger); the worker it schedules makes
          // the account. Here the worker runs beside a submission.
          const target = {
            spreadsheetId: office.ssId,
            sheet: SHEET_NAMES.register,
            a1: a1Of(office, ticket, "action"),
          };
          expect(userEdit(e.ws, STAF, target, [["Buat akun"]]).ok).toBe(true);
          await e.drain();
          const worker = e.ws.triggers.find((t) => t.handler === WORKER && t.nextDueMs !== undefined)!;
          expect(worker).toBeDefined();
          e.faults.clear();
          e.faults.inject("AdminDirectory.Users.get", {
            error: () =>
              apiError("directory.users.get", "Not Authorized to access this resource/api", 403, "forbidden"),
            handler: WORKER,
            times: Infinity,
          });
          e.faults.inject("MailApp.sendEmail", {
            error: () => serviceError("Service invoked too many times for one day: email."),
            handler: WORKER,
            times: Infinity,
          });
          submitOnly(office, applicant(804));
          // The worker's trigger fires now, beside the submission (one batch of two).
          e.ws.pending.push({
            handler: WORKER,
            kind: "installable",
            authMode: "FULL",
            activeUser: SERVICE,
            effectiveUser: SERVICE,
            event: () => ({ authMode: "FULL", triggerUid: worker.uid }),
            triggerUid: worker.uid,
            cause: "clock",
            dueMs: e.ws.clockMs,
          });
          const results = await e.drain({ concurrency: 2 });
          e.faults.clear();
          const edit = results.find((r) => r.handler === WORKER)!;
          // Appends the worker made while it held the script lock (the queued mails must be).
          let held = false;
          let lockedAppends = 0;
          for (const c of edit.trace) {
            if ((c.key === "Lock.tryLock" || c.key === "Lock.waitLock") && c.outcome === "ok") held = true;
            else if (c.key === "Lock.releaseLock") held = false;
            else if (c.key === "Sheet.appendRow" && held) lockedAppends++;
          }
          const logged = results
            .flatMap((r) => r.logs)
            .filter(
              (l) =>
                l.level === "error" && !/^(error log unavailable|status record not updated)/.test(l.message),
            );
          const queue = records(office, SHEET_NAMES.mailQueue).slice(queueBefore);
          return {
            ok: results.map((r) => r.ok),
            failedSends: edit.calls["MailApp.sendEmail"]?.count ?? 0,
            lockedAppends,
            queued: queue.map((q) => q["Perihal"]!).sort(),
            queuedForEdit: queue.filter((q) => q["ID"]!.startsWith(`${ticket}-`)).length,
            queuedForIntake: queue.filter((q) => !q["ID"]!.startsWith(`${ticket}-`)).length,
            errors: errorLog(office).length - errorsBefore,
            errorLines: logged.length,
            status: registerRow(office, ticket).status,
          };
        },
        maxPreemptions: 1,
      });
      expect(report.truncated).toBe(false);
      expect(report.runs.filter((r) => r.preemptions > 0).length).toBeGreaterThan(10);
      for (const run of report.runs) {
        expect(run.error).toBeUndefined();
        const v = run.value!;
        expect(v.ok).toEqual([true, true]);
        expect(v.failedSends).toBeGreaterThan(0);
        // Every mail the edit could not send is queued once; the submission's two mails once each.
        expect(v.queuedForEdit, JSON.stringify(v)).toBe(v.failedSends);
        // Each of them appended under the script lock, so that no locked write at getLastRow() + 1
        // (the submission's recorded mails) can overwrite it.
        expect(v.lockedAppends, JSON.stringify(v)).toBe(v.failedSends);
        expect(v.queuedForIntake, JSON.stringify(v)).toBe(2);
        expect(new Set(v.queued).size).toBe(v.queued.length);
        // Every failure written to the error log once.
        expect(v.errors, JSON.stringify(v)).toBe(v.errorLines);
      }
    } finally {
      await emu.close();
    }
  }, 240_000);
});
