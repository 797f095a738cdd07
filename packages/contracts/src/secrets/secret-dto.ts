// The public shapes of a secret, as /api/v1 answers them and the CLI reads
// them: metadata only, never a value. The `inspect` object has the shape of
// `docker secret inspect`.

/** One key of a version: its name and how many bytes its value holds. */
export type KeyInfo = { name: string; size: number };

export type SecretSummary = {
  id: string;
  name: string;
  namespace: string;
  type: string;
  labels: Record<string, string>;
  immutable: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  keys: KeyInfo[];
  sizeBytes: number;
  /** Last read by a service or a person; null if never. */
  lastReadAt: string | null;
  /** Not read in COFFER_STALE_DAYS (counted from creation if never read). */
  stale: boolean;
  /** When the value should be replaced (issue 18); null or absent when it has no date. */
  expiresAt?: string | null;
};

export type VersionInfo = {
  version: number;
  createdAt: string;
  createdBy: string | null;
  keys: KeyInfo[];
  sizeBytes: number;
  current: boolean;
};

export type DockerInspect = {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: { Name: string; Labels: Record<string, string> };
};

export type BoundService = { service: string; target: string; version: number; pinned: boolean };
export type SecretReader = { readerType: string; readerLabel: string; firstReadAt: string; lastReadAt: string; count: number };

export type SecretDetail = SecretSummary & {
  versions: VersionInfo[];
  inspect: DockerInspect;
  /** Reverse lookup: who uses this secret, and who read it. */
  boundServices: BoundService[];
  reads: SecretReader[];
};
