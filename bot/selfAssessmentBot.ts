import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import type { BotServices } from "./app/botServices";
import { getCurrentAssessment } from "./app/currentAssessment";
import { readTurnCaller } from "./teams/turnCaller";
import { textWithoutMentions } from "./teams/mentions";
import { parseCommand } from "./commands/parseCommand";
import { placeRefusal } from "./commands/commandPlace";
import { replyWithNotice } from "./teams/replies";
import type { CommandRegistry } from "./commands/commandContext";
import type { ActionRegistry } from "./actions/actionRegistry";
import { dispatchAction, refuseUnreadableInvoke } from "./actions/dispatchAction";
import { storageUnavailableResponse } from "./actions/storageUnavailableCard";
import { StorageUnavailableError } from "../storage/storageErrors";
import { rememberConversation } from "./teams/rememberConversation";
import { readLifecycleEvent } from "./teams/lifecycleEvent";
import { handleLifecycleEvent } from "./teams/handleLifecycleEvent";

/**
 * The Teams entry point: messages become commands, Action.Execute invokes become card actions,
 * installation and conversation events keep where the bot may post up to date.
 * It holds no state of its own — the one dialog (assignment) keeps its state per channel in Azure
 * Tables, read only by the assign command and the assign card's verbs — so any instance behind the
 * endpoint can take any turn.
 */
export class SelfAssessmentBot extends TeamsActivityHandler {
  constructor(
    private readonly services: BotServices,
    private readonly commands: CommandRegistry,
    private readonly actions: ActionRegistry,
  ) {
    super();
    this.onMessage(async (turn, next) => {
      await this.handleMessage(turn);
      await next();
    });
    const onLifecycle = async (turn: TurnContext, next: () => Promise<void>) => {
      await handleLifecycleEvent(services, turn, readLifecycleEvent(turn.activity));
      await next();
    };
    this.onConversationUpdate(onLifecycle);
    this.onInstallationUpdate(onLifecycle);
  }

  /** A forged adaptiveCard/action value botbuilder cannot read gets a card too, not a 501/400 (see refuseUnreadableInvoke). */
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    const refused =
      turn.activity.name === "adaptiveCard/action" ? refuseUnreadableInvoke(turn.activity.value) : undefined;
    return refused ? { status: 200, body: refused } : super.onInvokeActivity(turn);
  }

  protected override async onAdaptiveCardInvoke(
    turn: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    try {
      return await dispatchAction({ turn, invokeValue, services: this.services, actions: this.actions });
    } catch (error) {
      // Any read before the handler's own "not saved" card (assessment, assignment, an assign flow's state)
      // would otherwise fail the turn: Teams shows a bare error and the typed text is lost. (refuseUnreadableInvoke
      // already answered an invoke without an action.)
      if (error instanceof StorageUnavailableError) return storageUnavailableResponse(invokeValue.action.data);
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
    const wrongPlace = command.kind === "command" ? placeRefusal(caller, command.name) : undefined;
    if (wrongPlace) {
      await replyWithNotice(turn, wrongPlace);
      return;
    }
    const assessment = await getCurrentAssessment(this.services, caller.tenantId);
    const args = command.kind === "command" ? command.args : [];
    const rawArgs = command.kind === "command" ? command.rawArgs : "";
    const handler = command.kind === "command" ? this.commands[command.name] : this.commands.help;
    if (command.kind === "unknown") {
      await replyWithNotice(turn, {
        title: `I don't know "${command.word}"`,
        lines: ["Here is what you can ask me:"],
        tone: "warning",
      });
    }
    await handler({ turn, caller, services: this.services, assessment, args, rawArgs });
  }
}
