// The re-wrap job of key rotation: moves every secret version's
// data key to the keyring's primary key; payloads are never touched.

export const REWRAP_JOB_KIND = "rewrap";

/** Versions per step (one transaction): a crash loses at most this many. */
export const REWRAP_BATCH = 200;
