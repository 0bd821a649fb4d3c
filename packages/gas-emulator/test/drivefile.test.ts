/**
 * The manifest's scopes and the `drive.file` rule (docs/EMULATOR-drive-docs-directory.md,
 * "Scopes and drive.file"): a project whose manifest grants `drive.file` and no wider Drive scope
 * reaches through the Drive advanced service only what it created through Drive itself; DriveApp
 * is refused outright.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Blob } from "../src/core.js";
import { exec, thrown, within, restoreProcessZoneAfterAll } from "./helpers.js";
import { Emulator } from "../src/index.js";
import * as docs from "../src/services/docs.js";
import * as drive from "../src/services/drive.js";
import * as sheets from "../src/services/sheets.js";
import { Workspace } from "../src/workspace.js";

restoreProcessZoneAfterAll();

const AUTH = "https://www.googleapis.com/auth/";
const FILE_ONLY = [`${AUTH}drive.file`, `${AUTH}documents`, `${AUTH}spreadsheets`];
const OWNER = "layanan.surel@contohkota.go.id";
const ADMIN = "admin@contohkota.go.id";

let ws: Workspace;
let Files: drive.DriveFilesCollection;
let Permissions: drive.DrivePermissionsCollection;

function setUp(scopes: string[] | undefined): void {
  ws = new Workspace({
    domain: "contohkota.go.id",
    owner: { email: OWNER, admin: true },
    ...(scopes ? { oauthScopes: scopes } : {}),
  });
  ws.addIdentity({ email: ADMIN });
  const g = drive.install(ws);
  docs.install(ws);
  sheets.install(ws);
  const adv = g.Drive as drive.DriveAdvancedService;
  Files = adv.gasProps().Files as drive.DriveFilesCollection;
  Permissions = adv.gasProps().Permissions as drive.DrivePermissionsCollection;
}

/** Runs `fn` as an execution of the project by its owner. */
function run<T>(fn: () => T): T {
  return within(ws, exec(ws, { effectiveUser: OWNER, activeUser: OWNER }), fn);
}

describe("drive.file: the Drive advanced service sees only what the project created through it", () => {
  beforeEach(() => setUp(FILE_ONLY));

  it("a file the owner made another way answers like a missing one, everywhere", () => {
    // Made in the Drive UI (the harness), by DocumentApp and by SpreadsheetApp: none counts.
    const ui = drive.createDriveItem(ws, {
      name: "Templat kantor",
      mimeType: drive.MIME.document,
      owner: OWNER,
    });
    const byDocs = run(() => new docs.DocumentAppService(ws).create("Dibuat DocumentApp").getId());
    const bySheets = run(() => new sheets.SpreadsheetApp(sheets.sheetsState(ws)).create("Register").getId());
    for (const id of [ui.id, byDocs, bySheets]) {
      for (const call of [
        () => Files.get(id, { fields: "id" }),
        () => Files.copy({ name: "salinan" }, id),
        () => Files.update({ name: "baru" }, id),
        () => Files.remove(id),
        () => Permissions.list(id),
        () => Permissions.create({ type: "user", role: "reader", emailAddress: ADMIN }, id),
      ]) {
        const e = run(() => thrown(call));
        expect(e.message).toMatch(new RegExp(`failed with error: File not found: ${id}\\.$`));
        expect(e.details).toMatchObject({ code: 404, reason: "notFound" });
      }
    }
    // files.list leaves them out; the harness (Google's own view) still has them.
    expect(run(() => Files.list({ fields: "files(id)" }).files)).toEqual([]);
    expect(drive.getDriveItem(ws, ui.id)).toBeDefined();
  });

  it("what Files.create and Files.copy made is reachable: folders, Docs, Sheets, copies, PDFs", () => {
    const folder = run(() => Files.create({ name: "Arsip", mimeType: drive.MIME.folder }));
    const doc = run(() =>
      Files.create({ name: "Templat", mimeType: drive.MIME.document, parents: [folder.id!] }, undefined, {
        fields: "id,parents,webViewLink",
      }),
    );
    expect(doc.parents).toEqual([folder.id]);
    expect(doc.webViewLink).toBe(`https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`);
    // An empty Google Doc DocumentApp can open and fill (the documents scope).
    run(() => {
      const d = new docs.DocumentAppService(ws).openById(doc.id!);
      d.getBody().appendParagraph("Kata sandi: {{KATA_SANDI}}");
      d.saveAndClose();
    });
    const copy = run(() => Files.copy({ name: "Salinan", parents: [folder.id!] }, doc.id!, { fields: "id" }));
    expect(run(() => Files.get(copy.id!, { fields: "name" }))).toEqual({ name: "Salinan" });
    const sheet = run(() => Files.create({ name: "Register", mimeType: drive.MIME.spreadsheet }));
    expect(run(() => new sheets.SpreadsheetApp(sheets.sheetsState(ws)).openById(sheet.id!).getName())).toBe(
      "Register",
    );
    const pdf = run(() =>
      Files.create(
        { name: "surat.pdf", parents: [folder.id!] },
        new Blob(Buffer.from("%PDF"), "application/pdf"),
      ),
    );
    const listed = run(() => Files.list({ q: `'${folder.id}' in parents`, fields: "files(name)" }).files);
    expect(listed!.map((f) => f.name).sort()).toEqual(["Salinan", "Templat", "surat.pdf"]);
    expect(pdf.mimeType).toBe("application/pdf");
    // A parent the project did not create cannot receive a file.
    const foreign = drive.createDriveItem(ws, {
      name: "Folder lain",
      mimeType: drive.MIME.folder,
      owner: OWNER,
    });
    expect(
      run(() => thrown(() => Files.create({ name: "x", mimeType: drive.MIME.folder, parents: [foreign.id] })))
        .message,
    ).toContain(`File not found: ${foreign.id}.`);
  });

  it("sharing through Drive.Permissions: add, list, remove; general access; the owner stays", () => {
    const folder = run(() => Files.create({ name: "Arsip", mimeType: drive.MIME.folder }));
    const id = folder.id!;
    run(() => Permissions.create({ type: "user", role: "reader", emailAddress: ADMIN }, id));
    run(() => Permissions.create({ type: "anyone", role: "reader" }, id));
    const item = drive.getDriveItem(ws, id)!;
    expect(item.viewers).toEqual([ADMIN]);
    expect(item.access).toBe("ANYONE_WITH_LINK");
    const all = run(
      () => Permissions.list(id, { fields: "permissions(id,type,role,emailAddress)" }).permissions!,
    );
    expect(all.map((p) => `${p.type}:${p.role}:${p.emailAddress ?? ""}`)).toEqual([
      `user:owner:${OWNER}`,
      `user:reader:${ADMIN}`,
      "anyone:reader:",
    ]);
    // The default fields leave the address out: ask for it.
    expect(run(() => Permissions.list(id).permissions![1])).not.toHaveProperty("emailAddress");
    for (const p of all.filter((p) => p.role !== "owner")) run(() => Permissions.remove(id, p.id!));
    expect(item.viewers).toEqual([]);
    expect(item.access).toBe("PRIVATE");
    const owner = all.find((p) => p.role === "owner")!;
    expect(run(() => thrown(() => Permissions.remove(id, owner.id!))).details).toMatchObject({ code: 403 });
    // A reader cannot list or change the permissions (documented for v3: readers do not see them).
    run(() => Permissions.create({ type: "user", role: "reader", emailAddress: ADMIN }, id));
    const asReader = within(ws, exec(ws, { effectiveUser: ADMIN, activeUser: ADMIN }), () =>
      thrown(() => Permissions.list(id)),
    );
    expect(asReader.details).toMatchObject({ code: 403, reason: "insufficientFilePermissions" });
  });

  it("with the full drive scope, or none declared, every file the user can read is reachable", () => {
    for (const scopes of [[`${AUTH}drive`], undefined]) {
      setUp(scopes);
      const ui = drive.createDriveItem(ws, {
        name: "Templat kantor",
        mimeType: drive.MIME.document,
        owner: OWNER,
      });
      expect(run(() => Files.get(ui.id, { fields: "id" }))).toEqual({ id: ui.id });
    }
  });
});

describe("the manifest's scopes in executions", () => {
  const CODE = `
    function driveApp() { return DriveApp.getRootFolder().getName(); }
    function advanced() { return Drive.Files.create({ name: "Arsip", mimeType: "application/vnd.google-apps.folder" }).id; }
    function docsCreate() { return DocumentApp.create("x").getId(); }
  `;
  const emus: Emulator[] = [];
  afterAll(async () => {
    for (const e of emus) await e.close();
  });

  it("refuses DriveApp under drive.file with Google's message; the advanced service works", async () => {
    const emu = new Emulator({ code: CODE, parseMs: 0, oauthScopes: [`${AUTH}drive.file`] });
    emus.push(emu);
    const r = await emu.run("driveApp");
    expect(r.error).toMatchObject({
      name: "Exception",
      message:
        "You do not have permission to call DriveApp.getRootFolder. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)",
    });
    const ok = await emu.run("advanced");
    expect(ok.ok).toBe(true);
    expect(drive.driveState(emu.ws).appFiles.has(String(ok.returnValue))).toBe(true);
    const d = await emu.run("docsCreate");
    expect(d.error?.message).toBe(
      "You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents",
    );
  });

  it("a project without explicit scopes is not refused", async () => {
    const emu = new Emulator({ code: CODE, parseMs: 0 });
    emus.push(emu);
    expect((await emu.run("driveApp")).ok).toBe(true);
  });
});
