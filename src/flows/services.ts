/**
 * Intake of the account services form (domain/services.ts): a response becomes one register row
 * with its own ticket and its request type in **Jenis Permohonan**, so that the chain, the log,
 * the status page, the reminders and the service standard apply unchanged. Reached through
 * flows/intake.ts `processResponse` (the spreadsheet's one form-submit trigger fires for both forms; the
 * response is recognised by its questions) and the sweep's recovery of the services sheet.
 *
 * Exactly once, through the one intake pipeline (flows/intake-pipeline.ts): the response index is
 * checked and written under the script lock, the receipt and the stage notice are recorded as
 * pending mail before the index entry that marks the response done. A services response is known in the index and in the
 * register's **Baris Respons** by the NEGATIVE of its row number (the new-account form's rows are
 * positive), so neither intake can take the other's row for its own.
 *
 * Each type's own checks are one function in `SERVICE_INTAKE` (reset below); a type without one
 * is registered with the problem "belum tersedia" (it is not offered on the form until it has one).
 */
import {
  checkResetIdentity,
  resetStaffNote,
  validateResetClaim,
  type DirectoryRecord,
} from "../domain/reset.js";
import { SYSTEM_TITLES } from "../domain/form.js";
import { changeIntake } from "./changes.js";
import { isDeliverable } from "../domain/personalemail.js";
import { stateLabel } from "../domain/audit.js";
import {
  composeServiceReceipt,
  entryStageKey,
  mapServiceValues,
  parseServiceChoice,
  registerType,
  serviceLabel,
  serviceQuestionTitle,
  SERVICE_TYPES,
  type ServiceKind,
} from "../domain/services.js";
import { asSheetLiteral, asSheetText } from "../domain/sanitize.js";
import type { Status } from "../domain/request.js";
import { t, tx } from "../domain/text/index.js";
import { responsibleAt, stepDeadlines, SYSTEM_ACTOR } from "../domain/workflow.js";
import type { Ctx } from "../workspace/context.js";
import { rowUrl } from "../workspace/context.js";
import { getUser } from "../workspace/directory.js";
import { logError } from "../workspace/errors.js";
import { appendLog } from "../workspace/log.js";
import { mailsRecordedFor, type OutgoingMail } from "../workspace/mail.js";
import {
  actionLabels,
  cellMs,
  personalDigest,
  registerTable,
  setActionChoices,
  stageLabel,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { REGISTER_COLUMNS } from "../workspace/schema.js";
import { openStatusRecord } from "../workspace/statusrecords.js";
import { stageMail } from "./stagemail.js";
import { decodeRegisterRow } from "../workspace/registercodec.js";
import {
  allocateTicket,
  logResponseProblem,
  registerOnce,
  type ProcessResponse,
  type IntakeOutcome,
  type ServiceIntake,
  type ServiceIntakeInput,
} from "./intake-pipeline.js";

/**
 * Each enabled type's intake step (pure checks plus the directory reads it needs, outside the
 * lock). The departures branch adds its types here.
 */
export const SERVICE_INTAKE: Partial<Record<ServiceKind, (input: ServiceIntakeInput) => ServiceIntake>> = {
  reset_sandi: resetIntake,
  ubah_nama: (input) => changeIntake("ubah_nama", input),
  pindah_opd: (input) => changeIntake("pindah_opd", input),
  berhenti: (input) => changeIntake("berhenti", input),
  aktif_kembali: (input) => changeIntake("aktif_kembali", input),
};

/**
 * A password reset: the claim (address, NIP, personal e-mail) against the directory's record of
 * the address. The verdict goes to the staff only (masked); the applicant's receipt is the same
 * whatever it is. Only problems of the applicant's own input (an address outside the domain, a
 * NIP of the wrong length) are told to the applicant.
 */
function resetIntake({ ctx, answers }: ServiceIntakeInput): ServiceIntake {
  const { config } = ctx;
  const lang = config.language;
  const { claim, problems } = validateResetClaim(
    { address: answers.address ?? "", nip: answers.nip ?? "", personalEmail: answers.personalEmail ?? "" },
    config.domain,
  );
  const cells: Partial<RegisterRow> = {
    nip: asSheetLiteral(claim.nip || (answers.nip ?? "").trim()),
    personalEmail: asSheetText(claim.personalEmail),
    address: asSheetText(claim.address),
    addressRecorded: asSheetText(claim.address),
  };
  if (problems.length > 0)
    return { cells, problems: problems.map((p) => tx(lang, p.code, p.params)), check: "" };
  let record: DirectoryRecord | null;
  try {
    record = getUser(claim.address);
  } catch (e) {
    // The directory could not be asked: the staff check again before approving (execution does).
    logError(ctx.ss, "onFormSubmit", "", e);
    return { cells, problems: [], check: t(lang, "service.check.unavailable") };
  }
  const check = checkResetIdentity(claim, record, config.domain);
  return { cells, problems: [], check: resetStaffNote(check, lang) };
}

const SYSTEM = [...SYSTEM_TITLES.timestamp, ...SYSTEM_TITLES.email, ...SYSTEM_TITLES.score];

/** Registers one services response (from the trigger or the sweep). */
export const processServiceResponse: ProcessResponse = (
  ctx,
  responseRow,
  namedValues,
  submittedMs,
  opts = {},
) => {
  const { config } = ctx;
  const lang = config.language;
  const mapped = mapServiceValues(namedValues, SYSTEM);
  if (mapped.unknownTitles.length > 0)
    logResponseProblem(
      ctx,
      responseRow,
      mapped.unknownTitles.map((title) => t(lang, "form.unknown_title", { title })).join(" "),
    );
  const answers = mapped.answers;
  const chosen = (answers.service ?? "").trim();
  const kind = parseServiceChoice(chosen);
  const step = kind ? SERVICE_INTAKE[kind] : undefined;
  let intake: ServiceIntake;
  if (!chosen) intake = { cells: {}, problems: [t(lang, "service.type.missing")], check: "" };
  else if (!kind || !SERVICE_TYPES[kind].enabled || !step)
    intake = { cells: {}, problems: [t(lang, "service.type.unavailable", { value: chosen })], check: "" };
  else {
    intake = step({ ctx, answers, submittedMs });
    for (const field of SERVICE_TYPES[kind].needs)
      if (!(answers[field] ?? "").trim())
        intake.problems.push(
          t(lang, "service.field.required", {
            field: serviceQuestionTitle(field, lang),
            kind: serviceLabel(kind, lang),
          }),
        );
  }
  const fullName = (answers.fullName ?? "").trim().slice(0, 150);
  const personalEmail = String(intake.cells.personalEmail ?? answers.personalEmail ?? "")
    .replace(/^'/, "")
    .trim()
    .toLowerCase();
  const mails: OutgoingMail[] = [];
  // The row link's parts are asked now, so that the lock is held only for the writes.
  rowUrl(ctx.ss, registerTable(ctx.ss).sheet, 0);

  const recover = (register: RegisterTable, rowNumber: number, row: RegisterRow): IntakeOutcome => {
    const rec = decodeRegisterRow(row);
    const { ticket, stageKey } = rec;
    if (!mailsRecordedFor(ctx, ticket)) {
      const code = statusCode(ctx, ticket, fullName, rec.status, stageKey, submittedMs, false);
      queueMails(ctx, mails, ticket, kind, fullName, personalEmail, submittedMs, intake, code, {
        stageKey,
        responsible: rec.responsible,
        dueMs: rec.dueMs,
        url: rowUrl(ctx.ss, register.sheet, rowNumber),
      });
    }
    return { ticket, created: false };
  };

  const create = (register: RegisterTable): IntakeOutcome => {
    const now = Date.now();
    const ticket = allocateTicket(ctx, submittedMs);
    const ok = intake.problems.length === 0 && kind !== null;
    const stageKey = ok ? entryStageKey(kind, config) : "";
    const stage = config.stages.find((s) => s.key === stageKey);
    const status: Status = ok ? "baru" : "perlu perbaikan";
    const responsible = stage ? responsibleAt(stage) : [];
    const dueMs = stage ? (stepDeadlines(config, { stageKey, stageEnteredMs: now })?.dueMs ?? null) : null;
    const typeCell = kind ? registerType(kind) : asSheetText(chosen || "-");
    const [entry] = appendLog(ctx, [
      {
        ticket,
        from: "",
        to: stateLabel(status, stageKey),
        action: "diterima",
        actor: SYSTEM_ACTOR,
        timeMs: now,
        note: t(lang, "service.log.received", { kind: kind ? serviceLabel(kind, lang) : chosen || "-" }),
      },
    ]);
    const base = {} as RegisterRow;
    for (const c of REGISTER_COLUMNS) base[c.key] = "";
    const row: RegisterRow = {
      ...base,
      ...intake.cells,
      ticket,
      receivedAt: new Date(submittedMs),
      status,
      stage: stageLabel(config, stageKey),
      stageKey,
      responsible: responsible.join(", "),
      dueAt: dueMs ? new Date(dueMs) : "",
      fullName: asSheetText(fullName),
      name: asSheetText(fullName),
      personalEmail: asSheetText(personalEmail),
      problems: asSheetText(intake.problems.map((p) => `\u2022 ${p}`).join("\n")),
      duplicate: asSheetText(intake.check),
      stageEnteredAt: new Date(now),
      responseRow: -responseRow,
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now),
      requestType: typeCell,
    };
    const rowNumber = register.append({ ...row, dataDigest: personalDigest(row, ctx.sha256) });
    setActionChoices(register, rowNumber, actionLabels(config, stageKey, status, typeCell));
    const code = statusCode(ctx, ticket, fullName, status, stageKey, submittedMs, true);
    queueMails(ctx, mails, ticket, kind, fullName, personalEmail, submittedMs, intake, code, {
      stageKey,
      responsible,
      dueMs,
      url: rowUrl(ctx.ss, register.sheet, rowNumber),
    });
    return { ticket, created: true };
  };

  return registerOnce(
    ctx,
    mails,
    { indexRow: -responseRow, key: opts.key ?? "" },
    { isOwn: (row) => cellMs(row.receivedAt) === submittedMs, recover, create },
  );
};

function statusCode(
  ctx: Ctx,
  ticket: string,
  name: string,
  status: Status,
  stageKey: string,
  receivedMs: number,
  fresh: boolean,
): string {
  return openStatusRecord(ctx.ss, { ticket, name, status, stageKey, sinceMs: Date.now(), receivedMs }, fresh);
}

/**
 * The receipt to the address the applicant typed (the same text whatever the directory said)
 * and the notice to the entry stage's officials, who see the check in the register.
 */
function queueMails(
  ctx: Ctx,
  mails: OutgoingMail[],
  ticket: string,
  kind: ServiceKind | null,
  name: string,
  personalEmail: string,
  submittedMs: number,
  intake: ServiceIntake,
  code: string,
  at: { stageKey: string; responsible: string[]; dueMs: number | null; url: string },
): void {
  const { config } = ctx;
  if (isDeliverable(personalEmail, config.domain)) {
    const receipt = composeServiceReceipt(
      { ticket, kind, name, submittedMs, problems: intake.problems, statusCode: code },
      config,
    );
    mails.push({ ...receipt, to: [personalEmail], ticket });
  }
  if (at.stageKey && at.responsible.length > 0)
    mails.push(
      stageMail(
        ctx,
        { ticket, fullName: name, name, opdName: "", stageKey: at.stageKey, responsible: at.responsible },
        at.url,
        at.dueMs,
        intake.check.split("\n")[0] ?? "",
        "diterima",
        SYSTEM_ACTOR,
        kind ? serviceLabel(kind, config.language) : "",
      ),
    );
}
