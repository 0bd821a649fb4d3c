/**
 * Helpers of the changes and departures flow tests: an account made by surel itself,
 * a change request filed on the Layanan Akun form and carried through the chain to "Jalankan permohonan",
 * dates on the office's calendar relative to the virtual clock, the directory's view of an account.
 */
import type { ServiceFieldKey, ServiceKind } from "../../src/domain/services.js";
import { directoryState, directoryUser } from "gas-emulator/testkit";
import { act, register, row, runWorkers, type Office } from "./harness.js";
import { applicant, provision, STAF, toLastStage } from "./provision-kit.js";
import { serviceAnswers, submitService } from "./services-kit.js";

export interface Account {
  ticket: string;
  address: string;
  nip: string;
  personal: string;
  name: string;
}

/** An account made by surel itself (NIP in externalIds, recovery e-mail, the OPD's org unit and group). */
export async function existingAccount(
  office: Office,
  n: number,
  overrides: Record<string, string> = {},
): Promise<Account> {
  const a = applicant(n, overrides);
  const ticket = await provision(office, a);
  const address = String(row(office, ticket).addressRecorded);
  return {
    ticket,
    address,
    nip: a["NIP / NI PPPK"]!,
    personal: a["Surel pribadi"]!,
    name: a["Nama lengkap"]!,
  };
}

/** yyyy-MM-dd of the office's (WIB) calendar day `days` after the virtual clock's. */
export function dayFromNow(office: Office, days: number): string {
  return new Date(office.emu.ws.clockMs + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a WIB calendar day begins. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - 7 * 3_600_000;
}

/** The answers of a change about `acc` with the OPD's letter dated today. */
export function changeAnswers(
  office: Office,
  kind: ServiceKind,
  acc: Account,
  fields: Partial<Record<ServiceFieldKey, string>> = {},
): Record<string, string> {
  return serviceAnswers(kind, {
    address: acc.address,
    nip: acc.nip,
    personalEmail: acc.personal,
    fullName: acc.name,
    letterNumber: "800/45/BKPSDM/2026",
    letterDate: dayFromNow(office, 0),
    ...fields,
  });
}

/**
 * Files a change, moves it through the chain and lets the staff choose "Jalankan permohonan"; returns the
 * ticket and the workers' executions.
 */
export async function fileAndApprove(office: Office, answers: Record<string, string>) {
  const ticket = await submitService(office, answers);
  if (row(office, ticket).status !== "baru") throw new Error(`not accepted: ${row(office, ticket).problems}`);
  await toLastStage(office, ticket);
  await act(office, STAF, ticket, "Jalankan permohonan");
  const workers = await runWorkers(office);
  return { ticket, workers };
}

/** The directory's record of an address (host side, no service call). */
export function account(office: Office, address: string) {
  const u = directoryUser(office.emu.ws, address);
  if (!u) throw new Error(`no account ${address}`);
  return u;
}

/** The groups an address is a direct member of (host side). */
export function groupsOf(office: Office, address: string): string[] {
  const id = account(office, address).id;
  return directoryState(office.emu.ws)
    .groups.filter((g) => g.members.some((m) => m.id === id))
    .map((g) => String(g.email))
    .sort();
}

/** The register row of a ticket (re-exported for the tests). */
export function registerRow(office: Office, ticket: string) {
  return register(office).find((r) => r.ticket === ticket)!;
}

export { applicant };
