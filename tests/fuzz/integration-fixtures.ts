// The two integration callers of the fuzz run: a docker-swarm and a
// kubernetes-kms integration in `default`, made by the fixture owner (a
// Swarm driver delivers only while its creator holds secret:bind), and a
// few KMS ciphertexts of the kms one, so fuzzed Decrypts get past the
// integrity check now and then instead of always being a 400.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createIntegration } from "@/lib/integrations/create-integration";
import { kmsEncrypt } from "@/lib/integrations/kms/kms-encrypt";
import { resolveIntegrationToken } from "@/lib/integrations/resolve-integration-token";
import { processKeyring } from "@/lib/keys/process-keyring";
import { hashToken } from "@/lib/tokens/token-secret";

export type IntegrationCaller = { id: string; name: string; token: string };
export type IntegrationCallers = { swarm: IntegrationCaller; kms: IntegrationCaller };

const KINDS = { swarm: "docker-swarm", kms: "kubernetes-kms" } as const;
const context = { ip: "192.0.2.77", userAgent: "coffer-fuzz", requestId: null };

async function create(owner: Actor, which: keyof typeof KINDS, name: string): Promise<IntegrationCaller> {
  // The fixture's own setup: a fuzzed approval policy must not gate it (tests/fuzz/fuzz-pools.ts says why).
  await db.approvalPolicy.deleteMany({ where: { actions: { has: "integration.create" } } });
  const made = await createIntegration(owner, "default", { kind: KINDS[which], name });
  return { id: made.id, name: made.name, token: made.token };
}

export async function createIntegrationCallers(owner: Actor): Promise<IntegrationCallers> {
  return { swarm: await create(owner, "swarm", "fuzz-swarm"), kms: await create(owner, "kms", "fuzz-kms") };
}

/**
 * Ciphertexts Decrypt should open (made by Encrypt for the kms caller), the
 * same with one byte flipped (integrity), and the key ids to name: the
 * keyring's keys and one it does not have.
 */
export async function kmsMaterial(kms: IntegrationCaller): Promise<{ ciphertexts: string[]; keyIds: string[] }> {
  const actor = await resolveIntegrationToken(kms.token, context, "kubernetes-kms");
  const ciphertexts: string[] = [];
  for (const size of [32, 32, 32, 1, 512]) {
    const { ciphertext } = await kmsEncrypt(actor, { plaintext: randomBytes(size).toString("base64"), uid: "fuzz-setup" });
    ciphertexts.push(ciphertext);
    if (size !== 32 || ciphertexts.length > 2) continue;
    const flipped = Buffer.from(ciphertext, "base64");
    flipped[flipped.length - 1]! ^= 1;
    ciphertexts.push(flipped.toString("base64"));
  }
  return { ciphertexts, keyIds: [...processKeyring().keyring.names, "fuzz-no-such-key"] };
}

/** How many of the callers' integration tokens still resolve (not revoked, not renewed away, not expired). */
export async function liveIntegrationTokens(callers: IntegrationCallers): Promise<number> {
  return db.integration.count({
    where: {
      tokenHash: { in: [hashToken(callers.swarm.token), hashToken(callers.kms.token)] },
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
    },
  });
}

/** A new integration for a caller whose token a fuzzed request ended; names are never reused. */
export async function repairIntegrationCallers(owner: Actor, callers: IntegrationCallers, protectedIds: Set<string>): Promise<void> {
  for (const which of ["swarm", "kms"] as const) {
    const alive = await db.integration.count({ where: { tokenHash: hashToken(callers[which].token), revokedAt: null } });
    if (alive) continue;
    callers[which] = await create(owner, which, `fuzz-${which}-${randomBytes(3).toString("hex")}`);
    protectedIds.add(callers[which].id);
  }
}
