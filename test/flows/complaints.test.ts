/**
 * Complaints (pengaduan), on the built bundle: a complaint filed on the status page gets
 * its own number and row in the Pengaduan sheet, goes to the configured handlers (Kadis, Kabid
 * e-Government, technical support), and has its own target time; a handler answers by writing the
 * response and choosing an action in the row's dropdown; the complainant is mailed every response;
 * every step is in the same hash-chained log, which still verifies. Someone who is not a handler
 * is refused and the attempt logged.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMPLAINT_SHEET, complaintColumn } from "../../src/workspace/complaints.js";
import { createOffice, DOMAIN, log, mailsTo, OUTSIDER, sheet, cellAt, type Office } from "./harness.js";
import {
  complain,
  complaintA1,
  complaintNumberIn,
  complaintRow as complaintRowOf,
  complaintRowNumber,
  handlerEdit as editComplaint,
  readable,
} from "./status-kit.js";

let office: Office;
let number: string;
const KADIS = `kadis@${DOMAIN}`;
const KABID = `kabid.egov@${DOMAIN}`;
const STAF = `staf.pksi@${DOMAIN}`;
const RINA = "rina.warga@gmail.com";

const complaintRow = (n: string) => complaintRowOf(office, n);
const rowNumber = (n: string) => complaintRowNumber(office, n);
const handlerEdit = (as: string, n: string, key: "action" | "response", value: string) =>
  editComplaint(office, as, n, key, value);

function actionNote(): string {
  return cellAt(office, COMPLAINT_SHEET, complaintA1(office, number, "action")).note;
}

function choices(n: string): string[] {
  const rule = sheet(office, COMPLAINT_SHEET)
    .getRange(rowNumber(n), complaintColumn("action"))
    .getDataValidation();
  if (!rule) return [];
  const v = rule.getCriteriaValues();
  return Array.isArray(v[0]) ? (v[0] as unknown[]).map(String) : [];
}

beforeAll(async () => {
  office = await createOffice();
  const r = await complain(office, {
    name: "Rina Warga",
    email: RINA,
    ticket: "srl-2611-0003",
    text: "Permohonan saya belum diproses padahal sudah lewat satu hari kerja.",
  });
  expect(r.ok).toBe(true);
  number = complaintNumberIn(r);
});
afterAll(async () => {
  await office.emu.close();
});

describe("a complaint is filed", () => {
  test("with its own number, a row, the handlers, a due time and a dropdown", () => {
    expect(number).toMatch(/^ADU-2611-0001$/);
    const r = complaintRow(number);
    expect(r.Status).toBe("baru");
    expect(r.Tiket).toBe("SRL-2611-0003");
    expect(r.Nama).toBe("Rina Warga");
    expect(r["Penanggung Jawab"]).toBe(`${KADIS}, ${KABID}, ${STAF}`);
    // Filed Monday 08.00; the target is one working day (510 working minutes).
    expect(r.Diterima).toMatch(/^23\/11\/2026 08:0\d$/);
    expect(r["Batas Waktu"]).toMatch(/^24\/11\/2026 08:0\d$/);
    expect(choices(number)).toEqual(["Tanggapi", "Selesaikan"]);
  });

  test("the handlers get a notice with a link to the row; the complainant a receipt", () => {
    for (const h of [KADIS, KABID, STAF]) {
      const m = mailsTo(office, h).find((x) => x.subject === `Pengaduan baru ${number}`);
      expect(m?.body).toContain("Permohonan saya belum diproses");
      expect(m?.body).toContain("#gid=");
    }
    const receipt = mailsTo(office, RINA).find((x) => x.subject === `Pengaduan diterima \u2013 ${number}`);
    expect(receipt?.body).toContain(`nomor ${number}`);
    expect(receipt?.body).toContain("Tentang permohonan: SRL-2611-0003");
  });

  test("numbers follow on", async () => {
    const r = await complain(office, {
      name: "Budi",
      email: "budi@gmail.com",
      ticket: "",
      text: "Pertanyaan umum tentang layanan.",
    });
    expect(readable(r.html)).toContain("ADU-2611-0002");
  });

  test("the filing is in the hash-chained log", () => {
    const e = log(office).find((x) => x.ticket === number);
    // The typed address is nobody's verified identity, and the log is never rewritten: not in it.
    expect(e).toMatchObject({
      action: "pengaduan_diterima",
      from: "",
      to: "pengaduan/baru",
      actor: "pengadu",
    });
    expect(JSON.stringify(log(office))).not.toContain(RINA);
  });
});

describe("handlers answer by the dropdown", () => {
  test("someone who is not a handler is refused, the cell cleared and the attempt logged", async () => {
    await handlerEdit(OUTSIDER, number, "response", "Saya jawab saja.");
    await handlerEdit(OUTSIDER, number, "action", "Tanggapi");
    expect(complaintRow(number).Status).toBe("baru");
    expect(complaintRow(number).Tindakan).toBe("");
    // The reason stays on the cell (a toast from a trigger reaches only the trigger's owner).
    expect(actionNote()).toBe(
      "Perubahan dibatalkan oleh sistem: Anda bukan penangan pengaduan atau administrator.",
    );
    const refused = log(office).filter((x) => x.ticket === number && x.action === "ditolak_sistem");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.actor).toBe(OUTSIDER);
    expect(mailsTo(office, RINA).filter((m) => m.subject.startsWith("Tanggapan"))).toHaveLength(0);
  });

  test("an action without a response is refused", async () => {
    await handlerEdit(KABID, number, "response", "");
    await handlerEdit(KABID, number, "action", "Tanggapi");
    expect(complaintRow(number).Status).toBe("baru");
    expect(actionNote()).toContain("Tulis tanggapan di kolom Tanggapan");
  });

  test("a response reaches the complainant; the complaint stays open", async () => {
    await handlerEdit(
      KABID,
      number,
      "response",
      "Permohonan Anda sedang kami periksa di tahap Kepala Dinas.",
    );
    await handlerEdit(KABID, number, "action", "Tanggapi");
    const r = complaintRow(number);
    expect(r.Status).toBe("ditanggapi");
    expect(r.Tanggapan).toBe("");
    expect(r.Tindakan).toBe("");
    const mail = mailsTo(office, RINA).find((m) => m.subject === `Tanggapan atas pengaduan ${number}`);
    expect(mail?.body).toContain("Permohonan Anda sedang kami periksa di tahap Kepala Dinas.");
    expect(mail?.body).toContain(`Pengaduan ${number} masih kami tindak lanjuti.`);
    expect(choices(number)).toEqual(["Tanggapi", "Selesaikan"]);
  });

  test("closing sends the last response; afterwards the complaint takes no more actions", async () => {
    await handlerEdit(STAF, number, "response", "Akun Anda sudah dibuat dan suratnya dikirim.");
    await handlerEdit(STAF, number, "action", "Selesaikan");
    const r = complaintRow(number);
    expect(r.Status).toBe("selesai");
    expect(r.Selesai).not.toBe("");
    const responses = mailsTo(office, RINA).filter((m) => m.subject === `Tanggapan atas pengaduan ${number}`);
    expect(responses).toHaveLength(2);
    expect(responses[1]!.body).toContain(`Dengan tanggapan ini pengaduan ${number} kami nyatakan selesai.`);
    expect(choices(number)).toEqual([]);
  });

  test("the complaint's own chain: filed → answered → closed, hash-chained with the requests' log", async () => {
    const chain = log(office).filter((x) => x.ticket === number && x.action !== "ditolak_sistem");
    expect(chain.map((x) => [x.action, x.from, x.to, x.actor])).toEqual([
      ["pengaduan_diterima", "", "pengaduan/baru", "pengadu"],
      ["pengaduan_ditanggapi", "pengaduan/baru", "pengaduan/ditanggapi", KABID],
      ["pengaduan_selesai", "pengaduan/ditanggapi", "pengaduan/selesai", STAF],
    ]);
    expect(chain[1]!.note).toBe("Permohonan Anda sedang kami periksa di tahap Kepala Dinas.");
    const verified = await office.emu.run("verifyLog");
    expect(verified.returnValue).toMatchObject({ ok: true });
  });
});
