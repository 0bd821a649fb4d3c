import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Blob, type ExecContext, GasObject } from "../src/core.js";
import { exec, publicMethods, thrown, OFFICE } from "./helpers.js";
import {
  emlOf,
  type GmailApp,
  install,
  MAIL_MAX_BODY_BYTES,
  MAIL_MAX_TOTAL_ATTACHMENT_BYTES,
  type MailApp,
  mailFileBase,
  outbox,
  quotedPrintable,
  writeOutbox,
} from "../src/services/mail.js";
import { Workspace } from "../src/workspace.js";

const DOMAIN = "contohkota.go.id";

function setup(): { ws: Workspace; mail: MailApp; gmail: GmailApp } {
  const ws = new Workspace(OFFICE);
  const g = install(ws);
  return { ws, mail: g.MailApp as MailApp, gmail: g.GmailApp as GmailApp };
}

/** Execution `id` of the edit trigger: an official edits, the owner's authority sends; 1,234 ms in. */
function editTrigger(ws: Workspace, id = 9): ExecContext {
  return exec(ws, {
    id,
    handler: "onEdit",
    kind: "installable",
    activeUser: `kadis@${DOMAIN}`,
    nowMs: ws.clockMs + 1234,
  });
}

/** A stand-in for a Drive File: a BlobSource that is not itself a Blob. */
class FakeFile extends GasObject {
  readonly gasClass = "File";
  getBlob(): Blob {
    return new Blob(Buffer.from("%PDF-1.4 fake"), "application/pdf", "Surat.pdf");
  }
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=") {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

describe("MailApp.sendEmail", () => {
  it("records a simple mail with sender, virtual time and execution", () => {
    const { ws, mail } = setup();
    const ctx = editTrigger(ws);
    ws.current = ctx;
    mail.sendEmail(`pemohon@${DOMAIN}`, "Permohonan diterima", "Nomor tiket SRL-0001");
    const [m] = outbox(ws);
    expect(m).toMatchObject({
      id: "mail-0001",
      service: "MailApp",
      from: ws.owner.email,
      fromName: "Administrator",
      to: [`pemohon@${DOMAIN}`],
      cc: [],
      bcc: [],
      subject: "Permohonan diterima",
      body: "Nomor tiket SRL-0001",
      htmlBody: null,
      timeMs: ctx.nowMs,
      executionId: 9,
      handler: "onEdit",
    });
  });

  it("supports the message object with every option", () => {
    const { ws, mail } = setup();
    const logo = new Blob(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png", "logo.png");
    mail.sendEmail({
      to: `a@${DOMAIN}, "Budi, S.Kom" <budi@${DOMAIN}>`,
      cc: `kabid@${DOMAIN}`,
      bcc: `arsip@${DOMAIN}`,
      subject: "Surat kredensial",
      body: "teks",
      htmlBody: '<p>Halo</p><img src="cid:logo">',
      name: "Diskominfo",
      replyTo: `helpdesk@${DOMAIN}`,
      noReply: true,
      attachments: [new FakeFile(), Blob.fromString("catatan", "text/plain", "catatan.txt")],
      inlineImages: { logo },
    });
    const [m] = outbox(ws);
    expect(m!.from).toBe(`noreply@${DOMAIN}`);
    expect(m!.noReply).toBe(true);
    expect(m!.fromName).toBe("Diskominfo");
    expect(m!.to).toEqual([`a@${DOMAIN}`, `budi@${DOMAIN}`]);
    expect(m!.cc).toEqual([`kabid@${DOMAIN}`]);
    expect(m!.bcc).toEqual([`arsip@${DOMAIN}`]);
    expect(m!.replyTo).toBe(`helpdesk@${DOMAIN}`);
    expect(m!.executionId).toBeNull();
    expect(m!.attachments.map((a) => [a.name, a.contentType, a.bytes.toString()])).toEqual([
      ["Surat.pdf", "application/pdf", "%PDF-1.4 fake"],
      ["catatan.txt", "text/plain", "catatan"],
    ]);
    expect(m!.inlineImages[0]).toMatchObject({ cid: "logo", name: "logo.png", contentType: "image/png" });
  });

  it("supports (to, replyTo, subject, body) and (recipient, subject, body, options)", () => {
    const { ws, mail } = setup();
    mail.sendEmail(`x@${DOMAIN}`, `r@${DOMAIN}`, "S1", "B1");
    mail.sendEmail(`y@${DOMAIN}`, "S2", "B2", { cc: `z@${DOMAIN}`, htmlBody: "<b>B2</b>" });
    const [a, b] = outbox(ws);
    expect([a!.to, a!.replyTo, a!.subject, a!.body]).toEqual([[`x@${DOMAIN}`], `r@${DOMAIN}`, "S1", "B1"]);
    expect([b!.to, b!.cc, b!.subject, b!.htmlBody]).toEqual([
      [`y@${DOMAIN}`],
      [`z@${DOMAIN}`],
      "S2",
      "<b>B2</b>",
    ]);
    expect(b!.id).toBe("mail-0002");
  });

  it("rejects bad addresses and a missing recipient, sending nothing", () => {
    const { ws, mail } = setup();
    const before = mail.getRemainingDailyQuota();
    expect(thrown(() => mail.sendEmail(`ok@${DOMAIN}, bukan-email`, "s", "b")).message).toBe(
      "Invalid email: bukan-email",
    );
    expect(thrown(() => mail.sendEmail({ to: "", subject: "s", body: "b" })).message).toBe(
      "Failed to send email: no recipient",
    );
    expect(thrown(() => mail.sendEmail({ subject: "s", body: "b" })).message).toBe(
      "Failed to send email: no recipient",
    );
    expect(thrown(() => mail.sendEmail(42 as unknown as string, "s", "b")).message).toBe(
      "The parameters (number,String,String) don't match the method signature for MailApp.sendEmail.",
    );
    expect(outbox(ws)).toEqual([]);
    expect(mail.getRemainingDailyQuota()).toBe(before);
  });

  it("allows 50 recipients per message, not 51", () => {
    const { ws, mail } = setup();
    const list = (n: number): string => Array.from({ length: n }, (_, i) => `u${i}@${DOMAIN}`).join(",");
    mail.sendEmail({ to: list(30), cc: list(20), subject: "s", body: "b" });
    expect(outbox(ws)[0]!.to.length + outbox(ws)[0]!.cc.length).toBe(50);
    expect(
      thrown(() => mail.sendEmail({ to: list(50), bcc: `x@${DOMAIN}`, subject: "s", body: "b" })).message,
    ).toBe("Limit Exceeded: Email Recipients Per Message.");
  });

  it("counts every recipient against the daily quota and resets the next day", () => {
    const { ws, mail } = setup();
    ws.quotas.setLimit("emailRecipients", 3);
    expect(mail.getRemainingDailyQuota()).toBe(3);
    mail.sendEmail({ to: `a@${DOMAIN}`, cc: `b@${DOMAIN}`, subject: "s", body: "b" });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(thrown(() => mail.sendEmail(`c@${DOMAIN},d@${DOMAIN}`, "s", "b")).message).toBe(
      "Service invoked too many times for one day: email.",
    );
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail(`c@${DOMAIN}`, "s", "b");
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ws.advance(24 * 3600_000);
    expect(mail.getRemainingDailyQuota()).toBe(3);
    expect(outbox(ws)).toHaveLength(2);
  });

  it("resets the quota 24 hours after the window's first send, not at midnight (documented)", () => {
    const { ws, mail } = setup();
    ws.quotas.setLimit("emailRecipients", 2);
    mail.sendEmail(`a@${DOMAIN}`, "s", "b"); // opens the window
    ws.advance(20 * 3600_000); // past the next local midnight, 4 hours before the reset
    mail.sendEmail(`b@${DOMAIN}`, "s", "b");
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ws.advance(4 * 3600_000 - 1);
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ws.advance(1);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    // The next window opens with the next send, not at the reset.
    ws.advance(10 * 3600_000);
    mail.sendEmail(`c@${DOMAIN}`, "s", "b");
    ws.advance(23 * 3600_000);
    expect(mail.getRemainingDailyQuota()).toBe(1);
    ws.advance(3600_000);
    expect(mail.getRemainingDailyQuota()).toBe(2);
  });

  it("limits body size and total attachment size", () => {
    const { ws, mail } = setup();
    mail.sendEmail(`a@${DOMAIN}`, "s", "x".repeat(MAIL_MAX_BODY_BYTES));
    expect(
      thrown(() => mail.sendEmail(`a@${DOMAIN}`, "s", "x".repeat(MAIL_MAX_BODY_BYTES + 1))).message,
    ).toBe("Limit Exceeded: Email Body Size.");
    expect(
      thrown(() =>
        mail.sendEmail(`a@${DOMAIN}`, "s", "b", { htmlBody: "é".repeat(MAIL_MAX_BODY_BYTES / 2 + 1) }),
      ).message,
    ).toBe("Limit Exceeded: Email Body Size.");
    const half = new Blob(Buffer.alloc(MAIL_MAX_TOTAL_ATTACHMENT_BYTES / 2), "application/pdf", "a.pdf");
    mail.sendEmail(`a@${DOMAIN}`, "s", "b", { attachments: [half, half] });
    const over = new Blob(Buffer.alloc(1), "text/plain", "x.txt");
    expect(
      thrown(() => mail.sendEmail(`a@${DOMAIN}`, "s", "b", { attachments: [half, half, over] })).message,
    ).toBe("Limit Exceeded: Email Total Attachments Size.");
    expect(outbox(ws)).toHaveLength(2);
  });

  it("rejects an attachment that is not a blob source", () => {
    const { mail } = setup();
    expect(
      thrown(() =>
        mail.sendEmail(`a@${DOMAIN}`, "s", "b", { attachments: ["not a blob"] as unknown as Blob[] }),
      ).message,
    ).toBe("Invalid argument: attachments");
  });
});

describe("GmailApp.sendEmail", () => {
  it("sends into the same outbox and quota, returns itself, and refuses a foreign from", () => {
    const { ws, mail, gmail } = setup();
    const q = mail.getRemainingDailyQuota();
    expect(gmail.sendEmail(`a@${DOMAIN}`, "s", "b", { bcc: `b@${DOMAIN}` })).toBe(gmail);
    expect(outbox(ws)[0]).toMatchObject({ service: "GmailApp", to: [`a@${DOMAIN}`], bcc: [`b@${DOMAIN}`] });
    expect(mail.getRemainingDailyQuota()).toBe(q - 2);
    expect(thrown(() => gmail.sendEmail(`a@${DOMAIN}`, "s", "b", { from: `boss@${DOMAIN}` })).message).toBe(
      "Invalid argument: from",
    );
    expect(thrown(() => gmail.sendEmail({ to: `a@${DOMAIN}` } as unknown as string)).message).toContain(
      "don't match the method signature for GmailApp.sendEmail",
    );
  });
});

describe("outbox files", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("encodes quoted-printable text that decodes back", () => {
    const text = `Yth. Bapak/Ibu, akun Anda = aktif. Résumé ${"panjang ".repeat(20)}\nBaris kedua `;
    const qp = quotedPrintable(text);
    expect(qp).toContain("=3D");
    expect(qp).toContain("R=C3=A9sum=C3=A9");
    expect(qp.split("\r\n").every((l) => l.length <= 76)).toBe(true);
    expect(decodeQp(qp)).toBe(text.replace(/\n/g, "\r\n"));
  });

  it("builds a MIME message with alternative bodies, inline images and attachments", () => {
    const { ws, mail } = setup();
    ws.current = editTrigger(ws);
    const pdf = new Blob(
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]),
      "application/pdf",
      "Surat Kredensial.pdf",
    );
    mail.sendEmail({
      to: `pemohon@${DOMAIN}`,
      subject: "Akun surel dinas Anda — siap",
      body: "Teks biasa",
      htmlBody: '<p>Halo</p><img src="cid:logo">',
      name: "Diskominfo Kota",
      attachments: [pdf],
      inlineImages: { logo: new Blob(Buffer.from([1, 2, 3]), "image/png", "logo.png") },
    });
    const eml = emlOf(outbox(ws)[0]!, ws.scriptTimeZone);
    expect(eml).toContain(`From: "Diskominfo Kota" <${ws.owner.email}>\r\n`);
    expect(eml).toContain(`To: pemohon@${DOMAIN}\r\n`);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=\r$/m);
    const subj = /^Subject: =\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=\r$/m.exec(eml)![1]!;
    expect(Buffer.from(subj, "base64").toString("utf8")).toBe("Akun surel dinas Anda — siap");
    expect(eml).toContain("Date: Mon, 23 Nov 2026 08:00:01 +0700\r\n");
    expect(eml).toContain("X-Emulator-Execution: 9 onEdit\r\n");
    expect(eml).toContain('Content-Type: multipart/mixed; boundary="=_mix_mail-0001"');
    expect(eml).toContain('Content-Type: multipart/alternative; boundary="=_alt_mail-0001"');
    expect(eml).toContain('Content-Type: multipart/related; boundary="=_rel_mail-0001"');
    expect(eml).toContain("Content-ID: <logo>");
    expect(eml).toContain('Content-Disposition: attachment; filename="Surat Kredensial.pdf"');
    const b64 = /filename="Surat Kredensial\.pdf"\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(eml)![1]!;
    expect(Buffer.from(b64.replace(/\r\n/g, ""), "base64")).toEqual(pdf._buffer());
    expect(eml.endsWith("--=_mix_mail-0001--\r\n")).toBe(true);
  });

  it("writes .eml, .html previews, attachments and an index", () => {
    const { ws, mail } = setup();
    const dir = mkdtempSync(join(tmpdir(), "outbox-"));
    dirs.push(dir);
    mail.sendEmail(`a@${DOMAIN}`, "Permohonan <SRL-0001> diterima", "Terima kasih", {
      htmlBody: "<p>Terima <b>kasih</b></p>",
      attachments: [new FakeFile()],
    });
    mail.sendEmail(`b@${DOMAIN}`, "Kedua", "isi");
    const written = writeOutbox(ws, dir);
    const base = mailFileBase(outbox(ws)[0]!);
    expect(base).toBe("0001-permohonan-srl-0001-diterima");
    expect(written).toContain(`${base}.eml`);
    expect(written).toContain(`${base}.html`);
    expect(written).toContain("index.html");
    expect(readFileSync(join(dir, `${base}.files`, "1-Surat.pdf"), "utf8")).toBe("%PDF-1.4 fake");
    const preview = readFileSync(join(dir, `${base}.html`), "utf8");
    expect(preview).toContain("Permohonan &lt;SRL-0001&gt; diterima");
    expect(preview).toContain('srcdoc="&lt;p&gt;Terima &lt;b&gt;kasih&lt;/b&gt;&lt;/p&gt;"');
    expect(preview).toContain(`href="${base}.files/1-Surat.pdf"`);
    const index = readFileSync(join(dir, "index.html"), "utf8");
    expect(index).toContain("Outbox: 2 mails");
    expect(index).toContain(`href="${base}.html"`);
    expect(index).toContain("0002-kedua.eml");
    expect(existsSync(join(dir, "0002-kedua.eml"))).toBe(true);
  });
});

describe("MailApp and GmailApp API surface", () => {
  it("exposes only Apps Script method names", () => {
    const { mail, gmail } = setup();
    expect(publicMethods(mail)).toEqual(["getRemainingDailyQuota", "sendEmail"]);
    expect(publicMethods(gmail)).toEqual(["getAliases", "sendEmail"]);
  });
});
