/**
 * The duplicate check goes through the register's duplicate keys ("Kunci Duplikat",
 * workspace/duplicates.ts) — one TextFinder over that column and a read per row found — instead of
 * nine whole-column reads. Counts only, never timings: the same calls and the same reads at 10 and
 * at 5,000 rows; the verdicts those of the whole-column check; a register from an earlier build
 * (no keys) checked whole until the sweep has made its keys; a row whose keys disagree with its
 * cells repaired by the sweep.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { duplicateKeys } from "../../src/domain/duplicates.js";
import { namingPolicyFromConfig, usernameCandidates } from "../../src/domain/naming.js";
import { DUP_INDEX_PROPERTY } from "../../src/workspace/duplicates.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { SWEEP_SUMMARY_PROPERTY } from "../../src/workspace/sweepstate.js";
import type { ExecutionResult } from "gas-emulator";
import { scriptPropertiesOf } from "gas-emulator/testkit";
import {
  a1Of,
  application,
  createOffice,
  DOMAIN,
  fillRegister,
  hostWrite,
  register,
  registerColumn,
  row,
  sheet,
  submit,
  type Office,
  type RegisterRecord,
  WORKER,
} from "./harness.js";
import { accountsFor, chooseCreate, newRequest, provisioningOffice, staffOnly } from "./provision-kit.js";
import { catalogued } from "./harness.js";

/** A person not in fillRegister's rows. */
const person = (n: number, overrides: Record<string, string> = {}): Record<string, string> =>
  application({
    "Nama lengkap": `Rina Kartika ${["Sari", "Dewi", "Putri", "Ayu", "Lestari", "Wulan"][n]}`,
    "NIP / NI PPPK": `1990041220150320${String(n + 1).padStart(2, "0")}`,
    "Surel pribadi": `rina.${n}@gmail.com`,
    ...overrides,
  });

/** fillRegister's row i (0-based): its NIP and ticket. */
const filled = (i: number): { nip: string; ticket: string } => {
  const serial = String(i + 1).padStart(5, "0");
  return {
    nip: `1980010120050110${String(i % 100).padStart(2, "0")}`.slice(0, 14) + serial.slice(1),
    ticket: `SRL-2610-${serial}`,
  };
};

async function intake(
  office: Office,
  answers: Record<string, string>,
): Promise<{ r: ExecutionResult; row: RegisterRecord }> {
  const { results } = await submit(office, answers);
  const r = results.find((x) => x.handler === "onFormSubmit")!;
  expect(r.ok, r.error?.message).toBe(true);
  const ticket = (r.returnValue as { ticket: string }).ticket;
  return { r, row: row(office, ticket) };
}

/** The modelled cost of each read of the execution, in order: equal lists, equal cells read. */
const reads = (r: ExecutionResult): number[] =>
  r.trace.filter((c) => c.key === "Range.getValues" || c.key === "Range.getDisplayValues").map((c) => c.ms);

async function fullSweep(office: Office): Promise<ExecutionResult> {
  office.emu.ws.advance(10 * 60_000);
  scriptPropertiesOf(office.emu.ws).delete(SWEEP_SUMMARY_PROPERTY);
  const r = await office.emu.run("sweep", { kind: "installable" });
  expect(r.ok, r.error?.message).toBe(true);
  expect((r.returnValue as { idle?: boolean }).idle).toBeUndefined();
  return r;
}

describe("the duplicate check's cost does not grow with the register", () => {
  const offices: Office[] = [];
  afterAll(async () => {
    for (const o of offices) await o.emu.close();
  });

  test("a submission makes the same calls and the same reads at 10 and at 5,000 rows", async () => {
    const at = async (n: number): Promise<ExecutionResult> => {
      const office = await createOffice();
      offices.push(office);
      fillRegister(office, n);
      await intake(office, person(0)); // a running office: the settings cached
      office.emu.ws.advance(60_000);
      const { r, row: made } = await intake(office, person(1));
      expect(made.duplicate).toMatch(/^aman/);
      return r;
    };
    const small = await at(10);
    const large = await at(5_000);
    expect(large.calls["TextFinder.findAll"]?.count).toBeGreaterThan(0);
    expect(large.callCount).toBe(small.callCount);
    expect(Object.fromEntries(Object.entries(large.calls).map(([k, v]) => [k, v.count]))).toEqual(
      Object.fromEntries(Object.entries(small.calls).map(([k, v]) => [k, v.count])),
    );
    // No read of the register's columns whole: every read moves as many cells at 5,000 rows.
    expect(reads(large)).toEqual(reads(small));
  }, 120_000);

  test("at 5,000 rows the same person, the same name in the same OPD and a taken address are still found", async () => {
    const office = offices[1]!;
    const far = filled(3_999);
    const same = await intake(office, person(2, { "NIP / NI PPPK": far.nip }));
    expect(same.row.duplicate).toMatch(/^kemungkinan duplikat/);
    expect(same.row.duplicate).toContain(far.ticket);
    // The name of the earlier request in this office, another NIP: the same name in the same OPD.
    const twin = await intake(office, person(1, { "NIP / NI PPPK": "199004122015032009" }));
    expect(twin.row.duplicate).toMatch(/^kemungkinan duplikat/);
    // Its first choice of address is the earlier request's: another one is proposed.
    const earlier = register(office).find((r) => r.personalEmail === "rina.1@gmail.com")!;
    expect(twin.row.address).not.toBe(earlier.address);
    expect(twin.row.address).toMatch(new RegExp(`@${DOMAIN.replace(/\./g, "\\.")}$`));
  }, 60_000);
});

describe("a register from an earlier build, and keys that disagree with their row", () => {
  let office: Office;
  let fallbackFinds = 0;
  beforeAll(async () => {
    office = await createOffice();
    fillRegister(office, 300);
    // As an earlier build left it: no keys, the index not complete.
    const col = registerColumn("dupKeys");
    const reg = sheet(office, SHEET_NAMES.register);
    reg.getRange(2, col, 300, 1).setValues(Array.from({ length: 300 }, () => [""]) as never);
    scriptPropertiesOf(office.emu.ws).delete(DUP_INDEX_PROPERTY);
  }, 60_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("until the sweep made the keys, the check reads the register whole and finds the same", async () => {
    const { r, row: made } = await intake(office, person(0, { "NIP / NI PPPK": filled(149).nip }));
    fallbackFinds = r.calls["TextFinder.findAll"]?.count ?? 0;
    expect(made.duplicate).toMatch(/^kemungkinan duplikat/);
    expect(made.duplicate).toContain(filled(149).ticket);
  });

  test("the sweep's full pass makes every row's keys; then the index is used and finds the same", async () => {
    await fullSweep(office);
    expect(scriptPropertiesOf(office.emu.ws).get(DUP_INDEX_PROPERTY)).toBe("1");
    for (const r of register(office)) expect(r.dupKeys).toBe(duplicateKeys(r, office.config.opds));
    const { r, row: made } = await intake(office, person(3, { "NIP / NI PPPK": filled(199).nip }));
    // One search more than the whole-column check made: the keys'.
    expect(r.calls["TextFinder.findAll"]?.count).toBe(fallbackFinds + 1);
    expect(made.duplicate).toMatch(/^kemungkinan duplikat/);
    expect(made.duplicate).toContain(filled(199).ticket);
  });

  test("a row whose keys disagree with its cells (a write that left them apart) is repaired by the sweep", async () => {
    const { ticket } = filled(99);
    // The address the policy would propose first to the next applicant.
    const next = person(4);
    const first = usernameCandidates(
      { fullName: "Rina Kartika Lestari", accountType: "pribadi", nip: next["NIP / NI PPPK"]! },
      namingPolicyFromConfig(office.config),
      1,
    )[0]!;
    const moved = `${first}@${DOMAIN}`;
    // The address changed and its keys not (as a write cut between the two would leave them)…
    hostWrite(office, SHEET_NAMES.register, a1Of(office, ticket, "address"), [[moved]]);
    expect(row(office, ticket).dupKeys).not.toContain(moved);
    await fullSweep(office);
    expect(row(office, ticket).dupKeys).toContain(`|a:${moved}|`);
    // …and the address is taken for the next request that would have been proposed it.
    const { row: made } = await intake(office, next);
    expect(made.address).not.toBe(moved);
    expect(made.duplicate).not.toContain(moved);
  });

  test("a sweep with every key right writes nothing to them", async () => {
    const before = register(office).map((r) => r.dupKeys);
    const r = await fullSweep(office);
    expect(register(office).map((x) => x.dupKeys)).toEqual(before);
    expect(r.ok).toBe(true);
  });
});

describe("provisioning's check before creating, through the keys", () => {
  let office: Office;
  beforeAll(async () => {
    office = await provisioningOffice({ configure: staffOnly });
    fillRegister(office, 200);
  }, 60_000);
  afterAll(async () => {
    await office.emu.close();
  });

  test("another row of the same person that got its account meanwhile stops the creation", async () => {
    const first = await newRequest(office, person(5));
    const ticket = await newRequest(office, person(5, { "Surel pribadi": "rina.lain@gmail.com" }));
    expect(row(office, ticket).duplicate).toMatch(/^kemungkinan duplikat/);
    // The first request gets its account (the directory not yet showing it) before this one is made.
    hostWrite(office, SHEET_NAMES.register, a1Of(office, first, "status"), [["akun dibuat"]]);
    const runs = await chooseCreate(office, ticket);
    const worker = runs.find((r) => r.handler === WORKER)!;
    expect(worker.calls["TextFinder.findAll"]?.count).toBeGreaterThan(0);
    expect(accountsFor(office, ticket)).toHaveLength(0);
    // The check repeated before creating found the first request's account, by its ticket.
    const shown = JSON.stringify(row(office, ticket));
    expect(shown).toMatch(catalogued("provision.fail.duplicate"));
    expect(shown).toMatch(new RegExp(`menemukan:[^"]*${first}`));
  }, 60_000);
});
