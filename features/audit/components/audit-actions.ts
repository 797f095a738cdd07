// The actions the action filter offers, grouped as the console's sections.
// A value ending in "." is a group (lib matches it as a prefix); the rest
// are exact. Lib matches one prefix per filter, so a section that spans
// several resources (Services, Team) offers one group per resource. The
// exact actions come from the registry, so a new action is offered as soon
// as lib records it.
import { actionsWithPrefix } from "@/lib/audit/actions";

export type ActionGroup = { label: string; prefixes: { value: string; label: string }[]; actions: string[] };

function group(label: string, prefixes: { value: string; label: string }[]): ActionGroup {
  return { label, prefixes, actions: prefixes.flatMap((prefix) => actionsWithPrefix(prefix.value)) };
}

export const ACTION_GROUPS: ActionGroup[] = [
  group("Sign-in", [{ value: "auth.", label: "All sign-in events" }]),
  group("Setup", [{ value: "setup.", label: "All setup events" }]),
  group("Secrets", [{ value: "secret.", label: "All secret events" }]),
  group("Services", [
    { value: "service.", label: "All service events" },
    { value: "binding.", label: "All binding events" },
    { value: "servicetoken.", label: "All service token events" },
  ]),
  group("Team", [
    { value: "member.", label: "All member events" },
    { value: "invite.", label: "All invite events" },
    { value: "role.", label: "All role events" },
    { value: "grant.", label: "All grant events" },
  ]),
  group("Tokens", [{ value: "token.", label: "All API token events" }]),
  group("Keys", [{ value: "key.", label: "All key events" }]),
  group("Namespaces", [{ value: "namespace.", label: "All namespace events" }]),
  group("Audit", [{ value: "audit.", label: "All audit events" }]),
];

/** Whether the select already offers `value` (a shared URL may carry any action). */
export function isKnownAction(value: string): boolean {
  return ACTION_GROUPS.some((group) => group.prefixes.some((p) => p.value === value) || group.actions.includes(value));
}
