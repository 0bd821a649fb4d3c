/**
 * A worker thread that runs executions of the bundle, one at a time, each in a fresh `vm`
 * context (execute.ts). It is fully synchronous: it waits on its bell for the host's next message, runs the
 * execution, and for every service call posts the call, rings the host, and waits again for the
 * reply. Blocking the thread is what makes service calls synchronous for the script, as they are
 * in Apps Script; several workers give several executions in flight.
 *
 * This file is bundled by esbuild at runtime (see pool.ts) and started with `eval: true`.
 */
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import type vm from "node:vm";
import { compileBundle, describe, runExecution } from "./execute.js";
import type { HostCall, HostLog } from "./prelude.js";
import {
  HOST_BELL,
  WORKER_BELL,
  type DoneMsg,
  type HostMsg,
  type WorkerInit,
  type WorkerMsg,
} from "./protocol.js";

const init = workerData as WorkerInit;
const bells = init.bells;
const port = init.port;
const SPIN = 4000;

function post(msg: WorkerMsg): void {
  port.postMessage(msg);
}

function ring(msg: WorkerMsg): void {
  port.postMessage(msg);
  Atomics.store(bells, HOST_BELL, 1);
  Atomics.notify(bells, HOST_BELL);
}

function waitForHost(): HostMsg {
  for (let i = 0; i < SPIN && Atomics.load(bells, WORKER_BELL) === 0; i++);
  while (Atomics.load(bells, WORKER_BELL) === 0) Atomics.wait(bells, WORKER_BELL, 0);
  Atomics.store(bells, WORKER_BELL, 0);
  const got = receiveMessageOnPort(port);
  if (!got) throw new Error("emulator worker: rung without a message");
  return got.message as HostMsg;
}

const hostCall: HostCall = (msg) => {
  ring(msg);
  const reply = waitForHost();
  if (reply.t !== "reply") throw new Error(`emulator worker: expected a reply, got ${reply.t}`);
  return reply;
};

const hostLog: HostLog = (level, text) => post({ t: "log", level, text });

let bundle: vm.Script;
try {
  bundle = compileBundle(init.code, init.filename);
} catch (e) {
  ring({ t: "ready", error: describe(e) });
  throw e;
}

ring({ t: "ready" });
for (;;) {
  const msg = waitForHost();
  if (msg.t === "exit") break;
  if (msg.t !== "start") continue;
  let done: DoneMsg;
  try {
    done = runExecution(bundle, msg, hostCall, hostLog);
  } catch (e) {
    done = { t: "done", ok: false, err: describe(e) };
  }
  try {
    ring(done);
  } catch (e) {
    // a value the structured clone refused: report the failure instead
    ring({ t: "done", ok: false, err: describe(e) });
  }
}
