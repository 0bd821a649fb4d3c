/**
 * Group joins waiting for a retry (flows/groups.ts), kept in Script Properties: one key per
 * ticket, `surel:join:<ticket>` → PendingJoin as JSON (no personal data beyond the new address).
 */
import { joinKey, PROP_PREFIX } from "../domain/keys.js";
import type { DirectoryFailure } from "../domain/provisioning.js";

/** Script Property prefix of a pending join. */
export const JOIN_PREFIX = PROP_PREFIX.join;

export interface PendingJoin {
  address: string;
  /** The OPD as the register names it; its group is looked up again at each retry. */
  opd: string;
  /** The group of the last attempt. */
  group: string;
  attempts: number;
  failure: DirectoryFailure;
}

const props = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

/** Records a join for the sweep to retry; returns whether it was new. */
export function recordPendingJoin(ticket: string, join: PendingJoin): boolean {
  const store = props();
  const key = joinKey(ticket);
  const known = store.getProperty(key) !== null;
  store.setProperty(key, JSON.stringify(join));
  return !known;
}

/** Every pending join (one read), by ticket; null for a record that cannot be read. */
export function pendingJoins(): { ticket: string; join: PendingJoin | null }[] {
  const out: { ticket: string; join: PendingJoin | null }[] = [];
  for (const [key, value] of Object.entries(props().getProperties())) {
    if (!key.startsWith(JOIN_PREFIX)) continue;
    let join: PendingJoin | null;
    try {
      join = JSON.parse(value) as PendingJoin;
    } catch {
      join = null;
    }
    out.push({ ticket: key.slice(JOIN_PREFIX.length), join });
  }
  return out;
}

/** A join done (or no longer possible): forgotten. */
export function dropPendingJoin(ticket: string): void {
  props().deleteProperty(joinKey(ticket));
}

/** A join still pending after another attempt. */
export function keepPendingJoin(ticket: string, join: PendingJoin): void {
  props().setProperty(joinKey(ticket), JSON.stringify(join));
}
