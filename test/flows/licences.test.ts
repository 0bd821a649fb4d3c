/**
 * Licences, on the built bundle: with `lisensi` set, provisioning counts the directory's
 * accounts before it creates one, warns the administrators once at 90 %, and stops before the
 * last licence is taken: the request waits in "menunggu lisensi" (logged, the administrators told
 * in Indonesian), nothing is created or lost, and the sweep resumes it once the setting is raised.
 * Setup and the Dasbor sheet show the accounts against the licences.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedUser } from "gas-emulator/testkit";
import { ADMIN, DOMAIN, log, mailsTo, sheet, type Office } from "./harness.js";
import {
  accountsFor,
  applicant,
  lettersTo,
  provision,
  provisioningOffice,
  row,
  sweepAfter,
} from "./provision-kit.js";
import { licensedAccounts, setSetting } from "./lifecycle-kit.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

let office: Office;
let existing = 0;
const warnings = () => mailsTo(office, ADMIN).filter((m) => m.subject.includes("Lisensi Google Workspace"));
const stops = () => mailsTo(office, ADMIN).filter((m) => m.body.includes("lisensi terakhir tidak dipakai"));

beforeAll(async () => {
  office = await provisioningOffice();
  // Accounts the office already has (officials made by hand): eight, one of them suspended (it
  // keeps its licence).
  for (let i = 1; i <= 8; i++)
    seedUser(office.emu.ws, {
      primaryEmail: `pegawai${i}@${DOMAIN}`,
      name: { givenName: "Pegawai", familyName: `Lama${i}` },
      ...(i === 8 ? { suspended: true } : {}),
    });
  existing = licensedAccounts(office);
  expect(existing).toBe(8);
  // Two licences free: one account may still be made, the last licence is kept.
  setSetting(office, "lisensi", String(existing + 2));
});
afterAll(async () => {
  await office.emu.close();
});

describe("the licence stop", () => {
  let first: Record<string, string>;
  let second: Record<string, string>;
  let tFirst: string;
  let tSecond: string;
  beforeAll(async () => {
    first = applicant(1);
    second = applicant(2);
    tFirst = await provision(office, first);
    tSecond = await provision(office, second);
  });

  test("the first account is made, and the administrators are warned once at 90 %", () => {
    expect(row(office, tFirst).status).toBe("selesai");
    expect(accountsFor(office, tFirst)).toHaveLength(1);
    expect(existing + 1).toBeGreaterThanOrEqual(Math.ceil(((existing + 2) * 90) / 100)); // the crossing
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]!.body).toContain(`${existing + 1} dari ${existing + 2} lisensi`);
    expect(log(office).filter((e) => e.action === "lisensi_peringatan")).toHaveLength(1);
  });

  test("the second would take the last licence: no account, the request waits, logged, the administrators told", () => {
    const r = row(office, tSecond);
    expect(accountsFor(office, tSecond)).toHaveLength(0);
    expect(licensedAccounts(office)).toBe(existing + 1);
    expect(r.status).toBe("membuat akun");
    expect(r.provisioning).toMatch(/^menunggu lisensi · .* · lisensi \d+ · lisensi habis/);
    expect(lettersTo(office, second["Surel pribadi"]!)).toHaveLength(0);
    const entry = log(office)
      .filter((e) => e.ticket === tSecond)
      .pop();
    expect(entry).toMatchObject({ action: "menunggu_lisensi", actor: "sistem" });
    expect(stops()).toHaveLength(1);
    expect(stops()[0]!.body).toMatch(catalogued("licence.stop", { used: existing + 1, total: existing + 2 }));
    expect(stops()[0]!.body).toMatch(catalogued("licence.stop", { ticket: tSecond }));
  });

  test("the sweep leaves it waiting while the setting is unchanged, without a second notice", async () => {
    await sweepAfter(office, 15);
    await sweepAfter(office, 15);
    expect(accountsFor(office, tSecond)).toHaveLength(0);
    expect(row(office, tSecond).provisioning).toMatch(/^menunggu lisensi/);
    expect(stops()).toHaveLength(1);
  });

  test("the Dasbor sheet shows the accounts against the licences", () => {
    const a2 = sheet(office, "Dasbor").getRange("A2").getDisplayValue();
    expect(a2).toMatch(
      catalogued("licence.dash", {
        text: catalogued("licence.count", { used: existing + 1, total: existing + 2 }),
      }),
    );
  });

  test("raised: the sweep resumes it, one account and one letter; the new crossing of 90 % is warned once", async () => {
    // 9 of 11 is below 90 %: the warning is re-armed; the resumed account makes 10 of 11.
    setSetting(office, "lisensi", String(existing + 3));
    await sweepAfter(office, 10);
    expect(accountsFor(office, tSecond)).toHaveLength(1);
    expect(row(office, tSecond).status).toBe("selesai");
    expect(row(office, tSecond).provisioning).toMatch(/^selesai · /);
    expect(lettersTo(office, second["Surel pribadi"]!)).toHaveLength(1);
    expect(warnings()).toHaveLength(2);
    expect(warnings()[1]!.body).toContain(`${existing + 2} dari ${existing + 3} lisensi`);
    await sweepAfter(office, 10);
    await sweepAfter(office, 24 * 60); // the daily count again: still above, no new warning
    expect(accountsFor(office, tSecond)).toHaveLength(1);
    expect(lettersTo(office, second["Surel pribadi"]!)).toHaveLength(1);
    expect(warnings()).toHaveLength(2);
    expect(log(office).filter((e) => e.action === "lisensi_peringatan")).toHaveLength(2);
  });

  test("setup reports the count against the licences and that the last one is reached", async () => {
    const result = await office.emu.run("setup");
    const lines = ((result.returnValue as { lines?: string[] } | null)?.lines ?? []).join("\n");
    expect(lines).toMatch(
      catalogued("licence.setup", {
        text: catalogued("licence.count", { used: existing + 2, total: existing + 3 }),
      }),
    );
    expect(lines).toContain(t("id", "licence.setup_full"));
  });
});
