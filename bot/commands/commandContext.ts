import type { TurnContext } from "botbuilder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { BotServices } from "../app/botServices";
import type { TurnCaller } from "../teams/turnCaller";
import type { CommandName } from "./parseCommand";

/** What a command handler gets; `P` names the ports it uses (the bot passes them all). */
export interface CommandContext<P> {
  turn: TurnContext;
  caller: TurnCaller;
  services: P;
  assessment: AssessmentDetails;
  args: string[];
  rawArgs: string;
}

/** One handler per command: a flat list of early exits — parse → check role → act → answer. */
export type CommandHandler<P> = (context: CommandContext<P>) => Promise<void>;

/** The bot holds every handler, so it passes the whole bag; each handler takes only its ports from it. */
export type CommandRegistry = Record<CommandName, CommandHandler<BotServices>>;
