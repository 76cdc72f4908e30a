import assert from "node:assert/strict";
import { startBotHarness, type BotHarness } from "../support/botHarness";
import { makePerson } from "../../simulator/teams/people";
import { personalMessage } from "../../simulator/teams/teamsActivities";

describe("HTTP surface", () => {
  describe("without an app id (local use)", () => {
    let harness: BotHarness;
    before(async () => {
      harness = await startBotHarness({ coordinators: [] });
    });
    after(async () => harness.close());

    it("answers a message at the Bot Connector stand-in (the activity's serviceUrl)", async () => {
      const person = makePerson("Pat Member");
      const response = await harness.post(
        personalMessage({ serviceUrl: harness.connector.url, from: person, text: "help" }),
      );
      assert.equal(response.status, 200);
      const reply = harness.connector.recorded.find((entry) => entry.conversationId === `a:personal-${person.id}`);
      assert.ok(reply, "a reply reached the connector");
      assert.match(JSON.stringify(reply.activity), /What I can do for you here/);
    });

    it("reports storage up on /healthz", async () => {
      const response = await fetch(`${harness.url}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(((await response.json()) as { storage: string }).storage, "up");
    });
  });

  describe("with an app id configured", () => {
    let harness: BotHarness;
    before(async () => {
      harness = await startBotHarness({
        coordinators: [],
        env: {
          MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
          MicrosoftAppPassword: "not-used",
          MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000002",
        },
      });
    });
    after(async () => harness.close());

    it("refuses a request without a token (401) and sends nothing", async () => {
      const response = await harness.post(
        personalMessage({ serviceUrl: harness.connector.url, from: makePerson("Eve"), text: "help" }),
      );
      assert.equal(response.status, 401);
      assert.equal(harness.connector.recorded.length, 0);
    });

    it("refuses a request with a garbage bearer token (401)", async () => {
      const response = await harness.post(
        personalMessage({ serviceUrl: harness.connector.url, from: makePerson("Eve"), text: "help" }),
        { authorization: "Bearer not.a.jwt" },
      );
      assert.equal(response.status, 401);
      assert.equal(harness.connector.recorded.length, 0);
    });
  });
});
