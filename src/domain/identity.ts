/**
 * Indonesian identity numbers: NIP (PNS), NI PPPK and NIK.
 *
 * NIP  (18): birth date YYYYMMDD · appointment (TMT CPNS) YYYYMM · gender 1/2 · serial 001–999
 * NI PPPK (18): birth date YYYYMMDD · appointment year YYYY · a 2-digit code (not a month) ·
 *               gender 1/2 · serial 001–999
 * NIK  (16): province 2 · regency/city 2 · district 2 · birth DDMMYY (women: DD + 40) · serial
 *
 * Every check returns either the normalised value with its parsed parts or a list of problems,
 * each a message key of the text catalogue (text/id.ts) with its parameters, precise enough that
 * the applicant knows which digits to correct. All checks need "today" as a local calendar date
 * (the office's date), so the module stays pure.
 */
import type { MessageRef } from "./text/index.js";

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** "L" laki-laki (digit 1 in NIP/NI PPPK, day as is in NIK), "P" perempuan (2, day + 40). */
export type Gender = "L" | "P";

export interface NipParts {
  kind: "nip";
  /** 18 digits, no separators. */
  value: string;
  birthDate: Ymd;
  /** TMT CPNS. */
  appointment: { year: number; month: number };
  gender: Gender;
  serial: string;
}

export interface NiPppkParts {
  kind: "nipppk";
  value: string;
  birthDate: Ymd;
  appointmentYear: number;
  /** Digits 13–14: a code, not a month. */
  code: string;
  gender: Gender;
  serial: string;
}

export interface NikParts {
  kind: "nik";
  /** 16 digits, no separators. */
  value: string;
  provinceCode: string;
  provinceName: string;
  /** 4 digits: province + regency/city. */
  regencyCode: string;
  /** 6 digits: province + regency/city + district. */
  districtCode: string;
  /** The year is resolved from YY (see resolveNikYear). */
  birthDate: Ymd;
  /** The two year digits as written, for cross-checks that must not depend on the century. */
  birthYy: string;
  gender: Gender;
  serial: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: MessageRef[] };

/** First year a birth date in a NIP / NI PPPK may have (the brief's floor). */
export const MIN_BIRTH_YEAR = 1940;
/** A NIP/NI PPPK holder is at least this old today. */
export const MIN_AGE_TODAY = 17;
/** Appointment (TMT) no earlier than this many months after birth (the CPNS/PPPK minimum age, 18). */
export const MIN_APPOINTMENT_AGE_MONTHS = 18 * 12;
/** PPPK exists since PP 49/2018; the first NI PPPK were issued from 2019. */
export const FIRST_PPPK_YEAR = 2019;

/**
 * Province codes (Kemendagri), the first two digits of a NIK. 91–96 include the Papua provinces
 * formed in 2022 (Papua Selatan 93, Papua Tengah 94, Papua Pegunungan 95, Papua Barat Daya 96).
 */
export const PROVINCES: Readonly<Record<string, string>> = {
  "11": "Aceh",
  "12": "Sumatera Utara",
  "13": "Sumatera Barat",
  "14": "Riau",
  "15": "Jambi",
  "16": "Sumatera Selatan",
  "17": "Bengkulu",
  "18": "Lampung",
  "19": "Kepulauan Bangka Belitung",
  "21": "Kepulauan Riau",
  "31": "DKI Jakarta",
  "32": "Jawa Barat",
  "33": "Jawa Tengah",
  "34": "DI Yogyakarta",
  "35": "Jawa Timur",
  "36": "Banten",
  "51": "Bali",
  "52": "Nusa Tenggara Barat",
  "53": "Nusa Tenggara Timur",
  "61": "Kalimantan Barat",
  "62": "Kalimantan Tengah",
  "63": "Kalimantan Selatan",
  "64": "Kalimantan Timur",
  "65": "Kalimantan Utara",
  "71": "Sulawesi Utara",
  "72": "Sulawesi Tengah",
  "73": "Sulawesi Selatan",
  "74": "Sulawesi Tenggara",
  "75": "Gorontalo",
  "76": "Sulawesi Barat",
  "81": "Maluku",
  "82": "Maluku Utara",
  "91": "Papua",
  "92": "Papua Barat",
  "93": "Papua Selatan",
  "94": "Papua Tengah",
  "95": "Papua Pegunungan",
  "96": "Papua Barat Daya",
};

/** Separators people type inside long numbers: spaces (incl. no-break), dots and hyphens. */
const SEPARATORS = /[\s\u00A0.-]/g;

/** Remove the tolerated separators; the result may still contain other characters. */
export function stripSeparators(input: string): string {
  return input.replace(SEPARATORS, "");
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isRealDate(d: Ymd): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function ymdString(d: Ymd): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** Calendar order of two dates: negative, zero or positive. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Problems with the characters and the length; null when the value is `length` digits. */
function digitProblems(prefix: "nip" | "nipppk" | "nik", raw: string, length: number): MessageRef[] | null {
  const s = stripSeparators(raw);
  if (s === "") return [{ code: `${prefix}.empty` }];
  const bad = Array.from(s).filter((c) => c < "0" || c > "9");
  if (bad.length > 0) {
    const shown = Array.from(new Set(bad)).join(" ");
    // O/o and l/I typed for 0 and 1 are the usual slip: say so.
    const lookalike = bad.some((c) => "OoIlL".includes(c));
    return [{ code: lookalike ? `${prefix}.lookalike` : `${prefix}.chars`, params: { chars: shown } }];
  }
  if (s.length !== length) return [{ code: `${prefix}.length`, params: { count: s.length } }];
  return null;
}

function gender(digit: string): Gender | null {
  return digit === "1" ? "L" : digit === "2" ? "P" : null;
}

/** Birth-date checks shared by NIP and NI PPPK (first 8 digits YYYYMMDD). */
function checkBirth(prefix: "nip" | "nipppk", s: string, today: Ymd): { birth: Ymd; problems: MessageRef[] } {
  const birth: Ymd = { year: +s.slice(0, 4), month: +s.slice(4, 6), day: +s.slice(6, 8) };
  const problems: MessageRef[] = [];
  if (!isRealDate(birth)) {
    problems.push({ code: `${prefix}.birth_date`, params: { digits: s.slice(0, 8) } });
  } else if (birth.year < MIN_BIRTH_YEAR || birth.year > today.year - MIN_AGE_TODAY) {
    problems.push({
      code: `${prefix}.birth_year`,
      params: { year: birth.year, min: MIN_BIRTH_YEAR, max: today.year - MIN_AGE_TODAY },
    });
  }
  return { birth, problems };
}

/**
 * Check a NIP (PNS). `today` is the office's local date: the appointment may not lie in a later
 * month than today.
 */
export function checkNip(input: string, today: Ymd): Checked<NipParts> {
  const early = digitProblems("nip", input, 18);
  if (early) return { ok: false, problems: early };
  const s = stripSeparators(input);
  const { birth, problems } = checkBirth("nip", s, today);
  const appointment = { year: +s.slice(8, 12), month: +s.slice(12, 14) };
  if (appointment.month < 1 || appointment.month > 12) {
    problems.push({ code: "nip.appointment_month", params: { digits: s.slice(12, 14) } });
  } else if (appointment.year * 12 + appointment.month > today.year * 12 + today.month) {
    problems.push({
      code: "nip.appointment_future",
      params: { digits: s.slice(8, 14), month: `${appointment.year}-${pad2(appointment.month)}` },
    });
  } else if (
    isRealDate(birth) &&
    appointment.year * 12 + appointment.month - (birth.year * 12 + birth.month) < MIN_APPOINTMENT_AGE_MONTHS
  ) {
    problems.push({
      code: "nip.appointment_early",
      params: { digits: s.slice(8, 14), month: `${appointment.year}-${pad2(appointment.month)}` },
    });
  }
  const g = gender(s[14]!);
  if (!g) problems.push({ code: "nip.gender", params: { digit: s[14]! } });
  if (s.slice(15) === "000") problems.push({ code: "nip.serial" });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { kind: "nip", value: s, birthDate: birth, appointment, gender: g!, serial: s.slice(15) },
  };
}

/** Check a NI PPPK. Digits 13–14 are a code and are deliberately not checked as a month. */
export function checkNiPppk(input: string, today: Ymd): Checked<NiPppkParts> {
  const early = digitProblems("nipppk", input, 18);
  if (early) return { ok: false, problems: early };
  const s = stripSeparators(input);
  const { birth, problems } = checkBirth("nipppk", s, today);
  const appointmentYear = +s.slice(8, 12);
  if (appointmentYear > today.year) {
    problems.push({ code: "nipppk.year_future", params: { year: appointmentYear } });
  } else if (appointmentYear < FIRST_PPPK_YEAR) {
    problems.push({ code: "nipppk.year_early", params: { year: appointmentYear, min: FIRST_PPPK_YEAR } });
  } else if (isRealDate(birth) && appointmentYear - birth.year < MIN_APPOINTMENT_AGE_MONTHS / 12) {
    problems.push({ code: "nipppk.year_age", params: { year: appointmentYear } });
  }
  const g = gender(s[14]!);
  if (!g) problems.push({ code: "nipppk.gender", params: { digit: s[14]! } });
  if (s.slice(15) === "000") problems.push({ code: "nipppk.serial" });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind: "nipppk",
      value: s,
      birthDate: birth,
      appointmentYear,
      code: s.slice(12, 14),
      gender: g!,
      serial: s.slice(15),
    },
  };
}

/**
 * The century of a NIK birth date: 20YY when that date is not after today, else 19YY.
 * (A NIK is issued from birth, so 20YY is possible for anyone born this century.)
 */
export function resolveNikYear(yy: number, month: number, day: number, today: Ymd): number {
  return compareYmd({ year: 2000 + yy, month, day }, today) <= 0 ? 2000 + yy : 1900 + yy;
}

/** Check a NIK: structure, province list, birth date (women DD + 40), serial. */
export function checkNik(input: string, today: Ymd): Checked<NikParts> {
  const early = digitProblems("nik", input, 16);
  if (early) return { ok: false, problems: early };
  const s = stripSeparators(input);
  const problems: MessageRef[] = [];
  const provinceCode = s.slice(0, 2);
  const provinceName = PROVINCES[provinceCode];
  if (!provinceName) problems.push({ code: "nik.province", params: { digits: provinceCode } });
  if (s.slice(2, 4) === "00") problems.push({ code: "nik.regency", params: { digits: s.slice(2, 4) } });
  if (s.slice(4, 6) === "00") problems.push({ code: "nik.district", params: { digits: s.slice(4, 6) } });
  const dd = +s.slice(6, 8);
  const g: Gender = dd > 40 ? "P" : "L";
  const yy = +s.slice(10, 12);
  const month = +s.slice(8, 10);
  const day = dd > 40 ? dd - 40 : dd;
  const birth: Ymd = { year: resolveNikYear(yy, month, day, today), month, day };
  if (!isRealDate(birth)) problems.push({ code: "nik.birth_date", params: { digits: s.slice(6, 12) } });
  if (s.slice(12) === "0000") problems.push({ code: "nik.serial" });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind: "nik",
      value: s,
      provinceCode,
      provinceName: provinceName!,
      regencyCode: s.slice(0, 4),
      districtCode: s.slice(0, 6),
      birthDate: birth,
      birthYy: s.slice(10, 12),
      gender: g,
      serial: s.slice(12),
    },
  };
}

/**
 * Cross-check a NIK against a NIP / NI PPPK of the same person: the same birth date (compared on
 * day, month and the two year digits, so the NIK's century guess cannot cause a false alarm) and
 * the same gender.
 */
export function crossCheckNik(nik: NikParts, asn: NipParts | NiPppkParts): MessageRef[] {
  const problems: MessageRef[] = [];
  const b = asn.birthDate;
  const sameBirth =
    nik.birthDate.day === b.day && nik.birthDate.month === b.month && nik.birthYy === String(b.year).slice(2);
  if (!sameBirth) {
    problems.push({
      code: "nik.birth_mismatch",
      params: {
        nik: `${pad2(nik.birthDate.day)}-${pad2(nik.birthDate.month)}-${nik.birthYy}`,
        asn: `${pad2(b.day)}-${pad2(b.month)}-${String(b.year).slice(2)}`,
      },
    });
  }
  if (nik.gender !== asn.gender) problems.push({ code: "nik.gender_mismatch" });
  return problems;
}

/**
 * Masking rules (for notifications, dashboards, the status page; the register keeps the full
 * value):
 * - NIP / NI PPPK (18 digits): the first 8 digits (birth date, printed on every official letter
 *   the holder signs anyway) and the last 2 stay, the 8 in between become "*":
 *   "198503302010011002" → "19850330********02".
 * - NIK (16 digits, used to verify a person's identity, so more is hidden): the first 4 digits
 *   (province + regency) and the last 2 stay: "3271046504900002" → "3271**********02".
 * - Anything else (a malformed value): only the last 2 characters stay when the value has at
 *   least 6, else everything is masked; separators are removed first. "" stays "".
 */
export function maskNip(value: string): string {
  return mask(stripSeparators(value), 18, 8, 2);
}

export function maskNik(value: string): string {
  return mask(stripSeparators(value), 16, 4, 2);
}

function mask(s: string, length: number, head: number, tail: number): string {
  const chars = Array.from(s);
  if (chars.length === length && /^\d+$/.test(s)) {
    return s.slice(0, head) + "*".repeat(length - head - tail) + s.slice(length - tail);
  }
  if (chars.length >= 6) return "*".repeat(chars.length - 2) + chars.slice(-2).join("");
  return "*".repeat(chars.length);
}
