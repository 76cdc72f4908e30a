import type { ModerationDecision } from "../../assessment/moderation/moderationDecision";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { buildAreaDigest } from "../../assessment/digest/buildAreaDigest";
import { splitDigest } from "../../assessment/digest/splitDigest";
import { buildDigestCard, cardBytes } from "../../cards/digestCard";
import { buildNoticeCard } from "../../cards/noticeCard";
import type { GalleryEntry } from "./galleryEntry";
import type { SampleAssessment } from "./sampleAssessment";
import { secondRoundSample } from "./secondRoundSample";

/** What a group's lead sees: replies to their commands in the channel and the moderation digest in their chat. */
export function leadCards(sample: SampleAssessment): GalleryEntry[] {
  const { area } = sample;
  const first = digestPages(sample)[0];
  if (!first) throw new Error(`the sample digest of area ${area.number} has no pages`);
  const flagged = first.digest.statements.find((statement) => statement.flagged);
  if (!flagged)
    throw new Error(`the sample digest of area ${area.number} flags no statement: pick another seed or area`);
  const second = secondRoundSample(sample);
  const afterRound = digestPages(sample, { answers: second.answers, rounds: [second.round] })[0];
  if (!afterRound) throw new Error(`the sample digest of area ${area.number} after a second round has no pages`);
  return [
    {
      id: "lead-notice-start",
      audience: "leads",
      template: "noticeCard",
      title: "Notice: posting the area",
      caption: "The reply to `start` in the channel, just before the intro and statement cards arrive.",
      card: buildNoticeCard({
        title: `Posting area ${area.number}: ${area.title}`,
        lines: [`${area.statements.length} statements follow, then the global score. They arrive a few seconds apart.`],
      }),
    },
    {
      id: "lead-notice-status",
      audience: "leads",
      template: "noticeCard",
      title: "Notice: status",
      caption:
        "The reply to `status` in the channel. Members see the counts; leads and the coordinator also see who has not finished.",
      card: statusNotice(sample),
    },
    {
      id: "lead-digest",
      audience: "leads",
      template: "digestCard",
      title: `Moderation digest (page 1 of ${first.pageCount})`,
      caption: `In the lead's personal chat after \`digest\` (or on the schedule). Flagged statements come first (here ${flagged.statementId}: ${flagged.flags.length} flag(s)); the first page also holds the global score decision.`,
      card: buildDigestCard(first, sample.framework.globalScoreMax),
    },
    {
      id: "lead-notice-send-back",
      audience: "leads",
      template: "noticeCard",
      title: "Notice: sent back to the group",
      caption:
        "The answer to Send back to the group (one statement) or Send all flagged back (the bulk section) on the digest, or the same buttons in the tab.",
      card: buildNoticeCard({
        title: `Sent 1 statement back to the group in area ${area.number}`,
        lines: [
          `Sent back: ${second.statementId} (round 2). Each member who answered can confirm or change their rating in the statement's thread; type **digest** to see who moved.`,
        ],
        tone: "good",
      }),
    },
    {
      id: "lead-digest-round-2",
      audience: "leads",
      template: "digestCard",
      title: "Moderation digest after a second round",
      caption: `The next digest after ${second.statementId} went back to the group: round 1 → 2, who moved and who kept their rating (names are for the lead), and — now that it agrees — its rating proposed for Accept.`,
      card: buildDigestCard(afterRound, sample.framework.globalScoreMax),
    },
    {
      id: "lead-digest-decision-form",
      audience: "leads",
      template: "digestCard",
      title: `Moderation digest: the decision form for ${flagged.statementId}, opened`,
      caption: `After the lead opens ${flagged.statementId} on the digest, with a decision recorded: the agreed rating and why, then the group's agreed evidence summary and ideas (optional; the compiled document shows them instead of each member's words, which go to its appendix).`,
      card: opened(decisionFormPage(sample, flagged.statementId), `details_${flagged.statementId}`),
    },
    {
      id: "lead-notice-decision",
      audience: "leads",
      template: "noticeCard",
      title: "Notice: agreed rating recorded",
      caption: "The answer to Record the agreed rating on a digest card.",
      card: buildNoticeCard({
        title: `Agreed rating for ${flagged.statementId} recorded`,
        lines: [`${flagged.statementId}: ${flagged.text}`, "Agreed rating: 2."],
        tone: "good",
      }),
    },
    {
      id: "lead-notice-closed",
      audience: "leads",
      template: "noticeCard",
      title: "Notice: area closed",
      caption: "The reply to `close` in the channel; the posted cards are refreshed to their closed state.",
      card: buildNoticeCard({
        title: `Area ${area.number} closed`,
        lines: ["Answers can no longer be changed. The lead can now moderate from the digest."],
        tone: "good",
      }),
    },
  ];
}

function statusNotice({ records, area }: SampleAssessment) {
  const answers = records.answers.filter((answer) => answer.areaNumber === area.number);
  const respondents = [
    ...new Map(answers.map((answer) => [answer.respondent.aadObjectId, answer.respondent])).values(),
  ];
  const notDone = respondents
    .map((person) => ({
      name: person.name,
      left:
        area.statements.length -
        answers.filter((answer) => answer.respondent.aadObjectId === person.aadObjectId).length,
    }))
    .filter((item) => item.left > 0);
  const scores = records.globalScores.filter((score) => score.areaNumber === area.number).length;
  return buildNoticeCard({
    title: `Area ${area.number}: ${area.title}`,
    lines: [
      `Status: open. ${respondents.length} people have answered; ${scores} gave a global score.`,
      notDone.length === 0
        ? "Everyone in the channel has answered every statement."
        : `Not finished: ${notDone.map((item) => `${item.name} (${item.left} left)`).join(", ")}`,
    ],
    facts: area.statements.map((statement) => ({
      title: statement.id,
      value: `${answers.filter((answer) => answer.statementId === statement.id).length} answered`,
    })),
  });
}

/** The digest page holding this statement after its lead recorded a decision with agreed text. */
function decisionFormPage(sample: SampleAssessment, statementId: string): AdaptiveCard {
  const decision: ModerationDecision = {
    assessmentId: sample.records.details.id,
    areaNumber: sample.area.number,
    statementId,
    agreedRating: 2,
    rationale: "Discussed at the group meeting: the plans exist but are rarely reviewed with the young person.",
    agreedEvidence:
      "Pathway plans are in place for every care leaver; the March audit found a third had not been reviewed with the young person in six months.",
    agreedIdeas: "Review plans at every PA visit; ask the care leavers' forum to check a sample each quarter.",
    decidedBy: { aadObjectId: "gallery-lead", teamsUserId: "29:gallery-lead", name: "Sam Lead" },
    decidedAt: "2026-03-20T10:00:00.000Z",
  };
  const page = digestPages(sample, undefined, decision).find((candidate) =>
    candidate.statements.some((statement) => statement.statementId === statementId),
  );
  if (!page) throw new Error(`no digest page holds ${statementId}`);
  return buildDigestCard(page, sample.framework.globalScoreMax);
}

/** The card as Teams shows it after Action.ToggleVisibility revealed the element with this id. */
function opened(card: AdaptiveCard, id: string): AdaptiveCard {
  const reveal = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(reveal);
    if (typeof node !== "object" || node === null) return node;
    const entries = Object.entries(node).map(([key, value]) => [key, reveal(value)]);
    const copy = Object.fromEntries(entries) as Record<string, unknown>;
    return copy["id"] === id ? { ...copy, isVisible: true } : copy;
  };
  return reveal(card) as AdaptiveCard;
}

/** The digest pages exactly as the bot splits them (same measure as bot/digest/deliverAreaDigests). */
function digestPages(
  sample: SampleAssessment,
  after?: Pick<Parameters<typeof buildAreaDigest>[0], "answers" | "rounds">,
  extraDecision?: ModerationDecision,
) {
  const { records, area, framework } = sample;
  const globalDecision = records.globalDecisions.find((decision) => decision.areaNumber === area.number);
  const digest = buildAreaDigest(
    {
      assessmentId: records.details.id,
      area,
      answers: after?.answers ?? records.answers.filter((answer) => answer.areaNumber === area.number),
      globalScores: records.globalScores.filter((score) => score.areaNumber === area.number),
      members: records.membersPerArea[area.number] ?? 1,
      globalScoreMax: framework.globalScoreMax,
      scale: framework.scale,
      decisions: [
        ...records.decisions.filter(
          (decision) => decision.areaNumber === area.number && decision.statementId !== extraDecision?.statementId,
        ),
        ...(extraDecision ? [extraDecision] : []),
      ],
      ...(globalDecision ? { globalDecision } : {}),
      rounds: after?.rounds ?? [],
      // Open, as while the group still answers: the send-back buttons show.
      areaStatus: "open",
    },
    records.thresholds,
  );
  return splitDigest(digest, (page) => cardBytes(buildDigestCard(page, framework.globalScoreMax)));
}
