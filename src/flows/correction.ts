/**
 * A response that names an earlier ticket (the form's "Nomor tiket sebelumnya"): the correction
 * of a request waiting for one ("perlu perbaikan"), applied only when the receipt's secret code
 * proves control and it comes from the same applicant; else the attempt is logged on that request
 * and the response is a new request with a warning (flows/application.ts).
 */
import { maskPhone } from "../domain/phone.js";
import { SYSTEM_ACTOR, stepDeadlines } from "../domain/workflow.js";
import { actionLabels, setActionChoices } from "../workspace/register.js";
import { composeCorrectionMail } from "../domain/intakemail.js";
import { isDeliverable, maskEmail } from "../domain/personalemail.js";
import {
  composeAddressKeptNotice,
  composeApplicantNotice,
  composeCorrectionRefusedNotice,
} from "../domain/notices.js";
import type { Applicant, StoredProblem } from "../domain/request.js";
import { t, tx } from "../domain/text/index.js";
import { asSheetText } from "../domain/sanitize.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { dupKeys, type DuplicateOutcome } from "../workspace/duplicates.js";
import { appendLog } from "../workspace/log.js";
import type { OutgoingMail } from "../workspace/mail.js";
import {
  applicantCells,
  personalDigest,
  problemsText,
  registerTable,
  rowState,
  stageLabel,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { verifyStatusCode } from "../workspace/statusrecords.js";
import { stageMail } from "./stagemail.js";
import { decodeRegisterRow } from "../workspace/registercodec.js";
import { enterChain, type IntakeOutcome } from "./intake-pipeline.js";

/** A refused correction of a waiting request: logged on it once the new ticket is known. */
export interface RefusedCorrection {
  log(newTicket: string): void;
}

export interface CorrectionInput {
  /** The ticket named (normalised). */
  previous: string;
  /** The secret code typed ("" for none). */
  typed: string;
  applicant: Applicant;
  problems: StoredProblem[];
  responseRow: number;
  dup: DuplicateOutcome;
  now: number;
  mails: OutgoingMail[];
}

/**
 * Under the lock. Tickets are sequential and NIPs printed on official papers: a correction must
 * prove control with the receipt's secret code, checked against its keyed hash under the status
 * page's attempt limits (a wrong code here counts there too, and the same answer is given whether
 * or not the ticket exists). It must also come from the same applicant (same personal e-mail or
 * NIP). Else it is a new request (a problem says why) and the other one is untouched.
 */
export function correctOrRefuse(
  ctx: Ctx,
  register: RegisterTable,
  input: CorrectionInput,
): { outcome: IntakeOutcome } | { refused: RefusedCorrection | null } {
  const { previous, typed, applicant, problems, now, mails } = input;
  const lang = ctx.config.language;
  const at = register.find("ticket", previous);
  const prevRow = at ? register.read(at) : null;
  const proven = typed !== "" && verifyStatusCode(ctx.ss, previous, typed, now) !== null;
  const waiting = prevRow !== null && rowState(prevRow).status === "perlu perbaikan";
  if (proven && waiting && sameApplicant(prevRow, applicant))
    return {
      outcome: applyCorrection(
        ctx,
        at,
        prevRow,
        applicant,
        problems,
        input.responseRow,
        input.dup,
        now,
        mails,
      ),
    };
  if (proven) {
    problems.push({
      code: "notice.applicant.unknown_ticket",
      field: "previousTicket",
      severity: "warning",
      message: tx(lang, "notice.applicant.unknown_ticket", { ticket: applicant.previousTicket }),
    });
    return { refused: null };
  }
  const code = typed === "" ? "correction.code_missing" : "correction.code_refused";
  problems.push({
    code,
    field: "statusCode",
    severity: "warning",
    message: tx(lang, code, { ticket: previous }),
  });
  if (!waiting) return { refused: null };
  const refused = { rowNumber: at, row: prevRow, noCode: typed === "" };
  return {
    refused: {
      log: (newTicket) => refuseCorrection(ctx, register, refused, newTicket, applicant, now, mails),
    },
  };
}

function sameApplicant(row: RegisterRow, a: Applicant): boolean {
  const rec = decodeRegisterRow(row);
  const email = rec.personalEmail.trim().toLowerCase();
  const nip = rec.nip.replace(/\D/g, "");
  return (
    (email !== "" && email === a.personalEmail.trim().toLowerCase()) ||
    (nip.length === 18 && nip === a.nip.replace(/\D/g, ""))
  );
}

/**
 * A correction without the right code, for a request waiting for correction: the attempt is
 * logged on that request (its state unchanged) and its address on record is told, with the
 * ticket the submission was registered under. Nothing of the request changes.
 */
function refuseCorrection(
  ctx: Ctx,
  register: RegisterTable,
  refused: { rowNumber: number; row: RegisterRow; noCode: boolean },
  newTicket: string,
  applicant: Applicant,
  now: number,
  mails: OutgoingMail[],
): void {
  const { config } = ctx;
  const lang = config.language;
  const rec = decodeRegisterRow(refused.row);
  const { ticket } = rec;
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
  const recorded = rec.personalEmail.trim().toLowerCase();
  if (!isDeliverable(recorded, config.domain)) return;
  const notice = composeCorrectionRefusedNotice(
    { ticket, name: rec.fullName || rec.name, newTicket, requested },
    config,
  );
  mails.push({ ...notice, to: [recorded], ticket });
}

/** A corrected re-submission for a request in "perlu perbaikan": same ticket, history kept. */
function applyCorrection(
  ctx: Ctx,
  rowNumber: number,
  prevRow: RegisterRow,
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
  const rec = decodeRegisterRow(prevRow);
  const { ticket } = rec;
  // The delivery address. A correction is matched on the e-mail OR the NIP, and NIPs are printed
  // on official papers: a correction never moves the letter (and the account's recovery address)
  // to another address while the one on record is deliverable. Only an administrator changes it,
  // with evidence. An address on record that was never deliverable (the reason to correct) may be
  // replaced: nobody can have received anything there.
  const recorded = rec.personalEmail.trim().toLowerCase();
  const requested = applicant.personalEmail;
  const keep = isDeliverable(recorded, config.domain) && requested !== recorded;
  // The mobile number becomes the account's recovery phone: the same rule. A valid number on
  // record stays (whoever knows the ticket and the NIP would otherwise take over the account's
  // recovery); a number that never was valid may be corrected.
  const recordedPhone = rec.phone.trim();
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
  const d = enterChain(ctx, ticket, "perlu perbaikan", "perbaikan_diterima", now);
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
