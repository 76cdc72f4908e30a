import assert from "node:assert/strict";
import { aConversationReference } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

describe("ConversationRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("stores user and channel references apart, the latest winning", async () => {
    const user = aConversationReference();
    const { userId: _userId, ...withoutUser } = aConversationReference();
    const channel = { ...withoutUser, conversationId: "19:abc@thread.tacv2", channelId: "19:abc@thread.tacv2" };
    await test.storage.conversations.saveUser("aad-1", user);
    await test.storage.conversations.saveChannel("19:abc@thread.tacv2", channel);
    assert.deepEqual(await test.storage.conversations.getUser("aad-1"), user);
    assert.deepEqual(await test.storage.conversations.getChannel("19:abc@thread.tacv2"), channel);
    assert.equal(await test.storage.conversations.getUser("19:abc@thread.tacv2"), undefined);
    const moved = { ...user, serviceUrl: "https://smba.trafficmanager.net/emea/" };
    await test.storage.conversations.saveUser("aad-1", moved);
    assert.deepEqual(await test.storage.conversations.getUser("aad-1"), moved);
  });
});
