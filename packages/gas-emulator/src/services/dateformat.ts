/**
 * Dates formatted with Java SimpleDateFormat patterns in real IANA time zones (Utilities.formatDate,
 * and the mail and form timestamps that use the same patterns), with Java's zone names.
 */
import { serviceError } from "../core.js";
import { DAY_NAMES, MONTH_NAMES, wallFields } from "./wallclock.js";

interface Zone {
  /** IANA id for Intl, or null for a fixed offset. */
  iana: string | null;
  fixedOffsetMin: number;
  shortName: string | null;
  longName: string | null;
}

/** Java's short names for zones where Intl (en-US) only gives "GMT+7". */
const JAVA_SHORT_NAMES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
  "Asia/Singapore": "SGT",
  "Asia/Kuala_Lumpur": "MYT",
  "Asia/Tokyo": "JST",
  "Asia/Kolkata": "IST",
  "Asia/Calcutta": "IST",
  UTC: "UTC",
  "Etc/UTC": "UTC",
};

function gmtName(offsetMin: number): string {
  if (offsetMin === 0) return "GMT";
  const sign = offsetMin < 0 ? "-" : "+";
  const a = Math.abs(offsetMin);
  return `GMT${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

const zoneCache = new Map<string, Zone>();

/**
 * Resolves a time zone id as Java's TimeZone.getTimeZone does: IANA ids, "UTC"/"GMT", custom
 * "GMT+7" / "GMT+07:00" / "GMT-0530"; anything else silently becomes GMT.
 */
function resolveZone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let zone: Zone;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (id === "GMT" || id === "UTC") {
    zone = {
      iana: null,
      fixedOffsetMin: 0,
      shortName: id,
      longName: id === "UTC" ? "Coordinated Universal Time" : "Greenwich Mean Time",
    };
  } else if (custom && Number(custom[2]) <= 23 && Number(custom[3] ?? 0) <= 59) {
    const off = (custom[1] === "-" ? -1 : 1) * (Number(custom[2]) * 60 + Number(custom[3] ?? 0));
    zone = { iana: null, fixedOffsetMin: off, shortName: gmtName(off), longName: gmtName(off) };
  } else {
    try {
      const f = new Intl.DateTimeFormat("en-US", { timeZone: id });
      const iana = f.resolvedOptions().timeZone;
      // Java ids are case-sensitive and have no "+07:00" form: those fall back to GMT there.
      if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(id)) throw new RangeError(id);
      if (iana !== id && iana.toLowerCase() === id.toLowerCase()) throw new RangeError(id);
      zone = { iana, fixedOffsetMin: 0, shortName: null, longName: null };
    } catch {
      zone = { iana: null, fixedOffsetMin: 0, shortName: "GMT", longName: "Greenwich Mean Time" };
    }
  }
  zoneCache.set(id, zone);
  return zone;
}

/** Wall-clock fields of an instant in a zone. */
interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  offsetMin: number;
}

function wallClock(ms: number, zone: Zone): WallClock {
  const millisecond = ((ms % 1000) + 1000) % 1000;
  let offsetMin = zone.fixedOffsetMin;
  if (zone.iana) {
    const p = wallFields(ms, zone.iana);
    const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    offsetMin = Math.round((local - (ms - millisecond)) / 60_000);
  }
  const d = new Date(ms + offsetMin * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond,
    weekday: d.getUTCDay(),
    offsetMin,
  };
}

function zoneName(ms: number, zone: Zone, long: boolean, offsetMin: number): string {
  if (zone.iana === null) return (long ? zone.longName : zone.shortName) ?? gmtName(offsetMin);
  if (!long && JAVA_SHORT_NAMES[zone.iana]) return JAVA_SHORT_NAMES[zone.iana]!;
  const name = new Intl.DateTimeFormat("en-US", {
    timeZone: zone.iana,
    timeZoneName: long ? "long" : "short",
  })
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName")?.value;
  if (!name || /^GMT([+-]|$)/.test(name)) return gmtName(offsetMin);
  return name;
}

/* ------------------------------------------------------------------ formatDate */

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + (s.length >= width ? s : "0".repeat(width - s.length) + s);
}

function offsetText(offsetMin: number, colon: boolean, withMinutes: boolean): string {
  const sign = offsetMin < 0 ? "-" : "+";
  const a = Math.abs(offsetMin);
  const hh = pad(Math.floor(a / 60), 2);
  if (!withMinutes) return sign + hh;
  return sign + hh + (colon ? ":" : "") + pad(a % 60, 2);
}

function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
}

/** Formats an instant with a Java SimpleDateFormat pattern (English names, as Apps Script gives them). */
export function formatDatePattern(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const w = wallClock(ms, zone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      let closed = false;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        out += pattern[i];
        i++;
      }
      if (!closed) throw serviceError("Unterminated quote");
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case "G":
        out += w.year > 0 ? "AD" : "BC";
        break;
      case "y":
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case "M":
      case "L":
        out +=
          n >= 4
            ? MONTH_NAMES[w.month - 1]
            : n === 3
              ? MONTH_NAMES[w.month - 1]!.slice(0, 3)
              : pad(w.month, n);
        break;
      case "d":
        out += pad(w.day, n);
        break;
      case "D":
        out += pad(dayOfYear(w), n);
        break;
      case "F":
        out += pad(Math.floor((w.day - 1) / 7) + 1, n);
        break;
      case "E":
        out += n >= 4 ? DAY_NAMES[w.weekday] : DAY_NAMES[w.weekday]!.slice(0, 3);
        break;
      case "u":
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case "a":
        out += w.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(w.hour, n);
        break;
      case "k":
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case "K":
        out += pad(w.hour % 12, n);
        break;
      case "h":
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case "m":
        out += pad(w.minute, n);
        break;
      case "s":
        out += pad(w.second, n);
        break;
      case "S":
        out += pad(w.millisecond, n);
        break;
      case "z":
        out += zoneName(ms, zone, n >= 4, w.offsetMin);
        break;
      case "Z":
        out += offsetText(w.offsetMin, false, true);
        break;
      case "X":
        if (n > 3) throw serviceError(`invalid ISO 8601 format: length=${n}`);
        out += w.offsetMin === 0 ? "Z" : offsetText(w.offsetMin, n === 3, n >= 2);
        break;
      case "Y":
      case "w":
      case "W":
        throw serviceError(`not emulated: Utilities.formatDate pattern letter '${c}' (week-based fields)`);
      default:
        throw serviceError(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}
