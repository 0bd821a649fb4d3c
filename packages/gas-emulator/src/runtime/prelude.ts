/**
 * The script-side half of the runtime. `prelude` is never called in this module's realm: the
 * worker turns its source text into a script and evaluates it inside each fresh `vm` context, so
 * everything it builds (service proxies, values coming back from the host, errors, `Date`,
 * `console`) belongs to the context's own realm, as the script expects (`x instanceof Array`,
 * `e instanceof Error`). It must therefore be self-contained: no reference to anything outside
 * the function body (imports are types only).
 *
 * The two worker-realm functions it receives stay hidden in its closure; nothing from the
 * worker's realm is handed to the script.
 */
import type { CallMsg, DoneMsg, ErrorWire, HandleWire, LogLevel, ReplyMsg, SetMsg } from "./protocol.js";

export interface PreludeApi {
  /** Installs the service globals (wire values), `Date` on the virtual clock, and `console`. */
  setup(globals: Record<string, unknown>, nowMs: number): void;
  /** Calls a top-level function of the loaded bundle; never throws. */
  run(handler: string, args: unknown[]): Omit<DoneMsg, "t">;
}

export type HostCall = (msg: CallMsg | SetMsg) => ReplyMsg;
export type HostLog = (level: LogLevel, text: string) => void;

export function prelude(hostCall: HostCall, hostLog: HostLog): PreludeApi {
  "use strict";
  const HANDLE_KEY = "\u0000gas";
  const G = globalThis as unknown as Record<string, unknown>;
  const RealDate = Date;
  const RealError = Error;
  const toTag = (v: unknown): string => Object.prototype.toString.call(v);
  const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  const clock = { now: 0 };

  interface Shape {
    cls: string;
    methods: Set<string>;
  }
  const shapes = new Map<number, Shape>();
  const proxies = new Map<number, object>();
  const proxyClass = new WeakMap<object, { id: number; cls: string }>();
  /** Members a script or a formatter may probe without meaning a service method. */
  const quiet = new Set(["then", "toJSON", "valueOf", "constructor"]);

  function define(name: string, value: unknown): void {
    Object.defineProperty(G, name, { value, writable: true, configurable: true, enumerable: false });
  }

  // ---------- values from the host (worker realm) into this realm ----------
  function decode(v: unknown, depth: number): unknown {
    if (v === null || typeof v !== "object") return v;
    if (depth > 200) throw new RangeError("emulator: value nested too deeply");
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = decode(v[i], depth + 1);
      return out;
    }
    if (toTag(v) === "[object Date]") return new RealDate((v as Date).getTime());
    const o = v as Record<string, unknown>;
    if (hasOwn(o, HANDLE_KEY)) return handle(o as unknown as HandleWire);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = decode(o[k], depth + 1);
    return out;
  }

  function handle(w: HandleWire): object {
    const id = w[HANDLE_KEY as "\u0000gas"];
    const known = proxies.get(id);
    if (known) return known;
    if (w.c !== undefined && w.s !== undefined) shapes.set(w.s, { cls: w.c, methods: new Set(w.m ?? []) });
    const shape = w.s === undefined ? undefined : shapes.get(w.s);
    if (!shape) throw new RealError(`emulator: handle ${id} arrived without its shape`);
    const props = w.p ? (decode(w.p, 0) as Record<string, unknown>) : null;
    const p = makeProxy(id, shape, props);
    proxies.set(id, p);
    return p;
  }

  // ---------- values from this realm to the host ----------
  function encode(v: unknown, where: string, depth: number): unknown {
    if (v === null) return null;
    const t = typeof v;
    if (t === "function") throw new TypeError(`not emulated: passing a function to ${where}`);
    if (t === "symbol") throw new TypeError(`not emulated: passing a symbol to ${where}`);
    if (t !== "object") return v;
    const obj = v as object;
    const info = proxyClass.get(obj);
    if (info) return { [HANDLE_KEY]: info.id };
    if (depth > 200) throw new RangeError(`${where}: value nested too deeply (a cycle?)`);
    if (Array.isArray(obj)) {
      const out = new Array<unknown>(obj.length);
      for (let i = 0; i < obj.length; i++) out[i] = encode(obj[i], where, depth + 1);
      return out;
    }
    const tag = toTag(obj);
    if (tag === "[object Date]") return new RealDate((obj as Date).getTime());
    if (ArrayBuffer.isView(obj)) return Array.prototype.slice.call(obj);
    const out: Record<string, unknown> = {};
    const rec = obj as Record<string, unknown>;
    for (const k of Object.keys(rec)) out[k] = encode(rec[k], where, depth + 1);
    return out;
  }

  function makeError(e: ErrorWire): Error {
    const message = String(e.message);
    const name = String(e.name);
    const err = new RealError(message) as Error & { details?: unknown };
    Object.defineProperty(err, "name", {
      value: name,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    if (e.details !== undefined) err.details = decode(e.details, 0);
    const stack = err.stack;
    if (typeof stack === "string") {
      const nl = stack.indexOf("\n");
      err.stack = `${name}: ${message}${nl >= 0 ? stack.slice(nl) : ""}`;
    }
    return err;
  }

  function exchange(msg: CallMsg | SetMsg): unknown {
    let reply: ReplyMsg;
    try {
      reply = hostCall(msg);
    } catch (e) {
      throw new RealError(`emulator: ${String((e as Error | undefined)?.message ?? e)}`);
    }
    clock.now = Number(reply.now);
    if (reply.err) throw makeError(reply.err);
    return decode(reply.v, 0);
  }

  // ---------- service objects ----------
  function method(id: number, cls: string, name: string): (...args: unknown[]) => unknown {
    const where = `${cls}.${name}`;
    const fn = function (...args: unknown[]): unknown {
      const a = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) a[i] = encode(args[i], where, 0);
      return exchange({ t: "call", id, m: name, a });
    };
    Object.defineProperty(fn, "name", { value: name });
    return fn;
  }

  function notEmulated(cls: string, name: string): () => never {
    const fn = function (): never {
      throw makeError({ name: "Error", message: `not emulated: ${cls}.${name}` });
    };
    Object.defineProperty(fn, "name", { value: name });
    return fn;
  }

  function makeProxy(id: number, shape: Shape, props: Record<string, unknown> | null): object {
    const assigned = new Map<string, unknown>();
    const fns = new Map<string, (...args: unknown[]) => unknown>();
    const describe = (): string => shape.cls;
    const ownNames = (): string[] => {
      const names = props ? Object.keys(props) : [];
      for (const k of assigned.keys()) if (names.indexOf(k) < 0) names.push(k);
      return names;
    };
    const handler: ProxyHandler<object> = {
      get(_t, key) {
        if (typeof key === "symbol") return undefined;
        if (assigned.has(key)) return assigned.get(key);
        if (props && hasOwn(props, key)) return props[key];
        if (shape.methods.has(key)) {
          let f = fns.get(key);
          if (!f) {
            f = method(id, shape.cls, key);
            fns.set(key, f);
          }
          return f;
        }
        if (key === "toString") return describe;
        if (quiet.has(key)) return undefined;
        return notEmulated(shape.cls, key);
      },
      set(_t, key, value) {
        if (typeof key === "symbol") return false;
        exchange({ t: "set", id, name: key, v: encode(value, `${shape.cls}.${key}`, 0) });
        assigned.set(key, value);
        return true;
      },
      has(_t, key) {
        if (typeof key === "symbol") return false;
        return assigned.has(key) || (props !== null && hasOwn(props, key)) || shape.methods.has(key);
      },
      ownKeys() {
        return ownNames();
      },
      getOwnPropertyDescriptor(_t, key) {
        if (typeof key === "symbol") return undefined;
        if (assigned.has(key))
          return { value: assigned.get(key), writable: true, enumerable: true, configurable: true };
        if (props && hasOwn(props, key))
          return { value: props[key], writable: false, enumerable: true, configurable: true };
        return undefined;
      },
      deleteProperty() {
        return false;
      },
      defineProperty() {
        return false;
      },
    };
    const p = new Proxy({}, handler);
    proxyClass.set(p, { id, cls: shape.cls });
    return p;
  }

  // ---------- Date on the execution's virtual clock ----------
  function installDate(): void {
    const VDate = function Date(this: unknown, ...args: unknown[]): unknown {
      if (!new.target) return new RealDate(clock.now).toString();
      return Reflect.construct(RealDate, args.length === 0 ? [clock.now] : args, new.target);
    } as unknown as DateConstructor;
    Object.defineProperty(VDate, "length", { value: 7 });
    Object.defineProperty(VDate, "prototype", { value: RealDate.prototype, writable: false });
    Object.defineProperty(RealDate.prototype, "constructor", {
      value: VDate,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    const statics: Record<string, unknown> = {
      now: function now(): number {
        return clock.now;
      },
      parse: RealDate.parse,
      UTC: RealDate.UTC,
    };
    for (const k of Object.keys(statics)) {
      Object.defineProperty(VDate, k, {
        value: statics[k],
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    define("Date", VDate);
  }

  // ---------- console, captured into the execution's log ----------
  function show(v: unknown, top: boolean): string {
    if (typeof v === "string") return top ? v : JSON.stringify(v);
    if (v === undefined) return "undefined";
    if (v === null) return "null";
    const t = typeof v;
    if (t === "number" || t === "boolean" || t === "bigint") return String(v);
    if (t === "symbol") return (v as symbol).toString();
    if (t === "function") return `[Function: ${(v as { name?: string }).name || "anonymous"}]`;
    const info = proxyClass.get(v as object);
    if (info) return info.cls;
    const tag = toTag(v);
    if (tag === "[object Error]") {
      const e = v as Error;
      return typeof e.stack === "string" ? e.stack : `${e.name}: ${e.message}`;
    }
    if (tag === "[object Date]") {
      const d = v as Date;
      return isNaN(d.getTime()) ? "Invalid Date" : d.toISOString();
    }
    try {
      const s = JSON.stringify(v, (_k, val: unknown) => {
        if (val !== null && typeof val === "object") {
          const pi = proxyClass.get(val);
          if (pi) return pi.cls;
        }
        return val;
      });
      return s === undefined ? String(v) : s;
    } catch {
      return String(v);
    }
  }

  function format(args: unknown[]): string {
    if (args.length === 0) return "";
    const first = args[0];
    let rest = args.slice(1);
    let head: string;
    if (typeof first === "string" && rest.length > 0 && /%[sdifjoOc%]/.test(first)) {
      head = first.replace(/%[sdifjoOc%]/g, (m) => {
        if (m === "%%") return "%";
        if (rest.length === 0) return m;
        const x = rest[0];
        rest = rest.slice(1);
        if (m === "%d" || m === "%i") return String(parseInt(String(x), 10));
        if (m === "%f") return String(parseFloat(String(x)));
        if (m === "%c") return "";
        if (m === "%s") return show(x, true);
        return show(x, false);
      });
    } else {
      head = show(first, true);
    }
    return [head, ...rest.map((x) => show(x, true))].join(" ");
  }

  function installConsole(): void {
    const con: Record<string, unknown> = {};
    const levels: LogLevel[] = ["log", "info", "warn", "error", "debug"];
    for (const level of levels) {
      con[level] = function (...args: unknown[]): void {
        hostLog(level, format(args));
      };
    }
    const timers = new Map<string, number>();
    const counts = new Map<string, number>();
    con.trace = con.debug;
    con.dir = con.log;
    con.table = con.log;
    con.assert = function (cond: unknown, ...args: unknown[]): void {
      if (!cond) hostLog("error", `Assertion failed${args.length ? `: ${format(args)}` : ""}`);
    };
    con.time = function (label: unknown = "default"): void {
      timers.set(String(label), clock.now);
    };
    con.timeEnd = function (label: unknown = "default"): void {
      const k = String(label);
      const start = timers.get(k);
      if (start === undefined) return;
      timers.delete(k);
      hostLog("info", `${k}: ${clock.now - start}ms`);
    };
    con.timeLog = function (label: unknown = "default"): void {
      const start = timers.get(String(label));
      if (start !== undefined) hostLog("info", `${String(label)}: ${clock.now - start}ms`);
    };
    con.count = function (label: unknown = "default"): void {
      const k = String(label);
      const n = (counts.get(k) ?? 0) + 1;
      counts.set(k, n);
      hostLog("info", `${k}: ${n}`);
    };
    define("console", con);
  }

  function describeThrown(e: unknown): ErrorWire {
    if (e !== null && typeof e === "object") {
      const o = e as { name?: unknown; message?: unknown; stack?: unknown; details?: unknown };
      const out: ErrorWire = { name: String(o.name ?? "Error"), message: String(o.message ?? "") };
      if (typeof o.stack === "string") out.stack = o.stack;
      if (o.details !== undefined) {
        try {
          out.details = encode(o.details, "error details", 0);
        } catch {
          // details that cannot travel are dropped
        }
      }
      return out;
    }
    return { name: "Error", message: String(e) };
  }

  return {
    setup(globals, nowMs) {
      clock.now = nowMs;
      for (const name of Object.keys(globals)) define(name, decode(globals[name], 0));
      installDate();
      installConsole();
    },
    run(handler, args) {
      const f = G[handler];
      if (typeof f !== "function") {
        return { ok: false, err: { name: "Exception", message: `Script function not found: ${handler}` } };
      }
      let value: unknown;
      try {
        const a = new Array<unknown>(args.length);
        for (let i = 0; i < args.length; i++) a[i] = decode(args[i], 0);
        value = (f as (...x: unknown[]) => unknown).apply(G, a);
      } catch (e) {
        return { ok: false, err: describeThrown(e) };
      }
      try {
        return { ok: true, v: encode(value, "the return value", 0) };
      } catch {
        return { ok: true };
      }
    },
  };
}
