import type { TurnContext } from "botbuilder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { BotServices } from "../app/botServices";
import type { TurnCaller } from "../teams/turnCaller";
import type { CommandName } from "./parseCommand";

export interface CommandContext {
  turn: TurnContext;
  caller: TurnCaller;
  services: BotServices;
  assessment: AssessmentDetails;
  args: string[];
  rawArgs: string;
}

/** One handler per command: a flat list of early exits — parse → check role → act → answer. */
export type CommandHandler = (context: CommandContext) => Promise<void>;

export type CommandRegistry = Record<CommandName, CommandHandler>;
