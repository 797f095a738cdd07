// `coffer audit public-key`: the key that signs the audit log's
// checkpoints, to keep beside them for `coffer audit verify --public-key`.
import type { PublicKeyDto } from "../../../contracts/src/audit/proof-dto";
import type { ApiClient } from "../api-client";
import type { CommandSpec } from "../args";
import type { Command } from "../command";
import { connect } from "../session";

export async function publicKeyFromServer(client: ApiClient): Promise<PublicKeyDto> {
  return client.request<PublicKeyDto>("GET", "/api/v1/audit/public-key");
}

const spec: CommandSpec = {
  path: "audit public-key",
  usage: "[OPTIONS]",
  summary: "Print the public key that signs the audit log's checkpoints",
  args: { min: 0, max: 0 },
  options: [{ name: "verifier-key", type: "boolean", help: "Print the signed-note verifier key (name+id+key) instead of the PEM" }],
  details: `Examples:
  coffer audit public-key > audit.pem`,
};

export const publicKeyCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const key = await publicKeyFromServer(await connect(ctx));
    ctx.stdout.write(
      values["verifier-key"] === true
        ? `${key.verifierKey}\n`
        : key.publicKeyPem.endsWith("\n")
          ? key.publicKeyPem
          : `${key.publicKeyPem}\n`,
    );
    return 0;
  },
};
