/**
 * (Over 400 lines on purpose: the rules of who may do what stay in one table and one file.)
 *
 * The disposition workflow as ONE TABLE: for every action, the statuses it applies to (and what
 * each becomes), where the request goes (next stage, same stage, no stage, first stage), whether a
 * reason is required, who may do it, who is told, whether it closes the request.
 *
 * The chain of stages comes from the configuration (any length ≥ 1). `decide` checks one attempted
 * action against the table and the chain and returns the next state, the log entry and the
 * notifications, or a refusal with a code and a plain message in the office's language
 * (config.language; texts in src/domain/text).
 *
 * Choices where the sources are silent:
 * - A registered request starts with status "baru" at no stage (request.ts); the system action
 *   "mulai" puts it at the first stage and tells that stage's officials.
 * - A request returned for correction ("perlu perbaikan", at no stage) re-enters the chain at the
 *   FIRST stage with status "baru" when the applicant's correction arrives (system action
 *   "perbaikan_diterima"); its history (the log) is kept. Simple and predictable: every official
 *   sees the corrected data again, and "baru" says the first stage has not acted on it yet.
 * - While a request waits for the applicant only an administrator can act on it, and only to
 *   reject it (a correction that never comes).
 * - "lanjutkan" (resume) restores the status held before "tahan" when the caller passes it
 *   (`heldFrom`, found in the log), else "diproses".
 * - "buat_akun" is only possible at the last stage; "teruskan"/"setujui" only where a next stage
 *   exists. A failed creation ("gagal_buat_akun") returns the request to the last stage as
 *   "disetujui", so the technical staff can choose "buat_akun" again.
 * - "ambil_alih" (take over) makes the actor the one responsible at the current stage; it needs a
 *   reason (who is absent, why) and is open to delegates and administrators only.
 * - Administrators may act at any stage, with that stage's actions.
 * - Who may do what outside the dropdown (override the proposed address, ask for a new letter)
 *   is the same table's second part, PERMISSIONS, read by `may`.
 *
 * Over 400 lines on purpose: it is ONE table (who may do what, from which status to which) and
 * the functions that read it; split, a rule and the check that applies it would sit apart.
 */
import type { ActionKey, Language, OfficeConfig, StageConfig } from "./config.js";
import { addWorkingMinutes, calendarFromConfig, workingMinutesBetween } from "./calendar.js";
import { stateLabel } from "./audit.js";
import { TERMINAL_STATUSES, type Status } from "./request.js";
import { LANGUAGES, t, tx, type MessageKey } from "./text/index.js";

// The statuses are named in request.ts (the Request record); re-exported here for the table's users.
export { STATUSES, OPEN_STATUSES, isStatus, type Status } from "./request.js";

/** Closed for good: no action applies any more (request.ts's TERMINAL_STATUSES). */
export const CLOSED_STATUSES: readonly Status[] = TERMINAL_STATUSES;
/** The account exists or is being created. */
export const ACCOUNT_STATUSES: readonly Status[] = ["membuat akun", "akun dibuat", "selesai"];

/** Steps the program itself takes (not chosen from the dropdown). */
export type SystemAction =
  | "mulai" // a registered request (status "baru", no stage yet) enters the chain
  | "perbaikan_diterima" // the applicant's correction arrived
  | "akun_dibuat" // the Directory insert succeeded
  | "gagal_buat_akun" // the Directory insert failed for good: back to the technical stage
  | "selesaikan"; // the credential letter was delivered
export type WorkflowAction = ActionKey | SystemAction;

export const SYSTEM_ACTOR = "sistem";

/** Where the request goes. */
export type StageMove = "next" | "same" | "none" | "first";
/** Where in the chain an action may happen. */
export type StagePosition = "first" | "middle" | "last";
/** Who may take an action. */
export type ActorKind = "officials" | "delegates" | "admins" | "system";
/** Who is told afterwards. */
export type Audience = "stage" | "applicant" | "admins";

export interface ActionRule {
  /** Status before → status after. The keys are the statuses the action applies to. */
  transitions: Partial<Record<Status, Status>>;
  stage: StageMove;
  /** Where in the chain the action is possible. */
  at: readonly StagePosition[];
  reasonRequired: boolean;
  who: readonly ActorKind[];
  /** Who is told: the officials of the resulting stage, the applicant, the administrators. */
  notify: readonly Audience[];
  /** The request is closed afterwards. */
  terminal: boolean;
  /**
   * Whether the action applies to a request at no stage (before the chain, or returned to the
   * applicant): "never", "allowed" (as well), or "only" (entering the chain).
   */
  stageless: "never" | "allowed" | "only";
}

const ANYWHERE: readonly StagePosition[] = ["first", "middle", "last"];
const NOT_LAST: readonly StagePosition[] = ["first", "middle"];
const PEOPLE: readonly ActorKind[] = ["officials", "delegates", "admins"];
const ACTIVE = { baru: "diproses", diproses: "diproses", disetujui: "disetujui" } as const;

/** THE TABLE. */
export const RULES: Record<WorkflowAction, ActionRule> = {
  teruskan: {
    transitions: ACTIVE,
    stage: "next",
    at: NOT_LAST,
    reasonRequired: false,
    who: PEOPLE,
    notify: ["stage"],
    terminal: false,
    stageless: "never",
  },
  setujui: {
    transitions: { baru: "disetujui", diproses: "disetujui", disetujui: "disetujui" },
    stage: "next",
    at: NOT_LAST,
    reasonRequired: false,
    who: PEOPLE,
    notify: ["stage"],
    terminal: false,
    stageless: "never",
  },
  kembalikan: {
    transitions: { baru: "perlu perbaikan", diproses: "perlu perbaikan", disetujui: "perlu perbaikan" },
    stage: "none",
    at: ANYWHERE,
    reasonRequired: true,
    who: PEOPLE,
    notify: ["applicant"],
    terminal: false,
    stageless: "never",
  },
  tolak: {
    transitions: {
      baru: "ditolak",
      diproses: "ditolak",
      disetujui: "ditolak",
      ditahan: "ditolak",
      "perlu perbaikan": "ditolak", // at no stage: administrators only
    },
    stage: "none",
    at: ANYWHERE,
    reasonRequired: true,
    who: PEOPLE,
    notify: ["applicant"],
    terminal: true,
    stageless: "allowed",
  },
  tahan: {
    transitions: { baru: "ditahan", diproses: "ditahan", disetujui: "ditahan" },
    stage: "same",
    at: ANYWHERE,
    reasonRequired: true,
    who: PEOPLE,
    notify: ["applicant"],
    terminal: false,
    stageless: "never",
  },
  lanjutkan: {
    // The status held before (heldFrom) is restored when known; see decide().
    transitions: { ditahan: "diproses" },
    stage: "same",
    at: ANYWHERE,
    reasonRequired: false,
    who: PEOPLE,
    notify: ["applicant"],
    terminal: false,
    stageless: "never",
  },
  ambil_alih: {
    transitions: { baru: "baru", diproses: "diproses", disetujui: "disetujui", ditahan: "ditahan" },
    stage: "same",
    at: ANYWHERE,
    reasonRequired: true,
    who: ["delegates", "admins"],
    notify: ["stage"],
    terminal: false,
    stageless: "never",
  },
  buat_akun: {
    transitions: { baru: "membuat akun", diproses: "membuat akun", disetujui: "membuat akun" },
    stage: "same",
    at: ["last"],
    reasonRequired: false,
    who: PEOPLE,
    notify: [],
    terminal: false,
    stageless: "never",
  },
  mulai: {
    transitions: { baru: "baru" },
    stage: "first",
    at: ANYWHERE,
    reasonRequired: false,
    who: ["system"],
    notify: ["stage"],
    terminal: false,
    stageless: "only",
  },
  perbaikan_diterima: {
    transitions: { "perlu perbaikan": "baru" },
    stage: "first",
    at: ANYWHERE,
    reasonRequired: false,
    who: ["system"],
    notify: ["stage"],
    terminal: false,
    stageless: "only",
  },
  akun_dibuat: {
    transitions: { "membuat akun": "akun dibuat" },
    stage: "same",
    at: ["last"],
    reasonRequired: false,
    who: ["system"],
    notify: [],
    terminal: false,
    stageless: "never",
  },
  gagal_buat_akun: {
    transitions: { "membuat akun": "disetujui" },
    stage: "same",
    at: ["last"],
    reasonRequired: true,
    who: ["system"],
    notify: ["stage", "admins"],
    terminal: false,
    stageless: "never",
  },
  selesaikan: {
    transitions: { "akun dibuat": "selesai" },
    stage: "none",
    at: ["last"],
    reasonRequired: false,
    who: ["system"],
    notify: [],
    terminal: true,
    stageless: "never",
  },
};

export const ACTION_KEYS: readonly ActionKey[] = [
  "teruskan",
  "setujui",
  "kembalikan",
  "tolak",
  "tahan",
  "lanjutkan",
  "ambil_alih",
  "buat_akun",
];
export const SYSTEM_ACTIONS: readonly SystemAction[] = [
  "mulai",
  "perbaikan_diterima",
  "akun_dibuat",
  "gagal_buat_akun",
  "selesaikan",
];

const actionTextKey = (action: ActionKey): MessageKey => `action.${action}`;

/** The dropdown label of an official action in a language ("Teruskan (disposisi)", "Forward (disposition)"). */
export function actionLabel(lang: Language, action: ActionKey): string {
  return tx(lang, actionTextKey(action));
}

/** The dropdown labels of the official actions in a language. */
export function actionLabelsIn(lang: Language): Record<ActionKey, string> {
  return Object.fromEntries(ACTION_KEYS.map((a) => [a, actionLabel(lang, a)])) as Record<ActionKey, string>;
}

/** Dropdown labels (Indonesian, the default language) of the official actions. */
export const ACTION_LABELS: Readonly<Record<ActionKey, string>> = actionLabelsIn("id");

/**
 * The action of a dropdown label or key (case- and space-insensitive), in any language: a label
 * chosen before the office changed its language still means the same action. Undefined when unknown.
 */
export function parseAction(text: string): ActionKey | undefined {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, " ");
  for (const key of ACTION_KEYS) {
    if (wanted === key || wanted === key.replace("_", " ")) return key;
    if (LANGUAGES.some((lang) => wanted === actionLabel(lang, key).toLowerCase())) return key;
  }
  // A request about an existing account offers "buat_akun" as carrying it out (register.ts actionLabels).
  if (LANGUAGES.some((lang) => wanted === tx(lang, "action.buat_akun.service").toLowerCase()))
    return "buat_akun";
  return undefined;
}

export function isSystemAction(action: string): action is SystemAction {
  return (SYSTEM_ACTIONS as readonly string[]).includes(action);
}

// ---------------------------------------------------------------------------------------------

export interface RequestState {
  ticket?: string;
  status: Status;
  /** The stage the request is at ("" when at none: returned, rejected, finished). */
  stageKey: string;
  /** When it entered this stage (epoch ms), for the step time. */
  stageEnteredMs: number;
  /** The status before "tahan", when known (from the log); lanjutkan restores it. */
  heldFrom?: Status;
}

export interface DecideInput {
  state: RequestState;
  /** E-mail of the person acting (from the edit event), or SYSTEM_ACTOR. */
  actor: string;
  action: WorkflowAction;
  note: string;
  config: OfficeConfig;
  nowMs: number;
}

export interface Notice {
  audience: Audience;
  /** Addresses for stage/admins; empty for the applicant (the handler knows the address). */
  emails: string[];
  /** What happened, for choosing the message text. */
  action: WorkflowAction;
  status: Status;
  stageKey: string;
  /** The reason given, for the applicant. */
  reason: string;
}

export interface LogDraft {
  ticket: string;
  from: string;
  to: string;
  action: WorkflowAction;
  actor: string;
  timeMs: number;
  note: string;
}

export type RefusalCode =
  | "unknown_action"
  | "closed"
  | "status_not_allowed"
  | "unknown_stage"
  | "no_stage"
  | "not_authorized"
  | "wrong_stage"
  | "action_not_at_stage"
  | "position_not_allowed"
  | "reason_required"
  | "system_only"
  /** The note on the row was written by someone else (the edit handler's journal says so). */
  | "note_not_own";

export type Decision =
  | {
      ok: true;
      next: { status: Status; stageKey: string; responsible: string[]; stageEnteredMs: number };
      /** Working minutes spent at the stage that is being left (or acted at). */
      stepMinutes: number;
      /** The stage's target, and whether it was exceeded. */
      targetMinutes: number;
      late: boolean;
      /** The actor's role in this decision. */
      actedAs: ActorKind;
      logEntry: LogDraft;
      notify: Notice[];
      terminal: boolean;
    }
  | { ok: false; code: RefusalCode; reason: string };

const norm = (email: string): string => email.trim().toLowerCase();
const has = (list: readonly string[], email: string): boolean => list.some((e) => norm(e) === norm(email));

/** Where a stage sits in the chain (a one-stage chain is both first and last). */
export function stagePositions(config: OfficeConfig, stageKey: string): StagePosition[] {
  const i = config.stages.findIndex((s) => s.key === stageKey);
  if (i < 0) return [];
  const out: StagePosition[] = [];
  if (i === 0) out.push("first");
  if (i === config.stages.length - 1) out.push("last");
  if (out.length === 0) out.push("middle");
  return out;
}

/** The people responsible at a stage: its officials, or its delegates when it has none. */
export function responsibleAt(stage: StageConfig): string[] {
  return stage.officials.length ? [...stage.officials] : [...stage.delegates];
}

/** How the actor relates to a stage: an official, a delegate, an administrator, or nothing. */
export function actorKind(
  config: OfficeConfig,
  stage: StageConfig | undefined,
  actor: string,
): ActorKind | null {
  if (norm(actor) === SYSTEM_ACTOR) return "system";
  if (stage && has(stage.officials, actor)) return "officials";
  if (stage && has(stage.delegates, actor)) return "delegates";
  if (has(config.admins, actor)) return "admins";
  return null;
}

function refuse(code: RefusalCode, reason: string): Decision {
  return { ok: false, code, reason };
}

/** An action as people read it: the dropdown label of an official action, the key of a system step. */
export function actionName(lang: Language, action: WorkflowAction): string {
  return (ACTION_KEYS as readonly string[]).includes(action)
    ? actionLabel(lang, action as ActionKey)
    : action;
}

/**
 * The actions a stage offers at a status (for the dropdown): the stage's configured actions that
 * the table allows there. With `actor`, only those the actor may take (ambil_alih needs a
 * delegate or an administrator).
 */
export function allowedActions(
  config: OfficeConfig,
  stageKey: string,
  status: Status,
  actor?: string,
): ActionKey[] {
  const stage = config.stages.find((s) => s.key === stageKey);
  if (stageKey && !stage) return [];
  const kind = actor === undefined ? undefined : actorKind(config, stage, actor);
  if (!stage) {
    // At no stage only administrators act, with the actions allowed there (tolak).
    if (kind !== undefined && kind !== "admins") return [];
    return ACTION_KEYS.filter((a) => RULES[a].stageless !== "never" && status in RULES[a].transitions);
  }
  const positions = stagePositions(config, stageKey);
  return ACTION_KEYS.filter((a) => {
    const rule = RULES[a];
    if (!stage.actions.includes(a)) return false;
    if (rule.stageless === "only") return false;
    if (!(status in rule.transitions)) return false;
    if (!rule.at.some((p) => positions.includes(p))) return false;
    if (kind === undefined) return true;
    return kind !== null && kind !== "system" && rule.who.includes(kind);
  });
}

/** What people may do outside the register's action dropdown (the other doors). */
export type Permission = "override_address" | "request_reissue";

export interface PermissionRule {
  who: readonly ActorKind[];
  /** Where in the chain the request must be (administrators act at any stage). */
  at: readonly StagePosition[];
}

/** THE TABLE's second part: the doors other than the dropdown. */
export const PERMISSIONS: Record<Permission, PermissionRule> = {
  // The proposed address overwritten in the register (flows/address.ts): the technical (last)
  // stage's officials and delegates while the request is there, administrators anywhere.
  override_address: { who: PEOPLE, at: ["last"] },
  // A new letter with a new password (flows/provision/reissue.ts): administrators only.
  request_reissue: { who: ["admins"], at: ANYWHERE },
};

/** Whether `actor` may do `permission` for a request at `stageKey` ("" at no stage). */
export function may(config: OfficeConfig, permission: Permission, stageKey: string, actor: string): boolean {
  const rule = PERMISSIONS[permission];
  if (norm(actor) === SYSTEM_ACTOR) return false;
  if (rule.who.includes("admins") && has(config.admins, actor)) return true;
  const stage = config.stages.find((s) => s.key === stageKey);
  if (!stage) return false;
  const kind = actorKind(config, stage, actor);
  if (kind !== "officials" && kind !== "delegates") return false;
  return rule.who.includes(kind) && rule.at.some((p) => stagePositions(config, stageKey).includes(p));
}

/** Decides one attempted action. Pure: nothing is written; the handler applies the result. */
export function decide(input: DecideInput): Decision {
  const { state, config, action } = input;
  const lang = config.language;
  const note = input.note.trim();
  const named = { action: actionName(lang, action) };
  const rule = (RULES as Record<string, ActionRule | undefined>)[action];
  if (!rule) return refuse("unknown_action", t(lang, "workflow.unknown_action", { action }));

  if (CLOSED_STATUSES.includes(state.status)) {
    return refuse(
      "closed",
      t(lang, state.status === "ditolak" ? "workflow.closed.ditolak" : "workflow.closed.selesai"),
    );
  }

  const isSystem = norm(input.actor) === SYSTEM_ACTOR;
  if (rule.who.includes("system") !== isSystem) {
    return isSystem
      ? refuse("not_authorized", t(lang, "workflow.officials_only", named))
      : refuse("system_only", t(lang, "workflow.system_only", { action }));
  }

  // The stage the action happens at ("perlu perbaikan" has none: the correction re-enters at the first).
  const stage = config.stages.find((s) => s.key === state.stageKey);
  if (state.stageKey && !stage) {
    return refuse("unknown_stage", t(lang, "workflow.unknown_stage", { stage: state.stageKey }));
  }

  if (stage && rule.stageless === "only") {
    return refuse("status_not_allowed", t(lang, "workflow.already_at_stage", { stage: stage.label }));
  }
  const noStageMessage = t(
    lang,
    state.status === "perlu perbaikan" ? "workflow.awaiting_correction" : "workflow.no_stage",
  );
  if (!stage && rule.stageless === "never") return refuse("no_stage", noStageMessage);

  let actedAs: ActorKind = "system";
  if (!isSystem) {
    const kind = actorKind(config, stage, input.actor);
    // Only administrators act on a request at no stage.
    if (!stage && kind !== "admins") return refuse("no_stage", noStageMessage);
    if (kind === null) {
      const elsewhere = config.stages.find(
        (s) => has(s.officials, input.actor) || has(s.delegates, input.actor),
      );
      if (elsewhere && stage) {
        return refuse(
          "wrong_stage",
          t(lang, "workflow.wrong_stage", { stage: stage.label, own: elsewhere.label }),
        );
      }
      return refuse(
        "not_authorized",
        input.actor
          ? t(lang, "workflow.not_authorized", { actor: input.actor })
          : t(lang, "workflow.not_authorized_unknown"),
      );
    }
    if (!rule.who.includes(kind)) {
      return refuse("not_authorized", t(lang, "workflow.delegates_only", named));
    }
    actedAs = kind;
  }
  if (!(state.status in rule.transitions)) {
    return refuse(
      "status_not_allowed",
      t(lang, "workflow.status_not_allowed", { ...named, status: state.status }),
    );
  }
  if (stage && !isSystem && !stage.actions.includes(action as ActionKey)) {
    const offered = allowedActions(config, stage.key, state.status).map((a) => actionLabel(lang, a));
    return refuse(
      "action_not_at_stage",
      t(lang, "workflow.not_at_stage", {
        ...named,
        stage: stage.label,
        offered: offered.join(", ") || t(lang, "workflow.nothing_offered"),
      }),
    );
  }
  if (stage) {
    const positions = stagePositions(config, stage.key);
    if (!rule.at.some((p) => positions.includes(p))) {
      return refuse(
        "position_not_allowed",
        rule.stage === "next"
          ? t(lang, "workflow.last_stage", { stage: stage.label })
          : t(lang, "workflow.last_stage_only", named),
      );
    }
  }
  if (rule.reasonRequired && !note) {
    return refuse("reason_required", t(lang, "workflow.reason_required", named));
  }

  // The resulting state.
  let status = rule.transitions[state.status]!;
  if (
    action === "lanjutkan" &&
    state.heldFrom &&
    (["baru", "diproses", "disetujui"] as Status[]).includes(state.heldFrom)
  ) {
    status = state.heldFrom;
  }
  const index = config.stages.findIndex((s) => s.key === state.stageKey);
  let nextStage: StageConfig | undefined;
  if (rule.stage === "next") nextStage = config.stages[index + 1];
  else if (rule.stage === "same") nextStage = stage;
  else if (rule.stage === "first") nextStage = config.stages[0];
  if (rule.stage !== "none" && !nextStage) {
    return refuse("unknown_stage", t(lang, "workflow.empty_chain"));
  }

  const stageKey = nextStage ? nextStage.key : "";
  const moved = stageKey !== state.stageKey || rule.stage === "first";
  let responsible = nextStage ? responsibleAt(nextStage) : [];
  if (action === "ambil_alih") responsible = [norm(input.actor)];
  const stageEnteredMs = moved ? input.nowMs : state.stageEnteredMs;

  let stepMinutes = 0;
  try {
    stepMinutes = workingMinutesBetween(state.stageEnteredMs, input.nowMs, calendarFromConfig(config));
  } catch {
    stepMinutes = 0; // an unknown time zone is reported by validateConfig; the decision stands
  }
  const targetMinutes = stage ? stage.targetMinutes : 0;

  const notify: Notice[] = [];
  for (const audience of rule.notify) {
    let emails: string[] = [];
    if (audience === "stage") emails = nextStage ? responsibleAt(nextStage) : [];
    if (audience === "admins") emails = [...config.admins];
    if (audience === "stage" && action === "ambil_alih") {
      emails = nextStage ? [...nextStage.officials].filter((e) => norm(e) !== norm(input.actor)) : [];
    }
    if (audience !== "applicant" && emails.length === 0) continue;
    notify.push({ audience, emails, action, status, stageKey, reason: note });
  }

  return {
    ok: true,
    next: { status, stageKey, responsible, stageEnteredMs },
    stepMinutes,
    targetMinutes,
    late: targetMinutes > 0 && stepMinutes > targetMinutes,
    actedAs,
    logEntry: {
      ticket: state.ticket ?? "",
      from: stateLabel(state.status, state.stageKey),
      to: stateLabel(status, stageKey),
      action,
      actor: isSystem ? SYSTEM_ACTOR : norm(input.actor),
      timeMs: input.nowMs,
      note,
    },
    notify,
    terminal: rule.terminal,
  };
}

/**
 * When the current step is due (its target in working minutes after the stage was entered) and
 * when the reminder goes out (reminderAtPercent of the target). Null at no stage.
 */
export function stepDeadlines(
  config: OfficeConfig,
  state: { stageKey: string; stageEnteredMs: number },
): { dueMs: number; reminderMs: number; targetMinutes: number } | null {
  const stage = config.stages.find((s) => s.key === state.stageKey);
  if (!stage || !(stage.targetMinutes > 0)) return null;
  const cal = calendarFromConfig(config);
  const reminderMinutes = Math.max(
    1,
    Math.round((stage.targetMinutes * config.time.reminderAtPercent) / 100),
  );
  return {
    dueMs: addWorkingMinutes(state.stageEnteredMs, stage.targetMinutes, cal),
    reminderMs: addWorkingMinutes(state.stageEnteredMs, Math.min(reminderMinutes, stage.targetMinutes), cal),
    targetMinutes: stage.targetMinutes,
  };
}
