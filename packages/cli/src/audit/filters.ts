// The audit filters as flags, passed through as query parameters of the
// same names (the server validates them and names a bad one).
import type { OptionSpec, ParsedArgs } from "../args";
import type { Query } from "../api-client";

const FILTERS = [
  ["actor", "Who acted: email, service (ns/name) or id"],
  ["action", 'An action ("secret.read") or a group ("secret.")'],
  ["resource", 'A resource type ("secret") or type:name ("secret:db_pw")'],
  ["namespace", "A namespace"],
  ["outcome", "success, denied or error"],
  ["since", "From this time (ISO 8601)"],
  ["until", "Before this time (ISO 8601)"],
] as const;

export const filterOptions: OptionSpec[] = FILTERS.map(([name, help]) => ({ name, type: "string", value: "string", help }));

const QUERY_NAME: Record<string, string> = { since: "from", until: "to" };

export function filterQuery(values: ParsedArgs["values"]): Query {
  return FILTERS.flatMap(([name]) => {
    const value = values[name];
    return typeof value === "string" && value ? [[QUERY_NAME[name] ?? name, value] as [string, string]] : [];
  });
}
