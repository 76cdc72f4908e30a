import { z } from "zod";
import type { Area, Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { isAllowed, whoMay, type Operation } from "../../assessment/roles/authorizationMatrix";
import { findArea, findStatement } from "../../assessment/framework/frameworkLookup";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import type { Ports } from "../app/botServices";
import type { ActionContext } from "./actionContext";

/** Which statement a card is about, from the card's own data — untrusted: it can be forged. */
const cardIdentitySchema = z.object({
  assessmentId: z.string().min(1).max(300),
  areaNumber: z.coerce.number().int().min(1).max(99),
  statementId: z.string().min(1).max(16),
});

export type CardTarget =
  { ok: true; assignment: AreaAssignment; area: Area; statement?: Statement } | { ok: false; message: string };

/** Looking up the framework and the stored assignment, and who the coordinators are. */
export type CardTargetPorts = Ports<"framework" | "config", "assignments">;

/**
 * Checks a card action against what is stored: the current assessment, a real statement of the
 * stated area, an assigned area, and the caller's role for that area's channel. Anything that
 * doesn't match (another group's card, an old assessment, an invented statement) is refused.
 */
export async function resolveCardTarget(
  context: ActionContext<CardTargetPorts>,
  operation: Operation,
  options: { statementRequired: boolean },
): Promise<CardTarget> {
  const parsed = cardIdentitySchema.safeParse({
    statementId: options.statementRequired ? undefined : "global",
    ...context.data,
  });
  if (!parsed.success)
    return { ok: false, message: "This card is damaged or out of date. Ask your lead to post the statements again." };
  const { assessmentId, areaNumber, statementId } = parsed.data;
  if (assessmentId !== context.assessmentId)
    return { ok: false, message: "This card belongs to an earlier assessment, which no longer takes answers." };
  const area = findArea(context.services.framework, areaNumber);
  const found = statementId === "global" ? undefined : findStatement(context.services.framework, statementId);
  if (!area || (options.statementRequired && (!found || found.area.number !== areaNumber))) {
    return { ok: false, message: "This card refers to a statement that isn't in the framework." };
  }
  const stored = await context.services.storage.assignments.get(assessmentId, areaNumber);
  if (!stored) return { ok: false, message: `Area ${areaNumber} has no working group at the moment.` };
  const roles = resolveRoles({
    caller: context.caller,
    coordinatorAadIds: context.services.config.coordinatorAadIds,
    assignment: stored.value,
  });
  if (!isAllowed(operation, roles)) {
    return {
      ok: false,
      message: `This card belongs to another working group. Only ${whoMay(operation)} for area ${areaNumber} can use it.`,
    };
  }
  return { ok: true, assignment: stored.value, area, statement: found?.statement };
}
