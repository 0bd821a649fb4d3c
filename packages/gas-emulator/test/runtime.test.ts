import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiError, serviceError } from "../src/core.js";
import { COSTS, costEntry, costOf, costTableMarkdown, serviceOf } from "../src/costs.js";
import { registerDumper } from "../src/dump.js";
import { Emulator, TIME_LIMIT_MESSAGE, TOO_MANY_SCRIPTS, type ExecutionResult } from "../src/index.js";
import { inspectBundle } from "../src/runtime/bundle.js";
import { FakeChild, FakeMail, fake, tinyOptions } from "./fixtures/fake.js";
import { alternatives, Scheduler } from "../src/runtime/scheduler.js";
import { restoreProcessZoneAfterAll } from "./helpers.js";

restoreProcessZoneAfterAll();

function ok(r: ExecutionResult): unknown {
  if (!r.ok) throw new Error(`execution ${r.handler} failed: ${r.error?.name}: ${r.error?.message}`);
  return r.returnValue;
}

describe("loading the bundle", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions());
  });
  afterAll(() => emu.close());

  it("lists the top-level functions from a bare context and touches no service while loading", async () => {
    expect(emu.entryPoints).toEqual(expect.arrayContaining(["hello", "counter", "withLock", "writeSteps"]));
    expect(emu.bundle.globals).toEqual(["memo"]);
    const r = await emu.probeLoad();
    expect(r.ok).toBe(true);
    expect(r.callCount).toBe(0);
    expect(emu.ledger.snapshot().callCount).toBe(0);
  });

  it("refuses a bundle that does work at load", () => {
    expect(() =>
      inspectBundle("var sheet = SpreadsheetApp.getActiveSpreadsheet();\nfunction f() {}"),
    ).toThrow(/must not touch any service at top level/);
  });

  it("gives each execution a fresh context: no module state survives", async () => {
    expect(ok(await emu.run("counter"))).toBe(1);
    expect(ok(await emu.run("counter"))).toBe(1);
  });

  it("has only ES built-ins plus the services, and runs in the script time zone", async () => {
    expect(ok(await emu.run("environment"))).toEqual({
      require: "undefined",
      process: "undefined",
      Buffer: "undefined",
      setTimeout: "undefined",
      fetch: "undefined",
      console: "object",
      hourAtEpoch: 7,
      zone: "Asia/Jakarta",
    });
  });

  it("reuses a small pool of workers across executions", async () => {
    const threads = new Emulator(tinyOptions({ inline: false }));
    try {
      expect(ok(await threads.run("hello", { args: [-1] }))).toBe("halo -1");
      const before = threads.workers.spawned;
      expect(before).toBe(1);
      for (let i = 0; i < 30; i++) expect(ok(await threads.run("hello", { args: [i] }))).toBe(`halo ${i}`);
      expect(threads.workers.spawned).toBe(before);
      expect(threads.workers.alive).toBeLessThanOrEqual(2);
    } finally {
      await threads.close();
    }
  });

  it("runs an execution that runs alone in the host thread, and one of each concurrent batch", async () => {
    const before = emu.workers.spawned;
    for (let i = 0; i < 3; i++) expect(ok(await emu.run("hello", { args: [i] }))).toBe(`halo ${i}`);
    expect(emu.workers.spawned).toBe(before);
    const three = await emu.runConcurrently([0, 1, 2].map((i) => ({ handler: "hello", args: [i] })));
    expect(three.map(ok)).toEqual(["halo 0", "halo 1", "halo 2"]);
    expect(emu.workers.spawned).toBe(Math.max(before, 2));
  });

  it("reports a missing function with Apps Script's text", async () => {
    const r = await emu.run("nope");
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: "Exception", message: "Script function not found: nope" });
  });

  it("runs promise callbacks before the execution ends", async () => {
    emu.reset();
    expect(ok(await emu.run("promiseWork"))).toBe("sync");
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["microtask"]);
  });
});

describe("marshalling", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions());
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  it("builds values in the script's realm and sends Dates and arrays back as they are", async () => {
    const v = ok(await emu.run("values")) as Record<string, unknown>;
    expect(v).toMatchObject({ arrays: true, object: true, date: true, nested: 3, undef: true });
    const echoed = fake(emu.ws).lastEcho as { when: Date; list: unknown[]; obj: { k: number[] } };
    expect(echoed.when).toBeInstanceOf(Date);
    expect(echoed.when.getTime()).toBe(7);
    expect(echoed.list).toEqual([1, "a", null, true]);
    expect(v.echo).toEqual({ when: new Date(7), list: [1, "a", null, true], obj: { k: [2] } });
  });

  it("turns GasObjects into proxies with their methods and properties only", async () => {
    expect(ok(await emu.run("handles"))).toEqual({
      names: ["a", "b"],
      same: true,
      isA: true,
      label: "FakeChild",
      kind: "A",
      sub: "sub",
      hasMethod: true,
      hasPrivate: false,
      json: "{}",
    });
  });

  it("makes unknown members throw 'not emulated: Class.member'", async () => {
    expect(ok(await emu.run("notEmulated"))).toEqual({
      name: "Error",
      message: "not emulated: Fake.nope",
      isError: true,
    });
    expect(ok(await emu.run("assignToChild"))).toBe("not emulated: FakeChild.color (assignment)");
  });

  it("rethrows service errors with their name, message, details and Apps Script's text", async () => {
    expect(ok(await emu.run("failing", { args: ["service"] }))).toEqual({
      name: "Exception",
      message: "We're sorry, a server error occurred. Please wait a bit and try again.",
      text: "Exception: We're sorry, a server error occurred. Please wait a bit and try again.",
      details: null,
      isError: true,
    });
    expect(ok(await emu.run("failing", { args: ["api"] }))).toEqual({
      name: "GoogleJsonResponseException",
      message: "API call to directory.users.insert failed with error: Entity already exists.",
      text: "GoogleJsonResponseException: API call to directory.users.insert failed with error: Entity already exists.",
      details: {
        code: 409,
        message: "Entity already exists.",
        reason: "duplicate",
        errors: [{ message: "Entity already exists.", domain: "global", reason: "duplicate" }],
      },
      isError: true,
    });
  });

  it("reports errors that escape the script, and host bugs separately", async () => {
    const r = await emu.run("uncaught");
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: "Exception", message: expect.stringMatching(/^We're sorry/) });
    expect(r.hostErrors).toEqual([]);
    const own = await emu.run("throwsOwn");
    expect(own.error).toMatchObject({ name: "TypeError", message: "script bug" });
    const bug = await emu.run("failing", { args: ["bug"] });
    expect(bug.returnValue).toMatchObject({ name: "TypeError", message: "host bug" });
    expect(bug.hostErrors.join("\n")).toMatch(/Fake\.fail: TypeError: host bug/);
  });

  it("forwards property assignments to gasSet and reads them back script-side", async () => {
    const v = ok(await emu.run("assign")) as { back: string; title: string; rendered: string };
    expect(v.back).toBe("Ani");
    expect(v.title).toBe("Surat");
    expect(JSON.parse(v.rendered)).toEqual({ data: { nama: "Ani" }, title: "Surat" });
    expect(emu.ledger.of("FakeTemplate.data=")).toEqual({ count: 1, ms: 0 });
  });

  it("passes host objects in as arguments and returns proxies as the host objects", async () => {
    const f = fake(emu.ws);
    const q = f.child("q");
    const v = ok(await emu.run("takesArgs", { args: [q, [1, new Date(3)]] })) as Record<string, unknown>;
    expect(v).toEqual({ name: "q", list: [1, new Date(3)], isChild: true });
    const back = ok(await emu.run("returnHandle"));
    expect(back).toBeInstanceOf(FakeChild);
    expect(back).toBe(f.children.get("z"));
  });

  it("builds event objects with the same rules", async () => {
    const f = fake(emu.ws);
    const r = await emu.run("onEvent", { event: () => ({ source: f.child("src"), n: 3, when: new Date() }) });
    expect(ok(r)).toEqual({ source: "src", n: 3, when: true });
  });

  it("captures console and Logger output in the execution's log", async () => {
    const r = await emu.run("logs");
    expect(r.logs.map((l) => [l.level, l.source, l.message.split("\n")[0]])).toEqual([
      ["log", "console", 'satu 2 {"a":1}'],
      ["warn", "console", "awas api"],
      ["info", "Logger", "angka 3"],
      ["error", "console", "Error: rusak"],
    ]);
    expect(r.returnValue).toMatch(/^\[26-11-23 08:00:00:\d{3} GMT\+7\] angka 3\n$/);
  });
});

describe("virtual time and the cost model", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions());
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  it("gives the script the execution's virtual time through Date", async () => {
    const start = emu.ws.clockMs;
    expect(ok(await emu.run("clockTimes"))).toEqual({
      a: start,
      d: start,
      b: start + 10,
      isDate: true,
      called: "string",
      local: Date.UTC(2026, 0, 1, 20, 4),
      parsed: Date.UTC(2026, 0, 2, 3, 4),
    });
  });

  it("charges each call its modelled latency, per execution and in the ledger", async () => {
    const start = emu.ws.clockMs;
    const r = await emu.run("pings", { args: [5] });
    expect(r.calls).toEqual({ "Fake.ping": { count: 5, ms: 50 } });
    expect(r.services).toEqual({ Fake: { count: 5, ms: 50 } });
    expect(r.modelledMs).toBe(50);
    expect([r.startMs, r.endMs]).toEqual([start, start + 50]);
    expect(emu.ws.clockMs).toBe(start + 50);
    expect(r.trace.map((c) => c.index)).toEqual([1, 2, 3, 4, 5]);
    await emu.run("pings", { args: [2] });
    expect(emu.ledger.of("Fake.ping")).toEqual({ count: 7, ms: 70 });
    expect(emu.ledger.snapshot()).toMatchObject({ executions: 2, callCount: 7, modelledMs: 70 });
  });

  it("keeps one cost table with a figure and a source for every entry", () => {
    for (const [key, e] of Object.entries(COSTS)) {
      expect(e.ms, key).toBeGreaterThanOrEqual(0);
      expect(e.source.length, key).toBeGreaterThan(10);
    }
    expect(COSTS["Range.getValues"]).toMatchObject({ ms: 159, published: true });
    expect(COSTS["Properties.getProperty"]).toMatchObject({ ms: 30, published: true });
    expect(COSTS["AdminDirectory.Users.insert"]?.published).toBe(false);
    expect(costOf("Sheet.hideSheet")).toBe(COSTS["Sheet.*"]!.ms);
    expect(costEntry("Paragraph.setBold").key).toBe("service:DocumentApp");
    expect(costEntry("Nothing.known").key).toBe("*");
    expect(costOf("HtmlTemplate.data=")).toBe(0);
    expect(costOf("Range.getValues", { "Range.getValues": 5 })).toBe(5);
    expect(serviceOf("AdminDirectory.Users")).toBe("AdminDirectory");
    expect(serviceOf("Range")).toBe("SpreadsheetApp");
    expect(serviceOf("MultipleChoiceItem")).toBe("FormApp");
    expect(costTableMarkdown().split("\n")).toHaveLength(Object.keys(COSTS).length + 2);
  });

  it("documents every cost entry in docs/EMULATOR-runtime.md", () => {
    const doc = readFileSync(new URL("../docs/EMULATOR-runtime.md", import.meta.url), "utf8");
    for (const key of Object.keys(COSTS)) expect(doc, key).toContain(`\`${key}\``);
  });
});

describe.each([
  { where: "in the host thread", inline: true },
  { where: "in a worker thread", inline: false },
])("time limits ($where)", ({ inline }) => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions({ inline }));
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  it("fails the call that would cross 6 minutes and terminates the execution", async () => {
    await emu.run("counter");
    const spawned = emu.workers.spawned;
    const r = await emu.run("catchTimeLimit");
    expect(r.ok).toBe(false);
    expect(r.killed).toBe("timeLimit");
    expect(r.error).toEqual({ name: "Exception", message: TIME_LIMIT_MESSAGE });
    expect(r.callCount).toBe(361);
    expect(r.trace.at(-1)!.outcome).toBe("killed");
    expect(r.endMs - r.startMs).toBe(360_000);
    expect(fake(emu.ws).writes).toEqual([]); // the script could not catch it and carry on
    expect(ok(await emu.run("hello", { args: ["lagi"] }))).toBe("halo lagi");
    // A worker is replaced; an execution in the host thread needs none.
    expect(emu.workers.spawned).toBe(inline ? 0 : spawned + 1);
  });

  it("gives simple triggers 30 seconds", async () => {
    const r = await emu.run("slowCalls", { args: [100], kind: "simple" });
    expect(r.killed).toBe("timeLimit");
    expect(r.callCount).toBe(31);
    expect(r.endMs - r.startMs).toBe(30_000);
  });

  it("ends an execution whose call itself runs past the limit", async () => {
    const r = await emu.run("sleepy", { args: [400_000] });
    expect(r.killed).toBe("timeLimit");
    expect(r.endMs - r.startMs).toBe(360_000);
  });
});

describe("the watchdog", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions({ watchdogMs: 1000, inline: false }));
  });
  afterAll(() => emu.close());

  it("kills a script that loops without calling any service (watchdog) and carries on", async () => {
    const r = await emu.run("forever");
    expect(r.killed).toBe("watchdog");
    expect(r.error?.message).toBe(TIME_LIMIT_MESSAGE);
    expect(ok(await emu.run("counter"))).toBe(1);
  });

  it("fails the batch of an endless loop in the host thread instead of hanging", async () => {
    const inline = new Emulator(tinyOptions({ inlineWatchdogMs: 500 }));
    try {
      await expect(inline.run("forever")).rejects.toThrow(
        /forever ran in the host thread for more than 500 ms/,
      );
      expect(ok(await inline.run("counter"))).toBe(1);
      expect(inline.workers.spawned).toBe(0);
    } finally {
      await inline.close();
    }
  });
});

describe("fault injection", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions());
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  it("fails calls before they take effect, N times", async () => {
    emu.faults.inject("Fake.write", {
      times: 2,
      error: apiError("sheets.write", "Service unavailable", 503),
    });
    const r = await emu.run("retryWrite");
    expect(r.returnValue).toBe(3);
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["try3"]);
    expect(r.logs.map((l) => l.message)).toEqual([
      "API call to sheets.write failed with error: Service unavailable",
      "API call to sheets.write failed with error: Service unavailable",
    ]);
    expect(emu.faults.log.map((f) => [f.key, f.when])).toEqual([
      ["Fake.write", "before"],
      ["Fake.write", "before"],
    ]);
  });

  it("loses the reply of a call that took effect ('after')", async () => {
    emu.faults.inject("Fake.write", { error: serviceError("Timeout"), when: "after" });
    expect(ok(await emu.run("writeOnce"))).toBe("Timeout");
    expect(fake(emu.ws).value).toBe(5);
  });

  it("matches by handler, class wildcard, position and skip", async () => {
    emu.faults.inject("Fake.write", { error: serviceError("x"), handler: "somethingElse", times: Infinity });
    expect(ok(await emu.run("writeOnce"))).toBe("ok");
    emu.faults.inject("Fake.*", { error: serviceError("second write"), nth: 2 });
    const r = await emu.run("writeSteps");
    expect(r.error?.message).toBe("second write");
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["once", "a"]);
    emu.faults.inject("*", { error: serviceError("third"), skip: 2 });
    expect((await emu.run("writeSteps")).error?.message).toBe("third");
  });

  it("kills an execution at its Nth call, before or after the call takes effect", async () => {
    emu.faults.killAt(2);
    const before = await emu.run("writeSteps");
    expect(before).toMatchObject({ ok: false, killed: "fault", error: { message: TIME_LIMIT_MESSAGE } });
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["a"]);

    emu.reset();
    emu.faults.killAt(2, { when: "after", handler: "writeSteps" });
    await emu.run("writeSteps");
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["a", "b"]);
  });

  it("can kill at every call of a handler in turn, by global index", async () => {
    const first = await emu.run("writeSteps");
    expect(first.trace.map((c) => c.index)).toEqual([1, 2, 3]);
    for (let n = 1; n <= first.callCount; n++) {
      emu.reset();
      emu.faults.killAt(n, { global: true, handler: "writeSteps" });
      const r = await emu.run("writeSteps");
      expect(r.killed).toBe("fault");
      expect(fake(emu.ws).writes).toHaveLength(n - 1);
    }
  });

  it("refuses services that need authorization in simple triggers", async () => {
    const mail = emu.service<FakeMail>("Mail");
    const r = await emu.run("mailInSimple", { kind: "simple" });
    expect(r.error).toMatchObject({
      name: "Exception",
      message:
        "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
    });
    expect(mail.sent).toBe(0);
    expect((await emu.run("mailInSimple")).ok).toBe(true);
    expect(mail.sent).toBe(1);
  });
});

describe("concurrency and scheduling", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator(tinyOptions({ maxSimultaneousPerUser: 2 }));
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  const twoRacers = [
    { handler: "withoutLock", args: ["A"] },
    { handler: "withoutLock", args: ["B"] },
  ];

  it("interleaves executions at service calls by virtual time: both read before either writes", async () => {
    const rs = await emu.runConcurrently(twoRacers);
    expect(rs.map((r) => r.returnValue)).toEqual(["A", "B"]);
    expect(fake(emu.ws).value).toBe(1); // a lost update
    expect(rs[0]!.startMs).toBe(rs[1]!.startMs);
  });

  it("runs them one after the other under the sticky policy", async () => {
    await emu.runConcurrently(twoRacers, { schedule: "sticky" });
    expect(fake(emu.ws).value).toBe(2);
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["A", "B"]);
  });

  it("follows an explicit schedule and records it for replay", async () => {
    await emu.runConcurrently(twoRacers, { schedule: { choices: [1, 1, 1, 0, 0, 0] } });
    expect(fake(emu.ws).writes.map((w) => w.tag)).toEqual(["B", "A"]);
    expect(fake(emu.ws).value).toBe(2);
  });

  it("is reproducible for a seed with the random policy", async () => {
    const orders: string[] = [];
    for (let i = 0; i < 2; i++) {
      emu.reset();
      await emu.runConcurrently(
        [1, 2, 3].map((n) => ({ handler: "writeSteps", as: `u${n}@contohkota.go.id` })),
        { schedule: "random" },
      );
      orders.push(
        fake(emu.ws)
          .writes.map((w) => `${w.execId}:${w.value}`)
          .join(" "),
      );
    }
    expect(orders[0]).toBe(orders[1]);
  });

  it("refuses a 31st simultaneous execution of one user (limit lowered to 2 here)", async () => {
    const rs = await emu.runConcurrently([...twoRacers, { handler: "withoutLock", args: ["C"] }]);
    expect(rs.map((r) => r.ok)).toEqual([true, true, false]);
    expect(rs[2]).toMatchObject({ rejected: true, error: { name: "Exception", message: TOO_MANY_SCRIPTS } });
    emu.reset();
    const others = await emu.runConcurrently([
      ...twoRacers,
      { handler: "withoutLock", args: ["C"], as: "kasi@contohkota.go.id" },
    ]);
    expect(others.every((r) => r.ok)).toBe(true);
  });

  it("ends the executions in flight when a batch fails, and carries on", async () => {
    await expect(emu.runConcurrently(twoRacers, { schedule: { choices: [0, 7] } })).rejects.toThrow(
      /not runnable/,
    );
    const rs = await emu.runConcurrently(twoRacers); // the per-user limit (2) is free again
    expect(rs.every((r) => r.ok)).toBe(true);
  });

  it("drains queued executions in due order, including those queued meanwhile", async () => {
    const f = fake(emu.ws);
    const t0 = emu.ws.clockMs;
    f.queue("spawnOne");
    f.queue("counter");
    emu.ws.pending[1]!.dueMs = t0 + 50;
    const rs = await emu.drain();
    // spawnOne queues hello at its own virtual time (t0 + 100), after counter is due (t0 + 50)
    expect(rs.map((r) => [r.handler, r.returnValue, r.cause])).toEqual([
      ["spawnOne", "spawned", "test"],
      ["counter", 1, "test"],
      ["hello", "halo [object Object]", "test"],
    ]);
    expect(rs[0]!.startMs).toBe(t0);
    expect(rs[1]!.startMs).toBe(rs[0]!.endMs); // one at a time: it waited for the first
    expect(rs[2]!.startMs).toBe(rs[1]!.endMs);
    expect(emu.ws.pending).toHaveLength(0);
  });

  it("reports an event that cannot be built and goes on with the queue", async () => {
    const f = fake(emu.ws);
    f.queue("counter");
    emu.ws.pending[0]!.event = () => {
      throw new Error("broken event");
    };
    f.queue("counter");
    const rs = await emu.drain();
    expect(rs.map((r) => r.ok)).toEqual([false, true]);
    expect(rs[0]!.error?.message).toBe("broken event");
    expect(rs[0]!.hostErrors.join()).toMatch(/broken event/);
  });

  it("explores every schedule within a preemption bound", async () => {
    const zero = await emu.explore({
      maxPreemptions: 0,
      scenario: async (e) => {
        await e.runConcurrently(twoRacers);
        return fake(e.ws).value;
      },
    });
    expect(zero.runs.map((r) => r.value)).toEqual([2, 2]);
    expect(zero.runs.map((r) => r.schedule.slice(0, 3))).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
    const one = await emu.explore({
      maxPreemptions: 1,
      scenario: async (e) => {
        await e.runConcurrently(twoRacers);
        return fake(e.ws).value;
      },
    });
    expect(one.truncated).toBe(false);
    expect(one.runs.every((r) => r.preemptions <= 1)).toBe(true);
    expect(new Set(one.runs.map((r) => r.schedule.join(""))).size).toBe(one.runs.length);
    expect(one.runs.map((r) => r.value)).toContain(1); // the lost update is found
    expect(one.runs.length).toBeGreaterThan(zero.runs.length);
  });
});

describe("scheduler", () => {
  it("picks the earliest virtual time and counts preemptions", () => {
    const s = new Scheduler("time", 3);
    const a = s.pick(
      [
        { ordinal: 0, time: 50, kind: "call" },
        { ordinal: 1, time: 20, kind: "call" },
      ],
      0,
    );
    expect(a.ordinal).toBe(1);
    expect(s.trace[0]).toEqual({ candidates: [0, 1], chosen: 1, last: 0, preemption: true });
    expect(() => new Scheduler({ choices: [4] }).pick([{ ordinal: 0, time: 0, kind: "call" }], null)).toThrow(
      /not runnable/,
    );
  });

  it("lists alternatives only after the forced prefix and within the bound", () => {
    const trace = [
      { candidates: [0, 1], chosen: 0, last: null, preemption: false },
      { candidates: [0, 1], chosen: 0, last: 0, preemption: false },
      { candidates: [1], chosen: 1, last: 0, preemption: false },
    ];
    expect(alternatives(trace, 0, 0)).toEqual([[1]]);
    expect(alternatives(trace, 0, 1)).toEqual([[0, 1], [1]]);
    expect(alternatives(trace, 1, 1)).toEqual([[0, 1]]);
  });
});

describe("dump", () => {
  it("writes workspace.json and the files services register", async () => {
    const emu = new Emulator(tinyOptions());
    const dir = mkdtempSync(join(tmpdir(), "surel-dump-"));
    try {
      registerDumper("test-table", (ws) => ({
        json: { rows: 1, clock: ws.clockMs },
        files: { "Register.csv": "No,Nama\n1,Ani\n" },
      }));
      await emu.run("hello", { args: ["x"] });
      emu.ws.state.set("withJson", { toJSON: () => ({ shown: true }) });
      const files = emu.dump(dir);
      expect(files).toEqual(expect.arrayContaining(["workspace.json", join("test-table", "Register.csv")]));
      expect(readFileSync(join(dir, "test-table", "Register.csv"), "utf8")).toBe("No,Nama\n1,Ani\n");
      const doc = JSON.parse(readFileSync(join(dir, "workspace.json"), "utf8")) as Record<string, unknown>;
      expect(doc).toMatchObject({
        domain: "contohkota.go.id",
        ledger: { executions: 1 },
        services: { "test-table": { rows: 1 }, withJson: { shown: true } },
      });
      expect(doc.services).toHaveProperty("script");
      expect(doc.services).toHaveProperty("lock");
    } finally {
      registerDumper("test-table", () => null);
      rmSync(dir, { recursive: true, force: true });
      await emu.close();
    }
  });
});
