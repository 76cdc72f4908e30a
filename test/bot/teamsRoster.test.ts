import assert from "node:assert/strict";
import { startGroupScenario, cardTexts, type GroupScenario } from "../support/groupScenario";
import { makeGuest, makePerson, makeTag } from "../../simulator/teams/people";
import { BOT, groupChatMessage, makeChannel } from "../../simulator/teams/teamsActivities";
import { memberById, pagedMembers } from "../../simulator/teams/rosterEndpoints";
import { runScheduledDigests } from "../../bot/digest/digestSchedule";
import { defined } from "../support/defined";

/**
 * People come from the roster, not from the mention: Teams' mention entities carry an id and a
 * name only, a tag looks like a person, and the roster is read page by page. Over HTTP against the
 * strict connector stand-in and real Azurite.
 */
describe("people from the roster, big channels, guests and where commands work", () => {
  let scenario: GroupScenario;
  afterEach(async () => scenario.harness.close());

  const lastCardText = () => cardTexts(scenario.harness.connector.postedCards().at(-1)?.card).join(" | ");
  const assignments = () => scenario.harness.app.services.storage.assignments.list(scenario.assessmentId);

  describe("mentions", () => {
    beforeEach(async () => {
      scenario = await startGroupScenario();
    });

    it("assigns inline from a mention that has no AAD object id, taking the lead's ids and name from the roster", async () => {
      await scenario.say(scenario.coordinator, "assign 7", [scenario.lead]);
      const [stored] = await assignments();
      assert.deepEqual(
        stored?.leads,
        [{ aadObjectId: scenario.lead.aadObjectId, teamsUserId: scenario.lead.id, name: scenario.lead.name }],
        lastCardText(),
      );
      assert.match(lastCardText(), /Areas assigned to this channel/);
    });

    for (const [what, mention, expected] of [
      ["a tag", makeTag("Housing leads"), /@Housing leads\*\* is not a member of this team: it may be a tag/],
      ["someone outside the team", makePerson("Sam Stranger"), /@Sam Stranger\*\* is not a member of this team/],
      ["the bot itself", BOT, /@Self-Assessment\*\* is me, not a person/],
      [
        "a channel",
        { id: "19:general@thread.tacv2", name: "General" },
        /@General\*\* is a channel or a team, not a person/,
      ],
    ] as const) {
      it(`refuses ${what} as a lead, naming it, and assigns nothing`, async () => {
        await scenario.say(scenario.coordinator, "assign 7", [scenario.lead, mention]);
        assert.match(lastCardText(), expected);
        assert.match(lastCardText(), /Nothing was assigned/);
        assert.deepEqual(await assignments(), []);
      });
    }

    it("refuses a picked lead who is not in the team and shows the form again with the choices", async () => {
      await scenario.say(scenario.coordinator, "assign");
      const outsider = makePerson("Olu Outsider");
      const result = await scenario.act(scenario.coordinator, "assignAreas", {
        assessmentId: scenario.assessmentId,
        areas: "3",
        leads: outsider.aadObjectId,
      });
      assert.ok(
        result.texts.some((text) => text.includes("not a member of this team")),
        result.texts.join(" | "),
      );
      assert.ok(JSON.stringify(result.card).includes('"value":"3"'));
      assert.deepEqual(await assignments(), []);
    });

    it("exports a mentioned person found on the roster, and refuses a tag for export and forget", async () => {
      await scenario.say(scenario.coordinator, "export", [makeTag("Everyone")]);
      assert.match(lastCardText(), /@Everyone\*\* is not a member of this team/);
      await scenario.say(scenario.coordinator, "forget", [makeTag("Everyone")]);
      assert.match(lastCardText(), /@Everyone\*\* is not a member of this team/);
      await scenario.say(scenario.coordinator, "export", [defined(scenario.members[0])]);
      const exported = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
      assert.deepEqual(
        exported.map((entry) => entry.target),
        [defined(scenario.members[0]).aadObjectId],
      );
    });
  });

  describe("a 75-member channel", () => {
    beforeEach(async () => {
      scenario = await startGroupScenario({ memberCount: 74 });
    });

    it("counts members from both roster pages, caps refresh.userIds at the 60 latest answerers, and the rest use Show my answer", async function () {
      this.timeout(180_000);
      const { harness, lead, members, coordinator } = scenario;
      assert.equal(harness.connector.roster.length, 75);
      await scenario.say(coordinator, "assign 7", [lead]);
      await scenario.say(lead, "start");
      await harness.app.idle();
      const answerers = members.slice(0, 65);
      for (const member of answerers)
        await scenario.answer(member, 7, "7a", { rating: "3", evidence: "Pathway plans audited", ideas: "" });
      await harness.app.idle();

      const lastUpdate = harness.connector.recorded
        .filter((entry) => entry.kind === "update" && JSON.stringify(entry.activity).includes('"statementId":"7a"'))
        .at(-1);
      const refresh = defined(
        (
          JSON.parse(JSON.stringify(lastUpdate?.activity)) as {
            attachments: Array<{ content: { refresh: { userIds: string[] } } }>;
          }
        ).attachments[0],
      ).content.refresh;
      // Priority: those who answered, most recent first (their own answer is what the view shows); Teams allows 60.
      assert.deepEqual(
        refresh.userIds,
        answerers
          .slice(5)
          .reverse()
          .map((member) => member.id),
      );

      const earliest = defined(answerers[0]);
      const own = await scenario.act(earliest, "showMyAnswer", {
        assessmentId: scenario.assessmentId,
        areaNumber: "7",
        statementId: "7a",
      });
      assert.ok(
        own.texts.some((text) => text.includes("Your answer is saved")),
        own.texts.join(" | "),
      );
      assert.ok(own.texts.includes("Pathway plans audited"));

      await scenario.say(lead, "status");
      const status = lastCardText();
      assert.match(status, /65 of 75 members have answered/);
      // Someone from the second roster page (past the first 50) who has not answered is named.
      assert.ok(status.includes(defined(members[73]).name), status.slice(0, 400));

      const before = harness.connector.recorded.length;
      await scenario.say(lead, "digest 7");
      await harness.app.idle();
      const digest = harness.connector.recorded
        .slice(before)
        .map((entry) => JSON.stringify(entry.activity))
        .join("\n");
      assert.match(digest, /of 75|75 members/, digest.slice(0, 600));

      // The schedule has no turn in the channel: it reads the group's roster through a proactive turn.
      const beforeScheduled = harness.connector.recorded.length;
      await runScheduledDigests(harness.app.services, new Date("2026-03-02T09:00:00Z"));
      await harness.app.idle();
      const scheduled = harness.connector.recorded
        .slice(beforeScheduled)
        .map((entry) => JSON.stringify(entry.activity))
        .join("\n");
      assert.match(scheduled, /of 75|75 members/, scheduled.slice(0, 600));
    });
  });

  describe("guests", () => {
    beforeEach(async () => {
      scenario = await startGroupScenario();
    });

    it("a guest from a partner organisation is on the roster, answers, is counted and gets their own view", async () => {
      const guest = makeGuest("Nadia Nurse", "nhs.net");
      scenario.harness.connector.roster.push(guest);
      await scenario.say(scenario.coordinator, "assign 7", [scenario.lead]);
      await scenario.say(scenario.lead, "start");
      await scenario.harness.app.idle();
      const saved = await scenario.answer(guest, 7, "7a", {
        rating: "2",
        evidence: "Health passports are patchy",
        ideas: "",
      });
      assert.ok(
        saved.texts.some((text) => text.includes("Your answer is saved")),
        saved.texts.join(" | "),
      );
      const answers = await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7);
      assert.deepEqual(
        answers.map((answer) => answer.respondent.aadObjectId),
        [guest.aadObjectId.toLowerCase()],
      );
      await scenario.say(scenario.lead, "status");
      assert.match(lastCardText(), /1 of 5 members has answered/);
    });

    it("a guest can be named lead by mention", async () => {
      const guest = makeGuest("Dee Partner", "dwp.gov.uk");
      scenario.harness.connector.roster.push(guest);
      await scenario.say(scenario.coordinator, "assign 8", [guest]);
      const [stored] = await assignments();
      assert.equal(stored?.leads[0]?.teamsUserId, guest.id);
    });
  });

  describe("private and shared channels, group chats", () => {
    beforeEach(async () => {
      scenario = await startGroupScenario();
    });

    for (const type of ["private", "shared"] as const) {
      it(`refuses assign in a ${type} channel before anything is stored, and help says why`, async () => {
        const channel = makeChannel(`Care ${type} group`, type);
        await scenario.say(scenario.coordinator, "assign 7", [scenario.lead], channel);
        assert.match(lastCardText(), /Working groups need a standard channel/);
        assert.match(lastCardText(), /Nothing was changed/);
        assert.deepEqual(await assignments(), []);
        await scenario.say(scenario.coordinator, "help", [], channel);
        const help = lastCardText();
        assert.match(help, /private or shared channel/);
        assert.equal(help.includes("**assign ["), false, "assign is not offered here");
      });
    }

    it("in a group chat refuses group commands and help says working groups use team channels", async () => {
      const chat = {
        serviceUrl: scenario.harness.connector.url,
        from: scenario.coordinator,
        chatId: "19:meeting-planning@thread.v2",
      };
      await scenario.harness.post(groupChatMessage({ ...chat, text: "assign 7", mentions: [scenario.lead] }));
      assert.match(lastCardText(), /"assign" doesn't work here/);
      assert.match(lastCardText(), /a team's standard channel/);
      assert.deepEqual(await assignments(), []);
      await scenario.harness.post(groupChatMessage({ ...chat, text: "help" }));
      assert.match(lastCardText(), /Working groups don't run in group chats/);
    });
  });
});

describe("the connector stand-in's roster endpoints", () => {
  it("pages at most 50 members with an opaque continuation token, and 404s a non-member", () => {
    const roster = Array.from({ length: 75 }, (_, index) => makePerson(`P ${index}`));
    const first = pagedMembers(roster, new URLSearchParams({ pageSize: "200" })).body as {
      members: unknown[];
      continuationToken?: string;
    };
    assert.equal(first.members.length, 50);
    const second = pagedMembers(roster, new URLSearchParams({ continuationToken: first.continuationToken ?? "" }))
      .body as { members: unknown[]; continuationToken?: string };
    assert.equal(second.members.length, 25);
    assert.equal(second.continuationToken, undefined);
    assert.equal(pagedMembers(roster, new URLSearchParams({ continuationToken: "nonsense" })).status, 400);
    assert.equal(memberById(roster, defined(roster[60]).aadObjectId.toUpperCase()).status, 200);
    assert.equal(memberById(roster, makeTag("Tag").id).status, 404);
  });
});
