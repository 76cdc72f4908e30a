import assert from "node:assert/strict";
import {
  startGroupScenario,
  assignArea,
  inputValue,
  type GroupScenario,
  type InvokeResult,
} from "../support/groupScenario";
import { tableSnapshot } from "../support/tableSnapshot";
import { makeChannel, type TeamsChannel } from "../../simulator/teams/teamsActivities";
import { makePerson, type TeamsPerson } from "../../simulator/teams/people";
import { defined } from "../support/defined";

/**
 * Card data is untrusted: Teams passes back whatever `action.data` the client sends. These cases
 * complete workingGroupResilience's (another group's area, invented statement, old assessment on
 * submitAnswer): someone else's answer, and the moderation verbs aimed at what the caller doesn't
 * lead, at statements that don't exist, or at an earlier assessment. Each must be refused with a
 * message that says why, and leave storage exactly as it was.
 */
describe("forged card data", function () {
  this.timeout(30_000);
  let scenario: GroupScenario;
  let otherLead: TeamsPerson;
  let otherChannel: TeamsChannel;
  const PRIVATE_EVIDENCE = "Only Member 1 wrote this: the panel minutes for March";

  before(async () => {
    scenario = await startGroupScenario();
    otherLead = makePerson("Olu Other-Lead");
    otherChannel = makeChannel("Health working group");
    scenario.harness.connector.roster.push(otherLead);
    await assignArea(scenario, 7);
    assert.equal((await scenario.say(scenario.coordinator, "assign 8", [otherLead], otherChannel)).status, 200);
    const [first, second, third] = scenario.members as [TeamsPerson, TeamsPerson, TeamsPerson];
    await scenario.answer(first, 7, "7a", { rating: "1", evidence: PRIVATE_EVIDENCE, ideas: "" });
    for (const member of [second, third])
      await scenario.answer(member, 7, "7b", { rating: "3", evidence: "Audit", ideas: "" });
    const otherAnswer = {
      assessmentId: scenario.assessmentId,
      areaNumber: "8",
      statementId: "8a",
      rating: "3",
      evidence: "Seen",
      ideas: "",
    };
    await scenario.act(otherLead, "submitAnswer", otherAnswer, otherChannel);
  });
  after(async () => scenario.harness.close());

  /** Presses the card with forged data and checks it was refused for `reason`, with storage unchanged. */
  async function assertRefused(press: () => Promise<InvokeResult>, reason: RegExp): Promise<InvokeResult> {
    // botState is left out: the dialog machinery may save an empty dialog stack for the conversation.
    const before = await tableSnapshot(scenario.harness.tablePrefix, ["botState"]);
    const result = await press();
    await scenario.harness.app.idle();
    assert.equal(result.status, 200);
    assert.ok(
      result.texts.some((text) => reason.test(text)),
      `expected a refusal matching ${reason}, got: ${result.texts.join(" | ")}`,
    );
    assert.deepEqual(
      await tableSnapshot(scenario.harness.tablePrefix, ["botState"]),
      before,
      "a refused card action changed storage",
    );
    return result;
  }

  describe("someone else's answer", () => {
    const aboutFirstMember = () => {
      const first = defined(scenario.members[0]);
      // Every field a forger might think identifies whose answer this is.
      return {
        respondent: { aadObjectId: first.aadObjectId, name: first.name },
        aadObjectId: first.aadObjectId,
        userId: first.id,
      };
    };

    const refresh = (from: TeamsPerson, where: TeamsChannel | null | undefined) =>
      scenario.act(
        from,
        "showMyAnswer",
        { assessmentId: scenario.assessmentId, areaNumber: "7", statementId: "7a", ...aboutFirstMember() },
        where,
      );

    it("the member who answered sees their own evidence on refresh (so the checks below can see a leak)", async () => {
      const result = await refresh(defined(scenario.members[0]), undefined);
      assert.equal(inputValue(result.card, "evidence"), PRIVATE_EVIDENCE);
    });

    it("a refresh by another member naming the first shows the caller's own (empty) view, never the other's rating or evidence", async () => {
      const result = await refresh(defined(scenario.members[1]), undefined);
      assert.equal(result.status, 200);
      assert.ok(!JSON.stringify(result.card).includes(PRIVATE_EVIDENCE), "another member's evidence was revealed");
      assert.ok(!inputValue(result.card, "rating"), "another member's rating was pre-filled");
      assert.ok(!result.texts.some((text) => text.includes("Your answer is saved")), result.texts.join(" | "));
    });

    it("a refresh naming a member, by the coordinator from personal chat, shows only the shared count", async () => {
      const result = await refresh(scenario.coordinator, null);
      assert.ok(
        !JSON.stringify(result.card).includes(PRIVATE_EVIDENCE),
        "a member's evidence was shown to the coordinator before moderation",
      );
      assert.ok(!inputValue(result.card, "rating"));
    });

    it("a refresh naming a member, by someone outside the group, is refused", async () => {
      for (const outsider of [makePerson("Sam Stranger"), otherLead]) {
        const result = await assertRefused(() => refresh(outsider, otherChannel), /Only .* can use it/);
        assert.ok(
          !JSON.stringify(result.card).includes(PRIVATE_EVIDENCE),
          "a member's evidence was revealed outside the group",
        );
      }
    });

    it("a submission naming another member saves only the caller's own answer", async () => {
      const [first, second] = scenario.members as [TeamsPerson, TeamsPerson];
      const firstBefore = await scenario.harness.app.services.storage.responses.getAnswer(
        scenario.assessmentId,
        7,
        "7a",
        first.aadObjectId,
      );
      await scenario.act(second, "submitAnswer", {
        assessmentId: scenario.assessmentId,
        areaNumber: "7",
        statementId: "7a",
        rating: "4",
        evidence: "Overwritten?",
        ideas: "",
        ...aboutFirstMember(),
      });
      const firstAfter = await scenario.harness.app.services.storage.responses.getAnswer(
        scenario.assessmentId,
        7,
        "7a",
        first.aadObjectId,
      );
      assert.deepEqual(firstAfter, firstBefore, "another member's answer changed");
      const own = await scenario.harness.app.services.storage.responses.getAnswer(
        scenario.assessmentId,
        7,
        "7a",
        second.aadObjectId,
      );
      assert.equal(own?.respondent.aadObjectId, second.aadObjectId);
      assert.equal(own.rating, 4);
    });
  });

  describe("moderation data the lead has no right to", () => {
    const decision = (overrides: Record<string, string>) => ({
      assessmentId: scenario.assessmentId,
      areaNumber: "7",
      statementId: "7a",
      agreed_7a: "2",
      rationale_7a: "",
      ...overrides,
    });

    it("refuses a decision on an area the lead doesn't lead", async () => {
      await assertRefused(
        () =>
          scenario.act(
            scenario.lead,
            "recordDecision",
            decision({ areaNumber: "8", statementId: "8a", agreed_8a: "2" }),
            null,
          ),
        /belongs to another working group/,
      );
      assert.equal(
        await scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "8a"),
        undefined,
      );
    });

    it("refuses a decision for a statement that doesn't exist, or belongs to another area", async () => {
      await assertRefused(
        () => scenario.act(scenario.lead, "recordDecision", decision({ statementId: "7z", agreed_7z: "2" }), null),
        /isn't in the framework/,
      );
      await assertRefused(
        () => scenario.act(scenario.lead, "recordDecision", decision({ statementId: "8a", agreed_8a: "2" }), null),
        /isn't in the framework/,
      );
    });

    it("refuses accepting the group's ratings for another area", async () => {
      await assertRefused(
        () =>
          scenario.act(
            scenario.lead,
            "acceptModalRatings",
            { assessmentId: scenario.assessmentId, areaNumber: "8" },
            null,
          ),
        /belongs to another working group/,
      );
    });

    it("refuses a global score decision for another area", async () => {
      await assertRefused(
        () =>
          scenario.act(
            scenario.lead,
            "recordGlobalDecision",
            { assessmentId: scenario.assessmentId, areaNumber: "8", agreedGlobalScore: "5", globalRationale: "" },
            null,
          ),
        /belongs to another working group/,
      );
    });

    it("refuses every moderation verb on an earlier assessment's card, even from the coordinator", async () => {
      const old = { assessmentId: "someone-else.1" };
      await assertRefused(
        () => scenario.act(scenario.coordinator, "recordDecision", decision(old), null),
        /earlier assessment/,
      );
      await assertRefused(
        () => scenario.act(scenario.coordinator, "acceptModalRatings", { areaNumber: "7", ...old }, null),
        /earlier assessment/,
      );
      await assertRefused(
        () =>
          scenario.act(
            scenario.coordinator,
            "recordGlobalDecision",
            { areaNumber: "7", agreedGlobalScore: "5", globalRationale: "", ...old },
            null,
          ),
        /earlier assessment/,
      );
    });

    it("still records the lead's own decision (the refusals above are not a broken verb)", async () => {
      const result = await scenario.act(scenario.lead, "recordDecision", decision({}), null);
      assert.ok(
        result.texts.some((text) => text.includes("Agreed rating for 7a recorded")),
        result.texts.join(" | "),
      );
      assert.equal(
        (await scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "7a"))?.agreedRating,
        2,
      );
    });
  });
});
