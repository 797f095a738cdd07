import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { issuePasswordReset } from "@/lib/team/passwords";

/** A one-time reset token for the member, shown once; the console turns it into a link. */
export const POST = apiRoute<{ id: string }>(async (_request, { actor, params }) =>
  noStoreJson(await issuePasswordReset(actor, params.id), 201),
);
