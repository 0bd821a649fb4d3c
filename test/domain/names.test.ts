import { describe, expect, it } from "vitest";
import {
  formatFullName,
  mergeTitles,
  nameKey,
  normalizeNameCase,
  parseTitlesAfter,
  parseTitlesBefore,
  splitName,
} from "../../src/domain/names.js";

function parts(full: string): [string[], string, string[]] {
  const s = splitName(full);
  return [s.before, s.name, s.after];
}

describe("splitName", () => {
  it("splits the brief's example", () => {
    expect(splitName("Dr. Ir. H. Ahmad Fauzi, S.T., M.T.")).toEqual({
      before: ["Dr.", "Ir.", "H."],
      name: "Ahmad Fauzi",
      after: ["S.T.", "M.T."],
      unknown: [],
    });
  });

  it.each([
    ["Dr.Ir.H.Ahmad Fauzi,ST.MT", [["Dr.", "Ir.", "H."], "Ahmad Fauzi", ["S.T.", "M.T."]]],
    ["dr ir h ahmad fauzi, st, mt", [["dr.", "Ir.", "H."], "Ahmad Fauzi", ["S.T.", "M.T."]]],
    ["Dr ir h ahmad fauzi,st,mt", [["Dr.", "Ir.", "H."], "Ahmad Fauzi", ["S.T.", "M.T."]]],
    ["AHMAD FAUZI ST MT", [[], "Ahmad Fauzi", ["S.T.", "M.T."]]],
    ["Ahmad Fauzi S.T M.T", [[], "Ahmad Fauzi", ["S.T.", "M.T."]]],
    ["Budi Santoso, SE.MM", [[], "Budi Santoso", ["S.E.", "M.M."]]],
    ["Budi Santoso, S.E, M.M", [[], "Budi Santoso", ["S.E.", "M.M."]]],
    ["Andi Baso, S.Kom.,M.Kom", [[], "Andi Baso", ["S.Kom.", "M.Kom."]]],
    ["Andi Baso, S.Kom.M.Kom.", [[], "Andi Baso", ["S.Kom.", "M.Kom."]]],
    ["Andi Baso SKom MKom", [[], "Andi Baso", ["S.Kom.", "M.Kom."]]],
    [
      "Prof. Dr. Hj. Siti Nurhaliza, S.Pd., M.Pd.",
      [["Prof.", "Dr.", "Hj."], "Siti Nurhaliza", ["S.Pd.", "M.Pd."]],
    ],
    ["Drs. H. Syamsul Bahri, M.Si", [["Drs.", "H."], "Syamsul Bahri", ["M.Si."]]],
    ["Dra. Hj. Rosmawati, M.A.P.", [["Dra.", "Hj."], "Rosmawati", ["M.A.P."]]],
    ["Rosmawati, MAP", [[], "Rosmawati", ["M.A.P."]]],
    ["Rosmawati, M.AP", [[], "Rosmawati", ["M.A.P."]]],
    ["Yusuf Kalla, S.Sos., M.Si.", [[], "Yusuf Kalla", ["S.Sos.", "M.Si."]]],
    ["Rina Andriani, A.Md.", [[], "Rina Andriani", ["A.Md."]]],
    ["Rina Andriani, A. Md. Kep", [[], "Rina Andriani", ["A.Md.Kep."]]],
    ["Hendra, S.H., M.H.", [[], "Hendra", ["S.H.", "M.H."]]],
    ["Lukman, S.Pd.I", [[], "Lukman", ["S.Pd.I."]]],
    ["Sri Wahyuni, S.Pd.SD., Gr.", [[], "Sri Wahyuni", ["S.Pd.SD.", "Gr."]]],
    ["Agus Salim, Ph.D.", [[], "Agus Salim", ["Ph.D."]]],
    ["Agus Salim, PhD", [[], "Agus Salim", ["Ph.D."]]],
    ["K.H. Abdurrahman Wahid", [["K.H."], "Abdurrahman Wahid", []]],
    ["Ns. Siti Aminah, S.Kep.", [["Ns."], "Siti Aminah", ["S.Kep."]]],
    ["Siti Aminah, S.Kep., Ns.", [[], "Siti Aminah", ["S.Kep.", "Ns."]]],
    ["drg. Putri Ayu", [["drg."], "Putri Ayu", []]],
    ["Ir. Joko Widodo, M.Eng.", [["Ir."], "Joko Widodo", ["M.Eng."]]],
  ])("%s", (input, expected) => {
    expect(parts(input)).toEqual(expected);
  });

  it("keeps dr. (physician) apart from Dr. (doctorate)", () => {
    expect(parts("dr. siti aminah, Sp.PD")).toEqual([["dr."], "Siti Aminah", ["Sp.PD"]]);
    expect(parts("Dr. Siti Aminah")).toEqual([["Dr."], "Siti Aminah", []]);
    expect(parts("DR. SITI AMINAH")).toEqual([["Dr."], "Siti Aminah", []]);
  });

  it("reads medical specialist titles, subspecialties included", () => {
    expect(parts("dr. Made Wira, Sp.THT-KL")[2]).toEqual(["Sp.THT-KL"]);
    expect(parts("dr. Made Wira, Sp.PD-KGEH")[2]).toEqual(["Sp.PD-KGEH"]);
    expect(parts("dr. Made Wira, SpA")[2]).toEqual(["Sp.A"]);
    expect(parts("dr. Made Wira, SpPD, SpJP")[2]).toEqual(["Sp.PD", "Sp.JP"]);
    expect(parts("dr. Made Wira, Sp.OG., M.Kes")[2]).toEqual(["Sp.OG", "M.Kes."]);
  });

  it("keeps S.P. (agriculture) apart from Sp. (specialist)", () => {
    expect(parts("Rahmat, SP")[2]).toEqual(["S.P."]);
    expect(parts("Rahmat, S.P., M.Si.")[2]).toEqual(["S.P.", "M.Si."]);
  });

  it("keeps unknown titles after the comma as typed and lists them", () => {
    expect(splitName("Rina, Sp.PD-KGEH, FINASIM")).toEqual({
      before: [],
      name: "Rina",
      after: ["Sp.PD-KGEH", "FINASIM"],
      unknown: ["FINASIM"],
    });
  });

  it("keeps Balinese and other name parts", () => {
    expect(parts("Ni Luh Putu Ayu Lestari, S.Kom")).toEqual([[], "Ni Luh Putu Ayu Lestari", ["S.Kom."]]);
    expect(parts("I Gusti Ngurah Rai")).toEqual([[], "I Gusti Ngurah Rai", []]);
    expect(parts("i made wirawan")).toEqual([[], "I Made Wirawan", []]);
    expect(parts("I R Sitompul")).toEqual([[], "I R Sitompul", []]);
  });

  it("keeps abbreviated name parts Muh., Moh., St.", () => {
    expect(parts("Muh. Rizki Ramadhan, S.Sos.")).toEqual([[], "Muh. Rizki Ramadhan", ["S.Sos."]]);
    expect(parts("MOH. HATTA")).toEqual([[], "Moh. Hatta", []]);
    expect(parts("St. Nurhaliza")).toEqual([[], "St. Nurhaliza", []]);
    expect(parts("Muh.Rizki")).toEqual([[], "Muh. Rizki", []]);
  });

  it("leaves lower-case words at the end in the name when no comma marks them as titles", () => {
    expect(parts("ahmad fauzi st")).toEqual([[], "Ahmad Fauzi St", []]);
  });

  it("does not take name words for titles", () => {
    expect(parts("Hasan Basri")).toEqual([[], "Hasan Basri", []]);
    expect(parts("Irwan Prasetyo")).toEqual([[], "Irwan Prasetyo", []]);
    expect(parts("Jack Ma")).toEqual([[], "Jack Ma", []]);
    expect(parts("Hj")).toEqual([[], "Hj", []]);
    expect(parts("H. Ir")).toEqual([["H."], "Ir", []]);
  });

  it("accepts one-word names", () => {
    expect(parts("Sukarno")).toEqual([[], "Sukarno", []]);
    expect(parts("SUKARNO, S.H.")).toEqual([[], "Sukarno", ["S.H."]]);
  });

  it("keeps apostrophes and hyphens, normalises curly apostrophes and spacing", () => {
    expect(parts("  Ma\u2019ruf   Amin ")[1]).toBe("Ma'ruf Amin");
    expect(parts("MA'RUF AMIN")[1]).toBe("Ma'ruf Amin");
    expect(parts("SITI NUR-AINI")[1]).toBe("Siti Nur-Aini");
  });

  it("gives an empty name when only titles were typed", () => {
    expect(splitName("").name).toBe("");
    expect(splitName("Dr. Ir.")).toEqual({ before: ["Dr.", "Ir."], name: "", after: [], unknown: [] });
    expect(splitName("H.").name).toBe("");
  });
});

describe("normalizeNameCase", () => {
  it.each([
    ["AHMAD FAUZI", "Ahmad Fauzi"],
    ["ahmad fauzi", "Ahmad Fauzi"],
    ["ahmad FAUZI", "Ahmad Fauzi"],
    ["McDonald Siregar", "McDonald Siregar"],
    ["MCDONALD SIREGAR", "McDonald Siregar"],
    ["D'SOUZA", "D'Souza"],
    ["o'neil", "O'Neil"],
    ["SYAFI'I", "Syafi'i"],
    ["JUM'AT", "Jum'at"],
    ["AHMAD BIN ABDULLAH", "Ahmad bin Abdullah"],
    ["SITI BINTI ALI", "Siti binti Ali"],
    ["BIN", "Bin"],
    ["ÉLODIE MÜLLER", "Élodie Müller"],
    ["DeWi", "DeWi"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeNameCase(input)).toBe(expected);
  });
});

describe("titles in separate fields", () => {
  it("parses a titles-before field", () => {
    expect(parseTitlesBefore("Dr. Ir. H.")).toEqual({ titles: ["Dr.", "Ir.", "H."], unknown: [] });
    expect(parseTitlesBefore("drs, h")).toEqual({ titles: ["Drs.", "H."], unknown: [] });
    expect(parseTitlesBefore("Kol. Drs.")).toEqual({ titles: ["Kol.", "Drs."], unknown: ["Kol."] });
    expect(parseTitlesBefore("")).toEqual({ titles: [], unknown: [] });
  });

  it("parses a titles-after field", () => {
    expect(parseTitlesAfter("S.T., M.T.")).toEqual({ titles: ["S.T.", "M.T."], unknown: [] });
    expect(parseTitlesAfter("SKom MKom")).toEqual({ titles: ["S.Kom.", "M.Kom."], unknown: [] });
    expect(parseTitlesAfter("S.Kom CISA")).toEqual({ titles: ["S.Kom.", "CISA"], unknown: ["CISA"] });
  });

  it("merges field titles with those in the name, each once", () => {
    const merged = mergeTitles(splitName("Dr. Ahmad Fauzi, S.T."), "Dr. Ir.", "ST, MT");
    expect(merged).toEqual({
      before: ["Dr.", "Ir."],
      name: "Ahmad Fauzi",
      after: ["S.T.", "M.T."],
      unknown: [],
    });
  });

  it("takes the titles from the fields when the name has none", () => {
    const merged = mergeTitles(splitName("ahmad fauzi"), "H.", "S.Kom.");
    expect(formatFullName(merged)).toBe("H. Ahmad Fauzi, S.Kom.");
  });
});

describe("formatFullName", () => {
  it("writes titles before, name, comma-separated titles after", () => {
    expect(formatFullName({ before: ["Dr."], name: "Ahmad Fauzi", after: ["S.T.", "M.T."] })).toBe(
      "Dr. Ahmad Fauzi, S.T., M.T.",
    );
    expect(formatFullName({ before: [], name: "Budi", after: [] })).toBe("Budi");
    expect(formatFullName(splitName("DR IR H AHMAD FAUZI, ST, MT"))).toBe(
      "Dr. Ir. H. Ahmad Fauzi, S.T., M.T.",
    );
  });
});

describe("nameKey", () => {
  const same = (a: string, b: string): void => {
    expect(nameKey(a), `${a} ≡ ${b}`).toBe(nameKey(b));
  };
  const differ = (a: string, b: string): void => {
    expect(nameKey(a), `${a} ≢ ${b}`).not.toBe(nameKey(b));
  };

  it("1. removes titles", () => {
    same("Dr. Ir. H. Ahmad Fauzi, S.T., M.T.", "Ahmad Fauzi");
    expect(nameKey("Dr. Ir. H. Ahmad Fauzi, S.T., M.T.")).toBe("ahmad fauzi");
  });
  it("2. removes diacritics", () => same("José Müller", "Jose Muller"));
  it("3. folds case", () => same("AHMAD FAUZI", "ahmad fauzi"));
  it("4. removes apostrophes and treats other punctuation as space", () => {
    same("Ma'ruf Amin", "Maruf Amin");
    same("Siti Nur-Aini", "Siti Nur Aini");
    same("Muh.Rizki", "Muh Rizki");
  });
  it("5. folds the old spelling", () => {
    same("Soekarno", "Sukarno");
    same("Djoko Santoso", "Joko Santoso");
    same("Tjipto Mangoenkoesoemo", "Cipto Mangunkusumo");
    same("Sjahrir", "Syahrir");
    same("Njoman Gede", "Nyoman Gede");
    same("Chairul Tanjung", "Khairul Tanjung");
    same("Djoko Tjahjono", "Joko Cahyono");
    same("Soejono", "Suyono");
    differ("Wijaya", "Wiyaya");
  });
  it("6. folds dh/th", () => {
    same("Ramadhan", "Ramadan");
    same("Fathimah", "Fatimah");
  });
  it("7. collapses doubled letters", () => {
    same("Abdullah", "Abdulah");
    same("Fadhillah", "Fadilah");
  });
  it("8. folds Muhammad and Ahmad spellings and the first-word abbreviations M. and St.", () => {
    for (const m of [
      "Muhammad",
      "Muhamad",
      "Mohammad",
      "Mohamad",
      "Mohammed",
      "Mochammad",
      "Muchammad",
      "Moh.",
      "Muh.",
      "Mhd.",
      "Mohd",
    ]) {
      same(`${m} Rizki`, "Muhammad Rizki");
    }
    same("Achmad Yani", "Ahmad Yani");
    same("Akhmad Yani", "Ahmad Yani");
    same("M. Rizki", "Muhammad Rizki");
    same("St. Aisyah", "Siti Aisyah");
    differ("Rizki M.", "Rizki Muhammad");
  });
  it("9. a final y is i", () => {
    same("Hendry", "Hendri");
    same("Dedy Kurniawan", "Dedi Kurniawan");
    differ("Yusuf", "Iusuf");
  });
  it("keeps different people apart", () => {
    differ("Ahmad Fauzi", "Ahmad Fauzan");
    differ("Siti Aminah", "Siti Aisyah");
    differ("Budi", "Budi Santoso");
  });
  it("is empty for an empty name", () => {
    expect(nameKey("")).toBe("");
  });
});
