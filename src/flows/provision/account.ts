/**
 * The account step: the account's data from the row (checked again: the personal columns intact,
 * the address in the office's domain), the duplicate check once more just before creating, the
 * Directory insert (an account carrying this ticket's marker is ours: no second insert), the
 * record of the step with the letter's number, and the OPD's group membership.
 */
import { checkDuplicates, type DirectoryFacts } from "../../domain/duplicates.js";
import { findOpd } from "../../domain/form.js";
import { checkUsername } from "../../domain/naming.js";
import { generatePassword } from "../../domain/password.js";
import { userResource, type AccountInput } from "../../domain/provisioning/account.js";
import { asSheetLiteral, asSheetText } from "../../domain/sanitize.js";
import { t } from "../../domain/text/index.js";
import { decide, SYSTEM_ACTOR } from "../../domain/workflow.js";
import type { OpdConfig } from "../../domain/config.js";
import {
  addMember,
  DirectoryError,
  failureOf,
  groupExists,
  insertUser,
  ownership,
  usersWithNip,
} from "../../workspace/directory.js";
import { indexedFacts, registerFacts, subjectKeys, verdictText } from "../../workspace/duplicates.js";
import { errorText, logError } from "../../workspace/errors.js";
import { allocateLetterNumber } from "../../workspace/letter.js";
import { appendLog } from "../../workspace/log.js";
import {
  actionLabels,
  personalDataIntact,
  registerTable,
  rowState,
  setActionChoices,
  type RegisterRow,
  type RegisterTable,
} from "../../workspace/register.js";
import type { RegisterKey } from "../../workspace/schema.js";
import { decodeAccountType, decodeRegisterRow } from "../../workspace/registercodec.js";
import { uuid } from "../../workspace/runtime.js";
import { Table, type Cell } from "../../workspace/table.js";
import { isRetryableJoinFailure, joinFailureText, recordPendingJoin } from "../groups.js";
import { licenceGate, licenceTaken } from "../licences.js";
import { commit, has, notifyAdmins, now, PermanentFailure, type Run } from "./claim.js";

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
  const address = (r.rec.addressRecorded || r.rec.address).trim().toLowerCase();
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
  const personalEmail = r.rec.personalEmail.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(personalEmail) || personalEmail.endsWith(`@${config.domain}`))
    throw new PermanentFailure(t(lang, "provision.fail.no_personal_email"));
  const opd = findOpd(r.rec.opd, config.opds);
  const spec: AccountSpec = {
    ticket: r.ticket,
    address,
    name: r.rec.name || r.rec.fullName,
    accountType: decodeAccountType(row.accountType) || "pribadi",
    unitName: r.rec.unitName,
    unitCode: r.rec.unitCode,
    opdCode: opd ? opd.code : "",
    opdName: opd ? opd.name : r.rec.opd,
    orgUnitPath: opd && opd.orgUnitPath ? opd.orgUnitPath : "/",
    nip: r.rec.nip.replace(/\D/g, ""),
    phone: r.rec.phone.trim(),
    personalEmail,
    position: r.rec.position,
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
      nik: r.rec.nik,
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
      nik: r.rec.nik,
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

export function createAccount(r: Run): void {
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
    const password = generatePassword(uuid);
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
export function accountReady(
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
  if (decodeRegisterRow(row).status !== "membuat akun") return extra; // already moved on (the sweep repaired the row from the log)
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
 * Group membership per OPD. A failure retrying later can fix (the group does not exist, an address
 * the directory refuses) does not stop the account or the letter: the join is kept for the sweep
 * (groups.ts), the administrators are told once in the office's language. Anything else (a passing
 * failure, no admin right) fails the step, which is retried.
 */
export function joinGroup(r: Run): void {
  const opd = findOpd(r.rec.opd, r.ctx.config.opds);
  const group = opd?.group.trim();
  if (!group) return;
  const address = (r.rec.addressRecorded || r.rec.address).toLowerCase();
  try {
    addMember(group, address);
  } catch (e) {
    const f = e instanceof DirectoryError ? e.failure : failureOf(e, "member");
    if (!isRetryableJoinFailure(f)) throw e; // transient or not authorized: the step is retried
    console.warn(`provision: group join ${r.ticket}: ${errorText(e)}`);
    const fresh = recordPendingJoin(r.ticket, {
      address,
      opd: r.rec.opd,
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
