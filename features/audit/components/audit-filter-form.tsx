"use client";

import { Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ACTION_GROUPS, isKnownAction } from "./audit-actions";
import { auditHref, FILTER_KEYS, RANGES, type AuditQuery, type RangeKey } from "./audit-query";

type Props = { query: AuditQuery; namespaces: string[] };

const labelClass = "block text-xs font-medium text-zinc-600 dark:text-zinc-400";
const chip =
  "rounded-md px-2.5 py-1.5 text-xs font-semibold ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const chipOff =
  "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800";
const chipOn = "bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500 dark:ring-indigo-500";

/** Only the fields that say something, so a shared URL stays short. */
function queryFromForm(form: HTMLFormElement): AuditQuery {
  const data = new FormData(form);
  const query: AuditQuery = {};
  for (const key of [...FILTER_KEYS, "range"] as const) {
    const value = String(data.get(key) ?? "").trim();
    if (value) (query as Record<string, string>)[key] = value;
  }
  return query;
}

/**
 * The audit filters, kept in the URL. A GET form, so it works before
 * hydration; with JavaScript the empty fields are left out of the address.
 * A quick range (24h, 7d, 30d) replaces the dates and the other way round.
 */
export function AuditFilterForm({ query, namespaces }: Props) {
  const router = useRouter();
  const [time, setTime] = useState({ from: query.from?.slice(0, 10) ?? "", to: query.to?.slice(0, 10) ?? "", range: query.range ?? "" });

  function go(form: HTMLFormElement, override: Partial<AuditQuery> = {}) {
    router.push(auditHref({ ...queryFromForm(form), ...override }));
  }

  function quickRange(event: React.MouseEvent<HTMLButtonElement>, range: RangeKey | "") {
    setTime({ from: "", to: "", range });
    const form = event.currentTarget.form;
    if (form) go(form, { from: undefined, to: undefined, range: range || undefined });
  }

  const filtered = FILTER_KEYS.some((key) => query[key]) || query.range;
  const action = query.action ?? "";
  return (
    <form
      action="/audit"
      method="get"
      role="search"
      aria-label="Filter audit events"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        go(event.currentTarget);
      }}
      className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="audit-q" className={labelClass}>
            Resource name contains
          </label>
          <Input id="audit-q" name="q" type="search" defaultValue={query.q} placeholder="db_" autoComplete="off" />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-actor" className={labelClass}>
            Actor
          </label>
          <Input
            id="audit-actor"
            name="actor"
            defaultValue={query.actor}
            placeholder="ada@example.com or default/orders"
            autoComplete="off"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-action" className={labelClass}>
            Action
          </label>
          <Select id="audit-action" name="action" defaultValue={action}>
            <option value="">All actions</option>
            {action && !isKnownAction(action) ? <option value={action}>{action}</option> : null}
            {ACTION_GROUPS.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.prefixes.map((prefix) => (
                  <option key={prefix.value} value={prefix.value}>
                    {prefix.label} ({prefix.value}*)
                  </option>
                ))}
                {group.actions.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-resource" className={labelClass}>
            Resource
          </label>
          <Input
            id="audit-resource"
            name="resource"
            defaultValue={query.resource}
            placeholder="secret or secret:db_pw"
            autoComplete="off"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-namespace" className={labelClass}>
            Namespace
          </label>
          <Input
            id="audit-namespace"
            name="namespace"
            defaultValue={query.namespace}
            list="audit-namespaces"
            placeholder="Any"
            autoComplete="off"
          />
          <datalist id="audit-namespaces">
            {namespaces.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-outcome" className={labelClass}>
            Outcome
          </label>
          <Select id="audit-outcome" name="outcome" defaultValue={query.outcome ?? ""}>
            <option value="">Any outcome</option>
            <option value="success">success</option>
            <option value="denied">denied</option>
            <option value="error">error</option>
          </Select>
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="audit-from" className={labelClass}>
            From (UTC)
          </label>
          <Input
            id="audit-from"
            name="from"
            type="date"
            value={time.from}
            onChange={(event) => setTime({ ...time, from: event.target.value, range: "" })}
            className="w-40"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-to" className={labelClass}>
            To (UTC, inclusive)
          </label>
          <Input
            id="audit-to"
            name="to"
            type="date"
            value={time.to}
            onChange={(event) => setTime({ ...time, to: event.target.value, range: "" })}
            className="w-40"
          />
        </div>
        {time.range ? <input type="hidden" name="range" value={time.range} /> : null}
        <div role="group" aria-label="Quick time ranges" className="flex items-center gap-1.5 pb-0.5">
          {(Object.keys(RANGES) as RangeKey[]).map((key) => (
            <button
              key={key}
              type="button"
              title={RANGES[key].title}
              aria-pressed={time.range === key}
              onClick={(event) => quickRange(event, key)}
              className={`${chip} ${time.range === key ? chipOn : chipOff}`}
            >
              {RANGES[key].label}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={!time.range && !time.from && !time.to}
            onClick={(event) => quickRange(event, "")}
            className={`${chip} ${!time.range && !time.from && !time.to ? chipOn : chipOff}`}
          >
            Any time
          </button>
        </div>
        <div className="ml-auto flex items-center gap-2">
          {query.resourceId ? (
            <span className="inline-flex items-center gap-1 rounded-md bg-zinc-100 py-1 pl-2 pr-1 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              <input type="hidden" name="resourceId" value={query.resourceId} />
              Resource ID <code className="font-mono">{query.resourceId.slice(0, 12)}</code>
              <Link
                href={auditHref({ ...query, resourceId: undefined, cursor: undefined })}
                aria-label="Remove the resource ID filter"
                className="rounded p-0.5 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-700"
              >
                <X aria-hidden className="size-3.5" />
              </Link>
            </span>
          ) : null}
          {filtered ? (
            <Link
              href="/audit"
              className="inline-flex items-center gap-1 rounded-md px-2 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:text-white"
            >
              <X aria-hidden className="size-4" />
              Clear filters
            </Link>
          ) : null}
          <Button type="submit" variant="secondary">
            <Search aria-hidden className="size-4" />
            Filter
          </Button>
        </div>
      </div>
    </form>
  );
}
