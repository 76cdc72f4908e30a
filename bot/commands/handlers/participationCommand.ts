import { MAX_PARTICIPATION_WORKERS } from "../../../assessment/groups/assessmentDetails";
import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { markdownLiteral } from "../../../assessment/text/markdownLiteral";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { refusal, replyWithNotice } from "../../teams/replies";
import { resolveMentionedPeople } from "../../teams/resolveMentionedPeople";
import type { RosterPorts } from "../../teams/teamRoster";
import { nameParticipationWorkers } from "../../youngPeople/nameParticipationWorkers";
import type { CommandHandler } from "../commandContext";
import type { Ports } from "../../app/botServices";

type ParticipationPorts = RosterPorts & Parameters<typeof nameParticipationWorkers>[0] & Ports<"config">;

const USAGE = "Usage: **participation @name** (in a team channel), or **participation none** to name nobody";

/**
 * `participation @name …` names the participation worker(s) who may enter the young people's scores
 * (and nothing else); `participation none` names nobody; `participation` alone says who is named.
 * Mentions are resolved through the team roster, as `assign` does for leads.
 */
export const participationCommand: CommandHandler<ParticipationPorts> = async (context) => {
  const { turn, caller, services, assessment, rawArgs } = context;
  if (!isAllowed("participation", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal("name the participation worker", whoMay("participation")));
    return;
  }
  const clearing = /^none$/i.test(rawArgs.trim());
  const mentioned = await resolveMentionedPeople(turn, services);
  if (!mentioned.ok) {
    await replyWithNotice(turn, {
      title: "Who should enter the young people's scores?",
      lines: [...mentioned.problems, "Nobody was named.", USAGE],
      tone: "warning",
    });
    return;
  }
  if (!clearing && mentioned.people.length === 0) {
    const named = assessment.participationWorkers ?? [];
    await replyWithNotice(turn, {
      title: "Participation workers",
      lines: [
        named.length === 0
          ? "Nobody is named: only the coordinator enters the young people's scores."
          : `Named to enter the young people's scores: ${named.map((person) => markdownLiteral(person.name)).join(", ")}.`,
        USAGE,
      ],
    });
    return;
  }
  if (mentioned.people.length > MAX_PARTICIPATION_WORKERS) {
    await replyWithNotice(turn, {
      title: "Too many people",
      lines: [`Name at most ${MAX_PARTICIPATION_WORKERS} participation workers. Nobody was named.`],
      tone: "warning",
    });
    return;
  }
  const workers = clearing ? [] : mentioned.people;
  await nameParticipationWorkers(services, assessment, caller.person.aadObjectId, workers);
  await replyWithNotice(turn, {
    title: "Participation workers named",
    lines: [
      workers.length === 0
        ? "Nobody is named now: only the coordinator enters the young people's scores."
        : `${workers.map((person) => markdownLiteral(person.name)).join(", ")} may now enter the young people's scores (**youngpeople**), and nothing else.`,
    ],
    tone: "good",
  });
};
