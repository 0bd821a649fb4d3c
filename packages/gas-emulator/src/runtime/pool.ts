/**
 * Host side of the worker threads: starting them, talking to them synchronously, and a small
 * pool that keeps idle workers for the next executions.
 *
 * The host blocks (Atomics.wait) while a worker runs script code: exactly one execution runs at a
 * time between two service calls, chosen by the scheduler, so blocking costs nothing and keeps
 * every round trip short (a brief spin before sleeping catches the common fast reply).
 */
import { buildSync } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type vm from "node:vm";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { HostCall, HostLog } from "./prelude.js";
import type { Outcome, RunLimits } from "./execute.js";
import {
  HOST_BELL,
  WORKER_BELL,
  type HostMsg,
  type StartMsg,
  type WorkerInit,
  type WorkerMsg,
} from "./protocol.js";

const SPIN = 4000;
const STARTUP_MS = 60_000;

let workerSource: string | null = null;

/** A runtime file bundled as one CommonJS script (Node cannot load .ts itself in a worker). */
function bundleRuntime(file: string): string {
  const entry = fileURLToPath(new URL(file, import.meta.url));
  const out = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

/** The worker's code: runtime/worker.ts bundled once per process. */
function workerCode(): string {
  if (workerSource === null) workerSource = bundleRuntime("./worker.ts");
  return workerSource;
}

interface ExecuteModule {
  compileBundle(code: string, filename: string): vm.Script;
  runExecution(bundle: vm.Script, msg: StartMsg, call: HostCall, log: HostLog, limits?: RunLimits): Outcome;
}

let executeModule: ExecuteModule | null = null;
/** Compiled bundles by source, shared by every emulator of the process (the parse is done once). */
const compiled = new Map<string, vm.Script>();

/**
 * Runs executions in the host thread: runtime/execute.ts bundled exactly as the workers get it
 * (the same prelude text), so an execution that runs alone sees what it would see in a worker.
 * Service calls are plain function calls; the caller makes them look like the worker's messages.
 */
export class InlineRunner {
  private readonly bundle: vm.Script;
  private readonly mod: ExecuteModule;

  constructor(code: string, filename: string) {
    if (executeModule === null) {
      const module = { exports: {} as ExecuteModule };
      const load = new Function("module", "exports", "require", bundleRuntime("./execute.ts")) as (
        m: typeof module,
        e: ExecuteModule,
        r: NodeJS.Require,
      ) => void;
      load(module, module.exports, createRequire(import.meta.url));
      executeModule = module.exports;
    }
    this.mod = executeModule;
    const key = `${filename}\u0000${code}`;
    let script = compiled.get(key);
    if (!script) {
      script = this.mod.compileBundle(code, filename);
      compiled.set(key, script);
    }
    this.bundle = script;
  }

  run(msg: StartMsg, call: HostCall, log: HostLog, limits: RunLimits): Outcome {
    return this.mod.runExecution(this.bundle, msg, call, log, limits);
  }
}

export class WorkerHandle {
  private readonly bells = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  alive = true;
  /** An error the worker thread itself raised (not the script's). */
  failure: Error | null = null;

  constructor(
    readonly id: number,
    code: string,
    filename: string,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: WorkerInit = { bells: this.bells, port: port2, code, filename };
    this.worker = new Worker(workerCode(), {
      eval: true,
      workerData: data,
      transferList: [port2],
      name: `emulator-${id}`,
    });
    this.worker.unref();
    this.worker.on("error", (e) => {
      this.failure = e;
    });
    const ready = this.receive(STARTUP_MS);
    const first = ready?.[ready.length - 1];
    if (!first || first.t !== "ready") {
      void this.terminate();
      throw new Error("emulator: a worker thread did not start");
    }
    if (first.error) {
      void this.terminate();
      throw new Error(`emulator: the bundle does not compile: ${first.error.name}: ${first.error.message}`);
    }
  }

  send(msg: HostMsg): void {
    this.port.postMessage(msg);
    Atomics.store(this.bells, WORKER_BELL, 1);
    Atomics.notify(this.bells, WORKER_BELL);
  }

  /**
   * Blocks until the worker rings, then returns every message it posted since (the last one is
   * the one that rang). Returns null if it did not ring within `timeoutMs` of real time.
   */
  receive(timeoutMs: number): WorkerMsg[] | null {
    const b = this.bells;
    for (let i = 0; i < SPIN && Atomics.load(b, HOST_BELL) === 0; i++);
    if (Atomics.load(b, HOST_BELL) === 0) {
      const deadline = Date.now() + timeoutMs;
      while (Atomics.load(b, HOST_BELL) === 0) {
        const left = deadline - Date.now();
        if (left <= 0) return null;
        Atomics.wait(b, HOST_BELL, 0, Math.min(left, 500));
      }
    }
    Atomics.store(b, HOST_BELL, 0);
    const out: WorkerMsg[] = [];
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (!m) break;
      out.push(m.message as WorkerMsg);
    }
    return out;
  }

  terminate(): Promise<number> {
    this.alive = false;
    this.port.close();
    return this.worker.terminate();
  }
}

/** Reuses workers across executions; grows on demand, keeps at most `keep` idle ones afterwards. */
export class WorkerPool {
  private readonly idle: WorkerHandle[] = [];
  private readonly all = new Set<WorkerHandle>();
  private readonly ending: Promise<unknown>[] = [];
  private nextId = 1;
  /** How many workers were ever started (tests check that executions reuse them). */
  spawned = 0;

  constructor(
    private readonly code: string,
    private readonly filename: string,
    private readonly keep: number,
  ) {}

  acquire(): WorkerHandle {
    const w = this.idle.pop();
    if (w) return w;
    const fresh = new WorkerHandle(this.nextId++, this.code, this.filename);
    this.spawned++;
    this.all.add(fresh);
    return fresh;
  }

  release(w: WorkerHandle): void {
    if (w.alive && this.all.has(w)) this.idle.push(w);
  }

  /** Ends a worker that is in the middle of an execution (time limit, kill): a new one replaces it on demand. */
  discard(w: WorkerHandle): void {
    this.all.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    this.ending.push(w.terminate().catch(() => 0));
  }

  /** Ends idle workers beyond the number to keep. */
  trim(): void {
    while (this.idle.length > this.keep) this.discard(this.idle.shift()!);
  }

  get size(): number {
    return this.all.size;
  }

  async close(): Promise<void> {
    for (const w of [...this.all]) this.discard(w);
    await Promise.all(this.ending.splice(0));
  }
}
