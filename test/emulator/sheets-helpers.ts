/** Shared helpers for the Sheets and Forms emulator tests. */
import type { ExecContext } from "./core.js";
import { install } from "./services/sheets.js";
import type { SpreadsheetApp } from "./services/sheets/app.js";
import { Workspace } from "./workspace.js";

let nextId = 1000;

/** A hand-made execution (as the runtime would create one). */
export function exec(ws: Workspace, over: Partial<ExecContext> = {}): ExecContext {
  return {
    id: nextId++,
    handler: "test",
    kind: "run",
    authMode: "FULL",
    activeUser: ws.owner.email,
    effectiveUser: ws.owner.email,
    startMs: ws.clockMs,
    nowMs: ws.clockMs,
    timeLimitMs: 360_000,
    ...over,
  };
}

/** Runs `f` as the given execution (ws.current set), then restores the harness. */
export function within<T>(ws: Workspace, ctx: ExecContext, f: () => T): T {
  const prev = ws.current;
  ws.current = ctx;
  try {
    return f();
  } finally {
    ws.current = prev;
  }
}

/** Ends an execution as the runtime does (runs the end hooks). */
export function end(ws: Workspace, ctx: ExecContext): void {
  for (const h of ws.endHooks) h(ctx);
}

export function setup(): { ws: Workspace; app: SpreadsheetApp } {
  const ws = new Workspace({ domain: "kota.go.id" });
  const globals = install(ws);
  return { ws, app: globals.SpreadsheetApp as SpreadsheetApp };
}

/** Expects `f` to throw an Apps Script style error with exactly this message. */
export function thrown(f: () => unknown): { name: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as Error;
    return { name: err.name, message: err.message };
  }
  throw new Error("expected an error");
}
