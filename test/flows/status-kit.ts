/**
 * Helpers of the status page and complaint flow tests: the secret code as the applicant reads it
 * in the receipt, lookups and complaints as the page makes them (google.script.run as an anonymous
 * visitor), and the text a person reads in a returned fragment.
 */
import { webAppCall } from "gas-emulator";
import { sheetToTable, columnLetter } from "gas-emulator/testkit";
import { editRange, records, sheet, type Office } from "./harness.js";
import { STATUS_SHEET } from "../../src/workspace/statusrecords.js";
import { COMPLAINT_SHEET, complaintColumn } from "../../src/workspace/complaints.js";

export interface Reply {
  ok: boolean;
  html: string;
}

export { receiptCode } from "./harness.js";

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

/** A complaint's number as the page's answer shows it. */
export function complaintNumberIn(reply: Reply): string {
  const m = /ADU-\d{4}-\d{4}/.exec(readable(reply.html));
  if (!m) throw new Error(`no complaint number in: ${readable(reply.html)}`);
  return m[0];
}

/** A complaint's row of the Pengaduan sheet, keyed by header (display values). */
export function complaintRow(office: Office, n: string): Record<string, string> {
  const r = records(office, COMPLAINT_SHEET).find((x) => x.Nomor === n);
  if (!r) throw new Error(`no complaint ${n}`);
  return r;
}

export function complaintRowNumber(office: Office, n: string): number {
  return records(office, COMPLAINT_SHEET).findIndex((x) => x.Nomor === n) + 2;
}

/** The A1 address of a complaint's cell. */
export function complaintA1(office: Office, n: string, key: "action" | "response"): string {
  return `${columnLetter(complaintColumn(key))}${complaintRowNumber(office, n)}`;
}

/** A handler (or anyone) types into a complaint's Tindakan or Tanggapan cell; triggers run. */
export function handlerEdit(
  office: Office,
  as: string,
  n: string,
  key: "action" | "response",
  value: string,
) {
  return editRange(office, as, COMPLAINT_SHEET, complaintA1(office, n, key), [[value]]);
}

/** A handler answers: the response, then the action. */
export async function answer(
  office: Office,
  as: string,
  n: string,
  response: string,
  action: "Tanggapi" | "Selesaikan",
): Promise<void> {
  await handlerEdit(office, as, n, "response", response);
  await handlerEdit(office, as, n, "action", action);
}
