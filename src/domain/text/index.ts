/**
 * The message catalogue: every text a user of the product sees, in Indonesian (id.ts, the source
 * of truth) and English (en.ts, exactly the same keys).
 *
 *   t("id", "nip.length", { count: 17 })  → "NIP harus 18 digit angka (tertulis 17 digit)."
 *
 * `t` checks at compile time that the parameters named in the Indonesian text are given;
 * `tx` takes any key and parameters (for keys held in data, e.g. a Problem's code).
 * A parameter that is not given stays visible as "{name}" rather than vanishing.
 */
import type { Language } from "../config.js";
import { en } from "./en.js";
import { id } from "./id.js";

export type MessageKey = keyof typeof id;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message by key with its parameters: what pure checks return instead of finished text. */
export interface MessageRef {
  code: MessageKey;
  params?: MessageParams;
}

/** The names of the {parameters} in a text, as a union of string literal types. */
export type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;

/** The parameters a message needs (from its Indonesian text). */
export type ParamsOf<K extends MessageKey> = ParamNames<(typeof id)[K]>;

type ParamArgs<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? [params?: Record<string, never>]
  : [params: Readonly<Record<ParamsOf<K>, string | number>>];

export const catalogues: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { id, en };

/** The languages that have a catalogue. */
export const LANGUAGES: readonly Language[] = ["id", "en"];

export function t<K extends MessageKey>(lang: Language, key: K, ...params: ParamArgs<K>): string {
  return tx(lang, key, params[0]);
}

export function tx(lang: Language, key: MessageKey, params?: MessageParams): string {
  // An unknown key (only possible from untyped data) shows itself rather than throwing.
  const text: string = (catalogues[lang] ?? catalogues.id)[key] ?? id[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The text of a MessageRef. */
export function message(lang: Language, ref: MessageRef): string {
  return tx(lang, ref.code, ref.params);
}

/** The {parameter} names used in a text (for tests and tooling). */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    names.add(name);
    return whole;
  });
  return Array.from(names).sort();
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}
