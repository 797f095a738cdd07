// Coffer's Vault KV v2 API driven by a client no one here wrote: Debian's
// python3-hvac 0.11 (tests/vault/hvac_story.py), over real HTTP to the real
// routes on this file's database. The script runs the whole story once and
// records every step; each test below checks one part of it, and what hvac
// saw is checked against what the database and the audit trail say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import type { InProcessServer } from "../support/in-process-server";
import { ensureNamespace } from "../support/factories";
import { runHvacStory, type HvacRecord } from "./run-hvac-story";
import {
  auditEventsOf,
  type BoundService,
  clientCast,
  DEFAULT_NAMESPACE,
  integrationToken,
  type Person,
  serviceAccessOf,
  unique,
} from "./vault-fixtures";

const NAME = unique("hvac");
const NS_MOUNT = unique("payments");

let server: InProcessServer;
let ada: Person;
let vic: Person;
let service: BoundService;
let BOUND: string;
let UNBOUND: string;
let BOUND_VALUE: string;
let story: HvacRecord;

beforeAll(async () => {
  ({ server, ada, vic, service, bound: BOUND, unbound: UNBOUND, boundValue: BOUND_VALUE } = await clientCast("hvac"));
  await ensureNamespace(NS_MOUNT);
  story = await runHvacStory("full", {
    VAULT_ADDR: server.url,
    VAULT_TOKEN: ada.token,
    COFFER_NAME: NAME,
    COFFER_NS_MOUNT: NS_MOUNT,
    COFFER_VIEWER_TOKEN: vic.token,
    COFFER_SERVICE_TOKEN: service.token,
    COFFER_BOUND_SECRET: BOUND,
    COFFER_UNBOUND_SECRET: UNBOUND,
    COFFER_INTEGRATION_TOKEN: await integrationToken(ada.actor),
  });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/** The step's answer, failing with what hvac raised when it raised instead. */
function ok(step: string) {
  const entry = story[step];
  expect(entry, `hvac step ${step}`).toBeDefined();
  expect(entry!.error, `hvac step ${step} raised: ${entry!.message}`).toBeUndefined();
  return entry!.ok;
}

/**
 * The exception class hvac raised for the step, and Vault's `errors` it
 * carried: hvac 0.11 reads that list only when Content-Type is exactly
 * `application/json` (else it passes the raw body, and `errors` is null).
 */
function raised(step: string) {
  const entry = story[step];
  expect(entry, `hvac step ${step}`).toBeDefined();
  expect(entry!.ok, `hvac step ${step} was expected to raise`).toBeUndefined();
  return { error: entry!.error, errors: entry!.errors ?? null, message: entry!.message ?? "" };
}

const storedSecret = (namespace: string, name: string) =>
  db.secret.findFirst({
    where: { name, namespace: { name: namespace } },
    include: { versions: { select: { version: true }, orderBy: { version: "asc" } } },
  });

describe("hvac against the Vault API", () => {
  it("says a person's token is authenticated, looks it up (its id is the token it sent, as Vault's), and reads health", () => {
    expect(ok("owner_authenticated")).toBe(true);
    const self = ok("owner_lookup_self").data;
    expect(self).toMatchObject({ type: "service", renewable: false, meta: { coffer_kind: "personal" } });
    expect(Array.isArray(self.policies)).toBe(true);
    // vault-agent's token_file method takes the token for its templates from `id`.
    expect(self.id).toBe(ada.token);
    expect(self.accessor).not.toBe(ada.token);
    expect(ok("health")).toMatchObject({ initialized: true, sealed: false, standby: false });
  });

  it("writes versions 1 and 2 with create_or_update_secret and reads the latest and version=1", () => {
    expect(ok("write_v1").data).toMatchObject({ version: 1, destroyed: false, deletion_time: "" });
    expect(ok("write_v2").data).toMatchObject({ version: 2 });
    expect(ok("read_latest").data).toMatchObject({
      data: { username: "app", password: "two" },
      metadata: { version: 2, destroyed: false, deletion_time: "" },
    });
    expect(ok("read_v1").data).toMatchObject({ data: { username: "app", password: "one" }, metadata: { version: 1 } });
    expect(raised("read_missing_version").error).toBe("InvalidPath");
  });

  it("refuses a write whose cas does not match as InvalidRequest, and writes nothing", async () => {
    const refusal = raised("write_cas_mismatch");
    expect(refusal.error).toBe("InvalidRequest");
    expect(refusal.errors).toEqual([expect.stringContaining("check-and-set")]);
    // read_latest ran after the refusal and still saw version 2; the versions
    // stored are 1, 2 and the patch's 3: none from the refused write.
    expect(ok("read_latest").data.metadata.version).toBe(2);
    const stored = await storedSecret(DEFAULT_NAMESPACE, NAME);
    expect(stored?.versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it("reads metadata with both versions and the custom_metadata set through the adapter (as labels)", async () => {
    expect(ok("update_metadata_neutral").status).toBe(204);
    expect(ok("set_custom_metadata").status).toBe(204);
    const metadata = ok("read_metadata").data;
    expect(metadata).toMatchObject({ current_version: 2, custom_metadata: { team: "payments" }, cas_required: false });
    expect(Object.keys(metadata.versions).sort()).toEqual(["1", "2"]);
    expect(metadata.versions["1"]).toMatchObject({ destroyed: false, deletion_time: "" });
    expect((await storedSecret(DEFAULT_NAMESPACE, NAME))?.labels).toEqual({ team: "payments" });
  });

  it("lists the mount's secrets with list_secrets", () => {
    expect(ok("list").data.keys).toEqual(expect.arrayContaining([NAME, BOUND, UNBOUND]));
  });

  it("deletes the latest version (reads are then InvalidPath), undeletes it, and patches it", async () => {
    expect(ok("delete_latest").status).toBe(204);
    expect(raised("read_deleted").error).toBe("InvalidPath");
    expect(ok("list_after_delete").data.keys).not.toContain(NAME);
    expect(ok("undelete").status).toBe(204);
    expect(ok("read_undeleted").data).toMatchObject({ data: { username: "app", password: "two" }, metadata: { version: 2 } });
    expect(ok("patch").data).toMatchObject({ version: 3 });
    expect(ok("read_patched").data).toMatchObject({ data: { username: "app", password: "three" }, metadata: { version: 3 } });
    expect((await storedSecret(DEFAULT_NAMESPACE, NAME))?.deletedAt).toBeNull();
  });

  it("writes, reads and lists under another namespace's mount, apart from `secret`", async () => {
    expect(ok("ns_write").data).toMatchObject({ version: 1 });
    expect(ok("ns_read").data.data).toEqual({ region: "eu" });
    expect(ok("ns_list").data.keys).toEqual([NAME]);
    expect(await storedSecret(NS_MOUNT, NAME)).not.toBeNull();
  });

  it("refuses a viewer a value and a write (Forbidden) but lets it list", async () => {
    expect(raised("viewer_read").error).toBe("Forbidden");
    expect(ok("viewer_list").data.keys).toContain(NAME);
    expect(raised("viewer_write").error).toBe("Forbidden");
    expect(await storedSecret(DEFAULT_NAMESPACE, `${NAME}-viewer`)).toBeNull();
    expect(ok("viewer_authenticated")).toBe(true);
    const refused = await db.auditEvent.findMany({ where: { actorId: vic.userId, outcome: "denied" }, select: { action: true } });
    expect(refused.length, "the viewer's refusals are audited").toBeGreaterThan(0);
  });

  it("lets a service token read its bound secret and refuses it an unbound one", () => {
    expect(ok("service_read_bound").data).toMatchObject({ data: { password: BOUND_VALUE }, metadata: { version: 1 } });
    expect(raised("service_read_unbound").error).toBe("Forbidden");
    expect(ok("service_lookup_self").data).toMatchObject({ meta: { coffer_kind: "service", namespace: DEFAULT_NAMESPACE } });
  });

  it("audits the service's Vault read as secret.read (api vault) and records it for reverse lookup", async () => {
    const reads = await auditEventsOf("secret.read", BOUND);
    expect(reads).toContainEqual(
      expect.objectContaining({
        actorType: "service",
        actorId: service.id,
        outcome: "success",
        namespace: DEFAULT_NAMESPACE,
        details: expect.objectContaining({ api: "vault", version: 1 }),
      }),
    );
    expect(await serviceAccessOf(DEFAULT_NAMESPACE, BOUND, service.id)).toMatchObject({ readerType: "service" });
    expect(await serviceAccessOf(DEFAULT_NAMESPACE, UNBOUND, service.id)).toBeNull();
    const denied = await db.auditEvent.findMany({ where: { action: "secret.read", actorId: service.id, outcome: "denied" } });
    expect(denied.length, "the unbound read is audited as denied").toBeGreaterThan(0);
  });

  it("audits the owner's reads of values as secret.reveal", async () => {
    const reveals = await auditEventsOf("secret.reveal", NAME);
    expect(reveals.filter((event) => event.actorId === ada.userId && event.outcome === "success").length).toBeGreaterThan(0);
  });

  it("refuses an integration token (Forbidden, naming the kind) and an unknown token", () => {
    const refusal = raised("integration_read");
    expect(refusal.error).toBe("Forbidden");
    expect(refusal.message).toContain("integration token");
    expect(ok("integration_authenticated")).toBe(false);
    expect(ok("unknown_token_authenticated")).toBe(false);
  });

  it("took hvac's LIST (as GET with list=true) and X-Vault-Token, and never answered with a redirect", () => {
    const vault = server.requests.filter((request) => request.url.startsWith("/v1/"));
    // The server rewrites LIST before its handler sees the request (lib/http/list-method.ts);
    // hvac strips the trailing slash of list_secrets(path="").
    expect(vault.some((request) => request.method === "GET" && request.url === "/v1/secret/metadata?list=true")).toBe(true);
    expect(vault.every((request) => request.status !== undefined && (request.status < 300 || request.status >= 400))).toBe(true);
    expect(vault.filter((request) => request.headers["x-vault-token"]).length).toBeGreaterThan(0);
  });
});
