import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { buildYoungPeopleCard, youngPeopleInputId } from "../../../cards/youngPeopleCard";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { refusal } from "../../teams/replies";
import { describeYoungPeopleScores } from "../../youngPeople/describeYoungPeopleScores";
import { recordYoungPeopleScores } from "../../youngPeople/recordYoungPeopleScores";
import { enteredChoice, enteredText, typedString } from "../enteredText";
import type { Ports } from "../../app/botServices";
import type { ActionHandler } from "../actionContext";

/** The source note's limit (youngPeopleScoresSchema): what the echo gives back at most. */
const YOUNG_PEOPLE_SOURCE_MAX_CHARS = 500;

type RecordYoungPeopleScoresPorts = Parameters<typeof recordYoungPeopleScores>[0] & Ports<"config" | "framework">;

/** The young people's scores card's Save: blank areas are left as they are; a bad score keeps what was typed. */
export const recordYoungPeopleScoresAction: ActionHandler<RecordYoungPeopleScoresPorts> = async ({
  caller,
  services,
  data,
  ...context
}) => {
  const assessment = await context.assessment;
  const roles = resolveRoles({
    caller,
    coordinatorAadIds: services.config.coordinatorAadIds,
    participationWorkers: assessment.participationWorkers,
  });
  if (!isAllowed("recordYoungPeopleScores", roles)) {
    return buildNoticeCard(refusal("record the young people's scores", whoMay("recordYoungPeopleScores")));
  }
  const { framework } = services;
  const max = framework.globalScoreMax;
  const entered: Record<string, string> = { source: enteredText(data, "source", YOUNG_PEOPLE_SOURCE_MAX_CHARS).text };
  const scores: Record<number, number> = {};
  for (const area of framework.areas) {
    const id = youngPeopleInputId(area.number);
    const text = enteredChoice(data, id).trim();
    entered[id] = text;
    if (text === "") continue;
    if (!/^\d{1,3}$/.test(text) || Number(text) > max) {
      return buildYoungPeopleCard({
        framework,
        assessmentId: assessment.id,
        current: assessment.youngPeople,
        entered,
        error: `Area ${area.number}: a whole number from 0 to ${max}.`,
      });
    }
    scores[area.number] = Number(text);
  }
  const source = typedString(data, "source").trim();
  if (source.length > YOUNG_PEOPLE_SOURCE_MAX_CHARS) {
    return buildYoungPeopleCard({
      framework,
      assessmentId: assessment.id,
      current: assessment.youngPeople,
      entered,
      error: "The note is limited to 500 characters.",
    });
  }
  const saved = await recordYoungPeopleScores(services, assessment, caller.person.aadObjectId, {
    scores,
    source: source === "" ? undefined : source,
  });
  return buildNoticeCard(describeYoungPeopleScores(framework, saved));
};
