/**
 * The notice to a stage's officials that a request waits for them (intake, decisions, address
 * changes, provisioning, batches): composed from the configuration, addressed to the responsible.
 */
import { formatDate } from "../domain/dates.js";
import { composeStageNotice } from "../domain/notices.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import type { Ctx } from "../workspace/context.js";
import type { OutgoingMail } from "../workspace/mail.js";
import type { RegisterRecord } from "../workspace/registercodec.js";

/** What a stage notice needs to know of its request. */
export interface StageMailRequest {
  ticket: string;
  fullName: string;
  name: string;
  opdName: string;
  stageKey: string;
  responsible: string[];
}

/** A register request's notice to the officials of `stageKey`. */
export function stageRequestOf(
  rec: RegisterRecord,
  stageKey: string,
  responsible: string[],
): StageMailRequest {
  return {
    ticket: rec.ticket,
    fullName: rec.fullName,
    name: rec.name,
    opdName: rec.opd,
    stageKey,
    responsible,
  };
}

export function stageMail(
  ctx: Ctx,
  req: StageMailRequest,
  url: string,
  dueMs: number | null,
  duplicate: string,
  action: string,
  actor: string,
  note: string,
): OutgoingMail {
  const { config } = ctx;
  const stage = config.stages.find((s) => s.key === req.stageKey);
  const notice = composeStageNotice(
    {
      ticket: req.ticket,
      name: req.fullName || req.name,
      opd: req.opdName,
      stageLabel: stage?.label ?? req.stageKey,
      previousAction: action,
      previousActor: actor === SYSTEM_ACTOR ? t(config.language, "common.system") : actor,
      note,
      due: dueMs ? formatDate(dueMs, ctx.offset, config.language, { withTime: true }) : "",
      targetMinutes: stage?.targetMinutes ?? 0,
      duplicate,
      rowUrl: url,
    },
    config,
  );
  return { ...notice, to: req.responsible, ticket: req.ticket };
}
