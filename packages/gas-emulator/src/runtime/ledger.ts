/**
 * The cost ledger: every service call counted with its modelled latency, per "Class.method" and
 * per service, for one execution and in total over the workspace.
 */
import { serviceOf } from "../costs.js";

export interface Tally {
  count: number;
  ms: number;
}

export interface LedgerSnapshot {
  executions: number;
  callCount: number;
  modelledMs: number;
  scriptMs: number;
  calls: Record<string, Tally>;
  services: Record<string, Tally>;
}

export class Tallies {
  readonly calls = new Map<string, Tally>();
  readonly services = new Map<string, Tally>();
  callCount = 0;
  /** Calls' latency plus the script's own time. */
  modelledMs = 0;
  /** The script's own time (bundle parse, CPU per cell), included in modelledMs. */
  scriptMs = 0;

  add(key: string, gasClass: string, ms: number): void {
    bump(this.calls, key, ms);
    bump(this.services, serviceOf(gasClass), ms);
    this.callCount++;
    this.modelledMs += ms;
  }

  addScript(ms: number): void {
    this.scriptMs += ms;
    this.modelledMs += ms;
  }

  callsRecord(): Record<string, Tally> {
    return toRecord(this.calls);
  }

  servicesRecord(): Record<string, Tally> {
    return toRecord(this.services);
  }
}

function bump(m: Map<string, Tally>, key: string, ms: number): void {
  const t = m.get(key);
  if (t) {
    t.count++;
    t.ms += ms;
  } else {
    m.set(key, { count: 1, ms });
  }
}

function toRecord(m: Map<string, Tally>): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const k of [...m.keys()].sort()) out[k] = { ...m.get(k)! };
  return out;
}

export class Ledger {
  private totals = new Tallies();
  executions = 0;

  /** Records one call of an execution (its own tallies) and in the totals. */
  record(own: Tallies, key: string, gasClass: string, ms: number): void {
    own.add(key, gasClass, ms);
    this.totals.add(key, gasClass, ms);
  }

  /** Records the script's own time (parse, CPU) of an execution and in the totals. */
  recordScript(own: Tallies, ms: number): void {
    own.addScript(ms);
    this.totals.addScript(ms);
  }

  /** Count and modelled ms of one "Class.method" (zero if never called). */
  of(key: string): Tally {
    return { ...(this.totals.calls.get(key) ?? { count: 0, ms: 0 }) };
  }

  /** Count and modelled ms of one service ("SpreadsheetApp", "LockService", …). */
  service(name: string): Tally {
    return { ...(this.totals.services.get(name) ?? { count: 0, ms: 0 }) };
  }

  snapshot(): LedgerSnapshot {
    return {
      executions: this.executions,
      callCount: this.totals.callCount,
      modelledMs: this.totals.modelledMs,
      scriptMs: this.totals.scriptMs,
      calls: this.totals.callsRecord(),
      services: this.totals.servicesRecord(),
    };
  }

  reset(): void {
    this.totals = new Tallies();
    this.executions = 0;
  }
}
