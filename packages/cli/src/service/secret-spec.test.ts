import { describe, expect, it } from "vitest";
import { UsageError } from "../errors";
import { parseMode, parseSecretSpec, splitCsvRecord } from "./secret-spec";

const parse = (input: string) => parseSecretSpec(input, "service update");

function problem(input: string): string {
  try {
    parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).command).toBe("service update");
    return (error as Error).message;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe("parseSecretSpec (docker's --secret csv)", () => {
  it("reads every docker field and Coffer's env, key and version", () => {
    expect(parse("source=db_pw,target=db_password,uid=1000,gid=1001,mode=0400,env=DB_PASSWORD,key=value,version=3")).toEqual({
      secret: "db_pw",
      target: "db_password",
      uid: 1000,
      gid: 1001,
      mode: "0400",
      envName: "DB_PASSWORD",
      key: "value",
      pinnedVersion: 3,
    });
  });

  it("takes a bare name as source=NAME, and src= as an alias of source=", () => {
    expect(parse("db_pw")).toEqual({ secret: "db_pw" });
    expect(parse("src=db_pw,target=certs/db")).toEqual({ secret: "db_pw", target: "certs/db" });
  });

  it("leaves defaults (target, uid, gid, mode) to the server, as docker sends them", () => {
    expect(parse("source=db_pw")).toEqual({ secret: "db_pw" });
    // docker: an empty target means the source's name.
    expect(parse("source=db_pw,target=")).toEqual({ secret: "db_pw" });
  });

  it("matches field names case-insensitively and lets a later field win, like docker", () => {
    expect(parse("Source=a,SRC=b,Target=t,MODE=0o440")).toEqual({ secret: "b", target: "t", mode: "0440" });
  });

  it("reads quoted csv fields, so a value may hold a comma or a quote", () => {
    expect(splitCsvRecord('"source=a,b",target=x')).toEqual(["source=a,b", "target=x"]);
    expect(splitCsvRecord('"target=say ""hi""",src=a')).toEqual(['target=say "hi"', "src=a"]);
    expect(splitCsvRecord("a,,b,")).toEqual(["a", "", "b", ""]);
    expect(problem('source=a"b')).toBe(`invalid argument "source=a"b" for "--secret-add": bare " in non-quoted-field`);
    expect(problem('"source=a,target=b')).toMatch(/extraneous or missing " in quoted-field$/);
  });

  it("names an unknown field", () => {
    expect(problem("source=a,owner=root")).toBe(
      'invalid argument "source=a,owner=root" for "--secret-add": invalid field in secret request: owner (use source, target, uid, gid, mode, env, key or version)',
    );
  });

  it("refuses fields without =, a missing source, and bad values, naming the field", () => {
    expect(problem("source=a,target")).toMatch(/: invalid field 'target' must be a key=value pair$/);
    expect(problem("source=a,")).toMatch(/: invalid field '' must be a key=value pair$/);
    expect(problem("target=x")).toMatch(/: source is required$/);
    expect(problem("")).toMatch(/: source is required$/);
    expect(problem("source=a,uid=-1")).toMatch(/: uid must be a non-negative integer, not "-1"$/);
    expect(problem("source=a,gid=root")).toMatch(/: gid must be a non-negative integer, not "root"$/);
    expect(problem("source=a,env=1BAD")).toMatch(/: env must be an environment variable name/);
    expect(problem("source=a,key=")).toMatch(/: key must not be empty$/);
    expect(problem("source=a,version=0")).toMatch(/: version must be a version number/);
    expect(problem("source=a,version=v2")).toMatch(/: version must be a version number/);
  });

  it("wants modes in octal with a leading 0, never guessing what 400 means", () => {
    for (const bad of ["400", "0999", "01000", "rw", "0x1ff", "-0400"]) {
      expect(problem(`source=a,mode=${bad}`)).toMatch(new RegExp(`invalid mode "${bad}": use octal with a leading 0`));
    }
    expect(parseMode("0")).toBe("0000");
    expect(parseMode("0444")).toBe("0444");
    expect(parseMode("00400")).toBe("0400");
    expect(parseMode("0o777")).toBe("0777");
    expect(parseMode("04755")).toBeNull();
  });
});
