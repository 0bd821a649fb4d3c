/**
 * Writing the whole state of a workspace to a directory, for people to look at: one
 * `workspace.json` (clock, identities, triggers, pending executions, quotas, every service's
 * state) plus whatever files the services export (sheets as CSV, the outbox, documents, …).
 *
 * Services take part in one of two ways:
 *  - call `registerDumper(name, fn)` (typically from their `install()`): `fn(ws)` returns the
 *    JSON for `workspace.json` under `services.<name>` and/or files written under `<dir>/<name>/`;
 *  - or give their `ws.state` slot a `toJSON()` method: it is used when no dumper has that name.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import type { Workspace } from "./workspace.js";

interface DumpPart {
  json?: unknown;
  /** Relative path → content. */
  files?: Record<string, string | Uint8Array>;
}

type Dumper = (ws: Workspace) => DumpPart | null | undefined;

const dumpers = new Map<string, Dumper>();

/** Registers (or replaces) the dumper of a service. */
export function registerDumper(name: string, fn: Dumper): void {
  dumpers.set(name, fn);
}

/** A JSON replacer: Dates as ISO text, Maps and Sets as objects and arrays, bytes as base64, no cycles. */
function replacer(): (this: unknown, key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return function (_key, value) {
    if (value instanceof Map) return Object.fromEntries(value);
    if (value instanceof Set) return [...value];
    if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString("base64") };
    if (value !== null && typeof value === "object") {
      const v = value as { type?: unknown; data?: unknown };
      if (v.type === "Buffer" && Array.isArray(v.data))
        return { base64: Buffer.from(v.data as number[]).toString("base64") };
      if (seen.has(value)) return "[circular]";
      seen.add(value);
    }
    if (typeof value === "function") return undefined;
    return value;
  };
}

function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, replacer(), 2)}\n`;
}

function safeJoin(dir: string, rel: string): string {
  const n = normalize(rel).replace(/^(\.\.(\/|\\|$))+/, "");
  return join(dir, n);
}

/**
 * Writes the workspace to `dir` (created if needed). `extra` goes into workspace.json as well
 * (the facade adds the cost ledger). Returns the paths written, relative to `dir`.
 */
export function dumpWorkspace(ws: Workspace, dir: string, extra: Record<string, unknown> = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const services: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const [name, fn] of dumpers) {
    let part: DumpPart | null | undefined;
    try {
      part = fn(ws);
    } catch (e) {
      problems[name] = String(e);
      continue;
    }
    if (!part) continue;
    if (part.json !== undefined) services[name] = part.json;
    for (const [rel, content] of Object.entries(part.files ?? {})) {
      const relPath = join(name, rel);
      const path = safeJoin(dir, relPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      written.push(relPath);
    }
  }
  for (const [name, slot] of ws.state) {
    if (name in services || dumpers.has(name)) continue;
    const toJSON = (slot as { toJSON?: unknown } | null)?.toJSON;
    if (typeof toJSON === "function") {
      try {
        services[name] = (toJSON as () => unknown).call(slot);
      } catch (e) {
        problems[name] = String(e);
      }
    }
  }
  const doc = {
    clock: { ms: ws.clockMs, iso: new Date(ws.clockMs).toISOString() },
    domain: ws.domain,
    scriptTimeZone: ws.scriptTimeZone,
    owner: ws.owner,
    identities: [...ws.identities.values()],
    triggers: ws.triggers,
    pending: ws.pending.map((p) => ({
      handler: p.handler,
      kind: p.kind,
      cause: p.cause,
      dueMs: p.dueMs,
      activeUser: p.activeUser,
      effectiveUser: p.effectiveUser,
      ...(p.triggerUid ? { triggerUid: p.triggerUid } : {}),
    })),
    quotas: ws.quotas.snapshot(),
    ...extra,
    services,
    ...(Object.keys(problems).length ? { problems } : {}),
    slotsWithoutDump: [...ws.state.keys()].filter((k) => !(k in services)).sort(),
  };
  writeFileSync(join(dir, "workspace.json"), toJsonText(doc));
  written.unshift("workspace.json");
  return written;
}
