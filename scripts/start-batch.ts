/**
 * The bulk request part of the sample scenario (issue 12): the Dinas Kesehatan sends one letter
 * listing four employees. An administrator makes the batch's list sheet on the admin sheet, pastes
 * the list (one row has a NIP of 17 digits) and asks for the import: three requests with their own
 * tickets, the row with the wrong NIP kept with its reason, one mail to the OPD. The chain acts on
 * the whole batch from its row in Permohonan Massal; the workers create the accounts; the sweep
 * sends the OPD its one summary.
 */
import { PERSON_FIELDS, FIRST_PERSON_ROW, TICKET_COLUMN, PROBLEM_COLUMN } from "../src/domain/batch.js";
import { questionTitle } from "../src/domain/form.js";
import { BATCH_COLUMNS, SHEET_NAMES } from "../src/workspace/schema.js";
import type { ExecutionResult } from "gas-emulator";
import { skipMissedRuns, columnLetter, sheetToTable } from "gas-emulator/testkit";
import {
  ADMIN,
  adminRequest,
  adminRows,
  application,
  editRange,
  mailsTo,
  register,
  runWorkers,
  sheet,
  DOMAIN,
  type Office,
} from "../test/flows/harness.js";
import { setSetting } from "../test/flows/lifecycle-kit.js";

export interface BatchKit {
  say: (s: string) => void;
  record: (r: ExecutionResult[] | ExecutionResult) => void;
  step: Record<string, string>;
}

const CONTACT = `sekretariat.dinkes@${DOMAIN}`;

const PEOPLE: Record<string, string>[] = [
  {
    "Nama lengkap": "dr. Rina Marlina",
    "NIP / NI PPPK": "198806152015032001",
    "Surel pribadi": "rina.marlina88@gmail.com",
    Jabatan: "Dokter Ahli Pertama",
  },
  {
    "Nama lengkap": "Yusuf Hidayat, S.K.M.",
    "NIP / NI PPPK": "199001102019031004",
    "Surel pribadi": "yusuf.hidayat90@yahoo.co.id",
    Jabatan: "Epidemiolog Kesehatan",
  },
  {
    "Nama lengkap": "Lestari Wulandari, A.Md.Keb.",
    "NIP / NI PPPK": "19920303202012200",
    "Surel pribadi": "lestari.wulan@gmail.com",
    Jabatan: "Bidan Terampil",
  },
  {
    "Nama lengkap": "Fajar Nugroho",
    "NIP / NI PPPK": "199205172020121003",
    "Surel pribadi": "fajar.nugroho92@gmail.com",
    Jabatan: "Pranata Komputer",
  },
];

function batchRecord(office: Office, id: string): Record<string, string> & { row: string } {
  const rows = sheetToTable(sheet(office, SHEET_NAMES.batches));
  const i = rows.findIndex((r) => r[0] === id);
  return {
    ...Object.fromEntries(BATCH_COLUMNS.map((c, j) => [c.key, rows[i]?.[j] ?? ""])),
    row: String(i + 1),
  };
}

export async function scenarioBatch(office: Office, kit: BatchKit): Promise<void> {
  const { say, record, step } = kit;
  say("\n12. Permohonan massal: satu surat OPD dengan daftar pegawai (lembar Permohonan Massal)");
  // The office bought licences for the new employees (section 8 left none free).
  setSetting(office, "lisensi", "50");
  say("   Kantor menambah lisensi (Pengaturan lisensi = 50) untuk pegawai baru Dinas Kesehatan");
  const made = await adminRequest(office, ADMIN, "batchNew");
  record(made.results);
  const id = sheetToTable(sheet(office, SHEET_NAMES.batches)).slice(1).pop()?.[0] ?? "";
  say(`   ${ADMIN} meminta Buat lembar permohonan massal: ${adminRows(office).pop()?.result ?? "?"}`);
  await editRange(office, ADMIN, id, "B1:B4", [
    ["Dinas Kesehatan"],
    ["800/45/Dinkes/2026"],
    ["2026-11-20"],
    [CONTACT],
  ]);
  const rows = PEOPLE.map((p) => {
    const a = application({ "Perangkat daerah": "Dinas Kesehatan", ...p });
    return PERSON_FIELDS.map((k) => a[questionTitle(k, "id")] ?? "");
  });
  const last = columnLetter(PERSON_FIELDS.length);
  await editRange(
    office,
    ADMIN,
    id,
    `A${FIRST_PERSON_ROW}:${last}${FIRST_PERSON_ROW + rows.length - 1}`,
    rows,
  );
  say(`   Daftar ${id} diisi: surat 800/45/Dinkes/2026, ${rows.length} pegawai (satu NIP hanya 17 digit)`);
  const imported = await adminRequest(office, ADMIN, "batchImport", { ticket: id });
  record(imported.results);
  say(`   Impor permohonan massal ${id}: ${adminRows(office).pop()?.result ?? "?"}`);
  const list = sheetToTable(sheet(office, id)).slice(FIRST_PERSON_ROW - 1);
  for (const [i, r] of list.entries())
    say(
      `     baris ${FIRST_PERSON_ROW + i}  ${(r[0] ?? "").padEnd(30)} ${r[TICKET_COLUMN - 1] || (r[PROBLEM_COLUMN - 1] ?? "").replace(/\n/g, " ")}`,
    );
  const report = mailsTo(office, CONTACT).filter((m) => m.subject.includes(id));
  say(`   Surel ke OPD (${CONTACT}): \u201c${report[0]?.subject ?? "-"}\u201d`);
  for (const [who, action] of [
    [step.kadis!, "Teruskan (disposisi)"],
    [step.kabid!, "Setujui dan teruskan"],
    [step.kasi!, "Teruskan (disposisi)"],
    [step.staf!, "Buat akun"],
  ] as const) {
    const b = batchRecord(office, id);
    const col = columnLetter(BATCH_COLUMNS.findIndex((c) => c.key === "action") + 1);
    const r = await editRange(office, who, SHEET_NAMES.batches, `${col}${b.row}`, [[action]]);
    record(r.results);
    say(`   ${who} memilih \u201c${action}\u201d pada baris ${id}: ${batchRecord(office, id)["result"]}`);
  }
  record(await runWorkers(office));
  for (const r of register(office).filter((x) => x.batch === id))
    say(`     ${r.ticket}  ${r.address.padEnd(40)} ${r.status.padEnd(10)} ${r.letterNumber}`);
  // The clock jumped to January before this part: Apps Script replays no missed sweep.
  skipMissedRuns(office.emu.ws);
  record(await office.emu.advance(11 * 60_000));
  const summary = mailsTo(office, CONTACT).filter((m) => m.subject.includes(id) && m !== report[0]);
  say(
    `   Ringkasan ke OPD setelah semua selesai: \u201c${summary[0]?.subject ?? "-"}\u201d (${summary.length} surel)`,
  );
}
