/**
 * Helpers of the account services flow tests: the services form's id, a submission
 * to it, and its answers.
 */
import { submitResponse, type SubmitOptions } from "gas-emulator";
import { seedUser } from "gas-emulator/testkit";
import {
  serviceLabel,
  serviceQuestionTitle,
  type ServiceFieldKey,
  type ServiceKind,
} from "../../src/domain/services.js";
import { DOMAIN, type Office } from "./harness.js";

/** The account services form setup created (its report). */
export function servicesFormId(office: Office): string {
  const id = (office.setup.returnValue as { servicesFormId?: string }).servicesFormId;
  if (!id) throw new Error("setup made no services form");
  return id;
}

/** Answers of the services form by field key (Indonesian titles, as setup writes them). */
export function serviceAnswers(
  kind: ServiceKind | string,
  fields: Partial<Record<ServiceFieldKey, string>>,
): Record<string, string> {
  const out: Record<string, string> = {
    [serviceQuestionTitle("service", "id")]: kind.includes(" ")
      ? kind
      : serviceLabel(kind as ServiceKind, "id"),
  };
  for (const [k, v] of Object.entries(fields)) out[serviceQuestionTitle(k as ServiceFieldKey, "id")] = v;
  return out;
}

/** Submits the services form and runs the triggers; returns the intake's ticket. */
export async function submitService(
  office: Office,
  answers: Record<string, string>,
  opts: SubmitOptions = {},
): Promise<string> {
  submitResponse(office.emu.ws, servicesFormId(office), answers, opts);
  const results = await office.emu.drain();
  const intake = results.find((r) => r.handler === "onFormSubmit");
  if (!intake || !intake.ok) throw new Error(`intake failed: ${intake?.error?.message ?? "no execution"}`);
  const ticket = (intake.returnValue as { ticket?: string } | null)?.ticket;
  if (!ticket) throw new Error("intake returned no ticket");
  return ticket;
}

/** The password seeded accounts have (signed in with before the reset). */
export const OLD_PASSWORD = "Sandi-Lama-2025!";

export interface SeededAccount {
  address: string;
  nip: string;
  personal: string;
  name: string;
}

/**
 * An account in the directory as surel writes one (the NIP in externalIds, the recovery e-mail),
 * signed into before with OLD_PASSWORD; `k` makes it unique (1 to 9999).
 */
export function seedAccount(office: Office, k: number): SeededAccount {
  const address = `pegawai.${k}@${DOMAIN}`;
  const nip = `19800330201001${String(k).padStart(4, "0")}`;
  const personal = `pegawai.${k}@gmail.com`;
  seedUser(office.emu.ws, {
    primaryEmail: address,
    name: { givenName: "Pegawai", familyName: `Nomor ${k}` },
    externalIds: [{ type: "organization", value: nip }],
    recoveryEmail: personal,
    password: OLD_PASSWORD,
    lastLoginTime: "2026-10-01T02:00:00.000Z",
  });
  return { address, nip, personal, name: `Pegawai Nomor ${k}` };
}

/** The reset answers of an account's holder (or of someone claiming it: `overrides`). */
export function resetAnswers(
  a: SeededAccount,
  overrides: Partial<SeededAccount> = {},
): Record<string, string> {
  const x = { ...a, ...overrides };
  return serviceAnswers("reset_sandi", {
    address: x.address,
    nip: x.nip,
    personalEmail: x.personal,
    fullName: x.name,
  });
}
