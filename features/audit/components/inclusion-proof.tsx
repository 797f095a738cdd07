"use client";

import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { InclusionProofDto } from "@/lib/audit/log/proofs";
import { ShortHash } from "./tree-head";

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", all));
}

/** RFC 9162 §2.1.3.2, as lib/audit/transparency/merkle.ts verifyInclusion, with the browser's SHA-256. */
async function rootFromProof(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[]): Promise<Uint8Array | null> {
  if (index >= size) return null;
  const node = Uint8Array.of(1);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(node, p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else {
      r = await sha256(node, r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

type Check = { state: "idle" } | { state: "ok" } | { state: "bad" } | { state: "unavailable" };

/** The event's inclusion proof in the newest signed tree, and a check of it that runs in this browser. */
export function InclusionProof({ proof }: { proof: InclusionProofDto }) {
  const [check, setCheck] = useState<Check>({ state: "idle" });
  async function run() {
    if (!proof.checkpoint) return;
    if (!globalThis.crypto?.subtle) return setCheck({ state: "unavailable" });
    const root = await rootFromProof(proof.leafIndex, proof.treeSize, fromBase64(proof.leafHash), proof.proof.map(fromBase64));
    setCheck({ state: root && equal(root, fromBase64(proof.checkpoint.rootHash)) ? "ok" : "bad" });
  }
  return (
    <section
      aria-labelledby="proof-heading"
      className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="proof-heading" className="text-base font-semibold">
            Inclusion proof
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            The {proof.proof.length} subtree {proof.proof.length === 1 ? "hash" : "hashes"} that, with this event&apos;s leaf, give the root
            of the signed tree of {proof.treeSize.toLocaleString("en-US")} events (RFC 9162).
          </p>
        </div>
        {proof.checkpoint ? (
          <Button type="button" variant="secondary" onClick={() => void run()}>
            <ShieldCheck aria-hidden className="size-4" />
            Check in this browser
          </Button>
        ) : null}
      </div>
      {proof.proof.length ? (
        <ol aria-label="Proof hashes" className="list-decimal space-y-1 pl-6 text-xs">
          {proof.proof.map((hash, i) => (
            <li key={i}>
              <ShortHash value={hash} label={`proof hash ${i + 1}`} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">The tree has only this leaf: its leaf hash is the root.</p>
      )}
      {proof.checkpoint ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-300">
          Signed root: <ShortHash value={proof.checkpoint.rootHash} label="signed root" />
        </p>
      ) : null}
      <p role="status" data-testid="proof-check" className="text-sm font-semibold">
        {check.state === "ok" ? (
          <span className="text-emerald-700 dark:text-emerald-400">The proof leads to the signed root: this event is in the tree.</span>
        ) : null}
        {check.state === "bad" ? <span className="text-red-700 dark:text-red-400">The proof does not lead to the signed root.</span> : null}
        {check.state === "unavailable" ? (
          <span className="text-amber-700 dark:text-amber-300">This browser offers SHA-256 only over HTTPS.</span>
        ) : null}
      </p>
    </section>
  );
}
