// The caller's passkeys (issue 16) and the passkey way through the second
// sign-in step. Registration takes a browser (WebAuthn): these routes serve
// the console, and tests drive them with a software authenticator.
import {
  authenticationOptionsSchema,
  passkeyListSchema,
  passkeyOptionsInputSchema,
  passkeySchema,
  registerPasskeySchema,
  registrationOptionsSchema,
} from "../../auth/mfa/passkey-schemas";
import { answer, component, id, type Operation } from "../operation";

const path = "/api/v1/me/mfa/passkeys";

export const passkeyOperations: Operation[] = [
  {
    method: "get",
    path,
    auth: "bearer",
    summary: "The caller's passkeys: id, name, when added and last used (never the key)",
    responses: { 200: answer("passkeys", component("PasskeyList", passkeyListSchema)) },
    errors: [401],
  },
  {
    method: "post",
    path: `${path}/options`,
    auth: "bearer",
    summary:
      "WebAuthn registration options for a new passkey (valid five minutes, for one answer); 400 when COFFER_PUBLIC_URL's host is an IP address",
    responses: {
      200: answer("options for navigator.credentials.create()", component("PasskeyRegistrationOptions", registrationOptionsSchema)),
    },
    errors: [400, 401, 403, 409],
  },
  {
    method: "post",
    path,
    auth: "bearer",
    summary: "Store a passkey: its `name` and the browser's `response` to the registration options",
    body: component("PasskeyRegistration", registerPasskeySchema),
    responses: { 201: answer("the passkey", component("Passkey", passkeySchema)) },
    errors: [400, 401, 403, 409],
  },
  {
    method: "delete",
    path: `${path}/{id}`,
    auth: "bearer",
    summary: "Remove one of the caller's passkeys",
    parameters: [id],
    responses: { 204: { description: "removed" } },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/auth/passkey/options",
    auth: "public",
    summary:
      "WebAuthn authentication options for a sign-in whose password step passed (`challenge` from that step); only that account's passkeys are allowed",
    body: component("PasskeySignInOptionsRequest", passkeyOptionsInputSchema),
    responses: { 200: answer("options for navigator.credentials.get()", component("PasskeySignInOptions", authenticationOptionsSchema)) },
    errors: [400, 401],
  },
];
