/**
 * Retention (UU PDP) of what the status page and the complaints hold, on the built bundle: a
 * request erased after retensi_hari also loses the first name in its status record (Status
 * Publik), whose page then greets by ticket; a closed complaint loses the complainant's name,
 * address and text, logged in its own chain; open complaints and open requests keep theirs; the
 * log, which is never rewritten, holds no complainant's address or name, and still verifies.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RetentionReport } from "../../src/flows/retention.js";
import { ACTION_LABELS } from "../../src/domain/workflow.js";
import { STATUS_SHEET } from "../../src/workspace/statusrecords.js";
import type { ExecutionResult } from "gas-emulator";
import {
  act,
  application,
  createOffice,
  DOMAIN,
  log,
  records,
  register,
  submit,
  type Office,
} from "./harness.js";
import {
  answer,
  complain,
  complaintNumberIn,
  complaintRow,
  lookup,
  readable,
  receiptCode,
} from "./status-kit.js";

const DAY = 86_400_000;
const MARKER = /^\[dihapus \d{4}-\d{2}-\d{2}\]$/;
const KADIS = `kadis@${DOMAIN}`;
const STAF = `staf.pksi@${DOMAIN}`;

let office: Office;
const t = { closed: "", open: "" };
const c = { closed: "", answered: "" };
let code = "";
let result: ExecutionResult;

async function newRequest(name: string, email: string, nip: string): Promise<string> {
  const { row } = await submit(
    office,
    application({ "Nama lengkap": name, "Surel pribadi": email, "NIP / NI PPPK": nip }),
  );
  return register(office).find((r) => r.responseRow === String(row))!.ticket;
}

async function sweepAfter(ms: number): Promise<ExecutionResult> {
  office.emu.ws.advance(ms);
  const r = await office.emu.run("sweep", { kind: "installable" });
  if (!r.ok) throw new Error(`sweep failed: ${r.error?.message}`);
  return r;
}

const retention = (r: ExecutionResult) => (r.returnValue as { retention?: RetentionReport }).retention!;
const statusRecord = (ticket: string) => records(office, STATUS_SHEET).find((r) => r.Tiket === ticket)!;

beforeAll(async () => {
  office = await createOffice({ configure: (cfg) => (cfg.privacy.retentionDays = 30) });
  t.closed = await newRequest("Sari Dewi", "sari.dewi@gmail.com", "198503302010012001");
  code = receiptCode(office, "sari.dewi@gmail.com", t.closed);
  await act(office, KADIS, t.closed, ACTION_LABELS.tolak, "Bukan pegawai OPD yang disebut.");
  t.open = await newRequest("Budi Santoso", "budi.santoso@gmail.com", "198503302010011003");
  c.closed = complaintNumberIn(
    await complain(office, {
      name: "Rina Warga",
      email: "rina.warga@gmail.com",
      ticket: t.closed,
      text: "Permohonan saya ditolak tanpa penjelasan yang jelas.",
    }),
  );
  await answer(office, STAF, c.closed, "Alasannya tercantum di surel pemberitahuan.", "Selesaikan");
  c.answered = complaintNumberIn(
    await complain(office, {
      name: "Joko Warga",
      email: "joko.warga@gmail.com",
      ticket: "",
      text: "Bagaimana cara mengganti kata sandi akun dinas?",
    }),
  );
  await answer(office, STAF, c.answered, "Lewat halaman akun Google.", "Tanggapi");
  expect(statusRecord(t.closed)["Nama Depan"]).toBe("Sari");
  result = await sweepAfter(31 * DAY);
}, 120_000);
afterAll(async () => {
  await office?.emu.close();
});

describe("the status record", () => {
  test("an erased request's record loses the first name, in the same log entry as the register", () => {
    const report = retention(result);
    expect(report.erased).toEqual([t.closed]);
    expect(report.statusNames).toBe(1);
    const rec = statusRecord(t.closed);
    expect(rec["Nama Depan"]).toMatch(MARKER);
    expect(rec.Status).toBe("ditolak");
    expect(statusRecord(t.open)["Nama Depan"]).toBe("Budi");
    const erased = log(office).filter((e) => e.ticket === t.closed && e.action === "hapus_data_pribadi");
    expect(erased).toHaveLength(1);
    expect(erased[0]!.note).toContain("Nama Depan (Status Publik)");
  });

  test("the page still answers the right code, greeting by ticket, not by the marker", async () => {
    const r = await lookup(office, t.closed, code);
    expect(r.ok).toBe(true);
    const text = readable(r.html);
    expect(text).toContain(`Halo, ${t.closed}.`);
    expect(text).not.toMatch(/Sari|dihapus/);
  });
});

describe("complaints", () => {
  test("a closed complaint loses the complainant's name, address and text; the rest stays", () => {
    expect(retention(result).complaints).toEqual([c.closed]);
    const r = complaintRow(office, c.closed);
    for (const h of ["Nama", "Surel", "Isi Pengaduan"]) expect(r[h], h).toMatch(MARKER);
    expect(r.Nomor).toBe(c.closed);
    expect(r.Tiket).toBe(t.closed);
    expect(r.Status).toBe("selesai");
    expect(r.Diterima).not.toBe("");
    expect(r.Selesai).not.toBe("");
  });

  test("a complaint answered but not closed keeps them", () => {
    const r = complaintRow(office, c.answered);
    expect(r.Nama).toBe("Joko Warga");
    expect(r.Surel).toBe("joko.warga@gmail.com");
    expect(r.Status).toBe("ditanggapi");
  });

  test("the erasure is in the complaint's own chain; the log holds no complainant and still verifies", async () => {
    const chain = log(office).filter((e) => e.ticket === c.closed);
    expect(chain.map((e) => [e.action, e.from, e.to, e.actor])).toEqual([
      ["pengaduan_diterima", "", "pengaduan/baru", "pengadu"],
      ["pengaduan_selesai", "pengaduan/baru", "pengaduan/selesai", STAF],
      ["hapus_data_pribadi", "pengaduan/selesai", "pengaduan/selesai", "sistem"],
    ]);
    expect(chain[2]!.note).toContain("Nama, Surel, Isi Pengaduan");
    expect(complaintRow(office, c.closed)["No. Log Terakhir"]).toBe(chain[2]!.seq);
    const everything = JSON.stringify(log(office));
    for (const s of ["rina.warga", "Rina", "joko.warga", "Joko", "ditolak tanpa penjelasan"])
      expect(everything).not.toContain(s);
    const verified = await office.emu.run("verifyLog");
    expect(verified.returnValue).toMatchObject({ ok: true });
  });

  test("the next day's pass changes nothing", async () => {
    const before = log(office).length;
    const next = retention(await sweepAfter(DAY));
    expect(next.erased).toEqual([]);
    expect(next.complaints).toEqual([]);
    expect(next.statusNames).toBe(0);
    expect(log(office).filter((e) => e.action === "hapus_data_pribadi")).toHaveLength(2);
    expect(log(office).length).toBeGreaterThanOrEqual(before);
  });
});
