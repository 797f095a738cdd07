import type { z } from "zod";
import { BadRequest } from "./errors";

/** zod parse whose failure is a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.join(".");
  const message = issue.message;
  throw new BadRequest(path && !message.startsWith(path.split(".")[0]!) ? `${path}: ${message}` : message);
}
