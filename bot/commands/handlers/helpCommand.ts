import { isAllowed } from "../../../assessment/roles/authorizationMatrix";
import type { Role } from "../../../assessment/roles/role";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { replyWithNotice } from "../../teams/replies";
import { COMMANDS } from "../commandCatalogue";
import { commandPlaceOf, placeNote, worksIn } from "../commandPlace";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";

type HelpPorts = Ports<"config", "assignments">;

/** Lists only what the caller may do where they are, so nobody is shown a command that will refuse them. */
export const helpCommand: CommandHandler<HelpPorts> = async ({ turn, caller, services, assessment }) => {
  const assignments = await services.storage.assignments.list(assessment.id);
  const roles = new Set<Role>(resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }));
  for (const assignment of assignments) {
    for (const role of resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds, assignment }))
      roles.add(role);
  }
  const place = commandPlaceOf(caller);
  const usable = COMMANDS.filter((command) => worksIn(command, place) && isAllowed(command.name, [...roles]));
  await replyWithNotice(turn, {
    title: "What I can do for you here",
    lines: [
      "I guide working groups through the Baker & Dixon leaving care self-assessment: each statement arrives as a card to rate, with evidence and ideas.",
      ...placeNote(place),
      ...usable.map((command) => `**${command.usage}** — ${command.description}`),
    ],
  });
};
