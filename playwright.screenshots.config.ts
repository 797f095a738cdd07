// `npm run screenshots`: the README's pictures (e2e/screenshots), on the same
// fresh instance the e2e suite starts, outside `npm test`.
import { defineConfig } from "@playwright/test";
import { randomBytes } from "node:crypto";
import base from "./playwright.config";

// A configured master key, as in production: no "generated key" banner in the pictures.
process.env.COFFER_MASTER_KEY ??= randomBytes(32).toString("base64");

export default defineConfig({ ...base, testDir: "e2e/screenshots", testMatch: "*.shots.ts" });
