/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → Sheet.insertChart(chart);
 * Sheet.getCharts(), EmbeddedChart.modify() → builder → Sheet.updateChart(chart),
 * Sheet.removeChart(chart); EmbeddedChart.getBlob() / getAs("image/png") draw the chart's data
 * as a PNG (bars per series, one group per category row); the global `Charts` holds the enums.
 *
 * Labels (see docs/EMULATOR-sheets.md, "Charts"):
 * - [D] a built chart is not on the sheet until insertChart; getChartId() is a stable id unique in
 *   the spreadsheet, null while the chart is not in one; modify() returns a builder holding the
 *   chart's ranges, type, options and position, and updateChart() replaces the chart of that id.
 * - [D] getAs takes a MIME type; images may be converted to image/png (the only one emulated).
 * - [?] chart ids are 1, 2, 3 … per spreadsheet; getCharts() returns charts in insertion order;
 *   updateChart/removeChart of a chart that is not on the sheet throw; a range on another sheet is
 *   refused by addRange; the image is 600×371 (Sheets' default size), without text.
 */
import { crc32, deflateSync } from "node:zlib";
import { Blob, GasObject, serviceError } from "../../core.js";
import type { Rect } from "./a1.js";
import type { SheetModel } from "./model.js";
import type { SheetsState } from "./state.js";
import { Range } from "./range.js";
import type { Api } from "./types.js";

export const ChartType = {
  AREA: "AREA",
  BAR: "BAR",
  BUBBLE: "BUBBLE",
  CANDLESTICK: "CANDLESTICK",
  COLUMN: "COLUMN",
  COMBO: "COMBO",
  GAUGE: "GAUGE",
  GEO: "GEO",
  HISTOGRAM: "HISTOGRAM",
  RADAR: "RADAR",
  LINE: "LINE",
  ORG: "ORG",
  PIE: "PIE",
  SCATTER: "SCATTER",
  SPARKLINE: "SPARKLINE",
  STEPPED_AREA: "STEPPED_AREA",
  TABLE: "TABLE",
  TIMELINE: "TIMELINE",
  TREEMAP: "TREEMAP",
  WATERFALL: "WATERFALL",
} as const;

const ChartMergeStrategy = { MERGE_COLUMNS: "MERGE_COLUMNS", MERGE_ROWS: "MERGE_ROWS" } as const;
const ChartHiddenDimensionStrategy = {
  IGNORE_BOTH: "IGNORE_BOTH",
  IGNORE_ROWS: "IGNORE_ROWS",
  IGNORE_COLUMNS: "IGNORE_COLUMNS",
  SHOW_BOTH: "SHOW_BOTH",
} as const;

/** The `Charts` global (the enums the builders take). */
export function chartsGlobal(): Record<string, unknown> {
  return {
    ChartType: { ...ChartType },
    ChartMergeStrategy: { ...ChartMergeStrategy },
    ChartHiddenDimensionStrategy: { ...ChartHiddenDimensionStrategy },
  };
}

/** What a chart is, kept by the sheet. */
export interface ChartSpec {
  id: number | null;
  type: string;
  ranges: Rect[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenStrategy: string;
}

const charts = new WeakMap<SheetModel, ChartSpec[]>();
const nextIds = new WeakMap<object, number>();

/** The charts on a sheet (host side: tests read specs directly). */
export function chartSpecs(model: SheetModel): ChartSpec[] {
  let list = charts.get(model);
  if (!list) charts.set(model, (list = []));
  return list;
}

function copySpec(s: ChartSpec): ChartSpec {
  return {
    ...s,
    ranges: s.ranges.map((r) => ({ ...r })),
    options: { ...s.options },
    position: { ...s.position },
  };
}

type BuilderKeys =
  | "addRange"
  | "build"
  | "clearRanges"
  | "getChartType"
  | "getContainer"
  | "getRanges"
  | "removeRange"
  | "setChartType"
  | "setHiddenDimensionStrategy"
  | "setMergeStrategy"
  | "setNumHeaders"
  | "setOption"
  | "setPosition"
  | "setTransposeRowsAndColumns";

export class EmbeddedChartBuilder
  extends GasObject
  implements Api<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, BuilderKeys>
{
  readonly gasClass = "EmbeddedChartBuilder";
  constructor(
    private readonly st: SheetsState,
    private readonly model: SheetModel,
    private readonly spec: ChartSpec,
  ) {
    super();
  }
  addRange(range: GasObject): EmbeddedChartBuilder {
    if (!(range instanceof Range)) throw serviceError("Invalid argument: range");
    if (range._sheet !== this.model) throw serviceError("The range must be on the chart's sheet.");
    this.spec.ranges.push({ ...range._rect });
    return this;
  }
  removeRange(range: GasObject): EmbeddedChartBuilder {
    if (!(range instanceof Range)) throw serviceError("Invalid argument: range");
    const r = range._rect;
    this.spec.ranges = this.spec.ranges.filter(
      (x) => !(x.r1 === r.r1 && x.c1 === r.c1 && x.r2 === r.r2 && x.c2 === r.c2),
    );
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.spec.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return this.spec.ranges.map((r) => new Range(this.st, this.model, { ...r }));
  }
  setChartType(type: string | number): EmbeddedChartBuilder {
    const name = String(type);
    if (!(name in ChartType)) throw serviceError("Invalid argument: type");
    this.spec.type = name;
    return this;
  }
  getChartType(): string {
    return this.spec.type;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.spec.options[String(option)] = value;
    return this;
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    if (!(anchorRowPos >= 1 && anchorColPos >= 1)) throw serviceError("Invalid argument: position");
    this.spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.spec.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this.spec.transpose = transpose;
    return this;
  }
  setMergeStrategy(mergeStrategy: string | number): EmbeddedChartBuilder {
    this.spec.mergeStrategy = String(mergeStrategy);
    return this;
  }
  setHiddenDimensionStrategy(strategy: string | number): EmbeddedChartBuilder {
    this.spec.hiddenStrategy = String(strategy);
    return this;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo(this.spec.position);
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this.st, this.model, copySpec(this.spec));
  }
}

export class ContainerInfo extends GasObject {
  readonly gasClass = "ContainerInfo";
  constructor(private readonly p: ChartSpec["position"]) {
    super();
  }
  getAnchorRow(): number {
    return this.p.row;
  }
  getAnchorColumn(): number {
    return this.p.column;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}

export class ChartOptions extends GasObject {
  readonly gasClass = "ChartOptions";
  constructor(private readonly options: Record<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

type ChartKeys =
  | "getAs"
  | "getBlob"
  | "getChartId"
  | "getContainerInfo"
  | "getHiddenDimensionStrategy"
  | "getMergeStrategy"
  | "getNumHeaders"
  | "getOptions"
  | "getRanges"
  | "getTransposeRowsAndColumns"
  | "modify";

export class EmbeddedChart
  extends GasObject
  implements Api<GoogleAppsScript.Spreadsheet.EmbeddedChart, ChartKeys>
{
  readonly gasClass = "EmbeddedChart";
  constructor(
    private readonly st: SheetsState,
    readonly _model: SheetModel,
    readonly _spec: ChartSpec,
  ) {
    super();
  }
  getChartId(): number | null {
    return this._spec.id;
  }
  getRanges(): Range[] {
    return this._spec.ranges.map((r) => new Range(this.st, this._model, { ...r }));
  }
  getOptions(): ChartOptions {
    return new ChartOptions({ ...this._spec.options });
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo({ ...this._spec.position });
  }
  getNumHeaders(): number {
    return this._spec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._spec.transpose;
  }
  getMergeStrategy(): string {
    return this._spec.mergeStrategy;
  }
  getHiddenDimensionStrategy(): string {
    return this._spec.hiddenStrategy;
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.st, this._model, copySpec(this._spec));
  }
  getBlob(): Blob {
    this.st.sync();
    const title = typeof this._spec.options["title"] === "string" ? this._spec.options["title"] : "Chart";
    return new Blob(renderPng(this._model, this._spec), "image/png", `${title}.png`);
  }
  getAs(contentType: string): Blob {
    if (contentType !== "image/png")
      throw serviceError(`Converting from image/png to ${contentType} is not supported.`);
    return this.getBlob();
  }
}

export function newChartBuilder(st: SheetsState, model: SheetModel): EmbeddedChartBuilder {
  return new EmbeddedChartBuilder(st, model, {
    id: null,
    type: ChartType.LINE,
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    mergeStrategy: ChartMergeStrategy.MERGE_COLUMNS,
    hiddenStrategy: ChartHiddenDimensionStrategy.IGNORE_BOTH,
  });
}

function asChart(chart: unknown, model: SheetModel): EmbeddedChart {
  if (!(chart instanceof EmbeddedChart)) throw serviceError("Invalid argument: chart");
  if (chart._model !== model) throw serviceError("The chart does not belong to this sheet.");
  return chart;
}

export function insertChart(st: SheetsState, model: SheetModel, chart: unknown): void {
  const c = asChart(chart, model);
  if (c._spec.ranges.length === 0) throw serviceError("The chart has no data ranges.");
  const ss = model.parent;
  const id = nextIds.get(ss) ?? 1;
  nextIds.set(ss, id + 1);
  const spec = copySpec(c._spec);
  spec.id = id;
  c._spec.id = id;
  chartSpecs(model).push(spec);
  void st;
}

export function updateChart(st: SheetsState, model: SheetModel, chart: unknown): void {
  const c = asChart(chart, model);
  const list = chartSpecs(model);
  const i = list.findIndex((s) => s.id !== null && s.id === c._spec.id);
  if (i < 0) throw serviceError("The chart is not on this sheet.");
  list[i] = { ...copySpec(c._spec), id: list[i]!.id };
  void st;
}

export function removeChart(model: SheetModel, chart: unknown): void {
  const c = asChart(chart, model);
  const list = chartSpecs(model);
  const i = list.findIndex((s) => s.id !== null && s.id === c._spec.id);
  if (i < 0) throw serviceError("The chart is not on this sheet.");
  list.splice(i, 1);
}

export function getCharts(st: SheetsState, model: SheetModel): EmbeddedChart[] {
  return chartSpecs(model).map((s) => new EmbeddedChart(st, model, copySpec(s)));
}

// ── The picture ───────────────────────────────────────────────────────────────

const WIDTH = 600;
const HEIGHT = 371;
const COLORS: [number, number, number][] = [
  [66, 133, 244],
  [219, 68, 55],
  [244, 180, 0],
  [15, 157, 88],
];

/** Numbers of the chart's ranges: rows are categories, numeric columns are series. */
export function chartData(model: SheetModel, spec: ChartSpec): number[][] {
  const out: number[][] = [];
  for (const r of spec.ranges) {
    const headers = spec.numHeaders >= 0 ? spec.numHeaders : 1;
    for (let row = r.r1 + headers; row <= r.r2; row++) {
      const values: number[] = [];
      for (let col = r.c1; col <= r.c2; col++) {
        const v = model.cell(row, col)?.v;
        if (typeof v === "number") values.push(v);
      }
      out.push(values);
    }
  }
  return out;
}

function renderPng(model: SheetModel, spec: ChartSpec): Buffer {
  const px = Buffer.alloc(WIDTH * HEIGHT * 3, 255);
  const rect = (x0: number, y0: number, w: number, h: number, c: [number, number, number]): void => {
    for (let y = Math.max(0, y0); y < Math.min(HEIGHT, y0 + h); y++)
      for (let x = Math.max(0, x0); x < Math.min(WIDTH, x0 + w); x++) px.set(c, (y * WIDTH + x) * 3);
  };
  const data = chartData(model, spec);
  const max = Math.max(1, ...data.flat());
  const left = 40;
  const bottom = HEIGHT - 30;
  rect(left, 20, 1, bottom - 20, [120, 120, 120]);
  rect(left, bottom, WIDTH - left - 20, 1, [120, 120, 120]);
  const group = (WIDTH - left - 40) / Math.max(1, data.length);
  data.forEach((values, i) => {
    const bar = Math.max(1, Math.floor((group * 0.8) / Math.max(1, values.length)));
    values.forEach((v, j) => {
      const h = Math.round(((bottom - 30) * Math.max(0, v)) / max);
      rect(Math.round(left + 10 + i * group + j * bar), bottom - h, bar - 1, h, COLORS[j % COLORS.length]!);
    });
  });
  return encodePng(px, WIDTH, HEIGHT);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB image as a PNG file (8-bit, no filtering). */
function encodePng(rgb: Buffer, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
