import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { auditPublicKey } from "@/lib/audit/log/proofs";

/** The Ed25519 key that signs checkpoints: SPKI PEM, raw base64, and the signed-note verifier key. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson(await auditPublicKey(actor)));
