import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { beginAssignFlow } from "../../dialogs/assignFlow";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { refusal, replyWithNotice } from "../../teams/replies";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";

type AssignPorts = Ports<"config"> & Parameters<typeof beginAssignFlow>[0];

/** Checks the role and the place, then starts the channel's assignment dialog (inline, or the form). */
export const assignCommand: CommandHandler<AssignPorts> = async ({ turn, caller, services, assessment, rawArgs }) => {
  if (!isAllowed("assign", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal("assign areas to working groups", whoMay("assign")));
    return;
  }
  if (!caller.team) {
    await replyWithNotice(turn, {
      title: "Use assign in a channel",
      lines: ["Type **assign** in the team channel of the working group that will take the area(s)."],
      tone: "warning",
    });
    return;
  }
  await beginAssignFlow(services, turn, caller.team.channelId, { caller, assessment, rawArgs });
};
