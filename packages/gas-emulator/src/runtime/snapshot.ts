/**
 * Snapshots of a workspace: a deep copy of its whole state (identities, clock, quotas, ids,
 * triggers, every service's state), so that a test can run setup once and start many cases from
 * the same state instead of replaying setup for each (index.ts `snapshot` / `restore`).
 *
 * The copy keeps every object's prototype (the services' state is made of classes), Maps, Sets,
 * Dates, byte arrays, and shared or cyclic references (each object is copied once). Functions are
 * not state: the end-of-execution hooks are left out and installed again by the services when the
 * copy is restored, objects with methods of their own (handlers the services register at install)
 * are kept as they are and replaced at install, and any other function found in the state is an
 * error (a closure would keep pointing at the original objects).
 */
import type { Workspace } from "../workspace.js";

/** Own properties of the workspace that the copy leaves out (reinstalled by the services). */
const SKIPPED = new Set<PropertyKey>(["endHooks"]);

export function cloneWorkspace(ws: Workspace): Workspace {
  if (ws.current) throw new Error("emulator: a snapshot is taken between executions, not during one");
  if (ws.pending.length > 0)
    throw new Error(`emulator: a snapshot with ${ws.pending.length} pending executions (drain them first)`);
  const memo = new Map<object, unknown>();
  const out = Object.create(Object.getPrototypeOf(ws) as object) as Workspace;
  memo.set(ws, out);
  for (const key of Reflect.ownKeys(ws)) {
    const d = Object.getOwnPropertyDescriptor(ws, key)!;
    if (SKIPPED.has(key)) {
      Object.defineProperty(out, key, { ...d, value: [] });
      continue;
    }
    if ("value" in d) d.value = copy(d.value, memo, String(key));
    Object.defineProperty(out, key, d);
  }
  return out;
}

/**
 * Fields copied only when first read: a sheet's cells are most of a workspace's objects and most
 * executions touch a few sheets, so a restored sheet shares its snapshot's cells until it is used.
 * The fields must be reachable only through their owner (nothing else may point into them).
 * `copier` copies such a field faster than the generic copy when the owner knows its shape (a
 * sheet's grid of cells: about a twentieth of the time); the generic copy by default.
 */
type Copier = (value: unknown) => unknown;
const LAZY = new WeakMap<object, ReadonlyMap<string, Copier>>();

export function copyLazily(
  ctor: abstract new (...args: never[]) => unknown,
  fields: readonly string[],
  copier: Copier = deepCopy,
): void {
  LAZY.set(ctor.prototype as object, new Map(fields.map((f) => [f, copier])));
}

interface LazyGetter {
  (): unknown;
  lazySource: unknown;
  copier: Copier;
}

function defineLazy(target: object, key: string, source: unknown, copier: Copier): void {
  const get = function (this: object): unknown {
    const value = copier(source);
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  } as LazyGetter;
  get.lazySource = source;
  get.copier = copier;
  Object.defineProperty(target, key, {
    get,
    set(value: unknown) {
      Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
}

/** A deep copy of any value of the state (exported for tests of the copy itself). */
export function deepCopy<T>(value: T): T {
  return copy(value, new Map(), "value") as T;
}

function copy(v: unknown, memo: Map<object, unknown>, path: string): unknown {
  if (v === null || typeof v !== "object") {
    if (typeof v === "function")
      throw new Error(`emulator: a function in the workspace state (property ${path})`);
    return v;
  }
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (Buffer.isBuffer(v)) {
    const b = Buffer.from(v);
    memo.set(v, b);
    return b;
  }
  if (ArrayBuffer.isView(v)) {
    const ctor = v.constructor as new (a: ArrayBufferLike) => ArrayBufferView;
    const b = new ctor(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
    memo.set(v, b);
    return b;
  }
  if (v instanceof Date) {
    const d = new Date(v.getTime());
    memo.set(v, d);
    return d;
  }
  if (v instanceof RegExp) return v;
  if (v instanceof Map) {
    const m = new Map<unknown, unknown>();
    Object.setPrototypeOf(m, Object.getPrototypeOf(v) as object);
    memo.set(v, m);
    for (const [k, x] of v) m.set(copy(k, memo, path), copy(x, memo, path));
    copyOwn(v, m, memo);
    return m;
  }
  if (v instanceof Set) {
    const s = new Set<unknown>();
    Object.setPrototypeOf(s, Object.getPrototypeOf(v) as object);
    memo.set(v, s);
    for (const x of v) s.add(copy(x, memo, path));
    copyOwn(v, s, memo);
    return s;
  }
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto === Object.prototype) {
    // The common case (a cell, a record): a plain object with ordinary data properties.
    // An object with methods of its own (a Drive handler for a Google file type) is behaviour, not
    // state: the services register theirs again when installed on the copy, replacing this one.
    const keys = Object.keys(v);
    let methods = false;
    for (const k of keys) if (typeof (v as Record<string, unknown>)[k] === "function") methods = true;
    if (methods) return v;
    const o: Record<string, unknown> = {};
    memo.set(v, o);
    for (const k of keys) {
      const x = (v as Record<string, unknown>)[k];
      o[k] = x === null || typeof x !== "object" ? x : copy(x, memo, k);
    }
    if (Object.getOwnPropertySymbols(v).length === 0 && keys.length === Reflect.ownKeys(v).length) return o;
    memo.delete(v);
  }
  if (Array.isArray(v)) {
    const a: unknown[] = new Array<unknown>(v.length);
    memo.set(v, a);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === null || typeof x !== "object") {
        if (x !== undefined || i in v) a[i] = x;
        if (typeof x === "function") copy(x, memo, path);
      } else a[i] = copy(x, memo, path);
    }
    return a;
  }
  const o = Object.create(Object.getPrototypeOf(v) as object | null) as object;
  memo.set(v, o);
  copyOwn(v, o, memo);
  return o;
}

function copyOwn(from: object, to: object, memo: Map<object, unknown>): void {
  const lazy = LAZY.get(Object.getPrototypeOf(from) as object);
  for (const key of Reflect.ownKeys(from)) {
    const d = Object.getOwnPropertyDescriptor(from, key)!;
    const getter = d.get as LazyGetter | undefined;
    if (getter && "lazySource" in getter) {
      // Not read since it was restored: the copy shares the same source, still untouched.
      defineLazy(to, key as string, getter.lazySource, getter.copier);
      continue;
    }
    const copier = lazy && typeof key === "string" ? lazy.get(key) : undefined;
    if (copier && "value" in d) {
      // The source is the snapshot's own copy, made now, so later changes to `from` stay out of it.
      defineLazy(to, key as string, copier(d.value), copier);
      continue;
    }
    if ("value" in d) d.value = copy(d.value, memo, String(key));
    Object.defineProperty(to, key, d);
  }
}
