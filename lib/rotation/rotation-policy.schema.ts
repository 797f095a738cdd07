// The body of PUT …/secrets/{name}/rotation, shared by the API, the console
// form and the CLI's request.
import { z } from "zod";
import { generateSpec } from "../secrets/generate-value";
import { SECRET_KEY } from "../secrets/secret-rules";
import { parseInterval } from "./interval";
import { rotatorConfigSchema } from "./rotators/rotator";

export const rotationGeneratorSchema = generateSpec.extend({
  /** The key the generated value replaces; needed only when the secret has several. Ignored with a rotator. */
  key: z.string({ error: "generator.key must be a string" }).regex(SECRET_KEY, "generator.key must be a valid key name").optional(),
});

export const setRotationSchema = z
  .object({
    every: z
      .string({ error: 'every is required: a whole number followed by s, m, h or d, e.g. "30d"' })
      .transform((every, ctx) => {
        const seconds = parseInterval(every);
        if (typeof seconds === "string") {
          ctx.addIssue({ code: "custom", message: seconds });
          return z.NEVER;
        }
        return seconds;
      })
      .meta({ type: "string", description: 'interval: whole number + s|m|h|d, at least 1 minute ("30d")' }),
    generator: rotationGeneratorSchema.default({ length: 32, alphabet: "base64" }),
    rotator: rotatorConfigSchema.nullable().optional(),
  })
  .strict();

export type SetRotationInput = z.input<typeof setRotationSchema>;
export type RotationGenerator = z.output<typeof rotationGeneratorSchema>;
