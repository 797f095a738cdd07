// The rotation policy answers the CLI reads (the server's RotationPolicyDto,
// lib/rotation/rotation-dto.ts), and where `NS/NAME` points.
import { resolveNamespace, type ParsedArgs } from "../args";
import { secretPath } from "./types";

export type RotationPolicy = {
  secret: string;
  namespace: string;
  every: string;
  everySeconds: number;
  generator: { length: number; alphabet: string; key: string | null };
  rotator: { kind: string; admin: string; roles: string[] } | null;
  nextRunAt: string;
  lastRunAt: string | null;
  lastVersion: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
};

export type RotationRun = { rotated: boolean; version: number | null; error: string | null; policy: RotationPolicy };

/** `NS/NAME`, or `NAME` in --namespace / $COFFER_NAMESPACE. */
export function rotationPath(target: string, values: ParsedArgs["values"], env: Record<string, string | undefined>, sub?: string): string {
  const slash = target.indexOf("/");
  const [namespace, name] = slash > 0 ? [target.slice(0, slash), target.slice(slash + 1)] : [resolveNamespace(values, env), target];
  return secretPath(namespace, name, sub ? `rotation/${sub}` : "rotation");
}
