import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError, UsageError } from "../errors";
import { memoryContext } from "../test-support/memory-context";
import { readSecretData } from "./secret-data";

// Every byte value, including ones that are not valid UTF-8.
const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-cli-data-"));
  await writeFile(join(dir, "blob.bin"), BINARY);
  await writeFile(join(dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const none = { fromFile: [], fromLiteral: [] };

describe("readSecretData", () => {
  it("stores FILE under the key value, base64 of the exact bytes", async () => {
    const { ctx } = memoryContext({ cwd: dir });
    const data = await readSecretData(ctx, { ...none, source: "blob.bin" }, "secret create");
    expect(data).toEqual({ value: BINARY.toString("base64") });
    expect(Buffer.from(data.value!, "base64").equals(BINARY)).toBe(true);
  });

  it("reads - from stdin without trimming the trailing newline (docker keeps it too)", async () => {
    const { ctx } = memoryContext({ stdin: "s3cret\n" });
    expect(await readSecretData(ctx, { ...none, source: "-" }, "secret create")).toEqual({
      value: Buffer.from("s3cret\n").toString("base64"),
    });
  });

  it("combines FILE with --from-file (KEY=PATH or PATH) and --from-literal", async () => {
    const { ctx } = memoryContext({ cwd: dir, stdin: "x" });
    const data = await readSecretData(
      ctx,
      { source: "-", fromFile: ["tls.crt=cert.pem", join(dir, "blob.bin")], fromLiteral: ["user=a=b"] },
      "secret create",
    );
    expect(Object.keys(data)).toEqual(["value", "tls.crt", "blob.bin", "user"]);
    expect(Buffer.from(data.user!, "base64").toString()).toBe("a=b");
    expect(Buffer.from(data["tls.crt"]!, "base64").toString()).toBe("-----BEGIN CERTIFICATE-----\n");
  });

  it("requires at least one source", async () => {
    const { ctx } = memoryContext();
    await expect(readSecretData(ctx, none, "secret create")).rejects.toThrow(
      '"coffer secret create" requires data: a FILE, - for stdin, --from-file or --from-literal',
    );
  });

  it("refuses a key given twice and key names the server would refuse", async () => {
    const { ctx } = memoryContext({ stdin: "x" });
    await expect(readSecretData(ctx, { source: "-", fromFile: [], fromLiteral: ["value=y"] }, "secret create")).rejects.toThrow(
      'key "value" is given more than once',
    );
    await expect(readSecretData(ctx, { ...none, fromLiteral: ["a/b=1"] }, "secret create")).rejects.toThrow(UsageError);
  });

  it("names the file it cannot read", async () => {
    const { ctx } = memoryContext({ cwd: dir });
    const attempt = readSecretData(ctx, { ...none, source: "missing.txt" }, "secret create");
    await expect(attempt).rejects.toThrow(CliError);
    await expect(readSecretData(ctx, { ...none, source: "missing.txt" }, "secret create")).rejects.toThrow(
      /^error reading content from "missing.txt": ENOENT/,
    );
  });
});
