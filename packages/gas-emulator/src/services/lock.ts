/**
 * LockService: the script lock (one per script), the document lock (one per container document:
 * the script is bound to one spreadsheet, so one), and user locks (one per effective user).
 *
 * A lock is held by an execution. `waitLock(ms)` returns a `Suspend` when another execution holds
 * it: the runtime parks the caller, lets the others run, and resumes it in virtual time when the
 * lock is released (its clock jumps to the release time) or throws the real timeout error when
 * the deadline comes first. `tryLock(ms)` does the same but answers false. Locks an execution
 * still holds are released when it ends (ws.endHooks), as Apps Script does.
 *
 * Choices where the documentation is silent: a lock is re-entrant for the execution holding it
 * (a second `waitLock` by the holder returns at once); `releaseLock()` on a Lock object that did
 * not acquire does nothing; the harness (no execution) can take a lock but cannot wait for one.
 */
import { GasObject, Suspend, serviceError } from "../core.js";
import { registerDumper } from "../dump.js";
import type { Workspace } from "../workspace.js";

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

interface Holder {
  /** Execution id (0 = the harness). */
  execId: number;
  sinceMs: number;
}

interface LockState {
  holders: Map<string, Holder>;
  /** Virtual time of the latest release of each lock. */
  releasedAt: Map<string, number>;
  /** Counts for tests and dumps. */
  acquired: number;
  timeouts: number;
}

function state(ws: Workspace): LockState {
  return ws.slot<LockState>("lock", () => {
    return { holders: new Map(), releasedAt: new Map(), acquired: 0, timeouts: 0 };
  });
}

/** Host-side view: who holds which lock (for tests and dumps). */
export function lockHolders(ws: Workspace): Record<string, Holder> {
  return Object.fromEntries(state(ws).holders);
}

export function lockStats(ws: Workspace): { acquired: number; timeouts: number } {
  const s = state(ws);
  return { acquired: s.acquired, timeouts: s.timeouts };
}

function validTimeout(ms: unknown, method: string): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw serviceError(`Invalid argument: timeoutInMillis (${method})`);
  }
  return Math.floor(ms);
}

export class Lock extends GasObject implements GoogleAppsScript.Lock.Lock {
  readonly gasClass = "Lock";
  private held = false;

  constructor(
    private readonly ws: Workspace,
    /** "script", "document:<id>" or "user:<email>". */
    readonly key: string,
  ) {
    super();
  }

  private me(): number {
    return this.ws.current?.id ?? 0;
  }

  private free(): boolean {
    const h = state(this.ws).holders.get(this.key);
    return !h || h.execId === this.me();
  }

  private acquire(): void {
    const s = state(this.ws);
    if (!s.holders.has(this.key)) {
      s.holders.set(this.key, { execId: this.me(), sinceMs: this.ws.now() });
      s.acquired++;
    }
    this.held = true;
  }

  private wait(ms: number, onTimeout: () => unknown, onAcquired: () => unknown): unknown {
    if (this.free()) {
      this.acquire();
      return onAcquired();
    }
    if (ms === 0 || !this.ws.current) {
      state(this.ws).timeouts++;
      return onTimeout();
    }
    const s = state(this.ws);
    return new Suspend(
      () => this.free(),
      () => s.releasedAt.get(this.key) ?? this.ws.now(),
      this.ws.now() + ms,
      (timedOut) => {
        if (timedOut || !this.free()) {
          s.timeouts++;
          return onTimeout();
        }
        this.acquire();
        return onAcquired();
      },
    );
  }

  hasLock(): boolean {
    if (!this.held) return false;
    const h = state(this.ws).holders.get(this.key);
    return !!h && h.execId === this.me();
  }

  tryLock(timeoutInMillis: number): boolean {
    const ms = validTimeout(timeoutInMillis, "tryLock");
    return this.wait(
      ms,
      () => false,
      () => true,
    ) as boolean;
  }

  waitLock(timeoutInMillis: number): void {
    const ms = validTimeout(timeoutInMillis, "waitLock");
    return this.wait(
      ms,
      () => {
        throw serviceError(LOCK_TIMEOUT);
      },
      () => undefined,
    ) as undefined; // a Suspend at runtime when it must wait: the runtime resolves it
  }

  releaseLock(): void {
    if (!this.held) return;
    this.held = false;
    const s = state(this.ws);
    const h = s.holders.get(this.key);
    if (h && h.execId === this.me()) {
      s.holders.delete(this.key);
      s.releasedAt.set(this.key, this.ws.now());
    }
  }
}

export class LockServiceImpl extends GasObject implements GoogleAppsScript.Lock.LockService {
  readonly gasClass = "LockService";
  constructor(private readonly ws: Workspace) {
    super();
  }
  getScriptLock(): Lock {
    return new Lock(this.ws, "script");
  }
  /** One container document: the script is bound to the register spreadsheet. */
  getDocumentLock(): Lock {
    return new Lock(this.ws, "document");
  }
  getUserLock(): Lock {
    const user = this.ws.current?.effectiveUser ?? this.ws.owner.email;
    return new Lock(this.ws, `user:${user.toLowerCase()}`);
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  // Installed with the service, not with its state: a workspace restored from a snapshot
  // (index.ts) already has the state and gets its hooks again here.
  ws.endHooks.push((ctx) => {
    const s = state(ws);
    for (const [key, h] of [...s.holders]) {
      if (h.execId === ctx.id) {
        s.holders.delete(key);
        s.releasedAt.set(key, ctx.nowMs);
      }
    }
  });
  registerDumper("lock", (w) =>
    w.state.has("lock") ? { json: { holders: lockHolders(w), ...lockStats(w) } } : null,
  );
  return { LockService: new LockServiceImpl(ws) };
}
