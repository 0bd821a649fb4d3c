/**
 * The doctor on what the built bundle's setup made in the emulated workspace (gas-emulator):
 * the stand-in is read from the emulated office (from-emulator.ts), the triggers and ids come from
 * running the bundle's own `doctorReport`. What the emulated office lacks, the doctor reports;
 * once it is put right, the same check passes.
 */
import { google } from "googleapis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDoctor, type Check } from "../../scripts/doctor/checks.js";
import { seedGroup, columnLetter } from "gas-emulator/testkit";
import { SHEET_NAMES, BATCH_COLUMNS } from "../../src/workspace/schema.js";
import {
  ADMIN,
  adminRequest,
  createOffice,
  OUTSIDER,
  sheet,
  spreadsheet,
  type Office,
} from "../flows/harness.js";
import { tenantFromOffice } from "./from-emulator.js";
import { startStandIn } from "./standin.js";

const SCRIPT = "1EmulatedProject000000000000000000000000000000000000000";
let office: Office;
beforeAll(async () => {
  office = await createOffice();
});
afterAll(async () => {
  await office.emu.close();
});

async function doctorOnOffice(): Promise<Map<string, Check>> {
  return doctorOn(office);
}

async function doctorOn(office: Office): Promise<Map<string, Check>> {
  const { tenant, ids } = await tenantFromOffice(office, SCRIPT);
  const standIn = await startStandIn(tenant, "t");
  try {
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: "t", expiry_date: Date.now() + 3_600_000 });
    const report = await runDoctor({
      auth,
      rootUrl: standIn.rootUrl,
      registerId: ids.register,
      scriptId: ids.script,
    });
    return new Map(report.checks.map((c) => [c.id, c]));
  } finally {
    await standIn.close();
  }
}

describe("npm run doctor on the emulated office after setup", () => {
  it("sees setup's sheets, protections, template, form link and triggers as right", async () => {
    const checks = await doctorOnOffice();
    for (const id of [
      "config.settings",
      "sheets.present",
      "sheets.protected:Register",
      "sheets.protected:Log Disposisi",
      "sheets.protected:Pengaturan",
      "sheets.time_zone",
      "drive.template",
      "forms.linked",
      "script.trigger:onFormSubmit",
      "script.trigger:onRegisterEdit",
      "script.trigger:sweep",
    ])
      expect(checks.get(id)?.status, id).toBe("ok");
  });

  it("finds the harness office standalone, and reports a group missing from the directory until it is created", async () => {
    const before = await doctorOnOffice();
    expect(before.get("script.standalone")?.status).toBe("ok");
    const group = office.config.opds[0]!.group;
    expect(before.get(`admin.group:${group}`)?.status).toBe("fail");
    seedGroup(office.emu.ws, { email: group, name: "Diskominfo" });
    const after = await doctorOnOffice();
    expect(after.get(`admin.group:${group}`)?.status).toBe("ok");
  });
});

const sheetNames = (o: Office): string[] =>
  spreadsheet(o)
    .getSheets()
    .map((s) => s.getName());

describe("the bulk requests' sheets (made by the first batch, not by setup)", () => {
  let batchOffice: Office;
  beforeAll(async () => {
    batchOffice = await createOffice();
  });
  afterAll(async () => {
    await batchOffice.emu.close();
  });

  it("a protection removed by hand is reported by the doctor and restored by the re-check", async () => {
    const { results } = await adminRequest(batchOffice, ADMIN, "batchNew");
    expect(results.every((r) => r.ok)).toBe(true);
    const list = sheetNames(batchOffice).find((n) => n.startsWith("MSL-"))!;
    const batches = `sheets.protected:${SHEET_NAMES.batches}`;
    const lists = `sheets.protected:${list}`;
    const before = await doctorOn(batchOffice);
    expect([before.get(batches)?.status, before.get(lists)?.status]).toEqual(["ok", "ok"]);

    // By hand: Permohonan Massal's protection removed, an outsider added to the list's.
    sheet(batchOffice, SHEET_NAMES.batches).getProtections("SHEET")[0]!.remove();
    sheet(batchOffice, list).getProtections("SHEET")[0]!.addEditor(OUTSIDER);
    const broken = await doctorOn(batchOffice);
    expect(broken.get(batches)?.status).toBe("fail");
    expect(broken.get(batches)?.text).toContain("tidak ada perlindungan");
    expect(broken.get(lists)?.status).toBe("fail");
    expect(broken.get(lists)?.text).toContain("selain administrator");

    // "Periksa ulang setup" puts both back: officials edit only Tindakan and Catatan Tindakan.
    const recheck = await adminRequest(batchOffice, ADMIN, "setup");
    expect(recheck.results.every((r) => r.ok)).toBe(true);
    const fixed = await doctorOn(batchOffice);
    expect([fixed.get(batches)?.status, fixed.get(lists)?.status]).toEqual(["ok", "ok"]);
    const protection = sheet(batchOffice, SHEET_NAMES.batches).getProtections("SHEET");
    expect(protection).toHaveLength(1);
    const col = (key: string) => columnLetter(BATCH_COLUMNS.findIndex((c) => c.key === key) + 1);
    expect(
      protection[0]!
        .getUnprotectedRanges()
        .map((r) => r.getA1Notation().replace(/\d+/g, ""))
        .sort(),
    ).toEqual([`${col("action")}:${col("action")}`, `${col("note")}:${col("note")}`].sort());
    const editors = sheet(batchOffice, list)
      .getProtections("SHEET")[0]!
      .getEditors()
      .map((u) => u.getEmail());
    expect(editors).not.toContain(OUTSIDER);
    expect(editors).toContain(ADMIN);
  });
});
