/**
 * An outside review as an attacker, on the built bundle: an outsider who knows a ticket and a NIP,
 * an official who edits what they can reach, an anonymous visitor of the status page, and the
 * platform's less convenient behaviour. Each block failed before its fix (or is marked
 * `test.fails` with the reason it is left open).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { questionTitle } from "../../src/domain/form.js";
import { webAppCall } from "gas-emulator";
import {
  application,
  correctionOf,
  DOMAIN,
  log,
  mails,
  mailsTo,
  OUTSIDER,
  register,
  row,
  submit,
  type Office,
} from "./harness.js";
import {
  accountsFor,
  chooseCreate,
  provisioningOffice,
  STAF,
  staffOnly,
  toLastStage,
} from "./provision-kit.js";
import {
  complain,
  complaintNumberIn,
  complaintRow,
  handlerEdit,
  lookup,
  readable,
  receiptCode,
} from "./status-kit.js";
import { t } from "../../src/domain/text/index.js";
import { catalogued } from "./harness.js";

const KADIS = `kadis@${DOMAIN}`;

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice({ configure: staffOnly });
});
afterAll(async () => {
  await office.emu.close();
});

async function intake(answers: Record<string, string>): Promise<string> {
  const { row: responseRow, results } = await submit(office, answers);
  for (const r of results) expect(r.error?.message ?? "").toBe("");
  const rec = register(office).find((r) => r.responseRow === String(responseRow));
  if (!rec) throw new Error(`no register row for response ${responseRow}`);
  return rec.ticket;
}

describe("the complaint form is no mail relay", () => {
  test("the receipt to the typed address carries neither the typed name nor the typed text", async () => {
    // Anyone may type any address: the office's own sender would carry an attacker's words
    // (a link, a "your account is blocked" message) to any mailbox, signed by the government.
    const victim = "korban.phishing@gmail.com";
    const r = await complain(office, {
      name: "Tim Keamanan Akun https://contohkota-go-id.example/login",
      email: victim,
      ticket: "",
      text: "Akun Anda diblokir. Masuk kembali di https://contohkota-go-id.example/login dalam 24 jam.",
    });
    expect(r.ok).toBe(true);
    const n = complaintNumberIn(r);
    const got = mailsTo(office, victim);
    expect(got).toHaveLength(1);
    const all = `${got[0]!.subject}\n${got[0]!.body}\n${got[0]!.htmlBody ?? ""}`;
    expect(all).toContain(n);
    expect(all).not.toContain("example");
    expect(all).not.toContain("diblokir");
    expect(all).not.toContain("Tim Keamanan");
    // The handlers still read everything.
    expect(mailsTo(office, KADIS).find((m) => m.subject.includes(n))?.body).toContain("diblokir");
  });
});

describe("a complaint's response is the acting handler's own", () => {
  test("text another editor typed is not sent under a handler's action", async () => {
    const citizen = "warga.asli@gmail.com";
    const r = await complain(office, {
      name: "Warga Asli",
      email: citizen,
      ticket: "",
      text: "Permohonan akun saya belum ada kabar sejak minggu lalu.",
    });
    const n = complaintNumberIn(r);
    // An editor of the spreadsheet who handles no complaint types the "response"…
    await handlerEdit(
      office,
      OUTSIDER,
      n,
      "response",
      "Silakan kirim NIK dan foto KTP ke wa.me/6281200000000.",
    );
    // …and the handler, busy, chooses "Tanggapi" on the row.
    await handlerEdit(office, STAF, n, "action", "Tanggapi");
    const told = mailsTo(office, citizen)
      .map((m) => m.body)
      .join("\n");
    expect(told).not.toContain("foto KTP");
    expect(complaintRow(office, n).Status).toBe("baru");
    // The handler's own text goes out.
    await handlerEdit(office, STAF, n, "response", "Permohonan Anda sedang kami periksa.");
    await handlerEdit(office, STAF, n, "action", "Tanggapi");
    expect(
      mailsTo(office, citizen)
        .map((m) => m.body)
        .join("\n"),
    ).toContain("sedang kami periksa");
    expect(complaintRow(office, n).Status).toBe("ditanggapi");
  });
});

describe("the complaint limit holds under parallel calls", () => {
  test("batches of 30 complaints at the same moment file at most 30 in the hour", async () => {
    // The hour's window starts fresh.
    office.emu.ws.advance(2 * 60 * 60_000);
    let filed = 0;
    for (let batch = 0; batch < 3; batch++) {
      const specs = Array.from({ length: 30 }, (_, i) => ({
        handler: "fileComplaint",
        kind: "webapp" as const,
        as: "",
        effectiveUser: office.emu.ws.owner.email,
        args: [
          {
            name: `Pengadu ${batch}-${i}`,
            email: `banjir.${batch}.${i}@gmail.com`,
            ticket: "",
            text: "Pengaduan banjir untuk menguji batas per jam.",
          },
        ],
      }));
      const results = await office.emu.runConcurrently(specs);
      filed += results.filter((x) => (x.returnValue as { ok?: boolean } | null)?.ok === true).length;
      office.emu.ws.advance(60_000);
    }
    expect(filed).toBeGreaterThan(0);
    expect(filed).toBeLessThanOrEqual(30);
  });
});

describe("a correction by ticket and NIP cannot take over the account's recovery", () => {
  test("the recovery phone on record stays; the letter's account gets the applicant's number", async () => {
    const victimPhone = "0813-1111-2222";
    const ticket = await intake(
      application({
        "Nama lengkap": "Lestari Handayani",
        "NIP / NI PPPK": "199104042015032005",
        "Surel pribadi": "lestari.h@gmail.com",
        "Nomor HP/WhatsApp": victimPhone,
        "Tanggal surat permohonan": "2027-01-05",
      }),
    );
    expect(row(office, ticket).status).toBe("perlu perbaikan");
    // Someone who holds the receipt's code too (a forwarded receipt) and types another number.
    await intake(
      application({
        "Nama lengkap": "Lestari Handayani",
        "NIP / NI PPPK": "199104042015032005",
        "Surel pribadi": "lestari.h@gmail.com",
        "Nomor HP/WhatsApp": "0899-6666-7777",
        ...correctionOf(office, ticket, "lestari.h@gmail.com"),
      }),
    );
    await toLastStage(office, ticket);
    await chooseCreate(office, ticket);
    const [user] = accountsFor(office, ticket);
    expect(user).toBeDefined();
    expect(JSON.stringify(user)).not.toContain("89966667777");
    expect((user as { recoveryPhone?: string }).recoveryPhone).toBe("+6281311112222");
  });
});

describe("complaints cannot spend the mail quota the letters need", () => {
  test("a day of complaints at the hourly limit leaves quota for a request's receipt and letter", async () => {
    // A fresh office: the attacker files 30 complaints every hour (each mails the typed
    // address and the three handlers: 4 of the 1,500 recipients a day).
    const o = await provisioningOffice({ configure: staffOnly });
    try {
      // Google resets the quota 24 hours after its first use: the request comes in hour 16.
      for (let hour = 0; hour < 16; hour++) {
        for (let i = 0; i < 30; i++) {
          await webAppCall(o.emu, "fileComplaint", [
            {
              name: "Pengadu",
              email: `banjir.${hour}.${i}@gmail.com`,
              ticket: "",
              text: "Pengaduan banjir untuk menghabiskan kuota surel.",
            },
          ]);
        }
        o.emu.ws.advance(60 * 60_000);
      }
      expect(o.emu.ws.quotas.remaining("emailRecipients", o.emu.ws.now())).toBeGreaterThanOrEqual(500);
      const personal = "setelah.banjir@gmail.com";
      const { results } = await submit(
        o,
        application({ "Nama lengkap": "Budi Setiawan", "Surel pribadi": personal }),
      );
      const ticket = (results.find((r) => r.handler === "onFormSubmit")?.returnValue as { ticket: string })
        .ticket;
      await chooseCreate(o, ticket);
      expect(row(o, ticket).status).toBe("selesai");
      expect(mailsTo(o, personal).length).toBeGreaterThanOrEqual(2);
    } finally {
      await o.emu.close();
    }
  }, 300_000);
});

describe("the status page holds against an anonymous visitor (controls that passed)", () => {
  test("varying the case and spaces of a ticket does not reset its attempt limit", async () => {
    const personal = "limit.tiket@gmail.com";
    const ticket = await intake(application({ "Nama lengkap": "Yanti Susanti", "Surel pribadi": personal }));
    const code = receiptCode(office, personal, ticket);
    // Every spelling the page reads as this ticket (one that does not parse looks nothing up).
    const variants = [
      ticket.toLowerCase(),
      ` ${ticket} `,
      ticket.replace(/-/g, " "),
      ticket.replace(/-(\d{4})$/, "-0$1"),
      `\t${ticket.toLowerCase()}\n`,
    ];
    for (const v of variants) expect((await lookup(office, v, "AAAA-AAAA-AAAA")).ok).toBe(false);
    // Five failures in every spelling: the ticket is locked, the right code too.
    expect((await lookup(office, ticket, code)).ok).toBe(false);
    office.emu.ws.advance(61 * 60_000);
    expect((await lookup(office, ticket.toLowerCase(), code)).ok).toBe(true);
  });

  test("huge and hostile inputs come back as the one generic answer or escaped text", async () => {
    const huge = "SRL-2611-0001" + "x".repeat(2_000_000);
    const r = await webAppCall(office.emu, "lookupStatus", [{ ticket: huge, code: huge }]);
    expect(r.ok).toBe(true);
    expect((r.result!.returnValue as { ok: boolean }).ok).toBe(false);
    const c = await complain(office, {
      name: 'Budi <img src=x onerror="alert(1)">',
      email: "budi.html@gmail.com",
      ticket: "",
      text: '<script>alert("x")</script> permohonan saya hilang',
    });
    expect(c.ok).toBe(true);
    const n = complaintNumberIn(c);
    const notice = mails(office).find((m) => m.subject.includes(n) && m.to.includes(STAF));
    expect(notice?.htmlBody).toContain("&lt;script&gt;");
    expect(notice?.htmlBody).not.toContain("<script>");
    expect(notice?.htmlBody).not.toContain("<img");
    // A header injection attempt in the name never reaches a header: the subject is the number.
    const crlf = await complain(office, {
      name: "Budi\r\nBcc: korban@gmail.com",
      email: "budi.crlf@gmail.com\r\nBcc: korban2@gmail.com",
      ticket: "",
      text: "Pengaduan dengan baris baru di alamat.",
    });
    expect(crlf.ok).toBe(false);
    expect(readable(crlf.html)).toContain("surel");
    expect(mailsTo(office, "korban2@gmail.com")).toEqual([]);
  });
});

describe("a correction needs the receipt's secret code", () => {
  // A correction matched on the e-mail or the NIP (both known to others) replaced the name (and so
  // the proposed address), the position, the OPD, the account type and the wish; every stage
  // approved again and the applicant heard only "corrected". A correction now carries the code
  // from the receipt; without it the submission is its own request and the address on record is told.
  const victim = "wahyu.p@gmail.com";
  const outsider = "penyerang.lain@yahoo.com";
  let ticket = "";
  beforeAll(async () => {
    ticket = await intake(
      application({
        "Nama lengkap": "Wahyu Pratama",
        "NIP / NI PPPK": "199203032016031006",
        "Surel pribadi": victim,
        "Tanggal surat permohonan": "2027-01-05",
      }),
    );
    expect(row(office, ticket).status).toBe("perlu perbaikan");
  });

  test("an outsider's correction does not rename the request", async () => {
    const theirs = await intake(
      application({
        "Nama lengkap": "Wahyu Bodoh",
        "NIP / NI PPPK": "199203032016031006",
        "Surel pribadi": outsider,
        [questionTitle("previousTicket", "id")]: ticket,
      }),
    );
    const rec = row(office, ticket);
    expect(rec.address).not.toContain("bodoh");
    expect(rec).toMatchObject({ status: "perlu perbaikan", name: "Wahyu Pratama", personalEmail: victim });
    // Nothing submitted is lost: the answers are a request of their own, and say why.
    expect(theirs).not.toBe(ticket);
    expect(row(office, theirs).name).toBe("Wahyu Bodoh");
    expect(row(office, theirs).problems).toMatch(catalogued("correction.code_missing", { ticket }));
    // The attempt is logged on the request, which does not move.
    const entry = log(office).find((e) => e.ticket === ticket && e.action === "perbaikan_ditolak");
    expect(entry).toMatchObject({ from: "perlu perbaikan", to: "perlu perbaikan" });
    expect(entry?.note).toContain(theirs);
    expect(entry?.note).toContain("p***n@yahoo.com");
    // The address on record is told; the outsider gets only the receipt of their own request.
    const told = mailsTo(office, victim).find((m) => m.subject.startsWith("Perbaikan permohonan"));
    expect(told?.subject).toBe(t("id", "mail.correction_refused.subject", { ticket }));
    expect(told?.body).toContain(theirs);
    expect(mailsTo(office, outsider).every((m) => m.subject.includes(theirs))).toBe(true);
  });

  test("wrong codes count toward the status page's attempt limit: no guessing through the form", async () => {
    const right = correctionOf(office, ticket, victim);
    for (let i = 0; i < 5; i++) {
      await intake(
        application({
          "Nama lengkap": "Wahyu Bodoh",
          "NIP / NI PPPK": "199203032016031006",
          "Surel pribadi": outsider,
          [questionTitle("previousTicket", "id")]: ticket,
          [questionTitle("statusCode", "id")]: `AAAA-AAAA-AAA${i}`,
        }),
      );
    }
    expect(row(office, ticket).name).toBe("Wahyu Pratama");
    // The ticket is locked: the right code is refused, on the form and on the status page.
    const late = await intake(
      application({
        "Nama lengkap": "Wahyu Pratama",
        "NIP / NI PPPK": "199203032016031006",
        "Surel pribadi": victim,
        ...right,
      }),
    );
    expect(late).not.toBe(ticket);
    expect(row(office, late).problems).toMatch(catalogued("correction.code_refused"));
    expect(row(office, ticket).status).toBe("perlu perbaikan");
    expect((await lookup(office, ticket, right[questionTitle("statusCode", "id")]!)).ok).toBe(false);
    const refusals = log(office).filter((e) => e.ticket === ticket && e.action === "perbaikan_ditolak");
    expect(refusals).toHaveLength(7);
    office.emu.ws.advance(61 * 60_000);
  });

  test("the applicant with the code corrects the request: the name and its address change", async () => {
    const { results } = await submit(
      office,
      application({
        "Nama lengkap": "Wahyu Pratama Putra",
        "NIP / NI PPPK": "199203032016031006",
        "Surel pribadi": victim,
        ...correctionOf(office, ticket, victim),
      }),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rec = row(office, ticket);
    expect(rec).toMatchObject({ status: "baru", name: "Wahyu Pratama Putra" });
    expect(rec.address).toBe(`wahyu.putra@${DOMAIN}`);
    expect(
      log(office)
        .filter((e) => e.ticket === ticket)
        .map((e) => e.action),
    ).toContain("perbaikan_diterima");
  });
});
