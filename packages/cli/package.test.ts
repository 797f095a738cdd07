// The CLI as an agent's host installs it: `npm pack` of packages/cli, then
// `npm install` of the tarball into an empty folder. It must bring nothing
// of the server (Next.js, Prisma, PGlite, argon2: hundreds of MB) and run.
import { execFileSync } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const CLI_DIR = fileURLToPath(new URL(".", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "coffer-cli-pack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });

// lstat: node_modules/.bin/coffer is a symlink to the bundle, which stat
// would count a second time.
function sizeOf(path: string): number {
  const stats = lstatSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0);
}

// npm pack runs the prepack build (esbuild), npm install unpacks: seconds on a busy machine.
describe("the coffer-cli package", { timeout: 120_000 }, () => {
  it("installs alone from its tarball, well under 30 MB, and `coffer --version` runs", () => {
    const { version } = JSON.parse(readFileSync(join(CLI_DIR, "package.json"), "utf8")) as { version: string };
    const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", scratch], CLI_DIR)) as {
      filename: string;
      files: { path: string }[];
    }[];
    expect(packed[0]!.files.map((file) => file.path).sort()).toEqual(["dist/coffer.mjs", "package.json"]);

    const host = mkdtempSync(join(scratch, "host-"));
    // No dependencies to fetch: the install works offline.
    npm(["install", "--offline", join(scratch, packed[0]!.filename)], host);

    const modules = join(host, "node_modules");
    expect(readdirSync(modules).filter((entry) => !entry.startsWith("."))).toEqual(["coffer-cli"]);
    expect(sizeOf(modules)).toBeLessThan(2 * 1024 * 1024);
    const printed = execFileSync(join(modules, ".bin", "coffer"), ["--version"], { cwd: host, encoding: "utf8" });
    expect(printed).toBe(`coffer version ${version}\n`);
  });
});
