/**
 * Temporary passwords from the randomness of type-4 UUIDs (Utilities.getUuid in Apps Script, the
 * only cryptographic randomness it offers); never Math.random.
 *
 * A type-4 UUID "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" has 122 random bits: the version nibble
 * ("4") is fixed and the two top bits of the variant nibble y are fixed ("10"). We use the 30 fully
 * random nibbles (120 bits) and skip both the version nibble and the variant nibble.
 *
 * Sampling is unbiased: each character index is drawn by rejection sampling over just enough bits
 * (no modulo bias), and a password lacking one of the four character classes is thrown away as a
 * whole and drawn again, so every valid password of the alphabet is equally likely.
 */

/** Lower-case letters without l and o (confused with 1, I, 0). */
export const LOWER = "abcdefghijkmnpqrstuvwxyz";
/** Upper-case letters without I and O. */
export const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
/** Digits without 0 and 1. */
export const DIGITS = "23456789";
/**
 * Symbols that read unambiguously on paper and in mail, need no escaping in HTML and cause no line
 * break in a document (no quotes, backquote, |, backslash, -, /, <, >, &, space), and that no
 * replacement syntax treats specially (no `$`, no backslash): the letter does not depend on how
 * a Docs call reads them.
 */
export const SYMBOLS = "!#%*+=?";
export const ALPHABET = LOWER + UPPER + DIGITS + SYMBOLS;

export const MIN_LENGTH = 12;
/** Google accepts 8–100 characters. */
export const MAX_LENGTH = 100;
export const DEFAULT_LENGTH = 16;

/** A broken source (e.g. always the same UUID) must not loop forever. */
const MAX_UUIDS = 1000;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 30 random nibbles of a type-4 UUID (version and variant nibbles skipped). Throws on anything else. */
export function uuidNibbles(uuid: string): number[] {
  const u = uuid.trim().toLowerCase();
  if (!UUID_RE.test(u)) throw new Error(`not a type-4 UUID: "${uuid}"`);
  const hex = u.replace(/-/g, "");
  const out: number[] = [];
  for (let i = 0; i < 32; i++) {
    if (i === 12 || i === 16) continue; // version nibble, variant nibble
    out.push(parseInt(hex[i]!, 16));
  }
  return out;
}

/** A stream of random bits fed by UUIDs on demand. */
export class UuidBits {
  private bits: number[] = [];
  private uuidsUsed = 0;

  constructor(
    private readonly nextUuid: () => string,
    private readonly maxUuids = MAX_UUIDS,
  ) {}

  get uuidCount(): number {
    return this.uuidsUsed;
  }

  private refill(): void {
    if (this.uuidsUsed >= this.maxUuids) {
      throw new Error(`password: the random source gave ${this.maxUuids} UUIDs without a usable password`);
    }
    this.uuidsUsed++;
    for (const n of uuidNibbles(this.nextUuid())) {
      this.bits.push((n >> 3) & 1, (n >> 2) & 1, (n >> 1) & 1, n & 1);
    }
  }

  /** The next k bits as an unsigned integer (k ≤ 30). */
  take(k: number): number {
    let v = 0;
    for (let i = 0; i < k; i++) {
      if (this.bits.length === 0) this.refill();
      v = v * 2 + this.bits.shift()!;
    }
    return v;
  }

  /** A uniform integer in [0, n) by rejection sampling. */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 30) throw new RangeError(`below: bad bound ${n}`);
    if (n === 1) return 0;
    let k = 0;
    while (2 ** k < n) k++;
    for (;;) {
      const v = this.take(k);
      if (v < n) return v;
    }
  }
}

/** Whether a password has all four classes and only alphabet characters. */
export function meetsPolicy(password: string): boolean {
  if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) return false;
  const has = (set: string): boolean => [...password].some((c) => set.includes(c));
  return (
    [...password].every((c) => ALPHABET.includes(c)) &&
    has(LOWER) &&
    has(UPPER) &&
    has(DIGITS) &&
    has(SYMBOLS)
  );
}

/**
 * A random, readable temporary password of `length` characters (12–100, default 16) with at least
 * one lower-case letter, upper-case letter, digit and symbol. `nextUuid` is called as often as
 * needed (about three times for 16 characters); pass `() => Utilities.getUuid()`.
 */
export function generatePassword(nextUuid: () => string, length = DEFAULT_LENGTH): string {
  if (!Number.isInteger(length) || length < MIN_LENGTH || length > MAX_LENGTH) {
    throw new RangeError(`password length must be ${MIN_LENGTH}–${MAX_LENGTH}, got ${length}`);
  }
  const bits = new UuidBits(nextUuid);
  for (;;) {
    let pw = "";
    for (let i = 0; i < length; i++) pw += ALPHABET[bits.below(ALPHABET.length)];
    if (meetsPolicy(pw)) return pw;
  }
}
