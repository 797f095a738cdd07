import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { runRotationNow } from "@/lib/rotation/run-rotation";

type Params = { ns: string; name: string };

/** Rotates now; 200 either way, `rotated` says whether a version was written (the failure is recorded too). */
export const POST = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson(await runRotationNow(actor, params.ns, params.name)),
);
