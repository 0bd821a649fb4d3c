/**
 * The new-account form's request type in the intake pipeline (flows/intake-pipeline.ts): one
 * register row with a ticket, a receipt to the applicant, a notice to the first official; or a
 * correction of a request waiting for one (flows/correction.ts).
 */
import { SYSTEM_ACTOR, stepDeadlines } from "../domain/workflow.js";
import { mapNamedValues } from "../domain/form.js";
import { composeReceiptMail } from "../domain/intakemail.js";
import { isDeliverable } from "../domain/personalemail.js";
import { validateApplication, type Problem } from "../domain/intake.js";
import { newRequest, normalizeTicket, type Request, type StoredProblem } from "../domain/request.js";
import { stateLabel } from "../domain/audit.js";
import { t, tx } from "../domain/text/index.js";
import { dateOrderOf } from "../domain/locale.js";
import { asSheetText } from "../domain/sanitize.js";
import { rowUrl, sheetNamed, type Ctx } from "../workspace/context.js";
import { candidateFacts, duplicateCheck, dupKeys } from "../workspace/duplicates.js";
import { logError } from "../workspace/errors.js";
import { appendLog } from "../workspace/log.js";
import { mailsRecordedFor, type OutgoingMail } from "../workspace/mail.js";
import {
  actionLabels,
  cellMs,
  newRow,
  personalDigest,
  registerTable,
  rowState,
  setActionChoices,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import {
  holdRowHints,
  openStatusRecord,
  releaseRowHints,
  warmStatusRecords,
} from "../workspace/statusrecords.js";
import { stageMail } from "./stagemail.js";
import { cellText, decodeRegisterRow } from "../workspace/registercodec.js";
import { correctOrRefuse, type RefusedCorrection } from "./correction.js";
import {
  allocateTicket,
  enterChain,
  logResponseProblem,
  registerOnce,
  type ProcessResponse,
  type IntakeOutcome,
} from "./intake-pipeline.js";

function storedProblems(problems: readonly Problem[]): StoredProblem[] {
  return problems.map((p) => ({
    code: p.code,
    field: p.field,
    severity: p.severity,
    message: p.message,
    ...(p.params ? { params: p.params } : {}),
  }));
}

/** Registers one response of the new-account form (from the trigger or the sweep). */
export const processApplication: ProcessResponse = (
  ctx,
  responseRow,
  namedValues,
  submittedMs,
  opts = {},
) => {
  const { config } = ctx;
  const lang = config.language;
  const mapped = mapNamedValues(namedValues, lang);
  if (opts.refusedStamp) {
    const { text, reason } = opts.refusedStamp;
    logResponseProblem(
      ctx,
      responseRow,
      t(lang, reason === "future" ? "locale.stamp_future" : "locale.stamp_unreadable", { text }),
    );
  }
  if (mapped.notes.length > 0) {
    // The form and the program disagree on question titles: the administrator must know.
    logResponseProblem(ctx, responseRow, mapped.notes.map((n) => tx(lang, n.code, n.params)).join(" "));
  }
  const now = Date.now();
  // Date answers are text in the spreadsheet's locale: "11/3/2026" is 3 November in en_US.
  const order = opts.dateOrder ?? dateOrderOf(ctx.loaded.locale ?? ctx.ss.getSpreadsheetLocale());
  const intake = validateApplication(mapped.answers, {
    config,
    todayMs: submittedMs,
    dateOrder: order === "mdy" ? "mdy" : "dmy",
  });
  const problems = storedProblems(intake.problems);
  const applicant = intake.request;
  const mails: OutgoingMail[] = [];
  const previous = applicant.previousTicket ? normalizeTicket(applicant.previousTicket) : null;
  // The duplicate check searches the register's keys and asks the directory: advisory, so outside the lock.
  const outside = registerTable(ctx.ss);
  const dup = duplicateCheck(applicant, previous ?? "", candidateFacts(outside, config, applicant), config);
  // The row link's parts, the sheets and the status key are asked now, so that the lock is held
  // only for the searches, the ticket and the writes; the status row's cache hint goes after it.
  rowUrl(ctx.ss, outside.sheet, 0);
  for (const name of [SHEET_NAMES.responseIndex, SHEET_NAMES.log, SHEET_NAMES.mailQueue])
    sheetNamed(ctx.ss, name);
  warmStatusRecords(ctx.ss);

  /** The request this response makes under `ticket` (registered now, or recovered). */
  const requestFor = (ticket: string): Request =>
    newRequest(applicant, { ticket, submittedMs, idempotencyKey: `response:${responseRow}`, problems });
  /**
   * The receipt (with a status code opened at `sinceMs`; `freshCode`: the request's first) and,
   * unless the request came in a batch, the first stage's notice.
   */
  const queueMails = (
    register: RegisterTable,
    rowNumber: number,
    req: Request,
    dueMs: number | null,
    duplicate: string,
    sinceMs: number,
    freshCode: boolean,
  ): void =>
    queueIntakeMails(
      ctx,
      req,
      rowUrl(ctx.ss, register.sheet, rowNumber),
      dueMs,
      duplicate.split("\n")[0] ?? "",
      mails,
      statusCodeFor(ctx, req, sinceMs, freshCode),
      !opts.batch,
    );

  /** A cut-off after the register row: a new request's mails are made again when none went. */
  const recover = (register: RegisterTable, rowNumber: number, row: RegisterRow): IntakeOutcome => {
    const rec = decodeRegisterRow(row);
    const { ticket } = rec;
    if (rec.receivedMs === submittedMs && !mailsRecordedFor(ctx, ticket)) {
      const req = requestFor(ticket);
      const state = rowState(row);
      req.status = state.status;
      req.stageKey = state.stageKey;
      req.responsible = rec.responsible;
      // The receipt with the first code never went out: a new code replaces it.
      queueMails(register, rowNumber, req, rec.dueMs, rec.duplicate, rec.stageEnteredMs || now, false);
    } else {
      logError(ctx.ss, "onFormSubmit", ticket, t(lang, "intake.correction_unsent", { row: responseRow }));
    }
    return { ticket, created: false };
  };

  const create = (register: RegisterTable): IntakeOutcome => {
    let refused: RefusedCorrection | null = null;
    if (previous) {
      const typed = (mapped.answers.statusCode ?? "").trim();
      const c = correctOrRefuse(ctx, register, {
        previous,
        typed,
        applicant,
        problems,
        responseRow,
        dup,
        now,
        mails,
      });
      if ("outcome" in c) return c.outcome;
      refused = c.refused;
    }
    const ticket = allocateTicket(ctx, submittedMs);
    const req = requestFor(ticket);
    req.updatedMs = now;
    let dueMs: number | null = null;
    let logTo = stateLabel(req.status, "");
    if (req.status === "baru") {
      const d = enterChain(ctx, ticket, "baru", "mulai", now);
      if (d.ok) {
        req.stageKey = d.next.stageKey;
        req.responsible = d.next.responsible;
        req.stageEnteredMs = d.next.stageEnteredMs;
        dueMs =
          stepDeadlines(config, { stageKey: req.stageKey, stageEnteredMs: req.stageEnteredMs })?.dueMs ??
          null;
        logTo = d.logEntry.to;
      }
    }
    req.duplicateVerdict = dup.result.verdict;

    const [entry] = appendLog(ctx, [
      {
        ticket,
        from: "",
        to: logTo,
        action: "diterima",
        actor: SYSTEM_ACTOR,
        timeMs: now,
        note: [
          opts.batch
            ? t(lang, "batch.log.imported", { batch: opts.batch, letter: applicant.requestLetterNumber })
            : "",
          problems.length ? t(lang, "intake.log.problems", { count: problems.length }) : "",
        ]
          .filter(Boolean)
          .join("; "),
      },
    ]);
    if (refused) refused.log(ticket);
    const fresh: RegisterRow = {
      ...newRow(req, config, { responseRow, dueMs, logSeq: entry!.seq }),
      duplicate: asSheetText(dup.text),
      address: dup.proposed,
      addressRecorded: dup.proposed,
      batch: opts.batch ?? "",
    };
    // The row and its duplicate keys in one write: no cut leaves them apart.
    fresh.dupKeys = dupKeys(fresh, config);
    const rowNumber = register.append({ ...fresh, dataDigest: personalDigest(fresh, ctx.sha256) });
    setActionChoices(register, rowNumber, actionLabels(config, req.stageKey, req.status));
    queueMails(register, rowNumber, req, dueMs, dup.text, req.stageEnteredMs || now, true);
    return { ticket, created: true };
  };

  holdRowHints();
  const outcome = registerOnce(
    ctx,
    mails,
    { indexRow: responseRow, key: opts.key ?? "" },
    {
      // The register row is this response's only if it has this response's time, or is the
      // ticket it corrects.
      isOwn: (row) =>
        cellMs(row.receivedAt) === submittedMs || (previous !== null && cellText(row.ticket) === previous),
      recover,
      create,
    },
  );
  releaseRowHints();
  return outcome;
};

/** The status page's record of a new request, and the secret code for its receipt. */
function statusCodeFor(ctx: Ctx, req: Request, sinceMs: number, fresh: boolean): string {
  return openStatusRecord(
    ctx.ss,
    {
      ticket: req.ticket,
      name: req.name || req.fullName,
      status: req.status,
      stageKey: req.stageKey,
      sinceMs,
      receivedMs: req.submittedMs,
    },
    fresh,
  );
}

function queueIntakeMails(
  ctx: Ctx,
  req: Request,
  url: string,
  dueMs: number | null,
  duplicate: string,
  mails: OutgoingMail[],
  statusCode = "",
  stageNotice = true,
): void {
  const { config } = ctx;
  // Only a validated single address gets mail ("a@x.com, b@y.com" was refused: nobody is mailed).
  if (isDeliverable(req.personalEmail, config.domain)) {
    const receipt = composeReceiptMail(
      {
        ticket: req.ticket,
        applicant: req,
        submittedMs: req.submittedMs,
        problems: req.problems.map((p) => ({ ...p, field: null })),
        statusCode,
      },
      config,
    );
    mails.push({ ...receipt, to: [req.personalEmail], ticket: req.ticket });
  }
  if (req.stageKey && stageNotice)
    mails.push(stageMail(ctx, req, url, dueMs, duplicate, "diterima", SYSTEM_ACTOR, ""));
}
