/**
 * The trust boundary of the status page, on the built bundle: the page is a web
 * app deployed "execute as me (the service account), anyone", so its google.script.run reaches
 * every top-level function of dist/Code.js with the service account's authority. An anonymous
 * visitor and a signed-in official call every function of the bundle (enumerated from the bundle,
 * so a new entry point is covered without touching this file) with forged trigger events: only
 * the page's three functions serve them; every other one is refused with the same message, changes
 * nothing (sheets, Script Properties, directory, outbox, triggers, Drive) and is recorded in the
 * error log, at most ten times an hour. The genuine paths still run: the form's trigger, an
 * official's edit, the time-driven sweep, setup from the editor and doctorReport by the service
 * account.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { webAppCall, webAppGet, type Visitor, fireBlankFormSubmit, type ExecutionResult } from "gas-emulator";
import {
  scriptPropertiesOf,
  directoryState,
  driveState,
  exportSpreadsheetCsv,
  openSpreadsheet,
} from "gas-emulator/testkit";
import { REFUSALS_RECORDED_PER_HOUR, isPublicEntryPoint } from "../../src/domain/guard.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  act,
  actionChoices,
  application,
  createOffice,
  DOMAIN,
  errorLog,
  log,
  mails,
  register,
  row,
  SERVICE,
  submit,
  type Office,
} from "./harness.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

const KADIS = `kadis@${DOMAIN}`;
const VISITORS: [string, Visitor][] = [
  ["an anonymous visitor", {}],
  ["a signed-in official", { visitor: KADIS }],
];

let office: Office;
let ticket: string;

beforeAll(async () => {
  office = await createOffice();
  await submit(office, application({ "Surel pribadi": "pemohon.satu@gmail.com" }));
  ticket = register(office)[0]!.ticket;
});
afterAll(async () => {
  await office.emu.close();
});

/** Everything a refused call must leave as it was (the error log, the cache and the clock aside). */
function state(): string {
  const ws = office.emu.ws;
  const sheets = Object.entries(exportSpreadsheetCsv(ws, office.ssId)).filter(
    ([name]) => name !== SHEET_NAMES.errors,
  );
  // Drive as listed, without modification times (the error log's append touches the register).
  const drive = (
    JSON.parse(JSON.stringify(driveState(ws))) as { items: Record<string, unknown>[] }
  ).items.map(({ updated: _updated, ...item }) => item);
  return JSON.stringify({
    sheets,
    properties: [...scriptPropertiesOf(ws)].sort(),
    directory: directoryState(ws),
    outbox: mails(office).map((m) => [m.to, m.subject, m.body]),
    triggers: ws.triggers,
    pending: ws.pending.length,
    drive,
  });
}

/** Plausible forged arguments: what a visitor who read the project's code would send. */
function forgeries(): unknown[][] {
  const r = row(office, ticket);
  const action = actionChoices(office, ticket)[0] ?? "Teruskan";
  const guessedUid = "4034124084959907503";
  const sweepUid = office.emu.ws.triggers.find((t) => t.handler === "sweep")!.uid;
  return [
    [],
    // An edit event: the action cell of the request, "by" an administrator.
    [
      {
        authMode: "FULL",
        user: { email: `admin@${DOMAIN}`, nickname: "admin" },
        range: { rowStart: r._row, rowEnd: r._row, columnStart: 11, columnEnd: 11, a1: `K${r._row}` },
        source: { id: office.ssId },
        value: action,
        oldValue: "",
        triggerUid: guessedUid,
      },
    ],
    // A form submission with every answer, and its row.
    [
      {
        authMode: "FULL",
        namedValues: Object.fromEntries(
          Object.entries(application({ "Surel pribadi": "penyusup@gmail.com" })).map(([k, v]) => [k, [v]]),
        ),
        values: Object.values(application({ "Surel pribadi": "penyusup@gmail.com" })),
        range: { rowStart: 2, a1: "A2:T2" },
        triggerUid: guessedUid,
      },
    ],
    // A time-driven event with a guessed trigger id, and with the sweep's real one (wrong function
    // for every entry point but the sweep, which is left out below).
    [{ authMode: "FULL", triggerUid: guessedUid, minute: 0, hour: 9, year: 2026, timezone: "Asia/Jakarta" }],
    [{ authMode: "FULL", triggerUid: sweepUid }],
  ];
}

describe("every top-level function of the bundle, called from the page", () => {
  test("the bundle's functions: the page's three and the guarded rest", () => {
    const guarded = office.emu.entryPoints.filter((f) => !isPublicEntryPoint(f));
    expect(office.emu.entryPoints.filter(isPublicEntryPoint).sort()).toEqual([
      "doGet",
      "fileComplaint",
      "lookupStatus",
    ]);
    // Today's privileged functions; a new one is covered by the next test without listing it here.
    expect(guarded).toEqual(
      expect.arrayContaining([
        "setup",
        "sweep",
        "verifyLog",
        "onFormSubmit",
        "onRegisterEdit",
        "doctorReport",
      ]),
    );
  });

  test("refuses every guarded function to both visitors, whatever the arguments; nothing changes; the refusals are recorded, at most ten an hour", async () => {
    const guarded = office.emu.entryPoints.filter((f) => !isPublicEntryPoint(f));
    const before = state();
    const errorsBefore = errorLog(office).length;
    const results: ExecutionResult[] = [];
    const sweepUid = office.emu.ws.triggers.find((t) => t.handler === "sweep")!.uid;
    for (const fn of guarded)
      for (const args of forgeries())
        for (const [, who] of VISITORS) {
          const usesSweepUid = JSON.stringify(args).includes(sweepUid);
          if (fn === "sweep" && usesSweepUid) continue; // the real id of its own trigger: see SECURITY.md
          const call = await webAppCall(office.emu, fn, args, who);
          expect(call.refused).toBe("");
          expect(call.ok, `${fn}(${JSON.stringify(args)}) by ${who.visitor ?? "anonymous"}`).toBe(false);
          expect(call.result!.error!.message).toBe(
            `${fn} ditolak: fungsi ini hanya dijalankan oleh pemicu Surel atau oleh akun layanan dari editor skrip, bukan dari halaman status atau oleh pemanggil lain. Tidak ada yang diubah.`,
          );
          results.push(call.result!);
        }
    expect(results.length).toBeGreaterThan(4 * REFUSALS_RECORDED_PER_HOUR);
    expect(state()).toBe(before);

    // Recorded in the error log: who, which function; the hour's limit said once, then only counted.
    const records = errorLog(office).slice(errorsBefore);
    const hours = new Set(results.map((r) => Math.floor(r.startMs / 3_600_000))).size;
    expect(records.length).toBeGreaterThanOrEqual(REFUSALS_RECORDED_PER_HOUR);
    expect(records.length).toBeLessThanOrEqual(REFUSALS_RECORDED_PER_HOUR * hours);
    const texts = records.map((r) => Object.values(r).join(" | "));
    expect(texts[0]).toMatch(
      catalogued("guard.record", { entry: guarded[0]!, who: t("id", "guard.anonymous"), effective: SERVICE }),
    );
    expect(texts[1]).toMatch(catalogued("guard.record", { who: KADIS }));
    expect(texts.filter((x) => x.includes(t("id", "guard.record_limit"))).length).toBeGreaterThanOrEqual(1);

    // The next hour's first refusal names how many calls the previous hour refused in all.
    const seenInLastHour = results.filter(
      (r) => Math.floor(r.startMs / 3_600_000) === Math.floor(results.at(-1)!.startMs / 3_600_000),
    ).length;
    const nextHour = (Math.floor(office.emu.ws.clockMs / 3_600_000) + 1) * 3_600_000 + 60_000;
    office.emu.ws.clockMs = nextHour; // no trigger runs: the clock is set, not advanced
    const again = await webAppCall(office.emu, "setup", []);
    expect(again.ok).toBe(false);
    const last = Object.values(errorLog(office).at(-1)!).join(" | ");
    expect(last).toContain(t("id", "guard.previous_hour", { count: seenInLastHour }));
  }, 240_000);

  test("the page's own functions serve both visitors", async () => {
    for (const [, who] of VISITORS) {
      const { output } = await webAppGet(office.emu, new URLSearchParams(), who);
      expect(output.getContent()).toContain('name="ticket"');
      const lookup = await webAppCall(office.emu, "lookupStatus", [{ ticket, code: "AAAA-AAAA-AAAA" }], who);
      expect(lookup.ok).toBe(true);
      expect(lookup.result!.returnValue).toMatchObject({ ok: false });
    }
    const complaint = await webAppCall(
      office.emu,
      "fileComplaint",
      [
        {
          name: "Rina",
          email: "rina.warga@gmail.com",
          ticket: "",
          text: "Formulir sulit dibuka dari ponsel saya.",
        },
      ],
      { visitor: KADIS },
    );
    expect(complaint.ok).toBe(true);
    expect(complaint.result!.returnValue).toMatchObject({ ok: true });
  });

  test("the page cannot send a Date, a function or a circular object, nor call a private function: no execution runs", async () => {
    const ran = office.emu.ledger.executions;
    const date = await webAppCall(office.emu, "lookupStatus", [{ ticket, code: new Date() }]);
    expect(date).toMatchObject({
      ok: false,
      result: null,
      refused: "Failed due to illegal value in property: code",
    });
    const fn = await webAppCall(office.emu, "onRegisterEdit", [{ range: { getA1Notation: () => "K2" } }]);
    expect(fn).toMatchObject({
      ok: false,
      result: null,
      refused: "Failed due to illegal value in property: getA1Notation",
    });
    const loop: Record<string, unknown> = { ticket };
    loop["self"] = loop;
    expect((await webAppCall(office.emu, "lookupStatus", [loop])).refused).toBe(
      "Failed due to illegal value in property: self",
    );
    expect((await webAppCall(office.emu, "lookupStatus_", [{}])).refused).toBe(
      "Script function not found: lookupStatus_",
    );
    expect(office.emu.ledger.executions).toBe(ran);
  });
});

describe("a viewer's library use of the project", () => {
  // Officials can view the project (its triggers fire only for people who can), and a viewer can
  // add a version of it as a library: its functions then run with the viewer's rights and the
  // project's Script Properties, with real objects as arguments (the runtime-event rule passes).
  test("every privileged function called with real objects and the viewer's rights is refused and changes nothing", async () => {
    const r = row(office, ticket);
    const action = actionChoices(office, ticket)[0]!;
    const realEdit = (): unknown => {
      const ss = openSpreadsheet(office.emu.ws, office.ssId);
      return {
        authMode: "FULL",
        range: ss.getSheetByName(SHEET_NAMES.register)!.getRange(r._row, 1),
        source: ss,
        value: action,
        oldValue: "",
      };
    };
    expect(office.emu.ws.projectAccess(KADIS)).toBe("view");
    const before = state();
    const privileged = office.emu.entryPoints.filter(
      (f) => !isPublicEntryPoint(f) && f !== "setup" && f !== "sweep",
    );
    expect(privileged).toEqual(
      expect.arrayContaining(["onRegisterEdit", "onFormSubmit", "verifyLog", "doctorReport"]),
    );
    for (const fn of privileged) {
      const res = await office.emu.run(fn, { as: KADIS, library: true, event: realEdit });
      expect(res.ok, fn).toBe(false);
      expect(res.error?.message, fn).toBe(
        `${fn} ditolak: fungsi ini berjalan dengan hak ${KADIS}, padahal Surel dipasang oleh akun layanan ${SERVICE} dan hanya berjalan dengan hak akun itu (misalnya bukan sebagai pustaka/library di proyek lain). Tidak ada yang diubah.`,
      );
    }
    expect(state()).toBe(before);
    // setup and sweep refuse the viewer themselves, each saying why.
    const setup = await office.emu.run("setup", { as: KADIS, library: true });
    expect(setup.returnValue).toMatchObject({ ok: false, refused: true });
    const sweep = await office.emu.run("sweep", { as: KADIS, library: true });
    expect((sweep.returnValue as { refused: string }).refused).toContain(`berjalan sebagai ${KADIS}`);
    expect(state()).toBe(before);
  });
});

describe("the genuine paths still run", () => {
  const triggerCalls = (r: ExecutionResult): number => r.calls["ScriptApp.getProjectTriggers"]?.count ?? 0;

  test("a form submission and a blank form event: the runtime event passes at no cost", async () => {
    const { results } = await submit(office, application({ "Surel pribadi": "pemohon.dua@gmail.com" }));
    expect(results.map((r) => [r.handler, r.ok])).toEqual([["onFormSubmit", true]]);
    expect(triggerCalls(results[0]!)).toBe(0);
    expect(results[0]!.calls["Session.getActiveUser"]).toBeUndefined();
    expect(register(office).some((r) => r.personalEmail === "pemohon.dua@gmail.com")).toBe(true);
    fireBlankFormSubmit(office.emu.ws, office.ssId);
    const blank = await office.emu.drain();
    expect(blank.map((r) => [r.handler, r.ok, r.returnValue])).toEqual([["onFormSubmit", true, null]]);
  });

  test("an official's edit: the runtime event passes at no cost", async () => {
    const seq = log(office).length;
    const results = await act(office, KADIS, ticket, actionChoices(office, ticket)[0]!);
    expect(results.map((r) => [r.handler, r.ok])).toEqual([["onRegisterEdit", true]]);
    expect(triggerCalls(results[0]!)).toBe(0);
    expect(log(office).length).toBe(seq + 1);
  });

  test("the time-driven sweep: its own trigger's id passes, for one call", async () => {
    const runs = await office.emu.advance(10 * 60_000);
    const sweeps = runs.filter((r) => r.handler === "sweep");
    expect(sweeps.length).toBeGreaterThan(0);
    for (const s of sweeps) {
      expect(s.ok).toBe(true);
      expect(s.returnValue).not.toHaveProperty("refused");
      expect(triggerCalls(s)).toBe(1);
    }
  });

  test("setup and verifyLog from the editor, and doctorReport, by the service account", async () => {
    const setup = await office.emu.run("setup");
    expect(setup.ok).toBe(true);
    // Setup ran (its own report, not the guard's refusal): the form it keeps is the same.
    expect(setup.returnValue).toMatchObject({ formId: office.formId });
    expect(setup.returnValue).not.toHaveProperty("refused");
    const verify = await office.emu.run("verifyLog");
    expect(verify.ok).toBe(true);
    const doctor = await office.emu.run("doctorReport");
    expect(doctor.ok).toBe(true);
    expect(doctor.returnValue).toMatchObject({ user: SERVICE, formId: office.formId });
  });
});
