/**
 * The execution engine: runs executions of the bundle in worker threads and serves their service
 * calls, one at a time, in the order the scheduler picks.
 *
 * For every call it: finds the execution; applies injected faults; charges the modelled latency
 * of "Class.method" on the execution's virtual clock (and moves the workspace clock); enforces the
 * time limit (the call that would cross it fails with "Exceeded maximum execution time" and the
 * execution is terminated: its worker is ended and replaced); sets `ws.current` while the host
 * method runs; counts the call in the ledger; and parks the execution when the method returns a
 * `Suspend` (a lock to wait for), resuming it in virtual time when the condition holds or the
 * deadline passes.
 *
 * Its size: one class whose methods share the executions' state (the batch, the parked executions,
 * the clock); what an execution is from outside (limits, spec, result) is in execution.ts.
 */
import { GasError, GasObject, Suspend, type ExecContext } from "../core.js";
import { callCost, scriptCpuMs } from "../costs.js";
import { setLogSink } from "../services/logger.js";
import type { Workspace } from "../workspace.js";
import { Faults, TIME_LIMIT_MESSAGE, type CallInfo } from "./faults.js";
import { Ledger, Tallies } from "./ledger.js";
import { HandleTable, errorToWire } from "./marshal.js";
import type { InlineRunner, WorkerHandle, WorkerPool } from "./pool.js";
import type { CallMsg, DoneMsg, ErrorWire, LogLevel, ReplyMsg, SetMsg, StartMsg } from "./protocol.js";
import { Scheduler, type Candidate } from "./scheduler.js";
import { missingScopeMessage } from "./auth.js";
import {
  SIMPLE_TRIGGER_LIMIT_MS,
  TIME_LIMIT_MS,
  TOO_MANY_SCRIPTS,
  type BatchSource,
  type CallRecord,
  type ExecSpec,
  type ExecutionResult,
  type LogEntry,
} from "./execution.js";

interface EngineConfig {
  pool: WorkerPool;
  globals: Record<string, unknown>;
  faults: Faults;
  ledger: Ledger;
  costs?: Readonly<Record<string, number>>;
  /** Modelled time to load the bundle at the start of every execution (costs.ts parseMs). */
  parseMs?: number;
  maxSimultaneousPerUser: number;
  /** Real-time limit for script code between two calls (an endless loop), in ms. */
  watchdogMs: number;
  /** Names of services needing authorization, refused in LIMITED executions (simple triggers). */
  requiresAuth: (gasClass: string, method: string) => string | null;
  /**
   * Runs one execution of a batch at a time in the host thread (null: all in workers): its calls
   * are served on the spot instead of by a round trip to a worker thread (runInline).
   */
  inline?: InlineRunner | null;
  /** Real time an execution run in the host thread may take in all (default INLINE_WATCHDOG_MS). */
  inlineWatchdogMs?: number;
}

/** Thrown into the script when its execution was terminated in the host thread (never caught by it for long: every later call throws it again). */
const TERMINATED = "emulator: the execution was terminated";
/**
 * Real time an execution in the host thread may take in all, the batch's other executions served
 * in its calls included: an endless loop fails the batch there instead of hanging the test.
 */
const INLINE_WATCHDOG_MS = 10 * 60_000;

/** A batch in progress (runBatch). */
interface Batch {
  source: BatchSource;
  scheduler: Scheduler;
  inflight: Exec[];
  started: Exec[];
  slots: number;
  slotTime: number[];
  slotBusy: boolean[];
  ordinal: number;
  last: number | null;
  /** The execution that runs in the host thread (at most one at a time), if any. */
  inline: Exec | null;
}

type State = "running" | "call" | "parked" | "done";

class Exec {
  state: State = "running";
  call: CallMsg | SetMsg | null = null;
  /** The call being served across a suspension. */
  pendingCall: { info: CallInfo; record: CallRecord } | null = null;
  suspend: Suspend | null = null;
  worker: WorkerHandle | null = null;
  /** Runs in the host thread: its start message (until it runs) and the reply to its current call. */
  inline: { start: StartMsg | null; reply: ReplyMsg | null } | null = null;
  readonly handles = new HandleTable();
  readonly logs: LogEntry[] = [];
  readonly tallies = new Tallies();
  readonly trace: CallRecord[] = [];
  readonly hostErrors: string[] = [];
  callCount = 0;
  /** Script CPU time not yet charged (less than a millisecond). */
  cpuCarry = 0;
  result: ExecutionResult | null = null;
  constructor(
    readonly ordinal: number,
    readonly slot: number,
    readonly ctx: ExecContext,
    readonly spec: ExecSpec,
  ) {}
  get deadline(): number {
    return this.ctx.startMs + this.ctx.timeLimitMs;
  }
}

export class Engine {
  private nextExecId = 1;
  /** Global call counter (the `index` of CallInfo). */
  callIndex = 0;
  /** Executions currently in flight (for the per-user limit across nested batches). */
  private readonly live = new Set<Exec>();

  constructor(
    private readonly ws: Workspace,
    private readonly cfg: EngineConfig,
  ) {
    setLogSink(ws, (ctx, message) => {
      const e = [...this.live].find((x) => x.ctx === ctx);
      if (e) e.logs.push({ level: "info", message, atMs: ctx.nowMs, source: "Logger" });
    });
  }

  /** Runs executions from `source`, at most `concurrency` at a time, until none is left. */
  runBatch(source: BatchSource, concurrency: number, scheduler: Scheduler): ExecutionResult[] {
    const slots = Math.max(1, Math.min(concurrency, 1000));
    const b: Batch = {
      source,
      scheduler,
      inflight: [],
      started: [],
      slots,
      slotTime: new Array<number>(slots).fill(this.ws.clockMs),
      slotBusy: new Array<boolean>(slots).fill(false),
      ordinal: 0,
      last: null,
      inline: null,
    };
    try {
      this.loop(b, null);
    } catch (err) {
      // Leave nothing half-run: end what is in flight (locks released, workers replaced), then report.
      for (const e of b.inflight) {
        if (e.state !== "done")
          this.kill(e, "aborted", `emulator: batch aborted: ${String((err as Error)?.message ?? err)}`);
      }
      throw err;
    }
    return b.started.map((e) => e.result!);
  }

  /**
   * The batch's loop: lets what runs reach its next call or its end, starts what is due, then
   * serves the call (or lock wait) the scheduler picks, until nothing is left. With `until`, the
   * execution running in the host thread that is waiting for a reply: the loop runs inside that
   * execution's call and returns as soon as the call is answered (or the execution ended).
   */
  private loop(b: Batch, until: Exec | null): void {
    for (;;) {
      if (until && until.state !== "call" && until.state !== "parked") return;
      let ranInline = false;
      for (const e of b.inflight) {
        if (e.state !== "running") continue;
        if (e.inline) {
          this.runInline(e, b); // the batch may change under it: look again
          ranInline = true;
          break;
        }
        this.awaitWorker(e);
      }
      if (ranInline) continue;
      for (let i = b.inflight.length - 1; i >= 0; i--) {
        const e = b.inflight[i]!;
        if (e.state !== "done") continue;
        b.inflight.splice(i, 1);
        b.slotBusy[e.slot] = false;
        b.slotTime[e.slot] = e.result!.endMs;
      }

      // Start what is due, while there is room.
      let progressed = false;
      const cands = this.candidates(b.inflight);
      const horizon = cands.length ? Math.min(...cands.map((c) => c.time)) : Infinity;
      while (b.inflight.length < b.slots) {
        const due = b.source.peekDue();
        if (due === undefined || (b.inflight.length > 0 && due > horizon)) break;
        const spec = b.source.next()!;
        let slot = -1;
        for (let i = 0; i < b.slots; i++) {
          if (!b.slotBusy[i] && (slot < 0 || b.slotTime[i]! < b.slotTime[slot]!)) slot = i;
        }
        const inline = this.cfg.inline != null && b.inline === null;
        const e = this.start(spec, b.ordinal++, slot, Math.max(spec.dueMs, b.slotTime[slot]!), inline);
        b.started.push(e);
        progressed = true;
        if (e.state === "done") continue; // refused before it ran: the slot stays free
        if (e.inline) b.inline = e;
        b.slotBusy[slot] = true;
        b.inflight.push(e);
      }
      if (progressed) continue;
      if (b.inflight.length === 0) break;

      const runnable = this.candidates(b.inflight);
      if (runnable.length === 0) throw new Error("emulator: executions in flight but none can run");
      const c = b.scheduler.pick(runnable, b.last);
      b.last = c.ordinal;
      const e = b.inflight.find((x) => x.ordinal === c.ordinal)!;
      this.serve(e, c);
    }
  }

  // ------------------------------------------------------------------ starting and ending

  private start(spec: ExecSpec, ordinal: number, slot: number, startMs: number, inline: boolean): Exec {
    const ws = this.ws;
    const ctx: ExecContext = {
      id: this.nextExecId++,
      handler: spec.handler,
      kind: spec.kind,
      authMode: spec.authMode,
      activeUser: spec.activeUser,
      effectiveUser: spec.effectiveUser,
      startMs,
      nowMs: startMs,
      timeLimitMs: spec.kind === "simple" ? SIMPLE_TRIGGER_LIMIT_MS : TIME_LIMIT_MS,
    };
    const e = new Exec(ordinal, slot, ctx, spec);
    ws.clockMs = Math.max(ws.clockMs, startMs);
    this.cfg.ledger.executions++;

    const user = spec.effectiveUser.toLowerCase();
    const sameUser = [...this.live].filter((x) => x.ctx.effectiveUser.toLowerCase() === user);
    if (sameUser.length >= this.cfg.maxSimultaneousPerUser) {
      e.state = "done";
      e.result = this.result(e, false, { name: "Exception", message: TOO_MANY_SCRIPTS });
      e.result.rejected = true;
      return e;
    }

    let globals: unknown;
    let args: unknown;
    ws.current = ctx;
    try {
      globals = e.handles.encode(this.cfg.globals);
      args = e.handles.encode(spec.event ? [spec.event()] : (spec.args ?? []));
    } catch (err) {
      e.state = "done";
      e.result = this.result(e, false, errorToWire(err));
      e.hostErrors.push(String(err));
      return e;
    } finally {
      ws.current = null;
    }
    // Apps Script loads the whole project before running anything: the parse is on the clock.
    const parse = this.cfg.parseMs ?? 0;
    if (parse > 0) {
      ctx.nowMs += parse;
      this.cfg.ledger.recordScript(e.tallies, parse);
    }
    this.live.add(e);
    const start: StartMsg = {
      t: "start",
      exec: ctx.id,
      handler: spec.handler,
      globals: globals as Record<string, unknown>,
      args: args as unknown[],
      now: startMs,
      ...(spec.loadOnly ? { loadOnly: true } : {}),
    };
    if (inline) e.inline = { start: structuredClone(start), reply: null };
    else {
      e.worker = this.cfg.pool.acquire();
      e.worker.send(start);
    }
    e.state = "running";
    return e;
  }

  private result(e: Exec, ok: boolean, err?: ErrorWire, returnValue?: unknown): ExecutionResult {
    const ctx = e.ctx;
    const r: ExecutionResult = {
      id: ctx.id,
      ordinal: e.ordinal,
      handler: ctx.handler,
      kind: ctx.kind,
      authMode: ctx.authMode,
      activeUser: ctx.activeUser,
      effectiveUser: ctx.effectiveUser,
      ok,
      logs: e.logs,
      calls: e.tallies.callsRecord(),
      services: e.tallies.servicesRecord(),
      callCount: e.tallies.callCount,
      modelledMs: e.tallies.modelledMs,
      scriptMs: e.tallies.scriptMs,
      trace: e.trace,
      startMs: ctx.startMs,
      endMs: ctx.nowMs,
      hostErrors: e.hostErrors,
    };
    if (e.spec.cause !== undefined) r.cause = e.spec.cause;
    if (e.spec.triggerUid !== undefined) r.triggerUid = e.spec.triggerUid;
    if (err) {
      r.error = { name: err.name, message: err.message };
      if (err.details !== undefined) r.error.details = err.details;
      if (err.stack !== undefined) r.error.stack = err.stack;
    }
    if (returnValue !== undefined) r.returnValue = returnValue;
    return r;
  }

  /** Ends an execution: end hooks (locks released), clocks, worker back to the pool. */
  private finish(e: Exec, ok: boolean, err?: ErrorWire, returnValue?: unknown): void {
    const ws = this.ws;
    e.state = "done";
    e.call = null;
    e.suspend = null;
    ws.clockMs = Math.max(ws.clockMs, e.ctx.nowMs);
    ws.current = e.ctx;
    try {
      for (const hook of ws.endHooks) {
        try {
          hook(e.ctx);
        } catch (hookErr) {
          e.hostErrors.push(`end hook: ${String(hookErr)}`);
        }
      }
    } finally {
      ws.current = null;
    }
    e.result = this.result(e, ok, err, returnValue);
    this.live.delete(e);
    if (e.worker) {
      if (e.worker.alive) this.cfg.pool.release(e.worker);
      e.worker = null;
    }
  }

  /** Terminates an execution in the middle (time limit, injected kill, watchdog). */
  private kill(e: Exec, why: NonNullable<ExecutionResult["killed"]>, message: string): void {
    if (e.worker) {
      this.cfg.pool.discard(e.worker);
      e.worker = null;
    }
    this.finish(e, false, { name: "Exception", message });
    e.result!.killed = why;
  }

  // ------------------------------------------------------------------ talking to workers

  /** Blocks until a running execution makes its next call or ends. */
  private awaitWorker(e: Exec): void {
    const msgs = e.worker!.receive(this.cfg.watchdogMs);
    if (msgs === null) {
      const failure = e.worker!.failure;
      e.hostErrors.push(
        failure
          ? `worker thread failed: ${failure.stack ?? failure.message}`
          : `watchdog: no service call for ${this.cfg.watchdogMs} ms of real time`,
      );
      this.kill(e, "watchdog", TIME_LIMIT_MESSAGE);
      return;
    }
    for (const m of msgs) {
      switch (m.t) {
        case "log":
          e.logs.push({ level: m.level, message: m.text, atMs: e.ctx.nowMs, source: "console" });
          break;
        case "call":
        case "set":
          e.call = m;
          e.state = "call";
          break;
        case "done":
          this.onDone(e, m);
          break;
        case "ready":
          break;
      }
    }
  }

  private onDone(e: Exec, m: DoneMsg): void {
    let value: unknown;
    if (m.ok && m.v !== undefined) {
      try {
        value = e.handles.decode(m.v);
      } catch (err) {
        e.hostErrors.push(String(err));
      }
    }
    this.finish(e, m.ok, m.err, value);
  }

  private reply(e: Exec, v: unknown, err: ErrorWire | null): void {
    e.state = "running";
    const msg: ReplyMsg = err ? { t: "reply", err, now: e.ctx.nowMs } : { t: "reply", v, now: e.ctx.nowMs };
    if (e.inline) e.inline.reply = structuredClone(msg);
    else e.worker!.send(msg);
  }

  // ------------------------------------------------------------------ in the host thread

  /**
   * Runs an execution in the host thread, to its end. The batch loop runs inside each of its calls
   * (serving the other executions, in workers, as the scheduler picks them) until the call is
   * served; so the scheduler sees exactly what it would see with the execution in a worker, but
   * the execution's own calls cost no thread round trip. Values cross by structured clone, as
   * through a worker's port. When the execution is terminated (time limit, injected kill), every
   * later call of the script throws, so its own code can do nothing more that anyone sees, and its
   * result is the termination's.
   */
  private runInline(e: Exec, b: Batch): void {
    const start = e.inline!.start!;
    e.inline!.start = null;
    let fatal: { err: unknown } | null = null;
    const call = (msg: CallMsg | SetMsg): ReplyMsg => {
      if (e.state === "done" || fatal) throw new Error(TERMINATED);
      e.call = structuredClone(msg);
      e.state = "call";
      try {
        this.loop(b, e);
      } catch (err) {
        // An emulator failure ends the batch (as with a worker): the script must not carry on.
        fatal = { err };
        throw err;
      }
      // The loop changed the state (TypeScript cannot see it through the call).
      if ((e.state as State) !== "running") throw new Error(TERMINATED);
      const reply = e.inline!.reply!;
      e.inline!.reply = null;
      return reply;
    };
    const log = (level: LogLevel, text: string): void => {
      if (e.state !== "done") e.logs.push({ level, message: text, atMs: e.ctx.nowMs, source: "console" });
    };
    const limit = this.cfg.inlineWatchdogMs ?? INLINE_WATCHDOG_MS;
    let out: ReturnType<InlineRunner["run"]>;
    try {
      out = this.cfg.inline!.run(start, call, log, { timeoutMs: limit });
    } finally {
      b.inline = null;
    }
    if (fatal) throw (fatal as { err: unknown }).err;
    if (out.timedOut)
      throw new Error(
        `emulator: ${e.ctx.handler} ran in the host thread for more than ${limit} ms of real time (an endless loop?)`,
      );
    if (e.state === "done") return; // terminated during a call
    let done: DoneMsg;
    try {
      done = structuredClone({ t: "done", ok: out.ok, v: out.v, err: out.err } as DoneMsg);
    } catch (err) {
      done = { t: "done", ok: false, err: errorToWire(err) };
    }
    if (done.v === undefined) delete done.v;
    if (done.err === undefined) delete done.err;
    this.onDone(e, done);
  }

  // ------------------------------------------------------------------ scheduling

  private candidates(inflight: Exec[]): Candidate[] {
    const ws = this.ws;
    const calls: Candidate[] = [];
    const timeouts: Candidate[] = [];
    for (const e of inflight) {
      if (e.state === "call") {
        calls.push({ ordinal: e.ordinal, time: e.ctx.nowMs, kind: "call" });
      } else if (e.state === "parked") {
        const s = e.suspend!;
        const limit = Math.min(s.deadlineMs, e.deadline);
        ws.current = e.ctx;
        let ready = false;
        let at = Infinity;
        try {
          ready = s.ready();
          if (ready) at = Math.max(e.ctx.nowMs, s.readyAtMs());
        } finally {
          ws.current = null;
        }
        if (ready && at <= limit) calls.push({ ordinal: e.ordinal, time: at, kind: "resume" });
        else timeouts.push({ ordinal: e.ordinal, time: Math.max(e.ctx.nowMs, limit), kind: "timeout" });
      }
    }
    // A wait times out only once nothing that could still end it is earlier in virtual time.
    const earliest = calls.length ? Math.min(...calls.map((c) => c.time)) : Infinity;
    const out = calls.concat(timeouts.filter((t) => t.time <= earliest));
    return out.sort((a, b) => a.ordinal - b.ordinal);
  }

  private serve(e: Exec, c: Candidate): void {
    if (c.kind === "call") return this.serveCall(e);
    const ctx = e.ctx;
    const s = e.suspend!;
    e.suspend = null;
    if (c.kind === "timeout" && e.deadline <= s.deadlineMs) {
      ctx.nowMs = Math.max(ctx.nowMs, e.deadline);
      e.pendingCall!.record.outcome = "killed";
      return this.kill(e, "timeLimit", TIME_LIMIT_MESSAGE);
    }
    const before = ctx.nowMs;
    ctx.nowMs = Math.max(ctx.nowMs, c.time);
    const record = e.pendingCall!.record;
    record.waitedMs = (record.waitedMs ?? 0) + (ctx.nowMs - before);
    this.ws.clockMs = Math.max(this.ws.clockMs, ctx.nowMs);
    this.invoke(e, () => s.resume(c.kind === "timeout"));
  }

  private serveCall(e: Exec): void {
    const ws = this.ws;
    const ctx = e.ctx;
    const msg = e.call!;
    e.call = null;
    let obj: GasObject;
    try {
      obj = e.handles.get(msg.id);
    } catch (err) {
      return this.reply(e, undefined, errorToWire(err));
    }
    const cls = obj.gasClass;
    const method = msg.t === "set" ? `${msg.name}=` : msg.m;
    const key = `${cls}.${method}`;
    const info: CallInfo = {
      index: ++this.callIndex,
      nth: ++e.callCount,
      key,
      gasClass: cls,
      method,
      handler: ctx.handler,
      execId: ctx.id,
      kind: ctx.kind,
    };
    const record: CallRecord = { index: info.index, key, atMs: ctx.nowMs, ms: 0, outcome: "ok" };
    e.trace.push(record);

    const killBefore = this.cfg.faults.killFor(info, "before");
    if (killBefore !== null) {
      record.outcome = "killed";
      return this.kill(e, "fault", killBefore);
    }

    // The arguments are decoded once, here: the cost of a call depends on the cells it moves.
    let args: unknown[] = [];
    let decodeError: unknown = null;
    try {
      args = e.handles.decode(msg.t === "set" ? [msg.v] : msg.a) as unknown[];
    } catch (err) {
      decodeError = err;
    }
    const cells = msg.t === "call" && decodeError === null ? obj.gasCells(method, args) : null;
    // The virtual clock stays in whole ms (scripts see it through Date): the script's CPU time is
    // carried over between calls and charged once it adds up to a millisecond.
    e.cpuCarry += scriptCpuMs(cells);
    const cpu = Math.floor(e.cpuCarry);
    e.cpuCarry -= cpu;
    const ms = callCost(key, cells, this.cfg.costs) + cpu;
    if (ctx.nowMs + ms > e.deadline) {
      const part = Math.max(0, e.deadline - ctx.nowMs);
      this.cfg.ledger.record(e.tallies, key, cls, part);
      record.ms = part;
      record.outcome = "killed";
      ctx.nowMs = e.deadline;
      return this.kill(e, "timeLimit", TIME_LIMIT_MESSAGE);
    }
    ctx.nowMs += ms;
    ws.clockMs = Math.max(ws.clockMs, ctx.nowMs);
    this.cfg.ledger.record(e.tallies, key, cls, ms - cpu);
    if (cpu > 0) this.cfg.ledger.recordScript(e.tallies, cpu);
    record.ms = ms - cpu;

    if (ctx.authMode === "LIMITED" && msg.t === "call") {
      const scope = this.cfg.requiresAuth(cls, method);
      if (scope !== null) {
        record.outcome = "error";
        return this.reply(e, undefined, {
          name: "Exception",
          message: `You do not have permission to call ${cls}.${method}. Required permissions: ${scope}`,
        });
      }
    }

    // A project with explicit oauthScopes can make only the calls they cover (runtime/auth.ts).
    if (msg.t === "call" && ws.project.oauthScopes) {
      const denied = missingScopeMessage(ws.project.oauthScopes, cls, method);
      if (denied !== null) {
        record.outcome = "error";
        return this.reply(e, undefined, { name: "Exception", message: denied });
      }
    }

    const fault = this.cfg.faults.errorFor(info, "before");
    if (fault) {
      record.outcome = "fault";
      return this.reply(e, undefined, errorToWire(fault));
    }

    e.pendingCall = { info, record };
    this.invoke(e, () => {
      if (decodeError !== null) throw decodeError;
      if (msg.t === "set") return obj.gasSet(msg.name, args[0]);
      const fn = (obj as unknown as Record<string, unknown>)[msg.m];
      if (typeof fn !== "function" || msg.m.startsWith("_")) {
        throw new GasError(`not emulated: ${cls}.${msg.m}`, "Error");
      }
      return (fn as (...a: unknown[]) => unknown).apply(obj, args);
    });
  }

  /** Runs (or resumes) the host side of the pending call, then finishes it. */
  private invoke(e: Exec, body: () => unknown): void {
    const ws = this.ws;
    const { info, record } = e.pendingCall!;
    let value: unknown;
    let err: ErrorWire | null = null;
    ws.current = e.ctx;
    try {
      const r = body();
      if (r instanceof Suspend) {
        e.suspend = r;
        e.state = "parked";
        record.outcome = "suspended";
        return;
      }
      value = e.handles.encode(r);
    } catch (thrown) {
      err = errorToWire(thrown);
      if (!(thrown instanceof GasError))
        e.hostErrors.push(`${info.key}: ${String((thrown as Error)?.stack ?? thrown)}`);
    } finally {
      ws.current = null;
    }
    e.pendingCall = null;
    record.outcome = err ? "error" : "ok";

    const killAfter = this.cfg.faults.killFor(info, "after");
    if (killAfter !== null) {
      record.outcome = "killed";
      return this.kill(e, "fault", killAfter);
    }
    if (e.ctx.nowMs > e.deadline) {
      // the call itself ran past the limit (Utilities.sleep)
      e.ctx.nowMs = e.deadline;
      record.outcome = "killed";
      return this.kill(e, "timeLimit", TIME_LIMIT_MESSAGE);
    }
    ws.clockMs = Math.max(ws.clockMs, e.ctx.nowMs);
    const lost = this.cfg.faults.errorFor(info, "after");
    if (lost) {
      record.outcome = "fault";
      return this.reply(e, undefined, errorToWire(lost));
    }
    this.reply(e, value, err);
  }
}
