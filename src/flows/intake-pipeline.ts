/**
 * The one intake pipeline every form response goes through, whatever its request type (a new
 * account, flows/application.ts; an account service, flows/services.ts): exactly once, under the
 * script lock. The response index is checked first (a duplicate delivery or a sweep re-run
 * changes nothing); a register row written by an execution cut off before its index entry is the
 * record (the type completes it); else the type registers the response. Its mails are recorded
 * as pending before the index entry that marks the response done.
 */
import { formatTicket, ticketPeriod, type Status } from "../domain/request.js";
import { ticketCounterKey } from "../domain/keys.js";
import { decide, SYSTEM_ACTOR, type Decision, type WorkflowAction } from "../domain/workflow.js";
import type { DateOrder } from "../domain/locale.js";
import type { ServiceFieldKey } from "../domain/services.js";
import type { Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { t } from "../domain/text/index.js";
import { INTAKE_LOCK_WAIT_MS } from "../workspace/lock.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { nextSerial } from "../workspace/properties.js";
import { indexTable, registerTable, type RegisterRow, type RegisterTable } from "../workspace/register.js";

export type NamedValues = Record<string, string[]>;

export interface IntakeOutcome {
  ticket: string;
  /** false when the response had been registered already (duplicate delivery, sweep re-run). */
  created: boolean;
  corrected?: boolean;
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

/**
 * What an account service type's own intake step (flows/services.ts SERVICE_INTAKE) gives: the
 * row's cells, the applicant's problems, the staff's check.
 */
export interface ServiceIntake {
  /** Register cells of the request (personal ones included: they are digested). */
  cells: Partial<RegisterRow>;
  /** Problems the applicant must correct (messages in the office language); none: into the chain. */
  problems: string[];
  /** What the staff read in the register's check column (Cek Duplikat): the directory's verdict. */
  check: string;
}

export interface ServiceIntakeInput {
  ctx: Ctx;
  answers: Partial<Record<ServiceFieldKey, string>>;
  submittedMs: number;
}

/** How one request type registers its response (the pipeline's variation point). */
export interface IntakeSteps {
  /** Whether the register row found under the response's row number is this response's. */
  isOwn(row: RegisterRow): boolean;
  /** Completes a registration cut off after its register row (its mails again when none went). */
  recover(register: RegisterTable, rowNumber: number, row: RegisterRow): IntakeOutcome;
  /** Registers the response (a new row, or a corrected one) and pushes its mails. */
  create(register: RegisterTable): IntakeOutcome;
}

/**
 * Runs a response through the pipeline. `indexRow` is how the index and the register's Baris
 * Respons know it (the services form's rows are negative, so that neither intake takes the
 * other's row for its own); `key` its stable identity ("" for none: the row number then).
 */
export function registerOnce(
  ctx: Ctx,
  mails: OutgoingMail[],
  response: { indexRow: number; key: string },
  steps: IntakeSteps,
): IntakeOutcome {
  const { indexRow, key } = response;
  return withOutbox(
    ctx,
    mails,
    (record): IntakeOutcome => {
      const index = indexTable(ctx.ss);
      const seen = key ? index.find("responseKey", key) : index.find("responseRow", String(indexRow));
      if (seen) return { ticket: String(index.read(seen).ticket), created: false };
      const register = registerTable(ctx.ss);
      // A row number is no identity (a deleted response row moves the ones below it): the type
      // tells whether the row found is this response's.
      const found = register.find("responseRow", String(indexRow));
      const foundRow = found ? register.read(found) : null;
      const outcome =
        found && foundRow && steps.isOwn(foundRow)
          ? steps.recover(register, found, foundRow)
          : steps.create(register);
      // The mails are recorded before the index entry that marks the response done.
      record();
      index.appendAtomic({
        responseRow: indexRow,
        ticket: outcome.ticket,
        time: new Date(),
        responseKey: key,
      });
      return outcome;
    },
    INTAKE_LOCK_WAIT_MS,
  );
}

/** The next ticket of the submission's month (the caller holds the script lock). */
export function allocateTicket(ctx: Ctx, submittedMs: number): string {
  const period = ticketPeriod(submittedMs, ctx.offset);
  return formatTicket("SRL", period, nextSerial(ticketCounterKey(period)));
}

/**
 * The system's step that puts a request received at `nowMs` into the chain: "mulai" for a new
 * one, "perbaikan_diterima" for a correction.
 */
export function enterChain(
  ctx: Ctx,
  ticket: string,
  status: Status,
  action: WorkflowAction,
  nowMs: number,
): Decision {
  return decide({
    state: { ticket, status, stageKey: "", stageEnteredMs: nowMs },
    actor: SYSTEM_ACTOR,
    action,
    note: "",
    config: ctx.config,
    nowMs,
  });
}

/** A problem of a response for the administrator (the error log names its response row). */
export function logResponseProblem(ctx: Ctx, responseRow: number, text: string): void {
  logError(ctx.ss, "onFormSubmit", t(ctx.config.language, "sheet.row", { row: responseRow }), text);
}

/** How a request type registers one response (the trigger's, the sweep's or a batch's). */
export type ProcessResponse = (
  ctx: Ctx,
  responseRow: number,
  namedValues: NamedValues,
  submittedMs: number,
  opts?: ResponseOptions,
) => IntakeOutcome;
