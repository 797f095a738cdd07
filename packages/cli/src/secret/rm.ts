// `coffer secret rm`: docker's behaviour (see ../remove-each.ts).
import { removeCommand } from "../remove-each";
import { secretPath } from "./types";

export const rmCommand = removeCommand(
  { path: "secret rm", aliases: ["remove"], usage: "SECRET [SECRET...]", summary: "Remove one or more secrets" },
  (namespace, name) => secretPath(namespace, name),
);
