// The audit log's routes: search, export, stats, the transparency log's
// checkpoints and proofs, and verification.
import { sealPending } from "@/lib/audit/log/sequencer";
import { db } from "@/lib/db/client";
import { v1, type RouteEntry } from "./route-table-entry";

/** Seals what is committed and names the newest sealed event and the tree's size, for the proof routes. */
async function sealedEvent(): Promise<{ seq: string; size: number }> {
  await sealPending("authz-matrix");
  const leaf = await db.auditLeaf.findFirstOrThrow({ orderBy: { leafIndex: "desc" } });
  return { seq: leaf.seq.toString(), size: Number(leaf.leafIndex) + 1 };
}

export const AUDIT_ROUTES: RouteEntry[] = [
  {
    method: "GET",
    path: "/api/v1/audit",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/route.ts`,
    prepare: async () => ({ query: "?limit=5&action=secret." }),
  },
  {
    method: "GET",
    path: "/api/v1/audit/export",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/export/route.ts`,
    prepare: async () => ({ query: "?format=jsonl&outcome=denied" }),
  },
  { method: "GET", path: "/api/v1/audit/stats", auth: "personal", ok: 200, file: `${v1}/audit/stats/route.ts` },
  { method: "GET", path: "/api/v1/audit/checkpoints/latest", auth: "personal", ok: 200, file: `${v1}/audit/checkpoints/latest/route.ts` },
  {
    method: "GET",
    path: "/api/v1/audit/checkpoints/consistency",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/checkpoints/consistency/route.ts`,
    prepare: async () => ({ query: `?from=1&to=${(await sealedEvent()).size}` }),
  },
  {
    method: "GET",
    path: "/api/v1/audit/events/{seq}/proof",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/events/[seq]/proof/route.ts`,
    prepare: async () => ({ params: { seq: (await sealedEvent()).seq } }),
  },
  { method: "GET", path: "/api/v1/audit/public-key", auth: "personal", ok: 200, file: `${v1}/audit/public-key/route.ts` },
  { method: "GET", path: "/api/v1/audit/verify", auth: "personal", ok: 200, file: `${v1}/audit/verify/route.ts` },
  {
    method: "POST",
    path: "/api/v1/audit/verify",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/verify/route.ts`,
    prepare: async () => ({ body: { wait: true } }),
  },
];
