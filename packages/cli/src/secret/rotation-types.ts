// The rotation policy answers the CLI reads (packages/contracts), and where `NS/NAME` points.
import { resolveNamespace, type ParsedArgs } from "../args";
import { secretPath } from "./types";

export type { RotationPolicyDto as RotationPolicy, RotationRunResult as RotationRun } from "../../../contracts/src/rotation/rotation-dto";

/** `NS/NAME`, or `NAME` in --namespace / $COFFER_NAMESPACE. */
export function rotationPath(target: string, values: ParsedArgs["values"], env: Record<string, string | undefined>, sub?: string): string {
  const slash = target.indexOf("/");
  const [namespace, name] = slash > 0 ? [target.slice(0, slash), target.slice(slash + 1)] : [resolveNamespace(values, env), target];
  return secretPath(namespace, name, sub ? `rotation/${sub}` : "rotation");
}
