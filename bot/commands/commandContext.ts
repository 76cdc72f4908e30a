import type { TurnContext } from "botbuilder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { BotServices } from "../app/botServices";
import type { TurnCaller } from "../teams/turnCaller";
import type { CommandName } from "./parseCommand";
import type { AssignDialogOptions } from "../dialogs/assignDialog";

export interface CommandContext {
  turn: TurnContext;
  caller: TurnCaller;
  services: BotServices;
  assessment: AssessmentDetails;
  args: string[];
  rawArgs: string;
  /** Starts the assignment dialog in this conversation (its state lives in Tables between turns). */
  startAssignDialog: (options: AssignDialogOptions) => Promise<void>;
}

/** One handler per command: a flat list of early exits — parse → check role → act → answer. */
export type CommandHandler = (context: CommandContext) => Promise<void>;

export type CommandRegistry = Record<CommandName, CommandHandler>;
