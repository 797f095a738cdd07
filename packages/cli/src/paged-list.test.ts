import { describe, expect, it } from "vitest";
import type { ApiClient, Query, RequestOptions } from "./api-client";
import { UsageError } from "./errors";
import { fetchAllPages, parseLimit } from "./paged-list";

/** A server of `total` items answering pages of at most `limit`, recording each query. */
function pagedServer(total: number, paging = true) {
  const items = Array.from({ length: total }, (_, i) => ({ name: `s${String(i).padStart(4, "0")}` }));
  const queries: Query[] = [];
  const client: ApiClient = {
    server: "http://test",
    async request<T>(_method: string, _path: string, options: RequestOptions = {}) {
      const query = options.query ?? [];
      queries.push(query);
      if (!paging) return { secrets: items } as T;
      const get = (name: string) => query.find(([key]) => key === name)?.[1];
      const limit = Number(get("limit") ?? 100);
      const start = get("cursor") ? Number(get("cursor")) : 0;
      const page = items.slice(start, start + limit);
      return { secrets: page, nextCursor: start + limit < total ? String(start + limit) : null } as T;
    },
    stream: () => Promise.reject(new Error("unused")),
  };
  return { client, queries };
}

describe("fetchAllPages", () => {
  it("follows nextCursor to the end, keeping the filters on every request", async () => {
    const { client, queries } = pagedServer(2500);
    const items = await fetchAllPages<{ name: string }, "secrets">(client, "/x", "secrets", { query: [["filter", "label=env"]] });
    expect(items).toHaveLength(2500);
    expect(new Set(items.map((i) => i.name)).size).toBe(2500);
    expect(queries).toHaveLength(3);
    expect(queries.every((q) => q[0]![0] === "filter")).toBe(true);
    expect(queries[2]).toContainEqual(["cursor", "2000"]);
  });

  it("stops at --limit, asking only for what is still missing", async () => {
    const { client, queries } = pagedServer(2500);
    const items = await fetchAllPages<{ name: string }, "secrets">(client, "/x", "secrets", { limit: 1200 });
    expect(items).toHaveLength(1200);
    expect(queries.map((q) => q.find(([k]) => k === "limit")![1])).toEqual(["1000", "200"]);
  });

  it("takes an answer without nextCursor (a server that does not page) as the whole list", async () => {
    const { client, queries } = pagedServer(30, false);
    expect(await fetchAllPages(client, "/x", "secrets")).toHaveLength(30);
    expect(queries).toHaveLength(1);
  });
});

describe("parseLimit", () => {
  it("takes a positive whole number and refuses anything else", () => {
    expect(parseLimit(undefined, "secret ls")).toBeUndefined();
    expect(parseLimit("5", "secret ls")).toBe(5);
    for (const bad of ["0", "-1", "x", "1.5", ""]) expect(() => parseLimit(bad, "secret ls")).toThrow(UsageError);
  });
});
