/**
 * The emulator's front door: a Workspace with every service installed, a built Apps Script bundle
 * run in worker threads, a virtual clock, a cost ledger, fault injection and a
 * seeded scheduler.
 *
 *   const emu = new Emulator({ bundle: "dist/Code.js", scriptTimeZone: "Europe/Paris" });
 *   // set up by hand through emu.globals / emu.ws (outside any execution)
 *   const r = await emu.run("setup");               // one execution
 *   await emu.drain({ concurrency: 4 });            // every execution events have queued
 *   await emu.advance(60 * 60_000);                 // an hour passes: clock triggers fire
 *   await emu.close();
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ExecContext } from "./core.js";
import { dumpWorkspace } from "./dump.js";
import { parseMs } from "./costs.js";
import { inspectBundle, type BundleInfo } from "./runtime/bundle.js";
import { requiredScope } from "./runtime/auth.js";
import { Engine } from "./runtime/engine.js";
import {
  MAX_SIMULTANEOUS_PER_USER,
  type BatchSource,
  type ExecSpec,
  type ExecutionResult,
} from "./runtime/execution.js";
import { Faults } from "./runtime/faults.js";
import { Ledger } from "./runtime/ledger.js";
import { InlineRunner, WorkerPool } from "./runtime/pool.js";
import { cloneWorkspace, deepCopy } from "./runtime/snapshot.js";
import { Scheduler, alternatives, type SchedulePolicy } from "./runtime/scheduler.js";
import { installAll } from "./services/index.js";
import { fireClockTriggers, nextClockDue, type ClockFilter } from "./services/script.js";
import { Workspace, processTimeZone, type AdvancedService, type WorkspaceOptions } from "./workspace.js";

export type { ExecutionResult, LogEntry, CallRecord } from "./runtime/execution.js";
export type { SchedulePolicy, Decision } from "./runtime/scheduler.js";
export type { FaultSpec, KillSpec, CallInfo, FiredFault } from "./runtime/faults.js";
export type { LedgerSnapshot, Tally } from "./runtime/ledger.js";
export { Faults, TIME_LIMIT_MESSAGE } from "./runtime/faults.js";
export { Ledger } from "./runtime/ledger.js";
export { TIME_LIMIT_MS, SIMPLE_TRIGGER_LIMIT_MS, TOO_MANY_SCRIPTS } from "./runtime/execution.js";
export { registerDumper } from "./dump.js";
export type {
  Workspace,
  WorkspaceOptions,
  TriggerRecord,
  PendingExecution,
  ScriptProject,
  AdvancedService,
} from "./workspace.js";
export type { ExecContext, Identity } from "./core.js";
export { GasError, apiError, serviceError } from "./core.js";
export { callCost, parseMs } from "./costs.js";
export { processTimeZone } from "./workspace.js";

/**
 * Makes `zone` the process's time zone (process.env.TZ): the executions' V8, in this thread or a
 * worker, formats and parses dates in the process's zone, which Node reads from TZ. Throws on a
 * zone the runtime does not know.
 */
export function useProcessTimeZone(zone: string): void {
  if (processTimeZone() === zone) return;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    throw new Error(`emulator: unknown time zone ${zone}`);
  }
  process.env.TZ = zone;
}

export interface EmulatorOptions extends WorkspaceOptions {
  /** Path of the built bundle (one of `bundle` and `code` is required). */
  bundle?: string;
  /** The bundle's source, instead of a path (tests with a tiny hand-written bundle). */
  code?: string;
  /** The file name stack traces show (default the bundle's base name). */
  filename?: string;
  /** The service globals (default: every service, services/index.ts installAll). */
  services?: (ws: Workspace) => Record<string, unknown>;
  /** More globals for tests (fake services), added after `services`. */
  extraGlobals?: (ws: Workspace) => Record<string, unknown>;
  /** Idle workers kept between batches (default 2). More start on demand for concurrency. */
  workers?: number;
  /** Cost table overrides: "Class.method" (or any key of costs.ts) → ms. */
  costs?: Record<string, number>;
  /** Modelled load time of the bundle per execution (default: by its size, costs.ts parseMs). */
  parseMs?: number;
  /** Simultaneous executions per user (default 30, the Apps Script limit). */
  maxSimultaneousPerUser?: number;
  /** Real time a script may run between two service calls before it is killed (an endless loop). Default 30 s. */
  watchdogMs?: number;
  /**
   * Run a batch that has room for one execution at a time (`run`, `drain` and `advance` at
   * concurrency 1) in the host thread instead of a worker (default true): nothing else can run
   * between its calls, so a thread round trip per call buys nothing. Its endless loop is stopped
   * by `inlineWatchdogMs` of real time for the whole execution (default 5 minutes) instead of
   * `watchdogMs` between two calls. False: every execution runs in a worker thread.
   */
  inline?: boolean;
  inlineWatchdogMs?: number;
  /** Default scheduling policy (default "time"). */
  schedule?: SchedulePolicy;
  /**
   * Anyone may run the bundle's functions (tests of other services that run functions as several
   * people). Default false: only the project's owner and editors can run them (docs/EMULATOR-runtime.md).
   */
  openProject?: boolean;
}

export interface RunOptions {
  /** The active user (default: the owner). */
  as?: string;
  /** Whose authority it runs with (default: the owner for installable triggers, else the active user). */
  effectiveUser?: string;
  /** Arguments of the function (marshalled; host GasObjects become handles). */
  args?: unknown[];
  /** Builds the event object, the only argument, when the execution starts (instead of args). */
  event?: () => unknown;
  /** Why it runs (default "run": a menu action or the editor's Run button). */
  kind?: ExecContext["kind"];
  /** Virtual start time (default: now). */
  atMs?: number;
  triggerUid?: string;
  cause?: string;
  schedule?: SchedulePolicy;
  /**
   * Runs the function the way another project that added this one as a library would: documented,
   * a library's code runs with the authority of the user running the calling script, and anyone who
   * can view the project can add a version of it as a library. So view access suffices, and the
   * caller can pass real objects (`event`). The library's Script Properties are its own (documented).
   */
  library?: boolean;
}

export interface ConcurrentSpec extends Omit<RunOptions, "schedule"> {
  handler: string;
}

export interface DrainOptions {
  /** How many executions may be in flight at once (default 1: one after another). */
  concurrency?: number;
  schedule?: SchedulePolicy;
  /** Safety limit on the number of executions one drain runs (default 10,000). */
  maxExecutions?: number;
}

export interface AdvanceOptions extends DrainOptions {
  /** Fire only the clock triggers this accepts (a test that drives the others by hand). */
  only?: ClockFilter;
  /**
   * Stop as soon as nothing is left to run before `t`: the clock stays where the last execution
   * ended instead of moving on to `t` (to run a chain of triggers to its end).
   */
  untilIdle?: boolean;
}

export interface ExploreOptions<T> {
  /** Fresh workspace options for every run (default: the emulator's). */
  workspace?: WorkspaceOptions;
  /**
   * Builds the starting state on the fresh workspace (by hand, through emu.globals / emu.ws). It
   * runs once: every schedule starts from a snapshot of the state it left (so it must leave
   * nothing pending and its own variables must stay valid for every run).
   */
  setup?: (emu: Emulator) => void | Promise<void>;
  /** False: run `setup` again before every schedule instead of restoring its snapshot. */
  snapshot?: boolean;
  /** Runs the executions (runConcurrently / drain), and returns what the test wants to check. */
  scenario: (emu: Emulator) => Promise<T>;
  /** At most this many preemptions per schedule. */
  maxPreemptions: number;
  /** Stop after this many runs (default 5,000): `truncated` then says so. */
  maxRuns?: number;
}

/** The state of an emulator at one moment (see `Emulator.snapshot`). */
export interface EmulatorSnapshot {
  readonly ws: Workspace;
  readonly ledger: Ledger;
  readonly batches: number;
}

export interface ExploreRun<T> {
  /** The choices made (ordinals), replayable with `{ schedule: { choices } }`. */
  schedule: number[];
  preemptions: number;
  value?: T;
  error?: unknown;
}

export interface ExploreReport<T> {
  runs: ExploreRun<T>[];
  truncated: boolean;
}

/** The enabled advanced services of the manifest beside a bundle file, or null without one. */
function manifestAdvancedServices(bundlePath: string): AdvancedService[] | null {
  let text: string;
  try {
    text = readFileSync(join(dirname(bundlePath), "appsscript.json"), "utf8");
  } catch {
    return null;
  }
  const manifest = JSON.parse(text) as { dependencies?: { enabledAdvancedServices?: AdvancedService[] } };
  return manifest.dependencies?.enabledAdvancedServices ?? [];
}

export class Emulator {
  ws!: Workspace;
  /** The host-side service objects, for setting up state by hand outside any execution. */
  globals!: Record<string, unknown>;
  faults!: Faults;
  ledger!: Ledger;
  readonly bundle: BundleInfo;
  private readonly opts: EmulatorOptions;
  private readonly pool: WorkerPool;
  private readonly inline: InlineRunner | null;
  private engine!: Engine;
  private forced: Scheduler | null = null;
  private batches = 0;
  private freshClockMs = 0;
  private freshOverrides = "{}";
  private readonly bundleHash: string;

  constructor(opts: EmulatorOptions = {}) {
    let code = opts.code;
    const path = opts.bundle ?? "";
    // A bundle file's project manifest (appsscript.json beside it, as the build writes it) says
    // which advanced services are globals, unless the options say so (services/index.ts).
    const advanced =
      path && opts.code === undefined && !opts.advancedServices ? manifestAdvancedServices(path) : null;
    this.opts = advanced ? { ...opts, advancedServices: advanced } : opts;
    if (code === undefined) {
      if (!path) throw new Error("emulator: give the bundle to run (`bundle`: its path, or `code`)");
      try {
        code = readFileSync(path, "utf8");
      } catch {
        throw new Error(`emulator: cannot read the bundle ${path} (build it first)`);
      }
    }
    const filename =
      opts.filename ?? (opts.code !== undefined ? "Code.js" : (path.split(/[\\/]/).pop() ?? "Code.js"));
    this.bundle = inspectBundle(code, filename);
    this.bundleHash = createHash("sha256").update(code).digest("hex");
    // The script's time zone is the process's: worker threads share the process's ICU zone, so
    // the executions' V8 runs in it only if the whole process does (README, "Time zone"). An
    // explicit zone is made the process's here; every batch checks that it still is.
    if (opts.scriptTimeZone !== undefined) useProcessTimeZone(opts.scriptTimeZone);
    this.pool = new WorkerPool(code, filename, opts.workers ?? 2);
    this.inline = opts.inline === false ? null : new InlineRunner(code, filename);
    this.reset();
  }

  /** A fresh workspace (services reinstalled, ledger and faults cleared); workers are kept. */
  reset(overrides: WorkspaceOptions = {}): void {
    const ws = new Workspace({ ...this.opts, ...overrides });
    if (overrides.scriptTimeZone !== undefined) useProcessTimeZone(overrides.scriptTimeZone);
    this.freshClockMs = ws.clockMs;
    this.freshOverrides = JSON.stringify(overrides);
    this.install(ws);
  }

  /**
   * The whole state as it is now (the workspace with every service's state, the ledger, the
   * scheduler's batch count), to start again from it with `restore`: tests run setup once and
   * restore its state for each case. Taken between executions, with nothing pending.
   */
  snapshot(): EmulatorSnapshot {
    return {
      ws: cloneWorkspace(this.ws),
      ledger: deepCopy(this.ledger),
      batches: this.batches,
    };
  }

  /**
   * Starts again from a snapshot: a copy of its state (the snapshot itself stays as it was, so it
   * can be restored any number of times), the services installed on it, no faults. Workers are kept.
   */
  restore(snap: EmulatorSnapshot): void {
    this.install(cloneWorkspace(snap.ws));
    this.ledger = deepCopy(snap.ledger);
    this.batches = snap.batches;
    this.engine = this.newEngine();
  }

  /**
   * True while nothing has happened in the current workspace: no execution run, no identity,
   * trigger or pending execution added, the clock where it started.
   */
  isFresh(): boolean {
    const ws = this.ws;
    return (
      this.batches === 0 &&
      this.ledger.executions === 0 &&
      ws.identities.size === 1 &&
      ws.triggers.length === 0 &&
      ws.pending.length === 0 &&
      ws.clockMs === this.freshClockMs
    );
  }

  /**
   * A key for state built on a fresh workspace of this emulator from `inputs`: equal keys mean
   * equal results (the same bundle, options and inputs). Null when the emulator has options a key
   * cannot capture (fake services given as functions).
   */
  stateKey(inputs: unknown): string | null {
    if (this.opts.services || this.opts.extraGlobals || this.opts.code !== undefined) return null;
    const { bundle, ...rest } = this.opts;
    return JSON.stringify([this.bundleHash, bundle ?? "", rest, this.freshOverrides, inputs]);
  }

  private install(ws: Workspace): void {
    const globals = (this.opts.services ?? installAll)(ws);
    if (this.opts.extraGlobals) Object.assign(globals, this.opts.extraGlobals(ws));
    for (const name of this.bundle.functions)
      if (name === "onOpen" || name === "onEdit") ws.simpleTriggers.add(name);
    this.ws = ws;
    this.globals = globals;
    this.batches = 0;
    this.faults = new Faults();
    this.ledger = new Ledger();
    this.engine = this.newEngine();
  }

  private newEngine(): Engine {
    return new Engine(this.ws, {
      pool: this.pool,
      globals: this.globals,
      faults: this.faults,
      ledger: this.ledger,
      ...(this.opts.costs ? { costs: this.opts.costs } : {}),
      parseMs: this.opts.parseMs ?? parseMs(Buffer.byteLength(this.bundle.code, "utf8")),
      maxSimultaneousPerUser: this.opts.maxSimultaneousPerUser ?? MAX_SIMULTANEOUS_PER_USER,
      watchdogMs: this.opts.watchdogMs ?? 30_000,
      requiresAuth: requiredScope,
      inline: this.inline,
      ...(this.opts.inlineWatchdogMs !== undefined ? { inlineWatchdogMs: this.opts.inlineWatchdogMs } : {}),
    });
  }

  /** The bundle's top-level functions. */
  get entryPoints(): string[] {
    return this.bundle.functions;
  }

  /** A host-side service object by its global name. */
  service<T = unknown>(name: string): T {
    if (!(name in this.globals)) throw new Error(`emulator: no global ${name}`);
    return this.globals[name] as T;
  }

  /** Workers started so far, and alive now. */
  get workers(): { spawned: number; alive: number } {
    return { spawned: this.pool.spawned, alive: this.pool.size };
  }

  private scheduler(policy?: SchedulePolicy): Scheduler {
    if (this.forced) return this.forced;
    return new Scheduler(
      policy ?? this.opts.schedule ?? "time",
      (this.opts.seed ?? 1) + 7919 * this.batches++,
    );
  }

  private spec(handler: string, o: RunOptions): ExecSpec {
    const ws = this.ws;
    const kind = o.kind ?? "run";
    const active = o.as ?? ws.owner.email;
    // Running a function from the editor (or a bound container's menu) takes edit access to the
    // project: its owner, its editors, or, for a bound project, its container's editors (documented).
    if (
      !this.opts.openProject &&
      kind === "run" &&
      handler !== "(load)" &&
      ws.projectAccess(active) !== "edit" &&
      !(o.library && ws.projectAccess(active) === "view")
    ) {
      throw new Error(
        `emulator: ${active} cannot run ${handler}: only the script project's owner and editors can open and run it`,
      );
    }
    const effective = o.effectiveUser ?? (kind === "installable" ? ws.owner.email : active);
    const s: ExecSpec = {
      handler,
      kind,
      authMode: kind === "simple" ? "LIMITED" : "FULL",
      activeUser: active,
      effectiveUser: effective,
      dueMs: o.atMs ?? ws.clockMs,
    };
    if (o.event) s.event = o.event;
    else if (o.args) s.args = o.args;
    if (o.triggerUid !== undefined) s.triggerUid = o.triggerUid;
    if (o.cause !== undefined) s.cause = o.cause;
    return s;
  }

  /**
   * The executions' dates follow the process's zone: refuse to run when it is not the script's
   * (another emulator in the same process made its own zone the process's, or TZ changed).
   */
  private checkTimeZone(): void {
    const tz = processTimeZone();
    if (tz !== this.ws.scriptTimeZone)
      throw new Error(
        `emulator: the script's time zone is ${this.ws.scriptTimeZone} but the process's is ${tz}: ` +
          "dates in the executions follow the process's zone, so one process runs one zone at a time " +
          "(set TZ, or create the emulator again)",
      );
  }

  private batch(specs: ExecSpec[], concurrency: number, policy?: SchedulePolicy): ExecutionResult[] {
    const queue = [...specs];
    const source: BatchSource = {
      peekDue: () => queue[0]?.dueMs,
      next: () => queue.shift(),
    };
    try {
      this.checkTimeZone();
      return this.engine.runBatch(source, concurrency, this.scheduler(policy));
    } finally {
      this.pool.trim();
    }
  }

  /** Runs one execution of a top-level function of the bundle. */
  async run(handler: string, opts: RunOptions = {}): Promise<ExecutionResult> {
    return this.batch([this.spec(handler, opts)], 1, opts.schedule)[0]!;
  }

  /** Runs several executions at the same time, interleaved by the scheduling policy; results in spec order. */
  async runConcurrently(
    specs: ConcurrentSpec[],
    opts: { schedule?: SchedulePolicy } = {},
  ): Promise<ExecutionResult[]> {
    const list = specs.map((s) => this.spec(s.handler, s));
    const order = list.map((_, i) => i).sort((a, b) => list[a]!.dueMs - list[b]!.dueMs || a - b);
    const results = this.batch(
      order.map((i) => list[i]!),
      Math.max(1, list.length),
      opts.schedule,
    );
    const out = new Array<ExecutionResult>(list.length);
    order.forEach((i, j) => (out[i] = results[j]!));
    return out;
  }

  /** Loads the bundle in a full execution (every service global present) and calls nothing. */
  async probeLoad(): Promise<ExecutionResult> {
    const s = this.spec("(load)", {});
    s.loadOnly = true;
    return this.batch([s], 1)[0]!;
  }

  /**
   * Runs every pending execution (form submits, edits, clock triggers queued by events), in due
   * order, `concurrency` at a time, until nothing is pending (executions may queue more).
   */
  async drain(opts: DrainOptions = {}): Promise<ExecutionResult[]> {
    return this.runPending(opts, null);
  }

  /**
   * The pending executions as a batch source; with `clock`, clock triggers due up to `clock.upTo`
   * join as they come due in virtual time (fired when the batch reaches their time, so that a
   * trigger a running execution creates fires while other executions still run).
   */
  private runPending(
    opts: DrainOptions,
    clock: { upTo: number; only?: ClockFilter } | null,
  ): ExecutionResult[] {
    const ws = this.ws;
    const max = opts.maxExecutions ?? 10_000;
    let taken = 0;
    const earliest = (): number => {
      let best = -1;
      for (let i = 0; i < ws.pending.length; i++) {
        if (best < 0 || ws.pending[i]!.dueMs < ws.pending[best]!.dueMs) best = i;
      }
      return best;
    };
    const clockDue = (): number | undefined => {
      if (!clock) return undefined;
      const due = nextClockDue(ws, clock.only);
      return due === null || due > clock.upTo ? undefined : due;
    };
    const source: BatchSource = {
      peekDue: () => {
        const i = earliest();
        const pending = i < 0 ? undefined : ws.pending[i]!.dueMs;
        const due = clockDue();
        if (due === undefined) return pending;
        return pending === undefined ? due : Math.min(pending, due);
      },
      next: () => {
        const due = clockDue();
        const first = earliest();
        if (due !== undefined && (first < 0 || due < ws.pending[first]!.dueMs)) {
          ws.clockMs = Math.max(ws.clockMs, due);
          fireClockTriggers(ws, due, clock!.only);
        }
        const i = earliest();
        if (i < 0) return undefined;
        if (++taken > max)
          throw new Error(`emulator: drain ran more than ${max} executions (a trigger loop?)`);
        const [p] = ws.pending.splice(i, 1);
        const s: ExecSpec = {
          handler: p!.handler,
          kind: p!.kind,
          authMode: p!.authMode,
          activeUser: p!.activeUser,
          effectiveUser: p!.effectiveUser,
          event: p!.event,
          cause: p!.cause,
          dueMs: p!.dueMs,
        };
        if (p!.triggerUid !== undefined) s.triggerUid = p!.triggerUid;
        return s;
      },
    };
    try {
      this.checkTimeZone();
      return this.engine.runBatch(source, Math.max(1, opts.concurrency ?? 1), this.scheduler(opts.schedule));
    } finally {
      this.pool.trim();
    }
  }

  /** Lets `ms` of virtual time pass: due clock triggers fire (and run), in time order. */
  async advance(ms: number, opts: AdvanceOptions = {}): Promise<ExecutionResult[]> {
    return this.advanceTo(this.ws.clockMs + Math.max(0, ms), opts);
  }

  /**
   * Lets virtual time pass until `t` (ms since epoch), running every clock trigger due on the way,
   * in one batch with whatever is pending: a trigger created by a running execution (a chained
   * `after` trigger) fires at its time even while other executions still run (with `concurrency`
   * above 1, as Apps Script runs them).
   */
  async advanceTo(t: number, opts: AdvanceOptions = {}): Promise<ExecutionResult[]> {
    const ws = this.ws;
    const results = this.runPending(opts, { upTo: t, ...(opts.only ? { only: opts.only } : {}) });
    if (!opts.untilIdle) ws.clockMs = Math.max(ws.clockMs, t);
    return results;
  }

  /**
   * Runs `scenario` under every schedule with at most `maxPreemptions` preemptions, each on the
   * state `setup` prepared once (restored from its snapshot), and returns every run's value. The first run is the
   * non-preemptive one; the others switch executions at service-call boundaries.
   */
  async explore<T>(opts: ExploreOptions<T>): Promise<ExploreReport<T>> {
    const maxRuns = opts.maxRuns ?? 5000;
    const runs: ExploreRun<T>[] = [];
    const stack: number[][] = [[]];
    let truncated = false;
    let start: EmulatorSnapshot | null = null;
    while (stack.length > 0) {
      if (runs.length >= maxRuns) {
        truncated = true;
        break;
      }
      const prefix = stack.pop()!;
      if (start) this.restore(start);
      else {
        this.reset(opts.workspace ?? {});
        if (opts.setup) await opts.setup(this);
        if (opts.snapshot !== false) start = this.snapshot();
      }
      const sched = new Scheduler({ choices: prefix, then: "sticky" });
      this.forced = sched;
      const run: ExploreRun<T> = { schedule: [], preemptions: 0 };
      try {
        run.value = await opts.scenario(this);
      } catch (e) {
        run.error = e;
      } finally {
        this.forced = null;
      }
      run.schedule = sched.choicesMade;
      run.preemptions = sched.preemptions;
      runs.push(run);
      const next = alternatives(sched.trace, prefix.length, opts.maxPreemptions);
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    }
    return { runs, truncated };
  }

  /** Writes the whole state (workspace.json, plus each service's files such as sheets as CSV) to `dir`. */
  dump(dir: string): string[] {
    return dumpWorkspace(this.ws, dir, {
      ledger: this.ledger.snapshot(),
      entryPoints: this.entryPoints,
      faultsFired: this.faults.log,
    });
  }

  /** Ends every worker thread. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

// Events a person or a browser causes (each queues or runs the script's executions).
export {
  FormSubmitError,
  fireBlankFormSubmit,
  submitResponse,
  type SubmitOptions,
} from "./services/forms/submit.js";
export { userEdit, userOpen, type EditResult } from "./services/sheets/host.js";
export { serveWebApp, servedPage, webAppCall, webAppGet, type ServedWebApp, type Visitor } from "./webapp.js";
