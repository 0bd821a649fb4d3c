/**
 * An administrator asks for a new letter with a new password (the admin sheet, flows/admin.ts):
 * who may is the workflow table's (domain/workflow.ts `may`), whether the request allows it the
 * saga's rule (domain saga.ts reissueRefusal). The request is marked "diminta ulang"; the next
 * sweep, running as the service account, does the work.
 */
import { isErasureMarker } from "../../domain/retention.js";
import { reissueRefusal } from "../../domain/provisioning/saga.js";
import { formatProvisionState, parseProvisionState } from "../../domain/provisioning/state.js";
import { t, tx } from "../../domain/text/index.js";
import { may } from "../../domain/workflow.js";
import { context } from "../../workspace/context.js";
import { withScriptLock } from "../../workspace/lock.js";
import { appendLog } from "../../workspace/log.js";
import { registerTable } from "../../workspace/register.js";
import { cellText, decodeRegisterRow } from "../../workspace/registercodec.js";
import { has, now } from "./claim.js";

export interface ReissueOutcome {
  ok: boolean;
  ticket: string;
  message: string;
}

/**
 * An administrator asks for a new letter with a new password for a request (a letter that did not
 * arrive, a password that expired, a failure the sweep gave up on), on the admin sheet
 * (flows/admin.ts, which checked the requester). The request is marked "diminta ulang"; the
 * next sweep, running as the service account, does the work.
 */
export function requestReissue(ticketArg: string, requester: string): ReissueOutcome {
  const ctx = context();
  const lang = ctx.config.language;
  const actor = requester.toLowerCase();
  const ticket = ticketArg.trim().toUpperCase();
  if (!ticket) return { ok: false, ticket, message: t(lang, "provision.reissue.pick") };
  return withScriptLock((): ReissueOutcome => {
    const refuse = (reason: string): ReissueOutcome => ({
      ok: false,
      ticket,
      message: t(lang, "provision.reissue.refused", { ticket, reason }),
    });
    // Who may: the workflow table's; whether the request allows it: the saga's rule.
    if (!may(ctx.config, "request_reissue", "", actor)) return refuse(t(lang, "provision.reissue.not_admin"));
    const table = registerTable(ctx.ss);
    const rowNumber = table.find("ticket", ticket);
    const row = rowNumber ? table.read(rowNumber) : null;
    const rec = row ? decodeRegisterRow(row) : null;
    // Shown as written: the typed status would name a stray cell "baru".
    const status = row ? cellText(row.status) : "";
    const state = parseProvisionState(rec ? rec.provisioning : "");
    const refusal = reissueRefusal(
      row && { status, created: has(row.createdAt), erased: isErasureMarker(row.personalEmail), state },
      now(),
    );
    if (refusal || !row) return refuse(tx(lang, `provision.reissue.${refusal ?? "no_ticket"}`, { status }));
    const [entry] = appendLog(ctx, [
      {
        ticket,
        from: status,
        to: status,
        action: "terbitkan_ulang_diminta",
        actor,
        timeMs: now(),
        note: t(lang, "provision.log.reissue_requested", { label: state.label || "-" }),
      },
    ]);
    table.write(rowNumber, {
      ...row,
      provisioning: formatProvisionState({ label: "diminta ulang", atMs: now() }, ctx.offset),
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now()),
    });
    return { ok: true, ticket, message: t(lang, "provision.reissue.done", { ticket }) };
  });
}
