/** Bulk requests in flow tests: the list's rows, the batch's row, the admin's and officials' steps. */
import { expect } from "vitest";
import { questionTitle } from "../../src/domain/form.js";
import { PERSON_FIELDS, FIRST_PERSON_ROW } from "../../src/domain/batch.js";
import { SHEET_NAMES, BATCH_COLUMNS } from "../../src/workspace/schema.js";
import { sheetToTable, columnLetter } from "gas-emulator/testkit";
import { ADMIN, adminRequest, editRange, mailsTo, sheet, type Office } from "./harness.js";
import { applicant } from "./provision-kit.js";

export const CONTACT = "sekretariat.dinkes@contohkota.go.id";
export const LETTER = "800/45/Dinkes/2026";

/** A person's row of the list: the answers of `applicant(n)` under the list's titles. */
export function personRow(n: number, overrides: Record<string, string> = {}): string[] {
  const a = applicant(n, overrides);
  return PERSON_FIELDS.map((k) => a[questionTitle(k, "id")] ?? "");
}

/** The batches sheet as records keyed by column. */
export function batches(office: Office): Record<string, string>[] {
  const [, ...rows] = sheetToTable(sheet(office, SHEET_NAMES.batches));
  return rows.map((cells) => Object.fromEntries(BATCH_COLUMNS.map((c, i) => [c.key, cells[i] ?? ""])));
}

export function batchRow(office: Office, id: string): Record<string, string> {
  const all = batches(office);
  const i = all.findIndex((b) => b["batchId"] === id);
  return { ...all[i]!, _row: String(i + 2) };
}

/** The administrator asks for a new batch sheet; returns its id. */
export async function newBatch(office: Office): Promise<string> {
  const { results } = await adminRequest(office, ADMIN, "batchNew");
  expect(results.every((r) => r.ok)).toBe(true);
  const all = batches(office);
  return all[all.length - 1]!["batchId"]!;
}

/** The administrator fills the list's head and pastes the people (as typed in the browser). */
export async function fillList(office: Office, id: string, people: string[][], head = {}): Promise<void> {
  const h = { opd: "Dinas Kesehatan", letter: LETTER, date: "2026-11-20", contact: CONTACT, ...head };
  await editRange(office, ADMIN, id, "B1:B4", [[h.opd], [h.letter], [h.date], [h.contact]]);
  const last = columnLetter(PERSON_FIELDS.length);
  await editRange(
    office,
    ADMIN,
    id,
    `A${FIRST_PERSON_ROW}:${last}${FIRST_PERSON_ROW + people.length - 1}`,
    people,
  );
}

/** The list's rows (display values) from the first person on. */
export function listRows(office: Office, id: string): string[][] {
  return sheetToTable(sheet(office, id)).slice(FIRST_PERSON_ROW - 1);
}

/** An official picks an action on the batch's row (after typing a note, if any). */
export async function actOnBatch(office: Office, as: string, id: string, action: string, note = "") {
  const r = batchRow(office, id)["_row"];
  const col = (key: string) => columnLetter(BATCH_COLUMNS.findIndex((c) => c.key === key) + 1);
  if (note) await editRange(office, as, SHEET_NAMES.batches, `${col("note")}${r}`, [[note]]);
  const { edit, results } = await editRange(office, as, SHEET_NAMES.batches, `${col("action")}${r}`, [
    [action],
  ]);
  if (!edit.ok) throw new Error(`edit refused by Sheets: ${edit.error}`);
  return results;
}

export const reports = (office: Office, id: string) =>
  mailsTo(office, CONTACT).filter(
    (m) => m.subject.includes(id) && /hasil pemeriksaan daftar/.test(m.subject),
  );
export const summaries = (office: Office, id: string) =>
  mailsTo(office, CONTACT).filter((m) => m.subject.includes(id) && /selesai diproses/.test(m.subject));
