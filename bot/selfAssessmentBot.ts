import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import { DialogSet, type DialogState } from "botbuilder-dialogs";
import type { BotServices } from "./app/botServices";
import { getCurrentAssessment } from "./app/currentAssessment";
import { readTurnCaller } from "./teams/turnCaller";
import { textWithoutMentions } from "./teams/mentionedPeople";
import { parseCommand } from "./commands/parseCommand";
import { replyWithNotice } from "./teams/replies";
import type { CommandRegistry } from "./commands/commandContext";
import type { ActionRegistry } from "./actions/actionContext";
import { dispatchAction, refuseUnreadableInvoke } from "./actions/dispatchAction";
import { storageUnavailableResponse } from "./actions/storageUnavailableCard";
import { StorageUnavailableError } from "../storage/storageErrors";
import { AssignDialog, ASSIGN_DIALOG_ID, type AssignDialogOptions } from "./dialogs/assignDialog";
import { rememberConversation } from "./teams/rememberConversation";

/**
 * The Teams entry point: messages become commands, Action.Execute invokes become card actions.
 * It holds no state of its own — dialog state lives in ConversationState (Azure Tables) — so any
 * instance behind the endpoint can take any turn.
 */
export class SelfAssessmentBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    private readonly commands: CommandRegistry,
    private readonly actions: ActionRegistry,
  ) {
    super();
    const dialogState = conversationState.createProperty<DialogState>("dialogState");
    this.dialogs = new DialogSet(dialogState).add(new AssignDialog(services));
    this.onMessage(async (turn, next) => {
      await this.handleMessage(turn);
      await next();
    });
  }

  override async run(turn: TurnContext): Promise<void> {
    await super.run(turn);
    await this.conversationState.saveChanges(turn, false);
  }

  /** A forged adaptiveCard/action value botbuilder cannot read gets a card too, not a 501/400 (see refuseUnreadableInvoke). */
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    const refused = turn.activity.name === "adaptiveCard/action" ? refuseUnreadableInvoke(turn.activity.value) : undefined;
    return refused ? { status: 200, body: refused } : super.onInvokeActivity(turn);
  }

  protected override async onAdaptiveCardInvoke(turn: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    try {
      const dialogContext = () => this.dialogs.createContext(turn);
      return await dispatchAction({ turn, invokeValue, services: this.services, actions: this.actions, dialogContext });
    } catch (error) {
      // Any read before the handler's own "not saved" card (dialog state, assessment, assignment)
      // would otherwise fail the turn: Teams shows a bare error and the typed text is lost.
      if (error instanceof StorageUnavailableError) return storageUnavailableResponse(invokeValue.action?.data);
      throw error;
    }
  }

  private async handleMessage(turn: TurnContext): Promise<void> {
    const callerResult = readTurnCaller(turn.activity);
    if (!callerResult.ok) {
      await replyWithNotice(turn, { title: "I can't help with that", lines: [callerResult.reason], tone: "warning" });
      return;
    }
    const { caller } = callerResult;
    await rememberConversation(this.services, turn, caller);
    const command = parseCommand(textWithoutMentions(turn.activity.text));
    const assessment = await getCurrentAssessment(this.services, caller.tenantId);
    const startDialog = async (options: AssignDialogOptions): Promise<void> => {
      const dialogContext = await this.dialogs.createContext(turn);
      await dialogContext.cancelAllDialogs();
      await dialogContext.beginDialog(ASSIGN_DIALOG_ID, options);
    };
    const args = command.kind === "command" ? command.args : [];
    const rawArgs = command.kind === "command" ? command.rawArgs : "";
    const handler = command.kind === "command" ? this.commands[command.name] : this.commands.help;
    if (command.kind === "unknown") {
      await replyWithNotice(turn, { title: `I don't know "${command.word}"`, lines: ["Here is what you can ask me:"], tone: "warning" });
    }
    await handler({ turn, caller, services: this.services, assessment, args, rawArgs, startAssignDialog: startDialog });
  }
}
