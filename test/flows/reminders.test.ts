/**
 * Reminders and escalation on the built bundle: at pengingat_persen of a stage's target the holder
 * gets one digest; when the target passes the level above is told (the last level in its daily
 * digest); each at most once per stage visit, in the log, never outside office hours, never for a
 * request on hold; one mail per official per sweep whatever the number of requests; the register
 * shows the total against the service standard. Across kills at every call of the sweep and two
 * sweeps at once under every interleaving (≤ 1 preemption).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_LABELS } from "../../src/domain/workflow.js";
import { isWorkingTime, calendarFromConfig } from "../../src/domain/calendar.js";
import type { Emulator } from "gas-emulator";
import type { SentMail } from "gas-emulator/testkit";
import { matrixPositions } from "./provision-matrix.js";
import {
  act,
  ADMIN,
  application,
  cellOf,
  createOffice,
  DOMAIN,
  errorLog,
  log,
  mails,
  prepareOffice,
  register,
  row,
  submit,
  type Office,
} from "./harness.js";
import { catalogued } from "./harness.js";
import { surelEmulator } from "../kit/emulator.js";

const L = ACTION_LABELS;
const MIN = 60_000;
const KADIS = `kadis@${DOMAIN}`;
const KABID = `kabid.egov@${DOMAIN}`;
const KASI = `kasi.pksi@${DOMAIN}`;
const REMINDER = /^Pengingat layanan surel dinas/;
const DAILY = /^Ringkasan harian layanan surel dinas/;

let counter = 0;
async function newRequest(o: Office): Promise<string> {
  const n = counter++;
  const { row: responseRow } = await submit(
    o,
    application({
      "Nama lengkap": `Pemohon Uji${String.fromCharCode(65 + (n % 26))} Nomor${String.fromCharCode(65 + Math.floor(n / 26))}`,
      "NIP / NI PPPK": `198503302010011${String(n + 1).padStart(3, "0")}`,
      "Surel pribadi": `pemohon.pengingat${n}@gmail.com`,
    }),
  );
  return register(o).find((r) => r.responseRow === String(responseRow))!.ticket;
}

const digestsTo = (o: Office, who: string, re = REMINDER): SentMail[] =>
  mails(o).filter((m) => m.to.includes(who) && re.test(m.subject));
const events = (o: Office, ticket: string, action?: string) =>
  log(o).filter(
    (e) =>
      e.ticket === ticket && (action ? e.action === action : ["pengingat", "eskalasi"].includes(e.action)),
  );

describe("a request left at each stage", () => {
  let office: Office;
  let ticket: string;
  beforeAll(async () => {
    office = await createOffice(); // Monday 2026-11-23 08:00 WIB; the sweep runs every 10 minutes
    ticket = await newRequest(office);
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("the holder is reminded once at 80% of the target (96 of 120 minutes at the Kadis)", async () => {
    await office.emu.advance(90 * MIN);
    expect(digestsTo(office, KADIS)).toHaveLength(0);
    await office.emu.advance(20 * MIN);
    const got = digestsTo(office, KADIS);
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe("Pengingat layanan surel dinas: 1 perlu tindakan, 0 melewati target");
    expect(got[0]!.body).toContain(ticket);
    expect(got[0]!.body).toMatch(/#gid=\d+&range=A2/);
    // No personal data of the applicant in the reminder.
    expect(got[0]!.body).not.toContain("Pemohon");
    expect(got[0]!.body).not.toContain("198503302010011");
    const [e] = events(office, ticket);
    expect(e).toMatchObject({ action: "pengingat", actor: "sistem", from: "baru/kadis", to: "baru/kadis" });
    expect(row(office, ticket).reminders).toMatch(/^pengingat 2026-11-23 09:(3|4)\d$/);
    expect(row(office, ticket).lastLogSeq).toBe(e!.seq);
  });

  test("past the target: escalation logged once; the Kadis is the last level and gets the daily digest", async () => {
    await office.emu.advance(30 * MIN);
    const esc = events(office, ticket, "eskalasi");
    expect(esc).toHaveLength(1);
    expect(esc[0]!.note).toMatch(catalogued("reminder.log.eskalasi_none"));
    expect(digestsTo(office, KADIS, DAILY)).toHaveLength(1);
    // Many more sweeps that day: nothing repeated.
    await office.emu.advance(5 * 60 * MIN);
    expect(events(office, ticket)).toHaveLength(2);
    expect(digestsTo(office, KADIS)).toHaveLength(1);
    expect(digestsTo(office, KADIS, DAILY)).toHaveLength(1);
    // The next working day: one new daily digest, still no second reminder.
    await office.emu.advance(17 * 60 * MIN);
    expect(digestsTo(office, KADIS, DAILY)).toHaveLength(2);
    expect(events(office, ticket)).toHaveLength(2);
    expect(errorLog(office)).toEqual([]);
  });

  test("the total against the standard (one working day) shows the request late", async () => {
    const r = row(office, ticket);
    expect(r.serviceTotal).toMatch(/^TERLAMBAT \d+ (jam|menit).*dari standar 8 jam 30 menit$/);
    expect(cellOf(office, ticket, "serviceTotal").format).toMatchObject({ background: "#f4c7c3" });
  });

  test("a new stage visit gets its own reminder; a late Kasi stage is escalated to the Kabid at once", async () => {
    await act(office, KADIS, ticket, L.teruskan);
    await act(office, KABID, ticket, L.teruskan);
    expect(row(office, ticket).stageKey).toBe("kasi");
    await office.emu.advance(10 * MIN);
    expect(row(office, ticket).reminders).toBe("");
    const before = digestsTo(office, KABID).length;
    await office.emu.advance(50 * MIN);
    expect(digestsTo(office, KASI)).toHaveLength(1);
    expect(events(office, ticket, "pengingat").at(-1)!.from).toBe("diproses/kasi");
    await office.emu.advance(20 * MIN);
    const late = digestsTo(office, KABID).slice(before);
    expect(late).toHaveLength(1);
    expect(late[0]!.subject).toBe("Pengingat layanan surel dinas: 0 perlu tindakan, 1 melewati target");
    expect(late[0]!.body).toContain(ticket);
    await office.emu.advance(3 * 60 * MIN);
    expect(digestsTo(office, KASI)).toHaveLength(1);
    expect(digestsTo(office, KABID).slice(before)).toHaveLength(1);
    expect(events(office, ticket).filter((e) => e.from === "diproses/kasi")).toHaveLength(2);
    const verified = await office.emu.run("verifyLog");
    expect(verified.returnValue).toMatchObject({ ok: true });
  });
});

describe("office hours, hold and grouping", () => {
  let office: Office;
  beforeAll(async () => {
    office = await createOffice();
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("one digest for a busy Kadis; none outside office hours; none while on hold", async () => {
    // 15:00 on Monday: 60 working minutes left today, the reminder (96 min) falls tomorrow morning.
    await office.emu.advance(7 * 60 * MIN);
    const tickets = [await newRequest(office), await newRequest(office), await newRequest(office)];
    const held = await newRequest(office);
    await act(office, KADIS, held, L.tahan, "Menunggu surat OPD");
    expect(row(office, held).status).toBe("ditahan");
    // Through the night and into Tuesday morning, sweeping every 10 minutes.
    await office.emu.advance(18 * 60 * MIN);
    const cal = calendarFromConfig(office.config);
    const sent = digestsTo(office, KADIS);
    expect(sent).toHaveLength(1);
    for (const m of mails(office).filter((x) => REMINDER.test(x.subject) || DAILY.test(x.subject)))
      expect(isWorkingTime(m.timeMs, cal), new Date(m.timeMs).toISOString()).toBe(true);
    // Tuesday 08:06 WIB at the earliest (60 minutes on Monday + 36 on Tuesday).
    expect(sent[0]!.timeMs).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 24, 1, 6));
    for (const t of tickets) expect(sent[0]!.body).toContain(t);
    expect(sent[0]!.body.match(/#gid=/g)).toHaveLength(3);
    expect(sent[0]!.body).not.toContain(held);
    expect(events(office, held)).toHaveLength(0);
    expect(row(office, held).reminders).toBe("");
    // Still held two days later: nothing.
    await office.emu.advance(48 * 60 * MIN);
    expect(events(office, held)).toHaveLength(0);
    for (const t of tickets) expect(events(office, t, "pengingat")).toHaveLength(1);
  });
});

describe("faults and concurrency", () => {
  const fresh = async (emu: Emulator): Promise<{ o: Office; ticket: string }> => {
    emu.reset();
    const o = await prepareOffice(emu);
    const ticket = await newRequest(o);
    emu.ws.advance(100 * MIN); // past the reminder, no sweep has run
    return { o, ticket };
  };

  test("a sweep killed at any of its calls: never a second reminder, the log and the row agree", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      const { o, ticket } = await fresh(emu);
      // Every case starts from this state (restored: the office and its request stay valid).
      const start = emu.snapshot();
      const clean = await emu.run("sweep");
      expect(clean.ok).toBe(true);
      expect(events(o, ticket)).toHaveLength(1);
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
        expect(events(o, ticket), label).toHaveLength(1);
        const r = row(o, ticket);
        expect(r.reminders, label).toMatch(/^pengingat /);
        expect(r.lastLogSeq, label).toBe(events(o, ticket)[0]!.seq);
        const got = digestsTo(o, KADIS).length;
        expect(got, label).toBeLessThanOrEqual(1);
        outcomes.add(String(got));
      }
      // Cut between the log and the queue, the mail is lost; everywhere else it is sent once.
      expect(outcomes.has("1")).toBe(true);
    } finally {
      await emu.close();
    }
  }, 600_000);

  test("two sweeps at once: one reminder under every interleaving (≤ 1 preemption)", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      let current: { o: Office; ticket: string } | null = null;
      const report = await emu.explore({
        setup: async (e) => {
          current = await fresh(e);
        },
        scenario: async (e) => {
          const { o, ticket } = current!;
          const results = await e.runConcurrently([
            { handler: "sweep", kind: "installable" },
            { handler: "sweep", kind: "installable" },
          ]);
          return {
            errors: results.map((r) => r.error?.message ?? ""),
            events: events(o, ticket).length,
            mails: digestsTo(o, KADIS).length,
            mark: row(o, ticket).reminders,
          };
        },
        maxPreemptions: 1,
        maxRuns: 400,
      });
      expect(report.runs.length).toBeGreaterThan(10);
      for (const run of report.runs) {
        expect(run.error).toBeUndefined();
        expect(run.value!.errors).toEqual(["", ""]);
        expect(run.value!.events).toBe(1);
        expect(run.value!.mails).toBe(1);
        expect(run.value!.mark).toMatch(/^pengingat /);
      }
    } finally {
      await emu.close();
    }
  }, 600_000);
});
