import assert from "node:assert/strict";
import { aConversationReference } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

describe("ConversationRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("stores each user's reference, the latest winning", async () => {
    const user = aConversationReference();
    await test.storage.conversations.saveUser("aad-1", user);
    assert.deepEqual(await test.storage.conversations.getUser("aad-1"), user);
    assert.equal(await test.storage.conversations.getUser("aad-2"), undefined);
    const moved = { ...user, serviceUrl: "https://smba.trafficmanager.net/emea/" };
    await test.storage.conversations.saveUser("aad-1", moved);
    assert.deepEqual(await test.storage.conversations.getUser("aad-1"), moved);
  });
});
