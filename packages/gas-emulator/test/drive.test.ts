import { beforeEach, describe, expect, it } from "vitest";
import { Blob } from "../src/core.js";
import { exec, type GasClass, interfaceMethods, publicMethods, thrown, within } from "./helpers.js";
import * as drive from "../src/services/drive.js";
import { Workspace } from "../src/workspace.js";

const MISSING =
  "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";

let ws: Workspace;
let DriveApp: drive.DriveAppService;
let Files: drive.DriveFilesCollection;
let Revisions: drive.DriveRevisionsCollection;
const ADMIN = "admin@contohkota.go.id";
const STAFF = "staf@contohkota.go.id";
const OUTSIDER = "tamu@lainkota.go.id";

/** Runs `fn` as an execution whose effective user is `email`. */
function as<T>(email: string, fn: () => T): T {
  const ctx = exec(ws, {
    id: 1,
    handler: "test",
    kind: "installable",
    activeUser: email,
    effectiveUser: email,
  });
  return within(ws, ctx, fn);
}

function names(it: { hasNext(): boolean; next(): { getName(): string } }): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

beforeEach(() => {
  ws = new Workspace({ domain: "contohkota.go.id" });
  ws.addIdentity({ email: STAFF, name: "Staf Teknis" });
  ws.addIdentity({ email: OUTSIDER });
  const g = drive.install(ws);
  DriveApp = g.DriveApp as drive.DriveAppService;
  const adv = g.Drive as drive.DriveAdvancedService;
  Files = adv.gasProps().Files as drive.DriveFilesCollection;
  Revisions = adv.gasProps().Revisions as drive.DriveRevisionsCollection;
});

describe("DriveApp files and folders", () => {
  it("creates text files in the user's root with content, type, size, url and virtual dates", () => {
    const f = DriveApp.createFile("catatan.txt", "Halo dunia");
    expect(f.getName()).toBe("catatan.txt");
    expect(f.getMimeType()).toBe("text/plain");
    expect(f.getSize()).toBe(10);
    expect(f.getBlob().getDataAsString()).toBe("Halo dunia");
    expect(f.getUrl()).toBe(`https://drive.google.com/file/d/${f.getId()}/view?usp=drivesdk`);
    expect(f.getId()).toHaveLength(44);
    expect(f.getDateCreated().getTime()).toBe(ws.clockMs);
    expect(f.getOwner().getEmail()).toBe(ADMIN);
    expect(names(f.getParents())).toEqual(["My Drive"]);
    expect(DriveApp.getRootFolder().getId()).toBe(f.getParents().next().getId());
    ws.advance(5000);
    f.setName("baru.txt");
    expect(f.getLastUpdated().getTime()).toBe(ws.clockMs);
    expect(DriveApp.getFileById(f.getId()).getName()).toBe("baru.txt");
    expect(f.getDescription()).toBe(null);
    expect(f.setDescription("Surat keluar").getDescription()).toBe("Surat keluar");
  });

  it("creates a file from a blob with the blob's name and type", () => {
    const blob = new Blob(Buffer.from([1, 2, 3]), "application/pdf", "surat.pdf");
    const f = DriveApp.createFile(blob);
    expect(f.getName()).toBe("surat.pdf");
    expect(f.getMimeType()).toBe("application/pdf");
    expect([...f.getBlob()._buffer()]).toEqual([1, 2, 3]);
  });

  it("fails on unknown ids with Drive's text", () => {
    expect(thrown(() => DriveApp.getFileById("nope")).message).toBe(MISSING);
    expect(thrown(() => DriveApp.getFolderById("nope")).message).toBe(MISSING);
    const folder = DriveApp.createFolder("Arsip");
    // A folder id is not a file id and vice versa.
    expect(thrown(() => DriveApp.getFileById(folder.getId())).message).toBe(MISSING);
    const f = DriveApp.createFile("a.txt", "a");
    expect(thrown(() => DriveApp.getFolderById(f.getId())).message).toBe(MISSING);
  });

  it("lists folder contents by name and type, with iterators that end as Apps Script's do", () => {
    const arsip = DriveApp.createFolder("Arsip Surat");
    const sub = arsip.createFolder("2026");
    arsip.createFile("a.txt", "a");
    arsip.createFile("b.txt", "b");
    sub.createFile("a.txt", "a2");
    DriveApp.createFile("a.txt", "root");
    expect(names(arsip.getFiles())).toEqual(["a.txt", "b.txt"]);
    expect(names(arsip.getFolders())).toEqual(["2026"]);
    expect(names(arsip.getFilesByName("a.txt"))).toHaveLength(1);
    expect(names(DriveApp.getFilesByName("a.txt"))).toHaveLength(3);
    expect(names(DriveApp.getFoldersByName("2026"))).toEqual(["2026"]);
    expect(names(DriveApp.getFilesByType("text/plain"))).toHaveLength(4);
    expect(names(sub.getParents())).toEqual(["Arsip Surat"]);
    const it = arsip.getFiles();
    it.next();
    it.next();
    expect(it.hasNext()).toBe(false);
    expect(thrown(() => it.next()).message).toBe(
      "Cannot retrieve the next object: iterator has reached the end.",
    );
  });

  it("continues an iteration from a continuation token", () => {
    for (const n of ["1", "2", "3"]) DriveApp.createFile(`${n}.txt`, n);
    const it = DriveApp.getFiles();
    expect(it.next().getName()).toBe("1.txt");
    const token = it.getContinuationToken();
    expect(names(DriveApp.continueFileIterator(token))).toEqual(["2.txt", "3.txt"]);
  });

  it("moves a file into a folder", () => {
    const f = DriveApp.createFile("a.txt", "a");
    const folder = DriveApp.createFolder("Surat Keluar");
    f.moveTo(folder);
    expect(names(f.getParents())).toEqual(["Surat Keluar"]);
    expect(names(folder.getFiles())).toEqual(["a.txt"]);
    expect(names(DriveApp.getRootFolder().getFiles())).toEqual([]);
  });

  it("trash keeps the file findable and recoverable", () => {
    const f = DriveApp.createFile("a.txt", "a");
    f.setTrashed(true);
    expect(DriveApp.getFileById(f.getId()).isTrashed()).toBe(true);
    expect(DriveApp.getFileById(f.getId()).getBlob().getDataAsString()).toBe("a");
    // DriveApp searches include trashed files: callers must check isTrashed().
    expect(names(DriveApp.getFilesByName("a.txt"))).toEqual(["a.txt"]);
    expect(names(DriveApp.getTrashedFiles())).toEqual(["a.txt"]);
    f.setTrashed(false);
    expect(DriveApp.getFileById(f.getId()).isTrashed()).toBe(false);
    expect(names(DriveApp.getTrashedFiles())).toEqual([]);
  });

  it("copies ordinary files with their content into the same folder or another", () => {
    const folder = DriveApp.createFolder("Templat");
    const f = folder.createFile("a.txt", "isi");
    const c1 = f.makeCopy();
    expect(c1.getName()).toBe("Copy of a.txt");
    expect(names(c1.getParents())).toEqual(["Templat"]);
    const other = DriveApp.createFolder("Lain");
    const c2 = f.makeCopy("b.txt", other);
    expect(c2.getBlob().getDataAsString()).toBe("isi");
    expect(names(c2.getParents())).toEqual(["Lain"]);
    expect(c2.getId()).not.toBe(f.getId());
    expect(ws.quotas.remaining("documentsCreated", ws.now())).toBe(1500);
  });

  it("refuses conversions it cannot do", () => {
    const f = DriveApp.createFile("a.txt", "a");
    expect(thrown(() => f.getAs("application/pdf")).message).toBe(
      "Converting from text/plain to application/pdf is not supported.",
    );
    expect(f.getAs("text/plain").getDataAsString()).toBe("a");
  });
});

describe("sharing and access", () => {
  it("exposes the Access and Permission enums and records sharing", () => {
    const props = DriveApp.gasProps() as {
      Access: Record<string, string>;
      Permission: Record<string, string>;
    };
    const f = DriveApp.createFile("a.txt", "a");
    expect(String(f.getSharingAccess())).toBe("PRIVATE");
    expect(String(f.getSharingPermission())).toBe("NONE");
    f.setSharing(
      props.Access.DOMAIN_WITH_LINK as unknown as GoogleAppsScript.Drive.Access,
      props.Permission.VIEW as unknown as GoogleAppsScript.Drive.Permission,
    );
    expect(String(f.getSharingAccess())).toBe("DOMAIN_WITH_LINK");
    expect(String(f.getSharingPermission())).toBe("VIEW");
    expect(thrown(() => f.setSharing("EVERYONE" as never, "VIEW" as never)).message).toBe(
      "Invalid argument: accessType",
    );
  });

  it("keeps editors and viewers, upgrading a viewer to editor and removing", () => {
    const f = DriveApp.createFile("a.txt", "a");
    f.addViewer(STAFF);
    expect(f.getViewers().map((u) => u.getEmail())).toEqual([STAFF]);
    f.addEditor(STAFF);
    expect(f.getViewers()).toEqual([]);
    expect(f.getEditors().map((u) => u.getEmail())).toEqual([STAFF]);
    expect(f.getEditors()[0]!.getName()).toBe("Staf Teknis");
    expect(f.getEditors()[0]!.getDomain()).toBe("contohkota.go.id");
    expect(String(f.getAccess(STAFF))).toBe("EDIT");
    f.removeEditor(STAFF);
    expect(f.getEditors()).toEqual([]);
    expect(String(f.getAccess(STAFF))).toBe("NONE");
    expect(thrown(() => f.addEditor("bukan-email")).message).toBe("Invalid argument: permission.value");
  });

  it("hides files from users without access and denies changes to viewers", () => {
    const f = DriveApp.createFile("rahasia.txt", "NIK 1234");
    const id = f.getId();
    expect(thrown(() => as(STAFF, () => DriveApp.getFileById(id))).message).toBe(MISSING);
    expect(as(STAFF, () => names(DriveApp.getFiles()))).toEqual([]);
    f.addViewer(STAFF);
    expect(as(STAFF, () => DriveApp.getFileById(id).getName())).toBe("rahasia.txt");
    expect(thrown(() => as(STAFF, () => DriveApp.getFileById(id).setName("x"))).message).toBe(
      "Access denied: DriveApp.",
    );
    // Viewers do not see the list of editors.
    f.addEditor("kabid@contohkota.go.id");
    expect(as(STAFF, () => DriveApp.getFileById(id).getEditors())).toEqual([]);
    f.addEditor(STAFF);
    expect(as(STAFF, () => DriveApp.getFileById(id).setName("ganti.txt").getName())).toBe("ganti.txt");
    // Only the owner may trash.
    expect(thrown(() => as(STAFF, () => DriveApp.getFileById(id).setTrashed(true))).message).toBe(
      "Access denied: DriveApp.",
    );
  });

  it("domain sharing reaches the same domain only; folder sharing reaches the files inside", () => {
    const f = DriveApp.createFile("a.txt", "a");
    f.setSharing("DOMAIN" as never, "VIEW" as never);
    expect(as(STAFF, () => DriveApp.getFileById(f.getId()).getName())).toBe("a.txt");
    expect(thrown(() => as(OUTSIDER, () => DriveApp.getFileById(f.getId()))).message).toBe(MISSING);

    const folder = DriveApp.createFolder("Bersama");
    const inside = folder.createFile("b.txt", "b");
    expect(thrown(() => as(STAFF, () => DriveApp.getFileById(inside.getId()))).message).toBe(MISSING);
    folder.addEditor(STAFF);
    expect(as(STAFF, () => DriveApp.getFileById(inside.getId()).setName("c.txt").getName())).toBe("c.txt");
    // Files the execution creates belong to its effective user.
    const mine = as(STAFF, () => folder.createFile("milik-staf.txt", "x"));
    expect(mine.getOwner().getEmail()).toBe(STAFF);
  });
});

describe("Drive advanced service (v3)", () => {
  it("gets a resource with the default fields, or the fields asked for", () => {
    const folder = DriveApp.createFolder("Arsip");
    const f = folder.createFile("a.txt", "abc");
    expect(Files.get(f.getId())).toEqual({
      kind: "drive#file",
      id: f.getId(),
      name: "a.txt",
      mimeType: "text/plain",
    });
    const r = Files.get(f.getId(), { fields: "id,parents,owners(emailAddress),trashed,size,modifiedTime" });
    expect(r).toEqual({
      id: f.getId(),
      parents: [folder.getId()],
      owners: [{ emailAddress: ADMIN }],
      trashed: false,
      size: "3",
      modifiedTime: new Date(ws.clockMs).toISOString(),
    });
    expect(Files.get(f.getId(), { alt: "media" })).toBe("abc");
  });

  it("reports missing files as GoogleJsonResponseException 404", () => {
    const e = thrown(() => Files.get("hilang"));
    expect(e.name).toBe("GoogleJsonResponseException");
    expect(e.message).toBe("API call to drive.files.get failed with error: File not found: hilang.");
    expect(e.details).toMatchObject({ code: 404, reason: "notFound" });
    const d = thrown(() => Files.remove("hilang"));
    expect(d.message).toBe("API call to drive.files.delete failed with error: File not found: hilang.");
  });

  it("remove deletes permanently: the file and its revisions are gone", () => {
    const f = DriveApp.createFile("a.txt", "v1");
    f.setContent("v2");
    expect(Revisions.list(f.getId()).revisions).toHaveLength(2);
    f.setTrashed(true);
    Files.remove(f.getId());
    expect(drive.getDriveItem(ws, f.getId())).toBeUndefined();
    expect(drive.driveState(ws).deleted).toContain(f.getId());
    expect(thrown(() => DriveApp.getFileById(f.getId())).message).toBe(MISSING);
    expect(thrown(() => Revisions.list(f.getId())).message).toBe(
      `API call to drive.revisions.list failed with error: File not found: ${f.getId()}.`,
    );
  });

  it("only the owner may delete; deleting a folder takes the owner's files inside with it", () => {
    const folder = DriveApp.createFolder("Sementara");
    folder.addEditor(STAFF);
    const mine = folder.createFile("admin.txt", "a");
    const theirs = as(STAFF, () => folder.createFile("staf.txt", "s"));
    const e = thrown(() => as(STAFF, () => Files.remove(folder.getId())));
    expect(e.message).toBe(
      "API call to drive.files.delete failed with error: The user does not have sufficient permissions for this file.",
    );
    expect(e.details?.code).toBe(403);
    as(ADMIN, () => Files.remove(folder.getId()));
    expect(drive.getDriveItem(ws, mine.getId())).toBeUndefined();
    expect(drive.getDriveItem(ws, theirs.getId())).toBeDefined();
    expect(drive.getDriveItem(ws, theirs.getId())!.parents).toEqual([]);
  });

  it("lists revisions of binary files and deletes one but never the last", () => {
    const f = DriveApp.createFile("a.txt", "v1");
    ws.advance(60_000);
    f.setContent("v2");
    const list = Revisions.list(f.getId(), { fields: "revisions(id,size,modifiedTime)" });
    expect(list.revisions!.map((r) => r.size)).toEqual(["2", "2"]);
    expect(list.revisions![1]!.modifiedTime).toBe(new Date(ws.clockMs).toISOString());
    Revisions.remove(f.getId(), list.revisions![0]!.id!);
    expect(Revisions.list(f.getId()).revisions).toHaveLength(1);
    expect(thrown(() => Revisions.remove(f.getId(), list.revisions![1]!.id!)).details?.code).toBe(400);
    expect(Revisions.get(f.getId(), list.revisions![1]!.id!).id).toBe(list.revisions![1]!.id);
  });

  it("lists files with a query, ordering and pages", () => {
    const folder = DriveApp.createFolder("Surat");
    for (const n of ["c", "a", "b"]) folder.createFile(`${n}.txt`, n);
    const trashed = folder.createFile("d.txt", "d");
    trashed.setTrashed(true);
    DriveApp.createFile("a.txt", "di root");
    const q = `'${folder.getId()}' in parents and trashed = false`;
    const all = Files.list({ q, orderBy: "name" });
    expect(all.files!.map((f) => f.name)).toEqual(["a.txt", "b.txt", "c.txt"]);
    const p1 = Files.list({ q, orderBy: "name", pageSize: 2 });
    expect(p1.files!.map((f) => f.name)).toEqual(["a.txt", "b.txt"]);
    const p2 = Files.list({ q, orderBy: "name", pageSize: 2, pageToken: p1.nextPageToken });
    expect(p2.files!.map((f) => f.name)).toEqual(["c.txt"]);
    expect(p2.nextPageToken).toBeUndefined();
    expect(Files.list({ q: "name = 'a.txt'" }).files).toHaveLength(2);
    expect(Files.list({ q: "name contains 'D.T'" }).files!.map((f) => f.name)).toEqual(["d.txt"]);
    expect(thrown(() => Files.list({ q: "nonsense ~ 1" })).message).toBe(
      "API call to drive.files.list failed with error: Invalid Value",
    );
  });

  it("updates names and trash state, and copies", () => {
    const f = DriveApp.createFile("a.txt", "a");
    const r = Files.update({ name: "b.txt", trashed: true }, f.getId(), undefined, {
      fields: "name,trashed",
    });
    expect(r).toEqual({ name: "b.txt", trashed: true });
    expect(f.isTrashed()).toBe(true);
    const c = Files.copy({ name: "salinan.txt" }, f.getId(), { fields: "id,name" }) as {
      id: string;
      name: string;
    };
    expect(c.name).toBe("salinan.txt");
    expect(DriveApp.getFileById(c.id).getBlob().getDataAsString()).toBe("a");
  });

  it("exposes its state for dumps", () => {
    DriveApp.createFile("a.txt", "abc");
    const json = JSON.parse(JSON.stringify(drive.driveState(ws))) as {
      items: { name: string; size?: number }[];
    };
    expect(json.items.find((i) => i.name === "a.txt")?.size).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// The runtime exposes every prototype method not starting with "_" to scripts: each must be a real
// Apps Script method (read from @types/google-apps-script), so no host helper leaks into scripts.

describe("script-visible surface", () => {
  const D = "google-apps-script.drive.d.ts";
  const V3 = "apis/drive_v3.d.ts";
  const cases: [GasClass, string, string][] = [
    [drive.DriveAppService, D, "DriveApp"],
    [drive.DriveFile, D, "File"],
    [drive.DriveFolder, D, "Folder"],
    [drive.DriveFileIterator, D, "FileIterator"],
    [drive.DriveFolderIterator, D, "FolderIterator"],
    [drive.DriveUser, D, "User"],
    [drive.DriveFilesCollection, V3, "FilesCollection"],
    [drive.DriveRevisionsCollection, V3, "RevisionsCollection"],
    [drive.DrivePermissionsCollection, V3, "PermissionsCollection"],
  ];
  for (const [cls, file, name] of cases) {
    it(`${name}: every public method exists in Apps Script`, () => {
      const real = interfaceMethods(file, name);
      const extra = publicMethods(cls).filter((m) => !real.has(m));
      expect(extra).toEqual([]);
    });
  }
});
