import { describe, expect, it } from "vitest";
import { type CommandSpec, parseCommand, resolveNamespace, splitKeyValue, wantsHelp } from "./args";
import { UsageError } from "./errors";
import { logoutCommand } from "./auth/logout";
import { createCommand } from "./secret/create";
import { inspectCommand } from "./secret/inspect";
import { lsCommand } from "./secret/ls";
import { versionsCommand } from "./secret/versions";
import { runWithSecretsCommand } from "./workload/run-with-secrets";

function usageError(spec: CommandSpec, argv: string[]): UsageError {
  try {
    parseCommand(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a usage error");
}

describe("parseCommand", () => {
  it("collects repeated --label and -l in order, with flags after positionals", () => {
    const { values, positionals } = parseCommand(createCommand.spec, [
      "--label",
      "env=prod",
      "db_pw",
      "-",
      "-l",
      "team=core",
      "--label=tier=1",
    ]);
    expect(values.label).toEqual(["env=prod", "team=core", "tier=1"]);
    expect(positionals).toEqual(["db_pw", "-"]);
  });

  it("takes a lone - as the stdin argument, not as a flag", () => {
    expect(parseCommand(createCommand.spec, ["name", "-"]).positionals).toEqual(["name", "-"]);
  });

  it("collects --from-file and --from-literal, keeping = inside values", () => {
    const { values } = parseCommand(createCommand.spec, [
      "tls",
      "--from-file",
      "tls.crt=./cert.pem",
      "--from-file=tls.key=./key.pem",
      "--from-literal",
      "token=YWJj==",
    ]);
    expect(values["from-file"]).toEqual(["tls.crt=./cert.pem", "tls.key=./key.pem"]);
    expect(values["from-literal"]).toEqual(["token=YWJj=="]);
  });

  it("collects repeated --filter and -f", () => {
    const { values } = parseCommand(lsCommand.spec, ["-f", "name=db", "--filter", "label=env=prod", "-q"]);
    expect(values.filter).toEqual(["name=db", "label=env=prod"]);
    expect(values.quiet).toBe(true);
  });

  it("says how many arguments a command wants, as docker does", () => {
    expect(usageError(createCommand.spec, []).message).toBe('"coffer secret create" requires at least 1 and at most 2 arguments.');
    expect(usageError(createCommand.spec, ["a", "b", "c"]).message).toBe(
      '"coffer secret create" requires at least 1 and at most 2 arguments.',
    );
    expect(usageError(inspectCommand.spec, []).message).toBe('"coffer secret inspect" requires at least 1 argument.');
    expect(usageError(lsCommand.spec, ["extra"]).message).toBe('"coffer secret ls" accepts no arguments.');
    expect(usageError(versionsCommand.spec, ["a", "b"]).message).toBe('"coffer secret versions" requires 1 argument.');
    expect(usageError(logoutCommand.spec, ["a", "b"]).message).toBe('"coffer logout" accepts at most 1 argument.');
  });

  it("names unknown flags and flags missing their value", () => {
    expect(usageError(createCommand.spec, ["x", "--nope"]).message).toBe("unknown flag: --nope");
    expect(usageError(createCommand.spec, ["x", "-z"]).message).toBe("unknown shorthand flag: 'z' in -z");
    expect(usageError(createCommand.spec, ["x", "--label"]).message).toBe("flag needs an argument: --label");
    expect(usageError(createCommand.spec, ["x", "--label"]).command).toBe("secret create");
  });
});

describe("splitKeyValue", () => {
  it("splits at the first =", () => {
    expect(splitKeyValue("label=env=prod", "filter", "secret ls")).toEqual({ key: "label", value: "env=prod" });
  });

  it("allows a bare key only where docker does (--label KEY)", () => {
    expect(splitKeyValue("deprecated", "label", "secret create", true)).toEqual({ key: "deprecated", value: "" });
    expect(() => splitKeyValue("deprecated", "from-literal", "secret create")).toThrow(
      'invalid argument "deprecated" for "--from-literal": expected KEY=VALUE',
    );
    expect(() => splitKeyValue("=x", "label", "secret create", true)).toThrow(UsageError);
  });
});

describe("wantsHelp", () => {
  it("finds --help and -h anywhere before --", () => {
    expect(wantsHelp(["name", "--help"])).toBe(true);
    expect(wantsHelp(["-h"])).toBe(true);
    expect(wantsHelp(["--", "--help"])).toBe(false);
  });
});

describe("resolveNamespace", () => {
  it("prefers --namespace, then COFFER_NAMESPACE, then default", () => {
    expect(resolveNamespace({ namespace: "ops" }, { COFFER_NAMESPACE: "dev" })).toBe("ops");
    expect(resolveNamespace({}, { COFFER_NAMESPACE: "dev" })).toBe("dev");
    expect(resolveNamespace({}, {})).toBe("default");
  });
});

describe("parseCommand for a command that runs another (coffer run)", () => {
  const spec = runWithSecretsCommand.spec;

  it("parses only what is before --, passing the rest through untouched", () => {
    const parsed = parseCommand(spec, ["--token-file", "t", "--", "sh", "-c", "echo --help", "--server", "x"]);
    expect(parsed.values["token-file"]).toBe("t");
    expect(parsed.values.server).toBeUndefined();
    expect(parsed.rest).toEqual(["sh", "-c", "echo --help", "--server", "x"]);
    expect(wantsHelp(["--token-file", "t", "--", "ls", "--help"])).toBe(false);
  });

  it("requires -- and a command after it", () => {
    expect(usageError(spec, ["sh"]).message).toBe('"coffer run" requires -- before the command to run');
    expect(usageError(spec, ["--keep-env", "--"]).message).toBe('"coffer run" requires a command after --');
    expect(usageError(spec, ["--nope", "--", "sh"]).message).toBe("unknown flag: --nope");
  });
});
