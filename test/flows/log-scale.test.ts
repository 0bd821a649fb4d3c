/**
 * The log over ten years in one office: its check is incremental from the last verified entry
 * (bounded calls at 20,000 entries), tampering after the anchor is named by its entry, tampering
 * before it is found by the weekly full pass (mailed to the administrators), and a full pass too
 * long for one execution completes across executions from its continuation marker.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { appendEntries, GENESIS_HASH, type LogEntry } from "../../src/domain/audit.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import type { ExecutionResult } from "gas-emulator";
import { scriptPropertiesOf } from "gas-emulator/testkit";
import {
  ADMIN,
  adminRequest,
  adminRows,
  application,
  createOffice,
  errorLog,
  logEntries,
  mailsTo,
  sheet,
  submit,
  type Office,
} from "./harness.js";
import { callTally } from "./harness.js";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const DAY = 24 * 60 * 60 * 1000;

let office: Office | undefined;
afterEach(async () => {
  await office?.emu.close();
  office = undefined;
});

/** Appends `n` valid entries to the log host-side (as appendLog writes them) and moves the anchor. */
function buildLog(o: Office, n: number): void {
  const existing = logEntries(o);
  const last = existing[existing.length - 1];
  const head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  const t0 = o.emu.ws.clockMs - 400 * DAY;
  const drafts = Array.from({ length: n }, (_, i) => ({
    ticket: `SRL-2501-${String((i % 9999) + 1).padStart(4, "0")}`,
    from: "baru/kadis",
    to: "diproses/kabid",
    action: "teruskan",
    actor: `pejabat${i % 7}@contohkota.go.id`,
    timeMs: t0 + i * 60_000,
    note: `catatan ${i}`,
  }));
  const sealed = appendEntries(head, drafts, sha);
  const logSheet = sheet(o, SHEET_NAMES.log);
  const first = logSheet.getLastRow() + 1;
  const need = first + n - 1;
  if (need > logSheet.getMaxRows())
    logSheet.insertRowsAfter(logSheet.getMaxRows(), need - logSheet.getMaxRows());
  logSheet
    .getRange(first, 1, n, 10)
    .setValues(
      sealed.map((e: LogEntry) => [
        e.seq,
        new Date(e.timeMs),
        e.ticket,
        e.from,
        e.to,
        e.action,
        e.actor,
        e.note,
        e.prevHash,
        e.hash,
      ]),
    );
  const tail = sealed[sealed.length - 1]!;
  scriptPropertiesOf(o.emu.ws).set("surel:logHead", JSON.stringify({ seq: tail.seq, hash: tail.hash }));
}

/** Changes an entry's note without touching its hash (entry n is on row n + 1). */
function tamper(o: Office, seq: number): void {
  sheet(o, SHEET_NAMES.log)
    .getRange(seq + 1, 8)
    .setValue("diubah diam-diam");
}

const count = (r: ExecutionResult, key: string): number =>
  (r.calls[key] as { count: number } | undefined)?.count ?? 0;

interface Report {
  ok: boolean;
  count: number;
  done: boolean;
  firstBad?: number;
  row?: number;
  message: string;
}
const report = (r: ExecutionResult): Report => r.returnValue as Report;

describe("verifyLog at 20,000 entries", () => {
  test("checks only what is new since the last check, in blocks, and names an entry tampered after the anchor", async () => {
    // The reference: the check with nothing new on a log of ten entries.
    const few = await createOffice();
    let idleWithFew: ExecutionResult;
    try {
      buildLog(few, 10);
      await few.emu.run("verifyLog");
      idleWithFew = await few.emu.run("verifyLog");
      expect(report(idleWithFew)).toMatchObject({ ok: true, count: 0, done: true });
    } finally {
      await few.emu.close();
    }

    office = await createOffice();
    buildLog(office, 20_000);
    const total = logEntries(office).length;

    // The first check reads the whole log in blocks of 2,000 (not one call per entry).
    const first = await office.emu.run("verifyLog");
    expect(report(first)).toMatchObject({ ok: true, count: total, done: true });
    expect(count(first, "Range.getValues")).toBeLessThanOrEqual(Math.ceil(total / 2000) + 2);

    // Nothing new: nothing hashed, and the same calls at 20,000 entries as at ten.
    const idle = await office.emu.run("verifyLog");
    expect(report(idle)).toMatchObject({ ok: true, count: 0, done: true });
    expect(count(idle, "Utilities.computeDigest")).toBe(0);
    expect(count(idle, "Range.getValues")).toBeLessThanOrEqual(2);
    expect(callTally(idle)).toEqual(callTally(idleWithFew));

    // Two requests later: their entries only, one block read.
    for (const [i, name] of ["Andi Saputra", "Bayu Pratama"].entries())
      await submit(office, application({ "Nama lengkap": name, "Surel pribadi": `baru${i}@gmail.com` }));
    const added = logEntries(office).length - total;
    expect(added).toBeGreaterThan(0);
    const next = await office.emu.run("verifyLog");
    expect(report(next)).toMatchObject({ ok: true, count: added, done: true });
    expect(count(next, "Utilities.computeDigest")).toBe(added);
    expect(count(next, "Range.getValues")).toBe(count(idle, "Range.getValues"));
    // The same calls as with nothing new, but the hashes and the anchor's move.
    expect(next.callCount - added).toBeLessThanOrEqual(idle.callCount + 2);

    // An entry after the anchor is edited: named by its number and row.
    await submit(office, application({ "Nama lengkap": "Citra Dewi", "Surel pribadi": "citra@gmail.com" }));
    const target = total + added + 1;
    tamper(office, target);
    const bad = await office.emu.run("verifyLog");
    expect(report(bad)).toMatchObject({ ok: false, firstBad: target, row: target + 1 });
    expect(report(bad).message).toContain(`#${target}`);
    expect(count(bad, "Range.getValues")).toBeLessThanOrEqual(2);
  }, 240_000);

  test("an entry edited before the anchor escapes the incremental check and is found by the weekly full pass", async () => {
    office = await createOffice();
    buildLog(office, 20_000);
    expect(report(await office.emu.run("verifyLog")).ok).toBe(true);
    tamper(office, 100);
    // The incremental check does not read entry #100 again (docs/SECURITY.md says so).
    expect(report(await office.emu.run("verifyLog")).ok).toBe(true);

    // A week after the last full pass, the sweep runs one: the administrators are told.
    office.emu.ws.clockMs += 8 * DAY;
    const before = mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("PERINGATAN")).length;
    await office.emu.run("sweep", { kind: "installable" });
    const alarms = mailsTo(office, ADMIN).filter((m) => m.subject.startsWith("PERINGATAN"));
    expect(alarms.length).toBe(before + 1);
    expect(alarms[alarms.length - 1]!.body).toContain("#100");
    expect(errorLog(office).some((e) => Object.values(e).join(" ").includes("#100"))).toBe(true);

    // An administrator's full re-check names it too.
    await adminRequest(office, ADMIN, "verifyFull");
    const result = adminRows(office).at(-1)!.result;
    expect(result).toContain("#100");
    expect(result).toContain("baris 101");
  }, 240_000);
});

describe("a full pass longer than one execution", () => {
  test("continues from its marker across executions and completes", async () => {
    // Hashing made slow: 20,000 entries × 25 ms = 500 s, more than one execution's 4-minute share.
    office = await createOffice({ costs: { "Utilities.computeDigest": 25 } });
    buildLog(office, 20_000);
    await adminRequest(office, ADMIN, "verifyFull");
    const props = scriptPropertiesOf(office.emu.ws);
    const marker = JSON.parse(props.get("surel:logFullPass")!) as { next?: { seq: number } };
    expect(marker.next!.seq).toBeGreaterThan(0);
    expect(marker.next!.seq).toBeLessThan(20_000);
    expect(adminRows(office).at(-1)!.result).toContain(`#${marker.next!.seq}`);

    // The sweeps continue it, a slice each, none cut off by the time limit.
    const seen = [marker.next!.seq];
    for (let i = 0; i < 15; i++) {
      const state = JSON.parse(props.get("surel:logFullPass")!) as { next?: { seq: number } };
      if (!state.next) break;
      const r = await office.emu.run("sweep", { kind: "installable" });
      expect(r.ok, r.error?.message).toBe(true);
      const after = JSON.parse(props.get("surel:logFullPass")!) as { next?: { seq: number } };
      if (after.next) {
        expect(after.next.seq).toBeGreaterThan(seen[seen.length - 1]!);
        seen.push(after.next.seq);
      }
    }
    const done = JSON.parse(props.get("surel:logFullPass")!) as { next?: unknown; doneMs?: number };
    expect(done.next).toBeUndefined();
    expect(done.doneMs).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(1);
    // The whole log verified: the incremental check continues from its end.
    const verified = JSON.parse(props.get("surel:logVerified")!) as { seq: number };
    expect(verified.seq).toBe(logEntries(office).length);
    expect(mailsTo(office, ADMIN).some((m) => m.subject.startsWith("PERINGATAN"))).toBe(false);
  }, 300_000);
});
