// `coffer service inspect`: a JSON array of docker-shaped services, or with
// --pretty docker's readable block.
import { inspectCommand as inspectEach } from "../inspect-each";
import { dockerInspect, prettyInspect } from "./inspect-view";
import { servicePath, type ServiceDetail } from "./types";

export const inspectCommand = inspectEach<ServiceDetail>(
  { path: "service inspect", usage: "[OPTIONS] SERVICE [SERVICE...]", summary: "Display detailed information on one or more services" },
  { pathOf: servicePath, json: dockerInspect, pretty: prettyInspect },
);
