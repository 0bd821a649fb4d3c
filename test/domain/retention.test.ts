import { describe, expect, test } from "vitest";
import { localDateKey } from "../../src/domain/dates.js";
import { QUESTIONS, questionTitle, SYSTEM_TITLES, type FieldKey } from "../../src/domain/form.js";
import {
  batchListDueMs,
  problemsWithoutData,
  type BatchListFacts,
  ALWAYS_ERASED,
  batches,
  closedAtMs,
  DAY_MS,
  erasableFields,
  erasedValues,
  erasureMarker,
  ERASED_WITHOUT_ACCOUNT,
  holdsData,
  isErasureMarker,
  PERSONAL_FIELDS,
  provisioningPending,
  responseColumnsToErase,
  retentionVerdict,
  rowRuns,
  type RetentionFacts,
} from "../../src/domain/retention.js";
import { STATUSES } from "../../src/domain/request.js";
import { REGISTER_COLUMNS } from "../../src/workspace/schema.js";

const NOW = Date.UTC(2028, 10, 23, 3, 0, 0);
const DAYS = 730;

function facts(over: Partial<RetentionFacts> = {}): RetentionFacts {
  return {
    status: "ditolak",
    updatedMs: NOW - (DAYS + 1) * DAY_MS,
    otherDatesMs: [],
    provisioningLabel: "",
    letterSentMs: 0,
    accountCreated: false,
    values: {
      fullName: "Dr. Ahmad Fauzi, S.T.",
      name: "Ahmad Fauzi",
      nip: "198503302010011002",
      nik: "",
      position: "Analis",
      phone: "+6281234567890",
      personalEmail: "ahmad@gmail.com",
      wish: "",
      requestLetter: "800/1/X/2026, 2026-11-20",
      problems: "",
      duplicate: "aman",
      address: "ahmad.fauzi@contohkota.go.id",
      addressRecorded: "ahmad.fauzi@contohkota.go.id",
    },
    ...over,
  };
}

describe("the marker", () => {
  test("says erased and when, in the office language", () => {
    expect(erasureMarker("id", "2028-11-23")).toBe("[dihapus 2028-11-23]");
    expect(erasureMarker("en", "2028-11-23")).toBe("[erased 2028-11-23]");
  });

  test("is recognised in either language, and nothing else is", () => {
    expect(isErasureMarker("[dihapus 2028-11-23]")).toBe(true);
    expect(isErasureMarker(" [erased 2028-11-23] ")).toBe(true);
    for (const other of [
      "",
      "[dihapus]",
      "dihapus 2028-11-23",
      "[dihapus 2028-1-3]",
      "[dihapus 2028-11-23] x",
      "Budi [dihapus 2028-11-23]",
      "198503302010011002",
    ]) {
      expect(isErasureMarker(other), other).toBe(false);
    }
    expect(isErasureMarker(20281123)).toBe(false);
  });

  test("a cell holds data unless it is empty or a marker already", () => {
    expect(holdsData("x")).toBe(true);
    expect(holdsData(0)).toBe(true);
    expect(holdsData(new Date(NOW))).toBe(true);
    expect(holdsData("")).toBe(false);
    expect(holdsData("   ")).toBe(false);
    expect(holdsData(null)).toBe(false);
    expect(holdsData(undefined)).toBe(false);
    expect(holdsData("[dihapus 2028-11-23]")).toBe(false);
  });

  test("dates are the office's local day", () => {
    // 23:30 UTC is already the next day in WIB (+7).
    expect(localDateKey(Date.UTC(2028, 10, 22, 23, 30), 420)).toBe("2028-11-23");
    expect(localDateKey(Date.UTC(2028, 10, 22, 23, 30), 0)).toBe("2028-11-22");
  });
});

describe("the personal fields", () => {
  test("are register columns, each listed once", () => {
    const keys = REGISTER_COLUMNS.map((c) => c.key as string);
    for (const f of PERSONAL_FIELDS) expect(keys, f).toContain(f);
    expect(new Set(PERSONAL_FIELDS).size).toBe(PERSONAL_FIELDS.length);
  });

  test("identity numbers and contacts always go; the name and address only without an account", () => {
    for (const k of ["nip", "nik", "phone", "personalEmail", "position", "requestLetter"] as const) {
      expect(ALWAYS_ERASED).toContain(k);
    }
    expect(erasableFields(true)).toEqual([...ALWAYS_ERASED]);
    expect(erasableFields(false)).toEqual([...ALWAYS_ERASED, ...ERASED_WITHOUT_ACCOUNT]);
    expect(ERASED_WITHOUT_ACCOUNT).toEqual(["fullName", "name", "address", "addressRecorded"]);
  });

  test("the archive columns are never erased", () => {
    for (const k of [
      "ticket",
      "status",
      "opd",
      "letterNumber",
      "receivedAt",
      "createdAt",
      "letterSentAt",
      "updatedAt",
      "note",
    ]) {
      expect(PERSONAL_FIELDS as readonly string[]).not.toContain(k);
    }
  });

  test("each erased field gets the marker", () => {
    expect(erasedValues(["nip", "phone"], "[dihapus 2028-11-23]")).toEqual({
      nip: "[dihapus 2028-11-23]",
      phone: "[dihapus 2028-11-23]",
    });
  });
});

describe("which rows are due", () => {
  test("open requests never are, whatever their age", () => {
    for (const status of STATUSES.filter((s) => s !== "selesai" && s !== "ditolak")) {
      expect(retentionVerdict(facts({ status, updatedMs: 1 }), DAYS, NOW), status).toEqual({ kind: "open" });
    }
    expect(retentionVerdict(facts({ status: "unknown" }), DAYS, NOW)).toEqual({ kind: "open" });
  });

  test("a rejected request is kept for the retention period, then everything personal goes", () => {
    const closed = NOW - DAYS * DAY_MS;
    expect(retentionVerdict(facts({ updatedMs: closed }), DAYS, NOW)).toEqual({
      kind: "retained",
      closedMs: closed,
      dueMs: NOW,
    });
    const v = retentionVerdict(facts({ updatedMs: closed - 1 }), DAYS, NOW);
    expect(v).toEqual({
      kind: "due",
      closedMs: closed - 1,
      accountGiven: false,
      // Only the fields that hold something (NIK, wish and problems were empty).
      fields: [
        "nip",
        "position",
        "phone",
        "personalEmail",
        "requestLetter",
        "duplicate",
        "fullName",
        "name",
        "address",
        "addressRecorded",
      ],
    });
  });

  test("a finished request keeps the name and the address", () => {
    const v = retentionVerdict(facts({ status: "selesai", provisioningLabel: "kedaluwarsa" }), DAYS, NOW);
    expect(v).toMatchObject({ kind: "due", accountGiven: true });
    if (v.kind !== "due") throw new Error("not due");
    expect(v.fields).not.toContain("name");
    expect(v.fields).not.toContain("address");
    expect(v.fields).toContain("nip");
  });

  test("a rejected request whose account was already created keeps its name too", () => {
    const v = retentionVerdict(facts({ accountCreated: true, provisioningLabel: "gagal" }), DAYS, NOW);
    expect(v).toMatchObject({ kind: "due", accountGiven: true });
  });

  test("a row erased before, or with nothing personal in it, is done", () => {
    const m = "[dihapus 2027-01-01]";
    const erased = Object.fromEntries(PERSONAL_FIELDS.map((k) => [k, m]));
    expect(retentionVerdict(facts({ values: erased }), DAYS, NOW)).toEqual({ kind: "erased" });
    expect(retentionVerdict(facts({ values: {} }), DAYS, NOW)).toEqual({ kind: "erased" });
    // A finished request's kept name does not count as left to erase.
    const finished = { ...erased, fullName: "Ahmad Fauzi", name: "Ahmad Fauzi", address: "a@b.go.id" };
    expect(retentionVerdict(facts({ status: "selesai", values: finished }), DAYS, NOW)).toEqual({
      kind: "erased",
    });
    // A field left over (e.g. a marker overwritten by hand) is erased again.
    expect(retentionVerdict(facts({ values: { ...erased, phone: "0812" } }), DAYS, NOW)).toMatchObject({
      kind: "due",
      fields: ["phone"],
    });
  });

  test("without Diperbarui, the latest date of the row counts; without any date nothing is erased", () => {
    expect(closedAtMs({ updatedMs: 5, otherDatesMs: [9] })).toBe(5);
    expect(closedAtMs({ updatedMs: 0, otherDatesMs: [3, 9, 0] })).toBe(9);
    expect(closedAtMs({ updatedMs: 0, otherDatesMs: [] })).toBe(0);
    const old = NOW - (DAYS + 10) * DAY_MS;
    const recent = NOW - 10 * DAY_MS;
    expect(retentionVerdict(facts({ updatedMs: 0, otherDatesMs: [old, recent] }), DAYS, NOW).kind).toBe(
      "retained",
    );
    expect(retentionVerdict(facts({ updatedMs: 0, otherDatesMs: [old] }), DAYS, NOW).kind).toBe("due");
    expect(retentionVerdict(facts({ updatedMs: 0, otherDatesMs: [0] }), DAYS, NOW)).toEqual({
      kind: "undated",
    });
  });

  test("a finished request waits while provisioning still needs the personal address", () => {
    const at = (provisioningLabel: string, letterSentMs = 0) =>
      retentionVerdict(facts({ status: "selesai", provisioningLabel, letterSentMs }), DAYS, NOW).kind;
    // The unused-credential check will mail the applicant; a reissue, a run to resume.
    expect(at("selesai", NOW - 800 * DAY_MS)).toBe("waiting");
    for (const label of ["diminta ulang", "menunggu kuota", "menunggu ulang", "membuat", "mengirim"]) {
      expect(at(label), label).toBe("waiting");
    }
    for (const label of ["digunakan", "kedaluwarsa", "gagal", ""]) expect(at(label), label).toBe("due");
    // A letter never recorded as sent is never checked: nothing to wait for.
    expect(at("selesai")).toBe("due");
    // A rejected request has no letter to wait for.
    expect(retentionVerdict(facts({ provisioningLabel: "menunggu ulang" }), DAYS, NOW).kind).toBe("due");
    expect(provisioningPending({ provisioningLabel: "kedaluwarsa", letterSentMs: 1 })).toBe(false);
  });
});

describe("the form responses sheet", () => {
  const titles = (lang: "id" | "en") => QUESTIONS.map((q) => questionTitle(q.key, lang));
  const keptIds = (headers: string[], given: boolean) =>
    headers.filter((_, i) => !responseColumnsToErase(headers, given)[i]);
  const kept = (keys: FieldKey[], lang: "id" | "en" = "id") => keys.map((k) => questionTitle(k, lang));

  test("keeps the timestamp and the archive answers, erases the rest", () => {
    const headers = ["Timestamp", ...titles("id")];
    expect(keptIds(headers, false)).toEqual([
      "Timestamp",
      ...kept(["status", "opd", "accountType", "unitName", "unitAcronym", "previousTicket", "statement"]),
    ]);
    expect(responseColumnsToErase(headers, false)[headers.indexOf(questionTitle("nip", "id"))]).toBe(true);
  });

  test("keeps the name when an account was given", () => {
    const headers = ["Timestamp", ...titles("id")];
    expect(keptIds(headers, true)).toEqual([
      "Timestamp",
      ...kept(["fullName", "titlesBefore", "titlesAfter", "status", "opd", "accountType"]),
      ...kept(["unitName", "unitAcronym", "previousTicket", "statement"]),
    ]);
  });

  test("English titles map the same way", () => {
    const headers = ["Timestamp", ...titles("en")];
    expect(keptIds(headers, false)).toEqual([
      "Timestamp",
      ...kept(
        ["status", "opd", "accountType", "unitName", "unitAcronym", "previousTicket", "statement"],
        "en",
      ),
    ]);
  });

  test("the collected e-mail and unknown columns are erased; the score and blank headers stay", () => {
    const headers = [
      SYSTEM_TITLES.timestamp[1],
      SYSTEM_TITLES.email[0],
      "Unggah surat permohonan",
      "Skor",
      "",
    ];
    expect(responseColumnsToErase(headers, true)).toEqual([false, true, true, false, false]);
  });
});

describe("batches", () => {
  test("consecutive rows make one run", () => {
    expect(rowRuns([7, 3, 4, 5, 9, 10, 4])).toEqual([
      { start: 3, count: 3 },
      { start: 7, count: 1 },
      { start: 9, count: 2 },
    ]);
    expect(rowRuns([])).toEqual([]);
  });

  test("a batch holds at most so many rows and runs", () => {
    expect(batches([1, 2, 3, 4, 5], 2, 10)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([2, 4, 6, 7, 9], 100, 2)).toEqual([
      [2, 4],
      [6, 7, 9],
    ]);
    expect(batches([9, 2, 3], 100, 1)).toEqual([[2, 3], [9]]);
    const many = Array.from({ length: 250 }, (_, i) => 2 + i * 2);
    const out = batches(many, 100, 10);
    expect(out.flat()).toEqual(many);
    for (const b of out) {
      expect(b.length).toBeLessThanOrEqual(100);
      expect(rowRuns(b).length).toBeLessThanOrEqual(10);
    }
  });
});

describe("a bulk request's list (batchListDueMs)", () => {
  const summary = NOW - (DAYS + 2) * DAY_MS;
  const list = (over: Partial<BatchListFacts> = {}): BatchListFacts => ({
    summarySentMs: summary,
    createdMs: summary - 5 * DAY_MS,
    importPending: false,
    members: [facts()],
    ...over,
  });

  test("due retentionDays after the summary once every member is due or erased", () => {
    expect(batchListDueMs(list(), DAYS, NOW)).toBe(summary + DAYS * DAY_MS);
    const erased = facts({ values: {}, updatedMs: NOW }); // its erasure moved "Diperbarui" to now
    expect(batchListDueMs(list({ members: [erased, facts()] }), DAYS, NOW)).toBe(summary + DAYS * DAY_MS);
  });

  test("not while a member keeps its data, nor before the summary or during an import", () => {
    const recent = facts({ updatedMs: NOW - DAY_MS });
    const open = facts({ status: "diproses" });
    const waiting = facts({
      status: "selesai",
      provisioningLabel: "selesai",
      letterSentMs: NOW - 40 * DAY_MS,
    });
    for (const m of [recent, open, waiting, facts({ updatedMs: 0 })])
      expect(batchListDueMs(list({ members: [facts(), m] }), DAYS, NOW)).toBeNull();
    expect(batchListDueMs(list({ summarySentMs: 0 }), DAYS, NOW)).toBeNull();
    expect(batchListDueMs(list({ importPending: true }), DAYS, NOW)).toBeNull();
  });

  test("a batch without members counts from its creation", () => {
    const f = list({ members: [], summarySentMs: 0 });
    expect(batchListDueMs(f, DAYS, NOW)).toBe(f.createdMs + DAYS * DAY_MS);
    expect(batchListDueMs({ ...f, createdMs: 0 }, DAYS, NOW)).toBeNull();
  });
});

describe("a refused row's problems without its data (problemsWithoutData)", () => {
  test("the values typed become …; field titles and limits stay", () => {
    const text = problemsWithoutData(
      [
        { code: "email.invalid", params: { value: "ahmad.fauzi@gmial" } },
        { code: "field.required", params: { field: "NIK" } },
      ],
      "id",
    );
    expect(text).not.toContain("ahmad.fauzi");
    expect(text).toContain("\u201c\u2026\u201d");
    expect(text).toContain("NIK");
    expect(text.split("\n")).toHaveLength(2);
  });
});
