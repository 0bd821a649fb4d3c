/**
 * Utilities: dates formatted with Java SimpleDateFormat patterns in real IANA time zones
 * (dateformat.ts), printf-like formatting, deterministic type-4 UUIDs (from the workspace's seeded
 * RNG), digests and HMACs as signed byte arrays, Base64, blobs, CSV parsing and `sleep` on the
 * virtual clock.
 *
 * What is a choice rather than documented behaviour is listed in docs/EMULATOR-services.md.
 */
import { createHash, createHmac } from "node:crypto";
import { Blob, GasObject, serviceError } from "../core.js";
import type { Workspace } from "../workspace.js";
import { formatDatePattern } from "./dateformat.js";

/* ------------------------------------------------------------------ enums */

function enumOf<T extends string>(...names: T[]): Readonly<Record<T, T>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);
}

/** Enum values cross into the script as their names (String(Utilities.Charset.UTF_8) is "UTF_8" in Apps Script too). */
export const Charset = enumOf("US_ASCII", "UTF_8");
export const DigestAlgorithm = enumOf("MD2", "MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512");
export const MacAlgorithm = enumOf("HMAC_MD5", "HMAC_SHA_1", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512");

const DIGESTS: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};
const MACS: Record<string, string> = {
  HMAC_MD5: "md5",
  HMAC_SHA_1: "sha1",
  HMAC_SHA_256: "sha256",
  HMAC_SHA_384: "sha384",
  HMAC_SHA_512: "sha512",
};

/** Sleep is documented to accept at most 5 minutes. */
const SLEEP_MAX_MS = 300_000;

/* ------------------------------------------------------------------ bytes */

/** Apps Script byte arrays are signed (−128..127). */
function toSignedBytes(buf: Buffer): number[] {
  return Array.from(new Int8Array(buf.buffer, buf.byteOffset, buf.length));
}

/** A signed (or unsigned) byte array from the script → Buffer. */
function fromByteArray(data: readonly unknown[]): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) {
    const n = Number(data[i]);
    if (!Number.isInteger(n) || n < -128 || n > 255) throw serviceError("Invalid argument: data");
    out[i] = n & 0xff;
  }
  return out;
}

function encodeString(s: string, charset: unknown): Buffer {
  const cs = charset === undefined || charset === null ? "UTF_8" : String(charset);
  if (cs === "UTF_8") return Buffer.from(s, "utf8");
  if (cs === "US_ASCII") {
    // Java's encoder replaces every unmappable character with '?'.
    return Buffer.from(
      Array.from(s, (ch) => (ch.charCodeAt(0) < 128 && ch.length === 1 ? ch.charCodeAt(0) : 0x3f)),
    );
  }
  throw serviceError("Invalid argument: charset");
}

function bytesOf(value: unknown, charset: unknown, method: string): Buffer {
  if (Array.isArray(value)) return fromByteArray(value);
  if (typeof value === "string") return encodeString(value, charset);
  throw signatureError(method, [value]);
}

/* ------------------------------------------------------------------ errors */

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "Boolean";
  if (isDate(v)) return "Date";
  if (Array.isArray(v)) return "number[]";
  if (v instanceof GasObject) return v.gasClass;
  return "Object";
}

/** The text Apps Script gives when the argument types match no overload. */
export function signatureError(method: string, args: unknown[]): Error {
  return serviceError(
    `The parameters (${args.map(typeName).join(",")}) don't match the method signature for Utilities.${method}.`,
  );
}

/** Dates may come from another realm (the script's vm context): no instanceof. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/* ------------------------------------------------------------------ formatString */

/** A minimal sprintf: %[flags][width][.precision](s|d|i|f|e|x|X|o|c|%), flags "-+0 ". */
function sprintf(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-+0 ]*)(\d+)?(?:\.(\d+))?([sdifexXoc%])/g,
    (_m, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      const arg = args[next++];
      let body: string;
      let numeric = true;
      let negative = false;
      switch (conv) {
        case "s":
          numeric = false;
          body = arg === undefined ? "undefined" : arg === null ? "null" : String(arg);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case "c":
          numeric = false;
          body = typeof arg === "number" ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        case "d":
        case "i": {
          const n = Math.trunc(Number(arg));
          negative = n < 0;
          body = Number.isFinite(n) ? String(Math.abs(n)) : "NaN";
          break;
        }
        case "f": {
          const n = Number(arg);
          negative = n < 0;
          body = Math.abs(n).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        }
        case "e": {
          const n = Number(arg);
          negative = n < 0;
          body = Math.abs(n)
            .toExponential(precision === undefined ? 6 : Number(precision))
            .replace(/e([+-])(\d)$/, "e$10$2");
          break;
        }
        case "x":
        case "X":
        case "o": {
          const n = Math.trunc(Number(arg));
          negative = n < 0;
          body = Math.abs(n).toString(conv === "o" ? 8 : 16);
          if (conv === "X") body = body.toUpperCase();
          break;
        }
        default:
          body = "";
      }
      let sign = "";
      if (numeric) sign = negative ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
      const w = width === undefined ? 0 : Number(width);
      const len = sign.length + body.length;
      if (len >= w) return sign + body;
      if (flags.includes("-")) return sign + body + " ".repeat(w - len);
      if (numeric && flags.includes("0")) return sign + "0".repeat(w - len) + body;
      return " ".repeat(w - len) + sign + body;
    },
  );
}

/* ------------------------------------------------------------------ CSV */

/**
 * RFC 4180 parsing: quoted fields, doubled quotes, line breaks inside quotes, CRLF/LF/CR rows.
 * `unterminated`: the text ended inside a quoted field (whose text so far ends the last row).
 */
export function csvRows(csv: string, delimiter = ","): { rows: string[][]; unterminated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  let fieldStarted = false;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    fieldStarted = false;
  };
  while (i < csv.length) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      fieldStarted = true;
      i++;
    } else if (c === "\r" || c === "\n") {
      endRow();
      i += c === "\r" && csv[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (fieldStarted || row.length > 0) endRow();
  return { rows, unterminated: quoted };
}

/** Utilities.parseCsv: csvRows, refusing text that ends inside a quoted field. */
function parseCsvText(csv: string, delimiter = ","): string[][] {
  const { rows, unterminated } = csvRows(csv, delimiter);
  if (unterminated) throw serviceError("Could not parse text.");
  return rows;
}

/* ------------------------------------------------------------------ base64 */

function base64Bytes(encoded: unknown, webSafe: boolean): Buffer {
  if (typeof encoded !== "string")
    throw signatureError(webSafe ? "base64DecodeWebSafe" : "base64Decode", [encoded]);
  const s = encoded.replace(/[\s]/g, "");
  const ok = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  const dataLen = s.replace(/=+$/, "").length;
  if (!ok.test(s) || dataLen % 4 === 1 || (s.includes("=") && s.length % 4 !== 0)) {
    throw serviceError("Could not decode string.");
  }
  return Buffer.from(s, webSafe ? "base64url" : "base64");
}

/* ------------------------------------------------------------------ the service */

type UtilitiesApi = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | "formatDate"
  | "formatString"
  | "getUuid"
  | "computeDigest"
  | "computeHmacSha256Signature"
  | "computeHmacSignature"
  | "base64Encode"
  | "base64EncodeWebSafe"
  | "base64Decode"
  | "base64DecodeWebSafe"
  | "parseCsv"
  | "sleep"
>;

export class Utilities extends GasObject implements UtilitiesApi {
  readonly gasClass = "Utilities";
  constructor(private readonly ws: Workspace) {
    super();
  }

  override gasProps(): Record<string, unknown> {
    return {
      Charset: { ...Charset },
      DigestAlgorithm: { ...DigestAlgorithm },
      MacAlgorithm: { ...MacAlgorithm },
    };
  }

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      throw signatureError("formatDate", [date, timeZone, format]);
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw serviceError("Invalid argument: date");
    return formatDatePattern(ms, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return sprintf(String(template), args);
  }

  /** A random type-4 UUID from the workspace's seeded RNG: reproducible runs. */
  getUuid(): string {
    const b = this.ws.rng.bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const name = DIGESTS[String(algorithm)];
    if (!name) {
      if (String(algorithm) === "MD2") throw serviceError("not emulated: Utilities.computeDigest(MD2)");
      throw serviceError("Invalid argument: algorithm");
    }
    return toSignedBytes(
      createHash(name)
        .update(bytesOf(value, charset, "computeDigest"))
        .digest(),
    );
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature("HMAC_SHA_256", value, key, charset);
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const name = MACS[String(algorithm)];
    if (!name) throw serviceError("Invalid argument: algorithm");
    if (Array.isArray(value) !== Array.isArray(key))
      throw signatureError("computeHmacSignature", [value, key]);
    const k = bytesOf(key, charset, "computeHmacSignature");
    const v = bytesOf(value, charset, "computeHmacSignature");
    return toSignedBytes(createHmac(name, k).update(v).digest());
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return bytesOf(data, charset, "base64Encode").toString("base64");
  }

  /** Web-safe alphabet ("-" and "_"), padding kept. */
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return bytesOf(data, charset, "base64EncodeWebSafe")
      .toString("base64")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
  }

  base64Decode(encoded: unknown, _charset?: unknown): number[] {
    return toSignedBytes(base64Bytes(encoded, false));
  }

  base64DecodeWebSafe(encoded: unknown, _charset?: unknown): number[] {
    return toSignedBytes(base64Bytes(encoded, true));
  }

  /** String data defaults to text/plain; byte data has no content type unless given. */
  newBlob(data: unknown, contentType?: unknown, name?: unknown): Blob {
    const ct = contentType === undefined || contentType === null ? null : String(contentType);
    const nm = name === undefined || name === null ? null : String(name);
    if (typeof data === "string") return new Blob(Buffer.from(data, "utf8"), ct ?? "text/plain", nm);
    if (Array.isArray(data)) return new Blob(fromByteArray(data), ct, nm);
    throw signatureError(
      "newBlob",
      [data, contentType, name].filter((v) => v !== undefined),
    );
  }

  parseCsv(csv: unknown, delimiter?: unknown): string[][] {
    if (typeof csv !== "string") throw signatureError("parseCsv", [csv]);
    const d = delimiter === undefined || delimiter === null ? "," : String(delimiter);
    if (d.length !== 1) throw serviceError("Invalid argument: delimiter");
    return parseCsvText(csv, d);
  }

  /** Advances the calling execution's virtual clock; the runtime enforces the time limit at the next call. */
  sleep(milliseconds: unknown): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > SLEEP_MAX_MS)
      throw serviceError("Invalid argument: milliseconds");
    const whole = Math.floor(ms);
    const ctx = this.ws.current;
    if (ctx) {
      ctx.nowMs += whole;
      this.ws.clockMs = Math.max(this.ws.clockMs, ctx.nowMs);
    } else {
      this.ws.advance(whole);
    }
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  return { Utilities: new Utilities(ws) };
}
