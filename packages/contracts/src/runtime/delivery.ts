// What GET /api/v1/runtime/secrets answers, written by the server and read
// by the CLI's agent: the service's bound secrets with their values, base64. The only answer the CLI reads that
// carries values: nothing here may reach a log line or an error message.

export type DeliveredFile = {
  /** Relative to the delivery directory: the target, or `target/key` for a directory. */
  path: string;
  /** base64 */
  data: string;
};

export type DeliveredSecret = {
  secret: string;
  version: number;
  target: string;
  uid: number;
  gid: number;
  /** Octal, "0444". */
  mode: string;
  envName: string | null;
  /** "file": one file at `target`; "dir": a directory `target` with one file per key. */
  kind: "file" | "dir";
  files: DeliveredFile[];
};

export type RuntimeSecrets = {
  service: { name: string; namespace: string };
  secrets: DeliveredSecret[];
};
