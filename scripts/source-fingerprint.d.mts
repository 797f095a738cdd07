export type Fingerprint = Record<string, string>;
export declare const BUILD_SOURCES: string[];
export declare const FINGERPRINT_FILE: string;
export declare function sourceFingerprint(root?: string, sources?: string[]): Fingerprint;
export declare function recordedFingerprint(root?: string): Fingerprint | null;
export declare function recordFingerprint(fingerprint: Fingerprint, root?: string): void;
export declare function changedSources(before: Fingerprint, after: Fingerprint): string[];
