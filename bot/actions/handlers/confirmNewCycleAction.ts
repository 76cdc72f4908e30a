import { z } from "zod";
import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { plural } from "../../../assessment/text/plural";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { startNextCycle, type StartNextCyclePorts } from "../../cycles/startNextCycle";
import type { Ports } from "../../app/botServices";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { refusal } from "../../teams/replies";
import type { ActionHandler } from "../actionContext";

const confirmSchema = z.object({ confirm: z.enum(["yes", "no"]), assessmentId: z.string().min(1).max(300) });

/**
 * Start / Cancel on the `new cycle` proposal. The role is checked again (a card can be forwarded);
 * a proposal for an assessment that is no longer current — a second press after the first started
 * the cycle — changes nothing and says so.
 */
export const confirmNewCycleAction: ActionHandler<StartNextCyclePorts & Ports<"config">> = async ({
  caller,
  services,
  assessmentId,
  data,
  ...context
}) => {
  const parsed = confirmSchema.safeParse(data);
  if (!parsed.success) return unchanged("That confirmation was not in a form I understand. Type **new cycle** again.");
  if (!isAllowed("confirmNewCycle", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds })))
    return buildNoticeCard(refusal("start a new cycle of the self-assessment", whoMay("confirmNewCycle")));
  if (parsed.data.confirm === "no")
    return buildNoticeCard({ title: "Nothing changed", lines: ["You cancelled; the current cycle carries on."] });
  if (parsed.data.assessmentId !== assessmentId)
    return unchanged("This proposal is for a cycle that is already closed: the next cycle has started.");
  const outcome = await startNextCycle(services, await context.assessment, {
    tenantId: caller.tenantId,
    aadObjectId: caller.person.aadObjectId,
  });
  if (outcome.kind === "alreadyStarted") return unchanged("The next cycle has already been started.");
  const { next, plan } = outcome;
  return buildNoticeCard({
    title: `Cycle ${next.cycle ?? 1} started`,
    lines: [
      `${plural(plan.carried.length, "area")} carried over with the same channel and leads: each lead types **start** in their channel to post the statements.`,
      ...(plan.leftBehind.length > 0
        ? [`${plural(plan.leftBehind.length, "area")} need assigning again (their channel is gone).`]
        : []),
      `The previous cycle is closed; its answers are kept, read-only.`,
    ],
    tone: "good",
  });
};

function unchanged(message: string) {
  return buildNoticeCard({ title: "Nothing changed", lines: [message], tone: "warning" });
}
