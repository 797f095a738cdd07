// POST /api/v1/integrations/docker-swarm/deliveries: one Swarm task's
// secret, as `coffer docker-plugin` forwards dockerd's GetSecret. The
// binding is the grant: the Swarm service must map to a Coffer service of
// the integration's namespace that is bound to the secret, and the value is
// what the runtime API delivers for that binding (its key, its pinned
// version). Audited like a runtime read (lib/services/runtime-secrets.ts):
// the reader is the Coffer service, so reverse lookup names it, and the
// event, the SecretAccess row and the read commit together or not at all
// (503). Refusals are `secret.read` events too, outcome denied; they are
// thrown after the commit so the denial stays in the trail.
import "server-only";
import type { IntegrationActor, ServiceActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { BadRequest, DomainError, Forbidden } from "../errors";
import { countRepeatReads } from "../secrets/access-counts";
import { openVersion } from "../secrets/read-version";
import { recordFirstReads, type Reader } from "../secrets/record-access";
import { unauditedReadFailure } from "../secrets/unaudited-read-failure";
import { findSwarmGrant, type SwarmGrant, type SwarmRefusal } from "./docker-swarm-grant";
import { parseSwarmRequest, type SwarmRequest } from "./docker-swarm-request";
import { integrationCreatorRefusal } from "./integration-creator-grant";
import type { DockerSwarmDelivery } from "../../packages/contracts/src/integrations/docker-swarm";

export type { DockerSwarmDelivery } from "../../packages/contracts/src/integrations/docker-swarm";

type Outcome = { delivery: DockerSwarmDelivery; reader: Reader; repeats: Map<string, number> } | { refused: DomainError };

export async function deliverDockerSecret(actor: IntegrationActor, request: unknown): Promise<DockerSwarmDelivery> {
  if (actor.kind !== "docker-swarm") throw new Forbidden(`integration '${actor.label}' is of kind ${actor.kind}, not docker-swarm`);
  const ask = parseSwarmRequest(request);
  const at = new Date();
  let outcome: Outcome;
  try {
    outcome = await db.$transaction(async (tx): Promise<Outcome> => {
      const refusal = await integrationCreatorRefusal(tx, actor);
      const grant: SwarmGrant | SwarmRefusal = refusal
        ? { reason: refusal.reason, error: new Forbidden(refusal.message) }
        : await findSwarmGrant(tx, actor, ask);
      const value = "error" in grant ? grant : await openGrant(grant, ask);
      if ("error" in value) {
        await recordRefusal(tx, actor, ask, value);
        return { refused: value.error };
      }
      return deliver(tx, actor, ask, value, at);
    });
  } catch (error) {
    throw unauditedReadFailure(error);
  }
  if ("refused" in outcome) throw outcome.refused;
  if (outcome.repeats.size) countRepeatReads(outcome.repeats, outcome.reader, at);
  return outcome.delivery;
}

type Opened = SwarmGrant & { bytes: Buffer };

/** The one value Docker takes: the bound key, or the only key of the version. */
async function openGrant(grant: SwarmGrant, ask: SwarmRequest): Promise<Opened | SwarmRefusal> {
  const entries = await openVersion(grant.secret, grant.version, grant.stored);
  const refuse = (reason: string, message: string): SwarmRefusal => ({
    reason,
    error: new BadRequest(message),
    service: grant.service,
    secret: grant.secret,
  });
  if (grant.binding.key !== null) {
    const bytes = entries.get(grant.binding.key);
    if (bytes) return { ...grant, bytes };
    return refuse(
      "key_missing",
      `version ${grant.version} of secret '${ask.secret}' has no key '${grant.binding.key}', which the binding names`,
    );
  }
  if (entries.size === 1) return { ...grant, bytes: [...entries.values()][0]! };
  const keys = [...entries.keys()].sort().join(", ");
  return refuse(
    "multi_key_unbound",
    `secret '${ask.secret}' has ${entries.size} keys (${keys}) and Docker takes one value per secret: ` +
      `bind one key to service '${grant.service.name}' (--secret-add source=${ask.secret},key=KEY)`,
  );
}

function asService(actor: IntegrationActor, service: { id: string; name: string }): ServiceActor {
  // The integration stands where the service's token would: recordAudit
  // reads only type, id, label and context, and the details name it.
  return {
    type: "service",
    id: service.id,
    label: `${actor.namespace}/${service.name}`,
    context: actor.context,
    namespace: actor.namespace,
    tokenId: actor.id,
  };
}

function commonDetails(actor: IntegrationActor, ask: SwarmRequest) {
  const { service, serviceId, task, taskId, node } = ask.swarm;
  return {
    integration: { id: actor.id, name: actor.label.slice(actor.namespace.length + 1) },
    swarm: { service, serviceId, task, taskId, node },
  };
}

async function recordRefusal(tx: Tx, actor: IntegrationActor, ask: SwarmRequest, refusal: SwarmRefusal): Promise<void> {
  await recordAudit(tx, refusal.service ? asService(actor, refusal.service) : actor, {
    action: "secret.read",
    outcome: "denied",
    resource: { type: "secret", id: refusal.secret?.id ?? null, name: ask.secret },
    namespace: actor.namespace,
    details: { reason: refusal.reason, message: refusal.error.message, version: ask.version, ...commonDetails(actor, ask) },
  });
}

async function deliver(tx: Tx, actor: IntegrationActor, ask: SwarmRequest, opened: Opened, at: Date): Promise<Outcome> {
  const reader: Reader = { type: "service", id: opened.service.id, label: `${actor.namespace}/${opened.service.name}` };
  try {
    const repeats = await recordFirstReads(tx, [opened.secret.id], reader, at);
    await recordAudit(tx, asService(actor, opened.service), {
      action: "secret.read",
      resource: { type: "secret", id: opened.secret.id, name: opened.secret.name },
      namespace: actor.namespace,
      details: { version: opened.version, target: opened.binding.target, ...commonDetails(actor, ask) },
    });
    return {
      delivery: {
        value: opened.bytes.toString("base64"),
        service: opened.service.name,
        secret: opened.secret.name,
        version: opened.version,
      },
      reader,
      repeats,
    };
  } finally {
    opened.bytes.fill(0);
  }
}
