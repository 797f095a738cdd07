// Console addresses for services.
import { namespacedHrefs } from "@/components/ui/namespaced-hrefs";

const services = namespacedHrefs("/services");

export const servicesHref = services.list;
export const serviceHref = services.item;

/**
 * A service reader's label is `namespace/name` (lib/services/resolve-service-token.ts);
 * its page, or null for a label of another shape.
 */
export function serviceHrefFromLabel(label: string): string | null {
  const [ns, name, ...rest] = label.split("/");
  return ns && name && rest.length === 0 ? serviceHref(ns, name) : null;
}
