import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { buildCompileSummaryCard } from "../../../cards/compileSummaryCard";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { replyWithCard, replyWithNotice, refusal } from "../../teams/replies";
import { compileAndOffer, type CompilePorts } from "../../compile/compileAndOffer";
import type { CommandHandler } from "../commandContext";
import { plural } from "../../../assessment/text/plural";

/** The coordinator compiles the assessment (compileAndOffer): a summary card with signed download links for each copy and the action plan. */
export const compileCommand: CommandHandler<CompilePorts> = async ({ turn, caller, services, assessment }) => {
  if (!isAllowed("compile", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal("compile the self-assessment", whoMay("compile")));
    return;
  }
  const { compiled, groups } = await compileAndOffer(services, {
    assessmentId: assessment.id,
    actorAadObjectId: caller.person.aadObjectId,
  });
  await replyWithCard(
    turn,
    buildCompileSummaryCard(compiled, {
      groups,
      expiresIn: `in ${plural(services.config.downloadLinks.ttlMinutes, "minute")}`,
    }),
  );
};
