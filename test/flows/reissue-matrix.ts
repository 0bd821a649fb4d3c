/**
 * The fault matrix of the reissue path: an administrator asks for a reissued letter on
 * the admin sheet, and the sweep, as the service account, issues it (a new letter number, a new
 * password, the letter mailed, `terbitkan_ulang` logged). A clean run's sweep trace names the
 * calls of the reissue's work (what the sweep does only because a reissue waits: the calls between
 * the common prefix and the common suffix of that sweep and an idle one); then, in one office, one
 * finished request per call is reissued with a fault at exactly that call — an error before it
 * takes effect, an error after it took effect (a lost reply), or the sweep cut off there — and
 * later sweeps are left to recover. The kit is the create step's (provision-matrix.ts): the same
 * errors, the same grouping of interchangeable calls, every call under `SUREL_EXHAUSTIVE=1`.
 *
 * Per case: exactly one reissue letter, with the current letter number; the reissue letter's
 * password is the account's password, set before the letter went out and never changed after it
 * (exactly one new password, unless the fault fell between setting it and the send: then the
 * password of the attempt that did not send was replaced before any letter carried it); exactly
 * one `terbitkan_ulang` entry; the row ends finished with a new letter number and no reissue mark;
 * exactly one account. At the end the log verifies.
 */
import { directoryStateObject, checkUserPassword, type SentMail } from "gas-emulator/testkit";
import { ADMIN, adminRequest, log, logChainOk, type Office } from "./harness.js";
import { errorFor, matrixPositions, type FaultKind, type MatrixCase } from "./provision-matrix.js";
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
import { createHash } from "node:crypto";

export interface ReissueCase extends MatrixCase {
  /** The letter number before the reissue. */
  first: string;
  /** Password sets recorded before the reissue's sweep. */
  setsBefore: number;
}

export interface ReissueMatrixResult {
  office: Office;
  /** Keys of the reissue's calls in the clean sweep, in order. */
  calls: string[];
  /** Position (in the sweep, from 1) of the call before the reissue's first. */
  start: number;
  /** Positions (in the sweep) of the password set and of the letter's send in the clean run. */
  passwordAt: number;
  sendAt: number;
  cases: ReissueCase[];
}

/** A request created and finished (one letter), then a reissue asked for on the admin sheet. */
async function finishedAndAsked(office: Office, n: number): Promise<{ ticket: string; personal: string }> {
  const answers = applicant(n);
  const ticket = await newRequest(office, answers);
  await chooseCreate(office, ticket);
  if (row(office, ticket).status !== "selesai") throw new Error(`${ticket} did not finish`);
  const asked = await adminRequest(office, ADMIN, "reissue", { ticket });
  const ok = asked.results.pop()?.returnValue as { ok?: boolean } | undefined;
  if (!asked.edit.ok || !ok?.ok) throw new Error(`the reissue of ${ticket} was not recorded`);
  return { ticket, personal: answers["Surel pribadi"]! };
}

/**
 * The clean run: the keys of a sweep that issues one reissue, and the part of it that is the
 * reissue's (between the common prefix and suffix with an idle sweep of the same office).
 */
export async function reissueReference(): Promise<{ keys: string[]; start: number; end: number }> {
  const office = await provisioningOffice({ configure: staffOnly });
  try {
    // A first reissue warms what an office keeps between executions (caches, hints, the day's
    // once-only work): the cases are an office's later ones.
    await finishedAndAsked(office, 500);
    await sweepAfter(office, 1);
    const { ticket } = await finishedAndAsked(office, 1);
    const busy = (await sweepAfter(office, 1)).trace.map((c) => c.key);
    if (!row(office, ticket).provisioning.startsWith("selesai"))
      throw new Error("the clean reissue did not finish");
    // The same shape without a reissue waiting: a request finished, then a sweep a minute later.
    await newRequest(office, applicant(2)).then((t) => chooseCreate(office, t));
    const idle = (await sweepAfter(office, 1)).trace.map((c) => c.key);
    let p = 0;
    while (p < busy.length && p < idle.length && busy[p] === idle[p]) p++;
    let s = 0;
    while (
      s < busy.length - p &&
      s < idle.length - p &&
      busy[busy.length - 1 - s] === idle[idle.length - 1 - s]
    )
      s++;
    const part = busy.slice(p, busy.length - s);
    for (const key of ["AdminDirectory.Users.update", "MailApp.sendEmail"])
      if (!part.includes(key)) throw new Error(`the reissue's part of the sweep has no ${key}`);
    return { keys: busy, start: p, end: busy.length - s };
  } finally {
    await office.emu.close();
  }
}

/** Sweeps until the case's row is finished (at most a few): at once for a waiting state, after the lease otherwise. */
async function recover(office: Office, ticket: string): Promise<string> {
  const after = row(office, ticket).provisioning;
  for (let k = 0; k < 4; k++) {
    const state = row(office, ticket).provisioning;
    const label = state.split(" \u00b7 ")[0] ?? "";
    if (label === "selesai" && !state.includes("terbit ulang")) break;
    await sweepAfter(office, label.startsWith("menunggu") || label === "diminta ulang" ? 1 : 8);
  }
  return after;
}

export async function runReissueMatrix(kind: FaultKind): Promise<ReissueMatrixResult> {
  const { keys, start, end } = await reissueReference();
  const office = await provisioningOffice({ configure: staffOnly });
  office.emu.ws.quotas.setLimit("emailRecipients", 1_000_000);
  // The office the cases run in is warmed the same way as the reference.
  await finishedAndAsked(office, 500);
  await sweepAfter(office, 1);
  const window = keys.slice(0, end);
  const plan: { n: number; kind: MatrixCase["kind"] }[] = matrixPositions(window, start, kind).map((n) => ({
    n,
    kind,
  }));
  if (kind === "kill") plan.push({ n: end, kind: "kill-after" });
  const cases: ReissueCase[] = [];
  let i = 1;
  for (const p of plan) {
    const key = keys[p.n - 1]!;
    const { ticket, personal } = await finishedAndAsked(office, ++i);
    const first = row(office, ticket).letterNumber;
    const setsBefore = directoryStateObject(office.emu.ws).passwordSets.length;
    office.emu.faults.clear();
    // The fault is aimed at the call by its key and its occurrence in the sweep, not by its
    // position: the password generator draws a varying number of UUIDs, which shifts positions.
    const occurrence = keys.slice(0, p.n).filter((k) => k === key).length;
    const rule =
      p.kind === "kill" || p.kind === "kill-after"
        ? office.emu.faults.killAt(occurrence, {
            handler: "sweep",
            target: key,
            when: p.kind === "kill" ? "before" : "after",
          })
        : office.emu.faults.inject(key, {
            error: errorFor(key),
            handler: "sweep",
            skip: occurrence - 1,
            when: p.kind,
            times: 1,
          });
    await sweepAfter(office, 1).catch(() => undefined);
    const fired = rule.fired === 1;
    office.emu.faults.clear();
    const stateAfterFault = await recover(office, ticket);
    cases.push({
      n: p.n,
      key,
      kind: p.kind,
      ticket,
      personal,
      fired,
      stateAfterFault,
      first,
      setsBefore,
    });
  }
  for (let k = 0; k < 3; k++) await sweepAfter(office, 15);
  const passwordAt = keys.indexOf("AdminDirectory.Users.update", start) + 1;
  const sendAt = keys.indexOf("MailApp.sendEmail", passwordAt) + 1;
  return { office, calls: keys.slice(start, end), start, passwordAt, sendAt, cases };
}

const digest = (password: string): string =>
  createHash("sha256")
    .update("\u0000" + password)
    .digest("hex");

/** What is wrong with the outcome of each case (empty when every reissue ended as it must). */
export function reissueProblems(result: ReissueMatrixResult): string[] {
  const { office, cases } = result;
  const problems: string[] = [];
  const entries = log(office);
  const sets = directoryStateObject(office.emu.ws).passwordSets;
  for (const c of cases) {
    const where = `${c.kind} call ${c.n} (${c.key}) [${c.stateAfterFault}]`;
    if (!c.fired) problems.push(`${where}: the fault never fired`);
    const r = row(office, c.ticket);
    if (
      r.status !== "selesai" ||
      !r.provisioning.startsWith("selesai") ||
      r.provisioning.includes("terbit ulang")
    )
      problems.push(`${where}: ${c.ticket} ends as ${r.status} / ${r.provisioning}`);
    if (!r.letterNumber || r.letterNumber === c.first)
      problems.push(`${where}: the letter number is ${r.letterNumber || "empty"} (first ${c.first})`);
    if (!r.letterSentAt) problems.push(`${where}: no sent time`);
    if (accountsFor(office, c.ticket).length !== 1) problems.push(`${where}: not exactly one account`);
    const letters = lettersTo(office, c.personal);
    const reissued: SentMail[] = letters.slice(1);
    if (letters.length !== 2)
      problems.push(`${where}: ${letters.length} letters in all (the first and one reissue expected)`);
    const current = reissued.filter((m) => m.body.includes(r.letterNumber));
    if (reissued.length !== 1 || current.length !== 1)
      problems.push(
        `${where}: ${reissued.length} reissue letters, ${current.length} with the current number ${r.letterNumber}`,
      );
    const logged = entries.filter((e) => e.ticket === c.ticket && e.action === "terbitkan_ulang");
    if (logged.length !== 1) problems.push(`${where}: ${logged.length} terbitkan_ulang entries`);
    else if (!logged[0]!.note.includes(r.letterNumber))
      problems.push(`${where}: the terbitkan_ulang entry does not name ${r.letterNumber}`);
    // The passwords: the reissue letter's opens the account; it was the last one set, before the
    // letter went out; the first letter's no longer works.
    const mine = sets.slice(c.setsBefore).filter((s) => s.email === r.address.toLowerCase());
    const distinct = new Set(mine.map((s) => s.digest));
    if (reissued.length >= 1) {
      const letter = reissued[reissued.length - 1]!;
      const password = passwordInLetterBytes(letter);
      if (!checkUserPassword(office.emu.ws, r.address, password))
        problems.push(`${where}: the reissue letter's password does not open ${r.address}`);
      const last = mine[mine.length - 1];
      if (!last || last.digest !== digest(password))
        problems.push(`${where}: the last password set is not the letter's`);
      if (last && last.atMs > letter.timeMs)
        problems.push(`${where}: a password was set after the letter went out`);
      const firstPassword = passwordInLetterBytes(letters[0]!);
      if (checkUserPassword(office.emu.ws, r.address, firstPassword))
        problems.push(`${where}: the first letter's password still opens the account`);
    }
    // A second new password only when the fault fell between setting the first and the send.
    const between = c.kind !== "kill-after" && c.n >= result.passwordAt && c.n <= result.sendAt;
    if (distinct.size !== 1 && !(between && distinct.size === 2))
      problems.push(`${where}: ${distinct.size} new passwords`);
  }
  if (!logChainOk(office)) problems.push("the log does not verify");
  const leftovers = driveItems(office).filter((it) => it.name.startsWith("kerja-"));
  if (leftovers.length) problems.push(`${leftovers.length} working copies of letters left in Drive`);
  return problems;
}
