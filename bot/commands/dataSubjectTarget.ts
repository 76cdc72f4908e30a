import { isAllowed, whoMay } from "../../assessment/roles/authorizationMatrix";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import { readDataSubject, type DataSubject } from "../dataProtection/dataSubject";
import { replyWithNotice, refusal } from "../teams/replies";
import type { RosterPorts } from "../teams/teamRoster";
import type { Ports } from "../app/botServices";
import type { CommandContext } from "./commandContext";

/** What each command's refusals say it would have done. */
const WORDS = {
  export: { refused: "export a person's data", question: "Whose data should I export?" },
  forget: { refused: "erase a person's data", question: "Whose data should I erase?" },
} as const;

/**
 * Whose data a data-protection command (`export`, `forget`) is about, once the caller is checked
 * against the authorization matrix: on a refusal, or no single person named, the user is told why
 * (with the command's usage) and nothing happens.
 */
export async function dataSubjectTarget(
  context: CommandContext<RosterPorts & Ports<"config">>,
  operation: keyof typeof WORDS,
): Promise<DataSubject | undefined> {
  const { turn, caller, services } = context;
  const words = WORDS[operation];
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
