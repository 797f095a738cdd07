import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../db/ids";
import { BadRequest, Conflict, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { authorizeSecretBind } from "./authorize-bind";
import type { KeyInfo } from "../secrets/secret-data";
import { findServiceOrThrow } from "./find-service";
import { bindingSelect, toBindingInfo, type BindingInfo } from "./service-dto";
import { bindingSchema, checkTarget, formatMode, parseMode, type BindingInput } from "./service-rules";

/** Docker's `service update --secret-add`. Needs secret:bind as well: the service's tokens will read the value. */
export async function addBinding(actor: Actor, namespace: string, serviceName: string, input: BindingInput): Promise<BindingInfo> {
  const spec = parseInput(bindingSchema, input);
  const mode = spec.mode === undefined ? 0o444 : parseMode(spec.mode);
  const target = spec.target ?? spec.secret;
  // Both at once: a bad mode must not hide a target that climbs out (`../`).
  const problems: Record<string, string> = {};
  if (mode === null) problems.mode = "mode must be an octal number between 0 and 0777";
  const targetProblem = checkTarget(target);
  if (targetProblem) problems.target = targetProblem;
  if (mode === null || targetProblem) throw new BadRequest(Object.values(problems)[0]!, { fields: problems });
  return audited(actor, "binding.create", async (tx) => {
    await authorize(tx, actor, "binding:manage", namespace);
    await authorizeSecretBind(tx, actor, namespace, "bind");
    const approval = await requireApproval(tx, actor, {
      action: "binding.create",
      namespace,
      target: { service: serviceName, secret: spec.secret },
    });
    const service = await findServiceOrThrow(tx, namespace, serviceName);
    const secret = await tx.secret.findFirst({ where: { namespaceId: service.namespaceId, name: spec.secret, deletedAt: null } });
    if (!secret) throw new BadRequest(`secret: no secret '${spec.secret}' in namespace '${namespace}'`, { field: "secret" });
    if (spec.pinnedVersion) {
      const pinned = await tx.secretVersion.findUnique({
        where: { secretId_version: { secretId: secret.id, version: spec.pinnedVersion } },
      });
      if (!pinned)
        throw new BadRequest(`pinnedVersion: secret '${spec.secret}' has no version ${spec.pinnedVersion}`, { field: "pinnedVersion" });
    }
    const current = await tx.secretVersion.findUnique({
      where: { secretId_version: { secretId: secret.id, version: spec.pinnedVersion ?? secret.currentVersion } },
      select: { keys: true },
    });
    const keys = (current?.keys as KeyInfo[] | undefined) ?? [];
    if (spec.key && !keys.some((k) => k.name === spec.key))
      throw new BadRequest(`key: secret '${spec.secret}' has no key '${spec.key}'`, { field: "key" });
    // A single-key secret is bound to that key, so the target stays a file
    // even if a later version adds keys (a file turning into a directory
    // would break every *_FILE reader).
    const key = spec.key ?? (keys.length === 1 ? keys[0]!.name : null);
    const taken = await tx.secretBinding.findMany({ where: { serviceId: service.id }, select: { target: true } });
    const clash = taken.find((t) => t.target === target || t.target.startsWith(`${target}/`) || target.startsWith(`${t.target}/`));
    if (clash) throw new Conflict(`service '${serviceName}' already has a secret at target '${clash.target}'`, { field: "target" });
    const row = await tx.secretBinding.create({
      data: {
        id: newId("bnd"),
        serviceId: service.id,
        secretId: secret.id,
        target,
        uid: spec.uid,
        gid: spec.gid,
        mode,
        envName: spec.envName ?? null,
        key,
        pinnedVersion: spec.pinnedVersion ?? null,
      },
      select: bindingSelect,
    });
    await recordAudit(tx, actor, {
      action: "binding.create",
      resource: { type: "service", id: service.id, name: serviceName },
      namespace,
      details: {
        secret: spec.secret,
        target,
        uid: spec.uid,
        gid: spec.gid,
        mode: formatMode(mode),
        envName: spec.envName ?? null,
        key: spec.key ?? null,
        pinnedVersion: spec.pinnedVersion ?? null,
        ...(approval ? { approval } : {}),
      },
    });
    return toBindingInfo(row);
  });
}

/** Docker's `--secret-rm`: by secret name (each of its bindings), or else by target. */
export async function removeBinding(actor: Actor, namespace: string, serviceName: string, targetOrSecret: string): Promise<number> {
  return audited(actor, "binding.delete", async (tx) => {
    await authorize(tx, actor, "binding:manage", namespace);
    const service = await findServiceOrThrow(tx, namespace, serviceName);
    const bySecret = await tx.secretBinding.findMany({
      where: { serviceId: service.id, secret: { name: targetOrSecret } },
      select: bindingSelect,
    });
    const matches = bySecret.length
      ? bySecret
      : await tx.secretBinding.findMany({ where: { serviceId: service.id, target: targetOrSecret }, select: bindingSelect });
    if (!matches.length) throw new NotFound(`service '${serviceName}' has no binding with target or secret '${targetOrSecret}'`);
    await tx.secretBinding.deleteMany({ where: { id: { in: matches.map((m) => m.id) } } });
    for (const binding of matches) {
      await recordAudit(tx, actor, {
        action: "binding.delete",
        resource: { type: "service", id: service.id, name: serviceName },
        namespace,
        details: { secret: binding.secret.name, target: binding.target },
      });
    }
    return matches.length;
  });
}
