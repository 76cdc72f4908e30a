import template from "./templates/youngPeopleCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import type { Framework } from "../assessment/framework/frameworkSchema";
import type { YoungPeopleScores } from "../assessment/youngPeople/youngPeopleScores";

export interface YoungPeopleCardData {
  framework: Framework;
  assessmentId: string;
  current: YoungPeopleScores | undefined;
  /** What the coordinator typed, kept when it was refused. */
  entered?: Readonly<Record<string, string>>;
  error?: string;
}

/** The input id of an area's score on the card. */
export function youngPeopleInputId(areaNumber: number): string {
  return `youngPeople_${areaNumber}`;
}

/** Ten 0–10 inputs, one per area (filled with what is recorded), and a note of where the scores came from. */
export function buildYoungPeopleCard(data: YoungPeopleCardData): AdaptiveCard {
  const max = data.framework.globalScoreMax;
  return expandTemplate(template, {
    assessmentId: data.assessmentId,
    max,
    error: data.error ?? "",
    source: data.entered?.["source"] ?? data.current?.source ?? "",
    areas: data.framework.areas.map((area) => {
      const inputId = youngPeopleInputId(area.number);
      const stored = data.current?.scores[String(area.number)];
      return {
        inputId,
        label: `${area.number}. ${area.globalLine}`,
        max,
        value: data.entered?.[inputId] ?? (stored === undefined ? "" : String(stored)),
      };
    }),
  });
}
