import { DialogReason, WaterfallDialog, type DialogContext, type DialogTurnResult } from "botbuilder-dialogs";

/**
 * A waterfall whose steps also advance on Adaptive Card actions. botbuilder's WaterfallDialog only
 * advances on message activities; our dialogs wait for an Action.Execute from the card they sent,
 * so the next step runs on that invoke (and reads the card's data from the activity itself).
 */
export class CardWaterfallDialog extends WaterfallDialog {
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type === "invoke" && activity.name === "adaptiveCard/action") {
      return this.resumeDialog(dc, DialogReason.continueCalled, undefined);
    }
    return super.continueDialog(dc);
  }
}
