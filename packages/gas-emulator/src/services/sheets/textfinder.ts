/** TextFinder over a range, a sheet or a whole spreadsheet: matches displayed text, row by row. */
import { GasObject, type CellsMoved } from "../../core.js";
import type { Rect } from "./a1.js";
import type { SheetModel } from "./model.js";
import type { SheetsState } from "./state.js";
import { Range } from "./range.js";
import type { Api } from "./types.js";
import { displayValue } from "./values.js";

type Keys =
  | "findAll"
  | "findNext"
  | "findPrevious"
  | "getCurrentMatch"
  | "ignoreDiacritics"
  | "matchCase"
  | "matchEntireCell"
  | "matchFormulaText"
  | "useRegularExpression";

export class TextFinder extends GasObject implements Api<GoogleAppsScript.Spreadsheet.TextFinder, Keys> {
  readonly gasClass = "TextFinder";
  private opts = { matchCase: false, entire: false, regex: false, formulas: false, diacritics: false };
  /** Index of the current match in the (recomputed) match list; -1 before the first. */
  private current: { sheet: SheetModel; r: number; c: number } | null = null;

  constructor(
    private readonly st: SheetsState,
    private readonly text: string,
    private readonly scope: () => { sheet: SheetModel; rect: Rect }[],
  ) {
    super();
  }

  matchCase(v: boolean): this {
    this.opts.matchCase = Boolean(v);
    return this;
  }
  matchEntireCell(v: boolean): this {
    this.opts.entire = Boolean(v);
    return this;
  }
  useRegularExpression(v: boolean): this {
    this.opts.regex = Boolean(v);
    return this;
  }
  matchFormulaText(v: boolean): this {
    this.opts.formulas = Boolean(v);
    return this;
  }
  ignoreDiacritics(v: boolean): this {
    this.opts.diacritics = Boolean(v);
    return this;
  }

  private _matcher(): (s: string) => boolean {
    const fold = (s: string): string => {
      let t = this.opts.diacritics ? s.normalize("NFD").replace(/\p{M}/gu, "") : s;
      if (!this.opts.matchCase) t = t.toLowerCase();
      return t;
    };
    if (this.opts.regex) {
      const src = this.opts.entire ? `^(?:${this.text})$` : this.text;
      const re = new RegExp(src, this.opts.matchCase ? "u" : "iu");
      return (s) => re.test(this.opts.diacritics ? s.normalize("NFD").replace(/\p{M}/gu, "") : s);
    }
    const q = fold(this.text);
    return this.opts.entire ? (s) => fold(s) === q : (s) => fold(s).includes(q);
  }

  /** Every match, in order: sheet by sheet, row by row, left to right. */
  private _matches(): { sheet: SheetModel; r: number; c: number }[] {
    this.st.sync();
    const test = this._matcher();
    const out: { sheet: SheetModel; r: number; c: number }[] = [];
    for (const { sheet, rect } of this.scope()) {
      const tz = sheet.parent.timeZone;
      const r2 = Math.min(rect.r2, sheet.rows.length);
      for (let r = rect.r1; r <= r2; r++) {
        const row = sheet.rows[r - 1];
        if (!row) continue;
        const c2 = Math.min(rect.c2, row.length);
        for (let c = rect.c1; c <= c2; c++) {
          const cell = row[c - 1];
          if (!cell) continue;
          const text =
            this.opts.formulas && cell.f !== undefined
              ? cell.f
              : displayValue(cell.v, tz, cell.fmt?.numberFormat, sheet.parent.locale);
          if (text !== "" && test(text)) out.push({ sheet, r, c });
        }
      }
    }
    return out;
  }

  private _range(m: { sheet: SheetModel; r: number; c: number }): Range {
    return new Range(this.st, m.sheet, { r1: m.r, c1: m.c, r2: m.r, c2: m.c });
  }

  /** A search scans its whole scope (up to the last row and column with content) on the server. */
  override gasCells(method: string): CellsMoved | null {
    if (!method.startsWith("find")) return null;
    let scanned = 0;
    for (const { sheet, rect } of this.scope()) {
      const rows = Math.max(0, Math.min(rect.r2, sheet.rows.length) - rect.r1 + 1);
      let width = 0;
      for (let r = rect.r1; r < rect.r1 + rows; r++) width = Math.max(width, sheet.rows[r - 1]?.length ?? 0);
      scanned += rows * Math.max(0, Math.min(rect.c2, width) - rect.c1 + 1);
    }
    return { scanned };
  }

  findAll(): Range[] {
    return this._matches().map((m) => this._range(m));
  }
  /** The next match after the current one, or null when there is none (no wrap-around). */
  findNext(): Range | null {
    const all = this._matches();
    let i = 0;
    if (this.current) {
      const cur = this.current;
      const idx = all.findIndex((m) => m.sheet === cur.sheet && m.r === cur.r && m.c === cur.c);
      i = idx >= 0 ? idx + 1 : all.findIndex((m) => after(m, cur));
      if (i < 0) i = all.length;
    }
    const m = all[i];
    if (!m) return null;
    this.current = m;
    return this._range(m);
  }
  findPrevious(): Range | null {
    const all = this._matches();
    if (!this.current) return null;
    const cur = this.current;
    const before = all.filter((m) => m.sheet !== cur.sheet || m.r < cur.r || (m.r === cur.r && m.c < cur.c));
    const m = before[before.length - 1];
    if (!m) return null;
    this.current = m;
    return this._range(m);
  }
  getCurrentMatch(): Range | null {
    return this.current ? this._range(this.current) : null;
  }
}

function after(
  m: { sheet: SheetModel; r: number; c: number },
  cur: { sheet: SheetModel; r: number; c: number },
): boolean {
  return m.sheet === cur.sheet && (m.r > cur.r || (m.r === cur.r && m.c > cur.c));
}
