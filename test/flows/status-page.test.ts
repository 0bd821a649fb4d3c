/**
 * The applicant status page, on the built bundle: the receipt carries a per-request
 * secret code (only its keyed hash is kept), the page (doGet) and its lookup (google.script.run as
 * an anonymous visitor) show the status, stage, next step, expected completion and the history of
 * stages from the status record that follows every logged change, and nothing personal beyond the
 * first name. Wrong codes get one generic answer, attempts are limited per ticket and over all
 * tickets, and an unknown ticket cannot be told from a wrong code.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { webAppCall, webAppGet } from "gas-emulator";
import { scriptPropertiesOf } from "gas-emulator/testkit";
import { act, application, DOMAIN, mails } from "./harness.js";
import { KADIS, newRequest, provision, provisioningOffice, applicant } from "./provision-kit.js";
import { complain, lookup, readable, receiptCode, statusSheet } from "./status-kit.js";
import type { Office } from "./harness.js";
import { t } from "../../src/domain/text/index.js";

let office: Office;
let ticket: string;
let code: string;
const PERSONAL = "ahmad.fauzi@gmail.com";
const NIP = "198503302010011002";

beforeAll(async () => {
  office = await provisioningOffice();
  ticket = await newRequest(office, application({ "Surel pribadi": PERSONAL, "NIP / NI PPPK": NIP }));
  code = receiptCode(office, PERSONAL, ticket);
});
afterAll(async () => {
  await office.emu.close();
});

describe("the code and the record", () => {
  test("the receipt carries a 60-bit code; the record keeps only a keyed hash and the first name", () => {
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const table = statusSheet(office);
    const rowOf = table.find((r) => r[0] === ticket)!;
    expect(rowOf[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(rowOf[3]).toBe("Ahmad");
    const all = table.flat().join("\n");
    expect(all).not.toContain(code);
    expect(all).not.toContain(code.replace(/-/g, ""));
    expect(all).not.toContain(NIP);
    expect(all).not.toContain(PERSONAL);
    expect(all).not.toContain("Fauzi");
    // Nowhere in the program's properties either (only the hash key is there).
    const props = JSON.stringify([...scriptPropertiesOf(office.emu.ws)]);
    expect(props).toContain("surel:statusKey");
    expect(props).not.toContain(code.replace(/-/g, ""));
  });

  test("two requests get different codes", async () => {
    const other = await newRequest(office, applicant(1, { "Surel pribadi": "lain.orang@gmail.com" }));
    expect(receiptCode(office, "lain.orang@gmail.com", other)).not.toBe(code);
  });
});

describe("the page", () => {
  test("doGet serves the page with both forms, a title and the phone viewport, in Indonesian", async () => {
    const { output } = await webAppGet(office.emu);
    const html = output.getContent();
    expect(output.getTitle()).toBe("Status Permohonan Surel Dinas");
    expect(output._settings().metaTags).toContainEqual(["viewport", "width=device-width, initial-scale=1"]);
    expect(html).toContain('name="ticket"');
    expect(html).toContain('name="code"');
    expect(html).toContain("Kirim pengaduan");
    expect(readable(html)).toContain(
      "Pengendali data: Dinas Komunikasi dan Informatika, Pemerintah Kota Contoh",
    );
  });

  test("the right code shows status, stage, next step, expected completion and history; first name only", async () => {
    const r = await lookup(office, ticket, code);
    expect(r.ok).toBe(true);
    const text = readable(r.html);
    expect(text).toContain("Halo, Ahmad.");
    expect(text).toContain(`Nomor tiket ${ticket}`);
    expect(text).toContain("Tahap saat ini Kepala Dinas");
    expect(text).toContain(
      "Permohonan sedang diproses oleh Kepala Dinas. Sesudah itu: Kepala Bidang e-Government",
    );
    // Received Monday 08.01; the four stages' targets (120 + 60 + 60 + 25 working minutes) fit in the day.
    expect(text).toContain("Perkiraan selesai (dihitung dalam jam kerja) 23 November 2026 pukul 12.26 WIB");
    expect(text).toContain("Riwayat tahap Kepala Dinas (baru)");
    for (const secret of [NIP, PERSONAL, "Fauzi", "0812", "Analis Sistem"])
      expect(text).not.toContain(secret);
  });

  test("typed loosely (lower case, spaces, O for 0) it is still found", async () => {
    const loose = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o");
    const r = await lookup(office, ticket.toLowerCase().replace(/-/g, " "), loose);
    expect(r.ok).toBe(true);
  });

  test("a disposition moves the record: new stage, the history grows, the official's note is not shown", async () => {
    await act(
      office,
      KADIS,
      ticket,
      "Teruskan (disposisi)",
      "Catatan internal: prioritaskan, pemohon kerabat pejabat",
    );
    const r = await lookup(office, ticket, code);
    const text = readable(r.html);
    expect(text).toContain("Tahap saat ini Kepala Bidang e-Government");
    expect(text).toContain("Kepala Dinas (baru)");
    expect(text).toContain("Kepala Bidang e-Government (diproses)");
    expect(text).not.toContain("Catatan internal");
    expect(text).not.toContain("kerabat");
    expect(text).not.toContain(KADIS);
  });

  test("hostile input in the form is escaped, never markup", async () => {
    const r = await lookup(office, `<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`);
    expect(r.ok).toBe(false);
    expect(r.html).not.toContain("<script");
    expect(r.html).not.toContain("<img");
  });
});

describe("account creation shows on the page", () => {
  test("after Buat akun the request is finished and its history ends there", async () => {
    const email = "siti.rahma@gmail.com";
    const t2 = await provision(office, applicant(7, { "Surel pribadi": email }));
    const r = await lookup(office, t2, receiptCode(office, email, t2));
    const text = readable(r.html);
    expect(text).toContain("selesai");
    expect(text).toContain(t("id", "status_page.next.done"));
    expect(text).toMatch(/Staf Teknis \(diproses\).*selesai/);
    expect(text).not.toContain("Perkiraan selesai");
  });
});

describe("guessing", () => {
  const GENERIC =
    "Status tidak dapat ditampilkan Nomor tiket atau kode rahasia tidak cocok, atau sudah terlalu banyak percobaan. Periksa tanda terima Anda dan coba lagi satu jam lagi.";

  test("a wrong code, an unknown ticket and a malformed one give the very same answer", async () => {
    const wrong = await lookup(office, ticket, "AAAA-BBBB-CCCC");
    const unknown = await lookup(office, "SRL-2611-9999", code);
    const junk = await lookup(office, "hello", "x");
    expect(readable(wrong.html)).toBe(GENERIC);
    expect(unknown.html).toBe(wrong.html);
    expect(junk.html).toBe(wrong.html);
    expect([wrong.ok, unknown.ok, junk.ok]).toEqual([false, false, false]);
  });

  test("five failures lock a ticket for an hour, even for the right code; other tickets are unaffected", async () => {
    const email = "dewi.lestari@gmail.com";
    const victim = await newRequest(office, applicant(11, { "Surel pribadi": email }));
    const right = receiptCode(office, email, victim);
    for (let i = 0; i < 5; i++) expect((await lookup(office, victim, `ZZZZ-ZZZZ-ZZZ${i}`)).ok).toBe(false);
    const locked = await lookup(office, victim, right);
    expect(locked.ok).toBe(false);
    expect(readable(locked.html)).toBe(GENERIC);
    // The same ticket typed differently is the same ticket.
    expect((await lookup(office, victim.toLowerCase(), right)).ok).toBe(false);
    expect((await lookup(office, ticket, code)).ok).toBe(true);
    await office.emu.advance(61 * 60_000);
    expect((await lookup(office, victim, right)).ok).toBe(true);
  });

  test("enumeration across tickets: after 200 failures in an hour every lookup gets the generic answer", async () => {
    await office.emu.advance(61 * 60_000);
    let failures = 0;
    for (let serial = 1; failures < 200; serial++) {
      // A different ticket every time (never 5 on one), as an enumerating attacker would.
      const r = await lookup(office, `SRL-2611-${String(1000 + serial).padStart(4, "0")}`, "AAAA-AAAA-AAAA");
      expect(r.ok).toBe(false);
      failures++;
    }
    const blocked = await lookup(office, ticket, code);
    expect(blocked.ok).toBe(false);
    expect(readable(blocked.html)).toBe(GENERIC);
    await office.emu.advance(61 * 60_000);
    expect((await lookup(office, ticket, code)).ok).toBe(true);
  }, 180_000);

  test("the page cannot call private or unknown functions, and nothing else answers an anonymous visitor", async () => {
    expect((await webAppCall(office.emu, "lookupStatus_", [{}])).ok).toBe(false);
    expect((await webAppCall(office.emu, "nosuchfunction", [])).ok).toBe(false);
    // The doctor's diagnostic refuses a page visitor (every guarded entry point does:
    // webapp-guard.test.ts).
    const doctor = await webAppCall(office.emu, "doctorReport", []);
    expect(doctor.ok).toBe(false);
    expect(doctor.result?.error?.message).toContain(t("id", "guard.refused", { entry: "doctorReport" }));
    // The reissue is an admin-sheet request now: there is no such function to call.
    expect((await webAppCall(office.emu, "reissueLetter", [ticket])).ok).toBe(false);
  });
});

describe("a complaint from the page", () => {
  test("is numbered, and reaches the handlers and the complainant", async () => {
    const r = await complain(office, {
      name: "Rina",
      email: "rina.warga@gmail.com",
      ticket: "",
      text: "Formulir sulit dibuka dari ponsel saya.",
    });
    expect(r.ok).toBe(true);
    const number = /ADU-\d{4}-\d{4}/.exec(readable(r.html))![0];
    expect(
      mails(office).some((m) => m.to.includes("rina.warga@gmail.com") && m.subject.includes(number)),
    ).toBe(true);
    expect(mails(office).some((m) => m.to.includes(`kadis@${DOMAIN}`) && m.subject.includes(number))).toBe(
      true,
    );
  });

  test("bad input is explained and nothing is filed", async () => {
    const before = mails(office).length;
    const r = await complain(office, { name: "", email: "bukan-surel", ticket: "abc", text: "x" });
    expect(r.ok).toBe(false);
    const text = readable(r.html);
    expect(text).toContain(t("id", "complaint.problem.name"));
    expect(text).toContain(t("id", "complaint.problem.email"));
    expect(text).toContain("“abc” bukan nomor tiket");
    expect(text).toContain("Isi pengaduan terlalu pendek");
    expect(mails(office).length).toBe(before);
  });
});
