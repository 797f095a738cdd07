// The state the fuzz run starts from: the callers (an owner's and a
// viewer's personal token, a service token), secrets holding the leak
// canary, and the fixture ids that destructive requests must not touch so
// the callers keep working for the whole run.
import { randomBytes } from "node:crypto";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createSecret } from "@/lib/secrets/create-secret";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { rotateSecret } from "@/lib/secrets/rotate-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { createServiceToken } from "@/lib/services/service-tokens";
import { hashToken } from "@/lib/tokens/token-secret";
import { personalToken } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";
import {
  createIntegrationCallers,
  kmsMaterial,
  liveIntegrationTokens,
  repairIntegrationCallers,
  type IntegrationCallers,
} from "./integration-fixtures";

export type Caller = "owner" | "viewer" | "service" | "swarm" | "kms" | "none" | "bogus";

export type Fixtures = {
  owner: { id: string; email: string; token: string; actor: Actor };
  viewer: { id: string; email: string; token: string };
  service: { name: string; token: string; tokenId: string };
  /** A docker-swarm and a kubernetes-kms integration of `default`, made by the owner. */
  integrations: IntegrationCallers;
  kms: { ciphertexts: string[]; keyIds: string[] };
  /** Every canary value written, each starting with CANARY. */
  canaryValues: string[];
  canarySecrets: string[];
  /** `secret@version` → the canary values of that version, for what a Swarm delivery or a Vault read may hand over. */
  canaryByVersion: Record<string, string[]>;
  /** Rows that only GET requests may name. */
  protectedIds: Set<string>;
  /** Bearer tokens no response may show. */
  secretTokens: string[];
};

export const FUZZ_AGENT = "fuzz-agent";

export async function createFixtures(): Promise<Fixtures> {
  const system = systemActor();
  await ensureNamespace("default");
  await ensureNamespace("other");
  const owner = await createUser(`fuzz.owner@example.com`, [{ role: "owner" }]);
  const viewer = await createUser(`fuzz.viewer@example.com`, [{ role: "viewer", namespace: "default" }]);
  const canary = (label: string) => `${CANARY}-${label}-${randomBytes(6).toString("hex")}`;
  const canaryValues: string[] = [];
  const remember = (value: string) => (canaryValues.push(value), value);

  await createSecret(system, "default", { name: "canary-a", stringData: { value: remember(canary("a")), second: remember(canary("a2")) } });
  await createSecret(system, "default", { name: "canary-b", data: { "tls.key": Buffer.from(remember(canary("b"))).toString("base64") } });
  await createSecret(system, "default", { name: "canary-rotated", stringData: { value: remember(canary("v1")) } });
  await rotateSecret(system, "default", "canary-rotated", { stringData: { value: remember(canary("v2")) } });
  await createSecret(system, "other", { name: "canary-other", stringData: { value: remember(canary("other")) } });
  await createSecret(system, "default", { name: "canary-deleted", stringData: { value: remember(canary("deleted")) } });
  await deleteSecret(system, "default", "canary-deleted");

  // The owner mints the service token: a token is only as good as its creator's grant.
  await createService(owner.actor, "default", { name: FUZZ_AGENT, description: "fuzz run caller" });
  for (const secret of ["canary-a", "canary-b", "canary-rotated"]) await addBinding(owner.actor, "default", FUZZ_AGENT, { secret });
  const serviceToken = await createServiceToken(owner.actor, "default", FUZZ_AGENT, {});
  const integrations = await createIntegrationCallers(owner.actor);
  const [a, a2, b, v1, v2, other, deleted] = canaryValues;

  const ownerToken = await personalToken(owner.user.id);
  const viewerToken = await personalToken(viewer.user.id);
  const grants = await db.roleBinding.findMany({ where: { userId: { in: [owner.user.id, viewer.user.id] } }, select: { id: true } });
  const accessTokens = await db.accessToken.findMany({
    where: { tokenHash: { in: [hashToken(ownerToken), hashToken(viewerToken)] } },
    select: { id: true },
  });
  return {
    owner: { id: owner.user.id, email: owner.user.email, token: ownerToken, actor: owner.actor },
    viewer: { id: viewer.user.id, email: viewer.user.email, token: viewerToken },
    service: { name: FUZZ_AGENT, token: serviceToken.token, tokenId: serviceToken.id },
    integrations,
    kms: await kmsMaterial(integrations.kms),
    canaryValues,
    canarySecrets: ["canary-a", "canary-b", "canary-rotated", "canary-other", "canary-deleted"],
    canaryByVersion: {
      "canary-a@1": [a!, a2!],
      "canary-b@1": [b!],
      "canary-rotated@1": [v1!],
      "canary-rotated@2": [v2!],
      // Never delivered (another namespace; deleted), but an owner may read them through the Vault API once restored.
      "canary-other@1": [other!],
      "canary-deleted@1": [deleted!],
    },
    protectedIds: new Set([
      owner.user.id,
      viewer.user.id,
      serviceToken.id,
      integrations.swarm.id,
      integrations.kms.id,
      FUZZ_AGENT,
      ...grants.map((g) => g.id),
      ...accessTokens.map((t) => t.id),
      "canary-a",
      "canary-b",
      "canary-rotated",
      "canary-other",
      "canary-deleted",
    ]),
    secretTokens: [ownerToken, viewerToken, serviceToken.token, integrations.swarm.token, integrations.kms.token],
  };
}

async function tokenAlive(token: string): Promise<boolean> {
  const row = await db.accessToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { revokedAt: true } });
  return !!row && !row.revokedAt;
}

/** Are the callers still what the run assumes? Two queries, as it runs after every successful write. */
export async function fixtureProblems(fixtures: Fixtures): Promise<string[]> {
  const [row] = await db.$queryRaw<{ users: bigint; tokens: bigint; service: bigint }[]>`
    SELECT (SELECT count(*) FROM "User" WHERE "id" IN (${fixtures.owner.id}, ${fixtures.viewer.id}) AND NOT "disabled") AS "users",
      (SELECT count(*) FROM "AccessToken" WHERE "tokenHash" IN (${hashToken(fixtures.owner.token)}, ${hashToken(fixtures.viewer.token)}) AND "revokedAt" IS NULL) AS "tokens",
      (SELECT count(*) FROM "ServiceToken" WHERE "id" = ${fixtures.service.tokenId} AND "revokedAt" IS NULL) AS "service"`;
  const problems: string[] = [];
  if (Number(row!.users) !== 2) problems.push("a fixture user was removed or disabled");
  if (Number(row!.tokens) !== 2) problems.push("a fixture personal token was revoked");
  if (Number(row!.service) !== 1) problems.push("the fixture service token was revoked");
  if ((await liveIntegrationTokens(fixtures.integrations)) !== 2) problems.push("a fixture integration was revoked or its token renewed");
  return problems;
}

/** New tokens for callers whose token a fuzzed request ended (a legitimate 2xx can: a member disabled). */
export async function repairFixtures(fixtures: Fixtures): Promise<void> {
  await db.user.updateMany({ where: { id: { in: [fixtures.owner.id, fixtures.viewer.id] } }, data: { disabled: false } });
  for (const caller of [fixtures.owner, fixtures.viewer]) {
    if (await tokenAlive(caller.token)) continue;
    caller.token = await personalToken(caller.id);
    const row = await db.accessToken.findUnique({ where: { tokenHash: hashToken(caller.token) }, select: { id: true } });
    if (row) fixtures.protectedIds.add(row.id);
  }
  const service = await db.serviceToken.findUnique({ where: { id: fixtures.service.tokenId }, select: { revokedAt: true } });
  if (!service || service.revokedAt) {
    const token = await createServiceToken(fixtures.owner.actor, "default", FUZZ_AGENT, {});
    fixtures.service.token = token.token;
    fixtures.service.tokenId = token.id;
    fixtures.protectedIds.add(token.id);
  }
  await repairIntegrationCallers(fixtures.owner.actor, fixtures.integrations, fixtures.protectedIds);
  const { swarm, kms } = fixtures.integrations;
  const tokens = [fixtures.owner.token, fixtures.viewer.token, fixtures.service.token, swarm.token, kms.token];
  // The callers' five come first; spare tokens (fuzz-pools.ts) stay behind them.
  fixtures.secretTokens.splice(0, tokens.length, ...tokens);
}
