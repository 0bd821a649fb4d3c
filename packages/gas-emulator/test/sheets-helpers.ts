/** Shared helpers for the Sheets and Forms emulator tests. */
export { end, exec, within } from "./helpers.js";
import { OFFICE } from "./helpers.js";
import { install } from "../src/services/sheets.js";
import type { SpreadsheetApp } from "../src/services/sheets/app.js";
import { Workspace } from "../src/workspace.js";

export function setup(opts: { startMs?: number } = {}): { ws: Workspace; app: SpreadsheetApp } {
  const ws = new Workspace({ ...OFFICE, domain: "kota.go.id", ...opts });
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
