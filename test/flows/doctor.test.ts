/**
 * `npm run doctor`: the bundle's read-only diagnostic entry point `doctorReport`, which
 * the doctor calls through the Apps Script API (scripts.run) because the API cannot list triggers
 * or read Script Properties. Run on the built bundle after setup: it returns the running account's
 * triggers and the ids setup stored, and changes nothing.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dumpWorkspace } from "gas-emulator/testkit";
import type { DoctorDiagnostic } from "../../src/handlers/doctor.js";
import { TRIGGERS } from "../../src/handlers/setup.js";
import { createOffice, DOMAIN, SERVICE, type Office } from "./harness.js";

let office: Office;
beforeAll(async () => {
  office = await createOffice();
});
afterAll(async () => {
  await office.emu.close();
});

interface SetupLetter {
  letter: { templateId: string; archiveFolderId: string };
}

describe("doctorReport", () => {
  test("returns the installer's triggers, each once, and the ids setup stored", async () => {
    const r = await office.emu.run("doctorReport");
    expect(r.ok).toBe(true);
    const d = r.returnValue as DoctorDiagnostic;
    expect(d.user).toBe(SERVICE);
    expect(d.formId).toBe(office.formId);
    const { letter } = office.setup.returnValue as SetupLetter;
    expect(d.templateId).toBe(letter.templateId);
    expect(d.archiveFolderId).toBe(letter.archiveFolderId);
    // The form as setup left it: open to applicants without a domain account.
    expect(d.formRequiresLogin).toBe(false);
    const expected = TRIGGERS.map((t) => ({
      handler: t.handler,
      eventType: t.kind === "clock" ? "CLOCK" : t.kind === "edit" ? "ON_EDIT" : "ON_FORM_SUBMIT",
      sourceId: t.kind === "clock" ? "" : office.ssId,
    }));
    expect([...d.triggers].sort((a, b) => a.handler.localeCompare(b.handler))).toEqual(
      expected.sort((a, b) => a.handler.localeCompare(b.handler)),
    );
  });

  /**
   * The whole emulated state (every service's data), without the clock the run advances and the
   * daily quota counters (a Properties read counts against "Properties read/write" too).
   */
  function state(): unknown {
    const dir = mkdtempSync(join(tmpdir(), "doctor-flow-"));
    dumpWorkspace(office.emu.ws, dir);
    const doc = JSON.parse(readFileSync(join(dir, "workspace.json"), "utf8")) as Record<string, unknown>;
    delete doc["clock"];
    delete doc["quotas"];
    return doc;
  }

  test("changes nothing: only reads, and the workspace is the same afterwards", async () => {
    const before = state();
    const r = await office.emu.run("doctorReport");
    expect(r.ok).toBe(true);
    const called = Object.keys(r.calls);
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect(name).toMatch(/\.(get[A-Z]\w*|is[A-Z]\w*|openById|requiresLogin)$/);
    expect(state()).toEqual(before);
  });

  test("another account is refused: the ids and triggers are the installer's alone", async () => {
    // Only an editor of the standalone project can run a function: a second editor of it.
    office.emu.ws.project.editors.add(`kadis@${DOMAIN}`);
    const r = await office.emu.run("doctorReport", { as: `kadis@${DOMAIN}` });
    office.emu.ws.project.editors.delete(`kadis@${DOMAIN}`);
    expect(r.ok).toBe(false);
    expect(r.returnValue).toBeUndefined();
    expect(r.error?.message).toMatch(
      /^doctorReport ditolak: fungsi ini berjalan dengan hak kadis@.*, padahal Surel dipasang oleh akun layanan layanan\.surel@/,
    );
  });
});
