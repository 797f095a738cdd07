import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf, pageQueryOf, parsePageQuery } from "./keyset-cursor";

describe("keyset cursors", () => {
  it("round-trips a sort key of text, numbers and times", () => {
    const time = new Date("2026-12-02T19:10:00.123Z");
    const cursor = encodeCursor("secret:updated:desc", [time, "db_pw"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, "secret:updated:desc", ["time", "text"])).toEqual([time, "db_pw"]);
    expect(decodeCursor(encodeCursor("version:desc", [7]), "version:desc", ["int"])).toEqual([7]);
  });

  it("refuses a cursor of another sort, shape or type as invalid", () => {
    const bad = [
      "",
      "not base64!",
      Buffer.from("{").toString("base64url"),
      Buffer.from("null").toString("base64url"),
      Buffer.from('{"s":"secret:name:asc","k":"a"}').toString("base64url"),
      encodeCursor("secret:name:desc", ["a"]),
      encodeCursor("secret:name:asc", [1]),
      encodeCursor("secret:name:asc", ["a\ud800"]),
      encodeCursor("secret:name:asc", ["x".repeat(1001)]),
    ];
    for (const cursor of bad) expect(() => decodeCursor(cursor, "secret:name:asc", ["text"]), cursor).toThrow("cursor is invalid");
    expect(() => decodeCursor(encodeCursor("v", ["2026-13-45T00:00:00.000Z"]), "v", ["time"])).toThrow("cursor is invalid");
    expect(() => decodeCursor(encodeCursor("v", [1.5]), "v", ["int"])).toThrow("cursor is invalid");
    expect(() => decodeCursor(encodeCursor("v", [2 ** 40]), "v", ["int"])).toThrow("cursor is invalid");
  });

  it("reads limit and cursor from a query string, 100 by default, 1 to 1,000", () => {
    expect(parsePageQuery(pageQueryOf(new URLSearchParams("")))).toEqual({ limit: 100 });
    expect(parsePageQuery(pageQueryOf(new URLSearchParams("limit=1000&cursor=abc")))).toEqual({ limit: 1000, cursor: "abc" });
    expect(parsePageQuery(pageQueryOf(new URLSearchParams("limit=&cursor=")))).toEqual({ limit: 100 });
    for (const limit of ["0", "1001", "x", "1e3", "-5"]) {
      expect(() => parsePageQuery({ limit }), limit).toThrow("limit must be a whole number from 1 to 1000");
    }
  });

  it("tells a full page from the last by the extra row", () => {
    expect(pageOf([1, 2, 3], 2)).toEqual({ rows: [1, 2], more: true });
    expect(pageOf([1, 2], 2)).toEqual({ rows: [1, 2], more: false });
  });
});
