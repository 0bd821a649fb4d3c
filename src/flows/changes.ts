/**
 * Changes to an existing account and departures: the intake step of each type (called
 * by flows/services.ts) and the execution (called by provision/run.ts `executeService` for a row
 * the staff queued with "Buat akun"). The rules are pure, in domain/changes.ts.
 *
 * Exactly once. The execution re-reads the directory every time it runs (a resumed run too):
 * the record, not the register, says what is already done, so a lost reply or a run cut off
 * between the log and the update never leads to a second update. Before any effect the intended
 * steps (and, for a departure, the groups it is about to leave) are logged and written to the
 * row under the lock, with the state "membuat"; the effects follow outside the lock; the closing
 * entries and the row are written in one critical section. A change dated later than today
 * waits in "menunggu tanggal" until the office's midnight of that day; the sweep takes it then.
 *
 * Reactivation: unsuspended, the noted groups restored, then the row goes on as a new account's
 * does after its creation ("akun dibuat", a letter number) through the same letter path
 * (provision/letter.ts deliver/finish): a NEW temporary password, forced change at sign-in, the letter
 * sent ONLY to the recovery address on record in the directory (written into the row's personal
 * e-mail for that), never twice.
 */
import { changeCheckText, formatChangeDetails, parseGroups } from "../domain/changetext.js";
import { planChange, type AccountRecord } from "../domain/changeplan.js";
import { validateChange, type ChangeKind } from "../domain/changes.js";
import { localDate } from "../domain/request.js";
import { ymdString } from "../domain/identity.js";
import { asSheetLiteral, asSheetText } from "../domain/sanitize.js";
import { t, tx } from "../domain/text/index.js";
import type { Ctx } from "../workspace/context.js";
import { getUser, userGroups } from "../workspace/directory.js";
import { logError } from "../workspace/errors.js";
import { registerTable, type RegisterRow } from "../workspace/register.js";
import { decodeRegisterRow } from "../workspace/registercodec.js";
import type { ServiceIntake, ServiceIntakeInput } from "./intake-pipeline.js";

const now = (): number => Date.now();

/** Today in the office's calendar, yyyy-MM-dd. */
export function todayKey(ctx: Ctx, ms: number): string {
  return ymdString(localDate(ms, ctx.offset));
}

/**
 * The groups the latest departure of `address` noted (its register row's Grup Dicatat); null
 * when none was noted. A TextFinder over the recorded-address column, then the few rows it found.
 */
export function notedGroupsOf(ctx: Ctx, address: string, exceptTicket = ""): string[] | null {
  const table = registerTable(ctx.ss);
  const last = table.sheet.getLastRow();
  if (last < 2) return null;
  const hits = table.sheet
    .getRange(2, table.col("addressRecorded"), last - 1, 1)
    .createTextFinder(address)
    .matchEntireCell(true)
    .findAll()
    .map((c) => c.getRow())
    .sort((a, b) => b - a);
  for (const rowNumber of hits) {
    const row = table.read(rowNumber);
    const rec = decodeRegisterRow(row);
    if (rec.ticket === exceptTicket) continue;
    if (rec.requestType !== "berhenti") continue;
    const groups = parseGroups(row.notedGroups);
    if (groups) return groups;
  }
  return null;
}

/** The holder's full name as the directory records it ("" when it has none). */
export function holderNameOf(record: AccountRecord | null): string {
  const name = (record?.name ?? {}) as {
    fullName?: string | null;
    givenName?: string | null;
    familyName?: string | null;
  };
  const full = String(name.fullName ?? "").trim();
  if (full !== "") return full;
  return [name.givenName, name.familyName]
    .map((s) => String(s ?? "").trim())
    .filter((s) => s !== "")
    .join(" ");
}

/** The directory's facts the plan needs (a user read, and its groups when it exists). */
export function directoryFacts(address: string): { record: AccountRecord | null; groups: string[] } {
  const record = getUser(address) as AccountRecord | null;
  return { record, groups: record ? userGroups(address) : [] };
}

// ── Intake ───────────────────────────────────────────────────────────────────────────

/**
 * The intake step of a change (services.ts SERVICE_INTAKE): the answers checked (the applicant is
 * told every problem), the request written to the row, and the directory's answer for the staff.
 * The applicant's receipt never says what the directory holds (no oracle for addresses or NIPs).
 */
export function changeIntake(
  kind: ChangeKind,
  { ctx, answers, submittedMs }: ServiceIntakeInput,
): ServiceIntake {
  const { config } = ctx;
  const lang = config.language;
  const { request, problems } = validateChange(
    kind,
    {
      address: answers.address ?? "",
      nip: answers.nip ?? "",
      letterNumber: answers.letterNumber ?? "",
      letterDate: answers.letterDate ?? "",
      newName: answers.newName ?? "",
      targetOpd: answers.targetOpd ?? "",
      leaveReason: answers.leaveReason ?? "",
      effectiveDate: answers.effectiveDate ?? "",
    },
    { domain: config.domain, opds: config.opds, today: localDate(submittedMs, ctx.offset) },
  );
  const opd = request.targetOpd?.name ?? "";
  const cells: Partial<RegisterRow> = {
    address: asSheetText(request.address),
    addressRecorded: asSheetText(request.address),
    nip: asSheetLiteral(request.nip),
    opd: asSheetText(opd),
    requestLetter: asSheetText(
      [request.letterNumber, request.letterDate].filter((s) => s !== "").join(" \u00b7 "),
    ),
    changeDetails: asSheetText(formatChangeDetails(request)),
  };
  if (kind === "ubah_nama" && request.newName) cells.wish = asSheetText(request.newName.fullName);
  if (problems.length > 0)
    return {
      cells,
      problems: problems.map((p) => tx(lang, p.code, p.params)),
      check: t(lang, "change.check.unreadable"),
    };
  let check: string;
  try {
    const { record, groups } = directoryFacts(request.address);
    const noted = kind === "aktif_kembali" ? notedGroupsOf(ctx, request.address) : null;
    const plan = planChange(request, {
      record,
      groups,
      opds: config.opds,
      today: todayKey(ctx, now()),
      noted,
    });
    check = changeCheckText(request, plan, record, lang);
  } catch (e) {
    // The directory could not be asked: the execution checks it anyway.
    logError(ctx.ss, "onFormSubmit", "", e);
    check = t(lang, "service.check.unavailable");
  }
  return { cells, problems: [], check };
}
