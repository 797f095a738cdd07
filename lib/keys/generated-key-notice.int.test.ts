// Regression (issue 17): the generated-master-key banner showed the key
// file's absolute path to every member, viewers included.
import { afterEach, describe, expect, it } from "vitest";
import { createUser } from "../../tests/support/factories";
import { generatedKeyNotice } from "./generated-key-notice";
import { processKeyring, setProcessKeyring } from "./process-keyring";

const configured = processKeyring();
afterEach(() => setProcessKeyring(configured));

function useGeneratedKey() {
  setProcessKeyring({ ...configured, source: "generated", generatedPath: "/srv/coffer/.coffer/master.key" });
}

describe("generatedKeyNotice", () => {
  it("says nothing while the key is configured", async () => {
    const { actor } = await createUser("first-owner@example.test", [{ role: "owner" }]);
    expect(await generatedKeyNotice(actor)).toBeNull();
  });

  it("shows the key's path to a global owner only", async () => {
    useGeneratedKey();
    const owner = await createUser("owner@example.test", [{ role: "owner" }]);
    const viewer = await createUser("viewer@example.test", [{ role: "viewer" }]);
    const namespaceOwner = await createUser("ns-owner@example.test", [{ role: "owner", namespace: "prod" }]);
    expect(await generatedKeyNotice(owner.actor)).toEqual({ path: "/srv/coffer/.coffer/master.key" });
    expect(await generatedKeyNotice(viewer.actor)).toEqual({ path: null });
    expect(await generatedKeyNotice(namespaceOwner.actor)).toEqual({ path: null });
  });
});
