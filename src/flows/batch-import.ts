/**
 * A batch's import (flows/batch.ts): every person of the list validated exactly as a form answer
 * and registered through the intake pipeline, exactly once per batch and list row; continued by
 * the worker under a lease when longer than one execution; the OPD's one report per pass.
 */
import {
  batchResponseKey,
  batchResponseRow,
  batchStage,
  composeImportReport,
  contactProblem,
  HEAD_FIELDS,
  parseBatchId,
  personNamedValues,
  PROBLEM_COLUMN,
  readBatchList,
  TICKET_COLUMN,
  type BatchList,
} from "../domain/batch.js";
import { formatDateTime } from "../domain/dates.js";
import { dateOrderOf } from "../domain/locale.js";
import { asSheetText } from "../domain/sanitize.js";
import { t } from "../domain/text/index.js";
import { SYSTEM_ACTOR } from "../domain/workflow.js";
import { rowUrl, type Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { withScriptLock } from "../workspace/lock.js";
import { appendLog } from "../workspace/log.js";
import { withOutbox, type OutgoingMail } from "../workspace/mail.js";
import { cellMs } from "../workspace/register.js";
import { cellText } from "../workspace/registercodec.js";
import { ensureWorker } from "../workspace/worker.js";
import { processResponse } from "./intake.js";

import {
  batchNotice,
  batchTable,
  LEASE_MS,
  members,
  memberStates,
  personValidator,
  readPending,
  refreshBatchRow,
  without,
  writePending,
  type BatchTable,
  type OpResult,
} from "./batch.js";

// ── Importing (admin sheet, continued by the worker) ───────────────────────────

/** "Impor permohonan massal": the import begins (or a corrected list is imported again) now. */
export function startImport(ctx: Ctx, typed: string, budget: () => boolean): OpResult {
  const lang = ctx.config.language;
  const id = parseBatchId(typed);
  if (!id) return { ok: false, message: t(lang, "batch.bad_id", { value: typed || "-" }) };
  const table = batchTable(ctx);
  if (!table || !table.find("batchId", id) || !ctx.ss.getSheetByName(id))
    return { ok: false, message: t(lang, "batch.unknown", { batch: id }) };
  withScriptLock(() => {
    const p = readPending();
    if (!p.ids.includes(id)) {
      p.ids.push(id);
      p.since[id] = Date.now();
    }
    writePending(p);
  });
  const results = continueImports(ctx, budget, id);
  const mine = results.find((r) => r.id === id);
  if (mine && mine.finished) return { ok: mine.ok, message: mine.message };
  // Not finished (or another execution holds its lease): a worker carries on.
  try {
    withScriptLock(() => ensureWorker(Date.now()));
  } catch (e) {
    logError(ctx.ss, "batch", id, e);
  }
  return {
    ok: true,
    message: mine?.message ?? t(lang, "batch.import.started", { batch: id, done: 0, total: "?" }),
  };
}

export interface ImportRun {
  id: string;
  finished: boolean;
  ok: boolean;
  message: string;
}

/**
 * Continues pending imports within the budget (the worker, the admin request): one batch at a
 * time under a lease, so that two executions never import the same list at once.
 */
export function continueImports(ctx: Ctx, budget: () => boolean, only?: string): ImportRun[] {
  const runs: ImportRun[] = [];
  const tried = new Set<string>();
  while (budget()) {
    const claimed = withScriptLock((): { id: string; since: number } | null => {
      const p = readPending();
      const now = Date.now();
      if (p.lease && p.lease.untilMs > now) return null;
      const id = p.ids.find((x) => !tried.has(x) && (only === undefined || x === only));
      if (!id) return null;
      p.lease = { id, untilMs: now + LEASE_MS };
      writePending(p);
      return { id, since: p.since[id] ?? now };
    });
    if (!claimed) break;
    tried.add(claimed.id);
    let run: ImportRun;
    try {
      run = importBatch(ctx, claimed.id, claimed.since, budget);
    } catch (e) {
      logError(ctx.ss, "batch", claimed.id, e);
      run = { id: claimed.id, finished: false, ok: false, message: String(e) };
    }
    runs.push(run);
    // The lease goes (finishing removed the id already).
    withScriptLock(() => {
      const p = readPending();
      if (p.lease?.id === claimed.id) delete p.lease;
      writePending(p);
    });
    if (!run.finished) break;
  }
  return runs;
}

/** One import pass over a batch's list, as far as the budget goes. */
function importBatch(ctx: Ctx, id: string, since: number, budget: () => boolean): ImportRun {
  const { config } = ctx;
  const lang = config.language;
  const table = batchTable(ctx);
  const rowNumber = table ? table.find("batchId", id) : 0;
  const sheet = ctx.ss.getSheetByName(id);
  if (!table || !rowNumber || !sheet) return refuseImport(ctx, id, t(lang, "batch.unknown", { batch: id }));
  const batch = table.read(rowNumber);
  const values = sheet.getDataRange().getDisplayValues();
  const list = readBatchList(values);
  if (list.unknownTitles.length > 0)
    return refuseImport(
      ctx,
      id,
      t(lang, "batch.head.unknown_titles", { titles: list.unknownTitles.join(", ") }),
    );
  const contact = contactProblem(list.head.contact, lang);
  if (contact) return refuseImport(ctx, id, contact);
  if (list.persons.length === 0) return refuseImport(ctx, id, t(lang, "batch.head.empty", { batch: id }));
  // Every person is received when the batch was made (the OPD's letter arrived): the same moment
  // on every pass, so that intake recognises a registration an execution cut off.
  const submittedMs = cellMs(batch.createdAt) || since;
  const order = dateOrderOf(ctx.loaded.locale ?? ctx.ss.getSpreadsheetLocale());
  const validate = personValidator(ctx, list, submittedMs);
  // A problem of the head (OPD, letter) is every row's: the list is refused whole.
  const head = validate(list.persons[0]!).problems.filter(
    (p) => p.severity === "error" && p.field !== null && HEAD_FIELDS.includes(p.field),
  );
  if (head.length > 0)
    return refuseImport(
      ctx,
      id,
      t(lang, "batch.head.problem", { problems: head.map((p) => p.message).join(" ") }),
    );
  let done = 0;
  for (const person of list.persons) {
    if (person.ticket) {
      done++;
      continue;
    }
    if (!budget()) break;
    const errors = validate(person).problems.filter((p) => p.severity === "error");
    if (errors.length > 0) {
      const text = errors.map((p) => `\u2022 ${p.message}`).join("\n");
      if (text !== person.problems) sheet.getRange(person.row, PROBLEM_COLUMN).setValue(asSheetText(text));
      person.problems = text;
      done++;
      continue;
    }
    const out = processResponse(
      ctx,
      batchResponseRow(id, person.row),
      personNamedValues(list.head, person, lang),
      submittedMs,
      { key: batchResponseKey(id, person.row), batch: id, dateOrder: order },
    );
    sheet.getRange(person.row, TICKET_COLUMN, 1, 2).setValues([[out.ticket, ""]]);
    person.ticket = out.ticket;
    person.problems = "";
    done++;
  }
  const total = list.persons.length;
  if (done < total) {
    const message = t(lang, "batch.import.started", { batch: id, done, total });
    withScriptLock(() =>
      table.sheet
        .getRange(rowNumber, table.col("imported"))
        .setValue(t(lang, "batch.import.state_running", { done, total })),
    );
    return { id, finished: false, ok: true, message };
  }
  return finishImport(ctx, table, rowNumber, id, list, since);
}

/** The list cannot be imported: nothing is registered, the pass ends, the administrator reads why. */
function refuseImport(ctx: Ctx, id: string, message: string): ImportRun {
  withScriptLock(() => {
    const p = readPending();
    writePending(without(p, id));
    const table = batchTable(ctx);
    const rowNumber = table ? table.find("batchId", id) : 0;
    if (table && rowNumber)
      table.sheet.getRange(rowNumber, table.col("imported")).setValue(asSheetText(message));
  });
  return { id, finished: true, ok: false, message };
}

/**
 * The pass is over: under one lock the pending import goes, the batch row shows the result, the
 * OPD's report and the batch's stage notice are recorded (sent after the lock): once per pass.
 */
function finishImport(
  ctx: Ctx,
  table: BatchTable,
  rowNumber: number,
  id: string,
  list: BatchList,
  since: number,
): ImportRun {
  const { config } = ctx;
  const lang = config.language;
  const mails: OutgoingMail[] = [];
  const url = rowUrl(ctx.ss, table.sheet, rowNumber);
  const registered = list.persons.filter((p) => p.ticket);
  const refused = list.persons.filter((p) => !p.ticket);
  const nameTitle = Object.keys(list.persons[0]?.answers ?? {})[0] ?? "";
  const letter = [list.head.letterNumber, list.head.letterDate].filter(Boolean).join(", ");
  const message = t(lang, "batch.import.done", {
    batch: id,
    registered: registered.length,
    refused: refused.length,
    contact: list.head.contact,
  });
  withOutbox(ctx, mails, (): boolean => {
    const p = readPending();
    if (!p.ids.includes(id)) return false; // finished by another execution: its report went
    writePending(without(p, id));
    const all = members(ctx, id);
    const now = Date.now();
    const [entry] = appendLog(ctx, [
      {
        ticket: "",
        from: "",
        to: "",
        action: "impor_massal",
        actor: SYSTEM_ACTOR,
        timeMs: now,
        note: asSheetText(message),
      },
    ]);
    refreshBatchRow(ctx, table, rowNumber, all, {
      opd: asSheetText(list.head.opd),
      letter: asSheetText(letter),
      contact: asSheetText(list.head.contact),
      imported: t(lang, "batch.import.state_done", {
        time: formatDateTime(now, ctx.offset, lang),
        registered: registered.length,
        refused: refused.length,
      }),
      logSeq: entry!.seq,
    });
    const report = composeImportReport(
      {
        batchId: id,
        opd: list.head.opd,
        letter,
        registered: registered.map((x) => ({ ticket: x.ticket, name: x.answers[nameTitle] ?? "" })),
        refused: refused.map((x) => ({
          row: x.row,
          name: x.answers[nameTitle] ?? "",
          problems: x.problems.split("\n").map((s) => s.replace(/^\u2022\s*/, "")),
        })),
      },
      config,
    );
    mails.push({ ...report, to: [list.head.contact.toLowerCase()], ticket: id });
    // The first stage hears of the batch once (its members were registered without a notice each).
    const fresh = all.filter((m) => cellMs(m.row.stageEnteredAt) >= since && cellText(m.row.stageKey));
    const stage = batchStage(config, memberStates(fresh));
    if (stage) {
      const responsible = String(
        fresh.find((m) => cellText(m.row.stageKey) === stage.stageKey)?.row.responsible ?? "",
      )
        .split(/,\s*/)
        .filter(Boolean);
      mails.push(
        batchNotice(ctx, id, list.head.opd, fresh.length, stage.stageKey, responsible, url, {
          action: "diterima",
          actor: SYSTEM_ACTOR,
          reason: "",
        }),
      );
    }
    return true;
  });
  return { id, finished: true, ok: true, message };
}
