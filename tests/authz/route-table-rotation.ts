// A secret's rotation policy (issue 18): set, show, run now, stop.
import { setRotationPolicy } from "@/lib/rotation/set-rotation-policy";
import { NS, secret, system } from "./fixtures";
import { ns, nsd, type RouteEntry } from "./route-table-entry";

const file = `${nsd}/secrets/[name]/rotation/route.ts`;
const path = `${ns}/secrets/{name}/rotation`;

async function withPolicy() {
  const name = await secret();
  await setRotationPolicy(system, NS, name, { every: "30d", generator: { length: 16, alphabet: "hex" } });
  return { params: { ns: NS, name } };
}

export const ROTATION_ROUTES: RouteEntry[] = [
  { method: "GET", path, auth: "personal", ok: 200, file, prepare: withPolicy },
  {
    method: "PUT",
    path,
    auth: "personal",
    ok: 200,
    file,
    prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { every: "30d", generator: { length: 16, alphabet: "hex" } } }),
  },
  { method: "DELETE", path, auth: "personal", ok: 204, file, prepare: withPolicy },
  {
    method: "POST",
    path: `${path}/run`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/rotation/run/route.ts`,
    prepare: withPolicy,
  },
];
