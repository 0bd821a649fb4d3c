import { describe, expect, it } from "vitest";
import { formatPhoneNational, maskPhone, normalizePhone, type PhoneResult } from "../../src/domain/phone.js";
import { message } from "../../src/domain/text/index.js";

function e164(r: PhoneResult): string {
  if (!r.ok) throw new Error("expected valid, got " + JSON.stringify(r.problems));
  return r.e164;
}

function problem(r: PhoneResult): string {
  if (r.ok) throw new Error("expected a problem, got " + r.e164);
  return message("id", r.problems[0]!);
}

describe("normalizePhone: mobile numbers", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["0812.3456.7890", "+6281234567890"],
    ["(0812) 3456-7890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["+62-812.3456.7890", "+6281234567890"],
    ["+6281234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["006281234567890", "+6281234567890"],
    ["81234567890", "+6281234567890"],
    ["\u00A00813\u00A01234\u00A0567 ", "+628131234567"],
    ["0852-6123-456", "+62852612345" + "6"],
    ["0895 1234 5678", "+6289512345678"],
    ["0811234567", "+62811234567"],
  ])("%s → %s", (input, expected) => {
    expect(e164(normalizePhone(input))).toBe(expected);
  });

  it("gives the national form grouped for display", () => {
    const r = normalizePhone("+6281234567890");
    expect(r.ok && r.national).toBe("0812-3456-7890");
    expect(r.ok && r.kind).toBe("mobile");
    expect(formatPhoneNational("+628123456789")).toBe("0812-3456-789");
  });

  it("reports an empty number", () => {
    expect(problem(normalizePhone(" - "))).toBe(message("id", { code: "phone.empty" }));
  });

  it("reports letters", () => {
    expect(problem(normalizePhone("0812-345-ABC"))).toBe(
      "Nomor HP hanya boleh berisi angka, spasi, tanda hubung dan tanda + (ditemukan: A B C).",
    );
  });

  it("rejects foreign numbers", () => {
    expect(problem(normalizePhone("+60 12-345 6789"))).toBe(
      "Nomor HP harus nomor Indonesia (+62 atau diawali 08).",
    );
    expect(problem(normalizePhone("0060123456789"))).toBe(
      "Nomor HP harus nomor Indonesia (+62 atau diawali 08).",
    );
  });

  it("accepts the shortest and the longest mobile numbers, counting the leading 0", () => {
    expect(e164(normalizePhone("0812345678"))).toBe("+62812345678");
    expect(e164(normalizePhone("0812345678901"))).toBe("+62812345678901");
  });

  it("rejects too short and too long numbers with the count", () => {
    expect(problem(normalizePhone("081234567"))).toBe(
      "Nomor HP terlalu pendek: 9 digit, paling sedikit 10 digit termasuk angka 0 di depan.",
    );
    expect(problem(normalizePhone("08123456789012"))).toBe(
      "Nomor HP terlalu panjang: 14 digit, paling banyak 13 digit termasuk angka 0 di depan.",
    );
    expect(problem(normalizePhone("+62 812 3456 7890 12"))).toContain("terlalu panjang: 14 digit");
  });

  it("rejects toll-free 080x numbers and unknown prefixes", () => {
    expect(problem(normalizePhone("0800-1234-567"))).toBe(
      "Nomor 080x bukan nomor HP; isikan nomor HP/WhatsApp Anda.",
    );
    expect(problem(normalizePhone("12345678901"))).toBe(
      "Nomor HP harus diawali 08, 628 atau +628, contoh 0812-3456-7890.",
    );
    expect(problem(normalizePhone("00812345678"))).toContain("diawali 08");
  });
});

describe("normalizePhone: landlines", () => {
  it("rejects a landline for the mobile question", () => {
    expect(problem(normalizePhone("(0622) 21234"))).toBe(
      "Nomor ini tampaknya nomor telepon kantor/rumah; isikan nomor HP/WhatsApp Anda.",
    );
  });

  it("accepts landlines with the area code when asked to", () => {
    const r = normalizePhone("(0622) 21234", { allowLandline: true });
    expect(r).toEqual({ ok: true, e164: "+6262221234", national: "062221234", kind: "landline" });
    expect(e164(normalizePhone("021-3456-7890", { allowLandline: true }))).toBe("+622134567890");
    expect(e164(normalizePhone("+62 21 345 6789", { allowLandline: true }))).toBe("+62213456789");
  });

  it("checks landline length", () => {
    expect(problem(normalizePhone("0622-123", { allowLandline: true }))).toContain("terlalu pendek: 7 digit");
  });
});

describe("maskPhone", () => {
  it("keeps the country code, the operator prefix and the last 3 digits", () => {
    expect(maskPhone("+6281234567890")).toBe("+62812*****890");
    expect(maskPhone("+628")).toBe("****");
  });
});
