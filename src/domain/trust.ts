/**
 * The trust boundary's pure rules (docs/SECURITY.md, "Trust boundary"): which settings still hold
 * the sample office's values, which officials are outside the office domain, whether a file's
 * permissions include link sharing, and which delegated admin rights the service account lacks.
 * Nothing here knows Google; the adapters hand in plain data.
 */
import type { Language, OfficeConfig } from "./config.js";
import { defaultConfig } from "./defaults.js";
import { SHEETS } from "./settings.js";
import { t } from "./text/index.js";

/** The sample office's domain: its values may stay only in a workspace of that domain (npm start, tests). */
export const SAMPLE_DOMAIN = defaultConfig().domain;

function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0
    ? ""
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Whether a workspace domain is the sample office's (where the sample values belong). */
export function isSampleDomain(domain: string): boolean {
  return domain.trim().toLowerCase() === SAMPLE_DOMAIN;
}

/** One setting that still holds a sample value: where it is and the value. */
export interface SampleValue {
  field: string;
  value: string;
}

/**
 * The settings that still hold a value of the sample office: the signer's sample name, NIP and the
 * sample office's names, address and phone, and every address at the sample domain (officials,
 * delegates, administrators, the office address, OPD groups and copies). Empty in the sample
 * domain itself.
 */
export function sampleValues(config: OfficeConfig, workspaceDomain: string): SampleValue[] {
  if (isSampleDomain(workspaceDomain)) return [];
  const sample = defaultConfig();
  const out: SampleValue[] = [];
  const same = (field: string, value: string, sampleValue: string): void => {
    if (value.trim() !== "" && value.trim() === sampleValue.trim()) out.push({ field, value });
  };
  const address = (field: string, value: string): void => {
    if (value && domainOf(value) === SAMPLE_DOMAIN) out.push({ field, value });
  };
  if (config.domain.trim().toLowerCase() === SAMPLE_DOMAIN)
    out.push({ field: "domain", value: config.domain });
  same("penandatangan_nama", config.letter.signer.name, sample.letter.signer.name);
  same("penandatangan_nip", config.letter.signer.nip, sample.letter.signer.nip);
  same("nama_pemerintah", config.office.government, sample.office.government);
  same("alamat", config.office.address, sample.office.address);
  same("telepon", config.office.phone, sample.office.phone);
  address("surel_dinas", config.office.email);
  if (config.complaints.toLowerCase().includes(SAMPLE_DOMAIN))
    out.push({ field: "pengaduan", value: config.complaints });
  for (const a of config.admins) address("admin", a);
  for (const s of config.stages) {
    for (const e of s.officials) address(`${SHEETS.stages} ${s.key}`, e);
    for (const e of s.delegates) address(`${SHEETS.stages} ${s.key}`, e);
  }
  for (const o of config.opds) {
    address(`${SHEETS.opds} ${o.code}`, o.group);
    address(`${SHEETS.opds} ${o.code}`, o.ccEmail);
  }
  return out;
}

/** Everyone who acts in the register: administrators, officials and delegates (lower case, once each). */
export function actingPeople(config: OfficeConfig): string[] {
  const all = new Set<string>();
  for (const a of config.admins) all.add(a.trim().toLowerCase());
  for (const s of config.stages)
    for (const e of [...s.officials, ...s.delegates]) all.add(e.trim().toLowerCase());
  all.delete("");
  return [...all];
}

/**
 * Officials and administrators whose address is outside the domain of the account the triggers run
 * as: Apps Script hides their address in edit events, so every edit of theirs would be refused.
 */
export function outsideDomain(config: OfficeConfig, serviceAccount: string): string[] {
  const home = domainOf(serviceAccount);
  return actingPeople(config).filter((e) => domainOf(e) !== home);
}

/** A Drive permission as the Drive API lists it (only the fields used here). */
export interface PermissionFacts {
  type?: string;
  role?: string;
  domain?: string;
}

/** The link-sharing grants of a file ("anyone" or "domain" permissions), described for a person. */
export function linkGrants(permissions: readonly PermissionFacts[]): { type: string; role: string }[] {
  return permissions
    .filter((p) => p.type === "anyone" || p.type === "domain")
    .map((p) => ({ type: String(p.type), role: String(p.role ?? "reader") }));
}

/** The delegated admin rights the service needs, each with what it is used for. */
export const REQUIRED_PRIVILEGES = [
  "USERS_RETRIEVE",
  "USERS_CREATE",
  "USERS_UPDATE",
  "GROUPS_RETRIEVE",
  "GROUPS_UPDATE",
  "ORGANIZATION_UNITS_RETRIEVE",
] as const;
export type RequiredPrivilege = (typeof REQUIRED_PRIVILEGES)[number];

/** The role facts the adapter reads (role assignments of the service account, their roles). */
export interface RoleFacts {
  superAdmin: boolean;
  privileges: string[];
  /** Org units an assignment is limited to (ids or paths as the API gives them); empty: whole customer. */
  orgUnitScopes: string[];
}

/** The rights the service needs that its roles do not give (GROUPS_ALL covers the group rights). */
export function missingPrivileges(facts: RoleFacts): RequiredPrivilege[] {
  if (facts.superAdmin) return [];
  const has = new Set(facts.privileges);
  return REQUIRED_PRIVILEGES.filter(
    (p) => !has.has(p) && !(p.startsWith("GROUPS_") && has.has("GROUPS_ALL")),
  );
}

/** A right's name for people, in the office's language. */
export function privilegeLabel(lang: Language, p: RequiredPrivilege): string {
  switch (p) {
    case "USERS_RETRIEVE":
      return t(lang, "trust.right.users_retrieve");
    case "USERS_CREATE":
      return t(lang, "trust.right.users_create");
    case "USERS_UPDATE":
      return t(lang, "trust.right.users_update");
    case "GROUPS_RETRIEVE":
      return t(lang, "trust.right.groups_retrieve");
    case "GROUPS_UPDATE":
      return t(lang, "trust.right.groups_update");
    case "ORGANIZATION_UNITS_RETRIEVE":
      return t(lang, "trust.right.org_units_retrieve");
  }
}
