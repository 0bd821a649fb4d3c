/**
 * The doctor on what the built bundle's setup made in the emulated workspace (test/emulator):
 * the stand-in is read from the emulated office (from-emulator.ts), the triggers and ids come from
 * running the bundle's own `doctorReport`. What the emulated office lacks, the doctor reports;
 * once it is put right, the same check passes.
 */
import { google } from "googleapis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDoctor, type Check } from "../../scripts/doctor/checks.js";
import { seedGroup } from "../emulator/services/directory.js";
import { createOffice, type Office } from "../flows/harness.js";
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

  it("reports the bound project, and a group missing from the directory until it is created", async () => {
    const before = await doctorOnOffice();
    expect(before.get("script.standalone")?.status).toBe("fail");
    const group = office.config.opds[0]!.group;
    expect(before.get(`admin.group:${group}`)?.status).toBe("fail");
    seedGroup(office.emu.ws, { email: group, name: "Diskominfo" });
    const after = await doctorOnOffice();
    expect(after.get(`admin.group:${group}`)?.status).toBe("ok");
  });
});
