// Console addresses for secrets.
import { namespacedHrefs } from "@/components/ui/namespaced-hrefs";

const secrets = namespacedHrefs("/secrets");

export const secretsHref = secrets.list;
export const secretHref = secrets.item;

export function deletedHref(ns: string): string {
  return secrets.page("deleted", ns);
}
