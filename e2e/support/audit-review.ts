// Helpers of ux-audit.spec.ts that hold no state of the story: the CSV
// export's columns and a parser for them, the API's event shape, and the
// personal tokens the owner makes on /settings/tokens.
import { expect, type Page } from "@playwright/test";

export const CSV_HEADER = [
  "seq",
  "time",
  "actor_type",
  "actor_id",
  "actor_label",
  "action",
  "resource_type",
  "resource_id",
  "resource_name",
  "namespace",
  "outcome",
  "ip",
  "user_agent",
  "request_id",
  "details",
  "prev_hash",
  "hash",
  "leaf_index",
  "leaf_hash",
];

// hash/prevHash: the old chain, null on every event written since the transparency log.
export type ApiEvent = { seq: string; action: string; hash: string | null; prevHash: string | null; resource: { name: string | null } };

/** A personal token of whoever is signed in on `page`, limited to `scopes` when any are given. */
export async function createApiToken(page: Page, name: string, scopes: string[] = []): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(name);
  if (scopes.length) {
    await page.getByText("Limit to some permissions").click();
    for (const scope of scopes) await page.getByRole("checkbox", { name: scope, exact: true }).check();
  }
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^cfp_/);
  return (await shown.textContent()) ?? "";
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\r" && c !== "\n")) {
      field += c;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
