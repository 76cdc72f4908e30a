import type { NoticeCardData } from "../../cards/noticeCard";
import type { TurnCaller } from "../teams/turnCaller";
import { COMMANDS, type CommandInfo } from "./commandCatalogue";
import type { CommandName } from "./parseCommand";

/** Where a message came from, as far as which commands work there. */
export type CommandPlace = CommandInfo["scopes"][number] | "privateOrSharedChannel";

/**
 * Private and shared channels are not standard channels of the team: "Posting a message or Adaptive
 * Card to a private channel is currently not supported"
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations),
 * and their members are not the team's ("Don't assume that team membership is equal to channel
 * membership", https://learn.microsoft.com/en-us/microsoftteams/platform/build-apps-for-shared-private-channels)
 * while botbuilder's TeamsInfo reads the team's roster in any channel. So no working group there.
 */
export function commandPlaceOf(caller: TurnCaller): CommandPlace {
  if (caller.team && caller.team.channelType !== "standard") return "privateOrSharedChannel";
  return caller.conversationType === "channel" ? "team" : caller.conversationType;
}

/** The commands that work in a place: in a private or shared channel only `help`. */
export function worksIn(command: CommandInfo, place: CommandPlace): boolean {
  return place === "privateOrSharedChannel"
    ? command.name === "help"
    : (command.scopes as readonly string[]).includes(place);
}

/**
 * A command typed where it cannot work is refused before anything is read or written, so nothing is
 * half-created: e.g. `assign` in a private channel would store a group whose cards Teams cannot post.
 */
export function placeRefusal(caller: TurnCaller, name: CommandName): NoticeCardData | undefined {
  const place = commandPlaceOf(caller);
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command || worksIn(command, place)) return undefined;
  if (place === "privateOrSharedChannel") {
    return {
      title: "Working groups need a standard channel",
      lines: [...placeNote(place), "Nothing was changed."],
      tone: "warning",
    };
  }
  const where = command.scopes.map((scope) => PLACE_NAMES[scope]).join(" or ");
  return {
    title: `"${name}" doesn't work here`,
    lines: [`**${name}** works in ${where}.`, ...placeNote(place), "Nothing was changed."],
    tone: "warning",
  };
}

/** What `help` and refusals say about the place itself, when it limits what the bot does. */
export function placeNote(place: CommandPlace): string[] {
  if (place === "privateOrSharedChannel") {
    return [
      `This is a private or shared channel: Teams doesn't let me post statement cards here, and its members aren't the team's, so I don't run working groups here.`,
      "Each working group uses a standard channel of the team: the coordinator types **assign** there.",
    ];
  }
  if (place === "groupChat") {
    return [
      "Working groups don't run in group chats: each uses a standard channel of a team, where the coordinator types **assign**.",
    ];
  }
  return [];
}

const PLACE_NAMES: Record<CommandInfo["scopes"][number], string> = {
  team: "a team's standard channel",
  personal: "your personal chat with me",
  groupChat: "a group chat",
};
