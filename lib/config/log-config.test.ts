// Regression (issue 17): one JSON line per request at `info` buried the
// start's own lines; request lines are now `debug` unless asked for.
import { describe, expect, it } from "vitest";
import { logConfig, requestLogLevel } from "./log-config";

describe("logConfig", () => {
  it("logs requests at debug unless COFFER_LOG_REQUESTS=true", () => {
    expect(logConfig({}).requestLevel).toBe("debug");
    expect(logConfig({ COFFER_LOG_REQUESTS: "false" }).requestLevel).toBe("debug");
    expect(logConfig({ COFFER_LOG_REQUESTS: "true" }).requestLevel).toBe("info");
  });

  it("keeps tests silent and falls back to info on a bad level", () => {
    expect(logConfig({ NODE_ENV: "test" }).level).toBe("silent");
    expect(logConfig({ COFFER_LOG_LEVEL: "loud" }).level).toBe("info");
    expect(logConfig({ COFFER_LOG_LEVEL: "debug" }).level).toBe("debug");
  });
});

describe("requestLogLevel", () => {
  it("shows server failures whatever the request level", () => {
    expect(requestLogLevel(500, "debug")).toBe("warn");
    expect(requestLogLevel(503, "info")).toBe("warn");
    expect(requestLogLevel(404, "debug")).toBe("debug");
    expect(requestLogLevel(200, "info")).toBe("info");
  });
});
