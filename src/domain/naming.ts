/**
 * Usernames (the local part of the address) from a name and the office's naming policy.
 *
 * Rules (Google Workspace): a–z, 0–9, "-", "_", "'", "."; lower case; no two dots in a row; not
 * starting or ending with a dot; at most 64 characters; "abuse" and "postmaster" reserved by Google.
 * Local policy adds reserved names (admin, info, the OPD codes, …).
 *
 * Generated candidates use only a–z, 0–9 and the pattern's separator: diacritics are folded (é → e),
 * apostrophes dropped (Ma'ruf → maruf), every other character separates words. Names arrive without
 * titles (names.ts strips them). Collisions are resolved deterministically: the middle initials
 * first (policy "initial-then-number"), then a number 2, 3, ….
 */
import type { Language } from "./config.js";
import { t } from "./text/index.js";
import type { AccountType } from "./request.js";

export type NamingPattern = "first.last" | "firstlast" | "first_last" | "f.last";
export type CollisionPolicy = "initial-then-number" | "number";

export interface NamingPolicy {
  pattern: NamingPattern;
  collision: CollisionPolicy;
  /** Lower-case local parts nobody may get (Google's and the office's, OPD codes included). */
  reserved: string[];
}

export interface NameInput {
  /** The full name without titles, e.g. "Siti Nur Aminah". Used when given/family are empty. */
  fullName?: string;
  givenName?: string;
  familyName?: string;
  accountType: AccountType;
  /** For unit accounts: the OPD code or unit acronym, e.g. "BAPPEDA". */
  unitCode?: string;
  /** The applicant's wish, e.g. "siti.aminah" (a full address is accepted; the domain is dropped). */
  wish?: string;
  /** 18-digit NIP, used for the birth year when a one-word name is too short. */
  nip?: string;
}

export interface UsernameProblem {
  code: "empty" | "too_long" | "uppercase" | "bad_chars" | "double_dot" | "edge_dot" | "reserved";
  message: string;
}

/** Reserved by Google for every domain. */
export const GOOGLE_RESERVED = ["abuse", "postmaster"];

/**
 * Names no account may take, whatever the path (name, wish, unit acronym, staff override) and
 * whatever the office configured: the mailbox names of RFC 2142, the usual system and
 * administration mailboxes, and the role addresses of a regional government (an account named
 * after an office holder or a public channel would speak for the government).
 */
export const ALWAYS_RESERVED: readonly string[] = [
  ...GOOGLE_RESERVED,
  // RFC 2142
  "info",
  "marketing",
  "sales",
  "support",
  "noc",
  "security",
  "hostmaster",
  "usenet",
  "news",
  "webmaster",
  "www",
  "uucp",
  "ftp",
  // System and administration
  "admin",
  "administrator",
  "root",
  "sysadmin",
  "system",
  "noreply",
  "no-reply",
  "mailer-daemon",
  "daemon",
  "helpdesk",
  "it",
  "ssl-admin",
  "ssladmin",
  "ssladministrator",
  "webadmin",
  "help",
  // Roles of a regional government
  "walikota",
  "wakilwalikota",
  "wakil.walikota",
  "bupati",
  "wakilbupati",
  "wakil.bupati",
  "gubernur",
  "wakilgubernur",
  "sekda",
  "sekretarisdaerah",
  "sekretaris.daerah",
  "ppid",
  "humas",
  "pengaduan",
  "lapor",
  "kepala",
  "kadis",
  "setda",
  "dprd",
  "inspektorat",
];

/** A name in ALWAYS_RESERVED (no exemption applies to it). */
export function isAlwaysReserved(local: string): boolean {
  return ALWAYS_RESERVED.includes(local.trim().toLowerCase());
}
export const MAX_LOCAL_LENGTH = 64;

/** Leading name particles that are not used as the first name when more words follow (Balinese I, Ni, Ni Luh). */
const SKIPPED_PARTICLES = new Set(["i", "ni"]);

/** Extra foldings NFD does not do. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

/** Lower case, diacritics folded, apostrophes dropped; other characters kept. */
export function foldDiacritics(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæœøđðłþı]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Words of a name: folded, apostrophes removed, split on anything that is not a–z or 0–9. */
export function nameWords(text: string): string[] {
  return foldDiacritics(text)
    .replace(/['’‘`ʼ]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Problems of a local part against Google's rules and the reserved list (empty when fine), in `lang`. */
export function checkUsername(
  local: string,
  reserved: readonly string[] = [],
  lang: Language = "id",
): UsernameProblem[] {
  const problems: UsernameProblem[] = [];
  if (local.length === 0) return [{ code: "empty", message: t(lang, "naming.empty") }];
  if (local.length > MAX_LOCAL_LENGTH) {
    problems.push({ code: "too_long", message: t(lang, "naming.too_long", { max: MAX_LOCAL_LENGTH }) });
  }
  if (/[A-Z]/.test(local)) problems.push({ code: "uppercase", message: t(lang, "naming.uppercase") });
  if (/[^a-zA-Z0-9\-_'.]/.test(local))
    problems.push({ code: "bad_chars", message: t(lang, "naming.bad_chars") });
  if (local.includes("..")) problems.push({ code: "double_dot", message: t(lang, "naming.double_dot") });
  if (local.startsWith(".") || local.endsWith(".")) {
    problems.push({ code: "edge_dot", message: t(lang, "naming.edge_dot") });
  }
  const lower = local.toLowerCase();
  if (isAlwaysReserved(lower) || reserved.some((r) => r.toLowerCase() === lower)) {
    problems.push({ code: "reserved", message: t(lang, "naming.reserved", { name: lower }) });
  }
  return problems;
}

/** The naming policy of an office configuration (Google's reserved names and OPD codes added). */
export function namingPolicyFromConfig(config: {
  naming: { pattern: NamingPattern; collision: CollisionPolicy; reserved: string[] };
  opds: { code: string }[];
}): NamingPolicy {
  const reserved = new Set<string>(GOOGLE_RESERVED);
  for (const r of config.naming.reserved) if (r.trim()) reserved.add(r.trim().toLowerCase());
  for (const o of config.opds) {
    const code = unitLocal(o.code);
    if (code) reserved.add(code);
  }
  return { pattern: config.naming.pattern, collision: config.naming.collision, reserved: [...reserved] };
}

/** An OPD code as a local part: "Satpol PP" → "satpolpp". */
export function unitLocal(code: string): string {
  return nameWords(code).join("");
}

/** A wish normalised to a local part: trimmed, lower-cased, domain dropped, spaces → dots, diacritics folded. */
export function normaliseWish(wish: string): string {
  let w = wish.trim();
  const at = w.indexOf("@");
  if (at >= 0) w = w.slice(0, at);
  return foldDiacritics(w).replace(/\s+/g, ".");
}

interface NameParts {
  first: string;
  middles: string[];
  last: string;
}

function nameParts(input: NameInput): NameParts | null {
  const given = nameWords(input.givenName ?? "");
  const family = nameWords(input.familyName ?? "");
  let words = given.length || family.length ? [...given, ...family] : nameWords(input.fullName ?? "");
  if (words.length === 0) return null;
  if (words.length > 2 && words[0] === "ni" && words[1] === "luh") words = words.slice(2);
  while (words.length > 1 && SKIPPED_PARTICLES.has(words[0]!)) words = words.slice(1);
  // A trailing initial ("Budi S.") is not a last name: keep it as a middle initial.
  let lastIndex = words.length - 1;
  while (lastIndex > 0 && words[lastIndex]!.length === 1) lastIndex--;
  const first = words[0]!;
  if (lastIndex === 0) return { first, middles: words.slice(1), last: "" };
  return {
    first,
    middles: [...words.slice(1, lastIndex), ...words.slice(lastIndex + 1)],
    last: words[lastIndex]!,
  };
}

function separator(pattern: NamingPattern): string {
  return pattern === "firstlast" ? "" : pattern === "first_last" ? "_" : ".";
}

/** first + optional middle initials + last in the pattern's shape. */
function compose(pattern: NamingPattern, first: string, middleInitials: string, last: string): string {
  const sep = separator(pattern);
  const head = pattern === "f.last" ? first[0]! : first;
  const parts = [head];
  if (middleInitials) parts.push(middleInitials);
  parts.push(last);
  return parts.join(sep);
}

/** Cuts a candidate to the maximum length, leaving room for a suffix, without a trailing separator. */
function fit(local: string, suffix = ""): string {
  const room = MAX_LOCAL_LENGTH - suffix.length;
  let cut = local.length > room ? local.slice(0, room) : local;
  cut = cut.replace(/[._-]+$/, "");
  return cut + suffix;
}

function birthYear(nip: string | undefined): string | null {
  const digits = (nip ?? "").replace(/\D/g, "");
  if (digits.length !== 18) return null;
  const year = Number(digits.slice(0, 4));
  return year >= 1940 && year <= 2020 ? String(year) : null;
}

function isAllowed(local: string, policy: NamingPolicy, ownUnit: string): boolean {
  const problems = checkUsername(local, policy.reserved);
  // A unit account may take its own OPD code, which is otherwise reserved; never a name of
  // ALWAYS_RESERVED (the acronym is typed by the applicant).
  return problems.every(
    (p) => p.code === "reserved" && ownUnit !== "" && local === ownUnit && !isAlwaysReserved(local),
  );
}

/**
 * The base names before numbering, best first: the applicant's wish (when valid), the plain name
 * in the pattern, then (policy "initial-then-number") the name with middle initials.
 */
function baseCandidates(input: NameInput, policy: NamingPolicy): { bases: string[]; numbered: string } {
  const ownUnit = input.accountType === "unit" ? unitLocal(input.unitCode ?? "") : "";
  const bases: string[] = [];
  const add = (c: string): void => {
    if (c && !bases.includes(c) && isAllowed(c, policy, ownUnit)) bases.push(c);
  };
  if (input.wish) add(normaliseWish(input.wish));

  let numbered = "";
  if (input.accountType === "unit") {
    if (ownUnit) {
      add(ownUnit);
      numbered = ownUnit;
    }
    return { bases, numbered: numbered || bases[0] || "" };
  }

  const parts = nameParts(input);
  if (!parts) return { bases, numbered: bases[0] ?? "" };
  if (!parts.last) {
    // One-word name: the name alone when it has 3 letters or more, else the name + the NIP birth year.
    const year = birthYear(input.nip);
    const base = parts.first.length >= 3 || !year ? parts.first : `${parts.first}${year}`;
    add(fit(base));
    if (policy.collision === "initial-then-number") {
      for (const m of parts.middles) add(fit(`${parts.first}${separator(policy.pattern)}${m[0]!}`));
    }
    return { bases, numbered: fit(base) };
  }
  const plain = fit(compose(policy.pattern, parts.first, "", parts.last));
  add(plain);
  if (policy.collision === "initial-then-number" && parts.middles.length) {
    const sep = separator(policy.pattern);
    for (const m of parts.middles) add(fit(compose(policy.pattern, parts.first, m[0]!, parts.last)));
    if (parts.middles.length > 1) {
      add(fit(compose(policy.pattern, parts.first, parts.middles.map((m) => m[0]).join(sep), parts.last)));
    }
  }
  return { bases, numbered: plain };
}

/**
 * Ordered candidates: the bases, then the plain name numbered 2, 3, … until `count` candidates.
 * All pass checkUsername and the reserved list. Empty when nothing usable can be formed.
 */
export function usernameCandidates(input: NameInput, policy: NamingPolicy, count = 10): string[] {
  const { bases, numbered } = baseCandidates(input, policy);
  const out = bases.slice(0, count);
  if (!numbered) return out;
  const ownUnit = input.accountType === "unit" ? unitLocal(input.unitCode ?? "") : "";
  for (let n = 2; out.length < count && n < 10_000; n++) {
    const c = fit(numbered, String(n));
    if (!out.includes(c) && isAllowed(c, policy, ownUnit)) out.push(c);
  }
  return out;
}

/**
 * The first candidate that is not taken (`isTaken` looks at the directory, the register and any
 * pending request), with why it was chosen; null when `maxTries` candidates are all taken.
 */
export function chooseUsername(
  input: NameInput,
  policy: NamingPolicy,
  isTaken: (local: string) => boolean,
  maxTries = 100,
): { local: string; fromWish: boolean; skipped: string[] } | null {
  const wish = input.wish ? normaliseWish(input.wish) : "";
  const skipped: string[] = [];
  for (const c of usernameCandidates(input, policy, maxTries)) {
    if (isTaken(c)) {
      skipped.push(c);
      continue;
    }
    return { local: c, fromWish: c === wish, skipped };
  }
  return null;
}

/** Why a wish was not honoured, in `lang` (empty when it is usable as is). */
export function wishProblems(
  wish: string,
  policy: NamingPolicy,
  ownUnitCode = "",
  lang: Language = "id",
): UsernameProblem[] {
  const local = normaliseWish(wish);
  const own = unitLocal(ownUnitCode);
  return checkUsername(local, policy.reserved, lang).filter(
    (p) => !(p.code === "reserved" && own !== "" && local === own && !isAlwaysReserved(local)),
  );
}
