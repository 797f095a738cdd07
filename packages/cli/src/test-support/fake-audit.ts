// The audit log routes of the fake server: a real Merkle tree over the
// fixture's leaves, signed with a real key, so the CLI's proof checks run
// against true proofs. Tests change `leaves` (delete, rewrite) or `signer`
// (forge) and `report` (what the server's own verification says).
import type { LogReport } from "../../audit/log/report";
import { signCheckpoint, type AuditSigningKey } from "../../audit/transparency/checkpoint";
import { consistencyProof, memoryHashRange, rootOf } from "../../audit/transparency/merkle";
import { HttpError } from "./fake-http-error";

export type FakeAuditLog = {
  key: AuditSigningKey;
  /** Signs the checkpoints served; another key forges them. */
  signer: AuditSigningKey;
  leaves: Buffer[];
  report: LogReport | null;
};

const TIME = new Date("2026-12-01T10:05:00.000Z");

function checkpointOf(log: FakeAuditLog, size: number) {
  const rootHash = rootOf(log.leaves.slice(0, size));
  const note = signCheckpoint({ origin: log.key.name, size, rootHash, time: TIME }, log.signer.privateKey);
  return { size, rootHash: rootHash.toString("base64"), time: TIME.toISOString(), keyId: log.key.keyId, lastSeq: String(size), note };
}

export function fakeAuditRoutes(log: FakeAuditLog) {
  return (method: string, url: URL): [number, unknown] | null => {
    if (method === "POST" && url.pathname === "/api/v1/audit/verify") return [200, log.report];
    if (method !== "GET") return null;
    if (url.pathname === "/api/v1/audit/public-key") {
      const { key } = log;
      return [200, { origin: key.name, keyId: key.keyId, publicKeyPem: key.publicKeyPem, publicKey: key.publicKeyBase64, verifierKey: key.verifierKey }];
    }
    if (url.pathname === "/api/v1/audit/checkpoints/latest") return [200, { checkpoint: log.leaves.length ? checkpointOf(log, log.leaves.length) : null }];
    if (url.pathname === "/api/v1/audit/checkpoints/consistency") {
      const [from, to] = [Number(url.searchParams.get("from")), Number(url.searchParams.get("to"))];
      if (!(from >= 1 && from <= to && to <= log.leaves.length)) throw new HttpError(400, "bad_request", `no consistency proof from ${from} to ${to}`);
      const proof = from === to ? [] : consistencyProof(from, to, memoryHashRange(log.leaves)).map((h) => h.toString("base64"));
      return [200, { from, to, proof, fromCheckpoint: null, toCheckpoint: checkpointOf(log, to) }];
    }
    return null;
  };
}
