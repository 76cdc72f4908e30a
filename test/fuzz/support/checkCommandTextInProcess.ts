import assert from "node:assert/strict";
import { parseAreaNumbers, parseDetails } from "../../../bot/commands/commandArguments";
import { parseCommand } from "../../../bot/commands/parseCommand";
import { mentionedAccounts, textWithoutMentions } from "../../../bot/teams/mentions";
import { readTurnCaller } from "../../../bot/teams/turnCaller";
import { BOT } from "../../../simulator/teams/teamsActivities";

/**
 * One message at the boundary the command handlers stand on, without the network: who sent it,
 * whom it mentions (ids and names within what a stored Person allows, or the assignment that
 * stores them as leads would fail), the command word and its arguments. None of it may throw.
 */
export function checkCommandTextInProcess(activity: Record<string, unknown>): void {
  assert.ok(readTurnCaller(activity).ok, "a Teams-shaped message has a readable caller");
  for (const account of mentionedAccounts(activity, [BOT.id])) {
    assert.ok(
      account.id.length >= 1 && account.id.length <= 512 && account.name.length <= 256,
      "a mentioned account fits a stored Person",
    );
  }
  const command = parseCommand(
    textWithoutMentions(typeof activity["text"] === "string" ? activity["text"] : undefined),
  );
  if (command.kind === "unknown")
    assert.ok(command.word.length <= 40, "an unknown word is cut to 40 characters for the reply");
  if (command.kind !== "command") return;
  const areas = parseAreaNumbers(command.args);
  if (areas.ok)
    assert.ok(
      areas.areas.every((area) => Number.isSafeInteger(area) && area >= 1),
      `areas are whole numbers: ${areas.areas.join(",")}`,
    );
  const details = parseDetails(command.rawArgs);
  if (details.ok) {
    const { name, how, roles } = details.details;
    assert.ok(
      (name?.length ?? 0) <= 200 && (how?.length ?? 0) <= 2000 && (roles?.length ?? 0) <= 2000,
      "details stay within the front sheet's limits",
    );
  }
}
