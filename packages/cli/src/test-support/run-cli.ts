// Runs the whole CLI in-process (run.ts), against a server when given one,
// with the server and token given the CI way (COFFER_SERVER/COFFER_TOKEN)
// and a throwaway config directory.
import { run } from "../run";
import { memoryContext, type MemoryContextOptions } from "./memory-context";

export const NOW = new Date("2024-05-01T10:02:00.000Z");

export async function runCli(
  argv: string[],
  options: MemoryContextOptions & { server?: { url: string; token: string }; configDir?: string } = {},
) {
  const { server, configDir, env, ...rest } = options;
  const memory = memoryContext({
    now: NOW,
    ...rest,
    env: {
      COFFER_CONFIG_DIR: configDir ?? "/nonexistent/coffer-cli-test",
      ...(server ? { COFFER_SERVER: server.url, COFFER_TOKEN: server.token } : {}),
      ...env,
    },
  });
  const code = await run(argv, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr(), prompts: memory.prompts };
}
