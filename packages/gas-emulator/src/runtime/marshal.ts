/**
 * Host side of the marshalling rules (core.ts): turns host values into wire values for the
 * script (GasObjects become handles) and wire values from the script back into host values
 * (handles become the very host objects). One HandleTable per execution: ids are never reused
 * within it and it is dropped when the execution ends.
 */
import { GasObject } from "../core.js";
import { HANDLE, type ErrorWire, type HandleWire } from "./protocol.js";

interface Shape {
  id: number;
  cls: string;
  methods: string[];
}

/** Methods of GasObject itself that are plumbing, not Apps Script API. */
const PLUMBING = new Set(["constructor", "gasProps", "gasSet", "gasCells", "toString"]);
const shapesByProto = new WeakMap<object, Map<string, Shape>>();
let nextShapeId = 1;

/** The public methods of an object: prototype-chain functions whose names do not start with "_". */
export function publicMethods(obj: object): string[] {
  const names = new Set<string>();
  for (
    let p = Object.getPrototypeOf(obj) as object | null;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (PLUMBING.has(name) || name.startsWith("_")) continue;
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d && typeof d.value === "function") names.add(name);
    }
  }
  return [...names].sort();
}

function shapeOf(obj: GasObject): Shape {
  const proto = Object.getPrototypeOf(obj) as object;
  let byClass = shapesByProto.get(proto);
  if (!byClass) {
    byClass = new Map();
    shapesByProto.set(proto, byClass);
  }
  let s = byClass.get(obj.gasClass);
  if (!s) {
    s = { id: nextShapeId++, cls: obj.gasClass, methods: publicMethods(obj) };
    byClass.set(obj.gasClass, s);
  }
  return s;
}

function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

export class HandleTable {
  private readonly objects: GasObject[] = [];
  private readonly ids = new Map<GasObject, number>();
  private readonly shapesSent = new Set<number>();

  /** The host object behind a handle id. */
  get(id: number): GasObject {
    const o = this.objects[id];
    if (!o) throw new Error(`emulator: unknown handle ${id}`);
    return o;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Host value → wire value. Throws on values the rules do not allow (functions, cycles). */
  encode(v: unknown, depth = 0): unknown {
    if (v === null || typeof v !== "object") {
      if (typeof v === "function") throw new Error("emulator: a service returned a function");
      return v;
    }
    if (depth > 200) throw new Error("emulator: a service returned a value nested too deeply (a cycle?)");
    if (v instanceof GasObject) return this.handle(v, depth);
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = this.encode(v[i], depth + 1);
      return out;
    }
    if (v instanceof Date) return new Date(v.getTime());
    if (ArrayBuffer.isView(v)) return Array.from(new Int8Array(v.buffer, v.byteOffset, v.byteLength));
    if (v instanceof Map) return this.encode(Object.fromEntries(v), depth + 1);
    if (v instanceof Set) return this.encode([...v], depth + 1);
    const out: Record<string, unknown> = {};
    const rec = v as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const x = rec[k];
      if (typeof x === "function" && !isPlainObject(v)) continue; // methods of a stray class instance
      out[k] = this.encode(x, depth + 1);
    }
    return out;
  }

  private handle(o: GasObject, depth: number): HandleWire {
    const known = this.ids.get(o);
    if (known !== undefined) return { [HANDLE]: known };
    const id = this.objects.length;
    this.objects.push(o);
    this.ids.set(o, id);
    const shape = shapeOf(o);
    const w: HandleWire = { [HANDLE]: id, s: shape.id };
    if (!this.shapesSent.has(shape.id)) {
      this.shapesSent.add(shape.id);
      w.c = shape.cls;
      w.m = shape.methods;
    }
    const props = o.gasProps();
    if (Object.keys(props).length > 0) w.p = this.encode(props, depth + 1) as Record<string, unknown>;
    return w;
  }

  /** Wire value (already a fresh structured clone) → host value, in place: handles become host objects. */
  decode(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.decode(v[i]);
      return v;
    }
    if (v instanceof Date) return v;
    const o = v as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(o, HANDLE)) return this.get(o[HANDLE] as number);
    for (const k of Object.keys(o)) o[k] = this.decode(o[k]);
    return o;
  }
}

/** A thrown host value → what the script sees (name, message, details; "Exception" by default for GasError). */
export function errorToWire(e: unknown): ErrorWire {
  if (e instanceof Error) {
    const out: ErrorWire = { name: e.name, message: e.message };
    const details = (e as { details?: unknown }).details;
    if (details !== undefined) out.details = structuredCloneSafe(details);
    return out;
  }
  return { name: "Error", message: String(e) };
}

function structuredCloneSafe(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return undefined;
  }
}
