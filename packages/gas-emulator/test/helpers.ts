/** Helpers shared by the emulator's own tests. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, expect } from "vitest";
import { processTimeZone, useProcessTimeZone } from "../src/index.js";
import { type ExecContext, GasError, GasObject } from "../src/core.js";
import type { Workspace, WorkspaceOptions } from "../src/workspace.js";

/**
 * The office these tests model (an Indonesian one: the zone, the language and the spreadsheet
 * locale the assertions were written in). The emulator's own defaults are neutral.
 */
export const OFFICE: WorkspaceOptions = {
  domain: "contohkota.go.id",
  scriptTimeZone: "Asia/Jakarta",
  userLocale: "id",
  spreadsheetLocale: "id_ID",
};

/**
 * Gives the process back its zone once a file's tests are done. An Emulator with `scriptTimeZone`
 * (OFFICE's Asia/Jakarta) makes that zone the process's; a file that creates one calls this at its
 * top, so that the next file in the same process starts in whatever zone it was given.
 */
export function restoreProcessZoneAfterAll(): void {
  const before = processTimeZone();
  afterAll(() => useProcessTimeZone(before));
}

/** A service class, as the surface tests name them. */
export type GasClass = abstract new (...args: never[]) => GasObject;

/** The emulator contract's own methods (gasProps, gasSet, toString), which every GasObject has. */
const CONTRACT = new Set(Object.getOwnPropertyNames(GasObject.prototype));

/**
 * The methods the runtime exposes to the script for a class or one of its objects: prototype
 * methods up to GasObject whose names do not start with "_", minus GasObject's own hooks
 * (gasProps, gasSet, toString) that subclasses override. Throws on an accessor, which the runtime
 * would expose too.
 */
export function publicMethods(clsOrObj: GasClass | GasObject): string[] {
  const start = typeof clsOrObj === "function" ? clsOrObj.prototype : Object.getPrototypeOf(clsOrObj);
  const owner = (start as object).constructor.name;
  const names = new Set<string>();
  for (let p = start as object; p && p !== GasObject.prototype; p = Object.getPrototypeOf(p) as object) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (CONTRACT.has(n) || n.startsWith("_")) continue;
      const d = Object.getOwnPropertyDescriptor(p, n)!;
      if (d.get || d.set) throw new Error(`${owner}.${n} is an accessor: the runtime would expose it`);
      if (typeof d.value === "function") names.add(n);
    }
  }
  return [...names].sort();
}

const typesDir = dirname(createRequire(import.meta.url).resolve("@types/google-apps-script/package.json"));

/** The method names of interface `name` in one file of @types/google-apps-script (its first declaration). */
export function interfaceMethods(file: string, name: string): Set<string> {
  const text = readFileSync(join(typesDir, file), "utf8");
  const m = new RegExp(`\\n( *)interface ${name}(?: extends [\\w.]+)? \\{`).exec(text);
  if (!m) throw new Error(`no interface ${name} in ${file}`);
  const end = text.indexOf(`\n${m[1]}}`, m.index + 1);
  const body = text.slice(m.index, end);
  return new Set([...body.matchAll(/^\s+(?:\/\*\*.*?\*\/\s*)?(\w+)\(/gm)].map((x) => x[1]!));
}

let nextId = 1000;

/**
 * A hand-made execution (as the runtime would create one): by default a direct run by the script's
 * owner, starting now on the virtual clock, with the 6-minute limit; `over` sets any field.
 */
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

/** The Apps Script error `f` throws (the test fails if it throws anything else, or nothing). */
export function thrown(f: () => unknown): GasError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GasError);
    return e as GasError;
  }
  throw new Error("expected an error");
}
