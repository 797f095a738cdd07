// Kubernetes' built-in secret types and the keys each one requires
// (seed 002). A wrong or missing key is a 400 that names it.

export const SECRET_TYPES = [
  "Opaque",
  "kubernetes.io/basic-auth",
  "kubernetes.io/ssh-auth",
  "kubernetes.io/tls",
  "kubernetes.io/dockerconfigjson",
  "kubernetes.io/dockercfg",
  "bootstrap.kubernetes.io/token",
] as const;

export type SecretType = (typeof SECRET_TYPES)[number];

type Entries = Map<string, Buffer>;

const isJson = (bytes: Buffer) => {
  try {
    JSON.parse(bytes.toString("utf8"));
    return true;
  } catch {
    return false;
  }
};

const pemBlock = (bytes: Buffer, label: RegExp) => {
  const text = bytes.toString("utf8");
  return new RegExp(`-----BEGIN (${label.source})-----[\\s\\S]+?-----END \\1-----`).test(text);
};

function requireKeys(entries: Entries, keys: string[]): string | null {
  const missing = keys.find((key) => !entries.has(key));
  return missing ? `missing required key '${missing}'` : null;
}

/** Null when the entries satisfy the type, else the problem in one line. */
export function checkTypeKeys(type: SecretType, entries: Entries): string | null {
  switch (type) {
    case "Opaque":
      return null;
    case "kubernetes.io/basic-auth":
      return entries.has("username") || entries.has("password") ? null : "missing required key 'username' or 'password'";
    case "kubernetes.io/ssh-auth":
      return requireKeys(entries, ["ssh-privatekey"]);
    case "kubernetes.io/tls": {
      const missing = requireKeys(entries, ["tls.crt", "tls.key"]);
      if (missing) return missing;
      if (!pemBlock(entries.get("tls.crt")!, /CERTIFICATE/)) return "key 'tls.crt' must hold a PEM certificate";
      if (!pemBlock(entries.get("tls.key")!, /(?:RSA |EC |ENCRYPTED )?PRIVATE KEY/)) return "key 'tls.key' must hold a PEM private key";
      return null;
    }
    case "kubernetes.io/dockerconfigjson": {
      const missing = requireKeys(entries, [".dockerconfigjson"]);
      if (missing) return missing;
      return isJson(entries.get(".dockerconfigjson")!) ? null : "key '.dockerconfigjson' must be valid JSON";
    }
    case "kubernetes.io/dockercfg": {
      const missing = requireKeys(entries, [".dockercfg"]);
      if (missing) return missing;
      return isJson(entries.get(".dockercfg")!) ? null : "key '.dockercfg' must be valid JSON";
    }
    case "bootstrap.kubernetes.io/token":
      return requireKeys(entries, ["token-id", "token-secret"]);
  }
}
