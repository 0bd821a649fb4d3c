/**
 * What an execution is, seen from outside the engine: Apps Script's limits, what to run
 * (`ExecSpec`, `BatchSource`) and what comes back (`ExecutionResult` with its log and calls).
 */
import type { ExecContext } from "../core.js";
import type { Tally } from "./ledger.js";
import type { LogLevel } from "./protocol.js";

/** Apps Script limits (reference/apps-script.md). */
export const TIME_LIMIT_MS = 6 * 60_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const MAX_SIMULTANEOUS_PER_USER = 30;
export const TOO_MANY_SCRIPTS =
  "There are too many scripts running simultaneously for this Google user account.";

export interface LogEntry {
  level: LogLevel;
  message: string;
  /** Virtual time of the execution when it logged. */
  atMs: number;
  source: "console" | "Logger";
}

export interface CallRecord {
  /** Global call index. */
  index: number;
  key: string;
  /** Virtual time at which the call was issued. */
  atMs: number;
  /** Modelled latency charged. */
  ms: number;
  outcome: "ok" | "error" | "fault" | "killed" | "suspended";
  /** Virtual time spent parked (waiting for a lock), if the call had to wait. */
  waitedMs?: number;
}

export interface ExecutionResult {
  id: number;
  /** Position in its batch (the name the scheduler uses for it). */
  ordinal: number;
  handler: string;
  kind: ExecContext["kind"];
  authMode: ExecContext["authMode"];
  activeUser: string;
  effectiveUser: string;
  cause?: string;
  triggerUid?: string;
  ok: boolean;
  error?: { name: string; message: string; details?: unknown; stack?: string };
  /** Why the execution was terminated, if it was. */
  killed?: "timeLimit" | "fault" | "watchdog" | "aborted";
  /** Set when it never started (too many simultaneous executions). */
  rejected?: boolean;
  /** What the function returned (handles back to host objects). */
  returnValue?: unknown;
  logs: LogEntry[];
  calls: Record<string, Tally>;
  services: Record<string, Tally>;
  callCount: number;
  /**
   * Modelled time of the execution without time spent waiting for locks: its calls' latency plus
   * the script's own time (`scriptMs`).
   */
  modelledMs: number;
  /** The script's own modelled time: the bundle's parse and the CPU for the cells it handled. */
  scriptMs: number;
  trace: CallRecord[];
  startMs: number;
  endMs: number;
  /** Errors thrown by host service code that are not Apps Script errors (emulator bugs). */
  hostErrors: string[];
}

/** One execution to run. */
export interface ExecSpec {
  handler: string;
  kind: ExecContext["kind"];
  authMode: ExecContext["authMode"];
  activeUser: string;
  effectiveUser: string;
  /** Builds the event object (first argument) when the execution starts. */
  event?: () => unknown;
  args?: unknown[];
  triggerUid?: string;
  cause?: string;
  dueMs: number;
  /** Load the bundle and call nothing. */
  loadOnly?: boolean;
}

export interface BatchSource {
  /** Due time of the next execution to start, if any. */
  peekDue(): number | undefined;
  next(): ExecSpec | undefined;
}
