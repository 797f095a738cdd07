// For the console's authorization spec: the owner's API client, members
// made through invites, the build's server-action manifest, and a way to
// POST to a server action the way the browser's router does (Next-Action
// header, React's multipart reply encoding), without a page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { E2E_PORT, setupTokenFromLog } from "./instance";
import { OWNER } from "./owner";

export const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

// API answers are checked field by field in the spec.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A bearer-token client for /api/v1 that fails loudly on an unexpected status. */
export class Api {
  constructor(
    private readonly http: APIRequestContext,
    private readonly token: string,
  ) {}

  async send(method: string, path: string, body?: unknown, expected?: number): Promise<{ status: number; body: Json }> {
    const response = await this.http.fetch(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (expected !== undefined) expect(response.status(), `${method} ${path}: ${text.slice(0, 300)}`).toBe(expected);
    return { status: response.status(), body: text ? JSON.parse(text) : null };
  }

  get = async (path: string) => (await this.send("GET", path, undefined, 200)).body;
  post = async (path: string, body: unknown, expected = 201) => (await this.send("POST", path, body, expected)).body;
  delete = async (path: string, expected = 204) => (await this.send("DELETE", path, undefined, expected)).body;
}

export async function anonymousContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: ORIGIN });
}

/** A personal token for email+password; sign-in throttling (first-run's lockout story) is waited out. */
export async function tokenFor(http: APIRequestContext, email: string, password: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await http.post("/api/v1/auth/token", { data: { email, password, name: "authz-console" } });
    if (response.status() === 201) return (await response.json()).token;
    if (response.status() !== 429) throw new Error(`token for ${email}: ${response.status()} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  throw new Error(`token for ${email}: still throttled`);
}

/**
 * The owner's API client. On an instance nobody has set up (this spec run
 * alone), sets it up as first-run.spec.ts would, with the logged token.
 */
export async function ownerApi(http: APIRequestContext): Promise<Api> {
  const probe = await http.post("/api/v1/auth/token", { data: { email: OWNER.email, password: OWNER.password } });
  if (probe.status() === 401) {
    const setup = await http.post("/api/v1/setup", {
      data: { token: setupTokenFromLog(), name: OWNER.name, email: OWNER.email, password: OWNER.password },
    });
    // 404: set up already (by another owner than ours): tokenFor then says why it cannot go on.
    expect([201, 404], `setup: ${await setup.text()}`).toContain(setup.status());
  }
  return new Api(http, await tokenFor(http, OWNER.email, OWNER.password));
}

/** A member who joined by invite with one grant; returns their id. */
export async function inviteMember(
  owner: Api,
  http: APIRequestContext,
  member: { email: string; name: string; password: string; role: string; namespace: string | null },
) {
  const invite = await owner.post("/invites", { email: member.email, role: member.role, namespace: member.namespace });
  const accepted = await http.post("/api/v1/invites/accept", {
    data: { token: invite.token, name: member.name, password: member.password },
  });
  expect(accepted.status(), await accepted.text()).toBe(201);
  return (await accepted.json()).id as string;
}

export type ManifestAction = { id: string; file: string; exportedName: string; page: string };

/** Every server action the build compiled, with its source file, export name and a page that loads it. */
export function manifestActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8"));
  return Object.entries(
    manifest.node as Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>,
  ).map(([id, entry]) => ({
    id,
    file: entry.filename ?? "(no filename in the manifest)",
    exportedName: entry.exportedName ?? "(no export name in the manifest)",
    page: pageOf(Object.keys(entry.workers)[0] ?? "app/page"),
  }));
}

/** "app/(console)/secrets/[ns]/page" → "/secrets/x": a URL served by that worker. */
function pageOf(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/(^|\/)page$/, "")
    .split("/");
  const path = segments.filter((s) => s && !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "x" : s));
  return `/${path.join("/")}`;
}

/**
 * Calls the action as React's client does: argument 0 is the JSON of the
 * argument list, a FormData argument travels as fields `_1_<name>` referred
 * to as "$K1" (ReactFlightReplyClient). No redirects are followed, so a redirect stays visible.
 */
export async function invokeAction(
  http: APIRequestContext,
  action: ManifestAction,
  input: { form?: Record<string, string | string[]>; args?: unknown[] },
): Promise<APIResponse> {
  const body = new FormData();
  if (input.form) {
    for (const [key, value] of Object.entries(input.form)) for (const one of [value].flat()) body.append(`_1_${key}`, one);
  }
  // Last, as React sends it: the server resolves "$K1" from the fields already received.
  body.append("0", JSON.stringify(input.form ? [{}, "$K1"] : (input.args ?? [])));
  return http.post(action.page, {
    headers: { "Next-Action": action.id, Origin: ORIGIN, Accept: "text/x-component" },
    multipart: body,
    maxRedirects: 0,
  });
}

/** Where an action's answer sends the browser, if anywhere. */
export function redirectOf(response: APIResponse): string | null {
  const headers = response.headers();
  return headers["x-action-redirect"] ?? headers["location"] ?? null;
}

/** Fills `{name}` placeholders from what the spec arranged. */
export function fill<T>(value: T, values: Record<string, string>): T {
  if (value === undefined) return value;
  const replace = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  return JSON.parse(JSON.stringify(value), (_key, v) => (typeof v === "string" ? replace(v) : v));
}
