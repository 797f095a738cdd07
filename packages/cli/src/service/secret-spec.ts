// `--secret-add` as docker's opts.SecretOpt reads it: one CSV record of
// key=value fields (`source=db_pw,target=db_password,uid=1000,mode=0400`),
// or a bare name meaning source=NAME. Coffer adds env=, key= and version=.
import { UsageError } from "../errors";
import type { BindingRequest } from "./types";

const FLAG = "secret-add";
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Go's encoding/csv for one record, as docker uses it: fields split at
 * commas; a field starting with `"` runs to the closing quote (`""` is a
 * quote) and may then hold commas; a quote anywhere else is an error.
 */
export function splitCsvRecord(input: string): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    let field = "";
    if (input[at] === '"') {
      at += 1;
      for (;;) {
        const quote = input.indexOf('"', at);
        if (quote === -1) throw new Error('extraneous or missing " in quoted-field');
        field += input.slice(at, quote);
        at = quote + 1;
        if (input[at] !== '"') break;
        field += '"';
        at += 1;
      }
      if (at < input.length && input[at] !== ",") throw new Error('extraneous or missing " in quoted-field');
    } else {
      const comma = input.indexOf(",", at);
      field = input.slice(at, comma === -1 ? input.length : comma);
      if (field.includes('"')) throw new Error('bare " in non-quoted-field');
      at += field.length;
    }
    fields.push(field);
    if (at >= input.length) return fields;
    at += 1; // the comma
  }
}

/**
 * Modes in octal with a leading 0 (`0400`, `0o400`). docker reads `mode=400`
 * as decimal (0620), chmod as octal: a bare number is refused rather than
 * guessed, since either guess is a wrong permission for someone.
 */
export function parseMode(value: string): string | null {
  const match = /^0o?([0-7]{1,4})$/i.exec(value);
  if (!match) return value === "0" ? "0000" : null;
  const mode = parseInt(match[1]!, 8);
  return mode <= 0o777 ? `0${mode.toString(8).padStart(3, "0")}` : null;
}

function wholeNumber(value: string, min: number): number | null {
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= 2 ** 31 - 1 ? number : null;
}

/** One `--secret-add` value as the binding to request; mistakes are usage errors naming the field. */
export function parseSecretSpec(input: string, command: string): BindingRequest {
  const fail = (problem: string): never => {
    throw new UsageError(`invalid argument "${input}" for "--${FLAG}": ${problem}`, command);
  };
  let fields: string[] = [];
  try {
    fields = splitCsvRecord(input);
  } catch (error) {
    fail((error as Error).message);
  }
  // docker's short form: `--secret-add db_pw` is source=db_pw.
  if (fields.length === 1 && !fields[0]!.includes("=")) {
    if (!fields[0]) fail("source is required");
    return { secret: fields[0]! };
  }

  const request: Partial<BindingRequest> = {};
  for (const field of fields) {
    const at = field.indexOf("=");
    if (at <= 0) fail(`invalid field '${field}' must be a key=value pair`);
    const value = field.slice(at + 1);
    // docker matches keys case-insensitively; so do we.
    const key = field.slice(0, at).toLowerCase();
    switch (key) {
      case "source":
      case "src":
        request.secret = value;
        break;
      case "target":
        // docker: an empty target means the source's name.
        if (value) request.target = value;
        else delete request.target;
        break;
      case "uid":
      case "gid":
        request[key] = wholeNumber(value, 0) ?? fail(`${key} must be a non-negative integer, not "${value}"`);
        break;
      case "mode":
        request.mode = parseMode(value) ?? fail(`invalid mode "${value}": use octal with a leading 0, at most 0777 (e.g. mode=0400)`);
        break;
      case "env":
        if (!ENV_NAME.test(value)) fail(`env must be an environment variable name (letters, digits, _), not "${value}"`);
        request.envName = value;
        break;
      case "key":
        if (!value) fail("key must not be empty");
        request.key = value;
        break;
      case "version":
        request.pinnedVersion = wholeNumber(value, 1) ?? fail(`version must be a version number (1, 2, …), not "${value}"`);
        break;
      default:
        fail(`invalid field in secret request: ${field.slice(0, at)} (use source, target, uid, gid, mode, env, key or version)`);
    }
  }
  if (!request.secret) fail("source is required");
  return request as BindingRequest;
}
