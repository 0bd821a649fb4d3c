/**
 * The log: a truncated or re-hashed log is detected at the very next append (checked
 * against the anchor), nothing is chained onto a forged tail and the administrators are alarmed;
 * a run cut off between its log write and its anchor write raises no false alarm; the head is
 * mailed to the administrators once a day.
 */
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { canonical, type LogEntry } from "../../src/domain/audit.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  ADMIN,
  application,
  createOffice,
  errorLog,
  log,
  mailsTo,
  register,
  sheet,
  submit,
  type Office,
} from "./harness.js";
import { catalogued } from "./harness.js";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

let office: Office;
beforeEach(async () => {
  office = await createOffice();
  for (const [i, name] of ["Andi Saputra", "Bayu Pratama", "Citra Dewi"].entries())
    await submit(office, application({ "Nama lengkap": name, "Surel pribadi": `orang${i}@gmail.com` }));
  expect(log(office)).toHaveLength(3);
});
afterEach(async () => {
  await office.emu.close();
});

const scriptProperties = () =>
  office.emu
    .service<{
      getScriptProperties(): {
        getProperty(k: string): string | null;
        setProperty(k: string, v: string): void;
      };
    }>("PropertiesService")
    .getScriptProperties();

async function nextSubmission(email: string) {
  const { results } = await submit(
    office,
    application({ "Nama lengkap": "Dedi Kurniawan", "Surel pribadi": email }),
  );
  return results;
}

describe("a tampered log tail", () => {
  test("a deleted last entry: the next append is refused and the administrators alarmed", async () => {
    const logSheet = sheet(office, SHEET_NAMES.log);
    logSheet.deleteRow(logSheet.getLastRow());
    const results = await nextSubmission("dedi1@gmail.com");
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.error?.message).toMatch(catalogued("log.tail_mismatch"));
    // Nothing chained onto the truncated tail; the response stays in the responses sheet.
    expect(log(office)).toHaveLength(2);
    expect(register(office)).toHaveLength(3);
    const alarms = mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("PERINGATAN"));
    expect(alarms).toHaveLength(1);
    expect(errorLog(office).some((e) => Object.values(e).join(" ").includes("jangkar"))).toBe(true);
    // A second attempt is refused too, without a second alarm.
    await office.emu.run("sweep", { kind: "installable" });
    expect(log(office)).toHaveLength(2);
    expect(mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("PERINGATAN"))).toHaveLength(1);
  });

  test("a rewritten and re-hashed last entry: the next append is refused", async () => {
    const entries = log(office);
    const last = entries[entries.length - 1]!;
    const logSheet = sheet(office, SHEET_NAMES.log);
    const row = logSheet.getLastRow();
    const timeMs = (logSheet.getRange(row, 2).getValue() as Date).getTime();
    const forged: Omit<LogEntry, "hash"> = {
      seq: Number(last.seq),
      ticket: last.ticket,
      from: last.from,
      to: last.to,
      action: last.action,
      actor: last.actor,
      timeMs,
      note: "diubah",
      prevHash: last.prevHash,
    };
    logSheet.getRange(row, 8).setValue("diubah");
    logSheet.getRange(row, 10).setValue(sha(canonical(forged)));
    const results = await nextSubmission("dedi2@gmail.com");
    expect(results[0]!.ok).toBe(false);
    expect(log(office)).toHaveLength(3);
    expect(mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("PERINGATAN"))).toHaveLength(1);
  });
});

describe("an honest log", () => {
  test("entries written by a run cut off before it moved the anchor are accepted", async () => {
    // As if the third intake died between its log write and its anchor write.
    const entries = log(office);
    const second = entries[1]!;
    const logSheet = sheet(office, SHEET_NAMES.log);
    scriptProperties().setProperty(
      "surel:logHead",
      JSON.stringify({ seq: Number(second.seq), hash: String(logSheet.getRange(3, 10).getValue()) }),
    );
    const results = await nextSubmission("dedi3@gmail.com");
    expect(results[0]!.ok).toBe(true);
    expect(log(office)).toHaveLength(4);
    expect(mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("PERINGATAN"))).toHaveLength(0);
  });

  test("its head is mailed to the administrators once a day", async () => {
    await office.emu.run("sweep", { kind: "installable" });
    await office.emu.run("sweep", { kind: "installable" });
    const heads = mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("Kepala log disposisi"));
    expect(heads).toHaveLength(1);
    const logSheet = sheet(office, SHEET_NAMES.log);
    const hash = String(logSheet.getRange(logSheet.getLastRow(), 10).getValue());
    expect(heads[0]!.body).toContain(hash);
    expect(heads[0]!.body).toContain("#3");
  });
});
