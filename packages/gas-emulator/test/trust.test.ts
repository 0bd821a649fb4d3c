/**
 * The emulator's model of the trust boundary (docs/EMULATOR-runtime.md, "Script projects"):
 * bound and standalone projects and who may run them, standalone triggers on a spreadsheet and a
 * form, link sharing, editors outside the domain, and delegated admin roles.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Emulator } from "../src/index.js";
import { directoryStateObject, NOT_AUTHORIZED, privilegeFor } from "../src/services/directory.js";
import { submitResponse } from "../src/services/forms.js";
import {
  ANONYMOUS,
  createBoundSpreadsheet,
  createStandaloneSpreadsheet,
  shareByLink,
  userEdit,
} from "../src/services/sheets/host.js";
import { restoreProcessZoneAfterAll } from "./helpers.js";

restoreProcessZoneAfterAll();

const DOMAIN = "contohkota.go.id";
const SERVICE = `layanan.surel@${DOMAIN}`;
const OFFICIAL = `kadis@${DOMAIN}`;
const PARTNER = "konsultan@mitra.co.id";

const CODE = `
function whoAmI() { return Session.getEffectiveUser().getEmail(); }
function installOn(ssId) {
  ScriptApp.newTrigger("onEditInstalled").forSpreadsheet(ssId).onEdit().create();
  var form = FormApp.create("Formulir");
  form.setPublished(true);
  form.setRequireLogin(false);
  ScriptApp.newTrigger("onResponse").forForm(form).onFormSubmit().create();
  return form.getId();
}
function onEditInstalled(e) { return { user: e.user.getEmail(), value: e.value }; }
function onResponse(e) { return { id: e.response.getId(), source: e.source.getId() }; }
function permissions(id) { return Drive.Files.get(id, { fields: "permissions(type,role,domain)" }).permissions; }
function rights() {
  var a = AdminDirectory.RoleAssignments.list("my_customer", { userKey: Session.getEffectiveUser().getEmail() }).items;
  var role = AdminDirectory.Roles.get("my_customer", a[0].roleId);
  return { scope: a[0].scopeType, superAdmin: role.isSuperAdminRole, privileges: role.rolePrivileges.map(function (p) { return p.privilegeName; }) };
}
function insertUser() {
  return AdminDirectory.Users.insert({ primaryEmail: "baru@${DOMAIN}", name: { givenName: "Baru", familyName: "Pegawai" }, password: "Sandi-Sementara-123", orgUnitPath: "/" });
}
`;

let emu: Emulator;
function fresh(owner = { email: SERVICE, admin: true, name: "Layanan" } as const): Emulator {
  emu = new Emulator({ code: CODE, domain: DOMAIN, owner, workers: 1 });
  return emu;
}
beforeEach(async () => {
  if (emu) await emu.close();
});
afterAll(async () => {
  await emu.close();
});

describe("script projects", () => {
  it("bound: every editor of the container can open and run the project (documented), with their own rights", async () => {
    fresh();
    const ss = createBoundSpreadsheet(emu.ws, "Register");
    ss.addEditor(OFFICIAL);
    expect(emu.ws.projectAccess(OFFICIAL)).toBe("edit");
    const r = await emu.run("whoAmI", { as: OFFICIAL });
    expect(r.returnValue).toBe(OFFICIAL);
  });

  it("standalone: only the owner and the project's editors can run it; viewers and others cannot", async () => {
    fresh();
    createStandaloneSpreadsheet(emu.ws, "Register").addEditor(OFFICIAL);
    emu.ws.project.viewers.add(OFFICIAL);
    expect(emu.ws.projectAccess(OFFICIAL)).toBe("view");
    await expect(emu.run("whoAmI", { as: OFFICIAL })).rejects.toThrow(/cannot run whoAmI/);
    expect((await emu.run("whoAmI")).returnValue).toBe(SERVICE);
  });

  it("standalone triggers on a spreadsheet and a form: run as the installer; e.response with a stable id", async () => {
    fresh();
    const ss = createStandaloneSpreadsheet(emu.ws, "Register");
    ss.addEditor(OFFICIAL);
    emu.ws.project.viewers.add(OFFICIAL);
    const formId = (await emu.run("installOn", { args: [ss.getId()] })).returnValue as string;
    expect(
      userEdit(emu.ws, OFFICIAL, { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "A1" }, [["x"]]),
    ).toEqual({
      ok: true,
    });
    const [edit] = await emu.drain();
    expect(edit).toMatchObject({ handler: "onEditInstalled", ok: true });
    expect(edit!.returnValue).toEqual({ user: OFFICIAL, value: "x" });
    const { responseId } = submitResponse(emu.ws, formId, {});
    const [response] = await emu.drain();
    expect(response!.returnValue).toEqual({ id: responseId, source: formId });
    expect(responseId).not.toBe("");
  });

  it("a person who cannot view a standalone project does not fire its triggers (documented restriction)", async () => {
    fresh();
    const ss = createStandaloneSpreadsheet(emu.ws, "Register");
    ss.addEditor(OFFICIAL);
    await emu.run("installOn", { args: [ss.getId()] });
    userEdit(emu.ws, OFFICIAL, { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "A1" }, [["x"]]);
    expect(await emu.drain()).toEqual([]);
  });
});

describe("identities in edit events", () => {
  it("an editor outside the trigger owner's domain is hidden (e.user empty)", async () => {
    fresh();
    const ss = createStandaloneSpreadsheet(emu.ws, "Register");
    ss.addEditor(PARTNER);
    emu.ws.project.viewers.add(PARTNER);
    await emu.run("installOn", { args: [ss.getId()] });
    userEdit(emu.ws, PARTNER, { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "A1" }, [["y"]]);
    const [edit] = await emu.drain();
    expect(edit!.returnValue).toEqual({ user: "", value: "y" });
  });

  it("link sharing: an anonymous link editor can edit and appears as the owner (reported); Drive lists the grant", async () => {
    fresh();
    const ss = createStandaloneSpreadsheet(emu.ws, "Register");
    await emu.run("installOn", { args: [ss.getId()] });
    const target = { spreadsheetId: ss.getId(), sheet: "Sheet1", a1: "A1" };
    expect(userEdit(emu.ws, ANONYMOUS, target, [["z"]]).ok).toBe(false);
    expect((await emu.run("permissions", { args: [ss.getId()] })).returnValue).toEqual([
      { type: "user", role: "owner" },
    ]);
    shareByLink(emu.ws, ss.getId(), "ANYONE_WITH_LINK", "EDIT");
    expect(userEdit(emu.ws, ANONYMOUS, target, [["z"]]).ok).toBe(true);
    const [edit] = await emu.drain();
    expect(edit!.returnValue).toEqual({ user: SERVICE, value: "z" });
    expect((await emu.run("permissions", { args: [ss.getId()] })).returnValue).toEqual([
      { type: "user", role: "owner" },
      { type: "anyone", role: "writer" },
    ]);
  });
});

describe("admin roles of the service account", () => {
  it("a super admin: the system role, every right", async () => {
    fresh();
    expect((await emu.run("rights")).returnValue).toEqual({
      scope: "CUSTOMER",
      superAdmin: true,
      privileges: [],
    });
  });

  it("a delegated role: its privileges; an insert it does not allow fails with the real 403", async () => {
    fresh({
      email: SERVICE,
      admin: true,
      name: "Layanan",
      role: { name: "Surel", privileges: ["USERS_RETRIEVE", "GROUPS_RETRIEVE"] },
    } as never);
    expect((await emu.run("rights")).returnValue).toEqual({
      scope: "CUSTOMER",
      superAdmin: false,
      privileges: ["USERS_RETRIEVE", "GROUPS_RETRIEVE"],
    });
    const r = await emu.run("insertUser");
    expect(r.error?.message).toBe(`API call to directory.users.insert failed with error: ${NOT_AUTHORIZED}`);
    expect(directoryStateObject(emu.ws).users.size).toBe(0);
    expect(privilegeFor("directory.members.insert")).toBe("GROUPS_UPDATE");
  });

  it("a role limited to an org unit: an insert elsewhere is refused", async () => {
    fresh({
      email: SERVICE,
      admin: true,
      name: "Layanan",
      role: { name: "Surel", privileges: ["USERS_CREATE"], orgUnits: ["/OPD"] },
    } as never);
    expect((await emu.run("insertUser")).error?.message).toContain(NOT_AUTHORIZED);
  });
});
