/**
 * The duplicate check as officials see it in the register: the request against every other row
 * of the register (a few column reads, a constant number of calls) and against the directory
 * (the candidate address as user, alias or group; the NIP in externalIds). The directory's search
 * index may lag by up to a day, so the register's own "account created" rows count too.
 */
import type { OfficeConfig } from "../domain/config.js";
import {
  checkDuplicates,
  type DirectoryFacts,
  type DuplicateResult,
  type RegisterRow as DupRow,
} from "../domain/duplicates.js";
import { chooseUsername, namingPolicyFromConfig, type NameInput } from "../domain/naming.js";
import type { Applicant } from "../domain/request.js";
import { findOpd } from "../domain/form.js";
import type { RegisterTable } from "./register.js";
import { errorText } from "./errors.js";
import { failureOf } from "./directory.js";
import { t } from "../domain/text/index.js";
import type { DuplicateVerdict } from "../domain/request.js";
import type { Language } from "../domain/config.js";

const VERDICT_KEYS = {
  aman: "duplicate.verdict.aman",
  "kemungkinan duplikat": "duplicate.verdict.kemungkinan_duplikat",
  "sudah terdaftar": "duplicate.verdict.sudah_terdaftar",
} as const;

/** A duplicate verdict as officials read it ("aman", "possible duplicate", …). */
export function verdictText(verdict: DuplicateVerdict, lang: Language): string {
  return t(lang, VERDICT_KEYS[verdict]);
}

/** The register's rows as the duplicate check sees them: one read per column. */
export function registerFacts(table: RegisterTable, config: OfficeConfig): DupRow[] {
  const c = table.readColumns([
    "ticket",
    "status",
    "nip",
    "nik",
    "name",
    "opd",
    "address",
    "wish",
    "accountType",
  ] as const);
  const [tickets, statuses, nips, niks, names, opds, addresses, wishes, types] = [
    c.ticket,
    c.status,
    c.nip,
    c.nik,
    c.name,
    c.opd,
    c.address,
    c.wish,
    c.accountType,
  ];
  return tickets.map((t, i) => {
    const address = String(addresses[i] ?? "") || (wishes[i] ? `${String(wishes[i])}@${config.domain}` : "");
    const opd = findOpd(String(opds[i] ?? ""), config.opds);
    return {
      ticket: String(t),
      status: String(statuses[i] ?? ""),
      nip: String(nips[i] ?? ""),
      nik: String(niks[i] ?? ""),
      name: String(names[i] ?? ""),
      opdCode: opd ? opd.code : String(opds[i] ?? ""),
      address,
      accountType: /unit/i.test(String(types[i] ?? "")) ? "unit" : "personal",
    };
  });
}

function isNotFound(e: unknown): boolean {
  // The reason and code decide; the message (translated for the user) only when both are missing.
  return failureOf(e) === "not_found";
}

export interface AddressLookup {
  kind: "user" | "alias" | "group" | "none";
  owner?: string;
}

/** Whether an address exists in the directory, and as what. Throws on errors other than 404. */
export function lookupAddress(address: string): AddressLookup {
  const dir = AdminDirectory;
  if (!dir) return { kind: "none" };
  try {
    const user = dir.Users!.get(address);
    const primary = String(user.primaryEmail ?? "").toLowerCase();
    return primary === address.toLowerCase()
      ? { kind: "user", owner: primary }
      : { kind: "alias", owner: primary };
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  try {
    dir.Groups!.get(address);
    return { kind: "group" };
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  return { kind: "none" };
}

/** Directory users carrying this NIP in externalIds. */
export function usersWithNip(nip: string): { nip: string; address: string }[] {
  const dir = AdminDirectory;
  if (!dir || !/^\d{18}$/.test(nip)) return [];
  const found = dir.Users!.list({ customer: "my_customer", query: `externalId:${nip}`, maxResults: 10 });
  return (found.users ?? []).map((u) => ({ nip, address: String(u.primaryEmail ?? "") }));
}

export function nameInput(a: Applicant): NameInput {
  return {
    fullName: a.name,
    accountType: a.accountType === "unit" ? "unit" : "personal",
    unitCode: a.unitAcronym,
    wish: a.proposedUsername,
    nip: a.nip,
  };
}

export interface DuplicateOutcome {
  result: DuplicateResult;
  /** The address the naming policy proposes (free in the register and the directory), "" if none. */
  proposed: string;
  text: string;
}

/**
 * Checks a request: proposes an address per policy (the wish first when valid and free), then
 * matches register and directory. `ownTicket` is excluded from the register rows.
 */
export function duplicateCheck(
  a: Applicant,
  ownTicket: string,
  rows: DupRow[],
  config: OfficeConfig,
): DuplicateOutcome {
  const others = rows.filter((r) => r.ticket !== ownTicket);
  const taken = new Set(others.filter((r) => r.status !== "ditolak").map((r) => r.address.toLowerCase()));
  const lookups = new Map<string, AddressLookup>();
  // The directory check is advisory: when the directory cannot be asked, the register check still
  // stands, the failure is said in the result, and provisioning checks again before creating.
  let directoryError = "";
  const lookup = (address: string): AddressLookup => {
    let l = lookups.get(address);
    if (!l) {
      try {
        l = directoryError ? { kind: "none" } : lookupAddress(address);
      } catch (e) {
        directoryError = errorText(e);
        l = { kind: "none" };
      }
      lookups.set(address, l);
    }
    return l;
  };
  const policy = namingPolicyFromConfig(config);
  const input = nameInput(a);
  const chosen = chooseUsername(
    input,
    policy,
    (local) => {
      const address = `${local}@${config.domain}`;
      return taken.has(address) || lookup(address).kind !== "none";
    },
    12,
  );
  const proposed = chosen ? `${chosen.local}@${config.domain}` : "";
  let nips: DirectoryFacts["nips"] = [];
  if (!directoryError) {
    try {
      nips = usersWithNip(a.nip);
    } catch (e) {
      directoryError = errorText(e);
    }
  }
  const facts: DirectoryFacts = { addresses: [], nips };
  for (const [address, l] of lookups)
    if (l.kind !== "none")
      facts.addresses.push({ address, kind: l.kind, ...(l.owner ? { owner: l.owner } : {}) });
  const subject = {
    ticket: ownTicket,
    accountType: input.accountType,
    nip: a.nip,
    nik: a.nik,
    address: proposed,
    name: a.name,
    opdCode: a.opdCode,
  };
  const lang = config.language;
  const result = checkDuplicates(subject, others, facts, undefined, lang);
  const lines = result.matches.map((m) => m.detail);
  if (input.wish && chosen && !chosen.fromWish)
    lines.push(t(lang, "duplicate.wish_unusable", { wish: input.wish }));
  if (!chosen) lines.push(t(lang, "duplicate.no_free_address"));
  if (directoryError) lines.push(t(lang, "duplicate.directory_unavailable", { detail: directoryError }));
  const verdict = verdictText(result.verdict, lang);
  const head = proposed ? t(lang, "duplicate.proposed", { verdict, address: proposed }) : verdict;
  const text = [head, ...lines].join("\n");
  return { result, proposed, text };
}
