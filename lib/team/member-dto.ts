import type { Prisma } from "../generated/prisma/client";

export const memberSelect = {
  id: true,
  email: true,
  name: true,
  disabled: true,
  createdAt: true,
  lastLoginAt: true,
  roleBindings: {
    select: { id: true, role: { select: { name: true } }, namespace: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.UserSelect;

export type Grant = { id: string; role: string; namespace: string | null };

export type Member = {
  id: string;
  email: string;
  name: string;
  status: "active" | "disabled";
  createdAt: string;
  lastLoginAt: string | null;
  grants: Grant[];
};

export function toMember(row: Prisma.UserGetPayload<{ select: typeof memberSelect }>): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.disabled ? "disabled" : "active",
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    grants: row.roleBindings.map((b) => ({ id: b.id, role: b.role.name, namespace: b.namespace?.name ?? null })),
  };
}
