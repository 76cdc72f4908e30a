import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { z } from "zod";
import { buildNoticeCard } from "../../cards/noticeCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { getCurrentAssessment, type AssessmentPorts } from "../app/currentAssessment";
import { readTurnCaller } from "../teams/turnCaller";
import type { ActionHandler } from "./actionContext";
import type { CardVerb } from "./cardVerbs";
import { cardResponse } from "./cardResponse";

const invokeSchema = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string().max(64),
    data: z.record(z.string(), z.unknown()).optional().default({}),
  }),
  trigger: z.enum(["manual", "automatic"]).optional().default("manual"),
});

/** The part of an invoke value botbuilder reads before onAdaptiveCardInvoke is called. */
const executeActionShape = z.object({ action: z.object({ type: z.literal("Action.Execute") }) });
const UNREADABLE_ACTION = "That card action was not in a form I understand.";

/**
 * Routes an Action.Execute invoke to its verb's handler. Teams expects HTTP 200 with a card even
 * for errors (a non-200 shows a generic failure and loses what the user typed), so every path —
 * unknown verb, malformed payload, refusal — answers with a card that explains.
 */
export async function dispatchAction<P extends AssessmentPorts>(input: {
  turn: TurnContext;
  invokeValue: AdaptiveCardInvokeValue;
  /** What every handler of the table takes (dispatch itself reads only the current assessment). */
  services: P;
  actions: Record<CardVerb, ActionHandler<P>>;
}): Promise<AdaptiveCardInvokeResponse> {
  const { turn, services } = input;
  const parsed = invokeSchema.safeParse(turn.activity.value);
  if (!parsed.success) return cardResponse(problemCard(UNREADABLE_ACTION));
  const verb = parsed.data.action.verb;
  if (!isCardVerb(verb, input.actions))
    return cardResponse(
      problemCard("That button is from an older version of this app. Ask your lead to post the cards again."),
    );
  const callerResult = readTurnCaller(turn.activity);
  if (!callerResult.ok) return cardResponse(problemCard(callerResult.reason));
  // Read first: after `new cycle` the current assessment is found by following the chain of cycles, not derived.
  const assessment = await getCurrentAssessment(services, callerResult.caller.tenantId);
  const card = await input.actions[verb]({
    turn,
    caller: callerResult.caller,
    verb,
    services,
    assessmentId: assessment.id,
    assessment: Promise.resolve(assessment),
    data: parsed.data.action.data,
    trigger: parsed.data.trigger,
  });
  return cardResponse(card);
}

/**
 * botbuilder reads an adaptiveCard/action value itself before onAdaptiveCardInvoke, and a forged
 * one without an `action` object makes it throw a TypeError (HTTP 501, found by fuzzing) while
 * another action type gets a bare 400. The bot answers those with the same card as any other
 * malformed payload; undefined means botbuilder can read the value.
 */
export function refuseUnreadableInvoke(value: unknown): AdaptiveCardInvokeResponse | undefined {
  return executeActionShape.safeParse(value).success ? undefined : cardResponse(problemCard(UNREADABLE_ACTION));
}

function isCardVerb(verb: string, actions: Record<CardVerb, unknown>): verb is CardVerb {
  return Object.hasOwn(actions, verb);
}

function problemCard(message: string): AdaptiveCard {
  return buildNoticeCard({ title: "Something needs attention", lines: [message], tone: "warning" });
}
