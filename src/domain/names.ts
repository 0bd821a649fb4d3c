/**
 * Indonesian personal names with academic, professional and religious titles.
 *
 * - splitName: "Dr. Ir. H. Ahmad Fauzi, S.T., M.T." → before ["Dr.", "Ir.", "H."], name
 *   "Ahmad Fauzi", after ["S.T.", "M.T."]. Titles are recognised with or without dots, commas,
 *   spaces, in any case, and written back in their canonical form.
 * - mergeTitles: titles typed in separate form fields joined with those found in the name.
 * - formatFullName: "Dr. Ahmad Fauzi, S.T., M.T.".
 * - normalizeNameCase: Title Case for words typed all upper or all lower case.
 * - nameKey: a comparison key for duplicate detection (rules listed at the function).
 */
import { AFTER, BEFORE, SPECIALTY_BY_KEY, titleKey } from "./nametitles.js";

export interface SplitName {
  /** Titles before the name, canonical form, in the order typed ("Prof.", "Dr.", "H."). */
  before: string[];
  /** The name without titles, spacing and case normalised. "" when nothing is left. */
  name: string;
  /** Titles after the name, canonical form where known, else as typed. */
  after: string[];
  /** Titles (in `before`/`after`) that are not in the catalogue and were kept as typed. */
  unknown: string[];
}

/** Apostrophe look-alikes typed on phones and copied from documents, all written as "'". */
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g;

function tidy(s: string): string {
  return s
    .normalize("NFC")
    .replace(APOSTROPHES, "'")
    .replace(/[\s\u00A0]+/g, " ")
    .trim();
}

/** Split a typed full name into titles before, the name, and titles after. */
export function splitName(full: string): SplitName {
  const text = tidy(full);
  const comma = text.indexOf(",");
  let head = comma < 0 ? text : text.slice(0, comma);
  const tail = comma < 0 ? "" : text.slice(comma + 1);
  const unknown: string[] = [];

  // Titles before the name.
  const before: string[] = [];
  for (;;) {
    const m = peelBefore(head);
    if (!m) break;
    before.push(m.title);
    head = m.rest;
  }

  // A last word that is a title written with its dot ("Dr. Ir. H.") is no name.
  const lastTitle = peelBefore(head.trim(), true);
  if (lastTitle && lastTitle.rest.trim() === "" && /\.\s*$/.test(head)) {
    before.push(lastTitle.title);
    head = "";
  }

  // Titles after the name written without a comma ("Ahmad Fauzi ST MT"), peeled from the end.
  const words = head.split(" ").filter((w) => w !== "");
  const trailing: string[][] = [];
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    if (!looksLikeTitle(last)) break;
    const parsed = parseAfterChunk(last);
    if (!parsed) break;
    trailing.unshift(parsed);
    words.pop();
  }
  const after: string[] = trailing.flat();

  // Titles after the first comma: every comma-separated chunk is one or more titles.
  for (const chunk of tail.split(",")) {
    const c = chunk.trim();
    if (c === "") continue;
    const parsed = parseAfterChunk(c);
    if (parsed) {
      after.push(...parsed);
    } else {
      after.push(c);
      unknown.push(c);
    }
  }

  return { before: dedupe(before), name: normalizeNameCase(words.join(" ")), after: dedupe(after), unknown };
}

/** Titles before the name that are written as several dotted letters ("K.H."). */
const MULTI_RUN_BEFORE = new Set(["kh"]);

/**
 * Peel one title from the start of `head`. A title must be followed by a dot or a space, so
 * "Hasan" never loses its "H". Unless `lastMayGo`, the last word is never peeled: a name that is
 * only "Ir" stays a name.
 */
function peelBefore(head: string, lastMayGo = false): { title: string; rest: string } | null {
  const runs: { letters: string; end: number; dotted: boolean }[] = [];
  const re = /([A-Za-z]+)(\.\s*|\s+|$)/y;
  let pos = 0;
  while (runs.length < 3 && pos < head.length) {
    re.lastIndex = pos;
    const m = re.exec(head);
    if (!m) break;
    pos = re.lastIndex;
    runs.push({ letters: m[1]!, end: pos, dotted: m[2]!.startsWith(".") });
    if (m[2] === "") break;
  }
  for (let n = runs.length; n >= 1; n--) {
    const used = runs.slice(0, n);
    const letters = used.map((r) => r.letters).join("");
    const key = letters.toLowerCase();
    const title = BEFORE[key];
    if (!title) continue;
    if (n > 1 && (!MULTI_RUN_BEFORE.has(key) || !used.slice(0, -1).every((r) => r.dotted))) continue;
    const last = used[n - 1]!;
    const rest = head.slice(last.end);
    if (!lastMayGo && (rest.trim() === "" || (!last.dotted && last.end === head.length))) return null;
    const canonical = key === "dr" && letters === "dr" ? "dr." : title;
    return { title: canonical, rest };
  }
  return null;
}

/**
 * A word at the end of the name is read as a title only when it is written like one: with a dot,
 * all in capitals ("ST", "MM") or with a capital inside ("SKom"). "Jack Ma" keeps its "Ma".
 */
function looksLikeTitle(word: string): boolean {
  if (word.includes(".")) return true;
  if (word.length >= 2 && word === word.toUpperCase() && /[A-Z]/.test(word)) return true;
  return /^[A-Z][a-z]*[A-Z]/.test(word);
}

/**
 * Parse one chunk ("S.T.", "S.Kom.M.Kom", "SE MM", "Sp.PD-KGEH") into canonical titles, or null
 * when any part of it is not a known title (the caller then keeps the chunk as typed).
 */
function parseAfterChunk(chunk: string): string[] | null {
  const segs = chunk.split(/[.\s]+/).filter((s) => s !== "");
  if (segs.length === 0) return null;
  const out: string[] = [];
  let i = 0;
  while (i < segs.length) {
    const seg = segs[i]!;
    // "Sp." + a specialty: one segment "Sp" (not "S" "P", which is S.P.) and what follows.
    if (/^sp$/i.test(seg) && i + 1 < segs.length) {
      const next = segs[i + 1]!;
      const known = SPECIALTY_BY_KEY[next.toLowerCase().replace(/[^a-z]/g, "")];
      if (known && known.toLowerCase() === next.toLowerCase()) {
        out.push("Sp." + known);
        i += 2;
        continue;
      }
      if (seg === "Sp" && /^[A-Z][A-Za-z]*(-[A-Za-z]+)*$/.test(next)) {
        out.push("Sp." + next);
        i += 2;
        continue;
      }
    }
    // "SpA", "SpPD": the specialist title written without its dot.
    const glued = /^Sp([A-Z][A-Za-z]*(?:-[A-Za-z]+)*)$/.exec(seg);
    if (glued) {
      out.push("Sp." + (SPECIALTY_BY_KEY[glued[1]!.toLowerCase().replace(/[^a-z]/g, "")] ?? glued[1]!));
      i += 1;
      continue;
    }
    let matched = false;
    for (let j = Math.min(segs.length, i + 4); j > i; j--) {
      const key = titleKey(segs.slice(i, j).join(""));
      const title = AFTER[key];
      if (title && /^[A-Za-z]+$/.test(segs.slice(i, j).join(""))) {
        out.push(title);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) return null;
  }
  return out;
}

/** Parse a separate "titles before" form field ("Dr. Ir. H.", "Drs"). */
export function parseTitlesBefore(field: string): { titles: string[]; unknown: string[] } {
  const titles: string[] = [];
  const unknown: string[] = [];
  let rest = tidy(field).replace(/,/g, " ").trim();
  while (rest !== "") {
    const m = peelBefore(rest, true);
    if (m) {
      titles.push(m.title);
      rest = m.rest.trim();
      continue;
    }
    // Not a known title: keep the word as typed and go on with the next.
    const space = rest.indexOf(" ");
    const word = space < 0 ? rest : rest.slice(0, space);
    titles.push(word);
    unknown.push(word);
    rest = space < 0 ? "" : rest.slice(space + 1).trim();
  }
  return { titles: dedupe(titles), unknown };
}

/** Parse a separate "titles after" form field ("S.T., M.T.", "SKom MKom"). */
export function parseTitlesAfter(field: string): { titles: string[]; unknown: string[] } {
  const titles: string[] = [];
  const unknown: string[] = [];
  for (const chunk of tidy(field).split(",")) {
    const c = chunk.trim();
    if (c === "") continue;
    const whole = parseAfterChunk(c);
    if (whole) {
      titles.push(...whole);
      continue;
    }
    // Space-separated titles with one unknown among them: keep the known ones canonical.
    for (const w of c.split(" ")) {
      const one = parseAfterChunk(w);
      if (one) titles.push(...one);
      else {
        titles.push(w);
        unknown.push(w);
      }
    }
  }
  return { titles: dedupe(titles), unknown };
}

/**
 * Join titles typed in separate fields with those found in the name field: union, the name
 * field's titles first, the same title (same canonical form) only once.
 */
export function mergeTitles(split: SplitName, beforeField: string, afterField: string): SplitName {
  const b = parseTitlesBefore(beforeField);
  const a = parseTitlesAfter(afterField);
  return {
    before: dedupe([...split.before, ...b.titles]),
    name: split.name,
    after: dedupe([...split.after, ...a.titles]),
    unknown: dedupe([...split.unknown, ...b.unknown, ...a.unknown]),
  };
}

/** "Dr. Ahmad Fauzi, S.T., M.T." */
export function formatFullName(parts: { before: string[]; name: string; after: string[] }): string {
  const head = [...parts.before, parts.name].filter((s) => s !== "").join(" ");
  return parts.after.length > 0 ? `${head}, ${parts.after.join(", ")}` : head;
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of list) {
    const k = t === "dr." ? "dr." : titleKey(t) || t;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** Words kept in lower case inside a name when it is re-cased ("Ahmad bin Abdullah"). */
const LOWER_PARTICLES = new Set(["bin", "binti"]);

/**
 * Normalise spacing and capitalisation. A word typed all in capitals or all in lower case is
 * written in Title Case; a word in mixed case is kept as typed ("McDonald", "DeWi" are the
 * applicant's choice). Inside a re-cased word:
 * - after a hyphen a new capital starts ("Siti Nur-Aini");
 * - after an apostrophe the letter stays small ("Ma'ruf", "Syafi'i", as Indonesian writes the
 *   Arabic ain) unless only one letter precedes it ("D'Souza", "O'Neil");
 * - "Mc" + at least two letters gets a capital after Mc ("MCDONALD" → "McDonald");
 * - "bin"/"binti" stay small after the first word.
 * A dot glued to the next word gets a space ("Muh.Rizki" → "Muh. Rizki").
 */
export function normalizeNameCase(name: string): string {
  const spaced = tidy(name).replace(/\.(?=\p{L})/gu, ". ");
  if (spaced === "") return "";
  return spaced
    .split(" ")
    .map((word, index) => {
      const letters = word.replace(/[^\p{L}]/gu, "");
      const isUpper = letters === letters.toUpperCase();
      const isLower = letters === letters.toLowerCase();
      if (!isUpper && !isLower) return word;
      if (index > 0 && LOWER_PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
      return word
        .split("-")
        .map((part) => recase(part))
        .join("-");
    })
    .join(" ");
}

function recase(part: string): string {
  const lower = part.toLowerCase();
  if (/^mc\p{L}{2,}/u.test(lower)) return "Mc" + capitalise(lower.slice(2));
  const apos = lower.indexOf("'");
  if (apos === 1) return capitalise(lower.slice(0, 2)) + capitalise(lower.slice(2));
  return capitalise(lower);
}

function capitalise(s: string): string {
  const chars = Array.from(s);
  const i = chars.findIndex((c) => /\p{L}/u.test(c));
  if (i < 0) return s;
  chars[i] = chars[i]!.toUpperCase();
  return chars.join("");
}

/** Spellings of Muhammad (after the other rules have run) folded into one token. */
const MUHAMMAD = new Set([
  "muhamad",
  "mohamad",
  "muhamed",
  "mohamed",
  "muhamat",
  "mokhamad",
  "mukhamad",
  "mohd",
  "muhd",
  "moh",
  "muh",
  "mhd",
]);
/** Abbreviations that, as the first word, stand for a name ("M. Rizki", "St. Aisyah"). */
const FIRST_WORD_ABBREVIATIONS: Readonly<Record<string, string>> = { m: "muhamad", st: "siti" };
/** Spellings of Ahmad folded into one token ("Achmad" arrives here as "akhmad"). */
const AHMAD = new Set(["akhmad", "ahmat", "akhmat"]);

/**
 * A comparison key for "is this probably the same person's name". Two names with the same key
 * are a possible duplicate; the key is never shown. Rules, in order:
 *  1. titles are removed (splitName): "Dr. Ahmad Fauzi, S.T." ≡ "Ahmad Fauzi";
 *  2. diacritics are removed (NFD, combining marks dropped): "José" ≡ "Jose";
 *  3. case is folded;
 *  4. apostrophes are removed ("Ma'ruf" ≡ "Maruf"); every other non-letter, non-digit becomes a
 *     space, spaces collapse ("Nur-Aini" ≡ "Nur Aini", "Muh.Rizki" ≡ "Muh Rizki");
 *  5. old (pre-1972) spellings: in a word that has oe, dj, tj or sj, a lone j is today's y
 *     ("Tjahjono" ≡ "Cahyono"); then oe→u ("Soekarno" ≡ "Sukarno"), dj→j ("Djoko" ≡ "Joko"),
 *     tj→c ("Tjipto" ≡ "Cipto"), sj→sy ("Sjahrir" ≡ "Syahrir"), nj→ny ("Njoman" ≡ "Nyoman"),
 *     ch→kh ("Chairul" ≡ "Khairul");
 *  6. dh→d and th→t, the usual Arabic-derived variants ("Ramadhan" ≡ "Ramadan",
 *     "Fathimah" ≡ "Fatimah");
 *  7. doubled letters collapse ("Abdullah" ≡ "Abdulah", "Muhammad" ≡ "Muhamad");
 *  8. as the first word, the abbreviations M. and St. stand for Muhammad and Siti
 *     ("M. Rizki" ≡ "Muhammad Rizki", "St. Aisyah" ≡ "Siti Aisyah");
 *     Muhammad's spellings and abbreviations (Muhamad, Mohammad, Mohamed, Mochamad, Muchammad,
 *     Moh., Muh., Mhd., Mohd.) become one token, as do Ahmad/Achmad/Akhmad/Ahmat;
 *  9. a final y becomes i ("Hendry" ≡ "Hendri", "Dedy" ≡ "Dedi").
 */
export function nameKey(fullName: string): string {
  let s = splitName(fullName).name;
  s = s.normalize("NFD").replace(/\p{M}/gu, "");
  s = s.toLowerCase();
  s = s.replace(/['\u2018\u2019\u02BC`\u00B4]/g, "");
  s = s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  // In a word written in the old spelling, a j not part of dj/tj/sj/nj is today's y
  // ("Tjahjono" → "Cahyono", "Soejono" → "Suyono"); in other words j stays j ("Wijaya").
  s = s
    .split(" ")
    .map((w) => (/oe|dj|tj|sj/.test(w) ? w.replace(/(^|[^dtsn])j/g, "$1y") : w))
    .join(" ");
  s = s
    .replace(/oe/g, "u")
    .replace(/dj/g, "j")
    .replace(/tj/g, "c")
    .replace(/sj/g, "sy")
    .replace(/nj/g, "ny")
    .replace(/ch/g, "kh")
    .replace(/dh/g, "d")
    .replace(/th/g, "t");
  s = s.replace(/(\p{L})\1+/gu, "$1");
  return s
    .split(" ")
    .filter((w) => w !== "")
    .map((w, i) => (i === 0 && FIRST_WORD_ABBREVIATIONS[w]) || w)
    .map((w) => (MUHAMMAD.has(w) ? "muhamad" : AHMAD.has(w) ? "ahmad" : w))
    .map((w) => (w.length > 1 && w.endsWith("y") ? w.slice(0, -1) + "i" : w))
    .join(" ");
}
