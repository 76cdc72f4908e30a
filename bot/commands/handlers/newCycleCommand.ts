import { planNextCycle } from "../../../assessment/cycles/planNextCycle";
import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { buildNewCycleCard } from "../../../cards/newCycleCard";
import { cycleAssessmentId } from "../../app/currentAssessment";
import { nextCycleProposal } from "../../cycles/nextCycleProposal";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { replyWithCard, replyWithNotice, refusal } from "../../teams/replies";
import type { CommandHandler } from "../commandContext";
import type { Ports } from "../../app/botServices";

type NewCyclePorts = Ports<"config" | "clock" | "framework", "assignments">;

/**
 * `new cycle`: nothing changes yet. The coordinator gets the proposal — what closes, which groups,
 * channels and leads carry over — and Start / Cancel (confirmNewCycleAction does the work).
 */
export const newCycleCommand: CommandHandler<NewCyclePorts> = async ({ turn, caller, services, assessment }) => {
  if (!isAllowed("new cycle", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal("start a new cycle of the self-assessment", whoMay("new cycle")));
    return;
  }
  const assignments = await services.storage.assignments.list(assessment.id);
  const plan = planNextCycle(assessment, assignments, {
    nextAssessmentId: cycleAssessmentId(caller.tenantId, (assessment.cycle ?? 1) + 1),
    now: services.clock().toISOString(),
    thresholds: services.config.consensus,
    confirmedBy: caller.person.aadObjectId,
  });
  await replyWithCard(turn, buildNewCycleCard(nextCycleProposal(services.framework, assessment, assignments, plan)));
};
