/**
 * Which execution goes next. Whenever every execution in flight is blocked (waiting for the reply
 * to a service call, or parked on a lock), the runtime lists the runnable ones as candidates and
 * asks the scheduler to pick one. Policies:
 *  - "time" (default): the earliest virtual time first (a faithful discrete-event simulation);
 *    ties broken by the seeded RNG;
 *  - "random": uniformly among the candidates, from the seeded RNG;
 *  - "sticky": keep running the execution that ran last while it can, else the lowest ordinal
 *    (the non-preemptive schedule, the base of `explore`);
 *  - { choices: [ordinals…], then }: follow an explicit list, then fall back to `then`.
 * Candidates are named by their execution's ordinal in its batch (0, 1, 2 … in start order).
 * Every decision is recorded, so a schedule can be replayed and explored.
 */
import { Rng } from "../workspace.js";

type BasePolicy = "time" | "random" | "sticky";
export type SchedulePolicy = BasePolicy | { choices: readonly number[]; then?: BasePolicy };

export interface Candidate {
  ordinal: number;
  /** Virtual time at which this step happens. */
  time: number;
  kind: "call" | "resume" | "timeout";
}

export interface Decision {
  candidates: number[];
  chosen: number;
  /** The ordinal that ran the previous step, if any. */
  last: number | null;
  /** True when the chosen execution is not the last one although the last one could go on. */
  preemption: boolean;
}

export class Scheduler {
  readonly trace: Decision[] = [];
  private readonly rng: Rng;
  private readonly base: BasePolicy;
  private readonly choices: readonly number[];

  constructor(policy: SchedulePolicy = "time", seed = 1) {
    this.rng = new Rng(seed ^ 0x5bd1e995);
    if (typeof policy === "string") {
      this.base = policy;
      this.choices = [];
    } else {
      this.base = policy.then ?? "sticky";
      this.choices = policy.choices;
    }
  }

  /** Picks one of the candidates (sorted by ordinal) and records the decision. */
  pick(candidates: Candidate[], last: number | null): Candidate {
    if (candidates.length === 0) throw new Error("scheduler: nothing to pick from");
    const step = this.trace.length;
    let chosen: Candidate;
    if (step < this.choices.length) {
      const want = this.choices[step]!;
      const c = candidates.find((x) => x.ordinal === want);
      if (!c) {
        throw new Error(
          `scheduler: choice ${want} at step ${step} is not runnable (candidates: ${candidates.map((x) => x.ordinal).join(", ")})`,
        );
      }
      chosen = c;
    } else {
      chosen = this.byPolicy(candidates, last);
    }
    const ordinals = candidates.map((c) => c.ordinal);
    const lastCouldGo = last !== null && ordinals.includes(last);
    this.trace.push({
      candidates: ordinals,
      chosen: chosen.ordinal,
      last,
      preemption: lastCouldGo && chosen.ordinal !== last,
    });
    return chosen;
  }

  private byPolicy(candidates: Candidate[], last: number | null): Candidate {
    if (candidates.length === 1) return candidates[0]!;
    switch (this.base) {
      case "random":
        return candidates[this.rng.int(candidates.length)]!;
      case "sticky":
        return candidates.find((c) => c.ordinal === last) ?? candidates[0]!;
      case "time": {
        let best = Infinity;
        for (const c of candidates) best = Math.min(best, c.time);
        const ties = candidates.filter((c) => c.time === best);
        return ties.length === 1 ? ties[0]! : ties[this.rng.int(ties.length)]!;
      }
    }
  }

  /** The chosen ordinals so far (an explicit schedule that replays this run). */
  get choicesMade(): number[] {
    return this.trace.map((d) => d.chosen);
  }

  get preemptions(): number {
    return this.trace.filter((d) => d.preemption).length;
  }
}

/**
 * For `explore`: the schedules to try next after a run that followed `prefixLength` forced
 * choices and recorded `trace`. Each alternative keeps the run's choices up to a step, takes
 * another candidate there, and lets the sticky policy continue; only alternatives with at most
 * `maxPreemptions` preemptions are kept. Branching only after the forced prefix enumerates
 * every schedule once (depth-first, as in preemption-bounded stateless model checking).
 */
export function alternatives(
  trace: readonly Decision[],
  prefixLength: number,
  maxPreemptions: number,
): number[][] {
  const out: number[][] = [];
  const before: number[] = [];
  let count = 0;
  for (const d of trace) {
    before.push(count);
    if (d.preemption) count++;
  }
  for (let i = trace.length - 1; i >= prefixLength; i--) {
    const d = trace[i]!;
    const lastCouldGo = d.last !== null && d.candidates.includes(d.last);
    for (const alt of d.candidates) {
      if (alt === d.chosen) continue;
      const pre = before[i]! + (lastCouldGo && alt !== d.last ? 1 : 0);
      if (pre > maxPreemptions) continue;
      out.push([...trace.slice(0, i).map((x) => x.chosen), alt]);
    }
  }
  return out;
}
