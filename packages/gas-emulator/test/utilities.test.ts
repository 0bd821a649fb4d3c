import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { Blob } from "../src/core.js";
import { exec, publicMethods, thrown } from "./helpers.js";
import { install, Utilities } from "../src/services/utilities.js";
import { Workspace } from "../src/workspace.js";

function setup(seed = 1): { ws: Workspace; u: Utilities } {
  const ws = new Workspace({ seed });
  return { ws, u: install(ws).Utilities as Utilities };
}

const hex = (bytes: number[]): string => Buffer.from(Int8Array.from(bytes).buffer).toString("hex");

/** 2026-11-23 08:05:09.007 in Jakarta (a Monday). */
const T = new Date(Date.UTC(2026, 10, 23, 1, 5, 9, 7));

describe("Utilities.formatDate", () => {
  const { u } = setup();
  const f = (pattern: string, tz = "Asia/Jakarta", d: Date = T): string => u.formatDate(d, tz, pattern);

  it("formats numbers, names and fractions as SimpleDateFormat does", () => {
    expect(f("yyyy-MM-dd HH:mm:ss")).toBe("2026-11-23 08:05:09");
    expect(f("EEE, d MMM yyyy")).toBe("Mon, 23 Nov 2026");
    expect(f("EEEE, dd MMMM yy")).toBe("Monday, 23 November 26");
    expect(f("M/d/y")).toBe("11/23/2026");
    expect(f("h:mm a")).toBe("8:05 AM");
    expect(f("S|SSS|s")).toBe("7|007|9");
    expect(f("D u F G")).toBe("327 1 4 AD");
  });

  it("formats zones: names, RFC 822 and ISO 8601 offsets", () => {
    expect(f("z|zzzz|Z|X|XX|XXX")).toBe("WIB|Western Indonesia Time|+0700|+07|+0700|+07:00");
    expect(f("HH:mm z", "Asia/Makassar")).toBe("09:05 WITA");
    expect(f("HH:mm z", "Asia/Jayapura")).toBe("10:05 WIT");
    expect(f("HH:mm X Z", "UTC")).toBe("01:05 Z +0000");
    expect(f("yyyy-MM-dd'T'HH:mm:ssXXX", "Etc/UTC")).toBe("2026-11-23T01:05:09Z");
  });

  it("follows daylight saving time in real IANA zones", () => {
    const summer = new Date(Date.UTC(2026, 6, 1, 16, 0, 0));
    expect(f("yyyy-MM-dd HH:mm z Z", "America/New_York", summer)).toBe("2026-07-01 12:00 EDT -0400");
    expect(f("yyyy-MM-dd HH:mm z Z", "America/New_York")).toBe("2026-11-22 20:05 EST -0500");
  });

  it("handles the hour letters around midnight and noon", () => {
    const midnight = new Date(Date.UTC(2026, 0, 1, 17, 30)); // 00:30 on 2 Jan in Jakarta
    expect(f("H k K h a", "Asia/Jakarta", midnight)).toBe("0 24 0 12 AM");
    const noon = new Date(Date.UTC(2026, 0, 1, 5, 0)); // 12:00 in Jakarta
    expect(f("H k K h a", "Asia/Jakarta", noon)).toBe("12 12 0 12 PM");
    expect(f("D", "Asia/Jakarta", new Date(Date.UTC(2025, 11, 31, 17, 0)))).toBe("1");
  });

  it("handles quoted text and escaped quotes", () => {
    expect(f("'Pukul' HH.mm 'WIB'")).toBe("Pukul 08.05 WIB");
    expect(f("HH 'o''clock' ''")).toBe("08 o'clock '");
    expect(thrown(() => f("'open")).message).toBe("Unterminated quote");
  });

  it("uses GMT for unknown zone ids (as Java does) and accepts custom GMT offsets", () => {
    expect(f("HH:mm z", "Mars/Olympus")).toBe("01:05 GMT");
    expect(f("HH:mm z", "asia/jakarta")).toBe("01:05 GMT");
    expect(f("HH:mm z Z", "GMT+7")).toBe("08:05 GMT+07:00 +0700");
    expect(f("HH:mm Z", "GMT-05:30")).toBe("19:35 -0530");
  });

  it("rejects bad patterns and arguments with Apps Script's texts", () => {
    expect(thrown(() => f("yyyy-qq")).message).toBe("Illegal pattern character 'q'");
    expect(thrown(() => u.formatDate("2026-01-01", "Asia/Jakarta", "yyyy")).message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(thrown(() => u.formatDate(new Date(NaN), "Asia/Jakarta", "yyyy")).message).toBe(
      "Invalid argument: date",
    );
  });

  it("accepts a Date from another realm (the script's vm context)", () => {
    const foreign = vm.runInNewContext("new Date(Date.UTC(2026, 10, 23, 1, 5, 9, 7))") as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(u.formatDate(foreign, "Asia/Jakarta", "d MMMM yyyy HH:mm")).toBe("23 November 2026 08:05");
  });
});

describe("Utilities.formatString", () => {
  const { u } = setup();
  it("formats the printf conversions the project may use", () => {
    expect(u.formatString("%s menunggu %d hari", "SRL-1", 3)).toBe("SRL-1 menunggu 3 hari");
    expect(u.formatString("%6.2f|%-5s|%05d|%+d|%%|%x|%X|%o", 3.14159, "ab", 42, 7, 255, 255, 8)).toBe(
      "  3.14|ab   |00042|+7|%|ff|FF|10",
    );
    expect(u.formatString("%04d/%s", -5, null)).toBe("-005/null");
    expect(u.formatString("%.3s", "abcdef")).toBe("abc");
  });
});

describe("Utilities.getUuid", () => {
  it("gives lower-case type-4 UUIDs, reproducible from the workspace seed", () => {
    const a = setup(7).u;
    const b = setup(7).u;
    const c = setup(8).u;
    const seqA = [a.getUuid(), a.getUuid(), a.getUuid()];
    expect([b.getUuid(), b.getUuid(), b.getUuid()]).toEqual(seqA);
    expect(c.getUuid()).not.toBe(seqA[0]);
    expect(new Set(seqA).size).toBe(3);
    for (const id of seqA)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("Utilities digests and signatures", () => {
  const { u } = setup();
  it("returns signed bytes of the right digest", () => {
    const d = u.computeDigest("SHA_256", "abc");
    expect(hex(d)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(d[0]).toBe(-70);
    expect(d.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(hex(u.computeDigest("MD5", ""))).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(hex(u.computeDigest("SHA_1", "abc"))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(u.computeDigest("SHA_512", "abc")).toHaveLength(64);
  });

  it("accepts byte arrays and honours the charset", () => {
    const bytes = Array.from(new Int8Array(Buffer.from("héllo", "utf8")));
    expect(u.computeDigest("SHA_256", bytes)).toEqual(u.computeDigest("SHA_256", "héllo"));
    expect(u.computeDigest("SHA_256", "héllo", "US_ASCII")).toEqual(u.computeDigest("SHA_256", "h?llo"));
    expect(u.computeDigest("SHA_256", "héllo", "UTF_8")).toEqual(u.computeDigest("SHA_256", "héllo"));
  });

  it("computes HMAC-SHA256 (RFC 4231 case 2) from strings or bytes", () => {
    const expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    expect(hex(u.computeHmacSha256Signature("what do ya want for nothing?", "Jefe"))).toBe(expected);
    const v = Array.from(new Int8Array(Buffer.from("what do ya want for nothing?")));
    const k = Array.from(new Int8Array(Buffer.from("Jefe")));
    expect(hex(u.computeHmacSha256Signature(v, k))).toBe(expected);
    expect(hex(u.computeHmacSignature("HMAC_SHA_256", "what do ya want for nothing?", "Jefe"))).toBe(
      expected,
    );
  });

  it("rejects an unknown algorithm", () => {
    expect(thrown(() => u.computeDigest("SHA_999", "x")).message).toBe("Invalid argument: algorithm");
  });
});

describe("Utilities Base64", () => {
  const { u } = setup();
  it("encodes strings and signed bytes, standard and web-safe", () => {
    expect(u.base64Encode("Hello, Dunia!")).toBe("SGVsbG8sIER1bmlhIQ==");
    expect(u.base64Encode([-5, -1])).toBe("+/8=");
    expect(u.base64EncodeWebSafe([-5, -1])).toBe("-_8=");
    expect(u.base64Decode("+/8=")).toEqual([-5, -1]);
    expect(u.base64DecodeWebSafe("-_8=")).toEqual([-5, -1]);
    expect(Buffer.from(Int8Array.from(u.base64Decode("SGVsbG8sIER1bmlhIQ==")).buffer).toString()).toBe(
      "Hello, Dunia!",
    );
  });
  it("refuses what is not Base64", () => {
    expect(thrown(() => u.base64Decode("ab$c")).message).toBe("Could not decode string.");
    expect(thrown(() => u.base64Decode("-_8=")).message).toBe("Could not decode string.");
    expect(thrown(() => u.base64Decode("abcde")).message).toBe("Could not decode string.");
  });
});

describe("Utilities.newBlob and parseCsv", () => {
  const { u } = setup();
  it("makes blobs from strings and byte arrays", () => {
    const s = u.newBlob("Surat", undefined, "a.txt");
    expect(s).toBeInstanceOf(Blob);
    expect(s.getContentType()).toBe("text/plain");
    expect(s.getName()).toBe("a.txt");
    expect(s.getDataAsString()).toBe("Surat");
    const b = u.newBlob([-1, 0, 65], "application/octet-stream", "b.bin");
    expect(b.getBytes()).toEqual([-1, 0, 65]);
    expect(b.getContentType()).toBe("application/octet-stream");
    expect(u.newBlob([1]).getContentType()).toBeNull();
  });

  it("parses CSV with quotes, doubled quotes, embedded line breaks and other delimiters", () => {
    expect(u.parseCsv('a,"b, c","say ""hi"""\r\n1,"two\nlines",3\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "two\nlines", "3"],
    ]);
    expect(u.parseCsv("x;y;\n;;z", ";")).toEqual([
      ["x", "y", ""],
      ["", "", "z"],
    ]);
    expect(u.parseCsv("")).toEqual([]);
  });
});

describe("Utilities.sleep", () => {
  it("advances the calling execution's virtual clock", () => {
    const { ws, u } = setup();
    const ctx = exec(ws, { id: 3, handler: "sweep", kind: "installable", activeUser: "" });
    const start = ws.clockMs;
    ws.current = ctx;
    u.sleep(1500);
    expect(ctx.nowMs).toBe(start + 1500);
    expect(ws.now()).toBe(start + 1500);
    expect(ws.clockMs).toBe(start + 1500);
    ws.current = null;
    u.sleep(500);
    expect(ws.clockMs).toBe(start + 2000);
    expect(thrown(() => u.sleep(300_001)).message).toBe("Invalid argument: milliseconds");
  });
});

describe("Utilities enums", () => {
  it("exposes DigestAlgorithm, Charset and MacAlgorithm as properties", () => {
    const { u } = setup();
    const props = u.gasProps() as Record<string, Record<string, string>>;
    expect(props.DigestAlgorithm!.SHA_256).toBe("SHA_256");
    expect(props.Charset!.UTF_8).toBe("UTF_8");
    expect(props.MacAlgorithm!.HMAC_SHA_256).toBe("HMAC_SHA_256");
    expect(hex(u.computeDigest(props.DigestAlgorithm!.MD5, ""))).toBe("d41d8cd98f00b204e9800998ecf8427e");
  });
});

describe("Utilities API surface", () => {
  it("exposes only Apps Script method names", () => {
    expect(publicMethods(setup().u)).toEqual([
      "base64Decode",
      "base64DecodeWebSafe",
      "base64Encode",
      "base64EncodeWebSafe",
      "computeDigest",
      "computeHmacSha256Signature",
      "computeHmacSignature",
      "formatDate",
      "formatString",
      "getUuid",
      "newBlob",
      "parseCsv",
      "sleep",
    ]);
  });
});
