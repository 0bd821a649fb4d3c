import { describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../src/domain/config.js";
import {
  DEFAULT_RESERVED,
  defaultConfig,
  isEmail,
  lumajangConfig,
  pematangsiantarConfig,
  pontianakConfig,
  validateConfig,
  type Problem,
} from "../../src/domain/defaults.js";
import { HOLIDAYS } from "../../src/generated/holidays.js";
import { formatLetterNumber } from "../../src/domain/letters.js";

const errors = (c: OfficeConfig): Problem[] => validateConfig(c).filter((p) => p.level === "error");
const warnings = (c: OfficeConfig): Problem[] => validateConfig(c).filter((p) => p.level === "warning");
function withChange(change: (c: OfficeConfig) => void): OfficeConfig {
  const c = defaultConfig();
  change(c);
  return c;
}
const fields = (ps: Problem[]): string[] => ps.map((p) => p.field);

describe("the presets", () => {
  it("all validate without errors or warnings", () => {
    for (const make of [defaultConfig, pematangsiantarConfig, pontianakConfig, lumajangConfig]) {
      expect(validateConfig(make())).toEqual([]);
    }
  });

  it("the default reproduces the seed procedures", () => {
    const c = defaultConfig();
    expect(c.stages.map((s) => s.label)).toEqual([
      "Kepala Dinas",
      "Kepala Bidang e-Government",
      "Kepala Seksi PKSI",
      "Staf Teknis",
    ]);
    expect(c.stages.at(-1)!.actions).toContain("buat_akun");
    expect(
      c.stages.slice(0, -1).every((s) => s.actions.includes("teruskan") && !s.actions.includes("buat_akun")),
    ).toBe(true);
    expect(c.stages.at(-1)!.targetMinutes).toBe(10 + 10 + 5);
    expect(c.time.serviceMinutes).toBe(510);
    expect(c.stages.reduce((s, x) => s + x.targetMinutes, 0)).toBeLessThanOrEqual(c.time.serviceMinutes);
    expect(c.time.hours.days).toEqual({
      1: [450, 960],
      2: [450, 960],
      3: [450, 960],
      4: [450, 960],
      5: [450, 990],
    });
    expect(c.domain).toBe("contohkota.go.id");
    expect(c.office.government).toBe("Pemerintah Kota Contoh");
    expect(c.letter.numberPattern).toBe("{kode}/{nomor}/{unit}/{bulan}/{tahun}");
    expect(c.letter.classification).toBe("500.12.6");
    for (const r of DEFAULT_RESERVED) expect(c.naming.reserved).toContain(r);
    for (const code of ["diskominfo", "bappeda", "bkpsdm", "disdik", "dinkes", "satpolpp"]) {
      expect(c.naming.reserved).toContain(code);
    }
    expect(c.opds.map((o) => o.name)).toContain("Satuan Polisi Pamong Praja");
    expect(c.time.holidays).toHaveLength(HOLIDAYS.length);
    expect(c.time.holidays).toContainEqual({
      date: "2026-12-24",
      name: "Cuti bersama Kelahiran Yesus Kristus",
      kind: "cuti",
    });
  });

  it("each call returns a fresh copy", () => {
    const a = defaultConfig();
    a.stages[0]!.officials.push("x@y.id");
    a.time.holidays.pop();
    a.time.hours.days[6] = [450, 720];
    const b = defaultConfig();
    expect(b.stages[0]!.officials).toHaveLength(1);
    expect(b.time.holidays).toHaveLength(HOLIDAYS.length);
    expect(b.time.hours.days[6]).toBeUndefined();
  });

  it("Pematangsiantar has three stages, Pontianak four in its own zone, Lumajang five", () => {
    const p = pematangsiantarConfig();
    expect(p.stages.map((s) => s.key)).toEqual(["kadis", "kabid", "teknis"]);
    expect(p.stages[1]!.label).toBe("Kepala Bidang Penyelenggaraan e-Government");
    expect(
      formatLetterNumber(p.letter.numberPattern, {
        kode: p.letter.classification,
        nomor: 18,
        unit: "1226",
        dateMs: Date.parse("2014-08-05T09:00:00+07:00"),
        utcOffsetMinutes: 420,
        serialPadding: p.letter.serialPadding,
      }),
    ).toBe("018/500.12.6.1/1226/VIII-2014");
    const k = pontianakConfig();
    expect(k.stages).toHaveLength(4);
    expect(k.timeZone).toBe("Asia/Pontianak");
    expect(k.domain).toBe("ptk.pontianakkota.go.id");
    expect(k.stages.every((s) => s.officials.every((e) => e.endsWith("@ptk.pontianakkota.go.id")))).toBe(
      true,
    );
    expect(lumajangConfig().stages).toHaveLength(5);
  });
});

describe("validateConfig", () => {
  it("an empty chain", () => {
    const ps = errors(withChange((c) => (c.stages = [])));
    expect(fields(ps)).toContain("stages");
    expect(ps.find((p) => p.field === "stages")!.message).toMatch(/Alur disposisi kosong/);
  });

  it("a stage without officials", () => {
    const ps = errors(withChange((c) => (c.stages[1]!.officials = [])));
    expect(ps).toContainEqual({
      level: "error",
      field: "stages[1].officials",
      message: "Tahap Kepala Bidang e-Government belum memiliki pejabat.",
    });
  });

  it("a non-email official, delegate, admin, group or office address", () => {
    const ps = errors(
      withChange((c) => {
        c.stages[0]!.officials = ["kadis"];
        c.stages[0]!.delegates = ["sekdis@"];
        c.admins = ["admin surel@contohkota.go.id"];
        c.opds[0]!.group = "grup";
        c.office.email = "kantor";
      }),
    );
    expect(fields(ps)).toEqual(
      expect.arrayContaining([
        "stages[0].officials[0]",
        "stages[0].delegates[0]",
        "admins[0]",
        "opds[0].group",
        "office.email",
      ]),
    );
  });

  it("duplicate and malformed stage keys", () => {
    const ps = errors(
      withChange((c) => {
        c.stages[2]!.key = "kabid";
        c.stages[3]!.key = "Staf Teknis";
      }),
    );
    expect(ps.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'Kode tahap "kabid" dipakai lebih dari sekali.',
        expect.stringMatching(/Kode tahap "Staf Teknis" hanya boleh huruf kecil/),
      ]),
    );
  });

  it("the last stage must create accounts, and only the last", () => {
    const last = errors(
      withChange((c) => (c.stages[3]!.actions = c.stages[3]!.actions.filter((a) => a !== "buat_akun"))),
    );
    expect(
      last.some((p) => p.field === "stages[3].actions" && /harus dapat membuat akun/.test(p.message)),
    ).toBe(true);
    const middle = errors(withChange((c) => c.stages[1]!.actions.push("buat_akun")));
    expect(
      middle.some((p) => p.field === "stages[1].actions" && /hanya dibuat di tahap terakhir/.test(p.message)),
    ).toBe(true);
    const forward = errors(withChange((c) => c.stages[3]!.actions.push("teruskan")));
    expect(forward.some((p) => /tidak dapat meneruskan/.test(p.message))).toBe(true);
    const stuck = errors(withChange((c) => (c.stages[0]!.actions = ["kembalikan", "tolak"])));
    expect(stuck.some((p) => /harus dapat meneruskan/.test(p.message))).toBe(true);
  });

  it("unknown actions, including system steps put in a dropdown", () => {
    const ps = errors(withChange((c) => c.stages[0]!.actions.push("akun_dibuat" as never, "hapus" as never)));
    expect(ps.filter((p) => /tidak dikenal/.test(p.message))).toHaveLength(2);
  });

  it("targets must be positive", () => {
    for (const t of [0, -5, Number.NaN]) {
      const ps = errors(withChange((c) => (c.stages[2]!.targetMinutes = t)));
      expect(fields(ps)).toContain("stages[2].targetMinutes");
    }
    expect(fields(errors(withChange((c) => (c.time.serviceMinutes = 0))))).toContain("time.serviceMinutes");
  });

  it("stage targets above the service standard are a warning", () => {
    const c = withChange((x) => (x.stages[0]!.targetMinutes = 600));
    expect(errors(c)).toEqual([]);
    expect(warnings(c).map((p) => p.field)).toEqual(["stages"]);
  });

  it("inverted working hours and a week without work days", () => {
    const inverted = errors(withChange((c) => (c.time.hours.days[5] = [990, 450])));
    expect(inverted).toContainEqual({
      level: "error",
      field: "time.hours.days.5",
      message: "Jam kerja hari Jumat terbalik: selesai 07.30 tidak sesudah mulai 16.30.",
    });
    expect(fields(errors(withChange((c) => (c.time.hours.days = {}))))).toContain("time.hours");
    expect(fields(errors(withChange((c) => (c.time.hours.days[1] = [450, 1500]))))).toContain(
      "time.hours.days.1",
    );
  });

  it("unknown letter pattern placeholders and a pattern without a serial", () => {
    const ps = errors(withChange((c) => (c.letter.numberPattern = "{kode}/{no}/{tahun}")));
    expect(ps.filter((p) => p.field === "letter.numberPattern").map((p) => p.message)).toEqual([
      expect.stringContaining("{no}"),
      "Pola nomor surat harus memuat {nomor}.",
    ]);
  });

  it("a domain outside .go.id is only a warning; an invalid domain is an error", () => {
    const c = withChange((x) => (x.domain = "contoh.example.com"));
    expect(errors(c)).toEqual([]);
    expect(warnings(c)).toEqual([
      expect.objectContaining({ field: "domain", message: expect.stringContaining(".go.id") }),
    ]);
    expect(fields(errors(withChange((x) => (x.domain = "bukan domain"))))).toEqual(["domain"]);
    expect(fields(errors(withChange((x) => (x.domain = ""))))).toEqual(["domain"]);
  });

  it("an unknown time zone, bad holiday rows, bad OPD rows, bad naming values", () => {
    const ps = errors(
      withChange((c) => {
        c.timeZone = "Asia/Bangkok";
        c.time.holidays.push(
          { date: "2026-02-30", name: "x", kind: "libur" },
          { date: "26-1-1", name: "y", kind: "cuti" },
        );
        c.opds.push(
          { ...c.opds[0]! },
          { code: "X", name: "X", orgUnitPath: "OPD/X", group: "", ccEmail: "" },
        );
        c.naming.pattern = "last.first" as never;
        c.naming.reserved.push("bad name");
      }),
    );
    expect(fields(ps)).toEqual(
      expect.arrayContaining([
        "timeZone",
        `time.holidays[${HOLIDAYS.length}].date`,
        `time.holidays[${HOLIDAYS.length + 1}].date`,
        `opds[${defaultConfig().opds.length}].code`,
        `opds[${defaultConfig().opds.length + 1}].orgUnitPath`,
        "naming.pattern",
        `naming.reserved[${defaultConfig().naming.reserved.length}]`,
      ]),
    );
  });

  it("privacy settings and reminder share", () => {
    const ps = errors(
      withChange((c) => {
        c.privacy.retentionDays = 0;
        c.privacy.unusedCredentialDays = 1.5;
        c.time.reminderAtPercent = 120;
      }),
    );
    expect(fields(ps)).toEqual([
      "time.reminderAtPercent",
      "privacy.retentionDays",
      "privacy.unusedCredentialDays",
    ]);
  });

  it("missing complaint channel and admins are warnings; errors come before warnings", () => {
    const c = withChange((x) => {
      x.complaints = "";
      x.admins = [];
      x.stages[0]!.officials = [];
    });
    const all = validateConfig(c);
    expect(all.map((p) => p.level)).toEqual(["error", "warning", "warning"]);
    expect(all.slice(1).map((p) => p.field)).toEqual(["admins", "complaints"]);
  });

  it("messages are Indonesian sentences", () => {
    const all = validateConfig(withChange((c) => (c.stages = [])));
    for (const p of all) expect(p.message).toMatch(/^[A-Z].*[.)]$/);
  });
});

describe("isEmail", () => {
  it("accepts ordinary addresses and refuses the rest", () => {
    expect(isEmail("kadis@contohkota.go.id")).toBe(true);
    expect(isEmail("o'neil.x@sub.contohkota.go.id")).toBe(true);
    for (const bad of ["", "kadis", "kadis@", "@x.id", "a b@x.id", "a@x", "a@-x.id"])
      expect(isEmail(bad)).toBe(false);
  });
});
