import { describe, expect, it } from "vitest";
import {
  checkNik,
  checkNip,
  checkNiPppk,
  crossCheckNik,
  maskNik,
  maskNip,
  PROVINCES,
  resolveNikYear,
  type Checked,
  type Ymd,
} from "../../src/domain/identity.js";
import { message, type MessageRef } from "../../src/domain/text/index.js";

const TODAY: Ymd = { year: 2026, month: 11, day: 22 };

function codes<T>(r: Checked<T>): string[] {
  return r.ok ? [] : r.problems.map((p) => p.code);
}

function texts<T>(r: Checked<T>): string[] {
  return r.ok ? [] : r.problems.map((p: MessageRef) => message("id", p));
}

function ok<T>(r: Checked<T>): T {
  if (!r.ok) throw new Error("expected valid, got " + JSON.stringify(r.problems));
  return r.value;
}

describe("NIP (PNS)", () => {
  it("parses a valid NIP into birth date, appointment, gender and serial", () => {
    expect(ok(checkNip("198503302010011002", TODAY))).toEqual({
      kind: "nip",
      value: "198503302010011002",
      birthDate: { year: 1985, month: 3, day: 30 },
      appointment: { year: 2010, month: 1 },
      gender: "L",
      serial: "002",
    });
  });

  it("tolerates spaces, dots and hyphens and removes them", () => {
    expect(ok(checkNip("19850330 201001 1 002", TODAY)).value).toBe("198503302010011002");
    expect(ok(checkNip("1985.0330.2010.01.1.002", TODAY)).value).toBe("198503302010011002");
    expect(ok(checkNip(" 19850330-201001-1-002 ", TODAY)).value).toBe("198503302010011002");
  });

  it("reads gender 2 as perempuan", () => {
    expect(ok(checkNip("199107172015032004", TODAY)).gender).toBe("P");
  });

  it("says how many digits were typed", () => {
    const r = checkNip("19850330201001100", TODAY);
    expect(codes(r)).toEqual(["nip.length"]);
    expect(texts(r)).toEqual(["NIP harus 18 digit angka (tertulis 17 digit)."]);
    expect(texts(checkNip("1985033020100110021", TODAY))).toEqual([
      "NIP harus 18 digit angka (tertulis 19 digit).",
    ]);
  });

  it("reports an empty NIP", () => {
    expect(codes(checkNip("  ", TODAY))).toEqual(["nip.empty"]);
  });

  it("points out letters typed for 0 and 1", () => {
    const r = checkNip("1985O3302010011002", TODAY);
    expect(codes(r)).toEqual(["nip.lookalike"]);
    expect(texts(r)[0]).toContain("huruf O");
    expect(codes(checkNip("19850330201001100X", TODAY))).toEqual(["nip.chars"]);
  });

  it("rejects a birth date that is not a real date", () => {
    const r = checkNip("198502302010011002", TODAY);
    expect(texts(r)).toEqual(["Tanggal lahir pada NIP (8 digit pertama: 19850230) bukan tanggal yang sah."]);
    expect(codes(checkNip("198513012010011002", TODAY))).toEqual(["nip.birth_date"]);
  });

  it("knows leap years", () => {
    expect(ok(checkNip("199602292020011001", TODAY)).birthDate).toEqual({ year: 1996, month: 2, day: 29 });
    expect(codes(checkNip("199702292020011001", TODAY))).toEqual(["nip.birth_date"]);
  });

  it("limits the birth year to 1940 … today − 17", () => {
    expect(codes(checkNip("193905051965011001", TODAY))).toEqual(["nip.birth_year"]);
    expect(texts(checkNip("201001012026011001", TODAY))[0]).toBe(
      "Tahun lahir pada NIP (2010) tidak wajar; seharusnya antara 1940 dan 2009.",
    );
    expect(checkNip("194001011965011001", TODAY).ok).toBe(true);
  });

  it("requires the appointment month to be 01–12", () => {
    const r = checkNip("198503302010131002", TODAY);
    expect(texts(r)).toEqual(["Bulan pengangkatan pada NIP (digit ke-13 dan ke-14: 13) harus 01 sampai 12."]);
    expect(codes(checkNip("198503302010001002", TODAY))).toEqual(["nip.appointment_month"]);
  });

  it("rejects an appointment in a later month than today, accepts this month", () => {
    expect(codes(checkNip("199001012026121001", TODAY))).toEqual(["nip.appointment_future"]);
    expect(checkNip("199001012026111001", TODAY).ok).toBe(true);
  });

  it("requires the appointment to be at least 18 years after birth", () => {
    expect(checkNip("199001152008011001", TODAY).ok).toBe(true);
    const r = checkNip("199001152007121001", TODAY);
    expect(codes(r)).toEqual(["nip.appointment_early"]);
    expect(texts(r)[0]).toContain("2007-12");
  });

  it("requires gender digit 1 or 2", () => {
    expect(texts(checkNip("198503302010013002", TODAY))).toEqual([
      "Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis 3.",
    ]);
    expect(codes(checkNip("198503302010010002", TODAY))).toEqual(["nip.gender"]);
  });

  it("rejects serial 000", () => {
    expect(codes(checkNip("198503302010011000", TODAY))).toEqual(["nip.serial"]);
  });

  it("lists every problem at once", () => {
    expect(codes(checkNip("198502302010133000", TODAY))).toEqual([
      "nip.birth_date",
      "nip.appointment_month",
      "nip.gender",
      "nip.serial",
    ]);
  });

  it("rejects a NI PPPK (its digits 13–14 are not a month)", () => {
    expect(codes(checkNip("198706252021212001", TODAY))).toEqual(["nip.appointment_month"]);
  });
});

describe("NI PPPK", () => {
  it("parses a valid NI PPPK; digits 13–14 are a code, not a month", () => {
    expect(ok(checkNiPppk("198706252021212001", TODAY))).toEqual({
      kind: "nipppk",
      value: "198706252021212001",
      birthDate: { year: 1987, month: 6, day: 25 },
      appointmentYear: 2021,
      code: "21",
      gender: "P",
      serial: "001",
    });
    expect(ok(checkNiPppk("199203152023991003", TODAY)).code).toBe("99");
    expect(ok(checkNiPppk("199203152023001003", TODAY)).code).toBe("00");
  });

  it("checks the length and characters like a NIP, with its own name", () => {
    expect(texts(checkNiPppk("19870625202121200", TODAY))).toEqual([
      "NI PPPK harus 18 digit angka (tertulis 17 digit).",
    ]);
    expect(codes(checkNiPppk("", TODAY))).toEqual(["nipppk.empty"]);
  });

  it("checks the birth date", () => {
    expect(codes(checkNiPppk("198702302021212001", TODAY))).toEqual(["nipppk.birth_date"]);
  });

  it("rejects appointment years in the future or before PPPK existed", () => {
    expect(codes(checkNiPppk("198706252027212001", TODAY))).toEqual(["nipppk.year_future"]);
    expect(texts(checkNiPppk("198706252010011001", TODAY))).toEqual([
      "Tahun pengangkatan pada NI PPPK (digit ke-9 s.d. ke-12: 2010) sebelum PPPK pertama diangkat (2019).",
    ]);
    expect(checkNiPppk("198706252019212001", TODAY).ok).toBe(true);
  });

  it("requires 18 years between birth and appointment", () => {
    expect(codes(checkNiPppk("200501012021211001", TODAY))).toEqual(["nipppk.year_age"]);
  });

  it("checks gender and serial", () => {
    expect(codes(checkNiPppk("198706252021215000", TODAY))).toEqual(["nipppk.gender", "nipppk.serial"]);
  });
});

describe("NIK", () => {
  it("parses a woman's NIK (day + 40)", () => {
    expect(ok(checkNik("3271046504900002", TODAY))).toEqual({
      kind: "nik",
      value: "3271046504900002",
      provinceCode: "32",
      provinceName: "Jawa Barat",
      regencyCode: "3271",
      districtCode: "327104",
      birthDate: { year: 1990, month: 4, day: 25 },
      birthYy: "90",
      gender: "P",
      serial: "0002",
    });
  });

  it("parses a man's NIK and tolerates separators", () => {
    const v = ok(checkNik("12.71.03 150385 0001", TODAY));
    expect(v.value).toBe("1271031503850001");
    expect(v.provinceName).toBe("Sumatera Utara");
    expect(v.gender).toBe("L");
    expect(v.birthDate).toEqual({ year: 1985, month: 3, day: 15 });
  });

  it("knows the Papua provinces formed in 2022 and rejects unknown province codes", () => {
    expect(ok(checkNik("9501011203950001", TODAY)).provinceName).toBe("Papua Pegunungan");
    expect(ok(checkNik("9601011203950001", TODAY)).provinceName).toBe("Papua Barat Daya");
    expect(texts(checkNik("9901011203950001", TODAY))).toEqual([
      "Kode provinsi pada NIK (2 digit pertama: 99) tidak dikenal.",
    ]);
    expect(codes(checkNik("2001011203950001", TODAY))).toEqual(["nik.province"]);
    expect(Object.keys(PROVINCES)).toHaveLength(38);
  });

  it("rejects regency or district 00", () => {
    expect(codes(checkNik("3200041203950001", TODAY))).toEqual(["nik.regency"]);
    expect(codes(checkNik("3271001203950001", TODAY))).toEqual(["nik.district"]);
  });

  it("rejects impossible birth dates, also after the +40 for women", () => {
    expect(codes(checkNik("3271043201900001", TODAY))).toEqual(["nik.birth_date"]);
    expect(codes(checkNik("3271047202900001", TODAY))).toEqual(["nik.birth_date"]); // 32 Feb
    expect(codes(checkNik("3271041513900001", TODAY))).toEqual(["nik.birth_date"]); // month 13
    expect(codes(checkNik("3271040001900001", TODAY))).toEqual(["nik.birth_date"]); // day 0
    expect(texts(checkNik("3271044001900001", TODAY))[0]).toContain("400190");
  });

  it("rejects serial 0000 and the wrong length", () => {
    expect(codes(checkNik("3271041503850000", TODAY))).toEqual(["nik.serial"]);
    expect(texts(checkNik("327104150385000", TODAY))).toEqual([
      "NIK harus 16 digit angka (tertulis 15 digit).",
    ]);
  });

  it("resolves the century from today", () => {
    expect(resolveNikYear(5, 1, 15, TODAY)).toBe(2005);
    expect(resolveNikYear(30, 12, 15, TODAY)).toBe(1930);
    expect(resolveNikYear(26, 11, 22, TODAY)).toBe(2026);
    expect(resolveNikYear(26, 12, 1, TODAY)).toBe(1926);
    expect(ok(checkNik("3271041501050003", TODAY)).birthDate.year).toBe(2005);
  });
});

describe("NIK against NIP / NI PPPK", () => {
  const nip = ok(checkNip("198503302010011002", TODAY));

  it("accepts the same birth date and gender", () => {
    expect(crossCheckNik(ok(checkNik("3271043003850001", TODAY)), nip)).toEqual([]);
  });

  it("finds a different birth date", () => {
    const problems = crossCheckNik(ok(checkNik("3271043103850001", TODAY)), nip);
    expect(problems.map((p) => message("id", p))).toEqual([
      "Tanggal lahir pada NIK (31-03-85) tidak sama dengan tanggal lahir pada NIP/NI PPPK (30-03-85).",
    ]);
  });

  it("finds a different gender", () => {
    expect(crossCheckNik(ok(checkNik("3271047003850001", TODAY)), nip).map((p) => p.code)).toEqual([
      "nik.gender_mismatch",
    ]);
  });

  it("works for a NI PPPK too (woman)", () => {
    const pppk = ok(checkNiPppk("198706252021212001", TODAY));
    expect(crossCheckNik(ok(checkNik("3271046506870004", TODAY)), pppk)).toEqual([]);
    expect(crossCheckNik(ok(checkNik("3271042506870004", TODAY)), pppk).map((p) => p.code)).toEqual([
      "nik.gender_mismatch",
    ]);
  });
});

describe("masking", () => {
  it("keeps the first 8 and last 2 digits of a NIP", () => {
    expect(maskNip("198503302010011002")).toBe("19850330********02");
    expect(maskNip("19850330 201001 1 002")).toBe("19850330********02");
  });

  it("keeps the first 4 and last 2 digits of a NIK", () => {
    expect(maskNik("3271046504900002")).toBe("3271**********02");
  });

  it("masks malformed values almost entirely", () => {
    expect(maskNip("19850330201001100")).toBe("***************00");
    expect(maskNik("12345")).toBe("*****");
    expect(maskNip("")).toBe("");
  });
});
