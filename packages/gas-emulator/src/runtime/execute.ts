/**
 * One execution of the bundle in a fresh `vm` context: the prelude installed in the context's own
 * realm, the bundle loaded, the handler called, the promise callbacks run. The worker threads
 * (worker.ts) run their executions with it, and so does the host thread for an execution that
 * runs alone (engine.ts, "inline"), so both see the very same code. Self-contained apart from
 * `node:vm` and the prelude: pool.ts bundles it with esbuild for both.
 */
import vm from "node:vm";
import { prelude, type PreludeApi, type HostCall, type HostLog } from "./prelude.js";
import type { DoneMsg, ErrorWire, StartMsg } from "./protocol.js";

// The prelude's own source text, evaluated inside each context so that it lives in the script's realm.
const preludeScript = new vm.Script(`(${prelude.toString()})`, { filename: "emulator-prelude.js" });
const flushMicrotasks = new vm.Script("void 0", { filename: "emulator-microtasks.js" });
/** Runs the execution's body from a script, so that a time limit can apply to it; takes it from the global once. */
const RUN_KEY = "\u0000emulatorRun";
const runHandler = new vm.Script(
  `(() => { const r = globalThis[${JSON.stringify(RUN_KEY)}]; delete globalThis[${JSON.stringify(RUN_KEY)}]; return r(); })()`,
  { filename: "emulator-run.js" },
);

export function describe(e: unknown): ErrorWire {
  if (e !== null && typeof e === "object") {
    const o = e as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: String(o.name ?? "Error"),
      message: String(o.message ?? ""),
      ...(typeof o.stack === "string" ? { stack: o.stack } : {}),
    };
  }
  return { name: "Error", message: String(e) };
}

/** Compiles the bundle once; every execution runs the same compiled script in its own context. */
export function compileBundle(code: string, filename: string): vm.Script {
  return new vm.Script(code, { filename });
}

export interface RunLimits {
  /** Real time the whole execution may take (the host thread's watchdog); none if absent. */
  timeoutMs?: number;
}

/** The execution's end; `timedOut` when the real-time limit stopped it (the result is then meaningless). */
export type Outcome = DoneMsg & { timedOut?: boolean };

export function runExecution(
  bundle: vm.Script,
  msg: StartMsg,
  hostCall: HostCall,
  hostLog: HostLog,
  limits: RunLimits = {},
): Outcome {
  const context = vm.createContext({}, { name: `execution ${msg.exec}`, microtaskMode: "afterEvaluate" });
  let out: Omit<DoneMsg, "t">;
  try {
    const make = preludeScript.runInContext(context) as (call: HostCall, log: HostLog) => PreludeApi;
    const api = make(hostCall, hostLog);
    api.setup(msg.globals, msg.now);
    const body = (): Omit<DoneMsg, "t"> => {
      bundle.runInContext(context);
      return msg.loadOnly ? { ok: true } : api.run(msg.handler, msg.args);
    };
    if (limits.timeoutMs === undefined) out = body();
    else {
      // One script run under the time limit around the whole execution (a limit costs a thread).
      Object.defineProperty(context, RUN_KEY, { value: body, configurable: true, enumerable: false });
      out = runHandler.runInContext(context, { timeout: limits.timeoutMs }) as Omit<DoneMsg, "t">;
    }
    flushMicrotasks.runInContext(context);
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
      return { t: "done", ok: false, err: describe(e), timedOut: true };
    out = { ok: false, err: describe(e) };
  }
  return { t: "done", ...out };
}
