import { Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CopyableId, PageHeader } from "@/components/ui/page-header";
import type { SecretDetail } from "@/lib/secrets/secret-dto";
import { secretsHref } from "./secret-hrefs";

/** Breadcrumb, name, type and immutability badges, and the ID to copy. */
export function SecretHeader({ secret, actions }: { secret: SecretDetail; actions: React.ReactNode }) {
  return (
    <PageHeader breadcrumb={{ href: secretsHref(secret.namespace), label: "Secrets", here: secret.namespace }} actions={actions}>
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="break-all text-2xl font-semibold tracking-tight">{secret.name}</h1>
          <Badge>{secret.type}</Badge>
          {secret.immutable ? (
            <Badge tone="amber">
              <Lock aria-hidden className="size-3" />
              immutable
            </Badge>
          ) : null}
        </div>
        <CopyableId id={secret.id} label="Copy secret ID" />
      </div>
    </PageHeader>
  );
}
