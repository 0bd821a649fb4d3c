import { describe, expect, it } from "vitest";
import { defaultConfig, lumajangConfig } from "../../src/domain/defaults.js";
import {
  configToTables,
  formatHours,
  normaliseDate,
  parseHours,
  SHEETS,
  tablesToConfig,
} from "../../src/domain/settings.js";
import { t as catalogue } from "../../src/domain/text/index.js";
import { catalogued } from "./catalogued.js";

describe("settings sheets ⇄ configuration", () => {
  it("round-trips the default and a five-stage configuration", () => {
    for (const c of [defaultConfig(), lumajangConfig()]) {
      const back = tablesToConfig(configToTables(c), defaultConfig());
      expect(back.problems).toEqual([]);
      expect(back.config).toEqual(c);
    }
  });

  it("reports every unreadable cell in Indonesian, with sheet and row, and keeps the default", () => {
    const t = configToTables(defaultConfig());
    const set = (key: string, value: string) => (t.settings.find((r) => r[0] === key)![1] = value);
    set("bahasa", "jawa");
    set("penandatangan_nip", "1,97001E+17");
    set("jam_kerja", "Senin pagi");
    t.settings.push(["kunci_asing", "x", ""]);
    t.stages[1]![4] = "bukan-surel";
    t.stages[2]![7] = "0";
    t.holidays.push(["31/02/2026", "Tanggal mustahil", "libur"]);
    const { config, problems } = tablesToConfig(t, defaultConfig());
    const by = (key: string) => problems.find((p) => p.key === key);
    expect(by("bahasa")?.message).toBe(catalogue("id", "settings.language", { value: "jawa" }));
    expect(by("penandatangan_nip")?.message).toMatch(/harus 18 digit angka/);
    expect(by("jam_kerja")?.message).toMatch(catalogued("settings.hours.unreadable"));
    expect(by("kunci_asing")?.message).toBe(catalogue("id", "settings.unknown_key", { key: "kunci_asing" }));
    expect(
      problems.find((p) => p.sheet === SHEETS.stages && /bukan alamat surel/.test(p.message)),
    ).toBeTruthy();
    expect(
      problems.find((p) => p.sheet === SHEETS.stages && /Target waktu "0"/.test(p.message)),
    ).toBeTruthy();
    expect(problems.find((p) => p.sheet === SHEETS.holidays)?.row).toBe(t.holidays.length);
    // Defaults stand in for what could not be read.
    expect(config.language).toBe("id");
    expect(config.letter.signer.nip).toBe(defaultConfig().letter.signer.nip);
    expect(config.time.hours).toEqual(defaultConfig().time.hours);
  });

  it("an empty chain is an error, not an empty workflow", () => {
    const t = configToTables(defaultConfig());
    t.stages = [t.stages[0]!];
    const { config, problems } = tablesToConfig(t, defaultConfig());
    expect(problems.map((p) => p.message)).toContain(
      "Rantai disposisi kosong: isi paling sedikit satu tahap.",
    );
    expect(config.stages.length).toBe(4);
  });
});

describe("working hours text", () => {
  it("reads day ranges and single days, and writes them back the same way", () => {
    const { hours, problems } = parseHours("Sen-Kam 07:30-16:00; Jum 07.30-16.30; Sab 08:00-12:00");
    expect(problems).toEqual([]);
    expect(hours.days[1]).toEqual([450, 960]);
    expect(hours.days[5]).toEqual([450, 990]);
    expect(hours.days[6]).toEqual([480, 720]);
    expect(hours.days[7]).toBeUndefined();
    expect(formatHours(hours)).toBe("Sen-Kam 07:30-16:00; Jum 07:30-16:30; Sab 08:00-12:00");
  });

  it("refuses inverted hours and unknown days", () => {
    expect(parseHours("Sen 16:00-07:30").problems[0]).toMatch(catalogued("settings.hours.order"));
    expect(parseHours("Mon 07:00-15:00").problems[0]).toMatch(catalogued("settings.hours.unreadable"));
    expect(parseHours("").problems[0]).toBe(catalogue("id", "settings.hours.empty"));
  });
});

describe("holiday dates", () => {
  it("accepts ISO and day-first dates and refuses impossible ones", () => {
    expect(normaliseDate("2026-12-25")).toBe("2026-12-25");
    expect(normaliseDate("25/12/2026")).toBe("2026-12-25");
    expect(normaliseDate("1-5-2026")).toBe("2026-05-01");
    expect(normaliseDate("31/02/2026")).toBeNull();
    expect(normaliseDate("besok")).toBeNull();
  });
});
