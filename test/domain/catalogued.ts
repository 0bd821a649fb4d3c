/** A test helper: catalogue messages matched by key, for texts a test cannot know whole. */
import { catalogues, type MessageKey } from "../../src/domain/text/index.js";

/**
 * A catalogue message as a pattern, for a text the test cannot know whole: the parameters given
 * are filled in (a pattern given for one, e.g. another catalogued message, is matched as such),
 * every other {parameter} matches any text. Indonesian unless told.
 */
export function catalogued(
  key: MessageKey,
  params: Readonly<Record<string, string | number | RegExp>> = {},
  lang: "id" | "en" = "id",
): RegExp {
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const parts = catalogues[lang][key].split(/\{(\w+)\}/);
  const source = parts
    .map((part, i) => {
      if (i % 2 === 0) return escape(part);
      const value = Object.prototype.hasOwnProperty.call(params, part) ? params[part] : undefined;
      if (value === undefined) return "[\\s\\S]*?";
      return value instanceof RegExp ? `(?:${value.source})` : escape(String(value));
    })
    .join("");
  return new RegExp(source);
}
