import { z } from "zod";
import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { plural } from "../../../assessment/text/plural";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { refusal } from "../../teams/replies";
import { verifyForgetRequest } from "../../dataProtection/forgetToken";
import { erasePerson } from "../../dataProtection/erasePerson";
import type { Ports } from "../../app/botServices";
import type { ActionHandler } from "../actionContext";
import { turnLogger } from "../../app/correlationMiddleware";

const confirmSchema = z.object({ confirm: z.enum(["yes", "no"]), token: z.string().min(1).max(2000) });

type ConfirmForgetPorts = Parameters<typeof erasePerson>[0] &
  Ports<"config" | "downloadSecret" | "clock" | "logger", "audit">;

/**
 * The coordinator's answer to the `forget` confirmation card. The role is checked again here (the
 * card may have been forwarded), and the signed token must be this assessment's and unexpired.
 * The audit records that a person was erased, by whom and how much — never who.
 */
export const confirmForgetAction: ActionHandler<ConfirmForgetPorts> = async ({
  turn,
  caller,
  services,
  assessmentId,
  data,
}) => {
  const parsed = confirmSchema.safeParse(data);
  if (!parsed.success)
    return notErased("That confirmation was not in a form I understand. Type **forget @person** again.");
  if (!isAllowed("confirmForget", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    return buildNoticeCard(refusal("erase a person's data", whoMay("confirmForget")));
  }
  if (parsed.data.confirm === "no")
    return buildNoticeCard({ title: "Nothing was erased", lines: ["You cancelled; everything is as it was."] });
  const verified = verifyForgetRequest(parsed.data.token, services.downloadSecret, services.clock());
  if (!verified.ok || verified.request.assessmentId !== assessmentId) {
    return notErased(
      verified.ok || verified.reason === "forged"
        ? "This confirmation is not valid for the current assessment."
        : "This confirmation card has expired. Type **forget @person** again.",
    );
  }
  const counts = await erasePerson(services, assessmentId, verified.request.aadObjectId);
  // A second press of the same card (or a person with no data) changes nothing, so nothing is audited.
  if (Object.values(counts).every((count) => count === 0))
    return notErased("Nothing is stored about this person in the current assessment (any data was already erased).");
  const now = services.clock().toISOString();
  await services.storage.audit.append({
    assessmentId,
    at: now,
    actorAadObjectId: caller.person.aadObjectId,
    action: "personErased",
    target: "a person",
    after: JSON.stringify(counts),
  });
  turnLogger(turn, services.logger).info({ erased: counts }, "a person's data was erased");
  return buildNoticeCard({
    title: "Erased",
    lines: [
      `${plural(counts.answers, "answer")} and ${plural(counts.globalScores, "global score")} deleted; ${plural(counts.decisions, "moderation record")}, ${plural(counts.assignments, "area assignment")} and ${plural(counts.auditEntries, "audit entry", "audit entries")} now show "(removed)".`,
      ...(counts.actionItems > 0
        ? [
            `${plural(counts.actionItems, "action")} of the action plan they owned or last changed now show "(removed)".`,
          ]
        : []),
      "Compile again to get documents without them; documents compiled earlier are not changed.",
    ],
    tone: "good",
  });
};

function notErased(message: string) {
  return buildNoticeCard({ title: "Nothing was erased", lines: [message], tone: "warning" });
}
