// The KMS wire protocol, in the spirit of Kubernetes KMS v2 (a plugin on a
// local unix socket that wraps and unwraps data keys): one newline-ended
// JSON request per connection, one newline-ended JSON response.
//   request  {"op":"wrap"|"unwrap","keyId":string,"data":base64,"aad":base64}
//   response {"data":base64} | {"error":string}
import type { Socket } from "node:net";
import { z } from "zod";
import { decodeBase64 } from "./base64";

/** The error text by which a KMS says "this does not authenticate" (tampering, wrong aad). */
export const INTEGRITY_FAILURE = "integrity check failed";

/** Data keys are 32 bytes; this leaves room for a KMS that wraps more, and bounds memory. */
export const MAX_LINE_BYTES = 64 * 1024;

const base64 = z.string().refine((text) => decodeBase64(text) !== undefined, "must be base64");

export const kmsRequestSchema = z.object({
  op: z.enum(["wrap", "unwrap"]),
  keyId: z.string().min(1),
  data: base64,
  aad: base64,
});

export type KmsRequest = z.infer<typeof kmsRequestSchema>;

export const kmsResponseSchema = z.union([z.object({ data: base64 }), z.object({ error: z.string() })]);

export type KmsResponse = z.infer<typeof kmsResponseSchema>;

export class ConnectionClosed extends Error {}
export class LineTooLong extends Error {}

/** Resolves with the first line the socket sends, without its newline. */
export function readLine(socket: Socket, maxBytes = MAX_LINE_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (done: () => void) => {
      socket.off("data", onData).off("end", onEnd).off("close", onEnd).off("error", onError);
      done();
    };
    const onData = (chunk: Buffer) => {
      const newline = chunk.indexOf(0x0a);
      size += newline < 0 ? chunk.length : newline;
      if (size > maxBytes) return settle(() => reject(new LineTooLong()));
      if (newline < 0) return void chunks.push(chunk);
      chunks.push(chunk.subarray(0, newline));
      settle(() => resolve(Buffer.concat(chunks).toString("utf8")));
    };
    const onEnd = () => settle(() => reject(new ConnectionClosed()));
    const onError = (error: Error) => settle(() => reject(error));
    socket.on("data", onData).on("end", onEnd).on("close", onEnd).on("error", onError);
  });
}

/** Parses a JSON line, or returns undefined; the parser's own message may quote the input. */
export function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
