/**
 * Whether a PNG screenshot shows something: the number of distinct colours among its pixels. A
 * blank (one-colour) image has one; a rendered bubble with text has dozens. Reads 8-bit RGB or
 * RGBA PNGs as Chromium writes them, undoing the scanline filters.
 */
import { inflateSync } from "node:zlib";

export function distinctColours(png: Buffer, limit = 64): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const depth = png[24];
  const colourType = png[25];
  if (depth !== 8 || (colourType !== 2 && colourType !== 6)) throw new Error(`unexpected PNG: depth ${depth}, colour type ${colourType}`);
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  const colours = new Set<string>();
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[x] = (row[x]! + predictor) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) colours.add(line.toString("hex", x, x + channels));
    if (colours.size >= limit) return colours.size;
    line.copy(previous);
  }
  return colours.size;
}
