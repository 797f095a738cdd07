// The transparency log's answers as /api/v1/audit/* sends them: signed
// checkpoints, the public key, and RFC 9162 proofs. Hashes are base64;
// sizes are leaf counts.

export type CheckpointDto = { size: number; rootHash: string; time: string; keyId: string; lastSeq: string; note: string };
export type PublicKeyDto = { origin: string; keyId: string; publicKeyPem: string; publicKey: string; verifierKey: string };
export type InclusionProofDto = {
  seq: string;
  leafIndex: number;
  leafHash: string;
  treeSize: number;
  proof: string[];
  checkpoint: CheckpointDto | null;
};
export type ConsistencyProofDto = {
  from: number;
  to: number;
  proof: string[];
  fromCheckpoint: CheckpointDto | null;
  toCheckpoint: CheckpointDto | null;
};
