import { describe, expect, it } from "vitest";
import {
  checkUsername,
  chooseUsername,
  foldDiacritics,
  nameWords,
  namingPolicyFromConfig,
  normaliseWish,
  usernameCandidates,
  wishProblems,
  type NamingPolicy,
} from "../../src/domain/naming.js";
import { defaultConfig } from "../../src/domain/defaults.js";

const policy: NamingPolicy = namingPolicyFromConfig(defaultConfig());
const withPattern = (
  pattern: NamingPolicy["pattern"],
  collision: NamingPolicy["collision"] = "initial-then-number",
) => ({
  ...policy,
  pattern,
  collision,
});
const codes = (list: { code: string }[]) => list.map((p) => p.code);

describe("checkUsername", () => {
  it("accepts Google-valid lower-case names", () => {
    for (const ok of ["siti.aminah", "budi_santoso", "o'neil", "a-b", "x1", "a".repeat(64)]) {
      expect(checkUsername(ok, policy.reserved)).toEqual([]);
    }
  });

  it("names each problem", () => {
    expect(codes(checkUsername(""))).toEqual(["empty"]);
    expect(codes(checkUsername("a".repeat(65)))).toEqual(["too_long"]);
    expect(codes(checkUsername("Siti"))).toEqual(["uppercase"]);
    expect(codes(checkUsername("siti+aminah"))).toEqual(["bad_chars"]);
    expect(codes(checkUsername("siti aminah"))).toEqual(["bad_chars"]);
    expect(codes(checkUsername("sitï"))).toEqual(["bad_chars"]);
    expect(codes(checkUsername("siti..aminah"))).toEqual(["double_dot"]);
    expect(codes(checkUsername(".siti"))).toEqual(["edge_dot"]);
    expect(codes(checkUsername("siti."))).toEqual(["edge_dot"]);
    for (const bad of ["&", "=", "<", ">", "+", ",", "!"])
      expect(codes(checkUsername(`a${bad}b`))).toEqual(["bad_chars"]);
  });

  it("refuses Google's and the office's reserved names", () => {
    expect(codes(checkUsername("abuse"))).toEqual(["reserved"]);
    expect(codes(checkUsername("postmaster"))).toEqual(["reserved"]);
    // Role and RFC 2142 names are reserved whatever the office configured.
    expect(codes(checkUsername("admin"))).toEqual(["reserved"]);
    expect(codes(checkUsername("walikota"))).toEqual(["reserved"]);
    expect(codes(checkUsername("hostmaster"))).toEqual(["reserved"]);
    expect(codes(checkUsername("budi"))).toEqual([]);
    expect(codes(checkUsername("admin", policy.reserved))).toEqual(["reserved"]);
    expect(codes(checkUsername("bappeda", policy.reserved))).toEqual(["reserved"]);
    expect(codes(checkUsername("satpolpp", policy.reserved))).toEqual(["reserved"]);
    expect(checkUsername("admin", policy.reserved)[0]!.message).toMatch(/dicadangkan/);
  });
});

describe("folding", () => {
  it("folds diacritics and drops apostrophes and other characters", () => {
    expect(foldDiacritics("Désirée Çağlar Łukasz Ærø")).toBe("desiree caglar lukasz aero");
    expect(nameWords("Ma'ruf  Amin-Nasution, Jr")).toEqual(["maruf", "amin", "nasution", "jr"]);
    expect(normaliseWish(" Siti Aminah@contohkota.go.id ")).toBe("siti.aminah");
  });
});

describe("usernameCandidates (personal)", () => {
  it("first.last from a full name", () => {
    expect(usernameCandidates({ fullName: "Siti Aminah", accountType: "pribadi" }, policy, 3)).toEqual([
      "siti.aminah",
      "siti.aminah2",
      "siti.aminah3",
    ]);
  });

  it("middle initials come before numbers under initial-then-number", () => {
    expect(
      usernameCandidates({ fullName: "Budi Santoso Wijaya", accountType: "pribadi" }, policy, 4),
    ).toEqual(["budi.wijaya", "budi.s.wijaya", "budi.wijaya2", "budi.wijaya3"]);
    expect(
      usernameCandidates({ fullName: "Ni Luh Putu Ayu Lestari", accountType: "pribadi" }, policy, 3),
    ).toEqual(["putu.lestari", "putu.a.lestari", "putu.lestari2"]);
    expect(
      usernameCandidates({ fullName: "Andi Muhammad Yusuf Rahman", accountType: "pribadi" }, policy, 5),
    ).toEqual(["andi.rahman", "andi.m.rahman", "andi.y.rahman", "andi.m.y.rahman", "andi.rahman2"]);
    expect(usernameCandidates({ fullName: "I Made Wirawan", accountType: "pribadi" }, policy, 1)).toEqual([
      "made.wirawan",
    ]);
    expect(usernameCandidates({ fullName: "Ni Ketut", accountType: "pribadi" }, policy, 1)).toEqual([
      "ketut",
    ]);
  });

  it("only numbers under the number policy", () => {
    expect(
      usernameCandidates(
        { fullName: "Budi Santoso Wijaya", accountType: "pribadi" },
        withPattern("first.last", "number"),
        3,
      ),
    ).toEqual(["budi.wijaya", "budi.wijaya2", "budi.wijaya3"]);
  });

  it("follows each pattern", () => {
    const input = { givenName: "Andi Muhammad", familyName: "Rahman", accountType: "pribadi" as const };
    expect(usernameCandidates(input, withPattern("firstlast"), 2)).toEqual(["andirahman", "andimrahman"]);
    expect(usernameCandidates(input, withPattern("first_last"), 2)).toEqual(["andi_rahman", "andi_m_rahman"]);
    expect(usernameCandidates(input, withPattern("f.last"), 2)).toEqual(["a.rahman", "a.m.rahman"]);
  });

  it("folds diacritics and drops apostrophes and hyphens in names", () => {
    expect(usernameCandidates({ fullName: "Ma'ruf Nasution", accountType: "pribadi" }, policy, 1)).toEqual([
      "maruf.nasution",
    ]);
    expect(usernameCandidates({ fullName: "Désirée Siregar", accountType: "pribadi" }, policy, 1)).toEqual([
      "desiree.siregar",
    ]);
    expect(usernameCandidates({ fullName: "Siti Nur-Hidayah", accountType: "pribadi" }, policy, 1)).toEqual([
      "siti.hidayah",
    ]);
  });

  it("a trailing initial is not a family name", () => {
    expect(usernameCandidates({ fullName: "Agus S.", accountType: "pribadi" }, policy, 2)).toEqual([
      "agus",
      "agus.s",
    ]);
  });

  it("one-word names: the name alone when ≥ 3 letters, else with the NIP birth year", () => {
    expect(usernameCandidates({ fullName: "Suparman", accountType: "pribadi" }, policy, 2)).toEqual([
      "suparman",
      "suparman2",
    ]);
    expect(
      usernameCandidates({ fullName: "Oo", accountType: "pribadi", nip: "198507142010011002" }, policy, 2),
    ).toEqual(["oo1985", "oo19852"]);
    expect(usernameCandidates({ fullName: "Oo", accountType: "pribadi" }, policy, 1)).toEqual(["oo"]);
  });

  it("the applicant's wish comes first when valid, and is skipped when not", () => {
    const input = { fullName: "Siti Aminah", accountType: "pribadi" as const };
    expect(usernameCandidates({ ...input, wish: "Aminah.Siti" }, policy, 2)).toEqual([
      "aminah.siti",
      "siti.aminah",
    ]);
    expect(usernameCandidates({ ...input, wish: "admin" }, policy, 1)).toEqual(["siti.aminah"]);
    expect(usernameCandidates({ ...input, wish: "siti..aminah" }, policy, 1)).toEqual(["siti.aminah"]);
    expect(usernameCandidates({ ...input, wish: "bappeda" }, policy, 1)).toEqual(["siti.aminah"]);
  });

  it("never returns a reserved or invalid candidate and stays within 64 characters", () => {
    const long = { fullName: `Sri ${"Panjang".repeat(12)}`, accountType: "pribadi" as const };
    const list = usernameCandidates(long, policy, 12);
    expect(list).toHaveLength(12);
    for (const c of list) expect(checkUsername(c, policy.reserved)).toEqual([]);
    expect(list[0]!.length).toBe(64);
    expect(list[11]!.endsWith("12")).toBe(true);
    const reservedName = usernameCandidates({ fullName: "Admin", accountType: "pribadi" }, policy, 2);
    expect(reservedName).toEqual(["admin2", "admin3"]);
  });

  it("is empty when nothing usable remains", () => {
    expect(usernameCandidates({ fullName: "—", accountType: "pribadi" }, policy)).toEqual([]);
  });
});

describe("usernameCandidates (unit)", () => {
  it("a unit account takes its own OPD code even though OPD codes are reserved", () => {
    expect(usernameCandidates({ accountType: "unit", unitCode: "BAPPEDA" }, policy, 2)).toEqual([
      "bappeda",
      "bappeda2",
    ]);
    expect(usernameCandidates({ accountType: "unit", unitCode: "Satpol PP" }, policy, 1)).toEqual([
      "satpolpp",
    ]);
  });

  it("but not another OPD's code, and the wish comes first", () => {
    expect(
      usernameCandidates({ accountType: "unit", unitCode: "BAPPEDA", wish: "dinkes" }, policy, 1),
    ).toEqual(["bappeda"]);
    expect(
      usernameCandidates({ accountType: "unit", unitCode: "BAPPEDA", wish: "ppid.bappeda" }, policy, 2),
    ).toEqual(["ppid.bappeda", "bappeda"]);
    expect(wishProblems("bappeda", policy, "BAPPEDA")).toEqual([]);
    expect(codes(wishProblems("bappeda", policy, "DINKES"))).toEqual(["reserved"]);
  });
});

describe("chooseUsername", () => {
  it("takes the first free candidate, deterministically", () => {
    const taken = new Set(["budi.wijaya", "budi.s.wijaya"]);
    const input = { fullName: "Budi Santoso Wijaya", accountType: "pribadi" as const };
    expect(chooseUsername(input, policy, (c) => taken.has(c))).toEqual({
      local: "budi.wijaya2",
      fromWish: false,
      skipped: ["budi.wijaya", "budi.s.wijaya"],
    });
    expect(chooseUsername(input, policy, () => false)?.local).toBe("budi.wijaya");
  });

  it("honours a free wish and says so", () => {
    const input = { fullName: "Siti Aminah", accountType: "pribadi" as const, wish: "siti.a" };
    expect(chooseUsername(input, policy, () => false)).toEqual({
      local: "siti.a",
      fromWish: true,
      skipped: [],
    });
    expect(chooseUsername(input, policy, (c) => c === "siti.a")?.local).toBe("siti.aminah");
  });

  it("gives up after maxTries", () => {
    expect(
      chooseUsername({ fullName: "Siti Aminah", accountType: "pribadi" }, policy, () => true, 5),
    ).toBeNull();
  });
});
