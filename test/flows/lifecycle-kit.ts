/**
 * Helpers of the lifecycle flow tests (licences, accounts never used, password resets):
 * a setting changed as an administrator would type it, the directory's accounts as Google counts
 * them for licences, and a first sign-in.
 */
import { SHEETS } from "../../src/domain/settings.js";
import {
  evictAllCaches,
  directoryState,
  directoryStateObject,
  scriptPropertiesOf,
} from "gas-emulator/testkit";
import { hostWrite, records, type Office } from "./harness.js";
import { WORK_AT_PROPERTY } from "../../src/workspace/sweepstate.js";

/** Writes a value into the Pengaturan sheet (the key's row) and drops the cached configuration. */
export function setSetting(office: Office, key: string, value: string): void {
  const rows = records(office, SHEETS.settings);
  const i = rows.findIndex((r) => Object.values(r)[0] === key);
  if (i < 0) throw new Error(`no setting ${key}`);
  hostWrite(office, SHEETS.settings, `B${i + 2}`, [[value]]);
  evictAllCaches(office.emu.ws);
  // What the settings edit's trigger does first: it marks work for the next sweep (domain/sweepplan.ts).
  scriptPropertiesOf(office.emu.ws).set(WORK_AT_PROPERTY, String(office.emu.ws.now()));
}

/** Accounts that hold a licence: every live account but the archived ones. */
export function licensedAccounts(office: Office): number {
  return directoryState(office.emu.ws).users.filter((u) => !u.deletionTime && u.archived !== true).length;
}

/** The account was signed in to `ms` (epoch) — what Google's lastLoginTime then says. */
export function signIn(office: Office, address: string, ms: number): void {
  const rec = [...directoryStateObject(office.emu.ws).users.values()].find(
    (u) => String(u.user.primaryEmail).toLowerCase() === address.toLowerCase(),
  );
  if (!rec) throw new Error(`no account ${address}`);
  rec.user.lastLoginTime = new Date(ms).toISOString();
}

/** 09:00 WIB of a day (UTC+7). */
export const nineAm = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day, 2, 0);

/** The virtual clock jumps to `ms` (no sweep in between) and the sweep runs once, as its trigger would. */
export async function sweepAt(office: Office, ms: number) {
  const ws = office.emu.ws;
  ws.clockMs = Math.max(ws.clockMs, ms);
  const result = await office.emu.run("sweep", { kind: "installable" });
  if (!result.ok) throw new Error(`sweep failed: ${result.error?.message}`);
  return result;
}

/** How many times the bundle called a service method so far (e.g. "AdminDirectory.Users.update"). */
export function callsSoFar(office: Office, method: string): number {
  return office.emu.ledger.snapshot().calls[method]?.count ?? 0;
}
