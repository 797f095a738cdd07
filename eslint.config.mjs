import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports run one way: app → features → components, lib; the CLI package
// depends on nothing of the server but packages/contracts. The zones below
// say it to eslint-plugin-import (bundled by eslint-config-next), which
// resolves `@/…` through the TypeScript resolver, so an alias import is
// caught like a relative one. docs/architecture.md explains the layers.

const root = fileURLToPath(new URL(".", import.meta.url));
const sourceFiles = ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"];
// Test code may drive the product from outside (route handlers, shared test
// support); it is never bundled into the console or the CLI.
const testFiles = ["**/*.test.{ts,tsx}", "tests/**", "**/test-support/**"];

// Every top-level folder that holds code, except app/ (handled per zone).
const outsideApp = [
  "./features",
  "./components",
  "./lib",
  "./packages",
  "./tests",
  "./e2e",
  "./bench",
  "./scripts",
  "./bin",
  "./prisma",
  "./*.{ts,mts,mjs,js}",
];
// The server's and the tooling's folders beside app/ (app/ has a zone of its own).
const serverSide = ["./features", "./components", "./lib", "./tests", "./e2e", "./bench", "./scripts", "./bin", "./prisma"];

// Modules one feature may take from another. A feature's hrefs (`*-hrefs.ts`,
// `hrefs.ts`) are its public surface: linking to another feature's page is
// expected. Anything else shared belongs in components/ or lib/; the entries
// below are shared today and should move there when next touched.
const sharedFeatureModules = [
  "keys/components/auto-refresh.tsx", // audit's verify panel polls like the re-wrap progress
  "secrets/components/label-chips.tsx", // services show labels like secrets
  "secrets/components/labels-editor.tsx", // services edit labels like secrets
  "tokens/components/token-status-badge.tsx", // service tokens and a member's tokens
  "tokens/components/token-columns.tsx", // a member's tokens, as an admin sees them
  "profile/actions.ts", // team's change-password form on the profile page
];

const featureNames = readdirSync(new URL("./features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function hrefModules(feature) {
  const files = readdirSync(new URL(`./features/${feature}`, import.meta.url), { recursive: true });
  return files.filter((file) => /(^|[/-])hrefs\.ts$/.test(file)).map((file) => `./${feature}/${file}`);
}

const publicFeatureModules = [...featureNames.flatMap(hrefModules), ...sharedFeatureModules.map((path) => `./${path}`)];

// Every folder of lib/ but the HTTP layer itself, the Auth.js edge and
// lib/vault, the Vault KV v2 protocol (/v1), which is HTTP on top of the domain too.
const domainDirs = readdirSync(join(root, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !["http", "auth", "generated", "vault"].includes(entry.name))
  .map((entry) => entry.name);

function zones({ tests }) {
  return [
    {
      target: outsideApp,
      from: "./app",
      // Tests drive route handlers in-process; they may import app/api and app/v1 (Vault API) route modules, nothing else of app/.
      except: tests ? ["./api", "./v1"] : [],
      message: "app/ holds routes only and nothing imports it: move shared code to features/ or lib/.",
    },
    {
      target: "./components",
      from: ["./features"],
      message: "components/ are primitives: pass a feature's action or data in as props instead.",
    },
    {
      target: "./lib",
      from: ["./features", "./components"],
      message: "lib/ is below the console: it must not import features/ or components/.",
    },
    ...featureNames.map((feature) => ({
      target: `./features/${feature}`,
      from: "./features",
      except: [`./${feature}`, ...publicFeatureModules],
      message: "one feature does not reach into another: move the shared piece to components/ or lib/ (or list it in eslint.config.mjs).",
    })),
    {
      target: ["./app", "./features", "./components", "./lib"],
      from: "./packages/cli",
      message: "the console and the server do not import the CLI: share the code through packages/contracts.",
    },
    {
      target: "./packages/cli",
      from: tests ? serverSide.filter((dir) => dir !== "./tests") : serverSide,
      message: "the CLI is its own package: it imports only packages/contracts and node builtins.",
    },
    // Its tests run the CLI against the real route handlers (allowed by the app/ zone) with the shared test support.
    ...(tests
      ? [{ target: "./packages/cli", from: "./tests", except: ["./support"], message: "CLI tests may use tests/support only." }]
      : []),
    {
      target: "./packages/cli",
      from: "./packages",
      except: ["./cli", "./contracts"],
      message: "the CLI imports only packages/contracts.",
    },
    {
      target: "./packages/contracts",
      from: serverSide,
      message: "packages/contracts is pure shared code: it imports nothing of the repository.",
    },
    {
      target: "./packages/contracts",
      from: "./packages",
      except: ["./contracts"],
      message: "packages/contracts is pure shared code: it imports no other package.",
    },
    {
      target: "./lib/errors.ts",
      from: "./lib",
      message: "lib/errors.ts is a leaf: every layer imports it, so it imports nothing of lib/.",
    },
    // lib/http sits on top of the domain (route wrappers, status mapping). Only
    // lib/auth, the Auth.js edge that reads request headers, reaches into it.
    ...(tests
      ? []
      : [
          {
            target: domainDirs.map((dir) => `./lib/${dir}`),
            from: "./lib/http",
            message: "lib/http is the HTTP layer above the domain: domain code throws lib/errors.ts and parses with lib/input.",
          },
          {
            // lib/openapi documents the /v1 bodies, so it reads their schemas.
            target: domainDirs.filter((dir) => dir !== "openapi").map((dir) => `./lib/${dir}`),
            from: "./lib/vault",
            message: "lib/vault is the Vault KV v2 protocol on top of the domain: the domain does not know it.",
          },
        ]),
  ];
}

const importDirection = (tests) => ["error", { basePath: root, zones: zones({ tests }) }];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "e2e/.artifacts/**",
      "packages/*/dist/**",
      "next-env.d.ts",
    ],
  },
  { files: sourceFiles, rules: { "import/no-restricted-paths": importDirection(false) } },
  // A later entry replaces the rule's options for the files it matches.
  { files: testFiles, rules: { "import/no-restricted-paths": importDirection(true) } },
  {
    // The installed CLI is one esbuild bundle with no dependencies, built without the repository's tsconfig.
    files: ["packages/cli/src/**", "packages/contracts/src/**"],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!node:|\\.)",
              message:
                "the CLI and packages/contracts import only Node builtins (`node:…`) and relative paths: no npm package, no `@/` alias.",
            },
          ],
        },
      ],
    },
  },
  {
    // `coffer kms-plugin` serves the Kubernetes KMS v2 API, which is gRPC: a
    // kube-apiserver speaks nothing else to a plugin. These two packages are
    // bundled into dist/coffer.mjs like the CLI's own code, so the installed
    // CLI still depends on nothing; no other CLI file may import them.
    files: ["packages/cli/src/kms/**"],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!node:|\\.|@grpc/grpc-js$|@grpc/proto-loader$)",
              message:
                "packages/cli/src/kms may import Node builtins, relative paths, @grpc/grpc-js and @grpc/proto-loader (bundled): nothing else.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
