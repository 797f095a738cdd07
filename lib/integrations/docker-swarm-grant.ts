// Which binding grants a Swarm task its secret, or why none does. Every
// refusal names what is missing and how to fix it, since the message is
// all a Swarm operator sees (`docker service ps --no-trunc`).
import type { IntegrationActor } from "../auth/actor";
import type { StoredVersion } from "../crypto";
import type { Tx } from "../db/client";
import { Forbidden, NotFound, type DomainError } from "../errors";
import type { SwarmRequest } from "./docker-swarm-request";
import { COFFER_SECRET_LABEL, COFFER_SERVICE_LABEL } from "../../packages/contracts/src/integrations/docker-swarm";

/** A refusal to record and then throw: why (a stable code) and the error the plugin shows dockerd. */
export type SwarmRefusal = { reason: string; error: DomainError; service?: { id: string; name: string }; secret?: { id: string } };

type Binding = { target: string; key: string | null; pinnedVersion: number | null };

export type SwarmGrant = {
  service: { id: string; name: string };
  secret: { id: string; name: string };
  binding: Binding;
  version: number;
  stored: StoredVersion;
};

export async function findSwarmGrant(tx: Tx, actor: IntegrationActor, ask: SwarmRequest): Promise<SwarmGrant | SwarmRefusal> {
  const ns = actor.namespace;
  const service = await tx.service.findUnique({
    where: { namespaceId_name: { namespaceId: actor.namespaceId, name: ask.service } },
    select: { id: true, name: true },
  });
  if (!service) {
    return refuse(
      "service_unknown",
      new NotFound(`no Coffer service '${ask.service}' in namespace '${ns}' (set the Swarm service label ${COFFER_SERVICE_LABEL})`),
    );
  }
  const secret = await tx.secret.findUnique({
    where: { namespaceId_name: { namespaceId: actor.namespaceId, name: ask.secret } },
    select: { id: true, name: true, currentVersion: true, deletedAt: true },
  });
  if (!secret) {
    return refuse(
      "secret_unknown",
      new NotFound(`no Coffer secret '${ask.secret}' in namespace '${ns}' (set the Swarm secret label ${COFFER_SECRET_LABEL})`),
      service,
    );
  }
  if (secret.deletedAt) {
    return refuse("secret_deleted", new NotFound(`secret '${ask.secret}' in namespace '${ns}' was deleted`), service, secret);
  }
  const binding = pickBinding(
    await tx.secretBinding.findMany({
      where: { serviceId: service.id, secretId: secret.id },
      select: { target: true, key: true, pinnedVersion: true },
      orderBy: { target: "asc" },
    }),
    ask.swarm.secret,
  );
  if (!binding) {
    return refuse(
      "not_bound",
      new Forbidden(
        `service '${service.name}' is not bound to secret '${secret.name}' in namespace '${ns}': bind it first (bindings are the grant)`,
      ),
      service,
      secret,
    );
  }
  if (binding === "ambiguous") {
    return refuse(
      "binding_ambiguous",
      new Forbidden(
        `service '${service.name}' binds secret '${secret.name}' more than once with different keys or versions, and Docker does not say which target it wants: ` +
          `name the Swarm secret after one binding's target`,
      ),
      service,
      secret,
    );
  }
  if (ask.version !== null && binding.pinnedVersion !== null && ask.version !== binding.pinnedVersion) {
    return refuse(
      "version_not_bound",
      new Forbidden(
        `service '${service.name}' is bound to version ${binding.pinnedVersion} of secret '${secret.name}', not version ${ask.version}`,
      ),
      service,
      secret,
    );
  }
  const version = ask.version ?? binding.pinnedVersion ?? secret.currentVersion;
  const stored = await tx.secretVersion.findUnique({
    where: { secretId_version: { secretId: secret.id, version } },
    select: { ciphertext: true, nonce: true, wrappedDek: true, kekName: true },
  });
  if (!stored) {
    return refuse(
      "version_unknown",
      new NotFound(
        `secret '${secret.name}' has no version ${version} (the newest is ${secret.currentVersion}; only the newest versions are kept)`,
      ),
      service,
      secret,
    );
  }
  return { service, secret: { id: secret.id, name: secret.name }, binding, version, stored };
}

function refuse(
  reason: string,
  error: SwarmRefusal["error"],
  service?: SwarmRefusal["service"],
  secret?: SwarmRefusal["secret"],
): SwarmRefusal {
  return { reason, error, ...(service ? { service } : {}), ...(secret ? { secret: { id: secret.id } } : {}) };
}

// A service may bind one secret at several targets. Docker's request names
// the Swarm secret, not the target, so several bindings are fine when they
// would deliver the same, or when one's target is the Swarm secret's name.
function pickBinding(bindings: Binding[], swarmSecret: string): Binding | "ambiguous" | null {
  if (bindings.length <= 1) return bindings[0] ?? null;
  const named = bindings.find((b) => b.target === swarmSecret);
  if (named) return named;
  const [first] = bindings;
  return bindings.every((b) => b.key === first!.key && b.pinnedVersion === first!.pinnedVersion) ? first! : "ambiguous";
}
