/**
 * Bulk provisioning: "Buat akun" only queues a request; provisioning workers (chained
 * one-shot time-driven triggers, several at once) create the accounts back to back. 300 requests
 * approved at the last stage are all finished within 30 modelled minutes of the last approval,
 * with faults on the way (a Directory 503 and a lost reply, a worker cut off in the middle of an
 * account, a letter whose mail fails, a worker trigger Apps Script refuses), and each has exactly
 * one account and one letter whose password opens it. Counts are asserted, never wall-clock time.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_WORKERS } from "../../src/domain/queue.js";
import { apiError, serviceError, type ExecutionResult } from "gas-emulator";
import {
  checkUserPassword,
  directoryStateObject,
  skipMissedRuns,
  TOO_MANY_TRIGGERS,
} from "gas-emulator/testkit";
import { cellOf, register, WORKER, workerPending, type Office } from "./harness.js";
import {
  accountsFor,
  applicant,
  chooseCreate,
  chooseCreateOnly,
  lettersTo,
  newRequest,
  passwordInLetterBytes,
  provisioningOffice,
  row,
  staffOnly,
} from "./provision-kit.js";
import { catalogued } from "./harness.js";

const COUNT = 300;
const MINUTE = 60_000;

describe("a queue of 300 accounts", () => {
  let office: Office;
  const tickets: string[] = [];
  const personal = new Map<string, string>();
  let lastApproval = 0;
  let results: ExecutionResult[] = [];
  let fired: Record<string, number> = {};
  let insertsWhenQueued = -1;

  beforeAll(async () => {
    office = await provisioningOffice({ configure: staffOnly });
    const ws = office.emu.ws;
    // 300 letters and their notices in a day: the mail quota is not what this test is about.
    ws.quotas.setLimit("emailRecipients", 1_000_000);
    for (let i = 0; i < COUNT; i++) {
      const a = applicant(3000 + i);
      const ticket = await newRequest(office, a);
      tickets.push(ticket);
      personal.set(ticket, a["Surel pribadi"]!);
    }
    // The staff choose "Buat akun" on every row, one after another; each edit only queues.
    for (const ticket of tickets) await chooseCreateOnly(office, ticket);
    lastApproval = ws.clockMs;
    insertsWhenQueued = directoryStateObject(ws).insertCount;
    const faults = office.emu.faults;
    const rules = {
      // a 503 (retried with backoff within the call) and a lost reply (409, confirmed as ours)
      unavailable: faults.inject("AdminDirectory.Users.insert", {
        error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
        skip: 39,
      }),
      lostReply: faults.inject("AdminDirectory.Users.insert", {
        error: () => apiError("directory.users.insert", "Service unavailable. Please try again", 503),
        when: "after",
        skip: 119,
      }),
      // the first worker dies in the middle of an account (its request goes to the sweep)
      killed: faults.killAt(150, { handler: WORKER }),
      // a letter's mail fails (nothing went out: the sweep sends it, with a new password)
      mail: faults.inject("MailApp.sendEmail", {
        error: () => serviceError("Service invoked too many times for one day: email."),
        skip: 100,
      }),
      // Apps Script refuses a worker trigger once
      trigger: faults.inject("ClockTriggerBuilder.create", {
        error: () => serviceError(TOO_MANY_TRIGGERS),
        skip: 3,
      }),
    };
    // The host moved the clock while the staff worked; Apps Script replays no missed sweep.
    skipMissedRuns(ws);
    // Thirty minutes pass: the workers and the sweep (every 10 minutes) run as Apps Script runs
    // them, up to 30 executions at once.
    results = await office.emu.advance(30 * MINUTE, { concurrency: 30 });
    fired = Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, r.fired]));
    faults.clear();
  }, 300_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("every fault fired", () => {
    expect(fired).toEqual({ unavailable: 1, lostReply: 1, killed: 1, mail: 1, trigger: 1 });
  });

  test("the edits only queued: no account was made in an edit", () => {
    expect(insertsWhenQueued).toBe(0);
  });

  test("all 300 finished within 30 minutes of the last approval", () => {
    const deadline = lastApproval + 30 * MINUTE;
    const finished = register(office).filter((r) => {
      if (!tickets.includes(r.ticket)) return false;
      const [label, at] = r.provisioning.split(" \u00b7 ");
      return r.status === "selesai" && label === "selesai" && Date.parse(at ?? "") <= deadline;
    });
    expect(finished).toHaveLength(COUNT);
  });

  test("exactly one account and one letter each, and the letter's password opens the account", () => {
    expect(directoryStateObject(office.emu.ws).insertCount).toBe(COUNT);
    const problems: string[] = [];
    for (const ticket of tickets) {
      const accounts = accountsFor(office, ticket);
      const letters = lettersTo(office, personal.get(ticket)!);
      if (accounts.length !== 1) problems.push(`${ticket}: ${accounts.length} accounts`);
      if (letters.length !== 1) problems.push(`${ticket}: ${letters.length} letters`);
      else if (
        !checkUserPassword(office.emu.ws, row(office, ticket).address, passwordInLetterBytes(letters[0]!))
      )
        problems.push(`${ticket}: the letter's password does not open the account`);
    }
    expect(problems).toEqual([]);
  });

  test("several workers ran at once, about the limit at most; the chain ended with the queue", () => {
    const workers = results.filter((r) => r.handler === WORKER);
    let most = 0;
    for (const w of workers)
      most = Math.max(most, workers.filter((x) => x.startMs <= w.startMs && x.endMs > w.startMs).length);
    expect(most).toBeGreaterThan(1);
    // A worker that ends with work left calls the next, which may start while its execution ends.
    expect(most).toBeLessThanOrEqual(MAX_WORKERS + 1);
    // Every run ended within its 6 minutes but the one the fault cut off.
    expect(workers.filter((w) => !w.ok)).toHaveLength(1);
    expect(workers.every((w) => w.endMs - w.startMs < 6 * MINUTE)).toBe(true);
    expect(workerPending(office)).toBe(false);
    // Apps Script's own limit: 20 triggers per user per script.
    expect(office.emu.ws.triggers.length).toBeLessThanOrEqual(20);
  });
});

describe("the edit's part", () => {
  let office: Office;
  beforeAll(async () => {
    office = await provisioningOffice({ configure: staffOnly });
  });
  afterAll(async () => {
    await office.emu.close();
  });

  test("Buat akun queues the request, says so on the cell, and calls one worker for a burst of edits", async () => {
    const tickets: string[] = [];
    for (let i = 0; i < 5; i++) tickets.push(await newRequest(office, applicant(100 + i)));
    for (const t of tickets) await chooseCreateOnly(office, t);
    for (const t of tickets) {
      const r = row(office, t);
      expect(r.status).toBe("membuat akun");
      expect(r.provisioning).toMatch(/^antre · /);
      expect(accountsFor(office, t)).toEqual([]);
      expect(cellOf(office, t, "action").note).toMatch(catalogued("edit.queued_note"));
    }
    // One worker trigger pending for the five edits.
    const triggers = office.emu.ws.triggers.filter((t) => t.handler === WORKER);
    expect(triggers.filter((t) => t.nextDueMs !== undefined)).toHaveLength(1);
    // The worker finishes them; the note goes with the queue.
    await chooseCreate(office, await newRequest(office, applicant(110)));
    for (const t of tickets) {
      expect(row(office, t).status).toBe("selesai");
      expect(cellOf(office, t, "action").note).toBe("");
    }
    expect(office.emu.ws.triggers.filter((t) => t.handler === WORKER)).toHaveLength(0);
  });

  test("a lost worker trigger: the sweep calls a new one", async () => {
    const ticket = await newRequest(office, applicant(120));
    await chooseCreateOnly(office, ticket);
    // The pending trigger disappears (deleted by hand in the editor, say).
    const ws = office.emu.ws;
    ws.triggers.splice(
      ws.triggers.findIndex((t) => t.handler === WORKER),
      1,
    );
    ws.advance(6 * MINUTE);
    const sweep = await office.emu.run("sweep", { kind: "installable" });
    expect(sweep.returnValue).toMatchObject({ provisioning: { queued: 1, worker: "scheduled" } });
    expect(workerPending(office)).toBe(true);
    const { runWorkers } = await import("./harness.js");
    await runWorkers(office);
    expect(row(office, ticket).status).toBe("selesai");
  });
});
