import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { signInLockedFor, throttledMessage } from "@/lib/auth/sign-in";
import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonError } from "@/lib/http/route";

export const GET = handlers.GET;

// A sign-in posted straight to Auth.js's endpoint is throttled like the
// form: a locked account or address gets 429 with Retry-After.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    const seconds = await signInLockedFor(email, contextFromHeaders(request.headers));
    if (seconds) return jsonError(429, "throttled", throttledMessage(seconds), { "Retry-After": String(seconds) });
  }
  return handlers.POST(request);
}
