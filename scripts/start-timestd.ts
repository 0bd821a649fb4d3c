/**
 * `npm start`, the time standard: the sample day grows a second and a third day in which a
 * request left at the Kepala Bidang gets its reminder and then its escalation, the Dasbor sheet is
 * filled by the sweep, and at the turn of the month the recap goes out. Every sweep of the virtual
 * days runs (every 10 minutes), as the clock trigger would run it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET_NAMES } from "../src/workspace/schema.js";
import type { ExecutionResult } from "gas-emulator";
import { chartSpecs, openSpreadsheet, sheetToTable, toCsv } from "gas-emulator/testkit";
import { act, application, log, mails, register, submit, type Office } from "../test/flows/harness.js";

const MINUTE = 60_000;
/** 08:00 WIB of a day of 2026. */
const morning = (month: number, day: number): number => Date.UTC(2026, month - 1, day, 1, 0);

export interface TimeKit {
  say: (s: string) => void;
  record: (r: ExecutionResult[] | ExecutionResult) => void;
  out: string;
}

const stamp = (ms: number): string =>
  new Date(ms + 7 * 60 * MINUTE).toISOString().slice(0, 16).replace("T", " ") + " WIB";

export async function scenarioTimeStandard(office: Office, kit: TimeKit): Promise<void> {
  const { say, record } = kit;
  const [kadis, kabid, kasi] = office.config.stages;
  say("\n5. Hari kedua dan ketiga: standar waktu (pengingat, eskalasi, ringkasan harian)");
  const mailsBefore = mails(office).length;
  // Day 2: a new request goes up the chain in the morning and is left waiting at the Kasi.
  record(await office.emu.advanceTo(morning(11, 24)));
  const { results } = await submit(
    office,
    application({
      "Nama lengkap": "Rina Wulandari, S.E.",
      "NIP / NI PPPK": "199002142015032004",
      "Surel pribadi": "rina.wulandari@gmail.com",
      "Perangkat daerah": "Dinas Kesehatan",
      Jabatan: "Pengelola Keuangan",
    }),
  );
  record(results);
  const left = register(office).find((r) => r.personalEmail === "rina.wulandari@gmail.com")!;
  record(await office.emu.advance(20 * MINUTE));
  record(await act(office, kadis!.officials[0]!, left.ticket, "Teruskan (disposisi)"));
  record(await office.emu.advance(15 * MINUTE));
  record(await act(office, kabid!.officials[0]!, left.ticket, "Teruskan (disposisi)"));
  // Through day 2 and day 3, every sweep running.
  record(await office.emu.advanceTo(morning(11, 25) + 9 * 60 * MINUTE));
  const events = log(office).filter(
    (e) => e.ticket === left.ticket && (e.action === "pengingat" || e.action === "eskalasi"),
  );
  say(`   ${left.ticket} dibiarkan di ${kasi!.label} (target ${kasi!.targetMinutes} menit kerja):`);
  for (const e of events) say(`     ${e.action.padEnd(9)} ${e.note}`);
  const sent = mails(office).slice(mailsBefore);
  for (const m of sent.filter((x) => /^(Pengingat|Ringkasan harian)/.test(x.subject)))
    say(`   surel ${stamp(m.timeMs)} \u2192 ${m.to.join(", ")}: ${m.subject}`);
  say(
    `   Total vs Standar ${left.ticket}: ${register(office).find((r) => r.ticket === left.ticket)!.serviceTotal}`,
  );

  // The turn of the month: the recap on Tuesday 1 December, the first working day.
  record(await office.emu.advanceTo(morning(12, 1) + 20 * MINUTE));
  const recap = mails(office).find((m) => m.subject.startsWith("Rekap bulanan"));
  say("\n6. Pergantian bulan: Dasbor dan rekap bulanan");
  if (recap) {
    say(`   ${stamp(recap.timeMs)} \u2192 ${recap.to.join(", ")}: ${recap.subject}`);
    for (const line of recap.body
      .split("\n")
      .filter((l) => /^\s*[-•*]|: \d/.test(l))
      .slice(0, 8))
      say(`     ${line.trim()}`);
    for (const a of recap.attachments) say(`     lampiran: ${a.name} (${a.contentType})`);
  } else say("   ! rekap tidak terkirim");

  const ss = openSpreadsheet(office.emu.ws, office.ssId);
  const dash = ss.getSheetByName("Dasbor");
  if (dash) {
    const table = sheetToTable(dash);
    writeFileSync(join(kit.out, "dasbor.csv"), toCsv(table));
    const charts = chartSpecs(dash._model);
    say(`   Dasbor: ${table.length} baris, ${charts.length} grafik (out/dasbor.csv)`);
  }
  void SHEET_NAMES;
}
