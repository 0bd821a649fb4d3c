/**
 * The duplicate check as officials see it in the register: the request against every other row
 * of the register that shares a key with it (one TextFinder over the register's "Kunci Duplikat"
 * column, then one read per row found: the same calls at 10 rows and at 50,000) and against the directory
 * (the candidate address as user, alias or group; the NIP in externalIds). The directory's search
 * index may lag by up to a day, so the register's own "account created" rows count too.
 */
import type { OfficeConfig } from "../domain/config.js";
import {
  checkDuplicates,
  type DirectoryFacts,
  type DuplicateResult,
  duplicateKeys,
  type DuplicateKeyCell,
  type RegisterRow as DupRow,
} from "../domain/duplicates.js";
import {
  chooseUsername,
  namingPolicyFromConfig,
  usernameCandidates,
  type NameInput,
} from "../domain/naming.js";
import { nameKey } from "../domain/names.js";
import type { Applicant } from "../domain/request.js";
import { findOpd } from "../domain/form.js";
import type { RegisterRow, RegisterTable } from "./register.js";
import { columnLetterOf, type Cell } from "./table.js";
import { errorText } from "./errors.js";
import { withScriptLock } from "./lock.js";
import { failureOf, usersWithNip } from "./directory.js";
import { decodeAccountType } from "./registercodec.js";
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

/** How many addresses the naming policy tries for a request (duplicateCheck's chooseUsername). */
const NAME_TRIES = 12;

/**
 * Script Property set once every register row carries its keys (the sweep's repair of a register
 * made by an earlier build, or setup of an empty register). Until then the duplicate check reads
 * the columns whole, as before: verdicts never depend on an index that is not complete yet.
 */
export const DUP_INDEX_PROPERTY = "surel:dupIndex";

const keyPart = (s: string): string => s.replace(/\|/g, "").trim().toLowerCase();

/** The OPD code a register row's OPD text stands for (as the duplicate rules compare it). */
function opdCodeOf(opd: Cell | undefined, config: OfficeConfig): string {
  const found = findOpd(String(opd ?? ""), config.opds);
  return found ? found.code : String(opd ?? "");
}

/** The row's duplicate keys (domain/duplicates.ts duplicateKeys) for this office. */
export function dupKeys(row: Partial<Pick<RegisterRow, DuplicateKeyCell>>, config: OfficeConfig): string {
  return duplicateKeys(row, config.opds);
}

/** What a request is looked up by: its identity numbers, the addresses it may get, its name and OPD. */
export interface KeySubject {
  nip: string;
  nik: string;
  /** Full addresses (local@domain). */
  addresses: readonly string[];
  name: string;
  opdCode: string;
}

/**
 * The keys a subject is looked up by, as dupKeys writes them: a row that matches it by any rule
 * shares one of them (an address: as the row's own, or as its wish at the office's domain).
 */
export function subjectKeys(s: KeySubject): string[] {
  const keys = new Set<string>();
  for (const d of [s.nip.replace(/\D/g, ""), s.nik.replace(/\D/g, "")]) if (d.length >= 8) keys.add(`i:${d}`);
  for (const address of s.addresses) {
    const full = keyPart(address);
    if (!full) continue;
    keys.add(`a:${full}`);
    const at = full.lastIndexOf("@");
    if (at > 0) keys.add(`w:${full.slice(0, at)}`);
  }
  const key = keyPart(nameKey(s.name));
  const opd = keyPart(s.opdCode);
  if (key && opd) keys.add(`m:${opd}:${key}`);
  return [...keys];
}

/** The keys a request is looked up by: its identity numbers, every address the policy may propose, its name. */
export function requestKeys(a: Applicant, config: OfficeConfig): string[] {
  const policy = namingPolicyFromConfig(config);
  const addresses = usernameCandidates(nameInput(a), policy, NAME_TRIES).map((l) => `${l}@${config.domain}`);
  return subjectKeys({ nip: a.nip, nik: a.nik, addresses, name: a.name, opdCode: a.opdCode });
}

const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the duplicate index is complete (one Script Properties read). */
export function dupIndexReady(): boolean {
  return PropertiesService.getScriptProperties().getProperty(DUP_INDEX_PROPERTY) === "1";
}

/**
 * The register's rows that share a key with `keys`: one TextFinder over the "Kunci Duplikat"
 * column for all of them at once, then one read per row found. Rows sharing no key cannot match
 * any rule (dupKeys), so the verdict is that of the whole register; while the index is not
 * complete (DUP_INDEX_PROPERTY), `whole()` (the register read whole) instead.
 */
export function indexedFacts(
  table: RegisterTable,
  config: OfficeConfig,
  keys: readonly string[],
  whole: () => DupRow[],
): DupRow[] {
  if (!dupIndexReady()) return whole();
  if (keys.length === 0) return [];
  const letter = columnLetterOf(table.col("dupKeys"));
  const found = table.sheet
    .getRange(`${letter}2:${letter}`)
    .createTextFinder(`\\|(?:${keys.map(reEscape).join("|")})\\|`)
    .useRegularExpression(true)
    .findAll();
  const rowNumbers = [...new Set(found.map((r) => r.getRow()))].sort((x, y) => x - y);
  return rowNumbers.map((n) => rowFact(table.read(n), config));
}

/** The rows a request's duplicate check needs (indexedFacts with the request's keys). */
export function candidateFacts(table: RegisterTable, config: OfficeConfig, a: Applicant): DupRow[] {
  return indexedFacts(table, config, requestKeys(a, config), () => registerFacts(table, config));
}

/** One register row as the duplicate check sees it. */
export function rowFact(row: RegisterRow, config: OfficeConfig): DupRow {
  const address = String(row.address ?? "") || (row.wish ? `${String(row.wish)}@${config.domain}` : "");
  return {
    ticket: String(row.ticket),
    status: String(row.status ?? ""),
    nip: String(row.nip ?? ""),
    nik: String(row.nik ?? ""),
    name: String(row.name ?? ""),
    opdCode: opdCodeOf(row.opd, config),
    address,
    accountType: decodeAccountType(row.accountType) || "pribadi",
  };
}

/** The register's rows as the duplicate check sees them: one read per column (the index's fallback and repair). */
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
      accountType: decodeAccountType(types[i]) || "pribadi",
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

export function nameInput(a: Applicant): NameInput {
  return {
    fullName: a.name,
    accountType: a.accountType || "pribadi",
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
  // Without the Directory service the check stays silent, as lookupAddress does.
  if (!directoryError && AdminDirectory) {
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

/**
 * The sweep's repair of the duplicate keys from the register itself (and the build of them in a
 * register made by an earlier build): every row whose "Kunci Duplikat" is not dupKeys of its own
 * cells gets it, under the script lock, in one read and one write of that column per run of such
 * rows; a row whose keys changed since `rows` were read (a write of the program in between) is
 * left as that write made it. Then the index is complete (DUP_INDEX_PROPERTY). `rows`: the
 * register as read already (the sweep's reminder pass), so a register in order costs no call.
 * Returns the rows repaired.
 */
export function repairDupKeys(
  table: RegisterTable,
  config: OfficeConfig,
  rows: readonly { rowNumber: number; row: RegisterRow }[],
  ready: boolean,
): number {
  const wrong = new Map<number, { ticket: string; was: string; keys: string }>();
  for (const { rowNumber, row } of rows) {
    const keys = dupKeys(row, config);
    const was = String(row.dupKeys ?? "");
    if (keys !== was) wrong.set(rowNumber, { ticket: String(row.ticket), was, keys });
  }
  if (wrong.size > 0)
    withScriptLock(() => {
      const col = table.col("dupKeys");
      const numbers = [...wrong.keys()].sort((a, b) => a - b);
      for (let i = 0; i < numbers.length;) {
        let j = i;
        while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
        const first = numbers[i]!;
        // The rows as they are now: a row moved (a deleted row above) or rewritten is left alone.
        const tickets = table.sheet.getRange(first, 1, j - i + 1, 1).getValues();
        const range = table.sheet.getRange(first, col, j - i + 1, 1);
        const now = range.getValues().map((r) => String(r[0] ?? ""));
        const values = now.map((cell, k) => {
          const w = wrong.get(first + k)!;
          return [cell === w.was && String(tickets[k]?.[0] ?? "") === w.ticket ? w.keys : cell];
        });
        range.setValues(values);
        i = j + 1;
      }
    });
  if (!ready || wrong.size > 0) PropertiesService.getScriptProperties().setProperty(DUP_INDEX_PROPERTY, "1");
  return wrong.size;
}
