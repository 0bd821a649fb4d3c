/**
 * Indonesian phone numbers → E.164 ("+6281234567890").
 *
 * Accepted input: 0812…, 62812…, +62 812…, 0062 812…, and 812… (the leading 0 forgotten), with
 * spaces, dashes, dots, slashes and parentheses anywhere ("(0812) 3456-7890", "+62-812.3456.7890").
 * Mobile numbers: national form 08x…, 10–13 digits including the leading 0, second national digit
 * 1–9 (0800… is toll-free, not a mobile). Landlines (0 + area code 2–4 digits starting 2–7 or 9,
 * 9–12 digits in all, e.g. 0622-21234) are accepted only when asked for: the form asks for a
 * mobile/WhatsApp number.
 */
import type { MessageRef } from "./text/index.js";

export type PhoneKind = "mobile" | "landline";

export type PhoneResult =
  { ok: true; e164: string; national: string; kind: PhoneKind } | { ok: false; problems: MessageRef[] };

export interface PhoneOptions {
  /** Accept landline numbers too. Default false. */
  allowLandline?: boolean;
}

export const MOBILE_MIN_DIGITS = 10;
export const MOBILE_MAX_DIGITS = 13;
export const LANDLINE_MIN_DIGITS = 9;
export const LANDLINE_MAX_DIGITS = 12;

/** Separators people type inside phone numbers. */
const SEPARATORS = /[\s\u00A0\-./()]/g;

export function normalizePhone(input: string, options: PhoneOptions = {}): PhoneResult {
  const raw = input.replace(SEPARATORS, "");
  if (raw === "") return fail("phone.empty");
  const plus = raw.startsWith("+");
  const body = plus ? raw.slice(1) : raw;
  if (!/^\d+$/.test(body)) {
    const bad = Array.from(new Set(Array.from(body).filter((c) => c < "0" || c > "9"))).join(" ");
    return fail("phone.chars", { chars: bad });
  }
  // To the national form with a leading 0.
  let national: string;
  if (plus || body.startsWith("00")) {
    const intl = plus ? body : body.slice(2);
    if (!intl.startsWith("62")) return fail("phone.country");
    national = "0" + intl.slice(2);
  } else if (body.startsWith("62") && body.length >= 11) {
    national = "0" + body.slice(2);
  } else if (body.startsWith("8")) {
    national = "0" + body;
  } else if (body.startsWith("0")) {
    national = body;
  } else {
    return fail("phone.prefix");
  }
  if (national.startsWith("00")) return fail("phone.prefix");

  if (national.startsWith("08")) {
    if (national.length < MOBILE_MIN_DIGITS) {
      return fail("phone.too_short", { count: national.length, min: MOBILE_MIN_DIGITS });
    }
    if (national.length > MOBILE_MAX_DIGITS) {
      return fail("phone.too_long", { count: national.length, max: MOBILE_MAX_DIGITS });
    }
    if (national[2] === "0") return fail("phone.not_mobile");
    return { ok: true, e164: "+62" + national.slice(1), national: groupMobile(national), kind: "mobile" };
  }

  // A landline: area code starting 2–7 or 9.
  if (!/^0[2-79]/.test(national)) return fail("phone.prefix");
  if (!options.allowLandline) return fail("phone.landline");
  if (national.length < LANDLINE_MIN_DIGITS) {
    return fail("phone.too_short", { count: national.length, min: LANDLINE_MIN_DIGITS });
  }
  if (national.length > LANDLINE_MAX_DIGITS) {
    return fail("phone.too_long", { count: national.length, max: LANDLINE_MAX_DIGITS });
  }
  return { ok: true, e164: "+62" + national.slice(1), national, kind: "landline" };
}

function fail(code: MessageRef["code"], params?: MessageRef["params"]): PhoneResult {
  return { ok: false, problems: [params ? { code, params } : { code }] };
}

/** "08123456789" → "0812-3456-789": groups of four after the 4-digit prefix, as commonly written. */
function groupMobile(national: string): string {
  const head = national.slice(0, 4);
  const rest = national.slice(4);
  const groups: string[] = [];
  for (let i = 0; i < rest.length; i += 4) groups.push(rest.slice(i, i + 4));
  return [head, ...groups].join("-");
}

/** The national form of an E.164 Indonesian mobile number ("+6281234567890" → "0812-3456-7890"). */
export function formatPhoneNational(e164: string): string {
  if (!/^\+62\d+$/.test(e164)) return e164;
  const national = "0" + e164.slice(3);
  return national.startsWith("08") ? groupMobile(national) : national;
}

/** For notifications: "+6281234567890" → "+62812*****890" (the prefix and the last 3 digits). */
export function maskPhone(e164: string): string {
  if (e164.length <= 8) return "*".repeat(e164.length);
  return e164.slice(0, 6) + "*".repeat(e164.length - 9) + e164.slice(-3);
}
