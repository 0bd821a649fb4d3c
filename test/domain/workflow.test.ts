import { describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../src/domain/config.js";
import {
  defaultConfig,
  lumajangConfig,
  pematangsiantarConfig,
  pontianakConfig,
} from "../../src/domain/defaults.js";
import {
  ACTION_KEYS,
  ACTION_LABELS,
  CLOSED_STATUSES,
  RULES,
  STATUSES,
  SYSTEM_ACTOR,
  allowedActions,
  decide,
  parseAction,
  stagePositions,
  stepDeadlines,
  type Decision,
  type DecideInput,
  type RequestState,
  type Status,
  type WorkflowAction,
} from "../../src/domain/workflow.js";
import { t } from "../../src/domain/text/index.js";

const at = (local: string): number => Date.parse(`${local}:00+07:00`);
const MON_0800 = at("2026-11-23T08:00");

function attempt(
  config: OfficeConfig,
  state: Partial<RequestState>,
  actor: string,
  action: WorkflowAction,
  note = "",
  nowMs = MON_0800 + 30 * 60_000,
): Decision {
  const input: DecideInput = {
    state: {
      ticket: "SRL-2026-00001",
      status: "baru",
      stageKey: config.stages[0]!.key,
      stageEnteredMs: MON_0800,
      ...state,
    },
    actor,
    action,
    note,
    config,
    nowMs,
  };
  return decide(input);
}

function ok(d: Decision): Extract<Decision, { ok: true }> {
  if (!d.ok) throw new Error(`expected ok, got ${d.code}: ${d.reason}`);
  return d;
}
function refusal(d: Decision): { code: string; reason: string } {
  if (d.ok) throw new Error(`expected a refusal, got ${d.next.status}`);
  return d;
}

/** Runs a request through the whole chain by each stage's first official; returns the statuses seen. */
function runChain(config: OfficeConfig): {
  statuses: Status[];
  decisions: Extract<Decision, { ok: true }>[];
} {
  let state: RequestState = {
    ticket: "T",
    status: "baru",
    stageKey: "",
    stageEnteredMs: MON_0800,
  };
  let now = MON_0800;
  const statuses: Status[] = [state.status];
  const decisions: Extract<Decision, { ok: true }>[] = [];
  const step = (actor: string, action: WorkflowAction): void => {
    now += 10 * 60_000;
    const d = ok(decide({ state, actor, action, note: "", config, nowMs: now }));
    decisions.push(d);
    state = { ...state, ...d.next };
    statuses.push(d.next.status);
  };
  step(SYSTEM_ACTOR, "mulai");
  config.stages.slice(0, -1).forEach((s) => step(s.officials[0]!, "teruskan"));
  step(config.stages.at(-1)!.officials[0]!, "buat_akun");
  step(SYSTEM_ACTOR, "akun_dibuat");
  step(SYSTEM_ACTOR, "selesaikan");
  return { statuses, decisions };
}

describe("the table", () => {
  it("covers every action, leads only to known statuses, and terminal actions close", () => {
    for (const [action, rule] of Object.entries(RULES)) {
      for (const [from, to] of Object.entries(rule.transitions)) {
        expect(STATUSES).toContain(from);
        expect(STATUSES).toContain(to);
        expect(CLOSED_STATUSES).not.toContain(from);
        if (rule.terminal) expect(CLOSED_STATUSES).toContain(to);
        else expect(CLOSED_STATUSES).not.toContain(to);
      }
      expect(rule.at.length, action).toBeGreaterThan(0);
    }
    for (const a of ACTION_KEYS) expect(RULES[a].who).not.toContain("system");
    expect(ACTION_KEYS.filter((a) => RULES[a].reasonRequired).sort()).toEqual([
      "ambil_alih",
      "kembalikan",
      "tahan",
      "tolak",
    ]);
  });

  it("dropdown labels parse back to their action", () => {
    for (const a of ACTION_KEYS) {
      expect(parseAction(ACTION_LABELS[a])).toBe(a);
      expect(parseAction(`  ${ACTION_LABELS[a].toUpperCase()} `)).toBe(a);
      expect(parseAction(a)).toBe(a);
    }
    expect(parseAction("ambil alih")).toBe("ambil_alih");
    expect(parseAction("hapus")).toBeUndefined();
  });
});

describe("decide: the whole chain", () => {
  for (const [name, make, length] of [
    ["3 stages (Pematangsiantar)", pematangsiantarConfig, 3],
    ["4 stages (default)", defaultConfig, 4],
    ["4 stages (Pontianak)", pontianakConfig, 4],
    ["5 stages (Lumajang)", lumajangConfig, 5],
  ] as const) {
    it(`runs through ${name}`, () => {
      const config = make();
      expect(config.stages).toHaveLength(length);
      const { statuses, decisions } = runChain(config);
      expect(statuses).toEqual([
        "baru",
        "baru",
        ...Array<Status>(length - 1).fill("diproses"),
        "membuat akun",
        "akun dibuat",
        "selesai",
      ]);
      // Entering the chain hands the request to the first stage.
      expect(decisions[0]!.next).toMatchObject({
        stageKey: config.stages[0]!.key,
        responsible: config.stages[0]!.officials,
      });
      expect(decisions[0]!.notify[0]).toMatchObject({
        audience: "stage",
        emails: config.stages[0]!.officials,
      });
      // Every forward step hands the request to the next stage's officials and tells them.
      config.stages.slice(1).forEach((s, i) => {
        const d = decisions[i + 1]!;
        expect(d.next.stageKey).toBe(s.key);
        expect(d.next.responsible).toEqual(s.officials);
        expect(d.notify).toEqual([expect.objectContaining({ audience: "stage", emails: s.officials })]);
        expect(d.logEntry.from).toBe(`${i === 0 ? "baru" : "diproses"}/${config.stages[i]!.key}`);
        expect(d.logEntry.to).toBe(`diproses/${s.key}`);
      });
      const last = decisions.at(-1)!;
      expect(last.terminal).toBe(true);
      expect(last.next).toMatchObject({ status: "selesai", stageKey: "", responsible: [] });
    });
  }
});

describe("decide: refusals", () => {
  const config = defaultConfig();
  const [kadis, kabid, kasi, staf] = config.stages;

  it("wrong person", () => {
    const r = refusal(attempt(config, {}, "orang.lain@contohkota.go.id", "teruskan"));
    expect(r.code).toBe("not_authorized");
    expect(r.reason).toBe(t("id", "workflow.not_authorized", { actor: "orang.lain@contohkota.go.id" }));
  });

  it("wrong stage: an official of another stage", () => {
    const r = refusal(attempt(config, {}, kabid!.officials[0]!, "teruskan"));
    expect(r.code).toBe("wrong_stage");
    expect(r.reason).toContain("Kepala Dinas");
    expect(r.reason).toContain("Kepala Bidang e-Government");
  });

  it("skipped stage: an action the stage does not offer", () => {
    const r = refusal(attempt(config, {}, kadis!.officials[0]!, "buat_akun"));
    expect(r.code).toBe("action_not_at_stage");
    expect(r.reason).toContain("Teruskan (disposisi)");
  });

  it("no next stage after the last, and no account creation before the last (misconfigured stages)", () => {
    const broken = defaultConfig();
    broken.stages[3]!.actions.push("teruskan");
    broken.stages[1]!.actions.push("buat_akun");
    expect(
      refusal(attempt(broken, { stageKey: "staf", status: "diproses" }, staf!.officials[0]!, "teruskan"))
        .code,
    ).toBe("position_not_allowed");
    expect(
      refusal(attempt(broken, { stageKey: "kabid", status: "diproses" }, kabid!.officials[0]!, "buat_akun"))
        .code,
    ).toBe("position_not_allowed");
  });

  it("a reason is required to return, reject, hold or take over", () => {
    for (const action of ["kembalikan", "tolak", "tahan"] as const) {
      expect(refusal(attempt(config, {}, kadis!.officials[0]!, action, "   ")).code).toBe("reason_required");
      expect(
        attempt(config, {}, kadis!.officials[0]!, action, "Surat pengantar OPD belum dilampirkan").ok,
      ).toBe(true);
    }
    expect(refusal(attempt(config, {}, kadis!.delegates[0]!, "ambil_alih")).code).toBe("reason_required");
  });

  it("nothing happens to a closed request", () => {
    for (const status of ["selesai", "ditolak"] as const) {
      const r = refusal(attempt(config, { status, stageKey: "" }, config.admins[0]!, "lanjutkan"));
      expect(r.code).toBe("closed");
    }
  });

  it("an action that does not fit the status", () => {
    expect(refusal(attempt(config, { status: "ditahan" }, kadis!.officials[0]!, "teruskan")).code).toBe(
      "status_not_allowed",
    );
    expect(refusal(attempt(config, { status: "diproses" }, kadis!.officials[0]!, "lanjutkan")).code).toBe(
      "status_not_allowed",
    );
    expect(
      refusal(
        attempt(config, { status: "membuat akun", stageKey: "staf" }, staf!.officials[0]!, "kembalikan"),
      ).code,
    ).toBe("status_not_allowed");
  });

  it("system steps are the system's, official actions are people's", () => {
    expect(
      refusal(
        attempt(config, { status: "membuat akun", stageKey: "staf" }, staf!.officials[0]!, "akun_dibuat"),
      ).code,
    ).toBe("system_only");
    expect(refusal(attempt(config, {}, SYSTEM_ACTOR, "teruskan")).code).toBe("not_authorized");
  });

  it("unknown action and a stage that left the configuration", () => {
    expect(refusal(attempt(config, {}, kadis!.officials[0]!, "hapus" as WorkflowAction)).code).toBe(
      "unknown_action",
    );
    expect(refusal(attempt(config, { stageKey: "sekdis" }, kadis!.officials[0]!, "teruskan")).code).toBe(
      "unknown_stage",
    );
  });

  it("a request waiting for the applicant's correction is at no stage", () => {
    const r = refusal(
      attempt(config, { status: "perlu perbaikan", stageKey: "" }, kadis!.officials[0]!, "teruskan"),
    );
    expect(r.code).toBe("no_stage");
    expect(r.reason).toContain("menunggu perbaikan");
  });

  it("kasi cannot act on a request still at the Kadis", () => {
    expect(refusal(attempt(config, {}, kasi!.officials[0]!, "tolak", "x")).code).toBe("wrong_stage");
  });
});

describe("decide: returns, holds, take-overs, approvals", () => {
  const config = defaultConfig();
  const [kadis, kabid, , staf] = config.stages;

  it("a returned request goes to the applicant with the reason and re-enters at the first stage", () => {
    const back = ok(
      attempt(
        config,
        { status: "diproses", stageKey: "kabid" },
        kabid!.officials[0]!,
        "kembalikan",
        "NIP salah",
      ),
    );
    expect(back.next).toMatchObject({ status: "perlu perbaikan", stageKey: "", responsible: [] });
    expect(back.notify).toEqual([
      expect.objectContaining({ audience: "applicant", reason: "NIP salah", emails: [] }),
    ]);
    expect(back.terminal).toBe(false);
    const later = MON_0800 + 3 * 86_400_000;
    const again = ok(attempt(config, { ...back.next }, SYSTEM_ACTOR, "perbaikan_diterima", "", later));
    expect(again.next).toEqual({
      status: "baru",
      stageKey: "kadis",
      responsible: kadis!.officials,
      stageEnteredMs: later,
    });
    expect(again.notify[0]).toMatchObject({ audience: "stage", emails: kadis!.officials });
    expect(again.logEntry).toMatchObject({ from: "perlu perbaikan", to: "baru/kadis", actor: SYSTEM_ACTOR });
  });

  it("reject closes the request and tells the applicant", () => {
    const d = ok(
      attempt(config, { status: "ditahan" }, kadis!.officials[0]!, "tolak", "Bukan pegawai Pemkot"),
    );
    expect(d.next.status).toBe("ditolak");
    expect(d.terminal).toBe(true);
    expect(d.notify).toEqual([
      expect.objectContaining({ audience: "applicant", reason: "Bukan pegawai Pemkot" }),
    ]);
  });

  it("hold keeps the stage; resume restores the status held before when known", () => {
    const held = ok(
      attempt(
        config,
        { status: "disetujui", stageKey: "kasi" },
        config.stages[2]!.officials[0]!,
        "tahan",
        "Menunggu surat OPD",
      ),
    );
    expect(held.next).toMatchObject({ status: "ditahan", stageKey: "kasi", stageEnteredMs: MON_0800 });
    const resumed = ok(
      attempt(
        config,
        { status: "ditahan", stageKey: "kasi", heldFrom: "disetujui" },
        config.stages[2]!.officials[0]!,
        "lanjutkan",
      ),
    );
    expect(resumed.next.status).toBe("disetujui");
    const plain = ok(
      attempt(config, { status: "ditahan", stageKey: "kasi" }, config.stages[2]!.officials[0]!, "lanjutkan"),
    );
    expect(plain.next.status).toBe("diproses");
  });

  it("approval is kept by later dispositions", () => {
    const approved = ok(
      attempt(config, { status: "diproses", stageKey: "kabid" }, kabid!.officials[0]!, "setujui"),
    );
    expect(approved.next).toMatchObject({ status: "disetujui", stageKey: "kasi" });
    const forwarded = ok(
      attempt(config, { status: "disetujui", stageKey: "kasi" }, config.stages[2]!.officials[0]!, "teruskan"),
    );
    expect(forwarded.next).toMatchObject({ status: "disetujui", stageKey: "staf" });
  });

  it("a delegate (Plh.) acts and takes over; the official cannot take over; an admin can anywhere", () => {
    const sekdis = kadis!.delegates[0]!;
    expect(ok(attempt(config, {}, sekdis, "teruskan")).actedAs).toBe("delegates");
    const taken = ok(attempt(config, {}, sekdis, "ambil_alih", "Kadis dinas luar"));
    expect(taken.next).toMatchObject({ status: "baru", stageKey: "kadis", responsible: [sekdis] });
    expect(taken.notify[0]).toMatchObject({ audience: "stage", emails: kadis!.officials });
    expect(refusal(attempt(config, {}, kadis!.officials[0]!, "ambil_alih", "x")).code).toBe("not_authorized");
    const admin = config.admins[0]!;
    const byAdmin = ok(
      attempt(config, { status: "diproses", stageKey: "staf" }, admin, "ambil_alih", "Staf cuti"),
    );
    expect(byAdmin.next.responsible).toEqual([admin]);
    expect(ok(attempt(config, { status: "diproses", stageKey: "staf" }, admin, "buat_akun")).actedAs).toBe(
      "admins",
    );
  });

  it("e-mail addresses compare case-insensitively and are logged in lower case", () => {
    const d = ok(attempt(config, {}, "  KADIS@ContohKota.go.id ", "teruskan"));
    expect(d.logEntry.actor).toBe("kadis@contohkota.go.id");
  });

  it("a failed creation goes back to the technical stage, tells it and the admins, and can be retried", () => {
    const failed = ok(
      attempt(
        config,
        { status: "membuat akun", stageKey: "staf" },
        SYSTEM_ACTOR,
        "gagal_buat_akun",
        "403 Not Authorized",
      ),
    );
    expect(failed.next).toMatchObject({ status: "disetujui", stageKey: "staf" });
    expect(failed.notify.map((n) => n.audience)).toEqual(["stage", "admins"]);
    expect(failed.notify[1]!.emails).toEqual(config.admins);
    expect(attempt(config, { ...failed.next }, staf!.officials[0]!, "buat_akun").ok).toBe(true);
  });
});

describe("decide: requests at no stage", () => {
  const config = defaultConfig();
  const kadis = config.stages[0]!;

  it("mulai only enters the chain once", () => {
    const d = ok(attempt(config, { stageKey: "" }, SYSTEM_ACTOR, "mulai", "", MON_0800 + 5));
    expect(d.next).toEqual({
      status: "baru",
      stageKey: "kadis",
      responsible: kadis.officials,
      stageEnteredMs: MON_0800 + 5,
    });
    expect(d.logEntry).toMatchObject({ from: "baru", to: "baru/kadis", action: "mulai" });
    expect(refusal(attempt(config, { stageKey: "kabid" }, SYSTEM_ACTOR, "mulai")).code).toBe(
      "status_not_allowed",
    );
    expect(
      refusal(attempt(config, { status: "diproses", stageKey: "kabid" }, SYSTEM_ACTOR, "perbaikan_diterima"))
        .code,
    ).toBe("status_not_allowed");
  });

  it("officials cannot act on a request before the chain", () => {
    expect(refusal(attempt(config, { stageKey: "" }, kadis.officials[0]!, "teruskan")).code).toBe("no_stage");
  });

  it("only an administrator can reject a request waiting for the applicant's correction", () => {
    const waiting = { status: "perlu perbaikan" as const, stageKey: "" };
    expect(refusal(attempt(config, waiting, kadis.officials[0]!, "tolak", "tidak ada perbaikan")).code).toBe(
      "no_stage",
    );
    expect(refusal(attempt(config, waiting, config.admins[0]!, "tolak")).code).toBe("reason_required");
    expect(refusal(attempt(config, waiting, config.admins[0]!, "teruskan")).code).toBe("no_stage");
    const d = ok(attempt(config, waiting, config.admins[0]!, "tolak", "Tidak diperbaiki dalam 14 hari"));
    expect(d.next).toMatchObject({ status: "ditolak", stageKey: "" });
    expect(d.terminal).toBe(true);
    expect(allowedActions(config, "", "perlu perbaikan")).toEqual(["tolak"]);
    expect(allowedActions(config, "", "perlu perbaikan", config.admins[0]!)).toEqual(["tolak"]);
    expect(allowedActions(config, "", "perlu perbaikan", kadis.officials[0]!)).toEqual([]);
  });
});

describe("decide: working time of the step", () => {
  const config = defaultConfig();
  it("counts working minutes at the stage and flags a late step", () => {
    const onTime = ok(
      attempt(config, {}, config.stages[0]!.officials[0]!, "teruskan", "", at("2026-11-23T09:30")),
    );
    expect(onTime).toMatchObject({ stepMinutes: 90, targetMinutes: 120, late: false });
    // Entered Friday 16:00, acted Monday 09:30: 30 + 120 working minutes.
    const late = ok(
      attempt(
        config,
        { stageEnteredMs: at("2026-11-20T16:00") },
        config.stages[0]!.officials[0]!,
        "teruskan",
        "",
        at("2026-11-23T09:30"),
      ),
    );
    expect(late).toMatchObject({ stepMinutes: 150, late: true });
    expect(late.next.stageEnteredMs).toBe(at("2026-11-23T09:30"));
  });

  it("deadlines of the current step and its reminder", () => {
    const d = stepDeadlines(config, { stageKey: "staf", stageEnteredMs: at("2026-11-20T16:20") });
    // 25 minutes: 10 on Friday (to 16:30), 15 on Monday from 07:30. Reminder at 80 % = 20 minutes.
    expect(d).toEqual({
      dueMs: at("2026-11-23T07:45"),
      reminderMs: at("2026-11-23T07:40"),
      targetMinutes: 25,
    });
    expect(stepDeadlines(config, { stageKey: "", stageEnteredMs: 0 })).toBeNull();
  });
});

describe("allowedActions", () => {
  const config = defaultConfig();
  it("offers what the stage and the status allow", () => {
    expect(allowedActions(config, "kadis", "baru")).toEqual([
      "teruskan",
      "setujui",
      "kembalikan",
      "tolak",
      "tahan",
      "ambil_alih",
    ]);
    expect(allowedActions(config, "kadis", "ditahan")).toEqual(["tolak", "lanjutkan", "ambil_alih"]);
    expect(allowedActions(config, "staf", "diproses")).toEqual([
      "kembalikan",
      "tolak",
      "tahan",
      "ambil_alih",
      "buat_akun",
    ]);
    expect(allowedActions(config, "staf", "membuat akun")).toEqual([]);
    expect(allowedActions(config, "nope", "baru")).toEqual([]);
  });

  it("filters by the actor", () => {
    expect(allowedActions(config, "kadis", "baru", "kadis@contohkota.go.id")).not.toContain("ambil_alih");
    expect(allowedActions(config, "kadis", "baru", "sekdis@contohkota.go.id")).toContain("ambil_alih");
    expect(allowedActions(config, "kadis", "baru", "orang@lain.id")).toEqual([]);
  });

  it("agrees with decide for every status, stage and action", () => {
    for (const config of [pematangsiantarConfig(), defaultConfig(), lumajangConfig()]) {
      for (const stageKey of ["", ...config.stages.map((s) => s.key)]) {
        for (const status of STATUSES) {
          for (const actor of [
            config.admins[0]!,
            ...config.stages.flatMap((s) => [...s.officials, ...s.delegates]),
          ]) {
            const offered = allowedActions(config, stageKey, status, actor);
            for (const action of ACTION_KEYS) {
              const d = attempt(config, { status, stageKey }, actor, action, "alasan");
              expect(d.ok, `${stageKey} ${status} ${actor} ${action}`).toBe(offered.includes(action));
            }
          }
        }
      }
    }
  });
});

describe("chains of any length", () => {
  it("a one-stage chain is first and last: it can create but not forward", () => {
    const config = defaultConfig();
    config.stages = [{ ...config.stages[3]!, key: "tunggal" }];
    expect(stagePositions(config, "tunggal")).toEqual(["first", "last"]);
    const d = ok(attempt(config, { stageKey: "tunggal" }, config.stages[0]!.officials[0]!, "buat_akun"));
    expect(d.next.status).toBe("membuat akun");
    expect(stagePositions(defaultConfig(), "kabid")).toEqual(["middle"]);
  });
});
