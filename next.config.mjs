// Headers every response carries. The Content-Security-Policy is set per
// request in proxy.ts because it carries a fresh nonce.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // same-origin, not no-referrer: with no-referrer browsers send
  // `Origin: null` on form posts, and Next refuses such server actions.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Uploaded secret files travel in server-action bodies; the domain
  // enforces COFFER_MAX_SECRET_BYTES (1 MiB by default) itself. server.ts
  // refuses bodies over the same limit with 413 before Next.js reads them
  // (ACTION_BODY_LIMIT in lib/http/screen-action-body.ts): keep them equal.
  // authInterrupts: pages refuse a member with forbidden(), answered with HTTP 403.
  experimental: { serverActions: { bodySizeLimit: "8mb" }, authInterrupts: true },
  // Native, WASM and worker-based packages stay out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "pg",
    "@node-rs/argon2",
    "pino",
    // gRPC for KMS v2 keys: Node-only, and protobufjs finds optional modules
    // with a require the bundler cannot see (@protobufjs/inquire).
    "@grpc/grpc-js",
    "@grpc/proto-loader",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
