import type { Area } from "../../../assessment/framework/frameworkSchema";
import type { DigestStatement } from "../../../assessment/digest/buildAreaDigest";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import type { Ports } from "../../app/botServices";
import { readStagePosition } from "../meetingStage";
import type { AgreedDecision, StageView } from "../tabApiContract";
import { storedAreaDigest } from "./storedAreaDigest";

/**
 * The meeting stage for an area: the statement the lead put on stage (or the first flagged one)
 * from the same digest the lead moderates, its comments stripped of their authors and its decision
 * of who recorded it. Built without a roster read: every participant's page asks for it every few seconds.
 */
export async function stageView(
  services: Parameters<typeof storedAreaDigest>[0] & Ports<never, "botState">,
  assignment: AreaAssignment,
  area: Area,
): Promise<StageView> {
  const [{ digest }, position] = await Promise.all([
    storedAreaDigest(services, assignment, area, undefined),
    readStagePosition(services.storage.botState, assignment.assessmentId, area.number),
  ]);
  const flagged = digest.statements.filter((statement) => statement.flagged);
  const shown = flagged.find((statement) => statement.statementId === position?.statementId) ?? flagged[0];
  return {
    areaNumber: area.number,
    areaTitle: area.title,
    flagged: flagged.map((statement) => statement.statementId),
    ...(shown
      ? {
          statement: {
            statementId: shown.statementId,
            text: shown.text,
            answered: shown.answered,
            distributionWords: shown.distributionWords,
            flags: shown.flags,
            comments: shown.comments.map(({ kind, rating, text }) => ({ kind, rating, text })),
            ...(shown.decision ? { decision: agreedWords(shown.decision) } : {}),
          },
        }
      : {}),
    ...(position ? { movedAt: position.movedAt } : {}),
  };
}

/** The decision's agreed words and time, named one by one so who decided never reaches the stage. */
function agreedWords(decision: NonNullable<DigestStatement["decision"]>): AgreedDecision {
  const { agreedRating, rationale, agreedEvidence, agreedIdeas, decidedAt } = decision;
  return {
    agreedRating,
    rationale,
    decidedAt,
    ...(agreedEvidence === undefined ? {} : { agreedEvidence }),
    ...(agreedIdeas === undefined ? {} : { agreedIdeas }),
  };
}
