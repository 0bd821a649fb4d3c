/**
 * Least privilege (README, the scope table; docs/SECURITY.md, "Least privilege"): the manifest's
 * Drive scope is `drive.file`, and the emulator enforces the manifest (a call its scopes do not
 * cover is refused; the Drive advanced service sees only what the project created through it).
 * surel still works end to end: the account, exactly one letter, the masked archive copy in the
 * folder only the administrators can read, a reissue. What `drive.file` cannot reach is refused
 * by setup with a message that says what to do.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ARCHIVE_PASSWORD_MASK } from "../../src/domain/letters.js";
import { REGISTER_ID_PROPERTY } from "../../src/workspace/context.js";

import {
  checkUserPassword,
  documentText,
  driveState,
  getDriveItem,
  scriptPropertiesOf,
  createStandaloneSpreadsheet,
} from "gas-emulator/testkit";
import {
  ADMIN,
  DOMAIN,
  MANIFEST_SCOPES,
  OUTSIDER,
  SERVICE,
  adminRequest,
  row,
  type Office,
} from "./harness.js";
import {
  applicant,
  lettersTo,
  passwordInLetter,
  provision,
  provisioningOffice,
  sweepAfter,
} from "./provision-kit.js";
import { catalogued } from "./harness.js";
import { surelEmulator } from "../kit/emulator.js";

const AUTH = "https://www.googleapis.com/auth/";
const TEMPLATE_KEY = "surel:letterTemplateId";

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

function setupLines(r: { returnValue?: unknown }): string[] {
  return (r.returnValue as { lines: string[] }).lines;
}

describe("the manifest grants drive.file, never drive, and the emulator holds the bundle to it", () => {
  test("the scopes the executions run with are the manifest's", () => {
    expect(MANIFEST_SCOPES).toContain(`${AUTH}drive.file`);
    expect(MANIFEST_SCOPES).not.toContain(`${AUTH}drive`);
    expect(MANIFEST_SCOPES).not.toContain(`${AUTH}drive.readonly`);
    expect(office.emu.ws.project.oauthScopes).toEqual([...MANIFEST_SCOPES]);
  });

  test("every Drive item setup made for the letter was created by the project through Drive", () => {
    const props = scriptPropertiesOf(office.emu.ws);
    const made = driveState(office.emu.ws).appFiles;
    for (const key of [TEMPLATE_KEY, "surel:letterArchiveFolderId", "surel:letterWorkFolderId"])
      expect(made.has(props.get(key)!)).toBe(true);
  });
});

describe("end to end under drive.file: account, one letter, masked archive copy, reissue", () => {
  const a = applicant(1);
  let ticket: string;
  let firstPassword: string;
  beforeAll(async () => {
    ticket = await provision(office, a);
  });

  test("one account, one letter whose password opens it", async () => {
    const r = row(office, ticket);
    expect(r.status).toBe("selesai");
    const letters = lettersTo(office, a["Surel pribadi"]!);
    expect(letters).toHaveLength(1);
    firstPassword = await passwordInLetter(letters[0]!);
    expect(checkUserPassword(office.emu.ws, r.address, firstPassword)).toBe(true);
  });

  test("the archive copy is masked, in the archive folder, made by the project; no working copy is left", () => {
    const props = scriptPropertiesOf(office.emu.ws);
    const archiveFolder = props.get("surel:letterArchiveFolderId")!;
    const workFolder = props.get("surel:letterWorkFolderId")!;
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(row(office, ticket).archive))![1]!;
    const copy = getDriveItem(office.emu.ws, id)!;
    expect(copy.parents).toEqual([archiveFolder]);
    expect(driveState(office.emu.ws).appFiles.has(id)).toBe(true);
    const text = documentText(office.emu.ws, id);
    expect(text).toContain(ARCHIVE_PASSWORD_MASK);
    expect(text).not.toContain(firstPassword);
    const items = [...driveState(office.emu.ws).items.values()];
    expect(items.filter((i) => i.parents.includes(workFolder))).toEqual([]);
  });

  test("the archive folder: administrators read it; a stray viewer, editor or link is removed by setup", async () => {
    const folder = getDriveItem(
      office.emu.ws,
      scriptPropertiesOf(office.emu.ws).get("surel:letterArchiveFolderId")!,
    )!;
    expect(folder.viewers).toEqual(office.config.admins);
    expect(folder.access).toBe("PRIVATE");
    // Someone shared it by hand in the Drive UI.
    folder.viewers.push(OUTSIDER);
    folder.editors.push(`pejabat.lain@${DOMAIN}`);
    folder.access = "DOMAIN_WITH_LINK";
    folder.permission = "VIEW";
    const setup = await office.emu.run("setup");
    expect(setup.ok).toBe(true);
    expect(folder.viewers).toEqual(office.config.admins);
    expect(folder.editors).toEqual([]);
    expect(folder.access).toBe("PRIVATE");
    const template = getDriveItem(office.emu.ws, scriptPropertiesOf(office.emu.ws).get(TEMPLATE_KEY)!)!;
    expect(template.editors).toEqual(office.config.admins);
  });

  test("a reissue asked on the admin sheet: a second letter with a new password", async () => {
    const asked = await adminRequest(office, ADMIN, "reissue", { ticket });
    expect(asked.edit.ok).toBe(true);
    await sweepAfter(office, 10);
    const letters = lettersTo(office, a["Surel pribadi"]!);
    expect(letters).toHaveLength(2);
    const second = await passwordInLetter(letters[1]!);
    expect(second).not.toBe(firstPassword);
    expect(checkUserPassword(office.emu.ws, row(office, ticket).address, second)).toBe(true);
  });
});

describe("what drive.file cannot reach is refused, saying what to do", () => {
  test("an office-supplied template: setup refuses it, keeps it, creates none; letters wait until the service's own template exists", async () => {
    const props = scriptPropertiesOf(office.emu.ws);
    const ours = props.get(TEMPLATE_KEY)!;
    // The service account made its own template in Google Docs and recorded its id.
    const DocumentApp = office.emu.service<GoogleAppsScript.Document.DocumentApp>("DocumentApp");
    const doc = DocumentApp.create("Templat surat kantor");
    doc.getBody().appendParagraph("Alamat: {{ALAMAT_SUREL}} Kata sandi: {{KATA_SANDI}}");
    doc.saveAndClose();
    props.set(TEMPLATE_KEY, doc.getId());
    const before = driveState(office.emu.ws).items.size;

    const setup = await office.emu.run("setup");
    expect(setup.ok).toBe(true);
    expect((setup.returnValue as { ok: boolean }).ok).toBe(false);
    const line = setupLines(setup).find((l) => l.includes(doc.getId()))!;
    expect(line).toMatch(catalogued("letter.template.foreign", { id: doc.getId() }));
    expect(line).toContain("menghapus properti skrip surel:letterTemplateId");
    expect(line).toContain("menjalankan setup lagi");
    expect(props.get(TEMPLATE_KEY)).toBe(doc.getId());
    expect(driveState(office.emu.ws).items.size).toBe(before);
    expect(getDriveItem(office.emu.ws, doc.getId())!.editors).toEqual([]);

    // A letter cannot be made from it: the account is created, the letter waits.
    const b = applicant(2);
    const ticket = await provision(office, b);
    expect(row(office, ticket).status).toBe("akun dibuat");
    expect(lettersTo(office, b["Surel pribadi"]!)).toEqual([]);

    // What the message says: remove the property, run setup; surel creates its own template.
    props.delete(TEMPLATE_KEY);
    const again = await office.emu.run("setup");
    expect(setupLines(again).join("\n")).not.toContain("tidak dibuat oleh Surel");
    const made = props.get(TEMPLATE_KEY)!;
    expect(made).not.toBe(doc.getId());
    expect(made).not.toBe(ours);
    expect(setupLines(again).some((l) => l.startsWith("Templat surat pemberitahuan akun dibuat"))).toBe(true);
    await sweepAfter(office, 10);
    expect(row(office, ticket).status).toBe("selesai");
    expect(lettersTo(office, b["Surel pribadi"]!)).toHaveLength(1);
  });

  test("a register setup did not create: refused before anything changes, with what to do", async () => {
    const emu = surelEmulator({
      domain: DOMAIN,
      owner: { email: SERVICE, admin: true },
      oauthScopes: MANIFEST_SCOPES,
    });
    try {
      const ss = createStandaloneSpreadsheet(emu.ws, "Register dibuat di Drive");
      scriptPropertiesOf(emu.ws).set(REGISTER_ID_PROPERTY, ss.getId());
      const r = await emu.run("setup");
      const report = r.returnValue as { refused: boolean; lines: string[] };
      expect(report.refused).toBe(true);
      expect(report.lines).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Setup dihentikan sebelum mengubah apa pun: register \\(${ss.getId()}\\) tidak dibuat oleh Surel`,
          ),
        ),
      ]);
      expect(report.lines[0]).toContain(`menghapus properti skrip ${REGISTER_ID_PROPERTY}`);
      expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    } finally {
      await emu.close();
    }
  });

  test("without a recorded register, setup creates it through Drive and can then check its sharing", async () => {
    const emu = surelEmulator({
      domain: DOMAIN,
      owner: { email: SERVICE, admin: true },
      oauthScopes: MANIFEST_SCOPES,
    });
    try {
      const first = await emu.run("setup");
      expect(first.ok).toBe(true);
      const id = scriptPropertiesOf(emu.ws).get(REGISTER_ID_PROPERTY)!;
      expect(driveState(emu.ws).appFiles.has(id)).toBe(true);
      const second = await emu.run("setup");
      expect((second.returnValue as { refused?: boolean }).refused).not.toBe(true);
      expect(setupLines(second).join("\n")).not.toContain("tidak dibuat oleh Surel");
    } finally {
      await emu.close();
    }
  });
});
