/** The register codec (src/workspace/registercodec.ts): pure, so it is tested here with the domain. */
import { describe, expect, it } from "vitest";
import {
  cellEpochMs,
  cellNumber,
  cellText,
  decodeAccountType,
  decodeRegisterRow,
  encodeRegister,
  type RegisterRecord,
} from "../../src/workspace/registercodec.js";
import { REGISTER_COLUMNS, type RegisterKey } from "../../src/workspace/schema.js";
import type { Cell, Row } from "../../src/workspace/table.js";

const STAGES = [
  { key: "kadis", label: "Kepala Dinas" },
  { key: "staf", label: "Staf" },
];

function emptyRow(): Row<RegisterKey> {
  const row = {} as Row<RegisterKey>;
  for (const c of REGISTER_COLUMNS) row[c.key] = "";
  return row;
}

/** What the sheet stores for written cells: a guarding apostrophe is not part of the value. */
function stored(cells: Partial<Row<RegisterKey>>): Row<RegisterKey> {
  const row = emptyRow();
  for (const [k, v] of Object.entries(cells) as [RegisterKey, Cell][])
    row[k] = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
  return row;
}

const full: RegisterRecord = {
  ticket: "SRL-2611-0007",
  receivedMs: Date.parse("2026-11-22T02:00:00Z"),
  status: "diproses",
  stage: "Kepala Dinas",
  stageKey: "kadis",
  responsible: ["kadis@dinas.go.id", "wakil@dinas.go.id"],
  action: "",
  note: "",
  dueMs: Date.parse("2026-11-24T02:00:00Z"),
  fullName: "Dr. Ahmad Fauzi, S.T.",
  name: "Ahmad Fauzi",
  asnStatus: "PPPK",
  nip: "198503302010011002",
  nik: "3201011503850001",
  position: "Analis",
  opd: "Dinas Kominfo",
  phone: "+6281234567890",
  personalEmail: "ahmad@example.com",
  accountType: "unit",
  unitCode: "DISKOMINFO",
  unitName: "Dinas Komunikasi",
  wish: "ahmad.fauzi",
  requestLetter: "800/12/2026, 2026-11-20",
  previousTicket: "",
  problems: "",
  duplicate: "aman",
  address: "ahmad.fauzi@dinas.go.id",
  addressRecorded: "",
  provisioning: "",
  createdMs: null,
  letterNumber: "",
  letterSentMs: null,
  archive: "",
  stageTimes: "",
  stageEnteredMs: Date.parse("2026-11-22T02:00:00Z"),
  responseRow: 12,
  lastLogSeq: 40,
  updatedMs: Date.parse("2026-11-22T03:00:00Z"),
  serviceTotal: "",
  reminders: "",
  dataDigest: "0123456789abcdef",
  batch: "",
  dupKeys: "198503302010011002|ahmad.fauzi",
  requestType: "akun_baru",
  changeDetails: "",
  notedGroups: "",
};

describe("decodeRegisterRow", () => {
  it("decodes every column of an empty row to its safe default", () => {
    const rec = decodeRegisterRow(emptyRow());
    expect(rec.status).toBe("baru");
    expect(rec.accountType).toBe("");
    expect(rec.asnStatus).toBe("");
    expect(rec.receivedMs).toBeNull();
    expect(rec.responsible).toEqual([]);
    expect(rec.responseRow).toBe(0);
    expect(rec.requestType).toBe("akun_baru");
    expect(rec.ticket).toBe("");
    // Every field of the record is present.
    expect(Object.keys(rec).sort()).toEqual(Object.keys(full).sort());
  });

  it("never throws on malformed cells, and does not invent values", () => {
    const row = {
      ...emptyRow(),
      status: "SELESAI?",
      receivedAt: new Date(NaN),
      dueAt: "besok",
      responseRow: "dua belas",
      lastLogSeq: Number.NaN,
      accountType: "Entah",
      asnStatus: 42,
      requestType: "sesuatu yang lain",
      ticket: 1234,
      createdAt: true,
    } as unknown as Row<RegisterKey>;
    const rec = decodeRegisterRow(row);
    expect(rec).toMatchObject({
      status: "baru",
      receivedMs: null,
      dueMs: null,
      createdMs: null,
      responseRow: 0,
      lastLogSeq: 0,
      accountType: "",
      asnStatus: "",
      requestType: null,
      ticket: "1234",
    });
    expect(decodeRegisterRow({})).toMatchObject({ ticket: "", status: "baru", updatedMs: null });
  });

  it("reads the account type label of either language and the codes", () => {
    expect(
      ["Pribadi", "Personal", "pribadi", "Unit Kerja", "Work unit", "unit", ""].map(decodeAccountType),
    ).toEqual(["pribadi", "pribadi", "pribadi", "unit", "unit", "unit", ""]);
  });
});

describe("encodeRegister", () => {
  it("round-trips a whole record through the cells, in either language", () => {
    for (const language of ["id", "en"] as const) {
      const cells = stored(encodeRegister(full, { language, stages: STAGES }));
      expect(decodeRegisterRow(cells)).toEqual(full);
    }
  });

  it("writes labels in the office language, dates as Date cells, and only the fields given", () => {
    const id = encodeRegister(
      { accountType: "unit", asnStatus: "NON_ASN", createdMs: 0, letterSentMs: null },
      { language: "id" },
    );
    expect(Object.keys(id).sort()).toEqual(["accountType", "asnStatus", "createdAt", "letterSentAt"]);
    expect(id.accountType).toBe("Unit Kerja");
    expect(id.createdAt).toEqual(new Date(0));
    expect(id.letterSentAt).toBe("");
    expect(encodeRegister({ accountType: "pribadi" }, { language: "en" }).accountType).toBe("Personal");
  });

  it("derives the stage label from the stage key and the request type's register text", () => {
    expect(encodeRegister({ stageKey: "staf" }, { language: "id", stages: STAGES })).toEqual({
      stageKey: "staf",
      stage: "Staf",
    });
    expect(encodeRegister({ stageKey: "" }, { language: "id", stages: STAGES })).toEqual({
      stageKey: "",
      stage: "",
    });
    expect(encodeRegister({ requestType: "reset_sandi" }, { language: "id" })).toEqual({
      requestType: "reset kata sandi",
    });
    expect(encodeRegister({ requestType: null }, { language: "id" })).toEqual({});
  });

  it("guards what a person typed: never a formula, identifiers never numbers", () => {
    const out = encodeRegister(
      { name: '=HYPERLINK("x")', nip: "1985 0330", phone: "+628123", requestLetter: "12/2026" },
      { language: "id" },
    );
    expect(out.name).toBe('\'=HYPERLINK("x")');
    expect(out.nip).toBe("'1985 0330");
    expect(out.phone).toBe("+628123");
    expect(out.requestLetter).toBe("'12/2026");
  });
});

describe("cells", () => {
  it("reads text, dates and numbers totally", () => {
    const cells: Cell[] = ["a", 3, true, new Date(5)];
    expect(cells.map(cellText)).toEqual(["a", "3", "true", new Date(5).toISOString()]);
    expect(cellText(undefined)).toBe("");
    expect(cellEpochMs(new Date(7))).toBe(7);
    expect(cellEpochMs(7)).toBe(7);
    expect(cellEpochMs("2026-11-22T09:00:00+07:00")).toBe(Date.parse("2026-11-22T02:00:00Z"));
    expect(cellEpochMs("22/11/2026")).toBeNull();
    expect(cellNumber(" 12 ")).toBe(12);
    expect(cellNumber(Infinity)).toBe(0);
  });
});
