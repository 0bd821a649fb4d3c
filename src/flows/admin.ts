/**
 * Administrators' requests on the admin sheet (docs/SECURITY.md, "Trust boundary"). There is no
 * menu that runs as whoever clicks: an administrator fills a row (ticket, new value, reason,
 * evidence) and picks the operation last; the service account's edit trigger checks the requester
 * against the settings, logs the request in the hash-chained log, carries the operation out with
 * the service account's rights, logs the result and writes it into the row. These log entries
 * leave the ticket column empty (the ticket is named in the note): a request's own history holds
 * only entries that carry its state (the reissue and address entries do). A request from anyone
 * else (hidden address, a link editor appearing as the owner, a person who is not a configured
 * administrator) is undone, explained in a note on the cell and logged.
 */
import { judgeAdminRequest, maskEmail, type AdminOpSpec } from "../domain/admin.js";
import { formatProvisionState, parseProvisionState } from "../domain/provisioning.js";
import { isErasureMarker } from "../domain/retention.js";
import { asSheetText } from "../domain/sanitize.js";
import { t, tx } from "../domain/text/index.js";
import { context, recordedInstaller, type Ctx } from "../workspace/context.js";
import { getUser, setRecoveryEmail } from "../workspace/directory.js";
import { errorText, logError } from "../workspace/errors.js";
import { withScriptLock } from "../workspace/lock.js";
import { appendLog } from "../workspace/log.js";
import { drainMailQueue } from "../workspace/mailqueue.js";
import { personalDigest, registerTable } from "../workspace/register.js";
import { cellText, decodeRegisterRow } from "../workspace/registercodec.js";
import { ADMIN_COLUMNS, SHEET_NAMES, type AdminKey } from "../workspace/schema.js";
import { sheetCell, Table } from "../workspace/table.js";
import { requestReissue, resumeProvisioning } from "./provision/index.js";
import { runSetup } from "./setup/run.js";
import { runSweep } from "./sweep.js";
import { runFullVerify, runVerifyLog } from "./verify.js";
import { suspendUnused } from "./unused.js";
import { createBatch } from "./batch.js";
import { startImport } from "./batch-import.js";

/** An import asked for on the admin sheet works this long in the edit's execution; a worker goes on. */
const IMPORT_BUDGET_MS = 3 * 60_000;
import { archivedYearOf } from "../workspace/archive.js";

export type AdminOutcome =
  | { kind: "ignored" }
  | { kind: "refused"; reason: string; seq: number }
  | { kind: "done"; op: string; ok: boolean; result: string; seq: number };

const col = (key: AdminKey): number => ADMIN_COLUMNS.findIndex((c) => c.key === key) + 1;
const INPUT_WIDTH = ADMIN_COLUMNS.filter((c) => c.editable).length;

function now(): number {
  return Date.now();
}

function adminTable(ctx: Ctx): Table<AdminKey> {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.admin);
  if (!sheet) throw new Error(t(ctx.config.language, "sheet.missing", { name: SHEET_NAMES.admin }));
  return new Table(sheet, ADMIN_COLUMNS);
}

/** An edit of the admin sheet: only a choice in the operation column is a request. */
export function handleAdminEdit(e: GoogleAppsScript.Events.SheetsOnEdit): AdminOutcome {
  const range = e.range;
  const row = range.getRow();
  if (row < 2 || range.getColumn() > col("operation") || range.getLastColumn() < col("operation"))
    return { kind: "ignored" };
  const requester = (e.user ? e.user.getEmail() : "").toLowerCase();
  const ctx = context();
  const table = adminTable(ctx);
  if (range.getNumRows() > 1 || range.getNumColumns() > 1) {
    // A paste over several requests: one request is one choice in one row.
    return refuse(ctx, table, row, requester, "", t(ctx.config.language, "admin.refuse.paste"), range);
  }
  const label = e.value === undefined ? "" : String(e.value);
  if (!label.trim()) return { kind: "ignored" };
  const cells = table.sheet.getRange(row, 1, 1, INPUT_WIDTH).getDisplayValues()[0] ?? [];
  const input = {
    label,
    ticket: cells[col("ticket") - 1] ?? "",
    value: cells[col("value") - 1] ?? "",
    reason: cells[col("reason") - 1] ?? "",
    evidence: cells[col("evidence") - 1] ?? "",
  };
  const verdict = judgeAdminRequest(ctx.config, requester, recordedInstaller(), input);
  if (!verdict.ok) return refuse(ctx, table, row, requester, input.ticket, verdict.reason, range, label);

  const lang = ctx.config.language;
  const what = tx(lang, verdict.spec.label);
  const requestNote = t(lang, "admin.log.request", {
    op: what,
    ticket: verdict.ticket || "-",
    value: verdict.value ? maskEmail(verdict.value) : "-",
    reason: input.reason.trim() || "-",
    evidence: input.evidence.trim() || "-",
  });
  const [request] = withScriptLock(() =>
    appendLog(ctx, [
      {
        ticket: "",
        from: "",
        to: "",
        action: "permintaan_admin",
        actor: requester,
        timeMs: now(),
        note: asSheetText(requestNote),
      },
    ]),
  );
  let ok = false;
  let result: string;
  try {
    const out = execute(ctx, {
      spec: verdict.spec,
      ticket: verdict.ticket,
      value: verdict.value,
      input,
      requester,
    });
    ok = out.ok;
    result = out.message;
  } catch (err) {
    logError(ctx.ss, "admin", verdict.ticket, err);
    result = t(lang, "admin.result.error", { detail: errorText(err) });
  }
  const [entry] = withScriptLock(() => {
    const logged = appendLog(ctx, [
      {
        ticket: "",
        from: "",
        to: "",
        action: ok ? "hasil_admin" : "hasil_admin_gagal",
        actor: requester,
        timeMs: now(),
        note: asSheetText(t(lang, "admin.log.result", { op: what, seq: request!.seq, result })),
      },
    ]);
    writeOutcome(
      table,
      row,
      requester,
      ok ? result : t(lang, "admin.result.failed", { result }),
      logged[0]!.seq,
    );
    return logged;
  });
  return { kind: "done", op: verdict.spec.op, ok, result, seq: entry!.seq };
}

function writeOutcome(
  table: Table<AdminKey>,
  row: number,
  requester: string,
  result: string,
  seq: number,
): void {
  const values = [
    table.cellFor("requestedBy", requester),
    new Date(now()),
    table.cellFor("result", asSheetText(result.slice(0, 45_000))),
    seq,
  ];
  table.sheet.getRange(row, col("requestedBy"), 1, values.length).setValues([values]);
}

/** Undo, explain on the cell (complete on its own), log, and show the refusal in the row. */
function refuse(
  ctx: Ctx,
  table: Table<AdminKey>,
  row: number,
  requester: string,
  ticket: string,
  reason: string,
  range: GoogleAppsScript.Spreadsheet.Range,
  label = "",
): AdminOutcome {
  const lang = ctx.config.language;
  const who = requester || t(lang, "admin.hidden_user");
  const [entry] = withScriptLock(() => {
    const logged = appendLog(ctx, [
      {
        ticket: "",
        from: "",
        to: "",
        action: "permintaan_admin_ditolak",
        actor: who,
        timeMs: now(),
        note: asSheetText(
          t(lang, "admin.log.refused", { op: label || "-", ticket: ticket.trim() || "-", reason }),
        ),
      },
    ]);
    const seq = logged[0]!.seq;
    const opCells = table.sheet.getRange(range.getRow(), col("operation"), range.getNumRows(), 1);
    opCells.setValues(Array.from({ length: range.getNumRows() }, () => [""]));
    opCells.setNote(t(lang, "admin.refused_note", { op: label || "-", who, reason, seq }));
    writeOutcome(table, row, who, t(lang, "admin.result.refused", { reason }), seq);
    return logged;
  });
  try {
    ctx.ss.toast(reason, t(lang, "admin.refused_title"), 10);
  } catch {
    // the note stays; a toast is a courtesy
  }
  return { kind: "refused", reason, seq: entry!.seq };
}

interface OpResult {
  ok: boolean;
  message: string;
}

/** One judged request of the admin sheet: the operation, its ticket and value, who asked and why. */
interface OpRequest {
  spec: AdminOpSpec;
  ticket: string;
  value: string;
  input: { reason: string; evidence: string };
  requester: string;
}

/**
 * An operation on a ticket the register no longer holds because the yearly archive moved it: the
 * answer says so (archived requests are read-only) instead of "not in the register".
 */
function execute(ctx: Ctx, req: OpRequest): OpResult {
  const r = executeOp(ctx, req);
  const { ticket } = req;
  if (r.ok || !ticket) return r;
  const year = archivedYearOf(ctx.ss, ticket);
  return year
    ? { ok: false, message: t(ctx.config.language, "archive.ticket_archived", { ticket, year }) }
    : r;
}

function executeOp(ctx: Ctx, req: OpRequest): OpResult {
  const { spec, ticket, value, input, requester } = req;
  const lang = ctx.config.language;
  switch (spec.op) {
    case "setup": {
      const report = runSetup({ via: "request" });
      return { ok: report.ok, message: report.lines.join("\n") };
    }
    case "sweep": {
      const r = runSweep({ full: true });
      return {
        ok: !r.refused,
        message: r.refused
          ? r.refused
          : t(lang, "admin.result.sweep", {
              recovered: r.recovered.length,
              mails: r.mailsSent,
              repaired: r.repaired.length,
              flagged: r.flagged.length,
            }),
      };
    }
    case "verify": {
      const r = runVerifyLog();
      return { ok: r.ok, message: r.message };
    }
    case "verifyFull": {
      const r = runFullVerify();
      return { ok: r.ok, message: r.message };
    }
    case "reissue": {
      const r = requestReissue(ticket, requester);
      return { ok: r.ok, message: r.message };
    }
    case "address":
      return changeDeliveryAddress(ctx, ticket, value, input.reason.trim(), input.evidence.trim(), requester);
    case "resend": {
      const sent = drainMailQueue(ctx, () => true, { ticket });
      return sent.sent > 0
        ? { ok: true, message: t(lang, "admin.result.resent", { count: sent.sent, ticket }) }
        : { ok: false, message: t(lang, "admin.result.nothing_to_resend", { ticket, failed: sent.failed }) };
    }
    case "retry":
      return retryStep(ctx, ticket);
    case "suspend":
      return suspendUnused(ctx, ticket, requester);
    case "batchNew":
      return createBatch(ctx);
    case "batchImport": {
      const start = now();
      return startImport(ctx, ticket, () => now() - start < IMPORT_BUDGET_MS);
    }
  }
}

/**
 * Changes a request's delivery and recovery address (register and, once the account exists, the
 * directory's recoveryEmail), with the reason and evidence recorded and the addresses masked in
 * the log. A letter issued afterwards goes to the new address only.
 */
function changeDeliveryAddress(
  ctx: Ctx,
  ticket: string,
  next: string,
  reason: string,
  evidence: string,
  requester: string,
): OpResult {
  const lang = ctx.config.language;
  const planned = withScriptLock((): OpResult & { account?: string; before?: string } => {
    const table = registerTable(ctx.ss);
    const rowNumber = table.find("ticket", ticket);
    if (!rowNumber) return { ok: false, message: t(lang, "admin.address.no_ticket", { ticket }) };
    const row = table.read(rowNumber);
    const rec = decodeRegisterRow(row);
    const before = rec.personalEmail.trim().toLowerCase();
    if (isErasureMarker(row.personalEmail))
      return { ok: false, message: t(lang, "admin.address.erased", { ticket }) };
    if (before === next) return { ok: false, message: t(lang, "admin.address.same", { ticket }) };
    const account = cellText(row.createdAt) !== "" ? rec.addressRecorded || rec.address : "";
    const [entry] = appendLog(ctx, [
      {
        ticket,
        // As written: the log records the status cell, which reconcile compares with it.
        from: cellText(row.status),
        to: cellText(row.status),
        action: "ubah_alamat_pengiriman",
        actor: requester,
        timeMs: now(),
        note: asSheetText(
          t(lang, "admin.address.log", {
            before: maskEmail(before),
            after: maskEmail(next),
            reason,
            evidence,
          }),
        ),
      },
    ]);
    const changed = { ...row, personalEmail: sheetCell(next) };
    table.write(rowNumber, {
      ...changed,
      // The program itself changed the personal data: its digest follows (provisioning compares it).
      dataDigest: personalDigest(changed, ctx.sha256),
      lastLogSeq: entry!.seq,
      updatedAt: new Date(now()),
    });
    return { ok: true, message: "", account, before };
  });
  if (!planned.ok) return planned;
  let directory = "";
  if (planned.account) {
    try {
      const user = getUser(planned.account);
      if (user) {
        setRecoveryEmail(planned.account, next);
        directory = t(lang, "admin.address.recovery_updated", { account: planned.account });
      }
    } catch (e) {
      logError(ctx.ss, "admin", ticket, e);
      directory = t(lang, "admin.address.recovery_failed", {
        account: planned.account,
        detail: errorText(e),
      });
    }
  }
  return {
    ok: true,
    message: [
      t(lang, "admin.address.done", {
        ticket,
        before: maskEmail(planned.before ?? ""),
        after: maskEmail(next),
      }),
      directory,
    ]
      .filter(Boolean)
      .join(" "),
  };
}

/** A provisioning step that failed for good (or waits) is tried again now, by the service account. */
function retryStep(ctx: Ctx, ticket: string): OpResult {
  const lang = ctx.config.language;
  const prepared = withScriptLock((): { cell: string } | OpResult => {
    const table = registerTable(ctx.ss);
    const rowNumber = table.find("ticket", ticket);
    if (!rowNumber) return { ok: false, message: t(lang, "admin.address.no_ticket", { ticket }) };
    const row = table.read(rowNumber);
    const rec = decodeRegisterRow(row);
    const state = parseProvisionState(rec.provisioning);
    // Shown as written: the typed status would name a stray cell "baru".
    const status = cellText(row.status);
    if (state.label === "menunggu ulang" || state.label === "menunggu kuota")
      return { cell: rec.provisioning };
    if (state.label === "gagal" && cellText(row.createdAt) !== "") {
      const cell = formatProvisionState({ label: "menunggu ulang", atMs: now(), attempts: 0 }, ctx.offset);
      table.write(rowNumber, { ...row, provisioning: cell, updatedAt: new Date(now()) });
      return { cell };
    }
    return {
      ok: false,
      message: t(lang, "admin.retry.nothing", { ticket, status, state: state.label || "-" }),
    };
  });
  if (!("cell" in prepared)) return prepared;
  const result = resumeProvisioning(ctx, ticket, prepared.cell);
  const after = registerTable(ctx.ss);
  const state = String(after.read(after.find("ticket", ticket)).provisioning).split(" ")[0] ?? "";
  return {
    ok: result === "selesai" || result === "digunakan",
    message: t(lang, "admin.retry.done", { ticket, result, state }),
  };
}
