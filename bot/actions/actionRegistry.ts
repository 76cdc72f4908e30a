import type { BotServices } from "../app/botServices";
import type { ActionHandler } from "./actionContext";
import type { CardVerb } from "./cardVerbs";
import { submitAnswerAction } from "./handlers/submitAnswerAction";
import { showMyAnswerAction } from "./handlers/showMyAnswerAction";
import { submitGlobalScoreAction } from "./handlers/submitGlobalScoreAction";
import { recordDecisionAction } from "./handlers/recordDecisionAction";
import { acceptModalRatingsAction } from "./handlers/acceptModalRatingsAction";
import { recordGlobalDecisionAction } from "./handlers/recordGlobalDecisionAction";
import { confirmForgetAction } from "./handlers/confirmForgetAction";
import { assignCardAction } from "../dialogs/assignFlow";
import { recordYoungPeopleScoresAction } from "./handlers/recordYoungPeopleScoresAction";
import { updateActionItemAction } from "./handlers/updateActionItemAction";
import { sendBackAction } from "./handlers/sendBackAction";
import { showReRatingAction } from "./handlers/showReRatingAction";
import { submitReRatingAction } from "./handlers/submitReRatingAction";
import { confirmNewCycleAction } from "./handlers/confirmNewCycleAction";

/**
 * Every card verb and its handler: the one list of verbs and the one dispatch path. The assign
 * card's verbs go to assignCardAction, which continues the channel's assignment dialog — the only
 * handler that touches dialog state.
 */
export const ACTION_HANDLERS = {
  submitAnswer: submitAnswerAction,
  showMyAnswer: showMyAnswerAction,
  submitGlobalScore: submitGlobalScoreAction,
  recordDecision: recordDecisionAction,
  acceptModalRatings: acceptModalRatingsAction,
  recordGlobalDecision: recordGlobalDecisionAction,
  confirmForget: confirmForgetAction,
  assignAreas: assignCardAction,
  confirmReassign: assignCardAction,
  recordYoungPeopleScores: recordYoungPeopleScoresAction,
  updateActionItem: updateActionItemAction,
  sendBack: sendBackAction,
  showReRating: showReRatingAction,
  submitReRating: submitReRatingAction,
  confirmNewCycle: confirmNewCycleAction,
} satisfies Record<CardVerb, ActionHandler<BotServices>>;

/** Every handler in one table: whoever dispatches through it passes the whole bag, each handler takes its ports. */
export type ActionRegistry = Record<CardVerb, ActionHandler<BotServices>>;
