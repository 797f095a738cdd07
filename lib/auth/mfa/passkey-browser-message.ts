// What the console says when the browser's WebAuthn call fails: the
// person cancelled, or the authenticator refused. Client code.
import { WebAuthnError } from "@simplewebauthn/browser";

export function passkeyBrowserMessage(error: unknown, step: "create" | "use"): string {
  const name = error instanceof Error ? error.name : "";
  if (error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return "This authenticator already holds a passkey for your account.";
  }
  if (name === "NotAllowedError" || name === "AbortError") {
    return step === "create"
      ? "No passkey was created: the request was cancelled or timed out."
      : "No passkey was used: the request was cancelled or timed out.";
  }
  if (name === "SecurityError") return "The browser refused: passkeys need this site's own address (a host name, over https or localhost).";
  return step === "create" ? "Your browser could not create a passkey." : "Your browser could not use a passkey.";
}
