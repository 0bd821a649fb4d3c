/**
 * The yearly archive cut off at its calls and resumed. From one snapshot (closed and
 * open requests, the archive due, a night), the sweep is killed before each call of the archive
 * step that changes something (Drive, sheets, properties) — every call of it, before and after,
 * with SUREL_EXHAUSTIVE=1 — then the next sweeps run. Whatever the cut, every request is in exactly
 * one place (live or archive, each sheet's row once), the live register holds only what stays, and
 * the chain verifies across the anchor. The status page still answers for an archived ticket.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_LABELS } from "../../src/domain/workflow.js";
import { verifyChain } from "../../src/domain/audit.js";
import { ANCHOR_ACTION } from "../../src/domain/archive.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { STATUS_SHEET } from "../../src/workspace/statusrecords.js";
import type { EmulatorSnapshot, ExecutionResult } from "gas-emulator";
import { scriptPropertiesOf, openSpreadsheet, sheetToTable } from "gas-emulator/testkit";
import { act, logChainOk, logEntries, register, sheet, type Office } from "./harness.js";
import { applicant, KADIS, newRequest, provisioningOffice } from "./provision-kit.js";
import { lookup, readable, receiptCode } from "./status-kit.js";

const sha = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");
/** 2027-04-10 22:00 WIB, a Saturday night: the 2026 archive is due. */
const NIGHT = Date.UTC(2027, 3, 10, 15, 0, 0);
const EXHAUSTIVE = process.env.SUREL_EXHAUSTIVE === "1";
/** Calls of the archive step that change something (a cut before each is a case). */
const EFFECT = /\.(set|insert|delete|create|add|remove|protect|flush|append|hideSheet|deleteProperty)/;
/** The calls that move rows or record the run: each has its own case. */
const CRITICAL = /^(Range\.setValues|Sheet\.deleteRows|Properties\.setProperty|Drive\.Files\.create)$/;

interface Book {
  lastRun: string;
  files: { year: number; id: string }[];
  segments: { to: number; hash: string }[];
  run?: unknown;
}
const book = (o: Office): Book =>
  JSON.parse(scriptPropertiesOf(o.emu.ws).get("surel:archives") ?? "{}") as Book;

async function sweep(o: Office): Promise<ExecutionResult> {
  return o.emu.run("sweep", { kind: "installable" });
}

let office: Office;
let snap: EmulatorSnapshot;
const closed: { ticket: string; email: string }[] = [];
const open: string[] = [];
let positions: { n: number; key: string; when: "before" | "after" }[] = [];

beforeAll(async () => {
  office = await provisioningOffice();
  for (let i = 0; i < 6; i++) {
    const email = `potong.${i}@gmail.com`;
    const ticket = await newRequest(office, applicant(i, { "Surel pribadi": email }));
    if (i % 3 === 2) open.push(ticket);
    else {
      await act(office, KADIS, ticket, ACTION_LABELS.tolak, `Ditolak ${i}: berkas tidak lengkap`);
      closed.push({ ticket, email });
    }
  }
  office.emu.ws.clockMs = NIGHT;
  snap = office.emu.snapshot();
  // One clean run: which of its calls belong to the archive step.
  const clean = await sweep(office);
  expect(clean.ok).toBe(true);
  // The archive step begins where it looks for its file (Drive.Files.list before the create);
  // the book read and the register read before it change nothing.
  const trace = clean.trace;
  const create = trace.findIndex((c) => c.key === "Drive.Files.create");
  const first = trace
    .slice(0, create)
    .map((c) => c.key)
    .lastIndexOf("Drive.Files.list");
  positions = [];
  const effects = trace.flatMap((c, i) => (i >= first && EFFECT.test(c.key) ? [i] : []));
  for (let i = Math.max(0, first); i < trace.length; i++) {
    const key = trace[i]!.key;
    // A case per call that moves rows or records the run (of a run of the same call, its first
    // and last); of the rest (the archive's sheets, protections, sharing) the first and the last.
    const run = trace[i - 1]?.key === key && trace[i + 1]?.key === key; // inside a run of one call
    const keep = EXHAUSTIVE || (CRITICAL.test(key) && !run) || i === effects[0] || i === effects.at(-1);
    if (!keep) continue;
    positions.push({ n: i + 1, key, when: "before" });
    if (EXHAUSTIVE) positions.push({ n: i + 1, key, when: "after" });
  }
});
afterAll(async () => {
  await office.emu.close();
});

const tickets = (ssId: string, name: string, col = 0): string[] =>
  sheetToTable(openSpreadsheet(office.emu.ws, ssId).getSheetByName(name)!)
    .slice(1)
    .map((r) => r[col]!);

function expectExactlyOnce(where: string): void {
  const b = book(office);
  expect(b.run, where).toBeUndefined();
  expect(b.lastRun, where).toBe("2027-04");
  expect(b.files, where).toHaveLength(1);
  const id = b.files[0]!.id;
  const all = closed.map((c) => c.ticket).sort();
  expect(
    register(office)
      .map((r) => r.ticket)
      .sort(),
    where,
  ).toEqual([...open].sort());
  expect(tickets(id, SHEET_NAMES.register).sort(), where).toEqual(all);
  expect(tickets(id, STATUS_SHEET).sort(), where).toEqual(all);
  expect(tickets(id, SHEET_NAMES.responseIndex, 1).sort(), where).toEqual(all);
  expect(tickets(office.ssId, STATUS_SHEET).sort(), where).toEqual([...open].sort());
  expect(tickets(office.ssId, SHEET_NAMES.responseIndex, 1).sort(), where).toEqual([...open].sort());
  expect(
    tickets(id, SHEET_NAMES.responses).length + tickets(office.ssId, SHEET_NAMES.responses).length,
    where,
  ).toBe(closed.length + open.length);
  // The chain: the archive's from the genesis to its tail, the live one from the anchor row.
  const archived = sheetToTable(openSpreadsheet(office.emu.ws, id).getSheetByName(SHEET_NAMES.log)!).slice(1);
  const entries = archived.map((v) => ({
    seq: Number(v[0]),
    timeMs: 0,
    ticket: v[2]!,
    from: v[3]!,
    to: v[4]!,
    action: v[5]!,
    actor: v[6]!,
    note: v[7]!,
    prevHash: v[8]!,
    hash: v[9]!,
  }));
  const seqs = entries.map((e) => e.seq);
  expect(new Set(seqs).size, where).toBe(seqs.length);
  const live = logEntries(office);
  expect(live[0]!.action, where).toBe(ANCHOR_ACTION);
  expect(live[0]!.seq, where).toBe(b.segments[0]!.to);
  expect(seqs.at(-1), where).toBe(live[0]!.seq);
  expect(entries.at(-1)!.hash, where).toBe(live[0]!.hash);
  expect(logChainOk(office), where).toBe(true);
  expect(
    verifyChain([], sha, { start: live[0]!, head: { seq: b.segments[0]!.to, hash: b.segments[0]!.hash } }).ok,
  ).toBe(true);
}

describe("the archive cut off anywhere", () => {
  test("every cut of the archive step is finished by the next sweeps, each request in one place once", async () => {
    expect(positions.length).toBeGreaterThan(10);
    expectExactlyOnce("clean run");
    const only = process.env.ARCHIVE_CUT_AT ? Number(process.env.ARCHIVE_CUT_AT) : 0;
    for (const p of positions.filter((x) => !only || x.n === only)) {
      office.emu.restore(snap);
      const rule = office.emu.faults.killAt(p.n, { handler: "sweep", when: p.when });
      const cut = await sweep(office);
      expect(rule.fired, `${p.n} ${p.key}`).toBe(1);
      expect(cut.killed, `${p.n} ${p.key}`).toBe("fault");
      office.emu.faults.clear();
      // The next sweep (ten minutes later, still at night) finishes the run.
      for (let k = 0; k < 1; k++) {
        office.emu.ws.clockMs += 10 * 60_000;
        const r = await sweep(office);
        expect(r.ok, `${p.n} ${p.key}: ${r.error?.message}`).toBe(true);
      }
      expectExactlyOnce(`cut ${p.when} call ${p.n} (${p.key})`);
      const v = await office.emu.run("verifyLog");
      expect(v.returnValue, `${p.n} ${p.key}`).toMatchObject({ ok: true, done: true });
    }
  });

  test("after a cut and a resume, the status page answers for an archived ticket", async () => {
    const c = closed[0]!;
    const reply = await lookup(office, c.ticket, receiptCode(office, c.email, c.ticket));
    expect(reply.ok).toBe(true);
    expect(readable(reply.html)).toMatch(/arsip tahun 2026/);
    // Unknown, wrong and archived tickets without the code get the same generic answer.
    const wrong = await lookup(office, c.ticket, "AAAA-BBBB-CCCC");
    const unknown = await lookup(office, "SRL-2611-0999", "AAAA-BBBB-CCCC");
    expect(wrong.html).toBe(unknown.html);
    expect(sheet(office, SHEET_NAMES.register).getLastRow()).toBe(1 + open.length);
  });
});
