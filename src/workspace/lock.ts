/**
 * The script lock around every critical section that reads-then-writes shared state (ticket
 * counters, register rows, the log). Sections are short; mail and API calls stay outside.
 */

/** How long a trigger waits for the lock before giving up (the sweep picks the work up later). */
export const LOCK_WAIT_MS = 30_000;

/**
 * How long a form submission waits: up to 4 of its 6 minutes. Each registration holds the lock
 * about a second, and at most 30 executions run at once, so a burst of submissions queues on the
 * lock instead of failing on it; a response whose trigger still gives up is registered by the sweep.
 */
export const INTAKE_LOCK_WAIT_MS = 4 * 60_000;

export function withScriptLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(waitMs);
  try {
    return fn();
  } finally {
    // Make every pending write visible before another execution can take the lock.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** Like withScriptLock, but returns null instead of throwing when the lock cannot be had in time. */
export function tryWithScriptLock<T>(
  fn: () => T,
  waitMs = LOCK_WAIT_MS,
): { ok: true; value: T } | { ok: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
