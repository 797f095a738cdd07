import { BookOpenCheck, KeySquare, Link2 } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { AddBindingButton } from "@/features/services/components/add-binding-button";
import type { SecretOption } from "@/features/services/components/add-binding-form";
import { BindingsTable } from "@/features/services/components/bindings-table";
import { CreateServiceTokenButton } from "@/features/services/components/create-service-token-button";
import { DeleteServiceButton } from "@/features/services/components/delete-service-button";
import { EditServiceButton } from "@/features/services/components/edit-service-button";
import { NeedsSecretBind } from "@/features/services/components/needs-secret-bind";
import { ReadsTable } from "@/features/services/components/reads-table";
import { SectionHeading } from "@/components/ui/section-heading";
import { serviceAbilities } from "@/features/services/components/service-abilities";
import { ServiceHeader } from "@/features/services/components/service-header";
import { TokensTable } from "@/features/services/components/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FlashToast } from "@/components/ui/toast";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-actor";
import { PermissionDenied as Refused } from "@/lib/rbac/authorize";
import { listSecrets } from "@/lib/secrets/list-secrets";
import { getService } from "@/lib/services/get-service";
import { first, loadOrDeny, resolveNamespace, type SearchParams } from "@/features/console/load";
import { ObjectHistory } from "@/features/audit/components/object-history";

type Props = { params: Promise<{ name: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

/** The secrets the Add binding form offers; null when the member may not list them (the form then asks for a name). */
async function secretOptions(actor: Actor, ns: string): Promise<SecretOption[] | null> {
  try {
    const secrets = await listSecrets(actor, ns);
    return secrets.map((s) => ({ name: s.name, version: s.version, keys: s.keys.map((k) => k.name) }));
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
}

export default async function ServicePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { name } = await params;
  const query = await searchParams;
  const { ns } = await resolveNamespace(actor, first(query.ns));
  const [result, may] = await Promise.all([loadOrDeny(() => getService(actor, ns, name)), serviceAbilities(actor, ns)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();

  const service = result.value;
  const secrets = may.bind ? await secretOptions(actor, ns) : null;
  const activeTokens = service.tokens.filter((t) => !t.revokedAt).length;
  return (
    <div className="space-y-10">
      {first(query.notice) === "created" ? <FlashToast message={`Service ${service.name} created.`} /> : null}
      <ServiceHeader
        service={service}
        actions={
          <>
            {may.update ? (
              <EditServiceButton ns={ns} name={service.name} description={service.description} labels={service.labels} />
            ) : null}
            {may.delete ? (
              <DeleteServiceButton ns={ns} name={service.name} bindings={service.bindingList.length} activeTokens={activeTokens} />
            ) : null}
          </>
        }
      />

      <section aria-labelledby="bindings-heading" className="space-y-3">
        <SectionHeading
          id="bindings-heading"
          title="Bindings"
          action={
            may.bind ? (
              <AddBindingButton
                ns={ns}
                service={service.name}
                secrets={secrets}
                variant={service.bindingList.length ? "secondary" : "primary"}
              />
            ) : may.unbind ? (
              <NeedsSecretBind action="bind" ns={ns} />
            ) : null
          }
        >
          The secrets this service receives, as files in <code className="font-mono text-xs">/run/secrets</code>.
        </SectionHeading>
        {service.bindingList.length ? (
          <BindingsTable ns={ns} service={service.name} bindings={service.bindingList} canManage={may.unbind} />
        ) : (
          <EmptyState icon={Link2} title="No secrets bound yet">
            Bind a secret and the agent writes it to a file with the owner and mode you choose, like Docker&apos;s{" "}
            <code className="font-mono text-xs">--secret</code>.
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="tokens-heading" className="space-y-3">
        <SectionHeading
          id="tokens-heading"
          title="Tokens"
          // Always here, never in the empty state: the new token lives in this
          // button's dialog, which must survive the refresh that lists the token.
          action={
            may.mintTokens ? (
              <CreateServiceTokenButton ns={ns} service={service.name} variant={service.tokens.length ? "secondary" : "primary"} />
            ) : may.manageTokens ? (
              <NeedsSecretBind action="mint" ns={ns} />
            ) : null
          }
        >
          The agent reads the bound secrets with one of these. Each is shown once, when created, and reads only while its creator holds
          secret:bind here.
        </SectionHeading>
        {service.tokens.length ? (
          <TokensTable ns={ns} service={service.name} tokens={service.tokens} canManage={may.manageTokens} />
        ) : (
          <EmptyState icon={KeySquare} title="No tokens yet">
            {may.mintTokens
              ? "Create one for the service's agent; the console then shows the command line that runs it."
              : "Someone with the deployer or owner role in this namespace (secret:bind) can create one for the service's agent."}
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="reads-heading" className="space-y-3">
        <SectionHeading id="reads-heading" title="Recent reads">
          What this service&apos;s agent read, newest first.
        </SectionHeading>
        {service.reads.length ? (
          <ReadsTable ns={ns} service={service.name} reads={service.reads} />
        ) : (
          <EmptyState icon={BookOpenCheck} title="Nothing read yet">
            Reads appear here once the agent runs with a token and fetches its secrets.
          </EmptyState>
        )}
      </section>

      <ObjectHistory resourceType="service" resourceId={service.id} title="History" />
    </div>
  );
}
