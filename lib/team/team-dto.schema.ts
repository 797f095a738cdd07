// The public shapes of members, grants, invites, roles and password resets
// as zod schemas, for the OpenAPI document. Each must describe what the
// domain function returns exactly (checked at the bottom).
import { z } from "zod";
import type { completeSetup } from "../auth/setup";
import type { Agree, Same } from "../openapi/type-agreement";
import type { listGrants } from "./grants";
import type { acceptInvite, inviteMember, InviteInfo } from "./invites";
import type { Grant, Member } from "./member-dto";
import type { OwnProfile } from "./own-profile";
import type { checkPasswordReset, issuePasswordReset } from "./passwords";
import type { RoleInfo } from "./roles";

const time = z.iso.datetime();
const namespace = z.string().nullable().meta({ description: "null: every namespace" });

export const grantSchema = z.object({ id: z.string(), role: z.string(), namespace });

export const grantListingSchema = grantSchema.extend({ userId: z.string(), email: z.string() });

export const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(["active", "disabled"]),
  createdAt: time,
  lastLoginAt: time.nullable(),
  grants: z.array(grantSchema),
});

export const ownProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  grants: z.array(grantSchema.extend({ permissions: z.array(z.string()) })),
});

export const inviteInfoSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  namespace,
  expiresAt: time,
  createdAt: time,
  state: z.enum(["pending", "used", "expired", "revoked"]),
});

export const newInviteSchema = inviteInfoSchema.extend({ token: z.string().meta({ description: "cfi_…, shown once" }) });

/** The account an accepted invite or the first-run setup creates. */
export const newUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const roleInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
  permissions: z.array(z.string()),
  requireSecondFactor: z.boolean().meta({ description: "members holding it must have a second factor (issue 16)" }),
  members: z.number().int().meta({ description: "grants of this role" }),
});

export const issuedPasswordResetSchema = z.object({ token: z.string().meta({ description: "cfr_…, shown once" }), expiresAt: time });

export const passwordResetLinkSchema = z.object({ email: z.string(), expiresAt: time });

type Returned<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type TeamSchemasAgree = Agree<
  [
    Same<z.output<typeof grantSchema>, Grant>,
    Same<z.output<typeof grantListingSchema>, Returned<typeof listGrants>[number]>,
    Same<z.output<typeof memberSchema>, Member>,
    Same<z.output<typeof ownProfileSchema>, OwnProfile>,
    Same<z.output<typeof inviteInfoSchema>, InviteInfo>,
    Same<z.output<typeof newInviteSchema>, Returned<typeof inviteMember>>,
    Same<z.output<typeof newUserSchema>, Returned<typeof acceptInvite>>,
    Same<z.output<typeof newUserSchema>, Returned<typeof completeSetup>>,
    Same<z.output<typeof roleInfoSchema>, RoleInfo>,
    Same<z.output<typeof issuedPasswordResetSchema>, Returned<typeof issuePasswordReset>>,
    Same<z.output<typeof passwordResetLinkSchema>, Returned<typeof checkPasswordReset>>,
  ]
>;
