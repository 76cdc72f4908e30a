import type { TurnContext } from "botbuilder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { TurnCaller } from "../teams/turnCaller";
import type { CardVerb } from "./cardVerbs";

/** What a card handler gets; `P` names the ports it uses (dispatch passes them all). */
export interface ActionContext<P> {
  turn: TurnContext;
  caller: TurnCaller;
  /** The verb pressed; a handler that serves several verbs (the assign card's) checks the role for it. */
  verb: CardVerb;
  services: P;
  /** The tenant's current assessment (a card naming another, e.g. a closed cycle's, is refused). */
  assessmentId: string;
  /** Its details (already read: finding the current cycle needs them). */
  assessment: Promise<AssessmentDetails>;
  /** `action.data` with the card's inputs merged in, as Teams sends it: untrusted until parsed. */
  data: Record<string, unknown>;
  /** "automatic" when Teams refreshes a card on its own, "manual" when someone pressed a button. */
  trigger: "manual" | "automatic";
}

/** One handler per verb; it answers with the card that replaces the one the user acted on. */
export type ActionHandler<P> = (context: ActionContext<P>) => Promise<AdaptiveCard>;
