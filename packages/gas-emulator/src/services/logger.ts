/**
 * Logger: `Logger.log(data)` / `Logger.log(format, ...values)`, `getLog()`, `clear()`.
 *
 * Each execution has its own log (as in Apps Script, `getLog()` returns what this execution
 * logged). The runtime registers a sink so the lines also land in the execution's result next to
 * its `console` output. Calls from the harness (no execution) go to a harness log.
 */
import { GasObject, type ExecContext } from "../core.js";
import type { Workspace } from "../workspace.js";

type LogSink = (ctx: ExecContext, message: string) => void;

interface LoggerState {
  lines: Map<number, string[]>;
  harness: string[];
  sink: LogSink | null;
}

function state(ws: Workspace): LoggerState {
  return ws.slot<LoggerState>("logger", () => {
    return { lines: new Map(), harness: [], sink: null };
  });
}

/** Called by the runtime: where Logger lines of an execution go besides getLog(). */
export function setLogSink(ws: Workspace, sink: LogSink | null): void {
  state(ws).sink = sink;
}

/** Lines Logger.log wrote outside any execution (the harness acting directly). */
export function harnessLog(ws: Workspace): readonly string[] {
  return state(ws).harness;
}

/** Formats a value as Logger prints it: strings as they are, the rest as JSON. */
function show(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === undefined) return "undefined";
  if (v instanceof Date) return v.toString();
  if (v instanceof GasObject) return v.toString();
  if (typeof v === "object" && v !== null) {
    try {
      return JSON.stringify(v, (_k, x: unknown) => (x instanceof GasObject ? x.toString() : x));
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Java-style `%s`/`%d`/`%f` substitution, as `Logger.log(format, values…)` does. */
export function formatLog(format: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof format !== "string") return show(format);
  let i = 0;
  return format.replace(/%(?:\.(\d+))?([sdf%])/g, (m, digits: string | undefined, conv: string) => {
    if (conv === "%") return "%";
    if (i >= values.length) return m;
    const v = values[i++];
    if (conv === "d") return String(Math.trunc(Number(v)));
    if (conv === "f") return digits !== undefined ? Number(v).toFixed(Number(digits)) : String(Number(v));
    return show(v);
  });
}

function stamp(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "2-digit",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(new Date(ms));
  const p = (t: string): string => parts.find((x) => x.type === t)?.value ?? "";
  const milli = String(ms % 1000).padStart(3, "0");
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}:${p("second")}:${milli} ${p("timeZoneName")}`;
}

export class LoggerService extends GasObject implements GoogleAppsScript.Base.Logger {
  readonly gasClass = "Logger";
  constructor(private readonly ws: Workspace) {
    super();
  }

  log(data: unknown, ...values: unknown[]): LoggerService {
    const ws = this.ws;
    const st = state(ws);
    const message = formatLog(data, values);
    const line = `[${stamp(ws.now(), ws.scriptTimeZone)}] ${message}`;
    const ctx = ws.current;
    if (!ctx) {
      st.harness.push(line);
      return this;
    }
    let lines = st.lines.get(ctx.id);
    if (!lines) {
      lines = [];
      st.lines.set(ctx.id, lines);
    }
    lines.push(line);
    st.sink?.(ctx, message);
    return this;
  }

  getLog(): string {
    const ctx = this.ws.current;
    const st = state(this.ws);
    const lines = ctx ? (st.lines.get(ctx.id) ?? []) : st.harness;
    return lines.length ? `${lines.join("\n")}\n` : "";
  }

  clear(): void {
    const ctx = this.ws.current;
    const st = state(this.ws);
    if (ctx) st.lines.delete(ctx.id);
    else st.harness.length = 0;
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  // Installed with the service, not with its state: a workspace restored from a snapshot
  // (index.ts) already has the state and gets its hooks again here.
  ws.endHooks.push((ctx) => state(ws).lines.delete(ctx.id));
  return { Logger: new LoggerService(ws) };
}
