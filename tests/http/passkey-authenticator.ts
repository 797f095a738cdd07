// A software WebAuthn authenticator for tests: a real P-256 key pair from
// node:crypto, producing what a browser hands back from
// navigator.credentials.create() (attestation "none") and .get() (an
// ECDSA-signed assertion). Nothing of @simplewebauthn/server is mocked:
// it checks these bytes exactly as it checks a browser's.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const u32 = (n: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n);
  return out;
};

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** Whether a DER ECDSA signature's r and s are each 32 bytes (33 with DER's sign byte). */
function fullLengthComponents(der: Buffer): boolean {
  const rLength = der[3]!;
  const sLength = der[5 + rLength]!;
  const full = (offset: number, length: number) => length === 33 || (length === 32 && der[offset]! < 0x80);
  return full(4, rLength) && full(6 + rLength, sLength);
}

export type Ceremony = { challenge: string; origin?: string; rpId?: string };

export class SoftAuthenticator {
  readonly credentialId: Buffer;
  private readonly privateKey: KeyObject;
  private readonly cose: Uint8Array;
  /** The signature counter; each assertion adds one unless told otherwise. */
  counter = 0;

  constructor(
    readonly origin = "http://localhost:3000",
    readonly rpId = "localhost",
  ) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: "jwk" });
    // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
    this.cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
    this.credentialId = randomBytes(32);
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", ceremony: Ceremony): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: ceremony.challenge, origin: ceremony.origin ?? this.origin, crossOrigin: false }));
  }

  /** The RegistrationResponseJSON for registration options whose challenge is `ceremony.challenge`. */
  register(ceremony: Ceremony) {
    const clientDataJSON = this.clientData("webauthn.create", ceremony);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(ceremony.rpId ?? this.rpId),
      Buffer.from([FLAG_UP | FLAG_UV | FLAG_AT]),
      u32(this.counter),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      Buffer.from(this.cose),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ["internal"] },
      clientExtensionResults: {},
    };
  }

  /** The AuthenticationResponseJSON for authentication options whose challenge is `ceremony.challenge`. */
  assert(ceremony: Ceremony, options: { counter?: number; shortComponent?: boolean } = {}) {
    this.counter = options.counter ?? this.counter + 1;
    const clientDataJSON = this.clientData("webauthn.get", ceremony);
    const authData = Buffer.concat([sha256(ceremony.rpId ?? this.rpId), Buffer.from([FLAG_UP | FLAG_UV]), u32(this.counter)]);
    // ES256 over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded as WebAuthn sends it.
    const signed = Buffer.concat([authData, sha256(clientDataJSON)]);
    let signature = sign("sha256", signed, this.privateKey);
    // About 1 in 128 signatures has an r or s shorter than 32 bytes, which
    // @simplewebauthn/server 9 refused (SimpleWebAuthn PR #594): asked for, sign until one does.
    while (options.shortComponent && fullLengthComponents(signature)) signature = sign("sha256", signed, this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
      clientExtensionResults: {},
    };
  }
}
