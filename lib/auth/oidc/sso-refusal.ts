// Why an SSO sign-in was refused: a closed set of codes the login page turns
// into a sentence (the code travels in the URL, never the message).
export const SSO_REFUSALS = {
  email_unverified: "Your identity provider did not confirm your email address, so it cannot be linked to a Coffer account.",
  no_account: "There is no Coffer account for your email address. Ask an owner to invite you.",
  disabled: "Your Coffer account is disabled.",
  failed: "Single sign-on failed: the identity provider's answer could not be verified. Start again from this page.",
} as const;

export type SsoRefusalCode = keyof typeof SSO_REFUSALS;

export function ssoRefusalMessage(code: string | undefined): string | null {
  return code && Object.hasOwn(SSO_REFUSALS, code) ? SSO_REFUSALS[code as SsoRefusalCode] : null;
}

export class SsoRefused extends Error {
  constructor(readonly code: SsoRefusalCode) {
    super(SSO_REFUSALS[code]);
    this.name = "SsoRefused";
  }
}
