/**
 * The letter: its number and archive copy (password masked), the new password set right before
 * it when this run does not hold the one the account was made with, the send (the one side effect
 * that cannot be looked up afterwards: the quota before and after it decides, domain saga.ts
 * afterSendError), and the closing: "selesai" logged, the OPD's copy.
 */
import { formatDuration } from "../../domain/calendar.js";
import { findOpd } from "../../domain/form.js";
import {
  addCalendarDays,
  archiveValues,
  credentialLetterValues,
  DEFAULT_SIGN_IN_URL,
} from "../../domain/letters.js";
import { formatDate } from "../../domain/dates.js";
import { generatePassword } from "../../domain/password.js";
import { redact } from "../../domain/provisioning/account.js";
import { composeCredentialMail, composeOpdNotice } from "../../domain/provisioning/mails.js";
import { afterSendError, isMailQuotaRefusal } from "../../domain/provisioning/saga.js";
import { asSheetLiteral, asSheetText } from "../../domain/sanitize.js";
import { t } from "../../domain/text/index.js";
import { decide, SYSTEM_ACTOR } from "../../domain/workflow.js";
import type { LogEntry } from "../../domain/audit.js";
import type { Ctx } from "../../workspace/context.js";
import { setPassword } from "../../workspace/directory.js";
import { errorText, logError } from "../../workspace/errors.js";
import {
  allocateLetterNumber,
  archiveName,
  archivePdf,
  letterPdf,
  makeArchiveCopy,
  removeArchiveLeftovers,
  sendLetterMail,
} from "../../workspace/letter.js";
import { idFromUrl } from "../../workspace/letterdrive.js";
import { appendLog, readEntriesFrom } from "../../workspace/log.js";
import { sendOrQueue, type OutgoingMail } from "../../workspace/mail.js";
import {
  cellMs,
  personalDataIntact,
  rowState,
  setActionChoices,
  type RegisterRow,
} from "../../workspace/register.js";
import { cellText, decodeRegisterRow } from "../../workspace/registercodec.js";
import { remainingMailQuota, uuid } from "../../workspace/runtime.js";
import {
  clearQueuedNote,
  commit,
  has,
  LostClaim,
  notifyAdmins,
  now,
  PermanentFailure,
  type Run,
} from "./claim.js";

/**
 * The holder's name in a letter: the directory's for a reset or a reactivation (read by the run;
 * the address when the directory has none), the form's for a new account.
 */
function letterName(r: Run): string {
  if (r.reset) return r.reset.name || r.rec.addressRecorded || r.rec.address;
  if (r.holderName !== null) return r.holderName || r.rec.addressRecorded || r.rec.address;
  return r.rec.fullName || r.rec.name;
}

function letterValues(
  r: Run,
  letterNumber: string,
  dateMs: number,
): ReturnType<typeof credentialLetterValues> {
  const { ctx } = r;
  const row = r.row;
  return credentialLetterValues(
    {
      ticket: r.ticket,
      receivedMs: cellMs(row.receivedAt) || dateMs,
      // A reset letter names the holder as the directory does (the form's name is the applicant's word).
      fullName: letterName(r),
      nip: r.rec.nip,
      position: r.rec.position,
      opdName: r.rec.opd,
      address: (r.rec.addressRecorded || r.rec.address).toLowerCase(),
      password: "",
      letterNumber,
      dateMs,
      activationDays: ctx.config.privacy.unusedCredentialDays,
    },
    ctx.config,
    ctx.offset,
  );
}

/** Letter number and the archive copy (password masked). */
function makeArchive(r: Run): void {
  const { ctx } = r;
  // A number this run did not allocate belongs to an earlier attempt, which may have left a
  // half-made copy under the same name.
  let leftovers = has(r.row.letterNumber) && !r.numberedHere;
  if (!has(r.row.letterNumber)) {
    commit(r, { label: "arsip", atMs: now() }, (row) => {
      if (has(row.letterNumber)) {
        leftovers = true;
        return {};
      }
      r.numberedHere = true;
      return { letterNumber: asSheetLiteral(allocateLetterNumber(ctx.config, ctx.offset, now())) };
    });
  }
  const letterNumber = r.rec.letterNumber;
  const name = archiveName(letterNumber, r.ticket);
  if (leftovers) removeArchiveLeftovers(name);
  const archive = makeArchiveCopy(
    archiveValues(letterValues(r, letterNumber, now()), "mask"),
    name,
    r.reset ? "reset" : "credential",
  );
  r.pending.archive = archive.url;
  r.row = { ...r.row, archive: archive.url };
}

/** Sends the letter. False when it waits for mail quota (the state says so). */
export function deliver(r: Run): boolean {
  const { ctx } = r;
  const { config } = ctx;
  const row = r.row;
  if (!personalDataIntact(row, ctx.sha256))
    throw new PermanentFailure(t(config.language, "provision.fail.tampered"));
  // A reset letter goes ONLY to the recovery address on record (read by this run), never to the row's.
  const to = r.reset ? r.reset.recipient : r.rec.personalEmail.trim().toLowerCase();
  if (remainingMailQuota() < 1) {
    r.password = null; // the sweep sends the letter later, with a new password
    commit(r, { label: "menunggu kuota", atMs: now() });
    return false;
  }
  if (!has(r.row.archive)) makeArchive(r);
  const address = (r.rec.addressRecorded || r.rec.address).toLowerCase();
  if (!r.password) {
    const password = generatePassword(uuid);
    setPassword(address, password);
    r.password = password;
  }
  const letterNumber = r.rec.letterNumber;
  const archiveId = idFromUrl(r.rec.archive);
  const pdf = letterPdf(
    archiveId,
    r.password,
    t(config.language, "provision.pdf_name", { number: letterNumber.replace(/\//g, "-") }),
    r.ticket,
    (message) => logError(ctx.ss, "provision", r.ticket, message),
  );
  const deadline = formatDate(
    addCalendarDays(now(), config.privacy.unusedCredentialDays),
    ctx.offset,
    config.language,
  );
  const mail = composeCredentialMail(
    {
      ticket: r.ticket,
      name: letterName(r),
      address,
      letterNumber,
      signInUrl: DEFAULT_SIGN_IN_URL,
      deadline,
      ...(r.reset ? { reset: true } : {}),
    },
    config,
  );
  let before = 0;
  commit(r, () => {
    before = remainingMailQuota();
    return { label: "mengirim", atMs: now(), quota: before };
  });
  try {
    sendLetterMail(config, to, mail, pdf);
  } catch (e) {
    let after: number | null = null;
    try {
      after = remainingMailQuota();
    } catch {
      after = null;
    }
    // The quota before and after the send says whether anything went out (domain saga.ts).
    const verdict = afterSendError(before, after, isMailQuotaRefusal(errorText(e)));
    if (verdict === "wait_quota") {
      r.password = null;
      commit(r, { label: "menunggu kuota", atMs: now() });
      return false;
    }
    if (verdict === "retry") throw e;
    // The quota moved: the letter may have gone out. Never send a second one.
    r.uncertain = true;
    logError(
      ctx.ss,
      "provision",
      r.ticket,
      t(config.language, "provision.maybe_sent", { detail: redact(errorText(e), r.password) }),
    );
  }
  r.password = null;
  r.sentMs = now();
  // The sent mark, written at once: the evidence a later run reads for THIS letter (its number
  // is on the row), whatever the quota window does. Should the write fail, the mark is kept for
  // whatever this run writes next, a failure state included: never sent twice.
  r.pending.letterSentAt = new Date(r.sentMs);
  try {
    commit(r, { label: "mengirim", atMs: now() });
  } catch (e) {
    if (e instanceof LostClaim) throw e;
    logError(ctx.ss, "provision", r.ticket, e);
  }
  return true;
}

/** The letter went out: the request is closed; the OPD gets its copy. */
export function finish(r: Run): void {
  const { ctx } = r;
  const { config } = ctx;
  const sentMs = r.sentMs || now();
  commit(r, { label: "selesai", atMs: now() }, (row, table, rowNumber) => {
    const rec = decodeRegisterRow(row);
    const extra: Partial<RegisterRow> = { letterSentAt: new Date(sentMs) };
    if (rec.status === "akun dibuat") {
      const d = decide({
        state: rowState(row),
        actor: SYSTEM_ACTOR,
        action: "selesaikan",
        note: t(config.language, "provision.log.finished", { number: rec.letterNumber }),
        config,
        nowMs: now(),
      });
      if (d.ok) {
        const [entry] = appendLog(ctx, [{ ...d.logEntry, ticket: r.ticket }]);
        const stage = config.stages.find((s) => s.key === rec.stageKey);
        const times = rec.stageTimes;
        const spent = stage
          ? `${stage.label}: ${formatDuration(d.stepMinutes, config.language)}${d.late ? ` ${t(config.language, "register.late")}` : ""}`
          : "";
        Object.assign(extra, {
          status: d.next.status,
          stage: "",
          stageKey: d.next.stageKey,
          responsible: "",
          dueAt: "",
          stageTimes: asSheetText([times, spent].filter(Boolean).join("; ")),
          lastLogSeq: entry!.seq,
        });
        setActionChoices(table, rowNumber, []);
      } else {
        logError(ctx.ss, "provision", r.ticket, `selesaikan: ${d.reason}`);
      }
    } else if (r.reissue) {
      // An earlier attempt of this reissue may have logged it and lost its row write (the log is
      // appended first): its entry names this letter number. A number this run allocated cannot
      // have been logged before.
      const logged = r.numberedHere ? null : reissueLogged(ctx, r.ticket, row);
      if (logged) {
        extra.lastLogSeq = logged.seq;
        return extra;
      }
      const [entry] = appendLog(ctx, [
        {
          ticket: r.ticket,
          // As written: the log records the status cell, which reconcile compares with it.
          from: cellText(row.status),
          to: cellText(row.status),
          action: "terbitkan_ulang",
          actor: SYSTEM_ACTOR,
          timeMs: now(),
          note: t(config.language, "provision.log.reissued", {
            number: rec.letterNumber,
            previous: r.previousLetter || "-",
          }),
        },
      ]);
      extra.lastLogSeq = entry!.seq;
    }
    return extra;
  });
  if (!r.reissue) clearQueuedNote(r);
  const address = (r.rec.addressRecorded || r.rec.address).toLowerCase();
  if (r.uncertain) {
    const text = t(config.language, "provision.warn.uncertain", { address });
    logError(ctx.ss, "provision", r.ticket, text);
    notifyAdmins(r, text);
  }
  const opd = findOpd(r.rec.opd, config.opds);
  const cc = opd?.ccEmail.trim();
  if (!cc) return;
  const letterNumber = r.rec.letterNumber;
  const notice = composeOpdNotice(
    {
      ticket: r.ticket,
      name: r.rec.fullName || r.rec.name,
      nip: r.rec.nip,
      opd: r.rec.opd,
      address,
      letterNumber,
    },
    config,
  );
  const mail: OutgoingMail = { ...notice, to: [cc], ticket: r.ticket };
  try {
    mail.attachments = [
      archivePdf(
        idFromUrl(r.rec.archive),
        t(config.language, "provision.archive_pdf_name", { number: letterNumber.replace(/\//g, "-") }),
      ),
    ];
  } catch (e) {
    logError(ctx.ss, "provision", r.ticket, e); // the notice goes without the copy
  }
  sendOrQueue(ctx, mail);
}

/**
 * The `terbitkan_ulang` entry of the row's current letter, if the log has it: searched among the
 * entries from the row's last recorded one on (a lost row write leaves the entry after it; the
 * sweep's reconciliation may have moved the row's number onto it). One read.
 */
function reissueLogged(ctx: Ctx, ticket: string, row: RegisterRow): LogEntry | null {
  const rec = decodeRegisterRow(row);
  const letterNumber = rec.letterNumber.trim();
  if (!letterNumber) return null;
  const from = Math.max(1, rec.lastLogSeq || 1);
  return (
    readEntriesFrom(ctx, from).find(
      (e) => e.ticket === ticket && e.action === "terbitkan_ulang" && e.note.includes(letterNumber),
    ) ?? null
  );
}
