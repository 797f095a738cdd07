// `coffer audit export`: the server's streaming export written to stdout or
// a file as it arrives, so memory stays flat however many events match.
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { Writable } from "node:stream";
import { type CommandSpec, text } from "../args";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { connect } from "../session";
import { filterOptions, filterQuery } from "./filters";

const spec: CommandSpec = {
  path: "audit export",
  usage: "[OPTIONS]",
  summary: "Export audit events as CSV or JSONL",
  args: { min: 0, max: 0 },
  options: [
    { name: "format", type: "string", value: "string", help: 'csv or jsonl (default "csv")' },
    { name: "output", short: "o", type: "string", value: "file", help: "Write to a file instead of stdout" },
    ...filterOptions,
  ],
  details: `Examples:
  coffer audit export --action secret.read --since 2026-01-01 -o reads.csv
  coffer audit export --format jsonl --outcome denied`,
};

export const exportCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const format = text(values, "format") ?? "csv";
    if (format !== "csv" && format !== "jsonl") throw new UsageError(`invalid --format "${format}": use csv or jsonl`, spec.path);
    const client = await connect(ctx);
    const body = await client.stream("/api/v1/audit/export", [["format", format], ...filterQuery(values)]);
    const output = text(values, "output");
    if (output) {
      await body.pipeTo(Writable.toWeb(createWriteStream(resolve(ctx.cwd, output), { mode: 0o600 })));
      return 0;
    }
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read())
      ctx.stdout.write(decoder.decode(part.value, { stream: true }));
    return 0;
  },
};
