import type { AreaStatus } from "../../../assessment/groups/workingGroup";
import type { Operation } from "../../../assessment/roles/authorizationMatrix";
import { replyWithNotice } from "../../teams/replies";
import { setAreaStatus } from "../../answers/setAreaStatus";
import { areaCardPlan, cardKeyName } from "../../posting/areaCardPlan";
import { targetAreas, type TargetPorts } from "../areaTargets";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";
import { findArea } from "../../../assessment/framework/frameworkLookup";

type AreaStatusPorts = TargetPorts & Parameters<typeof setAreaStatus>[0] & Ports<"cardUpdater">;

/** `close` and `reopen`: the area's posted cards are refreshed so their buttons match the new state. */
function areaStatusCommand(
  operation: Operation & ("close" | "reopen"),
  status: AreaStatus,
  sentence: string,
  done: string,
): CommandHandler<AreaStatusPorts> {
  return async (context) => {
    const targets = await targetAreas(context, operation, sentence);
    if (!targets) return;
    for (const assignment of targets) {
      const updated = await setAreaStatus(context.services, assignment, status, context.caller.person.aadObjectId);
      const area = findArea(context.services.framework, assignment.areaNumber);
      if (area) {
        for (const key of areaCardPlan(area).filter((item) => item.kind !== "intro"))
          context.services.cardUpdater.schedule(updated, cardKeyName(key));
      }
      await replyWithNotice(context.turn, {
        title: `Area ${assignment.areaNumber} ${done}`,
        lines: [
          status === "closed"
            ? "Answers can no longer be changed. The lead can now moderate from the digest."
            : "Members can answer and change their answers again.",
        ],
        tone: "good",
      });
    }
  };
}

export const closeCommand = areaStatusCommand("close", "closed", "close the area", "is closed");
export const reopenCommand = areaStatusCommand("reopen", "open", "reopen the area", "is open again");
