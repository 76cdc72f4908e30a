import type { ActionRegistry } from "./actionContext";
import { submitAnswerAction } from "./handlers/submitAnswerAction";
import { showMyAnswerAction } from "./handlers/showMyAnswerAction";
import { submitGlobalScoreAction } from "./handlers/submitGlobalScoreAction";
import { recordDecisionAction } from "./handlers/recordDecisionAction";
import { acceptModalRatingsAction } from "./handlers/acceptModalRatingsAction";
import { recordGlobalDecisionAction } from "./handlers/recordGlobalDecisionAction";
import { confirmForgetAction } from "./handlers/confirmForgetAction";

/** Every card verb's handler, in one explicit list; the assignment verbs belong to AssignDialog. */
export const ACTION_HANDLERS: ActionRegistry = {
  submitAnswer: submitAnswerAction,
  showMyAnswer: showMyAnswerAction,
  submitGlobalScore: submitGlobalScoreAction,
  recordDecision: recordDecisionAction,
  acceptModalRatings: acceptModalRatingsAction,
  recordGlobalDecision: recordGlobalDecisionAction,
  confirmForget: confirmForgetAction,
};
