/**
 * The staff's override of a request's address in the register: the same rules as a proposed
 * address, and only at the last stage (or by an administrator). After approval, a changed address
 * goes back to the approving stage.
 */
import { stateLabel } from "../domain/audit.js";
import { checkUsername, namingPolicyFromConfig } from "../domain/naming.js";
import { asSheetText } from "../domain/sanitize.js";
import { parseRegisterType } from "../domain/services.js";
import { t } from "../domain/text/index.js";
import { may, stepDeadlines } from "../domain/workflow.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { candidateFacts, duplicateCheck, dupKeys } from "../workspace/duplicates.js";
import { appendLog, readEntry } from "../workspace/log.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import {
  actionLabels,
  personalDataIntact,
  personalDigest,
  registerTable,
  rowState,
  setActionChoices,
  stageLabel,
  type RegisterRow,
} from "../workspace/register.js";
import { decodeRegisterRow } from "../workspace/registercodec.js";
import { logAttempt, previousValue, undo, type RegisterEditOutcome } from "./registeredit.js";
import { stageMail, stageRequestOf } from "./stagemail.js";

type EditOutcome = RegisterEditOutcome;

/** Staff override of the address: same rules as a proposed address, and only at the last stage. */
export function overrideAddress(
  ctx: Ctx,
  cell: GoogleAppsScript.Spreadsheet.Range,
  actor: string,
  value: string,
  oldValue: unknown,
): EditOutcome {
  const { config } = ctx;
  const lang = config.language;
  const rowNumber = cell.getRow();
  const mails: OutgoingMail[] = [];
  return withOutbox(ctx, mails, (): EditOutcome => {
    const table = registerTable(ctx.ss);
    const row = table.read(rowNumber);
    const state = rowState(row);
    const rec = decodeRegisterRow(row);
    const recorded = rec.addressRecorded;
    const refuse = (reason: string): EditOutcome => {
      undo(
        ctx,
        cell,
        recorded ? table.cellFor("address", recorded) : previousValue(ctx, "address", oldValue),
        reason,
      );
      logAttempt(ctx, state, actor, t(lang, "edit.log.address", { value }), reason);
      return { kind: "address", ticket: state.ticket, address: value, ok: false, reason };
    };
    // Who may override is the workflow table's rule (domain/workflow.ts PERMISSIONS).
    if (!may(config, "override_address", state.stageKey, actor)) {
      const last = config.stages[config.stages.length - 1];
      return refuse(t(lang, "edit.address.who", { stage: last?.label ?? t(lang, "edit.address.technical") }));
    }
    if (["membuat akun", "akun dibuat", "selesai", "ditolak"].includes(state.status))
      return refuse(t(lang, "edit.address.closed"));
    // A request about an existing account names its account: it is checked against the directory
    // as asked, never moved to another (domain/services.ts).
    if (parseRegisterType(row.requestType) !== "akun_baru") return refuse(t(lang, "edit.address.service"));
    const address = value.trim().toLowerCase();
    const at = address.lastIndexOf("@");
    const local = at >= 0 ? address.slice(0, at) : address;
    const domain = at >= 0 ? address.slice(at + 1) : config.domain;
    if (domain !== config.domain) return refuse(t(lang, "edit.address.domain", { domain: config.domain }));
    const problems = checkUsername(local, namingPolicyFromConfig(config).reserved, lang);
    if (problems.length) return refuse(problems.map((p) => p.message).join(" "));
    const full = `${local}@${config.domain}`;
    const applicant = {
      name: rec.name,
      nip: rec.nip,
      nik: rec.nik,
      opdCode: rec.opd,
      accountType: rec.accountType || "pribadi",
      unitAcronym: rec.unitCode,
      proposedUsername: local,
    } as Parameters<typeof duplicateCheck>[0];
    const dup = duplicateCheck(applicant, state.ticket, candidateFacts(table, config, applicant), config);
    if (dup.proposed !== full)
      return refuse(
        `${t(lang, "edit.address.taken", { address: full })} ${dup.text.split("\n").slice(1).join(" ")}`.trim(),
      );
    const now = Date.now();
    // After approval ("Setujui dan teruskan"), a changed address goes back to the approving stage:
    // the approver sees it and approves again before an account can be made with it.
    const stages = config.stages;
    const here = stages.findIndex((s) => s.key === state.stageKey);
    // Approved = the request's last logged step is the approval (one read of that entry).
    const approvedNow = state.status === "disetujui" && readEntry(ctx, rec.lastLogSeq)?.action === "setujui";
    const approver = approvedNow && here > 0 ? stages[here - 1]! : null;
    const next = approver
      ? {
          status: "diproses" as const,
          stageKey: approver.key,
          responsible: [...approver.officials],
          stageEnteredMs: now,
        }
      : null;
    const due = next ? stepDeadlines(config, { stageKey: next.stageKey, stageEnteredMs: now }) : null;
    const note = `${recorded || t(lang, "common.empty")} \u2192 ${full}`;
    const [entry] = appendLog(ctx, [
      {
        ticket: state.ticket,
        from: stateLabel(state.status, state.stageKey),
        to: next ? stateLabel(next.status, next.stageKey) : stateLabel(state.status, state.stageKey),
        action: "ubah_alamat",
        actor,
        timeMs: now,
        note: next ? `${note}; ${t(lang, "edit.address.reapproval", { stage: approver!.label })}` : note,
      },
    ]);
    // The digest follows the new address only when the rest of the row is still the program's.
    // (The address cell already shows the typed value: the row before the edit had the recorded one.)
    const intact = personalDataIntact({ ...row, address: row.addressRecorded }, ctx.sha256);
    const changed: RegisterRow = { ...row, address: full, addressRecorded: full };
    changed.dupKeys = dupKeys(changed, config);
    const written: RegisterRow = {
      ...changed,
      duplicate: asSheetText(dup.text),
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now),
      ...(intact ? { dataDigest: personalDigest(changed, ctx.sha256) } : {}),
      ...(next
        ? {
            status: next.status,
            stage: stageLabel(config, next.stageKey),
            stageKey: next.stageKey,
            responsible: next.responsible.join(", "),
            stageEnteredAt: new Date(now),
            dueAt: due ? new Date(due.dueMs) : "",
            action: "",
          }
        : {}),
    };
    table.write(rowNumber, written);
    // The note is the message that stays: a toast from this trigger may never reach the editor.
    cell.setNote(t(lang, "edit.address.changed_note", { address: full, actor }));
    if (next) {
      setActionChoices(table, rowNumber, actionLabels(config, next.stageKey, next.status, row.requestType));
      mails.push(
        stageMail(
          ctx,
          stageRequestOf(rec, next.stageKey, next.responsible),
          rowUrl(ctx.ss, table.sheet, rowNumber),
          due ? due.dueMs : null,
          String(dup.text).split("\n")[0] ?? "",
          t(lang, "edit.address.reapproval_action"),
          actor,
          note,
        ),
      );
      ctx.ss.toast(t(lang, "edit.address.sent_back", { address: full, stage: approver!.label }), "Surel", 8);
    } else {
      ctx.ss.toast(t(lang, "edit.address.changed", { address: full }), "Surel", 5);
    }
    return { kind: "address", ticket: state.ticket, address: full, ok: true };
  });
}
