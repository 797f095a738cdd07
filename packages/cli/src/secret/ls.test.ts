import { describe, expect, it } from "vitest";
import { requestUrl } from "../api-client";
import { UsageError } from "../errors";
import { filterQuery, listTemplate } from "./ls";
import { secretRow } from "./secret-fields";
import type { SecretSummary } from "./types";

const now = new Date("2024-05-01T12:00:00Z");
const secret: SecretSummary = {
  id: "x57ulnzz04ubh0gy0mlzr28aw",
  name: "mysql_password",
  namespace: "default",
  type: "Opaque",
  labels: { team: "db", env: "prod" },
  immutable: false,
  version: 2,
  createdAt: "2024-05-01T11:58:50Z",
  updatedAt: "2024-05-01T10:00:00Z",
  keys: [{ name: "value", size: 45 }],
  sizeBytes: 45,
  lastReadAt: null,
  stale: false,
};

describe("filterQuery", () => {
  it("sends each --filter as its own filter= parameter", () => {
    const query = filterQuery(["name=x", "label=env=prod", "label=team"]);
    const url = new URL(requestUrl("http://h", "/api/v1/namespaces/default/secrets", query));
    expect(url.searchParams.getAll("filter")).toEqual(["name=x", "label=env=prod", "label=team"]);
    expect(url.search).toBe("?filter=name%3Dx&filter=label%3Denv%3Dprod&filter=label%3Dteam");
  });

  it("refuses filters the API does not know, so a typo cannot list everything", () => {
    expect(() => filterQuery(["nmae=x"])).toThrow(UsageError);
    expect(() => filterQuery(["nmae=x"])).toThrow("invalid filter 'nmae' (use name=… or label=…)");
    expect(() => filterQuery(["name"])).toThrow('invalid argument "name" for "--filter": expected KEY=VALUE');
  });
});

describe("listTemplate", () => {
  const row = secretRow(secret, now);

  it("defaults to docker's table with Coffer's TYPE and VERSION", () => {
    expect(listTemplate(undefined, false).render([row])).toBe(
      "ID                          NAME             TYPE      VERSION   CREATED              UPDATED\n" +
        "x57ulnzz04ubh0gy0mlzr28aw   mysql_password   Opaque    2         About a minute ago   2 hours ago\n",
    );
  });

  it("prints one JSON object per line for --format json", () => {
    const line = listTemplate("json", false).render([row]);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toEqual({
      ID: secret.id,
      Name: "mysql_password",
      Namespace: "default",
      Type: "Opaque",
      Version: 2,
      Labels: "env=prod,team=db",
      Keys: "value",
      Immutable: false,
      CreatedAt: "2024-05-01T11:58:50Z",
      UpdatedAt: "2024-05-01T10:00:00Z",
      CreatedSince: "About a minute ago",
      UpdatedSince: "2 hours ago",
    });
  });

  it("substitutes a custom template and prints IDs only with -q", () => {
    expect(listTemplate("{{.Name}}\\t{{.Labels}}", false).render([row])).toBe("mysql_password\tenv=prod,team=db\n");
    expect(listTemplate("{{.Name}}", true).render([row])).toBe("x57ulnzz04ubh0gy0mlzr28aw\n");
  });
});
