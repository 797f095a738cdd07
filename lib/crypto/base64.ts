// Strict base64 for keys. Buffer.from(text, "base64") silently skips
// characters it does not know, so a typo in a key could still decode to
// 32 bytes of something else; here anything but canonical base64 is refused.
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes, or undefined when `text` is not padded standard base64. */
export function decodeBase64(text: string): Buffer | undefined {
  return CANONICAL.test(text) ? Buffer.from(text, "base64") : undefined;
}

/** A 32-byte key from base64 text (surrounding whitespace allowed, as in files), or undefined. */
export function decodeKey(text: string): Buffer | undefined {
  const bytes = decodeBase64(text.trim());
  if (bytes?.length === 32) return bytes;
  bytes?.fill(0);
  return undefined;
}
