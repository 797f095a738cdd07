// The public shape of a rotation policy, shared by the server
// (lib/rotation/rotation-dto.ts) and the CLI: schedule, generator, the
// rotator's kind, admin secret NAME and roles (never the admin URL: it
// lives in that secret), and how the last runs went.
export type RotationPolicyDto = {
  secret: string;
  namespace: string;
  every: string;
  everySeconds: number;
  generator: { length: number; alphabet: string; key: string | null };
  rotator: { kind: string; admin: string; roles: string[] } | null;
  nextRunAt: string;
  lastRunAt: string | null;
  lastVersion: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  createdAt: string;
  updatedAt: string;
};

/** What POST …/rotation/run answers: the new version, or why there is none (the failure is recorded too). */
export type RotationRunResult = { rotated: boolean; version: number | null; error: string | null; policy: RotationPolicyDto };
