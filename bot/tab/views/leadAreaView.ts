import type { Person } from "../../../assessment/answers/person";
import type { Area } from "../../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import type { Ports } from "../../app/botServices";
import { areaProgress } from "../../../assessment/answers/areaProgress";
import type { LeadAreaView } from "../tabApiContract";
import { storedAreaDigest } from "./storedAreaDigest";

/**
 * The lead's area view: the digest the bot sends (same consensus rule, same decisions, and each
 * statement's comments with the rating they came with) and who has not answered from the team's roster.
 */
export async function leadAreaView(
  services: Ports<"framework" | "config", "assessments" | "moderation" | "responses">,
  assignment: AreaAssignment,
  area: Area,
  roster: readonly Person[] | undefined,
): Promise<LeadAreaView> {
  const { digest, answers, globalScores } = await storedAreaDigest(services, assignment, area, roster?.length);
  const progress = roster ? areaProgress(area, answers, globalScores, roster) : undefined;
  return {
    digest,
    globalScoreMax: services.framework.globalScoreMax,
    status: assignment.status,
    ...(progress
      ? {
          notAnswered: progress.notDone.map(({ person, missing }) => ({
            name: person.name || "A member",
            missing: missing.length,
          })),
        }
      : {}),
  };
}
