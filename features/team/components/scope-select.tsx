import { FieldMessage } from "@/components/forms/field-message";
import { Select } from "@/components/ui/select";

export type RoleOption = { name: string; description: string };

const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";

/** The least privilege when it exists: a picker starts there. */
export function defaultRole(roles: RoleOption[]): string {
  return roles.some((r) => r.name === "viewer") ? "viewer" : (roles[0]?.name ?? "");
}

type Controlled = { value: string; onChange: (value: string) => void };

/** A role picker, posted as `role`. */
export function RoleSelect({ id, roles, error, value, onChange }: { id: string; roles: RoleOption[]; error?: string } & Controlled) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        Role
      </label>
      <Select
        id={id}
        name="role"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-message`}
      >
        {roles.map((role) => (
          <option key={role.name} value={role.name} title={role.description}>
            {role.name}
          </option>
        ))}
      </Select>
      <FieldMessage id={`${id}-message`} error={error} hint={roles.find((r) => r.name === value)?.description} />
    </div>
  );
}

/** All namespaces (posted as an empty `namespace`) or one. */
export function ScopeSelect({ id, namespaces, error, value, onChange }: { id: string; namespaces: string[]; error?: string } & Controlled) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        Scope
      </label>
      <Select
        id={id}
        name="namespace"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-message`}
      >
        <option value="">All namespaces</option>
        {namespaces.map((name) => (
          <option key={name} value={name}>
            Namespace {name}
          </option>
        ))}
      </Select>
      <FieldMessage id={`${id}-message`} error={error} />
    </div>
  );
}
