import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { replyWithNotice, refusal } from "../../teams/replies";
import { parseDetails } from "../commandArguments";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";
import { formatCalendarDate } from "../../../assessment/time/formatDates";
import { markdownLiteral } from "../../../assessment/text/markdownLiteral";

type DetailsPorts = Ports<"config" | "clock", "assessments" | "audit">;

/** The coordinator sets the assessment's front-sheet details: local authority, deadline, time zone. */
export const detailsCommand: CommandHandler<DetailsPorts> = async ({ turn, caller, services, assessment, rawArgs }) => {
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
  const outcome = await services.storage.assessments.updateWith(assessment.id, (current) => {
    const base = current ?? assessment;
    return {
      ...base,
      localAuthority: name ?? base.localAuthority,
      deadline: deadline ?? base.deadline,
      timeZone: tz ?? base.timeZone,
      completionMethod: how ?? base.completionMethod,
      rolesInvolved: roles ?? base.rolesInvolved,
    };
  });
  const updated = outcome.current?.value ?? assessment;
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
      { title: "Local authority", value: markdownLiteral(updated.localAuthority) || "not set" },
      { title: "Deadline", value: updated.deadline ? formatCalendarDate(updated.deadline) : "not set" },
      { title: "Time zone", value: updated.timeZone },
    ],
    tone: "good",
  });
};
