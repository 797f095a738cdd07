const code = "rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs dark:bg-zinc-800";

/** How to rotate the key-encryption key, in the order that never strands data. */
export function RotationSteps() {
  return (
    <ol className="list-decimal space-y-2 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
      <li>
        Add a new key <strong>first</strong> in the <code className={code}>keys</code> list of the file named by{" "}
        <code className={code}>COFFER_KEYRING_FILE</code>, and keep the current key below it. Coming from{" "}
        <code className={code}>COFFER_MASTER_KEY</code> or a generated key, list that key under the name{" "}
        <code className={code}>master</code>:{" "}
        <code
          className={`${code} break-all`}
        >{`{"keys":[{"name":"key2","secret":"<base64 of 32 bytes>"},{"name":"master","secret":"…"}]}`}</code>
      </li>
      <li>Restart every Coffer node with the new keyring. New secret versions are now wrapped by the new key.</li>
      <li>
        Start the re-wrap here (or <code className={code}>{`POST /api/v1/encryption {"action":"rewrap"}`}</code>). It wraps each
        version&apos;s data key again with the new key; the encrypted values themselves are not touched.
      </li>
      <li>
        When the old key wraps 0 secret versions, remove it from the keyring and restart. Coffer refuses to start while a removed key is
        still in use.
      </li>
    </ol>
  );
}
