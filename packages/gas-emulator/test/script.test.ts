import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Emulator } from "../src/index.js";
import { fake, tinyOptions } from "./fixtures/fake.js";
import { formatLog, harnessLog, type LoggerService } from "../src/services/logger.js";
import {
  MAX_TRIGGERS_PER_USER,
  ONE_SHOT_LATENESS_MS,
  TOO_MANY_TRIGGERS,
  triggerTable,
} from "../src/services/script.js";
import type { SessionService } from "../src/services/session.js";
import { restoreProcessZoneAfterAll } from "./helpers.js";

restoreProcessZoneAfterAll();

const OWNER = "admin@contohkota.go.id";
const MINUTE = 60_000;

let emu: Emulator;
beforeAll(() => {
  emu = new Emulator(tinyOptions());
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

async function install(): Promise<{ handler: string; type: string; uid: string }[]> {
  const r = await emu.run("installTriggers", { args: ["SS1"] });
  if (!r.ok) throw new Error(String(r.error?.message));
  return r.returnValue as { handler: string; type: string; uid: string }[];
}

describe("ScriptApp triggers", () => {
  it("creates spreadsheet and clock triggers owned by the effective user", async () => {
    const list = await install();
    expect(list.map(({ uid: _uid, ...t }) => t)).toEqual([
      { handler: "onSubmit", type: "ON_FORM_SUBMIT", source: "SPREADSHEETS", sourceId: "SS1", clock: false },
      { handler: "onEditInstalled", type: "ON_EDIT", source: "SPREADSHEETS", sourceId: "SS1", clock: false },
      { handler: "sweep", type: "CLOCK", source: "CLOCK", sourceId: null, clock: true },
      { handler: "daily", type: "CLOCK", source: "CLOCK", sourceId: null, clock: true },
    ]);
    expect(new Set(list.map((t) => t.uid)).size).toBe(4);
    for (const t of list) expect(t.uid).toMatch(/^\d{10}$/);
    expect(emu.ws.triggers.map((t) => t.owner)).toEqual([OWNER, OWNER, OWNER, OWNER]);
    // installing again replaces them (the script deletes its own first)
    await install();
    expect(emu.ws.triggers).toHaveLength(4);
  });

  it("fires installable triggers as their owner; the active user is hidden across domains", async () => {
    const list = await install();
    emu.ws.fire("ON_FORM_SUBMIT", "SS1", "pemohon@gmail.com", (uid, authMode) => ({
      triggerUid: uid,
      authMode,
    }));
    emu.ws.fire("ON_FORM_SUBMIT", "SS1", "kasi@contohkota.go.id", (uid, authMode) => ({
      triggerUid: uid,
      authMode,
    }));
    emu.ws.fire("ON_FORM_SUBMIT", "OTHER", "kasi@contohkota.go.id", () => ({}));
    const rs = await emu.drain();
    expect(rs).toHaveLength(2);
    const submitUid = list.find((t) => t.handler === "onSubmit")!.uid;
    expect(rs.map((r) => [r.handler, r.kind, r.triggerUid])).toEqual([
      ["onSubmit", "installable", submitUid],
      ["onSubmit", "installable", submitUid],
    ]);
    const [outsider, colleague] = rs.map((r) => r.returnValue as Record<string, unknown>);
    expect(outsider).toMatchObject({ active: "", effective: OWNER, triggerUid: submitUid, authMode: "FULL" });
    expect(colleague).toMatchObject({ active: "kasi@contohkota.go.id", effective: OWNER });
  });

  it("fires the simple onEdit (LIMITED, 30 s) next to the installable one", async () => {
    await install();
    // Simple triggers belong to a bound project: this one is bound to SS1.
    emu.ws.project.boundTo = "SS1";
    emu.ws.fire("ON_EDIT", "SS1", "kasi@contohkota.go.id", (uid, authMode) => ({
      triggerUid: uid,
      authMode,
    }));
    const rs = await emu.drain();
    expect(rs.map((r) => [r.handler, r.kind, r.authMode])).toEqual([
      ["onEdit", "simple", "LIMITED"],
      ["onEditInstalled", "installable", "FULL"],
    ]);
    expect(rs[0]!.returnValue).toEqual({
      simple: true,
      active: "kasi@contohkota.go.id",
      authMode: "LIMITED",
    });
    expect(rs[1]!.returnValue).toMatchObject({ active: "kasi@contohkota.go.id", effective: OWNER });
  });

  it("refuses trigger management in simple triggers", async () => {
    const r = await emu.run("onceLater", { args: [1000], kind: "simple" });
    expect(r.error?.message).toBe(
      "You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp",
    );
  });

  it("limits each user to 20 triggers with Apps Script's message", async () => {
    await install();
    const r = await emu.run("tooMany");
    expect(r.returnValue).toEqual({ created: MAX_TRIGGERS_PER_USER - 4, message: TOO_MANY_TRIGGERS });
    expect(TOO_MANY_TRIGGERS).toBe(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
    const other = await emu.run("tooMany", { as: "kasi@contohkota.go.id" });
    expect(other.returnValue).toEqual({ created: MAX_TRIGGERS_PER_USER, message: TOO_MANY_TRIGGERS });
    expect(emu.ws.triggers).toHaveLength(40);
  });

  it("validates clock schedules", async () => {
    const r = await emu.run("badSchedules");
    expect(r.returnValue).toEqual([
      "Invalid argument: minutes. Must be 1, 5, 10, 15 or 30.",
      "Invalid argument: hours. Must be 1, 2, 4, 6, 8 or 12.",
      "Clock trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, at or after.",
      "Trigger event type is missing: call onFormSubmit, onEdit, onOpen or onChange.",
    ]);
    expect(emu.ws.triggers).toEqual([]);
  });

  it("deletes the current user's triggers and lists them per container", async () => {
    await install();
    expect((await emu.run("deleteAll")).returnValue).toEqual([4, 0]);
    expect(emu.ws.triggers).toEqual([]);
    expect((await emu.run("triggersFor", { args: ["x"] })).returnValue).toEqual(["id-x"]);
    expect((await emu.run("triggersFor", { args: ["y"] })).returnValue).toEqual(["id-y"]);
    expect(triggerTable(emu.ws).map((t) => t.sourceId)).toEqual(["id-x", "id-y"]);
  });
});

describe("clock triggers and advance()", () => {
  it("runs a 10-minute trigger on time with the time-driven event shape", async () => {
    const t0 = emu.ws.clockMs;
    const list = await install();
    const sweepUid = list.find((t) => t.handler === "sweep")!.uid;
    const created = emu.ws.triggers.find((t) => t.uid === sweepUid)!.nextDueMs! - 10 * MINUTE;
    expect(created - t0).toBeLessThan(MINUTE); // created during the install execution
    const rs = await emu.advance(30 * MINUTE);
    const sweeps = rs.filter((r) => r.handler === "sweep");
    expect(sweeps.map((r) => r.startMs - created)).toEqual([10 * MINUTE, 20 * MINUTE, 30 * MINUTE]);
    expect(fake(emu.ws).value).toBe(3);
    expect(sweeps[0]).toMatchObject({
      kind: "installable",
      cause: "clock",
      effectiveUser: OWNER,
      triggerUid: sweepUid,
    });
    expect(sweeps[0]!.returnValue).toEqual({
      authMode: "FULL",
      "day-of-month": 23,
      "day-of-week": 1,
      hour: 8,
      minute: 10,
      month: 11,
      second: new Date(created).getUTCSeconds(),
      timezone: "Asia/Jakarta",
      triggerUid: sweepUid,
      "week-of-year": 48,
      year: 2026,
    });
    expect(emu.ws.clockMs).toBeGreaterThanOrEqual(created + 30 * MINUTE);
  });

  it("runs a daily atHour(7) trigger once a day within that hour", async () => {
    await install();
    const rs = await emu.advance(2 * 24 * 60 * MINUTE);
    const days = rs.filter((r) => r.handler === "daily").map((r) => r.returnValue as Record<string, number>);
    expect(days.map((e) => [e["day-of-month"], e["day-of-week"], e.hour])).toEqual([
      [24, 2, 7],
      [25, 3, 7],
    ]);
    expect(rs.filter((r) => r.handler === "sweep")).toHaveLength(2 * 24 * 6);
  });

  it("runs a one-shot after() trigger once, never sooner than asked, and keeps it listed", async () => {
    const run = await emu.run("onceLater", { args: [90_000] });
    const uid = run.returnValue as string;
    const rs = await emu.advance(10 * MINUTE);
    expect(rs.map((r) => [r.handler, r.triggerUid])).toEqual([["sweep", uid]]);
    expect(rs[0]!.startMs).toBeGreaterThanOrEqual(run.startMs + 90_000);
    expect(rs[0]!.startMs).toBeLessThanOrEqual(run.endMs + 90_000 + ONE_SHOT_LATENESS_MS);
    expect(emu.ws.triggers.find((t) => t.uid === uid)?.nextDueMs).toBeUndefined();
    expect(await emu.advance(60 * MINUTE)).toEqual([]);
  });

  it("fires a chained after() trigger while the execution that created it still runs", async () => {
    await emu.run("chainLink", { kind: "installable" });
    const rs = await emu.advance(30 * MINUTE, { concurrency: 30 });
    const links = rs.filter((r) => r.handler === "chainLink");
    expect(links.map((r) => r.returnValue)).toEqual([2, 3]);
    // The third link started before the second ended (each works four minutes).
    expect(links[1]!.startMs).toBeLessThan(links[0]!.endMs);
    // One at a time (concurrency 1), the successor waits for the slot.
    emu.reset();
    await emu.run("chainLink", { kind: "installable" });
    const serial = (await emu.advance(30 * MINUTE)).filter((r) => r.handler === "chainLink");
    expect(serial[1]!.startMs).toBeGreaterThanOrEqual(serial[0]!.endMs);
  });

  it("fires only the clock triggers a test asks for", async () => {
    await install();
    const run = await emu.run("onceLater", { args: [60_000] });
    const rs = await emu.advance(30 * MINUTE, { only: (t) => t.uid === run.returnValue });
    expect(rs.map((r) => r.triggerUid)).toEqual([run.returnValue]);
  });
});

describe("Session and Logger", () => {
  it("tells who runs the script, the zone and the locale", async () => {
    const r = await emu.run("sessionInfo", { as: "kabid@contohkota.go.id" });
    const info = r.returnValue as Record<string, unknown>;
    expect(info).toMatchObject({
      active: "kabid@contohkota.go.id",
      effective: "kabid@contohkota.go.id",
      tz: "Asia/Jakarta",
      locale: "id",
      enums: ["FULL", "SPREADSHEETS", "MONDAY"],
    });
    expect(info.scriptId).toMatch(/^[\w-]{57}$/);
    expect(info.token).toMatch(/^ya29\./);
    const again = (await emu.run("sessionInfo", { as: "kabid@contohkota.go.id" })).returnValue as Record<
      string,
      unknown
    >;
    const other = (await emu.run("sessionInfo", { as: "kasi@contohkota.go.id" })).returnValue as Record<
      string,
      unknown
    >;
    expect(again.key).toBe(info.key);
    expect(other.key).not.toBe(info.key);
    const session = emu.service<SessionService>("Session");
    expect(session.getEffectiveUser().getEmail()).toBe(OWNER);
    expect(session.getActiveUser().getEmail()).toBe(OWNER);
  });

  it("keeps one Logger log per execution", async () => {
    const first = await emu.run("loggerTwice");
    const second = await emu.run("loggerTwice");
    for (const r of [first, second]) expect(r.returnValue).toMatch(/^\[[^\]]+\] sekali\n$/);
    const logger = emu.service<LoggerService>("Logger");
    logger.log("dari %s: %d", "harness", 2.9);
    expect(harnessLog(emu.ws).at(-1)).toMatch(/\] dari harness: 2$/);
  });

  it("formats like Logger.log(format, values…)", () => {
    expect(formatLog("a %s b %d c %.2f %%", ["x", 3.7, 1])).toBe("a x b 3 c 1.00 %");
    expect(formatLog({ a: [1] }, [])).toBe('{"a":[1]}');
    expect(formatLog("%s", [])).toBe("%s");
  });
});
