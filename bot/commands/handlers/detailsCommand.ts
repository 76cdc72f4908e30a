import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { resolveRoles } from "../../roles/resolveRoles";
import { replyWithNotice, refusal } from "../../teams/replies";
import { retryOnConflict } from "../../../storage/retryOnConflict";
import { parseDetails } from "../commandArguments";
import type { CommandHandler } from "../commandContext";

/** The coordinator sets the assessment's front-sheet details: local authority, deadline, time zone. */
export const detailsCommand: CommandHandler = async ({ turn, caller, services, assessment, rawArgs }) => {
  if (!isAllowed("details", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal("change the assessment's details", whoMay("details")));
    return;
  }
  const parsed = parseDetails(rawArgs);
  if (!parsed.ok) {
    await replyWithNotice(turn, { title: "Check the details", lines: [parsed.message], tone: "warning" });
    return;
  }
  const { name, deadline, tz, how, roles } = parsed.details;
  const updated = await retryOnConflict(async () => {
    const current = await services.storage.assessments.get(assessment.id);
    const base = current?.value ?? assessment;
    const next = {
      ...base,
      localAuthority: name ?? base.localAuthority,
      deadline: deadline ?? base.deadline,
      timeZone: tz ?? base.timeZone,
      completionMethod: how ?? base.completionMethod,
      rolesInvolved: roles ?? base.rolesInvolved,
    };
    if (current) await services.storage.assessments.replace(next, current.version);
    else await services.storage.assessments.create(next);
    return next;
  });
  await services.storage.audit.append({
    assessmentId: assessment.id,
    at: services.clock().toISOString(),
    actorAadObjectId: caller.person.aadObjectId,
    action: "setDetails",
    target: "assessment",
    after: JSON.stringify({ deadline: updated.deadline, timeZone: updated.timeZone }),
  });
  await replyWithNotice(turn, {
    title: "Assessment details saved",
    lines: [],
    facts: [
      { title: "Local authority", value: updated.localAuthority || "not set" },
      { title: "Deadline", value: updated.deadline ?? "not set" },
      { title: "Time zone", value: updated.timeZone },
    ],
    tone: "good",
  });
};
