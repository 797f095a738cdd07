import { afterAll, describe, expect, it } from "vitest";
import { closeConnection, connect, setConnection } from "@/lib/db/client";
import { GET } from "./route";

describe("GET /api/health with the database down", () => {
  afterAll(() => closeConnection());

  it("answers 503", async () => {
    // Port 1 on loopback: nothing listens, so every connection is refused.
    setConnection(connect({ databaseUrl: "postgres://postgres@127.0.0.1:1/coffer", dataDir: "" }));
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", db: "unreachable" });
  });
});
