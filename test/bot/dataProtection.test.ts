import assert from "node:assert/strict";
import { startGroupScenario, cardTexts, type GroupScenario } from "../support/groupScenario";
import { LEAD_EVIDENCE, LEAD_IDEAS, LEAD_RATIONALE, seedArea7 } from "../support/seededArea";
import { compileAndRead, downloadText, downloadUrls } from "../support/downloadedDocuments";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import { pressCardAction } from "../../simulator/teams/cardActions";
import type { TeamsPerson } from "../../simulator/teams/people";
import { signForgetRequest } from "../../bot/dataProtection/forgetToken";
import { REMOVED_PERSON_NAME } from "../../assessment/answers/person";
import { defined } from "../support/defined";

describe("data protection: export and forget over HTTP", () => {
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario();
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  const storage = () => scenario.harness.app.services.storage;
  const areaNumbers = () => scenario.harness.app.framework.areas.map((area) => area.number);
  const sayPersonally = (from: TeamsPerson, text: string) =>
    scenario.harness.post(personalMessage({ serviceUrl: scenario.harness.connector.url, from, text }));
  /** Cards posted since `before`, in one conversation (or all). */
  const cardsSince = (before: number, conversationId?: string) =>
    scenario.harness.connector
      .postedCards()
      .slice(before)
      .filter((entry) => conversationId === undefined || entry.conversationId === conversationId)
      .map((entry) => entry.card);
  const personalChatOf = (person: TeamsPerson) => `a:personal-${person.id}`;

  describe("export @person", () => {
    it("refuses leads and members, and neither stores nor audits anything", async () => {
      await seedArea7(scenario);
      const before = scenario.harness.connector.postedCards().length;
      for (const caller of [scenario.lead, defined(scenario.members[0])]) {
        await scenario.say(caller, "export", [scenario.lead]);
        await sayPersonally(caller, `export ${scenario.lead.aadObjectId}`);
      }
      const replies = cardsSince(before).map((card) => cardTexts(card).join(" "));
      assert.equal(replies.length, 4);
      for (const reply of replies) assert.match(reply, /Only the coordinator can export a person's data/);
      assert.deepEqual(cardsSince(before).flatMap(downloadUrls), []);
      const audit = await storage().audit.list(scenario.assessmentId);
      assert.ok(!audit.some((entry) => entry.action === "personExported"));
    });

    it("typed in a channel, sends the links only to the coordinator's personal chat: everything the person wrote, audited without content", async () => {
      await seedArea7(scenario);
      const before = scenario.harness.connector.postedCards().length;
      const response = await scenario.say(scenario.coordinator, "export", [scenario.lead]);
      assert.equal(response.status, 200);
      await scenario.harness.app.idle();

      const inChannel = scenario.harness.connector
        .postedCards()
        .slice(before)
        .filter((entry) => entry.conversationId !== personalChatOf(scenario.coordinator))
        .map((entry) => entry.card);
      assert.equal(inChannel.length, 1);
      assert.match(cardTexts(defined(inChannel[0])).join(" "), /Export sent to your personal chat/);
      assert.deepEqual(downloadUrls(defined(inChannel[0])), [], "no link in the channel");

      const personal = cardsSince(before, personalChatOf(scenario.coordinator));
      assert.equal(personal.length, 1);
      const urls = downloadUrls(defined(personal[0]));
      assert.equal(urls.length, 2);
      const files = await Promise.all(urls.map(downloadText));
      const json = files.find((file) => file.fileName.endsWith(".json"));
      const markdown = files.find((file) => file.fileName.endsWith(".md"));
      assert.ok(json && markdown, files.map((file) => file.fileName).join(", "));
      const exported = JSON.parse(json.text) as {
        person: { aadObjectId: string; name: string };
        roles: { leadOfAreas: number[]; coordinator: boolean };
        answers: Array<{
          statementId: string;
          statement: string;
          rating: number;
          evidence: string;
          ideas: string;
          updatedAt: string;
        }>;
        globalScores: Array<{ area: number; score: number }>;
        moderationDecisions: Array<{ statementId: string; agreedRating: number; rationale: string }>;
        auditEntries: Array<{ action: string }>;
      };
      assert.deepEqual(exported.person, { aadObjectId: scenario.lead.aadObjectId, name: scenario.lead.name });
      assert.deepEqual(exported.roles, { coordinator: false, leadOfAreas: [7] });
      assert.deepEqual(
        exported.answers.map((answer) => [answer.statementId, answer.rating, answer.evidence]),
        [
          ["7a", 3, LEAD_EVIDENCE],
          ["7b", 2, LEAD_EVIDENCE],
        ],
      );
      assert.equal(exported.answers[0]?.ideas, LEAD_IDEAS);
      assert.ok(exported.answers.every((answer) => answer.statement.length > 10 && answer.updatedAt !== ""));
      assert.deepEqual(
        exported.globalScores.map((score) => [score.area, score.score]),
        [[7, 6]],
      );
      assert.deepEqual(
        exported.moderationDecisions.map((decision) => [
          decision.statementId,
          decision.agreedRating,
          decision.rationale,
        ]),
        [["7a", 3, LEAD_RATIONALE]],
      );
      const actions = exported.auditEntries.map((entry) => entry.action);
      for (const action of ["assign", "decisionRecorded"])
        assert.ok(
          actions.some((candidate) => candidate.startsWith(action)),
          actions.join(", "),
        );
      assert.ok(!JSON.stringify(exported).includes(defined(scenario.members[0]).name), "nobody else's answers");
      assert.ok(markdown.text.includes(LEAD_EVIDENCE) && markdown.text.includes("## Answers (2)"), markdown.text);

      const audit = await storage().audit.list(scenario.assessmentId);
      const exportEntry = audit.find((entry) => entry.action === "personExported");
      assert.deepEqual(
        exportEntry && { actor: exportEntry.actorAadObjectId, target: exportEntry.target, before: exportEntry.before },
        {
          actor: scenario.coordinator.aadObjectId,
          target: scenario.lead.aadObjectId,
          before: undefined,
        },
      );
      assert.match(
        exportEntry?.after ?? "",
        /^\{"files":\["[0-9a-f]{32}","[0-9a-f]{32}"\]\}$/,
        "only the stored files' ids, no content",
      );
      const logs = scenario.harness.logLines.join("\n");
      for (const secret of [LEAD_EVIDENCE, LEAD_RATIONALE, scenario.lead.name])
        assert.ok(!logs.includes(secret), `logs must not contain ${secret}`);
    });

    it("includes the actions of the plan they own: statement, area, due date, status and when they were given it", async () => {
      await seedArea7(scenario);
      const own = (statementId: string, owner: TeamsPerson, due: string, status: string) =>
        scenario.act(scenario.coordinator, "updateActionItem", {
          assessmentId: scenario.assessmentId,
          statementId,
          [`owner_${statementId}`]: owner.aadObjectId,
          [`due_${statementId}`]: due,
          [`status_${statementId}`]: status,
        });
      const member = defined(scenario.members[0]);
      for (const saved of [
        await own("7a", scenario.lead, "2027-01-31", "Not started"),
        await own("7b", member, "2027-02-28", "On track"),
        // A later change keeps the owner: the export still dates the assignment from the first save.
        await own("7a", scenario.lead, "2027-03-31", "At risk"),
      ])
        assert.ok(
          saved.texts.some((text) => text.startsWith("✓ Saved 7")),
          saved.texts.join(" | "),
        );

      const before = scenario.harness.connector.postedCards().length;
      await sayPersonally(scenario.coordinator, `export ${scenario.lead.aadObjectId}`);
      const files = await Promise.all(downloadUrls(defined(cardsSince(before)[0])).map(downloadText));
      const json = defined(files.find((file) => file.fileName.endsWith(".json")));
      const markdown = defined(files.find((file) => file.fileName.endsWith(".md")));
      const exported = JSON.parse(json.text) as {
        ownedActions: Array<{
          area: number;
          areaTitle: string;
          statementId: string;
          statement: string;
          dueDate: string | null;
          status: string;
          assignedAt: string | null;
          updatedAt: string;
        }>;
        auditEntries: Array<{ action: string; target: string; at: string; before?: string; after?: string }>;
      };
      const [action, ...others] = exported.ownedActions;
      assert.ok(action && others.length === 0, "only the action they own, not the member's");
      const { area, areaTitle, statementId, statement } = action;
      const framework = scenario.harness.app.framework;
      assert.deepEqual(
        { area, areaTitle, statementId, statement },
        {
          area: 7,
          areaTitle: defined(framework.areas.find((candidate) => candidate.number === 7)).title,
          statementId: "7a",
          statement: defined(
            framework.areas.flatMap((candidate) => candidate.statements).find((candidate) => candidate.id === "7a"),
          ).text,
        },
      );
      assert.equal(action.dueDate, "2027-03-31");
      assert.equal(action.status, "At risk");
      const changes = exported.auditEntries.filter(
        (entry) => entry.action === "actionItemUpdated" && entry.target === "7a",
      );
      assert.equal(changes.length, 2, "both changes of their action are in the export's audit entries");
      const given = changes.find((entry) => (JSON.parse(entry.before ?? "{}") as { owner: unknown }).owner === null);
      assert.equal(action.assignedAt, given?.at, "assigned when the owner was set, not at the later change");
      assert.notEqual(action.assignedAt, action.updatedAt);
      assert.ok(markdown.text.includes("## Actions they own (1)"), markdown.text);
      assert.match(markdown.text, /- 7a \(area 7: .+\): .+ — At risk, due 2027-03-31, owner since /);
    });

    it("in personal chat, takes an Entra object id and answers in place", async () => {
      await seedArea7(scenario);
      const before = scenario.harness.connector.postedCards().length;
      await sayPersonally(scenario.coordinator, `export ${defined(scenario.members[1]).aadObjectId.toUpperCase()}`);
      const cards = cardsSince(before);
      assert.equal(cards.length, 1);
      const json = (await Promise.all(downloadUrls(defined(cards[0])).map(downloadText))).find((file) =>
        file.fileName.endsWith(".json"),
      );
      const exported = JSON.parse(json?.text ?? "{}") as { person?: { name: string }; answers?: unknown[] };
      assert.equal(exported.person?.name, defined(scenario.members[1]).name);
      assert.equal(exported.answers?.length, 2);
    });
  });

  describe("forget @person", () => {
    it("refuses leads and members", async () => {
      await seedArea7(scenario);
      const before = scenario.harness.connector.postedCards().length;
      await scenario.say(scenario.lead, "forget", [defined(scenario.members[0])]);
      await scenario.say(defined(scenario.members[0]), "forget", [scenario.lead]);
      const replies = cardsSince(before).map((card) => cardTexts(card).join(" "));
      assert.equal(replies.length, 2);
      for (const reply of replies) assert.match(reply, /Only the coordinator can erase a person's data/);
      assert.equal(
        (await storage().responses.listAnswersBy(scenario.assessmentId, areaNumbers(), scenario.lead.aadObjectId))
          .length,
        2,
      );
    });

    it("asks first with exact counts and erases nothing until confirmed; Cancel erases nothing", async () => {
      await seedArea7(scenario);
      const before = scenario.harness.connector.postedCards().length;
      await scenario.say(scenario.coordinator, "forget", [scenario.lead]);
      const [card, ...others] = cardsSince(before, personalChatOf(scenario.coordinator));
      assert.ok(card && others.length === 0);
      const inChannel = cardsSince(before)
        .filter((candidate) => candidate !== card)
        .map((candidate) => cardTexts(candidate).join(" "));
      assert.equal(inChannel.length, 1);
      assert.match(defined(inChannel[0]), /The confirmation sent to your personal chat/);
      assert.ok(!defined(inChannel[0]).includes(scenario.lead.name), "the channel is not told who");
      const text = cardTexts(card).join("\n");
      assert.match(text, /Erase Lee Lead's answers and name\?/);
      assert.match(text, /2 answers will be deleted \(areas 7\)\./);
      assert.match(text, /1 global score will be deleted\./);
      assert.match(text, /1 moderation decision they recorded will be kept/);
      assert.match(text, /0 actions of the action plan they own will be kept/);
      assert.match(text, /cannot be undone/);
      assert.equal(
        (await storage().responses.listAnswersBy(scenario.assessmentId, areaNumbers(), scenario.lead.aadObjectId))
          .length,
        2,
      );

      const cancel = pressCardAction(card, "confirmForget", {}, { confirm: "no" });
      const cancelled = await scenario.act(scenario.coordinator, cancel.verb, cancel.data, null);
      assert.ok(cancelled.texts.includes("Nothing was erased"), cancelled.texts.join("\n"));
      assert.equal(
        (await storage().responses.listAnswersBy(scenario.assessmentId, areaNumbers(), scenario.lead.aadObjectId))
          .length,
        2,
      );
    });

    it("refuses a confirmation pressed by a non-coordinator, a forged one and a stale one", async () => {
      await seedArea7(scenario);
      const before = scenario.harness.connector.postedCards().length;
      await scenario.say(scenario.coordinator, "forget", [scenario.lead]);
      const confirm = pressCardAction(
        defined(cardsSince(before, personalChatOf(scenario.coordinator))[0]),
        "confirmForget",
        {},
        { confirm: "yes" },
      );
      const services = scenario.harness.app.services;
      const token = String(confirm.data["token"]);
      const attempts = [
        {
          who: defined(scenario.members[0]),
          data: confirm.data,
          expect: /Only the coordinator can erase a person's data/,
        },
        { who: scenario.lead, data: confirm.data, expect: /Only the coordinator can erase a person's data/ },
        {
          who: scenario.coordinator,
          data: { ...confirm.data, token: `${token.split(".")[0]}.${"A".repeat(43)}` },
          expect: /not valid/,
        },
        {
          who: scenario.coordinator,
          data: {
            ...confirm.data,
            token: signForgetRequest(
              {
                assessmentId: "another.1",
                aadObjectId: scenario.lead.aadObjectId,
                expiresAt: new Date(services.clock().getTime() + 60_000),
              },
              services.downloadSecret,
            ),
          },
          expect: /not valid/,
        },
        {
          who: scenario.coordinator,
          data: {
            ...confirm.data,
            token: signForgetRequest(
              {
                assessmentId: scenario.assessmentId,
                aadObjectId: scenario.lead.aadObjectId,
                expiresAt: new Date(services.clock().getTime() - 1),
              },
              services.downloadSecret,
            ),
          },
          expect: /expired/,
        },
        { who: scenario.coordinator, data: { confirm: "yes" }, expect: /not in a form I understand/ },
      ];
      for (const attempt of attempts) {
        const result = await scenario.act(attempt.who, "confirmForget", attempt.data);
        assert.equal(result.status, 200);
        assert.match(result.texts.join(" "), attempt.expect);
      }
      assert.equal(
        (await storage().responses.listAnswersBy(scenario.assessmentId, areaNumbers(), scenario.lead.aadObjectId))
          .length,
        2,
      );
      assert.ok(!(await storage().audit.list(scenario.assessmentId)).some((entry) => entry.action === "personErased"));
    });

    it("once confirmed, erases their answers and name everywhere; compile still works and shows them as removed", async function () {
      // Two compiles, each building both copies with charts and the action plan: slow on a loaded machine.
      this.timeout(90_000);
      await seedArea7(scenario);
      const beforeForget = await compileAndRead(scenario);
      for (const text of Object.values(beforeForget))
        assert.ok(text.includes("Jordan Quigley"), "the check below can fail: the evidence was in every document");

      // 7a is agreed at 3, so an action: the lead owns it, and is the participation worker too.
      const owned = await scenario.act(scenario.coordinator, "updateActionItem", {
        assessmentId: scenario.assessmentId,
        statementId: "7a",
        owner_7a: scenario.lead.aadObjectId,
        due_7a: "2027-01-31",
        status_7a: "On track",
      });
      assert.ok(owned.texts.includes("✓ Saved 7a."), owned.texts.join(" | "));
      await scenario.say(scenario.coordinator, "participation", [scenario.lead]);
      // The lead also sent 7b back for a second round (stored as the send-back service stores it).
      await storage().moderation.startRound(
        {
          assessmentId: scenario.assessmentId,
          areaNumber: 7,
          statementId: "7b",
          round: 2,
          startedBy: {
            aadObjectId: scenario.lead.aadObjectId,
            teamsUserId: scenario.lead.id,
            name: scenario.lead.name,
          },
          startedAt: "2026-03-02T10:00:00.000Z",
        },
        () => ({
          assessmentId: scenario.assessmentId,
          at: "2026-03-02T10:00:00.000Z",
          actorAadObjectId: scenario.lead.aadObjectId,
          action: "roundStarted",
          target: "7b",
          before: "round 1",
          after: "round 2",
        }),
      );

      const beforeExport = scenario.harness.connector.postedCards().length;
      await sayPersonally(scenario.coordinator, `export ${scenario.lead.aadObjectId}`);
      const exportLinks = cardsSince(beforeExport).flatMap(downloadUrls);
      assert.equal(exportLinks.length, 2);

      const before = scenario.harness.connector.postedCards().length;
      await scenario.say(scenario.coordinator, "forget", [scenario.lead]);
      const confirmCard = defined(cardsSince(before, personalChatOf(scenario.coordinator))[0]);
      assert.match(
        cardTexts(confirmCard).join("\n"),
        /1 action of the action plan they own will be kept, owned by "\(removed\)"\./,
      );
      const confirm = pressCardAction(confirmCard, "confirmForget", {}, { confirm: "yes" });
      const updatesBefore = scenario.harness.connector.recorded.filter((entry) => entry.kind === "update").length;
      const done = await scenario.act(scenario.coordinator, confirm.verb, confirm.data, null);
      assert.match(
        done.texts.join(" "),
        /2 answers and 1 global score deleted; 2 moderation records, 1 area assignment and \d+ audit entries now show "\(removed\)"/,
      );
      assert.ok(
        done.texts.includes('1 action of the action plan they owned or last changed now show "(removed)".'),
        done.texts.join(" | "),
      );
      await scenario.harness.app.idle();
      const pressedAgain = await scenario.act(scenario.coordinator, confirm.verb, confirm.data, null);
      assert.match(pressedAgain.texts.join(" "), /already erased/);

      const id = scenario.lead.aadObjectId;
      assert.deepEqual(await storage().responses.listAnswersBy(scenario.assessmentId, areaNumbers(), id), []);
      assert.deepEqual(await storage().responses.listGlobalScoresBy(scenario.assessmentId, areaNumbers(), id), []);
      assert.equal(
        (await storage().responses.listAreaAnswers(scenario.assessmentId, 7)).length,
        6,
        "the members' answers stay",
      );
      const decision = await storage().moderation.getDecision(scenario.assessmentId, "7a");
      assert.equal(decision?.agreedRating, 3);
      assert.equal(decision.decidedBy.name, REMOVED_PERSON_NAME);
      assert.notEqual(decision.decidedBy.aadObjectId, id);
      const [round] = await storage().moderation.listRounds(scenario.assessmentId);
      assert.equal(round?.startedBy.name, REMOVED_PERSON_NAME, "the round they started no longer names them");
      assert.equal(round.round, 2);
      const assignment = await storage().assignments.get(scenario.assessmentId, 7);
      assert.deepEqual(
        assignment?.value.leads.map((lead) => lead.name),
        [REMOVED_PERSON_NAME],
      );
      assert.equal(await storage().conversations.getUser(id), undefined);

      const audit = await storage().audit.list(scenario.assessmentId);
      const auditText = JSON.stringify(audit);
      assert.ok(
        !auditText.includes(id) && !auditText.includes(scenario.lead.name),
        "their id and name are gone from the audit",
      );
      const erased = audit.filter((entry) => entry.action === "personErased");
      assert.equal(erased.length, 1);
      assert.equal(erased[0]?.actorAadObjectId, scenario.coordinator.aadObjectId);
      const { auditEntries, ...counts } = JSON.parse(erased[0].after ?? "{}") as Record<string, number>;
      assert.deepEqual(counts, {
        answers: 2,
        globalScores: 1,
        decisions: 2,
        assignments: 1,
        actionItems: 1,
        participationWorker: 1,
        conversations: 1,
        exportFiles: 2,
      });
      const action = await storage().actionItems.get(scenario.assessmentId, "7a");
      assert.ok(action);
      assert.equal(action.owner?.name, REMOVED_PERSON_NAME, "the action keeps an owner, not their name");
      assert.equal(action.status, "On track");
      assert.deepEqual((await storage().assessments.get(scenario.assessmentId))?.value.participationWorkers, []);
      for (const url of exportLinks)
        assert.equal((await fetch(url)).status, 404, "the earlier export of their data is deleted too");
      assert.ok(
        (auditEntries ?? 0) >= 4,
        "their answers, score, decision and assignment were audited, and those entries rewritten",
      );

      // The shared cards of 7a, 7b and the global score were redrawn without them.
      const updates = scenario.harness.connector.recorded
        .filter((entry) => entry.kind === "update")
        .slice(updatesBefore);
      const updatedTexts = updates.map((entry) => JSON.stringify(entry.activity));
      assert.ok(
        updatedTexts.some((text) => text.includes("7a") && text.includes("3 people have answered")),
        updatedTexts.join("\n").slice(0, 2000),
      );
      assert.ok(updates.length >= 3 && updatedTexts.every((text) => !text.includes(scenario.lead.id)));

      const status = scenario.harness.connector.postedCards().length;
      await scenario.say(scenario.coordinator, "status 7");
      assert.ok(cardsSince(status).some((card) => cardTexts(card).join(" ").includes("3 of 4 members have answered")));

      const afterForget = await compileAndRead(scenario);
      for (const [kind, text] of Object.entries(afterForget)) {
        assert.ok(!text.includes("Jordan Quigley"), `${kind}: their evidence and ideas are gone`);
        assert.ok(!text.includes(scenario.lead.name), `${kind}: their name is gone`);
      }
      assert.ok(
        afterForget.json.includes(REMOVED_PERSON_NAME) && afterForget.docx.includes(REMOVED_PERSON_NAME),
        "the decision they recorded shows (removed)",
      );
      assert.ok(!scenario.harness.logLines.join("\n").includes(scenario.lead.name));
    });
  });
});
