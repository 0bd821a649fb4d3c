/**
 * The sweep's flags already written (a register row whose history cannot be trusted): remembered
 * in the script cache for a few hours by ticket, with the signature of what was flagged, so that
 * a flag is written once and not on every sweep.
 */

import { flagKey as key } from "../domain/keys.js";

const FLAG_CACHE_SECONDS = 6 * 60 * 60;

/** The flags not written before (one cache read); `remember` records the ones written now. */
export function unseenFlags<F extends { ticket: string; signature: string }>(
  flags: readonly F[],
): { fresh: F[]; remember: (written: readonly F[]) => void } {
  const cache = CacheService.getScriptCache();
  const seen = cache.getAll(flags.map((f) => key(f.ticket)));
  return {
    fresh: flags.filter((f) => seen[key(f.ticket)] !== f.signature),
    remember: (written) => {
      if (written.length === 0) return;
      const put: Record<string, string> = {};
      for (const f of written) put[key(f.ticket)] = f.signature;
      cache.putAll(put, FLAG_CACHE_SECONDS);
    },
  };
}
