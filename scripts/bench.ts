/**
 * The cost benchmark: service calls and modelled seconds (the emulator's cost model: per call,
 * per cell, the bundle's parse and the script's CPU) per event at several register sizes, for surel
 * and for a naive per-row script doing the same job (scripts/naive.ts), beside the floor of each
 * event (the calls it cannot avoid, priced by the same model). Then a burst of simultaneous
 * submissions, a queue of accounts drained, and the cells the program's sheets hold per 1,000
 * requests. Writes out/bench/bench.md, out/bench/bench.json and out/bench/bench.png. Timings live
 * here, never in tests.
 *
 *   npm run bench                          sizes 10, 1000, 10000, 50000; burst 100; 300 accounts
 *   npm run bench -- --sizes 10,1000 --burst 20 --accounts 30
 *   npm run bench -- --quick               surel's events at sizes 10 and 50000 only, printed (no
 *                                          naive script, burst, queue or cell count; no files)
 */
import { duplicateKeys } from "../src/domain/duplicates.js";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { REGISTER_COLUMNS, SHEET_NAMES } from "../src/workspace/schema.js";
import { callCost, parseMs, type ExecutionResult, submitResponse } from "gas-emulator";
import { directoryStateObject, openSpreadsheet, skipMissedRuns } from "gas-emulator/testkit";
import { act, createOffice, register, WORKER, type Office } from "../test/flows/harness.js";
import {
  applicant,
  chooseCreate,
  chooseCreateOnly,
  newRequest,
  provisioningOffice,
  STAF,
  staffOnly,
  sweepAfter,
} from "../test/flows/provision-kit.js";
import { ACTION_LABELS } from "../src/domain/workflow.js";
import { barChart, type Rgb } from "./chart.js";
import { NAIVE_CODE, prepareNaive } from "./naive.js";
import { surelEmulator } from "../test/kit/emulator.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const QUICK = process.argv.includes("--quick");
const SIZES = arg("sizes", QUICK ? "10,50000" : "10,1000,10000,50000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const BURST = Number(arg("burst", "100"));
const ACCOUNTS = Number(arg("accounts", "300"));
const OUT = arg("out", "out/bench");

const BUNDLE_BYTES = statSync("dist/Code.js").size;

interface Measure {
  calls: number;
  seconds: number;
  error?: string;
}

const measure = (r: ExecutionResult | undefined): Measure =>
  r
    ? {
        calls: r.callCount,
        seconds: r.modelledMs / 1000,
        ...(r.ok ? {} : { error: r.error?.message ?? "failed" }),
      }
    : { calls: 0, seconds: 0, error: "did not run" };

/** The calls an event cannot avoid, priced by the cost model (with one parse of surel's bundle). */
function floor(calls: [string, { read?: number; written?: number; scanned?: number } | null][]): Measure {
  const ms = calls.reduce((s, [k, cells]) => s + callCost(k, cells), 0) + parseMs(BUNDLE_BYTES);
  return { calls: calls.length, seconds: ms / 1000 };
}

const W = REGISTER_COLUMNS.length;
const FLOORS: Record<string, Measure> = {
  // The lock, the ticket, one row read (the index), one row write, two mails, the directory lookups.
  submission: floor([
    ["LockService.getScriptLock", null],
    ["Lock.waitLock", null],
    ["Properties.getProperty", null],
    ["Properties.setProperty", null],
    ["Range.getValues", { read: 1 }],
    ["Range.setValues", { written: W }],
    ["Lock.releaseLock", null],
    ["AdminDirectory.Users.get", null],
    ["AdminDirectory.Users.list", null],
    ["MailApp.sendEmail", null],
    ["MailApp.sendEmail", null],
  ]),
  // One row read, one row write, one log append, one mail.
  disposition: floor([
    ["Range.getValues", { read: W }],
    ["Range.setValues", { written: W }],
    ["Range.setValues", { written: 10 }],
    ["MailApp.sendEmail", null],
  ]),
  // One insert, one copy, one fill, one export, one mail, one delete.
  account: floor([
    ["AdminDirectory.Users.insert", null],
    ["Drive.Files.copy", null],
    ["Docs.Documents.batchUpdate", null],
    ["Document.getAs", null],
    ["MailApp.sendEmail", null],
    ["Drive.Files.remove", null],
  ]),
  // A few reads: the settings' version, the queue's and the register's sizes.
  sweep: floor([
    ["Properties.getProperties", null],
    ["Sheet.getLastRow", null],
    ["Range.getValues", { read: 10 }],
  ]),
};

/** Fills the register host-side with `n` closed requests (as if the office had been running). */
function fill(office: Office, n: number): void {
  if (n <= 0) return;
  const sheet = openSpreadsheet(office.emu.ws, office.ssId).getSheetByName(SHEET_NAMES.register)!;
  const start = sheet.getLastRow() + 1;
  if (sheet.getMaxRows() < start + n)
    sheet.insertRowsAfter(sheet.getMaxRows(), start + n - sheet.getMaxRows());
  const rows = Array.from({ length: n }, (_, i) =>
    REGISTER_COLUMNS.map((c) => {
      switch (c.key) {
        // The row's duplicate keys, as this build writes them with the row.
        case "dupKeys":
          return duplicateKeys(
            {
              name: `Pegawai ${i}`,
              nip: String(198001012005011000 + (i % 999)),
              address: `pegawai.${i}@contohkota.go.id`,
            },
            office.config.opds,
          );
        case "ticket":
          return `SRL-2510-${String(i + 1).padStart(5, "0")}`;
        case "status":
          return "selesai";
        case "name":
          return `Pegawai ${i}`;
        case "nip":
          return String(198001012005011000 + (i % 999));
        case "address":
          return `pegawai.${i}@contohkota.go.id`;
        case "responseRow":
          return 100000 + i;
        default:
          return "";
      }
    }),
  );
  sheet.getRange(start, 1, n, W).setValues(rows);
}

interface SizeRow {
  rows: number;
  surel: Record<"submission" | "disposition" | "account" | "sweep", Measure>;
  naive: Record<"submission" | "disposition" | "account", Measure>;
}

async function surelAt(n: number): Promise<SizeRow["surel"]> {
  const office = await provisioningOffice({ configure: staffOnly });
  try {
    fill(office, n);
    // A running office: one submission first (the settings cached, the status page's key made),
    // then the one measured.
    await newRequest(office, applicant(9));
    office.emu.ws.advance(60_000);
    const { results } = await (async () => {
      submitResponse(office.emu.ws, office.formId, applicant(1));
      return { results: await office.emu.drain() };
    })();
    const submission = measure(results.find((r) => r.handler === "onFormSubmit"));
    const ticket = (results.find((r) => r.handler === "onFormSubmit")?.returnValue as { ticket: string })
      .ticket;
    // Disposition: a note by the staff (the one-stage chain has no forwarding): an applied edit.
    const second = await newRequest(office, applicant(2));
    const edits = await act(office, STAF, second, ACTION_LABELS.tahan, "Menunggu surat pengantar");
    // The note is an edit of its own; the action's edit is the last one.
    const disposition = measure(edits.filter((r) => r.handler === "onRegisterEdit").pop());
    // "Buat akun" queues the request; the account and its letter are the worker's execution.
    const created = await chooseCreate(office, ticket);
    const account = measure(created.find((r) => r.handler === WORKER));
    office.emu.ws.advance(30 * 60_000);
    await office.emu.run("sweep", { kind: "installable" });
    office.emu.ws.advance(10 * 60_000);
    const sweep = measure(await office.emu.run("sweep", { kind: "installable" }));
    return { submission, disposition, account, sweep };
  } finally {
    await office.emu.close();
  }
}

async function naiveAt(n: number): Promise<SizeRow["naive"]> {
  const emu = surelEmulator({
    code: NAIVE_CODE,
    filename: "Naive.js",
    domain: "contohkota.go.id",
    owner: { email: "admin@contohkota.go.id", admin: true, name: "Admin" },
  });
  try {
    const office = prepareNaive(emu, n);
    const answers = {
      name: "Ahmad Fauzi",
      nip: "198503302010011002",
      email: "ahmad.fauzi@gmail.com",
      opd: "Dinas Komunikasi dan Informatika",
      job: "Analis",
      phone: "+6281234567890",
    };
    const submission = await emu.run("naiveSubmit", { args: [answers], kind: "installable" });
    // The last registered row (the new one may not exist: the submission can run out of time).
    const row = n + 1;
    const disposition = await emu.run("naiveDispose", {
      args: [row, "kadis@contohkota.go.id", "teruskan"],
      kind: "installable",
    });
    const account = await emu.run("naiveCreate", { args: [row, office.templateId], kind: "installable" });
    return { submission: measure(submission), disposition: measure(disposition), account: measure(account) };
  } finally {
    await emu.close();
  }
}

/** `count` submissions at the same moment, each trigger running as soon as it can. */
async function burst(count: number): Promise<Record<string, number | string>> {
  const office = await createOffice({ seed: 7 });
  try {
    for (let i = 0; i < count; i++) submitResponse(office.emu.ws, office.formId, applicant(1000 + i));
    // Apps Script runs at most 30 executions of one user at once: the others wait their turn.
    const results = await office.emu.drain({ concurrency: Math.min(30, count), schedule: "random" });
    const intake = results.filter((r) => r.handler === "onFormSubmit");
    const ok = intake.filter((r) => r.ok).length;
    const registeredByOwnExecution = intake.filter(
      (r) => r.ok && (r.returnValue as { created?: boolean } | null)?.created === true,
    ).length;
    const lockMs = Math.max(
      0,
      ...intake.map((r) => {
        const acquired = r.trace.findIndex((c) => c.key === "Lock.waitLock");
        const released = r.trace.findIndex((c) => c.key === "Lock.releaseLock");
        if (acquired < 0 || released < 0) return 0;
        return r.trace.slice(acquired + 1, released + 1).reduce((s, c) => s + c.ms, 0);
      }),
    );
    office.emu.ws.advance(10 * 60_000);
    await office.emu.run("sweep", { kind: "installable" });
    return {
      submissions: count,
      executions: intake.length,
      succeeded: ok,
      registeredByOwnExecution,
      failed: intake
        .filter((r) => !r.ok)
        .map((r) => r.error?.message ?? "")
        .filter(Boolean).length,
      registeredAfterSweep: register(office).length,
      longestLockHeldSeconds: lockMs / 1000,
    };
  } finally {
    await office.emu.close();
  }
}

/**
 * `count` requests at the last stage, "Buat akun" chosen for each (the edits only queue them), then
 * the provisioning workers and the sweep run as Apps Script runs them (chained one-shot triggers,
 * up to 30 executions at once): how long after the last approval every account and letter is done.
 */
async function drain(count: number): Promise<Record<string, number | string>> {
  const office = await provisioningOffice({ configure: staffOnly });
  try {
    office.emu.ws.quotas.setLimit("emailRecipients", 1_000_000);
    const tickets: string[] = [];
    for (let i = 0; i < count; i++) tickets.push(await newRequest(office, applicant(3000 + i)));
    const t0 = office.emu.ws.clockMs;
    let edits = 0;
    for (const ticket of tickets) edits += (await chooseCreateOnly(office, ticket)).length;
    const lastApproval = office.emu.ws.clockMs;
    skipMissedRuns(office.emu.ws);
    const results = await office.emu.advance(60 * 60_000, { concurrency: 30 });
    const finished = register(office)
      .filter((r) => r.provisioning.startsWith("selesai"))
      .map((r) => Date.parse(r.provisioning.split(" \u00b7 ")[1] ?? ""));
    const workers = results.filter((r) => r.handler === WORKER);
    let parallel = 0;
    for (const w of workers)
      parallel = Math.max(
        parallel,
        workers.filter((x) => x.startMs <= w.startMs && x.endMs > w.startMs).length,
      );
    return {
      queued: count,
      done: finished.length,
      accountsInserted: directoryStateObject(office.emu.ws).insertCount,
      approvalEdits: edits,
      approvalsModelledMinutes: Math.round((lastApproval - t0) / 60_000),
      workerExecutions: workers.length,
      mostWorkersAtOnce: parallel,
      accountsPerWorker: Math.round((finished.length / Math.max(1, workers.length)) * 10) / 10,
      sweeps: results.filter((r) => r.handler === "sweep").length,
      modelledMinutesAfterLastApproval:
        Math.round(((Math.max(...finished) - lastApproval) / 60_000) * 10) / 10,
    };
  } finally {
    await office.emu.close();
  }
}

/**
 * Cells the rows in use take in every sheet of the office's spreadsheet: rows with content × the
 * sheet's columns (Sheets counts every column of a row towards its 10,000,000-cell limit, used or
 * not; sheets grow in steps, so this is what the growth tends to).
 */
function cells(office: Office): number {
  const ss = openSpreadsheet(office.emu.ws, office.ssId);
  return ss.getSheets().reduce((s, sh) => s + sh.getLastRow() * sh.getMaxColumns(), 0);
}

/** Cells added per request through its whole life (intake, decision, account), per 1,000 requests. */
async function cellsPerThousand(count: number): Promise<Record<string, number>> {
  const office = await provisioningOffice({ configure: staffOnly });
  try {
    const before = cells(office);
    for (let i = 0; i < count; i++) {
      const ticket = await newRequest(office, applicant(5000 + i));
      await chooseCreate(office, ticket);
    }
    await sweepAfter(office, 30);
    const after = cells(office);
    const perRequest = (after - before) / count;
    return {
      requests: count,
      cellsBefore: before,
      cellsAfter: after,
      cellsPer1000Requests: Math.round(perRequest * 1000),
      requestsToTenMillionCells: Math.round((10_000_000 - before) / perRequest),
    };
  } finally {
    await office.emu.close();
  }
}

const t0 = performance.now();
const fmt = (m: Measure) =>
  `${m.calls} / ${m.seconds.toFixed(1)} s${m.error ? ` (${m.error.slice(0, 40)})` : ""}`;
const table: SizeRow[] = [];
if (QUICK) {
  for (const n of SIZES) {
    const row = await surelAt(n);
    console.log(`${n} rows`);
    for (const e of ["submission", "disposition", "account", "sweep"] as const)
      console.log(`  ${e.padEnd(12)} surel ${fmt(row[e])}   floor ${fmt(FLOORS[e]!)}`);
  }
  console.log(`quick bench done (${((performance.now() - t0) / 1000).toFixed(0)} s real)`);
  process.exit(0);
}
for (const n of SIZES) {
  const t = performance.now();
  const row: SizeRow = { rows: n, surel: await surelAt(n), naive: await naiveAt(n) };
  table.push(row);
  console.log(`${n} rows (${((performance.now() - t) / 1000).toFixed(0)} s real)`);
  for (const e of ["submission", "disposition", "account"] as const)
    console.log(
      `  ${e.padEnd(12)} surel ${fmt(row.surel[e])}   naive ${fmt(row.naive[e])}   floor ${fmt(FLOORS[e]!)}`,
    );
  console.log(`  sweep idle   surel ${fmt(row.surel.sweep)}   floor ${fmt(FLOORS.sweep!)}`);
}
const burstResult = BURST > 0 ? await burst(BURST) : null;
if (burstResult) console.log("burst", burstResult);
const cellResult = await cellsPerThousand(10);
console.log("cells", cellResult);
const drainResult = ACCOUNTS > 0 ? await drain(ACCOUNTS) : null;
if (drainResult) console.log("drain", drainResult);

mkdirSync(OUT, { recursive: true });
const md: string[] = [
  "# surel benchmark",
  "",
  `Modelled by the emulator's cost model (packages/gas-emulator/docs/EMULATOR-runtime.md). Bundle ${(BUNDLE_BYTES / 1024).toFixed(0)} KiB ` +
    `(${parseMs(BUNDLE_BYTES)} ms parse per execution). Each cell: calls / modelled seconds.`,
  "",
  "| rows | event | surel | naive per-row script | floor |",
  "|---:|---|---:|---:|---:|",
];
for (const r of table) {
  for (const e of ["submission", "disposition", "account"] as const)
    md.push(`| ${r.rows} | ${e} | ${fmt(r.surel[e])} | ${fmt(r.naive[e])} | ${fmt(FLOORS[e]!)} |`);
  md.push(`| ${r.rows} | sweep, nothing to do | ${fmt(r.surel.sweep)} | — | ${fmt(FLOORS.sweep!)} |`);
}
md.push(
  "",
  "## Burst of simultaneous submissions",
  "",
  "```json",
  JSON.stringify(burstResult, null, 2),
  "```",
);
md.push(
  "",
  "## Accounts queued at the last stage",
  "",
  "```json",
  JSON.stringify(drainResult, null, 2),
  "```",
);
md.push("", "## Cells per 1,000 requests", "", "```json", JSON.stringify(cellResult, null, 2), "```", "");
writeFileSync(`${OUT}/bench.md`, md.join("\n"));
writeFileSync(
  `${OUT}/bench.json`,
  JSON.stringify(
    {
      bundleBytes: BUNDLE_BYTES,
      sizes: table,
      floors: FLOORS,
      burst: burstResult,
      drain: drainResult,
      cells: cellResult,
    },
    null,
    2,
  ),
);

const colors: Rgb[] = [
  [33, 102, 172],
  [214, 96, 77],
  [120, 120, 120],
];
const groups = table.flatMap((r) => [
  ...(["submission", "disposition", "account"] as const).map((e) => ({
    label: `${e.slice(0, 5)}\n${r.rows}`,
    values: [r.surel[e].seconds, r.naive[e].seconds, FLOORS[e]!.seconds] as (number | null)[],
  })),
  // The sweep with nothing to do (the naive script has none).
  { label: `sweep\n${r.rows}`, values: [r.surel.sweep.seconds, null, FLOORS.sweep!.seconds] },
]);
writeFileSync(
  `${OUT}/bench.png`,
  barChart({
    title: "MODELLED SECONDS PER EVENT (LOG SCALE)",
    series: [
      { name: "SUREL", color: colors[0]! },
      { name: "NAIVE PER-ROW SCRIPT", color: colors[1]! },
      { name: "FLOOR", color: colors[2]! },
    ],
    groups,
    marks: [{ value: 360, label: "6-MINUTE LIMIT" }],
    width: Math.max(900, groups.length * 80 + 120),
  }),
);
console.log(
  `wrote ${OUT}/bench.md, bench.json, bench.png (${((performance.now() - t0) / 1000).toFixed(0)} s real)`,
);
