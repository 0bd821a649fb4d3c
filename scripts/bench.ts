/**
 * The cost benchmark: calls and modelled time (virtual clock, from the cost table) per handler at
 * several register sizes, and the emulator's own real time. Timings live here, never in tests.
 *
 *   npm run bench               sizes 10, 1000, 10000
 *   npm run bench -- 10 50000   other sizes
 */
import { performance } from "node:perf_hooks";
import { statSync } from "node:fs";
import { REGISTER_COLUMNS, SHEET_NAMES } from "../src/workspace/schema.js";
import { createOffice, application, submit, act, register, type Office } from "../test/flows/harness.js";
import { openSpreadsheet } from "../test/emulator/services/sheets/host.js";
import type { ExecutionResult } from "../test/emulator/index.js";

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [10, 1000, 10000];

/** Fills the register host-side with `n` closed requests (as if the office had been running). */
function fill(office: Office, n: number): void {
  const sheet = openSpreadsheet(office.emu.ws, office.ssId).getSheetByName(SHEET_NAMES.register)!;
  const width = REGISTER_COLUMNS.length;
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  const rows: (string | number | Date)[][] = [];
  for (let i = 0; i < n; i++) {
    const r = REGISTER_COLUMNS.map((c) => {
      switch (c.key) {
        case "ticket":
          return `SRL-2510-${String(i + 1).padStart(5, "0")}`;
        case "status":
          return "selesai";
        case "name":
          return `Pegawai ${i}`;
        case "nip":
          return String(198001012005011000 + (i % 999));
        case "address":
          return `pegawai.${i}@contohkota.go.id`;
        case "responseRow":
          return 100000 + i;
        default:
          return "";
      }
    });
    rows.push(r);
  }
  sheet.getRange(2, 1, n, width).setValues(rows);
}

function line(label: string, r: ExecutionResult, realMs: number): string {
  return `  ${label.padEnd(28)} ${String(r.callCount).padStart(5)} calls  ${(r.modelledMs / 1000).toFixed(1).padStart(6)} s modelled  ${realMs.toFixed(0).padStart(5)} ms real`;
}

console.log(`dist/Code.js: ${(statSync("dist/Code.js").size / 1024).toFixed(1)} KiB`);
for (const n of SIZES) {
  const t0 = performance.now();
  const office = await createOffice();
  console.log(
    `\nregister with ${n} rows (setup: ${office.setup.callCount} calls, ${(performance.now() - t0).toFixed(0)} ms real)`,
  );
  fill(office, n);
  let t = performance.now();
  const { results } = await submit(office, application());
  const intake = results.find((r) => r.handler === "onFormSubmit")!;
  console.log(line("onFormSubmit", intake, performance.now() - t));
  const ticket = register(office).find((r) => r.status === "baru")!.ticket;
  t = performance.now();
  const edits = await act(office, "kadis@contohkota.go.id", ticket, "Teruskan (disposisi)");
  console.log(line("onRegisterEdit (teruskan)", edits[edits.length - 1]!, performance.now() - t));
  t = performance.now();
  const sweep = await office.emu.run("sweep", { kind: "installable" });
  console.log(line("sweep (nothing to do)", sweep, performance.now() - t));
  await office.emu.close();
}
