// `coffer secret create NAME -|FILE`: docker secret create, plus kubectl's
// --from-file/--from-literal and --type for multi-key secrets.
import { type CommandSpec, list, namespaceOption, resolveNamespace, splitKeyValue, text } from "../args";
import type { Command } from "../command";
import { connect } from "../session";
import { expiresAtOption, expiresAtValue } from "./expires-at";
import { readSecretData } from "./secret-data";
import { secretPath, type SecretSummary } from "./types";

const spec: CommandSpec = {
  path: "secret create",
  usage: "[OPTIONS] SECRET [file|-]",
  summary: "Create a secret from a file or STDIN as content",
  args: { min: 1, max: 2 },
  options: [
    { name: "label", short: "l", type: "string", multiple: true, help: "Secret labels (KEY=VALUE)" },
    { name: "type", type: "string", help: "Secret type (default: Opaque), e.g. kubernetes.io/tls" },
    { name: "immutable", type: "boolean", help: "Refuse any later change of the data" },
    { name: "from-file", type: "string", multiple: true, help: "Add a key from a file ([KEY=]PATH)" },
    { name: "from-literal", type: "string", multiple: true, help: "Add a key with a literal value (KEY=VALUE)" },
    expiresAtOption,
    namespaceOption,
  ],
  details: `FILE or - (STDIN) becomes the key "value". Examples:
  openssl rand -base64 32 | coffer secret create db_password -
  coffer secret create --label env=prod api_key ./api_key.txt
  coffer secret create --expires-at +90d vendor_api_key ./key.txt
  coffer secret create --type kubernetes.io/tls --from-file tls.crt=cert.pem --from-file tls.key=key.pem web_tls`,
};

export function parseLabels(labels: string[], command: string): Record<string, string> {
  return Object.fromEntries(
    labels.map((label) => {
      const { key, value } = splitKeyValue(label, "label", command, true);
      return [key, value];
    }),
  );
}

export const createCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const [name, source] = positionals as [string, string | undefined];
    const labels = parseLabels(list(values, "label"), spec.path);
    const expiresAtRaw = text(values, "expires-at");
    // Read before connecting or reading STDIN: a typo costs nothing.
    const expiresAt = expiresAtRaw === undefined ? undefined : expiresAtValue(expiresAtRaw, spec.path, ctx.now());
    const client = await connect(ctx);
    const data = await readSecretData(
      ctx,
      { source, fromFile: list(values, "from-file"), fromLiteral: list(values, "from-literal") },
      spec.path,
    );
    const type = text(values, "type");
    // Always `data` (base64), never `stringData`: bytes that are not UTF-8
    // must survive the trip.
    const body = {
      name,
      ...(type ? { type } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(values.immutable ? { immutable: true } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      data,
    };
    const created = await client.request<SecretSummary>("POST", secretPath(resolveNamespace(values, ctx.env)), { body });
    // docker prints only the new ID, so `ID=$(coffer secret create …)` works.
    ctx.stdout.write(`${created.id}\n`);
    return 0;
  },
};
