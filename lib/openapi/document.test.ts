import { describe, expect, it } from "vitest";
import { apiPathOf as pathOf, API_ROOT, routeFiles } from "@/tests/support/route-files";
import { openApiDocument } from "./document";



describe("the OpenAPI document", () => {
  const document = openApiDocument("http://coffer.test");

  it("describes every API route file, and every method each exports", async () => {
    const files = routeFiles(API_ROOT).filter((file) => !file.includes("[...nextauth]"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const path = pathOf(file);
      expect(document.paths, `${path} is missing from the OpenAPI document`).toHaveProperty([path]);
      const source = await import(file);
      const methods = ["GET", "POST", "PATCH", "PUT", "DELETE"].filter((method) => method in source);
      expect(Object.keys(document.paths[path]!).map((m) => m.toUpperCase()).sort()).toEqual(methods.sort());
    }
  });

  it("points every $ref at a defined schema", () => {
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs)) expect(document.components.schemas).toHaveProperty([ref.split("/").pop()!]);
  });
});
