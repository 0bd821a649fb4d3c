/**
 * PropertiesService: durable key/value stores of strings (script, per-user, per-document).
 *
 * Faithful where it matters for the project: values are strings (anything else is String()-ed),
 * writes are visible to every later call of every execution at once, the per-value (9 KB) and
 * per-store (500 KB) limits and the daily read/write quota are enforced. Choices (not documented
 * by Google) are listed in docs/EMULATOR-services.md: the error text for a too large value, how a
 * store's size is measured (UTF-8 bytes of keys plus values), one quota unit per call.
 */
import { GasObject, serviceError } from "../core.js";
import type { Workspace } from "../workspace.js";

/** Documented limits (reference/apps-script.md), one constant each. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

const STORE_QUOTA_TEXT =
  "You have exceeded the property storage quota. Please remove some properties and try again.";

type StoreData = Map<string, string>;

/** The state slot: every store, keyed "script", "document" or "user:<email>". */
class PropertiesState {
  readonly stores = new Map<string, StoreData>();
  store(key: string): StoreData {
    let s = this.stores.get(key);
    if (!s) {
      s = new Map();
      this.stores.set(key, s);
    }
    return s;
  }
  toJSON(): PropertiesDump {
    return dumpOf(this);
  }
}

interface PropertiesDump {
  script: Record<string, string>;
  document: Record<string, string>;
  user: Record<string, Record<string, string>>;
}

function dumpOf(state: PropertiesState): PropertiesDump {
  const out: PropertiesDump = { script: {}, document: {}, user: {} };
  for (const [key, data] of [...state.stores].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const obj = Object.fromEntries([...data].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (key === "script") out.script = obj;
    else if (key === "document") out.document = obj;
    else if (key.startsWith("user:")) out.user[key.slice(5)] = obj;
  }
  return out;
}

function stateOf(ws: Workspace): PropertiesState {
  return ws.slot("properties", () => new PropertiesState());
}

/** Host accessor for dumps and tests: every store as plain objects, keys sorted. */
export function propertiesDump(ws: Workspace): PropertiesDump {
  return dumpOf(stateOf(ws));
}

/** Host accessor: the script store as a Map (tests and `npm start` seed settings through it). */
export function scriptPropertiesOf(ws: Workspace): Map<string, string> {
  return stateOf(ws).store("script");
}

function bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function storeBytes(data: StoreData): number {
  let n = 0;
  for (const [k, v] of data) n += bytes(k) + bytes(v);
  return n;
}

export class Properties extends GasObject implements GoogleAppsScript.Properties.Properties {
  readonly gasClass = "Properties";
  constructor(
    private readonly ws: Workspace,
    private readonly storeKey: string,
  ) {
    super();
  }

  private _data(): StoreData {
    return stateOf(this.ws).store(this.storeKey);
  }

  /** One read/write unit of the daily quota per call. */
  private _count(): void {
    if (!this.ws.quotas.take("propertiesReadWrites", 1, this.ws.now())) {
      throw serviceError("Service invoked too many times for one day: properties.");
    }
  }

  /** Applies `changes` (null = delete) atomically, or throws without changing anything. */
  private _apply(changes: [string, string | null][], clearOthers: boolean): void {
    const next: StoreData = clearOthers ? new Map() : new Map(this._data());
    for (const [k, v] of changes) {
      if (v === null) next.delete(k);
      else {
        if (bytes(v) > PROPERTY_VALUE_MAX_BYTES) throw serviceError("Argument too large: value");
        next.set(k, v);
      }
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw serviceError(STORE_QUOTA_TEXT);
    const data = this._data();
    data.clear();
    for (const [k, v] of next) data.set(k, v);
  }

  getProperty(key: string): string | null {
    this._count();
    return this._data().get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    this._count();
    return Object.fromEntries(this._data());
  }

  getKeys(): string[] {
    this._count();
    return [...this._data().keys()];
  }

  setProperty(key: string, value: string): Properties {
    this._count();
    this._apply([[checkKey(key), String(value)]], false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    this._count();
    if (properties === null || typeof properties !== "object") {
      throw serviceError("Invalid argument: properties");
    }
    const changes: [string, string | null][] = Object.entries(properties).map(([k, v]) => [
      checkKey(k),
      String(v),
    ]);
    this._apply(changes, Boolean(deleteAllOthers));
    return this;
  }

  deleteProperty(key: string): Properties {
    this._count();
    this._apply([[String(key), null]], false);
    return this;
  }

  deleteAllProperties(): Properties {
    this._count();
    this._data().clear();
    return this;
  }
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k === "" || key === null || key === undefined) throw serviceError("Invalid argument: key");
  return k;
}

export class PropertiesService extends GasObject implements GoogleAppsScript.Properties.PropertiesService {
  readonly gasClass = "PropertiesService";
  constructor(private readonly ws: Workspace) {
    super();
  }
  getScriptProperties(): Properties {
    return new Properties(this.ws, "script");
  }
  /** Scoped to the user the script runs as (for an installable trigger: its installer). */
  getUserProperties(): Properties {
    return new Properties(this.ws, `user:${this.ws.actor().toLowerCase()}`);
  }
  /** The script is bound to the register spreadsheet, so there is always a document store. */
  getDocumentProperties(): Properties {
    return new Properties(this.ws, "document");
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  stateOf(ws);
  return { PropertiesService: new PropertiesService(ws) };
}
