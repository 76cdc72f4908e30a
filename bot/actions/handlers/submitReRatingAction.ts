import { z } from "zod";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { saveAnswer, type SaveAnswerServices } from "../../answers/saveAnswer";
import { readRoundSubject } from "../../rounds/readRoundSubject";
import { reRatingOwnView } from "../../rounds/reRatingViews";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { enteredChoice, enteredText, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";
import type { Ports } from "../../app/botServices";

type SubmitReRatingPorts = CardTargetPorts &
  SaveAnswerServices &
  Parameters<typeof readRoundSubject>[0] &
  Ports<"framework">;

const choiceSchema = z.object({ choice: z.enum(["confirm", "change"]) });

/**
 * A member confirms or changes their rating in a later round, through the shared saveAnswer service
 * with the round number (which keeps their earlier round's answer on the record). Early exits: card
 * identity and role → the card's round is the statement's current one → they answered before → save.
 * "Keep my rating" sends no inputs: it saves their stored answer again, in this round.
 */
export const submitReRatingAction: ActionHandler<SubmitReRatingPorts> = async (context) => {
  const notSaved = (message: string) =>
    buildNoticeCard({ title: "Your rating was not saved", lines: [message], tone: "warning" });
  const target = await resolveCardTarget(context, "submitReRating", { statementRequired: true });
  if (!target.ok || !target.statement) return notSaved(target.ok ? "Unknown statement." : target.message);
  const choice = choiceSchema.safeParse(context.data);
  if (!choice.success) return notSaved("This card is damaged or out of date.");
  const read = await readRoundSubject(context.services, target, context.data);
  if (!read.ok) return notSaved(read.message);
  const { services, caller } = context;
  const { subject } = read;
  const own = subject.answers.find((answer) => answer.respondent.aadObjectId === caller.person.aadObjectId);
  if (!own)
    return notSaved(
      `You did not answer ${subject.statement.id} before, so there is no rating to confirm: answer it on the statement's card.`,
    );
  const typed =
    choice.data.choice === "confirm"
      ? { rating: String(own.rating), evidence: own.evidence, ideas: own.ideas }
      : {
          rating: typedString(context.data, "rating"),
          evidence: typedString(context.data, "evidence"),
          ideas: typedString(context.data, "ideas"),
        };
  const { timeZone } = await context.assessment;
  const result = await saveAnswer(services, {
    assignment: subject.assignment,
    area: subject.area,
    statement: subject.statement,
    respondent: caller.person,
    ...typed,
    round: subject.round,
  });
  const view = { aadObjectId: caller.person.aadObjectId, timeZone };
  if (!result.ok)
    return reRatingOwnView(services, subject, {
      ...view,
      error: result.message,
      entered: {
        rating: enteredChoice(context.data, "rating") || typed.rating,
        evidence: enteredText(context.data, "evidence", ANSWER_LIMITS.evidenceMaxChars).text || typed.evidence,
        ideas: enteredText(context.data, "ideas", ANSWER_LIMITS.ideasMaxChars).text || typed.ideas,
      },
    });
  const answers = subject.answers.map((answer) => (answer === own ? result.answer : answer));
  return reRatingOwnView(services, { ...subject, answers }, view);
};
