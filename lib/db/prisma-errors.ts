// Prisma's known errors, in the product's own words, so a race that trips
// a unique index answers 409 like the check that lost it would have.
import { Conflict, NotFound } from "../http/errors";

export function translatePrismaError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return new Conflict("a resource with that name already exists");
  if (code === "P2025") return new NotFound("the resource no longer exists");
  return error;
}
