/**
 * Host side of the worker threads: starting them, talking to them synchronously, and a small
 * pool that keeps idle workers for the next executions.
 *
 * The host blocks (Atomics.wait) while a worker runs script code: exactly one execution runs at a
 * time between two service calls, chosen by the scheduler, so blocking costs nothing and keeps
 * every round trip short (a brief spin before sleeping catches the common fast reply).
 */
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { HOST_BELL, WORKER_BELL, type HostMsg, type WorkerInit, type WorkerMsg } from "./protocol.js";

const SPIN = 4000;
const STARTUP_MS = 60_000;

let workerSource: string | null = null;

/** The worker's code: runtime/worker.ts bundled once per process (Node cannot load .ts itself). */
function workerCode(): string {
  if (workerSource === null) {
    const entry = fileURLToPath(new URL("./worker.ts", import.meta.url));
    const out = buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      logLevel: "silent",
    });
    workerSource = out.outputFiles[0]!.text;
  }
  return workerSource;
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
