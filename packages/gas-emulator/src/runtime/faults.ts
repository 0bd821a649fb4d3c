/**
 * Fault injection: make chosen service calls fail with a real error, before they take effect
 * (the call fails, nothing happened) or after (the call took effect but the reply was lost), and
 * kill an execution at its Nth call (it dies as by the time limit, before or after the call).
 *
 * A call is described by its key "Class.method", the handler and kind of its execution, its
 * global index (1, 2, 3, … over the whole workspace) and its position within its execution
 * (`nth`, from 1).
 */
import type { GasError } from "../core.js";

type FaultWhen = "before" | "after";

export interface CallInfo {
  /** Global index of the call in this workspace (from 1). */
  index: number;
  /** Position of the call within its execution (from 1). */
  nth: number;
  /** "Class.method" ("Class.name=" for a property assignment). */
  key: string;
  gasClass: string;
  method: string;
  handler: string;
  execId: number;
  kind: string;
}

export interface FaultSpec {
  /** The error the script gets (use core.ts serviceError/apiError), or a factory for a fresh one each time. */
  error: GasError | (() => GasError);
  /** How many calls fail (default 1; Infinity for every matching call). */
  times?: number;
  /** "before" (default): the call fails without effect; "after": it takes effect, then the script gets the error. */
  when?: FaultWhen;
  /** Only calls from executions of this handler. */
  handler?: string;
  /** Only the call with this global index. */
  callIndex?: number;
  /** Only the Nth call of an execution (from 1). */
  nth?: number;
  /** Skip this many matching calls before failing (e.g. 1 = let the first one through). */
  skip?: number;
  /** Any further condition. */
  match?: (call: CallInfo) => boolean;
}

export interface KillSpec {
  /** "before" (default): the execution dies before the call takes effect; "after": right after it took effect. */
  when?: FaultWhen;
  /** Only executions of this handler. */
  handler?: string;
  /** Count `n` as the global call index instead of the position within the execution. */
  global?: boolean;
  /** Only calls with this key ("Class.method"): then `n` counts those calls within the execution. */
  target?: string;
  /** What the execution's result reports (default: the time-limit message). */
  message?: string;
  /** How many executions to kill (default 1). */
  times?: number;
}

interface FaultRule {
  readonly target: string;
  /** Calls this rule has failed so far. */
  fired: number;
  remaining: number;
}

interface ErrorRule extends FaultRule {
  kind: "error";
  spec: FaultSpec;
  seen: number;
}

interface KillRule extends FaultRule {
  kind: "kill";
  n: number;
  spec: KillSpec;
  /** Per execution: how many calls matching `target` it made. */
  counts: Map<number, number>;
}

export interface FiredFault {
  index: number;
  key: string;
  handler: string;
  execId: number;
  kind: "error" | "kill";
  when: FaultWhen;
  message: string;
}

export const TIME_LIMIT_MESSAGE = "Exceeded maximum execution time";

function matchesTarget(target: string, call: CallInfo): boolean {
  if (target === "*" || target === call.key) return true;
  if (target.endsWith(".*")) return call.gasClass === target.slice(0, -2);
  return false;
}

export class Faults {
  private readonly rules: (ErrorRule | KillRule)[] = [];
  /** Every fault that fired, in order. */
  readonly log: FiredFault[] = [];

  /**
   * Makes calls matching `target` ("Class.method", "Class.*" or "*") fail with `spec.error`.
   * Example: `faults.inject("AdminDirectory.Users.insert", { error: apiError(...503), times: 2 })`.
   */
  inject(target: string, spec: FaultSpec): FaultRule {
    const rule: ErrorRule = { kind: "error", target, spec, fired: 0, seen: 0, remaining: spec.times ?? 1 };
    this.rules.push(rule);
    return rule;
  }

  /**
   * Kills an execution at its `n`-th call (from 1), or at the call with global index `n` when
   * `opts.global`; "before" the call takes effect by default. The result reports the time-limit
   * message unless `opts.message` says otherwise.
   */
  killAt(n: number, opts: KillSpec = {}): FaultRule {
    if (!Number.isInteger(n) || n < 1) throw new Error("killAt: n counts calls from 1");
    const rule: KillRule = {
      kind: "kill",
      target: opts.target ?? "*",
      n,
      spec: opts,
      fired: 0,
      remaining: opts.times ?? 1,
      counts: new Map(),
    };
    this.rules.push(rule);
    return rule;
  }

  clear(): void {
    this.rules.length = 0;
    this.log.length = 0;
  }

  /** The error to fail this call with at this moment, if a rule says so (consumes one use). */
  errorFor(call: CallInfo, when: FaultWhen): GasError | null {
    for (const r of this.rules) {
      if (r.kind !== "error" || r.remaining <= 0) continue;
      const s = r.spec;
      if ((s.when ?? "before") !== when) continue;
      if (!matchesTarget(r.target, call)) continue;
      if (s.handler !== undefined && s.handler !== call.handler) continue;
      if (s.callIndex !== undefined && s.callIndex !== call.index) continue;
      if (s.nth !== undefined && s.nth !== call.nth) continue;
      if (s.match && !s.match(call)) continue;
      r.seen++;
      if (r.seen <= (s.skip ?? 0)) continue;
      r.remaining--;
      r.fired++;
      const error = typeof s.error === "function" ? s.error() : s.error;
      this.log.push({ ...pick(call), kind: "error", when, message: error.message });
      return error;
    }
    return null;
  }

  /**
   * Whether the execution dies at this call at this moment (consumes one use); returns the
   * message its result reports. Counting happens on "before" so each call is counted once.
   */
  killFor(call: CallInfo, when: FaultWhen): string | null {
    for (const r of this.rules) {
      if (r.kind !== "kill" || r.remaining <= 0) continue;
      const s = r.spec;
      if (s.handler !== undefined && s.handler !== call.handler) continue;
      if (!matchesTarget(r.target, call)) continue;
      let position: number;
      if (s.global) {
        position = call.index;
      } else if (r.target === "*") {
        position = call.nth;
      } else {
        if (when === "before") r.counts.set(call.execId, (r.counts.get(call.execId) ?? 0) + 1);
        position = r.counts.get(call.execId) ?? 0;
      }
      if (position !== r.n || (s.when ?? "before") !== when) continue;
      r.remaining--;
      r.fired++;
      const message = s.message ?? TIME_LIMIT_MESSAGE;
      this.log.push({ ...pick(call), kind: "kill", when, message });
      return message;
    }
    return null;
  }
}

function pick(call: CallInfo): Pick<FiredFault, "index" | "key" | "handler" | "execId"> {
  return { index: call.index, key: call.key, handler: call.handler, execId: call.execId };
}
