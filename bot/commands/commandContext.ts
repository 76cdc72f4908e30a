import type { TurnContext } from "botbuilder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { BotServices } from "../app/botServices";
import type { TurnCaller } from "../teams/turnCaller";
import type { CommandName } from "./parseCommand";

/** What a command handler gets; `P` names the ports it uses (the bot passes them all). */
export interface CommandContext<P = BotServices> {
  turn: TurnContext;
  caller: TurnCaller;
  services: P;
  assessment: AssessmentDetails;
  args: string[];
  rawArgs: string;
}

/** One handler per command: a flat list of early exits — parse → check role → act → answer. */
export type CommandHandler<P = BotServices> = (context: CommandContext<P>) => Promise<void>;

export type CommandRegistry = Record<CommandName, CommandHandler>;
