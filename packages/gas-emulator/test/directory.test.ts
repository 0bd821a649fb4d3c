import { beforeEach, describe, expect, it } from "vitest";
import {
  exec,
  type GasClass,
  interfaceMethods,
  publicMethods,
  thrown,
  within,
  restoreProcessZoneAfterAll,
} from "./helpers.js";
import { Emulator } from "../src/index.js";
import * as dir from "../src/services/directory.js";
import { Workspace } from "../src/workspace.js";

restoreProcessZoneAfterAll();

type User = GoogleAppsScript.AdminDirectory.Schema.User;

let ws: Workspace;
let Users: dir.UsersCollection;
let Aliases: dir.UserAliasesCollection;
let Groups: dir.GroupsCollection;
let Members: dir.MembersCollection;
const DOMAIN = "contohkota.go.id";
const STAFF = `staf@${DOMAIN}`;
const ADMIN2 = `admin2@${DOMAIN}`;

function as<T>(email: string, fn: () => T): T {
  const ctx = exec(ws, {
    id: 3,
    handler: "buatAkun",
    kind: "installable",
    activeUser: email,
    effectiveUser: email,
  });
  return within(ws, ctx, fn);
}

/** The message after "API call to <method> failed with error: ". */
function apiText(fn: () => unknown, method: string): string {
  const e = thrown(fn);
  expect(e.name).toBe("GoogleJsonResponseException");
  const prefix = `API call to ${method} failed with error: `;
  expect(e.message.startsWith(prefix)).toBe(true);
  return e.message.slice(prefix.length);
}

function newUser(local: string, extra: Partial<User> & Record<string, unknown> = {}): User {
  return {
    primaryEmail: `${local}@${DOMAIN}`,
    name: { givenName: "Budi", familyName: "Santoso" },
    password: "Rahasia-123",
    changePasswordAtNextLogin: true,
    ...extra,
  };
}

beforeEach(() => {
  ws = new Workspace({ domain: DOMAIN, seed: 42 });
  ws.addIdentity({ email: STAFF });
  ws.addIdentity({ email: ADMIN2, admin: true });
  const AdminDirectory = dir.install(ws).AdminDirectory as dir.AdminDirectoryService;
  const props = AdminDirectory.gasProps();
  Users = props.Users as dir.UsersCollection;
  Aliases = Users.gasProps().Aliases as dir.UserAliasesCollection;
  Groups = props.Groups as dir.GroupsCollection;
  Members = props.Members as dir.MembersCollection;
});

describe("users.insert", () => {
  it("creates the account with the fields Google sets, and never keeps the password", () => {
    const u = Users.insert(newUser("Budi.Santoso", { orgUnitPath: undefined }));
    expect(u.kind).toBe("admin#directory#user");
    expect(u.id).toMatch(/^\d{21}$/);
    expect(u.primaryEmail).toBe(`budi.santoso@${DOMAIN}`);
    expect(u.name).toEqual({ givenName: "Budi", familyName: "Santoso", fullName: "Budi Santoso" });
    expect(u.creationTime).toBe(new Date(ws.clockMs).toISOString());
    expect(u.lastLoginTime).toBe("1970-01-01T00:00:00.000Z");
    expect(u.isAdmin).toBe(false);
    expect(u.suspended).toBe(false);
    expect(u.changePasswordAtNextLogin).toBe(true);
    expect(u.orgUnitPath).toBe("/");
    expect(u.customerId).toMatch(/^C0[0-9a-z]{7}$/);
    expect(u.isMailboxSetup).toBe(false);
    expect(u.emails).toEqual([{ address: `budi.santoso@${DOMAIN}`, primary: true }]);
    expect(u.aliases).toBeUndefined();
    expect(u.password).toBeUndefined();
    expect(JSON.stringify(dir.directoryState(ws))).not.toContain("Rahasia-123");
    expect(JSON.stringify(ws.state.get("directory"))).not.toContain("Rahasia-123");
    expect(dir.checkUserPassword(ws, u.primaryEmail!, "Rahasia-123")).toBe(true);
    expect(dir.checkUserPassword(ws, u.primaryEmail!, "rahasia-123")).toBe(false);
    expect(dir.directoryState(ws).users[0]!.hasPassword).toBe(true);
  });

  it("sets up the mailbox some time after creation", () => {
    const u = Users.insert(newUser("budi"));
    expect(Users.get(u.id!).isMailboxSetup).toBe(false);
    ws.advance(dir.DEFAULT_DIRECTORY_CONFIG.mailboxSetupMs);
    expect(Users.get(u.id!).isMailboxSetup).toBe(true);
  });

  it("requires an admin as the effective user", () => {
    const text = apiText(() => as(STAFF, () => Users.insert(newUser("budi"))), "directory.users.insert");
    expect(text).toBe("Not Authorized to access this resource/api");
    const e = thrown(() => as(STAFF, () => Users.insert(newUser("budi"))));
    expect(e.details?.code).toBe(403);
    expect(as(ADMIN2, () => Users.insert(newUser("budi"))).primaryEmail).toBe(`budi@${DOMAIN}`);
    // A non-admin may read the public view only.
    expect(apiText(() => as(STAFF, () => Users.get(`budi@${DOMAIN}`)), "directory.users.get")).toBe(
      "Not Authorized to access this resource/api",
    );
    const pub = as(STAFF, () => Users.get(`budi@${DOMAIN}`, { viewType: "domain_public" }));
    expect(pub.primaryEmail).toBe(`budi@${DOMAIN}`);
    expect(pub.orgUnitPath).toBeUndefined();
    // A directory user made admin may call the API.
    dir.seedUser(ws, { primaryEmail: STAFF });
    Users.makeAdmin({ status: true }, STAFF);
    expect(as(STAFF, () => Users.get(`budi@${DOMAIN}`)).orgUnitPath).toBe("/");
  });

  it("checks the password length (8–100)", () => {
    const m = "directory.users.insert";
    expect(apiText(() => Users.insert(newUser("a", { password: "1234567" })), m)).toBe("Invalid Password");
    expect(apiText(() => Users.insert(newUser("a", { password: "x".repeat(101) })), m)).toBe(
      "Invalid Password",
    );
    expect(apiText(() => Users.insert(newUser("a", { password: undefined })), m)).toBe("Invalid Password");
    expect(Users.insert(newUser("b", { password: "12345678" })).id).toBeDefined();
    expect(Users.insert(newUser("c", { password: "x".repeat(100) })).id).toBeDefined();
  });

  it("checks given and family names (1–60 characters)", () => {
    const m = "directory.users.insert";
    const named = (givenName: string, familyName: string): User =>
      newUser("a", { name: { givenName, familyName } });
    expect(apiText(() => Users.insert(named("", "Santoso")), m)).toBe("Invalid Given/Family Name: GivenName");
    expect(apiText(() => Users.insert(named("x".repeat(61), "S")), m)).toBe(
      "Invalid Given/Family Name: GivenName",
    );
    expect(apiText(() => Users.insert(named("Budi", "  ")), m)).toBe("Invalid Given/Family Name: FamilyName");
    expect(Users.insert(named("x".repeat(60), "y".repeat(60))).name?.fullName).toHaveLength(121);
  });

  it("checks the address: its local part, and a domain of the customer", () => {
    const m = "directory.users.insert";
    const at = (email: string): User => newUser("x", { primaryEmail: email });
    for (const bad of [
      `budi..s@${DOMAIN}`,
      `.budi@${DOMAIN}`,
      `budi.@${DOMAIN}`,
      `bu di@${DOMAIN}`,
      `budi!@${DOMAIN}`,
      "budi",
    ]) {
      expect(apiText(() => Users.insert(at(bad)), m)).toBe("Invalid Input: primary_user_email");
    }
    expect(apiText(() => Users.insert(at(`${"a".repeat(65)}@${DOMAIN}`)), m)).toBe(
      "Invalid Input: primary_user_email",
    );
    expect(apiText(() => Users.insert(at("budi@gmail.com")), m)).toBe("Invalid Input: primary_user_email");
    expect(apiText(() => Users.insert(at("budi@kotalain.go.id")), m)).toBe("Domain not found.");
    dir.configureDirectory(ws, { domains: [DOMAIN, `diskominfo.${DOMAIN}`] });
    expect(Users.insert(at(`budi@diskominfo.${DOMAIN}`)).primaryEmail).toBe(`budi@diskominfo.${DOMAIN}`);
    expect(Users.insert(at(`o'neil_x-y@${DOMAIN}`)).primaryEmail).toBe(`o'neil_x-y@${DOMAIN}`);
  });

  it("refuses an address already taken by a user, an alias or a group (409)", () => {
    dir.seedUser(ws, { primaryEmail: `ani@${DOMAIN}`, aliases: [`ani.w@${DOMAIN}`] });
    dir.seedGroup(ws, { email: `humas@${DOMAIN}` });
    const m = "directory.users.insert";
    for (const taken of [`ani@${DOMAIN}`, `ANI@${DOMAIN}`, `ani.w@${DOMAIN}`, `humas@${DOMAIN}`]) {
      const e = thrown(() => Users.insert(newUser("x", { primaryEmail: taken })));
      expect(e.message).toBe(`API call to ${m} failed with error: Entity already exists.`);
      expect(e.details?.code).toBe(409);
    }
    expect(dir.directoryStateObject(ws).insertCount).toBe(0);
  });

  it("rejects unknown org units and accepts known ones", () => {
    expect(
      apiText(() => Users.insert(newUser("a", { orgUnitPath: "/Diskominfo" })), "directory.users.insert"),
    ).toBe("Invalid Input: INVALID_OU_ID");
    dir.addOrgUnit(ws, "/Diskominfo/Aptika");
    expect(Users.insert(newUser("a", { orgUnitPath: "/Diskominfo/Aptika" })).orgUnitPath).toBe(
      "/Diskominfo/Aptika",
    );
  });

  it("limits user creations per domain per second (429)", () => {
    dir.configureDirectory(ws, { createsPerSecond: 2 });
    Users.insert(newUser("a"));
    Users.insert(newUser("b"));
    const e = thrown(() => Users.insert(newUser("c")));
    expect(e.message).toBe("API call to directory.users.insert failed with error: Rate Limit Exceeded");
    expect(e.details).toMatchObject({ code: 429, reason: "rateLimitExceeded" });
    expect(e.details?.errors?.[0]?.reason).toBe("rateLimitExceeded");
    ws.advance(1000);
    expect(Users.insert(newUser("c")).primaryEmail).toBe(`c@${DOMAIN}`);
  });
});

describe("users.get, update, patch, delete", () => {
  it("finds a user by primary address, alias or id, in any case; 404 otherwise", () => {
    const u = dir.seedUser(ws, { primaryEmail: `ani@${DOMAIN}`, aliases: [`ani.w@${DOMAIN}`] });
    expect(Users.get(`ANI@${DOMAIN}`).id).toBe(u.id);
    expect(Users.get(`ani.w@${DOMAIN}`).id).toBe(u.id);
    expect(Users.get(u.id!).primaryEmail).toBe(`ani@${DOMAIN}`);
    const e = thrown(() => Users.get(`tidak.ada@${DOMAIN}`));
    expect(e.message).toBe("API call to directory.users.get failed with error: Resource Not Found: userKey");
    expect(e.details?.code).toBe(404);
  });

  it("patches fields, renames keeping the old address as an alias, and validates", () => {
    const u = Users.insert(newUser("budi"));
    const p = Users.patch(
      { suspended: true, suspensionReason: "ADMIN", name: { familyName: "Wibowo" } },
      u.id!,
    );
    expect(p.suspended).toBe(true);
    expect(p.name).toEqual({ givenName: "Budi", familyName: "Wibowo", fullName: "Budi Wibowo" });
    const r = Users.update({ primaryEmail: `budi.wibowo@${DOMAIN}`, suspended: false }, `budi@${DOMAIN}`);
    expect(r.primaryEmail).toBe(`budi.wibowo@${DOMAIN}`);
    expect(r.aliases).toEqual([`budi@${DOMAIN}`]);
    expect(r.suspended).toBe(false);
    expect(Users.get(`budi@${DOMAIN}`).id).toBe(u.id);
    Users.patch({ password: "Baru-sekali-1" }, u.id!);
    expect(dir.checkUserPassword(ws, u.id!, "Baru-sekali-1")).toBe(true);
    expect(apiText(() => Users.patch({ password: "pendek" }, u.id!), "directory.users.patch")).toBe(
      "Invalid Password",
    );
    expect(apiText(() => Users.update({ name: { givenName: "" } }, u.id!), "directory.users.update")).toBe(
      "Invalid Given/Family Name: GivenName",
    );
    expect(apiText(() => Users.patch({}, "x@" + DOMAIN), "directory.users.patch")).toBe(
      "Resource Not Found: userKey",
    );
  });

  it("suspensionReason is output only: the server writes ADMIN, a value sent is ignored, gone once active", () => {
    const u = Users.insert(newUser("citra"));
    expect(Users.update({ suspensionReason: "PENSIUN" }, u.id!).suspensionReason).toBeUndefined();
    const s = Users.update({ suspended: true, suspensionReason: "PENSIUN" }, u.id!);
    expect(s.suspended).toBe(true);
    expect(s.suspensionReason).toBe("ADMIN");
    const a = Users.update({ suspended: false }, u.id!);
    expect(a.suspended).toBe(false);
    expect(a.suspensionReason).toBeUndefined();
    const abused = dir.seedUser(ws, {
      primaryEmail: `dedi@${DOMAIN}`,
      suspended: true,
      suspensionReason: "ABUSE",
    });
    expect(Users.get(abused.id!).suspensionReason).toBe("ABUSE");
  });

  it("lists a user's groups (direct memberships), removes a member, 404 for one not there", () => {
    const u = Users.insert(newUser("eka"));
    Groups.insert({ email: `pegawai@${DOMAIN}` });
    Groups.insert({ email: `dinkes@${DOMAIN}` });
    Members.insert({ email: u.primaryEmail }, `pegawai@${DOMAIN}`);
    Members.insert({ email: u.primaryEmail }, `dinkes@${DOMAIN}`);
    const listed = Groups.list({ userKey: u.primaryEmail! }).groups!.map((g) => g.email);
    expect(listed).toEqual([`dinkes@${DOMAIN}`, `pegawai@${DOMAIN}`]);
    Members.remove(`dinkes@${DOMAIN}`, u.primaryEmail!);
    expect(Groups.list({ userKey: u.id! }).groups!.map((g) => g.email)).toEqual([`pegawai@${DOMAIN}`]);
    expect(
      apiText(() => Members.remove(`dinkes@${DOMAIN}`, u.primaryEmail!), "directory.members.delete"),
    ).toBe("Resource Not Found: memberKey");
    // A suspended account keeps its memberships (suspending removes nothing).
    Users.update({ suspended: true }, u.id!);
    expect(Groups.list({ userKey: u.id! }).groups!.map((g) => g.email)).toEqual([`pegawai@${DOMAIN}`]);
  });

  it("fails follow-up calls with 412 while the creation is not complete", () => {
    dir.configureDirectory(ws, { creationPendingMs: 5000 });
    const u = Users.insert(newUser("budi"));
    Groups.insert({ email: `pegawai@${DOMAIN}` });
    const e = thrown(() => Users.patch({ suspended: true }, u.id!));
    expect(e.message).toBe(
      "API call to directory.users.patch failed with error: User creation is not complete.",
    );
    expect(e.details?.code).toBe(412);
    expect(
      apiText(
        () => Members.insert({ email: u.primaryEmail }, `pegawai@${DOMAIN}`),
        "directory.members.insert",
      ),
    ).toBe("User creation is not complete.");
    expect(
      apiText(() => Aliases.insert({ alias: `b@${DOMAIN}` }, u.id!), "directory.users.aliases.insert"),
    ).toBe("User creation is not complete.");
    // users.get works at once.
    expect(Users.get(u.primaryEmail!).id).toBe(u.id);
    ws.advance(5000);
    expect(Users.patch({ suspended: true }, u.id!).suspended).toBe(true);
    expect(Members.insert({ email: u.primaryEmail }, `pegawai@${DOMAIN}`).id).toBe(u.id);
  });

  it("deletes users: gone for get, address free again, listed with showDeleted", () => {
    const u = Users.insert(newUser("budi"));
    Users.remove(`budi@${DOMAIN}`);
    expect(apiText(() => Users.get(u.id!), "directory.users.get")).toBe("Resource Not Found: userKey");
    expect(apiText(() => Users.remove(u.id!), "directory.users.delete")).toBe("Resource Not Found: userKey");
    expect(Users.list({ customer: "my_customer" }).users).toBeUndefined();
    const deleted = Users.list({ customer: "my_customer", showDeleted: "true" }).users!;
    expect(deleted.map((x) => x.id)).toEqual([u.id]);
    expect(Users.insert(newUser("budi")).id).not.toBe(u.id);
  });
});

describe("users.list", () => {
  beforeEach(() => {
    dir.addOrgUnit(ws, "/Dinas/Kominfo");
    dir.seedUser(ws, {
      primaryEmail: `budi.santoso@${DOMAIN}`,
      name: { givenName: "Budi", familyName: "Santoso" },
    });
    dir.seedUser(ws, {
      primaryEmail: `ani.wulandari@${DOMAIN}`,
      name: { givenName: "Ani", familyName: "Wulandari" },
      orgUnitPath: "/Dinas/Kominfo",
      externalIds: [{ value: "198001012005011001", type: "organization" }],
      aliases: [`ani@${DOMAIN}`],
    });
    dir.seedUser(ws, {
      primaryEmail: `budiman@${DOMAIN}`,
      name: { givenName: "Budiman", familyName: "Hasibuan" },
      suspended: true,
    });
  });
  const emails = (opts: Record<string, unknown>): string[] =>
    (Users.list({ customer: "my_customer", ...opts }).users ?? []).map((u) => u.primaryEmail!);

  it("needs customer or domain and validates maxResults", () => {
    expect(apiText(() => Users.list({}), "directory.users.list")).toBe("Bad Request");
    expect(
      apiText(() => Users.list({ customer: "my_customer", maxResults: 0 }), "directory.users.list"),
    ).toBe("Invalid value '0'. Values must be within the range: [1, 500]");
    expect(
      apiText(() => Users.list({ customer: "my_customer", maxResults: 501 }), "directory.users.list"),
    ).toBe("Invalid value '501'. Values must be within the range: [1, 500]");
    expect(apiText(() => Users.list({ customer: "C0someoneelse" }), "directory.users.list")).toBe(
      "Not Authorized to access this resource/api",
    );
    expect(emails({})).toEqual([`ani.wulandari@${DOMAIN}`, `budi.santoso@${DOMAIN}`, `budiman@${DOMAIN}`]);
    const byDomain = Users.list({ domain: DOMAIN }).users!.map((u) => u.primaryEmail);
    expect(byDomain).toHaveLength(3);
  });

  it("has no users key when nothing matches", () => {
    const r = Users.list({ customer: "my_customer", query: "email=tidak.ada@contohkota.go.id" });
    expect(r.kind).toBe("admin#directory#users");
    expect("users" in r).toBe(false);
  });

  it("pages with maxResults and pageToken", () => {
    const p1 = Users.list({ customer: "my_customer", maxResults: 2 });
    expect(p1.users).toHaveLength(2);
    expect(p1.nextPageToken).toBeDefined();
    const p2 = Users.list({ customer: "my_customer", maxResults: 2, pageToken: p1.nextPageToken });
    expect(p2.users!.map((u) => u.primaryEmail)).toEqual([`budiman@${DOMAIN}`]);
    expect(p2.nextPageToken).toBeUndefined();
  });

  it("understands the documented query clauses, ANDed", () => {
    expect(emails({ query: `email=budi.santoso@${DOMAIN}` })).toEqual([`budi.santoso@${DOMAIN}`]);
    expect(emails({ query: `email=ani@${DOMAIN}` })).toEqual([`ani.wulandari@${DOMAIN}`]);
    expect(emails({ query: "email:budi*" })).toEqual([`budi.santoso@${DOMAIN}`, `budiman@${DOMAIN}`]);
    expect(emails({ query: "givenName:Budi" })).toEqual([`budi.santoso@${DOMAIN}`]);
    expect(emails({ query: "givenName:Bud*" })).toEqual([`budi.santoso@${DOMAIN}`, `budiman@${DOMAIN}`]);
    expect(emails({ query: "familyName=wulandari" })).toEqual([`ani.wulandari@${DOMAIN}`]);
    expect(emails({ query: "name:'Budi Santoso'" })).toEqual([`budi.santoso@${DOMAIN}`]);
    expect(emails({ query: "name='Budiman Hasibuan'" })).toEqual([`budiman@${DOMAIN}`]);
    expect(emails({ query: "isSuspended=true" })).toEqual([`budiman@${DOMAIN}`]);
    expect(emails({ query: "orgUnitPath='/Dinas/Kominfo'" })).toEqual([`ani.wulandari@${DOMAIN}`]);
    expect(emails({ query: "externalId=198001012005011001" })).toEqual([`ani.wulandari@${DOMAIN}`]);
    expect(emails({ query: "budi" })).toEqual([`budi.santoso@${DOMAIN}`]);
    expect(emails({ query: "givenName:Bud* isSuspended=false" })).toEqual([`budi.santoso@${DOMAIN}`]);
    expect(
      apiText(() => Users.list({ customer: "my_customer", query: "isAdmin:true" }), "directory.users.list"),
    ).toBe("Invalid Input");
    expect(
      apiText(() => Users.list({ customer: "my_customer", query: "name:Bud*" }), "directory.users.list"),
    ).toBe("Invalid Input");
  });

  it("orders by given name, descending", () => {
    expect(emails({ orderBy: "givenName", sortOrder: "DESCENDING" })).toEqual([
      `budiman@${DOMAIN}`,
      `budi.santoso@${DOMAIN}`,
      `ani.wulandari@${DOMAIN}`,
    ]);
  });

  it("lags behind changes: a new user is found by get at once, by list only later", () => {
    dir.configureDirectory(ws, { listLagMs: 60_000 });
    const u = Users.insert(newUser("citra", { name: { givenName: "Citra", familyName: "Lestari" } }));
    expect(Users.get(`citra@${DOMAIN}`).id).toBe(u.id);
    expect(emails({ query: "givenName:Citra" })).toEqual([]);
    ws.advance(59_999);
    expect(emails({ query: "givenName:Citra" })).toEqual([]);
    ws.advance(1);
    expect(emails({ query: "givenName:Citra" })).toEqual([`citra@${DOMAIN}`]);
    Users.patch({ name: { givenName: "Cici" } }, u.id!);
    expect(emails({ query: "givenName:Cici" })).toEqual([]);
    expect(emails({ query: "givenName:Citra" })).toEqual([`citra@${DOMAIN}`]);
    ws.advance(60_000);
    expect(emails({ query: "givenName:Cici" })).toEqual([`citra@${DOMAIN}`]);
  });
});

describe("quota", () => {
  it("limits queries per user per minute with 403 userRateLimitExceeded", () => {
    dir.configureDirectory(ws, { queriesPerMinute: 3 });
    dir.seedUser(ws, { primaryEmail: `ani@${DOMAIN}` });
    for (let i = 0; i < 3; i++) Users.get(`ani@${DOMAIN}`);
    const e = thrown(() => Users.get(`ani@${DOMAIN}`));
    expect(e.message).toBe("API call to directory.users.get failed with error: Rate Limit Exceeded");
    expect(e.details).toMatchObject({
      code: 403,
      errors: [{ reason: "userRateLimitExceeded", domain: "global" }],
    });
    // Another user has a budget of its own.
    expect(as(ADMIN2, () => Users.get(`ani@${DOMAIN}`)).primaryEmail).toBe(`ani@${DOMAIN}`);
    ws.advance(60_000);
    expect(Users.get(`ani@${DOMAIN}`).primaryEmail).toBe(`ani@${DOMAIN}`);
  });
});

describe("aliases, groups and members", () => {
  it("adds, lists and removes aliases; a taken alias is a conflict", () => {
    const u = Users.insert(newUser("budi"));
    const a = Aliases.insert({ alias: `Budi.S@${DOMAIN}` }, u.id!);
    expect(a).toMatchObject({
      kind: "admin#directory#alias",
      id: u.id,
      primaryEmail: `budi@${DOMAIN}`,
      alias: `budi.s@${DOMAIN}`,
    });
    expect(Aliases.list(u.id!).aliases!.map((x) => (x as { alias: string }).alias)).toEqual([
      `budi.s@${DOMAIN}`,
    ]);
    expect(Users.get(`budi.s@${DOMAIN}`).id).toBe(u.id);
    Users.insert(newUser("ani"));
    expect(
      apiText(() => Aliases.insert({ alias: `ani@${DOMAIN}` }, u.id!), "directory.users.aliases.insert"),
    ).toBe("Entity already exists.");
    expect(
      apiText(() => Aliases.insert({ alias: "b@gmail.com" }, u.id!), "directory.users.aliases.insert"),
    ).toBe("Invalid Input: alias_email");
    Aliases.remove(u.id!, `budi.s@${DOMAIN}`);
    expect("aliases" in Aliases.list(u.id!)).toBe(false);
    expect(apiText(() => Users.get(`budi.s@${DOMAIN}`), "directory.users.get")).toBe(
      "Resource Not Found: userKey",
    );
  });

  it("groups: get, insert, list; members: insert, list, hasMember, remove", () => {
    expect(apiText(() => Groups.get(`pegawai@${DOMAIN}`), "directory.groups.get")).toBe(
      "Resource Not Found: groupKey",
    );
    const g = Groups.insert({ email: `pegawai@${DOMAIN}`, name: "Semua Pegawai" });
    expect(g).toMatchObject({
      kind: "admin#directory#group",
      email: `pegawai@${DOMAIN}`,
      directMembersCount: "0",
    });
    expect(apiText(() => Groups.insert({ email: `pegawai@${DOMAIN}` }), "directory.groups.insert")).toBe(
      "Entity already exists.",
    );
    const u = Users.insert(newUser("budi"));
    const m = Members.insert({ email: `budi@${DOMAIN}`, role: "MEMBER" }, g.id!);
    expect(m).toMatchObject({
      kind: "admin#directory#member",
      id: u.id,
      email: `budi@${DOMAIN}`,
      role: "MEMBER",
      type: "USER",
      status: "ACTIVE",
    });
    const e = thrown(() => Members.insert({ email: `BUDI@${DOMAIN}` }, `pegawai@${DOMAIN}`));
    expect(e.message).toBe("API call to directory.members.insert failed with error: Member already exists.");
    expect(e.details?.code).toBe(409);
    expect(
      apiText(() => Members.insert({ email: `hantu@${DOMAIN}` }, g.id!), "directory.members.insert"),
    ).toBe("Resource Not Found: memberKey");
    expect(Members.insert({ email: "mitra@gmail.com" }, g.id!).type).toBe("USER");
    expect(Groups.get(`pegawai@${DOMAIN}`).directMembersCount).toBe("2");
    expect(Members.list(g.id!).members!.map((x) => x.email)).toEqual([`budi@${DOMAIN}`, "mitra@gmail.com"]);
    expect(Members.hasMember(g.id!, u.id!)).toEqual({ isMember: true });
    expect(Members.get(`pegawai@${DOMAIN}`, `budi@${DOMAIN}`).role).toBe("MEMBER");
    expect(Groups.list({ userKey: `budi@${DOMAIN}` }).groups!.map((x) => x.email)).toEqual([
      `pegawai@${DOMAIN}`,
    ]);
    expect(Groups.list({ customer: "my_customer" }).groups).toHaveLength(1);
    Members.remove(g.id!, `budi@${DOMAIN}`);
    expect(Members.hasMember(g.id!, `budi@${DOMAIN}`)).toEqual({ isMember: false });
    expect(apiText(() => Members.remove(g.id!, `budi@${DOMAIN}`), "directory.members.delete")).toBe(
      "Resource Not Found: memberKey",
    );
    expect(apiText(() => as(STAFF, () => Groups.get(g.id!)), "directory.groups.get")).toBe(
      "Not Authorized to access this resource/api",
    );
  });
});

describe("host-side seeding and state", () => {
  it("seeded users are visible at once (even with a list lag) and the state is plain data", () => {
    dir.configureDirectory(ws, { listLagMs: 3_600_000 });
    const u = dir.seedUser(ws, {
      primaryEmail: `Lama@${DOMAIN}`,
      name: { givenName: "Akun", familyName: "Lama" },
      password: "sandi-lama-1",
    });
    expect(Users.list({ customer: "my_customer" }).users!.map((x) => x.id)).toEqual([u.id]);
    expect(dir.directoryUser(ws, `lama@${DOMAIN}`)?.name?.fullName).toBe("Akun Lama");
    expect(dir.directoryUser(ws, `baru@${DOMAIN}`)).toBe(null);
    expect(dir.checkUserPassword(ws, `lama@${DOMAIN}`, "sandi-lama-1")).toBe(true);
    const state = dir.directoryState(ws);
    expect(state.domains).toEqual([DOMAIN]);
    expect(state.users[0]!.primaryEmail).toBe(`lama@${DOMAIN}`);
    expect(JSON.stringify(state)).not.toMatch(/sandi-lama-1|passwordHash/);
  });
});

describe("through the runtime (a bundle in a worker)", () => {
  const code = `
function create(local) {
  try {
    var u = AdminDirectory.Users.insert({ primaryEmail: local + "@contohkota.go.id",
      name: { givenName: "Budi", familyName: "Santoso" }, password: "Rahasia-123", changePasswordAtNextLogin: true });
    return { ok: true, id: u.id, mailbox: u.isMailboxSetup };
  } catch (e) {
    return { ok: false, name: e.name, message: e.message, code: e.details && e.details.code };
  }
}
function find(query) {
  var r = AdminDirectory.Users.list({ customer: "my_customer", query: query, maxResults: 10 });
  return (r.users || []).map(function (u) { return u.primaryEmail; });
}
`;

  it("creates accounts as an admin installer, refuses a non-admin, and reports 409 and the list lag", async () => {
    const emu = new Emulator({ code, domain: DOMAIN });
    try {
      emu.ws.addIdentity({ email: STAFF });
      emu.ws.project.editors.add(STAFF); // may run the project's functions, with their own rights
      dir.configureDirectory(emu.ws, { listLagMs: 60_000 });
      const denied = await emu.run("create", { args: ["budi"], as: STAFF, effectiveUser: STAFF });
      expect(denied.returnValue).toEqual({
        ok: false,
        name: "GoogleJsonResponseException",
        message:
          "API call to directory.users.insert failed with error: Not Authorized to access this resource/api",
        code: 403,
      });
      const made = await emu.run("create", { args: ["budi"] });
      expect(made.returnValue).toMatchObject({ ok: true, mailbox: false });
      const again = await emu.run("create", { args: ["budi"] });
      expect(again.returnValue).toMatchObject({ ok: false, code: 409 });
      expect((again.returnValue as { message: string }).message).toMatch(/Entity already exists\.$/);
      expect((await emu.run("find", { args: ["email:budi*"] })).returnValue).toEqual([]);
      emu.ws.advance(60_000);
      expect((await emu.run("find", { args: ["email:budi*"] })).returnValue).toEqual([`budi@${DOMAIN}`]);
      expect(made.calls["AdminDirectory.Users.insert"]?.count).toBe(1);
      expect(dir.directoryState(emu.ws).users).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The runtime exposes every prototype method not starting with "_" to scripts: each must be a real
// Apps Script method (read from @types/google-apps-script), so no host helper leaks into scripts.

describe("script-visible surface", () => {
  const F = "apis/directory_v1.d.ts";
  const cases: [GasClass, string][] = [
    [dir.AdminDirectoryService, "AdminDirectory"],
    [dir.UsersCollection, "UsersCollection"],
    [dir.UserAliasesCollection, "AliasesCollection"],
    [dir.GroupsCollection, "GroupsCollection"],
    [dir.MembersCollection, "MembersCollection"],
  ];
  for (const [cls, name] of cases) {
    it(`${name}: every public method exists in Apps Script`, () => {
      const real = interfaceMethods(F, name);
      const extra = publicMethods(cls).filter((m) => !real.has(m));
      expect(extra).toEqual([]);
    });
  }
});
