/**
 * The bundle as Apps Script sees it: loaded once in a bare `vm` context (ES built-ins only, no
 * service globals), which both proves that loading it touches no service (a service reference at
 * top level would throw there) and lists its top-level functions (the entry points the editor,
 * triggers and google.script.run can call).
 */
import vm from "node:vm";

export interface BundleInfo {
  code: string;
  filename: string;
  /** Names of the top-level functions, sorted. */
  functions: string[];
  /** Other top-level bindings the bundle creates (e.g. the IIFE's global name). */
  globals: string[];
}

export function inspectBundle(code: string, filename = "Code.js"): BundleInfo {
  const builtins = new Set(Object.getOwnPropertyNames(vm.runInNewContext("globalThis") as object));
  const script = new vm.Script(code, { filename });
  const context = vm.createContext({});
  try {
    script.runInContext(context, { timeout: 10_000 });
  } catch (e) {
    const err = e as { name?: string; message?: string };
    throw new Error(
      `emulator: loading ${filename} failed in a bare context (${err.name}: ${err.message}); ` +
        "the bundle must not touch any service at top level",
    );
  }
  const g = vm.runInContext("globalThis", context) as Record<string, unknown>;
  const functions: string[] = [];
  const globals: string[] = [];
  for (const name of Object.getOwnPropertyNames(g)) {
    if (builtins.has(name)) continue;
    if (typeof g[name] === "function") functions.push(name);
    else globals.push(name);
  }
  return { code, filename, functions: functions.sort(), globals: globals.sort() };
}
