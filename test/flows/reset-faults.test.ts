/**
 * Exactly once for the password reset: the staff's execution (the worker's run) cut
 * off at each service call of a clean run's trace (grouped as provision-matrix.ts groups them;
 * SUREL_EXHAUSTIVE=1 cuts before every call), and every Directory call's reply lost (the call
 * took effect, the reply never came). After the sweep and the next workers, every request has
 * exactly ONE reset letter, sent to the recovery address on record, whose password opens the
 * account with a change forced: one effective password, one letter, none anywhere else.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkUserPassword, directoryUser } from "gas-emulator/testkit";
import { act, mails, runWorkers, WORKER, type Office } from "./harness.js";
import { errorFor, isReadOnly, matrixPositions, settle } from "./provision-matrix.js";
import { passwordInLetterBytes, provisioningOffice, row, STAF, staffOnly } from "./provision-kit.js";
import { OLD_PASSWORD, resetAnswers, seedAccount, submitService } from "./services-kit.js";

let office: Office;
let k = 0;

beforeAll(async () => {
  office = await provisioningOffice({ configure: staffOnly });
  office.emu.ws.quotas.setLimit("emailRecipients", 1_000_000);
});
afterAll(async () => {
  await office.emu.close();
});

/** A used account as surel writes one, and its reset request registered (not yet executed). */
async function resetRequest(): Promise<{ ticket: string; address: string; personal: string }> {
  const acc = seedAccount(office, 5000 + ++k);
  const ticket = await submitService(office, resetAnswers(acc));
  return { ticket, address: acc.address, personal: acc.personal };
}

const pdfMails = () =>
  mails(office).filter((m) => m.attachments.some((a) => a.contentType === "application/pdf"));

/** What is wrong with a request after the faults: "" when exactly one working letter went to the right place. */
function problemsOf(c: { ticket: string; address: string; personal: string }): string[] {
  const out: string[] = [];
  const mine = pdfMails().filter((m) => m.subject.includes(c.ticket));
  if (mine.length !== 1) out.push(`${mine.length} letters`);
  for (const m of mine) if (m.to.join() !== c.personal) out.push(`letter to ${m.to.join()}`);
  if (mine.length === 1) {
    const password = passwordInLetterBytes(mine[0]!);
    if (!checkUserPassword(office.emu.ws, c.address, password))
      out.push("the letter's password does not open it");
  }
  if (checkUserPassword(office.emu.ws, c.address, OLD_PASSWORD)) out.push("the old password still works");
  if (directoryUser(office.emu.ws, c.address)?.changePasswordAtNextLogin !== true)
    out.push("no forced change");
  if (row(office, c.ticket).status !== "selesai") out.push(`status ${row(office, c.ticket).status}`);
  return out;
}

test("the execution cut off at any call, or a Directory reply lost: one reset letter whose password works", async () => {
  // The clean run's trace: the office's second (the first sets up what an office keeps between
  // executions, as the cases after it find it).
  const warm = await resetRequest();
  await act(office, STAF, warm.ticket, "Jalankan permohonan");
  await runWorkers(office);
  const ref = await resetRequest();
  await act(office, STAF, ref.ticket, "Jalankan permohonan");
  const results = await runWorkers(office);
  const worker = results.filter((r) => r.handler === WORKER);
  expect(worker).toHaveLength(1);
  expect(problemsOf(ref)).toEqual([]);
  const keys = worker[0]!.trace.map((c) => c.key);
  expect(keys).toContain("AdminDirectory.Users.update");
  expect(keys).toContain("AdminDirectory.Users.get");

  const plan: { n: number; kind: "kill" | "kill-after" | "after" }[] = [
    ...matrixPositions(keys, 0, "kill").map((n) => ({ n, kind: "kill" as const })),
    { n: keys.length, kind: "kill-after" },
    // A lost reply at every call with an effect outside the register (Directory, mail, Drive).
    ...keys
      .map((key, i) => ({ key, n: i + 1 }))
      .filter(({ key }) => !isReadOnly(key) && /^(AdminDirectory|MailApp|GmailApp|Drive)\./.test(key))
      .map(({ n }) => ({ n, kind: "after" as const })),
  ];
  expect(plan.some((p) => p.kind === "after" && keys[p.n - 1] === "AdminDirectory.Users.update")).toBe(true);
  const failures: string[] = [];
  for (const p of plan) {
    const c = await resetRequest();
    await act(office, STAF, c.ticket, "Jalankan permohonan");
    const rule =
      p.kind === "after"
        ? office.emu.faults.inject("*", {
            error: errorFor(keys[p.n - 1]!),
            handler: WORKER,
            nth: p.n,
            when: "after",
            times: 1,
          })
        : office.emu.faults.killAt(p.n, { handler: WORKER, when: p.kind === "kill" ? "before" : "after" });
    await runWorkers(office);
    const fired = rule.fired === 1;
    office.emu.faults.clear();
    await settle(office, c.ticket);
    const problems = problemsOf(c);
    if (!fired) problems.push("the fault did not fire");
    if (problems.length) failures.push(`${p.kind} #${p.n} ${keys[p.n - 1]}: ${problems.join(", ")}`);
  }
  expect(failures).toEqual([]);
  expect(plan.length).toBeGreaterThan(10);
}, 240_000);
