import assert from "node:assert/strict";
import { startBotHarness, type BotHarness } from "../../support/botHarness";
import { OpenIdStandIn } from "../../support/openIdStandIn";
import { TabTokenIssuer, type TabTokenClaims } from "../../support/tabTokenIssuer";
import { tableSnapshot } from "../../support/tableSnapshot";
import { makePerson } from "../../../simulator/teams/people";
import { channelMessage, makeChannel, TENANT_ID } from "../../../simulator/teams/teamsActivities";
import { loadConfig } from "../../../bot/config";
import { createTabSignIn } from "../../../bot/tab/tabSignIn";
import { firstAssessmentId } from "../../../bot/app/currentAssessment";

const APP_ID = "3f2d6c1e-5b7a-4c8d-9e0f-1a2b3c4d5e6f";
const OTHER_TENANT = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
const HOST = "tab.example.org";

/**
 * The tab's API with an app registration: every call needs a Teams SSO token for this app
 * (audience api://<host>/<app id>) from this tenant, signed by a published key, in date; then the
 * caller's role for the area is checked as the bot checks it. Tokens are signed locally.
 */
describe("tab sign-in (Teams SSO)", () => {
  let botTokens: OpenIdStandIn;
  let tabTokens: TabTokenIssuer;
  let harness: BotHarness;
  const coordinator = makePerson("Chris Coordinator");
  const lead = makePerson("Lee Lead");
  const member = makePerson("Morgan Member");
  const audience = `api://${HOST}/${APP_ID}`;

  before(async () => {
    botTokens = await OpenIdStandIn.start();
    tabTokens = await TabTokenIssuer.create();
    harness = await startBotHarness({
      coordinators: [coordinator.aadObjectId],
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: "never-sent",
        MicrosoftAppTenantId: TENANT_ID,
        PUBLIC_BASE_URL: `https://${HOST}`,
      },
      appOptions: { authOverride: botTokens.botAuthentication(APP_ID), tabTokenKeys: tabTokens.keys },
    });
    harness.connector.roster = [lead, member];
    const assign = channelMessage({
      serviceUrl: harness.connector.url,
      from: coordinator,
      channel: makeChannel("Housing working group"),
      text: "assign 7",
      mentions: [lead],
    });
    const token = await botTokens.signToken({ audience: APP_ID, serviceUrl: harness.connector.url });
    assert.equal((await harness.post(assign, { authorization: `Bearer ${token}` })).status, 200);
  });
  after(async () => {
    await harness.close();
    await botTokens.stop();
  });

  const claimsFor = (person: { aadObjectId: string; name: string }): TabTokenClaims => ({
    oid: person.aadObjectId,
    tid: TENANT_ID,
    name: person.name,
    audience,
  });
  const call = async (method: string, path: string, token: string | undefined, body?: object) => {
    const response = await fetch(`${harness.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const answerPath = "/tab/api/areas/7/answers/7a";
  const answerBody = { rating: "3", evidence: "Pathway plans reviewed monthly", ideas: "" };

  const refusals: Array<{ name: string; token: () => Promise<string | undefined> }> = [
    { name: "no token", token: () => Promise.resolve(undefined) },
    { name: "a garbage token", token: () => Promise.resolve("not.a.jwt") },
    { name: "an expired token", token: () => tabTokens.sign({ ...claimsFor(member), expiresIn: -600 }) },
    {
      name: "a token for another audience",
      token: () =>
        tabTokens.sign({
          ...claimsFor(member),
          audience: "api://elsewhere.example.org/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        }),
    },
    {
      name: "a token from another tenant (issuer and tid)",
      token: () => tabTokens.sign({ ...claimsFor(member), tid: OTHER_TENANT }),
    },
    {
      name: "a token with this tenant's issuer but another tid",
      token: () =>
        tabTokens.sign({
          ...claimsFor(member),
          tid: OTHER_TENANT,
          issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
        }),
    },
    {
      name: "a token signed by a key not in the JWKS",
      token: () => tabTokens.sign({ ...claimsFor(member), key: "unpublished" }),
    },
    { name: "an unsigned token (alg: none)", token: () => Promise.resolve(tabTokens.unsigned(claimsFor(member))) },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: 401 on read and write, and nothing changes`, async () => {
      const token = await refusal.token();
      const before = await tableSnapshot(harness.tablePrefix);
      assert.equal((await call("GET", "/tab/api/me", token)).status, 401);
      const save = await call("PUT", answerPath, token, answerBody);
      assert.equal(save.status, 401);
      assert.equal(typeof save.body["message"], "string");
      assert.deepEqual(await tableSnapshot(harness.tablePrefix), before);
    });
  }

  it("accepts the bare app id as audience too (some Entra tokens carry it)", async () => {
    assert.equal(
      (await call("GET", "/tab/api/me", await tabTokens.sign({ ...claimsFor(member), audience: APP_ID }))).status,
      200,
    );
  });

  it("a member with a genuine token sees their area and saves an answer; a lead's API answers them 403", async () => {
    const token = await tabTokens.sign(claimsFor(member));
    const me = await call("GET", "/tab/api/me", token);
    assert.equal(me.status, 200);
    assert.deepEqual(
      (me.body["areas"] as Array<Record<string, unknown>>).map(({ number, canAnswer, canModerate }) => ({
        number,
        canAnswer,
        canModerate,
      })),
      [{ number: 7, canAnswer: true, canModerate: false }],
    );
    assert.equal((await call("PUT", answerPath, token, answerBody)).status, 200);
    const stored = await harness.app.services.storage.responses.getAnswer(
      firstAssessmentId(TENANT_ID),
      7,
      "7a",
      member.aadObjectId,
    );
    assert.equal(stored?.rating, 3);
    assert.equal(
      stored.respondent.teamsUserId,
      member.id,
      "the Teams id comes from the roster (cards' refresh lists need it)",
    );
    const before = await tableSnapshot(harness.tablePrefix);
    assert.equal((await call("GET", "/tab/api/areas/7/moderation", token)).status, 403);
    assert.equal(
      (await call("PUT", "/tab/api/areas/7/decisions/7a", token, { agreedRating: "4", rationale: "" })).status,
      403,
    );
    assert.equal((await call("GET", "/tab/api/overview", token)).status, 403);
    assert.equal((await call("POST", "/tab/api/compile", token)).status, 403);
    assert.deepEqual(await tableSnapshot(harness.tablePrefix), before, "a refused call wrote to storage");
    assert.ok(!harness.logLines.some((line) => line.includes(token.slice(-40))), "the token reached the log");
  });

  it("the lead may moderate but not answer (not a member here: treated as in personal chat), the coordinator sees the overview", async () => {
    const leadToken = await tabTokens.sign(claimsFor(lead));
    // `assign` resolves the mentioned lead through the team's roster, so they are on it while assigned;
    // then they leave it, and the tab (a fresh area: the roster cache is per channel) reads them as not a member.
    harness.connector.roster = [member, lead];
    const assign = channelMessage({
      serviceUrl: harness.connector.url,
      from: coordinator,
      channel: makeChannel("Health working group"),
      text: "assign 5",
      mentions: [lead],
    });
    await harness.post(assign, {
      authorization: `Bearer ${await botTokens.signToken({ audience: APP_ID, serviceUrl: harness.connector.url })}`,
    });
    harness.connector.roster = [member];
    assert.equal((await call("GET", "/tab/api/areas/5/moderation", leadToken)).status, 200);
    assert.equal((await call("PUT", "/tab/api/areas/5/answers/5a", leadToken, answerBody)).status, 403);
    // The lead view records agreed text with the rating; the meeting view (no agreed text fields) keeps it.
    const decisionPath = "/tab/api/areas/5/decisions/5a";
    const agreed = {
      agreedRating: "2",
      rationale: "Met in March",
      agreedEvidence: "Health passports given to every care leaver",
      agreedIdeas: "An annual health check reminder",
    };
    assert.equal((await call("PUT", decisionPath, leadToken, agreed)).status, 200);
    assert.equal((await call("PUT", decisionPath, leadToken, { agreedRating: "3", rationale: "" })).status, 200);
    const tooLong = await call("PUT", decisionPath, leadToken, { ...agreed, agreedIdeas: "x".repeat(2_001) });
    assert.equal(tooLong.status, 422);
    assert.match(String(tooLong.body["message"]), /Agreed ideas for improvement is too long/);
    const decision = await harness.app.services.storage.moderation.getDecision(firstAssessmentId(TENANT_ID), "5a");
    assert.equal(decision?.agreedRating, 3);
    assert.equal(decision.agreedEvidence, agreed.agreedEvidence);
    assert.equal(decision.agreedIdeas, agreed.agreedIdeas);
    assert.equal((await call("GET", "/tab/api/overview", await tabTokens.sign(claimsFor(coordinator)))).status, 200);
  });
});

describe("tab sign-in (dev identity)", () => {
  it("is on only without an app id and on a loopback HOST", () => {
    assert.equal(loadConfig({ HOST: "127.0.0.1" }).tabSignIn.kind, "dev");
    assert.equal(loadConfig({ HOST: "0.0.0.0" }).tabSignIn.kind, "off");
    assert.equal(
      loadConfig({
        HOST: "127.0.0.1",
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: "x",
        MicrosoftAppTenantId: TENANT_ID,
      }).tabSignIn.kind,
      "sso",
    );
  });

  it("is refused from any address other than loopback, and without a GUID user id", async () => {
    const signIn = createTabSignIn({ kind: "dev" });
    const dev = { devUser: "7e0d5d0a-3c1b-4f7e-9a55-0c6f3b1d2e4f", devName: "Dana Dev" };
    assert.equal((await signIn({ ...dev, remoteAddress: "127.0.0.1" })).ok, true);
    assert.equal((await signIn({ ...dev, remoteAddress: "::ffff:127.0.0.1" })).ok, true);
    assert.equal((await signIn({ ...dev, remoteAddress: "10.1.2.3" })).ok, false);
    assert.equal((await signIn({ ...dev, devUser: "someone", remoteAddress: "127.0.0.1" })).ok, false);
    assert.equal(
      (await createTabSignIn({ kind: "off", reason: "test" })({ ...dev, remoteAddress: "127.0.0.1" })).ok,
      false,
    );
  });
});
