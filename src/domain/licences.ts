/**
 * Workspace licences, the pure part. The office records how many Google Workspace
 * licences it holds (setting `lisensi`, 0 = not recorded: nothing is checked). Provisioning counts
 * the accounts of the directory before it creates one and:
 * - stops before the last licence is taken: one licence always stays free, for the administrators
 *   (an account they must create by hand in an emergency); the request waits in "menunggu
 *   lisensi" and resumes when the setting is raised;
 * - warns the administrators once when the accounts reach WARN_PERCENT of the licences; the
 *   warning is re-armed when the count falls below it again (the setting raised, accounts deleted).
 * Suspended accounts count (Google keeps their licence); archived ones do not (they hold an
 * Archived User licence instead).
 */
import type { Language, OfficeConfig } from "./config.js";
import { officeMail, type Block, type MailText } from "./mailkit.js";
import { t } from "./text/index.js";

export const WARN_PERCENT = 90;

/** What the program last knew of the licences (kept in Script Properties). */
export interface LicenceSnapshot {
  /** Accounts counted. */
  used: number;
  /** When they were counted (epoch ms). */
  atMs: number;
  /** The warning at WARN_PERCENT went out and the count has not fallen below it since. */
  warned: boolean;
  /** Accounts this program created lately, which a lagging users.list may not show yet: [address, ms]. */
  recent: [string, number][];
}

export const EMPTY_SNAPSHOT: LicenceSnapshot = { used: 0, atMs: 0, warned: false, recent: [] };

/** How long a created account is added to the count in case users.list does not show it yet. */
export const RECENT_MS = 24 * 3_600_000;

export function parseSnapshot(text: string | null | undefined): LicenceSnapshot {
  if (!text) return { ...EMPTY_SNAPSHOT, recent: [] };
  try {
    const v = JSON.parse(text) as Partial<LicenceSnapshot>;
    return {
      used: Number(v.used) || 0,
      atMs: Number(v.atMs) || 0,
      warned: v.warned === true,
      recent: Array.isArray(v.recent)
        ? v.recent.filter((r): r is [string, number] => Array.isArray(r) && typeof r[0] === "string")
        : [],
    };
  } catch {
    return { ...EMPTY_SNAPSHOT, recent: [] };
  }
}

/** The licences recorded in the settings; 0 when not recorded. */
export function licencesOf(config: OfficeConfig): number {
  const n = config.licences ?? 0;
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Accounts: the listed addresses and the recent creations the list may not show yet. */
export function countWith(
  listed: ReadonlySet<string>,
  recent: readonly [string, number][],
  nowMs: number,
): number {
  let extra = 0;
  for (const [address, ms] of recent)
    if (nowMs - ms < RECENT_MS && !listed.has(address.toLowerCase())) extra++;
  return listed.size + extra;
}

/** Recent creations still within RECENT_MS, with `address` added. */
export function withRecent(
  recent: readonly [string, number][],
  address: string,
  nowMs: number,
): [string, number][] {
  const a = address.toLowerCase();
  return [...recent.filter(([x, ms]) => nowMs - ms < RECENT_MS && x !== a), [a, nowMs]];
}

/** Whether one more account would take the last licence (it must not). */
export function wouldTakeLast(used: number, licences: number): boolean {
  return licences > 0 && used + 1 >= licences;
}

/** Whether `used` accounts reach the warning threshold. */
export function atWarning(used: number, licences: number): boolean {
  return licences > 0 && used * 100 >= licences * WARN_PERCENT;
}

export function percentOf(used: number, licences: number): number {
  return licences > 0 ? Math.round((used * 100) / licences) : 0;
}

/** "42 akun dari 100 lisensi (42 %)" — the dashboard's and setup's line; "" when not recorded. */
export function licenceText(used: number, licences: number, lang: Language): string {
  if (licences <= 0) return t(lang, "licence.not_set");
  return t(lang, "licence.count", { used, total: licences, percent: percentOf(used, licences) });
}

/** The administrators' warning: the accounts reached WARN_PERCENT of the licences. */
export function composeLicenceWarning(used: number, licences: number, config: OfficeConfig): MailText {
  const lang = config.language;
  const blocks: Block[] = [
    {
      kind: "p",
      text: t(lang, "licence.warn.intro", {
        used,
        total: licences,
        percent: percentOf(used, licences),
        left: Math.max(0, licences - used),
      }),
    },
    { kind: "p", text: t(lang, "licence.warn.next") },
  ];
  return officeMail(
    t(lang, "licence.warn.subject", { percent: percentOf(used, licences) }),
    blocks,
    config,
    lang,
  );
}
