// "expires in N days": the warning the list and the secret page show from 7
// days before a secret's expiresAt (the daily `secret.expiring` event says the same).
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { expiryText, expiryWarning } from "@/lib/rotation/expiry";

export function ExpiryBadge({ expiresAt, className }: { expiresAt?: string | null; className?: string }) {
  const days = expiryWarning(expiresAt ?? null);
  if (days === null) return null;
  return (
    <Badge tone="amber" className={className} title={`expiresAt ${expiresAt}`} data-testid="expiry-badge">
      {expiryText(days)}
    </Badge>
  );
}

export function ExpiryAlert({ name, expiresAt }: { name: string; expiresAt?: string | null }) {
  const days = expiryWarning(expiresAt ?? null);
  if (days === null) return null;
  return (
    <Alert tone="warning">
      {name} {expiryText(days)} ({expiresAt?.slice(0, 10)}): write a new version, or set a rotation policy, before then.
    </Alert>
  );
}
