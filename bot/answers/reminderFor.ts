import { MessageFactory, type Activity, type Mention } from "botbuilder";
import type { Answer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import { areaProgress } from "../../assessment/answers/areaProgress";

/**
 * The channel reminder for one area, for every surface (the `remind` command and the lead's tab):
 * a message @mentioning only those on the roster who still have statements to answer, or
 * undefined when everyone has answered.
 */
export function reminderFor(
  area: Area,
  answers: readonly Answer[],
  roster: readonly Person[],
): Partial<Activity> | undefined {
  const progress = areaProgress(area, answers, [], roster);
  if (progress.notDone.length === 0) return undefined;
  const unanswered = progress.perStatement
    .filter((item) => item.answered < roster.length)
    .map((item) => item.statementId);
  const mentions: Mention[] = progress.notDone.map(({ person }) => ({
    type: "mention",
    mentioned: { id: person.teamsUserId, name: person.name },
    text: `<at>${person.name}</at>`,
  }));
  const text = `A gentle reminder for area ${area.number} (${area.title}): ${mentions.map((mention) => mention.text).join(", ")} — there are statements still waiting for your view (${unanswered.join(", ")}). Your evidence matters even if you are unsure of the rating.`;
  const message = MessageFactory.text(text);
  message.entities = mentions;
  return message;
}
