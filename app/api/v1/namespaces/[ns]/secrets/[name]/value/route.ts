import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { revealSecret } from "@/lib/secrets/reveal-secret";

type Params = { ns: string; name: string };

/** Values, base64, for API tokens whose user holds secret:reveal. Audited. */
export const GET = apiRoute<Params>(async (request, { actor, params }) => {
  const version = new URL(request.url).searchParams.get("version") ?? undefined;
  return noStoreJson(await revealSecret(actor, params.ns, params.name, { version }));
});
