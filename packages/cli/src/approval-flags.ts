// `--reason "<why>"` and `--wait` are global: any command whose action a
// namespace's policy gates (reveal, rm, a binding, a token …) may need them,
// so they are taken off the command line before the command parses its own
// flags, wherever they stand (`coffer --reason x secret rm db` and
// `coffer secret rm db --reason x` alike). What follows `--` belongs to the
// command being run (`coffer run -- sh -c … --wait`) and is left alone.
import { CliError } from "./errors";

export type ApprovalOptions = {
  /** Why: sent with the approval request the CLI makes on `approval_required`. */
  reason?: string;
  /** Wait for the decision, then repeat the request with the approval. */
  wait?: boolean;
  /** Between two looks at a pending request; tests shorten it. */
  pollMs?: number;
};

export const REASON_MAX = 500;

export function takeApprovalFlags(argv: string[]): { argv: string[]; approval: ApprovalOptions } {
  const rest: string[] = [];
  const approval: ApprovalOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--wait") {
      approval.wait = true;
    } else if (arg === "--reason" || arg.startsWith("--reason=")) {
      const value = arg === "--reason" ? argv[++i] : arg.slice("--reason=".length);
      if (value === undefined || value.startsWith("--"))
        throw new CliError("coffer: flag needs an argument: --reason\nSee 'coffer --help'");
      approval.reason = checkReason(value);
    } else {
      rest.push(arg);
    }
  }
  return { argv: rest, approval };
}

function checkReason(value: string): string {
  const reason = value.trim();
  if (!reason) throw new CliError('coffer: --reason must say why (for example --reason "restore the staging copy, ticket OPS-12")');
  if (reason.length > REASON_MAX)
    throw new CliError(`coffer: --reason is ${reason.length} characters long; at most ${REASON_MAX} are allowed`);
  return reason;
}
