import { Field } from "@/components/ui/field";

/**
 * A new password and its confirmation, as every form that sets one asks
 * for them: the browser's password manager offers to generate one
 * (autocomplete new-password), and lib's rule (12 characters) is said up
 * front. `label` is "Password" on a first password, "New password" on a change.
 */
export function NewPasswordFields({
  label = "Password",
  errors,
  autoFocus,
}: {
  label?: "Password" | "New password";
  errors: { password?: string; confirm?: string };
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus={autoFocus}
        hint="At least 12 characters."
        error={errors.password}
      />
      <Field
        label={label === "Password" ? "Confirm password" : "Confirm new password"}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
    </>
  );
}
