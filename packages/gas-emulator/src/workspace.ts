/**
 * The one shared state of the emulated Google Workspace: identities, the virtual clock, quotas,
 * deterministic ids, the queue of executions that events have caused, and each service's state.
 *
 * Service modules under `services/` keep their state on this object (one field each) and export
 * an `install(ws)` that returns the globals they provide to the script (see services/index.ts).
 */
import { DAILY_LIMITS, type ExecContext, type Identity, Quotas } from "./core.js";

/** An execution that an event caused and that the runtime has yet to run. */
export interface PendingExecution {
  handler: string;
  kind: ExecContext["kind"];
  authMode: ExecContext["authMode"];
  activeUser: string;
  effectiveUser: string;
  /** Builds the event object; called when the execution starts (values follow the marshalling rules). */
  event: () => unknown;
  /** The installable trigger's id, when one caused it. */
  triggerUid?: string;
  /** What caused it, for logs and dumps (e.g. "formSubmit", "edit", "clock"). */
  cause: string;
  /** Virtual time at which it becomes due. */
  dueMs: number;
}

/** An installable trigger (ScriptApp keeps the list; Forms and Sheets fire them). */
export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: "ON_FORM_SUBMIT" | "ON_EDIT" | "ON_CHANGE" | "ON_OPEN" | "CLOCK";
  /** The spreadsheet (or form) id for spreadsheet triggers; null for clock triggers. */
  sourceId: string | null;
  /** The account that created it: the effective user of its executions. */
  owner: string;
  /** Clock triggers: the period, and the next virtual time it is due. */
  everyMs?: number;
  nextDueMs?: number;
}

/**
 * The script project the bundle runs in (docs/EMULATOR-runtime.md, "Script projects"):
 * - standalone (its own Drive file) or bound to one container (boundTo: the spreadsheet id);
 * - documented: every editor of a container can open and edit its bound project; installable
 *   triggers run the project's current code as the account that created them;
 * - documented: for a standalone project, people need at least view access to the script file for
 *   triggers to run properly. Chosen (the less convenient reading): a person's edit or open of a
 *   spreadsheet does not fire a standalone project's installable trigger unless that person can at
 *   least view the project (form submissions and clock triggers are not caused by a person).
 */
export interface ScriptProject {
  owner: string;
  /** Explicit editors and viewers of the project file (lower case). */
  editors: Set<string>;
  viewers: Set<string>;
  /** The container's id for a bound project; null for a standalone one. */
  boundTo: string | null;
  /**
   * The manifest's explicit `oauthScopes` (full URLs), or null when the emulated project has none
   * (then no call is refused for want of a scope outside simple triggers). Documented: with
   * explicit scopes, a call whose scope the manifest lacks fails with "You do not have permission
   * to call X. Required permissions: …" (runtime/auth.ts); the Drive advanced service under
   * `drive.file` sees only the files this project created (services/drive.ts).
   */
  oauthScopes: string[] | null;
  /**
   * The manifest's `dependencies.enabledAdvancedServices`, or null when the emulated project
   * declares none: then the emulator installs its historical set, AdminDirectory (admin
   * directory_v1) and Drive (drive v3), and no Docs. Documented: an advanced service is a global
   * only when enabled, under its userSymbol (services/index.ts).
   */
  advancedServices: AdvancedService[] | null;
}

/** One entry of the manifest's `dependencies.enabledAdvancedServices`. */
export interface AdvancedService {
  userSymbol: string;
  serviceId: string;
  version: string;
}

export interface WorkspaceOptions {
  /** Start of the virtual clock (ms since epoch). Default: Monday 2026-11-23 01:00 UTC. */
  startMs?: number;
  /** Seed for ids and for the scheduler. */
  seed?: number;
  /** The script's owner (installs triggers, effective user of installable triggers). */
  owner?: Identity;
  /** The Workspace primary domain (default "example.com"). */
  domain?: string;
  /**
   * The script's time zone (the manifest's `timeZone`). Default: the process's zone. Dates in the
   * executions follow the process's zone, so `Emulator` makes the two agree (README, "Time zone").
   */
  scriptTimeZone?: string;
  /** What Session.getActiveUserLocale and Document.getLanguage answer (default "en"). */
  userLocale?: string;
  /** The locale of a new spreadsheet (default "en_US"; the emulator models "en_US" and "id_ID"). */
  spreadsheetLocale?: string;
  /** The project manifest's `oauthScopes` (default: none declared, nothing refused for scopes). */
  oauthScopes?: readonly string[];
  /** The manifest's enabled advanced services (default: AdminDirectory and Drive, see ScriptProject). */
  advancedServices?: readonly AdvancedService[];
}

const DEFAULT_START_MS = Date.UTC(2026, 10, 23, 1, 0, 0); // a Monday

/** The zone the process's dates follow (the TZ environment variable, else the system's). */
export function processTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A small deterministic PRNG (mulberry32) for ids and schedules: the emulator is reproducible. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }
}

export class Workspace {
  readonly domain: string;
  readonly scriptTimeZone: string;
  readonly userLocale: string;
  readonly spreadsheetLocale: string;
  readonly owner: Identity;
  /** The script project: standalone until a bound spreadsheet is created (createBoundSpreadsheet). */
  readonly project: ScriptProject;
  /**
   * Who can see a container's sharing: answered by the service that owns containers (the Sheets
   * service registers itself, see services/sheets/host.ts). A static hook, not workspace state, so
   * that snapshots of the workspace hold no function.
   */
  static containerAccessProvider: (ws: Workspace, id: string, email: string) => "edit" | "view" | null = () =>
    null;
  containerAccess(id: string, email: string): "edit" | "view" | null {
    return Workspace.containerAccessProvider(this, id, email);
  }
  readonly identities = new Map<string, Identity>();
  readonly quotas = new Quotas({ ...DAILY_LIMITS });
  readonly rng: Rng;
  /** Global virtual time: the latest time any execution or the harness has reached. */
  clockMs: number;
  /** The execution whose call is being served, or null when the harness acts directly. */
  current: ExecContext | null = null;
  /** Executions caused by events (form submits, edits, clock triggers), run by the runtime. */
  readonly pending: PendingExecution[] = [];
  /** Installable triggers of the script (managed by ScriptApp). */
  readonly triggers: TriggerRecord[] = [];
  /** Names of top-level functions of the bundle that are simple triggers (onOpen, onEdit), set by the runtime. */
  readonly simpleTriggers = new Set<string>();
  /** Called by the runtime when an execution ends (LockService releases its locks here). */
  readonly endHooks: ((ctx: ExecContext) => void)[] = [];
  /** Per-service state, filled by services/index.ts `installAll`. */
  readonly state = new Map<string, unknown>();
  private idCounter = 0;

  constructor(opts: WorkspaceOptions = {}) {
    this.clockMs = opts.startMs ?? DEFAULT_START_MS;
    this.rng = new Rng(opts.seed ?? 1);
    this.domain = opts.domain ?? "example.com";
    this.scriptTimeZone = opts.scriptTimeZone ?? processTimeZone();
    this.userLocale = opts.userLocale ?? "en";
    this.spreadsheetLocale = opts.spreadsheetLocale ?? "en_US";
    this.owner = opts.owner ?? { email: `admin@${this.domain}`, admin: true, name: "Administrator" };
    this.addIdentity(this.owner);
    this.project = {
      owner: this.owner.email.toLowerCase(),
      editors: new Set(),
      viewers: new Set(),
      boundTo: null,
      oauthScopes: opts.oauthScopes ? [...opts.oauthScopes] : null,
      advancedServices: opts.advancedServices ? opts.advancedServices.map((a) => ({ ...a })) : null,
    };
  }

  /**
   * What `email` may do with the script project: "edit" (owner, an editor, or, for a bound
   * project, an editor of its container: documented), "view", or null.
   */
  projectAccess(email: string): "edit" | "view" | null {
    const e = email.toLowerCase();
    const p = this.project;
    if (!e) return null;
    if (e === p.owner || p.editors.has(e)) return "edit";
    if (p.boundTo) {
      const c = this.containerAccess(p.boundTo, e);
      if (c) return c;
    }
    return p.viewers.has(e) ? "view" : null;
  }

  addIdentity(identity: Identity): Identity {
    this.identities.set(identity.email.toLowerCase(), identity);
    return identity;
  }

  identity(email: string): Identity | undefined {
    return this.identities.get(email.toLowerCase());
  }

  /** Virtual now: the calling execution's own time, or the global clock for the harness. */
  now(): number {
    return this.current ? this.current.nowMs : this.clockMs;
  }

  /** Moves the global clock forward (the harness waiting); never backwards. */
  advance(ms: number): void {
    this.clockMs += Math.max(0, ms);
  }

  /** Who is acting: the execution's effective user, or the owner for harness actions. */
  actor(): string {
    return this.current ? this.current.effectiveUser : this.owner.email;
  }

  /** A deterministic id of the given length from [A-Za-z0-9_-] (Drive/Sheets ids are 44 chars). */
  newId(length = 44): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    this.idCounter++;
    let s = "1";
    while (s.length < length) s += alphabet[this.rng.int(alphabet.length)];
    return s;
  }

  /** A deterministic numeric id (Directory user ids are 21 digits). */
  newNumericId(length = 21): string {
    let s = String(1 + this.rng.int(9));
    while (s.length < length) s += String(this.rng.int(10));
    return s;
  }

  /** Queues an execution caused by an event. */
  enqueue(p: PendingExecution): void {
    this.pending.push(p);
  }

  /**
   * Fires a spreadsheet event: queues one execution per matching installable trigger (each gets its
   * own triggerUid in the event, so a trigger installed twice runs twice, as in Apps Script) and,
   * for ON_EDIT / ON_OPEN, the simple trigger `onEdit` / `onOpen` if the bundle declares it
   * (LIMITED auth, 30 s limit, no triggerUid).
   */
  fire(
    eventType: TriggerRecord["eventType"],
    sourceId: string,
    activeUser: string,
    buildEvent: (
      triggerUid: string | undefined,
      authMode: "FULL" | "LIMITED",
      effectiveUser: string,
    ) => unknown,
  ): void {
    const simple = eventType === "ON_EDIT" ? "onEdit" : eventType === "ON_OPEN" ? "onOpen" : null;
    // Simple triggers belong to bound projects only (documented: a standalone project has none).
    if (simple && this.simpleTriggers.has(simple) && this.project.boundTo === sourceId) {
      this.enqueue({
        handler: simple,
        kind: "simple",
        authMode: "LIMITED",
        activeUser,
        effectiveUser: activeUser,
        event: () => buildEvent(undefined, "LIMITED", activeUser),
        cause: eventType,
        dueMs: this.clockMs,
      });
    }
    // A person's edit/open/change of a container fires a standalone project's triggers only when the
    // person can at least view the project (documented restriction; chosen reading, see ScriptProject).
    const personal = eventType !== "ON_FORM_SUBMIT";
    if (personal && !this.project.boundTo && activeUser && !this.projectAccess(activeUser)) return;
    for (const t of this.triggers) {
      if (t.eventType !== eventType || t.sourceId !== sourceId) continue;
      this.enqueue({
        handler: t.handler,
        kind: "installable",
        authMode: "FULL",
        activeUser,
        effectiveUser: t.owner,
        event: () => buildEvent(t.uid, "FULL", t.owner),
        triggerUid: t.uid,
        cause: eventType,
        dueMs: this.clockMs,
      });
    }
  }

  /** Typed access to a service's state slot. */
  slot<T>(name: string, create: () => T): T {
    let v = this.state.get(name) as T | undefined;
    if (v === undefined) {
      v = create();
      this.state.set(name, v);
    }
    return v;
  }
}
