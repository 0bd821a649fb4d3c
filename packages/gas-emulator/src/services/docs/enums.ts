/** DocumentApp's enums (exposed as strings) and the RE2-style regular expressions of findText / replaceText. */
import { serviceError } from "../../core.js";
import { type CharStyle, type RunNode, type AnyNode, allParagraphs } from "./model.js";

// ---------------------------------------------------------------------------------------------
// Enums (exposed as strings: an enum value prints as its name in Apps Script)

export const ELEMENT_TYPES = [
  "BODY_SECTION",
  "COMMENT_SECTION",
  "DATE",
  "DOCUMENT",
  "EQUATION",
  "EQUATION_FUNCTION",
  "EQUATION_FUNCTION_ARGUMENT_SEPARATOR",
  "EQUATION_SYMBOL",
  "RICH_LINK",
  "FOOTER_SECTION",
  "FOOTNOTE",
  "FOOTNOTE_SECTION",
  "HEADER_SECTION",
  "HORIZONTAL_RULE",
  "INLINE_DRAWING",
  "INLINE_IMAGE",
  "LIST_ITEM",
  "PAGE_BREAK",
  "PARAGRAPH",
  "PERSON",
  "TABLE",
  "TABLE_CELL",
  "TABLE_OF_CONTENTS",
  "TABLE_ROW",
  "TEXT",
  "UNSUPPORTED",
];
export const HEADINGS = [
  "NORMAL",
  "HEADING1",
  "HEADING2",
  "HEADING3",
  "HEADING4",
  "HEADING5",
  "HEADING6",
  "TITLE",
  "SUBTITLE",
];
export const ALIGNMENTS = ["LEFT", "CENTER", "RIGHT", "JUSTIFY"];
export const ATTRIBUTES = [
  "BACKGROUND_COLOR",
  "BOLD",
  "BORDER_COLOR",
  "BORDER_WIDTH",
  "CODE",
  "FONT_FAMILY",
  "FONT_SIZE",
  "FOREGROUND_COLOR",
  "HEADING",
  "HEIGHT",
  "HORIZONTAL_ALIGNMENT",
  "INDENT_END",
  "INDENT_FIRST_LINE",
  "INDENT_START",
  "ITALIC",
  "GLYPH_TYPE",
  "LEFT_TO_RIGHT",
  "LINE_SPACING",
  "LINK_URL",
  "LIST_ID",
  "MARGIN_BOTTOM",
  "MARGIN_LEFT",
  "MARGIN_RIGHT",
  "MARGIN_TOP",
  "NESTING_LEVEL",
  "MINIMUM_HEIGHT",
  "PADDING_BOTTOM",
  "PADDING_LEFT",
  "PADDING_RIGHT",
  "PADDING_TOP",
  "PAGE_HEIGHT",
  "PAGE_WIDTH",
  "SPACING_AFTER",
  "SPACING_BEFORE",
  "STRIKETHROUGH",
  "UNDERLINE",
  "VERTICAL_ALIGNMENT",
  "WIDTH",
];
export const enumObject = (names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, n]));

export type ElementType = GoogleAppsScript.Document.ElementType;
export type ParagraphHeading = GoogleAppsScript.Document.ParagraphHeading;
export type HorizontalAlignment = GoogleAppsScript.Document.HorizontalAlignment;

export function enumOut<T>(name: string): T {
  return name as unknown as T;
}

export function enumArg(v: unknown, allowed: string[], what: string): string {
  const s = String(v);
  if (!allowed.includes(s)) throw serviceError(`Invalid argument: ${what}`);
  return s;
}

/** Text attribute name → style key. */
export const TEXT_ATTRS: Record<string, keyof CharStyle> = {
  BOLD: "bold",
  ITALIC: "italic",
  UNDERLINE: "underline",
  STRIKETHROUGH: "strikethrough",
  FONT_SIZE: "fontSize",
  FONT_FAMILY: "fontFamily",
  FOREGROUND_COLOR: "foregroundColor",
  BACKGROUND_COLOR: "backgroundColor",
  LINK_URL: "linkUrl",
};

export function stylePatch(attrs: Record<string, unknown>): Partial<Record<keyof CharStyle, unknown>> {
  const patch: Partial<Record<keyof CharStyle, unknown>> = {};
  for (const [name, key] of Object.entries(TEXT_ATTRS)) {
    if (!(name in attrs)) continue;
    const v = attrs[name];
    if (v === null || v === undefined) patch[key] = undefined;
    else if (key === "fontSize") patch[key] = Number(v);
    else if (key === "bold" || key === "italic" || key === "underline" || key === "strikethrough")
      patch[key] = !!v;
    else patch[key] = String(v);
  }
  return patch;
}

export function applyPatch(style: CharStyle, patch: Partial<Record<keyof CharStyle, unknown>>): CharStyle {
  const merged: Record<string, unknown> = { ...style, ...patch };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as CharStyle;
}

export function sameStyle(a: CharStyle, b: CharStyle): boolean {
  const ka = Object.keys(a) as (keyof CharStyle)[];
  const kb = Object.keys(b) as (keyof CharStyle)[];
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

// ---------------------------------------------------------------------------------------------
// Regular expressions (RE2 syntax → JavaScript stand-in) and Java-style replacement strings

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function compilePattern(pattern: string): RegExp {
  let src = String(pattern);
  let flags = "g";
  const inline = /^\(\?([ims]+)\)/.exec(src);
  if (inline) {
    for (const f of new Set(inline[1]!)) flags += f;
    src = src.slice(inline[0].length);
  }
  src = src.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, lit: string) => escapeRegExp(lit));
  try {
    return new RegExp(src, flags);
  } catch {
    throw serviceError(`Invalid regular expression: ${pattern}`);
  }
}

/** Expands a replacement string as java.util.regex.Matcher does. */
function expandReplacement(rep: string, m: RegExpExecArray): string {
  const groupCount = m.length - 1;
  let out = "";
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === "\\") {
      i++;
      if (i >= rep.length) throw serviceError("character to be escaped is missing");
      out += rep[i];
    } else if (c === "$") {
      i++;
      if (i >= rep.length) throw serviceError("Illegal group reference: group index is missing");
      if (rep[i] === "{") {
        const close = rep.indexOf("}", i);
        if (close < 0) throw serviceError("named capturing group is missing trailing '}'");
        const name = rep.slice(i + 1, close);
        if (!m.groups || !(name in m.groups)) throw serviceError(`No group with name {${name}}`);
        out += m.groups[name] ?? "";
        i = close;
      } else if (/[0-9]/.test(rep[i]!)) {
        let ref = Number(rep[i]);
        if (ref > groupCount) throw serviceError(`No group ${ref}`);
        while (i + 1 < rep.length && /[0-9]/.test(rep[i + 1]!)) {
          const next = ref * 10 + Number(rep[i + 1]);
          if (next > groupCount) break;
          ref = next;
          i++;
        }
        out += m[ref] ?? "";
      } else {
        throw serviceError("Illegal group reference");
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** Replaces every match in one run; returns the number of matches. */
export function replaceInRun(run: RunNode, re: RegExp, replacement: string): number {
  re.lastIndex = 0;
  let out = "";
  const styles: CharStyle[] = [];
  let last = 0;
  let count = 0;
  const src = run.chars;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    out += src.slice(last, start);
    styles.push(...run.styles.slice(last, start));
    const rep = expandReplacement(replacement, m);
    const style = run.styles[start] ?? run.styles[start - 1] ?? {};
    out += rep;
    for (let k = 0; k < rep.length; k++) styles.push(style);
    last = end;
    count++;
    if (m[0].length === 0) {
      if (end >= src.length) break;
      out += src[end];
      styles.push(run.styles[end]!);
      last = end + 1;
      re.lastIndex = end + 1;
    }
  }
  if (count === 0) return 0;
  out += src.slice(last);
  styles.push(...run.styles.slice(last));
  run.chars = out;
  run.styles = styles;
  return count;
}

export function runsOf(node: AnyNode): RunNode[] {
  if (node.kind === "text") return [node];
  return allParagraphs(node).flatMap((p) => p.children.filter((c): c is RunNode => c.kind === "text"));
}
