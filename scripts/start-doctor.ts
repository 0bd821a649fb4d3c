/**
 * The end of `npm start`: `npm run doctor` on the sample office. The doctor (scripts/doctor) talks
 * to a loopback stand-in of Google's APIs (test/doctor/standin.ts) built from the emulated office
 * as setup left it (test/doctor/from-emulator.ts): the same checklist an administrator gets for a
 * live domain, for what the emulator models.
 */
import { google } from "googleapis";
import { runDoctor } from "./doctor/checks.js";
import { formatReport } from "./doctor/report.js";
import { tenantFromOffice } from "../test/doctor/from-emulator.js";
import { startStandIn } from "../test/doctor/standin.js";
import type { Office } from "../test/flows/harness.js";

const SAMPLE_SCRIPT_ID = "1SampleOfficeProject0000000000000000000000000000000000";

export async function scenarioDoctor(office: Office, say: (s: string) => void): Promise<void> {
  say(
    "\n15. npm run doctor pada kantor contoh (tiruan Google API di 127.0.0.1, dibangun dari workspace contoh)",
  );
  const { tenant, ids } = await tenantFromOffice(office, SAMPLE_SCRIPT_ID);
  const token = "sample-access-token";
  const standIn = await startStandIn(tenant, token);
  try {
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
    const report = await runDoctor({
      auth,
      rootUrl: standIn.rootUrl,
      registerId: ids.register,
      scriptId: ids.script,
    });
    for (const line of formatReport(report).split("\n")) say(`   ${line}`);
  } finally {
    await standIn.close();
  }
}
