// `coffer audit verify`: three ways to check the audit log, exit code 1
// when it does not hold up (for scripts and cron).
// - no flags: the server verifies every event against its signed tree and
//   the newest checkpoint it holds outside the database;
// - --checkpoint FILE: this machine also checks the live tree against a
//   checkpoint kept elsewhere (signatures and consistency proof);
// - --export FILE --checkpoint FILE --public-key FILE: an export verified
//   offline, with no server and no login.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { LogReport } from "../../../contracts/src/audit/log-report";
import { type CommandSpec, type ParsedArgs, text } from "../args";
import type { Command } from "../command";
import type { CliContext } from "../context";
import { CliError, UsageError } from "../errors";
import { connect } from "../session";
import { ExportReader, OfflineInputError, verifyExportAgainst } from "./offline-verify";
import { publicKeyFromServer } from "./public-key";
import { checkLiveLog, newestNote } from "./verify-live";
import { labelled, reportText } from "./verify-report";

const spec: CommandSpec = {
  path: "audit verify",
  usage: "[OPTIONS]",
  summary: "Verify the audit log against its signed checkpoints",
  args: { min: 0, max: 0 },
  options: [
    {
      name: "checkpoint",
      type: "string",
      value: "file",
      help: "A checkpoint kept outside the server (signed note or audit-checkpoints.jsonl)",
    },
    {
      name: "public-key",
      type: "string",
      value: "file",
      help: "The log's public key (PEM, raw base64 or verifier key); default: ask the server",
    },
    {
      name: "export",
      type: "string",
      value: "file",
      help: 'Verify this JSONL export offline ("-" for stdin); needs --checkpoint and --public-key',
    },
  ],
  details: `Examples:
  coffer audit verify
  coffer audit verify --checkpoint /backup/audit-checkpoints.jsonl --public-key audit.pem
  coffer audit export --format jsonl -o audit.jsonl
  coffer audit verify --export audit.jsonl --checkpoint audit-checkpoints.jsonl --public-key audit.pem`,
};

async function readInput(ctx: CliContext, path: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(ctx.cwd, path), "utf8");
  } catch (error) {
    throw new CliError(`cannot read the ${what} "${path}": ${(error as Error).message}`);
  }
}

function print(ctx: CliContext, report: LogReport, extra: [string, string][] = []): number {
  (report.ok ? ctx.stdout : ctx.stderr).write(reportText(report, extra));
  return report.ok ? 0 : 1;
}

async function verifyOffline(ctx: CliContext, file: string, checkpointFile: string, keyFile: string): Promise<number> {
  const [checkpoint, publicKey] = [
    await readInput(ctx, checkpointFile, "checkpoint file"),
    await readInput(ctx, keyFile, "public key file"),
  ];
  const reader = new ExportReader();
  const input = file === "-" ? ctx.stdin : createReadStream(resolve(ctx.cwd, file));
  try {
    for await (const chunk of input) reader.push(chunk as Buffer | string);
  } catch (error) {
    throw new CliError(`cannot read the export "${file}": ${(error as Error).message}`);
  }
  try {
    return print(ctx, verifyExportAgainst(reader.end(), checkpoint, publicKey), [
      ["Export:", `${file}: ${reader.events.length} events read`],
    ]);
  } catch (error) {
    if (error instanceof OfflineInputError) throw new CliError(error.message);
    throw error;
  }
}

async function verifyLive(ctx: CliContext, values: ParsedArgs["values"]): Promise<number> {
  const client = await connect(ctx);
  const checkpointFile = text(values, "checkpoint");
  let given: string | undefined;
  if (checkpointFile) {
    given = await readInput(ctx, checkpointFile, "checkpoint file");
    const note = newestNote(given, checkpointFile);
    const keyFile = text(values, "public-key");
    const key = keyFile ? await readInput(ctx, keyFile, "public key file") : (await publicKeyFromServer(client)).publicKeyPem;
    const check = await checkLiveLog(client, { note, file: checkpointFile, publicKey: key });
    const rows: [string, string][] = [
      ["Public key:", keyFile ? keyFile : "the server's (pass --public-key with a copy you keep to rule out a swapped key)"],
      ...check.rows,
    ];
    const verdict = check.problem ? `Audit log NOT intact: ${check.problem}` : `The server's tree is consistent with ${checkpointFile}.`;
    (check.problem ? ctx.stderr : ctx.stdout).write(`${[...labelled(rows), verdict, ""].join("\n")}\n`);
    // A forged or unrelated checkpoint says nothing about the events: stop there.
    if (check.problem) return 1;
  }
  // The server compares its events with the same outside checkpoint, instead of the one in its own file.
  return print(
    ctx,
    await client.request<LogReport>("POST", "/api/v1/audit/verify", {
      body: given === undefined ? { wait: true } : { wait: true, checkpoint: given },
    }),
  );
}

export const verifyCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const file = text(values, "export");
    const checkpoint = text(values, "checkpoint");
    const key = text(values, "public-key");
    if (file !== undefined) {
      if (!checkpoint || !key)
        throw new UsageError(
          "--export needs --checkpoint FILE and --public-key FILE: offline, nothing else vouches for the export",
          spec.path,
        );
      return verifyOffline(ctx, file, checkpoint, key);
    }
    if (key && !checkpoint) throw new UsageError("--public-key needs --checkpoint FILE (or --export FILE) to check", spec.path);
    return verifyLive(ctx, values);
  },
};
