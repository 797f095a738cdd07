// The WebAuthn relying party is Coffer's public address: its host name is
// the RP ID a passkey is bound to, its origin what the browser must report.
// Browsers refuse an IP address as an RP ID, so an instance reached at
// http://10.0.0.5:3000 cannot offer passkeys at all; it says so instead of
// failing inside the browser.
import { isIP } from "node:net";
import { config } from "../../config/env";
import { BadRequest } from "../../errors";

export type RelyingParty = { rpID: string; origin: string; rpName: string };

export const RP_NAME = "Coffer";
export const PASSKEYS_NEED_HOST_NAME = "Passkeys need a host name: set COFFER_PUBLIC_URL to https://… or http://localhost:…";

/** The relying party for a public origin, or null when its host is an IP address. */
export function relyingPartyOf(publicUrl: string): RelyingParty | null {
  const url = new URL(publicUrl);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host || isIP(host)) return null;
  return { rpID: host, origin: url.origin, rpName: RP_NAME };
}

export const passkeysAvailable = () => relyingPartyOf(config().COFFER_PUBLIC_URL) !== null;

/** This instance's relying party; a 400 that says what to set when the public URL is an IP. */
export function relyingParty(): RelyingParty {
  const rp = relyingPartyOf(config().COFFER_PUBLIC_URL);
  if (!rp) throw new BadRequest(PASSKEYS_NEED_HOST_NAME);
  return rp;
}
