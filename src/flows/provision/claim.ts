/**
 * The saga's record in the register: a run claims a request under the script lock by writing its
 * first state (only when the plan agrees with the row), and every later step is committed the
 * same way, compare-and-set: a run whose row no longer holds the state it wrote has lost its claim
 * and stops (LostClaim). The run's working facts (Run) and the small helpers every step shares.
 */
import { composeAdminNotice } from "../../domain/notices.js";
import { accountStepDone as isAccountStepDone } from "../../domain/provisioning/saga.js";
import {
  formatProvisionState,
  parseProvisionState,
  type ProvisionState,
} from "../../domain/provisioning/state.js";
import { parseRegisterType } from "../../domain/services.js";
import { rowUrl, type Ctx } from "../../workspace/context.js";
import { logError } from "../../workspace/errors.js";
import { withScriptLock } from "../../workspace/lock.js";
import { sendOrQueue } from "../../workspace/mail.js";
import { registerTable, type RegisterRow, type RegisterTable } from "../../workspace/register.js";
import { cellText, decodeRegisterRow, type RegisterRecord } from "../../workspace/registercodec.js";
import { SHEET_NAMES } from "../../workspace/schema.js";
import type { Cell } from "../../workspace/table.js";

/** A failure retrying cannot fix (the officials or an administrator must act). */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentFailure";
  }
}

/** Another run took the request over (its state is no longer the one this run wrote). */
export class LostClaim extends Error {
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
  /** The run's row, typed (workspace/registercodec.ts): read from `row` at each use. */
  readonly rec: RegisterRecord;
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
export function asStored(row: RegisterRow): RegisterRow {
  const out = { ...row };
  for (const key of Object.keys(out) as (keyof RegisterRow)[]) {
    const v = out[key];
    if (typeof v === "string" && v.startsWith("'")) out[key] = v.slice(1);
  }
  return out;
}

export const has = (c: Cell | undefined): boolean => c !== undefined && c !== null && String(c).trim() !== "";

/** Whether the row's account step is recorded (domain saga.ts accountStepDone). */
export function accountStepDone(row: RegisterRow): boolean {
  return isAccountStepDone({
    created: has(row.createdAt),
    newAccount: parseRegisterType(row.requestType) === "akun_baru",
    status: decodeRegisterRow(row).status,
  });
}

export const now = (): number => Date.now();

export function locate(
  table: RegisterTable,
  ticket: string,
  hint: number,
): { rowNumber: number; row: RegisterRow } | null {
  if (hint >= 2) {
    const row = table.read(hint);
    if (cellText(row.ticket) === ticket) return { rowNumber: hint, row };
  }
  const rowNumber = table.find("ticket", ticket);
  return rowNumber ? { rowNumber, row: table.read(rowNumber) } : null;
}

export interface ClaimPlan {
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
export function claim(
  ctx: Ctx,
  ticket: string,
  hint: number,
  plan: (row: RegisterRow, state: ProvisionState) => ClaimPlan | null,
): (Run & { presumedSentMs?: number }) | null {
  return withScriptLock(() => {
    const table = registerTable(ctx.ss);
    const found = locate(table, ticket, hint);
    if (!found) return null;
    const rec = decodeRegisterRow(found.row);
    const state = parseProvisionState(rec.provisioning);
    const p = plan(found.row, state);
    if (!p) return null;
    const next: ProvisionState = p.reissue
      ? { ...p.next, reissueOf: p.previousLetter ?? rec.letterNumber }
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
      get rec(): RegisterRecord {
        return decodeRegisterRow(this.row);
      },
      cell,
      attempts: p.attempts,
      password: null,
      pending: {},
      uncertain: false,
      sentMs: 0,
      reissue: !!p.reissue,
      previousLetter: p.reissue ? (p.previousLetter ?? rec.letterNumber) : "",
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
    if (!found || cellText(found.row.provisioning) !== r.cell) throw new LostClaim(r.ticket);
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

/** The action cell's note said "akun sedang dibuat" (edit.ts): it no longer holds. Outside the lock. */
export function clearQueuedNote(r: Run): void {
  try {
    const table = registerTable(r.ctx.ss);
    table.sheet.getRange(r.rowNumber, table.col("action")).clearNote();
  } catch (e) {
    logError(r.ctx.ss, "provision", r.ticket, e);
  }
}

export function notifyAdmins(r: Run, text: string): void {
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
  const name = r.rec.fullName || r.rec.name;
  const notice = composeAdminNotice({ ticket: r.ticket, name, note: text, rowUrl: url }, config);
  sendOrQueue(ctx, { ...notice, to: [...config.admins], ticket: r.ticket });
}
