/**
 * Mail-queue rows are cleared once sent. After a day of requests and a sweep the queue
 * holds no sent rows (their ids stay in the one-column claims sheet, which the exactly-once checks
 * read), the program's growing sheets have only their own columns, and nothing is sent twice
 * afterwards: sweeps run again, a sweep cut off in its clean-up, a mail that failed first, a
 * response whose index entry is lost after its receipt left the queue.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serviceError } from "gas-emulator";
import {
  CLAIM_COLUMNS,
  INDEX_COLUMNS,
  LOG_COLUMNS,
  QUEUE_COLUMNS,
  SHEET_NAMES,
} from "../../src/workspace/schema.js";
import {
  application,
  createOffice,
  mails,
  records,
  register,
  sheet,
  submit,
  type Office,
} from "./harness.js";

let office: Office;
beforeAll(async () => {
  office = await createOffice();
});
afterAll(async () => {
  await office.emu.close();
});

const SENT = QUEUE_COLUMNS.find((c) => c.key === "sentAt")!.id;
const ID = QUEUE_COLUMNS.find((c) => c.key === "id")!.id;
const queue = () => records(office, SHEET_NAMES.mailQueue);
const claims = () => records(office, SHEET_NAMES.mailClaims).map((r) => r[CLAIM_COLUMNS[0]!.id]!);
const sweep = () => office.emu.run("sweep", { kind: "installable" });
/** Every mail's recipients and subject (the daily log head aside): a mail sent twice shows as a repeated key. */
const sentKeys = () =>
  mails(office)
    .filter((m) => !m.subject.startsWith("Kepala log"))
    .map((m) => `${m.to}|${m.subject}`);

describe("the mail queue after a day of requests", () => {
  test("setup leaves the growing sheets with their own columns only", () => {
    expect(sheet(office, SHEET_NAMES.log).getMaxColumns()).toBe(LOG_COLUMNS.length);
    expect(sheet(office, SHEET_NAMES.responseIndex).getMaxColumns()).toBe(INDEX_COLUMNS.length);
    expect(sheet(office, SHEET_NAMES.mailQueue).getMaxColumns()).toBe(QUEUE_COLUMNS.length);
    expect(sheet(office, SHEET_NAMES.mailClaims).getMaxColumns()).toBe(1);
  });

  test("a sweep clears the sent rows, keeps their ids as claims, and nothing goes out twice", async () => {
    // One request's mails fail first (quota): its rows wait in the queue for the sweep.
    office.emu.faults.inject("MailApp.sendEmail", {
      error: () => serviceError("Service invoked too many times for one day: email."),
      handler: "onFormSubmit",
      times: 2,
    });
    for (let i = 0; i < 12; i++)
      await submit(
        office,
        application({ "Nama lengkap": `Pegawai Hari ${i}`, "Surel pribadi": `hari${i}@gmail.com` }),
      );
    office.emu.faults.clear();
    expect(register(office)).toHaveLength(12);
    const recorded = queue().map((r) => r[ID]!);
    expect(recorded.length).toBeGreaterThanOrEqual(12);
    expect(queue().filter((r) => r[SENT] === "").length).toBeGreaterThan(0);

    // The first sweep is cut off in its clean-up, after the claims were written.
    office.emu.faults.killAt(1, { target: "Sheet.deleteRows", handler: "sweep" });
    await sweep();
    office.emu.faults.clear();
    // The dead sweep's drain lease holds the clean-up off until it runs out (an execution's life).
    await sweep();
    expect(queue().filter((r) => r[SENT] !== "").length).toBeGreaterThan(0);
    await office.emu.advance(8 * 60_000);
    await sweep();
    expect(queue().filter((r) => r[SENT] !== "")).toEqual([]);
    expect(queue()).toEqual([]);
    // Every recorded id is a claim, once.
    const ids = claims();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of recorded) expect(ids).toContain(id);

    const keys = sentKeys();
    expect(new Set(keys).size).toBe(keys.length);
    await sweep();
    await sweep();
    expect(sentKeys()).toEqual(keys);
  }, 240_000);

  test("a response whose index entry is lost after its mails left the queue is not mailed again", async () => {
    const before = sentKeys();
    const index = sheet(office, SHEET_NAMES.responseIndex);
    index.deleteRow(2); // the first response looks unregistered; its register row and claims remain
    // A hand edit announces nothing: the sweep's hourly full pass is what finds it.
    await office.emu.advance(61 * 60_000);
    await sweep();
    expect(register(office)).toHaveLength(12);
    expect(records(office, SHEET_NAMES.responseIndex)).toHaveLength(12);
    expect(sentKeys()).toEqual(before);
  }, 120_000);
});
