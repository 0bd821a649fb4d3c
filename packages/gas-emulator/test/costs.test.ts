/**
 * The cost model by size: a call that moves cells costs its entry plus the cells at the per-cell
 * rates; the script's own time (the bundle's parse, CPU per cell) is on the clock too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CELL_RATES, COSTS, SCRIPT_COSTS, callCost, parseMs, rateTableMarkdown } from "../src/costs.js";
import { Emulator } from "../src/index.js";
import { createBoundSpreadsheet } from "../src/services/sheets/host.js";
import { readFileSync } from "node:fs";
import { restoreProcessZoneAfterAll } from "./helpers.js";

restoreProcessZoneAfterAll();

const CODE = `
function readOne() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).getValues(); }
function readBlock(rows, cols) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, rows, cols).getValues(); }
function writeBlock(rows, cols) {
  var v = [];
  for (var r = 0; r < rows; r++) { var row = []; for (var c = 0; c < cols; c++) row.push("x"); v.push(row); }
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, rows, cols).setValues(v);
}
function append() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow([1, 2, 3, 4, 5]); }
function find(viaRange) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var f = viaRange ? sh.getRange(1, 1, sh.getMaxRows(), 1).createTextFinder("nothing") : sh.createTextFinder("nothing");
  return f.findNext() === null;
}
function nothing() {}
`;

describe("the cost model by size", () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = new Emulator({ code: CODE, parseMs: 0 });
  });
  afterAll(() => emu.close());

  const prepare = (rows: number) => {
    emu.reset();
    const ss = createBoundSpreadsheet(emu.ws, "t");
    const sh = ss.getSheets()[0]!;
    if (rows > sh.getMaxRows()) sh.insertRowsAfter(sh.getMaxRows(), rows - sh.getMaxRows());
    sh.getRange(1, 1, rows, 10).setValues(Array.from({ length: rows }, (_, r) => Array(10).fill(`v${r}`)));
  };

  it("charges a read by the call and by the cells it returns", async () => {
    prepare(2000);
    const one = await emu.run("readOne");
    const block = await emu.run("readBlock", { args: [1000, 1] });
    const big = await emu.run("readBlock", { args: [2000, 10] });
    expect(one.calls["Range.getValues"]!.ms).toBe(159);
    // The book's pair: one getValues and one setValues of 1,000 cells ≈ 333 ms together.
    expect(block.calls["Range.getValues"]!.ms).toBe(Math.round(159 + 1000 * CELL_RATES.read.ms));
    expect(big.calls["Range.getValues"]!.ms).toBe(Math.round(159 + 20_000 * CELL_RATES.read.ms));
    // The script handles each cell too (its CPU), besides the call.
    expect(big.scriptMs).toBe(Math.floor(20_000 * SCRIPT_COSTS.cpuPerCell.ms));
    expect(big.modelledMs).toBe(big.callCount === 0 ? 0 : sum(big) + big.scriptMs);
  });

  it("charges a write by its cells at the write rate; appendRow by its row", async () => {
    prepare(400);
    const w = await emu.run("writeBlock", { args: [400, 25] });
    expect(w.calls["Range.setValues"]!.ms).toBe(Math.round(159 + 10_000 * CELL_RATES.written.ms));
    const a = await emu.run("append");
    expect(a.calls["Sheet.appendRow"]!.ms).toBe(Math.round(159 + 5 * CELL_RATES.written.ms));
  });

  it("prices a batched read and write of 1,000 cells at the book's pair, not twice it", () => {
    const pair = callCost("Range.getValues", { read: 1000 }) + callCost("Range.setValues", { written: 1000 });
    expect(pair).toBeLessThan(2 * 333);
    expect(pair).toBeGreaterThanOrEqual(333);
  });

  it("makes a text finder local wherever it is created, and charges the search by the cells scanned", async () => {
    prepare(5000);
    const viaSheet = await emu.run("find", { args: [false] });
    const viaRange = await emu.run("find", { args: [true] });
    expect(viaSheet.returnValue).toBe(true);
    expect(viaSheet.calls["Sheet.createTextFinder"]!.ms).toBe(viaRange.calls["Range.createTextFinder"]!.ms);
    expect(COSTS["Spreadsheet.createTextFinder"]!.ms).toBe(COSTS["Sheet.createTextFinder"]!.ms);
    expect(viaSheet.calls["TextFinder.findNext"]!.ms).toBe(
      Math.round(159 + 5000 * 10 * CELL_RATES.scanned.ms),
    );
    expect(viaRange.calls["TextFinder.findNext"]!.ms).toBe(Math.round(159 + 5000 * CELL_RATES.scanned.ms));
  });

  it("documents every rate in docs/EMULATOR-runtime.md", () => {
    const doc = readFileSync(new URL("../docs/EMULATOR-runtime.md", import.meta.url), "utf8");
    for (const line of rateTableMarkdown().split("\n").slice(2))
      expect(doc).toContain(line.split("|")[1]!.trim());
  });
});

describe("the script's own time", () => {
  it("charges the bundle's parse on every execution, by its size", async () => {
    const emu = new Emulator({ code: CODE });
    try {
      const r = await emu.run("nothing");
      expect(r.callCount).toBe(0);
      expect(r.scriptMs).toBe(parseMs(Buffer.byteLength(CODE)));
      expect(parseMs(398 * 1024)).toBe(398 * SCRIPT_COSTS.parsePerKiB.ms);
      expect(r.endMs - r.startMs).toBe(r.scriptMs);
      const again = await emu.run("nothing");
      expect(again.scriptMs).toBe(r.scriptMs);
    } finally {
      await emu.close();
    }
  });
});

function sum(r: { calls: Record<string, { ms: number }> }): number {
  return Object.values(r.calls).reduce((s, t) => s + t.ms, 0);
}
