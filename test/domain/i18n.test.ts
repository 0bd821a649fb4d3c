/**
 * English offices (config.language = "en") see English everywhere the pure core writes text for
 * people; Indonesian offices see exactly the Indonesian texts. One group per module.
 */
import { describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../src/domain/config.js";
import { defaultConfig } from "../../src/domain/defaults.js";
import {
  ACTION_KEYS,
  ACTION_LABELS,
  actionLabel,
  actionLabelsIn,
  actionName,
  decide,
  parseAction,
  type Decision,
  type RequestState,
  type WorkflowAction,
} from "../../src/domain/workflow.js";
import { LANGUAGES } from "../../src/domain/text/index.js";

const MON_0800 = Date.parse("2026-11-23T08:00:00+07:00");

function office(language: "id" | "en"): OfficeConfig {
  const c = defaultConfig();
  c.language = language;
  return c;
}

function refusal(
  config: OfficeConfig,
  state: Partial<RequestState>,
  actor: string,
  action: WorkflowAction,
  note = "",
): string {
  const d: Decision = decide({
    state: { ticket: "SRL-2611-0001", status: "baru", stageKey: "kadis", stageEnteredMs: MON_0800, ...state },
    actor,
    action,
    note,
    config,
    nowMs: MON_0800 + 60_000,
  });
  if (d.ok) throw new Error(`expected a refusal of ${action}`);
  return d.reason;
}

describe("workflow: action labels", () => {
  it("has a label for every action in every language, distinct within a language", () => {
    for (const lang of LANGUAGES) {
      const labels = ACTION_KEYS.map((a) => actionLabel(lang, a));
      expect(new Set(labels).size).toBe(ACTION_KEYS.length);
      expect(labels.every((l) => l.length > 0 && !l.startsWith("action."))).toBe(true);
    }
    expect(actionLabelsIn("en")).toMatchObject({
      teruskan: "Forward (disposition)",
      buat_akun: "Create account",
    });
    expect(ACTION_LABELS.teruskan).toBe("Teruskan (disposisi)");
    expect(ACTION_LABELS).toEqual(actionLabelsIn("id"));
  });

  it("parses the labels of both languages back to the action, whatever the office's language", () => {
    for (const lang of LANGUAGES) {
      for (const a of ACTION_KEYS) {
        expect(parseAction(actionLabel(lang, a))).toBe(a);
        expect(parseAction(`  ${actionLabel(lang, a).toUpperCase()}  `)).toBe(a);
      }
    }
    expect(parseAction("Return   for correction")).toBe("kembalikan");
    expect(parseAction("Delete")).toBeUndefined();
  });

  it("names system steps by their key", () => {
    expect(actionName("en", "tolak")).toBe("Reject");
    expect(actionName("en", "gagal_buat_akun")).toBe("gagal_buat_akun");
  });
});

describe("workflow: refusals in the office's language", () => {
  const en = office("en");
  const id = office("id");
  const kadis = en.stages[0]!.officials[0]!;
  const kabid = en.stages[1]!.officials[0]!;

  it("an outsider", () => {
    expect(refusal(en, {}, "someone@example.org", "teruskan")).toBe(
      "someone@example.org is not authorised to act on this request.",
    );
    expect(refusal(id, {}, "someone@example.org", "teruskan")).toBe(
      "someone@example.org tidak berwenang menindaklanjuti permohonan ini.",
    );
    expect(refusal(en, {}, "", "teruskan")).toBe("This user is not authorised to act on this request.");
  });

  it("the wrong stage, a missing reason, an action the stage does not offer", () => {
    expect(refusal(en, {}, kabid, "teruskan")).toMatch(
      /^This request is at the stage Kepala Dinas, and you are an official of the stage /,
    );
    expect(refusal(en, {}, kadis, "tolak")).toBe(
      "The action \u201cReject\u201d needs a reason in the note column.",
    );
    expect(refusal(id, {}, kadis, "tolak")).toBe(
      "Tindakan \u201cTolak\u201d wajib disertai alasan di kolom catatan.",
    );
    expect(refusal(en, {}, kadis, "buat_akun")).toMatch(
      /^The action \u201cCreate account\u201d is not available at the stage Kepala Dinas\. Available choices: Forward \(disposition\)/,
    );
  });

  it("closed, waiting for the applicant, a wrong status, a system step", () => {
    expect(refusal(en, { status: "selesai", stageKey: "" }, kadis, "teruskan")).toBe(
      "This request is completed and can no longer be changed.",
    );
    expect(refusal(en, { status: "ditolak", stageKey: "" }, kadis, "teruskan")).toBe(
      "This request has been rejected and can no longer be changed.",
    );
    expect(refusal(en, { status: "perlu perbaikan", stageKey: "" }, kadis, "teruskan")).toBe(
      "This request is waiting for the applicant's correction.",
    );
    expect(refusal(en, { status: "ditahan" }, kadis, "teruskan")).toBe(
      "The action \u201cForward (disposition)\u201d cannot be taken on a request with the status \u201cditahan\u201d.",
    );
    expect(refusal(en, {}, kadis, "akun_dibuat")).toBe(
      "The action \u201cakun_dibuat\u201d is taken automatically by the system.",
    );
    expect(refusal(en, {}, "sistem", "teruskan")).toBe(
      "Only an official can take the action \u201cForward (disposition)\u201d.",
    );
  });

  it("no text of an English refusal is Indonesian", () => {
    const reasons = [
      refusal(en, {}, "x@example.org", "teruskan"),
      refusal(en, { stageKey: "gone" }, kadis, "teruskan"),
      refusal(en, {}, kadis, "kembalikan"),
      refusal(en, { stageKey: "staf" }, en.stages[3]!.officials[0] ?? en.admins[0]!, "teruskan"),
      refusal(en, {}, kadis, "ambil_alih", "away"),
    ];
    for (const r of reasons) expect(r).not.toMatch(/\b(tidak|permohonan|tahap|tindakan|dan|ini)\b/i);
  });
});
