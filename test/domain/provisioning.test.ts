import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { LETTER_PLACEHOLDERS } from "../../src/domain/letters.js";
import { defaultConfig } from "../../src/domain/defaults.js";
import { generatePassword } from "../../src/domain/password.js";
import {
  accountNames,
  backoffMs,
  BACKOFF_SECONDS,
  classifyDirectoryError,
  composeCredentialMail,
  composeExpiredNotice,
  composeOpdNotice,
  formatProvisionState,
  hasLoggedIn,
  isOwnAccount,
  jitterMs,
  LEASE_MS,
  NEVER_LOGGED_IN,
  parseProvisionState,
  redact,
  resumeKind,
  QUEUE_STALE_MS,
  TICKET_ID_TYPE,
  userResource,
  type AccountInput,
} from "../../src/domain/provisioning.js";

const T = Date.UTC(2026, 10, 23, 1, 0, 0);
const UUID = "3f2a9c1e-7b4d-4e21-9a6f-0c8d2b5e7f10";

describe("the state cell", () => {
  it("round-trips every field", () => {
    const states = [
      { label: "membuat" as const, atMs: T },
      { label: "mengirim" as const, atMs: T, quota: 1490 },
      { label: "menunggu ulang" as const, atMs: T, attempts: 3, note: "Service unavailable" },
      { label: "gagal" as const, atMs: T, note: "Alamat sudah dipakai" },
    ];
    for (const s of states) expect(parseProvisionState(formatProvisionState(s))).toEqual(s);
    // Shown in the office's time (WIB by default, WITA here), exact for the program either way.
    expect(formatProvisionState({ label: "mengirim", atMs: T, quota: 7 })).toBe(
      "mengirim \u00b7 2026-11-23T08:00:00+07:00 \u00b7 kuota 7",
    );
    expect(formatProvisionState({ label: "membuat", atMs: T }, 480)).toBe(
      "membuat \u00b7 2026-11-23T09:00:00+08:00",
    );
    expect(parseProvisionState(formatProvisionState({ label: "membuat", atMs: T }, 540)).atMs).toBe(T);
    // Cells written in UTC by an earlier version still read.
    expect(parseProvisionState("mengirim \u00b7 2026-11-23T01:00:00.000Z").atMs).toBe(T);
  });

  it("keeps a note that contains the separator readable and parseable", () => {
    const text = formatProvisionState({ label: "gagal", atMs: T, note: "a \u00b7 b" });
    expect(parseProvisionState(text)).toEqual({ label: "gagal", atMs: T, note: "a, b" });
  });

  it("reads an empty or foreign cell as never started", () => {
    expect(parseProvisionState("")).toEqual({ label: "", atMs: 0 });
    expect(parseProvisionState("sesuatu yang lain")).toEqual({
      label: "",
      atMs: 0,
      note: "sesuatu yang lain",
    });
    expect(formatProvisionState({ label: "", atMs: T })).toBe("");
  });
});

describe("resumeKind: what the sweep may take over", () => {
  const state = (label: string, atMs = T) =>
    parseProvisionState(formatProvisionState({ label, atMs } as never));
  const later = (ms: number) => T + ms;

  it("leaves an in-progress state to its run until the lease is over", () => {
    for (const label of ["membuat", "dibuat", "arsip", "mengirim"]) {
      expect(resumeKind("akun dibuat", state(label), T, later(LEASE_MS - 1))).toBe("none");
      expect(resumeKind("akun dibuat", state(label), T, later(LEASE_MS + 1))).toBe("resume");
    }
  });

  it("resumes waiting states at once; the quota wait only when there is quota", () => {
    expect(resumeKind("membuat akun", state("menunggu ulang"), T, T)).toBe("resume");
    expect(resumeKind("akun dibuat", state("menunggu kuota"), T, T)).toBe("resume_if_quota");
  });

  it("takes over a request whose run never claimed it, once the edit is stale", () => {
    expect(resumeKind("membuat akun", state(""), T, later(60_000))).toBe("none");
    expect(resumeKind("membuat akun", state(""), T, later(LEASE_MS + 1))).toBe("resume");
    // a failed earlier attempt, "Buat akun" chosen again: the edit's time counts
    expect(resumeKind("membuat akun", state("gagal", T - 86_400_000), T, later(60_000))).toBe("none");
  });

  it("leaves a queued request to the worker until the queue has stood still for long", () => {
    expect(resumeKind("membuat akun", state("antre"), T, later(LEASE_MS + 1))).toBe("none");
    expect(resumeKind("membuat akun", state("antre"), T, later(QUEUE_STALE_MS - 1))).toBe("none");
    expect(resumeKind("membuat akun", state("antre"), T, later(QUEUE_STALE_MS + 1))).toBe("resume");
    // queued, then sent back or moved on by an official: not provisioning's any more
    expect(resumeKind("disetujui", state("antre"), T, later(QUEUE_STALE_MS + 1))).toBe("none");
  });

  it("never touches finished, failed or other requests", () => {
    expect(resumeKind("selesai", state("selesai"), 0, later(86_400_000))).toBe("none");
    expect(resumeKind("akun dibuat", state("gagal"), 0, later(86_400_000))).toBe("none");
    expect(resumeKind("disetujui", state("menunggu ulang"), 0, later(86_400_000))).toBe("none");
    expect(resumeKind("diproses", state(""), 0, later(86_400_000))).toBe("none");
  });

  it("finishes the state of a request the log already closed; reissues on request", () => {
    expect(resumeKind("selesai", state("mengirim"), 0, T)).toBe("resume");
    expect(resumeKind("selesai", state("diminta ulang"), 0, T)).toBe("resume");
    expect(resumeKind("akun dibuat", state("diminta ulang"), 0, T)).toBe("resume");
    expect(resumeKind("membuat akun", state("diminta ulang"), 0, T)).toBe("none");
  });
});

describe("Directory errors", () => {
  it("classifies by HTTP code and reason first", () => {
    expect(classifyDirectoryError({ code: 503, message: "Service unavailable. Please try again" })).toBe(
      "unavailable",
    );
    expect(classifyDirectoryError({ code: 429, message: "Rate Limit Exceeded" })).toBe("rate_limited");
    expect(
      classifyDirectoryError({ code: 403, reason: "userRateLimitExceeded", message: "Rate Limit Exceeded" }),
    ).toBe("rate_limited");
    expect(classifyDirectoryError({ code: 403, message: "Not Authorized to access this resource/api" })).toBe(
      "not_authorized",
    );
    expect(classifyDirectoryError({ code: 409, message: "Entity already exists." })).toBe("exists");
    expect(classifyDirectoryError({ code: 409, message: "Member already exists." }, "member")).toBe(
      "member_exists",
    );
    expect(classifyDirectoryError({ code: 412, message: "User creation is not complete." })).toBe(
      "not_complete",
    );
    expect(classifyDirectoryError({ code: 404, message: "Resource Not Found: userKey" })).toBe("not_found");
    expect(classifyDirectoryError({ code: 400, message: "Invalid Input: INVALID_OU_ID" })).toBe("invalid");
  });

  it("decides by the server's reason, never by a (translated) message", () => {
    // Google translates messages into the user's language: an Indonesian text classifies the same.
    const c = (reason: string, code: number, call: "member" | "other" = "other") =>
      classifyDirectoryError({ code, reason, message: "Terjadi galat: Sumber daya tidak ditemukan" }, call);
    expect(c("notFound", 404)).toBe("not_found");
    expect(c("duplicate", 409)).toBe("exists");
    expect(c("duplicate", 409, "member")).toBe("member_exists");
    expect(c("forbidden", 403)).toBe("not_authorized");
    expect(c("userRateLimitExceeded", 403)).toBe("rate_limited");
    expect(c("conditionNotMet", 412)).toBe("not_complete");
    expect(c("backendError", 503)).toBe("unavailable");
    // A 403 that says "quota" in its text but carries no rate reason is a refusal, not a wait.
    expect(classifyDirectoryError({ code: 403, message: "quota of something" })).toBe("not_authorized");
    // The reason wins over a code that would say otherwise.
    expect(classifyDirectoryError({ code: 400, reason: "notFound", message: "x" })).toBe("not_found");
  });

  it("falls back on the message when there is no code", () => {
    const m = (message: string) => classifyDirectoryError({ message });
    expect(m("API call to directory.users.insert failed with error: Entity already exists.")).toBe("exists");
    expect(
      m("API call to directory.users.get failed with error: Not Authorized to access this resource/api"),
    ).toBe("not_authorized");
    expect(m("API call to directory.users.update failed with error: User creation is not complete.")).toBe(
      "not_complete",
    );
    expect(m("We're sorry, a server error occurred.")).toBe("other");
  });
});

describe("backoff", () => {
  it("waits 1, 2, 4, 8, 16 s plus less than a second of jitter from a UUID", () => {
    expect(BACKOFF_SECONDS).toEqual([1, 2, 4, 8, 16]);
    const j = jitterMs(UUID);
    expect(j).toBe(Math.floor((0x3f2a9c1e / 2 ** 32) * 1000));
    BACKOFF_SECONDS.forEach((s, i) => expect(backoffMs(i, UUID)).toBe(s * 1000 + j));
    expect(jitterMs("ffffffff-ffff-4fff-bfff-ffffffffffff")).toBeLessThan(1000);
    expect(jitterMs("00000000-0000-4000-8000-000000000000")).toBe(0);
  });

  it("never uses Math.random", () => {
    const spy = vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random called");
    });
    try {
      expect(backoffMs(3, UUID)).toBeGreaterThanOrEqual(8000);
      expect(generatePassword(() => UUID.replace(/^3/, String(Date.now() % 10)))).toHaveLength(16);
    } finally {
      spy.mockRestore();
    }
  });
});

const input: AccountInput = {
  ticket: "SRL-2611-0001",
  address: "siti.aminah@contohkota.go.id",
  name: "Siti Nur Aminah",
  accountType: "pribadi",
  unitName: "",
  unitCode: "",
  opdCode: "BAPPEDA",
  opdName: "Badan Perencanaan Pembangunan Daerah",
  orgUnitPath: "/OPD/Bappeda",
  nip: "198001012005012001",
  phone: "+6281234567890",
  personalEmail: "Siti.Aminah@Gmail.com",
  position: "Analis Kebijakan",
  domain: "contohkota.go.id",
};

describe("the user resource", () => {
  it("splits Indonesian names: the last word is the family name; one word is both", () => {
    expect(accountNames(input)).toEqual({ givenName: "Siti Nur", familyName: "Aminah" });
    expect(accountNames({ ...input, name: "Sukarno" })).toEqual({
      givenName: "Sukarno",
      familyName: "Sukarno",
    });
    expect(accountNames({ ...input, name: "  Ni\tLuh   Putu " })).toEqual({
      givenName: "Ni Luh",
      familyName: "Putu",
    });
  });

  it("names a unit account after the unit and its OPD", () => {
    expect(accountNames({ ...input, accountType: "unit", unitName: "PPID", unitCode: "PPID" })).toEqual({
      givenName: "PPID",
      familyName: "BAPPEDA",
    });
  });

  it("keeps names within Google's 60 characters, at a word boundary", () => {
    const long = `${"Panjang ".repeat(12)}Sekali`;
    const n = accountNames({ ...input, name: long });
    expect(n.givenName.length).toBeLessThanOrEqual(60);
    expect(n.givenName.endsWith("Panjang")).toBe(true);
  });

  it("carries everything users.insert needs, and the ticket's marker", () => {
    const u = userResource(input);
    expect(u).toEqual({
      primaryEmail: "siti.aminah@contohkota.go.id",
      name: { givenName: "Siti Nur", familyName: "Aminah" },
      changePasswordAtNextLogin: true,
      orgUnitPath: "/OPD/Bappeda",
      externalIds: [
        { type: "organization", value: "198001012005012001" },
        { type: "custom", customType: TICKET_ID_TYPE, value: "SRL-2611-0001" },
      ],
      organizations: [
        { title: "Analis Kebijakan", department: "Badan Perencanaan Pembangunan Daerah", primary: true },
      ],
      phones: [{ value: "+6281234567890", type: "mobile" }],
      recoveryPhone: "+6281234567890",
      recoveryEmail: "siti.aminah@gmail.com",
    });
    expect("password" in u).toBe(false); // added in memory by the workspace layer only
  });

  it("leaves out what is missing or unusable", () => {
    const u = userResource({
      ...input,
      nip: "",
      phone: "0812",
      personalEmail: "x@contohkota.go.id",
      orgUnitPath: "",
    });
    expect(u.externalIds).toEqual([{ type: "custom", customType: TICKET_ID_TYPE, value: "SRL-2611-0001" }]);
    expect(u.orgUnitPath).toBe("/");
    expect(u.phones).toBeUndefined();
    expect(u.recoveryPhone).toBeUndefined();
    expect(u.recoveryEmail).toBeUndefined();
  });

  it("recognises its own account only by the ticket's marker", () => {
    const mine = { externalIds: userResource(input).externalIds };
    expect(isOwnAccount(mine, "SRL-2611-0001")).toBe(true);
    expect(isOwnAccount(mine, "SRL-2611-0002")).toBe(false);
    expect(
      isOwnAccount({ externalIds: [{ type: "organization", value: "SRL-2611-0001" }] }, "SRL-2611-0001"),
    ).toBe(false);
    expect(isOwnAccount(null, "SRL-2611-0001")).toBe(false);
  });
});

describe("helpers", () => {
  it("redacts every occurrence of a secret", () => {
    expect(redact("pw=Ab$1; again Ab$1", "Ab$1")).toBe("pw=[disamarkan]; again [disamarkan]");
    expect(redact("nothing", null)).toBe("nothing");
  });

  it("reads lastLoginTime", () => {
    expect(hasLoggedIn(NEVER_LOGGED_IN)).toBe(false);
    expect(hasLoggedIn(undefined)).toBe(false);
    expect(hasLoggedIn("2026-11-24T02:00:00.000Z")).toBe(true);
  });
});

describe("the mails around the letter", () => {
  const config = defaultConfig();

  it("the letter mail names the account and the attached letter, never a password", () => {
    const mail = composeCredentialMail(
      {
        ticket: "SRL-2611-0001",
        name: "Dra. Siti Nur Aminah, M.Si.",
        address: input.address,
        letterNumber: "500.12.6/7/Diskominfo/XI/2026",
        signInUrl: "https://mail.google.com",
        deadline: "7 Desember 2026",
      },
      config,
    );
    expect(mail.subject).toBe("Akun surel dinas Anda telah dibuat \u2013 SRL-2611-0001");
    for (const text of [mail.body, mail.htmlBody]) {
      expect(text).toContain(input.address);
      expect(text).toContain("500.12.6/7/Diskominfo/XI/2026");
      expect(text).toContain("7 Desember 2026");
      expect(text).not.toMatch(/\{|\}/);
    }
    expect(mail.body).toContain("kata sandi tidak dituliskan di badan surel ini");
  });

  it("the OPD's copy masks the NIP; the expiry notice says how to get a new password", () => {
    const opd = composeOpdNotice(
      {
        ticket: "SRL-2611-0001",
        name: "Siti",
        nip: input.nip,
        opd: "Bappeda",
        address: input.address,
        letterNumber: "500.12.6/7/Diskominfo/XI/2026",
      },
      config,
    );
    expect(opd.body).toContain("19800101********01");
    expect(opd.body).not.toContain(input.nip);
    const expired = composeExpiredNotice(
      { ticket: "SRL-2611-0001", name: "Siti", address: input.address, letterNumber: "500.12.6/7" },
      config,
      "en",
    );
    expect(expired.subject).toContain("no longer valid");
    expect(expired.body).toContain(config.office.email);
  });
});

describe("docs/LETTER.md", () => {
  it("documents every placeholder a template may use, and no other", () => {
    const doc = readFileSync(new URL("../../docs/LETTER.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf("## Placeholders"), doc.indexOf("## Letter numbers"));
    const documented = [...table.matchAll(/^\| `\{\{([A-Z_]+)\}\}`/gm)].map((m) => m[1]);
    expect(documented).toEqual(LETTER_PLACEHOLDERS.map((p) => p.key));
  });
});
