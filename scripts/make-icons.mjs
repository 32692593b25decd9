// Draws the app and tray icons into resources/ (committed; rerun after a design change). Each tray state
// has its own SHAPE as well as its own colour, so the icon stays legible in high contrast and for
// colour-blind operators: ok = disc, warning = triangle, poor = square, offline/sync error = ring with a
// bar, setup needed = diamond. Shapes are drawn from signed distances with 4×4 supersampling.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// Signed distance functions on the unit square [-1, 1]².
const disc = (x, y) => Math.hypot(x, y) - 0.8;
const ring = (x, y) => Math.max(Math.abs(Math.hypot(x, y) - 0.62) - 0.2, -Infinity);
const bar = (x, y) => Math.max(Math.abs(x + y) / Math.SQRT2 - 0.11, Math.hypot(x, y) - 0.8);
const square = (x, y) => Math.max(Math.abs(x), Math.abs(y)) - 0.72;
const diamond = (x, y) => (Math.abs(x) + Math.abs(y)) / Math.SQRT2 - 0.6;
const triangle = (x, y) => Math.max(y - 0.75, (-y * 0.5 + Math.abs(x) * 0.866) - 0.42);
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)));

function render(size, sdf, fill, outline = [20, 20, 20]) {
  const samples = 4;
  return png(size, (px, py) => {
    let inside = 0;
    let edge = 0;
    for (let sy = 0; sy < samples; sy += 1) {
      for (let sx = 0; sx < samples; sx += 1) {
        const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
        const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
        const d = sdf(x, y);
        if (d < 0) inside += 1;
        if (d < 0 && d > -0.14) edge += 1;
      }
    }
    const n = samples * samples;
    if (inside === 0) return [0, 0, 0, 0];
    const t = edge / inside;
    const mix = fill.map((c, i) => Math.round(c * (1 - t) + outline[i] * t));
    return [...mix, Math.round((255 * inside) / n)];
  });
}

const states = {
  ok: [disc, [46, 160, 67]],
  warning: [triangle, [230, 162, 20]],
  poor: [square, [210, 45, 45]],
  offline: [union(ring, bar), [120, 124, 130]],
  setup: [diamond, [50, 110, 220]],
};
for (const [name, [sdf, colour]] of Object.entries(states)) {
  for (const size of [16, 32]) writeFileSync(`resources/tray-${name}${size === 32 ? '@2x' : ''}.png`, render(size, sdf, colour));
}
// App icon: a camera body and lens on a rounded tile.
const tile = (x, y) => Math.max(Math.abs(x), Math.abs(y)) - 0.86;
const lens = (x, y) => Math.hypot(x + 0.15, y) - 0.33;
writeFileSync('resources/icon.png', png(512, (px, py) => {
  const x = (px / 512) * 2 - 1;
  const y = (py / 512) * 2 - 1;
  if (tile(x, y) > 0) return [0, 0, 0, 0];
  if (lens(x, y) < 0) return lens(x, y) > -0.08 ? [240, 240, 240, 255] : [30, 90, 200, 255];
  const body = Math.max(Math.abs(x + 0.15) - 0.55, Math.abs(y) - 0.42);
  const viewfinder = Math.max((Math.abs(y) - 0.1 - (x - 0.45) * 0.6), 0.45 - x, x - 0.8);
  if (body < 0 || viewfinder < 0) return [235, 238, 242, 255];
  return [28, 60, 120, 255];
}));
console.log('icons written to resources/');
