/**
 * A complaint's own target time with the same reminders, on the built bundle: an
 * unanswered complaint reminds its handlers at pengingat_persen of its target (working time) and
 * is escalated to whoever eskalasi_pengaduan names (the head of office by default) when the target
 * passes; each exactly once, in the log and in the Pengaduan sheet's "Pengingat" column, never
 * outside office hours, none once answered or closed; the digest lists a complaint with a link to
 * its row, apart from requests, in one mail per official. Across kills at every call of the sweep
 * and two sweeps at once under every interleaving (≤ 1 preemption).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { calendarFromConfig, isWorkingTime } from "../../src/domain/calendar.js";
import { COMPLAINT_SHEET } from "../../src/workspace/complaints.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import type { Emulator } from "gas-emulator";
import type { SentMail } from "gas-emulator/testkit";
import { matrixPositions } from "./provision-matrix.js";
import {
  ADMIN,
  application,
  createOffice,
  DOMAIN,
  log,
  mails,
  prepareOffice,
  register,
  sheet,
  submit,
  type Office,
  type OfficeOptions,
} from "./harness.js";
import { answer, complain, complaintNumberIn, complaintRow, handlerEdit } from "./status-kit.js";
import { catalogued } from "./harness.js";
import { surelEmulator } from "../kit/emulator.js";

const MIN = 60_000;
const KADIS = `kadis@${DOMAIN}`;
const KABID = `kabid.egov@${DOMAIN}`;
const STAF = `staf.pksi@${DOMAIN}`;
const HANDLERS = [KADIS, KABID, STAF];
const REMINDER = /^Pengingat layanan surel dinas/;
const DAILY = /^Ringkasan harian layanan surel dinas/;
const TEXT = "Permohonan saya belum diproses padahal sudah lewat satu hari kerja.";

let filed = 0;
async function fileComplaint(o: Office, ticket = "SRL-2611-0001"): Promise<string> {
  const n = filed++;
  return complaintNumberIn(
    await complain(o, { name: `Rina Warga${n}`, email: `rina.warga${n}@gmail.com`, ticket, text: TEXT }),
  );
}

const digests = (o: Office, who: string, re = REMINDER): SentMail[] =>
  mails(o).filter((m) => m.to.includes(who) && re.test(m.subject));
const about = (o: Office, who: string, number: string, re = REMINDER): SentMail[] =>
  digests(o, who, re).filter((m) => m.body.includes(number));
const events = (o: Office, number: string, action?: string) =>
  log(o).filter(
    (e) =>
      e.ticket === number && (action ? e.action === action : ["pengingat", "eskalasi"].includes(e.action)),
  );
const gidOf = (o: Office, name: string): number => sheet(o, name).getSheetId();

describe("an unanswered complaint (target one working day, filed Monday 08:00)", () => {
  let office: Office;
  let number: string;
  beforeAll(async () => {
    office = await createOffice(); // Monday 2026-11-23 08:00 WIB; the sweep runs every 10 minutes
    number = await fileComplaint(office);
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("its handlers are reminded once at 80% of the target (408 working minutes), with a link to its row", async () => {
    await office.emu.advance(6 * 60 * MIN + 40 * MIN); // 14:40
    expect(events(office, number)).toHaveLength(0);
    await office.emu.advance(20 * MIN); // 15:00
    for (const h of HANDLERS) {
      const got = about(office, h, number);
      expect(got, h).toHaveLength(1);
      expect(got[0]!.subject).toBe("Pengingat layanan surel dinas: 1 perlu tindakan, 0 melewati target");
      expect(got[0]!.body).toContain(`Pengaduan ${number} · tentang SRL-2611-0001`);
      expect(got[0]!.body).toContain(`#gid=${gidOf(office, COMPLAINT_SHEET)}&range=A2`);
      expect(got[0]!.body).toContain("lembar Pengaduan");
      // Nothing of the complainant: name, address, text.
      expect(got[0]!.body).not.toMatch(/Rina|rina\.warga|belum diproses/);
    }
    const [e] = events(office, number);
    expect(e).toMatchObject({
      action: "pengingat",
      actor: "sistem",
      from: "pengaduan/baru",
      to: "pengaduan/baru",
    });
    expect(e!.note).toContain(KABID);
    const r = complaintRow(office, number);
    expect(r.Pengingat).toMatch(/^pengingat 2026-11-23 14:(4|5)\d$/);
    expect(r["No. Log Terakhir"]).toBe(e!.seq);
  });

  test("escalated to the head of office when the target passes, in office hours the next morning", async () => {
    await office.emu.advance(16 * 60 * MIN + 20 * MIN); // Tuesday 07:20: still 10 minutes short
    expect(events(office, number, "eskalasi")).toHaveLength(0);
    // The target passes at about 08:01 (filed just after 08:00, once setup had run): the first
    // sweep after that moment escalates, at 08:01 or 08:11 by the sweep's phase.
    await office.emu.advance(60 * MIN); // Tuesday 08:20
    const esc = events(office, number, "eskalasi");
    expect(esc).toHaveLength(1);
    expect(esc[0]!.note).toMatch(new RegExp(`^Eskalasi ke ${KADIS}: `));
    const late = about(office, KADIS, number).filter((m) => /1 melewati target/.test(m.subject));
    expect(late).toHaveLength(1);
    expect(late[0]!.body).toContain("MELEWATI TARGET TAHAP");
    expect(complaintRow(office, number).Pengingat).toMatch(
      /^pengingat 2026-11-23 14:\d\d; eskalasi 2026-11-24 08:[01]\d$/,
    );
    const cal = calendarFromConfig(office.config);
    for (const m of mails(office).filter((x) => REMINDER.test(x.subject) || DAILY.test(x.subject)))
      expect(isWorkingTime(m.timeMs, cal), new Date(m.timeMs).toISOString()).toBe(true);
  });

  test("two more days of sweeps: nothing twice; the head's daily digest lists it as a complaint", async () => {
    await office.emu.advance(2 * 24 * 60 * MIN);
    expect(events(office, number, "pengingat")).toHaveLength(1);
    expect(events(office, number, "eskalasi")).toHaveLength(1);
    expect(about(office, KABID, number)).toHaveLength(1);
    expect(about(office, STAF, number)).toHaveLength(1);
    expect(about(office, KADIS, number)).toHaveLength(2); // its reminder, its escalation
    const daily = about(office, KADIS, number, DAILY);
    expect(daily.length).toBeGreaterThanOrEqual(2); // Tuesday, Wednesday (Thursday's too)
    expect(daily[0]!.body).toContain(`Pengaduan ${number} · tentang SRL-2611-0001 · penangan`);
    expect(daily[0]!.body).toMatch(catalogued("daily.intro_with_complaints"));
  });

  test("answered: no reminder after the response, none for a complaint answered or closed in time", async () => {
    await answer(office, KABID, number, "Sedang kami periksa.", "Tanggapi");
    expect(complaintRow(office, number).Status).toBe("ditanggapi");
    const answeredInTime = await fileComplaint(office);
    const closedInTime = await fileComplaint(office);
    await answer(office, STAF, answeredInTime, "Akun Anda sudah dibuat.", "Tanggapi");
    await answer(office, KADIS, closedInTime, "Sudah selesai.", "Selesaikan");
    const before = mails(office).length;
    await office.emu.advance(3 * 24 * 60 * MIN);
    expect(events(office, number)).toHaveLength(2);
    expect(events(office, answeredInTime)).toHaveLength(0);
    expect(events(office, closedInTime)).toHaveLength(0);
    for (const m of mails(office).slice(before))
      for (const n of [number, answeredInTime, closedInTime]) expect(m.body, m.subject).not.toContain(n);
    expect(complaintRow(office, answeredInTime).Pengingat).toBe("");
    const verified = await office.emu.run("verifyLog");
    expect(verified.returnValue).toMatchObject({ ok: true });
  });
});

describe("a digest mixing a request and a complaint", () => {
  let office: Office;
  beforeAll(async () => {
    // The complaint's target equal to the Kadis stage's (120 minutes): both reminders fall due together.
    office = await createOffice({ configure: (c) => (c.complaintDesk.targetMinutes = 120) });
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("the Kadis holds both and gets one mail listing each with its own row link", async () => {
    const { row: responseRow } = await submit(office, application());
    const ticket = register(office).find((r) => r.responseRow === String(responseRow))!.ticket;
    const number = await fileComplaint(office, ticket);
    await office.emu.advance(110 * MIN);
    const kadis = digests(office, KADIS);
    expect(kadis).toHaveLength(1);
    const body = kadis[0]!.body;
    expect(kadis[0]!.subject).toBe("Pengingat layanan surel dinas: 2 perlu tindakan, 0 melewati target");
    expect(body).toMatch(catalogued("reminder.intro_with_complaints"));
    expect(body).toMatch(new RegExp(`${ticket} · Kepala Dinas`));
    expect(body).toContain(`Pengaduan ${number} · tentang ${ticket}`);
    expect(body).toContain(`#gid=${gidOf(office, SHEET_NAMES.register)}&range=A2`);
    expect(body).toContain(`#gid=${gidOf(office, COMPLAINT_SHEET)}&range=A2`);
    expect(body).toContain("pilih tindakan di kolom Tindakan"); // how to act on a request
    expect(body).toContain("tulis tanggapan di kolom Tanggapan"); // how to answer a complaint
    // The other handlers hold only the complaint.
    for (const h of [KABID, STAF]) {
      const got = digests(office, h);
      expect(got, h).toHaveLength(1);
      expect(got[0]!.body).toContain(number);
      expect(got[0]!.body).not.toContain(`${ticket} · Kepala Dinas`);
    }
  });
});

describe("faults and concurrency", () => {
  // A one-hour target: the reminder at 48 minutes, the escalation at 60; 70 minutes after filing
  // both are due in the first sweep.
  const opts: OfficeOptions = { configure: (c) => (c.complaintDesk.targetMinutes = 60) };
  const fresh = async (emu: Emulator): Promise<{ o: Office; number: string }> => {
    emu.reset();
    const o = await prepareOffice(emu, opts);
    const number = await fileComplaint(o);
    emu.ws.advance(70 * MIN); // no sweep has run
    return { o, number };
  };
  const newEmulator = () =>
    surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });

  test("a sweep killed at any of its calls: one reminder and one escalation, the log and the row agree", async () => {
    const emu = newEmulator();
    try {
      const { o, number } = await fresh(emu);
      // Every case starts from this state (restored: the office and its complaint stay valid).
      const start = emu.snapshot();
      const clean = await emu.run("sweep");
      expect(clean.ok).toBe(true);
      expect(events(o, number).map((e) => e.action)).toEqual(["pengingat", "eskalasi"]);
      const outcomes = new Set<string>();
      for (const k of matrixPositions(
        clean.trace.map((c) => c.key),
        0,
        "kill",
      )) {
        emu.restore(start);
        emu.faults.killAt(k, { handler: "sweep", when: "after" });
        const killed = await emu.run("sweep");
        expect(killed.killed).toBe("fault");
        emu.ws.advance(11 * MIN); // past the mail queue's grace time
        for (let i = 0; i < 3; i++) expect((await emu.run("sweep")).ok).toBe(true);
        const label = `killed after call ${k} (${clean.trace[k - 1]?.key})`;
        expect(events(o, number, "pengingat"), label).toHaveLength(1);
        expect(events(o, number, "eskalasi"), label).toHaveLength(1);
        const r = complaintRow(o, number);
        expect(r.Pengingat, label).toMatch(/^pengingat .*; eskalasi /);
        expect(r["No. Log Terakhir"], label).toBe(events(o, number).at(-1)!.seq);
        const got = about(o, STAF, number).length;
        expect(got, label).toBeLessThanOrEqual(1);
        expect(about(o, KADIS, number).length, label).toBeLessThanOrEqual(1);
        outcomes.add(String(got));
      }
      // Cut between the log and the queue, the mail is lost; everywhere else it is sent once.
      expect(outcomes.has("1")).toBe(true);
    } finally {
      await emu.close();
    }
  }, 600_000);

  test("a handler's answer cut off at any call: either answered (row repaired, the complainant told, no reminder) or not (reminded once)", async () => {
    const emu = newEmulator();
    const filedOnly = async (): Promise<{ o: Office; number: string }> => {
      emu.reset();
      const o = await prepareOffice(emu, opts);
      const number = await fileComplaint(o);
      await handlerEdit(o, KABID, number, "response", "Sedang kami periksa.");
      return { o, number };
    };
    const responses = (o: Office, number: string) =>
      mails(o).filter((m) => m.subject === `Tanggapan atas pengaduan ${number}`);
    try {
      const { o, number } = await filedOnly();
      const start = emu.snapshot();
      const clean = (await handlerEdit(o, KABID, number, "action", "Tanggapi")).results.at(-1)!;
      expect(clean.ok).toBe(true);
      expect(complaintRow(o, number).Status).toBe("ditanggapi");
      const keys = clean.trace.map((c) => c.key);
      const sendCall = keys.indexOf("MailApp.sendEmail") + 1;
      const markCall = keys.indexOf("Range.setValues", sendCall) + 1;
      expect(sendCall).toBeGreaterThan(0);
      expect(markCall).toBeGreaterThan(sendCall);
      const outcomes = new Set<string>();
      for (const k of matrixPositions(
        clean.trace.map((c) => c.key),
        0,
        "kill",
      )) {
        emu.restore(start);
        emu.faults.killAt(k, { handler: "onRegisterEdit", when: "after" });
        const killed = (await handlerEdit(o, KABID, number, "action", "Tanggapi")).results.at(-1)!;
        const label = `killed after call ${k} (${clean.trace[k - 1]?.key})`;
        expect(killed.killed, label).toBe("fault");
        emu.ws.advance(70 * MIN); // past the target: both events would be due
        for (let i = 0; i < 3; i++) expect((await emu.run("sweep")).ok, label).toBe(true);
        const answered = log(o).some((e) => e.ticket === number && e.action === "pengaduan_ditanggapi");
        const r = complaintRow(o, number);
        const chain = log(o).filter((e) => e.ticket === number && e.action !== "ditolak_sistem");
        expect(r["No. Log Terakhir"], label).toBe(chain.at(-1)!.seq);
        // Sent twice only when cut between the send and its mark (the queue cannot tell: mail.ts).
        const between = k >= sendCall && k < markCall;
        expect(responses(o, number).length, label).toBeLessThanOrEqual(between ? 2 : 1);
        if (answered) {
          // The complainant is told of the response, even when the run died before recording it.
          expect(responses(o, number).length, label).toBeGreaterThanOrEqual(1);
          expect(r.Status, label).toBe("ditanggapi");
          expect(events(o, number), label).toHaveLength(0);
        } else {
          expect(r.Status, label).toBe("baru");
          expect(
            events(o, number).map((e) => e.action),
            label,
          ).toEqual(["pengingat", "eskalasi"]);
          expect(responses(o, number), label).toHaveLength(0);
        }
        outcomes.add(answered ? "answered" : "not answered");
      }
      expect([...outcomes].sort()).toEqual(["answered", "not answered"]);
    } finally {
      await emu.close();
    }
  }, 600_000);

  test("two sweeps at once: one reminder and one escalation under every interleaving (≤ 1 preemption)", async () => {
    const emu = newEmulator();
    try {
      let current: { o: Office; number: string } | null = null;
      const report = await emu.explore({
        setup: async (e) => {
          current = await fresh(e);
        },
        scenario: async (e) => {
          const { o, number } = current!;
          const results = await e.runConcurrently([
            { handler: "sweep", kind: "installable" },
            { handler: "sweep", kind: "installable" },
          ]);
          return {
            errors: results.map((r) => r.error?.message ?? ""),
            events: events(o, number).map((x) => x.action),
            staf: about(o, STAF, number).length,
            kadis: about(o, KADIS, number).length,
            mark: complaintRow(o, number).Pengingat,
          };
        },
        maxPreemptions: 1,
        maxRuns: 300,
      });
      expect(report.runs.length).toBeGreaterThan(10);
      for (const run of report.runs) {
        expect(run.error).toBeUndefined();
        expect(run.value!.errors).toEqual(["", ""]);
        expect(run.value!.events).toEqual(["pengingat", "eskalasi"]);
        expect(run.value!.staf).toBe(1);
        expect(run.value!.kadis).toBe(1);
        expect(run.value!.mark).toMatch(/^pengingat .*; eskalasi /);
      }
    } finally {
      await emu.close();
    }
  }, 600_000);
});
