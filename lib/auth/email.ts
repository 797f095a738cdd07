import { z } from "zod";

/** Emails compare case-insensitively; stored and looked up in lower case. */
export const emailField = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "email must be a valid email address" }).max(254, "email is too long"));
