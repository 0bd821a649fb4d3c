/**
 * The fault matrix of provisioning: a clean run's trace names every service call the create step
 * makes (the provisioning worker's whole execution: "Buat akun" only queues the request); then, in
 * one office, one request per call is queued and its worker run with a fault at exactly that call
 * — an error before it takes effect, an error after it took effect (a lost reply), or the
 * execution cut off there — and the sweep and the next workers are left to finish. Each request must end with exactly one account and exactly one letter,
 * and the letter's password must open the account.
 *
 * Errors: Directory calls get a 503 (what a lost or refused reply looks like there), every other
 * call Apps Script's "server error". A cut-off before call n is the same as a cut-off right after
 * call n−1 took effect, so "kill" cuts before every call and after the last one.
 */
import { apiError, serviceError, type GasError } from "gas-emulator";
import { checkUserPassword, directoryStateObject } from "gas-emulator/testkit";
import { PENDING_GRACE_MS } from "../../src/domain/queue.js";
import { runWorkers, WORKER, type Office } from "./harness.js";
import {
  accountsFor,
  applicant,
  chooseCreate,
  driveItems,
  lettersTo,
  newRequest,
  passwordInLetterBytes,
  provisioningOffice,
  row,
  staffOnly,
  sweepAfter,
} from "./provision-kit.js";

export type FaultKind = "before" | "after" | "kill";

export interface MatrixCase {
  /** Position of the faulted call in the worker's execution (from 1). */
  n: number;
  key: string;
  kind: FaultKind | "kill-after";
  ticket: string;
  personal: string;
  fired: boolean;
  /** The provisioning state right after the faulted run. */
  stateAfterFault: string;
}

export interface MatrixResult {
  office: Office;
  /** Keys of the create step's calls in the clean run, in order. */
  calls: string[];
  /** Positions (in the worker's execution, from 1) of the create step's calls: `calls[i]` is at start + 1 + i. */
  start: number;
  cases: MatrixCase[];
}

/** "AdminDirectory.Users.insert" → "directory.users.insert". */
function methodId(key: string): string {
  return key.replace(/^AdminDirectory\./, "directory.").toLowerCase();
}

export function errorFor(key: string): () => GasError {
  return key.startsWith("AdminDirectory.")
    ? () => apiError(methodId(key), "Service unavailable. Please try again", 503, "backendError")
    : () => serviceError("We're sorry, a server error occurred. Please wait a bit and try again.");
}

/** The clean run: the worker execution's calls (all of them are the create step). */
export async function referenceRun(): Promise<{ keys: string[]; start: number }> {
  const office = await provisioningOffice({ configure: staffOnly });
  try {
    // A first request warms what an office keeps between executions (caches, hints): the matrix
    // runs its cases one after another in one office, so the reference is an office's second.
    await chooseCreate(office, await newRequest(office, applicant(500)));
    const ticket = await newRequest(office, applicant(1));
    const results = await chooseCreate(office, ticket);
    const workers = results.filter((r) => r.handler === WORKER);
    if (workers.length !== 1 || !workers[0]!.ok || row(office, ticket).status !== "selesai")
      throw new Error("the clean run did not finish in one worker");
    return { keys: workers[0]!.trace.map((c) => c.key), start: 0 };
  } finally {
    await office.emu.close();
  }
}

/**
 * Lets the system finish after a faulted worker: the next sweep, once what the fault left is the
 * sweep's (at once for a waiting state, after the lease for one in progress, after the pending
 * trigger's grace for a request still queued: then the sweep calls a new worker), and the workers.
 * Returns the state the fault left.
 */
export async function settle(office: Office, ticket: string): Promise<string> {
  const state = row(office, ticket).provisioning;
  for (let round = 0; round < 4; round++) {
    const label = row(office, ticket).provisioning.split(" \u00b7 ")[0] ?? "";
    if (label === "selesai") break;
    const wait = label === "antre" ? PENDING_GRACE_MS / 60_000 + 1 : label.startsWith("menunggu") ? 1 : 8;
    await sweepAfter(office, wait);
    await runWorkers(office);
  }
  return state;
}

/**
 * Calls that change nothing anywhere (getters, searches, opening a file, builders, pure
 * utilities): a fault at one of them leaves the same state as a fault at its neighbour.
 */
const READ_ONLY =
  /\.(get[A-Z]\w*|get|list|find\w*|match\w*|has\w*|is[A-Z]\w*|createTextFinder|openById)$|^(Sheet\.getRange|Utilities\.\w+|Blob\.\w+|PropertiesService\.\w+|LockService\.\w+|CacheService\.\w+|File\.getAs|Document\.getAs)$/;

export function isReadOnly(key: string): boolean {
  return READ_ONLY.test(key) && !key.startsWith("Lock.");
}

function serviceOfKey(key: string): string {
  return key.startsWith("AdminDirectory.") ? "AdminDirectory" : (key.split(".")[0] ?? key);
}

/**
 * The calls that get a case (1-based positions in the trace, from `start` + 1). Exhaustive: every
 * call. Otherwise calls are grouped by kind where they are interchangeable: every call with an
 * effect has its case, except inside a run of the same call (27 replaceText in a row: the first
 * and the last); in a run of read-only calls a cut-off anywhere leaves the state a cut-off at the
 * run's first call leaves (one case per run), and an error gets one case per service of the run
 * (the script handles a Directory error and a Sheets error in different places).
 * `SUREL_EXHAUSTIVE=1` in the environment runs every call.
 */
export function matrixPositions(keys: readonly string[], start: number, kind: FaultKind): number[] {
  const out: number[] = [];
  if (process.env.SUREL_EXHAUSTIVE === "1") {
    for (let n = start + 1; n <= keys.length; n++) out.push(n);
    return out;
  }
  let runServices = new Set<string>();
  for (let n = start + 1; n <= keys.length; n++) {
    const key = keys[n - 1]!;
    const prev = n - 1 > start ? keys[n - 2] : undefined;
    const next = keys[n];
    if (isReadOnly(key)) {
      const first = prev === undefined || !isReadOnly(prev);
      if (first) runServices = new Set();
      const service = serviceOfKey(key);
      if (kind === "kill" ? first : !runServices.has(service)) out.push(n);
      runServices.add(service);
    } else if (!(prev === key && next === key)) {
      out.push(n);
    }
  }
  return out;
}

export async function runMatrix(kind: FaultKind): Promise<MatrixResult> {
  const { keys, start } = await referenceRun();
  const office = await provisioningOffice({ configure: staffOnly });
  // Hundreds of requests: the daily mail quota is not what this test is about.
  office.emu.ws.quotas.setLimit("emailRecipients", 1_000_000);
  const cases: MatrixCase[] = [];
  const plan: { n: number; kind: MatrixCase["kind"] }[] = [];
  for (const n of matrixPositions(keys, start, kind)) plan.push({ n, kind });
  if (kind === "kill") plan.push({ n: keys.length, kind: "kill-after" });
  let i = 1;
  for (const p of plan) {
    const key = keys[p.n - 1]!;
    const answers = applicant(++i);
    const ticket = await newRequest(office, answers);
    const rule =
      p.kind === "kill" || p.kind === "kill-after"
        ? office.emu.faults.killAt(p.n, {
            handler: WORKER,
            when: p.kind === "kill" ? "before" : "after",
          })
        : office.emu.faults.inject("*", {
            error: errorFor(key),
            handler: WORKER,
            nth: p.n,
            when: p.kind,
            times: 1,
          });
    await chooseCreate(office, ticket);
    const fired = rule.fired === 1;
    office.emu.faults.clear();
    const stateAfterFault = await settle(office, ticket);
    cases.push({
      n: p.n,
      key,
      kind: p.kind,
      ticket,
      personal: answers["Surel pribadi"]!,
      fired,
      stateAfterFault,
    });
  }
  // A last round of sweeps: anything still waiting is finished, leftover working copies deleted.
  for (let k = 0; k < 3; k++) await sweepAfter(office, 15);
  return { office, calls: keys.slice(start), start, cases };
}

/**
 * Calls of the create step that no case stands for: an effect call without its case (other than
 * inside a run of the same call), or a run of read-only calls without any case.
 */
export function uncovered(result: MatrixResult): string[] {
  const { calls, start, cases } = result;
  const at = new Set(cases.filter((c) => c.kind !== "kill-after").map((c) => c.n));
  const out: string[] = [];
  let runHasCase = false;
  for (let i = 0; i < calls.length; i++) {
    const n = start + 1 + i;
    const key = calls[i]!;
    if (isReadOnly(key)) {
      if (i === 0 || !isReadOnly(calls[i - 1]!)) runHasCase = false;
      if (at.has(n)) runHasCase = true;
      if ((i + 1 === calls.length || !isReadOnly(calls[i + 1]!)) && !runHasCase)
        out.push(`read-only run ending at call ${n} (${key})`);
    } else if (!at.has(n) && !(calls[i - 1] === key && calls[i + 1] === key)) {
      out.push(`call ${n} (${key})`);
    }
  }
  return out;
}

/** What is wrong with the outcome of each case (empty when every request ended as it must). */
export async function matrixProblems(result: MatrixResult): Promise<string[]> {
  const { office, cases } = result;
  const problems: string[] = [];
  for (const c of cases) {
    const where = `${c.kind} call ${c.n} (${c.key}) [${c.stateAfterFault}]`;
    if (!c.fired) problems.push(`${where}: the fault never fired`);
    const r = row(office, c.ticket);
    const accounts = accountsFor(office, c.ticket);
    const letters = lettersTo(office, c.personal);
    if (r.status !== "selesai" || !r.provisioning.startsWith("selesai"))
      problems.push(`${where}: ${c.ticket} ends as ${r.status} / ${r.provisioning}`);
    if (accounts.length !== 1) problems.push(`${where}: ${accounts.length} accounts`);
    if (letters.length !== 1) problems.push(`${where}: ${letters.length} letters`);
    if (letters.length >= 1) {
      const password = passwordInLetterBytes(letters[letters.length - 1]!);
      if (!checkUserPassword(office.emu.ws, r.address, password))
        problems.push(`${where}: the letter's password does not open ${r.address}`);
    }
  }
  const inserted = directoryStateObject(office.emu.ws).insertCount;
  // The reference office is separate: every insert here belongs to one of the cases.
  if (inserted !== cases.length) problems.push(`${inserted} accounts inserted for ${cases.length} requests`);
  const leftovers = driveItems(office).filter((it) => it.name.startsWith("kerja-"));
  if (leftovers.length) problems.push(`${leftovers.length} working copies of letters left in Drive`);
  return problems;
}
