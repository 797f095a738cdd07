// Renders public/icon.svg (hand-written, the source of every icon) into the
// PNG and ICO files the console declares in app/layout.tsx and
// public/manifest.webmanifest. Run by hand after changing the SVG:
//   node scripts/generate-icons.mjs
// sharp comes with Next.js (its image optimizer), so this adds no dependency.
import { readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const publicDir = new URL("../public/", import.meta.url);
const svg = readFileSync(new URL("icon.svg", publicDir), "utf8");

// iOS rounds the corners of a home-screen icon itself and fills transparent
// pixels with black, so the Apple icon is drawn full-bleed.
const roundedBackground = '<rect width="64" height="64" rx="14"';
if (!svg.includes(roundedBackground)) throw new Error(`public/icon.svg no longer starts its drawing with ${roundedBackground}`);
const squareSvg = svg.replace(roundedBackground, '<rect width="64" height="64"');

async function png(source, size) {
  // Rasterize at twice the target and scale down, for smooth edges at 16 px.
  const density = Math.ceil(((72 * size) / 64) * 2);
  return sharp(Buffer.from(source), { density }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

// An ICO file holding PNG images (read by every browser since IE 11):
// a 6-byte header, a 16-byte entry per image, then the images.
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // width, 0 means 256
    entry.writeUInt8(size % 256, 1); // height
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const write = (name, data) => {
  writeFileSync(new URL(name, publicDir), data);
  console.log(`public/${name}  ${data.length} bytes`);
};

write("favicon.ico", ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(svg, size) })))));
write("apple-touch-icon.png", await png(squareSvg, 180));
write("icon-192.png", await png(svg, 192));
write("icon-512.png", await png(svg, 512));
