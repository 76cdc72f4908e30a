import template from "./templates/introCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import type { Area, Framework } from "../assessment/framework/frameworkSchema";
import { plural } from "../assessment/text/plural";
import { formatCalendarDate } from "../assessment/time/formatDates";
import { markdownLiteral } from "../assessment/text/markdownLiteral";

export interface IntroCardData {
  framework: Framework;
  area: Area;
  deadline?: string;
  leadNames: readonly string[];
}

/** Posted before an area's statements: what to do, the rating guide and the deadline. */
export function buildIntroCard(data: IntroCardData): AdaptiveCard {
  const { framework, area } = data;
  return expandTemplate(template, {
    areaHeading: `${area.number}. ${area.title}`,
    frameworkTitle: framework.title,
    steps: [
      `This channel's working group reviews area ${area.number}: ${plural(area.statements.length, "statement")} follow, one card each.`,
      "For each statement choose how far you agree, then say how we know (evidence, examples, any disagreement, obstacles) and add ideas for improvement.",
      "You can change your answer until the area closes. Nobody sees how others rated until moderation, so rate independently.",
      `At the end, give the area a global score out of ${framework.globalScoreMax}.`,
    ],
    scale: framework.scale.map((level) => ({ title: `${level.value} ${level.shortLabel}`, guide: level.guide })),
    deadlineLine: data.deadline
      ? `Please answer by ${formatCalendarDate(data.deadline)}.`
      : "The coordinator has not set a deadline yet.",
    leads: data.leadNames.length > 0 ? data.leadNames.map(markdownLiteral).join(", ") : "not named yet",
  });
}
