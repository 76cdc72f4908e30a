import assert from "node:assert/strict";
import sinon from "sinon";
import { startGroupScenario, type GroupScenario } from "../../support/groupScenario";
import type { TeamsPerson } from "../../../simulator/teams/people";

/**
 * The tab's role checks ask Teams on every request (no roster kept between requests): someone
 * removed from the group's team is refused on the very next call, on any instance; a lead watching
 * the meeting stage costs no roster read, since their role does not depend on the roster.
 */
describe("the tab's role checks", () => {
  let scenario: GroupScenario;

  before(async () => {
    scenario = await startGroupScenario({ memberCount: 2 });
    await scenario.say(scenario.coordinator, "assign 7", [scenario.lead]);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
  });
  after(async () => {
    await scenario.harness.close();
  });
  afterEach(() => {
    sinon.restore();
  });

  const member = (index: number): TeamsPerson => {
    const person = scenario.members[index];
    assert.ok(person, `member ${index} exists`);
    return person;
  };
  const get = (person: TeamsPerson, path: string) => scenario.tabApi(person, "GET", path);

  it("refuses a member on the first request after they left the team, and grants them again once they are back", async () => {
    const leaving = member(1);
    assert.equal((await get(leaving, "/areas/7/mine")).status, 200);
    const roster = scenario.harness.connector.roster;
    scenario.harness.connector.roster = roster.filter((person) => person.aadObjectId !== leaving.aadObjectId);
    try {
      assert.equal((await get(leaving, "/areas/7/mine")).status, 403);
      assert.equal((await get(leaving, "/areas/7/stage")).status, 403);
    } finally {
      scenario.harness.connector.roster = roster;
    }
    assert.equal((await get(leaving, "/areas/7/mine")).status, 200);
  });

  it("reads no roster for a lead following the stage, and one member lookup for a member", async () => {
    const reads = sinon.spy(scenario.harness.app.services.rosterReads, "send");
    assert.equal((await get(scenario.lead, "/areas/7/stage")).status, 200);
    assert.equal(reads.callCount, 0);
    assert.equal((await get(member(0), "/areas/7/stage")).status, 200);
    assert.equal(reads.callCount, 1);
  });
});
