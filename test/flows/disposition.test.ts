/**
 * Disposition, on the built bundle: officials move a request along the chain by editing
 * the register. Each rule both ways: allowed → applied, logged with the verified actor, the next
 * official told; not allowed → undone, explained (cell note and toast), the attempt logged.
 * One office is shared by most tests; each test works on its own requests.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_LABELS, allowedActions } from "../../src/domain/workflow.js";
import { lumajangConfig, pematangsiantarConfig } from "../../src/domain/defaults.js";
import type { OfficeConfig } from "../../src/domain/config.js";
import { SHEETS } from "../../src/domain/settings.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import {
  a1Of,
  act,
  correctionOf,
  actionChoices,
  ADMIN,
  cellAt,
  application,
  cellOf,
  createOffice,
  DOMAIN,
  editCell,
  editRange,
  errorLog,
  fillRegister,
  hostWrite,
  log,
  mailsTo,
  OUTSIDER,
  records,
  register,
  registerColumn,
  row,
  sheet,
  submit,
  toastsFor,
  type LogRecord,
  type Office,
  ownValues,
  SERVICE,
  shareWithPeople,
} from "./harness.js";
import { columnLetter, openForm } from "gas-emulator/testkit";
import { loggedState } from "../../src/flows/reconcile.js";
import { FORM_ID_KEY } from "../../src/handlers/setup.js";
import { FORM_ID_PROPERTY } from "../../src/workspace/context.js";
import type { LogEntry } from "../../src/domain/audit.js";

const KADIS = `kadis@${DOMAIN}`;
const SEKDIS = `sekdis@${DOMAIN}`; // delegate (Plh.) of the Kadis
const KABID = `kabid.egov@${DOMAIN}`;
const KASI = `kasi.pksi@${DOMAIN}`;
const STAF = `staf.pksi@${DOMAIN}`;
const L = ACTION_LABELS;
const UNDONE = "Surel: perubahan dibatalkan";

let office: Office;
beforeAll(async () => {
  office = await createOffice();
});
afterAll(async () => {
  await office.emu.close();
});

const FIRST = ["Agus", "Bayu", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hadi", "Indra", "Joko", "Kurnia"];
const LAST = ["Pratama", "Saputra", "Wibowo", "Lestari", "Hidayat", "Nugroho", "Kusuma", "Santoso"];
let counter = 0;

/** A new valid request from a new applicant; returns its ticket and the applicant's address. */
async function newRequest(
  o: Office,
  overrides: Record<string, string> = {},
): Promise<{ ticket: string; email: string }> {
  const n = counter++;
  const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
  const email = `pemohon${n}@gmail.com`;
  const { row: responseRow, results } = await submit(
    o,
    application({
      "Nama lengkap": name,
      "NIP / NI PPPK": `198503302010011${String(n + 1).padStart(3, "0")}`,
      "Surel pribadi": email,
      ...overrides,
    }),
  );
  for (const r of results) expect(r.error?.message ?? "").toBe("");
  const rec = register(o).find((r) => r.responseRow === String(responseRow))!;
  return { ticket: rec.ticket, email };
}

function entriesOf(o: Office, ticket: string): LogRecord[] {
  return log(o).filter((e) => e.ticket === ticket);
}
const lastEntry = (o: Office, ticket: string): LogRecord => entriesOf(o, ticket).pop()!;

/**
 * The request was refused: unchanged, explained on the cell, the attempt logged. The note is the
 * whole explanation: a toast raised by the trigger reaches at most the trigger's owner (the
 * emulator's reading of an undocumented behaviour), never the official who edited.
 */
function expectRefused(
  o: Office,
  ticket: string,
  who: string,
  before: ReturnType<typeof row>,
  reason: RegExp,
  cell: "action" | "status" = "action",
): void {
  const now = row(o, ticket);
  for (const key of ["status", "stage", "stageKey", "responsible", "lastLogSeq", "stageEnteredAt"] as const)
    expect(now[key], key).toBe(before[key]);
  expect(now.action).toBe(before.action);
  expect(cellOf(o, ticket, cell).note).toMatch(/^Perubahan dibatalkan oleh sistem: /);
  expect(cellOf(o, ticket, cell).note).toMatch(reason);
  // A toast from a trigger reaches the trigger's owner: the service account.
  if (who !== SERVICE) expect(toastsFor(o, who)).toEqual([]);
  const toast = toastsFor(o, SERVICE).pop();
  expect(toast?.title).toBe(UNDONE);
  expect(toast?.message).toMatch(reason);
  const attempt = lastEntry(o, ticket);
  expect(attempt.action).toBe("ditolak_sistem");
  expect(attempt.actor).toBe(who);
  expect(attempt.note).toMatch(reason);
}

describe("forwarding along the chain", () => {
  let ticket: string;
  beforeAll(async () => {
    ({ ticket } = await newRequest(office));
  });

  test("the Kadis forwards: applied, logged with the verified editor, the Kabid told with a link", async () => {
    const results = await act(office, KADIS, ticket, L.teruskan);
    expect(results.map((r) => r.error?.message ?? "")).toEqual([""]);
    const r = row(office, ticket);
    expect(r).toMatchObject({
      status: "diproses",
      stageKey: "kabid",
      stage: "Kepala Bidang e-Government",
      responsible: KABID,
      action: "",
    });
    const e = lastEntry(office, ticket);
    expect(e).toMatchObject({ action: "teruskan", actor: KADIS, from: "baru/kadis", to: "diproses/kabid" });
    expect(r.lastLogSeq).toBe(e.seq);
    const notice = mailsTo(office, KABID).filter((m) => m.subject.includes(ticket));
    expect(notice).toHaveLength(1);
    expect(notice[0]!.subject).toBe(
      `[${ticket}] Permohonan surel dinas menunggu tindakan Anda \u2013 Kepala Bidang e-Government`,
    );
    expect(notice[0]!.body).toContain(`Tindakan sebelumnya: ${L.teruskan} oleh ${KADIS}.`);
    expect(notice[0]!.body).toContain(`&range=A${r._row}`);
  });

  test("the Kabid approves, the Kasi forwards: the request reaches the technical staff", async () => {
    await act(office, KABID, ticket, L.setujui);
    expect(row(office, ticket)).toMatchObject({ status: "disetujui", stageKey: "kasi", responsible: KASI });
    await act(office, KASI, ticket, L.teruskan);
    const r = row(office, ticket);
    expect(r).toMatchObject({ status: "disetujui", stageKey: "staf" });
    expect(r.responsible).toBe(`${STAF}, teknis.pksi@${DOMAIN}`);
    expect(entriesOf(office, ticket).map((e) => `${e.action}:${e.actor}`)).toEqual([
      "diterima:sistem",
      `teruskan:${KADIS}`,
      `setujui:${KABID}`,
      `teruskan:${KASI}`,
    ]);
    for (const who of [STAF, `teknis.pksi@${DOMAIN}`])
      expect(mailsTo(office, who).filter((m) => m.subject.includes(ticket))).toHaveLength(1);
  });

  test("each stage keeps its time in the row", () => {
    const times = row(office, ticket).stageTimes;
    expect(times).toMatch(
      /^Kepala Dinas: \d+ menit; Kepala Bidang e-Government: \d+ menit; Kepala Seksi PKSI: \d+ menit$/,
    );
  });

  test("the dropdown offers only what the stage allows", () => {
    expect(actionChoices(office, ticket)).toEqual(
      allowedActions(office.config, "staf", "disetujui").map((a) => L[a]),
    );
    expect(actionChoices(office, ticket)).toContain(L.buat_akun);
    expect(actionChoices(office, ticket)).not.toContain(L.teruskan);
  });
});

describe("the dropdown", () => {
  test("at the first stage offers the disposition actions, never account creation or resuming", async () => {
    const { ticket } = await newRequest(office);
    const choices = actionChoices(office, ticket);
    expect(choices).toEqual(allowedActions(office.config, "kadis", "baru").map((a) => L[a]));
    expect(choices).toEqual([L.teruskan, L.setujui, L.kembalikan, L.tolak, L.tahan, L.ambil_alih]);
  });

  test("Sheets itself refuses an action the stage does not offer (a skipped stage)", async () => {
    const { ticket } = await newRequest(office);
    const { edit } = await editCell(office, KADIS, ticket, "action", L.buat_akun);
    expect(edit.ok).toBe(false);
    expect(edit.ok ? "" : edit.error).toMatch(/violates the data validation rules/);
    expect(row(office, ticket).status).toBe("baru");
  });
});

describe("refusals", () => {
  test("someone without a role in the chain: undone, explained, logged", async () => {
    const { ticket } = await newRequest(office);
    const before = row(office, ticket);
    await act(office, OUTSIDER, ticket, L.teruskan);
    expectRefused(office, ticket, OUTSIDER, before, /tidak berwenang/);
    expect(mailsTo(office, KABID).filter((m) => m.subject.includes(ticket))).toEqual([]);
  });

  test.each(["teruskan", "setujui", "kembalikan", "tolak", "tahan", "ambil_alih", "lanjutkan"] as const)(
    "%s by someone without a role is refused and logged, with a reason given or not",
    async (key) => {
      const { ticket } = await newRequest(office);
      if (key === "lanjutkan") await act(office, KADIS, ticket, L.tahan, "Menunggu surat");
      await editCell(office, OUTSIDER, ticket, "note", "alasan saya");
      const before = row(office, ticket);
      await act(office, OUTSIDER, ticket, L[key]);
      expectRefused(office, ticket, OUTSIDER, before, /tidak berwenang/);
      expect(lastEntry(office, ticket).note).toContain(`tindakan \u201c${L[key]}\u201d`);
    },
  );

  test("an official of another stage (the Kabid on a request still at the Kadis)", async () => {
    const { ticket } = await newRequest(office);
    const before = row(office, ticket);
    await act(office, KABID, ticket, L.teruskan);
    expectRefused(
      office,
      ticket,
      KABID,
      before,
      /sedang di tahap Kepala Dinas, sedangkan Anda pejabat tahap Kepala Bidang/,
    );
    // And the right person still can.
    await act(office, KADIS, ticket, L.teruskan);
    expect(row(office, ticket).stageKey).toBe("kabid");
    expect(cellOf(office, ticket, "action").note).toBe("");
  });

  test("an action the stage does not offer, pasted with its dropdown from another row (skipping stages)", async () => {
    const { ticket } = await newRequest(office);
    // A cell copied from a row at the last stage carries that row's dropdown along.
    sheet(office, SHEET_NAMES.register)
      .getRange(row(office, ticket)._row, registerColumn("action"))
      .clearDataValidations();
    const before = row(office, ticket);
    await act(office, KADIS, ticket, L.buat_akun);
    expectRefused(office, ticket, KADIS, before, /tidak tersedia di tahap Kepala Dinas/);
    // The row gets its own dropdown back.
    expect(actionChoices(office, ticket)).toEqual(
      allowedActions(office.config, "kadis", "baru").map((a) => L[a]),
    );
  });

  test.each([
    ["kembalikan", L.kembalikan],
    ["tolak", L.tolak],
    ["tahan", L.tahan],
  ])("%s without a reason is refused; with one it is applied", async (key, label) => {
    const { ticket, email } = await newRequest(office);
    const before = row(office, ticket);
    await act(office, KADIS, ticket, label);
    expectRefused(office, ticket, KADIS, before, /wajib disertai alasan di kolom catatan/);
    const reason = `Alasan ${key}: surat permohonan belum ditandatangani`;
    await act(office, KADIS, ticket, label, reason);
    const r = row(office, ticket);
    expect(r.status).toBe({ kembalikan: "perlu perbaikan", tolak: "ditolak", tahan: "ditahan" }[key]);
    expect(r.note).toBe("");
    expect(cellOf(office, ticket, "action").note).toBe("");
    expect(lastEntry(office, ticket)).toMatchObject({ action: key, actor: KADIS, note: reason });
    // The applicant is told, always with the reason.
    const told = mailsTo(office, email).filter(
      (m) => m.subject.includes(ticket) && !m.subject.startsWith("Tanda terima"),
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain(reason);
  });

  test("an edit of a program column by someone the protection lets through (the owner) is undone", async () => {
    const { ticket } = await newRequest(office);
    const before = row(office, ticket);
    const { edit } = await editCell(office, SERVICE, ticket, "status", "selesai");
    expect(edit.ok).toBe(true);
    expectRefused(office, ticket, SERVICE, before, /diisi oleh program Surel/, "status");
    // A date cell comes back as the same date, not as a number.
    const { edit: e2 } = await editCell(office, SERVICE, ticket, "dueAt", "1/1/2030 10:00");
    expect(e2.ok).toBe(true);
    expect(row(office, ticket).dueAt).toBe(before.dueAt);
    expect(cellOf(office, ticket, "dueAt").value).toBeInstanceOf(Date);
    // Formula-like text that the owner overwrites comes back as text.
    const { edit: e3 } = await editCell(office, SERVICE, ticket, "position", "Kepala Seksi");
    expect(e3.ok).toBe(true);
    expect(row(office, ticket).position).toBe(before.position);
  });

  test("a paste over the workflow columns of several rows is refused whole", async () => {
    const a = await newRequest(office);
    const b = await newRequest(office);
    await editCell(office, KADIS, a.ticket, "note", "catatan yang sudah ada");
    const ra = row(office, a.ticket);
    const rb = row(office, b.ticket);
    expect(rb._row).toBe(ra._row + 1);
    const action = columnLetter(registerColumn("action"));
    const note = columnLetter(registerColumn("note"));
    const { edit } = await editRange(
      office,
      KADIS,
      SHEET_NAMES.register,
      `${action}${ra._row}:${note}${rb._row}`,
      [
        [L.teruskan, "tempel 1"],
        [L.teruskan, "tempel 2"],
      ],
    );
    expect(edit.ok).toBe(true);
    for (const t of [a.ticket, b.ticket]) {
      const r = row(office, t);
      expect(r).toMatchObject({ status: "baru", stageKey: "kadis", action: "" });
      expect(cellOf(office, t, "action").note).toMatch(/^Perubahan dibatalkan oleh sistem: Menempel/);
    }
    expect(row(office, b.ticket).note).toBe("");
    for (const t of [a.ticket, b.ticket])
      expect(actionChoices(office, t)).toEqual(
        allowedActions(office.config, "kadis", "baru").map((x) => L[x]),
      );
    expect(toastsFor(office, KADIS)).toEqual([]);
    const attempt = log(office).pop()!;
    expect(attempt).toMatchObject({
      action: "ditolak_sistem",
      actor: KADIS,
      ticket: `${a.ticket},${b.ticket}`,
    });
    expect(
      mailsTo(office, KABID).filter((m) => m.subject.includes(a.ticket) || m.subject.includes(b.ticket)),
    ).toEqual([]);
  });
});

describe("returned for correction", () => {
  test("re-enters the chain through a new form response with the previous ticket, history kept", async () => {
    const { ticket, email } = await newRequest(office, { Jabatan: "Staf" });
    await act(office, KADIS, ticket, L.teruskan);
    await act(office, KABID, ticket, L.kembalikan, "Jabatan harus sesuai SK terakhir");
    const returned = row(office, ticket);
    expect(returned).toMatchObject({ status: "perlu perbaikan", stageKey: "", stage: "", responsible: "" });
    expect(actionChoices(office, ticket)).toEqual([]);
    const [mail] = mailsTo(office, email).filter((m) => m.subject.includes("perlu perbaikan"));
    expect(mail!.body).toContain("Catatan petugas: Jabatan harus sesuai SK terakhir");
    expect(mail!.body).toContain(ticket);
    // With the link to the form to submit again.
    expect(FORM_ID_PROPERTY).toBe(FORM_ID_KEY);
    expect(mail!.body).toContain(
      `Formulir permohonan: ${openForm(office.emu.ws, office.formId).getPublishedUrl()}`,
    );

    // An official cannot act on it while it waits for the applicant.
    await act(office, KADIS, ticket, L.teruskan);
    expect(row(office, ticket).status).toBe("perlu perbaikan");
    expect(lastEntry(office, ticket).note).toMatch(/menunggu perbaikan dari pemohon/);

    await submit(
      office,
      application({
        "Nama lengkap": returned.fullName,
        "NIP / NI PPPK": returned.nip,
        "Surel pribadi": email,
        Jabatan: "Pranata Komputer Ahli Pertama",
        ...correctionOf(office, ticket, email),
      }),
    );
    const r = row(office, ticket);
    expect(r).toMatchObject({ status: "baru", stageKey: "kadis", responsible: KADIS });
    expect(r.position).toBe("Pranata Komputer Ahli Pertama");
    expect(register(office).filter((x) => x.ticket === ticket)).toHaveLength(1);
    expect(entriesOf(office, ticket).map((e) => e.action)).toEqual([
      "diterima",
      "teruskan",
      "kembalikan",
      "ditolak_sistem",
      "perbaikan_diterima",
    ]);
    expect(actionChoices(office, ticket)).toContain(L.teruskan);
    await act(office, KADIS, ticket, L.teruskan);
    expect(row(office, ticket).stageKey).toBe("kabid");
  });
});

describe("hold, resume, take over, reject", () => {
  test("tahan then lanjutkan: the applicant is told both times, the status comes back", async () => {
    const { ticket, email } = await newRequest(office);
    await act(office, KADIS, ticket, L.teruskan);
    await act(office, KABID, ticket, L.tahan, "Menunggu verifikasi BKPSDM");
    expect(row(office, ticket)).toMatchObject({ status: "ditahan", stageKey: "kabid" });
    expect(actionChoices(office, ticket)).toEqual(
      allowedActions(office.config, "kabid", "ditahan").map((a) => L[a]),
    );
    expect(actionChoices(office, ticket)).toContain(L.lanjutkan);
    await act(office, KABID, ticket, L.lanjutkan);
    expect(row(office, ticket)).toMatchObject({ status: "diproses", stageKey: "kabid" });
    const subjects = mailsTo(office, email).map((m) => m.subject);
    expect(subjects).toContain(`Permohonan surel dinas ${ticket} ditunda sementara`);
    expect(subjects).toContain(`Permohonan surel dinas ${ticket} diproses kembali`);
    expect(mailsTo(office, email).find((m) => m.subject.includes("ditunda"))!.body).toContain(
      "Menunggu verifikasi BKPSDM",
    );
  });

  test("lanjutkan restores the status held before (baru stays baru)", async () => {
    const { ticket } = await newRequest(office);
    await act(office, KADIS, ticket, L.tahan, "Menunggu surat asli");
    await act(office, KADIS, ticket, L.lanjutkan);
    expect(row(office, ticket)).toMatchObject({ status: "baru", stageKey: "kadis" });
  });

  test("a delegate takes over with a reason and then acts; the official is told", async () => {
    const { ticket } = await newRequest(office);
    const before = row(office, ticket);
    // The delegate needs a reason.
    await act(office, SEKDIS, ticket, L.ambil_alih);
    expectRefused(office, ticket, SEKDIS, before, /wajib disertai alasan/);
    // The official himself cannot "take over".
    await act(office, KADIS, ticket, L.ambil_alih, "saya sendiri");
    expectRefused(office, ticket, KADIS, before, /pelaksana harian/);
    await act(office, SEKDIS, ticket, L.ambil_alih, "Kadis dinas luar, Plh. Sekretaris");
    expect(row(office, ticket)).toMatchObject({ status: "baru", stageKey: "kadis", responsible: SEKDIS });
    expect(lastEntry(office, ticket)).toMatchObject({ action: "ambil_alih", actor: SEKDIS });
    expect(mailsTo(office, KADIS).filter((m) => m.subject.includes(ticket))).toHaveLength(2);
    await act(office, SEKDIS, ticket, L.teruskan);
    expect(row(office, ticket)).toMatchObject({ stageKey: "kabid", responsible: KABID });
    expect(lastEntry(office, ticket)).toMatchObject({ action: "teruskan", actor: SEKDIS });
  });

  test("tolak closes the request: no dropdown, nothing more is accepted", async () => {
    const { ticket, email } = await newRequest(office);
    await act(office, KADIS, ticket, L.tolak, "Pemohon bukan pegawai Pemerintah Kota Contoh");
    expect(row(office, ticket)).toMatchObject({ status: "ditolak", stageKey: "", responsible: "" });
    expect(actionChoices(office, ticket)).toEqual([]);
    const [m] = mailsTo(office, email).filter(
      (x) => x.subject === `Permohonan surel dinas ${ticket} ditolak`,
    );
    expect(m!.body).toContain("Alasan: Pemohon bukan pegawai Pemerintah Kota Contoh");
    const before = row(office, ticket);
    await act(office, KADIS, ticket, L.teruskan);
    expectRefused(office, ticket, KADIS, before, /sudah ditolak/);
  });
});

describe("working time", () => {
  /** Moves the virtual clock to a local (WIB) time without running the sweep. */
  const at = (o: Office, local: string): void => {
    const target = Date.parse(`${local}:00+07:00`);
    expect(target).toBeGreaterThanOrEqual(o.emu.ws.clockMs);
    o.emu.ws.advance(target - o.emu.ws.clockMs);
  };

  test("timestamps per stage and step times in working minutes, across a night and a weekend", async () => {
    const o = await createOffice();
    try {
      at(o, "2026-11-23T08:05"); // Monday
      const { ticket } = await newRequest(o);
      at(o, "2026-11-23T09:35");
      await act(o, KADIS, ticket, L.teruskan); // 90 minutes at the Kadis, target 120
      let r = row(o, ticket);
      expect(r.stageEnteredAt).toBe("23/11/2026 09:35");
      expect(r.dueAt).toBe("23/11/2026 10:35"); // Kabid: 60 minutes
      at(o, "2026-11-24T08:00"); // Tuesday: 09:35–16:00 + 07:30–08:00 = 415 minutes, late
      await act(o, KABID, ticket, L.teruskan);
      at(o, "2026-11-27T16:00"); // Friday (office until 16:30): 480 + 510 + 510 + 510 minutes
      await act(o, KASI, ticket, L.teruskan);
      r = row(o, ticket);
      expect(r.stageEnteredAt).toBe("27/11/2026 16:00");
      // Staf: 25 minutes from Friday 16:00 → Friday 16:25.
      expect(r.dueAt).toBe("27/11/2026 16:25");
      at(o, "2026-11-30T08:00"); // Monday: Fri 16:00–16:30 + Mon 07:30–08:00 = 60 minutes
      await act(o, STAF, ticket, L.tahan, "Menunggu konfirmasi alamat");
      r = row(o, ticket);
      expect(r.stageTimes).toBe(
        "Kepala Dinas: 1 jam 30 menit; Kepala Bidang e-Government: 6 jam 55 menit (terlambat); Kepala Seksi PKSI: 33 jam 30 menit (terlambat)",
      );
      // A hold does not leave the stage: the staff's time keeps running from Friday 16:00.
      expect(r.stageEnteredAt).toBe("27/11/2026 16:00");
      const times = entriesOf(o, ticket).map((e) => e.time.slice(0, 16));
      expect(times.slice(1)).toEqual([
        "23/11/2026 09:35",
        "24/11/2026 08:00",
        "27/11/2026 16:00",
        "30/11/2026 08:00",
      ]);
      // The staff's own step (Fri 16:00–16:30 + Mon 07:30–08:00 = 60 minutes) ends when they leave it.
      await act(o, STAF, ticket, L.lanjutkan);
      await act(o, STAF, ticket, L.kembalikan, "Nama pada surat berbeda");
      expect(row(o, ticket).stageTimes).toMatch(/; Staf Teknis: 1 jam \(terlambat\)$/);
    } finally {
      await o.emu.close();
    }
  });
});

describe("verify: the log's hash chain", () => {
  test("an intact log verifies; a tampered entry is found exactly, and reported in Indonesian", async () => {
    await newRequest(office);
    const ok = await office.emu.run("verifyLog");
    expect(ok.returnValue).toMatchObject({ ok: true });
    expect((ok.returnValue as { message: string }).message).toMatch(
      /^Log disposisi utuh: \d+ entri diperiksa/,
    );

    // The check is incremental (from the last verified entry on): the entry edited is one of the
    // entries after it. An edit before it is the weekly full pass's (log-scale.test.ts).
    const verified = log(office).length;
    await newRequest(office);
    const entries = log(office);
    const k = verified + Math.floor((entries.length - verified) / 2);
    const victim = entries[k]!;
    const noteCell = `H${k + 2}`;
    const original = sheet(office, SHEET_NAMES.log).getRange(noteCell).getValue();
    hostWrite(office, SHEET_NAMES.log, noteCell, [["catatan yang dipalsukan"]]);
    const bad = await office.emu.run("verifyLog");
    expect(bad.returnValue).toMatchObject({
      ok: false,
      firstBad: Number(victim.seq),
      row: k + 2,
      ticket: victim.ticket,
      problem: "edited",
    });
    const message = (bad.returnValue as { message: string }).message;
    expect(message).toContain(`Isi entri log #${victim.seq} diubah.`);
    expect(message).toContain(`mulai baris ${k + 2}`);
    // Run from the editor by the service account, who sees the toast.
    expect(toastsFor(office, SERVICE).pop()?.message).toBe(message);
    expect(errorLog(office).pop()!["Pesan"]).toBe(message);

    // Put back, it verifies again.
    hostWrite(office, SHEET_NAMES.log, noteCell, [[original]]);
    expect((await office.emu.run("verifyLog")).returnValue).toMatchObject({ ok: true });
  });

  test("a deleted last entry is found against the anchor", async () => {
    const o = await createOffice();
    try {
      await newRequest(o);
      const { ticket } = await newRequest(o);
      await act(o, KADIS, ticket, L.teruskan);
      const logSheet = sheet(o, SHEET_NAMES.log);
      const last = logSheet.getLastRow();
      logSheet.getRange(last, 1, 1, 10).clearContent();
      const r = await o.emu.run("verifyLog");
      expect(r.returnValue).toMatchObject({ ok: false, problem: "truncated", firstBad: last - 1 });
    } finally {
      await o.emu.close();
    }
  });
});

describe("the sweep compares the register with the log", () => {
  test("a status changed behind the program's back is repaired from the log and recorded", async () => {
    const { ticket } = await newRequest(office);
    await act(office, KADIS, ticket, L.teruskan);
    const good = row(office, ticket);
    const statusCell = a1Of(office, ticket, "status");
    const stageKeyCell = a1Of(office, ticket, "stageKey");
    hostWrite(office, SHEET_NAMES.register, statusCell, [["selesai"]]);
    hostWrite(office, SHEET_NAMES.register, stageKeyCell, [[""]]);
    const errorsBefore = errorLog(office).length;
    const r = await office.emu.run("sweep");
    expect(r.error?.message ?? "").toBe("");
    const repaired = row(office, ticket);
    for (const key of [
      "status",
      "stage",
      "stageKey",
      "responsible",
      "lastLogSeq",
      "dueAt",
      "stageEnteredAt",
    ] as const)
      expect(repaired[key], key).toBe(good[key]);
    expect(actionChoices(office, ticket)).toEqual(
      allowedActions(office.config, "kabid", "diproses").map((a) => L[a]),
    );
    const errors = errorLog(office).slice(errorsBefore);
    expect(errors).toHaveLength(1);
    expect(errors[0]!["Tiket"]).toBe(ticket);
    expect(errors[0]!["Pesan"]).toContain("selesai");
    expect(errors[0]!["Pesan"]).toContain("diproses/kabid");
    // A second sweep finds nothing more to do.
    await office.emu.run("sweep");
    expect(errorLog(office)).toHaveLength(errorsBefore + 1);
  });

  test("a paste by the owner over program columns is restored by the sweep", async () => {
    const a = await newRequest(office);
    const b = await newRequest(office);
    const ra = row(office, a.ticket);
    const { edit } = await editRange(office, SERVICE, SHEET_NAMES.register, `C${ra._row}:F${ra._row + 1}`, [
      ["selesai", "x", "y", "z"],
      ["selesai", "x", "y", "z"],
    ]);
    expect(edit.ok).toBe(true);
    await office.emu.run("sweep");
    for (const t of [a.ticket, b.ticket])
      expect(row(office, t)).toMatchObject({
        status: "baru",
        stageKey: "kadis",
        stage: "Kepala Dinas",
        responsible: KADIS,
      });
  });

  test("a row entered by hand, without any log number, is left alone", async () => {
    fillRegister(office, 1);
    const manual = register(office).pop()!;
    expect(manual.lastLogSeq).toBe("");
    const before = errorLog(office).length;
    const r = await office.emu.run("sweep");
    expect(r.returnValue).toMatchObject({ repaired: [], flagged: [] });
    expect(errorLog(office)).toHaveLength(before);
    // Only the sweep's own display of the time against the standard is kept current, and the
    // row's duplicate keys (derived from its cells) are made, so that the duplicate check sees it.
    const { serviceTotal, dupKeys, ...rest } = row(office, manual.ticket);
    const { dupKeys: _none, ...was } = omit(manual);
    expect(rest).toEqual(was);
    expect(serviceTotal).toMatch(/dari standar/);
    expect(String(dupKeys)).toContain(`|i:${String(manual.nip).replace(/\D/g, "")}|`);
  });

  test("a row whose recorded history is missing is flagged once, not rewritten", async () => {
    const { ticket } = await newRequest(office);
    hostWrite(office, SHEET_NAMES.register, a1Of(office, ticket, "lastLogSeq"), [[99999]]);
    const before = errorLog(office).length;
    await office.emu.run("sweep");
    await office.emu.run("sweep");
    const errors = errorLog(office).slice(before);
    expect(errors).toHaveLength(1);
    expect(errors[0]!["Tiket"]).toBe(ticket);
    expect(errors[0]!["Pesan"]).toContain("99999");
    expect(row(office, ticket).status).toBe("baru");
  });
});

function omit(r: ReturnType<typeof row>): Omit<ReturnType<typeof row>, "serviceTotal"> {
  const { serviceTotal: _ignored, ...rest } = r;
  return rest;
}

describe("the sweep's reading of the log", () => {
  const entry = (seq: number, action: string, from: string, to: string, actor = "sistem"): LogEntry => ({
    seq,
    ticket: "SRL-2611-0001",
    from,
    to,
    action,
    actor,
    timeMs: 1_000 * seq,
    note: "",
    prevHash: "",
    hash: "",
  });

  test("notes that do not move a request (from = to) keep its state and stage", () => {
    const state = loggedState(
      [
        entry(1, "diterima", "", "baru/kadis"),
        entry(2, "teruskan", "baru/kadis", "diproses/kabid", KADIS),
        entry(3, "ambil_alih", "diproses/kabid", "diproses/kabid", "plh@x"),
        entry(4, "ditolak_sistem", "diproses/kabid", "diproses/kabid", OUTSIDER),
        entry(5, "terbitkan_ulang", "diproses", "diproses"),
        entry(6, "ubah_alamat", "diproses/kabid", "diproses/kabid", KABID),
      ],
      office.config,
    );
    expect(state).toEqual({
      status: "diproses",
      stageKey: "kabid",
      responsible: ["plh@x"],
      stageEnteredMs: 2_000,
      lastSeq: 6,
      maxSeq: 6,
      reminders: { remindedMs: 0, escalatedMs: 0 },
    });
  });

  test("a staff address change is logged and left alone by the sweep; others may not change it", async () => {
    const { ticket } = await newRequest(office);
    await act(office, KADIS, ticket, L.teruskan);
    const before = row(office, ticket);
    await editCell(office, KABID, ticket, "address", `lain@${DOMAIN}`);
    expect(row(office, ticket).address).toBe(before.address);
    expect(cellOf(office, ticket, "address").note).toMatch(
      /hanya dapat diubah oleh petugas tahap Staf Teknis/,
    );
    await act(office, KABID, ticket, L.teruskan);
    await act(office, KASI, ticket, L.teruskan);
    await editCell(office, STAF, ticket, "address", `pengganti.alamat@${DOMAIN}`);
    const r = row(office, ticket);
    expect(r.address).toBe(`pengganti.alamat@${DOMAIN}`);
    // The note says it all: the staff may never see the toast the trigger raises.
    expect(cellOf(office, ticket, "address").note).toBe(
      `Alamat diubah menjadi pengganti.alamat@${DOMAIN} oleh ${STAF}; pemeriksaan duplikat diulang.`,
    );
    expect(toastsFor(office, STAF)).toEqual([]);
    expect(lastEntry(office, ticket)).toMatchObject({ action: "ubah_alamat", actor: STAF });
    expect(r.lastLogSeq).toBe(lastEntry(office, ticket).seq);
    const sweep = await office.emu.run("sweep");
    expect((sweep.returnValue as { repaired: string[] }).repaired).not.toContain(ticket);
    expect(row(office, ticket)).toMatchObject({ status: r.status, stageKey: "staf", address: r.address });
  });
});

describe("other chains from settings alone", () => {
  const walk = async (config: () => OfficeConfig): Promise<void> => {
    const c = config();
    const owner = `admin@${c.domain}`;
    const o = await createOffice({
      domain: c.domain,
      owner: { email: owner, admin: true, name: "Admin" },
      configure: (x) => ownValues(Object.assign(x, config(), { admins: [owner, ...c.admins] })),
    });
    try {
      const { results } = await submit(o, application({ "Surel pribadi": "rantai@gmail.com" }));
      expect(results.every((r) => r.ok)).toBe(true);
      const [rec] = register(o);
      const ticket = rec!.ticket;
      expect(rec!.stageKey).toBe(c.stages[0]!.key);
      for (let i = 0; i < c.stages.length - 1; i++) {
        const s = c.stages[i]!;
        expect(row(o, ticket).stageKey).toBe(s.key);
        expect(actionChoices(o, ticket)).toContain(L.teruskan);
        // The next stage's official may not act yet.
        const next = c.stages[i + 1]!;
        await act(o, next.officials[0]!, ticket, L.teruskan);
        expect(row(o, ticket).stageKey).toBe(s.key);
        await act(o, s.officials[0]!, ticket, L.teruskan);
        expect(row(o, ticket)).toMatchObject({
          stageKey: next.key,
          stage: next.label,
          responsible: next.officials.join(", "),
        });
        expect(mailsTo(o, next.officials[0]!).filter((m) => m.subject.includes(ticket))).toHaveLength(1);
      }
      const lastStage = c.stages[c.stages.length - 1]!;
      expect(actionChoices(o, ticket)).toContain(L.buat_akun);
      expect(actionChoices(o, ticket)).not.toContain(L.teruskan);
      expect(entriesOf(o, ticket).filter((e) => e.action === "teruskan")).toHaveLength(c.stages.length - 1);
      expect(row(o, ticket).responsible).toBe(lastStage.officials.join(", "));
    } finally {
      await o.emu.close();
    }
  };

  test("three stages (Kota Pematangsiantar)", async () => {
    expect(pematangsiantarConfig().stages).toHaveLength(3);
    await walk(pematangsiantarConfig);
  });

  test("five stages (a Lumajang-like chain)", async () => {
    expect(lumajangConfig().stages).toHaveLength(5);
    await walk(lumajangConfig);
  });
});

describe("settings edits", () => {
  test("an administrator changes the chain in the settings sheet; the next edit uses it", async () => {
    const { ticket } = await newRequest(office);
    await act(office, KADIS, ticket, L.teruskan);
    const newKabid = `plt.kabid@${DOMAIN}`;
    office.emu.ws.addIdentity({ email: newKabid });
    const rows = records(office, SHEETS.stages);
    const i = rows.findIndex((r) => r["Kunci"] === "kabid");
    const col = Object.keys(rows[0]!).indexOf("Pejabat (surel)") + 1;
    // A new official gets the register (editor) and the project (viewer: a standalone project's
    // triggers run for people who can view it).
    shareWithPeople(office.emu, office.ssId, [newKabid]);
    const { edit } = await editRange(office, ADMIN, SHEETS.stages, `${columnLetter(col)}${i + 2}`, [
      [newKabid],
    ]);
    expect(edit.ok).toBe(true);
    // The old Kabid is no longer the official of the stage; the new one is.
    const before = row(office, ticket);
    await act(office, KABID, ticket, L.teruskan);
    expectRefused(office, ticket, KABID, before, /tidak berwenang/);
    await act(office, newKabid, ticket, L.teruskan);
    expect(row(office, ticket)).toMatchObject({ stageKey: "kasi" });
    expect(lastEntry(office, ticket).actor).toBe(newKabid);
    // Put the Kabid back for the other tests.
    await editRange(office, ADMIN, SHEETS.stages, `${columnLetter(col)}${i + 2}`, [[KABID]]);
  });

  test("a mistake in the settings is reported to the administrator at once, in Indonesian", async () => {
    const rows = records(office, SHEETS.stages);
    const i = rows.findIndex((r) => r["Kunci"] === "kasi");
    const col = Object.keys(rows[0]!).indexOf("Pejabat (surel)") + 1;
    const a1 = `${columnLetter(col)}${i + 2}`;
    const toastsBefore = toastsFor(office, SERVICE).length;
    await editRange(office, ADMIN, SHEETS.stages, a1, [["kasi.pksi-tanpa-domain"]]);
    const shown = toastsFor(office, SERVICE).slice(toastsBefore);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe("Surel: pengaturan bermasalah");
    expect(shown[0]!.message).toContain("kasi.pksi-tanpa-domain");
    expect(errorLog(office).pop()!["Pesan"]).toMatch(/^Pengaturan bermasalah setelah diubah: /);
    // The edited cell carries the whole message; corrected, the program's note goes.
    const note = cellAt(office, SHEETS.stages, a1).note;
    expect(note).toMatch(/^Pengaturan bermasalah setelah diubah: /);
    expect(note).toContain("kasi.pksi-tanpa-domain");
    await editRange(office, ADMIN, SHEETS.stages, a1, [[KASI]]);
    expect(cellAt(office, SHEETS.stages, a1).note).toBe("");
    expect(toastsFor(office, SERVICE)).toHaveLength(toastsBefore + 1);
  });
});
