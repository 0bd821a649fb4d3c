/**
 * Provisioning: the account in the directory exactly once, then the credential letter.
 *
 * Entry points: `provisionQueued` (the provisioning worker, worker.ts, for a request queued by
 * "Buat akun"), `sweepProvisioning` (the time-driven sweep: resumes what a cut-off run left, sends
 * letters that waited for mail quota, invalidates temporary passwords never used, calls a worker
 * for a queue nobody drains) and `requestReissue` (an administrator asks for a new letter with a
 * new password).
 *
 * Exactly once. Every step is recorded in the register row under the script lock BEFORE the side
 * effect it announces (domain/provisioning.ts has the state machine), and every write checks that
 * the row's state is still the one this run wrote (compare-and-set): a run that lost its claim
 * stops. A resuming run derives the next step from the row's facts:
 *   no "Akun Dibuat"       → the account step: users.get first (an account carrying this ticket's
 *                            marker is ours: no insert), else the duplicate check again, then
 *                            users.insert (a 409 confirmed as ours counts as success);
 *   no "Arsip Surat"       → group membership (409 is fine), letter number, archive copy;
 *   no "Surat Dikirim"     → the letter: a NEW password when this run does not hold the one the
 *                            account was created with (it only ever exists in memory);
 *   otherwise              → the request is closed ("selesai").
 * The letter mail is the one side effect that cannot be looked up afterwards. The state written
 * just before sending keeps the remaining mail quota; a send that failed, or a run cut off while
 * sending, is judged by the quota: unchanged on the same day = nothing went out, the letter is
 * sent again (new password); anything else = it may have gone out, so it is NOT sent again and the
 * administrators are asked to confirm with the applicant (at most one letter, never two).
 *
 * The Directory calls run outside the script lock: with backoff a call may take half a minute,
 * far longer than other triggers may wait for the lock; the directory itself refuses a second
 * account for an address (409), and the claim in the register keeps two runs off one request.
 */
import { isErasureMarker } from "../domain/retention.js";
import { formatDuration } from "../domain/calendar.js";
import { checkDuplicates, type DirectoryFacts } from "../domain/duplicates.js";
import { findOpd } from "../domain/form.js";
import {
  archiveValues,
  credentialLetterValues,
  formatDate,
  addCalendarDays,
  DEFAULT_SIGN_IN_URL,
} from "../domain/letters.js";
import { checkUsername } from "../domain/naming.js";
import { composeAdminNotice } from "../domain/notices.js";
import { generatePassword } from "../domain/password.js";
import {
  composeCredentialMail,
  composeExpiredNotice,
  composeOpdNotice,
  formatProvisionState,
  hasLoggedIn,
  isInProgress,
  isStale,
  MAX_ATTEMPTS,
  parseProvisionState,
  redact,
  resumeKind,
  type ResumeKind,
  userResource,
  failureKey,
  type AccountInput,
  type ProvisionState,
} from "../domain/provisioning.js";
import { asSheetLiteral, asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { decide, SYSTEM_ACTOR } from "../domain/workflow.js";
import type { OpdConfig } from "../domain/config.js";
import { context, rowUrl, type Ctx } from "../workspace/context.js";
import {
  addMember,
  DirectoryError,
  errorFacts,
  failureOf,
  getUser,
  groupExists,
  insertUser,
  ownership,
  setPassword,
  usersWithNip,
} from "../workspace/directory.js";
import { indexedFacts, registerFacts, subjectKeys, verdictText } from "../workspace/duplicates.js";
import { errorText, logError } from "../workspace/errors.js";
import {
  allocateLetterNumber,
  archiveName,
  archivePdf,
  cleanupWorkCopies,
  idFromUrl,
  letterPdf,
  makeArchiveCopy,
  removeArchiveLeftovers,
  sendLetterMail,
  TemplateError,
} from "../workspace/letter.js";
import { withScriptLock } from "../workspace/lock.js";
import { appendLog, readEntriesFrom } from "../workspace/log.js";
import type { LogEntry } from "../domain/audit.js";
import { ensureWorker, type Scheduling } from "../workspace/worker.js";
import { sendOrQueue, type OutgoingMail } from "../workspace/mail.js";
import {
  actionLabels,
  cellMs,
  personalDataIntact,
  registerTable,
  rowState,
  setActionChoices,
  type RegisterRow,
  type RegisterTable,
} from "../workspace/register.js";
import { SHEET_NAMES, type RegisterKey } from "../workspace/schema.js";
import { Table, type Cell } from "../workspace/table.js";
import { stageMail } from "./stagemail.js";
import { isRetryableJoinFailure, joinFailureText, recordPendingJoin } from "./groups.js";
import { reconcileRegister } from "./reconcile.js";
import { LicenceWait, licenceGate, licenceTaken } from "./licences.js";
import { executeChange } from "./change-execution.js";
import { parseRegisterType, serviceLabel, type ServiceKind } from "../domain/services.js";
import { checkResetIdentity, resetStaffNote } from "../domain/reset.js";
import { decodeAccountType } from "../workspace/registercodec.js";

const DAY_MS = 86_400_000;

/** A failure retrying cannot fix (the officials or an administrator must act). */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentFailure";
  }
}

/** Another run took the request over (its state is no longer the one this run wrote). */
class LostClaim extends Error {
  constructor(ticket: string) {
    super(`provisioning ${ticket}: the request's state changed under this run; it stops`);
    this.name = "LostClaim";
  }
}

export interface Run {
  ctx: Ctx;
  ticket: string;
  rowNumber: number;
  row: RegisterRow;
  /** The state cell as this run last wrote it (compare-and-set). */
  cell: string;
  attempts: number;
  /** The account's password, while this run holds it (memory only). */
  password: string | null;
  /** Facts not yet written (written with the next state). */
  pending: Partial<RegisterRow>;
  /** The letter may have gone out without the run knowing (the administrators are told). */
  uncertain: boolean;
  /** When the letter went out (0 = not yet). */
  sentMs: number;
  /** A new letter for a request that was already finished (requestReissue). */
  reissue: boolean;
  previousLetter: string;
  /** The letter number was allocated by this run (no earlier attempt can have used it). */
  numberedHere: boolean;
  /**
   * A password reset (domain/services.ts): the recovery address ON RECORD this run read from the
   * directory, the only place the letter may go, and the holder's name there. null otherwise.
   */
  reset: { recipient: string; name: string } | null;
  /**
   * A reactivation (flows/changes.ts): the holder's name as the directory records it, read by
   * this run; the letter names it (the form's name is the applicant's word). null otherwise.
   */
  holderName: string | null;
}

export type ProvisionResult =
  | "selesai"
  | "menunggu tanggal"
  | "menunggu kuota"
  | "menunggu lisensi"
  | "menunggu ulang"
  | "gagal"
  | "dilewati"
  | "digunakan"
  | "kedaluwarsa";

/**
 * A row as the sheet will give it back: Sheets does not store the leading apostrophe that
 * asSheetText / asSheetLiteral add, so the run's copy of a written row drops it too.
 */
function asStored(row: RegisterRow): RegisterRow {
  const out = { ...row };
  for (const key of Object.keys(out) as (keyof RegisterRow)[]) {
    const v = out[key];
    if (typeof v === "string" && v.startsWith("'")) out[key] = v.slice(1);
  }
  return out;
}

export const has = (c: Cell | undefined): boolean => c !== undefined && c !== null && String(c).trim() !== "";

/**
 * Whether the row's account step is recorded: the account was created ("Akun Dibuat"), or, for a
 * request about an existing account, the step was committed (status "akun dibuat" or later).
 */
function accountStepDone(row: RegisterRow): boolean {
  if (has(row.createdAt)) return true;
  if (parseRegisterType(row.requestType) === "akun_baru") return false;
  return String(row.status) === "akun dibuat" || String(row.status) === "selesai";
}
const now = (): number => Date.now();

// ---------------------------------------------------------------------------------------------
// Register access: locate, claim, commit
// ---------------------------------------------------------------------------------------------

function locate(
  table: RegisterTable,
  ticket: string,
  hint: number,
): { rowNumber: number; row: RegisterRow } | null {
  if (hint >= 2) {
    const row = table.read(hint);
    if (String(row.ticket) === ticket) return { rowNumber: hint, row };
  }
  const rowNumber = table.find("ticket", ticket);
  return rowNumber ? { rowNumber, row: table.read(rowNumber) } : null;
}

/**
 * The register as registerFacts reads it (a column at a time), served from ONE read of the whole
 * sheet: the duplicate check before creating costs three calls instead of three per column.
 */
class PreloadedRegister extends Table<RegisterKey> {
  private readonly rows: RegisterRow[];
  constructor(source: RegisterTable) {
    super(source.sheet, source.columns);
    this.rows = source.all().map((x) => x.row);
  }
  override column(key: RegisterKey): Cell[] {
    return this.rows.map((r) => r[key]);
  }
  override readColumns<C extends RegisterKey>(keys: readonly C[]): Record<C, Cell[]> {
    const out = {} as Record<C, Cell[]>;
    for (const key of keys) out[key] = this.column(key);
    return out;
  }
}

interface ClaimPlan {
  next: ProvisionState;
  extra?: Partial<RegisterRow>;
  attempts: number;
  reissue?: boolean;
  /** The previous letter's number (a reissue). */
  previousLetter?: string;
  /** The letter is taken as sent (a cut-off send the quota cannot rule out): finish at once. */
  presumedSentMs?: number;
}

/** Takes a request under the lock if `plan` agrees, writing the new state; null when not. */
function claim(
  ctx: Ctx,
  ticket: string,
  hint: number,
  plan: (row: RegisterRow, state: ProvisionState) => ClaimPlan | null,
): (Run & { presumedSentMs?: number }) | null {
  return withScriptLock(() => {
    const table = registerTable(ctx.ss);
    const found = locate(table, ticket, hint);
    if (!found) return null;
    const state = parseProvisionState(String(found.row.provisioning));
    const p = plan(found.row, state);
    if (!p) return null;
    const next: ProvisionState = p.reissue
      ? { ...p.next, reissueOf: p.previousLetter ?? String(found.row.letterNumber) }
      : p.next;
    const cell = formatProvisionState(next, ctx.offset);
    const row: RegisterRow = {
      ...found.row,
      ...(p.extra ?? {}),
      provisioning: cell,
      updatedAt: new Date(now()),
    };
    table.write(found.rowNumber, row);
    const run: Run & { presumedSentMs?: number } = {
      ctx,
      ticket,
      rowNumber: found.rowNumber,
      row: asStored(row),
      cell,
      attempts: p.attempts,
      password: null,
      pending: {},
      uncertain: false,
      sentMs: 0,
      reissue: !!p.reissue,
      previousLetter: p.reissue ? (p.previousLetter ?? String(found.row.letterNumber)) : "",
      numberedHere: false,
      reset: null,
      holderName: null,
    };
    if (p.presumedSentMs !== undefined) run.presumedSentMs = p.presumedSentMs;
    return run;
  });
}

/**
 * Writes the run's next state (and pending facts) under the lock, after checking the row still
 * holds the state this run wrote. `build` runs inside the lock for decisions and log entries.
 */
export function commit(
  r: Run,
  next: ProvisionState | (() => ProvisionState),
  build?: (row: RegisterRow, table: RegisterTable, rowNumber: number) => Partial<RegisterRow>,
): void {
  withScriptLock(() => {
    const table = registerTable(r.ctx.ss);
    const found = locate(table, r.ticket, r.rowNumber);
    if (!found || String(found.row.provisioning) !== r.cell) throw new LostClaim(r.ticket);
    const given = typeof next === "function" ? next() : next;
    // A reissue stays a reissue in every state it writes until it is finished.
    const state: ProvisionState =
      r.reissue && given.label !== "selesai" ? { ...given, reissueOf: r.previousLetter } : given;
    const extra = build ? build(found.row, table, found.rowNumber) : {};
    const cell = formatProvisionState(state, r.ctx.offset);
    const row: RegisterRow = {
      ...found.row,
      ...r.pending,
      ...extra,
      provisioning: cell,
      updatedAt: new Date(now()),
    };
    table.write(found.rowNumber, row);
    r.row = asStored(row);
    r.rowNumber = found.rowNumber;
    r.cell = cell;
    r.pending = {};
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/**
 * Called by the provisioning worker (worker.ts) for a request the edit handler queued ("Buat akun":
 * status "membuat akun", state "antre"); `hint` is the row the worker last saw it in. Claims it
 * only while it is still queued, so that workers running at once never both take it. Never
 * throws: whatever happens is recorded in the register (and the error log) for the sweep and the
 * people.
 */
export function provisionQueued(ctx: Ctx, ticket: string, hint = 0): ProvisionResult {
  let r: Run | null;
  try {
    r = claim(ctx, ticket, hint, (row, state) => {
      if (String(row.status) !== "membuat akun" || state.label !== "antre") return null;
      return { next: { label: "membuat", atMs: now() }, attempts: 0 };
    });
  } catch (e) {
    // The claim itself failed (lock, sheet): the row stays queued for the next worker or the sweep.
    logError(ctx.ss, "provision", ticket, e);
    return "menunggu ulang";
  }
  if (!r) return "dilewati";
  return execute(r);
}

/** Resumes one request the sweep found resumable (its state cell must still read `cellText`). */
export function resumeProvisioning(ctx: Ctx, ticket: string, cellText: string, hint = 0): ProvisionResult {
  const r = claim(ctx, ticket, hint, (row, state) => {
    if (String(row.provisioning) !== cellText) return null;
    const status = String(row.status);
    if (resumeKind(status, state, cellMs(row.updatedAt), now(), ctx.config.licences) === "none") return null;
    const attempts = state.label === "diminta ulang" ? 0 : (state.attempts ?? 0);
    if (status === "selesai" && state.label === "diminta ulang") {
      return {
        next: { label: "dibuat", atMs: now() },
        extra: { letterNumber: "", archive: "", letterSentAt: "" },
        attempts,
        reissue: true,
        previousLetter: String(row.letterNumber),
      };
    }
    // A reissue cut off or failed earlier: it goes on as a reissue, with its own letter number.
    // "Sent" is taken only from the evidence of that letter (its sent time), never from the
    // status "selesai" the request had before the reissue.
    const reissue = state.reissueOf !== undefined ? { reissue: true, previousLetter: state.reissueOf } : {};
    if (state.reissueOf === undefined && status === "selesai" && !has(row.letterSentAt)) {
      // "selesaikan" is in the log (the sweep repaired the status from it): the letter went out.
      return {
        next: { label: "mengirim", atMs: now() },
        extra: { letterSentAt: new Date(state.atMs || now()) },
        attempts,
      };
    }
    if (!accountStepDone(row)) return { next: { label: "membuat", atMs: now() }, attempts };
    if (!has(row.letterSentAt) && state.label === "mengirim" && state.quota !== undefined) {
      // A run was cut off while sending, before the sent mark written right after the send: did
      // the letter go out? Only an unchanged quota says no. The quota's window resets 24 hours
      // after its first use, at no fixed hour: a quota that went UP is a reset, which hides
      // whether this letter counted, so it is never read as "nothing went out".
      const quota = MailApp.getRemainingDailyQuota();
      if (quota === state.quota) return { next: { label: "mengirim", atMs: now() }, attempts, ...reissue };
      return {
        next: { label: "mengirim", atMs: now() },
        extra: { letterSentAt: new Date(state.atMs) },
        attempts,
        presumedSentMs: state.atMs,
        ...reissue,
      };
    }
    if (!has(row.archive) && !has(row.letterSentAt))
      return { next: { label: "dibuat", atMs: now() }, attempts, ...reissue };
    return { next: { label: "mengirim", atMs: now() }, attempts, ...reissue };
  });
  if (!r) return "dilewati";
  if (r.presumedSentMs !== undefined) {
    r.uncertain = true;
    r.sentMs = r.presumedSentMs;
  }
  return execute(r);
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

function execute(r: Run): ProvisionResult {
  try {
    // A request about an existing account (domain/services.ts) has its own steps.
    const kind = parseRegisterType(r.row.requestType);
    if (kind !== "akun_baru") return executeService(r, kind);
    let joined = false;
    if (!has(r.row.createdAt)) {
      createAccount(r);
      joinGroup(r);
      joined = true;
    }
    if (!r.sentMs && !has(r.row.letterSentAt)) {
      if (!joined && !has(r.row.archive)) joinGroup(r);
      if (!deliver(r)) return "menunggu kuota";
    }
    finish(r);
    return "selesai";
  } catch (e) {
    if (e instanceof LicenceWait) return waitForLicence(r, e);
    return fail(r, e);
  } finally {
    r.password = null;
  }
}

/**
 * The execution of a request about an existing account, by type (`null`: a Jenis cell the program
 * does not know). Each type reads the directory first (on a resumed run too: it is the record),
 * then makes its effect, every step committed under the lock before the effect it announces.
 * Types without a step here are refused clearly (they are not offered on the form either).
 */
function executeService(r: Run, kind: Exclude<ServiceKind, "akun_baru"> | null): ProvisionResult {
  const lang = r.ctx.config.language;
  switch (kind) {
    case "reset_sandi":
      return executeReset(r);
    case "ubah_nama":
    case "pindah_opd":
    case "berhenti":
    case "aktif_kembali":
      return executeChange(r, kind);
    default:
      throw new PermanentFailure(
        t(lang, "service.exec.unavailable", {
          kind: kind ? serviceLabel(kind, lang) : String(r.row.requestType),
        }),
      );
  }
}

/** No licence left to take (licences.ts): the request waits, logged; the administrators are told. */
function waitForLicence(r: Run, e: LicenceWait): ProvisionResult {
  const { ctx } = r;
  const lang = ctx.config.language;
  const address = String(r.row.addressRecorded || r.row.address).toLowerCase();
  const facts = { used: e.used, total: e.licences };
  try {
    const note = t(lang, "licence.stop.note", facts);
    commit(r, { label: "menunggu lisensi", atMs: now(), licences: e.licences, note }, (row) => {
      const [entry] = appendLog(ctx, [
        {
          ticket: r.ticket,
          from: String(row.status),
          to: String(row.status),
          action: "menunggu_lisensi",
          actor: SYSTEM_ACTOR,
          timeMs: now(),
          note,
        },
      ]);
      return { lastLogSeq: entry!.seq };
    });
  } catch (inner) {
    return fail(r, inner);
  }
  notifyAdmins(r, t(lang, "licence.stop", { ...facts, address, ticket: r.ticket }));
  return "menunggu lisensi";
}

interface AccountSpec extends AccountInput {
  opd: OpdConfig | null;
}

function accountSpec(r: Run): AccountSpec {
  const { config } = r.ctx;
  const row = r.row;
  const lang = config.language;
  // The personal columns changed outside the program (a paste by the owner): neither an account
  // nor a letter is made from them.
  if (!personalDataIntact(row, r.ctx.sha256)) throw new PermanentFailure(t(lang, "provision.fail.tampered"));
  const address = String(row.addressRecorded || row.address)
    .trim()
    .toLowerCase();
  const at = address.lastIndexOf("@");
  const local = at > 0 ? address.slice(0, at) : "";
  const domain = at > 0 ? address.slice(at + 1) : "";
  const problems = local
    ? checkUsername(local, [], lang).map((p) => p.message)
    : [t(lang, "provision.detail.no_address")];
  if (domain !== config.domain.toLowerCase())
    problems.push(t(lang, "provision.detail.domain", { domain: config.domain }));
  if (problems.length)
    throw new PermanentFailure(
      t(lang, "provision.fail.no_address", { detail: `${address || "-"}: ${problems.join(" ")}` }),
    );
  const personalEmail = String(row.personalEmail).trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(personalEmail) || personalEmail.endsWith(`@${config.domain}`))
    throw new PermanentFailure(t(lang, "provision.fail.no_personal_email"));
  const opd = findOpd(String(row.opd), config.opds);
  const spec: AccountSpec = {
    ticket: r.ticket,
    address,
    name: String(row.name) || String(row.fullName),
    accountType: decodeAccountType(row.accountType) || "pribadi",
    unitName: String(row.unitName),
    unitCode: String(row.unitCode),
    opdCode: opd ? opd.code : "",
    opdName: opd ? opd.name : String(row.opd),
    orgUnitPath: opd && opd.orgUnitPath ? opd.orgUnitPath : "/",
    nip: String(row.nip).replace(/\D/g, ""),
    phone: String(row.phone).trim(),
    personalEmail,
    position: String(row.position),
    domain: config.domain,
    opd,
  };
  const names = userResource(spec).name;
  if (!names.givenName || !names.familyName)
    throw new PermanentFailure(
      t(lang, "provision.fail.invalid", { detail: t(lang, "provision.detail.no_name") }),
    );
  return spec;
}

/** The duplicate check again, just before creating (register + directory). Throws on a hard match. */
function recheck(r: Run, spec: AccountSpec): string {
  const { ctx } = r;
  const lang = ctx.config.language;
  const facts: DirectoryFacts = { addresses: [], nips: [] };
  if (groupExists(spec.address)) facts.addresses.push({ address: spec.address, kind: "group" });
  if (spec.accountType === "pribadi")
    facts.nips = usersWithNip(spec.nip).filter((n) => n.address.toLowerCase() !== spec.address);
  // The rows sharing a key with the account (the register's duplicate keys; read whole only while
  // an earlier build's register has not got its keys yet).
  const table = registerTable(ctx.ss);
  const rows = indexedFacts(
    table,
    ctx.config,
    subjectKeys({
      nip: spec.nip,
      nik: String(r.row.nik),
      addresses: [spec.address],
      name: spec.name,
      opdCode: spec.opdCode,
    }),
    () => registerFacts(new PreloadedRegister(table), ctx.config),
  );
  const result = checkDuplicates(
    {
      ticket: r.ticket,
      accountType: spec.accountType,
      nip: spec.nip,
      nik: String(r.row.nik),
      address: spec.address,
      name: spec.name,
      opdCode: spec.opdCode,
    },
    rows,
    facts,
    undefined,
    lang,
  );
  const blocking = result.matches.filter((m) => m.severity === "sudah terdaftar");
  if (blocking.length)
    throw new PermanentFailure(
      t(lang, "provision.fail.duplicate", { detail: blocking.map((m) => m.detail).join(" ") }),
    );
  return [
    t(lang, "provision.recheck", { verdict: verdictText(result.verdict, lang), address: spec.address }),
    ...result.matches.map((m) => m.detail),
  ].join("\n");
}

function createAccount(r: Run): void {
  const { ctx } = r;
  const lang = ctx.config.language;
  const spec = accountSpec(r);
  const own = ownership(spec.address, r.ticket);
  if (own.kind === "other")
    throw new PermanentFailure(
      t(lang, "provision.fail.address_taken", {
        address: spec.address,
        owner: own.what === "alias" ? t(lang, "provision.alias_of", { owner: own.owner }) : own.owner,
      }),
    );
  let created: GoogleAppsScript.AdminDirectory.Schema.User;
  let duplicateText = "";
  if (own.kind === "ours") {
    created = own.user; // an earlier run created it; its password is gone with that run
  } else {
    duplicateText = recheck(r, spec);
    licenceGate(ctx);
    const password = generatePassword(() => Utilities.getUuid());
    r.password = password;
    created = insertUser(userResource(spec), password, r.ticket);
  }
  const createdMs = Date.parse(String(created.creationTime ?? "")) || now();
  commit(r, { label: "dibuat", atMs: now() }, (row, table, rowNumber) => {
    const extra: Partial<RegisterRow> = { createdAt: new Date(createdMs) };
    licenceTaken(ctx, spec.address);
    if (duplicateText) extra.duplicate = asSheetText(duplicateText);
    return { ...extra, ...accountReady(r, row, table, rowNumber, spec.address) };
  });
}

/**
 * Inside the commit that records the account step: the letter's number (taken in this same
 * critical section: the letter follows at once) and the workflow's `akun_dibuat`, logged.
 */
function accountReady(
  r: Run,
  row: RegisterRow,
  table: RegisterTable,
  rowNumber: number,
  note: string,
): Partial<RegisterRow> {
  const { ctx } = r;
  const extra: Partial<RegisterRow> = {};
  if (!has(row.letterNumber)) {
    extra.letterNumber = asSheetLiteral(allocateLetterNumber(ctx.config, ctx.offset, now()));
    r.numberedHere = true;
  }
  if (String(row.status) !== "membuat akun") return extra; // already moved on (the sweep repaired the row from the log)
  const d = decide({
    state: rowState(row),
    actor: SYSTEM_ACTOR,
    action: "akun_dibuat",
    note,
    config: ctx.config,
    nowMs: now(),
  });
  if (d.ok) {
    const [entry] = appendLog(ctx, [{ ...d.logEntry, ticket: r.ticket }]);
    extra.status = d.next.status;
    extra.lastLogSeq = entry!.seq;
    setActionChoices(
      table,
      rowNumber,
      actionLabels(ctx.config, d.next.stageKey, d.next.status, row.requestType),
    );
  } else {
    logError(ctx.ss, "provision", r.ticket, `akun_dibuat: ${d.reason}`);
  }
  return extra;
}

/**
 * A password reset, carried out: the directory is read FIRST (on a resumed run too), the claim
 * on the row (address, NIP, personal e-mail) must still match the record, and the letter goes
 * only to the record's recovery address. The first run that matches records the step ("dibuat",
 * the letter number, `akun_dibuat` logged) before any effect; the new password is set by
 * `deliver` (Users.update with changePasswordAtNextLogin) right before the letter, as for a
 * resumed new account: the letter's password is the one set last, and the mail is sent at most
 * once (the quota rule).
 */
function executeReset(r: Run): ProvisionResult {
  const { ctx } = r;
  const { config } = ctx;
  const lang = config.language;
  if (!r.sentMs && !has(r.row.letterSentAt)) {
    if (!personalDataIntact(r.row, ctx.sha256))
      throw new PermanentFailure(t(lang, "provision.fail.tampered"));
    const claim = {
      address: String(r.row.addressRecorded || r.row.address)
        .trim()
        .toLowerCase(),
      nip: String(r.row.nip).replace(/\D/g, ""),
      personalEmail: String(r.row.personalEmail).trim().toLowerCase(),
    };
    const record = getUser(claim.address);
    const check = checkResetIdentity(claim, record, config.domain);
    if (check.verdict !== "match" || !check.recipient || !record)
      throw new PermanentFailure(t(lang, "reset.exec.mismatch", { detail: resetStaffNote(check, lang) }));
    r.reset = { recipient: check.recipient, name: String(record.name?.fullName ?? "") };
    if (String(r.row.status) === "membuat akun")
      commit(r, { label: "dibuat", atMs: now() }, (row, table, rowNumber) =>
        accountReady(r, row, table, rowNumber, t(lang, "reset.log.verified", { address: claim.address })),
      );
    if (!deliver(r)) return "menunggu kuota";
  }
  finish(r);
  return "selesai";
}

/**
 * Group membership per OPD. A failure retrying later can fix (the group does not exist, an address
 * the directory refuses) does not stop the account or the letter: the join is kept for the sweep
 * (groups.ts), the administrators are told once in the office's language. Anything else (a passing
 * failure, no admin right) fails the step, which is retried.
 */
function joinGroup(r: Run): void {
  const opd = findOpd(String(r.row.opd), r.ctx.config.opds);
  const group = opd?.group.trim();
  if (!group) return;
  const address = String(r.row.addressRecorded || r.row.address).toLowerCase();
  try {
    addMember(group, address);
  } catch (e) {
    const f = e instanceof DirectoryError ? e.failure : failureOf(e, "member");
    if (!isRetryableJoinFailure(f)) throw e; // transient or not authorized: the step is retried
    console.warn(`provision: group join ${r.ticket}: ${errorText(e)}`);
    const fresh = recordPendingJoin(r.ticket, {
      address,
      opd: String(r.row.opd),
      group,
      attempts: 1,
      failure: f,
    });
    if (!fresh) return;
    const text = joinFailureText(r.ctx, address, group, f);
    logError(r.ctx.ss, "provision", r.ticket, text);
    notifyAdmins(r, text);
  }
}

/**
 * The holder's name in a letter: the directory's for a reset or a reactivation (read by the run;
 * the address when the directory has none), the form's for a new account.
 */
function letterName(r: Run): string {
  const row = r.row;
  if (r.reset) return r.reset.name || String(row.addressRecorded || row.address);
  if (r.holderName !== null) return r.holderName || String(row.addressRecorded || row.address);
  return String(row.fullName) || String(row.name);
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
      nip: String(row.nip),
      position: String(row.position),
      opdName: String(row.opd),
      address: String(row.addressRecorded || row.address).toLowerCase(),
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
  const letterNumber = String(r.row.letterNumber);
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
  const to = r.reset ? r.reset.recipient : String(row.personalEmail).trim().toLowerCase();
  if (MailApp.getRemainingDailyQuota() < 1) {
    r.password = null; // the sweep sends the letter later, with a new password
    commit(r, { label: "menunggu kuota", atMs: now() });
    return false;
  }
  if (!has(r.row.archive)) makeArchive(r);
  const address = String(row.addressRecorded || row.address).toLowerCase();
  if (!r.password) {
    const password = generatePassword(() => Utilities.getUuid());
    setPassword(address, password);
    r.password = password;
  }
  const letterNumber = String(r.row.letterNumber);
  const archiveId = idFromUrl(String(r.row.archive));
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
    before = MailApp.getRemainingDailyQuota();
    return { label: "mengirim", atMs: now(), quota: before };
  });
  try {
    sendLetterMail(config, to, mail, pdf);
  } catch (e) {
    let after: number | null = null;
    try {
      after = MailApp.getRemainingDailyQuota();
    } catch {
      after = null;
    }
    if (after !== null && after === before) {
      // Nothing went out. (A quota that went up is a window reset: it proves nothing.)
      if (after < 1) {
        r.password = null;
        commit(r, { label: "menunggu kuota", atMs: now() });
        return false;
      }
      throw e;
    }
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
    const extra: Partial<RegisterRow> = { letterSentAt: new Date(sentMs) };
    if (String(row.status) === "akun dibuat") {
      const d = decide({
        state: rowState(row),
        actor: SYSTEM_ACTOR,
        action: "selesaikan",
        note: t(config.language, "provision.log.finished", { number: String(row.letterNumber) }),
        config,
        nowMs: now(),
      });
      if (d.ok) {
        const [entry] = appendLog(ctx, [{ ...d.logEntry, ticket: r.ticket }]);
        const stage = config.stages.find((s) => s.key === String(row.stageKey));
        const times = String(row.stageTimes);
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
          from: String(row.status),
          to: String(row.status),
          action: "terbitkan_ulang",
          actor: SYSTEM_ACTOR,
          timeMs: now(),
          note: t(config.language, "provision.log.reissued", {
            number: String(row.letterNumber),
            previous: r.previousLetter || "-",
          }),
        },
      ]);
      extra.lastLogSeq = entry!.seq;
    }
    return extra;
  });
  if (!r.reissue) clearQueuedNote(r);
  const row = r.row;
  const address = String(row.addressRecorded || row.address).toLowerCase();
  if (r.uncertain) {
    const text = t(config.language, "provision.warn.uncertain", { address });
    logError(ctx.ss, "provision", r.ticket, text);
    notifyAdmins(r, text);
  }
  const opd = findOpd(String(row.opd), config.opds);
  const cc = opd?.ccEmail.trim();
  if (!cc) return;
  const letterNumber = String(row.letterNumber);
  const notice = composeOpdNotice(
    {
      ticket: r.ticket,
      name: String(row.fullName) || String(row.name),
      nip: String(row.nip),
      opd: String(row.opd),
      address,
      letterNumber,
    },
    config,
  );
  const mail: OutgoingMail = { ...notice, to: [cc], ticket: r.ticket };
  try {
    mail.attachments = [
      archivePdf(
        idFromUrl(String(row.archive)),
        t(config.language, "provision.archive_pdf_name", { number: letterNumber.replace(/\//g, "-") }),
      ),
    ];
  } catch (e) {
    logError(ctx.ss, "provision", r.ticket, e); // the notice goes without the copy
  }
  sendOrQueue(ctx, mail);
}

// ---------------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------------

interface Judgement {
  permanent: boolean;
  reason: string;
}

function judge(r: Run, e: unknown, message: string): Judgement {
  const lang = r.ctx.config.language;
  if (e instanceof PermanentFailure) return { permanent: true, reason: message };
  if (e instanceof TemplateError)
    return { permanent: false, reason: t(lang, "provision.fail.template", { detail: message }) };
  // A Directory error is known by its class or by the code/reason it carries, not by its wording.
  const facts = errorFacts(e);
  const directory = e instanceof DirectoryError || facts.code !== undefined || facts.reason !== undefined;
  if (directory) {
    const f = e instanceof DirectoryError ? e.failure : failureOf(e);
    if (f === "not_authorized") {
      let user = "";
      try {
        user = Session.getEffectiveUser().getEmail();
      } catch {
        user = "";
      }
      return {
        permanent: true,
        reason: t(lang, "provision.fail.not_authorized", {
          user: user || t(lang, "common.unknown"),
          detail: message,
        }),
      };
    }
    if (f === "invalid")
      return { permanent: true, reason: t(lang, "provision.fail.invalid", { detail: message }) };
    if (f === "exists") {
      const address = String(r.row.addressRecorded || r.row.address);
      const owner = e instanceof DirectoryError && e.detail ? e.detail : "-";
      return { permanent: true, reason: t(lang, "provision.fail.address_taken", { address, owner }) };
    }
    // Anything else from the directory is named by its class in the office's language; Google's
    // own text (English, or translated) stays in the error log.
    return { permanent: false, reason: t(lang, failureKey(f)) };
  }
  return { permanent: false, reason: message };
}

function fail(r: Run, e: unknown): ProvisionResult {
  const secret = r.password;
  r.password = null;
  const { ctx } = r;
  const lang = ctx.config.language;
  logError(ctx.ss, "provision", r.ticket, redact(errorText(e), secret));
  if (e instanceof LostClaim) return "dilewati";
  // People read the message without the exception's class name.
  const { permanent, reason } = judge(r, e, redact(e instanceof Error ? e.message : String(e), secret));
  const address = String(r.row.addressRecorded || r.row.address);
  const attempts = r.attempts + 1;
  try {
    if (!accountStepDone(r.row) && (permanent || attempts >= MAX_ATTEMPTS)) {
      failCreation(
        r,
        permanent ? reason : t(lang, "provision.fail.gave_up", { address, count: attempts, detail: reason }),
      );
      return "gagal";
    }
    if (attempts >= MAX_ATTEMPTS) {
      const text = t(lang, "provision.fail.gave_up", { address, count: attempts, detail: reason });
      commit(r, { label: "gagal", atMs: now(), attempts, note: reason });
      notifyAdmins(r, text);
      return "gagal";
    }
    commit(r, { label: "menunggu ulang", atMs: now(), attempts, note: reason });
    if (attempts === 1)
      notifyAdmins(r, permanent ? reason : t(lang, "provision.warn.failure", { address, detail: reason }));
    return "menunggu ulang";
  } catch (inner) {
    // The state could not be written: the run's in-progress state goes stale and the sweep resumes.
    logError(ctx.ss, "provision", r.ticket, redact(errorText(inner), secret));
    return "menunggu ulang";
  }
}

/** The account could not be created: back to the technical stage (gagal_buat_akun). */
function failCreation(r: Run, reason: string): void {
  const { ctx } = r;
  const { config } = ctx;
  const mails: OutgoingMail[] = [];
  commit(r, { label: "gagal", atMs: now(), note: reason }, (row, table, rowNumber) => {
    const d = decide({
      state: rowState(row),
      actor: SYSTEM_ACTOR,
      action: "gagal_buat_akun",
      note: reason,
      config,
      nowMs: now(),
    });
    if (!d.ok) {
      logError(ctx.ss, "provision", r.ticket, `gagal_buat_akun: ${d.reason}`);
      return {};
    }
    const [entry] = appendLog(ctx, [{ ...d.logEntry, ticket: r.ticket }]);
    setActionChoices(table, rowNumber, actionLabels(config, d.next.stageKey, d.next.status, row.requestType));
    const url = rowUrl(ctx.ss, table.sheet, rowNumber);
    const name = String(row.fullName) || String(row.name);
    for (const n of d.notify) {
      if (n.audience === "stage") {
        mails.push(
          stageMail(
            ctx,
            {
              ticket: r.ticket,
              fullName: String(row.fullName),
              name: String(row.name),
              opdName: String(row.opd),
              stageKey: n.stageKey,
              responsible: n.emails,
            },
            url,
            null,
            String(row.duplicate).split("\n")[0] ?? "",
            t(config.language, "provision.failed_action"),
            SYSTEM_ACTOR,
            reason,
          ),
        );
      } else if (n.audience === "admins") {
        mails.push({
          ...composeAdminNotice({ ticket: r.ticket, name, note: reason, rowUrl: url }, config),
          to: n.emails,
          ticket: r.ticket,
        });
      }
    }
    return {
      status: d.next.status,
      responsible: d.next.responsible.join(", "),
      lastLogSeq: entry!.seq,
    };
  });
  clearQueuedNote(r);
  for (const m of mails) sendOrQueue(ctx, m);
}

/**
 * The `terbitkan_ulang` entry of the row's current letter, if the log has it: searched among the
 * entries from the row's last recorded one on (a lost row write leaves the entry after it; the
 * sweep's reconciliation may have moved the row's number onto it). One read.
 */
function reissueLogged(ctx: Ctx, ticket: string, row: RegisterRow): LogEntry | null {
  const letterNumber = String(row.letterNumber).trim();
  if (!letterNumber) return null;
  const from = Math.max(1, Number(row.lastLogSeq) || 1);
  return (
    readEntriesFrom(ctx, from).find(
      (e) => e.ticket === ticket && e.action === "terbitkan_ulang" && e.note.includes(letterNumber),
    ) ?? null
  );
}

/** The action cell's note said "akun sedang dibuat" (edit.ts): it no longer holds. Outside the lock. */
function clearQueuedNote(r: Run): void {
  try {
    const table = registerTable(r.ctx.ss);
    table.sheet.getRange(r.rowNumber, table.col("action")).clearNote();
  } catch (e) {
    logError(r.ctx.ss, "provision", r.ticket, e);
  }
}

function notifyAdmins(r: Run, text: string): void {
  const { ctx } = r;
  const { config } = ctx;
  if (config.admins.length === 0) return;
  let url = "";
  try {
    const sheet = ctx.ss.getSheetByName(SHEET_NAMES.register);
    if (sheet) url = rowUrl(ctx.ss, sheet, r.rowNumber);
  } catch {
    url = "";
  }
  const name = String(r.row.fullName) || String(r.row.name);
  const notice = composeAdminNotice({ ticket: r.ticket, name, note: text, rowUrl: url }, config);
  sendOrQueue(ctx, { ...notice, to: [...config.admins], ticket: r.ticket });
}

// ---------------------------------------------------------------------------------------------
// The sweep's part
// ---------------------------------------------------------------------------------------------

export interface ProvisionSweepReport {
  /** Tickets a run was resumed for, with the result. */
  resumed: { ticket: string; result: ProvisionResult }[];
  /** Letters still waiting for mail quota. */
  waitingForQuota: number;
  /** Rows left for the next sweep (time budget). */
  deferred: number;
  /** Working copies deleted (left by cut-off runs). */
  cleaned: number;
  /** Temporary passwords invalidated (never used within unusedCredentialDays). */
  expired: string[];
  /** Accounts found in use (first sign-in done). */
  used: string[];
  /** Requests waiting in the queue for a worker ("antre"). */
  queued: number;
  /**
   * Runs a live execution holds now (or that never started) which become the sweep's once their
   * lease ends: the sweep keeps making its full pass while there are any (domain/sweepplan.ts).
   */
  underway: number;
  /** When the next temporary password never used expires (0: none; domain/sweepplan.ts). */
  nextExpiryMs: number;
  /** A worker trigger was pending, or was created for them (a lost or refused one is replaced). */
  worker?: Scheduling | "gagal";
}

/**
 * Resumes provisioning cut off anywhere, sends letters that waited for mail quota, deletes
 * leftover working copies and invalidates temporary passwords never used. Call counts do not grow
 * with the register: a few column reads, then work per request that needs it.
 */
export function sweepProvisioning(ctx: Ctx, budget: () => boolean): ProvisionSweepReport {
  const report: ProvisionSweepReport = {
    resumed: [],
    waitingForQuota: 0,
    deferred: 0,
    cleaned: 0,
    expired: [],
    used: [],
    queued: 0,
    underway: 0,
    nextExpiryMs: 0,
  };
  if (!ctx.ss.getSheetByName(SHEET_NAMES.register)) return report;
  const table = registerTable(ctx.ss);
  const tickets = table.column("ticket");
  if (tickets.length === 0) return report;
  const statuses = table.column("status");
  const cells = table.column("provisioning");
  const updated = table.column("updatedAt");
  const sent = table.column("letterSentAt");
  let quota: number | null = null;
  let reconciled = false;
  const expiring: number[] = [];
  const days = ctx.config.privacy.unusedCredentialDays;
  const t0 = now();
  // What the sweep resumes: cut-off and waiting runs first, requests queued too long (the
  // workers' own, taken only as a fallback) after them.
  const due: { i: number; kind: ResumeKind }[] = [];
  const queuedDue: { i: number; kind: ResumeKind }[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const ticket = String(tickets[i]);
    if (!ticket) continue;
    const status = String(statuses[i] ?? "");
    const state = parseProvisionState(String(cells[i] ?? ""));
    if (status === "selesai" && state.label === "selesai" && days > 0) {
      const sentMs = cellMs(sent[i] ?? "");
      if (sentMs > 0 && t0 - sentMs > days * DAY_MS) expiring.push(i);
      else if (sentMs > 0) {
        const at = sentMs + days * DAY_MS + 1;
        if (report.nextExpiryMs === 0 || at < report.nextExpiryMs) report.nextExpiryMs = at;
      }
      continue;
    }
    const queued = state.label === "antre" && status === "membuat akun";
    if (queued) report.queued++;
    const kind = resumeKind(status, state, cellMs(updated[i] ?? ""), t0, ctx.config.licences);
    if (kind !== "none") (queued ? queuedDue : due).push({ i, kind });
    else if (
      (status === "membuat akun" || status === "akun dibuat") &&
      (isInProgress(state.label) ||
        (status === "membuat akun" && (state.label === "" || state.label === "gagal")))
    )
      report.underway++;
  }
  for (const { i, kind } of [...due, ...queuedDue]) {
    const ticket = String(tickets[i]);
    const cell = String(cells[i] ?? "");
    if (!budget()) {
      report.deferred++;
      continue;
    }
    if (kind === "resume_if_quota") {
      if (quota === null) quota = MailApp.getRemainingDailyQuota();
      if (quota < 1) {
        report.waitingForQuota++;
        continue;
      }
    }
    if (!reconciled) {
      // A run cut off inside a critical section may have logged a step whose row write was lost:
      // the register is first brought in line with the log (the log is the record).
      reconciled = true;
      try {
        reconcileRegister(ctx);
      } catch (e) {
        logError(ctx.ss, "sweep", "", e);
      }
    }
    try {
      const result = resumeProvisioning(ctx, ticket, cell, i + 2);
      if (result !== "dilewati") report.resumed.push({ ticket, result });
      if (result === "menunggu kuota") quota = 0;
    } catch (e) {
      logError(ctx.ss, "sweep", ticket, e);
    }
  }
  if (report.queued > 0) {
    // The queue is the workers'; should their trigger be lost (or refused), a new one is made.
    try {
      report.worker = withScriptLock(() => ensureWorker(now()));
    } catch (e) {
      report.worker = "gagal";
      logError(ctx.ss, "sweep", "", e);
    }
  }
  if (budget()) {
    try {
      report.cleaned = cleanupWorkCopies(now());
    } catch (e) {
      logError(
        ctx.ss,
        "sweep",
        "",
        t(ctx.config.language, "provision.cleanup_failed", { detail: errorText(e) }),
      );
    }
  }
  for (const i of expiring) {
    if (!budget()) {
      report.deferred++;
      continue;
    }
    const ticket = String(tickets[i]);
    try {
      const result = expireUnused(ctx, ticket, String(cells[i] ?? ""), i + 2);
      if (result === "kedaluwarsa") report.expired.push(ticket);
      if (result === "digunakan") report.used.push(ticket);
    } catch (e) {
      logError(ctx.ss, "sweep", ticket, e);
    }
  }
  return report;
}

/**
 * A letter sent more than unusedCredentialDays ago: if the account was never signed in to, its
 * temporary password is replaced by a random one nobody ever sees (the letter's password, still
 * in the applicant's mailbox, becomes useless), as the letter announces; the applicant is told how
 * to get a new one (an administrator's reissue). If it was used, nothing more to do.
 */
function expireUnused(ctx: Ctx, ticket: string, cellText: string, hint: number): ProvisionResult {
  const r = claim(ctx, ticket, hint, (row) =>
    String(row.provisioning) === cellText && String(row.status) === "selesai"
      ? { next: parseProvisionState(cellText), attempts: 0 }
      : null,
  );
  if (!r) return "dilewati";
  const address = String(r.row.addressRecorded || r.row.address).toLowerCase();
  const user = getUser(address);
  // A reset letter's password is used only by a sign-in after it was sent (the holder signed in
  // before, with the old one); a new account's first sign-in is after its letter anyway.
  const since = parseRegisterType(r.row.requestType) === "akun_baru" ? 0 : cellMs(r.row.letterSentAt);
  if (user && hasLoggedIn(user.lastLoginTime) && Date.parse(String(user.lastLoginTime)) > since) {
    commit(r, { label: "digunakan", atMs: now() });
    return "digunakan";
  }
  if (user)
    setPassword(
      address,
      generatePassword(() => Utilities.getUuid()),
    );
  const days = ctx.config.privacy.unusedCredentialDays;
  const lang = ctx.config.language;
  commit(
    r,
    { label: "kedaluwarsa", atMs: now(), ...(user ? {} : { note: t(lang, "provision.expired.gone") }) },
    (row) => {
      const [entry] = appendLog(ctx, [
        {
          ticket,
          from: String(row.status),
          to: String(row.status),
          action: "sandi_kedaluwarsa",
          actor: SYSTEM_ACTOR,
          timeMs: now(),
          note: user ? t(lang, "provision.log.expired", { days }) : t(lang, "provision.log.expired_gone"),
        },
      ]);
      return { lastLogSeq: entry!.seq };
    },
  );
  const to = String(r.row.personalEmail).trim();
  if (user && to) {
    const notice = composeExpiredNotice(
      {
        ticket,
        name: String(r.row.fullName) || String(r.row.name),
        address,
        letterNumber: String(r.row.letterNumber),
      },
      ctx.config,
    );
    sendOrQueue(ctx, { ...notice, to: [to], ticket });
  }
  return "kedaluwarsa";
}

// ---------------------------------------------------------------------------------------------
// Reissue (menu action)
// ---------------------------------------------------------------------------------------------

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
    if (!ctx.config.admins.map((a) => a.toLowerCase()).includes(actor))
      return refuse(t(lang, "provision.reissue.not_admin"));
    const table = registerTable(ctx.ss);
    const rowNumber = table.find("ticket", ticket);
    if (!rowNumber) return refuse(t(lang, "provision.reissue.no_ticket"));
    const row = table.read(rowNumber);
    const status = String(row.status);
    const state = parseProvisionState(String(row.provisioning));
    if (status !== "selesai" && status !== "akun dibuat")
      return refuse(t(lang, "provision.reissue.not_created", { status }));
    if (!has(row.createdAt)) return refuse(t(lang, "provision.reissue.not_recorded"));
    // After the retention period the personal address is gone: there is nobody to send it to.
    if (isErasureMarker(row.personalEmail)) return refuse(t(lang, "provision.reissue.erased"));
    if (state.label === "diminta ulang") return refuse(t(lang, "provision.reissue.pending"));
    if (isInProgress(state.label) && !isStale(state.atMs, now()))
      return refuse(t(lang, "provision.reissue.busy"));
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
