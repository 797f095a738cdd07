import { exactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tabs } from "@/components/ui/tabs";
import { humanSize } from "@/packages/contracts/src/format/size";
import type { SecretDetail } from "@/lib/secrets/secret-dto";
import { mountOfNamespace } from "@/lib/vault/vault-path";
import { LabelChips } from "./label-chips";

/** `docker secret inspect`'s JSON with what Coffer adds; metadata only. */
export function inspectJson(secret: SecretDetail): string {
  const document = {
    ...secret.inspect,
    Type: secret.type,
    Immutable: secret.immutable,
    Keys: secret.keys.map((key) => ({ Name: key.name, Size: key.size })),
    Versions: secret.versions.map((v) => ({
      Version: v.version,
      CreatedAt: v.createdAt,
      CreatedBy: v.createdBy,
      Keys: v.keys.map((key) => key.name),
      SizeBytes: v.sizeBytes,
      Current: v.current,
    })),
  };
  return JSON.stringify([document], null, 2);
}

/** Where Vault clients (hvac, External Secrets Operator, vault-agent) find this secret on the /v1 API. */
function VaultPath({ namespace, name }: { namespace: string; name: string }) {
  const mount = mountOfNamespace(namespace);
  return (
    <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <code className="font-mono text-xs" data-testid="vault-path">{`${mount}/data/${name}`}</code>
      <code className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{`vault kv get -mount=${mount} ${name}`}</code>
    </span>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

/** `docker secret inspect --pretty`'s fields, then type, version and keys with sizes. */
function Pretty({ secret }: { secret: SecretDetail }) {
  return (
    <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      <Row label="ID">
        <code className="font-mono text-xs">{secret.id}</code>
      </Row>
      <Row label="Name">{secret.name}</Row>
      <Row label="Namespace">{secret.namespace}</Row>
      <Row label="Vault path">
        <VaultPath namespace={secret.namespace} name={secret.name} />
      </Row>
      <Row label="Labels">
        <LabelChips labels={secret.labels} empty={<span className="text-zinc-500 dark:text-zinc-400">none</span>} />
      </Row>
      <Row label="Created at">
        {exactTime(secret.createdAt)}{" "}
        <span className="text-zinc-500 dark:text-zinc-400">
          (<RelativeTime iso={secret.createdAt} />)
        </span>
      </Row>
      <Row label="Updated at">
        {exactTime(secret.updatedAt)}{" "}
        <span className="text-zinc-500 dark:text-zinc-400">
          (<RelativeTime iso={secret.updatedAt} />)
        </span>
      </Row>
      <Row label="Type">{secret.type}</Row>
      <Row label="Version">{secret.version}</Row>
      <Row label="Immutable">{secret.immutable ? "true" : "false"}</Row>
      <Row label="Keys">
        <ul className="space-y-0.5">
          {secret.keys.map((key) => (
            <li key={key.name}>
              <code className="font-mono text-xs">{key.name}</code>{" "}
              <span className="text-zinc-500 dark:text-zinc-400">({humanSize(key.size)})</span>
            </li>
          ))}
        </ul>
      </Row>
    </dl>
  );
}

export function InspectViews({ secret }: { secret: SecretDetail }) {
  return (
    <Tabs
      label="Inspect view"
      tabs={[
        {
          id: "pretty",
          label: "Pretty",
          content: (
            <div className="rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
              <Pretty secret={secret} />
            </div>
          ),
        },
        {
          id: "json",
          label: "JSON",
          content: (
            <pre
              data-testid="inspect-json"
              className="overflow-x-auto rounded-xl bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100 ring-1 ring-zinc-800"
            >
              {inspectJson(secret)}
            </pre>
          ),
        },
      ]}
    />
  );
}
