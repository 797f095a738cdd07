import { Search, X } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { secretsHref } from "./secret-hrefs";

type Props = { ns: string; name: string; label: string; stale: boolean; staleDays: number; sort?: string; dir?: string };

/** `docker secret ls --filter name=… --filter label=…` and Coffer's stale=true, kept in the URL. */
export function SecretFilters({ ns, name, label, stale, staleDays, sort, dir }: Props) {
  return (
    <Form action="/secrets" role="search" aria-label="Filter secrets" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="ns" value={ns} />
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {dir ? <input type="hidden" name="dir" value={dir} /> : null}
      <div className="w-full space-y-1 sm:w-56">
        <label htmlFor="filter-name" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Name starts with
        </label>
        <Input id="filter-name" name="name" defaultValue={name} placeholder="db_" autoComplete="off" />
      </div>
      <div className="w-full space-y-1 sm:w-56">
        <label htmlFor="filter-label" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Label
        </label>
        <Input id="filter-label" name="label" defaultValue={label} placeholder="env or env=prod" autoComplete="off" />
      </div>
      <label
        className="flex h-9 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300"
        title={`Secrets nobody read in the last ${staleDays} days`}
      >
        <input
          // Remounted when the URL changes it (Clear filters), as defaultChecked only applies once.
          key={String(stale)}
          type="checkbox"
          name="stale"
          value="true"
          defaultChecked={stale}
          className="size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-600"
        />
        Stale only
      </label>
      <Button type="submit" variant="secondary">
        <Search aria-hidden className="size-4" />
        Filter
      </Button>
      {name || label || stale ? (
        <Link
          href={secretsHref(ns, { sort, dir })}
          className="inline-flex items-center gap-1 rounded-md px-2 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:text-white"
        >
          <X aria-hidden className="size-4" />
          Clear filters
        </Link>
      ) : null}
    </Form>
  );
}
