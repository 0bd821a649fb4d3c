/**
 * A personal e-mail address as the applicant typed it: checked (syntax, not the office's domain,
 * misspelt provider domains), whether mail may go to it, and how the log shows it (masked).
 */
import type { MessageRef } from "./text/index.js";

/** A practical address check: what mail systems accept, not the full RFC 5322 grammar. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** Misspelt domains of the common free mail providers → the likely intended domain. */
const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  "gmial.com": "gmail.com",
  "gmai.com": "gmail.com",
  "gmil.com": "gmail.com",
  "gamil.com": "gmail.com",
  "gnail.com": "gmail.com",
  "gmail.co": "gmail.com",
  "gmail.con": "gmail.com",
  "gmail.cm": "gmail.com",
  "gmail.om": "gmail.com",
  "gmail.comm": "gmail.com",
  "gmail.co.id": "gmail.com",
  "gmail.id": "gmail.com",
  "yahoo.con": "yahoo.com",
  "yaho.com": "yahoo.com",
  "yahoo.cm": "yahoo.com",
  "yahoo.co.od": "yahoo.co.id",
  "ymail.con": "ymail.com",
  "hotmail.con": "hotmail.com",
  "hotmal.com": "hotmail.com",
  "outlok.com": "outlook.com",
  "outlook.con": "outlook.com",
};

/**
 * Whether mail may go to a personal address: one single address that passed checkPersonalEmail
 * (a misspelt provider domain is only a warning). A refused answer ("a@x.com, b@y.com") is shown
 * to the officials but never mailed to.
 */
export function isDeliverable(address: string, officeDomain: string): boolean {
  const a = address.trim();
  return a !== "" && checkPersonalEmail(a, officeDomain).every((p) => p.code === "email.typo");
}

/** An address as the log shows it: "a***i@gmail.com" (empty stays empty). */
export function maskEmail(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf("@");
  if (at < 0) return a === "" ? "" : "***";
  const local = Array.from(a.slice(0, at));
  const shown = local.length <= 2 ? `${local[0] ?? ""}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}@${a.slice(at + 1)}`;
}

/**
 * A personal address: valid syntax, not in the office domain (nor a sub-domain of it: the
 * personal address is where the credentials go and how the account is recovered), and a hint for
 * well-known misspelt provider domains (code "email.typo", a warning).
 */
export function checkPersonalEmail(address: string, officeDomain: string): MessageRef[] {
  const a = address.trim().toLowerCase();
  if (a.length > 254 || !EMAIL.test(a) || a.split("@")[0]!.length > 64) {
    return [{ code: "email.invalid", params: { value: address } }];
  }
  const domain = a.slice(a.lastIndexOf("@") + 1);
  const office = officeDomain.trim().toLowerCase();
  if (office !== "" && (domain === office || domain.endsWith("." + office))) {
    return [{ code: "email.office_domain", params: { domain: office } }];
  }
  const fix = DOMAIN_TYPOS[domain];
  if (fix) return [{ code: "email.typo", params: { suggestion: a.slice(0, a.lastIndexOf("@") + 1) + fix } }];
  return [];
}
