// `coffer secret inspect`: docker's JSON array (its `inspect` object per
// secret) or, with --pretty, docker's readable block plus Coffer's fields.
import { inspectCommand as inspectEach } from "../inspect-each";
import { prettyInspect } from "./pretty-inspect";
import { secretPath, type SecretDetail } from "./types";

export const inspectCommand = inspectEach<SecretDetail>(
  { path: "secret inspect", usage: "[OPTIONS] SECRET [SECRET...]", summary: "Display detailed information on one or more secrets" },
  { pathOf: secretPath, json: (secret) => secret.inspect, pretty: prettyInspect },
);
