/**
 * The shared contract of the in-memory Google Workspace.
 *
 * Every emulated service is a plain synchronous class living in the host (Node) thread and holding
 * its state in the one `Workspace`. The bundle never touches these objects directly: it runs in a
 * `vm` context inside a worker thread and reaches them through the runtime's marshalling layer
 * (`runtime/`), which for every call: finds the current execution, applies injected faults, charges
 * the call's modelled latency on the virtual clock, enforces the time limit, and then invokes the
 * method here with `ws.current` set to the calling execution.
 *
 * Rules for service classes (see docs/EMULATOR.md):
 *  - extend `GasObject`; set `gasClass` to the Apps Script class name ("Sheet", "Range",
 *    "AdminDirectory.Users"): it keys the cost table, fault injection and "not emulated" messages;
 *  - the public API is the prototype methods whose names do not start with `_`; a method that is
 *    not emulated simply does not exist and the proxy throws `not emulated: <Class>.<method>`;
 *  - properties (enums such as `SpreadsheetApp.ProtectionType`, sub-collections such as
 *    `AdminDirectory.Users`) are exposed by overriding `gasProps()`;
 *  - values crossing into the script: primitives, Date, arrays, plain objects (cloned), GasObjects
 *    (by handle). Byte arrays are `number[]` of signed bytes, as Apps Script gives them;
 *  - errors are thrown with `serviceError()` / `apiError()` carrying the real texts.
 */

/** One execution of the script: a trigger run, a menu action, a web-app request. */
export interface ExecContext {
  readonly id: number;
  /** The function the execution runs (e.g. "onFormSubmit"). */
  readonly handler: string;
  /** Why it runs: an installable trigger, a simple trigger, a direct run (menu / editor), a web app. */
  readonly kind: "installable" | "simple" | "run" | "webapp";
  readonly authMode: "FULL" | "LIMITED";
  /** Session.getActiveUser(): the person at the keyboard ("" where policy hides it). */
  readonly activeUser: string;
  /** Session.getEffectiveUser(): whose authority the script runs with (the trigger's installer). */
  readonly effectiveUser: string;
  /** Virtual time (ms since epoch) at which the execution started. */
  readonly startMs: number;
  /** Virtual time of this execution now: start + the latency of every call it made. */
  nowMs: number;
  /** 6 minutes, or 30 s for simple triggers. */
  readonly timeLimitMs: number;
}

/** An error as Apps Script throws it: `name` "Exception", printed as "Exception: <message>". */
export class GasError extends Error {
  constructor(
    message: string,
    name = "Exception",
    readonly details?: {
      code?: number;
      reason?: string;
      message?: string;
      errors?: { message: string; domain: string; reason: string }[];
    },
  ) {
    super(message);
    this.name = name;
  }
}

export function serviceError(message: string): GasError {
  return new GasError(message, "Exception");
}

/**
 * An advanced-service error, e.g. apiError("directory.users.insert", "Entity already exists.", 409)
 * → GoogleJsonResponseException: API call to directory.users.insert failed with error: Entity already exists.
 */
export function apiError(methodId: string, message: string, code: number, reason?: string): GasError {
  return new GasError(
    `API call to ${methodId} failed with error: ${message}`,
    "GoogleJsonResponseException",
    {
      code,
      // The shape Google's JSON error body has (reported for Apps Script's `details`): the
      // reason in errors[0]; kept flat too for older readers.
      message,
      ...(reason ? { reason, errors: [{ message, domain: "global", reason }] } : {}),
    },
  );
}

export function notEmulated(cls: string, method: string): GasError {
  return new GasError(`not emulated: ${cls}.${method}`, "Error");
}

/** Base of every object the script can hold a reference to. */
export abstract class GasObject {
  abstract readonly gasClass: string;
  /** Properties (not methods) the script can read: enums, sub-services. Values follow the marshalling rules. */
  gasProps(): Record<string, unknown> {
    return {};
  }
  /**
   * A property assignment by the script (`template.name = "x"` on an HtmlTemplate). The runtime's
   * proxy forwards every assignment here; only classes that accept fields override it.
   */
  gasSet(name: string, _value: unknown): void {
    throw notEmulated(this.gasClass, `${name} (assignment)`);
  }
  /**
   * The cells a call moves (read from or written to a spreadsheet, or scanned by a search), for
   * the cost model's per-cell part (costs.ts). Most calls move none.
   */
  gasCells(_method: string, _args: readonly unknown[]): CellsMoved | null {
    return null;
  }
  toString(): string {
    return this.gasClass;
  }
}

/** What one call moves: cells read, written, or scanned server-side without being returned. */
export interface CellsMoved {
  read?: number;
  written?: number;
  scanned?: number;
}

/** A custom admin role as the Admin console assigns it (services/directory.ts, Roles). */
export interface AdminRole {
  name: string;
  /** Privilege names, e.g. USERS_RETRIEVE, USERS_CREATE, USERS_UPDATE, GROUPS_RETRIEVE, GROUPS_UPDATE. */
  privileges: string[];
  /** Org unit paths the assignment is limited to (scopeType ORG_UNIT); absent: the whole customer. */
  orgUnits?: string[];
}

/** A person (or the script's installer) known to the workspace. */
export interface Identity {
  email: string;
  /** Super admin or delegated admin: may call the Directory API. */
  admin?: boolean;
  /**
   * A delegated admin role (custom role): only these privileges, optionally only in these org
   * units (and below). Without it an admin identity is a super admin.
   */
  role?: AdminRole;
  name?: string;
}

/**
 * Daily quota counters, keyed by quota name. Documented: quotas "reset 24 hours after the first
 * request" (Apps Script quotas page), not at a fixed hour: each quota's window opens with the
 * first use counted after the previous reset and the counter returns to zero 24 hours later
 * (the next use opens a new window). Reading the remaining quota is not a use [chosen: the page is
 * silent; the less convenient reading, since a read then never moves the window].
 */
export class Quotas {
  private used = new Map<string, number>();
  /** When each quota's current window opened (its first counted use). */
  private opened = new Map<string, number>();
  constructor(private readonly limits: Record<string, number>) {}
  /** Counts `n` uses of `name` at time `nowMs`; returns false (and counts nothing) if over the limit. */
  take(name: string, n: number, nowMs: number): boolean {
    this.roll(name, nowMs);
    const limit = this.limits[name];
    const used = this.used.get(name) ?? 0;
    if (limit !== undefined && used + n > limit) return false;
    if (!this.opened.has(name)) this.opened.set(name, nowMs);
    this.used.set(name, used + n);
    return true;
  }
  remaining(name: string, nowMs: number): number {
    this.roll(name, nowMs);
    return (this.limits[name] ?? Infinity) - (this.used.get(name) ?? 0);
  }
  /** When the current window of `name` resets (null when no window is open). */
  resetsAt(name: string): number | null {
    const at = this.opened.get(name);
    return at === undefined ? null : at + QUOTA_WINDOW_MS;
  }
  setLimit(name: string, limit: number): void {
    this.limits[name] = limit;
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.used);
  }
  private roll(name: string, nowMs: number): void {
    const at = this.opened.get(name);
    if (at !== undefined && nowMs >= at + QUOTA_WINDOW_MS) {
      this.opened.delete(name);
      this.used.delete(name);
    }
  }
}

/** A quota window: 24 hours from its first use. */
const QUOTA_WINDOW_MS = 24 * 3600_000;

/** Workspace-account daily limits from reference/apps-script.md (one constant each). */
export const DAILY_LIMITS = {
  emailRecipients: 1500,
  documentsCreated: 1500,
  propertiesReadWrites: 500_000,
  triggerRuntimeMs: 6 * 3600_000,
};

/**
 * A data blob (Utilities.newBlob, File.getBlob, Document.getAs, mail attachments).
 * Bytes are held as a Node Buffer; the script sees signed byte arrays.
 */
export class Blob extends GasObject {
  readonly gasClass = "Blob";
  constructor(
    private bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    super();
  }
  static fromString(text: string, contentType = "text/plain", name: string | null = null): Blob {
    return new Blob(Buffer.from(text, "utf8"), contentType, name);
  }
  /** Host-side access to the raw bytes. */
  _buffer(): Buffer {
    return this.bytes;
  }
  getBytes(): number[] {
    return Array.from(new Int8Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length));
  }
  setBytes(data: number[]): Blob {
    this.bytes = Buffer.from(Int8Array.from(data).buffer);
    return this;
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset && /^iso-8859-1$/i.test(charset) ? "latin1" : "utf8");
  }
  setDataFromString(text: string): Blob {
    this.bytes = Buffer.from(text, "utf8");
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): Blob {
    this.name = name;
    return this;
  }
  copyBlob(): Blob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  getBlob(): Blob {
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
}

/**
 * Returned (not thrown) by a service method that must wait for something another execution will
 * do (LockService.waitLock). The runtime parks the calling execution, lets the others run, and
 * calls `resume(false)` once `ready()` holds, or `resume(true)` when the virtual clock reaches
 * `deadlineMs` first (or nothing else can run). `resume` returns the method's result or throws.
 * `readyAtMs()` tells the virtual time at which the condition became true (the waiter's clock
 * moves to it).
 */
export class Suspend {
  constructor(
    readonly ready: () => boolean,
    readonly readyAtMs: () => number,
    readonly deadlineMs: number,
    readonly resume: (timedOut: boolean) => unknown,
  ) {}
}
