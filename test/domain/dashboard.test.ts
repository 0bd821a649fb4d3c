import { describe, expect, it } from "vitest";
import { calendarFromConfig } from "../../src/domain/calendar.js";
import {
  computeDashboard,
  dashboardGrid,
  monthAt,
  monthNumbers,
  monthOf,
  parseStageTimes,
  percentile,
  previousMonth,
  type DashRow,
} from "../../src/domain/dashboard.js";
import { composeRecap, isFirstWorkDayOfMonth, monthName } from "../../src/domain/recap.js";
import { sampleOffice } from "./office-fixture.js";

const config = sampleOffice();
const cal = calendarFromConfig(config);
const WIB = 420;
/** hh:mm WIB on a day of 2026. */
const at = (month: number, day: number, h: number, m = 0): number => Date.UTC(2026, month - 1, day, h - 7, m);

function req(over: Partial<DashRow>): DashRow {
  return {
    ticket: "SRL-2612-0001",
    status: "baru",
    opd: "Dinas Kesehatan",
    receivedMs: at(12, 1, 8),
    stoppedMs: null,
    stageKey: "kadis",
    stageEnteredMs: at(12, 1, 8),
    holders: ["kadis@contohkota.go.id"],
    stageTimes: [],
    ...over,
  };
}

describe("percentiles and months", () => {
  it("nearest rank", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it("months in office time, across the year's end", () => {
    // 2026-12-01 00:30 WIB is still November in UTC.
    expect(monthOf(Date.UTC(2026, 10, 30, 17, 30), WIB).key).toBe("2026-12");
    const jan = monthAt(2027, 1, WIB);
    expect(previousMonth(jan, WIB).key).toBe("2026-12");
    expect(monthName("2026-11", "id")).toBe("November 2026");
    expect(monthName("2027-01", "en")).toBe("January 2027");
  });

  it("the first working day of a month skips weekends and holidays", () => {
    // 2026-11-01 is a Sunday: Monday the 2nd is the first working day.
    expect(isFirstWorkDayOfMonth(at(11, 2, 9), WIB, cal)).toBe(true);
    expect(isFirstWorkDayOfMonth(at(11, 3, 9), WIB, cal)).toBe(false);
    expect(isFirstWorkDayOfMonth(at(12, 1, 9), WIB, cal)).toBe(true); // a Tuesday
  });
});

describe("the numbers", () => {
  it("reads Waktu per Tahap in both languages", () => {
    expect(
      parseStageTimes(
        "Kepala Dinas: 1 jam 5 menit (terlambat); Kepala Bidang e-Government: 45 menit; ???",
        config,
      ),
    ).toEqual([
      { stageKey: "kadis", minutes: 65 },
      { stageKey: "kabid", minutes: 45 },
    ]);
    expect(parseStageTimes("Kepala Seksi PKSI: 2 hours 1 minute (late)", config)).toEqual([
      { stageKey: "kasi", minutes: 121 },
    ]);
  });

  it("per status and OPD, per stage against its target, the whole service against the standard", () => {
    const rows: DashRow[] = [
      req({
        ticket: "A",
        status: "selesai",
        stoppedMs: at(12, 1, 12),
        stageKey: "",
        stageTimes: [
          { stageKey: "kadis", minutes: 30 },
          { stageKey: "kabid", minutes: 90 },
        ],
      }),
      req({
        ticket: "B",
        status: "selesai",
        receivedMs: at(12, 1, 9),
        stoppedMs: at(12, 3, 9),
        stageKey: "",
        stageTimes: [{ stageKey: "kadis", minutes: 50 }],
      }),
      req({ ticket: "C", status: "ditolak", opd: "Bappeda", stoppedMs: at(12, 1, 9) }),
      req({ ticket: "D", receivedMs: at(11, 20, 9), opd: "Luar Daftar" }),
    ];
    const m = monthNumbers(rows, monthOf(at(12, 10, 9), WIB), config, cal);
    expect(m.received).toBe(3);
    expect(m.byStatus.selesai).toBe(2);
    expect(m.byStatus.ditolak).toBe(1);
    expect(m.byOpd.get("Dinas Kesehatan")).toBe(2);
    const kadis = m.stages.find((s) => s.key === "kadis")!;
    expect(kadis).toMatchObject({ target: 60, median: 30, p90: 50, within: 100, count: 2 });
    expect(m.stages.find((s) => s.key === "kabid")).toMatchObject({ median: 90, within: 0, count: 1 });
    // A: 4 hours; B: Tue 09:00 → Thu 09:00 = two working days (1,020 min) > 510.
    expect(m.total).toMatchObject({ target: 510, median: 240, p90: 1020, within: 50, count: 2 });
    expect(m.finishedWithin).toBe(50);
    expect(m.lateStages).toEqual([
      {
        ticket: "A",
        stageKey: "kabid",
        label: "Kepala Bidang e-Government",
        holder: "Kepala Bidang e-Government",
        minutes: 90,
        target: 60,
      },
    ]);
    const before = monthNumbers(rows, previousMonth(m.month, WIB), config, cal);
    expect(before.received).toBe(1);
  });

  it("backlog by age and late requests by holder; a held request is not late", () => {
    const now = at(12, 3, 10);
    const d = computeDashboard(
      [
        req({ ticket: "OLD", receivedMs: at(11, 23, 8), stageEnteredMs: at(12, 3, 9, 30) }),
        req({
          ticket: "LATE",
          receivedMs: at(12, 2, 14),
          stageEnteredMs: at(12, 3, 8),
          holders: ["kasi@contohkota.go.id"],
          stageKey: "kasi",
        }),
        req({ ticket: "HELD", status: "ditahan", receivedMs: at(12, 3, 7), stageEnteredMs: at(12, 3, 7) }),
        req({ ticket: "DONE", status: "selesai", stoppedMs: at(12, 2, 9) }),
      ],
      config,
      now,
      cal,
      WIB,
    );
    expect(d.open.map((o) => o.ticket)).toEqual(["OLD", "LATE", "HELD"]);
    expect(d.backlog).toEqual([2, 0, 1]);
    expect(d.lateByHolder).toEqual([{ holder: "kasi@contohkota.go.id", count: 1 }]);
  });
});

describe("the sheet and the recap", () => {
  const d = computeDashboard(
    [
      req({
        ticket: "SRL-2612-0009",
        status: "selesai",
        stoppedMs: at(12, 1, 9),
        stageTimes: [{ stageKey: "kadis", minutes: 70 }],
      }),
    ],
    config,
    at(12, 2, 10),
    cal,
    WIB,
  );

  it("one rectangular block; the charts' blocks hold the status and stage tables", () => {
    const g = dashboardGrid(d, config, "2026-12-02 10:00", "id");
    expect(new Set(g.values.map((r) => r.length))).toEqual(new Set([g.width]));
    const s = g.charts.status;
    expect(g.values[s.row - 1]!.slice(0, 3)).toEqual([
      "Status",
      "Bulan ini (2026-12)",
      "Bulan lalu (2026-11)",
    ]);
    expect(g.values[s.row]![0]).toBe("baru");
    expect(s.rows).toBe(10);
    const st = g.charts.stages;
    expect(g.values[st.row - 1]!.slice(0, 4)).toEqual(["Tahap", "Target", "Median", "Persentil 90"]);
    expect(g.values[st.row]!.slice(0, 4)).toEqual(["Kepala Dinas", 60, 70, 70]);
    expect(st.rows).toBe(config.stages.length + 1);
  });

  it("the recap compares two months and names the late stage and its holder, without personal data", () => {
    const rows = [
      req({
        ticket: "SRL-2611-0001",
        receivedMs: at(11, 10, 9),
        status: "selesai",
        stoppedMs: at(11, 10, 11),
        stageTimes: [{ stageKey: "kabid", minutes: 95 }],
      }),
      req({ ticket: "SRL-2610-0001", receivedMs: at(10, 10, 9) }),
    ];
    const nov = monthNumbers(rows, monthAt(2026, 11, WIB), config, cal);
    const oct = monthNumbers(rows, monthAt(2026, 10, WIB), config, cal);
    const mail = composeRecap(nov, oct, config, "id");
    expect(mail.subject).toBe("Rekap bulanan layanan surel dinas November 2026");
    expect(mail.body).toContain("Permohonan diterima: 1 (1)");
    expect(mail.body).toContain("Selesai: 1 (0)");
    expect(mail.body).toContain(
      "SRL-2611-0001: tahap Kepala Bidang e-Government (Kepala Bidang e-Government) 1 jam 35 menit, target 1 jam",
    );
    expect(mail.body).not.toMatch(/kadis@|kabid@/);
  });
});
