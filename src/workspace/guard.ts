/**
 * The facts the entry-point guard needs (rules in domain/guard.ts): the project's triggers, who
 * calls, and the hourly count of refusals in the script cache.
 */
import type { CallerFacts, TriggerFacts } from "../domain/guard.js";
import { effectiveAccount } from "./trust.js";
import { guardHourKey } from "../domain/keys.js";

/**
 * The project's triggers of the effective user (documented: getProjectTriggers lists the running
 * user's own). One call; the Trigger getters are local.
 */
export function projectTriggers(): TriggerFacts[] {
  return ScriptApp.getProjectTriggers().map((t) => ({
    uid: t.getUniqueId(),
    handler: t.getHandlerFunction(),
  }));
}

/** Who calls: the active user as Google shows it ("" when hidden or anonymous), the effective user. */
export function callerFacts(): CallerFacts {
  return { active: Session.getActiveUser().getEmail() || "", effective: effectiveAccount() };
}

/** Six hours, the script cache's longest (documented). */
const KEEP_SECONDS = 21_600;

/**
 * Counts a refusal in its hour and returns how many came before it in that hour and in the hour
 * before. Not under the lock (a refused call must not hold up the triggers): parallel refusals may
 * be counted short, never recorded more than a few extra times.
 */
export function countRefusal(hour: number): { seen: number; previous: number } {
  const cache = CacheService.getScriptCache();
  const got = cache.getAll([guardHourKey(hour), guardHourKey(hour - 1)]);
  const read = (k: string): number => {
    const n = Number(got[k] ?? 0);
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  };
  const seen = read(guardHourKey(hour));
  cache.put(guardHourKey(hour), String(seen + 1), KEEP_SECONDS);
  return { seen, previous: read(guardHourKey(hour - 1)) };
}
