// `coffer service rm`: docker's behaviour (see ../remove-each.ts). The
// service's bindings and tokens go with it (its agents get 401 and stop);
// the secrets stay.
import { removeCommand } from "../remove-each";
import { servicePath } from "./types";

export const rmCommand = removeCommand(
  { path: "service rm", aliases: ["remove"], usage: "SERVICE [SERVICE...]", summary: "Remove one or more services" },
  (namespace, name) => servicePath(namespace, name),
);
