// Server-action bodies, checked before Next.js decodes them: Next answers
// every body it cannot decode (broken multipart, text that is not JSON, a
// body over the size limit) with 500. server.ts reads the body here, refuses
// a malformed one with 400 (413 when too large), and hands Next.js a copy of
// the request that replays the same bytes.
import { IncomingMessage, type IncomingHttpHeaders } from "node:http";
import type { Rejection } from "./screen-request";

/** next.config.mjs `serverActions.bodySizeLimit` ("8mb"): keep the two equal. */
export const ACTION_BODY_LIMIT = 8 * 1024 * 1024;

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Whether Next.js would try to decode this POST as a server action (urlencoded ones it ignores). */
export function isServerActionPost(method: string | undefined, pathname: string, headers: IncomingHttpHeaders): boolean {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return false;
  return header(headers, "next-action") !== undefined || /^multipart\/form-data/i.test(header(headers, "content-type") ?? "");
}

const tooLarge: Rejection = {
  status: 413,
  code: "too_large",
  message: `the request body is over ${ACTION_BODY_LIMIT / 1024 / 1024} MiB`,
  headers: { Connection: "close" },
};

/** The whole body, or a 413 once it passes the limit (the rest is left unread). */
export async function readBody(req: IncomingMessage, limit = ACTION_BODY_LIMIT): Promise<Buffer | Rejection> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return tooLarge;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

// In a text (non-multipart) reply there is no row but the root, so any
// "$…" string other than these inline forms points at nothing, and React
// fails with "Connection closed." (React's parseModelString).
const INLINE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$|T$)/;

function danglingReference(value: unknown): boolean {
  if (typeof value === "string") return value.startsWith("$") && !INLINE.test(value);
  if (Array.isArray(value)) return value.some(danglingReference);
  if (value && typeof value === "object") return Object.values(value).some(danglingReference);
  return false;
}

function argumentsProblem(text: string): string | null {
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return "the server action's arguments are not JSON";
  }
  if (!Array.isArray(args)) return "the server action's arguments must be a JSON array";
  return null;
}

/** Why Next.js could not decode this server-action body, or null. */
export async function actionBodyProblem(headers: IncomingHttpHeaders, body: Buffer): Promise<string | null> {
  const contentType = header(headers, "content-type") ?? "";
  const isFetchAction = header(headers, "next-action") !== undefined;
  if (/^multipart\/form-data/i.test(contentType)) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return "the body is not valid multipart/form-data";
    }
    if (!isFetchAction) return null; // a plain form post; Next.js looks for $ACTION_ fields itself
    const root = form.get("0");
    return typeof root === "string" ? argumentsProblem(root) : "the server action's arguments (field 0) are missing";
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return "the body is not valid UTF-8";
  }
  const problem = argumentsProblem(text);
  if (problem) return problem;
  return danglingReference(JSON.parse(text)) ? "the server action's arguments refer to parts the body does not have" : null;
}

/**
 * A request Next.js can read again: same method, URL, headers and socket,
 * whose body is the bytes already read.
 */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  if (body.length) copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}
