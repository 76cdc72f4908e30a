import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as AdaptiveCards from "adaptivecards";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../storage/framework/loadFramework";
import { buildStatementCard } from "../../cards/statementCard";
import { buildGlobalScoreCard } from "../../cards/globalScoreCard";
import { buildIntroCard } from "../../cards/introCard";
import { buildAssignCard } from "../../cards/assignCard";
import { buildConfirmCard } from "../../cards/confirmCard";
import { buildNoticeCard } from "../../cards/noticeCard";
import { buildYoungPeopleCard } from "../../cards/youngPeopleCard";
import { buildActionPlanCard } from "../../cards/actionPlanCard";
import { buildNewCycleCard } from "../../cards/newCycleCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { CARD_VERBS } from "../../bot/actions/cardVerbs";
import { defined } from "../support/defined";
import { buildReRatingCard } from "../../cards/reRatingCard";
import { ANSWER_LIMITS } from "../../assessment/answers/answerLimits";

const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
const area = defined(framework.areas[6]);
const statement = defined(area.statements[0]);

/** Parses a card with the official renderer's object model and returns its validation failures. */
function validationProblems(card: AdaptiveCard): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  parsed.parse(card, context);
  const events = [...Array(context.eventCount).keys()].map((index) => context.getEventAt(index));
  const results = parsed.validateProperties();
  const failures = results.validationEvents.map((event) => event.message);
  return [...events.map((event) => event.message), ...failures];
}

/**
 * Teams' people picker (Input.ChoiceSet with `choices.data` = Data.Query over graph users) works in
 * Teams on 1.5 cards; the generic SDK only knows `choices.data` from 1.6 and wants static choices.
 */
const TEAMS_PEOPLE_PICKER = [
  'Property "choices.data" is supported in version 1.6',
  "must have at least one choice defined",
];

const samples: Record<string, AdaptiveCard> = {
  "statement (base)": buildStatementCard({
    framework,
    assessmentId: "t.1",
    area,
    statement,
    answeredCount: 0,
    closed: false,
    refreshUserIds: [],
  }),
  "statement (own view, error)": buildStatementCard({
    framework,
    assessmentId: "t.1",
    area,
    statement,
    answeredCount: 4,
    closed: false,
    refreshUserIds: ["29:a"],
    entered: { rating: "3", evidence: "Pathway audit", ideas: "" },
    error: "Choose a rating",
  }),
  "statement (closed)": buildStatementCard({
    framework,
    assessmentId: "t.1",
    area,
    statement,
    answeredCount: 4,
    closed: true,
    refreshUserIds: [],
  }),
  "global score": buildGlobalScoreCard({
    framework,
    assessmentId: "t.1",
    area,
    answeredCount: 2,
    closed: false,
    refreshUserIds: [],
    enteredScore: "6",
    saved: "saved",
  }),
  intro: buildIntroCard({ framework, area, deadline: "2026-12-18", leadNames: ["Lee"] }),
  assign: buildAssignCard({
    assessmentId: "t.1",
    areas: framework.areas.map((item) => ({ number: item.number, title: item.title, holder: "free" })),
    selectedAreas: [7],
  }),
  confirm: buildConfirmCard({
    title: "Move?",
    lines: ["Area 7 has answers"],
    confirmTitle: "Move",
    verb: "confirmReassign",
    token: "t",
  }),
  "young people's scores": buildYoungPeopleCard({
    framework,
    assessmentId: "t.1",
    current: { scores: { 1: 6 }, source: "CiCC", recordedAt: "2025-04-01T09:00:00Z" },
  }),
  "young people's scores (error)": buildYoungPeopleCard({
    framework,
    assessmentId: "t.1",
    current: undefined,
    entered: { youngPeople_2: "12", source: "x" },
    error: "Area 2: a whole number from 0 to 10.",
  }),
  // The largest area's every statement, each with an owner of a long name: the most one action plan card holds.
  "action plan (largest area)": buildActionPlanCard({
    assessmentId: "t.1",
    title: "Action plan: area 7",
    intro: "Ranked as in the compiled plan.",
    actions: area.statements.map((item, index) => ({
      rank: index + 1,
      statementId: item.id,
      text: item.text,
      rating: "2 Mostly disagree (provisional)",
      owner: { aadObjectId: "0b7d3c51-3f7e-4d7e-9d3c-6a1c2b3d4e5f", name: "Alexandra Montgomery-Fitzwilliam" },
      dueDate: "2027-03-31",
      status: "At risk",
    })),
    peopleSearch: "organisation",
    empty: "No actions here yet.",
    more: "12 more not shown (areas 2, 5): type actions <area number> for one area's actions.",
  }),
  "action plan (refused)": buildActionPlanCard({
    assessmentId: "t.1",
    title: "Action plan",
    intro: "Ranked as in the compiled plan.",
    actions: [
      {
        rank: 1,
        statementId: statement.id,
        text: statement.text,
        rating: "1 Disagree at present",
        owner: undefined,
        dueDate: "",
        status: "Not started",
        entered: { ownerAadObjectId: "", dueDate: "2027-02-30", status: "On track" },
      },
    ],
    peopleSearch: "conversation",
    empty: "No actions here yet.",
    error: "The due date for 7a must be a real date (yyyy-mm-dd).",
  }),
  "re-rating (thread)": buildReRatingCard({
    framework,
    assessmentId: "t.1",
    area,
    statement,
    round: 2,
    previousAnswers: [
      { rating: 4, evidence: "Panel minutes show *every* plan reviewed" },
      { rating: 1, evidence: "Several plans were never reviewed" },
      { rating: 1, evidence: "" },
    ],
    closed: false,
    refreshUserIds: ["29:a", "29:b", "29:c"],
  }),
  "re-rating (own view, error)": buildReRatingCard({
    framework,
    assessmentId: "t.1",
    area,
    statement,
    round: 2,
    previousAnswers: [{ rating: 4, evidence: "Panel minutes" }],
    closed: false,
    refreshUserIds: [],
    mine: { earlierRating: 4, entered: { rating: "", evidence: "Panel minutes", ideas: "" }, error: "Choose a rating" },
  }),
  "re-rating (sixty long reasons)": buildReRatingCard({
    framework,
    assessmentId: "t.1",
    area,
    statement,
    round: 2,
    previousAnswers: Array.from({ length: 60 }, (_, index) => ({
      rating: ((index % 4) + 1) as 1 | 2 | 3 | 4,
      evidence: `${index} ${"x".repeat(ANSWER_LIMITS.evidenceMaxChars - 3)}`,
    })),
    closed: false,
    refreshUserIds: [],
    mine: {
      earlierRating: 2,
      entered: {
        rating: "2",
        evidence: "e".repeat(ANSWER_LIMITS.evidenceMaxChars),
        ideas: "i".repeat(ANSWER_LIMITS.ideasMaxChars),
      },
      saved: "Your round 2 rating is saved",
    },
  }),
  "new cycle": buildNewCycleCard({
    title: "Close cycle 1 and start cycle 2?",
    lines: ["Cycle 1 closes."],
    groups: [{ area: "Area 7: Housing", channel: "Housing group", leads: "Lee" }],
    leftBehind: ["Area 3: its channel can no longer be reached; assign it again."],
    assessmentId: "t.1",
  }),
  notice: buildNoticeCard({ title: "Saved", lines: ["One", "Two"], facts: [{ title: "a", value: "b" }], tone: "good" }),
};

describe("card templates", () => {
  for (const [name, card] of Object.entries(samples)) {
    it(`${name} parses cleanly as Adaptive Card 1.5 and stays under Teams' 28 KB`, () => {
      assert.equal(card.version, "1.5");
      assert.deepEqual(
        validationProblems(card).filter(
          (problem) =>
            !(
              (name === "assign" || name.startsWith("action plan")) &&
              TEAMS_PEOPLE_PICKER.some((known) => problem.includes(known))
            ),
        ),
        [],
      );
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000);
      assert.equal(JSON.stringify(card).includes("${"), false, "no unexpanded template expressions");
    });
  }

  it("keeps the statement's exact text and all four ratings with their guide", () => {
    const text = JSON.stringify(samples["statement (base)"]);
    assert.ok(text.includes(JSON.stringify(statement.text).slice(1, -1)));
    for (const level of framework.scale) assert.ok(text.includes(level.guide));
  });

  it("shows the group's reasons on a re-rating card without names, and the member's own rating only in their view", () => {
    const base = JSON.stringify(samples["re-rating (thread)"]);
    assert.ok(base.includes("Panel minutes show \\\\*every\\\\* plan reviewed"), base);
    assert.ok(base.includes("Rated 1 · Disagree (2 people)") && base.includes("Round 1: 2 disagree, 1 agree"));
    assert.equal(base.includes('"Input.ChoiceSet"'), false, "the shared view has no one's rating");
    const own = JSON.stringify(samples["re-rating (own view, error)"]);
    assert.ok(own.includes("Your rating in round 1: 4 · Agree") && own.includes("Keep my rating (4)"));
    assert.ok(JSON.stringify(samples["re-rating (sixty long reasons)"]).includes("longer reasons do not fit"));
  });

  it("gives every Action.Execute verb in every template a handler", () => {
    const dir = join(__dirname, "../../cards/templates");
    const verbs = readdirSync(dir).flatMap((file) =>
      [...readFileSync(join(dir, file), "utf8").matchAll(/"verb":\s*"([A-Za-z]+)"/g)].map((match) => match[1] ?? ""),
    );
    assert.ok(verbs.length > 0);
    for (const verb of verbs)
      assert.ok((CARD_VERBS as readonly string[]).includes(verb), `no handler for verb ${verb}`);
  });
});
