// A personal API token's public shape as a zod schema, for the OpenAPI
// document; it must describe the DTO type exactly (checked at the bottom).
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { AccessTokenInfo } from "./access-token-dto";
import type { NewAccessToken } from "./create-access-token";

const time = z.iso.datetime();

export const accessTokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: time,
  expiresAt: time.nullable(),
  lastUsedAt: time.nullable(),
  revokedAt: time.nullable(),
});

export const newAccessTokenSchema = accessTokenInfoSchema.extend({ token: z.string().meta({ description: "cfp_…, shown once" }) });

export type AccessTokenSchemasAgree = Agree<
  [Same<z.output<typeof accessTokenInfoSchema>, AccessTokenInfo>, Same<z.output<typeof newAccessTokenSchema>, NewAccessToken>]
>;
