import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { parseYoungPeopleScores } from "../../../assessment/youngPeople/youngPeopleScores";
import { buildYoungPeopleCard } from "../../../cards/youngPeopleCard";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { replyWithCard, replyWithNotice, refusal } from "../../teams/replies";
import { recordYoungPeopleScores } from "../../youngPeople/recordYoungPeopleScores";
import { describeYoungPeopleScores } from "../../youngPeople/describeYoungPeopleScores";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";

type YoungpeoplePorts = Parameters<typeof recordYoungPeopleScores>[0] & Ports<"config" | "framework">;

/**
 * `youngpeople 1=6 2=5 … [from=<where they came from>]` records the young people's scores inline;
 * `youngpeople` alone answers with a card of ten 0–10 inputs and a note field.
 */
export const youngpeopleCommand: CommandHandler<YoungpeoplePorts> = async ({
  turn,
  caller,
  services,
  assessment,
  rawArgs,
}) => {
  const roles = resolveRoles({
    caller,
    coordinatorAadIds: services.config.coordinatorAadIds,
    participationWorkers: assessment.participationWorkers,
  });
  if (!isAllowed("youngpeople", roles)) {
    await replyWithNotice(turn, refusal("record the young people's scores", whoMay("youngpeople")));
    return;
  }
  const { framework } = services;
  if (rawArgs.trim() === "") {
    await replyWithCard(
      turn,
      buildYoungPeopleCard({ framework, assessmentId: assessment.id, current: assessment.youngPeople }),
    );
    return;
  }
  const parsed = parseYoungPeopleScores(
    rawArgs,
    framework.areas.map((area) => area.number),
    framework.globalScoreMax,
  );
  if (!parsed.ok) {
    await replyWithNotice(turn, {
      title: "Check the young people's scores",
      lines: [parsed.message, "Usage: **youngpeople 1=6 2=5 … from=<where they came from>**"],
      tone: "warning",
    });
    return;
  }
  const saved = await recordYoungPeopleScores(services, assessment, caller.person.aadObjectId, parsed);
  await replyWithNotice(turn, describeYoungPeopleScores(framework, saved));
};
