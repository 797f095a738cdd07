// What path parameters and body references point at: rows read back from
// the database (so what fuzzed requests created is reached too), and
// disposable rows topped up between requests so deletes, disables and
// revokes keep finding something to act on.
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { createSecret } from "@/lib/secrets/create-secret";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { rotateSecret } from "@/lib/secrets/rotate-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { createServiceToken } from "@/lib/services/service-tokens";
import { inviteMember } from "@/lib/team/invites";
import { issuePasswordReset } from "@/lib/team/passwords";
import { createRole } from "@/lib/team/roles";
import { hashToken } from "@/lib/tokens/token-secret";
import { personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { FUZZ_AGENT, type Caller, type Fixtures } from "./fuzz-fixtures";
import type { PoolKind } from "./pool-ref";

const hex = () => randomBytes(4).toString("hex");
const recent = { take: 64, orderBy: { createdAt: "desc" } } as const;

// Kinds whose protected members (the fixtures) a non-GET request must not
// name: acting on them would end a caller or its token mid-run.
const GUARDED_ON_WRITE: PoolKind[] = ["userId", "roleBindingId", "serviceTokenId", "accessTokenId", "integrationId"];

export class Pools {
  private values = new Map<PoolKind, string[]>();
  private inviteTokens: string[] = [];
  /** Tokens of the owner, the viewer and the fixture service that revoke-self may end (the callers' own must last). */
  private spares: Partial<Record<Caller, string[]>> = {};
  private resetTokens: string[] = [];

  constructor(private readonly fixtures: Fixtures) {}

  lookup(kind: PoolKind, index: number, method: string, path: string): string {
    const all = this.values.get(kind) ?? [];
    const guarded =
      method === "DELETE" || (method !== "GET" && (GUARDED_ON_WRITE.includes(kind) || (kind === "service" && method === "PATCH")));
    const usable = guarded ? all.filter((value) => !this.fixtures.protectedIds.has(value)) : all;
    // `/restore` (and Vault's undelete/ and destroy/) are about deleted secrets; elsewhere deleted ones are a 404 path worth a share.
    // A destroy purges: never a fixture's.
    const restores = path.endsWith("/restore") || /^\/v1\/\{mount\}\/(undelete|destroy)\//.test(path);
    const deleted = (this.values.get("deletedSecret") ?? []).filter(
      (name) => !path.includes("/destroy/") || !this.fixtures.protectedIds.has(name),
    );
    const list = kind === "secret" && restores ? deleted : usable;
    return list.length ? list[index % list.length]! : `missing-${kind}`;
  }

  /** The newest spare token of the caller's kind; none for the other callers, who keep their own. */
  spareToken(caller: Caller): string | undefined {
    return this.spares[caller]?.at(-1);
  }

  /** Two live spare tokens per kind; the new ones join the tokens no answer may show. */
  private async topUpSpares(): Promise<void> {
    const mint: Partial<Record<Caller, () => Promise<string>>> = {
      owner: () => personalToken(this.fixtures.owner.id),
      viewer: () => personalToken(this.fixtures.viewer.id),
      service: async () => (await createServiceToken(this.fixtures.owner.actor, "default", FUZZ_AGENT, {})).token,
    };
    for (const [caller, make] of Object.entries(mint) as [Caller, () => Promise<string>][]) {
      const hashes = (this.spares[caller] ?? []).map(hashToken);
      const where = { tokenHash: { in: hashes }, revokedAt: null };
      const live = new Set(
        (caller === "service"
          ? await db.serviceToken.findMany({ where, select: { tokenHash: true } })
          : await db.accessToken.findMany({ where, select: { tokenHash: true } })
        ).map((row) => row.tokenHash),
      );
      const spares = (this.spares[caller] ?? []).filter((token) => live.has(hashToken(token)));
      while (spares.length < 2) {
        const token = await make();
        spares.push(token);
        this.fixtures.secretTokens.push(token);
      }
      this.spares[caller] = spares;
    }
  }

  async refresh(): Promise<void> {
    const secrets = await db.secret.findMany({ ...recent, select: { name: true, deletedAt: true } });
    const set = (kind: PoolKind, values: (string | null | undefined)[]) =>
      this.values.set(kind, [...new Set(values.filter((v): v is string => !!v))]);
    set("secret", [...this.fixtures.canarySecrets.slice(0, 3), ...secrets.filter((s) => !s.deletedAt).map((s) => s.name)]);
    set(
      "deletedSecret",
      secrets.filter((s) => s.deletedAt).map((s) => s.name),
    );
    const namespaces = (await db.namespace.findMany({ ...recent, select: { name: true } })).map((n) => n.name);
    set("namespace", ["default", ...namespaces]);
    set("mount", ["secret", ...namespaces.filter((name) => name !== "default")]);
    set("service", [this.fixtures.service.name, ...(await db.service.findMany({ ...recent, select: { name: true } })).map((s) => s.name)]);
    const users = await db.user.findMany({ ...recent, select: { id: true, email: true } });
    set(
      "userId",
      users.map((u) => u.id),
    );
    set("email", [this.fixtures.owner.email, this.fixtures.viewer.email, ...users.map((u) => u.email)]);
    set(
      "inviteId",
      (await db.invite.findMany({ ...recent, select: { id: true } })).map((i) => i.id),
    );
    set(
      "roleBindingId",
      (await db.roleBinding.findMany({ ...recent, select: { id: true } })).map((r) => r.id),
    );
    set(
      "role",
      (await db.role.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((r) => r.name),
    );
    set(
      "accessTokenId",
      (await db.accessToken.findMany({ ...recent, select: { id: true } })).map((t) => t.id),
    );
    set(
      "serviceTokenId",
      (await db.serviceToken.findMany({ ...recent, select: { id: true } })).map((t) => t.id),
    );
    const bindings = await db.secretBinding.findMany({
      ...recent,
      select: { target: true, secret: { select: { name: true } }, service: { select: { name: true } } },
    });
    set(
      "bindingTarget",
      bindings.flatMap((b) => [b.target, b.secret.name]),
    );
    set(
      "integrationId",
      (await db.integration.findMany({ ...recent, select: { id: true } })).map((i) => i.id),
    );
    this.setSwarmPairs(bindings);
    const agentBindings = await db.secretBinding.findMany({
      where: { service: { name: this.fixtures.service.name, namespace: { name: "default" } } },
      select: { secret: { select: { name: true } } },
    });
    set(
      "boundSecret",
      agentBindings.map((b) => b.secret.name),
    );
    this.values.set("kmsCiphertext", this.fixtures.kms.ciphertexts);
    this.values.set("kmsKeyId", this.fixtures.kms.keyIds);
    set("inviteToken", this.inviteTokens.slice(-16));
    set("resetToken", this.resetTokens.slice(-16));
  }

  // Two lists of one length, so one index names a service and a secret
  // bound to it: the fixture service's canary secrets first (pinned
  // versions, a version it lacks, one of another namespace, a deleted
  // one), then bindings as they are now, by secret name and by target.
  private setSwarmPairs(bindings: { target: string; secret: { name: string }; service: { name: string } }[]): void {
    const agent = this.fixtures.service.name;
    const all: [string, string][] = [
      ...["canary-b", "canary-rotated", "canary-rotated@1", "canary-rotated@2", "canary-b@1", "canary-b@2", "canary-a"].map(
        (secret) => [agent, secret] as [string, string],
      ),
      [agent, "canary-other"],
      [agent, "canary-deleted"],
      ...bindings.flatMap((b) => [[b.service.name, b.secret.name] as [string, string], [b.service.name, b.target] as [string, string]]),
    ];
    // A target is a Swarm secret's name only when it could be one (no path).
    const pairs = all.filter(([, secret]) => !secret.includes("/"));
    const unique = [...new Map(pairs.map((pair) => [pair.join("\u0000"), pair])).values()];
    this.values.set(
      "swarmService",
      unique.map(([service]) => service),
    );
    this.values.set(
      "swarmSecret",
      unique.map(([, secret]) => secret),
    );
  }

  /** Disposable rows back to their targets; runs between requests, outside any before/after snapshot. */
  async topUp(): Promise<void> {
    const system = systemActor();
    const live = await db.secret.count({ where: { name: { startsWith: "pool-" }, deletedAt: null } });
    for (let i = live; i < 8; i++) {
      const name = `pool-${hex()}`;
      await createSecret(system, "default", { name, labels: { pool: "yes" }, stringData: { value: `v1-${hex()}`, other: "o" } });
      await rotateSecret(system, "default", name, { stringData: { value: `v2-${hex()}` } });
    }
    const deleted = await db.secret.count({ where: { name: { startsWith: "gone-" }, deletedAt: { not: null } } });
    for (let i = deleted; i < 2; i++) {
      const name = `gone-${hex()}`;
      await createSecret(system, "default", { name, stringData: { value: "x" } });
      await deleteSecret(system, "default", name);
    }
    const services = await db.service.count({ where: { name: { startsWith: "svc-" } } });
    // A fuzzed PUT …/approval-policy may have put binding or token creation
    // behind a second person's approval (issue 16); the pool is the test's
    // own setup, not a request under test, so it lifts such a policy when it
    // must bind, and keeps it otherwise.
    if (services < 3) await db.approvalPolicy.deleteMany({ where: { actions: { hasSome: ["binding.create", "servicetoken.create"] } } });
    for (let i = services; i < 3; i++) {
      const name = `svc-${hex()}`;
      await createService(this.fixtures.owner.actor, "default", { name, labels: { pool: "yes" } });
      const secret = `bound-${hex()}`;
      await createSecret(system, "default", { name: secret, stringData: { value: "b" } });
      await addBinding(this.fixtures.owner.actor, "default", name, { secret, target: `dir/${secret}` });
      await createServiceToken(this.fixtures.owner.actor, "default", name, {});
    }
    const members = await db.user.findMany({ where: { email: { startsWith: "pool." } }, select: { id: true } });
    for (let i = members.length; i < 4; i++) {
      const { user } = await createUser(`pool.${hex()}@example.com`, [{ role: "viewer", namespace: "default" }]);
      members.push(user);
    }
    if ((await db.role.count({ where: { builtIn: false } })) < 2)
      await createRole(system, { name: `pool-${hex()}`, permissions: ["secret:list"] });
    if ((await db.invite.count({ where: { usedAt: null, revokedAt: null } })) < 3) {
      this.inviteTokens.push(
        (await inviteMember(system, { email: `invited.${hex()}@example.com`, role: "viewer", namespace: "default" })).token,
      );
    }
    // One fresh reset token per top-up: fuzzed resets use them up.
    if (members[0]) this.resetTokens.push((await issuePasswordReset(system, members[0].id)).token);
    // Integrations a fuzzed revoke or renew may end (the fixture ones are protected).
    const integrations = await db.integration.count({ where: { name: { startsWith: "pool-" }, revokedAt: null } });
    if (integrations < 2) await db.approvalPolicy.deleteMany({ where: { actions: { has: "integration.create" } } }); // as for bindings above
    for (let i = integrations; i < 2; i++)
      await createIntegration(this.fixtures.owner.actor, "default", { kind: i ? "kubernetes-kms" : "docker-swarm", name: `pool-${hex()}` });
    if ((await db.namespace.count({ where: { name: { startsWith: "nsp-" } } })) < 2)
      await createNamespace(system, { name: `nsp-${hex()}` });
    await this.topUpSpares();
    await this.refresh();
  }
}
