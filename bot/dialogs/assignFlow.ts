import { BotState, type StatePropertyAccessor, type Storage, type TurnContext } from "botbuilder";
import { DialogSet, type DialogState } from "botbuilder-dialogs";
import { isAllowed, whoMay } from "../../assessment/roles/authorizationMatrix";
import { buildNoticeCard } from "../../cards/noticeCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import type { ActionHandler } from "../actions/actionContext";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import { refusal } from "../teams/replies";
import { AssignDialog, ASSIGN_DIALOG_ID, type AssignDialogOptions, type AssignDialogPorts } from "./assignDialog";
import { takeDialogInvokeResponse } from "./dialogInvokeResponse";

/**
 * How long an assignment in progress waits for its form or confirmation. Filling the form takes
 * minutes; after an hour `assign` is typed again, which costs little, whereas a confirmation pressed
 * days later would move areas on what was true when it was asked.
 */
export const ASSIGN_FLOW_TTL_MS = 60 * 60 * 1000;

/**
 * The assignment dialog's state belongs to the channel, not to the post it was typed in: in Teams
 * every top-level post is its own conversation, so a flow keyed by conversation id could never be
 * finished from its card in another post. One flow per channel; a new `assign` replaces it. Only the
 * assign command and the assign card's verbs read or write it.
 */
class ChannelFlowState extends BotState {
  constructor(storage: Storage, channelId: string) {
    super(storage, () => Promise.resolve(`assignFlow/${channelId}`));
  }
}

interface Flow {
  state: ChannelFlowState;
  dialogs: DialogSet;
  startedAt: StatePropertyAccessor<string>;
}

/** The dialog's own state (the one place it is read or written), the clock for its expiry, and the dialog's ports. */
type AssignFlowPorts = AssignDialogPorts & Ports<"clock", "botState">;

/** The flow's ports and the coordinators' ids, to check who pressed. */
type AssignCardPorts = AssignFlowPorts & Ports<"config">;

function openFlow(services: AssignFlowPorts, channelId: string): Flow {
  const state = new ChannelFlowState(services.storage.botState, channelId);
  const dialogs = new DialogSet(state.createProperty<DialogState>("dialogState")).add(new AssignDialog(services));
  return { state, dialogs, startedAt: state.createProperty<string>("startedAt") };
}

/** Starts (or restarts) the channel's assignment flow; the caller has checked the role and the channel. */
export async function beginAssignFlow(
  services: AssignFlowPorts,
  turn: TurnContext,
  channelId: string,
  options: AssignDialogOptions,
): Promise<void> {
  const flow = openFlow(services, channelId);
  const dialogContext = await flow.dialogs.createContext(turn);
  await dialogContext.cancelAllDialogs();
  await flow.startedAt.set(turn, services.clock().toISOString());
  await dialogContext.beginDialog(ASSIGN_DIALOG_ID, options);
  await flow.state.saveChanges(turn, false);
}

/**
 * The handler of the assign card's verbs (assignAreas, confirmReassign) in the one verb table:
 * check who pressed, then continue the channel's flow, which answers with the card to show.
 * Anyone in the channel can see the card, so a refused press leaves the flow waiting, unchanged.
 */
export const assignCardAction: ActionHandler<AssignCardPorts> = async ({ turn, caller, services, verb }) => {
  const roles = resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds });
  if (!isAllowed(verb, roles)) return buildNoticeCard(refusal("answer this assignment card", whoMay(verb)));
  const channelId = caller.team?.channelId;
  if (!channelId) return expiredCard();
  const flow = openFlow(services, channelId);
  const startedAt = await flow.startedAt.get(turn);
  if (!startedAt || services.clock().getTime() - Date.parse(startedAt) > ASSIGN_FLOW_TTL_MS) {
    if (startedAt) await flow.state.delete(turn);
    return expiredCard();
  }
  const dialogContext = await flow.dialogs.createContext(turn);
  await dialogContext.continueDialog();
  await flow.state.saveChanges(turn, false);
  return takeDialogInvokeResponse(turn) ?? expiredCard();
};

function expiredCard(): AdaptiveCard {
  return buildNoticeCard({
    title: "Something needs attention",
    lines: ["This assignment card has expired. Type **assign** again to start over."],
    tone: "warning",
  });
}
