import type { TeamsManifestV1D30 } from "@microsoft/app-manifest";
import type { CommandInfo } from "../../bot/commands/commandCatalogue";

export type BotScope = CommandInfo["scopes"][number];
export type CommandList = TeamsManifestV1D30.CommandList;

/** Every scope the bot is installed in, in the order the menus are listed. */
export const BOT_SCOPES: readonly BotScope[] = ["team", "personal", "groupChat"];

/**
 * Teams documents a command menu of up to 10 commands. Schemas 1.25+ accept 12, but the
 * documented limit is the one clients are known to honour, so we keep to it.
 */
export const MAX_COMMANDS_PER_LIST = 10;

export interface OmittedCommands {
  scope: BotScope;
  names: string[];
}

export interface BuiltCommandLists {
  commandLists: CommandList[];
  /** Commands past the limit, per scope: still typed by hand, just not offered in the menu. */
  omitted: OmittedCommands[];
}

/**
 * The manifest's command menus, one per scope, straight from the catalogue so the menu can never
 * offer a command the bot does not know. Past the limit the first commands in catalogue order win.
 */
export function buildCommandLists(
  commands: readonly CommandInfo[],
  limit: number = MAX_COMMANDS_PER_LIST,
): BuiltCommandLists {
  const commandLists: CommandList[] = [];
  const omitted: OmittedCommands[] = [];
  for (const scope of BOT_SCOPES) {
    const inScope = commands.filter((command) => command.scopes.includes(scope));
    if (inScope.length === 0) continue;
    commandLists.push({
      scopes: [scope],
      commands: inScope.slice(0, limit).map((command) => ({ title: command.name, description: command.description })),
    });
    if (inScope.length > limit) omitted.push({ scope, names: inScope.slice(limit).map((command) => command.name) });
  }
  return { commandLists, omitted };
}
