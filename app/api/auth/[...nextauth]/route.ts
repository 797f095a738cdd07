import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { signInLockedFor, signInSchema, throttledMessage } from "@/lib/auth/sign-in";
import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonError } from "@/lib/http/route";

export const GET = handlers.GET;

// A sign-in posted straight to Auth.js's credentials endpoint gets the same
// answers as the form: 400 naming a malformed field, 429 with Retry-After
// while the account or address is locked.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const parsed = signInSchema.safeParse({ email: form?.get("email") ?? undefined, password: form?.get("password") ?? undefined });
    if (!parsed.success) return jsonError(400, "bad_request", parsed.error.issues[0]!.message);
    const seconds = await signInLockedFor(parsed.data.email, contextFromHeaders(request.headers));
    if (seconds) return jsonError(429, "throttled", throttledMessage(seconds), { "Retry-After": String(seconds) });
  }
  return handlers.POST(request);
}
