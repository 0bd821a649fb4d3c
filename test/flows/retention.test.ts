/**
 * Retention of personal data (UU PDP) on the built bundle: requests closed longer than
 * retensi_hari ago lose their personal fields in the register and in their rows of the form
 * responses sheet, with a marker in every erased cell and a system entry in the log; open and
 * recently closed requests are untouched; the pass runs once a day, a second pass changes nothing,
 * and its cost does not grow with the number of erased rows beyond a small constant per row.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { questionTitle } from "../../src/domain/form.js";
import { duplicateKeys } from "../../src/domain/duplicates.js";
import { REGISTER_COLUMNS, SHEET_NAMES, type RegisterKey } from "../../src/workspace/schema.js";
import { responseKey } from "../../src/workspace/register.js";
import type { ExecutionResult } from "gas-emulator";
import { scriptPropertiesOf, sheetToTable } from "gas-emulator/testkit";
import type { RetentionReport } from "../../src/flows/retention.js";
import {
  act,
  correctionOf,
  ADMIN,
  errorLog,
  log,
  mailsTo,
  records,
  register,
  sheet,
  submit,
  type Office,
  type RegisterRecord,
  adminRequest,
} from "./harness.js";
import {
  applicant,
  newRequest,
  provision,
  provisioningOffice,
  row,
  STAF,
  staffOnly,
} from "./provision-kit.js";
import { t as catalogue } from "../../src/domain/text/index.js";

const DAY = 86_400_000;
const RETENTION_DAYS = 30;
const MARKER = /^\[dihapus \d{4}-\d{2}-\d{2}\]$/;

function retentionOf(result: ExecutionResult): RetentionReport | undefined {
  return (result.returnValue as { retention?: RetentionReport }).retention;
}

async function sweep(office: Office, afterMs: number): Promise<ExecutionResult> {
  office.emu.ws.advance(afterMs);
  const result = await office.emu.run("sweep", { kind: "installable" });
  if (!result.ok) throw new Error(`sweep failed: ${result.error?.message}`);
  return result;
}

function responses(office: Office): string[][] {
  return sheetToTable(sheet(office, SHEET_NAMES.responses));
}

/** The response rows (1-based sheet rows) of a ticket, from the response index. */
function responseRowsOf(office: Office, ticket: string): number[] {
  return records(office, SHEET_NAMES.responseIndex)
    .filter((r) => r["Tiket"] === ticket)
    .map((r) => Number(r["Baris Respons"]));
}

function answersAt(office: Office, rowNumber: number): Record<string, string> {
  const [head = [], ...rows] = responses(office);
  const cells = rows[rowNumber - 2] ?? [];
  return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ""]));
}

const T = (key: Parameters<typeof questionTitle>[0]) => questionTitle(key, "id");

describe("erasing the personal data of requests closed long ago", () => {
  let office: Office;
  const people = {
    done: applicant(1),
    rejected: applicant(2),
    open: applicant(3),
    corrected: applicant(4),
    recent: applicant(5),
  };
  const t: Record<keyof typeof people, string> = {
    done: "",
    rejected: "",
    open: "",
    corrected: "",
    recent: "",
  };
  let before: { register: RegisterRecord[]; responses: string[][] };
  let result: ExecutionResult;

  beforeAll(async () => {
    office = await provisioningOffice({
      configure: (c) => {
        staffOnly(c);
        c.privacy.retentionDays = RETENTION_DAYS;
        c.privacy.unusedCredentialDays = 1;
      },
    });
    // Day 0: one account made, one request rejected, one left open, one corrected then rejected.
    t.done = await provision(office, people.done);
    t.rejected = await newRequest(office, people.rejected);
    await act(office, STAF, t.rejected, "Tolak", "Bukan pegawai OPD yang disebut.");
    t.open = await newRequest(office, people.open);
    t.corrected = await newRequest(office, { ...people.corrected, "NIP / NI PPPK": "198013302010012005" });
    expect(row(office, t.corrected).status).toBe("perlu perbaikan");
    await submit(office, {
      ...people.corrected,
      ...correctionOf(office, t.corrected, people.corrected["Surel pribadi"]!),
    });
    expect(row(office, t.corrected).status).toBe("baru");
    await act(office, STAF, t.corrected, "Tolak", "Permohonan ganda.");
    // Day 2: the unused temporary password is invalidated (the finished row changes again).
    await sweep(office, 2 * DAY);
    expect(row(office, t.done).provisioning).toMatch(/^kedaluwarsa/);
    // Day 22: a request rejected recently.
    office.emu.ws.advance(20 * DAY);
    t.recent = await newRequest(office, people.recent);
    await act(office, STAF, t.recent, "Tolak", "Data tidak lengkap.");
    before = { register: register(office), responses: responses(office) };
    // Day 37: the three requests closed on day 0 (the finished one last changed on day 2) are due.
    result = await sweep(office, 15 * DAY);
  }, 60_000);
  afterAll(async () => {
    await office?.emu.close();
  });

  test("the sweep reports the erased requests and their response rows", () => {
    const report = retentionOf(result)!;
    expect(report.ran).toBe(true);
    expect([...report.erased].sort()).toEqual([t.done, t.rejected, t.corrected].sort());
    expect(report.responseRows).toBe(4); // the corrected request has two
    expect(report.pending).toBe(0);
  });

  test("a finished request keeps its name, address, letter and dates; the rest is marked erased", () => {
    const now = row(office, t.done);
    const was = before.register.find((r) => r.ticket === t.done)!;
    for (const key of ["nip", "position", "phone", "personalEmail", "requestLetter", "duplicate"] as const) {
      expect(was[key]).not.toBe("");
      expect(now[key], key).toMatch(MARKER);
    }
    // Cells that were empty stay empty: nothing was there to erase.
    for (const key of ["nik", "wish", "problems"] as const) {
      expect(was[key], key).toBe("");
      expect(now[key], key).toBe("");
    }
    const kept: RegisterKey[] = [
      "ticket",
      "receivedAt",
      "status",
      "opd",
      "asnStatus",
      "accountType",
      "fullName",
      "name",
      "address",
      "addressRecorded",
      "provisioning",
      "createdAt",
      "letterNumber",
      "letterSentAt",
      "archive",
      "responseRow",
    ];
    for (const key of kept) expect(now[key], key).toBe(was[key]);
    expect(now.fullName).toContain("Sari");
  });

  test("a letter can no longer be reissued for an erased request: there is nobody to send it to", async () => {
    const asked = await adminRequest(office, ADMIN, "reissue", { ticket: t.done });
    const r = asked.results.pop()!;
    expect(r.ok).toBe(true);
    expect(r.returnValue).toMatchObject({ kind: "done", op: "reissue", ok: false });
    expect((r.returnValue as { result: string }).result).toContain(
      catalogue("id", "provision.reissue.erased"),
    );
    expect(row(office, t.done).provisioning).not.toMatch(/^diminta ulang/);
  });

  test("a rejected request loses its name and proposed address too", () => {
    const now = row(office, t.rejected);
    for (const key of [
      "fullName",
      "name",
      "address",
      "addressRecorded",
      "nip",
      "phone",
      "personalEmail",
    ] as const) {
      expect(now[key], key).toMatch(MARKER);
    }
    expect(now.status).toBe("ditolak");
    expect(now.opd).toBe("Dinas Komunikasi dan Informatika");
  });

  test("open and recently closed requests are untouched", () => {
    for (const ticket of [t.open, t.recent]) {
      const was = before.register.find((r) => r.ticket === ticket)!;
      // "Total vs Standar" is the sweep's live display of an open request's time, not its data.
      const { _row: _a, serviceTotal: _c, ...now } = row(office, ticket);
      const { _row: _b, serviceTotal: _d, ...then } = was;
      expect(now).toEqual(then);
    }
    for (const ticket of [t.open, t.recent]) {
      for (const r of responseRowsOf(office, ticket))
        expect(responses(office)[r - 1]).toEqual(before.responses[r - 1]);
    }
  });

  test("the form responses of erased requests keep only the archive answers", () => {
    const done = answersAt(office, responseRowsOf(office, t.done)[0]!);
    expect(done[T("fullName")]).toBe(people.done[T("fullName")]);
    expect(done[T("status")]).toBe("PNS");
    expect(done[T("opd")]).toBe("Dinas Komunikasi dan Informatika");
    for (const key of ["nip", "position", "phone", "personalEmail", "letterNumber", "letterDate"] as const) {
      expect(done[T(key)], key).toMatch(MARKER);
    }
    const rows = responseRowsOf(office, t.corrected);
    expect(rows).toHaveLength(2);
    for (const r of [...rows, ...responseRowsOf(office, t.rejected)]) {
      const a = answersAt(office, r);
      for (const key of ["fullName", "nip", "phone", "personalEmail"] as const)
        expect(a[T(key)], key).toMatch(MARKER);
      expect(a["Timestamp"]).not.toBe("");
    }
  });

  test("no identity number, phone or personal address of an erased request is left in either sheet or the log", () => {
    const text = JSON.stringify([responses(office), register(office), log(office)]);
    for (const who of [people.done, people.rejected, people.corrected]) {
      expect(text).not.toContain(who["NIP / NI PPPK"]!);
      expect(text).not.toContain(who["Surel pribadi"]!);
      expect(text).not.toContain(who["Nomor HP/WhatsApp"]!.replace(/\D/g, "").slice(1));
    }
    expect(text).toContain(people.open["NIP / NI PPPK"]!); // the positive control
  });

  test("each erasure is a system entry in the log, the chain verifies, and the register agrees with it", async () => {
    const entries = log(office).filter((e) => e.action === "hapus_data_pribadi");
    expect(entries.map((e) => e.ticket).sort()).toEqual([t.done, t.rejected, t.corrected].sort());
    for (const e of entries) {
      expect(e.actor).toBe("sistem");
      expect(e.from).toBe(e.to);
      expect(e.note).toContain(`${RETENTION_DAYS} hari`);
      expect(row(office, e.ticket).lastLogSeq).toBe(e.seq);
    }
    const verify = await office.emu.run("verifyLog");
    expect((verify.returnValue as { ok: boolean }).ok).toBe(true);
    const errors = errorLog(office).length;
    const next = await sweep(office, 10 * 60_000);
    expect((next.returnValue as { repaired: string[] }).repaired).toEqual([]);
    expect(errorLog(office)).toHaveLength(errors);
  });

  test("once a day; the next day's pass changes nothing more", async () => {
    const props = scriptPropertiesOf(office.emu.ws);
    expect(props.get("surel:retentionDay")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The same day: an idle sweep (nothing marked, nothing due) or a pass that does not run it again.
    const again = await sweep(office, 10 * 60_000);
    expect(retentionOf(again)?.ran ?? false).toBe(false);
    const snapshot = { register: register(office), responses: responses(office), log: log(office).length };
    const tomorrow = await sweep(office, DAY);
    expect(retentionOf(tomorrow)).toMatchObject({ ran: true, erased: [], responseRows: 0, pending: 0 });
    const data = (rows: RegisterRecord[]) => rows.map(({ serviceTotal: _live, ...rest }) => rest);
    expect(data(register(office))).toEqual(data(snapshot.register));
    expect(responses(office)).toEqual(snapshot.responses);
    expect(log(office)).toHaveLength(snapshot.log);
  });
});

describe("a finished request whose unused-credential check is still to come", () => {
  let office: Office;
  const who = applicant(11);
  let ticket: string;
  beforeAll(async () => {
    office = await provisioningOffice({
      configure: (c) => {
        staffOnly(c);
        c.privacy.retentionDays = RETENTION_DAYS;
        c.privacy.unusedCredentialDays = 40;
      },
    });
    ticket = await provision(office, who);
  }, 60_000);
  afterAll(async () => {
    await office?.emu.close();
  });

  test("waits for the check (which mails the applicant), then is erased a retention period later", async () => {
    const waiting = retentionOf(await sweep(office, 35 * DAY))!;
    expect(waiting).toMatchObject({ ran: true, erased: [], waiting: 1 });
    expect(row(office, ticket).personalEmail).toBe(who["Surel pribadi"]);

    const checked = await sweep(office, 6 * DAY);
    expect(row(office, ticket).provisioning).toMatch(/^kedaluwarsa/);
    expect(mailsTo(office, who["Surel pribadi"]!).pop()!.subject).toBe(
      catalogue("id", "provision.expired.subject", { address: row(office, ticket).address }),
    );
    // The check changed the row: the retention period runs from there.
    expect(retentionOf(checked)).toMatchObject({ erased: [], waiting: 0 });

    const later = await sweep(office, (RETENTION_DAYS + 1) * DAY);
    expect(retentionOf(later)!.erased).toEqual([ticket]);
    expect(row(office, ticket).personalEmail).toMatch(MARKER);
    expect(row(office, ticket).address).toMatch(/@contohkota\.go\.id$/);
  });
});

describe("response rows deleted or sorted by the owner", () => {
  let office: Office;
  const who = {
    first: applicant(21),
    closed: applicant(22),
    open: applicant(23),
    gone: applicant(24),
    next: applicant(25),
  };
  const t: Record<keyof typeof who, string> = { first: "", closed: "", open: "", gone: "", next: "" };
  let result: ExecutionResult;
  let before: Record<string, Record<string, string>>;
  let closedRow = 0;

  /** The response row whose personal e-mail answer is `email` (0 when none). */
  function responseRowOf(email: string): number {
    const at = responses(office).findIndex((cells) => cells.includes(email));
    return at < 1 ? 0 : at + 1;
  }

  beforeAll(async () => {
    office = await provisioningOffice({
      configure: (c) => {
        staffOnly(c);
        c.privacy.retentionDays = RETENTION_DAYS;
      },
    });
    // Five responses in order; two requests are closed (rejected), three stay open.
    t.first = await newRequest(office, who.first);
    t.closed = await newRequest(office, who.closed);
    await act(office, STAF, t.closed, "Tolak", "Bukan pegawai OPD yang disebut.");
    t.open = await newRequest(office, who.open);
    t.gone = await newRequest(office, who.gone);
    await act(office, STAF, t.gone, "Tolak", "Permohonan ganda.");
    t.next = await newRequest(office, who.next);
    const sheetOf = sheet(office, SHEET_NAMES.responses);
    // The owner deletes the first response (every row below moves up one) and the response of
    // the second closed request (the open request after it moves into its old row number)…
    sheetOf.deleteRow(responseRowOf(who.gone["Surel pribadi"]!));
    sheetOf.deleteRow(responseRowOf(who.first["Surel pribadi"]!));
    closedRow = responseRowOf(who.closed["Surel pribadi"]!);
    before = {
      open: answersAt(office, responseRowOf(who.open["Surel pribadi"]!)),
      next: answersAt(office, responseRowOf(who.next["Surel pribadi"]!)),
    };
    result = await sweep(office, (RETENTION_DAYS + 1) * DAY);
  }, 60_000);
  afterAll(async () => {
    await office?.emu.close();
  });

  test("the closed request's own response is found by its identity and erased; nobody else's is touched", () => {
    const report = retentionOf(result)!;
    expect([...report.erased].sort()).toEqual([t.closed, t.gone].sort());
    const rows = responses(office);
    const erased = rows.map((cells, i) => (cells.some((c) => MARKER.test(c)) ? i + 1 : 0)).filter(Boolean);
    expect(erased).toEqual([closedRow]);
    expect(answersAt(office, responseRowOf(who.open["Surel pribadi"]!))).toEqual(before.open);
    expect(answersAt(office, responseRowOf(who.next["Surel pribadi"]!))).toEqual(before.next);
    expect(row(office, t.open).nip).toMatch(/^\d{18}$/);
  });

  test("the erased request's duplicate keys go with its fields; an open request keeps its own", () => {
    const closed = row(office, t.closed);
    const nip = who.closed["NIP / NI PPPK"]!.replace(/\D/g, "");
    expect(closed.dupKeys).not.toContain(nip);
    expect(closed.dupKeys).not.toContain("|i:");
    // Nothing but what the erased row itself still holds (its cells as they are now).
    expect(closed.dupKeys).toBe(duplicateKeys(closed, office.config.opds));
    const open = row(office, t.open);
    expect(open.dupKeys).toContain(`|i:${open.nip}|`);
  });

  test("a response that cannot be found is refused and reported; the register row is erased", () => {
    const report = retentionOf(result)!;
    expect(report.unlocated).toEqual([t.gone]);
    expect(row(office, t.gone).personalEmail).toMatch(MARKER);
    const alarm = errorLog(office).filter((e) => Object.values(e).includes(t.gone));
    expect(
      alarm.some((e) => Object.values(e).some((v) => v.includes("tidak ditemukan menurut identitasnya"))),
    ).toBe(true);
    const entry = log(office).find((e) => e.ticket === t.gone && e.action === "hapus_data_pribadi")!;
    expect(entry.note).toContain("0 baris respons");
  });
});

// ---------------------------------------------------------------------------------------------
// Many closed requests, written host side (fast): the cost per erased row and the time budget.

let serial = 0;

/**
 * Appends `pattern.length` requests host side: "x" a request rejected `daysAgo` days ago, "o" an
 * open one; each with its form response and index entry, as intake would have left them.
 */
function fill(office: Office, pattern: string, daysAgo: number, lang: "id" | "en" = "id"): string[] {
  const T = (key: Parameters<typeof questionTitle>[0]) => questionTitle(key, lang);
  const reg = sheet(office, SHEET_NAMES.register);
  const resp = sheet(office, SHEET_NAMES.responses);
  const index = sheet(office, SHEET_NAMES.responseIndex);
  const head = responses(office)[0]!;
  const at = new Date(office.emu.ws.clockMs - daysAgo * DAY);
  const firstReg = reg.getLastRow() + 1;
  const firstResp = resp.getLastRow() + 1;
  const firstIndex = index.getLastRow() + 1;
  const n = pattern.length;
  for (const [s, need] of [
    [reg, firstReg + n],
    [resp, firstResp + n],
    [index, firstIndex + n],
  ] as const) {
    if (need > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), need - s.getMaxRows() + 10);
  }
  const tickets: string[] = [];
  const regRows: unknown[][] = [];
  const respRows: unknown[][] = [];
  const indexRows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const k = ++serial;
    const ticket = `SRL-2501-${String(k).padStart(5, "0")}`;
    tickets.push(ticket);
    const open = pattern[i] === "o";
    const nip = `19800101200501${String(1000 + k).slice(-4)}`;
    const r: Partial<Record<RegisterKey, unknown>> = {
      ticket,
      receivedAt: at,
      status: open ? "baru" : "ditolak",
      stage: open ? "Staf Teknis" : "",
      stageKey: open ? "staf" : "",
      fullName: `Pegawai Arsip ${k}`,
      name: `Pegawai Arsip ${k}`,
      asnStatus: "PNS",
      nip,
      position: "Staf",
      opd: "Dinas Kesehatan",
      phone: "+6281200000000",
      personalEmail: `pegawai.arsip${k}@gmail.com`,
      accountType: "Pribadi",
      requestLetter: "800/1/Dinkes/2025, 2025-01-02",
      duplicate: "aman",
      address: `pegawai.arsip${k}@contohkota.go.id`,
      stageEnteredAt: at,
      responseRow: firstResp + i,
      updatedAt: at,
    };
    // With its duplicate keys, as the program writes a row.
    r.dupKeys = duplicateKeys(r, office.config.opds);
    regRows.push(REGISTER_COLUMNS.map((c) => r[c.key] ?? ""));
    const answers: Record<string, unknown> = {
      Timestamp: at,
      [T("fullName")]: `Pegawai Arsip ${k}`,
      [T("status")]: "PNS",
      [T("nip")]: nip,
      [T("position")]: "Staf",
      [T("opd")]: "Dinas Kesehatan",
      [T("phone")]: "081200000000",
      [T("personalEmail")]: `pegawai.arsip${k}@gmail.com`,
      [T("accountType")]: "Pribadi",
    };
    respRows.push(head.map((h) => answers[h] ?? ""));
    indexRows.push([firstResp + i, ticket, at]);
  }
  reg.getRange(firstReg, 1, n, REGISTER_COLUMNS.length).setValues(regRows as never);
  resp.getRange(firstResp, 1, n, head.length).setValues(respRows as never);
  // Each response's identity, from its cells as stored (what intake records).
  const stored = resp.getRange(firstResp, 1, n, head.length).getValues();
  indexRows.forEach((r, i) => r.push(responseKey(stored[i]!)));
  index.getRange(firstIndex, 1, n, 4).setValues(indexRows as never);
  return tickets;
}

/** Calls of a sweep other than the hashes of log entries (one per entry, computed locally). */
const digests = (r: ExecutionResult): number => r.calls["Utilities.computeDigest"]?.count ?? 0;
const services = (r: ExecutionResult): number => r.callCount - digests(r);

describe("cost and time budget", () => {
  let office: Office;
  beforeAll(async () => {
    office = await provisioningOffice({
      configure: (c) => {
        staffOnly(c);
        c.privacy.retentionDays = RETENTION_DAYS;
        // Retention's own calls are counted: the open requests are never due a reminder here.
        for (const s of c.stages) s.targetMinutes = 1_000_000;
      },
    });
  }, 60_000);
  afterAll(async () => {
    await office?.emu.close();
  });

  test("the calls do not grow with the number of erased rows beyond a small constant per row", async () => {
    // A first erasure, so that every later pass finds a log to read and append to.
    fill(office, "x", 40);
    expect(retentionOf(await sweep(office, 10 * 60_000))!.erased).toHaveLength(1);
    fill(office, "x".repeat(5), 40);
    const few = await sweep(office, DAY);
    expect(retentionOf(few)!.erased).toHaveLength(5);

    // Eight times as many, in one block: the same calls.
    fill(office, "x".repeat(40), 40);
    const many = await sweep(office, DAY);
    expect(retentionOf(many)).toMatchObject({ responseRows: 40, pending: 0 });
    expect(retentionOf(many)!.erased).toHaveLength(40);
    expect(services(many)).toBe(services(few));
    // The log's SHA-256 (computed locally, Utilities.computeDigest): one per entry, so the extra
    // hashes are exactly the extra erased rows' entries.
    expect(digests(many) - digests(few)).toBe(
      retentionOf(many)!.erased.length - retentionOf(few)!.erased.length,
    );

    // Ten rows between open requests: one register and one response write per separate row.
    const mixed = fill(office, "xo".repeat(10), 40);
    const scattered = await sweep(office, DAY);
    expect(retentionOf(scattered)!.erased).toEqual(mixed.filter((_, i) => i % 2 === 0));
    const writes = (r: ExecutionResult): number => r.calls["Range.setValues"]?.count ?? 0;
    expect(writes(scattered) - writes(few)).toBe(2 * (10 - 1));
    // …each a getRange and a setValues: four calls per separate row, nothing else grows.
    expect(services(scattered) - services(few)).toBe(4 * (10 - 1));
    for (const ticket of mixed.filter((_, i) => i % 2 === 1)) {
      expect(row(office, ticket).nip).toMatch(/^\d{18}$/);
    }
  });

  test("a backlog larger than one sweep can do is finished by the next sweeps, each within its budget", async () => {
    const tickets = fill(office, "xo".repeat(600), 60);
    const due = tickets.filter((_, i) => i % 2 === 0);
    const first = await sweep(office, DAY);
    const r1 = retentionOf(first)!;
    expect(r1.ran).toBe(true);
    expect(r1.erased.length).toBeGreaterThan(0);
    expect(r1.pending).toBe(due.length - r1.erased.length);
    expect(r1.pending).toBeGreaterThan(0);
    expect(first.endMs - first.startMs).toBeLessThan(5 * 60_000);
    const day = scriptPropertiesOf(office.emu.ws).get("surel:retentionDay");
    const erased = [...r1.erased];
    for (let i = 0; i < 10 && erased.length < due.length; i++) {
      const next = await sweep(office, 10 * 60_000);
      const r = retentionOf(next)!;
      expect(r.ran).toBe(true);
      expect(next.endMs - next.startMs).toBeLessThan(5 * 60_000);
      erased.push(...r.erased);
    }
    expect(erased.sort()).toEqual([...due].sort());
    expect(scriptPropertiesOf(office.emu.ws).get("surel:retentionDay")).not.toBe(day);
    const done = await sweep(office, 10 * 60_000);
    expect(retentionOf(done)?.ran ?? false).toBe(false);
    const verify = await office.emu.run("verifyLog");
    expect((verify.returnValue as { ok: boolean }).ok).toBe(true);
    for (const ticket of tickets.filter((_, i) => i % 2 === 1).slice(0, 20)) {
      expect(row(office, ticket).personalEmail).toMatch(/@gmail\.com$/);
    }
  }, 120_000);
});

describe("an office working in English", () => {
  test("erased cells and the log entry are in English", async () => {
    const office = await provisioningOffice({
      configure: (c) => {
        staffOnly(c);
        c.language = "en";
        c.privacy.retentionDays = RETENTION_DAYS;
      },
    });
    try {
      const [ticket] = fill(office, "x", 40, "en");
      const result = await sweep(office, 10 * 60_000);
      expect(retentionOf(result)!.erased).toEqual([ticket]);
      const r = row(office, ticket!);
      expect(r.nip).toMatch(/^\[erased \d{4}-\d{2}-\d{2}\]$/);
      expect(r.fullName).toBe(r.nip);
      const [answers] = records(office, SHEET_NAMES.responses).slice(-1);
      expect(answers![questionTitle("nip", "en")]).toBe(r.nip);
      expect(answers![questionTitle("opd", "en")]).toBe("Dinas Kesehatan");
      const entry = log(office).pop()!;
      expect(entry).toMatchObject({ ticket, action: "hapus_data_pribadi", actor: "sistem" });
      expect(entry.note).toMatch(/^Personal data erased after the retention period of 30 days/);
    } finally {
      await office.emu.close();
    }
  }, 60_000);
});
