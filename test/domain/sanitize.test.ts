import { describe, expect, it } from "vitest";
import { asSheetLiteral, asSheetText, cleanText, escapeHtml } from "../../src/domain/sanitize.js";

describe("asSheetText", () => {
  it.each([
    ['=IMPORTXML("http://x","//a")', '\'=IMPORTXML("http://x","//a")'],
    ["=1+1", "'=1+1"],
    ["+6281234567890", "'+6281234567890"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ['  =HYPERLINK("x")', '\'  =HYPERLINK("x")'],
    ["\u00A0=1", "'\u00A0=1"],
    ["\t=1", "'\t=1"],
    ["\rdata", "'\rdata"],
    ["\nrow", "'\nrow"],
    ["'Ainun", "''Ainun"],
  ])("neutralises %j", (input, expected) => {
    expect(asSheetText(input)).toBe(expected);
  });

  it("prefixes a lone '-' too: the apostrophe is not stored, so it still shows as '-'", () => {
    expect(asSheetText("-")).toBe("'-");
  });

  it.each(["Ahmad Fauzi", "Dr. Ir. H. Ahmad", "a=b", "x+y", "ahmad@gmail.com", "", "500/12/2026", " spaced"])(
    "leaves %j alone",
    (input) => {
      expect(asSheetText(input)).toBe(input);
    },
  );
});

describe("asSheetLiteral", () => {
  it.each([
    ["198503302010011002", "'198503302010011002"],
    ["081234567890", "'081234567890"],
    ["1/2/2026", "'1/2/2026"],
    ["500.12.6/123/Diskominfo/XI/2026", "'500.12.6/123/Diskominfo/XI/2026"],
    [".5", "'.5"],
    ["TRUE", "'TRUE"],
    ["false", "'false"],
    ["+62812", "'+62812"],
    ["=1", "'=1"],
  ])("protects %j from conversion", (input, expected) => {
    expect(asSheetLiteral(input)).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    expect(asSheetLiteral("Dinas Kesehatan")).toBe("Dinas Kesehatan");
    expect(asSheetLiteral("SRL-2611-0007")).toBe("SRL-2611-0007");
    expect(asSheetLiteral("Truex")).toBe("Truex");
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });

  it("leaves other text unchanged", () => {
    expect(escapeHtml("Ahmad Fauzi, S.T. – Diskominfo")).toBe("Ahmad Fauzi, S.T. – Diskominfo");
  });
});

describe("cleanText", () => {
  it("trims and collapses whitespace of every kind", () => {
    expect(cleanText("  Ahmad \t\u00A0 Fauzi \n ")).toEqual({ text: "Ahmad Fauzi", truncated: false });
    expect(cleanText("a\u2003b\u3000c").text).toBe("a b c");
  });

  it("strips control and invisible characters", () => {
    expect(cleanText("Ah\u0000mad\u0007 Fa\u200Bu\uFEFFzi\u007F").text).toBe("Ahmad Fauzi");
    expect(cleanText("abc\u202Egnp.exe").text).toBe("abcgnp.exe");
    expect(cleanText("x\u0085y").text).toBe("xy");
  });

  it("NFC-normalises", () => {
    const decomposed = "Jose\u0301";
    expect(cleanText(decomposed).text).toBe("Jos\u00E9");
    expect(cleanText(decomposed).text.length).toBe(4);
  });

  it("caps the length and says so, never splitting a surrogate pair", () => {
    expect(cleanText("abcdef", 4)).toEqual({ text: "abcd", truncated: true });
    expect(cleanText("abcd", 4)).toEqual({ text: "abcd", truncated: false });
    expect(cleanText("ab😀cd", 3)).toEqual({ text: "ab😀", truncated: true });
    expect(cleanText("abc def", 4)).toEqual({ text: "abc", truncated: true });
  });

  it("keeps line breaks in multiline mode, collapsing blank runs", () => {
    expect(cleanText(" one  \r\n\r\n\r\n two\rthree ", 100, { multiline: true }).text).toBe(
      "one\n\ntwo\nthree",
    );
    expect(cleanText("one\ntwo").text).toBe("one two");
  });

  it("accepts any value", () => {
    expect(cleanText(null).text).toBe("");
    expect(cleanText(undefined).text).toBe("");
    expect(cleanText(198503302010011002n).text).toBe("198503302010011002");
    expect(cleanText(12.5).text).toBe("12.5");
    expect(cleanText(true).text).toBe("true");
    expect(cleanText(new Date(Date.UTC(2026, 10, 22))).text).toBe("2026-11-22T00:00:00.000Z");
    expect(cleanText(["a", "b"]).text).toBe("a, b");
  });
});
