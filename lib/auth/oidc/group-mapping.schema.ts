import { z } from "zod";

export const groupMappingSchema = z.object({
  group: z
    .string({ error: "group is required" })
    .trim()
    .min(1, "group is required")
    .max(200, "group is too long")
    .refine((g) => !g.includes("\u0000"), "group must not contain NUL characters"),
  role: z.string({ error: "role is required" }).min(1, "role is required"),
  namespace: z.string({ error: "namespace must be a string or null" }).nullish(),
});

export type GroupMappingInput = z.infer<typeof groupMappingSchema>;

/** What the console and API show of a mapping. */
export const groupMappingDtoSchema = z.object({
  id: z.string(),
  group: z.string(),
  role: z.string(),
  namespace: z.string().nullable(),
  /** The maker's email; null when they are gone (the mapping then gives nothing). */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export type GroupMapping = z.infer<typeof groupMappingDtoSchema>;
