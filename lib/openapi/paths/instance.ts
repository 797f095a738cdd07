// The instance: health, first-run setup, signing in for a token, namespaces,
// the caller's own profile, encryption at rest, and this document.
import { z } from "zod";
import { setupSchema } from "../../auth/setup";
import { signInSchema } from "../../auth/sign-in";
import { encryptionStatusSchema } from "../../keys/encryption-status.schema";
import { jobSchema } from "../../jobs/job-dto.schema";
import { namespaceSchema } from "../../namespaces/create-namespace";
import { namespaceInfoSchema } from "../../namespaces/namespace-dto.schema";
import { ownProfileSchema } from "../../team/team-dto.schema";
import { newAccessTokenSchema } from "../../tokens/access-token-dto.schema";
import { exchangeSchema, otpSchema } from "../../tokens/exchange-password-for-token";
import { answer, component, ns, type Operation } from "../operation";
import { mfaOperations } from "./mfa";
import { passkeyOperations } from "./passkeys";
import { NewUser } from "./team";

const Namespace = component("Namespace", namespaceInfoSchema);
const Health = component("Health", z.object({ status: z.enum(["ok", "unavailable"]), db: z.enum(["ok", "unreachable"]) }));
// The exchange parses the credentials with the sign-in schema and the token's name and lifetime with its own.
const tokenRequest = z.object({ ...signInSchema.shape, ...exchangeSchema.shape, ...otpSchema.shape });
// The route reads `action` by hand and names the two values in its 400.
const encryptionAction = z.object({ action: z.enum(["rewrap", "cancel"]) });
const EncryptionJob = component("EncryptionJob", z.object({ job: jobSchema }));

export const instanceOperations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    auth: "public",
    summary: "Liveness and database reachability",
    responses: { 200: answer("ok", Health), 503: answer("database unreachable", Health) },
  },
  {
    method: "post",
    path: "/api/v1/setup",
    auth: "public",
    summary: "Create the first owner with the one-time setup token",
    body: component("Setup", setupSchema),
    responses: { 201: answer("owner created", component("SetupResult", z.object({ user: NewUser.schema }))) },
    errors: [400, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/auth/token",
    auth: "public",
    summary: "Exchange email and password (and `otp` when the account has a second factor) for a personal API token",
    body: component("TokenRequest", tokenRequest),
    responses: { 201: answer("the token, shown once", component("NewToken", newAccessTokenSchema)) },
    errors: [400, 401, 429],
  },
  {
    method: "get",
    path: "/api/v1/namespaces",
    auth: "bearer",
    summary: "Namespaces the caller can see",
    responses: { 200: answer("namespaces", component("NamespaceList", z.object({ namespaces: z.array(namespaceInfoSchema) }))) },
    errors: [401],
  },
  {
    method: "post",
    path: "/api/v1/namespaces",
    auth: "bearer",
    summary: "Create a namespace (namespace:manage)",
    body: component("NamespaceCreate", namespaceSchema),
    responses: { 201: answer("created", Namespace) },
    errors: [400, 401, 403, 409],
  },
  {
    method: "delete",
    path: "/api/v1/namespaces/{ns}",
    auth: "bearer",
    summary: "Delete an empty namespace (namespace:manage); 409 lists what is left",
    parameters: [ns],
    responses: { 204: { description: "deleted" } },
    errors: [401, 403, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/me",
    auth: "bearer",
    summary: "The caller's own account and grants, with their permissions",
    responses: { 200: answer("the caller", component("Me", ownProfileSchema)) },
    errors: [401],
  },
  ...mfaOperations,
  ...passkeyOperations,
  {
    method: "get",
    path: "/api/v1/encryption",
    auth: "bearer",
    summary: "Keyring status: keys, rows per key, latest re-wrap job (key:manage)",
    responses: { 200: answer("status", component("EncryptionStatus", encryptionStatusSchema)) },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/encryption",
    auth: "bearer",
    summary: 'Start (`{"action":"rewrap"}`, 202) or cancel (`{"action":"cancel"}`) the re-wrap job (key:manage)',
    body: component("EncryptionAction", encryptionAction),
    responses: { 200: answer("cancelled", EncryptionJob), 202: answer("re-wrap job queued", EncryptionJob) },
    errors: [400, 401, 403, 409],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    auth: "public",
    summary: "This document",
    responses: {
      200: answer("OpenAPI 3.1", component("OpenApiDocument", z.record(z.string(), z.unknown()).meta({ description: "this document" }))),
    },
  },
];
