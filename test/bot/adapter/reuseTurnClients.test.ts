import assert from "node:assert/strict";
import { ConfigurationBotFrameworkAuthentication, type Activity } from "botbuilder";
import sinon from "sinon";
import { reuseTurnClients } from "../../../bot/adapter/reuseTurnClients";

const TEAMS_UK = "https://smba.trafficmanager.net/uk/";
const TEAMS_EMEA = "https://smba.trafficmanager.net/emea/";

/** What authenticateRequest reads of an incoming activity; no app id is configured, so no token is needed. */
function incoming(serviceUrl: string): Activity {
  return { type: "invoke", channelId: "msteams", serviceUrl } as Activity;
}

/** The client the adapter would make for a turn from `serviceUrl`. */
async function turnClient(auth: ConfigurationBotFrameworkAuthentication, serviceUrl: string): Promise<unknown> {
  const result = await auth.authenticateRequest(incoming(serviceUrl), "");
  assert.ok(result.connectorFactory, "the SDK gives an incoming turn a connector factory");
  return result.connectorFactory.create(serviceUrl, result.audience);
}

describe("reuseTurnClients", () => {
  it("gives turns from the same service URL the same Connector and user-token clients, and another URL its own", async () => {
    const auth = reuseTurnClients(new ConfigurationBotFrameworkAuthentication({}));
    const first = await turnClient(auth, TEAMS_UK);
    assert.equal(await turnClient(auth, TEAMS_UK), first);
    assert.notEqual(await turnClient(auth, TEAMS_EMEA), first);

    const { claimsIdentity } = await auth.authenticateRequest(incoming(TEAMS_UK), "");
    const tokenClient = await auth.createUserTokenClient(claimsIdentity);
    assert.equal(await auth.createUserTokenClient(claimsIdentity), tokenClient);
  });

  it("tries again on the next turn when making a client failed, rather than keeping the failure", async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    const authenticated = await auth.authenticateRequest(incoming(TEAMS_UK), "");
    assert.ok(authenticated.connectorFactory);
    const made = await authenticated.connectorFactory.create(TEAMS_UK, authenticated.audience);
    const create = sinon
      .stub(authenticated.connectorFactory, "create")
      .onFirstCall()
      .rejects(new Error("credentials unavailable"))
      .resolves(made);
    sinon.stub(auth, "authenticateRequest").resolves(authenticated);
    reuseTurnClients(auth);

    await assert.rejects(turnClient(auth, TEAMS_UK), /credentials unavailable/);
    assert.equal(await turnClient(auth, TEAMS_UK), made);
    assert.equal(await turnClient(auth, TEAMS_UK), made);
    sinon.assert.calledTwice(create);
  });
});
