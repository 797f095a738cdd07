// A background job's public shape as a zod schema, for the OpenAPI
// document; it must describe the DTO type exactly (checked at the bottom).
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { JobDto } from "./job-dto";

const time = z.iso.datetime();

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  progress: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  createdAt: time,
  startedAt: time.nullable(),
  finishedAt: time.nullable(),
});

export type JobSchemasAgree = Agree<[Same<z.output<typeof jobSchema>, JobDto>]>;
