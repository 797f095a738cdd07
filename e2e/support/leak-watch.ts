// The console's leak check: collect every HTML, RSC and JSON response a
// page receives, then assert that none of them, nor the rendered page or
// its URL, holds any of the given values.
import { expect, type Page } from "@playwright/test";

export function watchForLeaks(page: Page) {
  const bodies: Promise<{ url: string; body: string }>[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/html|x-component|json|text\//.test(type)) return;
    bodies.push(
      response
        .text()
        .then((body) => ({ url: response.url(), body }))
        .catch(() => ({ url: response.url(), body: "" })), // redirects have no body
    );
  });
  return {
    /** Every response collected so far, so a spec can prove the watch saw real answers. */
    seen: () => Promise.all(bodies),
    async expectNone(needles: string[]) {
      const html = await page.content();
      for (const needle of needles) {
        expect(html, "page HTML").not.toContain(needle);
        expect(page.url(), "page URL").not.toContain(needle);
      }
      for (const { url, body } of await Promise.all(bodies)) {
        for (const needle of needles) expect(body, `response of ${url}`).not.toContain(needle);
      }
    },
  };
}
