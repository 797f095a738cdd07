// Input and output shapes of the passkey routes. The browser's answers
// (@simplewebauthn/browser's RegistrationResponseJSON and
// AuthenticationResponseJSON) are checked for shape and size here; what
// they prove is checked by @simplewebauthn/server.
import { z } from "zod";

export const PASSKEY_NAME_MAX = 64;
/** Per account: enough for every device one person owns, few enough that the options stay small. */
export const PASSKEYS_MAX = 20;
/** The Credentials provider's `passkey` field: the assertion as JSON text. */
export const ASSERTION_JSON_MAX = 16 * 1024;

const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const knownTransports = (values: readonly string[] | undefined): Transport[] =>
  (values ?? []).filter((t): t is Transport => (TRANSPORTS as readonly string[]).includes(t));

const base64url = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a base64url string` })
    .min(1, `${what} is missing`)
    .max(max, `${what} is too long`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} must be a base64url string`);

/** A credential id: authenticators choose at most 1023 bytes. */
export const credentialIdField = base64url("the passkey id", 1400);

const common = {
  id: credentialIdField,
  rawId: credentialIdField,
  type: z.literal("public-key", { error: "type must be public-key" }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const registrationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url("clientDataJSON", 4096),
    attestationObject: base64url("attestationObject", 32 * 1024),
    authenticatorData: base64url("authenticatorData", 32 * 1024).optional(),
    transports: z
      .array(z.string().max(32))
      .max(10)
      .optional()
      .transform((values) => knownTransports(values)),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url("publicKey", 4096).optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url("clientDataJSON", 4096),
    authenticatorData: base64url("authenticatorData", 4096),
    signature: base64url("signature", 1024),
    userHandle: z.string().max(1400).optional(),
  }),
});

export const passkeyNameField = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, "give the passkey a name, such as the device it lives on")
  .max(PASSKEY_NAME_MAX, `name must be at most ${PASSKEY_NAME_MAX} characters`);

export const registerPasskeySchema = z.object({
  name: passkeyNameField,
  response: registrationResponseSchema,
});

/** POST /api/v1/auth/passkey/options: the challenge of the password step. */
export const passkeyOptionsInputSchema = z.object({
  challenge: z.string({ error: "the sign-in expired" }).min(1, "the sign-in expired").max(100, "the sign-in expired"),
});

export const passkeySchema = z.object({
  id: z.string().meta({ description: "the credential id (base64url)" }),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const passkeyListSchema = z.object({ passkeys: z.array(passkeySchema) });

export type Passkey = z.infer<typeof passkeySchema>;
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

export const passkeyDto = (row: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }): Passkey => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

// What the options routes answer: @simplewebauthn/server's
// PublicKeyCredentialCreationOptionsJSON and …RequestOptionsJSON, as the
// OpenAPI document describes them.
const descriptorSchema = z.object({
  id: z.string().meta({ description: "a credential id (base64url)" }),
  type: z.literal("public-key"),
  transports: z.array(z.string()).optional(),
});
const extensionsSchema = z.record(z.string(), z.unknown()).optional();

export const registrationOptionsSchema = z.object({
  challenge: z.string().meta({ description: "base64url; valid five minutes, for one answer" }),
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal("public-key") })),
  timeout: z.number().int().optional(),
  attestation: z.string().optional(),
  excludeCredentials: z.array(descriptorSchema).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.string().optional(),
      residentKey: z.string().optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: z.string().optional(),
    })
    .optional(),
  extensions: extensionsSchema,
  hints: z.array(z.string()).optional().meta({ description: "WebAuthn Level 3 hints (security-key, client-device, hybrid)" }),
});

export const authenticationOptionsSchema = z.object({
  challenge: z.string().meta({ description: "base64url; only the newest options of a sign-in count" }),
  allowCredentials: z.array(descriptorSchema).optional(),
  timeout: z.number().int().optional(),
  userVerification: z.string().optional(),
  rpId: z.string().optional(),
  extensions: extensionsSchema,
});
