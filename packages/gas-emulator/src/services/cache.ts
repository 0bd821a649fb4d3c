/**
 * CacheService: short-lived string caches (script-wide, per user, per document) on the virtual
 * clock. Not durable by design: `evictAllCaches(ws)` empties every cache at once so tests can prove
 * the project never keeps its only copy of anything here.
 *
 * Documented and emulated: key ≤ 250 characters ("Argument too large: key"), value ≤ 100 KB
 * ("Argument too large: value"), expiration default 600 s and at most 21,600 s, a cap of 1,000
 * items per cache (on overflow the 900 items farthest from expiration are kept). Choices are
 * listed in docs/EMULATOR-services.md.
 */
import { GasObject, serviceError } from "../core.js";
import type { Workspace } from "../workspace.js";

const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
const CACHE_DEFAULT_TTL_S = 600;
const CACHE_MAX_TTL_S = 21_600;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_ITEMS_AFTER_EVICTION = 900;

interface Entry {
  value: string;
  expiresAtMs: number;
  /** Insertion order, to break ties between equal expiration times. */
  seq: number;
}

class CacheState {
  readonly caches = new Map<string, Map<string, Entry>>();
  seq = 0;
  cache(scope: string): Map<string, Entry> {
    let c = this.caches.get(scope);
    if (!c) {
      c = new Map();
      this.caches.set(scope, c);
    }
    return c;
  }
  toJSON(): Record<string, Record<string, { value: string; expiresAt: string }>> {
    const out: Record<string, Record<string, { value: string; expiresAt: string }>> = {};
    for (const [scope, entries] of this.caches) {
      out[scope] = {};
      for (const [k, e] of entries) {
        out[scope][k] = { value: e.value, expiresAt: new Date(e.expiresAtMs).toISOString() };
      }
    }
    return out;
  }
}

function stateOf(ws: Workspace): CacheState {
  return ws.slot("cache", () => new CacheState());
}

/** Host function: the cache service loses everything (as it may at any time). */
export function evictAllCaches(ws: Workspace): void {
  stateOf(ws).caches.clear();
}

/** Host accessor: what a cache scope ("script", "document", "user:<email>") holds now, unexpired. */
export function cacheContents(ws: Workspace, scope: string): Record<string, string> {
  const now = ws.now();
  const out: Record<string, string> = {};
  for (const [k, e] of stateOf(ws).caches.get(scope) ?? []) if (e.expiresAtMs > now) out[k] = e.value;
  return out;
}

function ttlMs(expirationInSeconds: unknown): number {
  if (expirationInSeconds === undefined || expirationInSeconds === null) return CACHE_DEFAULT_TTL_S * 1000;
  const n = Number(expirationInSeconds);
  if (!Number.isFinite(n)) throw serviceError("Invalid argument: expirationInSeconds");
  // Choice: below the documented minimum of 1 s the default applies; above 21,600 s it is capped.
  if (n < 1) return CACHE_DEFAULT_TTL_S * 1000;
  return Math.min(Math.floor(n), CACHE_MAX_TTL_S) * 1000;
}

export class Cache extends GasObject implements GoogleAppsScript.Cache.Cache {
  readonly gasClass = "Cache";
  constructor(
    private readonly ws: Workspace,
    private readonly scope: string,
  ) {
    super();
  }

  private _entries(): Map<string, Entry> {
    const entries = stateOf(this.ws).cache(this.scope);
    const now = this.ws.now();
    for (const [k, e] of entries) if (e.expiresAtMs <= now) entries.delete(k);
    return entries;
  }

  private static checkKey(key: unknown): string {
    const k = String(key);
    if (k.length > CACHE_KEY_MAX_CHARS) throw serviceError("Argument too large: key");
    return k;
  }

  private static checkValue(value: unknown): string {
    const v = String(value);
    if (Buffer.byteLength(v, "utf8") > CACHE_VALUE_MAX_BYTES) throw serviceError("Argument too large: value");
    return v;
  }

  private _store(pairs: [string, string][], expirationInSeconds: unknown): void {
    const expiresAtMs = this.ws.now() + ttlMs(expirationInSeconds);
    const state = stateOf(this.ws);
    const entries = this._entries();
    for (const [k, v] of pairs) {
      entries.delete(k);
      entries.set(k, { value: v, expiresAtMs, seq: ++state.seq });
    }
    if (entries.size > CACHE_MAX_ITEMS) {
      const keep = [...entries]
        .sort(([, a], [, b]) => b.expiresAtMs - a.expiresAtMs || b.seq - a.seq)
        .slice(0, CACHE_ITEMS_AFTER_EVICTION);
      const kept = new Set(keep.map(([k]) => k));
      for (const k of [...entries.keys()]) if (!kept.has(k)) entries.delete(k);
    }
  }

  get(key: string): string | null {
    return this._entries().get(Cache.checkKey(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw serviceError("Invalid argument: keys");
    const entries = this._entries();
    const out: Record<string, string> = {};
    for (const key of keys) {
      const e = entries.get(Cache.checkKey(key));
      if (e) out[String(key)] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this._store([[Cache.checkKey(key), Cache.checkValue(value)]], expirationInSeconds);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    if (values === null || typeof values !== "object") throw serviceError("Invalid argument: values");
    const pairs: [string, string][] = Object.entries(values).map(([k, v]) => [
      Cache.checkKey(k),
      Cache.checkValue(v),
    ]);
    this._store(pairs, expirationInSeconds);
  }

  remove(key: string): void {
    this._entries().delete(Cache.checkKey(key));
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw serviceError("Invalid argument: keys");
    const entries = this._entries();
    for (const key of keys) entries.delete(Cache.checkKey(key));
  }
}

export class CacheService extends GasObject implements GoogleAppsScript.Cache.CacheService {
  readonly gasClass = "CacheService";
  constructor(private readonly ws: Workspace) {
    super();
  }
  getScriptCache(): Cache {
    return new Cache(this.ws, "script");
  }
  getUserCache(): Cache {
    return new Cache(this.ws, `user:${this.ws.actor().toLowerCase()}`);
  }
  /** The script is bound to the register spreadsheet: there is always a document cache. */
  getDocumentCache(): Cache {
    return new Cache(this.ws, "document");
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  stateOf(ws);
  return { CacheService: new CacheService(ws) };
}
