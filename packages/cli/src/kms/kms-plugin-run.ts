// The running `coffer kms-plugin`, loaded only when that command runs: it
// pulls in grpc-js, which no other command needs at start-up.
import { resolve } from "node:path";
import { status as grpcStatus } from "@grpc/grpc-js";
import { text, type ParsedArgs } from "../args";
import { normalizeServer } from "../config-store";
import type { CliContext } from "../context";
import { integrationToken, readTokenFile } from "../workload/token-file";
import { CliError, UsageError } from "../errors";
import { fetchKmsStatus, KmsCallError, type KmsServer } from "./kms-forward";
import { startKmsPlugin } from "./kms-grpc-server";
import { DEFAULT_KMS_SOCKET } from "./kms-plugin";

const COMMAND = "kms-plugin";

/** A token the server refuses is worth stopping for; an unreachable server is not (the apiserver keeps retrying). */
async function checkAtStart(coffer: KmsServer, log: (line: string) => void): Promise<void> {
  try {
    const answer = await fetchKmsStatus(coffer);
    log(`Coffer server ${coffer.server}: healthz ${answer.healthz}, key id ${answer.keyId}`);
  } catch (error) {
    if (!(error instanceof KmsCallError)) throw error;
    if (error.code === grpcStatus.UNAUTHENTICATED || error.code === grpcStatus.PERMISSION_DENIED) {
      throw new CliError(`coffer kms-plugin: ${error.message}`);
    }
    log(`warning: ${error.message} (serving anyway; each call tries again)`);
  }
}

export async function runKmsPlugin(ctx: CliContext, { values }: ParsedArgs): Promise<number> {
  const server = text(values, "server") ?? ctx.env.COFFER_SERVER;
  const tokenFile = text(values, "token-file");
  if (!server) throw new UsageError("--server URL is required (or set COFFER_SERVER)", COMMAND);
  if (!tokenFile) throw new UsageError("--token-file is required", COMMAND);
  const socketPath = resolve(ctx.cwd, text(values, "socket") ?? DEFAULT_KMS_SOCKET);
  const token = await readTokenFile(
    tokenFile,
    { cwd: ctx.cwd, insecure: values["insecure-token-file"] === true },
    integrationToken("kubernetes-kms", "the KMS plugin"),
  );
  const coffer: KmsServer = { server: normalizeServer(server), token };
  const log = (line: string) => ctx.stderr.write(`${line}\n`);

  await checkAtStart(coffer, log);
  const plugin = await startKmsPlugin({ socketPath, coffer, log });
  log(`serving KMS v2 on unix://${socketPath}`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    const stop = (received: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done(received);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  log(`${signal} received, stopping`);
  await plugin.close();
  return 0;
}
