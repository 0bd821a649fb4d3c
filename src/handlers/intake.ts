/**
 * Form submission → one register row with a ticket, a receipt to the applicant, a notice to the
 * first official. The same response is registered once whatever happens: an index of processed
 * response rows is checked and written under the script lock; duplicate deliveries, blank events
 * and re-runs by the sweep change nothing.
 */
import { maskPhone } from "../domain/phone.js";
import { decide, SYSTEM_ACTOR, stepDeadlines } from "../domain/workflow.js";
import { actionLabels, setActionChoices } from "../workspace/register.js";
import { mapNamedValues } from "../domain/form.js";
import {
  composeCorrectionMail,
  composeReceiptMail,
  isDeliverable,
  maskEmail,
  validateApplication,
  type Problem,
} from "../domain/intake.js";
import {
  composeAddressKeptNotice,
  composeApplicantNotice,
  composeCorrectionRefusedNotice,
  composeStageNotice,
} from "../domain/notices.js";
import {
  formatTicket,
  newRequest,
  normalizeTicket,
  ticketCounterKey,
  ticketPeriod,
  type Applicant,
  type Request,
  type StoredProblem,
} from "../domain/request.js";
import { formatDate } from "../domain/letters.js";
import { stateLabel } from "../domain/audit.js";
import { t, tx } from "../domain/text/index.js";
import { context, rowUrl, sheetNamed, type Ctx } from "../workspace/context.js";
import { candidateFacts, duplicateCheck, dupKeys, type DuplicateOutcome } from "../workspace/duplicates.js";
import { logError } from "../workspace/errors.js";
import { appendLog } from "../workspace/log.js";
import { mailsRecordedFor, withOutbox, type OutgoingMail } from "../workspace/mail.js";
import {
  applicantCells,
  cellMs,
  indexTable,
  newRow,
  personalDigest,
  problemsText,
  registerTable,
  responseKey,
  rowState,
  stageLabel,
  type RegisterRow,
} from "../workspace/register.js";
import { asSheetText } from "../domain/sanitize.js";
import {
  holdRowHints,
  openStatusRecord,
  releaseRowHints,
  verifyStatusCode,
  warmStatusRecords,
} from "../workspace/statusrecords.js";
import {
  dateOrderOf,
  FUTURE_TOLERANCE_MS,
  parseTimestamp,
  responseTime,
  type DateOrder,
} from "../domain/locale.js";
import { invalidateConfig } from "../workspace/settings.js";
import { INTAKE_LOCK_WAIT_MS } from "../workspace/lock.js";
import { SHEET_NAMES } from "../workspace/schema.js";
import { isServiceSubmission } from "../domain/services.js";
import { processServiceResponse } from "../flows/services.js";

export type NamedValues = Record<string, string[]>;

export interface IntakeOutcome {
  ticket: string;
  /** false when the response had been registered already (duplicate delivery, sweep re-run). */
  created: boolean;
  corrected?: boolean;
}

/** The installable form-submit trigger. */
export function handleFormSubmit(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined,
): IntakeOutcome | null {
  // Apps Script sometimes delivers a second, blank event for one submission: nothing to register.
  if (!e || !e.range || !e.namedValues || Object.keys(e.namedValues).length === 0) {
    console.warn("onFormSubmit: blank event ignored");
    return null;
  }
  const ctx = context();
  const values = e.range.getValues()[0] ?? [];
  const stamp = values[0];
  const nowMs = Date.now();
  const key = responseKey(values);
  const text = String(e.values?.[0] ?? "");
  // A timestamp written as text is in the spreadsheet's locale (en_US: month first).
  const order = dateOrderOf(currentLocale(ctx, stamp, text));
  if (
    stamp instanceof Date &&
    !Number.isNaN(stamp.getTime()) &&
    stamp.getTime() <= nowMs + FUTURE_TOLERANCE_MS
  )
    return processResponse(ctx, e.range.getRow(), e.namedValues, stamp.getTime(), { dateOrder: order, key });
  const when = responseTime(stamp, text, order, ctx.offset, nowMs);
  return processResponse(ctx, e.range.getRow(), e.namedValues, when.ok ? when.ms : Date.now(), {
    dateOrder: order,
    key,
    ...(when.ok ? {} : { refusedStamp: { text: text || String(stamp ?? ""), reason: when.reason } }),
  });
}

/**
 * The spreadsheet's locale for this submission. The cached one (no call) is trusted while the
 * event's own timestamp text, read by it, gives the timestamp cell's time; when they disagree (the
 * locale was changed since the configuration was cached, and no sweep has noticed yet) the live
 * locale is read and the cache dropped. A change on a day whose date reads the same both ways
 * (11/11) is noticed by the next sweep.
 */
function currentLocale(ctx: Ctx, stamp: unknown, text: string): string {
  const cached = ctx.loaded.locale;
  if (cached === undefined) return ctx.ss.getSpreadsheetLocale();
  if (!(stamp instanceof Date) || Number.isNaN(stamp.getTime()) || text.trim() === "") return cached;
  const read = parseTimestamp(text, dateOrderOf(cached), ctx.offset);
  if (read !== null && Math.abs(read - stamp.getTime()) < 1000) return cached;
  const live = ctx.ss.getSpreadsheetLocale();
  if (live !== cached) {
    invalidateConfig();
    ctx.loaded.locale = live;
  }
  return live;
}

export interface ResponseOptions {
  /** How the spreadsheet's locale orders numeric dates (read from the spreadsheet when not given). */
  dateOrder?: DateOrder;
  /** The response's timestamp could not be used: registered at the time of processing instead. */
  refusedStamp?: { text: string; reason: "unreadable" | "future" };
  /** The response's stable identity (register.ts responseKey); "" for none (the row number then). */
  key?: string;
  /**
   * A person of a bulk request (flows/batch.ts): the batch's id goes into the register row and
   * the log, and the first stage gets one notice for the whole batch instead of one per person.
   */
  batch?: string;
}

function sameApplicant(row: RegisterRow, a: Applicant): boolean {
  const email = String(row.personalEmail).trim().toLowerCase();
  const nip = String(row.nip).replace(/\D/g, "");
  return (
    (email !== "" && email === a.personalEmail.trim().toLowerCase()) ||
    (nip.length === 18 && nip === a.nip.replace(/\D/g, ""))
  );
}

function storedProblems(problems: readonly Problem[]): StoredProblem[] {
  return problems.map((p) => ({
    code: p.code,
    field: p.field,
    severity: p.severity,
    message: p.message,
    ...(p.params ? { params: p.params } : {}),
  }));
}

/** Registers one response (from the trigger or the sweep). */
export function processResponse(
  ctx: Ctx,
  responseRow: number,
  namedValues: NamedValues,
  submittedMs: number,
  opts: ResponseOptions = {},
): IntakeOutcome {
  // The account services form writes into the same spreadsheet: its responses are its own kind.
  if (isServiceSubmission(namedValues))
    return processServiceResponse(ctx, responseRow, namedValues, submittedMs, opts);
  const key = opts.key ?? "";
  const { config } = ctx;
  const lang = config.language;
  const mapped = mapNamedValues(namedValues, lang);
  if (opts.refusedStamp) {
    const { text, reason } = opts.refusedStamp;
    logError(
      ctx.ss,
      "onFormSubmit",
      t(lang, "sheet.row", { row: responseRow }),
      t(lang, reason === "future" ? "locale.stamp_future" : "locale.stamp_unreadable", { text }),
    );
  }
  if (mapped.notes.length > 0) {
    // The form and the program disagree on question titles: the administrator must know.
    logError(
      ctx.ss,
      "onFormSubmit",
      t(lang, "sheet.row", { row: responseRow }),
      mapped.notes.map((n) => tx(lang, n.code, n.params)).join(" "),
    );
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

  holdRowHints();
  const outcome = withOutbox(
    ctx,
    mails,
    (record): IntakeOutcome => {
      const index = indexTable(ctx.ss);
      const seen = key ? index.find("responseKey", key) : index.find("responseRow", String(responseRow));
      if (seen) return { ticket: String(index.read(seen).ticket), created: false };
      const register = registerTable(ctx.ss);
      // An execution cut off after writing the register row but before the index entry: the row is
      // the record; the index is completed, nothing is registered twice.
      const found = register.find("responseRow", String(responseRow));
      const foundRow = found ? register.read(found) : null;
      // A row number is no identity (a deleted response row moves the ones below it): the register
      // row is this response's only if it has this response's time, or is the ticket it corrects.
      const written =
        foundRow &&
        (cellMs(foundRow.receivedAt) === submittedMs ||
          (previous !== null && String(foundRow.ticket) === previous))
          ? found
          : 0;
      if (written && foundRow) {
        const row = foundRow;
        const ticket = String(row.ticket);
        index.appendAtomic({ responseRow, ticket, time: new Date(now), responseKey: key });
        // The cut-off came before the mails were recorded (they are recorded last): a new request's
        // receipt and first notice are made again from the same answers and the row's state.
        if (cellMs(row.receivedAt) === submittedMs && !mailsRecordedFor(ctx, ticket)) {
          const req = newRequest(applicant, {
            ticket,
            submittedMs,
            idempotencyKey: `response:${responseRow}`,
            problems,
          });
          const state = rowState(row);
          req.status = state.status;
          req.stageKey = state.stageKey;
          req.responsible = String(row.responsible).split(/,\s*/).filter(Boolean);
          const due = cellMs(row.dueAt) || null;
          queueIntakeMails(
            ctx,
            req,
            rowUrl(ctx.ss, register.sheet, written),
            due,
            String(row.duplicate).split("\n")[0] ?? "",
            mails,
            // The receipt with the first code never went out: a new code replaces it.
            statusCodeFor(ctx, req, cellMs(row.stageEnteredAt) || now, false),
            !opts.batch,
          );
        } else {
          logError(ctx.ss, "onFormSubmit", ticket, t(lang, "intake.correction_unsent", { row: responseRow }));
        }
        return { ticket, created: false };
      }
      // A correction that is not applied: the request it named (when it waits for correction), and why.
      let refused: { rowNumber: number; row: RegisterRow; noCode: boolean } | null = null;
      if (previous) {
        const at = register.find("ticket", previous);
        const prevRow = at ? register.read(at) : null;
        // Tickets are sequential and NIPs printed on official papers: a correction must prove
        // control with the receipt's secret code, checked against its keyed hash under the status
        // page's attempt limits (a wrong code here counts there too, and the same answer is given
        // whether or not the ticket exists). It must also come from the same applicant (same
        // personal e-mail or NIP). Else it is a new request and the other one is untouched.
        const typedCode = (mapped.answers.statusCode ?? "").trim();
        const proven = typedCode !== "" && verifyStatusCode(ctx.ss, previous, typedCode, now) !== null;
        const waiting = prevRow !== null && rowState(prevRow).status === "perlu perbaikan";
        if (proven && waiting && sameApplicant(prevRow, applicant)) {
          const r = applyCorrection(ctx, at, prevRow, applicant, problems, responseRow, dup, now, mails);
          record();
          index.appendAtomic({ responseRow, ticket: previous, time: new Date(now), responseKey: key });
          return r;
        }
        if (!proven) {
          const code = typedCode === "" ? "correction.code_missing" : "correction.code_refused";
          problems.push({
            code,
            field: "statusCode",
            severity: "warning",
            message: tx(lang, code, { ticket: previous }),
          });
          if (waiting) refused = { rowNumber: at, row: prevRow, noCode: typedCode === "" };
        } else {
          problems.push({
            code: "notice.applicant.unknown_ticket",
            field: "previousTicket",
            severity: "warning",
            message: tx(lang, "notice.applicant.unknown_ticket", { ticket: applicant.previousTicket }),
          });
        }
      }

      const ticket = allocateTicket(ctx, submittedMs);

      const req = newRequest(applicant, {
        ticket,
        submittedMs,
        idempotencyKey: `response:${responseRow}`,
        problems,
      });
      req.updatedMs = now;
      let dueMs: number | null = null;
      let logTo = stateLabel(req.status, "");
      if (req.status === "baru") {
        const d = decide({
          state: { ticket, status: "baru", stageKey: "", stageEnteredMs: now },
          actor: SYSTEM_ACTOR,
          action: "mulai",
          note: "",
          config,
          nowMs: now,
        });
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
      if (refused) refuseCorrection(ctx, register, refused, ticket, applicant, now, mails);
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
      queueIntakeMails(
        ctx,
        req,
        rowUrl(ctx.ss, register.sheet, rowNumber),
        dueMs,
        dup.text.split("\n")[0] ?? "",
        mails,
        statusCodeFor(ctx, req, req.stageEnteredMs || now, true),
        !opts.batch,
      );
      // The mails are recorded before the index entry that marks the response done.
      record();
      index.appendAtomic({ responseRow, ticket, time: new Date(now), responseKey: key });
      return { ticket, created: true };
    },
    INTAKE_LOCK_WAIT_MS,
  );
  releaseRowHints();

  return outcome;
}

/** The next ticket of the submission's month (the caller holds the script lock). */
export function allocateTicket(ctx: Ctx, submittedMs: number): string {
  const props = PropertiesService.getScriptProperties();
  const period = ticketPeriod(submittedMs, ctx.offset);
  const counterKey = ticketCounterKey(period);
  const serial = Number(props.getProperty(counterKey) ?? "0") + 1;
  props.setProperty(counterKey, String(serial));
  return formatTicket("SRL", period, serial);
}

/**
 * A correction without the right code, for a request waiting for correction: the attempt is
 * logged on that request (its state unchanged) and its address on record is told, with the
 * ticket the submission was registered under. Nothing of the request changes.
 */
function refuseCorrection(
  ctx: Ctx,
  register: ReturnType<typeof registerTable>,
  refused: { rowNumber: number; row: RegisterRow; noCode: boolean },
  newTicket: string,
  applicant: Applicant,
  now: number,
  mails: OutgoingMail[],
): void {
  const { config } = ctx;
  const lang = config.language;
  const ticket = String(refused.row.ticket);
  const requested = maskEmail(applicant.personalEmail) || "-";
  const [entry] = appendLog(ctx, [
    {
      ticket,
      from: "perlu perbaikan",
      to: "perlu perbaikan",
      action: "perbaikan_ditolak",
      actor: SYSTEM_ACTOR,
      timeMs: now,
      note: t(lang, refused.noCode ? "intake.log.correction_no_code" : "intake.log.correction_wrong_code", {
        newTicket,
        requested,
      }),
    },
  ]);
  register.write(refused.rowNumber, { ...refused.row, lastLogSeq: entry!.seq, updatedAt: new Date(now) });
  const recorded = String(refused.row.personalEmail).trim().toLowerCase();
  if (!isDeliverable(recorded, config.domain)) return;
  const notice = composeCorrectionRefusedNotice(
    { ticket, name: String(refused.row.fullName || refused.row.name), newTicket, requested },
    config,
  );
  mails.push({ ...notice, to: [recorded], ticket });
}

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

export function stageMail(
  ctx: Ctx,
  req: {
    ticket: string;
    fullName: string;
    name: string;
    opdName: string;
    stageKey: string;
    responsible: string[];
  },
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

/** A corrected re-submission for a request in "perlu perbaikan": same ticket, history kept. */
function applyCorrection(
  ctx: Ctx,
  rowNumber: number,
  prevRow: ReturnType<ReturnType<typeof registerTable>["read"]>,
  applicant: Applicant,
  problems: StoredProblem[],
  responseRow: number,
  dup: DuplicateOutcome,
  now: number,
  mails: OutgoingMail[],
): IntakeOutcome {
  const { config } = ctx;
  const lang = config.language;
  const register = registerTable(ctx.ss);
  const ticket = String(prevRow.ticket);
  // The delivery address. A correction is matched on the e-mail OR the NIP, and NIPs are printed
  // on official papers: a correction never moves the letter (and the account's recovery address)
  // to another address while the one on record is deliverable. Only an administrator changes it,
  // with evidence. An address on record that was never deliverable (the reason to correct) may be
  // replaced: nobody can have received anything there.
  const recorded = String(prevRow.personalEmail).trim().toLowerCase();
  const requested = applicant.personalEmail;
  const keep = isDeliverable(recorded, config.domain) && requested !== recorded;
  // The mobile number becomes the account's recovery phone: the same rule. A valid number on
  // record stays (whoever knows the ticket and the NIP would otherwise take over the account's
  // recovery); a number that never was valid may be corrected.
  const recordedPhone = String(prevRow.phone).trim();
  const keepPhone = /^\+\d{8,15}$/.test(recordedPhone) && applicant.phone !== recordedPhone;
  const corrected: Applicant = {
    ...applicant,
    ...(keep ? { personalEmail: recorded } : {}),
    ...(keepPhone ? { phone: recordedPhone } : {}),
  };
  if (keepPhone) {
    for (let i = problems.length - 1; i >= 0; i--) if (problems[i]!.field === "phone") problems.splice(i, 1);
    problems.push({
      code: "correction.phone_kept",
      field: "phone",
      severity: "warning",
      message: tx(lang, "correction.phone_kept", { phone: maskPhone(recordedPhone) }),
    });
  }
  if (keep) {
    for (let i = problems.length - 1; i >= 0; i--)
      if (problems[i]!.field === "personalEmail") problems.splice(i, 1);
    problems.push({
      code: "correction.address_kept",
      field: "personalEmail",
      severity: "warning",
      message: tx(lang, "correction.address_kept", { address: recorded }),
    });
  }
  const delivery = [
    t(lang, "intake.log.delivery", {
      before: maskEmail(recorded) || "-",
      after: maskEmail(corrected.personalEmail) || "-",
    }),
    keep ? t(lang, "intake.log.delivery_kept", { requested: maskEmail(requested) || "-" }) : "",
    keepPhone ? t(lang, "intake.log.phone_kept", { phone: maskPhone(recordedPhone) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const mailTo = isDeliverable(corrected.personalEmail, config.domain) ? corrected.personalEmail : "";
  if (keep && mailTo) {
    const notice = composeAddressKeptNotice(
      { ticket, name: corrected.fullName || corrected.name, requested: maskEmail(requested) || "-" },
      config,
    );
    mails.push({ ...notice, to: [mailTo], ticket });
  }
  const hasErrors = problems.some((p) => p.severity === "error");
  const base = {
    ...prevRow,
    ...applicantCells(corrected, config.language),
    // A corrected name (or unit, or wish) gives its own address, not the misspelt one's.
    ...(dup.proposed ? { address: dup.proposed, addressRecorded: dup.proposed } : {}),
    problems: asSheetText(problemsText(problems)),
    responseRow,
    updatedAt: new Date(now),
  };
  base.dataDigest = personalDigest(base, ctx.sha256);
  base.dupKeys = dupKeys(base, config);
  if (hasErrors) {
    const [entry] = appendLog(ctx, [
      {
        ticket,
        from: "perlu perbaikan",
        to: "perlu perbaikan",
        action: "perbaikan_diajukan",
        actor: SYSTEM_ACTOR,
        timeMs: now,
        note: `${t(lang, "intake.log.problems", { count: problems.length })}; ${delivery}`,
      },
    ]);
    register.write(rowNumber, { ...base, lastLogSeq: entry!.seq });
    const mail = composeCorrectionMail(
      {
        ticket,
        name: corrected.fullName || corrected.name,
        items: problems.filter((p) => p.severity === "error").map((p) => p.message),
      },
      config,
    );
    if (mailTo) mails.push({ ...mail, to: [mailTo], ticket });
    return { ticket, created: false, corrected: false };
  }
  const d = decide({
    state: { ticket, status: "perlu perbaikan", stageKey: "", stageEnteredMs: now },
    actor: SYSTEM_ACTOR,
    action: "perbaikan_diterima",
    note: "",
    config,
    nowMs: now,
  });
  if (!d.ok) throw new Error(d.reason);
  const due =
    stepDeadlines(config, { stageKey: d.next.stageKey, stageEnteredMs: d.next.stageEnteredMs })?.dueMs ??
    null;
  const [entry] = appendLog(ctx, [{ ...d.logEntry, action: "perbaikan_diterima", note: delivery }]);
  register.write(rowNumber, {
    ...base,
    status: d.next.status,
    stage: stageLabel(config, d.next.stageKey),
    stageKey: d.next.stageKey,
    responsible: d.next.responsible.join(", "),
    stageEnteredAt: new Date(d.next.stageEnteredMs),
    dueAt: due ? new Date(due) : "",
    duplicate: asSheetText(dup.text),
    lastLogSeq: entry!.seq,
  });
  // Back in the chain: the first stage's dropdown (the row had none while it waited).
  setActionChoices(register, rowNumber, actionLabels(config, d.next.stageKey, d.next.status));
  const req = {
    ticket,
    fullName: corrected.fullName,
    name: corrected.name,
    opdName: corrected.opdName,
    stageKey: d.next.stageKey,
    responsible: d.next.responsible,
  };
  mails.push(
    stageMail(
      ctx,
      req,
      rowUrl(ctx.ss, register.sheet, rowNumber),
      due,
      dup.text.split("\n")[0] ?? "",
      t(ctx.config.language, "intake.correction_received"),
      SYSTEM_ACTOR,
      "",
    ),
  );
  if (mailTo) {
    const notice = composeApplicantNotice(
      "corrected",
      { ticket, name: corrected.fullName || corrected.name, reason: "" },
      config,
    );
    mails.push({ ...notice, to: [mailTo], ticket });
  }
  return { ticket, created: false, corrected: true };
}
