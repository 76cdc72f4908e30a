import { isAllowed, whoMay } from "../../assessment/roles/authorizationMatrix";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import { readDataSubject, type DataSubject } from "../dataProtection/dataSubject";
import { replyWithNotice, refusal } from "../teams/replies";
import type { RosterPorts } from "../teams/teamRoster";
import type { Ports } from "../app/botServices";
import type { CommandContext } from "./commandContext";

/**
 * Whose data a data-protection command (`export`, `forget`) is about, once the caller is checked
 * against the authorization matrix: on a refusal, or no single person named, the user is told why
 * (with the command's usage) and nothing happens.
 */
export async function dataSubjectTarget(
  context: CommandContext<RosterPorts & Ports<"config">>,
  operation: "export" | "forget",
  words: { refused: string; question: string },
): Promise<DataSubject | undefined> {
  const { turn, caller, services } = context;
  if (!isAllowed(operation, resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal(words.refused, whoMay(operation)));
    return undefined;
  }
  const target = await readDataSubject(turn, services, context.args);
  if (!target.ok) {
    await replyWithNotice(turn, {
      title: words.question,
      lines: [target.message, `Usage: **${operation} @person**`],
      tone: "warning",
    });
    return undefined;
  }
  return target.subject;
}
