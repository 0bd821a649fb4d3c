/**
 * A change to an existing account carried out (flows/changes.ts is its intake): the provisioning
 * worker's run (provision/run.ts) re-reads the directory's record, plans what is left (domain/
 * changeplan.ts), waits for the effective date, applies the steps, logs and closes the request
 * and tells the holder; a reactivation ends with a letter like a creation.
 */
import {
  changeFromDetails,
  dayStartMs,
  describeSteps,
  formatGroups,
  parseGroups,
  composeChangeNotice,
} from "../domain/changetext.js";
import { planChange, type AccountRecord, type ChangePlan } from "../domain/changeplan.js";
import { type ChangeKind, type ChangeRequest } from "../domain/changes.js";
import { findOpd } from "../domain/form.js";
import { maskEmail } from "../domain/personalemail.js";
import { failureKey } from "../domain/provisioning.js";
import { asSheetLiteral, asSheetText } from "../domain/sanitize.js";
import { serviceLabel } from "../domain/services.js";
import { t, tx } from "../domain/text/index.js";
import { decide, SYSTEM_ACTOR } from "../domain/workflow.js";
import type { Ctx } from "../workspace/context.js";
import {
  addMember,
  DirectoryError,
  failureOf,
  getUser,
  removeMember,
  updateUser,
} from "../workspace/directory.js";
import { errorText, logError } from "../workspace/errors.js";
import { allocateLetterNumber } from "../workspace/letter.js";
import { appendLog } from "../workspace/log.js";
import { sendOrQueue } from "../workspace/mail.js";
import { cellText, decodeRegisterRow } from "../workspace/registercodec.js";
import {
  actionLabels,
  personalDigest,
  rowState,
  setActionChoices,
  type RegisterRow,
} from "../workspace/register.js";
import { commit, has, PermanentFailure, type ProvisionResult, type Run } from "./provision/claim.js";
import { deliver, finish } from "./provision/letter.js";

import { directoryFacts, holderNameOf, notedGroupsOf, todayKey } from "./changes.js";

const now = (): number => Date.now();

/** The change of the row, as intake wrote it, with the OPD as configured now. */
function requestOf(r: Run, kind: ChangeKind): ChangeRequest {
  const request = changeFromDetails(
    kind,
    {
      address: r.rec.addressRecorded || r.rec.address,
      nip: r.rec.nip,
      details: r.rec.changeDetails,
    },
    r.ctx.config.opds,
  );
  if (!request) throw new PermanentFailure(t(r.ctx.config.language, "change.fail.details"));
  return request;
}

/** Carries out a queued change (provision/run.ts executeService). Exceptions go to provision's `fail`. */
export function executeChange(r: Run, kind: ChangeKind): ProvisionResult {
  const { ctx } = r;
  const status = r.rec.status;
  // The closing entry is in the log and only the state cell was behind (reconcile repaired the
  // status): nothing is left but the state.
  if (status === "selesai" && kind !== "aktif_kembali") {
    commit(r, { label: "selesai", atMs: now() });
    return "selesai";
  }
  // A reactivation whose account step is done goes on with its letter, as a new account does.
  if (kind === "aktif_kembali" && has(r.row.createdAt)) {
    // The letter names the holder as the directory does (read again on a resumed run).
    r.holderName = holderNameOf(getUser(r.rec.addressRecorded || r.rec.address) as AccountRecord | null);
    return letterAndFinish(r);
  }
  const request = requestOf(r, kind);
  const { record, groups } = directoryFacts(request.address);
  // A reactivation that announced itself (its row noted the groups to restore) is resumed: it
  // restores those groups, and an account already active is its own unsuspension.
  const announced = kind === "aktif_kembali" && has(r.row.notedGroups);
  const noted =
    kind === "berhenti" || announced
      ? parseGroups(r.row.notedGroups)
      : kind === "aktif_kembali"
        ? notedGroupsOf(ctx, request.address, r.ticket)
        : null;
  const plan = planChange(request, {
    record,
    groups,
    opds: ctx.config.opds,
    today: todayKey(ctx, now()),
    noted,
    announced,
  });
  const lang = ctx.config.language;
  if (plan.verdict === "refuse")
    throw new PermanentFailure(tx(lang, plan.refusal!.code, plan.refusal!.params));
  if (plan.verdict === "wait") return waitForDate(r, request);
  announce(r, request, plan);
  const failures = applySteps(r, request.address, plan);
  if (kind === "aktif_kembali") {
    r.holderName = holderNameOf(record);
    accountReady(r, request, plan, record, failures);
    return letterAndFinish(r);
  }
  close(r, kind, request, plan, failures);
  return "selesai";
}

/** Before its effective date: parked until that day begins (logged once). */
function waitForDate(r: Run, request: ChangeRequest): ProvisionResult {
  const { ctx } = r;
  const date = request.effectiveDate!;
  const note = t(ctx.config.language, "change.log.wait", { date });
  commit(r, { label: "menunggu tanggal", atMs: dayStartMs(date, ctx.offset) }, (row) => {
    const [entry] = appendLog(ctx, [
      {
        ticket: r.ticket,
        // As written: the log records the status cell, which reconcile compares with it.
        from: cellText(row.status),
        to: cellText(row.status),
        action: "menunggu_tanggal",
        actor: SYSTEM_ACTOR,
        timeMs: now(),
        note,
      },
    ]);
    return { lastLogSeq: entry!.seq };
  });
  return "menunggu tanggal";
}

/**
 * The intended change in the log and the row BEFORE any effect; a departure's groups noted in
 * Grup Dicatat (once: a resumed run keeps the first note).
 */
function announce(r: Run, request: ChangeRequest, plan: ChangePlan): void {
  const { ctx } = r;
  const lang = ctx.config.language;
  const notes = [
    plan.steps.length
      ? t(lang, "change.log.intent", { steps: describeSteps(plan.steps, lang) })
      : t(lang, "change.nothing"),
  ];
  if (plan.found.length)
    notes.push(
      t(lang, "change.log.found", { found: plan.found.map((f) => tx(lang, f.code, f.params)).join(" ") }),
    );
  // A reactivation notes the groups it restores too: its mark of having announced the unsuspension.
  const noting = (request.kind === "berhenti" || request.kind === "aktif_kembali") && !has(r.row.notedGroups);
  if (request.kind === "berhenti")
    notes.push(t(lang, "change.log.noted", { groups: formatGroups(plan.notedGroups) }));
  commit(r, { label: "membuat", atMs: now() }, (row) => {
    const [entry] = appendLog(ctx, [
      {
        ticket: r.ticket,
        // As written: the log records the status cell, which reconcile compares with it.
        from: cellText(row.status),
        to: cellText(row.status),
        action: "ubah_akun",
        actor: SYSTEM_ACTOR,
        timeMs: now(),
        note: notes.join("; "),
      },
    ]);
    const extra: Partial<RegisterRow> = { lastLogSeq: entry!.seq };
    if (noting) extra.notedGroups = asSheetText(formatGroups(plan.notedGroups));
    return extra;
  });
}

/**
 * The plan's effects: the one users.update first, then the group leaves and joins. A group that
 * cannot be joined (gone, refused) does not stop the change: it is named to the administrators.
 * Anything transient throws: the step is retried by the sweep, which re-reads the directory.
 */
function applySteps(r: Run, address: string, plan: ChangePlan): string[] {
  const lang = r.ctx.config.language;
  const failures: string[] = [];
  for (const step of plan.steps) {
    if (step.op === "update") updateUser(address, step.patch);
    else if (step.op === "leave") removeMember(step.group, address);
    else {
      try {
        addMember(step.group, address);
      } catch (e) {
        const f = e instanceof DirectoryError ? e.failure : failureOf(e, "member");
        if (f !== "not_found" && f !== "invalid") throw e;
        logError(r.ctx.ss, "provision", r.ticket, errorText(e));
        failures.push(
          t(lang, "change.fail.join", { address, group: step.group, reason: t(lang, failureKey(f)) }),
        );
      }
    }
  }
  return failures;
}

function summary(r: Run, plan: ChangePlan, failures: readonly string[]): { done: string; found: string } {
  const lang = r.ctx.config.language;
  return {
    done: [describeSteps(plan.steps, lang), ...failures].filter(Boolean).join("; "),
    found: plan.found.map((f) => tx(lang, f.code, f.params)).join(" "),
  };
}

/** A change made: logged as carried out and closed (akun_dibuat then selesaikan), then notices. */
function close(r: Run, kind: ChangeKind, request: ChangeRequest, plan: ChangePlan, failures: string[]): void {
  const { ctx } = r;
  const { config } = ctx;
  const lang = config.language;
  const { done, found } = summary(r, plan, failures);
  const note = t(lang, "change.log.done", {
    kind: serviceLabel(kind, lang),
    summary: done || found || t(lang, "change.nothing"),
  });
  commit(r, { label: "selesai", atMs: now() }, (row, table, rowNumber) => {
    const made = accountMade(config, row, note);
    if (!made.ok) {
      logError(ctx.ss, "provision", r.ticket, `akun_dibuat: ${made.reason}`);
      return {};
    }
    const closed = decide({
      state: { ...rowState(row), ...made.next },
      actor: SYSTEM_ACTOR,
      action: "selesaikan",
      note: request.address,
      config,
      nowMs: now(),
    });
    const drafts = closed.ok ? [made.logEntry, closed.logEntry] : [made.logEntry];
    const entries = appendLog(
      ctx,
      drafts.map((d) => ({ ...d, ticket: r.ticket })),
    );
    const next = closed.ok ? closed.next : made.next;
    setActionChoices(table, rowNumber, closed.ok ? [] : actionLabels(config, next.stageKey, next.status));
    return {
      status: next.status,
      stage: "",
      stageKey: next.stageKey,
      responsible: "",
      dueAt: "",
      lastLogSeq: entries[entries.length - 1]!.seq,
    };
  });
  for (const f of failures) logError(ctx.ss, "provision", r.ticket, f);
  notify(r, kind, request, done, found);
}

/** The applicant and the OPD's copy address are told what was done. */
function notify(r: Run, kind: ChangeKind, request: ChangeRequest, done: string, found: string): void {
  const { ctx } = r;
  const { config } = ctx;
  const rec = r.rec;
  const to = rec.personalEmail.trim().toLowerCase();
  const opd = request.targetOpd
    ? findOpd(request.targetOpd.code, config.opds)
    : findOpd(rec.opd, config.opds);
  const cc = opd?.ccEmail.trim() ?? "";
  const recipients = [to, cc].filter((a) => a !== "");
  if (!recipients.length) return;
  const mail = composeChangeNotice(
    {
      ticket: r.ticket,
      name: rec.fullName || rec.name,
      kind,
      kindLabel: serviceLabel(kind, config.language),
      address: request.address,
      doneMs: now(),
      done,
      found,
    },
    config,
  );
  sendOrQueue(ctx, { ...mail, to: recipients, ticket: r.ticket });
}

/**
 * A reactivation's account step is done: the row reads "akun dibuat" with a letter number (as
 * after a creation), its personal e-mail is the recovery address on record (the letter goes
 * there only), the digest follows.
 */
function accountReady(
  r: Run,
  request: ChangeRequest,
  plan: ChangePlan,
  record: AccountRecord | null,
  failures: string[],
): void {
  const { ctx } = r;
  const { config } = ctx;
  const lang = config.language;
  const recovery = String(record?.recoveryEmail ?? "")
    .trim()
    .toLowerCase();
  const { done, found } = summary(r, plan, failures);
  const note = [
    t(lang, "change.log.done", { kind: serviceLabel("aktif_kembali", lang), summary: done || found }),
    t(lang, "change.log.recipient", { recipient: maskEmail(recovery) }),
  ].join("; ");
  commit(r, { label: "dibuat", atMs: now() }, (row, table, rowNumber) => {
    const extra: Partial<RegisterRow> = {
      createdAt: new Date(now()),
      personalEmail: asSheetText(recovery),
    };
    extra.dataDigest = personalDigest({ ...row, ...extra }, ctx.sha256);
    if (!has(row.letterNumber)) {
      extra.letterNumber = asSheetLiteral(allocateLetterNumber(config, ctx.offset, now()));
      r.numberedHere = true;
    }
    if (decodeRegisterRow(row).status !== "membuat akun") return extra;
    const d = accountMade(config, row, note);
    if (d.ok) {
      const [entry] = appendLog(ctx, [{ ...d.logEntry, ticket: r.ticket }]);
      extra.status = d.next.status;
      extra.lastLogSeq = entry!.seq;
      setActionChoices(table, rowNumber, actionLabels(config, d.next.stageKey, d.next.status));
    } else logError(ctx.ss, "provision", r.ticket, `akun_dibuat: ${d.reason}`);
    return extra;
  });
  for (const f of failures) logError(ctx.ss, "provision", r.ticket, f);
  notify(r, "aktif_kembali", request, done, found);
}

/** The letter path of a created account (provision/letter.ts): a new password, sent once, then closed. */
function letterAndFinish(r: Run): ProvisionResult {
  if (!r.sentMs && !has(r.row.letterSentAt)) {
    if (!deliver(r)) return "menunggu kuota";
  }
  finish(r);
  return "selesai";
}

/** The system's "akun dibuat" on a row whose account step is done. */
function accountMade(config: Ctx["config"], row: RegisterRow, note: string) {
  return decide({
    state: rowState(row),
    actor: SYSTEM_ACTOR,
    action: "akun_dibuat",
    note,
    config,
    nowMs: now(),
  });
}
