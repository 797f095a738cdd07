// The README's screenshots, taken from a fresh instance with a small, real
// story in it (`npm run screenshots`): the owner sets up, a payments team's
// secrets, a checkout service bound to some of them, an agent's reads, a
// rotation policy. Not part of `npm test`: its output is docs/screenshots.
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { anonymousContext, ownerApi, type Api } from "../support/console-actions";
import { signInAsOwner } from "../support/owner";

const OUT = join(process.cwd(), "docs", "screenshots");
const NS = "payments";

async function seed(owner: Api): Promise<void> {
  await owner.post("/namespaces", { name: NS });
  const secrets = [
    { name: "stripe_api_key", labels: { team: "payments", env: "prod" }, stringData: { value: "sk_live_screenshot_only" } },
    { name: "postgres_url", labels: { team: "payments", env: "prod", tier: "db" }, stringData: { value: "postgres://app@db/payments" } },
    { name: "webhook_signing_secret", labels: { team: "payments" }, stringData: { value: "whsec_screenshot_only" } },
    { name: "smtp_password", labels: { team: "platform" }, stringData: { value: "smtp-screenshot-only" } },
    { name: "sentry_dsn", labels: { team: "platform", env: "prod" }, stringData: { value: "https://key@sentry.example/1" } },
  ];
  for (const secret of secrets) await owner.post(`/namespaces/${NS}/secrets`, secret);
  // A second version, so the secret page has a history.
  await owner.post(`/namespaces/${NS}/secrets/stripe_api_key/versions`, { stringData: { value: "sk_live_screenshot_two" } });
  await owner.send(
    "PUT",
    `/namespaces/${NS}/secrets/webhook_signing_secret/rotation`,
    { every: "30d", generator: { length: 32, alphabet: "base64" } },
    200,
  );

  await owner.post(`/namespaces/${NS}/services`, { name: "checkout", description: "The checkout API", labels: { team: "payments" } });
  for (const [secret, envName] of [
    ["stripe_api_key", "STRIPE_API_KEY"],
    ["postgres_url", "DATABASE_URL"],
    ["webhook_signing_secret", "WEBHOOK_SECRET"],
  ]) {
    await owner.post(`/namespaces/${NS}/services/checkout/bindings`, { secret, envName });
  }
  const { token } = await owner.post(`/namespaces/${NS}/services/checkout/tokens`, { name: "checkout-agent" });
  // An agent's reads, so the service page and the audit charts have something to show.
  const http = await anonymousContext();
  for (let i = 0; i < 6; i++) {
    const response = await http.get("/api/v1/runtime/secrets", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
  }
}

async function shoot(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  await ready();
  // Relative times and charts settle after hydration.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

test("README screenshots", async ({ browser }) => {
  test.setTimeout(180_000);
  await seed(await ownerApi(await anonymousContext()));
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    if (scheme === "light") {
      await page.goto("/login");
      await shoot(page, "login", () => expect(page.getByRole("button", { name: "Sign in" })).toBeVisible());
    }
    await signInAsOwner(page);
    if (scheme === "light") await shoot(page, "home", () => expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible());
    const suffix = scheme === "dark" ? "-dark" : "";
    await page.goto(`/secrets?ns=${NS}`);
    await shoot(page, `secrets${suffix}`, () => expect(page.getByRole("link", { name: "stripe_api_key" })).toBeVisible());
    if (scheme === "light") {
      await page.goto(`/secrets/stripe_api_key?ns=${NS}`);
      await shoot(page, "secret", () => expect(page.getByRole("heading", { name: "stripe_api_key" })).toBeVisible());
      await page.goto(`/services/checkout?ns=${NS}`);
      await shoot(page, "service", () => expect(page.getByRole("heading", { name: "checkout" })).toBeVisible());
      await page.goto(`/integrations?ns=${NS}`);
      await shoot(page, "integrations", () => expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible());
      await page.goto("/audit");
      // The charts and the first events, below the tamper check.
      await shoot(page, "audit", async () => {
        const charts = page.getByRole("region", { name: "Charts" });
        await expect(charts.getByTestId("chart-most-read")).toBeVisible();
        await charts.evaluate((element) => element.scrollIntoView({ block: "start" }));
        await page.mouse.wheel(0, -24);
      });
    }
    await context.close();
  }
});
