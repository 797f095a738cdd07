// The console's icons: every file the root layout's metadata and the web
// manifest declare is in public/, at the size declared, and reaches a
// signed-out visitor (the sign-in page shows it) instead of a redirect to
// /login.
import { existsSync, readFileSync } from "node:fs";
import type { Metadata } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { metadata } from "./layout";

const publicFile = (url: string) => new URL(`../public${url}`, import.meta.url);

type Declared = { url: string; sizes?: string };

function declaredIcons(icons: Metadata["icons"]): Declared[] {
  const all: Declared[] = [];
  const add = (entry: unknown) => {
    if (Array.isArray(entry)) entry.forEach(add);
    else if (typeof entry === "string" || entry instanceof URL) all.push({ url: String(entry) });
    else if (entry && typeof entry === "object" && "url" in entry) {
      const { url, sizes } = entry as { url: string | URL; sizes?: string };
      all.push({ url: String(url), sizes });
    } else if (entry && typeof entry === "object") Object.values(entry).forEach(add);
  };
  add(icons);
  return all;
}

const manifestUrl = String(metadata.manifest);
const manifest = JSON.parse(readFileSync(publicFile(manifestUrl), "utf8")) as { icons: { src: string; sizes: string }[] };
const icons = [...declaredIcons(metadata.icons), ...manifest.icons.map((icon) => ({ url: icon.src, sizes: icon.sizes }))];

/** Width × height of a PNG (its IHDR chunk), or of each image in an ICO. */
function imageSizes(file: Buffer): string[] {
  if (file.subarray(1, 4).toString("latin1") === "PNG") return [`${file.readUInt32BE(16)}x${file.readUInt32BE(20)}`];
  if (file.readUInt16LE(0) === 0 && file.readUInt16LE(2) === 1) {
    return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
      const [width, height] = [file.readUInt8(6 + 16 * i) || 256, file.readUInt8(7 + 16 * i) || 256];
      return `${width}x${height}`;
    });
  }
  return ["any"];
}

describe("the console's icons", () => {
  it("declares a favicon, an SVG icon, an Apple touch icon and a manifest", () => {
    const urls = icons.map((icon) => icon.url);
    expect(urls).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/icon-192.png", "/icon-512.png"]));
    expect(manifestUrl).toBe("/manifest.webmanifest");
  });

  it.each(icons)("$url is in public/ at the size declared", ({ url, sizes }) => {
    expect(existsSync(publicFile(url)), `public${url}`).toBe(true);
    const file = readFileSync(publicFile(url));
    if (url.endsWith(".svg")) expect(file.toString("utf8")).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
    else expect(imageSizes(file).join(" ")).toBe(sizes);
  });

  it.each([...new Set([...icons.map((icon) => icon.url), manifestUrl])])("%s reaches a signed-out visitor", (url) => {
    const response = proxy(new NextRequest(new URL(url, "http://localhost:3000")));
    expect(response.headers.get("location")).toBeNull();
  });

  it("still sends a signed-out visitor of a console page to sign in", () => {
    const response = proxy(new NextRequest(new URL("/secrets", "http://localhost:3000")));
    expect(response.headers.get("location")).toBe("http://localhost:3000/login?next=%2Fsecrets");
  });
});
