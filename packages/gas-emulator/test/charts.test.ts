/** Embedded charts (services/sheets/chart.ts): builder, ranges, type, insert/get/update/remove, images. */
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Blob } from "../src/core.js";
import {
  chartData,
  chartSpecs,
  createBoundSpreadsheet,
  EmbeddedChart,
  type Sheet,
} from "../src/services/sheets.js";
import { chartsGlobal, ChartType } from "../src/services/sheets/chart.js";
import { setup, thrown } from "./sheets-helpers.js";

function sheetWithData(): Sheet {
  const { ws } = setup();
  const ss = createBoundSpreadsheet(ws, "Dasbor");
  const sheet = ss.getSheets()[0]!;
  sheet.getRange("A1:C4").setValues([
    ["Status", "Bulan ini", "Bulan lalu"],
    ["baru", 3, 1],
    ["selesai", 7, 9],
    ["ditolak", 0, 2],
  ]);
  return sheet;
}

describe("EmbeddedChartBuilder and EmbeddedChart", () => {
  it("a built chart is on the sheet only after insertChart, with a stable id", () => {
    const sheet = sheetWithData();
    const built = sheet
      .newChart()
      .setChartType(ChartType.COLUMN)
      .addRange(sheet.getRange("A1:C4"))
      .setNumHeaders(1)
      .setOption("title", "Per status")
      .setPosition(2, 6, 0, 0)
      .build();
    expect(built.getChartId()).toBeNull();
    expect(sheet.getCharts()).toEqual([]);
    sheet.insertChart(built);
    expect(built.getChartId()).toBe(1);
    const [chart] = sheet.getCharts();
    expect(chart).toBeInstanceOf(EmbeddedChart);
    expect(chart!.getChartId()).toBe(1);
    expect(chart!.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:C4"]);
    expect(chart!.getOptions().get("title")).toBe("Per status");
    expect(chart!.getOptions().get("legend")).toBeNull();
    expect(chart!.getNumHeaders()).toBe(1);
    const info = chart!.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([
      2, 6, 0, 0,
    ]);
    expect(chart!.modify().getChartType()).toBe("COLUMN");
  });

  it("modify + updateChart replaces the chart of that id; removeChart takes it away", () => {
    const sheet = sheetWithData();
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange("A1:B4")).build());
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange("A1:C4")).build());
    const first = sheet.getCharts()[0]!;
    const changed = first
      .modify()
      .clearRanges()
      .addRange(sheet.getRange("A1:C3"))
      .setChartType(ChartType.BAR)
      .build();
    sheet.updateChart(changed);
    const after = sheet.getCharts();
    expect(after.map((c) => c.getChartId())).toEqual([1, 2]);
    expect(after[0]!.getRanges()[0]!.getA1Notation()).toBe("A1:C3");
    expect(chartSpecs(sheet._model)[0]!.type).toBe("BAR");
    sheet.removeChart(after[0]!);
    expect(sheet.getCharts().map((c) => c.getChartId())).toEqual([2]);
    expect(thrown(() => sheet.updateChart(changed)).message).toBe("The chart is not on this sheet.");
    // A new chart after a removal gets a new id, never a reused one.
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange("A1:B2")).build());
    expect(sheet.getCharts().map((c) => c.getChartId())).toEqual([2, 3]);
  });

  it("refuses a chart without ranges, a range of another sheet and an unknown type", () => {
    const sheet = sheetWithData();
    const other = sheet.getParent().insertSheet("Lain");
    expect(thrown(() => sheet.insertChart(sheet.newChart().build())).message).toBe(
      "The chart has no data ranges.",
    );
    expect(thrown(() => sheet.newChart().addRange(other.getRange("A1"))).message).toMatch(/chart's sheet/);
    expect(thrown(() => sheet.newChart().setChartType("PIZZA")).message).toBe("Invalid argument: type");
    expect(Object.keys(chartsGlobal()["ChartType"] as object)).toContain("COLUMN");
  });

  it("getAs('image/png') and getBlob draw the data as a PNG; other types are refused", () => {
    const sheet = sheetWithData();
    sheet.insertChart(
      sheet.newChart().addRange(sheet.getRange("A1:C4")).setOption("title", "Status").build(),
    );
    const chart = sheet.getCharts()[0]!;
    expect(chartData(sheet._model, chartSpecs(sheet._model)[0]!)).toEqual([
      [3, 1],
      [7, 9],
      [0, 2],
    ]);
    const png = chart.getAs("image/png");
    expect(png).toBeInstanceOf(Blob);
    expect(png.getContentType()).toBe("image/png");
    expect(png.getName()).toBe("Status.png");
    const bytes = png._buffer();
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(600);
    expect(bytes.readUInt32BE(20)).toBe(371);
    // The picture has bars: some pixels are the first series' colour.
    const idat = bytes.indexOf(Buffer.from("IDAT"));
    const raw = inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4)));
    expect(raw.includes(Buffer.from([66, 133, 244]))).toBe(true);
    expect(chart.getBlob().getContentType()).toBe("image/png");
    expect(thrown(() => chart.getAs("application/msword")).message).toMatch(/not supported/);
  });
});
