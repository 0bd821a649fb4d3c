import { describe, expect, it } from "vitest";
import {
  changeFromDetails,
  dayStartMs,
  describeSteps,
  formatChangeDetails,
  formatGroups,
  parseGroups,
} from "../../src/domain/changetext.js";
import {
  parseDepartureReason,
  validateChange,
  type ChangeAnswers,
  type ChangeContext,
  type ChangeKind,
  type ChangeRequest,
} from "../../src/domain/changes.js";
import { planChange, type AccountRecord, type PlanFacts } from "../../src/domain/changeplan.js";
import type { OpdConfig } from "../../src/domain/config.js";
import { TICKET_ID_TYPE } from "../../src/domain/provisioning.js";
import { tx } from "../../src/domain/text/index.js";

const DOMAIN = "contohkota.go.id";
const NIP = "198503302010011002";
const OTHER_NIP = "199001012015032001";
const ADDRESS = `ahmad.fauzi@${DOMAIN}`;

const OPDS: OpdConfig[] = [
  {
    code: "DISKOMINFO",
    name: "Dinas Komunikasi dan Informatika",
    orgUnitPath: "/OPD/Diskominfo",
    group: `diskominfo@${DOMAIN}`,
    ccEmail: "",
  },
  {
    code: "BAPPEDA",
    name: "Badan Perencanaan Pembangunan Daerah",
    orgUnitPath: "/OPD/Bappeda",
    group: `Bappeda@${DOMAIN}`,
    ccEmail: "",
  },
  { code: "DINKES", name: "Dinas Kesehatan", orgUnitPath: "/OPD/Dinkes", group: "", ccEmail: "" },
];

const ctx: ChangeContext = { domain: DOMAIN, opds: OPDS, today: { year: 2026, month: 12, day: 7 } };

const base: ChangeAnswers = {
  address: ADDRESS,
  nip: NIP,
  letterNumber: "800/123/BKPSDM/2026",
  letterDate: "01/12/2026",
  effectiveDate: "07/12/2026",
};

function validate(kind: ChangeKind, over: Partial<ChangeAnswers> = {}) {
  return validateChange(kind, { ...base, ...over }, ctx);
}

function codes(kind: ChangeKind, over: Partial<ChangeAnswers> = {}): string[] {
  return validate(kind, over).problems.map((p) => `${p.field}:${p.code}`);
}

describe("validateChange: what every change needs", () => {
  it("accepts a complete departure and normalises it", () => {
    const { request, problems } = validate("berhenti", {
      address: " Ahmad.Fauzi ",
      nip: "19850330 201001 1 002",
      leaveReason: "Meninggal dunia",
      effectiveDate: "2 Januari 2027",
    });
    expect(problems).toEqual([]);
    expect(request).toMatchObject({
      kind: "berhenti",
      address: ADDRESS,
      nip: NIP,
      letterNumber: "800/123/BKPSDM/2026",
      letterDate: "2026-12-01",
      reason: "meninggal",
      effectiveDate: "2027-01-02",
    });
  });

  it("refuses a request without the OPD's letter number or date, with a clear Indonesian message", () => {
    const { problems } = validate("berhenti", {
      letterNumber: " ",
      letterDate: "",
      leaveReason: "pensiun",
      effectiveDate: "2026-12-31",
    });
    expect(problems.map((p) => p.field)).toEqual(["letterNumber", "letterDate"]);
    expect(tx("id", problems[0]!.code, problems[0]!.params)).toContain(
      "Nomor surat pengantar OPD wajib diisi",
    );
    expect(tx("id", problems[1]!.code, problems[1]!.params)).toBe("Tanggal surat pengantar OPD wajib diisi.");
  });

  it("checks the letter: a number has digits, a date is real, past and not stale", () => {
    expect(codes("aktif_kembali", { letterNumber: "surat dari OPD" })).toEqual([
      "letterNumber:change.letter.number_invalid",
    ]);
    expect(codes("aktif_kembali", { letterDate: "31/02/2026" })).toEqual([
      "letterDate:change.date.unreadable",
    ]);
    expect(codes("aktif_kembali", { letterDate: "2026-12-08" })).toEqual([
      "letterDate:change.letter.date_future",
    ]);
    expect(codes("aktif_kembali", { letterDate: "2025-12-01" })).toEqual([
      "letterDate:change.letter.date_old",
    ]);
    expect(codes("aktif_kembali", { letterDate: "2025-12-07" })).toEqual([]);
  });

  it("wants the account on the office domain and a valid NIP or NI PPPK", () => {
    expect(codes("aktif_kembali", { address: "ahmad@gmail.com" })).toEqual([
      "address:change.address.invalid",
    ]);
    expect(codes("aktif_kembali", { address: "" })).toEqual(["address:change.address.required"]);
    expect(codes("aktif_kembali", { nip: "" })).toEqual(["nip:change.nip.required"]);
    expect(codes("aktif_kembali", { nip: "1985033020100110" })).toEqual(["nip:nip.length"]);
  });

  it("name change: the name rules of the application (titles apart, directory given and family names)", () => {
    const ok = validate("ubah_nama", { newName: "dr. siti rahmawati putri, Sp.A." });
    expect(ok.problems).toEqual([]);
    expect(ok.request.newName).toEqual({
      fullName: "dr. Siti Rahmawati Putri, Sp.A",
      givenName: "Siti Rahmawati",
      familyName: "Putri",
    });
    expect(codes("ubah_nama", { newName: "" })).toEqual(["newName:change.name.required"]);
    expect(codes("ubah_nama", { newName: "Dr. H." })).toEqual(["newName:name.no_name"]);
    expect(codes("ubah_nama", { newName: "Siti R4hma" })).toEqual(["newName:name.chars"]);
  });

  it("OPD move: the target comes from the OPD list with its org unit and group", () => {
    const ok = validate("pindah_opd", { targetOpd: "Badan Perencanaan Pembangunan Daerah (BAPPEDA)" });
    expect(ok.problems).toEqual([]);
    expect(ok.request.targetOpd).toEqual({
      code: "BAPPEDA",
      name: "Badan Perencanaan Pembangunan Daerah",
      orgUnitPath: "/OPD/Bappeda",
      group: `bappeda@${DOMAIN}`,
    });
    expect(codes("pindah_opd", { targetOpd: "Dinas Pariwisata" })).toEqual(["targetOpd:change.opd.unknown"]);
    expect(codes("pindah_opd")).toEqual(["targetOpd:change.opd.required"]);
  });

  it("departure: a known reason and an effective date no further than a year ahead", () => {
    expect(codes("berhenti", { leaveReason: "", effectiveDate: "" })).toEqual([
      "leaveReason:change.reason.required",
      "effectiveDate:change.effective.required",
    ]);
    expect(codes("berhenti", { leaveReason: "cuti", effectiveDate: "2026-12-31" })).toEqual([
      "leaveReason:change.reason.unknown",
    ]);
    expect(codes("berhenti", { leaveReason: "pensiun", effectiveDate: "2028-01-31" })).toEqual([
      "effectiveDate:change.effective.too_far",
    ]);
    // A past effective date (a death reported late) is accepted: the suspension is then due at once.
    expect(codes("berhenti", { leaveReason: "Mutasi keluar", effectiveDate: "2026-10-01" })).toEqual([]);
  });

  it("reads the reasons of leaving in both languages", () => {
    for (const r of ["mutasi_keluar", "pensiun", "meninggal"] as const) {
      expect(parseDepartureReason(tx("id", `change.reason.${r}`))).toBe(r);
      expect(parseDepartureReason(tx("en", `change.reason.${r}`))).toBe(r);
    }
    expect(parseDepartureReason("cuti besar")).toBeNull();
  });
});

function record(over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    primaryEmail: ADDRESS,
    suspended: false,
    recoveryEmail: "ahmad.fauzi85@gmail.com",
    orgUnitPath: "/OPD/Diskominfo",
    name: { givenName: "Ahmad", familyName: "Fauzi" },
    externalIds: [
      { type: "organization", value: NIP },
      { type: "custom", customType: TICKET_ID_TYPE, value: "SRL-2611-0001" },
    ],
    ...over,
  };
}

function request(kind: ChangeKind, over: Partial<ChangeAnswers> = {}): ChangeRequest {
  const { request: r, problems } = validate(kind, over);
  expect(problems).toEqual([]);
  return r;
}

function facts(over: Partial<PlanFacts> = {}): PlanFacts {
  return {
    record: record(),
    groups: [`diskominfo@${DOMAIN}`],
    opds: OPDS,
    today: "2026-12-07",
    noted: null,
    ...over,
  };
}

describe("planChange: the directory first, then only what is still to do", () => {
  it("refuses an account that is missing, an alias, an administrator's, or another NIP's", () => {
    const r = request("ubah_nama", { newName: "Ahmad Fauzan" });
    expect(planChange(r, facts({ record: null })).refusal?.code).toBe("change.refuse.no_account");
    expect(
      planChange(r, facts({ record: record({ primaryEmail: `a.fauzi@${DOMAIN}` }) })).refusal?.code,
    ).toBe("change.refuse.alias");
    expect(planChange(r, facts({ record: record({ isAdmin: true }) })).refusal?.code).toBe(
      "change.refuse.admin",
    );
    const other = record({ externalIds: [{ type: "organization", value: OTHER_NIP }] });
    const plan = planChange(r, facts({ record: other }));
    expect(plan.verdict).toBe("refuse");
    expect(plan.refusal?.code).toBe("change.refuse.nip");
    expect(plan.steps).toEqual([]);
  });

  it("name change: one update with the new names; none when the directory already has them", () => {
    const r = request("ubah_nama", { newName: "Ahmad Fauzan Hakim" });
    expect(planChange(r, facts()).steps).toEqual([
      { op: "update", patch: { name: { givenName: "Ahmad Fauzan", familyName: "Hakim" } } },
    ]);
    const again = planChange(
      r,
      facts({ record: record({ name: { givenName: "Ahmad Fauzan", familyName: "Hakim" } }) }),
    );
    expect(again.verdict).toBe("done");
    expect(again.steps).toEqual([]);
    expect(again.found.map((f) => f.code)).toEqual(["change.found.name"]);
  });

  it("OPD move: org unit, leaves the other OPDs' groups only, joins the new OPD's group", () => {
    const r = request("pindah_opd", { targetOpd: "BAPPEDA" });
    const plan = planChange(r, facts({ groups: [`diskominfo@${DOMAIN}`, `semua-asn@${DOMAIN}`] }));
    expect(plan.steps).toEqual([
      { op: "update", patch: { orgUnitPath: "/OPD/Bappeda" } },
      { op: "leave", group: `diskominfo@${DOMAIN}` },
      { op: "join", group: `bappeda@${DOMAIN}` },
    ]);
    const resumed = planChange(
      r,
      facts({
        record: record({ orgUnitPath: "/OPD/Bappeda" }),
        groups: [`bappeda@${DOMAIN}`, `semua-asn@${DOMAIN}`],
      }),
    );
    expect(resumed.verdict).toBe("done");
    expect(resumed.found.map((f) => f.code)).toEqual(["change.found.org_unit", "change.found.group"]);
    expect(planChange(r, facts({ record: record({ suspended: true }) })).refusal?.code).toBe(
      "change.refuse.suspended",
    );
    // A move dated later waits for its day as a departure does.
    const later = request("pindah_opd", { targetOpd: "BAPPEDA", effectiveDate: "2027-01-04" });
    expect(planChange(later, facts()).verdict).toBe("wait");
  });

  it("departure: waits for its effective date, then suspends once and leaves every group noted first", () => {
    const r = request("berhenti", { leaveReason: "pensiun", effectiveDate: "2027-01-01" });
    const groups = [`diskominfo@${DOMAIN}`, `semua-asn@${DOMAIN}`];
    const early = planChange(r, facts({ groups, today: "2026-12-31" }));
    expect(early.verdict).toBe("wait");
    expect(early.steps).toEqual([]);
    const due = planChange(r, facts({ groups, today: "2027-01-01" }));
    expect(due.verdict).toBe("apply");
    expect(due.notedGroups).toEqual(groups);
    expect(due.steps).toEqual([
      { op: "update", patch: { suspended: true } },
      { op: "leave", group: groups[0] },
      { op: "leave", group: groups[1] },
    ]);
    // Resumed after the update and one leave: no second update, the first note kept.
    const resumed = planChange(
      r,
      facts({
        record: record({ suspended: true }),
        groups: [groups[1]!],
        today: "2027-01-02",
        noted: groups,
      }),
    );
    expect(resumed.steps).toEqual([{ op: "leave", group: groups[1] }]);
    expect(resumed.notedGroups).toEqual(groups);
    expect(resumed.found.map((f) => f.code)).toEqual(["change.found.suspended"]);
    const finished = planChange(
      r,
      facts({ record: record({ suspended: true }), groups: [], noted: groups, today: "2027-01-02" }),
    );
    expect(finished.verdict).toBe("done");
  });

  it("reactivation: unsuspends and rejoins the noted groups; Google's own suspension is refused", () => {
    const r = request("aktif_kembali");
    const noted = [`diskominfo@${DOMAIN}`, `semua-asn@${DOMAIN}`];
    const suspended = record({ suspended: true, suspensionReason: "ADMIN" });
    const plan = planChange(r, facts({ record: suspended, groups: [], noted }));
    expect(plan.steps).toEqual([
      { op: "update", patch: { suspended: false } },
      { op: "join", group: noted[0] },
      { op: "join", group: noted[1] },
    ]);
    const abuse = planChange(
      r,
      facts({ record: record({ suspended: true, suspensionReason: "ABUSE" }), noted }),
    );
    expect(abuse.refusal?.code).toBe("change.refuse.google_suspension");
    // Nothing noted (suspended outside surel, e.g. by an administrator after a compromise): refused.
    const manual = planChange(r, facts({ record: suspended, groups: [], noted: null }));
    expect(manual.verdict).toBe("refuse");
    expect(manual.refusal?.code).toBe("change.refuse.not_recorded");
    // An active account: refused (a new password for it is a reset, with the reset's checks).
    const active = planChange(r, facts({ groups: noted, noted }));
    expect(active.verdict).toBe("refuse");
    expect(active.refusal?.code).toBe("change.refuse.not_suspended");
  });
});

describe("dates and noted groups", () => {
  it("the effective day begins at the office's midnight", () => {
    expect(new Date(dayStartMs("2027-01-01", 420)).toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(new Date(dayStartMs("2027-01-01", 540)).toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });

  it("the noted groups survive a round trip through a cell; '-' is 'noted, none'", () => {
    const groups = [`diskominfo@${DOMAIN}`, `semua-asn@${DOMAIN}`];
    expect(parseGroups(formatGroups(groups))).toEqual(groups);
    expect(parseGroups(formatGroups([]))).toEqual([]);
    expect(parseGroups("")).toBeNull();
  });
});

describe("the request in the register", () => {
  it("reads back what it wrote, the OPD as the settings name it now", () => {
    const move = request("pindah_opd", { targetOpd: "bappeda", effectiveDate: "2027-01-04" });
    const cell = formatChangeDetails(move);
    expect(cell).toBe(
      "OPD tujuan: BAPPEDA\nberlaku: 2027-01-04\nsurat OPD: 800/123/BKPSDM/2026 · 2026-12-01",
    );
    const renamed = OPDS.map((o) => (o.code === "BAPPEDA" ? { ...o, orgUnitPath: "/OPD/Bappeda-baru" } : o));
    expect(changeFromDetails("pindah_opd", { address: ADDRESS, nip: NIP, details: cell }, renamed)).toEqual({
      ...move,
      targetOpd: { ...move.targetOpd, orgUnitPath: "/OPD/Bappeda-baru" },
    });
    for (const r of [
      request("ubah_nama", { newName: "Dr. Ahmad Fauzan Hakim, S.T." }),
      request("berhenti", { leaveReason: "pensiun", effectiveDate: "2027-01-01" }),
      request("aktif_kembali"),
    ]) {
      expect(
        changeFromDetails(r.kind, { address: r.address, nip: r.nip, details: formatChangeDetails(r) }, OPDS),
      ).toEqual(r);
    }
  });

  it("a cell this program did not write (or without the letter) gives no request", () => {
    expect(
      changeFromDetails(
        "berhenti",
        { address: ADDRESS, nip: NIP, details: "alasan: pensiun\nberlaku: 2027-01-01" },
        OPDS,
      ),
    ).toBeNull();
    expect(
      changeFromDetails(
        "pindah_opd",
        {
          address: ADDRESS,
          nip: NIP,
          details: "OPD tujuan: DISPAR\nberlaku: 2027-01-01\nsurat OPD: 1/2 · 2026-12-01",
        },
        OPDS,
      ),
    ).toBeNull();
  });

  it("describes the steps for the log", () => {
    expect(
      describeSteps(
        [
          { op: "update", patch: { suspended: true } },
          { op: "leave", group: `diskominfo@${DOMAIN}` },
        ],
        "id",
      ),
    ).toBe(
      `${tx("id", "change.step.suspend")}; ${tx("id", "change.step.leave", { group: `diskominfo@${DOMAIN}` })}`,
    );
  });
});
