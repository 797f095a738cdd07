import "server-only";
import { z } from "zod";
import { userActor, type RequestContext } from "../auth/actor";
import { verifyCredentials } from "../auth/sign-in";
import { db } from "../db/client";
import { parseInput } from "../input/parse-input";
import { insertAccessToken, type NewAccessToken } from "./create-access-token";

export const exchangeSchema = z.object({
  name: z.string({ error: "name must be a string" }).trim().min(1).max(100).default("coffer CLI"),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

/**
 * POST /api/v1/auth/token: email and password for a personal token, as
 * `coffer login` does. Throttled and audited exactly like the sign-in form.
 */
export async function exchangePasswordForToken(input: Record<string, unknown>, context: RequestContext): Promise<NewAccessToken> {
  const { name, expiresInDays } = parseInput(exchangeSchema, { name: input.name, expiresInDays: input.expiresInDays });
  const user = await verifyCredentials({ email: input.email, password: input.password }, context);
  return db.$transaction((tx) => insertAccessToken(tx, userActor(user, context), { name, expiresInDays }, "password"));
}
