import { describe, expect, it } from "vitest";
import { FIELD_KEYS } from "../../src/domain/form.js";
import { STATUSES, statusTextKey } from "../../src/domain/request.js";
import { en } from "../../src/domain/text/en.js";
import { id } from "../../src/domain/text/id.js";
import {
  catalogues,
  isMessageKey,
  message,
  placeholders,
  t,
  tx,
  type MessageKey,
} from "../../src/domain/text/index.js";

const idKeys = Object.keys(id).sort();
const enKeys = Object.keys(en).sort();

describe("catalogues", () => {
  it("en has exactly the keys of id", () => {
    expect(enKeys).toEqual(idKeys);
  });

  it("every key uses the same {parameters} in both languages", () => {
    const differences = idKeys.filter(
      (k) => placeholders(id[k as MessageKey]).join() !== placeholders(en[k as MessageKey]).join(),
    );
    expect(differences).toEqual([]);
  });

  it("no text is empty or has stray whitespace", () => {
    for (const [lang, cat] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(cat)) {
        expect(text.trim(), `${lang} ${key}`).toBe(text);
        expect(text.length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(text, `${lang} ${key}`).not.toMatch(/ {2}/);
      }
    }
  });

  it("has the keys that are built from data", () => {
    const built = [
      ...FIELD_KEYS.flatMap((k) => [`form.${k}.title`, `form.${k}.help`, `form.${k}.label`]),
      ...STATUSES.map((s) => statusTextKey(s)),
      ...["PNS", "PPPK", "NON_ASN"].map((s) => `choice.status.${s}`),
      ...["pribadi", "unit"].map((s) => `choice.account.${s}`),
      ...Array.from({ length: 12 }, (_, i) => `month.${i + 1}`),
    ];
    expect(built.filter((k) => !isMessageKey(k))).toEqual([]);
  });

  it("form question titles are unique per language (intake maps answers by title)", () => {
    for (const cat of Object.values(catalogues)) {
      const titles = FIELD_KEYS.map((k) => cat[`form.${k}.title` as MessageKey]);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});

describe("t / tx", () => {
  it("fills parameters", () => {
    expect(t("id", "nip.length", { count: 17 })).toBe("NIP harus 18 digit angka (tertulis 17 digit).");
    expect(t("en", "nip.length", { count: 17 })).toBe("A NIP has 18 digits (you typed 17).");
    expect(t("id", "mail.receipt.subject", { ticket: "SRL-2611-0007" })).toBe(
      "Tanda terima permohonan surel dinas \u2013 SRL-2611-0007",
    );
  });

  it("returns texts without parameters as they are", () => {
    expect(t("id", "standard.cost")).toBe("Biaya: tidak dipungut biaya.");
    expect(t("en", "standard.cost")).toBe("Cost: free of charge.");
  });

  it("leaves a parameter that was not given visible", () => {
    expect(tx("id", "nip.length", {})).toBe("NIP harus 18 digit angka (tertulis {count} digit).");
  });

  it("fills every occurrence and only known names", () => {
    expect(tx("id", "mail.correction.how", { ticket: "SRL-2611-0001", other: "x" })).toContain(
      "SRL-2611-0001",
    );
  });

  it("renders a MessageRef", () => {
    expect(message("id", { code: "nik.length", params: { count: 15 } })).toBe(
      "NIK harus 16 digit angka (tertulis 15 digit).",
    );
  });

  it("checks parameters at compile time", () => {
    // @ts-expect-error: the parameter "count" is required
    expect(t("id", "nip.length")).toContain("{count}");
    // @ts-expect-error: "nip.empty" takes no parameters
    expect(t("id", "nip.empty", { count: 1 })).toBe("NIP belum diisi.");
    // @ts-expect-error: not a key
    expect(t("id", "no.such.key")).toBe("no.such.key");
  });

  it("lists placeholders", () => {
    expect(placeholders("{a} and {b} and {a}")).toEqual(["a", "b"]);
    expect(placeholders("none")).toEqual([]);
  });
});
