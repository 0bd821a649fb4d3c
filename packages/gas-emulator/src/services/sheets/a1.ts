/** A1 notation: column letters, cell and range references, with an optional sheet name. */

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${cellA1(r.r2, r.c2)}`;
}

/** A parsed reference: the sheet name if given, and the rectangle (open ends filled from the sheet size). */
interface A1Ref {
  sheet: string | null;
  rect: Rect;
}

/**
 * Parses "A1", "A1:C5", "A:C", "A2:C" (to the last row), "2:5" (whole rows), with an optional
 * "Sheet!" or "'My sheet'!" prefix. `maxRows`/`maxCols` close open-ended references; they are
 * looked up lazily because the sheet is only known once the name is parsed. Returns null when
 * the text is not a reference.
 */
export function parseA1(
  text: string,
  size: (sheet: string | null) => { rows: number; cols: number },
): A1Ref | null {
  let rest = text.trim();
  let sheet: string | null = null;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    let name = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (name.startsWith("'")) {
      if (!name.endsWith("'") || name.length < 2) return null;
      name = name.slice(1, -1).replace(/''/g, "'");
    }
    if (!name) return null;
    sheet = name;
  }
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)(?::\$?([A-Za-z]{0,3})\$?(\d*))?$/.exec(rest);
  if (!m) return null;
  const [, ca = "", ra = "", cb, rb] = m;
  const second = cb !== undefined;
  if (!ca && !ra) return null;
  if (second && !cb && !rb) return null;
  const dims = size(sheet);
  // Single reference: must be a full cell.
  if (!second) {
    if (!ca || !ra) return null;
    const r = Number(ra);
    const c = columnNumber(ca);
    if (r < 1) return null;
    return { sheet, rect: { r1: r, c1: c, r2: r, c2: c } };
  }
  const cbs = cb ?? "";
  const rbs = rb ?? "";
  // Whole rows "2:5".
  if (!ca && !cbs) {
    if (!ra || !rbs) return null;
    return { sheet, rect: norm({ r1: Number(ra), c1: 1, r2: Number(rbs), c2: dims.cols }) };
  }
  if (!ca || !cbs) return null;
  const c1 = columnNumber(ca);
  const c2 = columnNumber(cbs);
  const r1 = ra ? Number(ra) : 1;
  const r2 = rbs ? Number(rbs) : dims.rows;
  if (r1 < 1 || r2 < 1) return null;
  return { sheet, rect: norm({ r1, c1, r2, c2 }) };
}

function norm(r: Rect): Rect {
  return {
    r1: Math.min(r.r1, r.r2),
    c1: Math.min(r.c1, r.c2),
    r2: Math.max(r.r1, r.r2),
    c2: Math.max(r.c1, r.c2),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r1 && r <= outer.r2 && c >= outer.c1 && c <= outer.c2;
}
