/**
 * Helpers of the status page and complaint flow tests: the secret code as the applicant reads it
 * in the receipt, lookups and complaints as the page makes them (google.script.run as an anonymous
 * visitor), and the text a person reads in a returned fragment.
 */
import { webAppCall } from "../emulator/webapp.js";
import { mailsTo, sheet, type Office } from "./harness.js";
import { STATUS_SHEET } from "../../src/workspace/statusrecords.js";
import { sheetToTable } from "../emulator/services/sheets/host.js";

export interface Reply {
  ok: boolean;
  html: string;
}

/** The code printed in the receipt of a ticket, as the applicant reads it. */
export function receiptCode(office: Office, personalEmail: string, ticket: string): string {
  const receipt = mailsTo(office, personalEmail).find(
    (m) => m.subject.includes(ticket) && /kode rahasia|secret code/i.test(m.body),
  );
  if (!receipt) throw new Error(`no receipt with a code for ${ticket}`);
  const m = /(?:kode rahasia|secret code) ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(receipt.body);
  if (!m) throw new Error("no code in the receipt");
  return m[1]!;
}

async function call(office: Office, fn: string, form: Record<string, string>): Promise<Reply> {
  const r = await webAppCall(office.emu, fn, [form]);
  if (!r.ok) throw new Error(`${fn} failed: ${r.result?.error?.message ?? "not callable"}`);
  return r.result!.returnValue as Reply;
}

export function lookup(office: Office, ticket: string, code: string): Promise<Reply> {
  return call(office, "lookupStatus", { ticket, code });
}

export function complain(office: Office, form: Record<string, string>): Promise<Reply> {
  return call(office, "fileComplaint", form);
}

/** What a person reads in an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function readable(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The status records sheet as rows of display values (header first). */
export function statusSheet(office: Office): string[][] {
  return sheetToTable(sheet(office, STATUS_SHEET));
}
