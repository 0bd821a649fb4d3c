/**
 * A small PNG chart writer for the benchmark, with nothing but Node: an RGB canvas, filled
 * rectangles, lines, a 5×7 bitmap font (upper-case letters, digits and a little punctuation) and
 * a PNG encoder (zlib from Node, CRC-32 by table).
 */
import { crc32, deflateSync } from "node:zlib";

export type Rgb = readonly [number, number, number];

const GLYPHS: Record<string, string> = {
  "0": "01110 10001 10011 10101 11001 10001 01110",
  "1": "00100 01100 00100 00100 00100 00100 01110",
  "2": "01110 10001 00001 00010 00100 01000 11111",
  "3": "11111 00010 00100 00010 00001 10001 01110",
  "4": "00010 00110 01010 10010 11111 00010 00010",
  "5": "11111 10000 11110 00001 00001 10001 01110",
  "6": "00110 01000 10000 11110 10001 10001 01110",
  "7": "11111 00001 00010 00100 01000 01000 01000",
  "8": "01110 10001 10001 01110 10001 10001 01110",
  "9": "01110 10001 10001 01111 00001 00010 01100",
  A: "01110 10001 10001 11111 10001 10001 10001",
  B: "11110 10001 10001 11110 10001 10001 11110",
  C: "01110 10001 10000 10000 10000 10001 01110",
  D: "11100 10010 10001 10001 10001 10010 11100",
  E: "11111 10000 10000 11110 10000 10000 11111",
  F: "11111 10000 10000 11110 10000 10000 10000",
  G: "01110 10001 10000 10111 10001 10001 01111",
  H: "10001 10001 10001 11111 10001 10001 10001",
  I: "01110 00100 00100 00100 00100 00100 01110",
  J: "00111 00010 00010 00010 00010 10010 01100",
  K: "10001 10010 10100 11000 10100 10010 10001",
  L: "10000 10000 10000 10000 10000 10000 11111",
  M: "10001 11011 10101 10101 10001 10001 10001",
  N: "10001 10001 11001 10101 10011 10001 10001",
  O: "01110 10001 10001 10001 10001 10001 01110",
  P: "11110 10001 10001 11110 10000 10000 10000",
  Q: "01110 10001 10001 10001 10101 10010 01101",
  R: "11110 10001 10001 11110 10100 10010 10001",
  S: "01111 10000 10000 01110 00001 00001 11110",
  T: "11111 00100 00100 00100 00100 00100 00100",
  U: "10001 10001 10001 10001 10001 10001 01110",
  V: "10001 10001 10001 10001 10001 01010 00100",
  W: "10001 10001 10001 10101 10101 10101 01010",
  X: "10001 10001 01010 00100 01010 10001 10001",
  Y: "10001 10001 10001 01010 00100 00100 00100",
  Z: "11111 00001 00010 00100 01000 10000 11111",
  " ": "00000 00000 00000 00000 00000 00000 00000",
  ".": "00000 00000 00000 00000 00000 01100 01100",
  ",": "00000 00000 00000 00000 01100 00100 01000",
  ":": "00000 01100 01100 00000 01100 01100 00000",
  "-": "00000 00000 00000 11111 00000 00000 00000",
  "/": "00001 00010 00010 00100 01000 01000 10000",
  "(": "00010 00100 01000 01000 01000 00100 00010",
  ")": "01000 00100 00010 00010 00010 00100 01000",
  "%": "11001 11010 00010 00100 01000 01011 10011",
  "+": "00000 00100 00100 11111 00100 00100 00000",
  "=": "00000 00000 11111 00000 11111 00000 00000",
  "<": "00010 00100 01000 10000 01000 00100 00010",
  ">": "01000 00100 00010 00001 00010 00100 01000",
  "?": "01110 10001 00001 00010 00100 00000 00100",
};

export class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 3);
  }

  rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++)
      for (let xx = x0; xx < x1; xx++) this.pixels.set(color, (yy * this.width + xx) * 3);
  }

  hline(x: number, y: number, w: number, color: Rgb): void {
    this.rect(x, y, w, 1, color);
  }

  vline(x: number, y: number, h: number, color: Rgb): void {
    this.rect(x, y, 1, h, color);
  }

  /** Text in the 5×7 font, upper-cased, `scale` pixels per font pixel; returns its width. */
  text(x: number, y: number, s: string, color: Rgb, scale = 2): number {
    let cx = x;
    for (const ch of s.toUpperCase()) {
      const g = GLYPHS[ch] ?? GLYPHS["?"]!;
      g.split(" ").forEach((row, ry) => {
        for (let rx = 0; rx < 5; rx++)
          if (row[rx] === "1") this.rect(cx + rx * scale, y + ry * scale, scale, scale, color);
      });
      cx += 6 * scale;
    }
    return cx - x;
  }

  static textWidth(s: string, scale = 2): number {
    return s.length * 6 * scale;
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0;
      Buffer.from(this.pixels.buffer, y * this.width * 3, this.width * 3).copy(
        raw,
        y * (this.width * 3 + 1) + 1,
      );
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // truecolour
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export interface BarGroup {
  /** Label under the group (e.g. "10 ROWS"). */
  label: string;
  /** One value per series (seconds); null when not measured. */
  values: (number | null)[];
}

/**
 * A grouped bar chart on a logarithmic scale (seconds from 0.1 to 1,000): one group per label,
 * one bar per series, a legend, and a dashed line at each `marks` value (limits, goals).
 */
export function barChart(opts: {
  title: string;
  series: { name: string; color: Rgb }[];
  groups: BarGroup[];
  marks?: { value: number; label: string }[];
  width?: number;
  height?: number;
}): Buffer {
  const W = opts.width ?? 1200;
  const H = opts.height ?? 560;
  const c = new Canvas(W, H);
  const ink: Rgb = [30, 30, 30];
  const grid: Rgb = [220, 220, 220];
  const left = 90;
  const right = 20;
  const top = 60;
  const bottom = 110;
  const plotH = H - top - bottom;
  const plotW = W - left - right;
  const lo = Math.log10(0.1);
  const hi = Math.log10(1000);
  const y = (v: number): number => top + plotH - ((Math.log10(Math.max(0.1, v)) - lo) / (hi - lo)) * plotH;
  c.text(left, 18, opts.title, ink, 3);
  for (const v of [0.1, 1, 10, 100, 1000]) {
    c.hline(left, y(v), plotW, grid);
    const label = `${v} S`;
    c.text(left - 10 - Canvas.textWidth(label), y(v) - 7, label, ink);
  }
  c.vline(left, top, plotH, ink);
  c.hline(left, top + plotH, plotW, ink);
  const groupW = plotW / opts.groups.length;
  const barW = Math.max(4, Math.floor((groupW * 0.8) / opts.series.length));
  opts.groups.forEach((g, gi) => {
    const gx = left + gi * groupW + groupW * 0.1;
    g.values.forEach((v, si) => {
      if (v === null) return;
      const top0 = y(v);
      c.rect(gx + si * barW, top0, barW - 2, top + plotH - top0, opts.series[si]!.color);
    });
    const lines = g.label.split("\n");
    lines.forEach((l, li) =>
      c.text(gx + (groupW * 0.8 - Canvas.textWidth(l)) / 2, top + plotH + 8 + li * 18, l, ink),
    );
  });
  for (const m of opts.marks ?? []) {
    for (let x = left; x < left + plotW; x += 12) c.hline(x, y(m.value), 6, [200, 40, 40]);
    c.text(left + plotW - Canvas.textWidth(m.label) - 4, y(m.value) - 18, m.label, [200, 40, 40]);
  }
  let lx = left;
  const ly = H - 30;
  for (const s of opts.series) {
    c.rect(lx, ly, 16, 14, s.color);
    lx += 22 + c.text(lx + 22, ly, s.name, ink) + 20;
  }
  return c.png();
}
