/**
 * An outside review as an attacker, on the built bundle: an outsider who knows a ticket and a NIP,
 * an official who edits what they can reach, an anonymous visitor of the status page, and the
 * platform's less convenient behaviour. Each block failed before its fix (or is marked
 * `test.fails` with the reason it is left open).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { questionTitle } from "../../src/domain/form.js";
import { webAppCall } from "../emulator/webapp.js";
import { application, DOMAIN, log, mails, mailsTo, OUTSIDER, row, submit, type Office } from "./harness.js";
import { accountsFor, chooseCreate, provisioningOffice, staffOnly, toLastStage } from "./provision-kit.js";
import {
  complain,
  complaintNumberIn,
  complaintRow,
  handlerEdit,
  lookup,
  readable,
  receiptCode,
} from "./status-kit.js";

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
  const rec = (await import("./harness.js"))
    .register(office)
    .find((r) => r.responseRow === String(responseRow));
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
