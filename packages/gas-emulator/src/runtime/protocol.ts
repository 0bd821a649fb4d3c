/**
 * The messages between the host (the Node thread holding the Workspace) and a worker (a thread
 * running executions of the bundle), and the wire form of values.
 *
 * Transport: one MessageChannel per worker plus a small SharedArrayBuffer of "bells". A side
 * posts its message, then rings the other side's bell (Atomics.store + notify); the other side
 * waits on its bell (Atomics.wait) and reads the message synchronously with
 * `receiveMessageOnPort`. The worker rings the host only for messages that need an answer or end
 * an execution (`call`, `set`, `done`); `log` messages are posted without a bell and read in order
 * with the next one.
 *
 * Wire values: primitives, Date, arrays and plain objects travel as themselves (structured clone);
 * a reference to a host GasObject travels as a handle `{ [HANDLE]: id, s, c?, m?, p? }`:
 * `id` names the object within the execution, `s` its shape (class and method names, sent once
 * per execution as `c` and `m`), `p` its properties (sent the first time the object crosses).
 */

/** The key that marks a handle on the wire (a string no script object uses). */
export const HANDLE = "\u0000gas";

/** Index of the host's bell (worker → host) and of the worker's bell (host → worker) in the Int32Array. */
export const HOST_BELL = 0;
export const WORKER_BELL = 1;

export interface HandleWire {
  [HANDLE]: number;
  /** Shape id. */
  s?: number;
  /** Class name, when the shape is new to this execution. */
  c?: string;
  /** Method names, when the shape is new to this execution. */
  m?: string[];
  /** Properties (wire values), the first time this object crosses. */
  p?: Record<string, unknown>;
}

export interface ErrorWire {
  name: string;
  message: string;
  details?: unknown;
  stack?: string;
}

export interface WorkerInit {
  bells: Int32Array;
  port: import("node:worker_threads").MessagePort;
  code: string;
  filename: string;
}

// host → worker
export interface StartMsg {
  t: "start";
  exec: number;
  handler: string;
  globals: Record<string, unknown>;
  args: unknown[];
  now: number;
  /** Load the bundle but call nothing (used to prove that loading touches no service). */
  loadOnly?: boolean;
}
export interface ReplyMsg {
  t: "reply";
  v?: unknown;
  err?: ErrorWire;
  now: number;
}
interface ExitMsg {
  t: "exit";
}
export type HostMsg = StartMsg | ReplyMsg | ExitMsg;

// worker → host
interface ReadyMsg {
  t: "ready";
  /** Set when the worker could not compile the bundle. */
  error?: ErrorWire;
}
export interface CallMsg {
  t: "call";
  id: number;
  m: string;
  a: unknown[];
}
export interface SetMsg {
  t: "set";
  id: number;
  name: string;
  v: unknown;
}
interface LogMsg {
  t: "log";
  level: LogLevel;
  text: string;
}
export interface DoneMsg {
  t: "done";
  ok: boolean;
  v?: unknown;
  err?: ErrorWire;
}
export type WorkerMsg = ReadyMsg | CallMsg | SetMsg | LogMsg | DoneMsg;

export type LogLevel = "log" | "info" | "warn" | "error" | "debug";
