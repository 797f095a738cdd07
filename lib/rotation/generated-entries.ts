// What a policy without a rotator writes: the current version's entries
// with one key's value replaced by a fresh generated value.
import { BadRequest } from "../errors";
import { generateValue } from "../secrets/generate-value";
import { checkEntries, type SecretEntries } from "../secrets/secret-data";
import type { SecretType } from "../secrets/secret-types";
import type { RotationGenerator } from "./rotation-policy.schema";

/** The key a generator renews: the one it names, else the secret's only key. */
export function generatedKey(generator: RotationGenerator, current: SecretEntries): string {
  if (generator.key) return generator.key;
  if (current.size === 1) return [...current.keys()][0]!;
  const keys = [...current.keys()].sort().join(", ");
  throw new BadRequest(`generator.key is required: the secret has several keys (${keys}); name the one to generate`, {
    field: "generator.key",
  });
}

/** The new version's entries, checked against the secret's type and size rules (a 4xx naming the problem). */
export function generatedEntries(type: SecretType, generator: RotationGenerator, current: SecretEntries): SecretEntries {
  const next = new Map(current);
  next.set(generatedKey(generator, current), generateValue(generator));
  checkEntries(type, next);
  return next;
}

/** The generator's value as a password for a rotator. */
export function generatedPassword(generator: RotationGenerator): string {
  return generateValue(generator).toString("utf8");
}
