import { describe, expect, it } from "vitest";
import { calendarFromConfig } from "../../src/domain/calendar.js";
import {
  dueReminders,
  escalationOf,
  escalationStage,
  formatMark,
  groupDigests,
  lastLevelOfficials,
  markAfter,
  markForVisit,
  markFromLog,
  NO_MARK,
  reminderMinutes,
  serviceTotalText,
  type TimedItem,
} from "../../src/domain/reminders.js";
import { sampleOffice } from "./office-fixture.js";

const config = sampleOffice();
const cal = calendarFromConfig(config);
const WIB = 420;
/** Monday 2026-11-23, hh:mm WIB. */
const mon = (h: number, m = 0): number => Date.UTC(2026, 10, 23, h - 7, m);

function item(over: Partial<TimedItem> = {}): TimedItem {
  return {
    id: "SRL-2611-0001",
    stageKey: "kasi",
    stageLabel: "Kepala Seksi PKSI",
    holders: ["kasi@contohkota.go.id"],
    escalateTo: ["kabid@contohkota.go.id"],
    escalateDaily: false,
    targetMinutes: 60,
    visitStartMs: mon(8),
    onHold: false,
    mark: NO_MARK,
    url: "https://example.invalid/#gid=0&range=A2",
    subject: "Dinas Kesehatan",
    ...over,
  };
}

describe("when reminders and escalations are due", () => {
  it("reminds at the percentage of the target, escalates when it passes", () => {
    expect(reminderMinutes(60, 80)).toBe(48);
    expect(reminderMinutes(1, 80)).toBe(1);
    expect(dueReminders([item()], mon(8, 47), cal, 80)).toEqual([]);
    const at48 = dueReminders([item()], mon(8, 48), cal, 80);
    expect(at48.map((e) => [e.kind, e.recipients, e.elapsedMinutes])).toEqual([
      ["pengingat", ["kasi@contohkota.go.id"], 48],
    ]);
    const at60 = dueReminders([item()], mon(9), cal, 80);
    expect(at60.map((e) => e.kind)).toEqual(["pengingat", "eskalasi"]);
    expect(at60[1]!.recipients).toEqual(["kabid@contohkota.go.id"]);
  });

  it("sends nothing already marked, nothing on hold, nothing outside office hours", () => {
    const reminded = item({ mark: { remindedMs: mon(8, 50), escalatedMs: 0 } });
    expect(dueReminders([reminded], mon(8, 55), cal, 80)).toEqual([]);
    expect(dueReminders([reminded], mon(9, 5), cal, 80).map((e) => e.kind)).toEqual(["eskalasi"]);
    expect(dueReminders([item({ onHold: true })], mon(12), cal, 80)).toEqual([]);
    expect(dueReminders([item({ targetMinutes: 0 })], mon(12), cal, 80)).toEqual([]);
    // 17:00 Monday is after closing (16:00): due, but not now.
    expect(dueReminders([item()], mon(17), cal, 80)).toEqual([]);
    // Working minutes only: a visit begun at 15:30 reaches 48 minutes at 07:48 on Tuesday.
    const late = item({ visitStartMs: mon(15, 30) });
    expect(dueReminders([late], Date.UTC(2026, 10, 24, 0, 47), cal, 80)).toEqual([]);
    expect(dueReminders([late], Date.UTC(2026, 10, 24, 0, 48), cal, 80)).toHaveLength(1);
  });

  it("an escalation to the last level waits for its daily digest", () => {
    const e = dueReminders([item({ escalateDaily: true })], mon(9), cal, 80);
    expect(e.find((x) => x.kind === "eskalasi")!.recipients).toEqual([]);
  });
});

describe("digests", () => {
  it("one digest per official, whatever the number of items", () => {
    const events = dueReminders(
      [
        item({ id: "A" }),
        item({ id: "B" }),
        item({ id: "C", holders: ["KABID@contohkota.go.id"], escalateTo: ["kadis@contohkota.go.id"] }),
      ],
      mon(9),
      cal,
      80,
    );
    const digests = groupDigests(events);
    expect(
      digests.map((d) => [d.recipient, d.due.map((e) => e.item.id), d.late.map((e) => e.item.id)]),
    ).toEqual([
      ["kabid@contohkota.go.id", ["C"], ["A", "B"]],
      ["kadis@contohkota.go.id", [], ["C"]],
      ["kasi@contohkota.go.id", ["A", "B"], []],
    ]);
  });
});

describe("the mark of a stage visit", () => {
  it("round-trips through its text and forgets earlier visits", () => {
    const mark = markAfter(NO_MARK, dueReminders([item()], mon(9), cal, 80), mon(9));
    const text = formatMark(mark, WIB);
    expect(text).toBe("pengingat 2026-11-23 09:00; eskalasi 2026-11-23 09:00");
    expect(markForVisit(text, mon(8), WIB)).toEqual(mark);
    expect(markForVisit(text, mon(9, 30), WIB)).toEqual(NO_MARK);
    expect(markForVisit("ditulis tangan", mon(8), WIB)).toEqual(NO_MARK);
  });

  it("is restored from the log entries of the visit", () => {
    const entries = [
      { action: "pengingat", timeMs: mon(7, 50) },
      { action: "teruskan", timeMs: mon(8) },
      { action: "pengingat", timeMs: mon(8, 50) },
    ];
    expect(markFromLog(entries, mon(8))).toEqual({ remindedMs: mon(8, 50), escalatedMs: 0 });
  });
});

describe("escalation levels", () => {
  it("goes to the stage before by default; the first stage is the last level", () => {
    expect(escalationStage(config, "staf")!.key).toBe("kasi");
    expect(escalationStage(config, "kasi")!.key).toBe("kabid");
    expect(escalationStage(config, "kadis")).toBeNull();
    expect(escalationOf(config, "kabid")).toEqual({
      escalateTo: ["kadis@contohkota.go.id"],
      escalateDaily: true,
    });
    expect(escalationOf(config, "kasi")).toEqual({
      escalateTo: ["kabid@contohkota.go.id"],
      escalateDaily: false,
    });
    expect(lastLevelOfficials(config)).toEqual(["kadis@contohkota.go.id"]);
  });

  it("follows the stage's setting: another stage, or nobody", () => {
    const c = sampleOffice();
    c.stages[3]!.escalateTo = "kabid";
    c.stages[2]!.escalateTo = "-";
    expect(escalationStage(c, "staf")!.key).toBe("kabid");
    expect(escalationStage(c, "kasi")).toBeNull();
    expect(escalationOf(c, "kasi")).toEqual({ escalateTo: [], escalateDaily: false });
  });
});

describe("the total against the service standard", () => {
  it("reads as late past the standard", () => {
    expect(serviceTotalText(300, 510, "id")).toEqual({
      text: "5 jam dari standar 8 jam 30 menit",
      late: false,
    });
    expect(serviceTotalText(600, 510, "id")).toEqual({
      text: "TERLAMBAT 1 jam 30 menit: 10 jam dari standar 8 jam 30 menit",
      late: true,
    });
    expect(serviceTotalText(600, 510, "en").text).toBe(
      "LATE by 1 hour 30 minutes: 10 hours of the standard 8 hours 30 minutes",
    );
  });
});
